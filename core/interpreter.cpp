// The step interpreter: every task runs as a QCoro::Task coroutine that walks its steps and
// suspends on the scheduler. Errors and cancellation travel as Flow values, never as exceptions.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

namespace {
constexpr qint64 MaxInterpretedSteps = 500'000'000;  // stops loops that never wait and never print
}

EngineImpl::SuspendAwaiter EngineImpl::suspend(TaskRecord &task, WaitKind kind, const QString &on, int target,
                                               qint64 ms)
{
    task.status = TaskStatus::Suspended;
    task.wait = kind;
    task.waitTarget = target;
    if (kind != WaitKind::Work && kind != WaitKind::Yield)
        emit(EventKind::Suspend, task, -1, 0, ms, on);
    if (kind != WaitKind::Work)
        releaseDomain(task);  // any await, even sleep(0), gives the single thread back
    return SuspendAwaiter{&task};
}

bool EngineImpl::throwsOnEntry(const TaskRecord &task, WaitKind kind) const
{
    switch (m_runtime) {
    case Runtime::Asyncio:
        return false;  // asyncio delivers a pending cancel when the await suspends (see afterWake)
    case Runtime::Kotlin:
        return kind != WaitKind::Work && kotlinCancelled(task);
    case Runtime::Swift:
        return kind == WaitKind::Sleep && task.cancelCount > 0;
    }
    return false;
}

Flow EngineImpl::deliver(TaskRecord &task, const QString &at)
{
    Flow flow;
    flow.kind = Flow::Kind::Throw;
    flow.error = Flow::Error::Cancellation;
    if (m_runtime == Runtime::Asyncio)
        task.pendingCancel = false;
    if (m_runtime == Runtime::Kotlin && task.cancelCount == 0 && task.extras) {
        // The cancellation comes from a scope (withTimeout / coroutineScope), not the whole job.
        for (auto it = task.extras->scopes.rbegin(); it != task.extras->scopes.rend(); ++it) {
            if ((*it)->cancelled) {
                flow.scopeId = (*it)->id;
                flow.timeout = (*it)->timeoutCancel;
                break;
            }
        }
    }
    flow.errorId = plainError(flow.timeout ? timeoutErrorName() : cancellationErrorName());
    emit(EventKind::CancelDeliver, task, -1, 0, 0, at);
    return flow;
}

Flow EngineImpl::throwNamed(TaskRecord &task, const QString &errorRef, const QString &messageRef, bool emitRaise)
{
    // Copies first: the arguments may point into m_errors, which internError() may reallocate.
    const QString error = errorRef;
    const QString message = messageRef;
    Flow flow;
    flow.kind = Flow::Kind::Throw;
    flow.error = error == cancellationErrorName() ? Flow::Error::Cancellation : Flow::Error::Named;
    flow.timeout = error == timeoutErrorName();
    flow.errorId = internError(error, message);
    if (emitRaise)
        emit(EventKind::Raise, task, -1, 0, 0, error, message);
    return flow;
}

Flow EngineImpl::afterWake(TaskRecord &task, Wake wake, const QString &at)
{
    switch (wake) {
    case Wake::Abort:
        return Flow{Flow::Kind::Abort};
    case Wake::Error: {
        const int id = task.wakeErrorId;
        task.wakeErrorId = -1;
        const auto [name, message] = m_errors[std::size_t(id)];
        return throwNamed(task, name, message, name != cancellationErrorName());
    }
    case Wake::Cancelled:
        return deliver(task, at);
    case Wake::Normal:
        break;
    }
    if (task.extras && task.extras->injectedErrorId >= 0) {
        const int id = std::exchange(task.extras->injectedErrorId, -1);
        return throwNamed(task, m_errors[std::size_t(id)].first, m_errors[std::size_t(id)].second, true);
    }
    if (m_runtime == Runtime::Asyncio && task.pendingCancel)
        return deliver(task, at);  // cancelled while ready: CancelledError at the await it resumes from
    return Flow{};
}

