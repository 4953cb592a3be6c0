// asyncio's event loop on the virtual clock, as CPython 3.11's BaseEventLoop._run_once runs it:
// a loop turn runs exactly the callbacks that were ready when it began (call_soon appends to the
// next turn); timers that have fallen due join the ready queue at the start of a turn, behind what
// is there; a task's CPU work holds the loop inside its callback; a future's callbacks run a turn
// after it is done, and a task woken by a future runs the turn after that (a sleep's timer sets its
// future, which wakes the task). tst_fidelity compares the result with CPython itself.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

namespace {
constexpr qint64 Never = std::numeric_limits<qint64>::max();
}

void EngineImpl::queueAction(const UserAction &action)
{
    // As call_soon_threadsafe from another thread would: behind what is ready at that moment.
    m_heldActions.push_back(action);
    QueueEntry entry;
    entry.time = entry.due = m_now;
    entry.seq = m_seq++;
    entry.aux = int(m_heldActions.size()) - 1;
    entry.kind = QueueEntry::Kind::Action;
    m_queue.pushReady(entry);
}

bool EngineImpl::beginTurn(qint64 limit)
{
    if (m_stopping) {
        m_stopping = false;
        advanceExit();
    }
    if (asyncioClosed())
        return false;
    if (m_liveTasks == 0)
        m_queue.keepOnlyActions();  // what is left belongs to tasks that have ended
    if (m_queue.readySize() == 0) {
        // Nothing is ready: the clock moves to the next timer, or to the next user action, which
        // comes after everything due at its own time.
        const qint64 timer = m_queue.hasTimers() ? m_queue.nextTimer().time : Never;
        const qint64 action = m_nextAction < m_actions.size() ? m_actions[m_nextAction].at : Never;
        if (timer == Never && action == Never)
            return false;
        if (action < timer) {
            if (action > limit)
                return false;
            m_now = std::max(m_now, action);
            // Every action due by now arrives at once, in the order given.
            while (m_nextAction < m_actions.size() && m_actions[m_nextAction].at <= m_now)
                queueAction(m_actions[m_nextAction++]);
        } else {
            if (timer > limit)
                return false;
            m_now = std::max(m_now, timer);
        }
    }
    while (m_queue.hasTimers() && m_queue.nextTimer().time <= m_now)
        m_queue.pushReady(m_queue.popTimer());
    m_turnLeft = int(m_queue.readySize());
    return true;
}

bool EngineImpl::stepAsyncio(qint64 limit)
{
    while (m_abortReason.isEmpty()) {
        if (asyncioClosed()) {
            // The program has ended: later actions find nothing to act on.
            if (m_nextAction >= m_actions.size() || m_actions[m_nextAction].at > limit)
                return false;
            m_now = std::max(m_now, m_actions[m_nextAction].at);
            applyAction(m_actions[m_nextAction++]);
            return true;
        }
        if (m_busyTask >= 0) {
            // One task is inside CPU work: nothing else runs until it ends. A user action that
            // arrives meanwhile is handed in at its time, behind what is ready.
            if (m_nextAction < m_actions.size() && m_actions[m_nextAction].at < m_busyUntil) {
                const qint64 at = m_actions[m_nextAction].at;
                if (at > limit)
                    return false;
                m_now = std::max(m_now, at);
                queueAction(m_actions[m_nextAction++]);
                continue;
            }
            if (m_busyUntil > limit)
                return false;
            m_now = std::max(m_now, m_busyUntil);
            TaskRecord &task = m_tasks[std::size_t(m_busyTask)];
            m_busyTask = -1;
            resume(task, Wake::Normal);
            return true;
        }
        if (m_turnLeft == 0) {
            if (!beginTurn(limit))
                return false;
            if (m_turnLeft == 0)
                continue;
        }
        const QueueEntry entry = m_queue.popReady();
        --m_turnLeft;
        if (processAsyncioEntry(entry))
            return true;
    }
    return false;
}

qint64 EngineImpl::nextTimeAsyncio() const
{
    const qint64 action = m_nextAction < m_actions.size() ? std::max(m_actions[m_nextAction].at, m_now) : Never;
    if (m_busyTask >= 0)
        return std::min(std::max(m_busyUntil, m_now), action);
    if (m_queue.readySize() > 0)
        return m_now;
    const qint64 timer = m_queue.hasTimers() ? std::max(m_queue.nextTimer().time, m_now) : Never;
    return std::min(timer, action);
}

