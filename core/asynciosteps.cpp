// asyncio's constructs, each written after CPython 3.11's own code: Task.cancel, TaskGroup
// (taskgroups.py), gather, shield and wait_for (tasks.py), timeout (timeouts.py) and the
// Semaphore of a limited group (locks.py). The loop turns they take are asyncioloop.cpp's.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

Flow EngineImpl::taskResult(const TaskRecord &target) const
{
    // What awaiting a finished task gives: its value, its error (a TimeoutError stays one: `except
    // TimeoutError` and a timeout's "or null" know it), or its cancellation.
    Flow flow;
    if (target.outcome == Outcome::Completed)
        return flow;
    flow.kind = Flow::Kind::Throw;
    flow.error = target.outcome == Outcome::Cancelled ? Flow::Error::Cancellation : Flow::Error::Named;
    flow.errorId = target.errorId;
    flow.timeout = errorName(target.errorId) == timeoutErrorName();
    return flow;
}

// ---------------------------------------------------------------- Task.cancel

void EngineImpl::requestCancelAsyncio(TaskRecord &task)
{
    // Task.cancel(): a task that is ready gets CancelledError at its next step (_must_cancel);
    // a task that waits has the future it waits on cancelled.
    if (task.status != TaskStatus::Suspended || task.wakeQueued) {
        task.pendingCancel = true;
        return;
    }
    switch (task.wait) {
    case WaitKind::Sleep:
    case WaitKind::Signal:
    case WaitKind::Hop:
    case WaitKind::Group:    // TaskGroup.__aexit__ waits on _on_completed_fut
    case WaitKind::WaitFor:  // wait_for waits on its own waiter future
        wakeSoon(task, Wake::Cancelled);
        break;
    case WaitKind::Slot:
        if (Scope *scope = slotScopeOf(task)) {
            for (Scope::SlotWaiter &waiter : scope->slotWaiters) {
                if (waiter.task == task.id && !waiter.granted)
                    waiter.cancelled = true;
            }
        }
        wakeSoon(task, Wake::Cancelled);
        break;
    case WaitKind::Shield: {
        TaskRecord &inner = m_tasks[std::size_t(task.waitTarget)];
        if (!inner.done())
            emit(EventKind::CancelBlocked, inner, task.id, quint8(BlockedBy::Shield));
        task.x().shieldOuterCancelled = true;  // shield()'s outer future, not set yet
        wakeSoon(task, Wake::Cancelled);
        break;
    }
    case WaitKind::Join: {
        TaskRecord &target = m_tasks[std::size_t(task.waitTarget)];
        const Step *join = task.at >= 0 ? m_locations.at(task.at).step : nullptr;
        const bool timeout = join && join->kind == StepKind::Join && join->ms > 0;
        const bool shield = join && join->kind == StepKind::Join && join->shield;
        if (timeout) {
            wakeSoon(task, Wake::Cancelled);  // wait_for's waiter
        } else if (shield) {
            if (!target.done())
                emit(EventKind::CancelBlocked, target, task.id, quint8(BlockedBy::Shield));
            task.x().shieldOuterCancelled = true;
            wakeSoon(task, Wake::Cancelled);  // shield()'s outer future
        } else if (!userShieldStops(task, target, CancelCause::Awaiter, true)) {
            task.waitCancelled = true;  // `await task`: the awaited task is what gets cancelled
            requestCancel(target, CancelCause::Awaiter, task.id);
        }
        break;
    }
    case WaitKind::Gather: {
        // gather's outer future: cancel() cancels its children; it is done when they are.
        Scope *scope = findScope(task, task.waitTarget);
        bool reached = false;
        if (scope && !scope->outerDone) {
            const std::vector<int> children = scope->children;
            for (int id : children) {
                if (!m_tasks[std::size_t(id)].done()) {
                    reached = true;
                    requestCancel(m_tasks[std::size_t(id)], CancelCause::Parent, task.id);
                }
            }
            if (reached)
                scope->outerCancelRequested = true;
        }
        if (reached)
            task.waitCancelled = true;
        else
            task.pendingCancel = true;  // nothing to cancel: the task's next step raises it
        break;
    }
    default:
        task.pendingCancel = true;
        break;
    }
}

// ---------------------------------------------------------------- TaskGroup

void EngineImpl::abortGroup(TaskRecord &parent, Scope &scope, CancelCause cause)
{
    scope.shuttingDown = true;  // TaskGroup._abort
    const std::vector<int> children = scope.children;
    for (int id : children) {
        if (!m_tasks[std::size_t(id)].done())
            requestCancel(m_tasks[std::size_t(id)], cause, parent.id);
    }
}

