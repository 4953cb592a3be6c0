#pragma once

// Internals of the engine: the task table, the scheduler and the interpreter coroutines.
// Only engine.cpp and interpreter.cpp include this.

#include "engine.h"
#include "steplocations.h"

#include <QCoro/QCoroTask>

#include <coroutine>
#include <deque>
#include <memory>
#include <algorithm>
#include <vector>

namespace cascade {

//! How control leaves a block: normally, by return/break, by an error in flight, or because the
//! engine is being torn down. Cancellation is an error kind here, a value, never a C++ exception.
struct Flow {
    enum class Kind : quint8 { Normal, Return, Break, Throw, Abort };
    enum class Error : quint8 { None, Cancellation, Named };
    Kind kind = Kind::Normal;
    Error error = Error::None;
    bool timeout = false;   // a timeout error (asyncio TimeoutError, Kotlin TimeoutCancellationException)
    int errorId = -1;       // index into EngineImpl::m_errors (name + message)
    int scopeId = -1;       // for a cancellation caused by a scope (Kotlin timeout / group)

    [[nodiscard]] bool abrupt() const { return kind != Kind::Normal; }
    [[nodiscard]] bool isThrow() const { return kind == Kind::Throw; }
    [[nodiscard]] bool isCancellation() const { return kind == Kind::Throw && error == Error::Cancellation; }
};

enum class Wake : quint8 { Normal, Cancelled, Error, Abort };

enum class WaitKind : quint8 {
    None, Sleep, Work, Yield, Join, AsyncLet, Group, Gather, Signal, Shield, WaitFor, Children,
    Slot,  // asyncio: a limited group's child waits for a free slot (asyncio.Semaphore)
    Hop,   // asyncio: library code between two steps of a task (wait_for's _cancel_and_wait...)
};

enum class TaskStatus : quint8 { NotStarted, Running, Suspended, Done };

//! A cancellation scope inside a task: a Kotlin coroutineScope / withTimeout / NonCancellable
//! block, an asyncio timeout, a Swift task group. Children started inside belong to it.
struct Scope {
    enum class Kind : quint8 { Group, Timeout, Shield, Gather };
    Kind kind = Kind::Group;
    int id = 0;
    bool cancelled = false;       // Kotlin: the scope's own job was cancelled
    bool expired = false;         // timeout scope: the deadline passed
    bool timeoutCancel = false;   // the scope's cancellation came from its deadline
    bool user = false;            // a user Timeout action: wraps the rest of the task, outermost
    qint64 ms = 0;
    qint64 deadline = 0;          // timeout scope: virtual time it fires
    const Step *step = nullptr;
    std::vector<int> children;    // tasks started in this scope (group / gather / timeout)
    int failedChild = -1;         // first child that failed (group / gather)
    int failureErrorId = -1;
    bool parentCancelRequested = false;  // asyncio TaskGroup cancelled its parent task
    bool shuttingDown = false;
    std::vector<const TaskSpec *> pendingSpecs;  // concurrency limit: not started yet
    std::vector<int> pendingIndexes;
    std::vector<int> completionOrder;  // Swift: results in completion order; asyncio: TaskGroup._on_task_done order
    int consumed = 0;
    // asyncio (asynciosteps.cpp): the TaskGroup's __aexit__ has begun; the gather's outer future
    // is done, was cancelled (outer.cancel() reached a child), takes return_exceptions, and has
    // been created (a tolerant group's gather() comes after its steps).
    bool exiting = false;
    bool outerDone = false;
    bool outerCancelRequested = false;
    bool returnExceptions = false;
    bool gatherArmed = true;
    int outerErrorId = -1;            // the gather's outer future's error (-1: its result)
    // asyncio: a limited group's asyncio.Semaphore(limit), shared by its children.
    int slots = 0;
    struct SlotWaiter {
        int task = -1;
        bool granted = false;    // release() handed it the slot
        bool cancelled = false;  // its future was cancelled (it is leaving)
    };
    std::vector<SlotWaiter> slotWaiters;  // children waiting in acquire(), first come first served