bool EngineImpl::finishedAsyncio() const
{
    if (!m_abortReason.isEmpty())
        return true;
    if (m_nextAction < m_actions.size() || m_busyTask >= 0)
        return false;
    return asyncioClosed() || m_queue.empty() || (m_liveTasks == 0 && !m_queue.hasActions());
}

bool EngineImpl::processAsyncioEntry(QueueEntry entry)
{
    TaskRecord *task = entry.task >= 0 ? &m_tasks[std::size_t(entry.task)] : nullptr;
    // A stale entry (a timer of a wait that already ended) does nothing.
    const bool stale = (entry.kind == QueueEntry::Kind::Start && task->status != TaskStatus::NotStarted)
        || (entry.kind == QueueEntry::Kind::Wake
            && (task->status != TaskStatus::Suspended || task->waitToken != quint32(entry.aux)))
        || (entry.kind == QueueEntry::Kind::Deadline
            && (task->done() || !findScope(*task, entry.aux) || findScope(*task, entry.aux)->expired));
    if (stale)
        return false;
    if (entry.hops > 0) {
        // A callback that schedules the next one: e.g. a sleep's timer sets its future, whose
        // callback wakes the task on the following turn. From then on the task is ready.
        if (--entry.hops == 0 && entry.kind == QueueEntry::Kind::Wake && !task->wakeQueued) {
            task->wakeQueued = true;
            task->queuedWake = entry.wake;
        }
        m_queue.pushReady(entry);
        return false;
    }
    switch (entry.kind) {
    case QueueEntry::Kind::Action:
        applyAction(m_heldActions[std::size_t(entry.aux)]);
        return true;
    case QueueEntry::Kind::Start:
        startTask(*task);
        return true;
    case QueueEntry::Kind::Wake:
        resume(*task, task->wakeQueued && task->queuedWake != Wake::Normal ? task->queuedWake : entry.wake);
        return true;
    case QueueEntry::Kind::Deadline:
        asyncioDeadline(*task, *findScope(*task, entry.aux));
        return true;
    case QueueEntry::Kind::ChildDone:
        asyncioChildDone(*task);
        return true;
    case QueueEntry::Kind::Stop:
        m_stopping = true;  // run_until_complete's stop: this turn still ends
        return false;
    case QueueEntry::Kind::Exit:
        if (entry.aux == 0 && --m_shutdownLeft > 0)
            return false;  // the shutdown's gather still waits for others
        push(QueueEntry::Kind::Stop, 0, m_now);  // its future is done: run_until_complete stops the loop
        return false;
    case QueueEntry::Kind::ShieldDone: {
        // shield()'s _inner_done_callback: the outer future is set, and its callback (the awaiting
        // task's wake-up, or wait_for's _release_waiter and then the wake-up) follows.
        TaskExtras &extras = task->x();
        const bool sameWait = task->waitToken == quint32(entry.aux)
            && (task->wait == WaitKind::Join || task->wait == WaitKind::Shield);
        if (extras.shieldOuterCancelled || !sameWait)
            return false;  // the outer future was cancelled, or the task awaits something else now
        extras.shieldOuterDone = true;
        const Step *step = task->at >= 0 ? m_locations.at(task->at).step : nullptr;
        const bool waitFor = task->wait == WaitKind::Join && step && step->ms > 0;
        wakeSoon(*task, Wake::Normal, -1, waitFor ? 1 : 0);
        return false;
    }
    }
    return false;
}

void EngineImpl::asyncioDeadline(TaskRecord &task, Scope &scope)
{
    scope.expired = true;
    emit(EventKind::Timeout, task, -1, 0, scope.ms);
    const bool waitFor = scope.step
        && (scope.step->kind == StepKind::Join
            || (scope.step->kind == StepKind::Timeout && scope.step->timeoutStyle == TimeoutStyle::WaitFor));
    if (waitFor) {
        // wait_for's timer releases its waiter; the task then cancels the inner work. A task that
        // no longer awaits that waiter (it is already cancelling the work) is not woken by it.
        if (task.wait == WaitKind::Join || task.wait == WaitKind::WaitFor)
            wakeSoon(task, Wake::Normal);
    }
    else
        requestCancel(task, CancelCause::Timeout, -1);  // asyncio.timeout's _on_timeout: task.cancel()
}

