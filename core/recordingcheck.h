#pragma once

#include "engine.h"
#include "recording.h"
#include "recordingreplay.h"
#include "traceindex.h"
#include "warnings.h"

#include <memory>
#include <vector>

namespace cascade {

//! Runs `scenario` under `runtime` with `actions`, to its end or `maxEvents` events: the run a
//! window shows and plays back. The engine reads `scenario`, which must outlive it.
[[nodiscard]] std::unique_ptr<Engine> runWithActions(const Scenario &scenario, Runtime runtime,
                                                     const std::vector<UserAction> &actions, qint64 maxEvents);

//! Everything opening a recording works out besides reading it: whether this engine makes its
//! trace again and, when it does, the run to show with its index and warnings. Pure computation
//! on its own data, so a window can make it on another thread while it shows the recorded trace.
struct CheckedRecording {
    //! The scenario the run's engine reads: whoever keeps `run` keeps this too.
    std::unique_ptr<Scenario> scenario;
    //! The verdict (its engine moved to `run` when it is the run to show).
    ReplayResult replay;
    //! On a match, the run to show: the replay itself when the recording is finished, else the
    //! whole run its actions make (at most maxEvents, never fewer than the recording holds).
    std::unique_ptr<Engine> run;
    std::unique_ptr<TraceIndex> index;
    std::vector<TraceWarning> warnings;
};

//! Replays `recording` with `scenario` (the recording's, as the caller has it; null when it does
//! not load) and, on a match, makes the run to show. Reads `recording` only.
[[nodiscard]] CheckedRecording checkRecording(const Recording &recording, std::unique_ptr<Scenario> scenario,
                                              qint64 maxEvents);

} // namespace cascade
