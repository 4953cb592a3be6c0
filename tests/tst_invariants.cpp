// The invariants of tracechecks.h ((a)-(l): properties every trace must have), checked on 1000
// random scenarios (tests/randomscenario.h) under each of the three runtimes, with random user
// cancels and fails.
//
// The random cases run in child processes (fork), so that a crashing engine shows up as a failing
// seed with its reproduction. A failure prints the seed, runtime, actions, the scenario as JSON and
// the trace as JSON Lines; `CASCADE_REPLAY=<seed> CASCADE_REPLAY_RUNTIME=<rt> tst_invariants replay`
// prints one case (CASCADE_REPLAY=<file.json> with CASCADE_REPLAY_ACTIONS runs a file). The checker
// itself is tested on hand-made traces (checkerCatchesViolations) so that each invariant is known
// to be able to fail, and each sweep row checks that it produced what the invariants look at
// (deliveries, timeouts, shield blocks, NonCancellable regions, signal waits, injected errors).
// tst_regressions holds the minimal cases of the engine bugs found this way.

#include "childprocess.h"
#include "randomscenario.h"
#include "tracechecks.h"

#include "engine.h"
#include "scenarioloader.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace cascade;
using namespace cascade::testing;

namespace {

constexpr int SeedCount = 1000;
constexpr int SeedsPerRow = 250;

struct RunResult {
    QStringList problems;
    QByteArray trace;
    qint64 events = 0;
    Coverage coverage;
};

//! Runs one generated case. With liveFd >= 0 every event is written there as it happens.
RunResult runSeed(quint32 seed, Runtime runtime, int liveFd = -1)
{
    ScenarioFacts facts;
    const Scenario scenario = generateScenario(seed, runtime, &facts);
    const QList<UserAction> actions = generateActions(seed, scenario, runtime);
    Engine engine(scenario, runtime);
    for (const UserAction &action : actions)
        engine.schedule(action);
    if (liveFd >= 0) {
        const TaskPathResolver path = engine.pathResolver();
        engine.setListener([path, liveFd](const TraceEvent &event) { writeAll(liveFd, traceEventToJson(event, path) + '\n'); });
    }
    engine.runToEnd();
    RunResult result;
    result.problems = checkInvariants(runViewOf(engine, runtime, facts, actions));
    result.events = engine.eventCount();
    result.coverage.add(engine.events(), engine.taskCount());
    if (!result.problems.isEmpty())
        result.trace = engine.traceJsonLines();
    return result;
}

//! The seed's problems (a crash is one) and, when there are any, the trace.
RunResult checkSeed(quint32 seed, Runtime runtime)
{
    QString crash;
    const QByteArray out = runIsolated(
        [&](int fd) {
            const RunResult result = runSeed(seed, runtime);
            QByteArray text = result.coverage.serialize() + '\n';
            if (!result.problems.isEmpty())
                text += result.problems.join(QLatin1Char('\n')).toUtf8() + TraceSeparator + result.trace;
            writeAll(fd, text);
        },
        &crash);
    RunResult result;
    if (!crash.isEmpty()) {
        // Again, with every event written as it happens: the trace up to the crash.
        QString again;
        result.problems << QStringLiteral("(crash) %1").arg(crash);
        result.trace = runIsolated([&](int fd) { runSeed(seed, runtime, fd); }, &again);
        result.trace += "(the engine died here)\n";
        return result;
    }
    const qsizetype lineEnd = out.indexOf('\n');
    result.coverage = Coverage::parse(out.left(lineEnd));
    result.events = result.coverage.counts[Coverage::Events];
    const QByteArray rest = out.mid(lineEnd + 1);
    if (!rest.isEmpty()) {
        const qsizetype split = rest.indexOf(TraceSeparator);
        result.problems = QString::fromUtf8(rest.left(split)).split(QLatin1Char('\n'));
        result.trace = rest.mid(split + TraceSeparator.size());
    }
    return result;
}

QString reproduction(quint32 seed, Runtime runtime, const RunResult &result)
{
    const Scenario scenario = generateScenario(seed, runtime);
    QStringList actions;
    for (const UserAction &action : generateActions(seed, scenario, runtime))
        actions << describeAction(action);
    return QStringLiteral("seed %1, runtime %2 (replay: CASCADE_REPLAY=%1 CASCADE_REPLAY_RUNTIME=%2 tst_invariants replay)\n"
                          "actions: %3\nproblems:\n  %4\nscenario:\n%5\ntrace:\n%6")
        .arg(seed)
        .arg(runtimeName(runtime), actions.isEmpty() ? QStringLiteral("(none)") : actions.join(QStringLiteral(", ")),
             result.problems.join(QStringLiteral("\n  ")), QString::fromUtf8(scenarioToJson(scenario)),
             QString::fromUtf8(result.trace));
}

// ---------------------------------------------------------------- hand-made traces for the checker

struct FakeRun {
    std::vector<TraceEvent> events;
    QStringList paths;
    ScenarioFacts facts;
    QList<UserAction> actions;
    Runtime runtime = Runtime::Asyncio;