QString EngineImpl::formatText(const QString &text, const TaskRecord &task, const BlockContext &ctx) const
{
    if (!text.contains(QLatin1Char('{')))
        return text;
    QString out = text;
    out.replace(QStringLiteral("{i}"), QString::number(ctx.loopIndex));
    out.replace(QStringLiteral("{task}"), task.index >= 0 ? QStringLiteral("%1[%2]").arg(task.spec->name).arg(task.index)
                                                           : task.spec->name);
    return out;
}

bool EngineImpl::catchMatches(const CatchClause &clause, const Flow &flow) const
{
    if (!flow.isThrow())
        return false;
    switch (clause.match) {
    case CatchClause::Match::Cancellation:
        return flow.error == Flow::Error::Cancellation;
    case CatchClause::Match::Any:
        // asyncio: `except Exception` misses CancelledError (a BaseException since 3.8).
        return m_runtime != Runtime::Asyncio || flow.error != Flow::Error::Cancellation;
    case CatchClause::Match::Named: {
        const QString name = errorName(flow.errorId);
        if (clause.errorName == QLatin1String("timeout"))
            return flow.timeout;
        // asyncio: a TaskGroup's ExceptionGroup is caught by `except Exception`, not by `except Boom`
        // (that takes `except* Boom`, which the scenario's catch is not).
        return name == clause.errorName;
    }
    }
    return false;
}

Scope &EngineImpl::pushScope(TaskRecord &task, Scope::Kind kind, const Step *step)
{
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->id = m_nextScopeId++;
    scope->step = step;
    Scope &ref = *scope;
    task.x().scopes.push_back(std::move(scope));
    if (kind == Scope::Kind::Shield)
        shieldOn(task, CancelCause::Code);  // Kotlin NonCancellable: the task itself is protected
    return ref;
}

void EngineImpl::popScope(TaskRecord &task, int scopeId)
{
    auto &scopes = task.x().scopes;
    if (Scope *scope = findScope(task, scopeId)) {
        if (scope->kind == Scope::Kind::Timeout)
            emit(EventKind::DeadlineClear, task, -1, 0, scope->deadline);
        else if (scope->kind == Scope::Kind::Shield)
            shieldOff(task, CancelCause::Code);
    }
    scopes.erase(std::remove_if(scopes.begin(), scopes.end(), [&](const auto &s) { return s->id == scopeId; }),
                 scopes.end());
}

int EngineImpl::nameIndexFor(TaskRecord &creator, const TaskSpec &spec, const BlockContext &ctx)
{
    if (!ctx.inLoop)
        return -1;
    // Tasks made by a loop are numbered in the order they start.
    for (auto &[s, n] : creator.x().loopCounters) {
        if (s == &spec)
            return n++;
    }
    creator.x().loopCounters.emplace_back(&spec, 1);
    return 0;
}

// ---------------------------------------------------------------- task body

QCoro::Task<> EngineImpl::runTask(int taskId)
{
    // The leading sleeps and instant steps of a body run in this one small frame; anything else
    // continues in continueTask. A task that only sleeps then needs a single coroutine frame
    // (memory per task is a product target: bench/engine-vs-asyncio.sh).
    TaskRecord &task = m_tasks[std::size_t(taskId)];
    const Steps &body = task.spec->body;
    std::size_t next = 0;
    Flow flow;
    for (; next < body.size(); ++next) {
        const Step &step = body[next];
        task.at = m_locations.indexOf(step);
        if (!preStep(task, &flow))
            break;
        if (execInstant(task, step, BlockContext{}, &flow)) {
            if (flow.abrupt())
                break;
            continue;
        }
        if (step.kind != StepKind::Sleep)
            break;
        if (beginSleep(task, step, &flow)) {
            const Wake wake = co_await SuspendAwaiter{&task};
            flow = afterWake(task, wake, QStringLiteral("sleep"));
        }
        if (flow.abrupt())
            break;
    }
    if (flow.kind == Flow::Kind::Abort)
        co_return;
    if ((!flow.abrupt() && next < body.size()) || needsChildrenWait(task))
        co_await continueTask(task, flow.abrupt() ? body.size() : next, flow);
    else
        finishTaskFlow(task, flow);
}

