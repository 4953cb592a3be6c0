// Comparing two runs of one scenario (core/tracecompare.h): where the runtimes differ the
// comparison says when, for which task and what each run shows; where they agree it says nothing.

#include "engine.h"
#include "lessons.h"
#include "tracecompare.h"
#include "useraction.h"

#include <QTest>

#include <memory>

using namespace cascade;

namespace {

//! One scenario run under one runtime with the given cancels ("main/job@1300"), to its end.
struct Run {
    std::unique_ptr<Engine> engine;
    Runtime runtime = Runtime::Asyncio;

    [[nodiscard]] ComparedRun compared() const { return {runtime, &engine->events(), engine->pathResolver()}; }
};

Run runLesson(const Scenario &scenario, Runtime runtime, const QStringList &cancels)
{
    Run run;
    run.runtime = runtime;
    run.engine = std::make_unique<Engine>(scenario, runtime);
    for (const QString &cancel : cancels) {
        UserAction action;
        QString error;
        if (UserAction::parse(UserAction::Kind::Cancel, cancel, &action, &error))
            run.engine->schedule(action);
        else
            qWarning("bad cancel %s: %s", qPrintable(cancel), qPrintable(error));
    }
    run.engine->runToEnd();
    return run;
}

Runtime runtimeNamed(const QString &name)
{
    Runtime runtime = Runtime::Asyncio;
    if (!runtimeFromName(name, &runtime))
        qWarning("unknown runtime %s", qPrintable(name));
    return runtime;
}

//! "at task kind" for each divergence, the shape the table below expects.
QStringList headlines(const std::vector<Divergence> &divergences)
{
    QStringList lines;
    for (const Divergence &divergence : divergences)
        lines << QStringLiteral("%1 %2 %3").arg(divergence.at).arg(divergence.task, divergenceKindName(divergence.kind));
    return lines;
}

TraceEvent traceEvent(qint64 seq, qint64 t, int task, EventKind kind, int other = -1)
{
    TraceEvent made;
    made.seq = seq;
    made.t = t;
    made.task = task;
    made.kind = kind;
    made.other = other;
    return made;
}

} // namespace

class TestTraceCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runtimesDiffer_data();
    void runtimesDiffer();
    void runtimesAgree_data();
    void runtimesAgree();
    void aRunAgreesWithItself_data();
    void aRunAgreesWithItself();
    void divergencesAreOrderedAndWordedPerRuntime();
    void aTaskInOneRunOnly();
    void refusalsAndTheOtherRuntime();
};

void TestTraceCompare::runtimesDiffer_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QStringList>("cancels");
    QTest::addColumn<QStringList>("expected");     // "at task kind", in order
    QTest::addColumn<QString>("firstWords");       // part of the first divergence's first side
    QTest::addColumn<QString>("secondWords");      // part of its second side

    // asyncio's loop is held by the CPU work until 3000; Kotlin's dispatcher delivers at once.
    QTest::addRow("cpu blocks: asyncio vs Kotlin")
        << QStringLiteral("contrast-cpu-blocks") << QStringLiteral("asyncio") << QStringLiteral("kotlin") << QStringList{}
        << QStringList{QStringLiteral("1300 main state"), QStringLiteral("1300 main/job state")}
        << QStringLiteral("asyncio: still suspended (sleep) until 3000 ms, while main/cruncher does CPU work (0–3000 ms)")
        << QStringLiteral("Kotlin: at 1300 ms, ends: completed");
    // A user cancel of the cruncher: Kotlin takes the request at once, asyncio only when the loop is free.
    QTest::addRow("cpu blocks with a user cancel")
        << QStringLiteral("contrast-cpu-blocks") << QStringLiteral("asyncio") << QStringLiteral("kotlin") << QStringList{QStringLiteral("main/cruncher@1000")}
        << QStringList{QStringLiteral("1000 main/cruncher state"), QStringLiteral("1300 main state"), QStringLiteral("1300 main/job state"), QStringLiteral("3000 main/cruncher outcome")}
        << QStringLiteral("asyncio: still doing CPU work") << QStringLiteral("Kotlin: at 1000 ms, cancel requested by the user");
    // Everything happens at 1000 ms in both: the states agree, what the tasks do does not.
    QTest::addRow("catch-all: asyncio vs Kotlin")
        << QStringLiteral("contrast-catch-all") << QStringLiteral("asyncio") << QStringLiteral("kotlin") << QStringList{}
        << QStringList{QStringLiteral("1000 main course"), QStringLiteral("1000 main/worker course")}
        << QStringLiteral("asyncio: at 1000 ms, catches CancelledError") << QStringLiteral("Kotlin: at 1000 ms, prints \"main: done\"");
    QTest::addRow("catch-all: Kotlin vs Swift")
        << QStringLiteral("contrast-catch-all") << QStringLiteral("kotlin") << QStringLiteral("swift") << QStringList{}
        << QStringList{QStringLiteral("1000 main course")}
        << QStringLiteral("Kotlin: at 1000 ms, prints") << QStringLiteral("Swift: at 1000 ms, catches CancellationError");
    // Kotlin's join waits for the cancelled job; Swift's main is cancelled with it.
    QTest::addRow("cancel and join: Kotlin vs Swift")
        << QStringLiteral("kotlin-cancel-join") << QStringLiteral("kotlin") << QStringLiteral("swift") << QStringList{}
        << QStringList{QStringLiteral("1300 main state"), QStringLiteral("1300 main outcome")}
        << QStringLiteral("Kotlin: at 1300 ms, ends: completed") << QStringLiteral("Swift: at 1300 ms, ends: cancelled");
    QTest::addRow("make soup: asyncio vs Swift")
        << QStringLiteral("swift-make-soup") << QStringLiteral("swift") << QStringLiteral("asyncio") << QStringList{}
        << QStringList{}  // many: only the first is checked below
        << QStringLiteral("Swift: at 0 ms, CPU work for 500 ms") << QStringLiteral("asyncio: at 0 ms, created by");
}

