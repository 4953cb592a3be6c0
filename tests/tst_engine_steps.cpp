// Every step kind under every runtime profile that allows it, written as the trace it must give.
// Each row: a root body, user actions, lines that must appear in this order, and text that no
// line may contain.

#include "tracesignature.h"

#include <QTest>

using namespace cascade;
using namespace cascade::testing;

class TestEngineSteps : public QObject
{
    Q_OBJECT

private:
    static void addRow(const char *name, Runtime runtime, const QByteArray &steps, const QStringList &actions,
                       const QStringList &expected, const QStringList &forbidden = {})
    {
        QTest::addRow("%s/%s", name, qPrintable(runtimeName(runtime)))
            << int(runtime) << steps << actions << expected << forbidden;
    }
    static void addAll(const char *name, const QByteArray &steps, const QStringList &actions,
                       const QStringList &expected, const QStringList &forbidden = {})
    {
        for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
            addRow(name, runtime, steps, actions, expected, forbidden);
    }

private Q_SLOTS:
    void stepSemantics_data();
    void stepSemantics();
    void unavailableConstructs_data();
    void unavailableConstructs();
};

void TestEngineSteps::stepSemantics_data()
{
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("forbidden");

    const Runtime A = Runtime::Asyncio, K = Runtime::Kotlin, S = Runtime::Swift;
    const QByteArray sleeper = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "sleep", "ms": 1000}, {"do": "print", "text": "woke"}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";

    // --- sleep: a cancellable wait
    addAll("sleep completes", R"([{"do": "sleep", "ms": 500}, {"do": "print", "text": "done"}])", {},
           {"0 main start", "0 main suspend", "500 main resume", "500 main print done", "500 main end completed"});
    addAll("sleep is cancelled at once", sleeper, {"cancel main/job@300"},
           {"300 main/job cancel-request cause=user", "300 main/job cancel-deliver at=sleep",
            "300 main/job end cancelled"},
           {"1000 main/job print woke"});

    // --- CPU work without checks: nobody can stop it
    const QByteArray cpu = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 1000}, {"do": "print", "text": "worked"}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    addRow("cpu work ignores a cancel", K, cpu, {"cancel main/job@300"},
           {"300 main/job cancel-request cause=user", "1000 main/job print worked", "1000 main/job end cancelled"},
           {"300 main/job cancel-deliver at=sleep"});
    addRow("cpu work ignores a cancel", S, cpu, {"cancel main/job@300"},
           {"300 main/job cancel-request cause=user", "1000 main/job print worked", "1000 main/job end completed"});
    // asyncio: the loop is blocked, the cancel reaches it only after the task finished
    addRow("cpu work ignores a cancel", A, cpu, {"cancel main/job@300"},
           {"0 main/job work 1000", "1000 main/job print worked", "1000 main/job end completed"},
           {"300 main/job cancel-request cause=user"});

    // --- CPU work that checks every 100 ms
    const QByteArray checking = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 1000, "checkEvery": 100}, {"do": "print", "text": "worked"}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    addAll("checking work stops at the next check", checking, {"cancel main/job@250"},
           {"300 main/job checkpoint cancelled", "300 main/job cancel-deliver at=checkpoint", "300 main/job end cancelled"},
           {"1000 main/job print worked"});
    const QByteArray polling = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 1000, "checkEvery": 100, "check": "poll"}, {"do": "print", "text": "stopped early"}]}},
        {"do": "join", "task": "job"}])";
    addRow("polling work ends the loop quietly", S, polling, {"cancel main/job@250"},
           {"300 main/job checkpoint cancelled", "300 main/job print stopped early", "300 main/job end completed"});
    addRow("polling work ends the loop quietly", K, polling, {"cancel main/job@250"},
           {"300 main/job checkpoint cancelled", "300 main/job print stopped early", "300 main/job end cancelled"});

    // --- throwing check point
    const QByteArray checkpoint = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 500}, {"do": "checkpoint"}, {"do": "print", "text": "after"}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    addAll("checkpoint raises the pending cancel", checkpoint, {"cancel main/job@200"},
           {"500 main/job checkpoint cancelled", "500 main/job cancel-deliver at=checkpoint", "500 main/job end cancelled"},
           {"500 main/job print after"});
    addAll("checkpoint passes when not cancelled", checkpoint, {},
           {"500 main/job checkpoint passed", "500 main/job print after", "500 main/job end completed"});

    // --- polling check: ifCancelled
    const QByteArray guard = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 500}, {"do": "ifCancelled", "then": "return"}, {"do": "print", "text": "after"}]}},
        {"do": "join", "task": "job"}])";
    addRow("ifCancelled returns", S, guard, {"cancel main/job@200"},
           {"500 main/job checkpoint cancelled", "500 main/job end completed"}, {"500 main/job print after"});
    addRow("ifCancelled returns", K, guard, {"cancel main/job@200"},
           {"500 main/job checkpoint cancelled", "500 main/job end cancelled"}, {"500 main/job print after"});
    addRow("ifCancelled cannot see a cancel the busy loop has not taken yet", A, guard, {"cancel main/job@200"},
           {"500 main/job checkpoint passed", "500 main/job print after", "500 main/job end completed"});
    const QByteArray guardRaise = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "sleep", "ms": 100}, {"do": "work", "ms": 400},
        {"do": "ifCancelled", "then": "raise", "error": "SoupCancellationError"}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "any"}]}])";
    addRow("ifCancelled raises its own error", S, guardRaise, {"cancel main/job@200"},
           {"500 main/job checkpoint cancelled", "500 main/job raise SoupCancellationError",
            "500 main/job end failed SoupCancellationError", "500 main catch SoupCancellationError"});

    // --- whileActive
    const QByteArray loop = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "whileActive", "steps": [{"do": "print", "text": "tick {i}"}, {"do": "work", "ms": 500}]},
        {"do": "print", "text": "loop over"}]}},
        {"do": "join", "task": "job"}])";
    addRow("whileActive ends at the first check after the cancel", K, loop, {"cancel main/job@1300"},
           {"0 main/job print tick 0", "1000 main/job print tick 2", "1500 main/job checkpoint cancelled",
            "1500 main/job print loop over", "1500 main/job end cancelled"},
           {"1500 main/job print tick 3"});
    addRow("whileActive ends at the first check after the cancel", S, loop, {"cancel main/job@1300"},
           {"1500 main/job checkpoint cancelled", "1500 main/job print loop over", "1500 main/job end completed"});

    // --- raise, try/catch/finally
    addAll("raise fails the task", R"([{"do": "raise", "error": "ValueError", "message": "bad"}])", {},
           {"0 main raise ValueError", "0 main end failed ValueError"});
    const QByteArray rethrow = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}],
         "catch": [{"error": "cancellation", "rethrow": true, "steps": [{"do": "print", "text": "cleanup"}]}]}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    addAll("catch cancellation and rethrow", rethrow, {"cancel main/job@500"},
           {"500 main/job cancel-deliver at=sleep", "500 main/job print cleanup", "500 main/job end cancelled"});
    const QByteArray swallow = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "catch": [{"error": "cancellation"}]},
        {"do": "print", "text": "carried on"}]}},
        {"do": "join", "task": "job"}, {"do": "print", "text": "joined"}])";
    addRow("a swallowed cancel completes the task", A, swallow, {"cancel main/job@500"},
           {"500 main/job catch CancelledError", "500 main/job print carried on", "500 main/job end completed",
            "500 main print joined"});
    addRow("a swallowed cancel leaves the job cancelled", K, swallow, {"cancel main/job@500"},
           {"500 main/job catch CancellationException", "500 main/job print carried on", "500 main/job end cancelled"});
    addRow("a swallowed cancel completes the task", S, swallow, {"cancel main/job@500"},
           {"500 main/job catch CancellationError", "500 main/job print carried on", "500 main/job end completed"});
    const QByteArray catchAll = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "catch": [{"error": "any"}]},
        {"do": "print", "text": "carried on"}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    addRow("except Exception misses CancelledError", A, catchAll, {"cancel main/job@500"},
           {"500 main/job cancel-deliver at=sleep", "500 main/job end cancelled"},
           {"500 main/job catch CancelledError", "500 main/job print carried on"});
    addRow("catch (e: Exception) catches the cancellation", K, catchAll, {"cancel main/job@500"},
           {"500 main/job catch CancellationException", "500 main/job print carried on", "500 main/job end cancelled"});
    addRow("catch catches the cancellation", S, catchAll, {"cancel main/job@500"},
           {"500 main/job catch CancellationError", "500 main/job print carried on", "500 main/job end completed"});
    const QByteArray cleanupWait = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}],
         "finally": [{"do": "sleep", "ms": 200}, {"do": "print", "text": "closed"}]}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    addRow("awaits in finally run normally", A, cleanupWait, {"cancel main/job@500"},
           {"500 main/job cleanup-enter", "700 main/job print closed", "700 main/job cleanup-exit",
            "700 main/job end cancelled"});
    addRow("a suspending call in finally throws at once", K, cleanupWait, {"cancel main/job@500"},
           {"500 main/job cleanup-enter", "500 main/job cancel-deliver at=sleep", "500 main/job end cancelled"},
           {"700 main/job print closed"});
    addRow("Task.sleep in defer throws at once", S, cleanupWait, {"cancel main/job@500"},
           {"500 main/job cleanup-enter", "500 main/job cancel-deliver at=sleep", "500 main/job end cancelled"},
           {"700 main/job print closed"});

    // --- structured groups
    const QByteArray strictGroup = R"([{"do": "group", "kind": "strict", "tasks": [
        {"name": "bad", "steps": [{"do": "sleep", "ms": 300}, {"do": "raise", "error": "ValueError"}]},
        {"name": "slow", "steps": [{"do": "sleep", "ms": 2000}]}]}])";
    addRow("TaskGroup: a failure cancels siblings and parent", A, strictGroup, {},
           {"300 main/bad end failed ValueError", "300 main/slow cancel-request cause=failure",
            "300 main cancel-request cause=failure", "300 main/slow end cancelled", "300 main raise ExceptionGroup",
            "300 main end failed ExceptionGroup"});
    addRow("coroutineScope: a failure cancels the scope", K, strictGroup, {},
           {"300 main/bad end failed ValueError", "300 main/slow cancel-request cause=parent",
            "300 main/slow end cancelled", "300 main end failed ValueError"});
    addRow("withThrowingTaskGroup: next() sees the error", S, strictGroup, {},
           {"300 main/bad end failed ValueError", "300 main/slow cancel-request cause=failure",
            "300 main/slow end cancelled", "300 main end failed ValueError"});
    const QByteArray tolerantGroup = R"([{"do": "group", "kind": "tolerant", "tasks": [
        {"name": "bad", "steps": [{"do": "sleep", "ms": 300}, {"do": "raise", "error": "ValueError"}]},
        {"name": "slow", "steps": [{"do": "sleep", "ms": 2000}]}]}])";
    addAll("a tolerant group lets the others finish", tolerantGroup, {},
           {"300 main/bad end failed ValueError", "2000 main/slow end completed", "2000 main end completed"},
           {"300 main/slow cancel-request cause=failure", "300 main/slow cancel-request cause=parent"});
    const QByteArray limited = R"([{"do": "group", "kind": "strict", "limit": 2, "tasks": [
        {"name": "chop", "count": 4, "steps": [{"do": "sleep", "ms": 100}]}]}])";
    addRow("a concurrency limit starts children as others end", K, limited, {},
           {"0 main/chop[0] start", "0 main/chop[1] start", "100 main/chop[2] start", "100 main/chop[3] start",
            "200 main end completed"});
    addRow("a concurrency limit starts children as others end", S, limited, {},
           {"0 main/chop[0] start", "0 main/chop[1] start", "100 main/chop[2] start", "100 main/chop[3] start",
            "200 main end completed"});
    // asyncio has no limited TaskGroup: every task starts and waits in `async with slots:` for one
    // of the asyncio.Semaphore(2)'s slots (docs/codegen.md).
    addRow("a concurrency limit lets children wait for a slot", A, limited, {},
           {"0 main/chop[0] start", "0 main/chop[1] start", "0 main/chop[2] start", "0 main/chop[2] suspend",
            "0 main/chop[3] start", "100 main/chop[0] end completed", "100 main/chop[2] resume",
            "200 main/chop[3] end completed", "200 main end completed"});
    const QByteArray cancelAll = R"([{"do": "group", "kind": "tolerant", "tasks": [
        {"name": "w", "count": 2, "dispatcher": "Default", "steps": [{"do": "work", "ms": 300}, {"do": "print", "text": "done"}]}],
        "steps": [{"do": "sleep", "ms": 100}, {"do": "cancelChildren"}]}])";
    addRow("cancelAll only sets flags", S, cancelAll, {},
           {"100 main/w[0] cancel-request cause=code", "300 main/w[0] print done", "300 main/w[1] print done"});
    addRow("cancelChildren does not stop CPU work", K, cancelAll, {},
           {"100 main/w[0] cancel-request cause=code", "300 main/w[0] print done", "300 main/w[0] end cancelled"});
    const QByteArray parentCancel = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "p", "steps": [
        {"do": "group", "kind": "strict", "tasks": [{"name": "c", "count": 2, "steps": [{"do": "sleep", "ms": 1000}]}]}]}},
        {"do": "try", "steps": [{"do": "join", "task": "p"}], "catch": [{"error": "cancellation"}]}])";
    // asyncio: the CancelledError is raised in TaskGroup.__aexit__'s await at once; it aborts the
    // group (cancelling the children), waits for them, then raises the CancelledError again.
    addRow("cancelling the parent cancels the group", A, parentCancel, {"cancel main/p@100"},
           {"100 main/p cancel-request cause=user", "100 main/p cancel-deliver at=TaskGroup",
            "100 main/p/c[0] cancel-request cause=parent", "100 main/p/c[1] end cancelled", "100 main/p end cancelled"});
    addRow("cancelling the parent cancels the group", K, parentCancel, {"cancel main/p@100"},
           {"100 main/p cancel-request cause=user", "100 main/p/c[0] cancel-request cause=parent",
            "100 main/p/c[1] end cancelled", "100 main/p cancel-deliver at=coroutineScope", "100 main/p end cancelled"});
    addRow("cancelling the parent cancels the group", S, parentCancel, {"cancel main/p@100"},
           {"100 main/p cancel-request cause=user", "100 main/p/c[0] cancel-request cause=parent",
            "100 main/p/c[1] end cancelled", "100 main/p end cancelled"});

    // --- await several
    const QByteArray gather = R"([{"do": "try", "steps": [{"do": "gather", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 300}, {"do": "raise", "error": "BurnError"}]},
        {"name": "b", "steps": [{"do": "sleep", "ms": 1000}, {"do": "print", "text": "b done"}]}]},
        {"do": "print", "text": "unreachable"}], "catch": [{"error": "BurnError", "rethrow": true}],
        "finally": [{"do": "sleep", "ms": 1500}]}])";
    addRow("gather raises at once and leaves the others running", A, gather, {},
           {"300 main/a end failed BurnError", "300 main raise BurnError", "300 main catch BurnError rethrown",
            "1000 main/b print b done", "1800 main end failed BurnError"},
           {"300 main/b cancel-request cause=failure", "300 main print unreachable"});
    addRow("awaitAll: a failing async cancels the parent and siblings", K, gather, {},
           {"300 main/a end failed BurnError", "300 main cancel-request cause=failure",
            "300 main/b cancel-request cause=parent", "300 main/b end cancelled", "300 main end failed BurnError"},
           {"1000 main/b print b done", "1800 main"});
    addRow("async let: an awaited failure cancels the rest", S, gather, {},
           {"300 main/a end failed BurnError", "300 main/b cancel-request cause=failure", "300 main/b end cancelled",
            "1800 main end failed BurnError"});
    const QByteArray awaitOrder = R"([{"do": "gather", "awaitOrder": ["b", "a"], "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 300}, {"do": "raise", "error": "BurnError"}]},
        {"name": "b", "steps": [{"do": "sleep", "ms": 1000}]}]}])";
    addRow("async let: the error waits for the child awaited first", S, awaitOrder, {},
           {"300 main/a end failed BurnError", "1000 main/b end completed", "1000 main end failed BurnError"});

    // --- spawn, join, cancel from code
    const QByteArray child = R"([{"do": "spawn", "link": "child", "task": {"name": "kid", "steps": [
        {"do": "sleep", "ms": 800}, {"do": "print", "text": "kid done"}]}}, {"do": "print", "text": "body done"}])";
    addRow("launch: the parent waits for its child", K, child, {},
           {"0 main print body done", "0 main suspend", "800 main/kid print kid done", "800 main end completed"});
    addRow("async let not awaited is cancelled at scope exit", S, child, {},
           {"0 main print body done", "0 main/kid cancel-request cause=parent", "0 main/kid end cancelled",
            "0 main end completed"});
    const QByteArray orphan = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "p", "steps": [
        {"do": "spawn", "link": "unstructured", "task": {"name": "orphan", "steps": [
            {"do": "sleep", "ms": 1000}, {"do": "print", "text": "still here"}]}},
        {"do": "sleep", "ms": 5000}]}},
        {"do": "sleep", "ms": 100}, {"do": "cancel", "task": "p"}, {"do": "sleep", "ms": 2000}])";
    addAll("an unstructured child is not cancelled with its parent", orphan, {},
           {"100 main/p cancel-request cause=code", "100 main/p/orphan cancel-blocked by=not-a-child",
            "100 main/p end cancelled", "1000 main/p/orphan print still here"});
    const QByteArray awaiterCancel = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "w", "steps": [
        {"do": "spawn", "link": "unstructured", "task": {"name": "inner", "steps": [{"do": "sleep", "ms": 1000}]}},
        {"do": "join", "task": "inner"}]}}, {"do": "sleep", "ms": 2000}])";
    addRow("cancelling the awaiter cancels the awaited task", A, awaiterCancel, {"cancel main/w@100"},
           {"100 main/w cancel-request cause=user", "100 main/w/inner cancel-request cause=awaiter",
            "100 main/w/inner end cancelled", "100 main/w cancel-deliver at=join", "100 main/w end cancelled"});
    addRow("join is cancellable but leaves the job alone", K, awaiterCancel, {"cancel main/w@100"},
           {"100 main/w cancel-deliver at=join", "100 main/w end cancelled", "1000 main/w/inner end completed"});
    addRow("await task.value does not notice the cancel", S, awaiterCancel, {"cancel main/w@100"},
           {"100 main/w cancel-request cause=user", "1000 main/w/inner end completed", "1000 main/w end completed"});

    // --- repeat
    addAll("repeat numbers its iterations", R"([{"do": "repeat", "count": 3, "from": 1, "steps": [
        {"do": "print", "text": "n={i}"}]}])", {}, {"0 main print n=1", "0 main print n=2", "0 main print n=3"});

    // --- timeouts
    const QByteArray timeout = R"([{"do": "timeout", "ms": 500, "steps": [{"do": "sleep", "ms": 2000}]}])";
    addRow("asyncio.timeout raises TimeoutError", A, timeout, {},
           {"500 main timeout 500", "500 main cancel-request cause=timeout", "500 main cancel-deliver at=sleep",
            "500 main raise TimeoutError", "500 main end failed TimeoutError"});
    addRow("withTimeout ends the coroutine as cancelled", K, timeout, {},
           {"500 main timeout 500", "500 main cancel-request cause=timeout", "500 main cancel-deliver at=sleep",
            "500 main end cancelled TimeoutCancellationException"});
    const QByteArray orNull = R"([{"do": "timeout", "ms": 500, "orNull": true, "steps": [{"do": "sleep", "ms": 2000}]},
        {"do": "print", "text": "got null"}])";
    addRow("timeout-or-null carries on", K, orNull, {}, {"500 main timeout 500", "500 main print got null", "500 main end completed"});
    addRow("timeout-or-null carries on", A, orNull, {}, {"500 main timeout 500", "500 main print got null", "500 main end completed"});
    const QByteArray waitFor = R"([{"do": "timeout", "ms": 500, "style": "waitFor", "name": "slow",
        "steps": [{"do": "sleep", "ms": 2000}]}])";
    addRow("wait_for cancels its inner task", A, waitFor, {},
           {"500 main timeout 500", "500 main/slow cancel-request cause=timeout", "500 main/slow end cancelled",
            "500 main raise TimeoutError", "500 main end failed TimeoutError"});

    // --- where timeouts are: a deadline from the scope's start to its end, fired or not
    addRow("a timeout block sets and clears its deadline", A, timeout, {},
           {"0 main deadline-set ms=500 deadline=500 cause=code", "500 main timeout 500", "500 main raise TimeoutError",
            "500 main deadline-clear deadline=500", "500 main end failed TimeoutError"});
    addRow("a timeout block sets and clears its deadline", K, timeout, {},
           {"0 main deadline-set ms=500 deadline=500 cause=code", "500 main timeout 500", "500 main cancel-deliver at=sleep",
            "500 main deadline-clear deadline=500", "500 main end cancelled TimeoutCancellationException"});
    const QByteArray inTime = R"([{"do": "timeout", "ms": 500, "steps": [{"do": "sleep", "ms": 100}]}])";
    addRow("a deadline that never fires is cleared when the block ends", A, inTime, {},
           {"0 main deadline-set ms=500 deadline=500 cause=code", "100 main deadline-clear deadline=500", "100 main end completed"},
           {"main timeout"});
    addRow("a deadline that never fires is cleared when the block ends", K, inTime, {},
           {"0 main deadline-set ms=500 deadline=500 cause=code", "100 main deadline-clear deadline=500", "100 main end completed"},
           {"main timeout"});
    addRow("wait_for's deadline belongs to the waiting task", A, waitFor, {},
           {"0 main deadline-set ms=500 deadline=500 cause=code", "0 main/slow spawn child", "500 main timeout 500",
            "500 main/slow end cancelled", "500 main raise TimeoutError", "500 main deadline-clear deadline=500"},
           {"main/slow deadline-set"});

    // --- shields
    const QByteArray shield = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "w", "steps": [
        {"do": "shield", "name": "commit", "steps": [{"do": "sleep", "ms": 1000}, {"do": "print", "text": "committed"}]},
        {"do": "print", "text": "after shield"}]}}, {"do": "sleep", "ms": 2000}])";
    addRow("shield: the awaiter is cancelled, the inner work goes on", A, shield, {"cancel main/w@100"},
           {"100 main/w cancel-request cause=user", "100 main/w/commit cancel-blocked by=shield",
            "100 main/w cancel-deliver at=shield", "100 main/w end cancelled", "1000 main/w/commit print committed"},
           {"1000 main/w print after shield"});
    addRow("NonCancellable: the request waits for the block to end", K, shield, {"cancel main/w@100"},
           {"100 main/w cancel-request cause=user", "100 main/w cancel-blocked by=non-cancellable",
            "1000 main/w print committed", "1000 main/w cancel-deliver at=withContext", "1000 main/w end cancelled"},
           {"1000 main/w print after shield"});

    addRow("asyncio.shield protects the inner task from its spawn to its end", A, shield, {"cancel main/w@100"},
           {"0 main/w/commit spawn unstructured", "0 main/w/commit shield-on cause=code", "100 main/w/commit cancel-blocked by=shield",
            "1000 main/w/commit print committed", "1000 main/w/commit shield-off cause=code", "1000 main/w/commit end completed"},
           {"main/w shield-on"});
    addRow("NonCancellable shields the task itself while in the block", K, shield, {"cancel main/w@100"},
           {"0 main/w shield-on cause=code", "100 main/w cancel-blocked by=non-cancellable", "1000 main/w print committed",
            "1000 main/w shield-off cause=code", "1000 main/w cancel-deliver at=withContext"},
           {"main/w/commit"});

    // --- the user's Timeout: as if the rest of the task were in asyncio.timeout / withTimeout
    addRow("a user timeout cancels the task at its deadline", A, sleeper, {"timeout main/job@200:300"},
           {"200 main/job deadline-set ms=300 deadline=500 cause=user", "500 main/job timeout 300",
            "500 main/job cancel-request cause=timeout", "500 main/job cancel-deliver at=sleep", "500 main/job raise TimeoutError",
            "500 main/job deadline-clear deadline=500", "500 main/job end failed TimeoutError"},
           {"main/job print woke"});
    addRow("a user timeout cancels the task at its deadline", K, sleeper, {"timeout main/job@200:300"},
           {"200 main/job deadline-set ms=300 deadline=500 cause=user", "500 main/job timeout 300",
            "500 main/job cancel-request cause=timeout", "500 main/job cancel-deliver at=sleep",
            "500 main/job deadline-clear deadline=500", "500 main/job end cancelled TimeoutCancellationException"},
           {"main/job print woke"});
    addRow("Swift has no timeout to give", S, sleeper, {"timeout main/job@200:300"},
           {"200 main action-ignored timeout", "1000 main/job print woke", "1000 main/job end completed"},
           {"deadline-set", "main/job timeout"});
    addRow("of two user timeouts the earlier deadline wins", A, sleeper, {"timeout main/job@100:800", "timeout main/job@200:300"},
           {"100 main/job deadline-set ms=800 deadline=900 cause=user", "200 main/job deadline-set ms=300 deadline=500 cause=user",
            "500 main/job timeout 300", "500 main/job raise TimeoutError", "500 main/job deadline-clear deadline=500",
            "500 main/job deadline-clear deadline=900", "500 main/job end failed TimeoutError"},
           {"main/job timeout 800"});
    addRow("of two user timeouts the earlier deadline wins", K, sleeper, {"timeout main/job@100:800", "timeout main/job@200:300"},
           {"500 main/job timeout 300", "500 main/job end cancelled TimeoutCancellationException"}, {"main/job timeout 800"});
    addRow("a user timeout that does not expire changes nothing", A, sleeper, {"timeout main/job@100:5000"},
           {"100 main/job deadline-set ms=5000 deadline=5100 cause=user", "1000 main/job print woke",
            "1000 main/job deadline-clear deadline=5100", "1000 main/job end completed"},
           {"main/job timeout", "main/job cancel-request"});
    addRow("a user timeout reaches the children of a Kotlin job", K, parentCancel, {"timeout main/p@50:100"},
           {"150 main/p timeout 100", "150 main/p cancel-request cause=timeout", "150 main/p/c[0] cancel-request cause=parent",
            "150 main/p/c[1] end cancelled", "150 main/p end cancelled TimeoutCancellationException"});
    addRow("a user timeout on an ended task is ignored", A, sleeper, {"timeout main/job@1500:100"},
           {"1000 main/job end completed", "1500 main action-ignored timeout"}, {"deadline-set"});
    addRow("a user timeout on an ended task is ignored", K, sleeper, {"timeout main/job@1500:100"},
           {"1000 main/job end completed", "1500 main action-ignored timeout"}, {"deadline-set"});

    // --- the user's Shield: requests from outside stop at the task until it is toggled off
    addRow("a user shield stops the parent's cancel", A, parentCancel, {"shield main/p/c[0]@50", "cancel main/p@100"},
           {"50 main/p/c[0] shield-on cause=user", "100 main/p cancel-request cause=user",
            "100 main/p/c[0] cancel-blocked by=shield", "100 main/p/c[1] end cancelled", "1000 main/p/c[0] shield-off cause=user",
            "1000 main/p/c[0] end completed", "1000 main/p end cancelled"},
           {"main/p/c[0] cancel-request"});
    addRow("a user shield stops the parent's cancel", K, parentCancel, {"shield main/p/c[0]@50", "cancel main/p@100"},
           {"50 main/p/c[0] shield-on cause=user", "100 main/p cancel-request cause=user",
            "100 main/p/c[0] cancel-blocked by=non-cancellable", "100 main/p/c[1] end cancelled",
            "1000 main/p/c[0] end completed", "1000 main/p end cancelled"},
           {"main/p/c[0] cancel-request"});
    addRow("Swift has no shield to give", S, parentCancel, {"shield main/p/c[0]@50", "cancel main/p@100"},
           {"50 main action-ignored shield", "100 main/p/c[0] cancel-request cause=parent"}, {"shield-on"});
    addRow("toggling the shield off delivers the request it stopped", A, parentCancel,
           {"shield main/p/c[0]@50", "cancel main/p@100", "shield main/p/c[0]@300"},
           {"100 main/p/c[0] cancel-blocked by=shield", "300 main/p/c[0] shield-off cause=user",
            "300 main/p/c[0] cancel-request cause=parent", "300 main/p/c[0] cancel-deliver at=sleep",
            "300 main/p/c[0] end cancelled", "300 main/p end cancelled"});
    addRow("toggling the shield off delivers the request it stopped", K, parentCancel,
           {"shield main/p/c[0]@50", "cancel main/p@100", "shield main/p/c[0]@300"},
           {"100 main/p/c[0] cancel-blocked by=non-cancellable", "300 main/p/c[0] shield-off cause=user",
            "300 main/p/c[0] cancel-request cause=parent", "300 main/p/c[0] cancel-deliver at=sleep",
            "300 main/p end cancelled"});
    addRow("toggling the shield off with nothing blocked delivers nothing", A, sleeper,
           {"shield main/job@100", "shield main/job@300"},
           {"100 main/job shield-on cause=user", "300 main/job shield-off cause=user", "1000 main/job end completed"},
           {"cancel-request"});
    addRow("the user's own cancel still reaches a shielded task", A, sleeper, {"shield main/job@100", "cancel main/job@300"},
           {"300 main/job cancel-request cause=user", "300 main/job cancel-deliver at=sleep",
            "300 main/job shield-off cause=user", "300 main/job end cancelled"});
    addRow("the user's own cancel still reaches a shielded task", K, sleeper, {"shield main/job@100", "cancel main/job@300"},
           {"300 main/job cancel-request cause=user", "300 main/job cancel-deliver at=sleep", "300 main/job end cancelled"});
    // asyncio: a shielded awaited task is like `await shield(task)`: the awaiter stops, it goes on
    addRow("cancelling the awaiter of a user-shielded task", A, awaiterCancel, {"shield main/w/inner@50", "cancel main/w@100"},
           {"100 main/w cancel-request cause=user", "100 main/w/inner cancel-blocked by=shield", "100 main/w cancel-deliver at=join",
            "100 main/w end cancelled", "1000 main/w/inner end completed"},
           {"main/w/inner cancel-request"});
    addRow("wait_for times out on a user-shielded inner task", A, waitFor, {"shield main/slow@100"},
           {"500 main timeout 500", "500 main/slow cancel-blocked by=shield", "500 main raise TimeoutError",
            "500 main deadline-clear deadline=500", "500 main end failed TimeoutError"},
           {"main/slow cancel-request cause=timeout"});
    addRow("a user timeout goes through the user's shield", K, sleeper, {"shield main/job@100", "timeout main/job@200:100"},
           {"300 main/job timeout 100", "300 main/job cancel-request cause=timeout", "300 main/job cancel-deliver at=sleep"});

    // --- cancellation handlers and signals
    const QByteArray handler = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "chef", "steps": [
        {"do": "onCancel", "steps": [{"do": "waitSignal", "signal": "orders"}, {"do": "print", "text": "woken"}],
         "handler": [{"do": "print", "text": "stop waiting"}, {"do": "signal", "signal": "orders"}]}]}},
        {"do": "sleep", "ms": 700}, {"do": "cancel", "task": "chef"}, {"do": "join", "task": "chef"}])";
    addRow("onCancel runs at the instant of cancel", S, handler, {},
           {"700 main/chef cancel-request cause=code", "700 main/chef cleanup-enter", "700 main/chef print stop waiting",
            "700 main/chef print woken", "700 main/chef end completed"});
    addRow("invokeOnCancellation runs at the instant of cancel", K, handler, {},
           {"700 main/chef cancel-request cause=code", "700 main/chef print stop waiting",
            "700 main/chef cancel-deliver at=waitSignal", "700 main/chef end cancelled"});
    const QByteArray signal = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "w", "steps": [
        {"do": "waitSignal", "signal": "go"}, {"do": "print", "text": "went"}]}},
        {"do": "sleep", "ms": 300}, {"do": "signal", "signal": "go"}, {"do": "join", "task": "w"}])";
    addAll("a signal wakes its waiter", signal, {}, {"0 main/w suspend", "300 main/w resume", "300 main/w print went"});

    // --- asyncio as CPython 3.11 runs it: each row is a difference tst_fidelity found between the
    // engine and the real program, fixed in the engine (docs/fidelity.md lists them).
    addRow("F1 except Boom does not catch a TaskGroup's ExceptionGroup", A, R"([{"do": "try", "steps": [
        {"do": "group", "kind": "strict", "tasks": [{"name": "a", "steps": [{"do": "raise", "error": "Boom"}]}]}],
        "catch": [{"error": "Boom", "steps": [{"do": "print", "text": "caught"}]}]}])", {},
           {"0 main cancel-request cause=failure", "0 main cancel-deliver at=TaskGroup", "0 main end failed ExceptionGroup"},
           {"main print caught"});
    addRow("F2 an error in the TaskGroup's body leaves it in an ExceptionGroup", A, R"([{"do": "group", "kind": "strict",
        "tasks": [{"name": "a", "steps": [{"do": "sleep", "ms": 1000}]}], "steps": [{"do": "raise", "error": "Boom"}]}])", {},
           {"0 main/a cancel-request cause=parent", "0 main/a end cancelled", "0 main end failed ExceptionGroup"});
    const QByteArray failingAtExit = R"([{"do": "group", "kind": "strict", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 100}, {"do": "raise", "error": "Boom"}]},
        {"name": "b", "steps": [{"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "finally": [{"do": "sleep", "ms": 200}]}]}]}])";
    addRow("F3 a child's failure cancels the parent waiting at the exit", A, failingAtExit, {},
           {"100 main/b cancel-request cause=failure", "100 main cancel-request cause=failure",
            "100 main cancel-deliver at=TaskGroup", "300 main/b end cancelled", "300 main end failed ExceptionGroup"});
    addRow("F4 cancelling the children by hand does not abort the TaskGroup", A, R"([{"do": "group", "kind": "strict",
        "tasks": [{"name": "a", "steps": [{"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "finally": [{"do": "sleep", "ms": 500}]}]}],
        "steps": [{"do": "sleep", "ms": 10}, {"do": "cancelChildren"}]}, {"do": "print", "text": "after the group"}])",
           {"cancel main@100"},
           {"10 main/a cancel-request cause=code", "100 main cancel-deliver at=TaskGroup", "100 main/a cancel-request cause=parent",
            "100 main end cancelled"}, {"main print after the group"});
    addRow("F5 a timer that falls due during CPU work waits for the worker's next slice", A, R"([
        {"do": "spawn", "link": "unstructured", "task": {"name": "w", "steps": [{"do": "work", "ms": 100, "checkEvery": 50}]}},
        {"do": "spawn", "link": "unstructured", "task": {"name": "s", "steps": [{"do": "sleep", "ms": 10}, {"do": "print", "text": "woke"}]}},
        {"do": "join", "task": "w"}, {"do": "join", "task": "s"}])", {},
           {"50 main/w checkpoint passed", "100 main/w end completed", "100 main/s print woke"}, {"50 main/s print woke"});
    addRow("F6 asyncio.run's shutdown lets a task made in main's last step start", A, R"([
        {"do": "spawn", "link": "unstructured", "task": {"name": "t", "steps": [{"do": "print", "text": "started"}, {"do": "sleep", "ms": 100}]}}])",
           {}, {"0 main end completed", "0 main/t print started", "0 main/t cancel-request cause=shutdown", "0 main/t end cancelled"});
    addRow("F7 a task started during the shutdown is abandoned when asyncio.run() returns", A, R"([
        {"do": "spawn", "link": "unstructured", "task": {"name": "t", "steps": [{"do": "try", "steps": [{"do": "sleep", "ms": 100}],
         "finally": [{"do": "spawn", "link": "unstructured", "task": {"name": "u", "steps": [{"do": "sleep", "ms": 1000}, {"do": "print", "text": "u done"}]}}]}]}}])",
           {}, {"0 main/t end cancelled", "0 main/t/u suspend"}, {"main/t/u end", "u done"});
    addRow("F8 polling CPU work still raises a pending cancel at its sleep(0)", A, R"([
        {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "work", "ms": 300, "checkEvery": 100, "check": "poll"},
         {"do": "print", "text": "after the work"}]}}, {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])",
           {"cancel main/job@50"}, {"100 main/job cancel-deliver at=checkpoint", "100 main/job end cancelled"}, {"after the work"});
    addRow("F9 cancelling wait_for's task: delivered at once, then the inner task is cancelled", A, R"([
        {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 1000}]}},
        {"do": "join", "task": "job", "timeout": 5000}])", {"cancel main@50"},
           {"50 main cancel-request cause=user", "50 main cancel-deliver at=join", "50 main/job cancel-request cause=parent",
            "50 main/job end cancelled", "50 main end cancelled"});
    addRow("F10 gather raises the first child's CancelledError at once", A, R"([{"do": "gather", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 1000}]},
        {"name": "b", "steps": [{"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "finally": [{"do": "sleep", "ms": 300}]}]}]}])",
           {"cancel main@50"}, {"50 main/a end cancelled", "50 main cancel-deliver at=gather", "50 main end cancelled"});
    addRow("F11 asyncio.timeout raises TimeoutError only when no other cancel is counted (3.11)", A, R"([
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "catch": [{"error": "cancellation"}]},
        {"do": "try", "steps": [{"do": "timeout", "ms": 100, "steps": [{"do": "sleep", "ms": 1000}]}],
         "catch": [{"error": "timeout", "steps": [{"do": "print", "text": "TimeoutError"}]}]}])", {"cancel main@50"},
           {"150 main cancel-request cause=timeout", "150 main end cancelled"}, {"TimeoutError"});
    addRow("F12 awaiting a task that failed with TimeoutError raises a TimeoutError", A, R"([
        {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "timeout", "ms": 100, "steps": [{"do": "sleep", "ms": 1000}]}]}},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "timeout", "steps": [{"do": "print", "text": "caught"}]}]}])",
           {}, {"100 main/job end failed TimeoutError", "100 main print caught", "100 main end completed"});

    // --- user failure injection
    addAll("fail a task from outside", sleeper, {"fail main/job@400:IOError:disk gone"},
           {"400 main/job raise IOError", "400 main/job end failed IOError"});
    addAll("actions on ended tasks are ignored", sleeper, {"cancel main/job@1500"},
           {"1000 main/job end completed", "1500 main action-ignored cancel"});
}

