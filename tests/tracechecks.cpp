// The invariants (a)-(d) and (f)-(l) of tracechecks.h, and the coverage of a sweep. (e), the
// shields, is in tracechecks_shields.cpp.

#include "tracechecker.h"

#include <algorithm>

namespace cascade::testing {

namespace {

QString specName(const QString &path)
{
    return path.section(QLatin1Char('/'), -1).section(QLatin1Char('['), 0, 0);
}

} // namespace

RunView runViewOf(const Engine &engine, Runtime runtime, const ScenarioFacts &facts, const QList<UserAction> &actions)
{
    RunView view;
    view.runtime = runtime;
    view.events = &engine.events();
    view.taskCount = engine.taskCount();
    view.path = engine.pathResolver();
    view.finished = engine.finished();
    for (int id = 0; id < engine.taskCount(); ++id) {
        if (engine.abandoned(id))
            view.abandoned.insert(id);
    }
    view.abortReason = engine.abortReason();
    view.facts = &facts;
    view.actions = actions;
    return view;
}

QStringList checkInvariants(const RunView &run)
{
    return TraceChecker(run).check();
}

QStringList TraceChecker::check()
{
    checkOrder();
    indexTasks();
    checkLifecycle();
    checkStructuredEnds();
    if (m_run.runtime == Runtime::Asyncio)
        checkAsyncioShields();
    if (m_run.runtime == Runtime::Kotlin)
        checkKotlinNonCancellable();
    checkDeliveries();
    checkEnds();
    checkSuspensions();
    if (m_run.runtime == Runtime::Asyncio)
        checkAsyncioCpu();
    if (m_run.runtime == Runtime::Swift)
        checkSwiftFlag();
    checkFailActions();
    checkMarks();
    checkDiscardedErrors();
    if (!m_run.abortReason.isEmpty())
        fail(QStringLiteral("(g)"), -1, QStringLiteral("the run stopped: %1").arg(m_run.abortReason));
    return m_problems;
}

void TraceChecker::fail(const QString &invariant, qsizetype at, const QString &what)
{
    if (m_problems.size() >= 20)
        return;
    m_problems << QStringLiteral("%1 %2%3").arg(invariant, at >= 0 ? QStringLiteral("seq %1: ").arg(at) : QString(),
                                                what);
}

void TraceChecker::indexTasks()
{
    m_tasks.assign(std::size_t(std::max(0, m_run.taskCount)), TaskInfo());
    for (int id = 0; id < m_run.taskCount; ++id)
        m_tasks[std::size_t(id)].name = specName(m_run.path(id));
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (!validTask(e.task)) {
            fail(QStringLiteral("(b)"), i, QStringLiteral("event for unknown task id %1").arg(e.task));
            continue;
        }
        TaskInfo &t = m_tasks[std::size_t(e.task)];
        if (t.first < 0 && e.kind != EventKind::ActionIgnored)
            t.first = i;
        switch (e.kind) {
        case EventKind::Spawn:
            if (t.spawns++ == 0) {
                t.spawn = i;
                t.parent = e.other;
                t.child = e.code == quint8(LinkCode::Child);
            }
            break;
        case EventKind::Start:
            if (t.starts++ == 0)
                t.start = i;
            break;
        case EventKind::End:
            if (t.ends++ == 0) {
                t.end = i;
                t.outcome = Outcome(e.code);
            }
            break;
        default:
            break;
        }
    }
}

bool TraceChecker::isDescendantOrSelf(int id, int ancestor) const
{
    for (int at = id; validTask(at); at = m_tasks[std::size_t(at)].parent) {
        if (at == ancestor)
            return true;
    }
    return false;
}

// (a)
void TraceChecker::checkOrder()
{
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (e.seq != i)
            fail(QStringLiteral("(a)"), i, QStringLiteral("seq is %1, expected %2").arg(e.seq).arg(i));
        if (i > 0 && e.t < m_events[std::size_t(i - 1)].t)
            fail(QStringLiteral("(a)"), i, QStringLiteral("t goes back from %1 to %2").arg(m_events[std::size_t(i - 1)].t).arg(e.t));
    }
}

