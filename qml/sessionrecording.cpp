// Session: opening a recording (read, possibly ahead of time; shown; checked by the engine, on
// another thread for a long one), the recording file the run shown came from, and saving the run
// as a recording on a worker thread.
#include "session.h"

#include "openedrecording.h"
#include "recordingcheck.h"
#include "recordingreplay.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

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
    const QFileInfo file(path);  // the run shown is this file's from now on
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
    m_runFile.clear();  // openRecording names the file once it is shown
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
    // Qt 6.4's QtConcurrent::run copies its callable: the scenario's copy rides in a shared_ptr.
    auto scenario = std::make_shared<std::unique_ptr<Scenario>>(m_scenario ? std::make_unique<Scenario>(*m_scenario) : nullptr);
    watcher->setFuture(QtConcurrent::run([recorded = m_recorded, scenario, maxEvents = m_runMaxEvents] {
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
    // The run made next is the replay's: before anything is shown (startOver follows), or in
    // place of the recorded trace on screen, which it repeats event for event (and, when the
    // recording stopped early, goes on after), so what is shown stays where it is. The recording
    // lives on in the index of the run shown until makeRun has moved the models off it.
    m_recorded.reset();
    m_replay = std::move(checked);
    if (!inBackground)
        return;
    const qint64 playhead = m_playhead;
    makeRun();
    showExactly(m_shown);
    m_playhead = playhead;
    Q_EMIT progressed();
}

bool Session::saveRecordingInBackground(const QString &path)
{
    RecordingMaker make = recordingMaker(RecordingExtent::Shown);
    if (!make) {
        m_error = nothingToRecord();
        Q_EMIT errorChanged();
        return false;
    }
    // Qt 6.4's QtConcurrent::run copies its callable, and the copy dies on the worker: the maker
    // (which holds the run) is taken out of a shared slot there and comes back with the result.
    auto job = std::make_shared<RecordingMaker>(std::move(make));
    auto *watcher = m_recordingSaves.emplace_back(std::make_unique<QFutureWatcher<RecordingSave>>()).get();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] { finishRecordingSave(watcher, path); });
    watcher->setFuture(QtConcurrent::run([job, path] {
        RecordingSave save;
        save.heldRun = std::exchange(*job, {});
        if (QString error; !saveRecordingFile(save.heldRun(), path, &error))
            save.error = error;
        return save;
    }));
    if (m_recordingSaves.size() == 1)
        Q_EMIT savingRecordingChanged();
    return true;
}

void Session::finishRecordingSave(QFutureWatcher<RecordingSave> *watcher, const QString &path)
{
    const auto found = std::find_if(m_recordingSaves.begin(), m_recordingSaves.end(),
                                    [watcher](const auto &save) { return save.get() == watcher; });
    if (found == m_recordingSaves.end())
        return;
    std::unique_ptr<QFutureWatcher<RecordingSave>> done = std::move(*found);
    m_recordingSaves.erase(found);
    const RecordingSave save = done->future().takeResult();  // the run it read is released here
    if (!save.error.isEmpty()) {
        m_error = save.error;
        Q_EMIT errorChanged();
    }
    if (m_recordingSaves.empty())
        Q_EMIT savingRecordingChanged();
    Q_EMIT recordingSaved(path, save.error);
    done.release()->deleteLater();  // it is the sender of the signal that brought us here
}

} // namespace cascade
