// "Why was I cancelled": the chain of causes of a task's end, from the origin (a click, a cancel
// step, a timeout, a failure, asyncio's shutdown) to the delivery and the end, for lessons and
// small scenarios with and without the learner's actions; and `cascade why`, which prints it.
#include "causechain.h"
#include "clirunner.h"
#include "commandline.h"
#include "engine.h"
#include "lessons.h"
#include "recordingcheck.h"
#include "scenarioloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace cascade;
using cascade::testing::runCli;
using cascade::testing::CliResult;
using namespace Qt::StringLiterals;

namespace {

QByteArray scenarioText(const QByteArray &steps, const char *runtimes = R"(["asyncio", "kotlin", "swift"])")
{
    return R"({"cascade": "scenario", "version": 1, "id": "why", "title": {"en": "Why", "ko": "왜"},
        "runtimes": )" + QByteArray(runtimes) + R"(, "root": {"name": "main", "steps": )" + steps + "}}";
}

//! A lesson id, or a root body (a JSON array) for a scenario of its own.
Scenario scenarioFrom(const QString &source)
{
    QString error;
    const std::optional<Scenario> scenario = source.startsWith(u'[')
        ? ScenarioLoader::parse(scenarioText(source.toUtf8()), u"why.json"_s, &error)
        : Lessons::load(source, &error);
    if (!scenario)
        qFatal("%s", qPrintable(error));
    return *scenario;
}

std::vector<UserAction> actionsFrom(const QStringList &specs)
{
    std::vector<UserAction> actions;
    for (const QString &spec : specs) {
        const QString kind = spec.section(u' ', 0, 0);
        const UserAction::Kind k = kind == "fail"_L1 ? UserAction::Kind::Fail
            : kind == "timeout"_L1                   ? UserAction::Kind::Timeout
                                                     : UserAction::Kind::Cancel;
        UserAction action;
        QString error;
        if (!UserAction::parse(k, spec.section(u' ', 1), &action, &error))
            qFatal("%s", qPrintable(error));
        actions.push_back(action);
    }
    return actions;
}

} // namespace

class TestCauseChain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chains_data();
    void chains();
    void wholeRunListsExplainEveryPrefix_data() { chains_data(); }
    void wholeRunListsExplainEveryPrefix();
    void structuredLinks();
    void whyPrintsTheChain();
    void whyNotCancelled();
    void whyBadInput_data();
    void whyBadInput();
    void whyHelp();

private:
    QTemporaryDir m_dir;
    QString m_late;  // a scenario whose only task starts at 500 ms
};

void TestCauseChain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_late = m_dir.filePath(u"late.json"_s);
    QFile file(m_late);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(scenarioText(R"([{"do": "sleep", "ms": 500}, {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": []}}])"));
}

