#include "warnings.h"

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

//! The runtime's own cancellation errors: catching one of these is catching the cancellation.
bool isCancellationError(Runtime runtime, const QString &error)
{
    switch (runtime) {
    case Runtime::Asyncio:
        return error == "CancelledError"_L1;
    case Runtime::Kotlin:
        return error == "CancellationException"_L1 || error == "TimeoutCancellationException"_L1;
    case Runtime::Swift:
        return error == "CancellationError"_L1;
    }
    return false;
}

//! Kotlin: the suspending calls that throw on entry when the coroutine is already cancelled
//! (a delay, a join, a channel receive, awaitAll). Checks (ensureActive, isActive) and scopes
//! that throw when they return (withContext, coroutineScope) are not "a call that throws at once".
bool isSuspendingCall(const QString &at)
{
    return at == "sleep"_L1 || at == "join"_L1 || at == "waitSignal"_L1 || at == "awaitAll"_L1;
}

} // namespace

const char *warningKindName(WarningKind kind)
{
    switch (kind) {
    case WarningKind::SwallowedCancellation: return "swallowed-cancellation";
    case WarningKind::UndeliveredCancel: return "undelivered-cancel";
    case WarningKind::OrphanTask: return "orphan-task";
    case WarningKind::DiscardedChildError: return "discarded-child-error";
    case WarningKind::SuspendInCancelledFinally: return "suspend-in-cancelled-finally";
    }
    return "unknown";
}

WarningDetector::WarningDetector(Runtime runtime, TaskPathResolver path) : WarningDetector(runtime, std::move(path), Options())
{
}

WarningDetector::WarningDetector(Runtime runtime, TaskPathResolver path, Options options)
    : m_runtime(runtime), m_path(std::move(path)), m_options(options)
{
}

void WarningDetector::reset()
{
    m_tasks.clear();
}

WarningDetector::TaskState &WarningDetector::state(int task)
{
    if (std::size_t(task) >= m_tasks.size())
        m_tasks.resize(std::size_t(task) + 1);
    return m_tasks[std::size_t(task)];
}

void WarningDetector::warn(std::vector<TraceWarning> *out, WarningKind kind, int task, int other, const TraceEvent &at,
                           const QStringList &figures)
{
    TaskState &s = state(task);
    const quint8 bit = quint8(1u << unsigned(kind));
    if (s.warned & bit)
        return;  // once per task and kind: the first time is the lesson
    s.warned |= bit;
    TraceWarning warning;
    warning.kind = kind;
    warning.task = task;
    warning.other = other;
    warning.seq = at.seq;
    warning.t = at.t;
    warning.summary = warningSummary(kind, m_runtime, figures);
    warning.explanation = warningExplanation(kind, m_runtime);
    out->push_back(std::move(warning));
}

std::vector<TraceWarning> WarningDetector::feed(const TraceEvent &event)
{
    std::vector<TraceWarning> out;
    if (event.task < 0)
        return out;
    TaskState &s = state(event.task);
    checkCpu(event, s, &out);
    checkCancellation(event, state(event.task), &out);

    switch (event.kind) {
    case EventKind::Spawn:
        if (event.other >= 0 && LinkCode(event.code) == LinkCode::Unstructured) {
            state(event.task).spawner = event.other;
            state(event.other).unstructuredChildren.push_back(event.task);
        }
        break;
    case EventKind::End: {
        state(event.task).ended = true;
        // Its unstructured tasks still running are nobody's now.
        const std::vector<int> children = state(event.task).unstructuredChildren;
        for (int child : children) {
            if (!state(child).ended) {
                warn(&out, WarningKind::OrphanTask, child, event.task, event,
                     {m_path(child), m_path(event.task), QString::number(event.t)});
            }
        }
        break;
    }
    case EventKind::ErrorDiscarded:
        if (event.other >= 0)
            warn(&out, WarningKind::DiscardedChildError, event.other, event.task, event,
                 {m_path(event.other), event.text, m_path(event.task)});
        break;
    default:
        break;
    }
    state(event.task).lastKind = event.kind;
    return out;
}

