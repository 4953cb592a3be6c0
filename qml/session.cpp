#include "session.h"

#include "lessons.h"
#include "openedrecording.h"
#include "recordingcheck.h"
#include "scenarioloader.h"
#include "warnings.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>

namespace cascade {

namespace {
// A seek forward by more events than this restores the index's states instead of replaying each
// event into the models.
constexpr qint64 AppendAtMost = 2'000;

const std::vector<TraceEvent> NoEvents;

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(FrameMs);
    connect(&m_timer, &QTimer::timeout, this, &Session::tick);
    QCoreApplication::instance()->installEventFilter(this);
}

bool Session::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange && m_scenario
        && !m_recorded && !m_unavailable.isEmpty()) {
        m_unavailable = Engine::unsupported(*m_scenario, m_runtime).join(QLatin1Char('\n'));
        Q_EMIT runtimeChanged();
    }
    return QObject::eventFilter(watched, event);
}

Session::~Session()
{
    // A Save Recording still writing finishes first: the user asked for that file.
    for (const auto &save : m_recordingSaves) {
        save->waitForFinished();
        if (save->future().resultCount() > 0)
            save->future().takeResult();  // its run goes here, on this thread
    }
    m_recordingSaves.clear();
    // The models view the run's events: they let go before the run does.
    m_events.clear();
    m_console.clear();
}

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
    m_recorded.reset();
    m_checking = false;
    ++m_checkGeneration;  // a check still running is for a recording no longer shown
    m_recordingStatus.clear();
    m_recordingName.clear();
    m_runMaxEvents = RunMaxEvents;
    m_scenario = scenario;
    m_scenario->sourceName = sourceName;
    m_runtime = m_scenario->defaultRuntime();
    m_actions.clear();
    Q_EMIT scenarioChanged();
    startOver();
}

void Session::makePlan()
{
    // Every task the run spawns, in spawn order: the task list starts from these rows. Made once
    // a run, since a seek starts from it again.
    m_plan.clear();
    for (const TraceEvent &event : trace()) {
        if (event.kind == EventKind::Spawn)
            m_plan.push_back({event.task, event.other, m_paths(event.task), event.code == quint8(LinkCode::Child)});
    }
}

const std::vector<TraceEvent> &Session::trace() const
{
    return m_trace ? *m_trace : NoEvents;
}

void Session::makeRun()
{
    // The old run lives until the models look at the new one (below, or in the caller).
    std::shared_ptr<const EngineRun> oldRun = std::move(m_run);
    std::shared_ptr<const TraceIndex> oldIndex = std::move(m_index);
    std::optional<CheckedRecording> replay = std::exchange(m_replay, std::nullopt);  // taken up here or never
    m_seekStatesAt = -1;
    if (!replay)
        m_runFile.clear();  // a run made again is not the opened file's any more; its replay is
    m_trace = nullptr;
    m_paths = {};
    m_unavailable.clear();
    if (m_recorded) {
        const Recording &recording = m_recorded->recording();
        m_trace = &recording.events;
        m_paths = recording.pathResolver();
        m_index = std::shared_ptr<const TraceIndex>(m_recorded, &m_recorded->index());
    } else if (m_scenario) {
        const QStringList reasons = Engine::unsupported(*m_scenario, m_runtime);
        if (!reasons.isEmpty()) {
            m_unavailable = reasons.join(QLatin1Char('\n'));
        } else {
            auto run = std::make_shared<EngineRun>();
            if (replay) {
                run->scenario = std::move(replay->scenario);
                run->engine = std::move(replay->run);
            } else {
                run->scenario = std::make_unique<Scenario>(*m_scenario);
                run->engine = runWithActions(*run->scenario, m_runtime, m_actions, m_runMaxEvents);
            }
            m_run = std::move(run);
            m_trace = &m_run->engine->events();
            m_paths = m_run->engine->pathResolver();
        }
    }
    std::vector<TraceWarning> warnings;
    makePlan();
    if (m_trace) {
        // A replay taken up above comes with its index and warnings, made with it.
        const bool replayed = replay && m_run;
        if (replayed)
            m_index = std::move(replay->index);
        else if (!m_index)
            m_index = std::make_unique<TraceIndex>(*m_trace);
        warnings = replayed ? std::move(replay->warnings) : findWarnings(*m_trace, m_runtime, m_paths);
    }
    if (m_shown > 0 && m_trace && qint64(m_trace->size()) >= m_shown) {
        m_events.retarget(m_trace, m_paths);  // the same prefix, in the new run
        m_console.retarget(m_trace, m_paths);
    } else {
        m_events.setTrace(m_trace, m_paths);
        m_console.setTrace(m_trace, m_paths);
    }
    m_tasks.setWarnings(warnings, m_shown);
    m_events.setWarnings(std::move(warnings));
    oldRun.reset();  // unless a recording maker still holds it
    Q_EMIT runChanged();
    Q_EMIT recordingStatusChanged();
}

