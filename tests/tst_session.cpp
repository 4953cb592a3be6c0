// cascade::Session driven as QML drives it (properties, invokables, signals), without a QML
// engine: opening scenarios, switching runtimes, stepping, cancelling, restarting, playing.

#include "eventlogmodel.h"
#include "warnings.h"
#include "lessons.h"
#include "session.h"
#include "tracesignature.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cascade;

namespace {

constexpr int PlayTimeoutMs = 20'000;  // generous: playing is paced by a wall-clock timer
constexpr int MaxSteps = 100'000;      // no lesson comes near; a runaway loop fails instead of hanging

//! Every row of a model as text, with every role it names, so that two logs compare line by line.
QStringList rowsOf(const QAbstractItemModel &model)
{
    const QHash<int, QByteArray> names = model.roleNames();
    QList<int> roles = names.keys();
    std::sort(roles.begin(), roles.end());
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList fields;
        for (int role : roles)
            fields << QStringLiteral("%1=%2").arg(QString::fromLatin1(names.value(role)), model.index(row, 0).data(role).toString());
        rows << fields.join(QLatin1Char(' '));
    }
    return rows;
}

//! The event log an engine of its own shows for the same run: up to `until`, or to the end.
QStringList referenceLog(const QString &lesson, Runtime runtime, const std::vector<UserAction> &actions = {},
                         qint64 until = -1)
{
    QString error;
    const auto scenario = Lessons::loadLessonOrFile(lesson, &error);
    if (!scenario)
        return {error};
    Engine engine(*scenario, runtime);
    for (const UserAction &action : actions)
        engine.schedule(action);
    if (until >= 0)
        engine.runUntil(until);
    else
        engine.runToEnd();
    EventLogModel log;
    log.setTrace(&engine.events(), engine.pathResolver());
    log.setWarnings(findWarnings(engine.events(), runtime, engine.pathResolver()));  // as the session finds them
    log.show(qint64(engine.events().size()));
    const QStringList rows = rowsOf(log);
    log.clear();
    return rows;
}

//! Steps the session until its run is over; false if it never gets there.
bool stepToEnd(Session &session)
{
    for (int i = 0; i < MaxSteps && !session.finished(); ++i)
        session.stepEvent();
    return session.finished();
}

//! Rows of the event log whose role values match, e.g. kind "cancel-request" on task "main/job".
QList<int> logRowsWhere(const EventLogModel &log, const QString &kind, const QString &task)
{
    QList<int> rows;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex at = log.index(row);
        if (at.data(EventLogModel::KindRole).toString() == kind && at.data(EventLogModel::TaskRole).toString() == task)
            rows << row;
    }
    return rows;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openLessonSetsTitleAndRuntime();
    void openBadInputKeepsTheScenario_data();
    void openBadInputKeepsTheScenario();
    void setRuntimeSwitchesAndRebuilds();
    void stepEventAdvancesOneEventAtATime_data();
    void stepEventAdvancesOneEventAtATime();
    void stepBackAndSeekRetraceTheRun();
    void cancelTaskRecordsAUserRequest();
    void restartReplaysUserActions();
    void playingReachesTheEnd();
    void unavailableRuntimeHasNoRun();
};

void TestSession::openLessonSetsTitleAndRuntime()
{
    Session session;
    QAbstractItemModelTester taskTester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy scenarioChanged(&session, &Session::scenarioChanged);
    QSignalSpy runtimeChanged(&session, &Session::runtimeChanged);
    QSignalSpy progressed(&session, &Session::progressed);
    QVERIFY(scenarioChanged.isValid());
    QVERIFY(runtimeChanged.isValid());
    QVERIFY(progressed.isValid());
    QVERIFY(session.finished());  // nothing open yet
    QVERIFY(session.title().isEmpty());

    QVERIFY(session.open("kotlin-cancel-join"));
    QCOMPARE(scenarioChanged.size(), 1);
    QVERIFY(!runtimeChanged.isEmpty());
    QVERIFY(!progressed.isEmpty());
    QCOMPARE(session.scenarioId(), "kotlin-cancel-join");
    QCOMPARE(session.title(), "Cancel and join");
    QCOMPARE(session.titleKo(), "취소하고 기다리기");
    QVERIFY(session.explanation().contains("cancelAndJoin"));
    QCOMPARE(session.runtime(), "kotlin");
    QVERIFY(session.runtimes().contains("kotlin"));
    QVERIFY(session.error().isEmpty());
    QVERIFY(session.unavailable().isEmpty());
    QVERIFY(!session.finished());
    QVERIFY(!session.playing());

    // Paused at 0 after everything that happens at 0: both tasks exist, job has printed once.
    QCOMPARE(session.now(), 0);
    QCOMPARE(rowsOf(*session.events()), referenceLog("kotlin-cancel-join", Runtime::Kotlin, {}, 0));
    QCOMPARE(session.tasks()->rowCount(), 2);
    QCOMPARE(session.tasks()->rowOfPath("main/job"), 1);
    QCOMPARE(session.console(), "0 ms  main/job: job: 잠깐 잠 좀 잘게요 0 ...\n");
}

