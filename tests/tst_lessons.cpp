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
#include "lessonfacts.inc"
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
        const bool present = std::any_of(lines.begin(), lines.end(), [&](const QString &line) { return line.contains(text); });
        QVERIFY2(!present, qPrintable(QStringLiteral("unexpected: %1\ntrace:\n%2").arg(text, lines.join(QLatin1Char('\n')))));
    }
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
