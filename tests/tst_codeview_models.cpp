// The code view's model (the scenario as code, and the line each task stands on as the playhead
// moves) and the compare window's models (two runs on one clock, their divergences), each under
// QAbstractItemModelTester.

#include "codeviewmodel.h"
#include "divergencemodel.h"
#include "engine.h"
#include "lessons.h"
#include "runcomparison.h"
#include "session.h"
#include "tracecompare.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace cascade;

namespace {

//! The one line of the program whose text contains `fragment` (0 when none or several).
int lineWith(const CodeViewModel &model, const QString &fragment)
{
    int found = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(CodeViewModel::TextRole).toString().contains(fragment)) {
            if (found)
                return 0;
            found = row + 1;
        }
    }
    return found;
}

//! Every line's tasks, as "line: names", for comparing two moments of the view.
QStringList occupancy(const CodeViewModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QStringList here = model.index(row).data(CodeViewModel::TasksHereRole).toStringList();
        if (!here.isEmpty())
            lines << QStringLiteral("%1: %2").arg(row + 1).arg(here.join(QLatin1Char(',')));
    }
    return lines;
}

//! Where the trace and the line map put a task: the head line, in `code`, of the
//! step its last shown event points at (Engine::stepPointer and the line map), 0 after its end.
int lineFromLineMap(const Session &session, const GeneratedCode &code, const QString &path)
{
    int line = 0;
    for (qint64 i = 0; i < session.shownEvents(); ++i) {
        const TraceEvent &event = session.trace()[std::size_t(i)];
        if (event.task < 0 || session.paths()(event.task) != path)
            continue;
        if (event.kind == EventKind::End)
            line = 0;
        else if (event.step >= 0)
            line = code.headLine(session.engine()->stepPointer(event.step));
    }
    return line;
}

GeneratedCode codeOf(const Session &session, const QString &language)
{
    CodeLanguage codeLanguage = CodeLanguage::Python;
    if (!codeLanguageFromName(language, &codeLanguage) || !session.scenario())
        return {};
    return generateCode(*session.scenario(), codeLanguage);
}

//! occupancy() as the line map says it: each task on the head line of its last shown step.
QStringList occupancyFromLineMap(const Session &session, const QString &language)
{
    std::map<int, QStringList> byLine;
    const GeneratedCode code = codeOf(session, language);
    for (int task = 0; task < session.index()->taskCount(); ++task) {
        const QString path = session.paths()(task);
        const int line = lineFromLineMap(session, code, path);
        if (line > 0)
            byLine[line] << path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    }
    QStringList lines;
    for (const auto &[line, names] : byLine)
        lines << QStringLiteral("%1: %2").arg(line).arg(names.join(QLatin1Char(',')));
    return lines;
}

bool hasUserCancel(const Session &session, const QString &path, qint64 *at)
{
    for (const TraceEvent &event : session.trace()) {
        if (event.kind == EventKind::CancelRequest && event.code == quint8(CancelCause::User) && event.task >= 0
            && session.paths()(event.task) == path) {
            *at = event.t;
            return true;
        }
    }
    return false;
}

} // namespace

class TestCodeViewModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesFollowThePlayhead_data();
    void linesFollowThePlayhead();
    void stepBackAndSeekShowWhatSteppingShows();
    void selectedTaskIsMarkedStrongly();
    void marksOfCheckPointsCleanupAndMissingConstructs_data();
    void marksOfCheckPointsCleanupAndMissingConstructs();
    void languageFollowsTheRuntimeUntilChosen();
    void anEditedScenarioIsShownAgain();
    void comparisonListsTheDivergences();
    void anActionGoesToBothRunsAtTheSameTime();
    void aRefusedPairSaysWhy();
};

