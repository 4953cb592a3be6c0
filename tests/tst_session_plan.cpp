// cascade::Session's plan preview and the user's Timeout and Shield, driven as QML drives them:
// at t = 0 the task list already holds every task the run will spawn ("not-started", spawned
// false); stepping turns those rows into spawned ones without inserting any; a spawn the plan did
// not foresee (the user acted differently) is inserted.

#include "eventlogmodel.h"
#include "lessons.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cascade;

namespace {

constexpr int MaxSteps = 100'000;

bool stepToEnd(Session &session)
{
    for (int i = 0; i < MaxSteps && !session.finished(); ++i)
        session.stepEvent();
    return session.finished();
}

//! The shape of the tree: one "path depth link" line per row, in row order.
QStringList treeOf(const TaskListModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row);
        rows << QStringLiteral("%1 %2 %3")
                    .arg(at.data(TaskListModel::PathRole).toString())
                    .arg(at.data(TaskListModel::DepthRole).toInt())
                    .arg(at.data(TaskListModel::LinkRole).toString());
    }
    return rows;
}

//! The event log as lines: "t task kind detail".
QStringList logOf(const EventLogModel &log)
{
    QStringList lines;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex at = log.index(row);
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(at.data(EventLogModel::TimeRole).toLongLong())
                     .arg(at.data(EventLogModel::TaskRole).toString(), at.data(EventLogModel::KindRole).toString(),
                          at.data(EventLogModel::DetailRole).toString());
    }
    return lines;
}

//! A job whose cancellation makes it spawn `rescue` instead of `late` (asyncio).
const char DivergingScenario[] = R"({
  "cascade": "scenario", "version": 1, "id": "plan-diverges",
  "title": {"en": "Plan diverges", "ko": "계획과 다름"},
  "runtimes": ["asyncio"],
  "root": {"name": "main", "steps": [
    {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [
      {"do": "try",
       "steps": [{"do": "sleep", "ms": 1000},
                 {"do": "spawn", "link": "unstructured", "task": {"name": "late", "steps": [{"do": "sleep", "ms": 10}]}}],
       "catch": [{"error": "cancellation", "steps": [
                 {"do": "spawn", "link": "unstructured", "task": {"name": "rescue", "steps": [{"do": "sleep", "ms": 10}]}}]}]}
    ]}},
    {"do": "sleep", "ms": 2000}
  ]}
})";

} // namespace

class TestSessionPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void planIsTheTreeOfTheRun_data();
    void planIsTheTreeOfTheRun();
    void unforeseenSpawnIsInserted();
    void planFollowsRecordedActions();
    void timeoutAndShieldAreRecordedAndReplayed();
    void badTimeoutIsRefused_data();
    void badTimeoutIsRefused();
    void actionUnavailable_data();
    void actionUnavailable();

private:
    QTemporaryDir m_dir;
    QString m_diverging;
};

void TestSessionPlan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_diverging = m_dir.filePath(QStringLiteral("diverging.json"));
    QFile file(m_diverging);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(DivergingScenario) > 0);
}

void TestSessionPlan::planIsTheTreeOfTheRun_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("runtime");
    for (const QString &id : Lessons::ids()) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        QVERIFY2(scenario, qPrintable(error));
        for (Runtime runtime : scenario->runtimes)
            QTest::addRow("%s/%s", qPrintable(id), qPrintable(runtimeName(runtime))) << id << runtimeName(runtime);
    }
}