QCoro::Task<> EngineImpl::runLimitedTask(int taskId, Scope &slots)
{
    // asyncio: a limited group's child runs its body inside `async with slots:` (a frame of its
    // own, so that runTask's, the one every task has, stays small).
    TaskRecord &task = m_tasks[std::size_t(taskId)];
    const Flow acquired = co_await acquireSlot(task, slots);
    if (acquired.kind == Flow::Kind::Abort)
        co_return;
    if (acquired.abrupt())
        finishTaskFlow(task, acquired);
    else
        co_await continueTask(task, 0, Flow{});
}

QCoro::Task<> EngineImpl::continueTask(TaskRecord &task, std::size_t next, Flow flow)
{
    if (next < task.spec->body.size()) {
        flow = co_await execBlock(task, task.spec->body, BlockContext{}, next);
        if (flow.kind == Flow::Kind::Abort)
            co_return;
    }
    if (needsChildrenWait(task)) {
        flow = co_await finishChildren(task, flow);
        if (flow.kind == Flow::Kind::Abort)
            co_return;
    }
    finishTaskFlow(task, flow);
}

void EngineImpl::finishTaskFlow(TaskRecord &task, Flow flow)
{
    if (m_runtime == Runtime::Swift && task.extras) {
        // async let children the body never awaited: awaited at the end, their errors dropped.
        std::vector<int> unawaited;
        for (int id : task.extras->children) {
            const TaskRecord &child = m_tasks[std::size_t(id)];
            if (child.ownerScope < 0 && child.structured && !child.joined)
                unawaited.push_back(id);
        }
        reportDiscardedErrors(task, unawaited, -1);
    }
    task.at = m_locations.indexOf(*task.spec);  // it ends where it was defined
    releaseSlot(task);  // asyncio: `async with slots:` ends
    closeTaskMarks(task, &flow);
    if (task.extras && task.extras->injectedErrorId >= 0) {
        // A failure injected while the task could not take it (CPU work, a group's exit...).
        const int id = std::exchange(task.extras->injectedErrorId, -1);
        const auto [name, message] = m_errors[std::size_t(id)];
        if (!flow.isThrow())
            flow = throwNamed(task, name, message, true);
        else  // already leaving with an error: say so rather than drop the action silently
            emit(EventKind::ActionIgnored, task, -1, 0, 0, QStringLiteral("fail"),
                 QStringLiteral("%1: the task was already ending with %2, so %3 was not raised")
                     .arg(taskPath(task.id), errorName(flow.errorId), name));
    }
    Outcome outcome = Outcome::Completed;
    int errorId = -1;
    const int childFailure = task.extras ? task.extras->failureErrorId : -1;
    if (flow.isThrow()) {
        outcome = flow.error == Flow::Error::Cancellation ? Outcome::Cancelled : Outcome::Failed;
        errorId = flow.errorId;
    } else if (m_runtime == Runtime::Asyncio && task.pendingCancel) {
        outcome = Outcome::Cancelled;  // cancelled right before the coroutine returned
        errorId = plainError(cancellationErrorName());
    } else if (m_runtime == Runtime::Kotlin && task.cancelCount > 0) {
        outcome = Outcome::Cancelled;  // a cancelled job stays cancelled even if its body returned
        errorId = plainError(cancellationErrorName());
    }
    if (m_runtime == Runtime::Kotlin && childFailure >= 0) {
        outcome = Outcome::Failed;  // the child's failure is what the job fails with
        errorId = childFailure;
    }
    task.outcome = outcome;
    task.errorId = errorId;
    emit(EventKind::End, task, -1, quint8(outcome), 0, outcome == Outcome::Completed ? QString() : errorName(errorId),
         errorId >= 0 ? m_errors[std::size_t(errorId)].second : QString());
    taskEnded(task);
}

