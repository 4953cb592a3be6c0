// The scheduler, the task table and the cancellation rules of the three runtime profiles.
// The step interpreter (the coroutines) is in interpreter.cpp.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

EngineImpl::EngineImpl(const Scenario &scenario, Runtime runtime, Engine::Options options)
    : m_scenario(scenario)
    , m_locations(scenario)
    , m_runtime(runtime)
    , m_options(options)
{
    TaskRecord &root = m_tasks.emplace_back();
    root.id = 0;
    root.spec = &m_scenario.root;
    // asyncio's loop and Kotlin's runBlocking are one thread (domain 0); Swift's main runs in the pool.
    root.domain = runtime == Runtime::Swift ? m_nextDomain++ : 0;
    m_liveTasks = 1;
    push(QueueEntry::Kind::Start, 0, 0);
}

EngineImpl::~EngineImpl()
{
    // Unwind every suspended coroutine so that all frames are freed; nothing is traced any more.
    m_tearingDown = true;
    for (bool resumed = true; resumed;) {
        resumed = false;
        for (TaskRecord &task : m_tasks) {
            if (task.status == TaskStatus::Suspended && task.handle) {
                resume(task, Wake::Abort);
                resumed = true;
            }
        }
    }
}

// ---------------------------------------------------------------- events

void EngineImpl::emit(EventKind kind, const TaskRecord &task, int other, quint8 code, qint64 ms,
                      const QString &text, const QString &message)
{
    if (m_tearingDown || !m_abortReason.isEmpty())
        return;
    if (m_eventCount >= m_options.maxEvents) {
        m_abortReason = QStringLiteral("stopped after %1 events: the scenario does not end "
                                       "(an endless loop without waiting?)")
                            .arg(m_options.maxEvents);
        return;
    }
    TraceEvent event;
    event.seq = m_eventCount++;
    event.t = m_now;
    event.ms = ms;
    event.task = task.id;
    event.other = other;
    event.kind = kind;
    event.code = code;
    event.step = kind == EventKind::ActionIgnored ? -1 : task.at;
    event.text = text;
    event.message = message;
    if (m_listener)
        m_listener(event);
    if (m_options.keepEvents)
        m_events.push_back(std::move(event));
}

int EngineImpl::plainError(const QString &name)
{
    for (const auto &[known, id] : m_plainErrors) {
        if (known == name)
            return id;
    }
    const int id = internError(name, QString());
    m_plainErrors.emplace_back(name, id);
    return id;
}

int EngineImpl::internError(const QString &name, const QString &message)
{
    m_errors.emplace_back(name, message);
    return int(m_errors.size()) - 1;
}

QString EngineImpl::errorName(int errorId) const
{
    return errorId >= 0 && errorId < int(m_errors.size()) ? m_errors[std::size_t(errorId)].first : QString();
}

QString EngineImpl::taskPath(int id) const
{
    if (id < 0 || id >= int(m_tasks.size()))
        return {};
    QStringList parts;
    for (int at = id; at >= 0; at = m_tasks[std::size_t(at)].parent) {
        const TaskRecord &task = m_tasks[std::size_t(at)];
        parts.prepend(task.index >= 0 ? QStringLiteral("%1[%2]").arg(task.spec->name).arg(task.index)
                                      : task.spec->name);
    }
    return parts.join(QLatin1Char('/'));
}

QString EngineImpl::cancellationErrorName() const
{
    switch (m_runtime) {
    case Runtime::Asyncio:
        return QStringLiteral("CancelledError");
    case Runtime::Kotlin:
        return QStringLiteral("CancellationException");
    case Runtime::Swift:
        return QStringLiteral("CancellationError");
    }
    return {};
}

QString EngineImpl::timeoutErrorName() const
{
    return m_runtime == Runtime::Kotlin ? QStringLiteral("TimeoutCancellationException")
                                        : QStringLiteral("TimeoutError");
}

// ---------------------------------------------------------------- scheduler

void EngineImpl::push(QueueEntry::Kind kind, int task, qint64 time, int aux, Wake wake, int hops)
{
    QueueEntry entry;
    entry.time = time;
    entry.due = time;
    entry.seq = m_seq++;
    entry.task = task;
    entry.aux = aux;
    entry.kind = kind;
    entry.wake = wake;
    entry.hops = quint8(hops);
    if (m_runtime == Runtime::Asyncio) {
        // call_soon for what is due now; a timer for later. A sleep's timer sets its future, whose
        // callback wakes the task a turn later.
        if (time > m_now) {
            entry.hops = kind == QueueEntry::Kind::Wake ? 1 : 0;
            m_queue.pushTimer(entry);
        } else {
            m_queue.pushReady(entry);
        }
        return;
    }
    m_queue.push(entry, m_now);
}

