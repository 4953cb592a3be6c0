#pragma once

#include "taskstates.h"
#include "trace.h"

#include <QtGlobal>

#include <vector>

namespace cascade {

//! A seek index over a finished trace (a recording's, or a run's): the state of every task after
//! any number of events, and the event at any virtual time, without running anything again.
//!
//! Built in one pass over the events: a copy of TaskStates every `interval` events (a snapshot)
//! and every task's state spans (for a timeline). statesAfter(n) restores the snapshot at or
//! before n and applies the events after it: at most `interval` events. The events are not
//! copied: the vector must outlive the index and stay unchanged.
class TraceIndex {
public:
    //! A stretch of time in which a task stayed in one phase: from the event that put it there
    //! to the next change (a phase change at the same instant makes a span of zero length).
    struct Span {
        qint64 start = 0;       // virtual ms
        qint64 end = 0;         // virtual ms; the trace's last time for a task still in it
        qint64 firstEvent = 0;  // the event that began it
        TaskPhase phase = TaskPhase::NotStarted;
    };

    //! Events between snapshots; 0 picks max(16384, 4 x the task count), so that all snapshots
    //! together hold at most one task state per four events, and a seek applies at most that many.
    explicit TraceIndex(const std::vector<TraceEvent> &events, qint64 interval = 0);

    [[nodiscard]] qint64 eventCount() const { return qint64(m_events->size()); }
    [[nodiscard]] const TraceEvent &event(qint64 index) const { return (*m_events)[std::size_t(index)]; }
    [[nodiscard]] qint64 interval() const { return m_interval; }
    [[nodiscard]] qint64 snapshotCount() const { return qint64(m_snapshots.size()); }
    //! Virtual time of the last event (0 for an empty trace).
    [[nodiscard]] qint64 endTime() const;

    //! How many events have happened by virtual time t (those with time <= t): the state at the
    //! instant t is statesAfter(eventsUntil(t)).
    [[nodiscard]] qint64 eventsUntil(qint64 t) const;
    //! The index of the first event at or after virtual time t (eventCount() when none).
    [[nodiscard]] qint64 firstEventAt(qint64 t) const;

    //! Every task's state after the first `count` events (clamped to 0..eventCount()).
    [[nodiscard]] TaskStates statesAfter(qint64 count) const;
    //! Moves `states`, which holds the states after `*position` events, to those after `count`:
    //! forward by applying the events in between when that is shorter than restoring a
    //! snapshot, else from the nearest snapshot. For scrubbing, keep one and move it.
    void seek(TaskStates *states, qint64 *position, qint64 count) const;

    //! One more than the largest task id in the trace.
    [[nodiscard]] int taskCount() const { return int(m_spans.size()); }
    //! A task's phases over time, in order; empty for an id never spawned.
    [[nodiscard]] const std::vector<Span> &spans(int taskId) const;

private:
    const std::vector<TraceEvent> *m_events;
    qint64 m_interval = 4096;
    std::vector<TaskStates> m_snapshots;      // [k] = the states after k * m_interval events
    std::vector<std::vector<Span>> m_spans;   // by task id
};

} // namespace cascade