void TestCodeViewModels::linesFollowThePlayhead_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("line");  // a fragment of the line the task stands on; "" for none

    const QString join = QStringLiteral("kotlin-cancel-join");
    QTest::addRow("kotlin: main sleeps") << join << QStringLiteral("kotlin") << QStringLiteral("kotlin") << qint64(600) << QStringLiteral("main") << QStringLiteral("delay(1300L)");
    QTest::addRow("kotlin: job sleeps in its loop") << join << QStringLiteral("kotlin") << QStringLiteral("kotlin") << qint64(600) << QStringLiteral("main/job") << QStringLiteral("delay(500L)");
    QTest::addRow("kotlin: ended tasks stand nowhere") << join << QStringLiteral("kotlin") << QStringLiteral("kotlin") << qint64(1300) << QStringLiteral("main/job") << QStringLiteral("");
    QTest::addRow("kotlin run shown in Swift") << join << QStringLiteral("kotlin") << QStringLiteral("swift") << qint64(600) << QStringLiteral("main") << QStringLiteral("Task.sleep(for: .milliseconds(1300))");
    const QString request = QStringLiteral("asyncio-cancel-request");
    QTest::addRow("python: at the start") << request << QStringLiteral("asyncio") << QStringLiteral("python") << qint64(0) << QStringLiteral("main") << QStringLiteral("await asyncio.sleep(0.5)");
    const QString soup = QStringLiteral("swift-make-soup");
    QTest::addRow("swift: chop does CPU work") << soup << QStringLiteral("swift") << QStringLiteral("swift") << qint64(100) << QStringLiteral("main/makeSoup/chopIngredients/chop[0]") << QStringLiteral("");
}

void TestCodeViewModels::linesFollowThePlayhead()
{
    QFETCH(QString, lesson);
    QFETCH(QString, runtime);
    QFETCH(QString, language);
    QFETCH(qint64, at);
    QFETCH(QString, task);
    QFETCH(QString, line);

    Session session;
    QVERIFY(session.open(lesson));
    session.setRuntime(runtime);
    CodeViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(&session);
    model.setLanguage(language);
    QVERIFY(model.rowCount() > 0);

    // Step by step up to the moment (the incremental path), then check against the line map.
    while (!session.finished() && (session.shownEvents() == 0 || session.trace()[std::size_t(session.shownEvents() - 1)].t <= at)) {
        if (session.shownEvents() < session.eventCount() && session.trace()[std::size_t(session.shownEvents())].t > at)
            break;
        session.stepEvent();
    }
    QVERIFY(session.engine());
    const int expected = lineFromLineMap(session, codeOf(session, language), task);
    QCOMPARE(model.lineOfTask(task), expected);
    if (!line.isEmpty()) {
        const int fragmentLine = lineWith(model, line);
        QVERIFY2(fragmentLine > 0, qPrintable(line));
        QCOMPARE(expected, fragmentLine);
        const QString leaf = task.mid(task.lastIndexOf(QLatin1Char('/')) + 1);
        QVERIFY(model.index(fragmentLine - 1).data(CodeViewModel::TasksHereRole).toStringList().contains(leaf));
        QVERIFY(model.index(fragmentLine - 1).data(CodeViewModel::OccupiedRole).toBool());
    } else if (task.contains(QLatin1String("chop"))) {
        // A task doing CPU work stands on its work's line, which the line map knows.
        QVERIFY(expected > 0);
    } else {
        QCOMPARE(expected, 0);
    }
}

void TestCodeViewModels::stepBackAndSeekShowWhatSteppingShows()
{
    Session session;
    QVERIFY(session.open(QStringLiteral("swift-make-soup")));
    CodeViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(&session);

    // After every step forward (the model's incremental path), every step back and every seek
    // (its recomputation), each line shows the tasks the line map puts there.
    int steps = 0;
    while (!session.finished() && steps++ < 10'000) {
        session.stepEvent();
        QCOMPARE(occupancy(model), occupancyFromLineMap(session, model.language()));
    }
    QVERIFY(steps > 20);
    int backs = 0;
    while (session.shownEvents() > 0 && backs++ < 10'000) {
        session.stepBack();
        QCOMPARE(occupancy(model), occupancyFromLineMap(session, model.language()));
    }
    for (int seq : {40, 3, int(session.eventCount()) - 2, 17}) {
        session.seekToEvent(seq);
        QCOMPARE(occupancy(model), occupancyFromLineMap(session, model.language()));
    }
}