// (b), (c)
void TraceChecker::checkLifecycle()
{
    const bool complete = m_run.finished && m_run.abortReason.isEmpty();
    for (int id = 0; id < m_run.taskCount; ++id) {
        const TaskInfo &t = m_tasks[std::size_t(id)];
        const QString path = who(id);
        if (t.spawns != 1)
            fail(QStringLiteral("(b)"), -1, QStringLiteral("%1 has %2 spawn events").arg(path).arg(t.spawns));
        if (t.spawn >= 0 && t.first != t.spawn)
            fail(QStringLiteral("(b)"), t.first, QStringLiteral("%1: first event is not its spawn").arg(path));
        if (t.starts > 1)
            fail(QStringLiteral("(b)"), -1, QStringLiteral("%1 starts %2 times").arg(path).arg(t.starts));
        if (t.ends > 1)
            fail(QStringLiteral("(b)"), -1, QStringLiteral("%1 ends %2 times").arg(path).arg(t.ends));
        if (complete && t.ends == 0 && !m_run.abandoned.contains(id))
            fail(QStringLiteral("(b)"), -1,
                 QStringLiteral("%1 never ends although the run finished (waits forever?)").arg(path));
        if (t.ends > 0 && t.starts == 0 && m_run.runtime == Runtime::Swift)
            fail(QStringLiteral("(b)"), t.end, QStringLiteral("%1 ended without starting (Swift starts every task)").arg(path));
        if (t.ends > 0 && t.starts == 0 && t.outcome != Outcome::Cancelled)
            fail(QStringLiteral("(b)"), t.end, QStringLiteral("%1 ended %2 without starting")
                                                   .arg(path, QString::fromLatin1(outcomeName(t.outcome))));
        if (t.start >= 0 && t.end >= 0 && t.end < t.start)
            fail(QStringLiteral("(b)"), t.end, QStringLiteral("%1 ends before it starts").arg(path));
        if (t.parent >= 0 && validTask(t.parent) && m_tasks[std::size_t(t.parent)].spawn > t.spawn)
            fail(QStringLiteral("(b)"), t.spawn, QStringLiteral("%1 is spawned before its parent").arg(path));
    }
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (!validTask(e.task) || e.kind == EventKind::ActionIgnored)
            continue;
        const TaskInfo &t = m_tasks[std::size_t(e.task)];
        if (t.end >= 0 && i > t.end)
            fail(QStringLiteral("(c)"), i, QStringLiteral("%1 event for %2 after its end (seq %3)")
                                               .arg(QString::fromLatin1(eventKindName(e.kind)), who(e.task))
                                               .arg(t.end));
        // Before its start a task can only be requested to cancel (or end, cancelled), or be given
        // a deadline or a shield (a user action, or an asyncio join through shield()).
        const bool beforeStart = t.start < 0 || i < t.start;
        const bool mark = e.kind == EventKind::DeadlineSet || e.kind == EventKind::DeadlineClear
            || e.kind == EventKind::ShieldOn || e.kind == EventKind::ShieldOff;
        if (beforeStart && !mark && e.kind != EventKind::Spawn && e.kind != EventKind::CancelRequest
            && e.kind != EventKind::CancelBlocked && e.kind != EventKind::End && e.kind != EventKind::Start)
            fail(QStringLiteral("(b)"), i, QStringLiteral("%1 event for %2 before it started")
                                               .arg(QString::fromLatin1(eventKindName(e.kind)), who(e.task)));
    }
}

// (d)
void TraceChecker::checkStructuredEnds()
{
    for (int id = 0; id < m_run.taskCount; ++id) {
        const TaskInfo &t = m_tasks[std::size_t(id)];
        if (!t.child || !validTask(t.parent))
            continue;
        const TaskInfo &parent = m_tasks[std::size_t(t.parent)];
        if (parent.end < 0 || (t.end >= 0 && t.end < parent.end))
            continue;
        if (m_run.runtime == Runtime::Asyncio && gatherLeftRunning(id))
            continue;  // semantics.md, asyncio gather: "the other children keep running"
        if (m_run.runtime == Runtime::Asyncio && waitForInterrupted(id))
            continue;  // CPython 3.11: a cancel that interrupts wait_for's _cancel_and_wait leaves it running
        fail(QStringLiteral("(d)"), parent.end,
             QStringLiteral("%1 ends while its structured child %2 is still running%3")
                 .arg(who(t.parent), who(id), t.end >= 0 ? QStringLiteral(" (it ends at seq %1)").arg(t.end) : QString()));
    }
}

