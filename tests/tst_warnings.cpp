// Warnings found in a trace: each kind on a small scenario, the cases that must not raise it, the
// threshold of the CPU rule, the words, and which built-in lessons raise which warnings (the
// table in lessonWarnings_data is the specification).
#include "engine.h"
#include "lessons.h"
#include "scenarioloader.h"
#include "useraction.h"
#include "warnings.h"

#include <QRegularExpression>
#include <QTest>

using namespace cascade;
using namespace Qt::StringLiterals;

namespace {

Scenario scenarioWith(const QByteArray &steps)
{
    const QByteArray text = R"({"cascade": "scenario", "version": 1, "id": "w", "title": {"en": "W", "ko": "W"},
        "runtimes": ["asyncio", "kotlin", "swift"], "root": {"name": "main", "steps": )" + steps + "}}";
    QString error;
    const std::optional<Scenario> scenario = ScenarioLoader::parse(text, u"w.json"_s, &error);
    if (!scenario)
        qFatal("%s", qPrintable(error));
    return *scenario;
}

//! "kind task @t, at: event-task event" for each warning: what, on which task, and the event where
//! it becomes true.
QStringList describeWarnings(const Engine &engine, Runtime runtime, WarningDetector::Options options = {})
{
    const TaskPathResolver path = engine.pathResolver();
    QStringList lines;
    for (const TraceWarning &w : findWarnings(engine.events(), runtime, path, options)) {
        const TraceEvent &at = engine.events()[std::size_t(w.seq)];
        lines << u"%1 %2 @%3, at: %4 %5"_s.arg(QLatin1String(warningKindName(w.kind)), path(w.task)).arg(w.t)
                     .arg(path(at.task), QLatin1String(eventKindName(at.kind)));
    }
    return lines;
}

std::unique_ptr<Engine> run(const Scenario &scenario, Runtime runtime, const QStringList &actions = {})
{
    auto engine = std::make_unique<Engine>(scenario, runtime);
    for (const QString &spec : actions) {
        UserAction action;
        QString error;
        const QString kind = spec.section(u' ', 0, 0);
        const UserAction::Kind k = kind == "fail"_L1 ? UserAction::Kind::Fail : UserAction::Kind::Cancel;
        if (!UserAction::parse(k, spec.section(u' ', 1), &action, &error))
            qFatal("%s", qPrintable(error));
        engine->schedule(action);
    }
    engine->runToEnd();
    return engine;
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

} // namespace

class TestWarnings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scenarios_data();
    void scenarios();
    void cpuThreshold_data();
    void cpuThreshold();
    void discardedErrorIsInTheTrace();
    void detectorMatchesWholeTrace();
    void words_data();
    void words();
    void lessonWarnings_data();
    void lessonWarnings();
};

