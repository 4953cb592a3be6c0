// The scheduler, the task table and the cancellation rules of the three runtime profiles.
// The step interpreter (the coroutines) is in interpreter.cpp.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

EngineImpl::EngineImpl(const Scenario &scenario, Runtime runtime, Engine::Options options)
    : m_scenario(scenario)
    , m_runtime(runtime)
    , m_options(options)
{
    TaskRecord &root = m_tasks.emplace_back();
    root.id = 0;
    root.spec = &m_scenario.root;
    // asyncio's loop and Kotlin's runBlocking are one thread (domain 0); Swift's main runs in the pool.
    root.domain = runtime == Runtime::Swift ? m_nextDomain++ : 0;
    emit(EventKind::Spawn, root, -1, quint8(LinkCode::Child));
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
    event.text = text;
    event.message = message;
    if (m_listener)
        m_listener(event);
    if (m_options.keepEvents)
        m_events.push_back(std::move(event));
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

void EngineImpl::push(QueueEntry::Kind kind, int task, qint64 time, int aux, Wake wake)
{
    QueueEntry entry;
    entry.time = time;
    entry.due = time;
    entry.seq = m_seq++;
    entry.task = task;
    entry.aux = aux;
    entry.kind = kind;
    entry.wake = wake;
    m_queue.push(entry);
}

void EngineImpl::wakeSoon(TaskRecord &task, Wake wake, int errorId)
{
    if (task.status != TaskStatus::Suspended || task.wakeQueued)
        return;
    task.wakeQueued = true;
    if (errorId >= 0)
        task.wakeErrorId = errorId;
    push(QueueEntry::Kind::Wake, task.id, m_now, int(task.waitToken), wake);
}

void EngineImpl::schedule(const UserAction &action)
{
    // Keep actions sorted by time; equal times keep the order they were given in.
    auto at = std::upper_bound(m_actions.begin() + qsizetype(m_nextAction), m_actions.end(), action,
                               [](const UserAction &a, const UserAction &b) { return a.at < b.at; });
    m_actions.insert(at, action);
}

bool EngineImpl::step()
{
    while (m_abortReason.isEmpty()) {
        const bool haveEvent = !m_queue.empty();
        if (m_nextAction < m_actions.size()
            && (!haveEvent || m_actions[m_nextAction].at < m_queue.top().time)) {
            const UserAction action = m_actions[m_nextAction++];
            m_now = std::max(m_now, action.at);
            applyAction(action);
            return true;
        }
        if (!haveEvent)
            return false;
        const QueueEntry entry = m_queue.top();
        m_queue.pop();
        if (processEntry(entry))
            return true;
    }
    return false;
}

void EngineImpl::runUntil(qint64 t)
{
    while (m_abortReason.isEmpty()) {
        qint64 next = std::numeric_limits<qint64>::max();
        if (!m_queue.empty())
            next = m_queue.top().time;
        if (m_nextAction < m_actions.size())
            next = std::min(next, m_actions[m_nextAction].at);
        if (next > t || !step())
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
    return !m_abortReason.isEmpty()
        || (m_queue.empty() && m_nextAction >= m_actions.size() && m_held.empty());
}

bool EngineImpl::processEntry(const QueueEntry &entry)
{
    TaskRecord *task = entry.task >= 0 ? &m_tasks[std::size_t(entry.task)] : nullptr;
    // The single thread is busy with CPU work: everything else on it waits, keeping its order.
    if (task && m_busyTask >= 0 && task->domain == 0 && task->id != m_busyTask) {
        m_held.push_back(entry);
        return false;
    }
    m_now = std::max(m_now, entry.time);
    switch (entry.kind) {
    case QueueEntry::Kind::Action: {
        const UserAction action = m_heldActions[std::size_t(entry.aux)];
        applyAction(action);
        return true;
    }
    case QueueEntry::Kind::Start:
        if (task->status != TaskStatus::NotStarted)
            return false;
        task->status = TaskStatus::Running;
        // A task cancelled before its first step never runs its body (asyncio, Kotlin DEFAULT start).
        if (m_runtime != Runtime::Swift && task->cancelCount > 0) {
            if (m_runtime == Runtime::Asyncio)
                task->pendingCancel = false;
            task->outcome = Outcome::Cancelled;
            task->status = TaskStatus::Done;
            emit(EventKind::End, *task, -1, quint8(Outcome::Cancelled), 0, cancellationErrorName());
            taskEnded(*task);
            return true;
        }
        emit(EventKind::Start, *task);
        runTask(task->id);  // eager: runs until its first suspension; the frame frees itself at the end
        return true;
    case QueueEntry::Kind::Wake:
        if (task->status != TaskStatus::Suspended || task->waitToken != quint32(entry.aux))
            return false;
        resume(*task, entry.wake);
        return true;
    case QueueEntry::Kind::Deadline: {
        Scope *scope = task->done() ? nullptr : findScope(*task, entry.aux);
        if (!scope || scope->expired)
            return false;
        scope->expired = true;
        emit(EventKind::Timeout, *task, -1, 0, scope->ms);
        if (m_runtime == Runtime::Kotlin) {
            scope->timeoutCancel = true;
            cancelScope(*task, *scope, CancelCause::Timeout, -1);
        } else if (scope->step && scope->step->kind == StepKind::Join) {
            TaskRecord &target = m_tasks[std::size_t(task->waitTarget)];
            if (scope->step->shield) {
                emit(EventKind::CancelBlocked, target, task->id, quint8(BlockedBy::Shield));
                wakeSoon(*task, Wake::Cancelled);
            } else {
                requestCancel(target, CancelCause::Timeout, task->id);
            }
        } else if (scope->step && scope->step->timeoutStyle == TimeoutStyle::WaitFor) {
            if (!scope->children.empty())
                requestCancel(m_tasks[std::size_t(scope->children.front())], CancelCause::Timeout, task->id);
        } else {
            requestCancel(*task, CancelCause::Timeout, -1);
        }
        return true;
    }
    }
    return false;
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
        m_queue.push(entry);
    }
}

// ---------------------------------------------------------------- user actions

void EngineImpl::applyAction(const UserAction &action)
{
    const QString verb = action.kind == UserAction::Kind::Cancel ? QStringLiteral("cancel") : QStringLiteral("fail");
    // Find the newest task with this path (a path can name a task made again by a loop).
    TaskRecord *target = nullptr;
    for (auto it = m_tasks.rbegin(); it != m_tasks.rend() && !target; ++it) {
        if (it->spec->name == action.taskPath.section(QLatin1Char('/'), -1).section(QLatin1Char('['), 0, 0)
            && taskPath(it->id) == action.taskPath)
            target = &*it;
    }
    if (!target || target->done()) {
        emit(EventKind::ActionIgnored, m_tasks.front(), -1, 0, 0, verb,
             QStringLiteral("%1: %2").arg(action.taskPath,
                                          target ? QStringLiteral("the task has already ended")
                                                 : QStringLiteral("no such task has started yet")));
        return;
    }
    // asyncio: a cancel from outside reaches the loop only when the running task yields.
    if (m_runtime == Runtime::Asyncio && m_busyTask >= 0) {
        m_heldActions.push_back(action);
        QueueEntry entry;
        entry.time = entry.due = m_now;
        entry.seq = m_seq++;
        entry.task = target->id;
        entry.aux = int(m_heldActions.size()) - 1;
        entry.kind = QueueEntry::Kind::Action;
        m_held.push_back(entry);
        return;
    }
    if (action.kind == UserAction::Kind::Cancel) {
        requestCancel(*target, CancelCause::User, -1);
        return;
    }
    const int errorId = internError(action.error, action.message);
    if (target->status == TaskStatus::Suspended && !target->wakeQueued
        && target->wait != WaitKind::Work) {
        wakeSoon(*target, Wake::Error, errorId);
    } else {
        target->x().injectedErrorId = errorId;  // raised at its next step or when its CPU work ends
    }
}

// ---------------------------------------------------------------- tasks

TaskRecord &EngineImpl::spawn(TaskRecord &creator, const TaskSpec &spec, int index, bool structured, int scopeId,
                              bool nonCancellable)
{
    TaskRecord &child = m_tasks.emplace_back();
    child.id = int(m_tasks.size()) - 1;
    child.spec = &spec;
    child.index = index;
    child.parent = creator.id;
    child.structured = structured;
    child.owner = structured ? creator.id : -1;
    child.ownerScope = structured ? scopeId : -1;
    child.nonCancellableChild = nonCancellable;
    switch (m_runtime) {
    case Runtime::Asyncio:
        child.domain = 0;
        break;
    case Runtime::Swift:
        child.domain = m_nextDomain++;
        break;
    case Runtime::Kotlin: {
        // launch {} inherits the caller's dispatcher; GlobalScope.launch {} runs on Dispatchers.Default.
        const bool main = spec.dispatcher == Dispatcher::Main
            || (spec.dispatcher == Dispatcher::Inherit && structured && creator.domain == 0);
        child.domain = main ? 0 : m_nextDomain++;
        break;
    }
    }
    emit(EventKind::Spawn, child, creator.id, quint8(structured ? LinkCode::Child : LinkCode::Unstructured));
    if (structured) {
        creator.children.push_back(child.id);
        if (Scope *scope = findScope(creator, scopeId))
            scope->children.push_back(child.id);
    } else {
        creator.x().unstructured.push_back(child.id);
    }
    push(QueueEntry::Kind::Start, child.id, m_now);
    // A child started inside an already cancelled Kotlin job or Swift task starts cancelled.
    if (structured && !nonCancellable && m_runtime != Runtime::Asyncio && isCancelledForCheck(creator))
        requestCancel(child, CancelCause::Parent, creator.id);
    return child;
}

Scope *EngineImpl::findScope(TaskRecord &task, int scopeId)
{
    if (scopeId < 0 || !task.extras)
        return nullptr;
    for (auto &scope : task.extras->scopes) {
        if (scope->id == scopeId)
            return scope.get();
    }
    return nullptr;
}

int EngineImpl::shieldDepth(const TaskRecord &task) const
{
    if (!task.extras)
        return 0;
    return int(std::count_if(task.extras->scopes.begin(), task.extras->scopes.end(),
                             [](const auto &scope) { return scope->kind == Scope::Kind::Shield; }));
}

bool EngineImpl::kotlinCancelled(const TaskRecord &task) const
{
    // NonCancellable hides every cancellation outside it; scopes opened inside it still count.
    bool cancelled = task.cancelCount > 0;
    if (task.extras) {
        for (const auto &scope : task.extras->scopes) {
            if (scope->kind == Scope::Kind::Shield)
                cancelled = false;
            else if (scope->cancelled)
                cancelled = true;
        }
    }
    return cancelled;
}

bool EngineImpl::isCancelledForCheck(const TaskRecord &task) const
{
    switch (m_runtime) {
    case Runtime::Asyncio:
        return task.cancelCount > 0;
    case Runtime::Kotlin:
        return kotlinCancelled(task);
    case Runtime::Swift:
        return task.cancelCount > 0;
    }
    return false;
}

bool EngineImpl::cancelPendingFor(const TaskRecord &task) const
{
    return m_runtime == Runtime::Asyncio ? task.pendingCancel : isCancelledForCheck(task);
}

void EngineImpl::requestCancel(TaskRecord &task, CancelCause cause, int from, int scopeId)
{
    Q_UNUSED(scopeId)
    if (task.done())
        return;  // cancelling a finished task does nothing (asyncio: cancel() returns False)
    if (m_runtime != Runtime::Asyncio && task.cancelCount > 0)
        return;  // Kotlin and Swift: the flag is already set
    ++task.cancelCount;
    emit(EventKind::CancelRequest, task, from, quint8(cause));
    if (task.extras) {
        for (int id : task.extras->unstructured) {
            TaskRecord &other = m_tasks[std::size_t(id)];
            if (!other.done() && !other.shieldInner)
                emit(EventKind::CancelBlocked, other, task.id, quint8(BlockedBy::NotAChild));
        }
    }

    if (m_runtime == Runtime::Asyncio) {
        if (task.status != TaskStatus::Suspended || task.wakeQueued) {
            task.pendingCancel = true;  // delivered at its next step
            return;
        }
        switch (task.wait) {
        case WaitKind::Sleep:
        case WaitKind::Signal:
        case WaitKind::Yield:
            task.pendingCancel = true;
            wakeSoon(task, Wake::Cancelled);
            break;
        case WaitKind::Join: {
            Scope *scope = task.extras && !task.extras->scopes.empty() ? task.extras->scopes.back().get() : nullptr;
            TaskRecord &target = m_tasks[std::size_t(task.waitTarget)];
            if (scope && scope->step && scope->step->kind == StepKind::Join && scope->step->shield) {
                emit(EventKind::CancelBlocked, target, task.id, quint8(BlockedBy::Shield));
                task.pendingCancel = true;
                wakeSoon(task, Wake::Cancelled);
            } else {
                task.waitCancelled = true;  // awaiting a task: cancelling the awaiter cancels it
                requestCancel(target, CancelCause::Awaiter, task.id);
            }
            break;
        }
        case WaitKind::Shield: {
            TaskRecord &inner = m_tasks[std::size_t(task.waitTarget)];
            emit(EventKind::CancelBlocked, inner, task.id, quint8(BlockedBy::Shield));
            task.pendingCancel = true;
            wakeSoon(task, Wake::Cancelled);
            break;
        }
        case WaitKind::WaitFor:
            task.waitCancelled = true;
            requestCancel(m_tasks[std::size_t(task.waitTarget)], CancelCause::Parent, task.id);
            break;
        case WaitKind::Group:
        case WaitKind::Gather: {
            task.waitCancelled = true;
            Scope *scope = findScope(task, task.waitTarget);
            if (scope) {
                scope->shuttingDown = true;
                for (int id : scope->children)
                    requestCancel(m_tasks[std::size_t(id)], CancelCause::Parent, task.id);
            }
            break;
        }
        default:
            task.pendingCancel = true;
            break;
        }
        return;
    }

    // Kotlin and Swift: the request travels down the tree at once.
    const bool blocked = m_runtime == Runtime::Kotlin && shieldDepth(task) > 0;
    if (blocked)
        emit(EventKind::CancelBlocked, task, from, quint8(BlockedBy::NonCancellable));
    propagateToChildren(task, -1, CancelCause::Parent, task.id);
    runCancelHandlers(task);
    if (blocked || task.status != TaskStatus::Suspended || task.wakeQueued)
        return;
    const bool wakes = m_runtime == Runtime::Kotlin
        ? (task.wait == WaitKind::Sleep || task.wait == WaitKind::Join || task.wait == WaitKind::Gather
           || task.wait == WaitKind::Signal || task.wait == WaitKind::Yield)
        : task.wait == WaitKind::Sleep;  // Swift: only Task.sleep notices by itself
    if (wakes)
        wakeSoon(task, Wake::Cancelled);
}

void EngineImpl::propagateToChildren(TaskRecord &task, int scopeId, CancelCause cause, int from)
{
    const std::vector<int> children = task.children;  // requestCancel may start more children
    for (int id : children) {
        TaskRecord &child = m_tasks[std::size_t(id)];
        if (child.done() || !child.structured)
            continue;
        if (scopeId >= 0 && child.ownerScope != scopeId)
            continue;
        if (child.nonCancellableChild) {
            emit(EventKind::CancelBlocked, child, from, quint8(BlockedBy::NonCancellable));
            continue;
        }
        requestCancel(child, cause, from);
    }
}

void EngineImpl::cancelScope(TaskRecord &task, Scope &scope, CancelCause cause, int from)
{
    if (scope.cancelled || task.done())
        return;
    scope.cancelled = true;
    scope.shuttingDown = true;
    emit(EventKind::CancelRequest, task, from, quint8(cause));
    // Children started in this scope or in scopes nested inside it.
    bool inside = false;
    bool shieldedInside = false;
    for (auto &s : task.x().scopes) {
        if (s.get() == &scope)
            inside = true;
        if (!inside)
            continue;
        if (s->kind == Scope::Kind::Shield && s.get() != &scope)
            shieldedInside = true;
        propagateToChildren(task, s->id, CancelCause::Parent, task.id);
    }
    if (shieldedInside) {
        emit(EventKind::CancelBlocked, task, from, quint8(BlockedBy::NonCancellable));
        return;
    }
    if (task.status == TaskStatus::Suspended && !task.wakeQueued
        && (task.wait == WaitKind::Sleep || task.wait == WaitKind::Join || task.wait == WaitKind::Gather
            || task.wait == WaitKind::Signal || task.wait == WaitKind::Yield))
        wakeSoon(task, Wake::Cancelled);
}

void EngineImpl::runCancelHandlers(TaskRecord &task)
{
    if (!task.extras || task.extras->handlers.empty())
        return;
    const auto handlers = task.extras->handlers;
    for (const Steps *steps : handlers) {
        emit(EventKind::CleanupEnter, task, -1, 0, 0, QStringLiteral("onCancel"));
        for (const Step &step : *steps) {
            if (step.kind == StepKind::Print) {
                emit(EventKind::Print, task, -1, 0, 0, formatText(step.text, task, BlockContext{}));
            } else if (step.kind == StepKind::Signal) {
                sendSignal(step.target);
            }
        }
        emit(EventKind::CleanupExit, task, -1, 0, 0, QStringLiteral("onCancel"));
    }
}

void EngineImpl::sendSignal(const QString &name)
{
    // Wake the first task still waiting for this signal, or remember it for the next waiter.
    auto waiters = std::find_if(m_signalWaiters.begin(), m_signalWaiters.end(),
                                [&](const auto &w) { return w.first == name; });
    if (waiters != m_signalWaiters.end()) {
        while (!waiters->second.empty()) {
            TaskRecord &waiter = m_tasks[std::size_t(waiters->second.front())];
            waiters->second.erase(waiters->second.begin());
            if (waiter.status == TaskStatus::Suspended && waiter.wait == WaitKind::Signal && !waiter.wakeQueued) {
                wakeSoon(waiter, Wake::Normal);
                return;
            }
        }
    }
    auto count = std::find_if(m_signalCounts.begin(), m_signalCounts.end(),
                              [&](const auto &c) { return c.first == name; });
    if (count == m_signalCounts.end())
        m_signalCounts.emplace_back(name, 1);
    else
        ++count->second;
}

void EngineImpl::taskEnded(TaskRecord &task)
{
    task.status = TaskStatus::Done;
    task.handle = {};
    releaseDomain(task);
    if (task.extras) {
        for (int id : task.extras->joiners) {
            TaskRecord &joiner = m_tasks[std::size_t(id)];
            if (joiner.waitTarget == task.id
                && (joiner.wait == WaitKind::Join || joiner.wait == WaitKind::Shield
                    || joiner.wait == WaitKind::WaitFor))
                wakeSoon(joiner, Wake::Normal);
        }
        task.extras->joiners.clear();
    }
    if (task.owner >= 0)
        childEnded(m_tasks[std::size_t(task.owner)], task);
    // asyncio.run() cancels whatever is still running when main returns, and waits for it.
    if (task.id == 0 && m_runtime == Runtime::Asyncio) {
        for (TaskRecord &other : m_tasks) {
            if (!other.done())
                requestCancel(other, CancelCause::Shutdown, 0);
        }
    }
}

void EngineImpl::childEnded(TaskRecord &parent, TaskRecord &child)
{
    if (parent.done())
        return;
    const bool failed = child.outcome == Outcome::Failed;
    const bool threw = failed || child.outcome == Outcome::Cancelled;
    Scope *scope = findScope(parent, child.ownerScope);

    if (scope && scope->kind == Scope::Kind::Group) {
        scope->completionOrder.push_back(child.id);
        const bool strict = scope->step->groupKind == GroupKind::Strict;
        if (failed && strict && scope->failedChild < 0 && m_runtime != Runtime::Swift) {
            scope->failedChild = child.id;
            scope->failureErrorId = child.errorId;
            if (m_runtime == Runtime::Asyncio) {
                // TaskGroup: abort the other children and cancel the parent task itself.
                scope->shuttingDown = true;
                for (int id : scope->children) {
                    if (id != child.id)
                        requestCancel(m_tasks[std::size_t(id)], CancelCause::Failure, parent.id);
                }
                if (!scope->parentCancelRequested) {
                    scope->parentCancelRequested = true;
                    const bool waiting = parent.status == TaskStatus::Suspended && parent.wait == WaitKind::Group
                        && parent.waitTarget == scope->id;
                    if (waiting) {
                        ++parent.cancelCount;  // absorbed by the group's exit: nothing to deliver
                        emit(EventKind::CancelRequest, parent, child.id, quint8(CancelCause::Failure));
                    } else {
                        requestCancel(parent, CancelCause::Failure, child.id);
                    }
                }
            } else {
                cancelScope(parent, *scope, CancelCause::Failure, child.id);
            }
        }
        if (!scope->shuttingDown && !scope->pendingSpecs.empty())
            startPendingGroupChildren(parent, *scope);
        if (parent.status == TaskStatus::Suspended && parent.wait == WaitKind::Group
            && parent.waitTarget == scope->id)
            wakeSoon(parent, Wake::Normal);
        return;
    }

    if (scope && scope->kind == Scope::Kind::Gather) {
        const bool waiting = parent.status == TaskStatus::Suspended && parent.waitTarget == scope->id
            && parent.wait == WaitKind::Gather;
        if (m_runtime == Runtime::Asyncio && threw && waiting && !parent.waitCancelled) {
            wakeSoon(parent, Wake::Error, child.errorId);  // gather raises the child's error at once
            return;
        }
        if (m_runtime == Runtime::Kotlin && failed && scope->failedChild < 0) {
            scope->failedChild = child.id;
            parent.x().failureErrorId = child.errorId;
            parent.x().childFailure = child.id;
            requestCancel(parent, CancelCause::Failure, child.id);
            if (waiting) {
                parent.wakeQueued = false;
                ++parent.waitToken;  // replace a cancel wake: awaitAll throws the child's error
                wakeSoon(parent, Wake::Error, child.errorId);
            }
            return;
        }
        if (parent.status == TaskStatus::Suspended
            && ((parent.wait == WaitKind::Gather && parent.waitTarget == scope->id)
                || (parent.wait == WaitKind::Join && parent.waitTarget == child.id)))
            wakeSoon(parent, Wake::Normal);
        return;
    }

    if (scope && scope->kind == Scope::Kind::Timeout) {
        if (parent.status == TaskStatus::Suspended
            && (parent.wait == WaitKind::WaitFor || parent.wait == WaitKind::Children))
            wakeSoon(parent, Wake::Normal);
        return;
    }

    // A task-level child: Kotlin launch / async, Swift async let.
    if (m_runtime == Runtime::Kotlin && failed && parent.x().childFailure < 0) {
        parent.x().failureErrorId = child.errorId;
        parent.x().childFailure = child.id;
        requestCancel(parent, CancelCause::Failure, child.id);
    }
    if (parent.status == TaskStatus::Suspended
        && (parent.wait == WaitKind::Children || (parent.wait == WaitKind::Join && parent.waitTarget == child.id)
            || parent.wait == WaitKind::Gather))
        wakeSoon(parent, Wake::Normal);
}

// ---------------------------------------------------------------- Engine

Engine::Engine(const Scenario &scenario, Runtime runtime)
    : Engine(scenario, runtime, Options())
{
}

Engine::Engine(const Scenario &scenario, Runtime runtime, Options options)
    : m_impl(std::make_unique<EngineImpl>(scenario, runtime, options))
{
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