//! asyncio: `id` is the inner task of wait_for, which cancelled it (cause timeout or parent) and
//! was itself cancelled while it waited for that cancel to finish: wait_for then raises at once
//! and leaves its inner task running (CPython 3.11's _cancel_and_wait; tst_fidelity).
bool TraceChecker::waitForInterrupted(int id) const
{
    const TaskInfo &t = m_tasks[std::size_t(id)];
    const qsizetype parentEnd = m_tasks[std::size_t(t.parent)].end;
    bool cancelledByParent = false;
    for (qsizetype i = t.spawn + 1; i < parentEnd; ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (e.task == id && e.kind == EventKind::CancelRequest && e.other == t.parent)
            cancelledByParent = true;
        if (cancelledByParent && e.task == t.parent && e.kind == EventKind::CancelDeliver
            && (e.text == QLatin1String("wait_for") || e.text == QLatin1String("join")))
            return true;
    }
    return false;
}

//! asyncio: `id` came from a gather call that raised early because a sibling ended abruptly, or
//! from a tolerant group (gather(..., return_exceptions=True) after the group's steps) whose
//! steps left the group before its gather() call.
bool TraceChecker::gatherLeftRunning(int id) const
{
    const TaskInfo &t = m_tasks[std::size_t(id)];
    const qsizetype parentEnd = m_tasks[std::size_t(t.parent)].end;
    const auto group = m_run.facts->groupOf.constFind(t.name);
    if (group != m_run.facts->groupOf.cend() && m_run.facts->tolerantGroups.contains(group.value())) {
        for (qsizetype i = t.spawn + 1; i < parentEnd; ++i) {
            const TraceEvent &e = m_events[std::size_t(i)];
            if (e.task == t.parent && e.kind == EventKind::Suspend && e.text == QLatin1String("gather"))
                return false;  // it reached gather(), which waits for every task
        }
        return true;
    }
    const auto gather = m_run.facts->gatherOf.constFind(t.name);
    if (gather == m_run.facts->gatherOf.cend())
        return false;
    // An error raised into the parent (a user "fail") while it awaited the gather ends the
    // await just the same: the gather's tasks are left running, as with a failing sibling.
    for (qsizetype i = t.spawn + 1; i < parentEnd; ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (e.task == t.parent && e.kind == EventKind::Raise && userFailErrors().contains(e.text))
            return true;
    }
    for (int other = 0; other < m_run.taskCount; ++other) {
        const TaskInfo &s = m_tasks[std::size_t(other)];
        if (other == id || s.parent != t.parent || s.end < 0 || s.end > parentEnd || s.outcome == Outcome::Completed)
            continue;
        const auto sg = m_run.facts->gatherOf.constFind(s.name);
        if (sg == m_run.facts->gatherOf.cend() || sg.value() != gather.value())
            continue;
        if (m_events[std::size_t(s.spawn)].t == m_events[std::size_t(t.spawn)].t)  // the same gather call
            return true;
    }
    return false;
}

// (f)
void TraceChecker::checkDeliveries()
{
    std::vector<int> requests(m_tasks.size(), 0);
    std::vector<int> timeouts(m_tasks.size(), 0);
    std::vector<int> deliveries(m_tasks.size(), 0);
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (!validTask(e.task))
            continue;
        const std::size_t task = std::size_t(e.task);
        if (e.kind == EventKind::CancelRequest)
            ++requests[task];
        else if (e.kind == EventKind::Timeout)
            ++timeouts[task];
        if (e.kind != EventKind::CancelDeliver)
            continue;
        // `if task.cancelling(): raise CancelledError` is the program raising, not a delivery.
        if (e.text != QLatin1String("ifCancelled"))
            ++deliveries[task];
        if (requests[task] == 0 && timeouts[task] == 0)
            fail(QStringLiteral("(f)"), i, QStringLiteral("%1: cancel-deliver at=%2 without any cancel-request or timeout before")
                                               .arg(who(e.task), e.text));
        else if (m_run.runtime == Runtime::Asyncio && deliveries[task] > requests[task] + timeouts[task])
            fail(QStringLiteral("(f)"), i, QStringLiteral("%1: cancel-deliver at=%2 is delivery #%3 after only %4 request(s) "
                                                          "and %5 timeout(s)")
                                               .arg(who(e.task), e.text)
                                               .arg(deliveries[task])
                                               .arg(requests[task])
                                               .arg(timeouts[task]));
    }
}

