#include "traceindex.h"

#include <algorithm>

namespace cascade {

namespace {

//! How many events each task has (by id, up to the largest spawned id): a task has at most that
//! many spans, so its span list is allocated once, never grown (growing copies, and on a virtual
//! machine fresh memory is dear).
std::vector<qint64> eventsPerTask(const std::vector<TraceEvent> &events)
{
    std::vector<qint64> counts;
    int maxSpawned = -1;
    for (const TraceEvent &event : events) {
        if (event.task < 0 || event.task >= TaskStates::MaxTaskId)
            continue;
        if (event.task >= int(counts.size()))
            counts.resize(std::size_t(event.task) + 1, 0);
        ++counts[std::size_t(event.task)];
        if (event.kind == EventKind::Spawn)
            maxSpawned = std::max(maxSpawned, event.task);
    }
    counts.resize(std::size_t(maxSpawned + 1));
    return counts;
}

} // namespace

TraceIndex::TraceIndex(const std::vector<TraceEvent> &events, qint64 interval)
    : m_events(&events)
{
    const std::vector<qint64> counts = eventsPerTask(events);
    const int tasks = int(counts.size());
    m_interval = interval > 0 ? interval : std::max<qint64>(16384, 4 * qint64(tasks));
    m_spans.resize(std::size_t(tasks));
    for (std::size_t task = 0; task < counts.size(); ++task)
        m_spans[task].reserve(std::size_t(counts[task]));
    m_snapshots.reserve(std::size_t(qint64(events.size()) / m_interval + 1));

    TaskStates states;
    const qint64 count = qint64(events.size());
    for (qint64 i = 0; i < count; ++i) {
        if (i % m_interval == 0)
            m_snapshots.push_back(states);
        const TraceEvent &event = events[std::size_t(i)];
        const quint16 changes = states.apply(event);
        if (!(changes & (ChangedPhase | ChangedSpawned)))
            continue;
        std::vector<Span> &spans = m_spans[std::size_t(event.task)];
        const TaskPhase phase = states.state(event.task)->phase;
        if (!spans.empty() && spans.back().end < 0) {
            if (spans.back().phase == phase)
                continue;  // a resume of a running task, say: the span goes on
            spans.back().end = event.t;
        }
        // A final phase is an instant, not a stretch: the span before it ends at the task's end.
        if (!isFinalPhase(phase))
            spans.push_back({event.t, -1, i, phase});
    }
    if (count % m_interval == 0)
        m_snapshots.push_back(states);  // so that statesAfter(count) needs no events either
    const qint64 last = endTime();
    for (std::vector<Span> &spans : m_spans) {
        if (!spans.empty() && spans.back().end < 0)
            spans.back().end = last;
    }
}

qint64 TraceIndex::endTime() const
{
    return m_events->empty() ? 0 : m_events->back().t;
}

qint64 TraceIndex::eventsUntil(qint64 t) const
{
    const auto at = std::upper_bound(m_events->begin(), m_events->end(), t,
                                     [](qint64 time, const TraceEvent &event) { return time < event.t; });
    return qint64(at - m_events->begin());
}

qint64 TraceIndex::firstEventAt(qint64 t) const
{
    const auto at = std::lower_bound(m_events->begin(), m_events->end(), t,
                                     [](const TraceEvent &event, qint64 time) { return event.t < time; });
    return qint64(at - m_events->begin());
}

TaskStates TraceIndex::statesAfter(qint64 count) const
{
    TaskStates states;
    qint64 position = -1;  // forces a restore
    seek(&states, &position, count);
    return states;
}

void TraceIndex::seek(TaskStates *states, qint64 *position, qint64 count) const
{
    count = std::clamp<qint64>(count, 0, eventCount());
    const qint64 snapshot = std::min(count / m_interval, qint64(m_snapshots.size()) - 1);
    const qint64 fromSnapshot = snapshot >= 0 ? snapshot * m_interval : 0;
    // Going on from where the states are is cheaper than a restore when it is not farther.
    const bool forward = *position >= 0 && *position <= count && *position >= fromSnapshot;
    if (!forward) {
        *states = snapshot >= 0 ? m_snapshots[std::size_t(snapshot)] : TaskStates();
        *position = fromSnapshot;
    }
    for (qint64 i = *position; i < count; ++i)
        states->apply((*m_events)[std::size_t(i)]);
    *position = count;
}

const std::vector<TraceIndex::Span> &TraceIndex::spans(int taskId) const
{
    static const std::vector<Span> none;
    if (taskId < 0 || taskId >= taskCount())
        return none;
    return m_spans[std::size_t(taskId)];
}

} // namespace cascade