void TestSession::openBadInputKeepsTheScenario_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown id") << "no-such-thing" << "no lesson or file named 'no-such-thing'";
    QTest::addRow("missing file") << "/nonexistent/dir/scenario.json" << "/nonexistent/dir/scenario.json";
    QTest::addRow("directory") << QDir::tempPath() << "is a directory";
    QTest::addRow("malformed file") << QStringLiteral(CASCADE_TEST_DATA "/malformed/duplicate-key.json") << "duplicate-key.json";
}

void TestSession::openBadInputKeepsTheScenario()
{
    QFETCH(QString, input);
    QFETCH(QString, mentions);
    Session session;
    QVERIFY(session.open("kotlin-cancel-join"));
    session.stepEvent();
    session.stepEvent();
    const QStringList logBefore = rowsOf(*session.events());
    const qint64 nowBefore = session.now();
    QSignalSpy errorChanged(&session, &Session::errorChanged);
    QSignalSpy scenarioChanged(&session, &Session::scenarioChanged);
    QSignalSpy runtimeChanged(&session, &Session::runtimeChanged);
    QSignalSpy eventsReset(session.events(), &QAbstractItemModel::modelReset);
    QVERIFY(errorChanged.isValid());
    QVERIFY(scenarioChanged.isValid());
    QVERIFY(runtimeChanged.isValid());
    QVERIFY(eventsReset.isValid());

    QVERIFY(!session.open(input));
    QCOMPARE(errorChanged.size(), 1);
    QVERIFY2(session.error().contains(mentions), qPrintable(session.error()));
    // Nothing is lost: same scenario, same runtime, same paused run.
    QCOMPARE(session.scenarioId(), "kotlin-cancel-join");
    QCOMPARE(session.title(), "Cancel and join");
    QCOMPARE(session.runtime(), "kotlin");
    QCOMPARE(session.now(), nowBefore);
    QCOMPARE(rowsOf(*session.events()), logBefore);
    QCOMPARE(scenarioChanged.size(), 0);
    QCOMPARE(runtimeChanged.size(), 0);
    QCOMPARE(eventsReset.size(), 0);

    // The next good open clears the message.
    QVERIFY(session.open("kotlin-cpu-loop"));
    QVERIFY(session.error().isEmpty());
    QCOMPARE(errorChanged.size(), 2);
}

void TestSession::setRuntimeSwitchesAndRebuilds()
{
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester taskTester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("contrast-orphan"));
    QCOMPARE(session.runtime(), "asyncio");  // the first the lesson lists
    for (int i = 0; i < 12; ++i)
        session.stepEvent();
    session.cancelTask("main/parent");  // recorded, but for this runtime's run only
    QVERIFY(session.now() > 0);

    QSignalSpy runtimeChanged(&session, &Session::runtimeChanged);
    QSignalSpy scenarioChanged(&session, &Session::scenarioChanged);
    QSignalSpy eventsReset(session.events(), &QAbstractItemModel::modelReset);
    QSignalSpy tasksReset(session.tasks(), &QAbstractItemModel::modelReset);
    QVERIFY(runtimeChanged.isValid());
    QVERIFY(scenarioChanged.isValid());
    QVERIFY(eventsReset.isValid());
    QVERIFY(tasksReset.isValid());

    // Unknown names and the current runtime change nothing.
    session.setRuntime("cobol");
    session.setRuntime("asyncio");
    QCOMPARE(session.runtime(), "asyncio");
    QCOMPARE(runtimeChanged.size(), 0);
    QCOMPARE(eventsReset.size(), 0);

    session.setRuntime("swift");
    QCOMPARE(session.runtime(), "swift");
    QVERIFY(!runtimeChanged.isEmpty());
    QCOMPARE(scenarioChanged.size(), 0);
    QVERIFY(!eventsReset.isEmpty());
    QVERIFY(!tasksReset.isEmpty());
    QVERIFY(session.unavailable().isEmpty());
    QCOMPARE(session.now(), 0);
    QCOMPARE(rowsOf(*session.events()), referenceLog("contrast-orphan", Runtime::Swift, {}, 0));

    // The asyncio cancel is not carried over: the Swift run is the lesson's own.
    QVERIFY(stepToEnd(session));
    QCOMPARE(rowsOf(*session.events()), referenceLog("contrast-orphan", Runtime::Swift));
    for (int row = 0; row < session.events()->rowCount(); ++row)
        QVERIFY(!session.events()->index(row).data(EventLogModel::DetailRole).toString().contains("\"cause\":\"user\""));
}