void TestEngineSteps::stepSemantics()
{
    QFETCH(int, runtime);
    QFETCH(QByteArray, steps);
    QFETCH(QStringList, actions);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, forbidden);

    QString error;
    const auto scenario = ScenarioLoader::parse(scenarioJson(steps), QStringLiteral("spec.json"), &error);
    QVERIFY2(scenario, qPrintable(error));
    QVERIFY2(Engine::unsupported(*scenario, Runtime(runtime)).isEmpty(),
             qPrintable(Engine::unsupported(*scenario, Runtime(runtime)).join(QLatin1Char('\n'))));
    Engine engine(*scenario, Runtime(runtime));
    for (const QString &text : std::as_const(actions)) {
        // "cancel PATH@MS", "fail ...", "timeout PATH@MS:DURATION", "shield PATH@MS": verb, then the option's text.
        const QString verb = text.section(QLatin1Char(' '), 0, 0);
        UserAction::Kind kind = UserAction::Kind::Cancel;
        for (const auto k : {UserAction::Kind::Cancel, UserAction::Kind::Fail, UserAction::Kind::Timeout, UserAction::Kind::Shield}) {
            if (UserAction::verb(k) == verb)
                kind = k;
        }
        UserAction action;
        QVERIFY2(UserAction::parse(kind, text.section(QLatin1Char(' '), 1, -1), &action, &error), qPrintable(error));
        engine.schedule(action);
    }
    engine.runToEnd();
    QVERIFY(engine.abortReason().isEmpty());
    const QStringList lines = signature(engine);
    QString missing;
    QVERIFY2(containsInOrder(lines, expected, &missing),
             qPrintable(QStringLiteral("missing (in order): %1\ntrace:\n%2").arg(missing, lines.join(QLatin1Char('\n')))));
    for (const QString &text : std::as_const(forbidden)) {
        QVERIFY2(!traceMentions(lines, text), qPrintable(QStringLiteral("unexpected: %1\ntrace:\n%2").arg(text, lines.join(QLatin1Char('\n')))));
    }
}

