// Regression cases: the minimal cases of the engine bugs that the random sweep (tst_invariants)
// found. Each row states the behaviour that semantics.md (or the README, trace-format.md or
// engine.h) asks for, and also checks the trace invariants (tracechecks.h). Each case runs in a
// child process because some of them crashed the engine.
//
// A row whose "bug" column is set is a known engine bug that is not fixed yet: it is marked
// QEXPECT_FAIL with that text. When the fix lands the row XPASSes, which fails: then empty its
// "bug", and it stays as a regression case. Every row here passes; no "bug" is set.

#include "childprocess.h"
#include "randomscenario.h"
#include "tracechecks.h"

#include "engine.h"
#include "scenarioloader.h"

#include <QTest>

#include <vector>

using namespace cascade;
using namespace cascade::testing;

namespace {

//! Questions about a trace, by task path.
struct Lookup {
    const std::vector<TraceEvent> &events;
    TaskPathResolver path;

    [[nodiscard]] const TraceEvent *find(const QString &task, EventKind kind, const QString &text = {}) const
    {
        for (const TraceEvent &e : events) {
            if (e.kind == kind && path(e.task) == task && (text.isEmpty() || e.text == text))
                return &e;
        }
        return nullptr;
    }
    //! "100 cancelled CancelledError", "0 completed", "(no end)".
    [[nodiscard]] QString end(const QString &task) const
    {
        const TraceEvent *e = find(task, EventKind::End);
        return e ? QStringLiteral("%1 %2 %3").arg(e->t).arg(QString::fromLatin1(outcomeName(Outcome(e->code))), e->text).trimmed()
                 : QStringLiteral("(no end)");
    }
};

//! The behaviour a row asks for: empty when the trace shows it, else what differs.
using Expectation = QString (*)(const Lookup &);

struct RegressionCase {
    Runtime runtime;
    QByteArray steps;        // the root's steps
    QStringList actions;     // "cancel PATH@MS", "fail PATH@MS:Error:message", "timeout PATH@MS:DURATION", "shield PATH@MS"
    qint64 until = -1;       // runUntil(until) instead of runToEnd()
    Expectation expectation;
};

QString expect(const QString &what, const QString &got, const QString &want)
{
    return got == want ? QString() : QStringLiteral("%1: got '%2', want '%3'").arg(what, got, want);
}

QString mainEnds(const Lookup &l, const QString &want)
{
    return expect(QStringLiteral("main's end"), l.end(QStringLiteral("main")), want);
}

QByteArray regressionScenario(const QByteArray &steps)
{
    return QByteArrayLiteral(R"({"cascade": "scenario", "version": 1, "id": "regression", "title": {"en": "regression", "ko": "regression"},
        "runtimes": ["asyncio", "kotlin", "swift"], "root": {"name": "main", "steps": )") + steps + "}}";
}

//! The rows' expectations (QTest columns hold their index).
std::vector<Expectation> &expectations()
{
    static std::vector<Expectation> all;
    return all;
}

