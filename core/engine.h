#pragma once

#include "scenario.h"
#include "trace.h"
#include "useraction.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace cascade {

class EngineImpl;
class StepLocations;

//! Runs one scenario under one runtime profile on a virtual clock.
//!
//! Deterministic: events are ordered by (virtual time, sequence number); user actions at time T
//! are applied after every event due at or before T. The same scenario and the same actions
//! always give the same trace, however the run is stepped.
class Engine {
public:
    struct Options {
        bool keepEvents = true;          // store the trace in events(); off for benchmarks
        qint64 maxEvents = 5'000'000;    // a runaway scenario stops here with a message
        qint64 expectedEvents = 0;       // room kept for the trace up front (a replay knows its length)
    };

    Engine(const Scenario &scenario, Runtime runtime);
    Engine(const Scenario &scenario, Runtime runtime, Options options);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    //! Reasons the scenario cannot run under the runtime (steps with no equivalent there).
    //! Empty when it can. Each reason names the step's JSON pointer.
    [[nodiscard]] static QStringList unsupported(const Scenario &scenario, Runtime runtime);
    //! The same for one step alone (not the steps inside it): "a timeout is not available in swift:
    //! <why>", one line per construct; empty when the runtime has it.
    [[nodiscard]] static QStringList unavailable(const Step &step, Runtime runtime);

    //! Called for every event as it happens (in addition to events()).
    void setListener(std::function<void(const TraceEvent &)> listener);

    //! Queue a user action; it takes effect at its time. Actions at the same time keep their order.
    void schedule(const UserAction &action);

    //! Process the next scheduled event (and any user action due before it). False when done.
    bool step();
    //! Process everything due at or before t; the clock then reads at least t.
    void runUntil(qint64 t);
    void runToEnd();

    [[nodiscard]] bool finished() const;
    //! Virtual time of the next thing step() would do (a held or stale entry may make it do
    //! nothing); the largest qint64 when nothing is scheduled.
    [[nodiscard]] qint64 nextTime() const;
    [[nodiscard]] qint64 now() const;
    //! Non-empty when the run stopped early (event limit reached).
    [[nodiscard]] QString abortReason() const;

    [[nodiscard]] const std::vector<TraceEvent> &events() const;
    [[nodiscard]] qint64 eventCount() const;
    [[nodiscard]] QString taskPath(int taskId) const;
    //! asyncio: the task was still pending when asyncio.run() returned (it was started during the
    //! shutdown and outlived it); the program ended without it, and it has no end event.
    [[nodiscard]] bool abandoned(int taskId) const;
    [[nodiscard]] int taskCount() const;
    [[nodiscard]] TaskPathResolver pathResolver() const;
    //! The JSON pointer of TraceEvent::step ("/root/steps/3", "/root/steps/3/catch/0",
    //! "/root/steps/0/task" for a task's definition...); empty for -1.
    [[nodiscard]] QString stepPointer(int step) const;
    //! Every location the events' `step` can name (steplocations.h).
    [[nodiscard]] const StepLocations &stepLocations() const;

    //! The whole trace as JSON Lines.
    [[nodiscard]] QByteArray traceJsonLines() const;

private:
    std::unique_ptr<EngineImpl> m_impl;
};

} // namespace cascade