    //! Children of a limited group still to start; none once the group is shutting down.
    [[nodiscard]] bool hasPending() const { return !shuttingDown && std::size_t(consumed) < pendingSpecs.size(); }
};

//! Rarely needed per-task state, allocated on first use so that a plain task stays small.
struct TaskExtras {
    std::vector<int> children;      // structured children, linked for cancellation
    std::vector<std::pair<const TaskSpec *, int>> handles;  // spawned handle -> task id
    std::vector<int> unstructured;  // tasks this one started outside the tree
    std::vector<int> joiners;       // tasks waiting for this one to end
    std::vector<std::unique_ptr<Scope>> scopes;  // innermost last
    std::vector<const Steps *> handlers;         // registered cancellation handlers
    std::vector<std::pair<const TaskSpec *, int>> loopCounters;  // naming name[i] for loop-made tasks
    int injectedErrorId = -1;       // user "fail" waiting to be raised
    bool holdsSlot = false;         // asyncio: holds one of its limited group's slots
    bool shieldOuterDone = false;   // asyncio: the outer future of the shield() it awaits is done
    bool shieldOuterCancelled = false;  // ... or was cancelled (wait_for gave up on it)
    int failureErrorId = -1;        // Kotlin: a child failure that cancelled this task
    int childFailure = -1;
    int openShields = 0;            // shield-on events not yet matched by a shield-off
    bool userShield = false;        // the user's Shield toggle is on
    bool hasBlockedRequest = false; // a request stopped by the user shield, delivered when it goes off
    CancelCause blockedCause = CancelCause::Parent;
    int blockedFrom = -1;
};

struct TaskRecord {
    const TaskSpec *spec = nullptr;
    std::coroutine_handle<> handle;
    std::unique_ptr<TaskExtras> extras;
    int id = -1;
    int parent = -1;                // the task that created it (for the path)
    int owner = -1;                 // structured parent for cancellation (-1: none)
    int ownerScope = -1;            // scope id within the owner (-1: the task itself)
    int index = -1;                 // name[index]
    int domain = 0;                 // thread: 0 = the one loop / runBlocking thread, else own
    int cancelCount = 0;            // asyncio cancelling(); 1 = flag for Kotlin / Swift
    int errorId = -1;               // end error
    quint32 waitToken = 0;
    TaskStatus status = TaskStatus::NotStarted;
    WaitKind wait = WaitKind::None;
    Wake wake = Wake::Normal;
    Wake queuedWake = Wake::Normal;  // the reason of the wake scheduled by wakeSoon
    Outcome outcome = Outcome::Completed;
    bool structured = false;
    bool pendingCancel = false;     // asyncio _must_cancel / request not yet delivered
    bool waitCancelled = false;     // asyncio: the awaited future was cancelled already
    bool joined = false;            // Swift async let: awaited explicitly
    bool wakeQueued = false;        // a wake is scheduled: the task is ready, not waiting
    bool shieldInner = false;       // asyncio: the inner task of shield()
    quint8 joinHops = 0;            // asyncio: extra loop turns between the awaited task's end and this task's wake-up
    int waitTarget = -1;            // join target / scope id
    int wakeErrorId = -1;
    int shieldScope = -1;           // Kotlin: the NonCancellable block it was started in
    int at = -1;                    // where it stands: a StepLocations index (TraceEvent::step)

    [[nodiscard]] TaskExtras &x()
    {
        if (!extras)
            extras = std::make_unique<TaskExtras>();
        return *extras;
    }
    [[nodiscard]] bool done() const { return status == TaskStatus::Done; }
    [[nodiscard]] const std::vector<int> &children() const
    {
        static const std::vector<int> none;
        return extras ? extras->children : none;
    }
};

//! Context a block runs in: the loop index for {i} and the innermost group scope.
struct BlockContext {
    int loopIndex = 0;
    int groupScope = -1;
    bool inLoop = false;
    bool inHandler = false;
};

struct QueueEntry {
    //! ChildDone, Stop and ShieldDone are asyncio's callbacks: TaskGroup._on_task_done / gather's
    //! _done_callback for a child that ended, asyncio.run's stop once main has ended, and shield()'s
    //! _inner_done_callback that sets the outer future a task awaits in a shielded join. Exit is a
    //! step of asyncio.run()'s shutdown (aux: 0 the gather over the cancelled tasks heard of one,
    //! 1 one of the loop's own shutdown tasks ran).
    enum class Kind : quint8 { Start, Wake, Deadline, Action, ChildDone, Stop, ShieldDone, Exit };
    qint64 time = 0;
    qint64 due = 0;       // when it was meant to run; a held entry runs later but keeps its place
    quint32 seq = 0;      // 32 bits keep an entry at 32 bytes; a run stops long before 2^32 (maxEvents)
    int task = -1;
    int aux = 0;          // wake: token; deadline: scope id; action: index of the held action
    Kind kind = Kind::Wake;
    Wake wake = Wake::Normal;
    quint8 hops = 0;      // asyncio: loop turns (call_soon) still to pass before it runs