void EngineImpl::wakeSoon(TaskRecord &task, Wake wake, int errorId, int hops)
{
    if (task.status != TaskStatus::Suspended || task.wakeQueued)
        return;
    if (hops > 0) {
        // asyncio: a chain of callbacks that ends in the wake-up. Until its last one the task
        // still waits (another wake-up may come first, a cancel still cancels what it awaits).
        push(QueueEntry::Kind::Wake, task.id, m_now, int(task.waitToken), wake, hops);
        return;
    }
    task.wakeQueued = true;
    task.queuedWake = wake;
    if (errorId >= 0)
        task.wakeErrorId = errorId;
    push(QueueEntry::Kind::Wake, task.id, m_now, int(task.waitToken), wake, hops);
}

void EngineImpl::schedule(const UserAction &action)
{
    // Keep actions sorted by time; equal times keep the order they were given in.
    auto at = std::upper_bound(m_actions.begin() + qsizetype(m_nextAction), m_actions.end(), action,
                               [](const UserAction &a, const UserAction &b) { return a.at < b.at; });
    m_actions.insert(at, action);
}

bool EngineImpl::step(qint64 limit)
{
    if (m_runtime == Runtime::Asyncio)
        return stepAsyncio(limit);
    while (m_abortReason.isEmpty()) {
        const bool haveEvent = !m_queue.empty();
        if (m_nextAction < m_actions.size() && m_actions[m_nextAction].at <= limit
            && (!haveEvent || m_actions[m_nextAction].at < m_queue.top().time)) {
            const UserAction action = m_actions[m_nextAction++];
            m_now = std::max(m_now, action.at);
            applyAction(action);
            return true;
        }
        if (!haveEvent)
            return false;
        if (m_liveTasks == 0 && m_held.empty()) {
            m_queue.keepOnlyActions();  // every timer left belongs to a task that has ended
            if (m_queue.empty())
                continue;
        }
        if (m_queue.top().time > limit)
            return false;  // runUntil: nothing more is due by its time
        const QueueEntry entry = m_queue.top();
        m_queue.pop();
        if (processEntry(entry))
            return true;
    }
    return false;
}

void EngineImpl::runUntil(qint64 t)
{
    if (m_runtime == Runtime::Asyncio) {
        while (m_abortReason.isEmpty() && nextTimeAsyncio() <= t && stepAsyncio(t)) {
        }
        m_now = std::max(m_now, t);
        return;
    }
    while (m_abortReason.isEmpty()) {
        qint64 next = std::numeric_limits<qint64>::max();
        if (!m_queue.empty())
            next = m_queue.top().time;
        if (m_nextAction < m_actions.size())
            next = std::min(next, m_actions[m_nextAction].at);
        if (next > t || !step(t))
            break;
    }
    m_now = std::max(m_now, t);
}

void EngineImpl::runToEnd()
{
    while (step()) {
    }
}

bool EngineImpl::finished() const
{
    if (m_runtime == Runtime::Asyncio)
        return finishedAsyncio();
    // Timers left behind by tasks that have all ended cannot make anything happen any more.
    return !m_abortReason.isEmpty()
        || (m_nextAction >= m_actions.size() && m_held.empty()
            && (m_queue.empty() || (m_liveTasks == 0 && !m_queue.hasActions())));
}

bool EngineImpl::processEntry(const QueueEntry &entry)
{
    TaskRecord *task = entry.task >= 0 ? &m_tasks[std::size_t(entry.task)] : nullptr;
    // The single thread is busy with CPU work: everything else on it waits, keeping its order.
    // Only the working task's own wake-up gets through: even its timeout callback must wait.
    const bool busyTasksOwnWake = task && entry.kind == QueueEntry::Kind::Wake && task->id == m_busyTask;
    if (task && m_busyTask >= 0 && task->domain == 0 && !busyTasksOwnWake) {
        m_held.push_back(entry);
        return false;
    }
    // A stale entry (a timer of a wait that already ended) neither runs nor moves the clock.
    const bool stale = (entry.kind == QueueEntry::Kind::Start && task->status != TaskStatus::NotStarted)
        || (entry.kind == QueueEntry::Kind::Wake
            && (task->status != TaskStatus::Suspended || task->waitToken != quint32(entry.aux)))
        || (entry.kind == QueueEntry::Kind::Deadline
            && (task->done() || !findScope(*task, entry.aux) || findScope(*task, entry.aux)->expired));
    if (stale)
        return false;
    m_now = std::max(m_now, entry.time);
    switch (entry.kind) {
    case QueueEntry::Kind::Action: {
        const UserAction action = m_heldActions[std::size_t(entry.aux)];
        applyAction(action);
        return true;
    }
    case QueueEntry::Kind::Start:
        startTask(*task);
        return true;
    case QueueEntry::Kind::ChildDone:
    case QueueEntry::Kind::Stop:
    case QueueEntry::Kind::ShieldDone:
    case QueueEntry::Kind::Exit:
        return false;  // asyncio's own callbacks (asyncioloop.cpp)
    case QueueEntry::Kind::Wake:
        // A timer may beat an error or a cancel that was already scheduled for the same wait;
        // the stronger reason wins so that neither is lost.
        resume(*task, task->wakeQueued && task->queuedWake != Wake::Normal ? task->queuedWake : entry.wake);
        return true;
    case QueueEntry::Kind::Deadline: {
        Scope *scope = findScope(*task, entry.aux);
        scope->expired = true;
        emit(EventKind::Timeout, *task, -1, 0, scope->ms);
        if (m_runtime == Runtime::Kotlin) {
            scope->timeoutCancel = true;
            cancelScope(*task, *scope, CancelCause::Timeout, -1);
        } else {
            requestCancel(*task, CancelCause::Timeout, -1);
        }
        return true;
    }
    }
    return false;
}

