// The interpreter's loops and CPU work: repeat / whileActive, and work in slices with checks.
// The rest of the interpreter is interpreter.cpp.

#include "engineimpl.h"

#include <algorithm>

namespace cascade {

QCoro::Task<Flow> EngineImpl::execLoop(TaskRecord &task, const Step &step, BlockContext ctx)
{
    BlockContext inner = ctx;
    inner.inLoop = true;
    const bool whileActive = step.kind == StepKind::WhileActive;
    const qint64 iterations = whileActive ? (step.count > 0 ? step.count : std::numeric_limits<qint64>::max())
                                          : step.count;
    Flow flow;
    for (qint64 i = 0; i < iterations; ++i) {
        if (whileActive) {
            task.at = m_locations.indexOf(step);
            const bool cancelled = isCancelledForCheck(task);
            emit(EventKind::Checkpoint, task, -1, cancelled ? 1 : 0, 0, QStringLiteral("poll"));
            if (cancelled)
                break;
        }
        inner.loopIndex = int(i) + (whileActive ? 0 : step.from);
        flow = co_await execBlock(task, step.body, inner);
        if (flow.kind == Flow::Kind::Break)
            co_return Flow{};
        if (flow.abrupt())
            break;
    }
    co_return flow;
}

QCoro::Task<Flow> EngineImpl::execWork(TaskRecord &task, const Step &step)
{
    qint64 remaining = step.ms;
    while (remaining > 0) {
        const qint64 chunk = step.checkEveryMs > 0 ? std::min(step.checkEveryMs, remaining) : remaining;
        emit(EventKind::Work, task, -1, 0, chunk);
        if (singleThreaded(task))
            m_busyTask = task.id;  // nothing else on this thread runs until the task awaits
        auto awaiter = suspend(task, WaitKind::Work, QString());
        if (m_runtime == Runtime::Asyncio)
            m_busyUntil = m_now + chunk;  // the loop is held inside this callback (asyncioloop.cpp)
        else
            push(QueueEntry::Kind::Wake, task.id, m_now + chunk, int(task.waitToken));
        const Wake wake = co_await awaiter;
        if (wake == Wake::Abort)
            co_return Flow{Flow::Kind::Abort};
        remaining -= chunk;
        if (step.checkEveryMs <= 0 || remaining <= 0)
            break;
        if (singleThreaded(task)) {
            // asyncio's sleep(0) / Kotlin's yield(): let the others on this thread run, then look.
            auto yielded = suspend(task, WaitKind::Yield, QString());
            wakeSoon(task, Wake::Normal);
            if (co_await yielded == Wake::Abort)
                co_return Flow{Flow::Kind::Abort};
        }
        const bool poll = step.check == WorkCheck::Poll;
        if (m_runtime == Runtime::Asyncio && task.pendingCancel) {
            // The slices are separated by `await asyncio.sleep(0)`, which raises a pending cancel
            // before the polling check can look.
            emit(EventKind::Checkpoint, task, -1, 1, 0, QStringLiteral("throw"));
            co_return deliver(task, QStringLiteral("checkpoint"));
        }
        const bool cancelled = poll ? isCancelledForCheck(task) : cancelPendingFor(task);
        emit(EventKind::Checkpoint, task, -1, cancelled ? 1 : 0, 0, poll ? QStringLiteral("poll") : QStringLiteral("throw"));
        if (cancelled)
            co_return poll ? Flow{} : deliver(task, QStringLiteral("checkpoint"));
    }
    Flow flow = afterWake(task, Wake::Normal, QStringLiteral("work"));
    if (flow.isCancellation() && m_runtime == Runtime::Asyncio)
        co_return Flow{};  // a plain CPU loop has no await: the pending cancel waits for the next one
    co_return flow;
}

} // namespace cascade