void TestSession::stepEventAdvancesOneEventAtATime_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    QTest::addRow("kotlin-cancel-join") << "kotlin-cancel-join" << int(Runtime::Kotlin);
    QTest::addRow("kotlin-cpu-loop") << "kotlin-cpu-loop" << int(Runtime::Kotlin);
    QTest::addRow("asyncio-shield") << "asyncio-shield" << int(Runtime::Asyncio);
    QTest::addRow("swift-make-soup") << "swift-make-soup" << int(Runtime::Swift);
}

void TestSession::stepEventAdvancesOneEventAtATime()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester taskTester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open(lesson));
    QCOMPARE(session.runtime(), runtimeName(Runtime(runtime)));
    QSignalSpy progressed(&session, &Session::progressed);
    QSignalSpy inserted(session.events(), &QAbstractItemModel::rowsInserted);
    QSignalSpy eventsReset(session.events(), &QAbstractItemModel::modelReset);
    QVERIFY(progressed.isValid());
    QVERIFY(inserted.isValid());
    QVERIFY(eventsReset.isValid());

    QStringList growth;  // "rows before -> after" for every step that added more than one row
    QStringList silent;  // every step that added no row
    int steps = 0;
    qint64 lastNow = session.now();
    bool timeWentBack = false;
    while (!session.finished() && steps < MaxSteps) {
        const int before = session.events()->rowCount();
        const qsizetype progressedBefore = progressed.size();
        session.stepEvent();
        ++steps;
        const int after = session.events()->rowCount();
        if (after > before + 1)
            growth << QStringLiteral("step %1 at %2 ms: %3 -> %4 rows").arg(steps).arg(session.now()).arg(before).arg(after);
        else if (after == before)
            silent << QStringLiteral("step %1 at %2 ms: %3 rows%4").arg(steps).arg(session.now()).arg(after).arg(session.finished() ? QStringLiteral(", finished") : QString());
        QVERIFY(progressed.size() > progressedBefore);
        timeWentBack = timeWentBack || session.now() < lastNow;
        lastNow = session.now();
    }
    QVERIFY(session.finished());
    QVERIFY(!timeWentBack);
    QCOMPARE(eventsReset.size(), 0);  // stepping appends, it never rebuilds

    // Stepping one event at a time must give the same run as running the engine to the end.
    QCOMPARE(rowsOf(*session.events()), referenceLog(lesson, Runtime(runtime)));

    // After the end, a step changes nothing.
    const int rows = session.events()->rowCount();
    session.stepEvent();
    QCOMPARE(session.events()->rowCount(), rows);

    if (!growth.isEmpty())
        qInfo("%d of %d steps added more than one event, e.g. %s", int(growth.size()), steps,
              qPrintable(growth.mid(0, 3).join(QStringLiteral("; "))));
    if (!silent.isEmpty())
        qInfo("%d of %d steps added no event: %s", int(silent.size()), steps, qPrintable(silent.join(QStringLiteral("; "))));
    QVERIFY2(growth.isEmpty(), qPrintable(growth.mid(0, 5).join(QStringLiteral("; "))));
    // The run is finished as soon as its last event is shown, so no step shows nothing.
    QVERIFY2(silent.isEmpty(), qPrintable(silent.join(QStringLiteral("; "))));
}