void EngineImpl::asyncioTaskEnded(TaskRecord &task)
{
    // The done callbacks, in the order they were added: the group's or gather's first (added when
    // the task was made), then the tasks awaiting it.
    if (task.owner >= 0) {
        TaskRecord &owner = m_tasks[std::size_t(task.owner)];
        const Scope *scope = findScope(owner, task.ownerScope);
        if (!owner.done() && scope && (scope->kind == Scope::Kind::Group || scope->kind == Scope::Kind::Gather)
            && scope->gatherArmed)
            push(QueueEntry::Kind::ChildDone, task.id, m_now);
    }
    if (task.extras) {
        for (int id : task.extras->joiners) {
            TaskRecord &joiner = m_tasks[std::size_t(id)];
            if (joiner.waitTarget != task.id)
                continue;
            const Step *join = joiner.wait == WaitKind::Join && joiner.at >= 0 ? m_locations.at(joiner.at).step : nullptr;
            if (joiner.wait == WaitKind::Shield || (join && join->kind == StepKind::Join && join->shield))
                push(QueueEntry::Kind::ShieldDone, joiner.id, m_now, int(joiner.waitToken));  // awaits shield()'s outer future
            else if (joiner.wait == WaitKind::Join || joiner.wait == WaitKind::WaitFor || joiner.wait == WaitKind::Hop)
                wakeSoon(joiner, Wake::Normal, -1, joiner.joinHops);
        }
        task.extras->joiners.clear();
    }
    if (task.id == 0)
        push(QueueEntry::Kind::Stop, task.id, m_now);  // run_until_complete's done callback stops the loop
    if (m_exitStage == 1 && task.id < m_shutdownBound)
        push(QueueEntry::Kind::Exit, task.id, m_now, 0);  // the shutdown's gather hears of it
}

void EngineImpl::advanceExit()
{
    switch (++m_exitStage) {
    case 1: {
        // _cancel_all_tasks(): every task still running, in creation order (CPython iterates a set
        // here; any order is possible, this is the engine's), then run_until_complete(gather(...)).
        m_shutdownBound = int(m_tasks.size());
        m_shutdownLeft = m_liveTasks;
        if (m_shutdownLeft == 0) {
            advanceExit();
            return;
        }
        for (TaskRecord &other : m_tasks) {
            if (!other.done())
                requestCancel(other, CancelCause::Shutdown, 0);
        }
        return;
    }
    case 2:  // run_until_complete(loop.shutdown_asyncgens()): a task that returns at once
    case 3:  // run_until_complete(loop.shutdown_default_executor()): the same
        push(QueueEntry::Kind::Exit, 0, m_now, 1);
        return;
    default:
        // loop.close(): asyncio.run() returns. A task still pending now (one started during the
        // shutdown) is abandoned: Python destroys it pending; it has no end.
        return;
    }
}

void EngineImpl::asyncioChildDone(TaskRecord &child)
{
    if (child.owner < 0)
        return;
    TaskRecord &parent = m_tasks[std::size_t(child.owner)];
    Scope *scope = findScope(parent, child.ownerScope);
    if (!scope || parent.done())
        return;
    scope->completionOrder.push_back(child.id);
    const bool allReported = scope->completionOrder.size() == scope->children.size();
    const bool waiting = parent.status == TaskStatus::Suspended && parent.waitTarget == scope->id
        && (parent.wait == WaitKind::Group || parent.wait == WaitKind::Gather);
    if (scope->kind == Scope::Kind::Group) {
        // TaskGroup._on_task_done: the last one wakes __aexit__; a failure aborts the group and
        // cancels the parent task, once.
        if (allReported && waiting)
            wakeSoon(parent, Wake::Normal);
        if (child.outcome != Outcome::Failed)
            return;
        if (!scope->shuttingDown && !scope->parentCancelRequested) {
            abortGroup(parent, *scope, CancelCause::Failure);
            scope->parentCancelRequested = true;
            requestCancel(parent, CancelCause::Failure, child.id);
        }
        return;
    }
    // gather's _done_callback: without return_exceptions the first child that did not complete
    // decides; else the outer future is done when every child is.
    if (scope->outerDone)
        return;
    if (!scope->returnExceptions && child.outcome != Outcome::Completed) {
        scope->outerDone = true;
        scope->outerErrorId = child.errorId;
    } else if (allReported) {
        scope->outerDone = true;
        scope->outerErrorId = scope->outerCancelRequested ? plainError(cancellationErrorName()) : -1;
    }
    if (scope->outerDone && waiting)
        wakeSoon(parent, Wake::Normal);
}

