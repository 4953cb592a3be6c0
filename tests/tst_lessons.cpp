// Every built-in lesson, with the facts its seed article teaches asserted on its trace.

#include "lessons.h"
#include "tracesignature.h"

#include <QTest>

using namespace cascade;
using namespace cascade::testing;

class TestLessons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLessonLoadsAndRuns();
    void lessonFacts_data();
    void lessonFacts();
};

void TestLessons::everyLessonLoadsAndRuns()
{
    const QStringList ids = Lessons::ids();
    QVERIFY(ids.size() >= 24);
    for (const QString &id : ids) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        QVERIFY2(scenario, qPrintable(error));
        QCOMPARE(scenario->id, id);
        QVERIFY(!scenario->title.en.isEmpty() && !scenario->title.ko.isEmpty());
        QVERIFY(!scenario->explanation.en.isEmpty() && !scenario->explanation.ko.isEmpty());
        for (Runtime runtime : scenario->runtimes) {
            QVERIFY2(Engine::unsupported(*scenario, runtime).isEmpty(), qPrintable(id));
            Engine engine(*scenario, runtime);
            engine.runToEnd();
            QVERIFY2(engine.abortReason().isEmpty(), qPrintable(id));
            QVERIFY2(signature(engine).last().contains(QStringLiteral(" end ")), qPrintable(id));
        }
    }
}