void TestTraceCompare::runtimesDiffer()
{
    QFETCH(QString, lesson);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QStringList, cancels);
    QFETCH(QStringList, expected);
    QFETCH(QString, firstWords);
    QFETCH(QString, secondWords);

    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(comparisonRefusal(*scenario, runtimeNamed(first), runtimeNamed(second)), QString());
    const Run a = runLesson(*scenario, runtimeNamed(first), cancels);
    const Run b = runLesson(*scenario, runtimeNamed(second), cancels);
    const std::vector<Divergence> divergences = compareRuns(a.compared(), b.compared());
    QVERIFY(!divergences.empty());
    if (!expected.isEmpty())
        QCOMPARE(headlines(divergences), expected);
    const Divergence &head = divergences.front();
    QVERIFY2(head.first.contains(firstWords), qPrintable(head.first));
    QVERIFY2(head.second.contains(secondWords), qPrintable(head.second));
    QCOMPARE(head.text(), QStringLiteral("%1 — %2; %3").arg(head.task, head.first, head.second));
}

void TestTraceCompare::runtimesAgree_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addRow("cancel request: asyncio vs Swift") << QStringLiteral("asyncio-cancel-request") << QStringLiteral("asyncio") << QStringLiteral("swift");
    QTest::addRow("finally: asyncio vs Swift") << QStringLiteral("asyncio-finally") << QStringLiteral("asyncio") << QStringLiteral("swift");
    QTest::addRow("orphan: asyncio vs Swift") << QStringLiteral("contrast-orphan") << QStringLiteral("asyncio") << QStringLiteral("swift");
    QTest::addRow("cancelAll: asyncio vs Kotlin") << QStringLiteral("swift-task-group-cancel-all") << QStringLiteral("asyncio") << QStringLiteral("kotlin");
    QTest::addRow("throwing group: Kotlin vs Swift") << QStringLiteral("swift-throwing-task-group") << QStringLiteral("kotlin") << QStringLiteral("swift");
}

void TestTraceCompare::runtimesAgree()
{
    QFETCH(QString, lesson);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    const Run a = runLesson(*scenario, runtimeNamed(first), {});
    const Run b = runLesson(*scenario, runtimeNamed(second), {});
    QCOMPARE(headlines(compareRuns(a.compared(), b.compared())), QStringList());
}

void TestTraceCompare::aRunAgreesWithItself_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    for (const QString &id : Lessons::ids()) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        QVERIFY2(scenario, qPrintable(error));
        for (Runtime runtime : scenario->runtimes)
            QTest::addRow("%s/%s", qPrintable(id), qPrintable(runtimeName(runtime))) << id << int(runtime);
    }
}

void TestTraceCompare::aRunAgreesWithItself()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    const Run a = runLesson(*scenario, Runtime(runtime), {});
    const Run b = runLesson(*scenario, Runtime(runtime), {});
    QCOMPARE(headlines(compareRuns(a.compared(), b.compared())), QStringList());
}