void TestSessionPlan::planIsTheTreeOfTheRun()
{
    QFETCH(QString, lesson);
    QFETCH(QString, runtime);
    Session session;
    QAbstractItemModelTester tester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open(lesson));
    session.setRuntime(runtime);
    QCOMPARE(session.now(), 0);
    const TaskListModel &tasks = *session.tasks();
    const QStringList plan = treeOf(tasks);
    QVERIFY(!plan.isEmpty());
    // Shown at t = 0: exactly the tasks whose spawn the log shows are spawned; the rest are planned.
    int spawned = 0;
    for (int row = 0; row < tasks.rowCount(); ++row) {
        const QModelIndex at = tasks.index(row);
        if (at.data(TaskListModel::SpawnedRole).toBool()) {
            ++spawned;
        } else {
            QCOMPARE(at.data(TaskListModel::StateRole).toString(), "not-started");
            QCOMPARE(tasks.info(at.data(TaskListModel::PathRole).toString()).value("spawned").toBool(), false);
        }
    }
    QVERIFY2(tasks.index(0).data(TaskListModel::SpawnedRole).toBool(), "the root is spawned at 0");
    QCOMPARE(spawned, logOf(*session.events()).filter(QRegularExpression(QStringLiteral("^\\d+ \\S+ spawn "))).size());

    QSignalSpy inserted(session.tasks(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(session.tasks(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(session.tasks(), &QAbstractItemModel::modelReset);
    QVERIFY(inserted.isValid() && removed.isValid() && reset.isValid());
    QVERIFY(stepToEnd(session));
    QCOMPARE(inserted.size(), 0);  // the layout never shifts: every row was there from the start
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(treeOf(tasks), plan);
    for (int row = 0; row < tasks.rowCount(); ++row)
        QVERIFY2(tasks.index(row).data(TaskListModel::SpawnedRole).toBool(), qPrintable(plan.at(row)));

    // Stepping back re-plans from 0 and shows the same tree again.
    session.stepBack();
    QCOMPARE(treeOf(tasks), plan);
}

void TestSessionPlan::unforeseenSpawnIsInserted()
{
    Session session;
    QAbstractItemModelTester tester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(session.open(m_diverging), qPrintable(session.error()));
    const TaskListModel &tasks = *session.tasks();
    QCOMPARE(treeOf(tasks), QStringList({"main 0 child", "main/job 1 unstructured", "main/job/late 2 unstructured"}));

    QSignalSpy inserted(session.tasks(), &QAbstractItemModel::rowsInserted);
    QVERIFY(inserted.isValid());
    session.cancelTask("main/job");
    QVERIFY(stepToEnd(session));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(treeOf(tasks), QStringList({"main 0 child", "main/job 1 unstructured", "main/job/late 2 unstructured",
                                         "main/job/rescue 2 unstructured"}));
    // The run never spawned `late`: its row stays planned.
    QCOMPARE(tasks.info("main/job/late").value("spawned").toBool(), false);
    QCOMPARE(tasks.info("main/job/late").value("state").toString(), "not-started");
    QCOMPARE(tasks.info("main/job/rescue").value("spawned").toBool(), true);
    QCOMPARE(tasks.info("main/job/rescue").value("state").toString(), "completed");
}

void TestSessionPlan::planFollowsRecordedActions()
{
    // After a restart the plan is made with the recorded actions: `rescue` is foreseen, `late` not.
    Session session;
    QVERIFY(session.open(m_diverging));
    session.cancelTask("main/job");  // at 0, while job sleeps
    session.restart();
    QCOMPARE(treeOf(*session.tasks()), QStringList({"main 0 child", "main/job 1 unstructured", "main/job/rescue 2 unstructured"}));
    QSignalSpy inserted(session.tasks(), &QAbstractItemModel::rowsInserted);
    QVERIFY(stepToEnd(session));
    QCOMPARE(inserted.size(), 0);
}

void TestSessionPlan::timeoutAndShieldAreRecordedAndReplayed()
{
    Session session;
    QAbstractItemModelTester tester(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("kotlin-cancel-join"));
    while (!session.finished() && session.now() < 200)
        session.stepEvent();
    const qint64 at = session.now();
    const TaskListModel &tasks = *session.tasks();
    QCOMPARE(tasks.info("main/job").value("deadline").toLongLong(), -1);

    QSignalSpy changed(session.tasks(), &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());
    session.toggleShield("main/job");
    QCOMPARE(tasks.info("main/job").value("shielded").toBool(), true);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(2).value<QList<int>>(), QList<int>{TaskListModel::ShieldedRole});
    session.addTimeout("main/job", 300);
    QCOMPARE(tasks.info("main/job").value("deadline").toLongLong(), at + 300);
    QCOMPARE(tasks.info("main/job").value("deadlineMs").toLongLong(), 300);
    QCOMPARE(changed.last().at(2).value<QList<int>>(), QList<int>({TaskListModel::DeadlineRole, TaskListModel::DeadlineMsRole}));

    QVERIFY(stepToEnd(session));
    // The user's own timeout goes through the user's shield: job ends as withTimeout ends it.
    QCOMPARE(tasks.info("main/job").value("state").toString(), "timed-out");
    QCOMPARE(tasks.info("main/job").value("shielded").toBool(), false);
    QCOMPARE(tasks.info("main/job").value("deadline").toLongLong(), -1);
    const QStringList first = treeOf(tasks);
    const QStringList firstLog = logOf(*session.events());
    QVERIFY(firstLog.join('\n').contains(QStringLiteral("main/job deadline-set \"ms\":300,\"deadline\":%1,\"cause\":\"user\"").arg(at + 300)));
    QVERIFY(firstLog.join('\n').contains("main/job shield-on \"cause\":\"user\""));

    session.restart();
    QVERIFY(stepToEnd(session));
    QCOMPARE(logOf(*session.events()), firstLog);
    QCOMPARE(treeOf(tasks), first);
}

void TestSessionPlan::badTimeoutIsRefused_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addRow("zero") << qint64(0);
    QTest::addRow("negative") << qint64(-5);
    QTest::addRow("over a year") << qint64(31'536'000'001);
}

void TestSessionPlan::badTimeoutIsRefused()
{
    QFETCH(qint64, ms);
    Session session;
    QVERIFY(session.open("kotlin-cancel-join"));
    const int events = session.events()->rowCount();
    QSignalSpy error(&session, &Session::errorChanged);
    session.addTimeout("main/job", ms);
    QCOMPARE(error.size(), 1);
    QVERIFY2(session.error().contains("main/job") && session.error().contains("duration"), qPrintable(session.error()));
    QCOMPARE(session.events()->rowCount(), events);  // nothing happened, nothing was recorded
    session.restart();
    QVERIFY(stepToEnd(session));
    for (int row = 0; row < session.events()->rowCount(); ++row)
        QVERIFY(!session.events()->index(row).data(EventLogModel::DetailRole).toString().contains("deadline-set"));
}

void TestSessionPlan::actionUnavailable_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("reason");  // part of it; empty: available
    for (const QString &runtime : allRuntimeNames()) {
        const bool swift = runtime == QLatin1String("swift");
        const QString none;
        auto row = [&](const char *action, const QString &reason) {
            QTest::newRow(qPrintable(runtime + QLatin1Char('/') + QLatin1String(action)))
                << runtime << QString::fromLatin1(action) << reason;
        };
        row("cancel", none);
        row("fail", none);
        row("timeout", swift ? QStringLiteral("Swift has no built-in timeout") : none);
        row("shield", swift ? QStringLiteral("Swift has no shield") : none);
    }
    QTest::newRow("unknown action") << QStringLiteral("kotlin") << QStringLiteral("teleport")
                                    << QStringLiteral("unknown action 'teleport'");
}

void TestSessionPlan::actionUnavailable()
{
    QFETCH(QString, runtime);
    QFETCH(QString, action);
    QFETCH(QString, reason);
    Session session;
    QVERIFY(session.open("contrast-catch-all"));
    session.setRuntime(runtime);
    QCOMPARE(session.runtime(), runtime);
    const QString got = session.actionUnavailable(action);
    if (reason.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(reason), qPrintable(got));
}

QTEST_MAIN(TestSessionPlan)
#include "tst_session_plan.moc"
