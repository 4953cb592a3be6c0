#pragma once

#include "engine.h"
#include "recording.h"

#include <QString>

#include <memory>

namespace cascade {

//! A recording of what `engine` has run so far: its scenario, runtime, the actions it was given
//! and every event it made. `finished` when the engine has ended the run (not stopped early).
[[nodiscard]] Recording recordRun(const Scenario &scenario, Runtime runtime, const std::vector<UserAction> &actions,
                                  const Engine &engine);

//! What replaying a recording found.
struct ReplayResult {
    enum class Status {
        Match,      // the engine made the recorded trace again, event for event
        Differ,     // it made another one: firstDifference and the two lines say where
        CannotRun,  // the scenario does not load here, the runtime cannot run it, an action's path is invalid
    };
    Status status = Status::CannotRun;
    QString problem;                 // CannotRun: why, on one line
    qint64 firstDifference = -1;     // Differ: index of the first event that differs
    QString recordedLine;            // that event in the recording, as a trace line (empty: it has none)
    QString replayedLine;            // and in the replay
    std::unique_ptr<Engine> engine;  // the replay's engine (its events and paths), null for CannotRun

    //! A few lines for people: where the traces first differ and how, with both versions of Cascade.
    [[nodiscard]] QString report(const Recording &recording) const;
};

//! Runs the recording's scenario again under its runtime with its actions, as far as the
//! recording goes (to the end when it is finished), and compares the traces event by event as
//! their JSON Lines (docs/trace-format.md) would: task paths, times, kinds and fields.
[[nodiscard]] ReplayResult replayRecording(const Recording &recording);
//! The same with `scenario` (the recording's, copied) as the one the engine runs and reads from
//! then on: the caller keeps it alive as long as it keeps the result's engine.
[[nodiscard]] ReplayResult replayRecording(const Recording &recording, const Scenario &scenario);

} // namespace cascade
