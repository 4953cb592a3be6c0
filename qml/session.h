#pragma once

#include "engine.h"
#include "recording.h"
#include "eventlogmodel.h"
#include "tasklistmodel.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace cascade {

//! One scenario being played: loads it, runs the engine on the virtual clock at the chosen speed,
//! forwards the user's cancels to the engine, and feeds the models. It decides no semantics.
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
    Q_PROPERTY(QString console READ console NOTIFY progressed)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString selectedPath READ selectedPath WRITE setSelectedPath NOTIFY selectedPathChanged)
    Q_PROPERTY(qint64 shownEvents READ shownEvents NOTIFY progressed)
    Q_PROPERTY(cascade::TaskListModel *tasks READ tasks CONSTANT)
    Q_PROPERTY(cascade::EventLogModel *events READ events CONSTANT)

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    Q_INVOKABLE bool open(const QString &lessonIdOrPath);
    //! Plays a scenario given in memory (the editor's document): from t = 0, without recorded actions.
    void openScenario(const Scenario &scenario, const QString &sourceName);
    Q_INVOKABLE void restart();
    //! Shows the next trace event.
    Q_INVOKABLE void stepEvent();
    //! Back to the previous event: the run is repeated from 0 with the same actions (the engine
    //! is deterministic, so this is exact).
    Q_INVOKABLE void stepBack();
    //! Shows the moment right after trace event `seq` (re-running from 0 when it lies behind).
    Q_INVOKABLE void seekToEvent(int seq);
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
    //! the user's actions and every event the engine has made. False, with `error` saying why,
    //! when there is no run or the file cannot be written.
    Q_INVOKABLE bool saveRecording(const QString &path);
    //! The run so far as a recording (empty when nothing runs: no scenario, or an unsupported runtime).
    [[nodiscard]] std::optional<Recording> recording() const;

    [[nodiscard]] QString scenarioId() const;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString titleKo() const;
    [[nodiscard]] QString explanation() const;
    [[nodiscard]] QString explanationKo() const;
    [[nodiscard]] QStringList runtimes() const;
    [[nodiscard]] QString runtime() const;
    void setRuntime(const QString &name);
    [[nodiscard]] QString unavailable() const { return m_unavailable; }
    [[nodiscard]] qint64 now() const;
    [[nodiscard]] bool finished() const;
    [[nodiscard]] bool playing() const { return m_timer.isActive(); }
    void setPlaying(bool playing);
    [[nodiscard]] double speed() const { return m_speed; }
    void setSpeed(double speed);
    [[nodiscard]] QString console() const { return m_console; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString selectedPath() const { return m_selectedPath; }
    void setSelectedPath(const QString &path);
    [[nodiscard]] qint64 shownEvents() const { return m_shown; }
    [[nodiscard]] TaskListModel *tasks() { return &m_tasks; }
    [[nodiscard]] EventLogModel *events() { return &m_events; }

Q_SIGNALS:
    void scenarioChanged();
    void runtimeChanged();
    void progressed();
    void playingChanged();
    void speedChanged();
    void errorChanged();
    void selectedPathChanged();

private:
    void rebuildEngine();
    void tick();
    void act(UserAction::Kind kind, const QString &path, qint64 durationMs = 0);
    //! Runs the scenario once to its end, unseen, and shows every task it spawns as planned.
    void showPlan();
    void reveal(qint64 count);
    void revealPaced();
    bool runEngineTo(qint64 events);
    void showExactly(qint64 count);
    void showStart();

    std::optional<Scenario> m_scenario;
    std::unique_ptr<Engine> m_engine;
    Runtime m_runtime = Runtime::Asyncio;
    std::vector<UserAction> m_actions;  // everything the user did, replayed on restart
    TaskListModel m_tasks;
    EventLogModel m_events;
    QTimer m_timer;
    qint64 m_playhead = 0;              // virtual ms shown; the engine has run up to here
    qint64 m_shown = 0;                 // events the models show; the engine may be ahead
    QString m_selectedPath;
    double m_speed = 1.0;
    double m_revealCredit = 0;          // events the play timer may show (paced by the speed)
    double m_drainPerTick = 0;          // the pace that empties the current backlog in time
    QString m_console;
    QString m_error;
    QString m_unavailable;
};

} // namespace cascade
