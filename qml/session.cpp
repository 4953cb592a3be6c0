#include "session.h"

#include "lessons.h"
#include "recordingreplay.h"
#include "scenarioloader.h"

namespace cascade {

namespace {
constexpr int FrameMs = 16;
// The plan's throwaway run stops here: a scenario that never ends would otherwise run to the
// engine's own limit (5 million events) before the window shows anything.
constexpr qint64 PlanMaxEvents = 1'000'000;
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
    openScenario(*scenario, scenario->sourceName);
    return true;
}

void Session::openScenario(const Scenario &scenario, const QString &sourceName)
{
    m_error.clear();
    Q_EMIT errorChanged();
    m_scenario = scenario;
    m_scenario->sourceName = sourceName;
    m_runtime = m_scenario->defaultRuntime();
    m_actions.clear();
    Q_EMIT scenarioChanged();
    Q_EMIT runtimeChanged();
    rebuildEngine();
    showStart();
}

void Session::rebuildEngine()
{
    setPlaying(false);
    m_engine.reset();
    m_tasks.clear();
    m_events.clear();
    m_console.clear();
    m_playhead = 0;
    m_shown = 0;
    m_unavailable.clear();
    if (m_scenario) {
        const QStringList reasons = Engine::unsupported(*m_scenario, m_runtime);
        if (!reasons.isEmpty()) {
            m_unavailable = reasons.join(QLatin1Char('\n'));
        } else {
            m_engine = std::make_unique<Engine>(*m_scenario, m_runtime);
            for (const UserAction &action : m_actions)
                m_engine->schedule(action);
            showPlan();
        }
    }
    Q_EMIT runtimeChanged();
    Q_EMIT progressed();
}

void Session::showPlan()
{
    // The engine is deterministic: the same scenario, runtime and actions spawn the same tasks.
    Engine::Options options;
    options.keepEvents = false;
    options.maxEvents = PlanMaxEvents;
    Engine rehearsal(*m_scenario, m_runtime, options);
    std::vector<TaskListModel::PlannedTask> plan;
    rehearsal.setListener([&plan](const TraceEvent &event) {
        if (event.kind == EventKind::Spawn)
            plan.push_back({event.task, event.other, QString(), event.code == quint8(LinkCode::Child)});
    });
    for (const UserAction &action : m_actions)
        rehearsal.schedule(action);
    rehearsal.runToEnd();
    for (TaskListModel::PlannedTask &task : plan)
        task.path = rehearsal.taskPath(task.taskId);
    m_tasks.showPlan(plan);
}

void Session::restart()
{
    rebuildEngine();
    showStart();
}


void Session::reveal(qint64 count)
{
    // The engine runs ahead by whole steps; the models show its events one by one up to `count`.
    const auto &events = m_engine->events();
    const TaskPathResolver path = m_engine->pathResolver();
    count = std::min<qint64>(count, qint64(events.size()));
    for (; m_shown < count; ++m_shown) {
        const TraceEvent &event = events[std::size_t(m_shown)];
        m_tasks.apply(event, path);
        m_events.append(event, path);
        if (event.kind == EventKind::Print)
            m_console += QStringLiteral("%1 ms  %2: %3\n").arg(event.t).arg(path(event.task), event.text);
        m_playhead = std::max(m_playhead, event.t);
    }
}

bool Session::runEngineTo(qint64 events)
{
    // Steps the engine until it has made at least `events` events; false when it cannot.
    while (m_engine && m_engine->eventCount() < events) {
        if (!m_engine->step())
            return false;
    }
    return m_engine != nullptr;
}

void Session::showStart()
{
    // Paused at t = 0, after everything that happens at 0 (the tasks that start at once).
    if (m_engine) {
        m_engine->runUntil(0);
        reveal(m_engine->eventCount());
    }
    Q_EMIT progressed();
}

void Session::stepEvent()
{
    if (!m_engine)
        return;
    setPlaying(false);
    runEngineTo(m_shown + 1);
    reveal(m_shown + 1);
    Q_EMIT progressed();
}

void Session::showExactly(qint64 count)
{
    // Repeats the run from 0 (deterministic, with the same actions) and shows `count` events.
    rebuildEngine();
    runEngineTo(count);
    reveal(count);
    if (m_engine && m_shown > 0)
        m_playhead = m_engine->events()[std::size_t(m_shown - 1)].t;
    Q_EMIT progressed();
}

void Session::stepBack()
{
    if (!m_engine || m_shown <= 1)
        return;
    setPlaying(false);
    showExactly(m_shown - 1);
}

void Session::seekToEvent(int seq)
{
    if (!m_engine || seq < 0)
        return;
    setPlaying(false);
    if (seq + 1 < m_shown) {
        showExactly(seq + 1);
        return;
    }
    runEngineTo(seq + 1);
    reveal(seq + 1);
    Q_EMIT progressed();
}

void Session::tick()
{
    if (finished()) {
        setPlaying(false);
        return;
    }
    // The clock waits while events already made are still being shown, so that a burst at one
    // instant (a cancel reaching a whole tree) unfolds event by event at a pace a class can follow.
    if (m_shown >= m_engine->eventCount()) {
        const qint64 target = m_playhead + qint64(FrameMs * m_speed + 0.5);
        while (m_engine->nextTime() <= target && m_engine->step()) {
        }
        if (m_shown >= m_engine->eventCount())
            m_playhead = target;  // nothing happened meanwhile: time just passes
    }
    revealPaced();
    Q_EMIT progressed();
}

void Session::revealPaced()
{
    // About RevealPerSecond events a second at 1x (2 at 0.1x, 200 at 10x), faster when a backlog
    // would otherwise take longer than BurstSeconds / speed to show (10,000 tasks cancelled at once).
    constexpr double RevealPerSecond = 20;
    constexpr double BurstSeconds = 2;
    const qint64 backlog = m_engine->eventCount() - m_shown;
    if (backlog <= 0) {
        m_revealCredit = 0;
        m_drainPerTick = 0;
        return;
    }
    // The drain rate is fixed when a backlog appears (and raised if it grows), so that it empties
    // in a straight line rather than slowing down as it shrinks.
    const double ticksPerSecond = 1000.0 / FrameMs;
    m_drainPerTick = std::max(m_drainPerTick, double(backlog) / (BurstSeconds / m_speed * ticksPerSecond));
    m_revealCredit += std::max(RevealPerSecond * m_speed / ticksPerSecond, m_drainPerTick);
    const qint64 budget = std::min(backlog, qint64(m_revealCredit));
    if (budget < 1)
        return;
    m_revealCredit -= double(budget);
    reveal(m_shown + budget);
}

void Session::act(UserAction::Kind kind, const QString &path, qint64 durationMs)
{
    if (!m_engine)
        return;
    reveal(m_engine->eventCount());  // an action lands after everything already made
    UserAction action;
    action.kind = kind;
    action.at = std::max(m_engine->now(), m_playhead);
    action.taskPath = path;
    action.durationMs = durationMs;
    if (kind == UserAction::Kind::Fail) {
        action.error = QStringLiteral("UserError");
        action.message = QStringLiteral("failed from the workbench");
    }
    m_actions.push_back(action);  // recorded, so a restart replays it at the same virtual time
    m_engine->schedule(action);
    m_engine->runUntil(action.at);
    // What the action sets off is shown paced like any burst while playing; paused, its first
    // event shows now and Step (Right) walks through the rest.
    if (playing())
        revealPaced();
    else
        reveal(m_shown + 1);
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

void Session::addTimeout(const QString &path, qint64 ms)
{
    if (ms <= 0 || ms > ScenarioLoader::MaxMs) {
        m_error = QStringLiteral("timeout for %1: the duration must be 1 ms to one year, got %2 ms").arg(path).arg(ms);
        Q_EMIT errorChanged();
        return;
    }
    act(UserAction::Kind::Timeout, path, ms);
}

void Session::toggleShield(const QString &path)
{
    act(UserAction::Kind::Shield, path);
}

QString Session::actionUnavailable(const QString &action) const
{
    for (const auto kind : {UserAction::Kind::Cancel, UserAction::Kind::Fail, UserAction::Kind::Timeout, UserAction::Kind::Shield}) {
        if (action == UserAction::verb(kind))
            return unavailableReason(kind, m_runtime);
    }
    return QStringLiteral("unknown action '%1' (cancel, fail, timeout or shield)").arg(action);
}

std::optional<Recording> Session::recording() const
{
    if (!m_scenario || !m_engine)
        return std::nullopt;
    return recordRun(*m_scenario, m_runtime, m_actions, *m_engine);
}

bool Session::saveRecording(const QString &path)
{
    const std::optional<Recording> run = recording();
    QString error;
    if (!run)
        error = m_unavailable.isEmpty() ? QStringLiteral("nothing to record: no scenario is open")
                                        : QStringLiteral("nothing to record: the scenario cannot run under %1").arg(runtimeName(m_runtime));
    else if (saveRecordingFile(*run, path, &error))
        return true;
    m_error = error;
    Q_EMIT errorChanged();
    return false;
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
    // While made events wait to be shown, the clock shows the last shown one's time.
    if (!m_engine)
        return 0;
    return m_shown < m_engine->eventCount() ? m_playhead : std::max(m_engine->now(), m_playhead);
}

bool Session::finished() const
{
    return !m_engine || (m_engine->finished() && m_shown >= m_engine->eventCount());
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