void EngineImpl::startTask(TaskRecord &task)
{
    task.at = m_locations.indexOf(*task.spec);
    if (task.id == 0 && !m_rootSpawned) {
        m_rootSpawned = true;  // emitted here, not in the constructor, so listeners see it
        emit(EventKind::Spawn, task, -1, quint8(LinkCode::Child));
    }
    task.status = TaskStatus::Running;
    // A task cancelled before its first step never runs its body (asyncio, Kotlin DEFAULT start).
    if (m_runtime != Runtime::Swift && task.cancelCount > 0) {
        if (m_runtime == Runtime::Asyncio)
            task.pendingCancel = false;
        task.outcome = Outcome::Cancelled;
        task.errorId = plainError(cancellationErrorName());
        closeTaskMarks(task, nullptr);
        task.status = TaskStatus::Done;
        emit(EventKind::End, task, -1, quint8(Outcome::Cancelled), 0, cancellationErrorName());
        taskEnded(task);
        return;
    }
    emit(EventKind::Start, task);
    // Eager: runs until its first suspension; the frame frees itself at the end.
    if (Scope *slots = slotScopeOf(task))
        runLimitedTask(task.id, *slots);
    else
        runTask(task.id);
}

void EngineImpl::resume(TaskRecord &task, Wake wake)
{
    task.status = TaskStatus::Running;
    task.wakeQueued = false;
    ++task.waitToken;
    task.wake = wake;
    if (wake != Wake::Abort && task.wait != WaitKind::Work && task.wait != WaitKind::Yield)
        emit(EventKind::Resume, task);
    task.wait = WaitKind::None;
    auto handle = task.handle;
    task.handle = {};
    handle.resume();
}

void EngineImpl::releaseDomain(TaskRecord &task)
{
    if (m_busyTask != task.id)
        return;
    m_busyTask = -1;
    std::vector<QueueEntry> held;
    held.swap(m_held);
    for (QueueEntry entry : held) {
        entry.time = std::max(entry.time, m_now);
        m_queue.push(entry, m_now);
    }
}

// ---------------------------------------------------------------- user actions