void TestCodeViewModels::selectedTaskIsMarkedStrongly()
{
    Session session;
    QVERIFY(session.open(QStringLiteral("kotlin-cancel-join")));
    CodeViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(&session);
    session.seekToTime(600);
    QSignalSpy selectedLine(&model, &CodeViewModel::selectedLineChanged);
    QVERIFY(selectedLine.isValid());
    QCOMPARE(model.selectedLine(), 0);

    session.setSelectedPath(QStringLiteral("main/job"));
    const int jobLine = lineWith(model, QStringLiteral("delay(500L)"));
    QCOMPARE(model.selectedLine(), jobLine);
    QCOMPARE(selectedLine.count(), 1);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row).data(CodeViewModel::SelectedHereRole).toBool(), row + 1 == jobLine);
    // main stands on its own line, marked faintly: occupied, not selected.
    const int mainLine = lineWith(model, QStringLiteral("delay(1300L)"));
    QVERIFY(model.index(mainLine - 1).data(CodeViewModel::OccupiedRole).toBool());
    QVERIFY(!model.index(mainLine - 1).data(CodeViewModel::SelectedHereRole).toBool());

    // The selected task's line moves with the playhead.
    session.setSelectedPath(QStringLiteral("main"));
    QCOMPARE(model.selectedLine(), mainLine);
    session.seekToTime(1300);
    QCOMPARE(model.selectedLine(), 0);  // main has ended
}

void TestCodeViewModels::marksOfCheckPointsCleanupAndMissingConstructs_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("role");
    QTest::addRow("kotlin delay is a check point") << QStringLiteral("kotlin-cancel-join") << QStringLiteral("kotlin") << QStringLiteral("delay(500L)") << int(CodeViewModel::CheckPointRole);
    QTest::addRow("kotlin join is a check point") << QStringLiteral("kotlin-cancel-join") << QStringLiteral("kotlin") << QStringLiteral("job.join()") << int(CodeViewModel::CheckPointRole);
    QTest::addRow("kotlin finally is cleanup") << QStringLiteral("kotlin-finally") << QStringLiteral("kotlin") << QStringLiteral("println(\"job: ") << int(CodeViewModel::CleanupRole);
    QTest::addRow("swift has no shield") << QStringLiteral("asyncio-shield") << QStringLiteral("swift") << QStringLiteral("shield") << int(CodeViewModel::NoEquivalentRole);
}

void TestCodeViewModels::marksOfCheckPointsCleanupAndMissingConstructs()
{
    QFETCH(QString, lesson);
    QFETCH(QString, language);
    QFETCH(QString, line);
    QFETCH(int, role);
    Session session;
    QVERIFY(session.open(lesson));
    CodeViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(&session);
    model.setLanguage(language);
    // The first line with the fragment that carries the mark (a fragment may be on several lines).
    bool found = false;
    for (int row = 0; row < model.rowCount() && !found; ++row) {
        const QModelIndex at = model.index(row);
        found = at.data(CodeViewModel::TextRole).toString().contains(line) && at.data(role).toBool();
    }
    QVERIFY2(found, qPrintable(model.text()));
    // A plain line has no mark.
    QVERIFY(!model.index(0).data(CodeViewModel::CheckPointRole).toBool());
    QVERIFY(!model.index(0).data(CodeViewModel::CleanupRole).toBool());
}

