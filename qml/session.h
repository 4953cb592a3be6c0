#pragma once

#include "consolemodel.h"
#include "engine.h"
#include "eventlogmodel.h"
#include "recording.h"
#include "recordingcheck.h"
#include "tasklistmodel.h"
#include "traceindex.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <optional>

namespace cascade {

class OpenedRecording;

//! One scenario being played. The engine is deterministic, so the session runs the scenario
//! (with the user's actions so far) to its end at once and plays that trace back: the models show
//! its first `shownEvents` events, paced on the virtual clock at the chosen speed. Stepping back
//! and seeking only move that count (through a seek index); a user action at the current time is
//! added to the actions and the run is made again, which leaves every event shown so far as it
//! was. A recording opens the same way: replayed by the engine when that gives its trace again,
//! else shown as recorded, read-only. The session decides no semantics.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString scenarioId READ scenarioId NOTIFY scenarioChanged)
    Q_PROPERTY(QString title READ title NOTIFY scenarioChanged)
    Q_PROPERTY(QString titleKo READ titleKo NOTIFY scenarioChanged)
    Q_PROPERTY(QString explanation READ explanation NOTIFY scenarioChanged)
    Q_PROPERTY(QString explanationKo READ explanationKo NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList runtimes READ runtimes NOTIFY scenarioChanged)
    Q_PROPERTY(QString runtime READ runtime WRITE setRuntime NOTIFY runtimeChanged)
    Q_PROPERTY(QString unavailable READ unavailable NOTIFY runtimeChanged)
    Q_PROPERTY(qint64 now READ now NOTIFY progressed)
    Q_PROPERTY(bool finished READ finished NOTIFY progressed)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    //! What the tasks printed so far, one text: for tests and copying. Views show consoleLines,
    //! which changes by the lines added or taken away (this is made anew on every read).
    Q_PROPERTY(QString console READ console NOTIFY progressed)
    Q_PROPERTY(cascade::ConsoleModel *consoleLines READ consoleLines CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString selectedPath READ selectedPath WRITE setSelectedPath NOTIFY selectedPathChanged)
    Q_PROPERTY(qint64 shownEvents READ shownEvents NOTIFY progressed)
    //! How many events the whole run has, and the virtual time of its last one (a timeline's extent).
    Q_PROPERTY(qint64 eventCount READ eventCount NOTIFY runChanged)
    Q_PROPERTY(qint64 endTime READ endTime NOTIFY runChanged)
    //! A recording shown as it was recorded (its replay differs, cannot run here, or is still
    //! being checked): no actions.
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY recordingStatusChanged)
    //! A recording opened is being replayed on another thread; its recorded trace is shown meanwhile.
    Q_PROPERTY(bool checking READ checking NOTIFY recordingStatusChanged)
    //! What opening a recording found ("" otherwise): the replay matched, or where it differs.
    Q_PROPERTY(QString recordingStatus READ recordingStatus NOTIFY recordingStatusChanged)
    //! A Save Recording started with saveRecordingInBackground has not finished writing yet.
    Q_PROPERTY(bool savingRecording READ savingRecording NOTIFY savingRecordingChanged)
    Q_PROPERTY(cascade::TaskListModel *tasks READ tasks CONSTANT)
    Q_PROPERTY(cascade::EventLogModel *events READ events CONSTANT)

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    //! Wall-clock milliseconds between two frames of play.
    static constexpr int FrameMs = 16;

    Q_INVOKABLE bool open(const QString &lessonIdOrPath);
    //! Plays a scenario given in memory (the editor's document): from t = 0, without recorded actions.
    void openScenario(const Scenario &scenario, const QString &sourceName);
    //! Opens a recording (docs/recording-format.md) at t = 0: its scenario, runtime and actions,
    //! replayed by the engine and compared with the recorded trace (recordingStatus says how it
    //! went). False with `error` set when the file cannot be read; the current run stays then.
    //! A recording of setCheckInBackgroundFrom()'s events or more (100,000) is shown as recorded at once and
    //! replayed on another thread (checking() meanwhile); recordingChecked() says when it is done.
    Q_INVOKABLE bool openRecording(const QString &path);
    //! Starts reading the recording `path` on another thread, for the openRecording(path) that
    //! comes next in this process: the app's start reads its file while it makes the window.
    static void preloadRecording(const QString &path);
    //! From how many events a recording is checked in the background (-1: never, for a renderer
    //! that wants the same run every time; 0: always, for tests).
    void setCheckInBackgroundFrom(qint64 events) { m_checkInBackgroundFrom = events; }
    //! The same for a recording in memory (a copy of the window's run, for an export); `name`
    //! stands for its file in messages.
    void openRecorded(const Recording &recording, const QString &name);
    Q_INVOKABLE void restart();
    //! One frame of play, as the play timer makes it (FrameMs of wall time at the current speed),
    //! whether or not it plays: for a renderer that plays a run without a clock (a GIF).
    void advanceFrame();
    //! Shows the next trace event.
    Q_INVOKABLE void stepEvent();
    //! Back to the previous event.
    Q_INVOKABLE void stepBack();
    //! Shows the moment right after trace event `seq`.
    Q_INVOKABLE void seekToEvent(int seq);
    //! Shows the instant `ms` of virtual time: every event at or before it (a timeline's scrub).
    Q_INVOKABLE void seekToTime(qint64 ms);
    //! Play and Step stop before trace event `seq` (-1, the default: nowhere), for the narration's
    //! predict questions and caption pauses: playing pauses once every event before it is shown,
    //! Step does not show it, and both say so with held(). Seeks, restarts and user actions are
    //! not held (they say where to be).
    void setHoldBefore(qint64 seq);
    [[nodiscard]] qint64 holdBefore() const { return m_holdBefore; }
    Q_INVOKABLE void cancelTask(const QString &path);
    Q_INVOKABLE void failTask(const QString &path);
    //! Gives the task a deadline `ms` from now, as if the rest of its work were in a timeout block.
    Q_INVOKABLE void addTimeout(const QString &path, qint64 ms);
    //! Switches the user's shield on the task on or off.
    Q_INVOKABLE void toggleShield(const QString &path);
    //! Why `action` ("cancel", "fail", "timeout", "shield") cannot be used under the current
    //! runtime (for a disabled menu entry's tooltip); empty when it can.
    Q_INVOKABLE [[nodiscard]] QString actionUnavailable(const QString &action) const;
    //! Saves the run so far as a recording (docs/recording-format.md): the scenario, the runtime,
    //! the actions with their times and the events shown. False with `error` set when it cannot.
    Q_INVOKABLE bool saveRecording(const QString &path);
    //! The same on a worker thread, so that the window goes on while a long run (a million events
    //! take over a second) is made canonical and written: false with `error` set when there is
    //! nothing to record; otherwise recordingSaved(path, error) follows, error "" when it worked
    //! (and `error` is set too when it did not). The file is written whole or not at all
    //! (QSaveFile), and a Session that goes away first waits for it.
    Q_INVOKABLE bool saveRecordingInBackground(const QString &path);
    [[nodiscard]] bool savingRecording() const { return !m_recordingSaves.empty(); }
    //! The recording file the run shown was opened from, while the run is still that one (no
    //! action, restart, edit or other runtime since); empty otherwise. Autosave copies it rather
    //! than writing the run out again, a second on the GUI thread for a million events.
    [[nodiscard]] QString runFile() const;
    //! How much of the run a recording holds: the events shown so far (Save Recording), or the
    //! whole run, which the actions so far decide (autosave: one file a run, however it is scrubbed).
    enum class RecordingExtent { Shown, WholeRun };
    //! The run as a recording (empty when nothing runs: no scenario, or an unsupported runtime).
    [[nodiscard]] std::optional<Recording> recording(RecordingExtent extent = RecordingExtent::Shown) const;
    //! Makes that recording later, on any thread (empty when nothing runs): it holds the run it
    //! reads, whatever run replaces it meanwhile. Release it on the GUI thread: the last holder of
    //! a run deletes its engine. Autosave makes a million events canonical on its own thread with it.
    using RecordingMaker = std::function<Recording()>;
    [[nodiscard]] RecordingMaker recordingMaker(RecordingExtent extent) const;
    //! Puts the console's lines shown on the clipboard.
    Q_INVOKABLE void copyConsole() const;

    [[nodiscard]] QString scenarioId() const;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString titleKo() const;
    [[nodiscard]] QString explanation() const;
    [[nodiscard]] QString explanationKo() const;
    [[nodiscard]] QStringList runtimes() const;
    [[nodiscard]] QString runtime() const;
    void setRuntime(const QString &name);
    [[nodiscard]] QString unavailable() const { return m_unavailable; }
    [[nodiscard]] qint64 now() const { return m_playhead; }
    [[nodiscard]] bool finished() const;
    [[nodiscard]] bool playing() const { return m_timer.isActive(); }
    void setPlaying(bool playing);
    [[nodiscard]] double speed() const { return m_speed; }
    void setSpeed(double speed);
    [[nodiscard]] QString console() const { return m_console.text(); }
    [[nodiscard]] ConsoleModel *consoleLines() { return &m_console; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString selectedPath() const { return m_selectedPath; }
    void setSelectedPath(const QString &path);
    [[nodiscard]] qint64 shownEvents() const { return m_shown; }
    [[nodiscard]] qint64 eventCount() const { return m_trace ? qint64(m_trace->size()) : 0; }
    [[nodiscard]] qint64 endTime() const { return m_index ? m_index->endTime() : 0; }
    [[nodiscard]] bool readOnly() const { return m_recorded != nullptr; }
    [[nodiscard]] bool checking() const { return m_checking; }
    [[nodiscard]] QString recordingStatus() const { return m_recordingStatus; }
    [[nodiscard]] TaskListModel *tasks() { return &m_tasks; }
    [[nodiscard]] EventLogModel *events() { return &m_events; }

    //! The whole run being shown (empty when nothing runs), its tasks' paths and its seek index.
    [[nodiscard]] const std::vector<TraceEvent> &trace() const;
    [[nodiscard]] TaskPathResolver paths() const { return m_paths; }
    [[nodiscard]] const TraceIndex *index() const { return m_index.get(); }
    //! The engine that made the run (null for a recording shown as recorded): where each task
    //! stands (Engine::stepPointer), which steps a runtime lacks.
    [[nodiscard]] const Engine *engine() const { return m_run ? m_run->engine.get() : nullptr; }
    [[nodiscard]] const std::optional<Scenario> &scenario() const { return m_scenario; }
    [[nodiscard]] Runtime runtimeValue() const { return m_runtime; }
    [[nodiscard]] const std::vector<UserAction> &actions() const { return m_actions; }

Q_SIGNALS:
    void scenarioChanged();
    void runtimeChanged();
    void progressed();
    //! The run was made again (another scenario, runtime or action): trace() and index() changed.
    void runChanged();
    //! readOnly, checking or recordingStatus changed.
    void recordingStatusChanged();
    //! A background check ended (recordingStatus says how); on a match the run was replaced by
    //! the replay's, the same events, and runChanged came first.
    void recordingChecked();
    void playingChanged();
    void speedChanged();
    void errorChanged();
    void selectedPathChanged();
    void recordingSaved(const QString &path, const QString &error);
    void savingRecordingChanged();
    //! Play or Step stopped at the hold: every event before `seq` is shown, `seq` is not.
    //! `wasPlaying`: it was playing (and is paused now).
    void held(qint64 seq, bool wasPlaying);

protected:
    //! Why the runtime cannot run the scenario is said in the UI's language: a switch says it again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! Makes the whole run again with the current scenario, runtime and actions.
    void makeRun();
    void showRecording(std::shared_ptr<const OpenedRecording> opened, const QString &path);
    //! Takes up what a check of the recording shown found: the replay's run when it matched, or
    //! the reason it is shown as recorded.
    void takeCheck(CheckedRecording checked);
    void checkInBackground();
    //! Starts again at t = 0 with a fresh run (open, restart, another runtime).
    void startOver();
    void tick();
    void act(UserAction::Kind kind, const QString &path, qint64 durationMs = 0);
    //! Shows events up to `count` by appending them (the animated way).
    void reveal(qint64 count);
    void revealPaced();
    //! `count` events, or fewer when the hold comes first (play and step only).
    [[nodiscard]] qint64 heldAt(qint64 count) const;
    //! Play reached the hold: pause and say so.
    void stopAtHold();
    //! Shows exactly the first `count` events, from the seek index (one reset of each model).
    void showExactly(qint64 count);
    void showStart();
    void makePlan();
    //! Why there is no recording to save (no scenario, or a runtime that cannot run it).
    [[nodiscard]] QString nothingToRecord() const;
    //! A background save's end: the error ("" when written) and the run it read, released here,
    //! on the GUI thread.
    struct RecordingSave {
        QString error;
        RecordingMaker heldRun;
    };
    void finishRecordingSave(QFutureWatcher<RecordingSave> *watcher, const QString &path);

    std::optional<Scenario> m_scenario;
    Runtime m_runtime = Runtime::Asyncio;
    std::vector<UserAction> m_actions;  // everything the user did, in every run made again
    //! A run, made to its end (nothing changes it after), with the scenario its engine reads: a
    //! copy of m_scenario (which edits change) or a background check's. Shared with recording makers.
    struct EngineRun {
        std::unique_ptr<Scenario> scenario;  // declared first: the engine that reads it goes first
        std::unique_ptr<Engine> engine;
    };
    std::shared_ptr<const EngineRun> m_run;
    std::shared_ptr<const OpenedRecording> m_recorded;  // or a recording shown as recorded
    std::optional<CheckedRecording> m_replay;  // an opened recording's check, for the next makeRun to show
    const std::vector<TraceEvent> *m_trace = nullptr;
    TaskPathResolver m_paths;
    std::shared_ptr<const TraceIndex> m_index;  // the run's, or the recording's own when it is shown
    // The states a seek last moved to: kept, so that the next seek reuses their memory and goes
    // on from them when that is shorter than from a snapshot.
    TaskStates m_seekStates;
    qint64 m_seekStatesAt = -1;         // -1: they belong to no run
    std::vector<TaskListModel::PlannedTask> m_plan;  // every task the run spawns (makePlan)
    // A run stops here: a scenario that never ends would otherwise run to the engine's own limit
    // (5 million events) before the window shows anything. A longer recording is run to its length.
    static constexpr qint64 RunMaxEvents = 1'000'000;
    qint64 m_runMaxEvents = RunMaxEvents;
    TaskListModel m_tasks;
    EventLogModel m_events;
    QTimer m_timer;
    qint64 m_playhead = 0;              // virtual ms shown
    qint64 m_shown = 0;                 // events the models show
    qint64 m_made = 0;                  // events the clock has reached; the rest are still ahead
    qint64 m_holdBefore = -1;           // play and step stop before this event (setHoldBefore)
    QString m_selectedPath;
    double m_speed = 1.0;
    double m_revealCredit = 0;          // events the play timer may show (paced by the speed)
    double m_drainPerTick = 0;          // the pace that empties the current backlog in time
    ConsoleModel m_console;
    QString m_error;
    QString m_unavailable;
    QString m_recordingStatus;
    QString m_recordingName;            // the file a recording shown as recorded came from
    bool m_checking = false;
    quint64 m_checkGeneration = 0;      // a check's result counts only while this is still its number
    // Below this a replay takes a tenth of a second or less: the window waits for it.
    qint64 m_checkInBackgroundFrom = 100'000;
    std::vector<std::unique_ptr<QFutureWatcher<RecordingSave>>> m_recordingSaves;  // in flight
    QString m_runFile;                  // runFile(), with its size and time when it was opened
    qint64 m_runFileSize = -1;
    QDateTime m_runFileModified;
};

} // namespace cascade