QCoro::Task<Flow> EngineImpl::finishChildren(TaskRecord &task, Flow flow)
{
    auto live = [&] {
        return std::any_of(task.children().begin(), task.children().end(),
                           [&](int id) { return !m_tasks[std::size_t(id)].done() && m_tasks[std::size_t(id)].structured; });
    };
    if (m_runtime == Runtime::Asyncio || !live())
        co_return flow;
    if (m_runtime == Runtime::Swift) {
        // Leaving the scope cancels every async let that was not awaited, then awaits it.
        for (int id : task.children()) {
            TaskRecord &child = m_tasks[std::size_t(id)];
            if (!child.done() && !child.joined)
                requestCancel(child, CancelCause::Parent, task.id);
        }
    } else if (flow.isThrow() && flow.error == Flow::Error::Named) {
        propagateToChildren(task, -1, CancelCause::Failure, task.id);  // a failing job cancels its children
    }
    task.at = m_locations.indexOf(*task.spec);  // the end of its body waits for its children
    while (live()) {
        const Wake wake = co_await suspend(task, WaitKind::Children, QStringLiteral("children"));
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
    }
    co_return flow;
}

bool EngineImpl::preStep(TaskRecord &task, Flow *flow)
{
    if (!m_abortReason.isEmpty() || m_tearingDown) {
        *flow = Flow{Flow::Kind::Abort};
        return false;
    }
    if (++m_interpretedSteps > MaxInterpretedSteps) {
        m_abortReason = QStringLiteral("stopped: the scenario runs too long without ending");
        *flow = Flow{Flow::Kind::Abort};
        return false;
    }
    if (task.extras && task.extras->injectedErrorId >= 0) {
        const int id = std::exchange(task.extras->injectedErrorId, -1);
        *flow = throwNamed(task, m_errors[std::size_t(id)].first, m_errors[std::size_t(id)].second, true);
        return false;
    }
    return true;
}

bool EngineImpl::execInstant(TaskRecord &task, const Step &step, const BlockContext &ctx, Flow *flow)
{
    switch (step.kind) {
    case StepKind::Print:
        emit(EventKind::Print, task, -1, 0, 0, formatText(step.text, task, ctx));
        return true;
    case StepKind::Raise:
        *flow = throwNamed(task, step.error, formatText(step.text, task, ctx), true);
        return true;
    case StepKind::Checkpoint: {
        if (m_runtime == Runtime::Asyncio)
            return false;  // await asyncio.sleep(0) yields to the loop first
        const bool cancelled = cancelPendingFor(task);
        emit(EventKind::Checkpoint, task, -1, cancelled ? 1 : 0, 0, QStringLiteral("throw"));
        if (cancelled)
            *flow = deliver(task, QStringLiteral("checkpoint"));
        return true;
    }
    case StepKind::IfCancelled: {
        const bool cancelled = isCancelledForCheck(task);
        emit(EventKind::Checkpoint, task, -1, cancelled ? 1 : 0, 0, QStringLiteral("poll"));
        if (!cancelled)
            return true;
        if (step.ifCancelled == IfCancelledAction::Return)
            *flow = Flow{Flow::Kind::Return};
        else if (step.ifCancelled == IfCancelledAction::Break)
            *flow = Flow{Flow::Kind::Break};
        else
            *flow = step.error.isEmpty() ? deliver(task, QStringLiteral("ifCancelled"))
                                         : throwNamed(task, step.error, QString(), true);
        return true;
    }
    case StepKind::Spawn: {
        const TaskSpec &spec = step.tasks.front();
        const bool structured = step.link == SpawnLink::Child;
        const int index = nameIndexFor(task, spec, ctx);
        // Kotlin: launch {} belongs to the innermost scope (coroutineScope, withTimeout,
        // NonCancellable), which is cancelled with it and waits for it.
        int scopeId = -1;
        if (m_runtime == Runtime::Kotlin && structured && task.extras) {
            for (const auto &scope : task.extras->scopes) {
                if (scope->user)
                    continue;  // a user's timeout wraps the task: its launches stay the task's own
                if (scope->kind == Scope::Kind::Group || scope->kind == Scope::Kind::Timeout
                    || scope->kind == Scope::Kind::Shield)
                    scopeId = scope->id;
            }
        }
        for (int i = 0; i < spec.count; ++i) {
            TaskRecord &child = spawn(task, spec, spec.count > 1 ? i : index, structured, scopeId);
            auto &handles = task.x().handles;
            auto it = std::find_if(handles.begin(), handles.end(), [&](const auto &h) { return h.first == &spec; });
            if (it == handles.end())
                handles.emplace_back(&spec, child.id);
            else
                it->second = child.id;  // a handle names the newest task made by this definition
        }
        return true;
    }
    case StepKind::Cancel:
        if (task.extras) {
            for (const auto &[spec, id] : task.extras->handles) {
                if (spec->name == step.target)
                    requestCancel(m_tasks[std::size_t(id)], CancelCause::Code, task.id);
            }
        }
        return true;
    case StepKind::CancelChildren:
        if (Scope *scope = findScope(task, ctx.groupScope)) {
            if (m_runtime != Runtime::Asyncio) {  // asyncio: a loop of task.cancel(), not TaskGroup._abort()
                scope->shuttingDown = true;
                scope->pendingSpecs.resize(std::size_t(scope->consumed));
                scope->pendingIndexes.resize(std::size_t(scope->consumed));
            }
            const std::vector<int> children = scope->children;
            for (int id : children)
                requestCancel(m_tasks[std::size_t(id)], CancelCause::Code, task.id);
        }
        return true;
    case StepKind::Signal:
        sendSignal(step.target);
        return true;
    default:
        return false;
    }
}