QCoro::Task<Flow> EngineImpl::execGroupAsyncio(TaskRecord &task, const Step &step, BlockContext ctx)
{
    if (step.groupKind == GroupKind::Tolerant) {
        co_return co_await execGatherAsyncio(task, step, ctx);  // gather(..., return_exceptions=True)
    }
    Scope &scope = pushScope(task, Scope::Kind::Group, &step);
    const int scopeId = scope.id;
    scope.slots = step.limit;
    for (const TaskSpec &spec : step.tasks) {
        const int loopIndex = spec.count > 1 ? -1 : nameIndexFor(task, spec, ctx);
        for (int i = 0; i < spec.count; ++i)
            spawn(task, spec, spec.count > 1 ? i : loopIndex, true, scopeId);
    }
    BlockContext inner = ctx;
    inner.groupScope = scopeId;
    const Flow body = co_await execBlock(task, step.body, inner);
    if (body.kind == Flow::Kind::Abort)
        co_return body;
    task.at = m_locations.indexOf(step);

    // TaskGroup.__aexit__(et, exc)
    scope.exiting = true;
    bool propagate = body.isCancellation();
    Flow cancellation = body;
    if (scope.parentCancelRequested) {
        task.cancelCount = std::max(0, task.cancelCount - 1);  // uncancel()
        if (task.cancelCount == 0)
            propagate = false;
    }
    if (body.isThrow() && !scope.shuttingDown)
        abortGroup(task, scope, CancelCause::Parent);
    QStringList extraErrors;
    while (scope.completionOrder.size() < scope.children.size()) {
        const Wake wake = co_await suspend(task, WaitKind::Group, QStringLiteral("group"), scopeId);
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        const Flow woke = afterWake(task, wake, QStringLiteral("TaskGroup"));
        if (woke.isCancellation()) {
            if (!scope.shuttingDown) {  // the parent task is being cancelled
                propagate = true;
                cancellation = woke;
                abortGroup(task, scope, CancelCause::Parent);
            }
        } else if (woke.isThrow()) {
            extraErrors << errorName(woke.errorId);  // a user's failure raised inside __aexit__
            if (!scope.shuttingDown)
                abortGroup(task, scope, CancelCause::Parent);
        }
    }
    QStringList errors;
    for (int id : scope.completionOrder) {
        const TaskRecord &child = m_tasks[std::size_t(id)];
        if (child.outcome == Outcome::Failed)
            errors << errorName(child.errorId);
    }
    errors << extraErrors;
    Flow result = body;
    if (propagate && errors.isEmpty()) {
        result = cancellation;
    } else {
        if (body.isThrow() && !body.isCancellation())
            errors << errorName(body.errorId);
        if (!errors.isEmpty())
            result = throwNamed(task, QStringLiteral("ExceptionGroup"), errors.join(QStringLiteral(", ")), true);
    }
    popScope(task, scopeId);
    co_return result;
}

// ---------------------------------------------------------------- gather

void EngineImpl::armGather(Scope &scope)
{
    // gather() adds its callback to every child; one that is done already has it called soon.
    scope.gatherArmed = true;
    for (int id : scope.children) {
        if (m_tasks[std::size_t(id)].done())
            push(QueueEntry::Kind::ChildDone, id, m_now);
    }
}

QCoro::Task<Flow> EngineImpl::execGatherAsyncio(TaskRecord &task, const Step &step, BlockContext ctx)
{
    // A gather step, or a tolerant group: its tasks start, its steps run (they are no scope:
    // gather() comes after them), then gather(*tasks, return_exceptions=True).
    Scope &scope = pushScope(task, Scope::Kind::Gather, &step);
    const int scopeId = scope.id;
    const bool tolerant = step.kind == StepKind::Group;
    scope.returnExceptions = tolerant;
    scope.slots = tolerant ? step.limit : 0;
    scope.gatherArmed = !tolerant || step.body.empty();
    for (const TaskSpec &spec : step.tasks) {
        const int loopIndex = spec.count > 1 ? -1 : nameIndexFor(task, spec, ctx);
        for (int i = 0; i < spec.count; ++i)
            spawn(task, spec, spec.count > 1 ? i : loopIndex, true, scopeId);
    }
    if (tolerant && !step.body.empty()) {
        BlockContext inner = ctx;
        inner.groupScope = scopeId;
        const Flow body = co_await execBlock(task, step.body, inner);
        if (body.kind == Flow::Kind::Abort)
            co_return body;
        task.at = m_locations.indexOf(step);
        if (body.abrupt()) {
            // The steps left before gather(): the tasks run on, awaited by no one (a limited group
            // keeps its scope: the tasks still share its slots).
            for (int id : scope.children)
                m_tasks[std::size_t(id)].structured = false;
            if (step.limit == 0)
                popScope(task, scopeId);
            co_return body;
        }
        armGather(scope);
    }
    const Flow result = co_await gatherWait(task, scope);
    if (result.abrupt()) {
        for (int id : scope.children)
            m_tasks[std::size_t(id)].structured = false;  // gather is over: nobody's children any more
    }
    popScope(task, scopeId);
    co_return result;
}

