#include "session.h"

#include "lessons.h"

namespace cascade {

namespace {
constexpr int FrameMs = 16;
}

Session::Session(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(FrameMs);
    connect(&m_timer, &QTimer::timeout, this, &Session::tick);
}

Session::~Session() = default;

bool Session::open(const QString &lessonIdOrPath)
{
    QString error;
    auto scenario = Lessons::loadLessonOrFile(lessonIdOrPath, &error);
    if (!scenario) {
        m_error = error;  // keep the current scenario: nothing is lost on bad input
        Q_EMIT errorChanged();
        return false;
    }
    m_error.clear();
    Q_EMIT errorChanged();
    m_scenario = std::move(scenario);
    m_runtime = m_scenario->defaultRuntime();
    m_actions.clear();
    Q_EMIT scenarioChanged();
    Q_EMIT runtimeChanged();
    rebuildEngine();
    showStart();
    return true;
}

void Session::rebuildEngine()
{
    setPlaying(false);
    m_engine.reset();
    m_tasks.clear();
    m_events.clear();
    m_console.clear();
    m_playhead = 0;
    m_steps = 0;
    m_unavailable.clear();
    if (m_scenario) {
        const QStringList reasons = Engine::unsupported(*m_scenario, m_runtime);
        if (!reasons.isEmpty()) {
            m_unavailable = reasons.join(QLatin1Char('\n'));
        } else {
            m_engine = std::make_unique<Engine>(*m_scenario, m_runtime);
            const TaskPathResolver path = m_engine->pathResolver();
            auto show = [this, path](const TraceEvent &event) {
                m_tasks.apply(event, path);
                m_events.append(event, path);
                if (event.kind == EventKind::Print)
                    m_console += QStringLiteral("%1 ms  %2: %3\n").arg(event.t).arg(path(event.task), event.text);
            };
            for (const TraceEvent &event : m_engine->events())
                show(event);  // the root's spawn happens when the engine is made
            m_engine->setListener(show);
            for (const UserAction &action : m_actions)
                m_engine->schedule(action);
        }
    }
    Q_EMIT runtimeChanged();
    Q_EMIT progressed();
}

void Session::restart()
{
    rebuildEngine();
    showStart();
}

void Session::showStart()
{
    // Paused at t = 0, after everything that happens at 0 (the tasks that start at once).
    while (m_engine && m_engine->nextTime() <= 0 && advance()) {
    }
    Q_EMIT progressed();
}

bool Session::advance()
{
    if (!m_engine || !m_engine->step())
        return false;
    ++m_steps;
    return true;
}

void Session::stepEvent()
{
    if (!m_engine)
        return;
    setPlaying(false);
    const qint64 before = m_engine->eventCount();
    // A step can be a stale timer that shows nothing; keep going until something happens.
    while (m_engine->eventCount() == before && advance()) {
    }
    m_playhead = m_engine->now();
    Q_EMIT progressed();
}

void Session::replaySteps(int steps)
{
    rebuildEngine();
    while (m_steps < steps && advance()) {
    }
    if (m_engine)
        m_playhead = m_engine->now();
    Q_EMIT progressed();
}

void Session::stepBack()
{
    if (!m_engine || m_steps == 0)
        return;
    setPlaying(false);
    // The previous state is the last step that showed fewer events than now.
    const qint64 shown = m_engine->eventCount();
    const int target = m_steps;
    rebuildEngine();
    int previous = 0;
    while (m_steps < target && advance() && m_engine->eventCount() < shown)
        previous = m_steps;
    replaySteps(previous);
}

void Session::seekToEvent(int seq)
{
    if (!m_engine)
        return;
    setPlaying(false);
    if (seq < m_engine->eventCount())
        rebuildEngine();
    while (m_engine && m_engine->eventCount() <= seq && advance()) {
    }
    if (m_engine)
        m_playhead = m_engine->now();
    Q_EMIT progressed();
}

void Session::tick()
{
    if (!m_engine || m_engine->finished()) {
        setPlaying(false);
        return;
    }
    m_playhead += qint64(FrameMs * m_speed + 0.5);
    while (m_engine->nextTime() <= m_playhead && advance()) {
    }
    Q_EMIT progressed();
}

void Session::act(UserAction::Kind kind, const QString &path)
{
    if (!m_engine)
        return;
    UserAction action;
    action.kind = kind;
    action.at = std::max(m_engine->now(), m_playhead);
    action.taskPath = path;
    if (kind == UserAction::Kind::Fail) {
        action.error = QStringLiteral("UserError");
        action.message = QStringLiteral("failed from the workbench");
    }
    m_actions.push_back(action);  // recorded, so a restart replays it at the same virtual time
    m_engine->schedule(action);
    while (m_engine->nextTime() <= action.at && advance()) {
    }
    Q_EMIT progressed();
}

void Session::cancelTask(const QString &path)
{
    act(UserAction::Kind::Cancel, path);
}

void Session::failTask(const QString &path)
{
    act(UserAction::Kind::Fail, path);
}

QString Session::scenarioId() const { return m_scenario ? m_scenario->id : QString(); }
QString Session::title() const { return m_scenario ? m_scenario->title.en : QString(); }
QString Session::titleKo() const { return m_scenario ? m_scenario->title.ko : QString(); }
QString Session::explanation() const { return m_scenario ? m_scenario->explanation.en : QString(); }
QString Session::explanationKo() const { return m_scenario ? m_scenario->explanation.ko : QString(); }

QStringList Session::runtimes() const
{
    return allRuntimeNames();
}

QString Session::runtime() const
{
    return runtimeName(m_runtime);
}

void Session::setRuntime(const QString &name)
{
    Runtime runtime;
    if (!runtimeFromName(name, &runtime) || runtime == m_runtime)
        return;
    m_runtime = runtime;
    m_actions.clear();  // paths and times of one runtime's run need not exist in another's
    rebuildEngine();
    showStart();
}

qint64 Session::now() const
{
    return m_engine ? std::max(m_engine->now(), m_playhead) : 0;
}

bool Session::finished() const
{
    return !m_engine || m_engine->finished();
}

void Session::setPlaying(bool playing)
{
    if (playing == m_timer.isActive())
        return;
    if (playing && (!m_engine || m_engine->finished()))
        return;
    if (playing)
        m_timer.start();
    else
        m_timer.stop();
    Q_EMIT playingChanged();
}

void Session::setSelectedPath(const QString &path)
{
    if (path == m_selectedPath)
        return;
    m_selectedPath = path;
    Q_EMIT selectedPathChanged();
}

void Session::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.1, 10.0);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    Q_EMIT speedChanged();
}

} // namespace cascade