bool EngineImpl::beginSleep(TaskRecord &task, const Step &step, Flow *flow)
{
    if (throwsOnEntry(task, WaitKind::Sleep)) {
        *flow = deliver(task, QStringLiteral("sleep"));
        return false;
    }
    suspend(task, WaitKind::Sleep, QStringLiteral("sleep"), -1, step.ms);
    if (m_runtime == Runtime::Asyncio && task.pendingCancel)
        wakeSoon(task, Wake::Cancelled);  // the sleep future is cancelled as soon as it exists
    else
        push(QueueEntry::Kind::Wake, task.id, m_now + step.ms, int(task.waitToken));
    return true;
}

bool EngineImpl::needsChildrenWait(const TaskRecord &task) const
{
    if (m_runtime == Runtime::Asyncio)
        return false;
    return std::any_of(task.children().begin(), task.children().end(), [&](int id) {
        const TaskRecord &child = m_tasks[std::size_t(id)];
        return !child.done() && child.structured;
    });
}

QCoro::Task<Flow> EngineImpl::execBlock(TaskRecord &task, const Steps &steps, BlockContext ctx, std::size_t from)
{
    Flow flow;
    for (std::size_t i = from; i < steps.size(); ++i) {
        const Step &step = steps[i];
        task.at = m_locations.indexOf(step);
        if (!preStep(task, &flow))
            co_return flow;
        if (!execInstant(task, step, ctx, &flow))
            flow = co_await execStep(task, step, ctx);
        if (flow.abrupt())
            co_return flow;
    }
    co_return flow;
}

