// Steps that open a scope or wait for other tasks: groups, await-several, join, timeouts, shields
// and cancellation handlers, each with the rules of the three runtimes.

#include "engineimpl.h"
#include "loaderwords.h"

#include <algorithm>

namespace cascade {

namespace {

Flow resultOf(const TaskRecord &target)
{
    // What awaiting a finished task gives: its value, its error, or its cancellation.
    Flow flow;
    if (target.outcome == Outcome::Completed)
        return flow;
    flow.kind = Flow::Kind::Throw;
    flow.error = target.outcome == Outcome::Cancelled ? Flow::Error::Cancellation : Flow::Error::Named;
    flow.errorId = target.errorId;
    return flow;
}

} // namespace

const TaskSpec &EngineImpl::innerSpecFor(const Step &step, const QString &defaultName)
{
    for (const auto &[s, spec] : m_innerSpecs) {
        if (s == &step)
            return *spec;
    }
    auto spec = std::make_unique<TaskSpec>();
    spec->name = step.target.isEmpty() ? defaultName : step.target;
    spec->body = step.body;
    m_locations.addInnerTaskCopy(*spec, step);
    m_innerSpecs.emplace_back(&step, std::move(spec));
    return *m_innerSpecs.back().second;
}

void EngineImpl::startPendingGroupChildren(TaskRecord &parent, Scope &scope)
{
    const int limit = scope.step->limit;
    auto running = [&] {
        return int(std::count_if(scope.children.begin(), scope.children.end(),
                                 [&](int id) { return !m_tasks[std::size_t(id)].done(); }));
    };
    std::size_t next = std::size_t(scope.consumed);
    while (!scope.shuttingDown && next < scope.pendingSpecs.size() && (limit <= 0 || running() < limit)) {
        spawn(parent, *scope.pendingSpecs[next], scope.pendingIndexes[next], true, scope.id);
        ++next;
    }
    scope.consumed = int(next);
}

QCoro::Task<Flow> EngineImpl::execGroup(TaskRecord &task, const Step &step, BlockContext ctx)
{
    Scope &scope = pushScope(task, Scope::Kind::Group, &step);
    const int scopeId = scope.id;
    task.waitCancelled = false;  // set when a cancel reaches the task while it waits for the group
    for (const TaskSpec &spec : step.tasks) {
        const int loopIndex = spec.count > 1 ? -1 : nameIndexFor(task, spec, ctx);
        for (int i = 0; i < spec.count; ++i) {
            if (step.limit > 0) {  // only a limited group keeps a waiting list
                scope.pendingSpecs.push_back(&spec);
                scope.pendingIndexes.push_back(spec.count > 1 ? i : loopIndex);
            } else {
                spawn(task, spec, spec.count > 1 ? i : loopIndex, true, scopeId);
            }
        }
    }
    startPendingGroupChildren(task, scope);

    BlockContext inner = ctx;
    inner.groupScope = scopeId;
    const Flow body = co_await execBlock(task, step.body, inner);
    if (body.kind == Flow::Kind::Abort)
        co_return body;
    task.at = m_locations.indexOf(step);  // back at the group: its exit waits for the children
    if (body.isThrow()) {
        // Leaving the group with an error (or the parent's cancellation) cancels the children.
        scope.shuttingDown = true;
        scope.pendingSpecs.resize(std::size_t(scope.consumed));
        scope.pendingIndexes.resize(std::size_t(scope.consumed));
        const std::vector<int> children = scope.children;
        for (int id : children) {
            if (!m_tasks[std::size_t(id)].done())
                requestCancel(m_tasks[std::size_t(id)], CancelCause::Parent, task.id);
        }
    }

    const bool strict = step.groupKind == GroupKind::Strict;
    auto processSwiftResults = [&] {
        // Swift: child errors reach the parent only through next(), in completion order.
        while (strict && scope.failedChild < 0 && !scope.completionOrder.empty()) {
            const int id = scope.completionOrder.front();
            scope.completionOrder.erase(scope.completionOrder.begin());
            const TaskRecord &child = m_tasks[std::size_t(id)];
            if (child.outcome == Outcome::Completed)
                continue;
            scope.failedChild = id;
            scope.failureErrorId = child.errorId;
            scope.shuttingDown = true;
            scope.pendingSpecs.resize(std::size_t(scope.consumed));
            scope.pendingIndexes.resize(std::size_t(scope.consumed));
            const std::vector<int> children = scope.children;
            for (int other : children)
                requestCancel(m_tasks[std::size_t(other)], CancelCause::Failure, id);
        }
    };
    auto allDone = [&] {
        return !scope.hasPending()
            && std::all_of(scope.children.begin(), scope.children.end(),
                           [&](int id) { return m_tasks[std::size_t(id)].done(); });
    };
    for (;;) {
        if (m_runtime == Runtime::Swift)
            processSwiftResults();
        if (allDone())
            break;
        const Wake wake = co_await suspend(task, WaitKind::Group, QStringLiteral("group"), scopeId);
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
    }

    Flow result = body;
    switch (m_runtime) {
    case Runtime::Asyncio:
        break;  // asynciosteps.cpp
    case Runtime::Kotlin:
        if (strict && scope.failureErrorId >= 0)
            result = throwNamed(task, errorName(scope.failureErrorId), m_errors[std::size_t(scope.failureErrorId)].second,
                                false);
        else if (!body.abrupt() && kotlinCancelled(task))
            result = deliver(task, strict ? QStringLiteral("coroutineScope") : QStringLiteral("supervisorScope"));
        break;
    case Runtime::Swift: {
        const bool rethrows = strict && scope.failureErrorId >= 0;
        if (rethrows)
            result = throwNamed(task, errorName(scope.failureErrorId), m_errors[std::size_t(scope.failureErrorId)].second,
                                false);
        reportDiscardedErrors(task, scope.children, rethrows ? scope.failedChild : -1);
        break;
    }
    }
    popScope(task, scopeId);
    co_return result;
}

void EngineImpl::reportDiscardedErrors(TaskRecord &parent, const std::vector<int> &children, int propagated)
{
    for (int id : children) {
        const TaskRecord &child = m_tasks[std::size_t(id)];
        if (id != propagated && child.done() && child.outcome == Outcome::Failed)
            emit(EventKind::ErrorDiscarded, parent, id, 0, 0, errorName(child.errorId));
    }
}

QCoro::Task<Flow> EngineImpl::execGather(TaskRecord &task, const Step &step, BlockContext ctx)
{
    Scope &scope = pushScope(task, Scope::Kind::Gather, &step);
    const int scopeId = scope.id;
    task.waitCancelled = false;
    std::vector<std::pair<QString, int>> started;  // name -> task id, in declaration order
    for (const TaskSpec &spec : step.tasks) {
        const int loopIndex = spec.count > 1 ? -1 : nameIndexFor(task, spec, ctx);
        for (int i = 0; i < spec.count; ++i) {
            TaskRecord &child = spawn(task, spec, spec.count > 1 ? i : loopIndex, true, scopeId);
            started.emplace_back(spec.name, child.id);
        }
    }
    auto allDone = [&] {
        return std::all_of(started.begin(), started.end(),
                           [&](const auto &s) { return m_tasks[std::size_t(s.second)].done(); });
    };

    Flow result;
    if (m_runtime == Runtime::Swift) {
        // async let: awaited one by one in the written order; a plain await never throws by itself.
        int propagated = -1;  // the child whose error leaves the scope
        QStringList order = step.awaitOrder;
        if (order.isEmpty()) {
            for (const TaskSpec &spec : step.tasks)
                order << spec.name;
        }
        for (const QString &name : std::as_const(order)) {
            for (const auto &[childName, id] : started) {
                if (childName != name)
                    continue;
                TaskRecord &child = m_tasks[std::size_t(id)];
                while (!child.done()) {
                    const Wake wake = co_await suspend(task, WaitKind::AsyncLet, QStringLiteral("async let %1").arg(name), id);
                    if (wake == Wake::Abort)
                        co_return Flow{Flow::Kind::Abort};
                }
                child.joined = true;
                if (child.outcome == Outcome::Completed)
                    continue;
                result = resultOf(child);
                propagated = id;
                // Leaving the scope by an error cancels the other async lets and awaits them.
                for (const auto &other : started)
                    requestCancel(m_tasks[std::size_t(other.second)], CancelCause::Failure, id);
                while (!allDone()) {
                    const Wake wake = co_await suspend(task, WaitKind::Gather, QStringLiteral("async let"), scopeId);
                    if (wake == Wake::Abort)
                        co_return Flow{Flow::Kind::Abort};
                }
                break;
            }
            if (result.abrupt())
                break;
        }
        std::vector<int> children;
        for (const auto &s : started)
            children.push_back(s.second);
        reportDiscardedErrors(task, children, propagated);
        popScope(task, scopeId);
        co_return result;
    }

    if (m_runtime == Runtime::Kotlin && kotlinCancelled(task)) {
        popScope(task, scopeId);
        co_return deliver(task, QStringLiteral("awaitAll"));
    }
    const QString on = QStringLiteral("awaitAll");
    while (!allDone()) {
        auto awaiter = suspend(task, WaitKind::Gather, on, scopeId);
        const Wake wake = co_await awaiter;
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        if (wake == Wake::Error || wake == Wake::Cancelled) {
            result = afterWake(task, wake, on);
            break;
        }
    }
    popScope(task, scopeId);
    co_return result;
}

QCoro::Task<Flow> EngineImpl::execJoin(TaskRecord &task, const Step &step)
{
    int targetId = -1;
    if (task.extras) {
        for (const auto &[spec, id] : task.extras->handles) {
            if (spec->name == step.target)
                targetId = id;
        }
    }
    if (targetId < 0)
        co_return Flow{};
    TaskRecord &target = m_tasks[std::size_t(targetId)];
    target.joined = true;
    task.waitCancelled = false;
    const QString on = QStringLiteral("join %1").arg(taskPath(targetId));
    if (throwsOnEntry(task, WaitKind::Join))
        co_return deliver(task, QStringLiteral("join"));

    int timeoutScope = -1;
    int shieldScope = -1;
    if (step.ms > 0) {
        Scope &scope = pushScope(task, Scope::Kind::Timeout, &step);
        timeoutScope = scope.id;
        armDeadline(task, scope, step.ms, CancelCause::Code);
    }
    if (step.shield && m_runtime == Runtime::Kotlin)
        shieldScope = pushScope(task, Scope::Kind::Shield, &step).id;

    Flow result;
    while (!target.done()) {
        target.x().joiners.push_back(task.id);
        const Wake wake = co_await suspend(task, WaitKind::Join, on, targetId);
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        if (wake != Wake::Normal) {
            result = afterWake(task, wake, QStringLiteral("join"));
            break;
        }
    }
    if (!result.abrupt() && target.done() && m_runtime == Runtime::Swift)
        result = resultOf(target);  // await task.value rethrows the task's error
    task.waitCancelled = false;
    if (shieldScope >= 0) {
        popScope(task, shieldScope);
        if (!result.abrupt() && kotlinCancelled(task))
            result = deliver(task, QStringLiteral("withContext"));
    }
    if (timeoutScope >= 0) {
        Scope *scope = findScope(task, timeoutScope);
        if (m_runtime == Runtime::Kotlin && scope && scope->expired && result.isCancellation() && task.cancelCount == 0)
            result = throwNamed(task, timeoutErrorName(), QString(), false);
        popScope(task, timeoutScope);
    }
    co_return result;
}

QCoro::Task<Flow> EngineImpl::execTimeout(TaskRecord &task, const Step &step, BlockContext ctx)
{
    Scope &scope = pushScope(task, Scope::Kind::Timeout, &step);
    const int scopeId = scope.id;
    armDeadline(task, scope, step.ms, CancelCause::Code);

    // Kotlin's withTimeout (asyncio's timeouts are asynciosteps.cpp's; Swift has none).
    Flow result = co_await execBlock(task, step.body, ctx);
    if (result.kind == Flow::Kind::Abort)
        co_return result;
    task.at = m_locations.indexOf(step);
    // withTimeout is a scope: it waits for the children started inside it.
    if (co_await waitScopeChildren(task, scope) == Wake::Abort)
        co_return Flow{Flow::Kind::Abort};
    if (scope.expired && result.isCancellation() && task.cancelCount == 0 && !result.timeout)
        result = throwNamed(task, timeoutErrorName(), QString(), false);
    popScope(task, scopeId);
    if (step.orNull && result.isThrow() && result.timeout)
        result = Flow{};
    co_return result;
}

QCoro::Task<Wake> EngineImpl::waitScopeChildren(TaskRecord &task, const Scope &scope)
{
    auto live = [&] {
        return std::any_of(scope.children.begin(), scope.children.end(),
                           [&](int id) { return !m_tasks[std::size_t(id)].done(); });
    };
    while (live()) {
        const Wake wake = co_await suspend(task, WaitKind::Children, QStringLiteral("children"));
        if (wake == Wake::Abort)
            co_return wake;
    }
    co_return Wake::Normal;
}

QCoro::Task<Flow> EngineImpl::execShield(TaskRecord &task, const Step &step, BlockContext ctx)
{
    // Kotlin's withContext(NonCancellable): nothing from outside reaches the block; on return it
    // checks (asyncio's shield() is asynciosteps.cpp's; Swift has none).
    Scope &scope = pushScope(task, Scope::Kind::Shield, &step);
    const int scopeId = scope.id;
    Flow result = co_await execBlock(task, step.body, ctx);
    if (result.kind == Flow::Kind::Abort)
        co_return result;
    task.at = m_locations.indexOf(step);
    // withContext is a scope: it waits for the coroutines launched inside it.
    if (co_await waitScopeChildren(task, scope) == Wake::Abort)
        co_return Flow{Flow::Kind::Abort};
    popScope(task, scopeId);
    if (!result.abrupt() && kotlinCancelled(task))
        result = deliver(task, QStringLiteral("withContext"));
    co_return result;
}

QCoro::Task<Flow> EngineImpl::execOnCancel(TaskRecord &task, const Step &step, BlockContext ctx)
{
    auto &handlers = task.x().handlers;
    handlers.push_back(&step.handler);
    if (isCancelledForCheck(task)) {
        // Already cancelled on entry: the handler runs before the operation.
        runCancelHandlers(task);
    }
    Flow result = co_await execBlock(task, step.body, ctx);
    if (result.kind == Flow::Kind::Abort)
        co_return result;
    task.at = m_locations.indexOf(step);
    auto &after = task.x().handlers;
    after.erase(std::remove(after.begin(), after.end(), &step.handler), after.end());
    co_return result;
}

// ---------------------------------------------------------------- availability

namespace {

void collectUnsupported(const Steps &steps, Runtime runtime, QStringList *out)
{
    for (const Step &step : steps) {
        for (const QString &reason : Engine::unavailable(step, runtime))
            *out << QStringLiteral("%1: %2").arg(step.pointer, reason);
        collectUnsupported(step.body, runtime, out);
        collectUnsupported(step.finallyBody, runtime, out);
        collectUnsupported(step.handler, runtime, out);
        for (const CatchClause &clause : step.catches)
            collectUnsupported(clause.body, runtime, out);
        for (const TaskSpec &spec : step.tasks)
            collectUnsupported(spec.body, runtime, out);
    }
}

} // namespace

QStringList Engine::unavailable(const Step &step, Runtime runtime)
{
    QStringList out;
    const QString runtimeLabel = runtimeName(runtime);
    auto reject = [&](const QString &what, const QString &why) {
        out << LoaderWords::tr("%1 is not available in %2: %3").arg(what, runtimeLabel, why);
    };
    // These two go into traces (action-ignored) in English; here they are shown, so in the UI's language.
    auto shown = [](UserAction::Kind kind) {
        return QCoreApplication::translate("UserAction", unavailableReason(kind, Runtime::Swift).toUtf8().constData());
    };
    const QString noTimeout = shown(UserAction::Kind::Timeout);
    const QString noShield = shown(UserAction::Kind::Shield);
    switch (step.kind) {
    case StepKind::Spawn:
        if (runtime == Runtime::Asyncio && step.link == SpawnLink::Child)
            reject(LoaderWords::tr("a structured child (\"link\": \"child\")"),
                   LoaderWords::tr("asyncio has no structured child outside a TaskGroup; use a group step or "
                                  "an unstructured create_task"));
        break;
    case StepKind::OnCancel:
        if (runtime == Runtime::Asyncio)
            reject(LoaderWords::tr("a cancellation handler (onCancel)"),
                   LoaderWords::tr("asyncio has no cancellation handler; future callbacks run only on a later "
                                  "loop iteration"));
        break;
    case StepKind::Timeout:
        if (runtime == Runtime::Swift)
            reject(LoaderWords::tr("a timeout"), noTimeout);
        break;
    case StepKind::Shield:
        if (runtime == Runtime::Swift)
            reject(LoaderWords::tr("a shield"), noShield);
        break;
    case StepKind::Join:
        if (runtime == Runtime::Swift && step.ms > 0)
            reject(LoaderWords::tr("a join with a timeout"), noTimeout);
        if (runtime == Runtime::Swift && step.shield)
            reject(LoaderWords::tr("a shielded join"), noShield);
        break;
    default:
        break;
    }
    return out;
}

QStringList Engine::unsupported(const Scenario &scenario, Runtime runtime)
{
    QStringList reasons;
    collectUnsupported(scenario.root.body, runtime, &reasons);
    return reasons;
}

} // namespace cascade