    [[nodiscard]] bool before(const QueueEntry &other) const
    {
        if (time != other.time)
            return time < other.time;
        if (due != other.due)
            return due < other.due;
        return seq < other.seq;
    }
};

//! The scheduler's queue, ordered by (time, due, seq). Most entries are due "now" (starts,
//! wake-ups): they go to a FIFO that is already in order, and only timers pay for the heap.
class EventQueue {
public:
    void push(const QueueEntry &entry, qint64 now)
    {
        if (entry.time == now && entry.due == now && (m_fifo.empty() || m_fifo.back().before(entry)))
            m_fifo.push_back(entry);
        else {
            m_heap.push_back(entry);
            std::push_heap(m_heap.begin(), m_heap.end(), later);
        }
    }
    [[nodiscard]] bool empty() const { return m_fifo.empty() && m_heap.empty(); }
    [[nodiscard]] const QueueEntry &top() const
    {
        if (m_heap.empty() || (!m_fifo.empty() && m_fifo.front().before(m_heap.front())))
            return m_fifo.front();
        return m_heap.front();
    }
    void pop()
    {
        if (m_heap.empty() || (!m_fifo.empty() && m_fifo.front().before(m_heap.front()))) {
            m_fifo.pop_front();
            return;
        }
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        m_heap.pop_back();
    }
    // asyncio's loop (asyncioloop.cpp): the ready queue in call_soon order, and the timers.
    void pushReady(const QueueEntry &entry) { m_fifo.push_back(entry); }
    void pushTimer(const QueueEntry &entry)
    {
        m_heap.push_back(entry);
        std::push_heap(m_heap.begin(), m_heap.end(), later);
    }
    [[nodiscard]] std::size_t readySize() const { return m_fifo.size(); }
    QueueEntry popReady()
    {
        const QueueEntry entry = m_fifo.front();
        m_fifo.pop_front();
        return entry;
    }
    [[nodiscard]] bool hasTimers() const { return !m_heap.empty(); }
    [[nodiscard]] const QueueEntry &nextTimer() const { return m_heap.front(); }
    QueueEntry popTimer()
    {
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        const QueueEntry entry = m_heap.back();
        m_heap.pop_back();
        return entry;
    }

    [[nodiscard]] bool hasActions() const
    {
        auto isAction = [](const QueueEntry &e) { return e.kind == QueueEntry::Kind::Action; };
        return std::any_of(m_fifo.begin(), m_fifo.end(), isAction) || std::any_of(m_heap.begin(), m_heap.end(), isAction);
    }
    //! Drops everything but held user actions (used once no task is left to wake).
    void keepOnlyActions()
    {
        auto notAction = [](const QueueEntry &e) { return e.kind != QueueEntry::Kind::Action; };
        std::erase_if(m_fifo, notAction);
        std::erase_if(m_heap, notAction);
        std::make_heap(m_heap.begin(), m_heap.end(), later);
    }

private:
    static bool later(const QueueEntry &a, const QueueEntry &b) { return b.before(a); }
    std::deque<QueueEntry> m_fifo;
    std::vector<QueueEntry> m_heap;
};

class EngineImpl {
public:
    EngineImpl(const Scenario &scenario, Runtime runtime, Engine::Options options);
    ~EngineImpl();

    // --- scheduler (engine.cpp)
    bool step(qint64 limit = std::numeric_limits<qint64>::max());
    void runUntil(qint64 t);
    void runToEnd();
    [[nodiscard]] bool finished() const;
    void schedule(const UserAction &action);
    void push(QueueEntry::Kind kind, int task, qint64 time, int aux = 0, Wake wake = Wake::Normal, int hops = 0);
    //! The task runs again soon (asyncio: call_soon, `hops` loop turns later still).
    void wakeSoon(TaskRecord &task, Wake wake, int errorId = -1, int hops = 0);