// (h) an end says what ended the task
void TraceChecker::checkEnds()
{
    for (int id = 0; id < m_run.taskCount; ++id) {
        const TaskInfo &t = m_tasks[std::size_t(id)];
        if (t.end < 0)
            continue;
        const TraceEvent &e = m_events[std::size_t(t.end)];
        if ((t.outcome == Outcome::Completed) != e.text.isEmpty())
            fail(QStringLiteral("(h)"), t.end, QStringLiteral("%1 ends %2 with error '%3'")
                                                   .arg(who(id), QString::fromLatin1(outcomeName(t.outcome)), e.text));
    }
}

// (i) suspend and resume alternate; a suspended task does nothing itself (only requests,
// timers and cancellation handlers reach it); a sleep ends early only with an error.
void TraceChecker::checkSuspensions()
{
    struct State {
        qsizetype suspendedAt = -1;
        qint64 sleepUntil = -1;
        qsizetype earlyResume = -1;
        int handlerDepth = 0;
    };
    std::vector<State> state(m_tasks.size());
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (!validTask(e.task) || e.kind == EventKind::ActionIgnored)
            continue;
        State &s = state[std::size_t(e.task)];
        if (s.earlyResume >= 0) {
            // The first thing a task does after an early wake from a sleep is to raise.
            if (e.kind != EventKind::CancelDeliver && e.kind != EventKind::Raise && e.kind != EventKind::CancelRequest
                && e.kind != EventKind::CancelBlocked)
                fail(QStringLiteral("(i)"), i, QStringLiteral("%1 woke from its sleep early (seq %2) without an error")
                                                   .arg(who(e.task))
                                                   .arg(s.earlyResume));
            if (e.kind != EventKind::CancelRequest && e.kind != EventKind::CancelBlocked)
                s.earlyResume = -1;
        }
        const bool suspended = s.suspendedAt >= 0;
        switch (e.kind) {
        case EventKind::Suspend:
            if (suspended)
                fail(QStringLiteral("(i)"), i, QStringLiteral("%1 suspends again (already suspended at seq %2)")
                                                   .arg(who(e.task))
                                                   .arg(s.suspendedAt));
            s.suspendedAt = i;
            // "on": "sleep" with "ms" (older traces: "sleep 500 ms").
            s.sleepUntil = e.text == QLatin1String("sleep") ? e.t + e.ms
                : e.text.startsWith(QLatin1String("sleep ")) ? e.t + e.text.section(QLatin1Char(' '), 1, 1).toLongLong()
                                                             : -1;
            break;
        case EventKind::Resume:
            if (!suspended)
                fail(QStringLiteral("(i)"), i, QStringLiteral("%1 resumes without being suspended").arg(who(e.task)));
            if (s.sleepUntil >= 0 && e.t < s.sleepUntil)
                s.earlyResume = i;
            s.suspendedAt = -1;
            s.sleepUntil = -1;
            break;
        case EventKind::CancelRequest:
        case EventKind::CancelBlocked:
        case EventKind::Timeout:
        // Given from outside: a user's timeout or shield, an asyncio join through shield().
        case EventKind::DeadlineSet:
        case EventKind::ShieldOn:
        case EventKind::ShieldOff:
            break;
        case EventKind::CleanupEnter:
        case EventKind::CleanupExit:
            if (suspended && e.text == QLatin1String("onCancel")) {
                s.handlerDepth += e.kind == EventKind::CleanupEnter ? 1 : -1;
                break;
            }
            [[fallthrough]];
        default:
            if (suspended && !(e.kind == EventKind::Print && s.handlerDepth > 0))
                fail(QStringLiteral("(i)"), i, QStringLiteral("%1: %2 while suspended (since seq %3)")
                                                   .arg(who(e.task), QString::fromLatin1(eventKindName(e.kind)))
                                                   .arg(s.suspendedAt));
            break;
        }
    }
}