void TestCauseChain::chains_data()
{
    QTest::addColumn<QString>("source");      // lesson id or root steps
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QString>("task");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QStringList>("expected");  // "t task: words" per link, origin first

    const int A = int(Runtime::Asyncio), K = int(Runtime::Kotlin), S = int(Runtime::Swift);
    const int cancelled = int(CauseVerdict::Cancelled), failed = int(CauseVerdict::Failed);
    const int completed = int(CauseVerdict::Completed), running = int(CauseVerdict::Running);
    const QString chop2 = u"main/makeSoup/chopIngredients/chop[2]"_s;

    QTest::addRow("make soup: code, parent, parent") << u"swift-make-soup"_s << S << QStringList{} << chop2 << cancelled
        << QStringList{u"1200 main/makeSoup: cancel requested by code in main (a cancel step)"_s,
                       u"1200 main/makeSoup/chopIngredients: cancel requested, passed down from main/makeSoup"_s,
                       u"1200 main/makeSoup/chopIngredients/chop[2]: cancel requested, passed down from main/makeSoup/chopIngredients"_s,
                       u"1500 main/makeSoup/chopIngredients/chop[2]: cancellation delivered at its check point, 300 ms after the request"_s,
                       u"1500 main/makeSoup/chopIngredients/chop[2]: ended cancelled (CancellationError)"_s};
    QTest::addRow("make soup: the user first") << u"swift-make-soup"_s << S << QStringList{u"cancel main/makeSoup@1100"_s} << chop2
        << cancelled
        << QStringList{u"1100 main/makeSoup: cancel requested by the user (a click, or --cancel)"_s,
                       u"1100 main/makeSoup/chopIngredients: cancel requested, passed down from main/makeSoup"_s,
                       u"1100 main/makeSoup/chopIngredients/chop[2]: cancel requested, passed down from main/makeSoup/chopIngredients"_s,
                       u"1500 main/makeSoup/chopIngredients/chop[2]: cancellation delivered at its check point, 400 ms after the request"_s,
                       u"1500 main/makeSoup/chopIngredients/chop[2]: ended cancelled (CancellationError)"_s};
    QTest::addRow("make soup: stopped before the delivery") << u"swift-make-soup"_s << S << QStringList{} << chop2 << running
        << QStringList{u"1200 main/makeSoup: cancel requested by code in main (a cancel step)"_s,
                       u"1200 main/makeSoup/chopIngredients: cancel requested, passed down from main/makeSoup"_s,
                       u"1200 main/makeSoup/chopIngredients/chop[2]: cancel requested, passed down from main/makeSoup/chopIngredients"_s};
    QTest::addRow("a sibling's failure") << u"swift-throwing-task-group"_s << S << QStringList{} << u"main/boil"_s << cancelled
        << QStringList{u"500 main/chop: raised ChopError: the knife slipped"_s,
                       u"500 main/chop: ended failed (ChopError)"_s,
                       u"500 main/boil: cancel requested because of the failure in main/chop"_s,
                       u"500 main/boil: cancellation delivered in its sleep, at once"_s,
                       u"500 main/boil: ended cancelled (CancellationError)"_s};
    QTest::addRow("an awaited child's error") << u"swift-async-let-error"_s << S << QStringList{} << u"main/cook"_s << failed
        << QStringList{u"500 main/cook/a: raised BurnError: 탔다!"_s,
                       u"500 main/cook/a: ended failed (BurnError)"_s,
                       u"500 main/cook: its await of main/cook/a raised BurnError"_s,
                       u"500 main/cook: ended failed (BurnError)"_s};
    QTest::addRow("wait_for's timeout") << u"asyncio-wait-for"_s << A << QStringList{} << u"main/slow"_s << cancelled
        << QStringList{u"5000 main: its timeout of 5000 ms expired"_s,
                       u"5000 main/slow: cancel requested by the timeout of main"_s,
                       u"5000 main/slow: cancellation delivered in its sleep, at once"_s,
                       u"5000 main/slow: ended cancelled (CancelledError)"_s};
    QTest::addRow("withTimeout") << u"kotlin-with-timeout"_s << K << QStringList{} << u"main"_s << cancelled
        << QStringList{u"1300 main: its timeout of 1300 ms expired"_s,
                       u"1300 main: cancel requested by its own timeout"_s,
                       u"1300 main: cancellation delivered in its sleep, at once"_s,
                       u"1300 main: ended cancelled (TimeoutCancellationException)"_s};
    QTest::addRow("the user's timeout becomes TimeoutError") << u"asyncio-cancel-request"_s << A
        << QStringList{u"timeout main/long_task@100:200"_s} << u"main/long_task"_s << failed
        << QStringList{u"300 main/long_task: the user's timeout of 200 ms expired"_s,
                       u"300 main/long_task: cancel requested by its own timeout"_s,
                       u"300 main/long_task: cancellation delivered in its sleep, at once"_s,
                       u"300 main/long_task: the cancellation left its timeout as TimeoutError"_s,
                       u"300 main/long_task: ended failed (TimeoutError)"_s};
    QTest::addRow("the user's failure") << u"asyncio-cancel-request"_s << A << QStringList{u"fail main/long_task@100:ValueError:boom"_s}
        << u"main/long_task"_s << failed
        << QStringList{u"100 main/long_task: raised ValueError: boom (the user's --fail)"_s,
                       u"100 main/long_task: ended failed (ValueError)"_s};
    const QString orphan = uR"([{"do": "spawn", "link": "unstructured", "task": {"name": "worker", "steps": [{"do": "sleep", "ms": 1000}]}},
        {"do": "sleep", "ms": 100}])"_s;
    QTest::addRow("asyncio's shutdown") << orphan << A << QStringList{} << u"main/worker"_s << cancelled
        << QStringList{u"100 main: returned; asyncio.run() then cancels every task still running"_s,
                       u"100 main/worker: cancel requested by asyncio.run() at shutdown"_s,
                       u"100 main/worker: cancellation delivered in its sleep, at once"_s,
                       u"100 main/worker: ended cancelled (CancelledError)"_s};
    const QString awaited = uR"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 1000}]}},
        {"do": "join", "task": "job"}])"_s;
    QTest::addRow("the awaiter was cancelled") << awaited << A << QStringList{u"cancel main@100"_s} << u"main/job"_s << cancelled
        << QStringList{u"100 main: cancel requested by the user (a click, or --cancel)"_s,
                       u"100 main/job: cancel requested because main, which was awaiting it, was cancelled"_s,
                       u"100 main/job: cancellation delivered in its sleep, at once"_s,
                       u"100 main/job: ended cancelled (CancelledError)"_s};
    const QString failingScope = uR"([{"do": "group", "kind": "strict", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 100}, {"do": "raise", "error": "ChopError"}]},
        {"name": "b", "steps": [{"do": "sleep", "ms": 1000}]}]}])"_s;
    QTest::addRow("coroutineScope: a child's failure") << failingScope << K << QStringList{} << u"main/b"_s << cancelled
        << QStringList{u"100 main/a: raised ChopError"_s,
                       u"100 main/a: ended failed (ChopError)"_s,
                       u"100 main: cancel requested because of the failure in main/a"_s,
                       u"100 main/b: cancel requested, passed down from main"_s,
                       u"100 main/b: cancellation delivered in its sleep, at once"_s,
                       u"100 main/b: ended cancelled (CancellationException)"_s};
    QTest::addRow("coroutineScope: the parent fails") << failingScope << K << QStringList{} << u"main"_s << failed
        << QStringList{u"100 main/a: raised ChopError"_s,
                       u"100 main/a: ended failed (ChopError)"_s,
                       u"100 main: its child main/a ended with ChopError, which it takes on"_s,
                       u"100 main: ended failed (ChopError)"_s};
    const QString early = uR"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "print", "text": "never"}]}},
        {"do": "cancel", "task": "job"}, {"do": "sleep", "ms": 10}])"_s;
    QTest::addRow("cancelled before it started") << early << A << QStringList{} << u"main/job"_s << cancelled
        << QStringList{u"0 main/job: cancel requested by code in main (a cancel step)"_s,
                       u"0 main/job: ended cancelled before it started: its body never ran"_s};

    // Not cancelled: the requests it did not act on, and where they went.
    QTest::addRow("swallowed") << u"asyncio-swallow"_s << A << QStringList{} << u"main/long_task"_s << completed
        << QStringList{u"500 main/long_task: cancel requested by code in main (a cancel step)"_s,
                       u"500 main/long_task: cancellation delivered in its sleep, at once"_s,
                       u"500 main/long_task: caught its cancellation (CancelledError) and did not re-throw it"_s,
                       u"500 main/long_task: ended completed"_s};
    QTest::addRow("never delivered") << u"swift-is-cancelled-entry"_s << S << QStringList{} << u"main/makeSoup"_s << completed
        << QStringList{u"700 main/makeSoup: cancel requested by code in main (a cancel step)"_s,
                       u"1500 main/makeSoup: ended completed"_s};
    QTest::addRow("shielded") << u"asyncio-shield"_s << A << QStringList{} << u"main/critical"_s << completed
        << QStringList{u"1000 main/critical: a cancel from main stopped here: it is shielded"_s,
                       u"3000 main/critical: ended completed"_s};
    QTest::addRow("not a child") << u"contrast-orphan"_s << K << QStringList{} << u"main/parent/orphan"_s << completed
        << QStringList{u"1500 main/parent/orphan: a cancel from main/parent did not reach it: it is not a child (an unstructured task)"_s,
                       u"3000 main/parent/orphan: ended completed"_s};
    QTest::addRow("nothing happened to it") << u"kotlin-cancel-join"_s << K << QStringList{} << u"main"_s << completed << QStringList{};
}