void WarningDetector::checkCancellation(const TraceEvent &event, TaskState &s, std::vector<TraceWarning> *out)
{
    switch (event.kind) {
    case EventKind::CleanupEnter:
        s.cleanups.push_back(event.text == "finally"_L1);
        break;
    case EventKind::CleanupExit:
        if (!s.cleanups.empty())
            s.cleanups.pop_back();
        break;
    case EventKind::CancelDeliver: {
        const bool inFinally = std::find(s.cleanups.begin(), s.cleanups.end(), true) != s.cleanups.end();
        // Kotlin: a suspending call of an already cancelled coroutine throws without suspending, so
        // nothing (no suspend / resume) comes between the call and the delivery.
        if (m_runtime == Runtime::Kotlin && inFinally && isSuspendingCall(event.text) && s.lastKind != EventKind::Resume) {
            warn(out, WarningKind::SuspendInCancelledFinally, event.task, -1, event,
                 {m_path(event.task), event.text, QString::number(event.t)});
        }
        s.inFlight = true;
        s.leftTimeoutScope = false;
        break;
    }
    case EventKind::DeadlineClear:
        // Kotlin: withTimeout's own cancellation leaves the block as TimeoutCancellationException,
        // which the code around it may catch: that is handling the timeout, not swallowing.
        if (s.inFlight)
            s.leftTimeoutScope = true;
        break;
    case EventKind::Catch: {
        const bool handlesTimeout = s.leftTimeoutScope && event.text == "TimeoutCancellationException"_L1;
        if (s.inFlight && event.code == 0 && isCancellationError(m_runtime, event.text) && !handlesTimeout) {
            warn(out, WarningKind::SwallowedCancellation, event.task, -1, event,
                 {m_path(event.task), event.text, QString::number(event.t)});
        }
        s.inFlight = s.inFlight && event.code == 1;  // a rethrowing clause keeps it going
        break;
    }
    case EventKind::Raise:
    case EventKind::End:
        s.inFlight = false;  // another error replaces it (asyncio's TimeoutError), or the task is over
        break;
    default:
        break;
    }
}

void WarningDetector::checkCpu(const TraceEvent &event, TaskState &s, std::vector<TraceWarning> *out)
{
    // Reported at the task's first event at or after the moment its CPU work since the request
    // reached the threshold: the end of the stretch of work that reached it.
    if (s.pending && s.crossing >= 0 && event.t >= s.crossing) {
        warn(out, WarningKind::UndeliveredCancel, event.task, -1, event,
             {m_path(event.task), QString::number(s.requestT), QString::number(s.cpuMs)});
        s.crossing = -1;
    }
    auto account = [&](qint64 from, qint64 to) {
        if (to <= from)
            return;
        const qint64 before = s.cpuMs;
        s.cpuMs += to - from;
        if (before < m_options.cpuThresholdMs && s.cpuMs >= m_options.cpuThresholdMs)
            s.crossing = from + (m_options.cpuThresholdMs - before);
    };
    switch (event.kind) {
    case EventKind::Work:
        s.workStart = event.t;
        s.workEnd = event.t + event.ms;
        if (s.pending)
            account(event.t, s.workEnd);
        break;
    case EventKind::CancelRequest:
        if (!s.pending) {
            s.pending = true;
            s.requestT = event.t;
            s.cpuMs = 0;
            s.crossing = -1;
            account(event.t, s.workEnd);  // the stretch it interrupted, if any, counts from now
        }
        break;
    case EventKind::Checkpoint:
        if (s.pending) {
            // The code looked: count again from here (a poll that goes on working is a new stretch).
            s.cpuMs = 0;
            s.crossing = -1;
            s.workEnd = -1;
        }
        break;
    case EventKind::CancelDeliver:
    case EventKind::End:
        s.pending = false;
        s.crossing = -1;
        break;
    default:
        break;
    }
}

std::vector<TraceWarning> findWarnings(const std::vector<TraceEvent> &events, Runtime runtime,
                                       const TaskPathResolver &path, WarningDetector::Options options)
{
    WarningDetector detector(runtime, path, options);
    std::vector<TraceWarning> all;
    for (const TraceEvent &event : events) {
        std::vector<TraceWarning> found = detector.feed(event);
        all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return all;
}

} // namespace cascade