QCoro::Task<Flow> EngineImpl::execStep(TaskRecord &task, const Step &step, BlockContext ctx)
{
    switch (step.kind) {
    case StepKind::Sleep: {
        Flow flow;
        if (beginSleep(task, step, &flow))
            flow = afterWake(task, co_await SuspendAwaiter{&task}, QStringLiteral("sleep"));
        co_return flow;
    }
    case StepKind::Work:
        co_return co_await execWork(task, step);
    case StepKind::Checkpoint: {
        // asyncio: await asyncio.sleep(0) yields to the loop, then raises a pending cancel.
        auto awaiter = suspend(task, WaitKind::Yield, QString());
        wakeSoon(task, Wake::Normal);
        if (co_await awaiter == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        const bool cancelled = cancelPendingFor(task);
        emit(EventKind::Checkpoint, task, -1, cancelled ? 1 : 0, 0, QStringLiteral("throw"));
        co_return cancelled ? deliver(task, QStringLiteral("checkpoint")) : Flow{};
    }
    case StepKind::Repeat:
    case StepKind::WhileActive:
        co_return co_await execLoop(task, step, ctx);
    case StepKind::Try:
        co_return co_await execTry(task, step, ctx);
    case StepKind::Group:
        if (m_runtime == Runtime::Asyncio)
            co_return co_await execGroupAsyncio(task, step, ctx);
        co_return co_await execGroup(task, step, ctx);
    case StepKind::Gather:
        if (m_runtime == Runtime::Asyncio)
            co_return co_await execGatherAsyncio(task, step, ctx);
        co_return co_await execGather(task, step, ctx);
    case StepKind::Join:
        if (m_runtime == Runtime::Asyncio)
            co_return co_await execJoinAsyncio(task, step);
        co_return co_await execJoin(task, step);
    case StepKind::Timeout:
        if (m_runtime == Runtime::Asyncio)
            co_return co_await execTimeoutAsyncio(task, step, ctx);
        co_return co_await execTimeout(task, step, ctx);
    case StepKind::Shield:
        if (m_runtime == Runtime::Asyncio)
            co_return co_await execShieldAsyncio(task, step);
        co_return co_await execShield(task, step, ctx);
    case StepKind::OnCancel:
        co_return co_await execOnCancel(task, step, ctx);
    case StepKind::WaitSignal: {
        if (m_runtime == Runtime::Asyncio)
            co_return co_await waitSignalAsyncio(task, step.target);
        auto count = std::find_if(m_signalCounts.begin(), m_signalCounts.end(),
                                  [&](const auto &c) { return c.first == step.target; });
        if (count != m_signalCounts.end() && count->second > 0) {
            --count->second;
            co_return Flow{};
        }
        if (throwsOnEntry(task, WaitKind::Signal))
            co_return deliver(task, QStringLiteral("waitSignal"));
        auto waiters = std::find_if(m_signalWaiters.begin(), m_signalWaiters.end(),
                                    [&](const auto &w) { return w.first == step.target; });
        if (waiters == m_signalWaiters.end()) {
            m_signalWaiters.emplace_back(step.target, std::vector<int>{});
            waiters = std::prev(m_signalWaiters.end());
        }
        waiters->second.push_back(task.id);
        auto awaiter = suspend(task, WaitKind::Signal, QStringLiteral("signal %1").arg(step.target));
        const Wake wake = co_await awaiter;
        co_return afterWake(task, wake, QStringLiteral("waitSignal"));
    }
    default:
        co_return Flow{};  // instant steps never get here
    }
}

QCoro::Task<Flow> EngineImpl::execTry(TaskRecord &task, const Step &step, BlockContext ctx)
{
    Flow flow = co_await execBlock(task, step.body, ctx);
    if (flow.kind == Flow::Kind::Abort)
        co_return flow;
    for (const CatchClause &clause : step.catches) {
        if (!catchMatches(clause, flow))
            continue;
        task.at = m_locations.indexOf(clause);
        emit(EventKind::Catch, task, -1, clause.rethrow ? 1 : 0, 0, errorName(flow.errorId));
        const Flow caught = flow;
        flow = co_await execBlock(task, clause.body, ctx);
        if (flow.kind == Flow::Kind::Abort)
            co_return flow;
        if (!flow.abrupt() && clause.rethrow)
            flow = caught;
        break;
    }
    if (!step.finallyBody.empty() || step.catches.empty()) {
        const QString kind = m_runtime == Runtime::Swift ? QStringLiteral("defer") : QStringLiteral("finally");
        task.at = m_locations.finallyOf(step);
        emit(EventKind::CleanupEnter, task, -1, 0, 0, kind);
        const Flow cleanup = co_await execBlock(task, step.finallyBody, ctx);
        if (cleanup.kind == Flow::Kind::Abort)
            co_return cleanup;
        task.at = m_locations.finallyOf(step);
        emit(EventKind::CleanupExit, task, -1, 0, 0, kind);
        if (cleanup.abrupt())
            flow = cleanup;  // an error in finally replaces the one in flight
    }
    co_return flow;
}

} // namespace cascade