void TestCodeViewModels::languageFollowsTheRuntimeUntilChosen()
{
    Session session;
    QVERIFY(session.open(QStringLiteral("contrast-cpu-blocks")));
    session.setRuntime(QStringLiteral("asyncio"));
    CodeViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(&session);
    QVERIFY(model.followsRuntime());
    QCOMPARE(model.language(), QStringLiteral("python"));
    QVERIFY(model.text().contains(QLatin1String("import asyncio")));
    QCOMPARE(model.status(), QString());

    session.setRuntime(QStringLiteral("kotlin"));
    QCOMPARE(model.language(), QStringLiteral("kotlin"));
    QVERIFY(model.text().contains(QLatin1String("import kotlinx.coroutines")));

    // A chosen language stays when the runtime changes; the status says whose run the marks follow.
    model.setLanguage(QStringLiteral("swift"));
    QVERIFY(!model.followsRuntime());
    session.setRuntime(QStringLiteral("asyncio"));
    QCOMPARE(model.language(), QStringLiteral("swift"));
    QVERIFY2(model.status().contains(QLatin1String("asyncio")), qPrintable(model.status()));
    session.seekToTime(100);
    QVERIFY(!occupancy(model).isEmpty());

    model.setFollowsRuntime(true);
    QCOMPARE(model.language(), QStringLiteral("python"));
    QCOMPARE(model.status(), QString());
}

void TestCodeViewModels::anEditedScenarioIsShownAgain()
{
    Session session;
    QVERIFY(session.open(QStringLiteral("kotlin-cancel-join")));
    CodeViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(&session);
    QVERIFY(model.text().contains(QLatin1String("val job = launch")));
    QSignalSpy codeChanged(&model, &CodeViewModel::codeChanged);
    QVERIFY(codeChanged.isValid());

    // The same scenario with the job renamed, as the editor hands it to the session.
    Scenario edited = *session.scenario();
    QVERIFY(!edited.root.body.empty() && edited.root.body.front().tasks.size() == 1);
    edited.root.body.front().tasks.front().name = QStringLiteral("worker");
    session.openScenario(edited, QString());
    QCOMPARE(codeChanged.count(), 1);
    QVERIFY2(model.text().contains(QLatin1String("val worker = launch")), qPrintable(model.text()));
    session.seekToTime(600);
    QCOMPARE(model.lineOfTask(QStringLiteral("main/worker")), lineWith(model, QStringLiteral("delay(500L)")));
}