// ---------------------------------------------------------------- library code between two steps

QCoro::Task<Wake> EngineImpl::waitTurns(TaskRecord &task, int hops, int target)
{
    auto awaiter = suspend(task, WaitKind::Hop, QString(), target);
    if (hops > 0)
        push(QueueEntry::Kind::Wake, task.id, m_now, int(task.waitToken), Wake::Normal, hops - 1);
    co_return co_await awaiter;
}

QCoro::Task<Flow> EngineImpl::cancelAndWait(TaskRecord &task, TaskRecord &target, CancelCause cause, bool outerOnly)
{
    // wait_for's _cancel_and_wait(fut): fut.cancel(), then wait until fut is done. shield()'s outer
    // future is done at once (two turns: its callback, then the wake-up); a task is done when it
    // has ended, a turn before the wake-up. A user's shield on the task keeps the cancel out, and
    // the waiter stops waiting as the awaiter of asyncio.shield() would.
    Wake wake = Wake::Normal;
    if (outerOnly || target.done()) {
        if (outerOnly && !target.done())
            emit(EventKind::CancelBlocked, target, task.id, quint8(BlockedBy::Shield));
        if (outerOnly)
            task.x().shieldOuterCancelled = true;
        wake = co_await waitTurns(task, 2);
    } else if (userShieldBlocks(target, cause, task.id)) {
        requestCancel(target, cause, task.id);  // stops at the shield
        wake = co_await waitTurns(task, 2);
    } else {
        requestCancel(target, cause, task.id);
        while (!target.done()) {
            target.x().joiners.push_back(task.id);
            task.joinHops = 1;
            wake = co_await waitTurns(task, 0, target.id);
            if (wake != Wake::Normal || task.pendingCancel)
                break;
        }
    }
    if (wake == Wake::Abort)
        co_return Flow{Flow::Kind::Abort};
    co_return afterWake(task, wake, QStringLiteral("wait_for"));
}

// ---------------------------------------------------------------- a limited group's slots

Scope *EngineImpl::slotScopeOf(TaskRecord &task)
{
    if (task.owner < 0 || m_runtime != Runtime::Asyncio)
        return nullptr;
    Scope *scope = findScope(m_tasks[std::size_t(task.owner)], task.ownerScope);
    return scope && scope->step && scope->step->kind == StepKind::Group && scope->step->limit > 0 ? scope : nullptr;
}

QCoro::Task<Flow> EngineImpl::acquireSlot(TaskRecord &task, Scope &scope)
{
    // Semaphore.acquire(): free when no one waits in line; else wait for release() to hand it over.
    const bool someoneWaits = std::any_of(scope.slotWaiters.begin(), scope.slotWaiters.end(),
                                          [](const Scope::SlotWaiter &w) { return !w.cancelled; });
    if (scope.slots > 0 && !someoneWaits) {
        --scope.slots;
        task.x().holdsSlot = true;
        co_return Flow{};
    }
    scope.slotWaiters.push_back(Scope::SlotWaiter{task.id, false, false});
    auto awaiter = suspend(task, WaitKind::Slot, QStringLiteral("slot"));
    if (task.pendingCancel) {
        task.pendingCancel = false;  // __step cancels the future it now awaits
        scope.slotWaiters.back().cancelled = true;
        wakeSoon(task, Wake::Cancelled);
    }
    const Wake wake = co_await awaiter;
    if (wake == Wake::Abort)
        co_return Flow{Flow::Kind::Abort};
    Scope *now = slotScopeOf(task);  // the same scope; looked up again after the wait
    bool granted = false;
    if (now) {
        auto it = std::find_if(now->slotWaiters.begin(), now->slotWaiters.end(),
                               [&](const Scope::SlotWaiter &w) { return w.task == task.id; });
        if (it != now->slotWaiters.end()) {
            granted = it->granted;
            now->slotWaiters.erase(it);
        }
    }
    const Flow woke = afterWake(task, wake, QStringLiteral("slot"));
    if (woke.abrupt()) {
        if (granted && now) {
            ++now->slots;  // handed the slot, but leaving: it goes to the next in line
            wakeNextSlotWaiter(*now);
        }
        co_return woke;
    }
    task.x().holdsSlot = true;
    if (now && now->slots > 0)
        wakeNextSlotWaiter(*now);  // `if self._value > 0: self._wake_up_next()`
    co_return Flow{};
}