void TestCauseChain::chains()
{
    QFETCH(QString, source);
    QFETCH(int, runtime);
    QFETCH(QStringList, actions);
    QFETCH(QString, task);
    QFETCH(int, verdict);
    QFETCH(QStringList, expected);

    const Scenario scenario = scenarioFrom(source);
    Engine engine(scenario, Runtime(runtime));
    const std::vector<UserAction> userActions = actionsFrom(actions);
    for (const UserAction &action : userActions)
        engine.schedule(action);
    if (verdict == int(CauseVerdict::Running))
        engine.runUntil(1300);
    else
        engine.runToEnd();
    const TaskPathResolver path = engine.pathResolver();
    const int id = taskWithPath(engine.events(), path, task);
    QVERIFY(id >= 0);
    const CauseChain chain = explainTask(engine.events(), id, path, userActions);
    QStringList lines;
    for (const CauseLink &link : chain.links) {
        lines << u"%1 %2: %3"_s.arg(link.t).arg(path(link.task), causeLinkText(link, path));
        // Each link is the event it says it is.
        QVERIFY(link.seq >= 0 && link.seq < engine.eventCount());
        QCOMPARE(engine.events()[std::size_t(link.seq)].task, link.task);
        QCOMPARE(engine.events()[std::size_t(link.seq)].t, link.t);
    }
    QCOMPARE(lines, expected);
    QCOMPARE(int(chain.verdict), verdict);
    for (std::size_t i = 1; i < chain.links.size(); ++i)
        QVERIFY2(chain.links[i - 1].seq <= chain.links[i].seq, "links go forward in time, origin first");
}