void TestWarnings::scenarios_data()
{
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QStringList>("expected");

    const int A = int(Runtime::Asyncio), K = int(Runtime::Kotlin), S = int(Runtime::Swift);
    auto catching = [](const char *clause) {
        return QByteArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
            {"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "catch": [)") + clause + R"(]}]}},
            {"do": "sleep", "ms": 300}, {"do": "cancel", "task": "job"},
            {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    };

    // --- swallowed: a task catches the cancellation delivered to it and does not rethrow it
    for (int runtime : {A, K, S}) {
        QTest::addRow("swallowed/%s", qPrintable(runtimeName(Runtime(runtime))))
            << runtime << catching(R"({"error": "cancellation"})") << QStringList{}
            << QStringList{u"swallowed-cancellation main/job @300, at: main/job catch"_s};
        QTest::addRow("rethrown is fine/%s", qPrintable(runtimeName(Runtime(runtime))))
            << runtime << catching(R"({"error": "cancellation", "rethrow": true})") << QStringList{} << QStringList{};
    }
    QTest::addRow("catch-all in Kotlin swallows") << K << catching(R"({"error": "any"})") << QStringList{}
        << QStringList{u"swallowed-cancellation main/job @300, at: main/job catch"_s};
    QTest::addRow("except Exception misses it") << A << catching(R"({"error": "any"})") << QStringList{} << QStringList{};
    // main catches the cancellation of the task it awaited, not its own: nothing swallowed.
    QTest::addRow("awaiter catches the task's cancellation") << A << catching(R"({"error": "cancellation", "rethrow": true})")
        << QStringList{} << QStringList{};
    QTest::addRow("catching withTimeout outside it") << K << QByteArray(R"([{"do": "try", "steps": [
        {"do": "timeout", "ms": 100, "steps": [{"do": "sleep", "ms": 500}]}], "catch": [{"error": "timeout"}]}])")
        << QStringList{} << QStringList{};
    QTest::addRow("catching withTimeout's cancel inside it") << K << QByteArray(R"([{"do": "timeout", "ms": 100, "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 500}], "catch": [{"error": "any"}]}]}])")
        << QStringList{} << QStringList{u"swallowed-cancellation main @100, at: main catch"_s};
    QTest::addRow("asyncio timeout turns it into TimeoutError") << A << QByteArray(R"([{"do": "try", "steps": [
        {"do": "timeout", "ms": 100, "steps": [{"do": "sleep", "ms": 500}]}], "catch": [{"error": "timeout"}]}])")
        << QStringList{} << QStringList{};
    QTest::addRow("user cancel swallowed") << A << QByteArray(R"([{"do": "try", "steps": [{"do": "sleep", "ms": 500}],
        "catch": [{"error": "cancellation"}]}])") << QStringList{u"cancel main@200"_s}
        << QStringList{u"swallowed-cancellation main @200, at: main catch"_s};

    // --- undelivered: requested, then 500 ms or more of CPU work without a check point
    const QByteArray cpu = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 1000}, {"do": "print", "text": "worked"}]}}, {"do": "sleep", "ms": 1},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])";
    QTest::addRow("undelivered/kotlin") << K << cpu << QStringList{u"cancel main/job@300"_s}
        << QStringList{u"undelivered-cancel main/job @1000, at: main/job print"_s};
    QTest::addRow("undelivered/swift") << S << cpu << QStringList{u"cancel main/job@300"_s}
        << QStringList{u"undelivered-cancel main/job @1000, at: main/job print"_s};
    // asyncio: the cancel waits for the loop, which the CPU work holds: it arrives after the work.
    QTest::addRow("asyncio holds the cancel until the work ends") << A << cpu << QStringList{u"cancel main/job@300"_s}
        << QStringList{};
    QTest::addRow("checking work is fine") << K << QByteArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": 1000, "checkEvery": 400}]}}, {"do": "sleep", "ms": 1},
        {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}])")
        << QStringList{u"cancel main/job@300"_s} << QStringList{};

    // --- orphan: an unstructured task still running when the task that made it ends
    const QByteArray orphan = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "worker", "steps": [
        {"do": "sleep", "ms": 1000}]}}, {"do": "sleep", "ms": 100}])";
    for (int runtime : {A, K, S}) {
        QTest::addRow("orphan/%s", qPrintable(runtimeName(Runtime(runtime)))) << runtime << orphan << QStringList{}
            << QStringList{u"orphan-task main/worker @100, at: main end"_s};
    }
    QTest::addRow("joined before the end") << S << QByteArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "worker", "steps": [
        {"do": "sleep", "ms": 1000}]}}, {"do": "join", "task": "worker"}])") << QStringList{} << QStringList{};
    QTest::addRow("a structured child is waited for") << K << QByteArray(R"([{"do": "spawn", "link": "child", "task": {"name": "worker", "steps": [
        {"do": "sleep", "ms": 1000}]}}, {"do": "sleep", "ms": 100}])") << QStringList{} << QStringList{};

    // --- discarded child error (Swift): the error never reaches the parent
    QTest::addRow("async let never awaited") << S << QByteArray(R"([{"do": "spawn", "link": "child", "task": {"name": "a", "steps": [
        {"do": "sleep", "ms": 100}, {"do": "raise", "error": "BurnError"}]}}, {"do": "sleep", "ms": 500}])")
        << QStringList{} << QStringList{u"discarded-child-error main/a @500, at: main error-discarded"_s};
    QTest::addRow("async let awaited") << S << QByteArray(R"([{"do": "spawn", "link": "child", "task": {"name": "a", "steps": [
        {"do": "sleep", "ms": 100}, {"do": "raise", "error": "BurnError"}]}}, {"do": "sleep", "ms": 500},
        {"do": "try", "steps": [{"do": "join", "task": "a"}], "catch": [{"error": "BurnError"}]}])") << QStringList{} << QStringList{};
    QTest::addRow("second error of a throwing group") << S << QByteArray(R"([{"do": "try", "steps": [{"do": "group", "kind": "strict", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 100}, {"do": "raise", "error": "ChopError"}]},
        {"name": "b", "steps": [{"do": "work", "ms": 300}, {"do": "raise", "error": "BoilError"}]}]}],
        "catch": [{"error": "ChopError"}]}])") << QStringList{}
        << QStringList{u"discarded-child-error main/b @300, at: main error-discarded"_s};
    QTest::addRow("withTaskGroup drops a child's error") << S << QByteArray(R"([{"do": "group", "kind": "tolerant", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 100}, {"do": "raise", "error": "ChopError"}]}]}])") << QStringList{}
        << QStringList{u"discarded-child-error main/a @100, at: main error-discarded"_s};
    QTest::addRow("second error of async let") << S << QByteArray(R"([{"do": "try", "steps": [{"do": "gather", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 100}, {"do": "raise", "error": "BurnError"}]},
        {"name": "b", "steps": [{"do": "work", "ms": 300}, {"do": "raise", "error": "SpillError"}]}]}],
        "catch": [{"error": "BurnError"}]}])") << QStringList{}
        << QStringList{u"discarded-child-error main/b @300, at: main error-discarded"_s};
    QTest::addRow("other runtimes report it their own way") << K << QByteArray(R"([{"do": "group", "kind": "tolerant", "tasks": [
        {"name": "a", "steps": [{"do": "sleep", "ms": 100}, {"do": "raise", "error": "ChopError"}]}]}])") << QStringList{} << QStringList{};

    // --- Kotlin: a suspending call in finally of a cancelled coroutine throws at once
    const QByteArray finallySleeps = R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "finally": [{"do": "print", "text": "closing"},
        {"do": "sleep", "ms": 100}, {"do": "print", "text": "closed"}]}]}}, {"do": "sleep", "ms": 300}, {"do": "cancel", "task": "job"},
        {"do": "join", "task": "job"}])";
    QTest::addRow("suspend in finally") << K << finallySleeps << QStringList{}
        << QStringList{u"suspend-in-cancelled-finally main/job @300, at: main/job cancel-deliver"_s};
    QTest::addRow("asyncio awaits in finally normally") << A << finallySleeps << QStringList{} << QStringList{};
    QTest::addRow("NonCancellable in finally") << K << QByteArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 1000}], "finally": [{"do": "shield", "steps": [{"do": "sleep", "ms": 100}]}]}]}},
        {"do": "sleep", "ms": 300}, {"do": "cancel", "task": "job"}, {"do": "join", "task": "job"}])") << QStringList{} << QStringList{};
    // Cancelled while the finally waits: delivered in that wait, not at once.
    QTest::addRow("cancelled during finally") << K << QByteArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "try", "steps": [{"do": "sleep", "ms": 100}], "finally": [{"do": "sleep", "ms": 1000}]}]}},
        {"do": "sleep", "ms": 300}, {"do": "cancel", "task": "job"}, {"do": "join", "task": "job"}])") << QStringList{} << QStringList{};
}

