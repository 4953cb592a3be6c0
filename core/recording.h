#pragma once

#include "scenario.h"
#include "trace.h"
#include "useraction.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <span>
#include <vector>

class QIODevice;

namespace cascade {

//! A run as it happened, kept to be saved, opened, viewed and replayed (docs/recording-format.md):
//! the scenario exactly as run, the runtime, the user's actions with their virtual times, the
//! trace with every task's path, and the version of Cascade that made it. A recording can be
//! viewed without the engine (the tasks and their paths are stored); replaying it is in
//! recordingreplay.h.
struct Recording {
    static constexpr int FormatVersion = 1;

    QString appVersion;                 // CASCADE_VERSION of the app that recorded it
    Runtime runtime = Runtime::Asyncio;
    QString scenarioJson;               // the scenario as run, as scenarioToJson wrote it
    std::optional<Scenario> scenario;   // that text loaded; empty when this version cannot load it
    QString scenarioError;              // why, when it cannot (the recording is still viewable)
    std::vector<UserAction> actions;    // in the order they were given
    bool finished = false;              // the run had ended: nothing follows the last event
    std::vector<QString> taskPaths;     // by task id
    std::vector<TraceEvent> events;     // canonical (canonicalEvent), seq = index

    [[nodiscard]] int taskCount() const { return int(taskPaths.size()); }
    [[nodiscard]] QString taskPath(int taskId) const;
    //! Resolves the recorded task ids; valid while the recording lives.
    [[nodiscard]] TaskPathResolver pathResolver() const;
    //! The recorded trace as JSON Lines (docs/trace-format.md), as `cascade run --trace` wrote it.
    [[nodiscard]] QByteArray traceJsonLines() const;
};

//! The event with only the fields the trace formats carry for its kind (docs/trace-format.md):
//! what a recording stores and what a replay is compared on.
[[nodiscard]] TraceEvent canonicalEvent(const TraceEvent &event);

//! A recording of a run: the events (made canonical), every task's path through `path`, and
//! `finished` when the run had ended. The scenario is stored as scenarioToJson writes it.
[[nodiscard]] Recording makeRecording(const Scenario &scenario, Runtime runtime, const std::vector<UserAction> &actions,
                                      std::span<const TraceEvent> events, int taskCount,
                                      const TaskPathResolver &path, bool finished);

//! Writes the recording in the documented format; false when the device refused some of it.
[[nodiscard]] bool writeRecording(const Recording &recording, QIODevice &device);
//! The whole file in memory (tests, small recordings).
[[nodiscard]] QByteArray recordingToBytes(const Recording &recording);
//! Saves through QSaveFile: the file is replaced whole or not at all. False with *error set.
[[nodiscard]] bool saveRecordingFile(const Recording &recording, const QString &path, QString *error);

//! Reads and checks recordings. Nothing in the file is trusted: sizes, ids, strings and every
//! enumeration are checked, and every problem is reported as
//! "<file>:<line>:<column>: <where>: <problem>" (docs/recording-format.md).
class RecordingLoader {
public:
    static constexpr qint64 MaxEvents = 6'000'000;        // above the engine's own limit (5 million)
    static constexpr qint64 MaxTasks = 6'000'000;
    static constexpr qint64 MaxFileBytes = qint64(4) << 30;
    static constexpr qint64 MaxTime = qint64(1) << 50;     // virtual ms; far beyond any run
    static constexpr int MaxActions = 100'000;
    static constexpr int MaxStringBytes = 64 * 1024;       // one string of a task or event record

    [[nodiscard]] static std::optional<Recording> loadFile(const QString &path, QString *error);
    [[nodiscard]] static std::optional<Recording> parse(const QByteArray &bytes, const QString &sourceName,
                                                        QString *error);
};

} // namespace cascade