    // --- tasks and cancellation (engine.cpp)
    TaskRecord &spawn(TaskRecord &creator, const TaskSpec &spec, int index, bool structured, int scopeId);
    void requestCancel(TaskRecord &task, CancelCause cause, int from);
    void cancelScope(TaskRecord &task, Scope &scope, CancelCause cause, int from);
    void propagateToChildren(TaskRecord &task, int scopeId, CancelCause cause, int from);
    void runCancelHandlers(TaskRecord &task);
    void sendSignal(const QString &name);
    void taskEnded(TaskRecord &task);
    void childEnded(TaskRecord &parent, TaskRecord &child);
    [[nodiscard]] bool kotlinCancelled(const TaskRecord &task) const;
    [[nodiscard]] bool isCancelledForCheck(const TaskRecord &task) const;
    [[nodiscard]] bool cancelPendingFor(const TaskRecord &task) const;
    [[nodiscard]] Scope *findScope(TaskRecord &task, int scopeId);
    [[nodiscard]] int shieldDepth(const TaskRecord &task) const;
    //! True when the user's shield on `task` stops this request (one from outside the task).
    [[nodiscard]] bool userShieldBlocks(const TaskRecord &task, CancelCause cause, int from) const;
    //! A timeout scope's deadline: deadline-set now and a Deadline entry at now + ms.
    void armDeadline(TaskRecord &task, Scope &scope, qint64 ms, CancelCause cause);
    void shieldOn(TaskRecord &task, CancelCause cause);
    void shieldOff(TaskRecord &task, CancelCause cause);
    //! Just before a task's end: the user's timeouts end with it (asyncio turns their
    //! cancellation into TimeoutError), and every shield still on goes off.
    void closeTaskMarks(TaskRecord &task, Flow *flow);
    //! asyncio: a cancel the waiter passes on to the task it awaits (join, wait_for) that the
    //! user's shield on that task stops. The waiter is then woken cancelled itself, as the awaiter
    //! of asyncio.shield() is; `waiterCancelled` when the request was the waiter's own (not a
    //! deadline). False when the shield does not stop it: the caller forwards the request.
    bool userShieldStops(TaskRecord &waiter, TaskRecord &awaited, CancelCause cause, bool waiterCancelled);
    void applyTimeoutAction(TaskRecord &task, const UserAction &action);
    void applyShieldAction(TaskRecord &task);
    void startPendingGroupChildren(TaskRecord &parent, Scope &scope);
    //! Swift: error-discarded for each of `children` that failed and whose error is not the one
    //! `parent` goes on with (`propagated`, -1 for none): nobody will ever see it.
    void reportDiscardedErrors(TaskRecord &parent, const std::vector<int> &children, int propagated);

    // --- events
    void emit(EventKind kind, const TaskRecord &task, int other = -1, quint8 code = 0, qint64 ms = 0,
              const QString &text = {}, const QString &message = {});
    int internError(const QString &name, const QString &message);
    //! The id of an error with no message, shared by every task that raises it.
    int plainError(const QString &name);
    [[nodiscard]] QString errorName(int errorId) const;
    [[nodiscard]] QString taskPath(int id) const;
    [[nodiscard]] QString cancellationErrorName() const;
    [[nodiscard]] QString timeoutErrorName() const;