void TestWarnings::scenarios()
{
    QFETCH(int, runtime);
    QFETCH(QByteArray, steps);
    QFETCH(QStringList, actions);
    QFETCH(QStringList, expected);
    const Scenario scenario = scenarioWith(steps);
    const auto engine = run(scenario, Runtime(runtime), actions);
    QCOMPARE(describeWarnings(*engine, Runtime(runtime)), expected);
}

void TestWarnings::cpuThreshold_data()
{
    QTest::addColumn<int>("workMs");
    QTest::addColumn<qint64>("threshold");
    QTest::addColumn<QStringList>("expected");
    // The cancel comes at 300 ms, during the work: the CPU time after it is workMs - 300.
    QTest::addRow("499 ms after the request") << 799 << qint64(500) << QStringList{};
    QTest::addRow("500 ms after the request") << 800 << qint64(500)
        << QStringList{u"undelivered-cancel main/job @800, at: main/job print"_s};
    QTest::addRow("a lower threshold") << 400 << qint64(100)
        << QStringList{u"undelivered-cancel main/job @400, at: main/job print"_s};
}

void TestWarnings::cpuThreshold()
{
    QFETCH(int, workMs);
    QFETCH(qint64, threshold);
    QFETCH(QStringList, expected);
    const Scenario scenario = scenarioWith(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
        {"do": "work", "ms": )" + QByteArray::number(workMs) + R"(}, {"do": "print", "text": "worked"}]}},
        {"do": "sleep", "ms": 300}, {"do": "cancel", "task": "job"}, {"do": "join", "task": "job"}])");
    const auto engine = run(scenario, Runtime::Swift);
    WarningDetector::Options options;
    options.cpuThresholdMs = threshold;
    QCOMPARE(describeWarnings(*engine, Runtime::Swift, options), expected);
}