void TestCodeViewModels::comparisonListsTheDivergences()
{
    Session source;
    QVERIFY(source.open(QStringLiteral("contrast-cpu-blocks")));
    source.setRuntime(QStringLiteral("asyncio"));
    RunComparison comparison;
    QAbstractItemModelTester tester(comparison.divergences(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    comparison.setSource(&source);
    QCOMPARE(comparison.leftRuntime(), QStringLiteral("asyncio"));
    QCOMPARE(comparison.rightRuntime(), QStringLiteral("kotlin"));
    QCOMPARE(comparison.refusal(), QString());

    // The model lists what core/tracecompare finds for the two whole runs.
    Engine asyncio(*source.scenario(), Runtime::Asyncio);
    Engine kotlin(*source.scenario(), Runtime::Kotlin);
    asyncio.runToEnd();
    kotlin.runToEnd();
    const std::vector<Divergence> expected = compareRuns({Runtime::Asyncio, &asyncio.events(), asyncio.pathResolver()},
                                                         {Runtime::Kotlin, &kotlin.events(), kotlin.pathResolver()});
    const DivergenceModel *model = comparison.divergences();
    QCOMPARE(model->rowCount(), int(expected.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex at = model->index(row);
        QCOMPARE(at.data(DivergenceModel::AtRole).toLongLong(), expected[std::size_t(row)].at);
        QCOMPARE(at.data(DivergenceModel::TaskRole).toString(), expected[std::size_t(row)].task);
        QCOMPARE(at.data(DivergenceModel::KindRole).toString(), divergenceKindName(expected[std::size_t(row)].kind));
        QVERIFY(at.data(DivergenceModel::FirstRole).toString().startsWith(QLatin1String("asyncio: ")));
        QVERIFY(at.data(DivergenceModel::SecondRole).toString().startsWith(QLatin1String("Kotlin: ")));
        QCOMPARE(at.data(DivergenceModel::TextRole).toString(), expected[std::size_t(row)].text());
    }

    // Another pair is compared from its start; the same runtime twice is refused, with no list.
    comparison.setRightRuntime(QStringLiteral("swift"));
    QCOMPARE(comparison.now(), qint64(0));
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->index(0).data(DivergenceModel::SecondRole).toString().startsWith(QLatin1String("Swift: ")));
    comparison.setRightRuntime(QStringLiteral("asyncio"));
    QVERIFY(!comparison.refusal().isEmpty());
    QCOMPARE(model->rowCount(), 0);
}

void TestCodeViewModels::anActionGoesToBothRunsAtTheSameTime()
{
    Session source;
    QVERIFY(source.open(QStringLiteral("contrast-cpu-blocks")));
    source.setRuntime(QStringLiteral("kotlin"));
    RunComparison comparison;
    comparison.setSource(&source);
    comparison.setRightRuntime(QStringLiteral("asyncio"));
    QCOMPARE(comparison.refusal(), QString());
    QSignalSpy compared(&comparison, &RunComparison::compared);
    QVERIFY(compared.isValid());

    // One clock: play by frames (no wall time) until 1000 ms, then a cancel of the job.
    comparison.setSpeed(10);
    for (int frame = 0; frame < 10'000 && comparison.now() < 1000; ++frame)
        comparison.advanceFrame();
    QVERIFY(comparison.now() >= 1000);
    const qint64 clicked = comparison.now();
    comparison.cancelTask(QStringLiteral("main/job"));
    QCOMPARE(compared.count(), 1);
    QCOMPARE(comparison.left()->now(), clicked);
    QCOMPARE(comparison.right()->now(), clicked);

    qint64 leftAt = -1;
    qint64 rightAt = -1;
    QVERIFY(hasUserCancel(*comparison.left(), QStringLiteral("main/job"), &leftAt));
    QVERIFY(hasUserCancel(*comparison.right(), QStringLiteral("main/job"), &rightAt));
    // Kotlin takes the request when it is made; asyncio's loop only when the CPU work lets it go.
    QCOMPARE(leftAt, clicked);
    QCOMPARE(rightAt, qint64(3000));
    bool listed = false;
    for (int row = 0; row < comparison.divergences()->rowCount(); ++row) {
        const QModelIndex at = comparison.divergences()->index(row);
        listed = listed || (at.data(DivergenceModel::TaskRole).toString() == QLatin1String("main/job")
                            && at.data(DivergenceModel::AtRole).toLongLong() == clicked);
    }
    QVERIFY(listed);

    // Step back and forward keep both runs on the one clock.
    comparison.stepBack();
    QCOMPARE(comparison.left()->now(), comparison.now());
    QCOMPARE(comparison.right()->now(), comparison.now());
    QVERIFY(comparison.now() < clicked);
    comparison.seekToTime(2000);
    QCOMPARE(comparison.left()->now(), qint64(2000));
    QCOMPARE(comparison.right()->now(), qint64(2000));
}

void TestCodeViewModels::aRefusedPairSaysWhy()
{
    Session source;
    QVERIFY(source.open(QStringLiteral("kotlin-cancel-join")));
    RunComparison comparison;
    comparison.setSource(&source);
    QCOMPARE(comparison.leftRuntime(), QStringLiteral("kotlin"));
    QCOMPARE(comparison.refusal(), QString());  // the other side is one the lesson can run under
    comparison.setRightRuntime(QStringLiteral("asyncio"));
    QVERIFY2(comparison.refusal().contains(QLatin1String("cannot run under asyncio")), qPrintable(comparison.refusal()));
    QCOMPARE(comparison.divergences()->rowCount(), 0);
}

QTEST_MAIN(TestCodeViewModels)
#include "tst_codeview_models.moc"
