#pragma once

#include "scenario.h"
#include "trace.h"

#include <vector>

namespace cascade {

//! The mistakes a run can show, each found from the trace alone (docs/teaching.md, "Warnings").
enum class WarningKind : quint8 {
    SwallowedCancellation,  // a task caught its own cancellation and did not re-throw it
    UndeliveredCancel,      // cancel requested, then long CPU work with no check point
    OrphanTask,             // an unstructured task still running after the task that made it ended
    DiscardedChildError,    // Swift: a child's error never reached its parent (never awaited)
    SuspendInCancelledFinally,  // Kotlin: a suspending call in finally of a cancelled coroutine threw at once
};

//! "swallowed-cancellation", "undelivered-cancel", "orphan-task", "discarded-child-error",
//! "suspend-in-cancelled-finally".
[[nodiscard]] const char *warningKindName(WarningKind kind);

//! One warning: what, about which task, from which event on, in words for the task and the log.
struct TraceWarning {
    WarningKind kind = WarningKind::SwallowedCancellation;
    int task = -1;       // the task it is shown on
    int other = -1;      // orphan: the task that made it; discarded error: the parent; else -1
    qint64 seq = -1;     // the event at which it becomes true
    qint64 t = 0;        // that event's virtual time
    LocalizedText summary;      // one line, with the task's path and the figures
    LocalizedText explanation;  // one paragraph: why it is a problem in this runtime and what to do

    bool operator==(const TraceWarning &) const = default;
};

//! Finds warnings in a trace as it is made or shown, one event at a time, in trace order. Each
//! kind is reported at most once per task (its first occurrence), at the event where it becomes
//! true; the rules are in docs/teaching.md.
class WarningDetector {
public:
    struct Options {
        //! CPU work after a request, with no check point, that makes it "undelivered" (virtual ms).
        qint64 cpuThresholdMs = 500;
    };

    WarningDetector(Runtime runtime, TaskPathResolver path);
    WarningDetector(Runtime runtime, TaskPathResolver path, Options options);

    //! The warnings that become true at this event (usually none).
    [[nodiscard]] std::vector<TraceWarning> feed(const TraceEvent &event);
    //! Back to before the first event.
    void reset();

private:
    struct TaskState {
        int spawner = -1;
        bool ended = false;
        std::vector<int> unstructuredChildren;  // in spawn order
        quint8 warned = 0;                      // one bit per WarningKind
        EventKind lastKind = EventKind::Spawn;  // the task's previous event
        // A delivered cancellation in flight: not yet caught, replaced by another error, or ended.
        bool inFlight = false;
        bool leftTimeoutScope = false;  // Kotlin: it left its withTimeout as TimeoutCancellationException
        // A request not delivered yet, and the CPU work done since it (or since the last check point).
        bool pending = false;
        qint64 requestT = 0;
        qint64 cpuMs = 0;
        qint64 crossing = -1;           // when cpuMs reached the threshold
        qint64 workStart = 0;
        qint64 workEnd = -1;            // the latest stretch of work
        std::vector<bool> cleanups;     // open cleanup blocks, true for a finally
    };
    TaskState &state(int task);
    void warn(std::vector<TraceWarning> *out, WarningKind kind, int task, int other, const TraceEvent &at,
              const QStringList &figures);
    void checkCancellation(const TraceEvent &event, TaskState &s, std::vector<TraceWarning> *out);
    void checkCpu(const TraceEvent &event, TaskState &s, std::vector<TraceWarning> *out);

    Runtime m_runtime;
    TaskPathResolver m_path;
    Options m_options;
    std::vector<TaskState> m_tasks;  // by task id
};

//! Every warning of a whole trace, in the order they become true.
[[nodiscard]] std::vector<TraceWarning> findWarnings(const std::vector<TraceEvent> &events, Runtime runtime,
                                                     const TaskPathResolver &path,
                                                     WarningDetector::Options options = {});

//! The one-line summary and the paragraph of a warning, in English and Korean (warningtexts.cpp).
//! `figures` fill the summary's %1, %2...: the paths and numbers of docs/teaching.md.
[[nodiscard]] LocalizedText warningSummary(WarningKind kind, Runtime runtime, const QStringList &figures);
[[nodiscard]] LocalizedText warningExplanation(WarningKind kind, Runtime runtime);

} // namespace cascade