void TestWarnings::discardedErrorIsInTheTrace()
{
    // The engine says which child's error it dropped, with the error's name, on the parent.
    const Scenario scenario = scenarioWith(R"([{"do": "spawn", "link": "child", "task": {"name": "a", "steps": [
        {"do": "sleep", "ms": 100}, {"do": "raise", "error": "BurnError", "message": "burnt"}]}}, {"do": "sleep", "ms": 500}])");
    const auto engine = run(scenario, Runtime::Swift);
    const QByteArray trace = engine->traceJsonLines();
    QVERIFY2(trace.contains(R"("t":500,"task":"main","ev":"error-discarded","child":"main/a","error":"BurnError"})"),
             trace.constData());
    const std::vector<TraceWarning> warnings = findWarnings(engine->events(), Runtime::Swift, engine->pathResolver());
    QCOMPARE(warnings.size(), std::size_t(1));
    QCOMPARE(warnings.front().summary.en, u"the error BurnError of main/a was discarded: main never received it by awaiting it"_s);
    QCOMPARE(engine->taskPath(warnings.front().other), u"main"_s);
}

void TestWarnings::detectorMatchesWholeTrace()
{
    // Fed one event at a time (as the player shows them), and again after reset(): the same list.
    QString error;
    const std::optional<Scenario> scenario = Lessons::load(u"kotlin-catch-exception"_s, &error);
    QVERIFY2(scenario, qPrintable(error));
    Engine engine(*scenario, Runtime::Kotlin);
    engine.runToEnd();
    const std::vector<TraceWarning> whole = findWarnings(engine.events(), Runtime::Kotlin, engine.pathResolver());
    QCOMPARE(whole.size(), std::size_t(1));  // three catches, one warning: the first
    WarningDetector detector(Runtime::Kotlin, engine.pathResolver());
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<TraceWarning> fed;
        for (const TraceEvent &event : engine.events()) {
            const std::vector<TraceWarning> found = detector.feed(event);
            for (const TraceWarning &w : found)
                QCOMPARE(w.seq, event.seq);  // reported at the event where it becomes true
            fed.insert(fed.end(), found.begin(), found.end());
        }
        QVERIFY(fed == whole);
        detector.reset();
    }
}

void TestWarnings::words_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("runtime");
    for (int kind = 0; kind <= int(WarningKind::SuspendInCancelledFinally); ++kind) {
        for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
            QTest::addRow("%s/%s", warningKindName(WarningKind(kind)), qPrintable(runtimeName(runtime))) << kind << int(runtime);
    }
}

