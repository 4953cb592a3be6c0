// Session: opening a recording (read, possibly ahead of time; shown; checked by the engine, on
// another thread for a long one) and the recording file the run shown came from.
#include "session.h"

#include "openedrecording.h"
#include "recordingcheck.h"
#include "recordingreplay.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cascade {

namespace {

struct LoadedRecording {
    std::shared_ptr<const OpenedRecording> opened;
    QString error;
};

//! The one recording preloaded in this process (preloadRecording), until openRecording takes it.
struct Preload {
    QString path;  // absolute
    QFuture<LoadedRecording> loaded;
};
std::optional<Preload> &preloaded()
{
    static std::optional<Preload> preload;  // touched on the GUI thread only
    return preload;
}

LoadedRecording loadRecording(const QString &path)
{
    LoadedRecording loaded;
    loaded.opened = OpenedRecording::open(path, &loaded.error);
    return loaded;
}

} // namespace

void Session::preloadRecording(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    preloaded() = Preload{absolute, QtConcurrent::run([absolute] { return loadRecording(absolute); })};
}

bool Session::openRecording(const QString &path)
{
    LoadedRecording loaded;
    std::optional<Preload> preload = std::exchange(preloaded(), std::nullopt);
    if (preload && preload->path == QFileInfo(path).absoluteFilePath())
        loaded = preload->loaded.result();  // waits for it, when it is not read yet
    else
        loaded = loadRecording(path);
    const QString &error = loaded.error;
    std::shared_ptr<const OpenedRecording> opened = std::move(loaded.opened);
    if (!opened) {
        m_error = error;  // the current run stays
        Q_EMIT errorChanged();
        return false;
    }
    showRecording(std::move(opened), path);
    const QFileInfo file(path);  // after the run made above, which clears it
    m_runFile = file.absoluteFilePath();
    m_runFileSize = file.size();
    m_runFileModified = file.lastModified();
    return true;
}

QString Session::runFile() const
{
    if (m_runFile.isEmpty())
        return {};
    // A file changed on disk since is not the recording shown any more.
    const QFileInfo file(m_runFile);
    return file.size() == m_runFileSize && file.lastModified() == m_runFileModified ? m_runFile : QString();
}

void Session::openRecorded(const Recording &recording, const QString &name)
{
    showRecording(std::make_shared<const OpenedRecording>(recording), name);
}

void Session::showRecording(std::shared_ptr<const OpenedRecording> opened, const QString &path)
{
    const std::shared_ptr<const OpenedRecording> shown = m_recorded;  // the models may still show it
    m_error.clear();
    Q_EMIT errorChanged();
    const Recording &recording = opened->recording();
    m_scenario = recording.scenario;
    if (m_scenario)
        m_scenario->sourceName = path;
    m_runtime = recording.runtime;
    m_actions = recording.actions;
    m_recordingName = QFileInfo(path).fileName();
    // Runs made again (after an action) go as far as the recording, however long it is.
    m_runMaxEvents = std::max<qint64>(RunMaxEvents, qint64(recording.events.size()));
    ++m_checkGeneration;
    // The recorded trace is shown until the engine has made it again; only when that gives
    // another trace does it stay. A long recording is shown at once and checked on another thread.
    m_recorded = std::move(opened);
    m_checking = m_checkInBackgroundFrom >= 0 && qint64(recording.events.size()) >= m_checkInBackgroundFrom;
    if (m_checking) {
        m_recordingStatus = tr("%1: replaying its %L2 events with this engine to check them; until then it is shown "
                               "as recorded and takes no actions.").arg(m_recordingName).arg(recording.events.size());
        Q_EMIT scenarioChanged();
        startOver();
        checkInBackground();
        return;
    }
    takeCheck(checkRecording(recording, m_scenario ? std::make_unique<Scenario>(*m_scenario) : nullptr, m_runMaxEvents));
    Q_EMIT scenarioChanged();
    startOver();
}

void Session::checkInBackground()
{
    // The check reads only what it is given: the recording (shared, never changed) and a copy of
    // its scenario. Whatever happens here meanwhile (another open, an edit) only makes its result
    // stale, which the generation tells.
    using Watcher = QFutureWatcher<std::shared_ptr<CheckedRecording>>;
    auto *watcher = new Watcher(this);
    const quint64 generation = m_checkGeneration;
    connect(watcher, &Watcher::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_checkGeneration)
            return;
        takeCheck(std::move(*watcher->result()));
        Q_EMIT recordingChecked();
    });
    std::shared_ptr<const OpenedRecording> recorded = m_recorded;
    auto scenario = std::make_shared<std::unique_ptr<Scenario>>(m_scenario ? std::make_unique<Scenario>(*m_scenario) : nullptr);
    watcher->setFuture(QtConcurrent::run([recorded, scenario, maxEvents = m_runMaxEvents] {
        return std::make_shared<CheckedRecording>(checkRecording(recorded->recording(), std::move(*scenario), maxEvents));
    }));
}

void Session::takeCheck(CheckedRecording checked)
{
    const bool inBackground = m_checking;
    m_checking = false;
    const Recording &recording = m_recorded->recording();
    switch (checked.replay.status) {
    case ReplayResult::Status::Match:
        m_recordingStatus = tr("%1: replayed, and the trace is the recorded one (%2 events).")
                                .arg(m_recordingName).arg(recording.events.size());
        break;
    case ReplayResult::Status::Differ:
        m_recordingStatus = tr("%1 is shown as it was recorded, without actions: this version of Cascade runs it "
                               "differently. %2").arg(m_recordingName, checked.replay.report(recording));
        break;
    case ReplayResult::Status::CannotRun:
        m_recordingStatus = tr("%1 is shown as it was recorded, without actions: it cannot run here (%2).")
                                .arg(m_recordingName, checked.replay.problem);
        break;
    }
    if (!checked.run) {
        Q_EMIT recordingStatusChanged();
        return;
    }
    if (!inBackground) {
        // Nothing is shown yet: the run made next (startOver) is the replay's.
        m_recorded.reset();
        m_replay = std::move(checked);
        return;
    }
    // The recorded trace is on screen: the replay's run has the same events (and, when the
    // recording stopped early, more after them), so the models keep what they show and only
    // read it from the new run from now on.
    const std::shared_ptr<const OpenedRecording> recorded = std::move(m_recorded);  // until the models let go
    m_engineScenario = std::move(checked.scenario);  // m_engine is null while a recording is shown
    m_engine = std::move(checked.run);
    m_trace = &m_engine->events();
    m_paths = m_engine->pathResolver();
    m_index = std::move(checked.index);
    m_seekStatesAt = -1;
    makePlan();
    m_events.retarget(m_trace, m_paths);
    m_console.retarget(m_trace, m_paths);
    m_tasks.setWarnings(checked.warnings, m_shown);
    m_events.setWarnings(std::move(checked.warnings));
    const qint64 playhead = m_playhead;
    showExactly(m_shown);
    m_playhead = playhead;
    Q_EMIT runChanged();
    Q_EMIT recordingStatusChanged();
    Q_EMIT progressed();
}

} // namespace cascade