// (j) asyncio: CPU work holds the one thread; nobody else does anything until it ends.
void TraceChecker::checkAsyncioCpu()
{
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &w = m_events[std::size_t(i)];
        if (w.kind != EventKind::Work)
            continue;
        const qint64 until = w.t + w.ms;
        for (qsizetype j = i + 1; j < qsizetype(m_events.size()) && m_events[std::size_t(j)].t < until; ++j) {
            const TraceEvent &e = m_events[std::size_t(j)];
            if (e.t > w.t && e.kind != EventKind::ActionIgnored) {
                fail(QStringLiteral("(j)"), j, QStringLiteral("%1: %2 at %3 while %4 holds the loop with CPU work (%5..%6)")
                                                   .arg(who(e.task), QString::fromLatin1(eventKindName(e.kind)))
                                                   .arg(e.t)
                                                   .arg(who(w.task))
                                                   .arg(w.t)
                                                   .arg(until));
                break;
            }
        }
    }
}

// (k) Swift: cancel() only sets a flag, once.
void TraceChecker::checkSwiftFlag()
{
    std::vector<int> requests(m_tasks.size(), 0);
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (e.kind == EventKind::CancelRequest && validTask(e.task) && ++requests[std::size_t(e.task)] == 2)
            fail(QStringLiteral("(k)"), i, QStringLiteral("%1: a second cancel-request for a task whose flag is set").arg(who(e.task)));
    }
}

// (l) a "fail" action that reached a running task makes it raise the error (README: "make the
// task raise Error at MS"); one that found no running task is reported as action-ignored.
void TraceChecker::checkFailActions()
{
    for (const UserAction &action : m_run.actions) {
        if (action.kind != UserAction::Kind::Fail)
            continue;
        bool ignored = false;
        for (const TraceEvent &e : m_events) {
            if (e.kind == EventKind::ActionIgnored && e.t >= action.at && e.text == QLatin1String("fail")
                && e.message.startsWith(action.taskPath + QLatin1String(": ")))
                ignored = true;
        }
        if (ignored)
            continue;
        int target = -1;
        for (int id = 0; id < m_run.taskCount; ++id) {
            const TaskInfo &t = m_tasks[std::size_t(id)];
            if (t.spawn >= 0 && m_events[std::size_t(t.spawn)].t <= action.at && who(id) == action.taskPath)
                target = id;
        }
        if (target < 0) {
            // asyncio: an action that comes while a task is busy with CPU work is handed to the
            // loop then and runs a turn later (call_soon_threadsafe); the task may be made meanwhile.
            bool raisedLater = false;
            for (const TraceEvent &e : m_events) {
                raisedLater = raisedLater
                    || (m_run.runtime == Runtime::Asyncio && e.kind == EventKind::Raise && e.t >= action.at
                        && e.text == action.error && e.message == action.message && who(e.task) == action.taskPath);
            }
            for (int id = 0; id < m_run.taskCount && m_run.runtime == Runtime::Asyncio; ++id) {
                const TaskInfo &t = m_tasks[std::size_t(id)];
                raisedLater = raisedLater || (who(id) == action.taskPath && t.start < 0);  // it never ran
            }
            if (!raisedLater)
                fail(QStringLiteral("(l)"), -1, QStringLiteral("fail %1@%2: no such task and no action-ignored").arg(action.taskPath).arg(action.at));
            continue;
        }
        if (m_tasks[std::size_t(target)].start < 0)
            continue;  // cancelled before its first step: it never runs, so it cannot raise
        bool raised = false;
        for (const TraceEvent &e : m_events) {
            if (e.task == target && e.kind == EventKind::Raise && e.t >= action.at && e.text == action.error
                && e.message == action.message)
                raised = true;
        }
        if (!raised)
            fail(QStringLiteral("(l)"), -1, QStringLiteral("fail %1@%2:%3:%4 reached the task but it never raised the error%5")
                                                .arg(action.taskPath)
                                                .arg(action.at)
                                                .arg(action.error, action.message,
                                                     m_tasks[std::size_t(target)].end >= 0
                                                         ? QStringLiteral(" (it ends %1 at seq %2)")
                                                               .arg(QString::fromLatin1(outcomeName(m_tasks[std::size_t(target)].outcome)))
                                                               .arg(m_tasks[std::size_t(target)].end)
                                                         : QString()));
    }
}

// ---------------------------------------------------------------- coverage

