#pragma once

#include "trace.h"

#include <QString>
#include <QtGlobal>

#include <utility>
#include <vector>

namespace cascade {

//! What a task is doing, as its trace events show it.
enum class TaskPhase : quint8 {
    NotStarted, Running, Suspended, Cpu, Unwinding, Cleanup, Completed, Cancelled, Failed, TimedOut
};

//! "not-started", "running", "suspended", "cpu", "unwinding", "cleanup", "completed", "cancelled",
//! "failed", "timed-out": the names the task list, the timeline and the exports show.
[[nodiscard]] QString taskPhaseName(TaskPhase phase);
//! True for completed, cancelled, failed and timed-out: the task has ended.
[[nodiscard]] bool isFinalPhase(TaskPhase phase);

//! One task's state after some prefix of a trace. Plain values; the detail line is formatted on
//! demand so that applying an event never allocates (a seek index applies millions of them).
struct TaskState {
    //! What `detail()` is made of: nothing, the event's text as is, or a sentence around it.
    enum class DetailKind : quint8 { None, Text, CpuWork, DeliveredAt };

    QString detailText;             // text of the event that set the detail (shared, not copied)
    qint64 detailMs = 0;            // CPU work ms for DetailKind::CpuWork
    qint64 pendingSince = -1;       // virtual ms of an undelivered cancel request, -1 when none
    std::vector<std::pair<qint64, qint64>> deadlines;  // (deadline, ms) set and not cleared
    int parent = -1;                // task id, -1 for the root
    int step = -1;                  // where it stands (its last event's step), -1 before any and once ended;
                                    // not compared: a recording's events carry no steps, only an engine's
    int shields = 0;                // shield-on not yet matched by shield-off
    TaskPhase phase = TaskPhase::NotStarted;
    DetailKind detailKind = DetailKind::None;
    bool spawned = false;
    bool child = true;              // spawn link: child (structured) or unstructured
    bool delivered = false;         // a cancellation was raised in it

    [[nodiscard]] QString detail() const;
    [[nodiscard]] bool shielded() const { return shields > 0; }
    //! Virtual ms of the earliest deadline set and not cleared, -1 when none.
    [[nodiscard]] qint64 earliestDeadline() const;
    //! That deadline's limit in ms, 0 when none.
    [[nodiscard]] qint64 earliestDeadlineMs() const;
    [[nodiscard]] bool operator==(const TaskState &other) const;
};

//! Which parts of a task's state an event touched (TaskStates::apply), so that a model can say
//! exactly which roles changed. Set per event kind, as the task list has always reported them.
enum TaskChange : quint16 {
    ChangedNothing = 0,
    ChangedSpawned = 1 << 0,   // spawned, parent, link
    ChangedPhase = 1 << 1,
    ChangedDetail = 1 << 2,
    ChangedPending = 1 << 3,
    ChangedDelivered = 1 << 4,
    ChangedDeadline = 1 << 5,
    ChangedShielded = 1 << 6,
};

//! Every task's state after a prefix of a trace, by task id: the one derivation of state from
//! events, shared by the task list, the seek index, the exports and the timeline. A value type:
//! copying it is a snapshot, assigning one back restores it.
class TaskStates {
public:
    //! Task ids above this are ignored (a hostile id must not make the table huge).
    static constexpr int MaxTaskId = 1 << 26;

    //! Applies one event; returns the TaskChange flags it set (ChangedNothing when it changed
    //! nothing: an event before the task's spawn, a second request while one is pending...).
    quint16 apply(const TraceEvent &event);
    void clear() { m_tasks.clear(); }

    //! The state of a task; nullptr when the id was never spawned.
    [[nodiscard]] const TaskState *state(int taskId) const;
    //! One more than the largest task id seen (ids are dense in engine traces).
    [[nodiscard]] int size() const { return int(m_tasks.size()); }
    [[nodiscard]] bool operator==(const TaskStates &other) const { return m_tasks == other.m_tasks; }

private:
    std::vector<TaskState> m_tasks;
};

} // namespace cascade