// The window explains after every seek with lists made once of the whole run: after each prefix,
// every task is found and explained exactly as from the prefix alone (no future event leaks in).
void TestCauseChain::wholeRunListsExplainEveryPrefix()
{
    QFETCH(QString, source);
    QFETCH(int, runtime);
    QFETCH(QStringList, actions);

    const Scenario scenario = scenarioFrom(source);
    const std::vector<UserAction> userActions = actionsFrom(actions);
    const std::unique_ptr<Engine> engine = runWithActions(scenario, Runtime(runtime), userActions, Engine::Options().maxEvents);
    const std::vector<TraceEvent> &events = engine->events();
    const TaskPathResolver path = engine->pathResolver();
    const TaskEventLists lists(events);
    QStringList paths;
    for (int task = 0; task < lists.taskCount(); ++task)
        paths << path(task);
    int compared = 0;
    for (std::size_t prefix = 0; prefix <= events.size(); ++prefix) {
        const std::span<const TraceEvent> shown(events.data(), prefix);
        for (const QString &taskPath : std::as_const(paths)) {
            const int alone = taskWithPath(shown, path, taskPath);
            QCOMPARE(taskWithPath(lists, qsizetype(prefix), path, taskPath), alone);
            if (alone < 0)
                continue;
            const CauseChain expected = explainTask(shown, alone, path, userActions);
            const CauseChain chain = explainTask(shown, lists, alone, path, userActions);
            QCOMPARE(int(chain.verdict), int(expected.verdict));
            QVERIFY2(chain.links == expected.links, qPrintable(u"%1 after %2 events"_s.arg(taskPath).arg(prefix)));
            ++compared;
        }
    }
    QVERIFY(compared >= int(events.size()));  // the root at least, after every prefix but the empty one
}

