#include "taskstates.h"

#include <algorithm>

namespace cascade {

QString taskPhaseName(TaskPhase phase)
{
    switch (phase) {
    case TaskPhase::NotStarted: return QStringLiteral("not-started");
    case TaskPhase::Running: return QStringLiteral("running");
    case TaskPhase::Suspended: return QStringLiteral("suspended");
    case TaskPhase::Cpu: return QStringLiteral("cpu");
    case TaskPhase::Unwinding: return QStringLiteral("unwinding");
    case TaskPhase::Cleanup: return QStringLiteral("cleanup");
    case TaskPhase::Completed: return QStringLiteral("completed");
    case TaskPhase::Cancelled: return QStringLiteral("cancelled");
    case TaskPhase::Failed: return QStringLiteral("failed");
    case TaskPhase::TimedOut: return QStringLiteral("timed-out");
    }
    return QStringLiteral("unknown");
}

bool isFinalPhase(TaskPhase phase)
{
    return phase == TaskPhase::Completed || phase == TaskPhase::Cancelled || phase == TaskPhase::Failed
        || phase == TaskPhase::TimedOut;
}

QString TaskState::detail() const
{
    switch (detailKind) {
    case DetailKind::None: return {};
    case DetailKind::Text: return detailText;
    case DetailKind::CpuWork: return QStringLiteral("%1 ms of CPU work").arg(detailMs);
    case DetailKind::DeliveredAt: return QStringLiteral("delivered at %1").arg(detailText);
    }
    return {};
}

qint64 TaskState::earliestDeadline() const
{
    if (deadlines.empty())
        return -1;
    return std::min_element(deadlines.begin(), deadlines.end())->first;
}

qint64 TaskState::earliestDeadlineMs() const
{
    if (deadlines.empty())
        return 0;
    return std::min_element(deadlines.begin(), deadlines.end())->second;
}

bool TaskState::operator==(const TaskState &other) const
{
    return detail() == other.detail() && pendingSince == other.pendingSince && deadlines == other.deadlines
        && parent == other.parent && shields == other.shields && phase == other.phase && spawned == other.spawned
        && child == other.child && delivered == other.delivered;
}

const TaskState *TaskStates::state(int taskId) const
{
    if (taskId < 0 || taskId >= size() || !m_tasks[std::size_t(taskId)].spawned)
        return nullptr;
    return &m_tasks[std::size_t(taskId)];
}

quint16 TaskStates::apply(const TraceEvent &event)
{
    if (event.task < 0 || event.task >= MaxTaskId)
        return ChangedNothing;
    if (event.kind == EventKind::Spawn) {
        if (event.task >= size())
            m_tasks.resize(std::size_t(event.task) + 1);
        TaskState &spawned = m_tasks[std::size_t(event.task)];
        spawned = TaskState();
        spawned.spawned = true;
        spawned.parent = event.other;
        spawned.child = event.code == quint8(LinkCode::Child);
        spawned.step = event.step;
        return ChangedSpawned;
    }
    if (event.task >= size() || !m_tasks[std::size_t(event.task)].spawned)
        return ChangedNothing;
    TaskState &task = m_tasks[std::size_t(event.task)];
    // Not a TaskChange of its own: only the code view asks where a task stands.
    if (event.kind == EventKind::End)
        task.step = -1;
    else if (event.step >= 0)
        task.step = event.step;
    constexpr quint16 phaseAndDetail = ChangedPhase | ChangedDetail;
    switch (event.kind) {
    case EventKind::Start:
    case EventKind::Resume:
    case EventKind::CleanupExit:
        task.phase = TaskPhase::Running;
        task.detailKind = TaskState::DetailKind::None;
        task.detailText.clear();
        return phaseAndDetail;
    case EventKind::Suspend:
        task.phase = TaskPhase::Suspended;
        task.detailKind = TaskState::DetailKind::Text;
        task.detailText = event.text;
        return phaseAndDetail;
    case EventKind::Work:
        task.phase = TaskPhase::Cpu;
        task.detailKind = TaskState::DetailKind::CpuWork;
        task.detailMs = event.ms;
        task.detailText.clear();
        return phaseAndDetail;
    case EventKind::CancelRequest:
        // The first request counts; later ones add nothing until it is delivered or the task ends.
        if (task.pendingSince >= 0 || task.delivered)
            return ChangedNothing;
        task.pendingSince = event.t;
        return ChangedPending;
    case EventKind::CancelDeliver:
        task.pendingSince = -1;
        task.delivered = true;
        task.phase = TaskPhase::Unwinding;
        task.detailKind = TaskState::DetailKind::DeliveredAt;
        task.detailText = event.text;
        return phaseAndDetail | ChangedPending | ChangedDelivered;
    case EventKind::CleanupEnter:
        task.phase = TaskPhase::Cleanup;
        task.detailKind = TaskState::DetailKind::Text;
        task.detailText = event.text;
        return phaseAndDetail;
    case EventKind::End: {
        const bool timedOut = event.text.startsWith(QLatin1String("Timeout"));
        switch (Outcome(event.code)) {
        case Outcome::Completed: task.phase = TaskPhase::Completed; break;
        case Outcome::Cancelled: task.phase = TaskPhase::Cancelled; break;
        case Outcome::Failed: task.phase = TaskPhase::Failed; break;
        }
        if (timedOut)
            task.phase = TaskPhase::TimedOut;
        task.detailKind = TaskState::DetailKind::Text;
        task.detailText = event.text;
        task.pendingSince = -1;
        return phaseAndDetail | ChangedPending;
    }
    case EventKind::DeadlineSet:
        task.deadlines.emplace_back(event.t + event.ms, event.ms);
        return ChangedDeadline;
    case EventKind::DeadlineClear: {
        const auto it = std::find_if(task.deadlines.begin(), task.deadlines.end(),
                                     [&](const auto &d) { return d.first == event.ms; });
        if (it == task.deadlines.end())
            return ChangedNothing;
        task.deadlines.erase(it);
        return ChangedDeadline;
    }
    case EventKind::ShieldOn:
    case EventKind::ShieldOff: {
        const bool before = task.shields > 0;
        task.shields = std::max(0, task.shields + (event.kind == EventKind::ShieldOn ? 1 : -1));
        // A second shield on a shielded task changes nothing visible.
        return before == (task.shields > 0) ? ChangedNothing : ChangedShielded;
    }
    default:
        return ChangedNothing;
    }
}

} // namespace cascade
