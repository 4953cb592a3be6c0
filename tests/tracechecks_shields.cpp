// The invariant (e) of tracechecks.h: nothing inside a shield is cancelled from outside it
// (asyncio shield(), Kotlin withContext(NonCancellable)).

#include "tracechecker.h"

#include <algorithm>

namespace cascade::testing {

namespace {

bool isCancelKind(EventKind kind)
{
    return kind == EventKind::CancelRequest || kind == EventKind::CancelBlocked || kind == EventKind::CleanupEnter
        || kind == EventKind::CleanupExit || kind == EventKind::Print;
}

//! One withContext(NonCancellable) region of a Kotlin task, from its marker prints.
struct Region {
    int id = -1;
    qsizetype enterIndex = -1;
    bool simple = false;
    bool uncertain = false;  // an injected error may have replaced the exit marker
};

} // namespace

// (e) asyncio
void TraceChecker::checkAsyncioShields()
{
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (e.kind != EventKind::CancelRequest || !validTask(e.task))
            continue;
        // The innermost shield inner task at or above the requested task.
        int shield = -1;
        for (int at = e.task; validTask(at) && shield < 0; at = m_tasks[std::size_t(at)].parent) {
            if (m_run.facts->shieldInnerNames.contains(m_tasks[std::size_t(at)].name))
                shield = at;
        }
        if (shield < 0)
            continue;
        const CancelCause cause = CancelCause(e.code);
        if (cause == CancelCause::User || cause == CancelCause::Shutdown)
            continue;
        if (e.other >= 0 && isDescendantOrSelf(e.other, shield))
            continue;
        if (cause == CancelCause::Timeout && e.other < 0 && ownTimeoutAt(e.task, i))
            continue;
        fail(QStringLiteral("(e)"), i,
             QStringLiteral("%1 (inside the shield of %2) gets a cancel-request cause=%3 from %4, outside the shield")
                 .arg(who(e.task), who(shield), QString::fromLatin1(cancelCauseName(cause)), who(e.other)));
    }
}

bool TraceChecker::ownTimeoutAt(int task, qsizetype index) const
{
    for (qsizetype j = index - 1; j >= 0 && m_events[std::size_t(j)].t == m_events[std::size_t(index)].t; --j) {
        if (m_events[std::size_t(j)].task == task && m_events[std::size_t(j)].kind == EventKind::Timeout)
            return true;
    }
    return false;
}

