#include "recordingreplay.h"

#include "loaderwords.h"

namespace cascade {

Recording recordRun(const Scenario &scenario, Runtime runtime, const std::vector<UserAction> &actions,
                    const Engine &engine)
{
    return makeRecording(scenario, runtime, actions, engine.events(), engine.taskCount(), engine.pathResolver(),
                         engine.finished() && engine.abortReason().isEmpty());
}

namespace {

//! Equal as trace lines: the fields the format carries, tasks compared by path.
bool sameEvent(const TraceEvent &recorded, const std::vector<QString> &recordedPaths, const TraceEvent &replayed,
               const std::vector<QString> &replayedPaths)
{
    const auto pathOf = [](const std::vector<QString> &paths, int id) {
        return id >= 0 && id < int(paths.size()) ? paths[std::size_t(id)] : QString();
    };
    const auto samePath = [&](int a, int b) {
        return (a < 0) == (b < 0) && (a < 0 || pathOf(recordedPaths, a) == pathOf(replayedPaths, b));
    };
    return recorded.seq == replayed.seq && recorded.t == replayed.t && recorded.kind == replayed.kind
        && recorded.code == replayed.code && recorded.ms == replayed.ms && recorded.text == replayed.text
        && recorded.message == replayed.message && samePath(recorded.task, replayed.task)
        && samePath(recorded.other, replayed.other);
}

} // namespace

ReplayResult replayRecording(const Recording &recording)
{
    if (!recording.scenario) {
        ReplayResult result;
        result.problem = LoaderWords::tr("the recorded scenario does not load in this version of Cascade: %1").arg(recording.scenarioError);
        return result;
    }
    return replayRecording(recording, *recording.scenario);
}

ReplayResult replayRecording(const Recording &recording, const Scenario &scenario)
{
    ReplayResult result;
    const QStringList reasons = Engine::unsupported(scenario, recording.runtime);
    if (!reasons.isEmpty()) {
        result.problem = QStringLiteral("'%1' cannot run under %2: %3").arg(scenario.id, runtimeName(recording.runtime), reasons.constFirst());
        return result;
    }
    for (std::size_t i = 0; i < recording.actions.size(); ++i) {
        QString error;
        if (!validateTaskPath(scenario, recording.actions[i].taskPath, &error)) {
            result.problem = LoaderWords::tr("action %1 (%2): %3").arg(i).arg(UserAction::verb(recording.actions[i].kind), error);
            return result;
        }
    }

    const qint64 recorded = qint64(recording.events.size());
    Engine::Options options;
    // One event past the recording is enough to see that the replay goes on.
    options.maxEvents = std::max(options.maxEvents, recorded + 2);
    options.expectedEvents = recorded + 1;
    result.engine = std::make_unique<Engine>(scenario, recording.runtime, options);
    Engine &engine = *result.engine;
    for (const UserAction &action : recording.actions)
        engine.schedule(action);
    // A finished recording must end where the replay ends; an unfinished one is a prefix.
    const qint64 wanted = recording.finished ? recorded + 1 : recorded;
    while (engine.eventCount() < wanted && engine.step()) {
    }

    std::vector<QString> replayedPaths;
    replayedPaths.reserve(std::size_t(engine.taskCount()));
    for (int id = 0; id < engine.taskCount(); ++id)
        replayedPaths.push_back(engine.taskPath(id));
    const std::vector<TraceEvent> &events = engine.events();
    const qint64 replayed = qint64(events.size());
    const qint64 common = std::min(recorded, replayed);
    for (qint64 i = 0; i < common; ++i) {
        const TraceEvent replayedEvent = canonicalEvent(events[std::size_t(i)]);
        if (!sameEvent(recording.events[std::size_t(i)], recording.taskPaths, replayedEvent, replayedPaths)) {
            result.status = ReplayResult::Status::Differ;
            result.firstDifference = i;
            result.recordedLine = QString::fromUtf8(traceEventToJson(recording.events[std::size_t(i)], recording.pathResolver()));
            result.replayedLine = QString::fromUtf8(traceEventToJson(replayedEvent, engine.pathResolver()));
            return result;
        }
    }
    const bool replayEndsEarly = replayed < recorded;
    const bool replayGoesOn = recording.finished && replayed > recorded;
    if (replayEndsEarly || replayGoesOn) {
        result.status = ReplayResult::Status::Differ;
        result.firstDifference = common;
        if (replayEndsEarly)
            result.recordedLine = QString::fromUtf8(traceEventToJson(recording.events[std::size_t(common)], recording.pathResolver()));
        else
            result.replayedLine = QString::fromUtf8(traceEventToJson(events[std::size_t(common)], engine.pathResolver()));
        return result;
    }
    result.status = ReplayResult::Status::Match;
    return result;
}

QString ReplayResult::report(const Recording &recording) const
{
    const QString versions = recording.appVersion == QLatin1String(CASCADE_VERSION)
        ? LoaderWords::tr("recorded and replayed by Cascade %1").arg(recording.appVersion)
        : LoaderWords::tr("recorded by Cascade %1, replayed by Cascade %2").arg(recording.appVersion, QLatin1String(CASCADE_VERSION));
    switch (status) {
    case Status::Match:
        return LoaderWords::tr("the replay matches the recording: %1 events (%2)\n").arg(recording.events.size()).arg(versions);
    case Status::CannotRun:
        return LoaderWords::tr("cannot replay: %1 (%2)\n").arg(problem, versions);
    case Status::Differ:
        break;
    }
    const QString none = QStringLiteral("(none: the trace ends before this event)");
    return LoaderWords::tr("the traces differ at event %1 (%2):\n  recorded: %3\n  replayed: %4\n")
        .arg(firstDifference)
        .arg(versions, recordedLine.isEmpty() ? none : recordedLine, replayedLine.isEmpty() ? none : replayedLine);
}

} // namespace cascade