QCoro::Task<Flow> EngineImpl::gatherWait(TaskRecord &task, Scope &scope)
{
    const QString at = QStringLiteral("gather");
    task.waitCancelled = false;
    if (task.pendingCancel && !scope.outerDone) {
        // Cancelled while ready: __step passes the cancel on to the future it now awaits.
        bool reached = false;
        const std::vector<int> children = scope.children;
        for (int id : children) {
            if (!m_tasks[std::size_t(id)].done()) {
                reached = true;
                requestCancel(m_tasks[std::size_t(id)], CancelCause::Parent, task.id);
            }
        }
        if (reached) {
            scope.outerCancelRequested = true;
            task.pendingCancel = false;
            task.waitCancelled = true;
        }
    }
    while (!scope.outerDone) {
        const Wake wake = co_await suspend(task, WaitKind::Gather, at, scope.id);
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        const Flow woke = afterWake(task, wake, at);
        if (woke.abrupt()) {
            task.waitCancelled = false;
            co_return woke;
        }
    }
    Flow result;
    if (scope.outerErrorId >= 0) {
        if (errorName(scope.outerErrorId) == cancellationErrorName() && task.waitCancelled) {
            result = deliver(task, at);  // the cancel this task sent down came back up
        } else if (errorName(scope.outerErrorId) == cancellationErrorName()) {
            result.kind = Flow::Kind::Throw;  // a child was cancelled by someone else: it propagates
            result.error = Flow::Error::Cancellation;
            result.errorId = scope.outerErrorId;
        } else {
            // gather raises the child's error in the awaiting task.
            result = throwNamed(task, errorName(scope.outerErrorId), m_errors[std::size_t(scope.outerErrorId)].second, true);
        }
    }
    task.waitCancelled = false;
    co_return result;
}

// ---------------------------------------------------------------- await task, shield, wait_for