    int task(const QString &path)
    {
        paths << path;
        return int(paths.size()) - 1;
    }
    void add(qint64 t, int task, EventKind kind, int other = -1, int code = 0, const QString &text = {})
    {
        TraceEvent e;
        e.seq = qint64(events.size());
        e.t = t;
        e.task = task;
        e.other = other;
        e.kind = kind;
        e.code = quint8(code);
        e.text = text;
        events.push_back(e);
    }
    QStringList check() const
    {
        RunView view;
        view.runtime = runtime;
        view.events = &events;
        view.taskCount = int(paths.size());
        const QStringList p = paths;
        view.path = [p](int id) { return id >= 0 && id < p.size() ? p.at(id) : QString(); };
        view.facts = &facts;
        view.actions = actions;
        return checkInvariants(view);
    }
};

} // namespace

class TestInvariants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatorIsDeterministicAndValid_data();
    void generatorIsDeterministicAndValid();
    void generatorCoversEveryStepKind();
    void checkerCatchesViolations();
    void invariants_data();
    void invariants();
    void replay();
};

void TestInvariants::generatorIsDeterministicAndValid_data()
{
    QTest::addColumn<int>("runtime");
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
        QTest::addRow("%s", qPrintable(runtimeName(runtime))) << int(runtime);
}

void TestInvariants::generatorIsDeterministicAndValid()
{
    QFETCH(int, runtime);
    const Runtime rt = Runtime(runtime);
    for (quint32 seed = 0; seed < SeedCount; ++seed) {
        ScenarioFacts facts;
        const Scenario scenario = generateScenario(seed, rt, &facts);
        const QByteArray json = scenarioToJson(scenario);
        // The same seed gives the same scenario and actions.
        QCOMPARE(scenarioToJson(generateScenario(seed, rt)), json);
        const QList<UserAction> actions = generateActions(seed, scenario, rt);
        const QList<UserAction> again = generateActions(seed, scenario, rt);
        QCOMPARE(actions.size(), again.size());
        for (qsizetype i = 0; i < actions.size(); ++i)
            QCOMPARE(describeAction(actions.at(i)), describeAction(again.at(i)));
        // Valid by the documented format, and runnable under the runtime.
        const QStringList unsupported = Engine::unsupported(scenario, rt);
        QVERIFY2(unsupported.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(unsupported.join(QLatin1Char('\n')))));
        QString error;
        const auto loaded = ScenarioLoader::parse(json, QStringLiteral("seed-%1.json").arg(seed), &error);
        QVERIFY2(loaded, qPrintable(QStringLiteral("seed %1: %2\n%3").arg(seed).arg(error, QString::fromUtf8(json))));
        QCOMPARE(scenarioToJson(*loaded), json);
        QVERIFY2(facts.taskBound <= 41, qPrintable(QStringLiteral("seed %1: %2 tasks").arg(seed).arg(facts.taskBound)));
        for (const UserAction &action : actions) {
            QVERIFY2(validateTaskPath(scenario, action.taskPath, &error),
                     qPrintable(QStringLiteral("seed %1: %2: %3").arg(seed).arg(describeAction(action), error)));
        }
    }
}

