#pragma once

#include "divergencemodel.h"
#include "session.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! One scenario run under two runtimes at once, on one clock, for the compare window: two
//! sessions of its own (left and right) that it opens with the source session's scenario and
//! drives through their public API only. The clock moves both by virtual time (play, step to the
//! next instant either run has events at, step back, seek); while playing, the events a run
//! reaches are shown at the pace a session plays at, and the clock waits until both have shown
//! theirs. A user action goes to both sessions at the same virtual time. The divergences of the
//! two whole runs (core/tracecompare.h) are listed; a pair the scenario cannot run under is
//! refused with the reason (`refusal`).
class RunComparison : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    //! The window's session: its scenario (and, at first, its runtime) is the one compared.
    Q_PROPERTY(cascade::Session *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(cascade::Session *left READ left CONSTANT)
    Q_PROPERTY(cascade::Session *right READ right CONSTANT)
    Q_PROPERTY(QString leftRuntime READ leftRuntime WRITE setLeftRuntime NOTIFY runtimesChanged)
    Q_PROPERTY(QString rightRuntime READ rightRuntime WRITE setRightRuntime NOTIFY runtimesChanged)
    //! Why the two runtimes cannot be compared ("" when they can).
    Q_PROPERTY(QString refusal READ refusal NOTIFY runtimesChanged)
    Q_PROPERTY(qint64 now READ now NOTIFY progressed)
    Q_PROPERTY(bool finished READ finished NOTIFY progressed)
    Q_PROPERTY(qint64 endTime READ endTime NOTIFY compared)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(QString selectedPath READ selectedPath WRITE setSelectedPath NOTIFY selectedPathChanged)
    Q_PROPERTY(cascade::DivergenceModel *divergences READ divergences CONSTANT)

public:
    explicit RunComparison(QObject *parent = nullptr);
    ~RunComparison() override;

    [[nodiscard]] Session *source() const { return m_source; }
    void setSource(Session *source);
    [[nodiscard]] Session *left() { return &m_left; }
    [[nodiscard]] Session *right() { return &m_right; }
    [[nodiscard]] QString leftRuntime() const { return runtimeName(m_leftRuntime); }
    void setLeftRuntime(const QString &name);
    [[nodiscard]] QString rightRuntime() const { return runtimeName(m_rightRuntime); }
    void setRightRuntime(const QString &name);
    [[nodiscard]] QString refusal() const { return m_refusal; }
    [[nodiscard]] qint64 now() const { return m_now; }
    [[nodiscard]] bool finished() const { return m_left.finished() && m_right.finished(); }
    [[nodiscard]] qint64 endTime() const { return std::max(m_left.endTime(), m_right.endTime()); }
    [[nodiscard]] bool playing() const { return m_timer.isActive(); }
    void setPlaying(bool playing);
    [[nodiscard]] double speed() const { return m_speed; }
    void setSpeed(double speed);
    [[nodiscard]] QString selectedPath() const { return m_selectedPath; }
    void setSelectedPath(const QString &path);
    [[nodiscard]] DivergenceModel *divergences() { return &m_divergences; }

    //! Opens the source's scenario again in both sessions, at t = 0 without actions.
    Q_INVOKABLE void reload();
    Q_INVOKABLE void restart();
    //! To the next instant at which either run has events (finishing the current one first).
    Q_INVOKABLE void stepForward();
    //! To the previous instant at which either run has events.
    Q_INVOKABLE void stepBack();
    //! Both runs at the instant `ms` (a click on a divergence).
    Q_INVOKABLE void seekToTime(qint64 ms);
    // A user action, on both runs at the current virtual time.
    Q_INVOKABLE void cancelTask(const QString &path);
    Q_INVOKABLE void failTask(const QString &path);
    Q_INVOKABLE void addTimeout(const QString &path, qint64 ms);
    Q_INVOKABLE void toggleShield(const QString &path);
    //! Why `action` cannot be used in the compare view: the reason of either side's runtime.
    Q_INVOKABLE [[nodiscard]] QString actionUnavailable(const QString &action) const;

    //! One frame of play: the play timer calls it (and tests, which must not depend on wall time).
    void advanceFrame();

Q_SIGNALS:
    void sourceChanged();
    void runtimesChanged();
    void progressed();
    //! The divergences were computed again (another pair, another scenario, an action).
    void compared();
    void playingChanged();
    void speedChanged();
    void selectedPathChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! How a side's events are paced while playing (as Session paces its own play).
    struct Pace {
        double credit = 0;
        double drainPerTick = 0;
    };
    //! Shows the events `session` has reached on the clock, paced; aligns its clock once it has.
    void revealPaced(Session &session, Pace &pace);
    //! Both sessions at the instant m_now, everything at or before it shown.
    void showNow();
    void compare();
    template <typename Action>
    void actOnBoth(Action action);

    QPointer<Session> m_source;
    Session m_left;
    Session m_right;
    Runtime m_leftRuntime = Runtime::Asyncio;
    Runtime m_rightRuntime = Runtime::Kotlin;
    QString m_refusal;
    DivergenceModel m_divergences;
    QTimer m_timer;
    qint64 m_now = 0;
    double m_speed = 1.0;
    Pace m_leftPace;
    Pace m_rightPace;
    QString m_selectedPath;
};

} // namespace cascade