void TestSession::stepBackAndSeekRetraceTheRun()
{
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester taskTester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("kotlin-cancel-join"));
    QList<QStringList> shown{rowsOf(*session.events())};
    QList<qint64> times{session.now()};
    while (!session.finished() && shown.size() < MaxSteps) {
        session.stepEvent();
        shown << rowsOf(*session.events());
        times << session.now();
    }
    QVERIFY(session.finished());
    const QStringList full = shown.last();
    QCOMPARE(full, referenceLog("kotlin-cancel-join", Runtime::Kotlin));

    // stepBack retraces the steps exactly (the run is repeated from 0), back to the last state
    // that showed fewer events (a step that showed nothing is not a state of its own).
    for (qsizetype at = shown.size() - 1; at > 0;) {
        qsizetype previous = at - 1;
        while (previous > 0 && shown.at(previous).size() >= shown.at(at).size())
            --previous;
        session.stepBack();
        QCOMPARE(rowsOf(*session.events()), shown.at(previous));
        QCOMPARE(session.now(), times.at(previous));
        QVERIFY(!session.finished());
        at = previous;
    }

    // seekToEvent(seq) shows a prefix of the same run that reaches seq, backwards as well as forwards.
    QStringList misses;
    for (int seq = int(full.size()) - 1; seq >= 0; --seq) {
        session.seekToEvent(seq);
        const int rows = session.events()->rowCount();
        QVERIFY(rows > seq);
        QCOMPARE(rowsOf(*session.events()), full.mid(0, rows));
        if (rows != seq + 1)
            misses << QStringLiteral("seek %1 shows %2 events").arg(seq).arg(rows);
    }
    if (!misses.isEmpty())
        qInfo("%d of %d seeks overshoot, e.g. %s", int(misses.size()), int(full.size()), qPrintable(misses.mid(0, 3).join(QStringLiteral("; "))));
    QVERIFY2(misses.isEmpty(), qPrintable(misses.mid(0, 5).join(QStringLiteral("; "))));
}

void TestSession::cancelTaskRecordsAUserRequest()
{
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("kotlin-cancel-join"));
    // Pause at 500 ms, once job has printed its second line and gone back to sleep.
    while (!session.finished() && session.now() < 500)
        session.stepEvent();
    while (!session.finished() && logRowsWhere(*session.events(), "suspend", "main/job").size() < 2)
        session.stepEvent();
    QCOMPARE(session.now(), 500);
    QVERIFY(logRowsWhere(*session.events(), "cancel-request", "main/job").isEmpty());

    QSignalSpy progressed(&session, &Session::progressed);
    QVERIFY(progressed.isValid());
    const int rowsBefore = session.events()->rowCount();
    session.cancelTask("main/job");
    QVERIFY(!progressed.isEmpty());

    // Paused, the click shows its own request and nothing more: Step walks through the rest.
    QCOMPARE(session.events()->rowCount(), rowsBefore + 1);
    const QList<int> requests = logRowsWhere(*session.events(), "cancel-request", "main/job");
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first(), rowsBefore);
    QVERIFY(logRowsWhere(*session.events(), "cancel-deliver", "main/job").isEmpty());
    QCOMPARE(session.now(), 500);
    const QModelIndex request = session.events()->index(requests.first());
    QCOMPARE(request.data(EventLogModel::TimeRole).toLongLong(), 500);
    QVERIFY2(request.data(EventLogModel::DetailRole).toString().contains("user"),
             qPrintable(request.data(EventLogModel::DetailRole).toString()));
    QVERIFY(request.data(EventLogModel::DetailRole).toString().contains("\"cause\":\"user\""));

    // The request is delivered in job's sleep; its end then shows in the task list.
    QVERIFY(stepToEnd(session));
    QCOMPARE(session.tasks()->info("main/job").value("state").toString(), "cancelled");
    const QList<int> ends = logRowsWhere(*session.events(), "end", "main/job");
    QCOMPARE(ends.size(), 1);
    QCOMPARE(session.events()->index(ends.first()).data(EventLogModel::TimeRole).toLongLong(), 500);
    // The same run as an engine told to cancel main/job at 500 from the start.
    UserAction cancel;
    cancel.taskPath = "main/job";
    cancel.at = 500;
    QCOMPARE(rowsOf(*session.events()), referenceLog("kotlin-cancel-join", Runtime::Kotlin, {cancel}));
}