void TestWarnings::words()
{
    QFETCH(int, kind);
    QFETCH(int, runtime);
    const LocalizedText summary = warningSummary(WarningKind(kind), Runtime(runtime), {u"main/job"_s, u"X"_s, u"Y"_s});
    const LocalizedText explanation = warningExplanation(WarningKind(kind), Runtime(runtime));
    for (const QString &text : {summary.en, summary.ko}) {
        QVERIFY(text.contains(u"main/job"_s));
        QVERIFY2(!text.contains(QRegularExpression(u"%\\d"_s)), qPrintable(text));  // every figure filled
        QVERIFY(!text.contains(u'\n'));
    }
    QVERIFY(hasHangul(summary.ko) && hasHangul(explanation.ko));
    QVERIFY(explanation.en.size() > 200 && explanation.ko.size() > 100);  // a paragraph, not a line
    QVERIFY(QString(QLatin1String(warningKindName(WarningKind(kind)))) != u"unknown"_s);
}

void TestWarnings::lessonWarnings_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QStringList>("expected");

    // The specification: the warnings each lesson's own run raises, and only those.
    const QHash<QString, QStringList> raised{
        {u"asyncio-swallow/asyncio"_s, {u"swallowed-cancellation main/long_task @500, at: main/long_task catch"_s}},
        {u"kotlin-cpu-loop/kotlin"_s, {u"undelivered-cancel main/job @2000, at: main/job print"_s}},
        {u"kotlin-catch-exception/kotlin"_s, {u"swallowed-cancellation main/job @1300, at: main/job catch"_s}},
        {u"swift-is-cancelled-entry/swift"_s, {u"undelivered-cancel main/makeSoup @1500, at: main/makeSoup print"_s}},
        {u"swift-task-group-cancel-all/swift"_s, {u"undelivered-cancel main/testing @500, at: main/testing print"_s,
                                                  u"undelivered-cancel main/group @500, at: main/group print"_s,
                                                  u"undelivered-cancel main/cancellation @500, at: main/cancellation print"_s}},
        {u"contrast-catch-all/kotlin"_s, {u"swallowed-cancellation main/worker @1000, at: main/worker catch"_s}},
        {u"contrast-catch-all/swift"_s, {u"swallowed-cancellation main/worker @1000, at: main/worker catch"_s}},
        {u"contrast-cpu-blocks/kotlin"_s, {u"orphan-task main/cruncher @1300, at: main end"_s}},
        {u"contrast-cpu-blocks/swift"_s, {u"orphan-task main/cruncher @1300, at: main end"_s}},
        {u"contrast-orphan/asyncio"_s, {u"orphan-task main/parent/orphan @1500, at: main/parent end"_s}},
        {u"contrast-orphan/kotlin"_s, {u"orphan-task main/parent/orphan @1500, at: main/parent end"_s}},
        {u"contrast-orphan/swift"_s, {u"orphan-task main/parent/orphan @1500, at: main/parent end"_s}},
    };
    int rows = 0;
    int withWarnings = 0;
    for (const QString &id : Lessons::ids()) {
        QString error;
        const std::optional<Scenario> scenario = Lessons::load(id, &error);
        QVERIFY2(scenario, qPrintable(error));
        for (Runtime runtime : scenario->runtimes) {
            const QString key = id + u'/' + runtimeName(runtime);
            QTest::addRow("%s", qPrintable(key)) << id << int(runtime) << raised.value(key);
            ++rows;
            withWarnings += raised.contains(key) ? 1 : 0;
        }
    }
    QCOMPARE(rows, 30);
    QCOMPARE(withWarnings, int(raised.size()));  // no row of the table names a lesson that does not exist
}

void TestWarnings::lessonWarnings()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QFETCH(QStringList, expected);
    QString error;
    const std::optional<Scenario> scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    Engine engine(*scenario, Runtime(runtime));
    engine.runToEnd();
    QCOMPARE(describeWarnings(engine, Runtime(runtime)), expected);
}

QTEST_GUILESS_MAIN(TestWarnings)
#include "tst_warnings.moc"