void EngineImpl::wakeNextSlotWaiter(Scope &scope)
{
    // Semaphore._wake_up_next(): the first waiter whose future is not done gets the slot.
    for (Scope::SlotWaiter &waiter : scope.slotWaiters) {
        if (waiter.granted || waiter.cancelled)
            continue;
        --scope.slots;
        waiter.granted = true;
        wakeSoon(m_tasks[std::size_t(waiter.task)], Wake::Normal);
        return;
    }
}

void EngineImpl::releaseSlot(TaskRecord &task)
{
    // `async with slots:` ends: Semaphore.release().
    Scope *scope = slotScopeOf(task);
    if (!scope || !task.extras || !task.extras->holdsSlot)
        return;
    task.extras->holdsSlot = false;
    ++scope->slots;
    wakeNextSlotWaiter(*scope);
}

// ---------------------------------------------------------------- signals: asyncio.Queue

void EngineImpl::wakeNextGetter(const QString &name)
{
    // Queue._wakeup_next: the first getter whose future is not done yet is set; done ones are dropped.
    auto waiters = std::find_if(m_signalWaiters.begin(), m_signalWaiters.end(),
                                [&](const auto &w) { return w.first == name; });
    if (waiters == m_signalWaiters.end())
        return;
    std::vector<int> &getters = waiters->second;
    while (!getters.empty()) {
        TaskRecord &getter = m_tasks[std::size_t(getters.front())];
        getters.erase(getters.begin());
        if (getter.status == TaskStatus::Suspended && getter.wait == WaitKind::Signal && !getter.wakeQueued) {
            wakeSoon(getter, Wake::Normal);
            return;
        }
    }
}

void EngineImpl::signalAsyncio(const QString &name)
{
    auto count = std::find_if(m_signalCounts.begin(), m_signalCounts.end(),
                              [&](const auto &c) { return c.first == name; });
    if (count == m_signalCounts.end())
        m_signalCounts.emplace_back(name, 1);
    else
        ++count->second;
    wakeNextGetter(name);
}

QCoro::Task<Flow> EngineImpl::waitSignalAsyncio(TaskRecord &task, const QString &name)
{
    auto items = [&]() -> int & {
        auto count = std::find_if(m_signalCounts.begin(), m_signalCounts.end(),
                                  [&](const auto &c) { return c.first == name; });
        if (count == m_signalCounts.end()) {
            m_signalCounts.emplace_back(name, 0);
            count = std::prev(m_signalCounts.end());
        }
        return count->second;
    };
    for (;;) {
        if (items() > 0) {
            --items();  // get_nowait()
            co_return Flow{};
        }
        auto waiters = std::find_if(m_signalWaiters.begin(), m_signalWaiters.end(),
                                    [&](const auto &w) { return w.first == name; });
        if (waiters == m_signalWaiters.end()) {
            m_signalWaiters.emplace_back(name, std::vector<int>{});
            waiters = std::prev(m_signalWaiters.end());
        }
        waiters->second.push_back(task.id);
        auto awaiter = suspend(task, WaitKind::Signal, QStringLiteral("signal %1").arg(name));
        if (task.pendingCancel)
            wakeSoon(task, Wake::Cancelled);  // __step cancels the getter it now awaits
        const Wake wake = co_await awaiter;
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        const Flow woke = afterWake(task, wake, QStringLiteral("waitSignal"));
        if (woke.abrupt()) {
            // except: the getter leaves the line; one that had been handed an item passes the wake on.
            for (auto &[signal, getters] : m_signalWaiters) {
                if (signal == name)
                    std::erase(getters, task.id);
            }
            if (wake != Wake::Cancelled && items() > 0)
                wakeNextGetter(name);
            co_return woke;
        }
    }
}

} // namespace cascade