void EngineImpl::applyAction(const UserAction &action)
{
    const QString verb = UserAction::verb(action.kind);
    if (m_runtime == Runtime::Asyncio && asyncioClosed()) {
        emit(EventKind::ActionIgnored, m_tasks.front(), -1, 0, 0, verb,
             QStringLiteral("%1: the program has ended (asyncio.run() returned)").arg(action.taskPath));
        return;
    }
    const bool timeoutOrShield = action.kind == UserAction::Kind::Timeout || action.kind == UserAction::Kind::Shield;
    if (timeoutOrShield && m_runtime == Runtime::Swift) {
        emit(EventKind::ActionIgnored, m_tasks.front(), -1, 0, 0, verb,
             QStringLiteral("%1: %2").arg(action.taskPath, unavailableReason(action.kind, m_runtime)));
        return;
    }
    // Find the newest task with this path (a path can name a task made again by a loop).
    const QString name = action.taskPath.section(QLatin1Char('/'), -1).section(QLatin1Char('['), 0, 0);
    TaskRecord *target = nullptr;
    for (auto it = m_tasks.rbegin(); it != m_tasks.rend() && !target; ++it) {
        if (it->spec->name == name && taskPath(it->id) == action.taskPath)
            target = &*it;
    }
    if (!target || target->done()) {
        emit(EventKind::ActionIgnored, m_tasks.front(), -1, 0, 0, verb,
             QStringLiteral("%1: %2").arg(action.taskPath,
                                          target ? QStringLiteral("the task has already ended")
                                                 : QStringLiteral("no such task has started yet")));
        return;
    }
    if (action.kind == UserAction::Kind::Cancel) {
        requestCancel(*target, CancelCause::User, -1);
        return;
    }
    if (action.kind == UserAction::Kind::Timeout) {
        applyTimeoutAction(*target, action);
        return;
    }
    if (action.kind == UserAction::Kind::Shield) {
        applyShieldAction(*target);
        return;
    }
    // A failure is raised at the await the task is suspended in when that await can fail (a
    // sleep, a join, a signal, a shield, a gather); otherwise at its next step, or as it ends.
    if (target->extras && target->extras->injectedErrorId >= 0) {
        emit(EventKind::ActionIgnored, *target, -1, 0, 0, verb,
             QStringLiteral("%1: an earlier failure is still waiting to be raised").arg(action.taskPath));
        return;
    }
    const int errorId = internError(action.error, action.message);
    const bool failsAwait = target->wait == WaitKind::Sleep || target->wait == WaitKind::Join
        || target->wait == WaitKind::Signal || target->wait == WaitKind::Shield
        || (target->wait == WaitKind::Gather && m_runtime != Runtime::Swift);
    if (target->status == TaskStatus::Suspended && !target->wakeQueued && failsAwait)
        wakeSoon(*target, Wake::Error, errorId);
    else
        target->x().injectedErrorId = errorId;
}

// ---------------------------------------------------------------- Engine

Engine::Engine(const Scenario &scenario, Runtime runtime)
    : Engine(scenario, runtime, Options())
{
}

Engine::Engine(const Scenario &scenario, Runtime runtime, Options options)
    : m_impl(std::make_unique<EngineImpl>(scenario, runtime, options))
{
    // A million events grown one push at a time move the whole trace some twenty times.
    if (options.keepEvents && options.expectedEvents > 0)
        m_impl->m_events.reserve(std::size_t(std::min(options.expectedEvents, options.maxEvents)));
}

Engine::~Engine() = default;

void Engine::setListener(std::function<void(const TraceEvent &)> listener)
{
    m_impl->m_listener = std::move(listener);
}

void Engine::schedule(const UserAction &action)
{
    m_impl->schedule(action);
}

bool Engine::step()
{
    return m_impl->step();
}

void Engine::runUntil(qint64 t)
{
    m_impl->runUntil(t);
}

void Engine::runToEnd()
{
    m_impl->runToEnd();
}

bool Engine::finished() const
{
    return m_impl->finished();
}

qint64 Engine::nextTime() const
{
    if (m_impl->m_runtime == Runtime::Asyncio)
        return m_impl->nextTimeAsyncio();
    qint64 next = std::numeric_limits<qint64>::max();
    if (!m_impl->m_queue.empty())
        next = std::max(m_impl->m_queue.top().time, m_impl->m_now);
    if (m_impl->m_nextAction < m_impl->m_actions.size())
        next = std::min(next, std::max(m_impl->m_actions[m_impl->m_nextAction].at, m_impl->m_now));
    return next;
}

qint64 Engine::now() const
{
    return m_impl->m_now;
}

QString Engine::abortReason() const
{
    return m_impl->m_abortReason;
}

const std::vector<TraceEvent> &Engine::events() const
{
    return m_impl->m_events;
}

qint64 Engine::eventCount() const
{
    return m_impl->m_eventCount;
}

QString Engine::taskPath(int taskId) const
{
    return m_impl->taskPath(taskId);
}

int Engine::taskCount() const
{
    return int(m_impl->m_tasks.size());
}

bool Engine::abandoned(int taskId) const
{
    return m_impl->m_runtime == Runtime::Asyncio && m_impl->asyncioClosed() && taskId >= 0
        && taskId < int(m_impl->m_tasks.size()) && !m_impl->m_tasks[std::size_t(taskId)].done();
}

QString Engine::stepPointer(int step) const
{
    return m_impl->m_locations.pointer(step);
}

const StepLocations &Engine::stepLocations() const
{
    return m_impl->m_locations;
}

TaskPathResolver Engine::pathResolver() const
{
    const EngineImpl *impl = m_impl.get();
    return [impl](int id) { return impl->taskPath(id); };
}

QByteArray Engine::traceJsonLines() const
{
    QByteArray out;
    const TaskPathResolver resolve = pathResolver();
    for (const TraceEvent &event : m_impl->m_events) {
        out += traceEventToJson(event, resolve);
        out += '\n';
    }
    return out;
}

} // namespace cascade
