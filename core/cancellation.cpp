// Tasks and the cancellation rules of the three runtimes: how a request is recorded, where it is
// delivered, how it travels down the tree, and what a child's end does to its parent.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

// ---------------------------------------------------------------- tasks

TaskRecord &EngineImpl::spawn(TaskRecord &creator, const TaskSpec &spec, int index, bool structured, int scopeId)
{
    TaskRecord &child = m_tasks.emplace_back();
    ++m_liveTasks;
    child.id = int(m_tasks.size()) - 1;
    child.spec = &spec;
    child.index = index;
    child.parent = creator.id;
    child.structured = structured;
    child.at = m_locations.indexOf(spec);  // not started yet: it stands at its definition
    child.owner = structured ? creator.id : -1;
    child.ownerScope = structured ? scopeId : -1;
    if (m_runtime == Runtime::Kotlin && creator.extras) {
        for (const auto &scope : creator.extras->scopes) {
            if (scope->kind == Scope::Kind::Shield)
                child.shieldScope = scope->id;  // the innermost NonCancellable block
        }
    }
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
        creator.x().children.push_back(child.id);
        if (Scope *scope = findScope(creator, scopeId))
            scope->children.push_back(child.id);
    } else {
        creator.x().unstructured.push_back(child.id);
    }
    push(QueueEntry::Kind::Start, child.id, m_now);
    // A child started inside an already cancelled Kotlin job or Swift task starts cancelled.
    if (structured && m_runtime != Runtime::Asyncio && isCancelledForCheck(creator))
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

void EngineImpl::requestCancel(TaskRecord &task, CancelCause cause, int from)
{
    if (task.done())
        return;  // cancelling a finished task does nothing (asyncio: cancel() returns False)
    if (m_runtime != Runtime::Asyncio && task.cancelCount > 0)
        return;  // Kotlin and Swift: the flag is already set
    if (userShieldBlocks(task, cause, from)) {
        // Stopped here, and so it does not travel down either; delivered when the shield goes off.
        TaskExtras &extras = task.x();
        if (!extras.hasBlockedRequest) {
            extras.hasBlockedRequest = true;
            extras.blockedCause = cause;
            extras.blockedFrom = from;
        }
        emit(EventKind::CancelBlocked, task, from,
             quint8(m_runtime == Runtime::Kotlin ? BlockedBy::NonCancellable : BlockedBy::Shield));
        return;
    }
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
        requestCancelAsyncio(task);  // asynciosteps.cpp
        return;
    }

    // Kotlin and Swift: the request travels down the tree at once.
    const bool blocked = m_runtime == Runtime::Kotlin && shieldDepth(task) > 0;
    if (blocked)
        emit(EventKind::CancelBlocked, task, from, quint8(BlockedBy::NonCancellable));
    propagateToChildren(task, -1, CancelCause::Parent, task.id);
    // The suspended coroutine is resumed with the cancellation first; handlers then run at once.
    if (!blocked && task.status == TaskStatus::Suspended && !task.wakeQueued) {
        const bool wakes = m_runtime == Runtime::Kotlin
            ? (task.wait == WaitKind::Sleep || task.wait == WaitKind::Join || task.wait == WaitKind::Gather
               || task.wait == WaitKind::Signal || task.wait == WaitKind::Yield)
            : task.wait == WaitKind::Sleep;  // Swift: only Task.sleep notices by itself
        if (wakes)
            wakeSoon(task, Wake::Cancelled);
    }
    runCancelHandlers(task);
}