//! Runs the case (in a child process); empty when it behaves as it should.
QString runCase(const RegressionCase &c, QByteArray *trace)
{
    QString crash;
    const QByteArray out = runIsolated(
        [&](int fd) {
            QString error;
            const auto scenario = ScenarioLoader::parse(regressionScenario(c.steps), QStringLiteral("regression.json"), &error);
            if (!scenario) {
                writeAll(fd, QStringLiteral("bad case: %1").arg(error).toUtf8() + TraceSeparator);
                return;
            }
            Engine engine(*scenario, c.runtime);
            QList<UserAction> actions;
            for (const QString &text : c.actions) {
                UserAction action;
                if (!parseAction(text, &action, &error)) {
                    writeAll(fd, QStringLiteral("bad action: %1").arg(error).toUtf8() + TraceSeparator);
                    return;
                }
                actions << action;
                engine.schedule(action);
            }
            if (c.until >= 0)
                engine.runUntil(c.until);
            else
                engine.runToEnd();
            const ScenarioFacts facts = factsOf(*scenario, c.runtime);
            RunView view = runViewOf(engine, c.runtime, facts, actions);
            view.finished = engine.finished() && c.until < 0;
            QStringList problems = c.until < 0 ? checkInvariants(view) : QStringList();
            const QString specific = c.expectation(Lookup{engine.events(), engine.pathResolver()});
            if (!specific.isEmpty())
                problems.prepend(specific);
            writeAll(fd, problems.join(QLatin1Char('\n')).toUtf8() + TraceSeparator + engine.traceJsonLines());
        },
        &crash);
    if (!crash.isEmpty()) {
        *trace = {};
        return crash;
    }
    const qsizetype split = out.indexOf(TraceSeparator);
    *trace = out.mid(split + TraceSeparator.size());
    return QString::fromUtf8(out.left(split));
}

} // namespace

class TestRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regressionCases_data();
    void regressionCases();
};

