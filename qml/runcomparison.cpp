#include "runcomparison.h"

#include "tracecompare.h"

#include <QCoreApplication>
#include <QEvent>

namespace cascade {

namespace {
constexpr int FrameMs = 16;
// The pace of Session's own play: about this many events a second at 1x, faster when a burst
// would take longer than BurstSeconds / speed to show.
constexpr double RevealPerSecond = 20;
constexpr double BurstSeconds = 2;
} // namespace

RunComparison::RunComparison(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(FrameMs);
    connect(&m_timer, &QTimer::timeout, this, &RunComparison::advanceFrame);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

RunComparison::~RunComparison()
{
    // The divergences' words were made from the runs; nothing points into them, but the list goes first.
    m_divergences.setDivergences({});
}

bool RunComparison::eventFilter(QObject *watched, QEvent *event)
{
    // The divergences are sentences in the UI's language: another language makes them again.
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        compare();
    return QObject::eventFilter(watched, event);
}

void RunComparison::setSource(Session *source)
{
    if (source == m_source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        // Another scenario (a lesson, an edit) is compared from its start.
        connect(m_source, &Session::scenarioChanged, this, &RunComparison::reload);
        m_leftRuntime = m_source->runtimeValue();
        if (m_source->scenario())
            m_rightRuntime = otherComparableRuntime(*m_source->scenario(), m_leftRuntime);
    }
    Q_EMIT sourceChanged();
    reload();
}

void RunComparison::setLeftRuntime(const QString &name)
{
    Runtime runtime;
    if (!runtimeFromName(name, &runtime) || runtime == m_leftRuntime)
        return;
    m_leftRuntime = runtime;
    reload();
}

void RunComparison::setRightRuntime(const QString &name)
{
    Runtime runtime;
    if (!runtimeFromName(name, &runtime) || runtime == m_rightRuntime)
        return;
    m_rightRuntime = runtime;
    reload();
}

void RunComparison::reload()
{
    setPlaying(false);
    m_now = 0;
    m_leftPace = {};
    m_rightPace = {};
    const std::optional<Scenario> scenario = m_source ? m_source->scenario() : std::nullopt;
    if (!scenario) {
        m_refusal = tr("No scenario is open.");
    } else {
        m_refusal = comparisonRefusal(*scenario, m_leftRuntime, m_rightRuntime);
        // Opening clears a session's actions: both start again with none, as one set.
        m_left.openScenario(*scenario, scenario->sourceName);
        m_left.setRuntime(runtimeName(m_leftRuntime));
        m_right.openScenario(*scenario, scenario->sourceName);
        m_right.setRuntime(runtimeName(m_rightRuntime));
        m_left.setSelectedPath(m_selectedPath);
        m_right.setSelectedPath(m_selectedPath);
    }
    Q_EMIT runtimesChanged();
    compare();
    Q_EMIT progressed();
}

void RunComparison::compare()
{
    std::vector<Divergence> divergences;
    if (m_refusal.isEmpty() && m_left.engine() && m_right.engine()) {
        divergences = compareRuns({m_leftRuntime, &m_left.trace(), m_left.paths()},
                                  {m_rightRuntime, &m_right.trace(), m_right.paths()});
    }
    m_divergences.setDivergences(std::move(divergences));
    Q_EMIT compared();
}

void RunComparison::restart()
{
    setPlaying(false);
    m_left.restart();
    m_right.restart();
    m_now = 0;
    m_leftPace = {};
    m_rightPace = {};
    Q_EMIT progressed();
}

void RunComparison::showNow()
{
    for (Session *session : {&m_left, &m_right}) {
        if (session->index())
            session->seekToTime(m_now);
    }
}

void RunComparison::stepForward()
{
    setPlaying(false);
    qint64 next = -1;
    for (Session *session : {&m_left, &m_right}) {
        if (!session->index())
            continue;
        if (session->index()->eventsUntil(m_now) > session->shownEvents()) {
            next = m_now;  // the current instant is not all shown yet: finish it first
            break;
        }
        if (!session->finished()) {
            const qint64 t = session->index()->event(session->shownEvents()).t;
            next = next < 0 ? t : std::min(next, t);
        }
    }
    if (next < 0)
        return;
    m_now = next;
    showNow();
    Q_EMIT progressed();
}

void RunComparison::stepBack()
{
    setPlaying(false);
    qint64 previous = 0;
    for (Session *session : {&m_left, &m_right}) {
        if (!session->index() || m_now <= 0)
            continue;
        const qint64 before = session->index()->eventsUntil(m_now - 1);
        if (before > 0)
            previous = std::max(previous, session->index()->event(before - 1).t);
    }
    m_now = previous;
    showNow();
    Q_EMIT progressed();
}

void RunComparison::seekToTime(qint64 ms)
{
    setPlaying(false);
    m_now = std::max<qint64>(ms, 0);
    showNow();
    Q_EMIT progressed();
}

void RunComparison::setPlaying(bool playing)
{
    if (playing == m_timer.isActive() || (playing && finished()))
        return;
    if (playing)
        m_timer.start();
    else
        m_timer.stop();
    Q_EMIT playingChanged();
}

void RunComparison::advanceFrame()
{
    if (finished()) {
        setPlaying(false);
        return;
    }
    // The clock waits while either run still shows events it has reached.
    bool behind = false;
    for (Session *session : {&m_left, &m_right}) {
        if (session->index() && session->index()->eventsUntil(m_now) > session->shownEvents())
            behind = true;
    }
    if (!behind)
        m_now += qint64(FrameMs * m_speed + 0.5);
    revealPaced(m_left, m_leftPace);
    revealPaced(m_right, m_rightPace);
    Q_EMIT progressed();
}

void RunComparison::revealPaced(Session &session, Pace &pace)
{
    if (!session.index())
        return;
    const qint64 reached = session.index()->eventsUntil(m_now);
    const qint64 backlog = reached - session.shownEvents();
    if (backlog > 0) {
        const double ticksPerSecond = 1000.0 / FrameMs;
        pace.drainPerTick = std::max(pace.drainPerTick, double(backlog) / (BurstSeconds / m_speed * ticksPerSecond));
        pace.credit += std::max(RevealPerSecond * m_speed / ticksPerSecond, pace.drainPerTick);
        const qint64 budget = std::min(backlog, qint64(pace.credit));
        if (budget >= 1) {
            pace.credit -= double(budget);
            session.seekToEvent(int(session.shownEvents() + budget - 1));
        }
    }
    if (session.shownEvents() >= reached) {
        pace = {};
        if (session.now() != m_now)
            session.seekToTime(m_now);  // nothing more at or before the clock: its time just passes
    }
}

template <typename Action>
void RunComparison::actOnBoth(Action action)
{
    if (!m_refusal.isEmpty())
        return;
    // Both runs at the same instant, all of it shown, so that the action lands after the same time.
    showNow();
    action(m_left);
    action(m_right);
    compare();
    Q_EMIT progressed();
}

void RunComparison::cancelTask(const QString &path)
{
    actOnBoth([&path](Session &session) { session.cancelTask(path); });
}

void RunComparison::failTask(const QString &path)
{
    actOnBoth([&path](Session &session) { session.failTask(path); });
}

void RunComparison::addTimeout(const QString &path, qint64 ms)
{
    actOnBoth([&path, ms](Session &session) { session.addTimeout(path, ms); });
}

void RunComparison::toggleShield(const QString &path)
{
    actOnBoth([&path](Session &session) { session.toggleShield(path); });
}

QString RunComparison::actionUnavailable(const QString &action) const
{
    const QString left = m_left.actionUnavailable(action);
    return left.isEmpty() ? m_right.actionUnavailable(action) : left;
}

void RunComparison::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.1, 10.0);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    m_left.setSpeed(speed);
    m_right.setSpeed(speed);
    Q_EMIT speedChanged();
}

void RunComparison::setSelectedPath(const QString &path)
{
    if (path == m_selectedPath)
        return;
    m_selectedPath = path;
    m_left.setSelectedPath(path);
    m_right.setSelectedPath(path);
    Q_EMIT selectedPathChanged();
}

} // namespace cascade