QCoro::Task<Flow> EngineImpl::execJoinAsyncio(TaskRecord &task, const Step &step)
{
    int targetId = -1;
    if (task.extras) {
        for (const auto &[spec, id] : task.extras->handles) {
            if (spec->name == step.target)
                targetId = id;
        }
    }
    if (targetId < 0)
        co_return Flow{};  // the task was never started: nothing to await
    TaskRecord &target = m_tasks[std::size_t(targetId)];
    target.joined = true;
    task.waitCancelled = false;
    const QString on = QStringLiteral("join %1").arg(taskPath(targetId));

    if (step.ms <= 0) {
        // `await task` / `await asyncio.shield(task)`: a done task gives its result at once.
        if (target.done())
            co_return taskResult(target);
        if (step.shield) {
            shieldOn(target, CancelCause::Code);
            task.x().shieldOuterDone = false;
            task.x().shieldOuterCancelled = false;
        }
        auto outerPending = [&] { return step.shield ? !task.extras->shieldOuterDone : !target.done(); };
        Flow result;
        bool cancelledOuter = false;
        if (task.pendingCancel) {
            if (step.shield) {
                emit(EventKind::CancelBlocked, target, task.id, quint8(BlockedBy::Shield));
                cancelledOuter = true;
            } else if (!userShieldStops(task, target, CancelCause::Awaiter, true)) {
                task.pendingCancel = false;
                task.waitCancelled = true;
                requestCancel(target, CancelCause::Awaiter, task.id);
            }
        }
        while (outerPending()) {
            if (!target.done())
                target.x().joiners.push_back(task.id);
            task.joinHops = 0;
            auto awaiter = suspend(task, WaitKind::Join, on, targetId);
            if (cancelledOuter)
                wakeSoon(task, Wake::Cancelled);
            const Wake wake = co_await awaiter;
            if (wake == Wake::Abort)
                co_return Flow{Flow::Kind::Abort};
            result = afterWake(task, wake, QStringLiteral("join"));
            if (result.abrupt())
                break;
        }
        if (!result.abrupt()) {
            if (std::exchange(task.waitCancelled, false) && target.outcome == Outcome::Cancelled)
                result = deliver(task, QStringLiteral("join"));
            else
                result = taskResult(target);
        }
        task.waitCancelled = false;
        if (step.shield && !target.done())
            shieldOff(target, CancelCause::Code);
        co_return result;
    }

    // wait_for(task, t) / wait_for(shield(task), t): wait_for awaits a waiter future that the
    // task's end (through shield's outer future) or the timer releases.
    Scope &scope = pushScope(task, Scope::Kind::Timeout, &step);
    const int scopeId = scope.id;
    armDeadline(task, scope, step.ms, CancelCause::Code);
    const bool shield = step.shield && !target.done();  // shield() of a done task is the task itself
    if (shield) {
        shieldOn(target, CancelCause::Code);
        task.x().shieldOuterDone = false;
        task.x().shieldOuterCancelled = false;
    }
    // fut.done(): the awaited task has ended, or shield()'s outer future has been set.
    auto futDone = [&] { return shield ? task.extras->shieldOuterDone : target.done(); };
    Flow result;
    bool first = true;
    for (;;) {
        Wake wake = Wake::Normal;
        if (first && target.done()) {
            wake = co_await waitTurns(task, 2);  // the callback of a done task, then the wake-up
        } else if (!futDone()) {
            if (!target.done())
                target.x().joiners.push_back(task.id);
            task.joinHops = 1;
            auto awaiter = suspend(task, WaitKind::Join, on, targetId);
            if (first && task.pendingCancel) {
                task.pendingCancel = false;  // __step cancels the waiter future
                wakeSoon(task, Wake::Cancelled);
            }
            wake = co_await awaiter;
        }
        first = false;
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        const Flow woke = afterWake(task, wake, QStringLiteral("join"));
        if (woke.isCancellation()) {
            // except CancelledError: the result if fut is done, else _cancel_and_wait(fut); raise
            if (futDone()) {
                result = taskResult(target);
            } else {
                const Flow waited = co_await cancelAndWait(task, target, CancelCause::Parent, shield);
                if (waited.kind == Flow::Kind::Abort)
                    co_return waited;
                result = waited.abrupt() ? waited : woke;
            }
            break;
        }
        if (woke.abrupt()) {
            result = woke;
            break;
        }
        if (futDone()) {
            result = taskResult(target);
            break;
        }
        if (scope.expired) {
            const Flow waited = co_await cancelAndWait(task, target, CancelCause::Timeout, shield);
            if (waited.kind == Flow::Kind::Abort)
                co_return waited;
            if (waited.abrupt())
                result = waited;
            else if (shield || target.outcome == Outcome::Cancelled || !target.done())
                result = throwNamed(task, timeoutErrorName(), QString(), true);
            else
                result = taskResult(target);
            break;
        }
    }
    if (shield && !target.done())
        shieldOff(target, CancelCause::Code);
    popScope(task, scopeId);
    co_return result;
}

QCoro::Task<Flow> EngineImpl::execShieldAsyncio(TaskRecord &task, const Step &step)
{
    // await asyncio.shield(inner()): the inner work is a task of its own; the awaiter waits on
    // shield's outer future, which a cancel of the awaiter cancels and the inner task's end sets.
    TaskRecord &inner = spawn(task, innerSpecFor(step, QStringLiteral("shielded")), -1, false, -1);
    inner.shieldInner = true;
    shieldOn(inner, CancelCause::Code);  // from its first moment to its end
    task.x().shieldOuterDone = false;
    task.x().shieldOuterCancelled = false;
    bool cancelled = false;
    if (task.pendingCancel) {
        task.pendingCancel = false;  // __step cancels the outer future it now awaits
        emit(EventKind::CancelBlocked, inner, task.id, quint8(BlockedBy::Shield));
        task.x().shieldOuterCancelled = true;
        cancelled = true;
    }
    while (!task.extras->shieldOuterDone) {
        if (!inner.done())
            inner.x().joiners.push_back(task.id);
        auto awaiter = suspend(task, WaitKind::Shield, QStringLiteral("shield"), inner.id);
        if (cancelled)
            wakeSoon(task, Wake::Cancelled);
        const Wake wake = co_await awaiter;
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        const Flow woke = afterWake(task, wake, QStringLiteral("shield"));
        if (woke.abrupt())
            co_return woke;
    }
    co_return taskResult(inner);
}