void TestRegressions::regressionCases_data()
{
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<qint64>("until");
    QTest::addColumn<int>("expectation");
    QTest::addColumn<QString>("bug");
    auto row = [](const char *name, const char *bug, Runtime runtime, const QByteArray &steps, const QStringList &actions,
                  qint64 until, Expectation expectation) {
        expectations().push_back(expectation);
        QTest::newRow(name) << int(runtime) << steps << actions << until << int(expectations().size() - 1)
                            << QString::fromLatin1(bug);
    };

    // 1. asyncio: "A task cancelled before its first step never runs any of its body"; it ends
    //    cancelled with CancelledError, and awaiting it raises CancelledError in the awaiter, also
    //    inside a gather. (Was: it ended with no error id, awaiting it propagated error id -1 (an
    //    end without "error"), and a gather over such a task crashed.)
    row("1 asyncio gather of a task that awaited a task cancelled before starting",
        "",
        Runtime::Asyncio, R"([{"do": "gather", "tasks": [{"name": "a", "steps": [
            {"do": "spawn", "link": "unstructured", "task": {"name": "b", "steps": [{"do": "sleep", "ms": 100}]}},
            {"do": "cancel", "task": "b"}, {"do": "join", "task": "b"}]}]}])",
        {}, -1, [](const Lookup &l) { return mainEnds(l, QStringLiteral("0 cancelled CancelledError")); });
    row("1b asyncio join of a task cancelled before starting",
        "",
        Runtime::Asyncio, R"([{"do": "spawn", "link": "unstructured", "task": {"name": "b", "steps": [{"do": "sleep", "ms": 100}]}},
            {"do": "cancel", "task": "b"}, {"do": "join", "task": "b"}])",
        {}, -1, [](const Lookup &l) { return mainEnds(l, QStringLiteral("0 cancelled CancelledError")); });

    // 2. A group with a concurrency limit that shuts down never starts the children still waiting
    //    for a slot, and ends once the started ones have: asyncio "The parent being cancelled
    //    cancels all children, waits for them, then CancelledError goes on" / "after all children
    //    end the group raises ExceptionGroup"; Kotlin: "the exception goes up once all have ended".
    //    (Was: the children not started yet were still counted and the parent waited forever.)
    const QByteArray limited = R"([{"do": "group", "kind": "strict", "limit": 1, "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 1000}]}, {"name": "b", "steps": [{"do": "sleep", "ms": 1000}]}]}])";
    row("2 asyncio limited TaskGroup, parent cancelled", "",
        Runtime::Asyncio, limited, {QStringLiteral("cancel main@100")}, -1,
        [](const Lookup &l) { return mainEnds(l, QStringLiteral("100 cancelled CancelledError")); });
    const QByteArray limitedFailing = R"([{"do": "group", "kind": "strict", "limit": 1, "tasks": [
        {"name": "a", "steps": [{"do": "raise", "error": "Boom"}]}, {"name": "b", "steps": [{"do": "sleep", "ms": 100}]}]}])";
    row("2b asyncio limited TaskGroup, child fails", "",
        Runtime::Asyncio, limitedFailing, {}, -1,
        [](const Lookup &l) { return mainEnds(l, QStringLiteral("0 failed ExceptionGroup")); });
    row("2c kotlin limited coroutineScope, child fails", "",
        Runtime::Kotlin, limitedFailing, {}, -1,
        [](const Lookup &l) { return mainEnds(l, QStringLiteral("0 failed Boom")); });

    // 3. asyncio: one cancel() is one CancelledError, raised "at the await where it was suspended".
    //    A cancellation the program swallowed (a group or a join inside try / except
    //    CancelledError) stays swallowed: the enclosing group does not raise it again at its exit,
    //    and the task goes on and completes. (Was: a stale flag re-raised it at the outer group.)
    row("3 asyncio swallowed cancellation comes back at the outer group",
        "",
        Runtime::Asyncio, R"([{"do": "group", "kind": "tolerant", "tasks": [{"name": "a", "steps": [{"do": "print", "text": "a"}]}],
            "steps": [{"do": "try", "steps": [{"do": "group", "kind": "strict", "tasks": [{"name": "b", "steps": [{"do": "sleep", "ms": 1000}]}]}],
                       "catch": [{"error": "cancellation"}]},
                      {"do": "print", "text": "swallowed"}]},
            {"do": "print", "text": "after the outer group"}])",
        {QStringLiteral("cancel main@100")}, -1, [](const Lookup &l) {
            const TraceEvent *after = l.find(QStringLiteral("main"), EventKind::Print, QStringLiteral("after the outer group"));
            return after ? mainEnds(l, QStringLiteral("100 completed"))
                         : QStringLiteral("main never prints 'after the outer group'; it ends %1").arg(l.end(QStringLiteral("main")));
        });
    row("3b asyncio swallowed cancellation of a join comes back at the enclosing group",
        "",
        Runtime::Asyncio, R"([{"do": "group", "kind": "tolerant", "tasks": [{"name": "a", "steps": [{"do": "sleep", "ms": 500}]}],
            "steps": [{"do": "spawn", "link": "unstructured", "task": {"name": "j", "steps": [{"do": "sleep", "ms": 1000}]}},
                      {"do": "try", "steps": [{"do": "join", "task": "j"}], "catch": [{"error": "cancellation"}]},
                      {"do": "print", "text": "swallowed"}]},
            {"do": "print", "text": "after the group"}])",
        {QStringLiteral("cancel main@100")}, -1, [](const Lookup &l) { return mainEnds(l, QStringLiteral("500 completed")); });

    // 4. Kotlin: withContext(NonCancellable) {..} protects everything started inside it, the
    //    children of a coroutineScope / awaitAll too: neither a job cancel nor an outer withTimeout
    //    reaches them, and they finish. (Was: only launch {} children were protected.)
    const QByteArray shielded = R"([{"do": "shield", "steps": [{"do": "group", "kind": "strict", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 1000}, {"do": "print", "text": "a done"}]}]}]}])";
    auto aFinishes = [](const Lookup &l) {
        return l.find(QStringLiteral("main/a"), EventKind::Print, QStringLiteral("a done"))
            ? QString()
            : QStringLiteral("main/a (inside NonCancellable) does not finish: it ends %1").arg(l.end(QStringLiteral("main/a")));
    };
    row("4 kotlin job cancel reaches a coroutineScope inside NonCancellable",
        "", Runtime::Kotlin, shielded,
        {QStringLiteral("cancel main@100")}, -1, aFinishes);
    row("4b kotlin outer withTimeout reaches a coroutineScope inside NonCancellable",
        "", Runtime::Kotlin,
        R"([{"do": "timeout", "ms": 100, "steps": )" + shielded + "}]", {}, -1, aFinishes);

    // 5. asyncio: "CPU work blocks the whole loop: ... no timer fires ... Timers that came due fire
    //    late, in order", also the task's own asyncio.timeout(): it fires when the loop is free
    //    again, at 300, and "leaving the block with that CancelledError turns it into TimeoutError".
    //    (Was: the timer fired during the work and its CancelledError was dropped.) But the late
    //    timer runs only at the start of the next loop turn, after the callbacks already ready: a
    //    task that leaves the block after a mere `await asyncio.sleep(0)` is gone by then and
    //    completes (CPython 3.11, tst_fidelity; the old expectation of a TimeoutError was wrong).
    row("5 asyncio timeout during CPU work", "",
        Runtime::Asyncio, R"([{"do": "timeout", "ms": 100, "steps": [
            {"do": "work", "ms": 300}, {"do": "print", "text": "after the work"}, {"do": "sleep", "ms": 50}]}])",
        {}, -1, [](const Lookup &l) {
            const TraceEvent *timeout = l.find(QStringLiteral("main"), EventKind::Timeout);
            if (!timeout || timeout->t != 300)
                return QStringLiteral("the timer fires at %1, want 300 (when the loop is free again)").arg(timeout ? timeout->t : -1);
            return mainEnds(l, QStringLiteral("300 failed TimeoutError"));
        });
    row("5b asyncio timeout during CPU work, block left after sleep(0)", "",
        Runtime::Asyncio, R"([{"do": "timeout", "ms": 100, "steps": [
            {"do": "work", "ms": 300}, {"do": "print", "text": "after the work"}, {"do": "sleep", "ms": 0}]}])",
        {}, -1, [](const Lookup &l) {
            const TraceEvent *timeout = l.find(QStringLiteral("main"), EventKind::Timeout);
            if (timeout)
                return QStringLiteral("the timer fires at %1, want never (the block was left first)").arg(timeout->t);
            return mainEnds(l, QStringLiteral("300 completed"));
        });

    // 6. A user "fail" that reaches a running task is raised there (README: "make the task raise
    //    Error at MS"), at the await when it can fail, else at the next step or as the task ends;
    //    it is never lost. (6) A task waiting in a group raises it. (6b) A second fail while the
    //    first is still waiting to be raised is reported as action-ignored (trace-format.md: "the
    //    task already had one waiting"); the first is raised. (6c) Kotlin, one thread: a fail that
    //    arrives while the thread is busy and the task's sleep is due is raised when it resumes.
    //    (Was: dropped in a group, overwritten by the second, lost against the due timer.)
    const QByteArray waiting = R"([{"do": "group", "kind": "strict", "tasks": [{"name": "a", "steps": [{"do": "sleep", "ms": 1000}]}]}])";
    auto raises = [](const Lookup &l) {
        return l.find(QStringLiteral("main"), EventKind::Raise, QStringLiteral("UserError"))
            ? QString()
            : QStringLiteral("main never raises UserError; it ends %1").arg(l.end(QStringLiteral("main")));
    };
    auto firstRaisedSecondReported = [](const Lookup &l) {
        const TraceEvent *raised = l.find(QStringLiteral("main"), EventKind::Raise, QStringLiteral("UserError"));
        if (!raised || raised->message != QLatin1String("first"))
            return QStringLiteral("main never raises the first UserError; it ends %1").arg(l.end(QStringLiteral("main")));
        const TraceEvent *ignored = l.find(QStringLiteral("main"), EventKind::ActionIgnored, QStringLiteral("fail"));
        return ignored && ignored->t == 200 ? QString()
                                            : QStringLiteral("the second fail is not reported as action-ignored at 200");
    };
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
        const QByteArray name = "6 fail while waiting in a group/" + runtimeName(runtime).toUtf8();
        row(name.constData(), "", runtime, waiting, {QStringLiteral("fail main@100:UserError")}, -1, raises);
        const QByteArray twice = "6b two fails while waiting in a group/" + runtimeName(runtime).toUtf8();
        row(twice.constData(), "", runtime, waiting,
            {QStringLiteral("fail main@100:UserError:first"), QStringLiteral("fail main@200:UserError:second")}, -1,
            firstRaisedSecondReported);
    }
    row("6c kotlin fail while the thread is busy and the sleep is due",
        "", Runtime::Kotlin,
        R"([{"do": "spawn", "link": "child", "task": {"name": "a", "steps": [{"do": "work", "ms": 300}]}},
            {"do": "sleep", "ms": 100}, {"do": "print", "text": "after the sleep"}])",
        {QStringLiteral("fail main@200:UserError")}, -1, raises);

    // 7. Engine::runUntil(t): "Process everything due at or before t": nothing after t, also when
    //    the head of the queue is a stale timer (the sleep of a task cancelled earlier). (Was: the
    //    next real entry or user action was processed however late.)
    row("7 runUntil stops at its time", "", Runtime::Asyncio,
        R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 500}]}},
            {"do": "sleep", "ms": 1300}])",
        {QStringLiteral("cancel main/job@86")}, 537, [](const Lookup &l) {
            return l.events.back().t <= 537 ? QString()
                                            : QStringLiteral("runUntil(537) processed an event at %1").arg(l.events.back().t);
        });

    // 8. asyncio `await wait_for(shield(task), t)` with a timeout that falls due at the very moment
    //    the task ends: the task is done, nothing is blocked any more (trace-format.md: no event
    //    for a task after its end; invariant (m): cancel-blocked by=shield only while shielded).
    //    (Was: a cancel-blocked on the ended task, after its end.) The timer and the task's sleep
    //    fall due in the same loop turn, the timer first; shield()'s outer future is set a turn
    //    after the task's end, so wait_for gives up on it: TimeoutError (CPython 3.11, tst_fidelity).
    row("8 asyncio shielded join whose deadline meets the task's end", "", Runtime::Asyncio,
        R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 500}]}},
            {"do": "sleep", "ms": 100},
            {"do": "try", "steps": [{"do": "join", "task": "job", "timeout": 400, "shield": true}],
             "catch": [{"error": "timeout", "steps": [{"do": "print", "text": "timed out"}]}]}])",
        {}, -1, [](const Lookup &l) {
            const TraceEvent *end = l.find(QStringLiteral("main/job"), EventKind::End);
            if (!end || end->t != 500)
                return QStringLiteral("job must end at 500; it ends %1").arg(l.end(QStringLiteral("main/job")));
            const TraceEvent *blocked = l.find(QStringLiteral("main/job"), EventKind::CancelBlocked);
            if (blocked && blocked->seq > end->seq)
                return QStringLiteral("cancel-blocked on main/job at seq %1, after its end").arg(blocked->seq);
            return l.find(QStringLiteral("main"), EventKind::Print, QStringLiteral("timed out"))
                ? mainEnds(l, QStringLiteral("500 completed"))
                : QStringLiteral("main never prints 'timed out'");
        });
}

void TestRegressions::regressionCases()
{
    QFETCH(int, runtime);
    QFETCH(QByteArray, steps);
    QFETCH(QStringList, actions);
    QFETCH(qint64, until);
    QFETCH(int, expectation);
    QFETCH(QString, bug);
    const RegressionCase regression{Runtime(runtime), steps, actions, until, expectations().at(std::size_t(expectation))};
    QByteArray trace;
    const QString problem = runCase(regression, &trace);
    if (!bug.isEmpty())
        QEXPECT_FAIL("", qPrintable(bug), Continue);
    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1\ntrace:\n%2").arg(problem, QString::fromUtf8(trace))));
}

QTEST_GUILESS_MAIN(TestRegressions)
#include "tst_regressions.moc"