void TestCauseChain::structuredLinks()
{
    // What the UI reads: kinds, causes, the other task, the place and the figures.
    const Scenario scenario = scenarioFrom(u"swift-make-soup"_s);
    Engine engine(scenario, Runtime::Swift);
    engine.runToEnd();
    const TaskPathResolver path = engine.pathResolver();
    const CauseChain chain = explainTask(engine.events(), taskWithPath(engine.events(), path, u"main/makeSoup/chopIngredients/chop[2]"_s), path);
    QCOMPARE(chain.links.size(), std::size_t(5));
    const CauseLink &origin = chain.links[0];
    QCOMPARE(origin.kind, CauseLinkKind::Request);
    QCOMPARE(origin.cause, CancelCause::Code);
    QCOMPARE(path(origin.from), u"main"_s);
    QCOMPARE(chain.links[2].cause, CancelCause::Parent);
    QCOMPARE(path(chain.links[2].from), u"main/makeSoup/chopIngredients"_s);
    const CauseLink &delivered = chain.links[3];
    QCOMPARE(delivered.kind, CauseLinkKind::Delivered);
    QCOMPARE(delivered.text, u"checkpoint"_s);
    QCOMPARE(delivered.ms, qint64(300));
    QCOMPARE(delivered.t, qint64(1500));
    QCOMPARE(chain.links[4].kind, CauseLinkKind::Ended);
    QCOMPARE(chain.links[4].outcome, Outcome::Cancelled);
    QVERIFY(!chain.timedOut());
    QCOMPARE(explainTask(engine.events(), 999, path).verdict, CauseVerdict::NotSpawned);
}

void TestCauseChain::whyPrintsTheChain()
{
    const CliResult result = runCli({u"why"_s, u"swift-make-soup"_s, u"main/makeSoup/chopIngredients/chop[2]"_s});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out,
             u"== why main/makeSoup/chopIngredients/chop[2] (swift-make-soup under swift)\n"
             "main/makeSoup/chopIngredients/chop[2] ended cancelled (CancellationError) at 1500 ms. Why:\n"
             "   1200 ms  #51    main/makeSoup: cancel requested by code in main (a cancel step)\n"
             "   1200 ms  #52    main/makeSoup/chopIngredients: cancel requested, passed down from main/makeSoup\n"
             "   1200 ms  #55    main/makeSoup/chopIngredients/chop[2]: cancel requested, passed down from main/makeSoup/chopIngredients\n"
             "   1500 ms  #75    main/makeSoup/chopIngredients/chop[2]: cancellation delivered at its check point, 300 ms after the request\n"
             "   1500 ms  #76    main/makeSoup/chopIngredients/chop[2]: ended cancelled (CancellationError)\n"_s);

    // The same options as run: a click on makeSoup at 1100 ms is now the origin.
    const CliResult clicked = runCli({u"why"_s, u"swift-make-soup"_s, u"main/makeSoup/chopIngredients/chop[2]"_s,
                                      u"--cancel"_s, u"main/makeSoup@1100"_s, u"--runtime"_s, u"swift"_s});
    QCOMPARE(clicked.status, 0);
    QVERIFY2(clicked.out.contains(u"1100 ms  #"_s) && clicked.out.contains(u"cancel requested by the user"_s), qPrintable(clicked.out));

    const CliResult timedOut = runCli({u"why"_s, u"kotlin-with-timeout"_s, u"main"_s});
    QCOMPARE(timedOut.status, 0);
    QVERIFY2(timedOut.out.contains(u"main timed out: it ended cancelled (TimeoutCancellationException) at 1300 ms. Why:\n"_s),
             qPrintable(timedOut.out));
}