QCoro::Task<Flow> EngineImpl::execWaitForAsyncio(TaskRecord &task, const Step &step)
{
    // await asyncio.wait_for(inner(), timeout): the inner work runs as its own task.
    Scope &scope = pushScope(task, Scope::Kind::Timeout, &step);
    const int scopeId = scope.id;
    Flow result;
    if (step.ms <= 0) {
        // timeout <= 0: no timer; the inner task is cancelled at once (before it ever runs).
        scope.ms = 0;
        scope.deadline = m_now;
        emit(EventKind::DeadlineSet, task, -1, quint8(CancelCause::Code), 0);
        TaskRecord &inner = spawn(task, innerSpecFor(step, QStringLiteral("wait_for")), -1, true, scopeId);
        scope.expired = true;
        emit(EventKind::Timeout, task, -1, 0, 0);
        const Flow waited = co_await cancelAndWait(task, inner, CancelCause::Timeout, false);
        if (waited.kind == Flow::Kind::Abort)
            co_return waited;
        if (waited.abrupt())
            result = waited;
        else if (inner.outcome == Outcome::Cancelled)
            result = throwNamed(task, timeoutErrorName(), QString(), true);
        else
            result = taskResult(inner);
    } else {
        armDeadline(task, scope, step.ms, CancelCause::Code);
        TaskRecord &inner = spawn(task, innerSpecFor(step, QStringLiteral("wait_for")), -1, true, scopeId);
        bool first = true;
        for (;;) {
            inner.x().joiners.push_back(task.id);
            task.joinHops = 1;  // the inner task's callback releases the waiter, which wakes the task
            auto awaiter = suspend(task, WaitKind::WaitFor, QStringLiteral("wait_for"), inner.id);
            if (first && task.pendingCancel) {
                task.pendingCancel = false;
                wakeSoon(task, Wake::Cancelled);
            }
            first = false;
            const Wake wake = co_await awaiter;
            if (wake == Wake::Abort)
                co_return Flow{Flow::Kind::Abort};
            const Flow woke = afterWake(task, wake, QStringLiteral("wait_for"));
            if (woke.isCancellation()) {
                if (inner.done()) {
                    result = taskResult(inner);  // `if fut.done(): return fut.result()`
                } else {
                    const Flow waited = co_await cancelAndWait(task, inner, CancelCause::Parent, false);
                    if (waited.kind == Flow::Kind::Abort)
                        co_return waited;
                    result = waited.abrupt() ? waited : woke;
                }
                break;
            }
            if (woke.abrupt()) {
                result = woke;
                break;
            }
            if (inner.done()) {
                result = taskResult(inner);
                break;
            }
            if (scope.expired) {
                const Flow waited = co_await cancelAndWait(task, inner, CancelCause::Timeout, false);
                if (waited.kind == Flow::Kind::Abort)
                    co_return waited;
                if (waited.abrupt())
                    result = waited;
                else if (inner.outcome == Outcome::Cancelled || !inner.done())
                    result = throwNamed(task, timeoutErrorName(), QString(), true);
                else
                    result = taskResult(inner);
                break;
            }
        }
    }
    popScope(task, scopeId);
    if (step.orNull && result.isThrow() && result.timeout)
        result = Flow{};
    co_return result;
}

QCoro::Task<Flow> EngineImpl::execTimeoutAsyncio(TaskRecord &task, const Step &step, BlockContext ctx)
{
    if (step.timeoutStyle == TimeoutStyle::WaitFor)
        co_return co_await execWaitForAsyncio(task, step);
    // async with asyncio.timeout(s): at the deadline the task itself is cancelled; leaving the block
    // with that CancelledError, and no other cancel pending, raises TimeoutError.
    Scope &scope = pushScope(task, Scope::Kind::Timeout, &step);
    const int scopeId = scope.id;
    armDeadline(task, scope, step.ms, CancelCause::Code);
    Flow result = co_await execBlock(task, step.body, ctx);
    if (result.kind == Flow::Kind::Abort)
        co_return result;
    task.at = m_locations.indexOf(step);
    if (scope.expired) {
        // Timeout.__aexit__ (3.11): `if self._task.uncancel() == 0 and exc_type is CancelledError:
        // raise TimeoutError` -- with another cancel still counted, the CancelledError goes on.
        task.cancelCount = std::max(0, task.cancelCount - 1);
        if (task.cancelCount == 0 && result.isCancellation())
            result = throwNamed(task, timeoutErrorName(), QString(), true);
    }
    popScope(task, scopeId);
    if (step.orNull && result.isThrow() && result.timeout)
        result = Flow{};
    co_return result;
}

} // namespace cascade