// (e) Kotlin
void TraceChecker::checkKotlinNonCancellable()
{
    const QString enter = shieldEnterPrefix();
    const QString exit = shieldExitPrefix();
    std::vector<std::vector<Region>> open(m_tasks.size());
    std::vector<qsizetype> lastCleanupEnter(m_tasks.size(), -2);
    std::vector<qsizetype> lastEvent(m_tasks.size(), -1);
    // For (e2): at every blocked request, the regions then open in the task.
    struct Blocked {
        qsizetype index;
        std::vector<Region> regions;
    };
    std::vector<Blocked> blocked;
    // Per task: the index of the last cancel-request with cause timeout / failure, or a timeout.
    std::vector<qsizetype> lastScopeCancel(m_tasks.size(), -1);

    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (!validTask(e.task) || e.kind == EventKind::ActionIgnored)
            continue;
        const std::size_t task = std::size_t(e.task);
        auto &regions = open[task];
        const qsizetype previous = lastEvent[task];
        lastEvent[task] = i;
        switch (e.kind) {
        case EventKind::Print:
            if (e.text.startsWith(enter)) {
                Region r;
                r.id = e.text.mid(enter.size()).section(QLatin1Char(' '), 0, 0).toInt();
                r.simple = e.text.endsWith(QLatin1String(" simple"));
                r.enterIndex = i;
                regions.push_back(r);
            } else if (e.text.startsWith(exit)) {
                const int id = e.text.mid(exit.size()).toInt();
                while (!regions.empty() && regions.back().id != id) {
                    if (!regions.back().uncertain)
                        fail(QStringLiteral("(e)"), i, QStringLiteral("%1: marker of region #%2 closes before #%3 (checker)")
                                                           .arg(who(e.task)).arg(id).arg(regions.back().id));
                    regions.pop_back();
                }
                if (!regions.empty())
                    regions.pop_back();
            }
            break;
        case EventKind::CleanupEnter:
            lastCleanupEnter[task] = i;
            break;
        case EventKind::Raise:
            // An injected error raised as the first step of a finally block may be the one that
            // replaced an exit marker: the regions of this task are no longer known for sure.
            if (previous >= 0 && previous == lastCleanupEnter[task] && userFailErrors().contains(e.text)) {
                for (Region &r : regions)
                    r.uncertain = true;
            }
            break;
        case EventKind::Timeout:
            lastScopeCancel[task] = i;
            break;
        case EventKind::CancelRequest:
            if (CancelCause(e.code) == CancelCause::Timeout || CancelCause(e.code) == CancelCause::Failure)
                lastScopeCancel[task] = i;
            break;
        case EventKind::CancelBlocked:
            if (BlockedBy(e.code) == BlockedBy::NonCancellable)
                blocked.push_back(Blocked{i, regions});
            break;
        case EventKind::CancelDeliver:
        case EventKind::Checkpoint: {
            if (e.kind == EventKind::Checkpoint && e.code == 0)
                break;
            const bool uncertain = std::any_of(regions.begin(), regions.end(), [](const Region &r) { return r.uncertain; });
            if (regions.empty() || uncertain)
                break;
            const bool simple = std::any_of(regions.begin(), regions.end(), [](const Region &r) { return r.simple; });
            const QString what = e.kind == EventKind::CancelDeliver
                ? QStringLiteral("cancel-deliver at=%1").arg(e.text)
                : QStringLiteral("checkpoint sees the task cancelled");
            if (simple) {
                fail(QStringLiteral("(e)"), i, QStringLiteral("%1: %2 inside withContext(NonCancellable) (region #%3, "
                                                              "which opens no scope)")
                                                   .arg(who(e.task), what)
                                                   .arg(regions.back().id));
            } else if (e.kind == EventKind::CancelDeliver && lastScopeCancel[task] < regions.back().enterIndex) {
                fail(QStringLiteral("(e)"), i, QStringLiteral("%1: %2 inside withContext(NonCancellable) (region #%3) "
                                                              "with no timeout or failure inside it")
                                                   .arg(who(e.task), what)
                                                   .arg(regions.back().id));
            }
            break;
        }
        case EventKind::End:
            if (m_run.finished && m_run.abortReason.isEmpty()) {
                for (const Region &r : regions) {
                    if (!r.uncertain)
                        fail(QStringLiteral("(e)"), i, QStringLiteral("%1 ends inside region #%2 (checker)").arg(who(e.task)).arg(r.id));
                }
            }
            regions.clear();
            break;
        default:
            break;
        }
    }

    // (e2) cascades of a blocked request.
    for (const Blocked &b : blocked) {
        const TraceEvent &be = m_events[std::size_t(b.index)];
        const int owner = be.task;
        if (b.regions.empty()
            || std::any_of(b.regions.begin(), b.regions.end(), [](const Region &r) { return r.uncertain; }))
            continue;
        // Job-level request: "cancel-request T" right before "cancel-blocked T non-cancellable"
        // (only not-a-child notes between); its propagation follows. A scope cancellation
        // (withTimeout, a failing coroutineScope) propagates first and is blocked at the end.
        qsizetype request = -1;
        for (qsizetype j = b.index - 1; j >= 0; --j) {
            const TraceEvent &p = m_events[std::size_t(j)];
            if (p.t != be.t || !isCancelKind(p.kind))
                break;
            if (p.kind == EventKind::CancelRequest && p.task == owner) {
                request = j;
                break;
            }
        }
        if (request < 0)
            continue;
        bool jobLevel = true;
        for (qsizetype j = request + 1; j < b.index; ++j) {
            const TraceEvent &p = m_events[std::size_t(j)];
            if (!(p.kind == EventKind::CancelBlocked && BlockedBy(p.code) == BlockedBy::NotAChild))
                jobLevel = false;
        }
        qsizetype from = request + 1;
        qsizetype to = b.index;  // exclusive
        if (jobLevel) {
            from = b.index + 1;
            to = from;
            while (to < qsizetype(m_events.size()) && m_events[std::size_t(to)].t == be.t
                   && isCancelKind(m_events[std::size_t(to)].kind))
                ++to;
        }
        // Job-level: nothing started in any open NonCancellable block is the job's child.
        // Scope-level: the blocking shield is inside the cancelled scope, so at least what was
        // started in the innermost open block is out of reach.
        const Region &boundary = jobLevel ? b.regions.front() : b.regions.back();
        const TraceEvent &trigger = m_events[std::size_t(request)];
        for (qsizetype j = from; j < to; ++j) {
            const TraceEvent &p = m_events[std::size_t(j)];
            if (p.kind != EventKind::CancelRequest || p.other != owner || CancelCause(p.code) != CancelCause::Parent
                || !validTask(p.task))
                continue;
            const TaskInfo &child = m_tasks[std::size_t(p.task)];
            if (child.parent != owner || child.spawn < boundary.enterIndex)
                continue;
            // A failure of a child started inside the same block cancels its siblings there.
            if (CancelCause(trigger.code) == CancelCause::Failure && validTask(trigger.other)
                && m_tasks[std::size_t(trigger.other)].parent == owner
                && m_tasks[std::size_t(trigger.other)].spawn > boundary.enterIndex)
                continue;
            fail(QStringLiteral("(e)"), j,
                 QStringLiteral("%1 is cancelled (cause=parent) by %2 although it was started inside "
                                "withContext(NonCancellable) region #%3 and the request to %2 (seq %4, cause=%5) was "
                                "blocked there (seq %6)")
                     .arg(who(p.task), who(owner))
                     .arg(boundary.id)
                     .arg(request)
                     .arg(QString::fromLatin1(cancelCauseName(CancelCause(trigger.code))))
                     .arg(b.index));
        }
    }
}

} // namespace cascade::testing
