#include "timelinemarks.h"

#include "taskstates.h"

namespace cascade {

bool timelineMarkOf(const TraceEvent &event, TimelineMark *mark)
{
    switch (event.kind) {
    case EventKind::CancelRequest:
        *mark = TimelineMark::CancelRequested;
        return true;
    case EventKind::CancelBlocked:
        *mark = TimelineMark::Blocked;
        return true;
    case EventKind::CancelDeliver:
        *mark = TimelineMark::Delivered;
        return true;
    case EventKind::Checkpoint:
        *mark = event.code == 1 ? TimelineMark::CheckRaised : TimelineMark::CheckPassed;
        return true;
    case EventKind::Timeout:
        *mark = TimelineMark::Timeout;
        return true;
    case EventKind::Print:
        *mark = TimelineMark::Print;
        return true;
    case EventKind::End:
        *mark = TimelineMark::End;
        return true;
    default:
        return false;
    }
}

TimelineMarks::TimelineMarks(const std::vector<TraceEvent> &events)
{
    // Two passes: count, then fill lists allocated once (a million events, a thousand tasks).
    std::vector<qint32> counts;
    std::vector<qint32> parents;
    const auto valid = [](int task) { return task >= 0 && task < TaskStates::MaxTaskId; };
    TimelineMark mark;
    for (const TraceEvent &event : events) {
        if (!valid(event.task))
            continue;
        if (event.task >= int(counts.size()))
            counts.resize(std::size_t(event.task) + 1, 0);
        counts[std::size_t(event.task)] += timelineMarkOf(event, &mark) ? 1 : 0;
    }
    m_marks.resize(counts.size());
    for (std::size_t task = 0; task < counts.size(); ++task)
        m_marks[task].reserve(std::size_t(counts[task]));
    parents.assign(counts.size(), -1);
    const qint32 count = qint32(std::min<std::size_t>(events.size(), std::size_t(INT32_MAX)));
    for (qint32 i = 0; i < count; ++i) {
        const TraceEvent &event = events[std::size_t(i)];
        if (!valid(event.task))
            continue;
        const auto task = std::size_t(event.task);
        if (event.kind == EventKind::Spawn)
            parents[task] = event.other;
        if (timelineMarkOf(event, &mark))
            m_marks[task].push_back(i);
        const bool fromOther = (event.kind == EventKind::CancelRequest || event.kind == EventKind::CancelBlocked)
                               && event.other >= 0 && event.other != event.task && valid(event.other);
        if (fromOther)
            m_arrows.push_back({i, event.other, event.task});
        else if (event.kind == EventKind::End && event.code == quint8(Outcome::Failed) && parents[task] >= 0)
            m_arrows.push_back({i, event.task, parents[task]});
    }
}

const std::vector<qint32> &TimelineMarks::marks(int taskId) const
{
    static const std::vector<qint32> none;
    return taskId >= 0 && taskId < int(m_marks.size()) ? m_marks[std::size_t(taskId)] : none;
}

} // namespace cascade
