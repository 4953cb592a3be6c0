// The invariant (m) of tracechecks.h: the trace marks where timeouts and shields are, the marks
// balance, and the blocks they explain happen only while they are on.

#include "tracechecker.h"

#include <algorithm>

namespace cascade::testing {

namespace {

struct Marks {
    std::vector<qint64> deadlines;  // open deadline-set values (t + ms)
    int shields = 0;                // shield-on minus shield-off
    bool userShield = false;        // the user's toggle
    bool bornShielded = false;      // spawned while its parent was shielded (Kotlin: a child of NonCancellable)
};

QString kindName(EventKind kind)
{
    return QString::fromLatin1(eventKindName(kind));
}

} // namespace

void TraceChecker::checkMarks()
{
    std::vector<Marks> marks(m_tasks.size());
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (!validTask(e.task) || e.kind == EventKind::ActionIgnored)
            continue;
        Marks &m = marks[std::size_t(e.task)];
        const bool mark = e.kind == EventKind::DeadlineSet || e.kind == EventKind::DeadlineClear
            || e.kind == EventKind::ShieldOn || e.kind == EventKind::ShieldOff;
        if (mark && m_run.runtime == Runtime::Swift)
            fail(QStringLiteral("(m)"), i, QStringLiteral("%1 for %2: Swift has no timeouts or shields")
                                               .arg(kindName(e.kind), who(e.task)));
        const bool byUser = CancelCause(e.code) == CancelCause::User;
        switch (e.kind) {
        case EventKind::Spawn:
            m.bornShielded = validTask(e.other) && marks[std::size_t(e.other)].shields > 0;
            break;
        case EventKind::DeadlineSet:
            if (e.ms < 0 || (byUser && e.ms == 0))  // a scenario's timeout may be 0 ms; a user's is at least 1
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: deadline-set with ms=%2").arg(who(e.task)).arg(e.ms));
            m.deadlines.push_back(e.t + e.ms);
            break;
        case EventKind::DeadlineClear: {
            const auto open = std::find(m.deadlines.begin(), m.deadlines.end(), e.ms);
            if (open == m.deadlines.end())
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: deadline-clear deadline=%2 matches no open deadline-set")
                                                   .arg(who(e.task))
                                                   .arg(e.ms));
            else
                m.deadlines.erase(open);
            break;
        }
        case EventKind::Timeout: {
            // Timers fire at their deadline, or later on a busy asyncio loop; never before.
            const bool due = std::any_of(m.deadlines.begin(), m.deadlines.end(), [&](qint64 d) { return d <= e.t; });
            if (!due)
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: timeout without an open deadline due by t=%2")
                                                   .arg(who(e.task))
                                                   .arg(e.t));
            break;
        }
        case EventKind::ShieldOn:
            if (byUser && m.userShield)
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: the user's shield goes on twice").arg(who(e.task)));
            m.userShield = m.userShield || byUser;
            ++m.shields;
            break;
        case EventKind::ShieldOff:
            if (byUser && !m.userShield)
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: the user's shield goes off while off").arg(who(e.task)));
            if (byUser)
                m.userShield = false;
            if (--m.shields < 0) {
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: shield-off without a shield-on").arg(who(e.task)));
                m.shields = 0;
            }
            break;
        case EventKind::CancelBlocked: {
            const BlockedBy by = BlockedBy(e.code);
            if (by == BlockedBy::Shield && m.shields == 0)
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: cancel-blocked by=shield while not shielded").arg(who(e.task)));
            if (by == BlockedBy::NonCancellable && m.shields == 0 && !m.bornShielded)
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: cancel-blocked by=non-cancellable while not shielded and "
                                                              "not started inside a shielded parent")
                                                   .arg(who(e.task)));
            break;
        }
        case EventKind::CancelRequest: {
            const CancelCause cause = CancelCause(e.code);
            if (m.userShield && (cause == CancelCause::Parent || cause == CancelCause::Awaiter))
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1: cancel-request cause=%2 got through the user's shield")
                                                   .arg(who(e.task), QString::fromLatin1(cancelCauseName(cause))));
            break;
        }
        case EventKind::End:
            if (!m.deadlines.empty())
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1 ends with %2 deadline(s) still set")
                                                   .arg(who(e.task))
                                                   .arg(m.deadlines.size()));
            if (m.shields > 0)
                fail(QStringLiteral("(m)"), i, QStringLiteral("%1 ends with %2 shield(s) still on").arg(who(e.task)).arg(m.shields));
            break;
        default:
            break;
        }
    }
}

// (n)
void TraceChecker::checkDiscardedErrors()
{
    for (qsizetype i = 0; i < qsizetype(m_events.size()); ++i) {
        const TraceEvent &e = m_events[std::size_t(i)];
        if (e.kind != EventKind::ErrorDiscarded || !validTask(e.task))
            continue;
        if (m_run.runtime != Runtime::Swift)
            fail(QStringLiteral("(n)"), i, QStringLiteral("error-discarded outside Swift"));
        if (!validTask(e.other)) {
            fail(QStringLiteral("(n)"), i, QStringLiteral("%1: error-discarded names no task").arg(who(e.task)));
            continue;
        }
        const TaskInfo &child = m_tasks[std::size_t(e.other)];
        const qsizetype childEnd = child.end;
        const bool failedBefore = childEnd >= 0 && childEnd < i && child.outcome == Outcome::Failed
            && m_events[std::size_t(childEnd)].text == e.text;
        if (child.parent != e.task || !child.child || !failedBefore)
            fail(QStringLiteral("(n)"), i, QStringLiteral("%1: error-discarded of %2 (%3), which is not a structured child "
                                                          "of it that failed with that error before")
                                               .arg(who(e.task), who(e.other), e.text));
    }
}

} // namespace cascade::testing