void TestEngineSteps::unavailableConstructs_data()
{
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QString>("reason");

    QTest::newRow("asyncio has no structured child outside a group")
        << int(Runtime::Asyncio)
        << QByteArray(R"([{"do": "spawn", "link": "child", "task": {"name": "k", "steps": []}}])")
        << QStringLiteral("/root/steps/0: a structured child (\"link\": \"child\") is not available in asyncio");
    QTest::newRow("asyncio has no cancellation handler")
        << int(Runtime::Asyncio) << QByteArray(R"([{"do": "onCancel", "steps": [], "handler": []}])")
        << QStringLiteral("/root/steps/0: a cancellation handler (onCancel) is not available in asyncio");
    QTest::newRow("Swift has no timeout")
        << int(Runtime::Swift) << QByteArray(R"([{"do": "timeout", "ms": 5, "steps": []}])")
        << QStringLiteral("/root/steps/0: a timeout is not available in swift: Swift has no built-in timeout");
    QTest::newRow("Swift has no shield")
        << int(Runtime::Swift) << QByteArray(R"([{"do": "try", "steps": [{"do": "shield", "steps": []}], "finally": []}])")
        << QStringLiteral("/root/steps/0/steps/0: a shield is not available in swift: Swift has no shield");
}

void TestEngineSteps::unavailableConstructs()
{
    QFETCH(int, runtime);
    QFETCH(QByteArray, steps);
    QFETCH(QString, reason);
    QString error;
    const auto scenario = ScenarioLoader::parse(scenarioJson(steps), QStringLiteral("spec.json"), &error);
    QVERIFY2(scenario, qPrintable(error));
    const QStringList reasons = Engine::unsupported(*scenario, Runtime(runtime));
    QCOMPARE(reasons.size(), 1);
    QVERIFY2(reasons.front().startsWith(reason), qPrintable(reasons.front()));
}

QTEST_GUILESS_MAIN(TestEngineSteps)
#include "tst_engine_steps.moc"