void Session::startOver()
{
    setPlaying(false);
    m_shown = 0;
    m_made = 0;
    m_playhead = 0;
    makeRun();
    m_tasks.showPlan(m_plan);
    Q_EMIT runtimeChanged();
    showStart();
}

void Session::restart()
{
    startOver();
}

void Session::reveal(qint64 count)
{
    // Events in order, each one into the models: the way play and step show them.
    const std::vector<TraceEvent> &events = trace();
    count = std::min<qint64>(count, qint64(events.size()));
    for (; m_shown < count; ++m_shown) {
        const TraceEvent &event = events[std::size_t(m_shown)];
        m_tasks.apply(event, m_paths);
        m_playhead = std::max(m_playhead, event.t);
    }
    m_events.show(m_shown);
    m_console.showEvents(m_shown);
    m_made = std::max(m_made, m_shown);
}

void Session::copyConsole() const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_console.text());
}

void Session::showExactly(qint64 count)
{
    if (!m_index)
        return;
    count = std::clamp<qint64>(count, 0, eventCount());
    m_index->seek(&m_seekStates, &m_seekStatesAt, count);
    m_tasks.showPlanAt(m_plan, m_seekStates, count);
    m_shown = count;
    m_made = count;
    m_events.resetTo(count);
    m_playhead = count > 0 ? trace()[std::size_t(count - 1)].t : 0;
    m_console.showEvents(count);
}

void Session::showStart()
{
    // Paused at t = 0, after everything that happens at 0 (the tasks that start at once).
    if (m_index)
        reveal(m_index->eventsUntil(0));
    Q_EMIT progressed();
}

void Session::stepEvent()
{
    if (!m_trace)
        return;
    const bool wasPlaying = playing();
    setPlaying(false);
    if (heldAt(m_shown + 1) == m_shown) {
        Q_EMIT held(m_holdBefore, wasPlaying);
        return;
    }
    reveal(m_shown + 1);
    Q_EMIT progressed();
}

void Session::stepBack()
{
    if (!m_trace || m_shown <= 1)
        return;
    setPlaying(false);
    showExactly(m_shown - 1);
    Q_EMIT progressed();
}

void Session::seekToEvent(int seq)
{
    if (!m_trace || seq < 0)
        return;
    setPlaying(false);
    const qint64 count = std::min<qint64>(qint64(seq) + 1, eventCount());
    if (count < m_shown || count - m_shown > AppendAtMost)
        showExactly(count);
    else
        reveal(count);
    Q_EMIT progressed();
}

void Session::seekToTime(qint64 ms)
{
    if (!m_index)
        return;
    setPlaying(false);
    ms = std::max<qint64>(ms, 0);
    const qint64 count = m_index->eventsUntil(ms);
    if (count < m_shown || count - m_shown > AppendAtMost)
        showExactly(count);
    else
        reveal(count);
    m_playhead = ms;
    Q_EMIT progressed();
}

void Session::advanceFrame()
{
    if (m_index)
        tick();
}

void Session::setHoldBefore(qint64 seq)
{
    m_holdBefore = std::max<qint64>(seq, -1);
}

qint64 Session::heldAt(qint64 count) const
{
    return m_holdBefore >= m_shown && m_holdBefore < count ? m_holdBefore : count;
}

void Session::stopAtHold()
{
    const qint64 seq = m_holdBefore;  // pausing may move the hold (its owner follows playingChanged)
    setPlaying(false);
    Q_EMIT held(seq, true);
}

void Session::tick()
{
    if (finished()) {
        setPlaying(false);
        return;
    }
    if (heldAt(m_shown + 1) == m_shown) {  // Play was pressed at the hold
        stopAtHold();
        return;
    }
    // The clock waits while events it has reached are still being shown, so that a burst at one
    // instant (a cancel reaching a whole tree) unfolds event by event at a pace a class can follow.
    if (m_shown >= m_made) {
        const qint64 target = m_playhead + qint64(FrameMs * m_speed + 0.5);
        m_made = m_index->eventsUntil(target);
        if (m_shown >= m_made)
            m_playhead = target;  // nothing happened meanwhile: time just passes
    }
    revealPaced();
    if (heldAt(m_shown + 1) == m_shown)
        stopAtHold();
    Q_EMIT progressed();
}

void Session::revealPaced()
{
    // About RevealPerSecond events a second at 1x (2 at 0.1x, 200 at 10x), faster when a backlog
    // would otherwise take longer than BurstSeconds / speed to show (10,000 tasks cancelled at once).
    constexpr double RevealPerSecond = 20;
    constexpr double BurstSeconds = 2;
    const qint64 backlog = m_made - m_shown;
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
    reveal(heldAt(m_shown + budget));
}