    // --- interpreter (interpreter.cpp)
    QCoro::Task<> runTask(int taskId);
    QCoro::Task<> runLimitedTask(int taskId, Scope &slots);
    QCoro::Task<> continueTask(TaskRecord &task, std::size_t next, Flow flow);
    QCoro::Task<Flow> execBlock(TaskRecord &task, const Steps &steps, BlockContext ctx, std::size_t from = 0);
    QCoro::Task<Flow> execStep(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execLoop(TaskRecord &task, const Step &step, BlockContext ctx);
    //! Checks before each step: the run stopping, the step budget, an error injected by the user.
    bool preStep(TaskRecord &task, Flow *flow);
    //! Steps that never wait; false when the step needs a coroutine (execStep).
    bool execInstant(TaskRecord &task, const Step &step, const BlockContext &ctx, Flow *flow);
    //! Starts a sleep; false when it raised at once instead of suspending (*flow says what).
    bool beginSleep(TaskRecord &task, const Step &step, Flow *flow);
    [[nodiscard]] bool needsChildrenWait(const TaskRecord &task) const;
    QCoro::Task<Flow> execTry(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execGroup(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execGather(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execJoin(TaskRecord &task, const Step &step);
    QCoro::Task<Flow> execTimeout(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execShield(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execOnCancel(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execWork(TaskRecord &task, const Step &step);
    QCoro::Task<Flow> waitForTasks(TaskRecord &task, Scope &scope, WaitKind kind, const QString &on);
    QCoro::Task<Flow> finishChildren(TaskRecord &task, Flow flow);
    //! Kotlin scopes (withTimeout, NonCancellable) wait for the coroutines launched inside them.
    QCoro::Task<Wake> waitScopeChildren(TaskRecord &task, const Scope &scope);

    struct SuspendAwaiter {
        TaskRecord *task;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h) noexcept { task->handle = h; }
        Wake await_resume() const noexcept { return task->wake; }
    };
    //! Marks the task suspended on `kind` and returns the awaiter; the scheduler resumes it.
    SuspendAwaiter suspend(TaskRecord &task, WaitKind kind, const QString &on, int target = -1, qint64 ms = 0);
    //! What a woken task does with the wake reason at a cancellable suspension point.
    Flow afterWake(TaskRecord &task, Wake wake, const QString &at);
    //! Kotlin and Swift: a suspension point entered while already cancelled throws at once.
    [[nodiscard]] bool throwsOnEntry(const TaskRecord &task, WaitKind kind) const;
    Flow deliver(TaskRecord &task, const QString &at);
    Flow throwNamed(TaskRecord &task, const QString &error, const QString &message, bool emitRaise);
    void finishTaskFlow(TaskRecord &task, Flow flow);
    [[nodiscard]] QString formatText(const QString &text, const TaskRecord &task, const BlockContext &ctx) const;
    [[nodiscard]] bool catchMatches(const CatchClause &clause, const Flow &flow) const;
    [[nodiscard]] bool singleThreaded(const TaskRecord &task) const { return task.domain == 0; }
    void releaseDomain(TaskRecord &task);
    [[nodiscard]] int nameIndexFor(TaskRecord &creator, const TaskSpec &spec, const BlockContext &ctx);
    Scope &pushScope(TaskRecord &task, Scope::Kind kind, const Step *step);
    const TaskSpec &innerSpecFor(const Step &step, const QString &defaultName);
    void popScope(TaskRecord &task, int scopeId);

    const Scenario &m_scenario;
    StepLocations m_locations;
    Runtime m_runtime;
    Engine::Options m_options;
    std::deque<TaskRecord> m_tasks;
    EventQueue m_queue;
    std::vector<QueueEntry> m_held;          // events of the single thread while it is busy
    std::vector<UserAction> m_actions;       // sorted by time, then order given
    std::size_t m_nextAction = 0;
    std::vector<UserAction> m_heldActions;
    std::vector<TraceEvent> m_events;
    std::vector<std::pair<QString, QString>> m_errors;
    std::vector<std::pair<QString, std::vector<int>>> m_signalWaiters;
    std::vector<std::pair<QString, int>> m_signalCounts;
    std::vector<std::pair<const Step *, std::unique_ptr<TaskSpec>>> m_innerSpecs;  // wait_for / shield tasks
    std::function<void(const TraceEvent &)> m_listener;
    qint64 m_now = 0;
    qint64 m_eventCount = 0;
    quint32 m_seq = 0;
    int m_busyTask = -1;                     // task holding the single thread with CPU work
    int m_nextScopeId = 0;
    int m_nextDomain = 1;
    qint64 m_interpretedSteps = 0;
    int m_liveTasks = 0;                     // spawned and not yet ended
    std::vector<std::pair<QString, int>> m_plainErrors;
    bool m_tearingDown = false;
    bool m_rootSpawned = false;
    // asyncio's loop
    int m_turnLeft = 0;                      // callbacks of the current loop turn still to run
    qint64 m_busyUntil = 0;                  // the busy task's CPU work ends then
    bool m_stopping = false;                 // asyncio.run's stop: the shutdown comes after this turn
    int m_exitStage = 0;                     // 0 main runs; 1 cancelled tasks awaited; 2, 3 shutdown tasks; 4 closed
    int m_shutdownBound = 0;                 // tasks below this id that were running at the shutdown
    int m_shutdownLeft = 0;                  // of them, those whose end the shutdown's gather has not heard of
    [[nodiscard]] bool asyncioClosed() const { return m_exitStage >= 4; }
    QString m_abortReason;

private:
    void applyAction(const UserAction &action);
    bool processEntry(const QueueEntry &entry);
    void resume(TaskRecord &task, Wake wake);
    //! A Start entry: the task's first step (or its end, when it was cancelled before it).
    void startTask(TaskRecord &task);

public:
    // --- asyncio's event loop (asyncioloop.cpp): CPython's BaseEventLoop._run_once on the
    // virtual clock. One turn runs the callbacks that were ready when it began; timers that fell
    // due join the ready queue at the start of a turn; CPU work holds the loop inside one callback.
    bool stepAsyncio(qint64 limit);
    [[nodiscard]] qint64 nextTimeAsyncio() const;
    [[nodiscard]] bool finishedAsyncio() const;
    bool beginTurn(qint64 limit);
    bool processAsyncioEntry(QueueEntry entry);
    void queueAction(const UserAction &action);
    void asyncioDeadline(TaskRecord &task, Scope &scope);
    //! A task ended: its done callbacks (its group's, its awaiters', asyncio.run's) are scheduled.
    void asyncioTaskEnded(TaskRecord &task);
    //! TaskGroup._on_task_done / gather's _done_callback, a loop turn after the child ended.
    void asyncioChildDone(TaskRecord &child);
    //! asyncio.run() after main: cancel what runs and wait for it, shut down async generators and
    //! the default executor (one loop run each), then close the loop. Called as each loop run stops.
    void advanceExit();

    // --- asyncio's constructs (asynciosteps.cpp), each following CPython 3.11's code
    void requestCancelAsyncio(TaskRecord &task);
    [[nodiscard]] Flow taskResult(const TaskRecord &target) const;
    void abortGroup(TaskRecord &parent, Scope &scope, CancelCause cause);
    void armGather(Scope &scope);
    QCoro::Task<Flow> execGroupAsyncio(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> execGatherAsyncio(TaskRecord &task, const Step &step, BlockContext ctx);
    QCoro::Task<Flow> gatherWait(TaskRecord &task, Scope &scope);
    QCoro::Task<Flow> execJoinAsyncio(TaskRecord &task, const Step &step);
    QCoro::Task<Flow> execWaitForAsyncio(TaskRecord &task, const Step &step);
    QCoro::Task<Flow> execShieldAsyncio(TaskRecord &task, const Step &step);
    QCoro::Task<Flow> execTimeoutAsyncio(TaskRecord &task, const Step &step, BlockContext ctx);
    //! asyncio.Queue: put_nowait() adds an item and wakes the first waiting get(); get() takes an
    //! item when there is one, else waits and looks again (another task may have taken it).
    QCoro::Task<Flow> waitSignalAsyncio(TaskRecord &task, const QString &name);
    void signalAsyncio(const QString &name);
    void wakeNextGetter(const QString &name);
    //! wait_for's _cancel_and_wait(fut): cancel what it waits for and wait until that is done.
    //! `outerOnly`: fut is shield()'s outer future, which is done at once; the task goes on.
    QCoro::Task<Flow> cancelAndWait(TaskRecord &task, TaskRecord &target, CancelCause cause, bool outerOnly);
    //! Library code of the task that takes `hops` loop turns (a future's callback, then its wake-up).
    QCoro::Task<Wake> waitTurns(TaskRecord &task, int hops, int target = -1);
    //! A limited group's child: `async with slots:` around its body (asyncio.Semaphore).
    QCoro::Task<Flow> acquireSlot(TaskRecord &task, Scope &scope);
    void releaseSlot(TaskRecord &task);
    void wakeNextSlotWaiter(Scope &scope);
    [[nodiscard]] Scope *slotScopeOf(TaskRecord &task);

private:
};

} // namespace cascade