void TestCauseChain::whyNotCancelled()
{
    const CliResult swallowed = runCli({u"why"_s, u"asyncio-swallow"_s, u"main/long_task"_s});
    QCOMPARE(swallowed.status, 0);
    QVERIFY2(swallowed.out.contains(u"\nmain/long_task was not cancelled: it completed at 500 ms, although:\n"_s), qPrintable(swallowed.out));
    const CliResult ignored = runCli({u"why"_s, u"swift-is-cancelled-entry"_s, u"main/makeSoup"_s});
    QVERIFY2(ignored.out.endsWith(u"(the cancellation was never delivered: the task reached no check point after the request)\n"_s),
             qPrintable(ignored.out));
    const CliResult untouched = runCli({u"why"_s, u"kotlin-cancel-join"_s, u"main"_s});
    QCOMPARE(untouched.out, u"== why main (kotlin-cancel-join under kotlin)\nmain was not cancelled: it completed.\n"_s);
    const CliResult stopped = runCli({u"why"_s, u"kotlin-cancel-join"_s, u"main/job"_s, u"--until"_s, u"1000"_s});
    QCOMPARE(stopped.status, 0);
    QVERIFY2(stopped.out.contains(u"main/job has not ended: the run stopped at 1000 ms while it was still running.\n"_s),
             qPrintable(stopped.out));
}

void TestCauseChain::whyBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::addRow("no such task") << QStringList{u"swift-make-soup"_s, u"main/nobody"_s}
                                  << u"cascade why: task path 'main/nobody': no task 'nobody' under 'main'; valid names there: makeSoup"_s;
    QTest::addRow("never started in this run") << QStringList{m_late, u"main/job"_s, u"--until"_s, u"100"_s}
                                               << u"cascade why: task 'main/job' never started in this run of 'why' under asyncio; its tasks: main"_s;
    QTest::addRow("no task given") << QStringList{u"swift-make-soup"_s} << u"missing the task to explain"_s;
    QTest::addRow("nothing given") << QStringList{} << u"missing lesson id or scenario file"_s;
    QTest::addRow("two tasks") << QStringList{u"swift-make-soup"_s, u"main"_s, u"main"_s} << u"unexpected argument 'main'"_s;
    QTest::addRow("bad action") << QStringList{u"swift-make-soup"_s, u"main"_s, u"--cancel"_s, u"main"_s} << u"missing '@'"_s;
    QTest::addRow("action path") << QStringList{u"swift-make-soup"_s, u"main"_s, u"--cancel"_s, u"main/x@5"_s}
                                 << u"--cancel: task path 'main/x'"_s;
    QTest::addRow("bad runtime") << QStringList{u"swift-make-soup"_s, u"main"_s, u"--runtime"_s, u"java"_s}
                                 << u"unknown runtime 'java'"_s;
    QTest::addRow("runtime without the steps") << QStringList{u"kotlin-with-timeout"_s, u"main"_s, u"--runtime"_s, u"swift"_s}
                                               << u"cannot run 'kotlin-with-timeout' under swift"_s;
    QTest::addRow("unknown lesson") << QStringList{u"no-such-lesson"_s, u"main"_s} << u"no lesson or file named 'no-such-lesson'"_s;
    QTest::addRow("run's own option") << QStringList{u"swift-make-soup"_s, u"main"_s, u"--trace"_s, u"-"_s} << u"trace"_s;
}

void TestCauseChain::whyBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliResult result = runCli(QStringList{u"why"_s} + arguments);
    QCOMPARE(result.status, 2);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.endsWith(u'\n') && result.err.count(u'\n') == 1, qPrintable(result.err));
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

void TestCauseChain::whyHelp()
{
    const CliResult help = runCli({u"why"_s, u"--help"_s});
    QCOMPARE(help.status, 0);
    QVERIFY(help.out.startsWith(u"Usage: cascade why <lesson-id | file.json> TASK [options]\n"_s));
    for (const char *option : {"--runtime", "--cancel", "--fail", "--timeout", "--shield", "--until"})
        QVERIFY2(help.out.contains(QLatin1String(option)), option);
    const CliResult overview = runCli({u"help"_s});
    QVERIFY(overview.out.contains(u"why <lesson-id | file.json> TASK"_s));
    QVERIFY(overview.out.contains(u"cascade why swift-make-soup main/makeSoup/chopIngredients/chop[2]"_s));
}

QTEST_GUILESS_MAIN(TestCauseChain)
#include "tst_causechain.moc"