void EngineImpl::propagateToChildren(TaskRecord &task, int scopeId, CancelCause cause, int from)
{
    const std::vector<int> children = task.children();  // requestCancel may start more children
    for (int id : children) {
        TaskRecord &child = m_tasks[std::size_t(id)];
        if (child.done() || !child.structured)
            continue;
        if (scopeId >= 0 && child.ownerScope != scopeId)
            continue;
        // A child started inside NonCancellable is out of reach of requests from outside that
        // block; a scope opened inside the block (a later, larger id) still reaches it.
        if (child.shieldScope >= 0 && (scopeId < 0 || scopeId < child.shieldScope)) {
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
    // Children started in this scope or in scopes nested inside it; a NonCancellable block
    // nested inside keeps its own children out of reach.
    bool inside = false;
    bool shieldedInside = false;
    for (auto &s : task.x().scopes) {
        if (s.get() == &scope)
            inside = true;
        if (!inside)
            continue;
        if (s->kind == Scope::Kind::Shield && s.get() != &scope)
            shieldedInside = true;
        const std::vector<int> children = s->children;
        for (int id : children) {
            TaskRecord &child = m_tasks[std::size_t(id)];
            if (child.done() || !child.structured)
                continue;
            // The user's timeout is the outermost scope, whatever its id.
            if (child.shieldScope >= 0 && (scope.user || scope.id < child.shieldScope)) {
                emit(EventKind::CancelBlocked, child, task.id, quint8(BlockedBy::NonCancellable));
                continue;
            }
            requestCancel(child, CancelCause::Parent, task.id);
        }
    }
    if (scope.user) {
        // The user's timeout wraps the whole rest of the task: its own children go too.
        const std::vector<int> children = task.children();
        for (int id : children) {
            TaskRecord &child = m_tasks[std::size_t(id)];
            if (child.done() || !child.structured || child.ownerScope >= 0)
                continue;
            if (child.shieldScope >= 0) {
                emit(EventKind::CancelBlocked, child, task.id, quint8(BlockedBy::NonCancellable));
                continue;
            }
            requestCancel(child, CancelCause::Parent, task.id);
        }
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
    const int at = task.at;  // the handler runs beside the operation, which stays where it is
    for (const Steps *steps : handlers) {
        task.at = m_locations.indexOfHandler(*steps);
        emit(EventKind::CleanupEnter, task, -1, 0, 0, QStringLiteral("onCancel"));
        for (const Step &step : *steps) {
            task.at = m_locations.indexOf(step);
            if (step.kind == StepKind::Print) {
                emit(EventKind::Print, task, -1, 0, 0, formatText(step.text, task, BlockContext{}));
            } else if (step.kind == StepKind::Signal) {
                sendSignal(step.target);
            }
        }
        task.at = m_locations.indexOfHandler(*steps);
        emit(EventKind::CleanupExit, task, -1, 0, 0, QStringLiteral("onCancel"));
    }
    task.at = at;
}

void EngineImpl::sendSignal(const QString &name)
{
    if (m_runtime == Runtime::Asyncio) {
        signalAsyncio(name);
        return;
    }
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
    --m_liveTasks;
    task.status = TaskStatus::Done;
    task.handle = {};
    releaseDomain(task);
    if (m_runtime == Runtime::Asyncio) {
        asyncioTaskEnded(task);  // its done callbacks, a loop turn later (asyncioloop.cpp)
        return;
    }
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
}

void EngineImpl::childEnded(TaskRecord &parent, TaskRecord &child)
{
    // Kotlin and Swift; asyncio's groups hear of a child's end through its done callbacks.
    if (parent.done())
        return;
    const bool failed = child.outcome == Outcome::Failed;
    Scope *scope = findScope(parent, child.ownerScope);

    if (scope && scope->kind == Scope::Kind::Group) {
        scope->completionOrder.push_back(child.id);
        const bool strict = scope->step->groupKind == GroupKind::Strict;
        if (failed && strict && scope->failedChild < 0 && m_runtime != Runtime::Swift) {
            scope->failedChild = child.id;
            scope->failureErrorId = child.errorId;
            cancelScope(parent, *scope, CancelCause::Failure, child.id);
        }
        if (scope->hasPending())
            startPendingGroupChildren(parent, *scope);
        if (parent.status == TaskStatus::Suspended && parent.wait == WaitKind::Group
            && parent.waitTarget == scope->id)
            wakeSoon(parent, Wake::Normal);
        return;
    }

    if (scope && scope->kind == Scope::Kind::Gather) {
        const bool waiting = parent.status == TaskStatus::Suspended && parent.waitTarget == scope->id
            && parent.wait == WaitKind::Gather;
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
                || (parent.wait == WaitKind::AsyncLet && parent.waitTarget == child.id)))
            wakeSoon(parent, Wake::Normal);
        return;
    }

    if (scope && (scope->kind == Scope::Kind::Timeout || scope->kind == Scope::Kind::Shield)) {
        if (m_runtime == Runtime::Kotlin && failed && parent.x().childFailure < 0) {
            parent.x().failureErrorId = child.errorId;  // a failing launch fails the coroutine
            parent.x().childFailure = child.id;
            requestCancel(parent, CancelCause::Failure, child.id);
        }
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

} // namespace cascade
