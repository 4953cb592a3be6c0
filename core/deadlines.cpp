// Where timeouts and shields are: the deadline-set / deadline-clear and shield-on / shield-off
// marks of the trace, and the user's Timeout and Shield actions that add them to a running task.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

void EngineImpl::armDeadline(TaskRecord &task, Scope &scope, qint64 ms, CancelCause cause)
{
    scope.ms = ms;
    scope.deadline = m_now + ms;
    emit(EventKind::DeadlineSet, task, -1, quint8(cause), ms);
    push(QueueEntry::Kind::Deadline, task.id, scope.deadline, scope.id);
}

void EngineImpl::shieldOn(TaskRecord &task, CancelCause cause)
{
    ++task.x().openShields;
    emit(EventKind::ShieldOn, task, -1, quint8(cause));
}

void EngineImpl::shieldOff(TaskRecord &task, CancelCause cause)
{
    if (!task.extras || task.extras->openShields == 0)
        return;
    --task.extras->openShields;
    emit(EventKind::ShieldOff, task, -1, quint8(cause));
}

bool EngineImpl::userShieldBlocks(const TaskRecord &task, CancelCause cause, int from) const
{
    if (!task.extras || !task.extras->userShield)
        return false;
    // A request aimed at this very task still reaches it: the user, a `cancel` step holding its
    // handle, asyncio.run()'s shutdown, its own timeouts and its own children's failures.
    switch (cause) {
    case CancelCause::User:
    case CancelCause::Code:
    case CancelCause::Shutdown:
        return false;
    case CancelCause::Timeout:
    case CancelCause::Failure:
        return from >= 0 && from != task.id && m_tasks[std::size_t(from)].owner != task.id;
    case CancelCause::Parent:
    case CancelCause::Awaiter:
        return true;
    }
    return false;
}

void EngineImpl::closeTaskMarks(TaskRecord &task, Flow *flow)
{
    if (!task.extras)
        return;
    auto &scopes = task.extras->scopes;
    int expired = 0;
    for (const auto &scope : scopes) {
        if (scope->user && scope->expired)
            ++expired;
    }
    // asyncio.timeout: leaving the block with the CancelledError its deadline caused raises
    // TimeoutError instead (the same rule as a timeout step, at the end of the task's work).
    if (flow && expired > 0 && m_runtime == Runtime::Asyncio) {
        const bool cancelledAtEnd = flow->isCancellation() || (!flow->abrupt() && task.pendingCancel);
        if (cancelledAtEnd) {
            task.cancelCount = std::max(0, task.cancelCount - expired);
            if (task.cancelCount == 0) {  // Timeout.__aexit__ in 3.11: uncancel() == 0
                task.pendingCancel = false;
                *flow = throwNamed(task, timeoutErrorName(), QString(), true);
            }
        }
    }
    std::vector<int> userScopes;
    for (const auto &scope : scopes) {
        if (scope->user)
            userScopes.push_back(scope->id);
    }
    for (int id : userScopes)
        popScope(task, id);
    if (task.extras->userShield) {
        task.extras->userShield = false;
        shieldOff(task, CancelCause::User);
    }
    while (task.extras->openShields > 0)
        shieldOff(task, CancelCause::Code);
}

bool EngineImpl::userShieldStops(TaskRecord &waiter, TaskRecord &awaited, CancelCause cause, bool waiterCancelled)
{
    if (awaited.done() || !userShieldBlocks(awaited, cause, waiter.id))
        return false;
    requestCancel(awaited, cause, waiter.id);  // stops at the shield: cancel-blocked, kept for later
    if (waiterCancelled)
        waiter.pendingCancel = true;
    wakeSoon(waiter, Wake::Cancelled);
    return true;
}

void EngineImpl::applyTimeoutAction(TaskRecord &task, const UserAction &action)
{
    // As if the rest of the task's work were inside asyncio.timeout / withTimeout entered now: the
    // block is the outermost scope of the task, so a NonCancellable block inside still hides it.
    auto scope = std::make_unique<Scope>();
    scope->kind = Scope::Kind::Timeout;
    scope->id = m_nextScopeId++;
    scope->user = true;
    Scope &ref = *scope;
    auto &scopes = task.x().scopes;
    scopes.insert(scopes.begin(), std::move(scope));
    armDeadline(task, ref, action.durationMs, CancelCause::User);
}

void EngineImpl::applyShieldAction(TaskRecord &task)
{
    TaskExtras &extras = task.x();
    if (!extras.userShield) {
        extras.userShield = true;
        shieldOn(task, CancelCause::User);
        return;
    }
    extras.userShield = false;
    shieldOff(task, CancelCause::User);
    // The request the shield stopped arrives now (Kotlin: the job was cancelled all along; the
    // shield only hid it from the task).
    if (std::exchange(extras.hasBlockedRequest, false))
        requestCancel(task, extras.blockedCause, extras.blockedFrom);
}

} // namespace cascade