// Over every lesson and every pair of runtimes it can run under: time order, each side's words
// start with its runtime, and the same runs always give the same list.
void TestTraceCompare::divergencesAreOrderedAndWordedPerRuntime()
{
    const Runtime all[] = {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift};
    int pairs = 0;
    for (const QString &id : Lessons::ids()) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        QVERIFY2(scenario, qPrintable(error));
        for (Runtime first : all) {
            for (Runtime second : all) {
                if (!comparisonRefusal(*scenario, first, second).isEmpty())
                    continue;
                ++pairs;
                const Run a = runLesson(*scenario, first, {});
                const Run b = runLesson(*scenario, second, {});
                const std::vector<Divergence> divergences = compareRuns(a.compared(), b.compared());
                for (std::size_t i = 0; i < divergences.size(); ++i) {
                    const Divergence &divergence = divergences[i];
                    if (i > 0)
                        QVERIFY(divergences[i - 1].at <= divergence.at);
                    QVERIFY2(divergence.first.startsWith(runtimeTitle(first) + QStringLiteral(": ")), qPrintable(divergence.first));
                    QVERIFY2(divergence.second.startsWith(runtimeTitle(second) + QStringLiteral(": ")), qPrintable(divergence.second));
                    QVERIFY(!divergence.task.isEmpty());
                }
                const std::vector<Divergence> again = compareRuns(a.compared(), b.compared());
                QCOMPARE(headlines(again), headlines(divergences));
            }
        }
    }
    QVERIFY(pairs >= 20);  // the contrast lessons run under all three, most others under two
}

// A task one run spawns and the other does not (hand-made traces: the engines' runs of one
// scenario always spawn the same tasks without actions).
void TestTraceCompare::aTaskInOneRunOnly()
{
    const std::vector<TraceEvent> withChild{traceEvent(0, 0, 0, EventKind::Spawn), traceEvent(1, 0, 0, EventKind::Start),
                                            traceEvent(2, 100, 1, EventKind::Spawn, 0), traceEvent(3, 100, 1, EventKind::Start),
                                            traceEvent(4, 200, 1, EventKind::End), traceEvent(5, 200, 0, EventKind::End)};
    const std::vector<TraceEvent> alone{traceEvent(0, 0, 0, EventKind::Spawn), traceEvent(1, 0, 0, EventKind::Start),
                                        traceEvent(2, 200, 0, EventKind::End)};
    const TaskPathResolver paths = [](int id) { return id == 0 ? QStringLiteral("main") : QStringLiteral("main/child"); };
    const std::vector<Divergence> divergences = compareRuns({Runtime::Kotlin, &withChild, paths}, {Runtime::Swift, &alone, paths});
    QCOMPARE(headlines(divergences), QStringList{QStringLiteral("100 main/child only-in")});
    QCOMPARE(divergences.front().onlyIn, 0);
    QVERIFY2(divergences.front().second.contains(QStringLiteral("Swift: no such task")), qPrintable(divergences.front().second));

    const std::vector<Divergence> swapped = compareRuns({Runtime::Swift, &alone, paths}, {Runtime::Kotlin, &withChild, paths});
    QCOMPARE(headlines(swapped), QStringList{QStringLiteral("100 main/child only-in")});
    QCOMPARE(swapped.front().onlyIn, 1);
}

void TestTraceCompare::refusalsAndTheOtherRuntime()
{
    QString error;
    const auto everywhere = Lessons::load(QStringLiteral("contrast-cpu-blocks"), &error);
    QVERIFY2(everywhere, qPrintable(error));
    QVERIFY(comparisonRefusal(*everywhere, Runtime::Kotlin, Runtime::Kotlin).contains(QStringLiteral("both sides run under Kotlin")));
    QCOMPARE(comparisonRefusal(*everywhere, Runtime::Asyncio, Runtime::Swift), QString());
    QCOMPARE(otherComparableRuntime(*everywhere, Runtime::Asyncio), Runtime::Kotlin);

    // A Kotlin lesson with a structured child cannot run under asyncio: the reason names it.
    const auto kotlinOnly = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(kotlinOnly, qPrintable(error));
    const QString refusal = comparisonRefusal(*kotlinOnly, Runtime::Kotlin, Runtime::Asyncio);
    QVERIFY2(refusal.contains(QStringLiteral("cannot run under asyncio")), qPrintable(refusal));
    const Runtime other = otherComparableRuntime(*kotlinOnly, Runtime::Kotlin);
    QVERIFY(other != Runtime::Kotlin);
    QCOMPARE(comparisonRefusal(*kotlinOnly, Runtime::Kotlin, other), QString());
}

QTEST_GUILESS_MAIN(TestTraceCompare)
#include "tst_tracecompare.moc"