void TestLessons::lessonFacts_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("forbidden");
    const int A = int(Runtime::Asyncio), K = int(Runtime::Kotlin), S = int(Runtime::Swift);
    auto row = [](const char *lesson, int runtime, const QStringList &expected, const QStringList &forbidden = {}) {
        QTest::addRow("%s/%s", lesson, qPrintable(runtimeName(Runtime(runtime))))
            << QString::fromLatin1(lesson) << runtime << expected << forbidden;
    };
    // asyncio (seed 000)
    row("asyncio-cancel-request", A,
        {"500 main/long_task cancel-request cause=code", "500 main/long_task cancel-deliver at=sleep",
         "500 main/long_task catch CancelledError rethrown", "500 main/long_task print 정리 작업 수행",
         "500 main/long_task end cancelled", "500 main catch CancelledError", "500 main print 취소 확인됨"});
    row("asyncio-swallow", A,
        {"500 main/long_task cancel-deliver at=sleep", "500 main/long_task catch CancelledError",
         "500 main/long_task end completed"},
        {"long_task end cancelled"});
    row("asyncio-finally", A,
        {"500 main/worker cancel-deliver at=sleep", "500 main/worker cleanup-enter",
         "500 main/worker print 연결 닫기, 자원 해제", "500 main/worker cleanup-exit", "500 main/worker end cancelled"});
    row("asyncio-timeout", A,
        {"5000 main timeout 5000", "5000 main cancel-request cause=timeout", "5000 main cancel-deliver at=sleep",
         "5000 main raise TimeoutError", "5000 main catch TimeoutError", "5000 main print 시간 초과로 취소됨"});
    row("asyncio-wait-for", A,
        {"5000 main timeout 5000", "5000 main/slow cancel-request cause=timeout", "5000 main/slow cancel-deliver at=sleep",
         "5000 main/slow end cancelled", "5000 main raise TimeoutError", "5000 main print 시간 초과로 취소됨"});
    row("asyncio-shield", A,
        {"1000 main timeout 1000", "1000 main/critical cancel-blocked by=shield", "1000 main raise TimeoutError",
         "1000 main print 대기는 포기, 그러나 작업은 살아있음", "3000 main/critical end completed",
         "3000 main print 커밋 완료"},
        {"main/critical cancel-request"});

    // Kotlin (seed 002)
    row("kotlin-cancel-join", K,
        {"0 main/job print job: 잠깐 잠 좀 잘게요 0 ...", "500 main/job print job: 잠깐 잠 좀 잘게요 1 ...",
         "1000 main/job print job: 잠깐 잠 좀 잘게요 2 ...", "1300 main/job cancel-request cause=code",
         "1300 main/job cancel-deliver at=sleep", "1300 main/job end cancelled", "1300 main print main: 멈췄어요! "},
        {"잘게요 3"});
    row("kotlin-cpu-loop", K,
        {"0 main/job print job: 자고 있어요.. 0 ...", "500 main/job print job: 자고 있어요.. 1 ...",
         "1000 main/job print job: 자고 있어요.. 2 ...", "1300 main/job cancel-request cause=code",
         "1500 main/job print job: 자고 있어요.. 3 ...", "2000 main/job print job: 자고 있어요.. 4 ...",
         "2000 main/job end cancelled", "2000 main print main: 끝이야 우린"},
        {"main/job cancel-deliver"});
    row("kotlin-is-active", K,
        {"1000 main/job print job: I'm sleeping 2 ...", "1300 main/job cancel-request cause=code",
         "1300 main/job checkpoint cancelled", "1300 main/job end cancelled"},
        {"I'm sleeping 3"});
    row("kotlin-catch-exception", K,
        {"1000 main/job print job: I'm sleeping 2 ...", "1300 main/job cancel-deliver at=sleep",
         "1300 main/job catch CancellationException", "1300 main/job print job: I'm sleeping 3 ...",
         "1300 main/job cancel-deliver at=sleep", "1300 main/job print job: I'm sleeping 4 ...",
         "1300 main/job end cancelled"},
        {"1500 main/job"});
    row("kotlin-finally", K,
        {"1300 main/job cancel-deliver at=sleep", "1300 main/job cleanup-enter", "1300 main/job print job: 리소스 닫을게요~",
         "1300 main/job end cancelled"});
    row("kotlin-with-timeout", K,
        {"0 main print I'm sleeping 0 ...", "500 main print I'm sleeping 1 ...", "1000 main print I'm sleeping 2 ...",
         "1300 main timeout 1300", "1300 main cancel-deliver at=sleep", "1300 main end cancelled TimeoutCancellationException"});

    // Swift (seed 003)
    row("swift-make-soup", S,
        {"1200 main/makeSoup cancel-request cause=code", "1200 main/makeSoup/chopIngredients cancel-request cause=parent",
         "1200 main/makeSoup/chopIngredients/chop[0] cancel-request cause=parent",
         "1200 main/makeSoup/chopIngredients/chop[3] cancel-request cause=parent",
         "1200 main/makeSoup/marinate cancel-request cause=parent", "1200 main/makeSoup/boil cancel-request cause=parent",
         "1200 main/makeSoup/marinate cancel-deliver at=sleep", "1500 main/makeSoup/chopIngredients/chop[2] cancel-deliver at=checkpoint",
         "1500 main/makeSoup end cancelled"},
        {"soup is ready"});
    row("swift-is-cancelled-entry", S,
        {"0 main/makeSoup checkpoint passed", "700 main/makeSoup cancel-request cause=code",
         "1500 main/makeSoup print makeSoup: soup is ready", "1500 main/makeSoup end completed"},
        {"main/makeSoup cancel-deliver"});
    row("swift-check-cancellation", S,
        {"700 main/makeSoup cancel-request cause=code", "1000 main/makeSoup checkpoint cancelled",
         "1000 main/makeSoup cancel-deliver at=checkpoint", "1000 main/makeSoup end cancelled"},
        {"cooking the soup"});
    row("swift-cancellation-handler", S,
        {"0 main/chef suspend", "2000 main/chef cancel-request cause=code", "2000 main/chef cleanup-enter",
         "2000 main/chef print 교대 시간: 주문 대기를 멈춥니다", "2000 main/chef resume", "2000 main/chef end completed"});
    row("swift-async-let-error", S,
        {"500 main/cook/a end failed BurnError", "500 main/cook/b cancel-request cause=failure",
         "500 main/cook/b end cancelled", "500 main/cook end failed BurnError"},
        {"safeWork done"});
    row("swift-async-let-await-order", S,
        {"500 main/cook/a end failed BurnError", "3000 main/cook/b print b: safeWork done",
         "3000 main/cook end failed BurnError"},
        {"main/cook/b cancel-request"});
    row("swift-task-group-cancel-all", S,
        {"0 main/testing cancel-request cause=code", "500 main/testing end completed", "500 main/group end completed",
         "500 main/cancellation end completed"},
        {"cancel-deliver"});
    row("swift-throwing-task-group", S,
        {"500 main/chop end failed ChopError", "500 main/marinate cancel-request cause=failure",
         "500 main/boil cancel-request cause=failure", "500 main/marinate end cancelled", "500 main/boil end cancelled",
         "500 main catch ChopError"});
    row("swift-limited-concurrency", S,
        {"0 main/chop[2] start", "400 main/chop[3] start", "400 main/chop[5] start", "800 main/chop[6] start",
         "1200 main end completed"},
        {"0 main/chop[3] start"});

    // Contrasts: the same tree under all three runtimes
    row("contrast-catch-all", A, {"1000 main/worker cancel-deliver at=sleep", "1000 main/worker end cancelled"},
        {"swallowed it", "worker carries on"});
    row("contrast-catch-all", K, {"1000 main/worker catch CancellationException", "1000 main/worker print worker carries on",
                                  "1000 main/worker cancel-deliver at=sleep", "1000 main/worker end cancelled"});
    row("contrast-catch-all", S, {"1000 main/worker catch CancellationError", "1000 main/worker print worker carries on"});
    row("contrast-cpu-blocks", A, {"0 main/cruncher work 3000", "3000 main/job cancel-request cause=code",
                                   "3000 main/job end cancelled"},
        {"1300 main"});
    row("contrast-cpu-blocks", K, {"0 main/cruncher work 3000", "1300 main/job cancel-request cause=code",
                                   "1300 main/job end cancelled", "3000 main/cruncher end completed"});
    row("contrast-cpu-blocks", S, {"1300 main/job cancel-request cause=code", "1300 main/job end cancelled",
                                   "3000 main/cruncher end completed"});
    for (int runtime : {A, K, S})
        row("contrast-orphan", runtime,
            {"1500 main/parent cancel-request cause=code", "1500 main/parent/orphan cancel-blocked by=not-a-child",
             "1500 main/parent end cancelled", "2000 main/parent/orphan print orphan: still running 2",
             "3000 main/parent/orphan end completed"},
            {"main/parent/orphan cancel-request"});
}

void TestLessons::lessonFacts()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, forbidden);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    Engine engine(*scenario, Runtime(runtime));
    engine.runToEnd();
    const QStringList lines = signature(engine);
    QString missing;
    QVERIFY2(containsInOrder(lines, expected, &missing),
             qPrintable(QStringLiteral("missing (in order): %1\ntrace:\n%2").arg(missing, lines.join(QLatin1Char('\n')))));
    for (const QString &text : std::as_const(forbidden)) {
        QVERIFY2(!traceMentions(lines, text), qPrintable(QStringLiteral("unexpected: %1\ntrace:\n%2").arg(text, lines.join(QLatin1Char('\n')))));
    }
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