void TestSession::restartReplaysUserActions()
{
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester taskTester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("contrast-orphan"));
    while (!session.finished() && session.now() < 1000)
        session.stepEvent();
    QCOMPARE(session.now(), 1000);  // paused after orphan's first wake-up
    session.cancelTask("main/parent/orphan");  // not the lesson's own cancel: only the user's
    session.failTask("main/parent");
    QVERIFY(stepToEnd(session));
    const QStringList firstLog = rowsOf(*session.events());
    const QStringList firstTasks = rowsOf(*session.tasks());
    const QString firstConsole = session.console();
    QVERIFY(firstLog.join(QLatin1Char('\n')).contains("\"cause\":\"user\""));

    QSignalSpy eventsReset(session.events(), &QAbstractItemModel::modelReset);
    QSignalSpy progressed(&session, &Session::progressed);
    QVERIFY(eventsReset.isValid());
    QVERIFY(progressed.isValid());
    session.restart();
    QVERIFY(!eventsReset.isEmpty());
    QVERIFY(!progressed.isEmpty());
    QCOMPARE(session.now(), 0);
    QVERIFY(!session.finished());
    QVERIFY(session.events()->rowCount() < firstLog.size());

    QVERIFY(stepToEnd(session));
    QCOMPARE(rowsOf(*session.events()), firstLog);
    QCOMPARE(rowsOf(*session.tasks()), firstTasks);
    QCOMPARE(session.console(), firstConsole);

    // A second restart, this time played to the end at full speed, gives the same log again.
    session.restart();
    session.setSpeed(10);
    session.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(session.finished(), PlayTimeoutMs);
    QCOMPARE(rowsOf(*session.events()), firstLog);
}

void TestSession::playingReachesTheEnd()
{
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("kotlin-cancel-join"));
    QSignalSpy speedChanged(&session, &Session::speedChanged);
    QSignalSpy playingChanged(&session, &Session::playingChanged);
    QSignalSpy eventsReset(session.events(), &QAbstractItemModel::modelReset);
    QVERIFY(speedChanged.isValid());
    QVERIFY(playingChanged.isValid());
    QVERIFY(eventsReset.isValid());

    session.setSpeed(100);  // clamped
    QCOMPARE(session.speed(), 10.0);
    QCOMPARE(speedChanged.size(), 1);
    session.setSpeed(10);
    QCOMPARE(speedChanged.size(), 1);

    session.setPlaying(true);
    QVERIFY(session.playing());
    QCOMPARE(playingChanged.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(session.finished(), PlayTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!session.playing(), PlayTimeoutMs);  // it stops by itself
    QCOMPARE(playingChanged.size(), 2);
    QVERIFY(session.now() >= 1300);
    QCOMPARE(eventsReset.size(), 0);
    QCOMPARE(rowsOf(*session.events()), referenceLog("kotlin-cancel-join", Runtime::Kotlin));

    session.setPlaying(true);  // nothing left to play
    QVERIFY(!session.playing());
    QCOMPARE(playingChanged.size(), 2);
}

void TestSession::unavailableRuntimeHasNoRun()
{
    // Swift has no built-in timeout, so a scenario with one cannot run under Swift.
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString file = dir.filePath("with-timeout.json");
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(testing::scenarioJson(R"([{"do": "timeout", "ms": 500, "steps": [{"do": "sleep", "ms": 1000}]}])"));
    }
    Session session;
    QAbstractItemModelTester eventTester(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester taskTester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(session.open(file), qPrintable(session.error()));
    QCOMPARE(session.scenarioId(), "spec");
    QCOMPARE(session.runtime(), "asyncio");
    QVERIFY(session.unavailable().isEmpty());
    QVERIFY(session.events()->rowCount() > 0);

    QSignalSpy runtimeChanged(&session, &Session::runtimeChanged);
    QVERIFY(runtimeChanged.isValid());
    session.setRuntime("swift");
    QCOMPARE(session.runtime(), "swift");
    QVERIFY(!runtimeChanged.isEmpty());
    QVERIFY(!session.unavailable().isEmpty());
    QVERIFY2(session.unavailable().contains("/root/steps/0"), qPrintable(session.unavailable()));
    // No run: empty models, nothing to step, play or cancel.
    QVERIFY(session.finished());
    QCOMPARE(session.events()->rowCount(), 0);
    QCOMPARE(session.tasks()->rowCount(), 0);
    session.stepEvent();
    session.cancelTask("main");
    session.setPlaying(true);
    QVERIFY(!session.playing());
    QCOMPARE(session.events()->rowCount(), 0);

    // Kotlin has withTimeout: available again, and the run is back.
    session.setRuntime("kotlin");
    QVERIFY(session.unavailable().isEmpty());
    QVERIFY(!session.finished());
    QVERIFY(stepToEnd(session));
    QVERIFY(!logRowsWhere(*session.events(), "timeout", "main").isEmpty());
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