void Session::act(UserAction::Kind kind, const QString &path, qint64 durationMs)
{
    if (m_recorded) {
        m_error = actionUnavailable(UserAction::verb(kind));  // said where the window shows errors
        Q_EMIT errorChanged();
        return;
    }
    if (!m_run || !m_scenario)
        return;
    // The action lands after everything up to now: what the clock reached, and the rest of this
    // instant, so that its own first event is the next one.
    reveal(std::max(m_made, m_index->eventsUntil(m_playhead)));
    UserAction action;
    action.kind = kind;
    action.at = m_playhead;
    action.taskPath = path;
    action.durationMs = durationMs;
    if (kind == UserAction::Kind::Fail) {
        action.error = QStringLiteral("UserError");
        action.message = QStringLiteral("failed from the workbench");
    }
    m_actions.push_back(action);  // kept, so every run made from now on has it at the same time
    // The engine is deterministic and the action comes after every event shown: the new run
    // begins with exactly the events shown so far.
    makeRun();
    m_made = std::max(m_shown, m_index->eventsUntil(action.at));
    // What the action sets off is shown paced like any burst while playing; paused, its first
    // event shows now (when it comes at once) and Step (Right) walks through the rest.
    if (playing())
        revealPaced();
    else if (m_shown < eventCount() && trace()[std::size_t(m_shown)].t == action.at)
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
        m_error = tr("timeout for %1: the duration must be 1 ms to one year, got %2 ms").arg(path).arg(ms);
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
    if (m_checking)
        return tr("this recording is still being replayed to check it: actions come once that is done");
    if (m_recorded)
        return tr("this recording is shown as it was recorded: it takes no actions");
    for (const auto kind : {UserAction::Kind::Cancel, UserAction::Kind::Fail, UserAction::Kind::Timeout, UserAction::Kind::Shield}) {
        if (action == UserAction::verb(kind)) {
            const QString reason = unavailableReason(kind, m_runtime);
            return reason.isEmpty() ? reason : QCoreApplication::translate("UserAction", reason.toUtf8().constData());
        }
    }
    return QStringLiteral("unknown action '%1' (cancel, fail, timeout or shield)").arg(action);
}

std::optional<Recording> Session::recording(RecordingExtent extent) const
{
    const RecordingMaker make = recordingMaker(extent);
    return make ? std::optional<Recording>(make()) : std::nullopt;
}

Session::RecordingMaker Session::recordingMaker(RecordingExtent extent) const
{
    if (m_recorded)
        return [recorded = m_recorded] { return recorded->recording(); };
    if (!m_scenario || !m_run)
        return {};
    // As it happened: the events shown so far; finished only once the whole run has been shown.
    const qint64 count = extent == RecordingExtent::WholeRun ? eventCount() : m_shown;
    const bool finished = count == eventCount() && m_run->engine->finished();
    // Made canonical straight from the run's events (a copy of a million first took 0.3 s). The
    // run is not changed after it is made, so reading it from another thread meanwhile is safe.
    return [run = m_run, runtime = m_runtime, actions = m_actions, count, finished] {
        const std::span<const TraceEvent> events(run->engine->events().data(), std::size_t(count));
        return makeRecording(*run->scenario, runtime, actions, events, run->engine->taskCount(),
                             run->engine->pathResolver(), finished);
    };
}

QString Session::nothingToRecord() const
{
    return m_unavailable.isEmpty() ? tr("nothing to record: no scenario is open")
                                   : tr("nothing to record: the scenario cannot run under %1").arg(runtimeName(m_runtime));
}

bool Session::saveRecording(const QString &path)
{
    const std::optional<Recording> run = recording();
    QString error;
    if (!run)
        error = nothingToRecord();
    else if (saveRecordingFile(*run, path, &error))
        return true;
    m_error = error;
    Q_EMIT errorChanged();
    return false;
}

QString Session::scenarioId() const
{
    return m_scenario ? m_scenario->id : QString();
}

QString Session::title() const
{
    if (m_scenario)
        return m_scenario->title.en;
    return m_recorded ? m_recordingName : QString();
}

QString Session::titleKo() const
{
    if (m_scenario)
        return m_scenario->title.ko;
    return m_recorded ? m_recordingName : QString();
}

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
    if (!runtimeFromName(name, &runtime) || runtime == m_runtime || m_recorded)
        return;
    m_runtime = runtime;
    m_actions.clear();  // paths and times of one runtime's run need not exist in another's
    m_recordingStatus.clear();
    startOver();
}

bool Session::finished() const
{
    return !m_trace || m_shown >= qint64(m_trace->size());
}

void Session::setPlaying(bool playing)
{
    if (playing == m_timer.isActive())
        return;
    if (playing && finished())
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