const char *Coverage::name(int counter)
{
    static const char *const names[] = {"events", "cancel-deliver", "timeout", "cancel-blocked by=shield",
                                        "cancel-blocked by=non-cancellable", "suspend on a signal",
                                        "NonCancellable regions entered", "raises of user fails",
                                        "tasks cancelled before starting", "deadline-set cause=user",
                                        "timeouts of user deadlines", "shield-on cause=user",
                                        "cancel-blocked by the user's shield"};
    return names[counter];
}

bool Coverage::appliesTo(int counter, Runtime runtime)
{
    switch (counter) {
    case ShieldBlocks:
        return runtime == Runtime::Asyncio;  // asyncio.shield()
    case NonCancellableBlocks:
    case RegionsEntered:
        return runtime == Runtime::Kotlin;  // withContext(NonCancellable)
    case StartlessEnds:
    case Timeouts:
    case UserDeadlines:
    case UserTimeouts:
    case UserShields:
    case UserShieldBlocks:
        return runtime != Runtime::Swift;  // Swift starts every task and has no timeouts or shields
    default:
        return true;
    }
}

void Coverage::add(const std::vector<TraceEvent> &events, int taskCount)
{
    std::vector<bool> started(std::size_t(std::max(0, taskCount)), false);
    std::vector<int> userShields(std::size_t(std::max(0, taskCount)), 0);  // by the user, on now
    std::vector<std::vector<qint64>> userDeadlines(std::size_t(std::max(0, taskCount)));
    auto valid = [&](int task) { return task >= 0 && task < taskCount; };
    for (const TraceEvent &e : events) {
        ++counts[Events];
        if (valid(e.task) && CancelCause(e.code) == CancelCause::User) {
            if (e.kind == EventKind::ShieldOn || e.kind == EventKind::ShieldOff)
                userShields[std::size_t(e.task)] = e.kind == EventKind::ShieldOn ? 1 : 0;
            if (e.kind == EventKind::ShieldOn)
                ++counts[UserShields];
            if (e.kind == EventKind::DeadlineSet) {
                ++counts[UserDeadlines];
                userDeadlines[std::size_t(e.task)].push_back(e.t + e.ms);
            }
        }
        if (e.kind == EventKind::Timeout && valid(e.task)) {
            const auto &deadlines = userDeadlines[std::size_t(e.task)];
            if (std::find(deadlines.begin(), deadlines.end(), e.t) != deadlines.end())
                ++counts[UserTimeouts];
        }
        if (e.kind == EventKind::CancelBlocked && valid(e.task) && userShields[std::size_t(e.task)] > 0)
            ++counts[UserShieldBlocks];
        switch (e.kind) {
        case EventKind::Start:
            if (e.task >= 0 && e.task < taskCount)
                started[std::size_t(e.task)] = true;
            break;
        case EventKind::CancelDeliver: ++counts[Deliveries]; break;
        case EventKind::Timeout: ++counts[Timeouts]; break;
        case EventKind::CancelBlocked:
            if (BlockedBy(e.code) == BlockedBy::Shield)
                ++counts[ShieldBlocks];
            if (BlockedBy(e.code) == BlockedBy::NonCancellable)
                ++counts[NonCancellableBlocks];
            break;
        case EventKind::Suspend:
            if (e.text.startsWith(QLatin1String("signal")))
                ++counts[SignalWaits];
            break;
        case EventKind::Print:
            if (e.text.startsWith(shieldEnterPrefix()))
                ++counts[RegionsEntered];
            break;
        case EventKind::Raise:
            if (userFailErrors().contains(e.text))
                ++counts[InjectedRaises];
            break;
        default:
            break;
        }
    }
    counts[StartlessEnds] += std::count(started.begin(), started.end(), false);
}

void Coverage::add(const Coverage &other)
{
    for (int i = 0; i < Count; ++i)
        counts[i] += other.counts[i];
}

QByteArray Coverage::serialize() const
{
    QByteArray out;
    for (int i = 0; i < Count; ++i)
        out += QByteArray::number(counts[i]) + ' ';
    return out.trimmed();
}

Coverage Coverage::parse(const QByteArray &text)
{
    Coverage c;
    const QList<QByteArray> parts = text.split(' ');
    for (int i = 0; i < Count && i < parts.size(); ++i)
        c.counts[i] = parts.at(i).toLongLong();
    return c;
}
} // namespace cascade::testing
