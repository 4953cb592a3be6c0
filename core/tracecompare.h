#pragma once

#include "scenario.h"
#include "trace.h"

#include <QString>

#include <vector>

namespace cascade {

//! One finished run to compare: the runtime it ran under, its trace and its tasks' paths. The
//! events are read, not copied: they must outlive the comparison call.
struct ComparedRun {
    Runtime runtime = Runtime::Asyncio;
    const std::vector<TraceEvent> *events = nullptr;
    TaskPathResolver paths;
};

//! A moment where two runs of one scenario differ for one task (the same task path in both).
struct Divergence {
    enum class Kind : quint8 {
        State,    // the first instant after which the task is in different states (phase, pending request)
        Outcome,  // it ends differently (completed / cancelled / failed / timed out / does not end)
        EndTime,  // it ends the same way at different times
        OnlyIn,   // the task exists in one run only
        Course,   // it does different things (catches, deliveries, cleanups, prints) where the states agree
    };
    Kind kind = Kind::State;
    qint64 at = 0;    // virtual ms where the difference begins: where to seek both runs
    QString task;     // the task's path ("main/job")
    QString first;    // what the first run shows then, in words, starting with its runtime
    QString second;   // the same for the second run
    int onlyIn = -1;  // OnlyIn: 0 (first run) or 1 (second run)

    //! Both sides as one line: "asyncio: …; Kotlin: …".
    [[nodiscard]] QString text() const;
};

//! "state", "outcome", "end-time", "only-in", "course".
[[nodiscard]] QString divergenceKindName(Divergence::Kind kind);
//! The runtime as people write it: "asyncio", "Kotlin", "Swift".
[[nodiscard]] QString runtimeTitle(Runtime runtime);

//! Why the scenario cannot be compared under these two runtimes (the same runtime twice, or a
//! runtime it cannot run under, with the engine's reasons); empty when it can.
[[nodiscard]] QString comparisonRefusal(const Scenario &scenario, Runtime first, Runtime second);

//! A runtime to compare `first` with: the next of the scenario's runtimes that can run it, else
//! the next of all runtimes that can, else the next runtime (comparisonRefusal then says why).
[[nodiscard]] Runtime otherComparableRuntime(const Scenario &scenario, Runtime first);

//! Where two runs of the same scenario (usually under two runtimes, with the same user actions)
//! differ, task by task: the first instant each task's state differs (its phase or an undelivered
//! cancel request, as TaskStates derives them, compared at the end of every instant), the first
//! step of note that differs before that (a catch, a delivery, a cleanup, a print: what happens
//! inside one instant), different outcomes, different end times, and tasks one run has and the
//! other has not. Ordered by time, then by the order the tasks appear in the first run. Deterministic; the words are translatable
//! (context "TraceCompare"). Equal runs give no divergence.
[[nodiscard]] std::vector<Divergence> compareRuns(const ComparedRun &first, const ComparedRun &second);

} // namespace cascade
