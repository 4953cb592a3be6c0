#include "recordingcheck.h"

namespace cascade {

std::unique_ptr<Engine> runWithActions(const Scenario &scenario, Runtime runtime, const std::vector<UserAction> &actions,
                                       qint64 maxEvents)
{
    Engine::Options options;
    options.maxEvents = maxEvents;
    auto engine = std::make_unique<Engine>(scenario, runtime, options);
    for (const UserAction &action : actions)
        engine->schedule(action);
    engine->runToEnd();
    return engine;
}

CheckedRecording checkRecording(const Recording &recording, std::unique_ptr<Scenario> scenario, qint64 maxEvents)
{
    CheckedRecording checked;
    checked.scenario = std::move(scenario);
    checked.replay = checked.scenario ? replayRecording(recording, *checked.scenario) : replayRecording(recording);
    if (checked.replay.status != ReplayResult::Status::Match)
        return checked;
    // A finished recording's replay is the whole run; an unfinished one's actions go on making
    // events after it, as far as a run made again after an action would go.
    std::unique_ptr<Engine> replayed = std::move(checked.replay.engine);
    if (recording.finished && replayed->finished())
        checked.run = std::move(replayed);
    else
        checked.run = runWithActions(*checked.scenario, recording.runtime, recording.actions,
                                     std::max<qint64>(maxEvents, qint64(recording.events.size())));
    checked.index = std::make_unique<TraceIndex>(checked.run->events());
    checked.warnings = findWarnings(checked.run->events(), recording.runtime, checked.run->pathResolver());
    return checked;
}

} // namespace cascade