void TestInvariants::generatorCoversEveryStepKind()
{
    // Over the seeds, every step kind the runtime supports shows up (else the sweep proves little).
    for (Runtime rt : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
        QSet<QString> seen;
        for (quint32 seed = 0; seed < SeedCount; ++seed) {
            const QByteArray json = scenarioToJson(generateScenario(seed, rt));
            for (const QString &kind : allStepKindNames()) {
                if (json.contains(QByteArrayLiteral("\"do\": \"") + kind.toUtf8() + '"'))
                    seen.insert(kind);
            }
        }
        QStringList missing;
        for (const QString &kind : allStepKindNames()) {
            StepKind k;
            QVERIFY(stepKindFromName(kind, &k));
            const bool unavailable = (rt == Runtime::Swift && (k == StepKind::Timeout || k == StepKind::Shield))
                || (rt == Runtime::Asyncio && k == StepKind::OnCancel);
            if (!unavailable && !seen.contains(kind))
                missing << kind;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1: never generated: %2 (seen: %3)")
                                                   .arg(runtimeName(rt), missing.join(QStringLiteral(", ")),
                                                        QStringList(seen.values()).join(QStringLiteral(", ")))));
    }
}

void TestInvariants::checkerCatchesViolations()
{
    auto problemsOf = [](const FakeRun &run, const char *invariant) {
        QStringList hits;
        for (const QString &p : run.check()) {
            if (p.startsWith(QLatin1String(invariant)))
                hits << p;
        }
        return hits;
    };

    // A clean run: main spawns job, job ends, main ends.
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        const int job = run.task(QStringLiteral("main/job"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, job, EventKind::Spawn, main, int(LinkCode::Child));
        run.add(0, job, EventKind::Start);
        run.add(5, job, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(5, job, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(5, job, EventKind::End, -1, int(Outcome::Cancelled), QStringLiteral("CancelledError"));
        run.add(9, main, EventKind::End);
        QCOMPARE(run.check(), QStringList());
    }
    // (a) a gap in seq and time going back
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(5, main, EventKind::Start);
        run.add(4, main, EventKind::End);
        run.events[2].seq = 7;
        QCOMPARE(problemsOf(run, "(a)").size(), 2);
    }
    // (b) no end although finished; (c) an event after the end
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        const int job = run.task(QStringLiteral("main/job"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, job, EventKind::Spawn, main, int(LinkCode::Unstructured));
        run.add(1, main, EventKind::End);
        run.add(2, main, EventKind::Print, -1, 0, QStringLiteral("ghost"));
        QCOMPARE(problemsOf(run, "(b)").size(), 1);
        QCOMPARE(problemsOf(run, "(c)").size(), 1);
    }
    // (d) a structured child outlives its parent; an asyncio gather sibling that failed excuses it
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        const int a = run.task(QStringLiteral("main/a"));
        const int b = run.task(QStringLiteral("main/b"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, a, EventKind::Spawn, main, int(LinkCode::Child));
        run.add(0, b, EventKind::Spawn, main, int(LinkCode::Child));
        run.add(0, a, EventKind::Start);
        run.add(0, b, EventKind::Start);
        run.add(1, a, EventKind::End, -1, int(Outcome::Failed));
        run.add(1, main, EventKind::End, -1, int(Outcome::Failed));
        run.add(2, b, EventKind::End);
        run.runtime = Runtime::Kotlin;
        QCOMPARE(problemsOf(run, "(d)").size(), 1);
        run.runtime = Runtime::Asyncio;
        QCOMPARE(problemsOf(run, "(d)").size(), 1);  // not a gather
        run.facts.gatherOf.insert(QStringLiteral("a"), 0);
        run.facts.gatherOf.insert(QStringLiteral("b"), 0);
        QCOMPARE(problemsOf(run, "(d)").size(), 0);
    }
    // (e) asyncio: the shield's inner task is cancelled by its awaiter
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        const int inner = run.task(QStringLiteral("main/inner"));
        run.facts.shieldInnerNames.insert(QStringLiteral("inner"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, inner, EventKind::Spawn, main, int(LinkCode::Unstructured));
        run.add(0, inner, EventKind::Start);
        run.add(3, main, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(3, inner, EventKind::CancelRequest, main, int(CancelCause::Awaiter));
        run.add(3, inner, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(3, inner, EventKind::End, -1, int(Outcome::Cancelled));
        run.add(3, main, EventKind::CancelDeliver, -1, 0, QStringLiteral("shield"));
        run.add(3, main, EventKind::End, -1, int(Outcome::Cancelled));
        QCOMPARE(problemsOf(run, "(e)").size(), 1);
    }
    // (e1) Kotlin: a cancellation delivered inside a simple NonCancellable region
    {
        FakeRun run;
        run.runtime = Runtime::Kotlin;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, main, EventKind::Print, -1, 0, shieldEnterPrefix() + QStringLiteral("0 simple"));
        run.add(2, main, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(2, main, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(2, main, EventKind::Print, -1, 0, shieldExitPrefix() + QStringLiteral("0"));
        run.add(2, main, EventKind::End, -1, int(Outcome::Cancelled));
        QCOMPARE(problemsOf(run, "(e)").size(), 1);
    }
    // (e2) Kotlin: a blocked job cancellation still cancels a group child started inside the region
    {
        FakeRun run;
        run.runtime = Runtime::Kotlin;
        const int main = run.task(QStringLiteral("main"));
        const int before = run.task(QStringLiteral("main/before"));
        const int inside = run.task(QStringLiteral("main/inside"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, before, EventKind::Spawn, main, int(LinkCode::Child));
        run.add(0, main, EventKind::Print, -1, 0, shieldEnterPrefix() + QStringLiteral("0 complex"));
        run.add(0, inside, EventKind::Spawn, main, int(LinkCode::Child));
        run.add(0, before, EventKind::Start);
        run.add(0, inside, EventKind::Start);
        run.add(2, main, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(2, main, EventKind::CancelBlocked, -1, int(BlockedBy::NonCancellable));
        run.add(2, before, EventKind::CancelRequest, main, int(CancelCause::Parent));
        run.add(2, inside, EventKind::CancelRequest, main, int(CancelCause::Parent));
        run.add(2, before, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(2, before, EventKind::End, -1, int(Outcome::Cancelled));
        run.add(2, inside, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(2, inside, EventKind::End, -1, int(Outcome::Cancelled));
        run.add(2, main, EventKind::Print, -1, 0, shieldExitPrefix() + QStringLiteral("0"));
        run.add(3, main, EventKind::End, -1, int(Outcome::Cancelled));
        const QStringList hits = problemsOf(run, "(e)");
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits.first().contains(QLatin1String("main/inside")), qPrintable(hits.first()));
    }
    // (f) a delivery without a request; asyncio: two deliveries for one request
    {
        FakeRun run;
        run.runtime = Runtime::Kotlin;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(1, main, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(2, main, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(2, main, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(3, main, EventKind::End, -1, int(Outcome::Cancelled));
        QCOMPARE(problemsOf(run, "(f)").size(), 1);
    }
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(2, main, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(2, main, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(3, main, EventKind::CancelDeliver, -1, 0, QStringLiteral("sleep"));
        run.add(3, main, EventKind::End, -1, int(Outcome::Cancelled));
        QCOMPARE(problemsOf(run, "(f)").size(), 1);
        run.runtime = Runtime::Kotlin;  // a cancelled Kotlin job throws at every suspension point
        QCOMPARE(problemsOf(run, "(f)").size(), 0);
    }
    // (h) an end without its error; (i) a suspended task prints, a sleep ends early without an error
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, main, EventKind::Suspend, -1, 0, QStringLiteral("group"));
        run.add(1, main, EventKind::Print, -1, 0, QStringLiteral("while suspended"));
        run.add(2, main, EventKind::Resume);
        run.add(2, main, EventKind::Suspend, -1, 0, QStringLiteral("sleep"));
        run.events.back().ms = 500;
        run.add(3, main, EventKind::Resume);
        run.add(3, main, EventKind::Print, -1, 0, QStringLiteral("woke early"));
        run.add(4, main, EventKind::End, -1, int(Outcome::Cancelled));
        QCOMPARE(problemsOf(run, "(h)").size(), 1);
        QCOMPARE(problemsOf(run, "(i)").size(), 2);
    }
    // (j) asyncio: something happens while a task holds the loop; (k) Swift: the flag is set twice
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, main, EventKind::Work);
        run.events.back().ms = 300;
        run.add(100, main, EventKind::Timeout);
        run.add(100, main, EventKind::CancelRequest, -1, int(CancelCause::Timeout));
        run.add(200, main, EventKind::CancelRequest, -1, int(CancelCause::User));
        run.add(300, main, EventKind::End);
        QCOMPARE(problemsOf(run, "(j)").size(), 1);  // one report per stretch of work
        QCOMPARE(problemsOf(run, "(k)").size(), 0);
        run.runtime = Runtime::Swift;
        QCOMPARE(problemsOf(run, "(j)").size(), 0);
        QCOMPARE(problemsOf(run, "(k)").size(), 1);
    }
    // (l) a fail action that reached a running task but was never raised
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        run.add(0, main, EventKind::Suspend, -1, 0, QStringLiteral("group"));
        run.add(10, main, EventKind::Resume);
        run.add(10, main, EventKind::End);
        UserAction action;
        action.kind = UserAction::Kind::Fail;
        action.at = 5;
        action.taskPath = QStringLiteral("main");
        action.error = QStringLiteral("UserError");
        action.message = QStringLiteral("m");
        run.actions << action;
        QCOMPARE(problemsOf(run, "(l)").size(), 1);
        run.events.pop_back();
        run.add(10, main, EventKind::Raise, -1, 0, QStringLiteral("UserError"));
        run.events.back().message = QStringLiteral("m");
        run.add(10, main, EventKind::End, -1, int(Outcome::Failed), QStringLiteral("UserError"));
        QCOMPARE(problemsOf(run, "(l)").size(), 0);
    }
    // (g) an aborted run
    {
        FakeRun run;
        const int main = run.task(QStringLiteral("main"));
        run.add(0, main, EventKind::Spawn, -1, int(LinkCode::Child));
        run.add(0, main, EventKind::Start);
        RunView view;
        view.events = &run.events;
        view.taskCount = 1;
        view.path = [](int) { return QStringLiteral("main"); };
        view.facts = &run.facts;
        view.finished = true;
        view.abortReason = QStringLiteral("stopped after 5 events");
        const QStringList problems = checkInvariants(view);
        QVERIFY(std::any_of(problems.begin(), problems.end(), [](const QString &p) { return p.startsWith(QLatin1String("(g)")); }));
    }
}

void TestInvariants::invariants_data()
{
    QTest::addColumn<int>("runtime");
    QTest::addColumn<int>("firstSeed");
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
        for (int first = 0; first < SeedCount; first += SeedsPerRow)
            QTest::addRow("%s/seeds %d-%d", qPrintable(runtimeName(runtime)), first, first + SeedsPerRow - 1)
                << int(runtime) << first;
    }
}

void TestInvariants::invariants()
{
    QFETCH(int, runtime);
    QFETCH(int, firstSeed);
    const Runtime rt = Runtime(runtime);
    QStringList failures;
    QString firstReport;
    Coverage coverage;
    for (int seed = firstSeed; seed < firstSeed + SeedsPerRow; ++seed) {
        const RunResult result = checkSeed(quint32(seed), rt);
        coverage.add(result.coverage);
        if (result.problems.isEmpty())
            continue;
        failures << QStringLiteral("  seed %1: %2").arg(seed).arg(result.problems.first());
        if (firstReport.isEmpty())
            firstReport = reproduction(quint32(seed), rt, result);
    }
    // The sweep exercises what the invariants are about.
    QStringList thin;
    QStringList counts;
    for (int i = 0; i < Coverage::Count; ++i) {
        counts << QStringLiteral("%1 %2").arg(coverage.counts[i]).arg(QString::fromLatin1(Coverage::name(i)));
        if (Coverage::appliesTo(i, rt) && coverage.counts[i] == 0)
            thin << QString::fromLatin1(Coverage::name(i));
    }
    qInfo().noquote() << "covered:" << counts.join(QStringLiteral(", "));
    QVERIFY2(thin.isEmpty() || !failures.isEmpty(), qPrintable(QStringLiteral("the sweep never produced: %1").arg(thin.join(QStringLiteral(", ")))));
    QVERIFY2(failures.isEmpty(),
             qPrintable(QStringLiteral("%1 failing seed(s) under %2 (first problem of each):\n%3\n\nthe first one:\n%4")
                            .arg(failures.size())
                            .arg(runtimeName(rt), failures.join(QLatin1Char('\n')), firstReport)));
}

void TestInvariants::replay()
{
    // To look at one case: CASCADE_REPLAY=<seed> CASCADE_REPLAY_RUNTIME=kotlin tst_invariants replay
    // prints the generated case; CASCADE_REPLAY=<file.json> runs a scenario file instead, with
    // CASCADE_REPLAY_ACTIONS="cancel main/a@100;fail main/b@200:Boom" (the command-line forms).
    const QString what = qEnvironmentVariable("CASCADE_REPLAY");
    if (what.isEmpty())
        QSKIP("set CASCADE_REPLAY to a seed or a scenario file");
    Runtime runtime = Runtime::Asyncio;
    QVERIFY(runtimeFromName(qEnvironmentVariable("CASCADE_REPLAY_RUNTIME", QStringLiteral("asyncio")), &runtime));
    bool isSeed = false;
    const quint32 seed = what.toUInt(&isSeed);
    Scenario scenario;
    QList<UserAction> actions;
    ScenarioFacts facts;
    if (isSeed) {
        scenario = generateScenario(seed, runtime, &facts);
        actions = generateActions(seed, scenario, runtime);
    } else {
        QString error;
        const auto loaded = ScenarioLoader::loadFile(what, &error);
        QVERIFY2(loaded, qPrintable(error));
        scenario = *loaded;
        facts = factsOf(scenario, runtime);
        const QStringList specs = qEnvironmentVariable("CASCADE_REPLAY_ACTIONS").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &spec : specs) {
            UserAction action;
            QVERIFY2(parseAction(spec, &action, &error), qPrintable(error));
            actions << action;
        }
    }
    QStringList described;
    for (const UserAction &action : std::as_const(actions))
        described << describeAction(action);
    qInfo().noquote() << "actions:" << described.join(QStringLiteral(", "));
    qInfo().noquote() << "scenario:\n" + QString::fromUtf8(scenarioToJson(scenario));
    Engine engine(scenario, runtime);
    for (const UserAction &action : std::as_const(actions))
        engine.schedule(action);
    if (qEnvironmentVariableIsSet("CASCADE_REPLAY_LIVE")) {
        // Each event as it happens (to see the way into a crash).
        const TaskPathResolver path = engine.pathResolver();
        engine.setListener([path](const TraceEvent &event) { qInfo().noquote() << traceEventToJson(event, path); });
    }
    engine.runToEnd();
    const QStringList problems = checkInvariants(runViewOf(engine, runtime, facts, actions));
    qInfo().noquote() << "trace:\n" + QString::fromUtf8(engine.traceJsonLines());
    qInfo().noquote() << "problems:\n  " + problems.join(QStringLiteral("\n  "));
}

QTEST_GUILESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
