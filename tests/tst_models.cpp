// The list models QML shows, fed the real traces of every built-in lesson. Every model is wrapped
// in QAbstractItemModelTester while it changes, and the signals are checked to be incremental:
// a run inserts and changes rows, it never resets the model.

#include "engine.h"
#include "eventlogmodel.h"
#include "lessonlistmodel.h"
#include "lessons.h"
#include "modeltesthelpers.h"
#include "tasklistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace cascade;
using namespace cascade::testing;

namespace {

//! The state a task's `end` event must leave in the task list.
QString expectedEndState(const TraceEvent &end)
{
    // The timeout errors of asyncio and Kotlin (scenario-format.md, "timeout" in a catch).
    if (end.text == QLatin1String("TimeoutError") || end.text == QLatin1String("TimeoutCancellationException"))
        return QStringLiteral("timed-out");
    return QString::fromLatin1(outcomeName(Outcome(end.code)));
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taskListFollowsTheTrace_data();
    void taskListFollowsTheTrace();
    void taskListShowsAPendingCancelWhilePaused();
    void eventLogMatchesTheTrace_data();
    void eventLogMatchesTheTrace();
    void clearResetsAndRefeeds();
    void eventLogShowsFewerByResetAndRetargets();
    void lessonListRow_data();
    void lessonListRow();
    void lessonListShape();
};

void TestModels::taskListFollowsTheTrace_data()
{
    addLessonRuntimeRows();
}

void TestModels::taskListFollowsTheTrace()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));

    TaskListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    NoResetSpies never(&model);
    QVERIFY(inserted.isValid());
    QVERIFY(changed.isValid());
    QVERIFY(never.isValid());

    Engine engine(*scenario, Runtime(runtime));
    const TaskPathResolver path = engine.pathResolver();
    QHash<QString, QString> parentOf;     // task path -> parent path ("" for the root)
    QHash<QString, int> spawnOrder;       // task path -> index among all spawns
    QHash<QString, QString> linkOf;       // task path -> "child" / "unstructured"
    QHash<QString, QString> endState;     // task path -> what its end event says
    QStringList problems;                 // incremental-signal violations, reported after the run
    auto feed = [&](const TraceEvent &event) {
        const QString task = path(event.task);
        const int rowsBefore = model.rowCount();
        const qsizetype insertedBefore = inserted.size();
        const qsizetype changedBefore = changed.size();
        model.apply(event, path);
        const QString where = QStringLiteral("seq %1 (%2 %3): ").arg(event.seq).arg(task, QString::fromLatin1(eventKindName(event.kind)));
        if (event.kind == EventKind::Spawn) {
            parentOf.insert(task, event.other >= 0 ? path(event.other) : QString());
            spawnOrder.insert(task, int(spawnOrder.size()));
            linkOf.insert(task, event.code == quint8(LinkCode::Child) ? QStringLiteral("child") : QStringLiteral("unstructured"));
            if (model.rowCount() != rowsBefore + 1 || inserted.size() != insertedBefore + 1)
                problems << where + QStringLiteral("a spawn must insert exactly one row");
            else if (inserted.last().at(1).toInt() != model.rowOfPath(task) || inserted.last().at(2).toInt() != model.rowOfPath(task))
                problems << where + QStringLiteral("rowsInserted does not name the new task's row");
            return;
        }
        if (model.rowCount() != rowsBefore || inserted.size() != insertedBefore)
            problems << where + QStringLiteral("only a spawn may insert rows");
        if (event.kind == EventKind::End)
            endState.insert(task, expectedEndState(event));
        switch (event.kind) {
        case EventKind::Start:
        case EventKind::Suspend:
        case EventKind::Resume:
        case EventKind::Work:
        case EventKind::CancelDeliver:
        case EventKind::CleanupEnter:
        case EventKind::End: {
            // A change of state is one dataChanged on the task's own row, not a reset.
            const int row = model.rowOfPath(task);
            const bool named = std::any_of(changed.begin() + changedBefore, changed.end(), [&](const QList<QVariant> &args) {
                const auto from = args.at(0).value<QModelIndex>(), to = args.at(1).value<QModelIndex>();
                return from.row() <= row && row <= to.row();
            });
            if (!named)
                problems << where + QStringLiteral("no dataChanged for the task's row %1").arg(row);
            break;
        }
        default:
            break;
        }
    };
    for (const TraceEvent &event : engine.events())
        feed(event);  // the root's spawn happens when the engine is made
    engine.setListener(feed);
    engine.runToEnd();
    QVERIFY2(engine.abortReason().isEmpty(), qPrintable(engine.abortReason()));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(never.quiet());
    QVERIFY(!changed.isEmpty());

    // One row per task spawned.
    QCOMPARE(model.rowCount(), int(spawnOrder.size()));
    QCOMPARE(model.rowCount(), engine.taskCount());
    QCOMPARE(inserted.size(), qsizetype(spawnOrder.size()));

    // Depth-first order: a row's parent is the nearest row above it one level up; siblings keep
    // their spawn order.
    QStringList paths;
    for (int row = 0; row < model.rowCount(); ++row)
        paths << model.index(row).data(TaskListModel::PathRole).toString();
    QCOMPARE(QSet<QString>(paths.begin(), paths.end()).size(), paths.size());  // paths name rows
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString task = paths.at(row);
        const int depth = model.index(row).data(TaskListModel::DepthRole).toInt();
        const QString parent = parentOf.value(task);
        QVERIFY2(parentOf.contains(task), qPrintable(task));
        if (parent.isEmpty()) {
            QCOMPARE(depth, 0);
            continue;
        }
        const int parentRow = model.rowOfPath(parent);
        QVERIFY2(parentRow >= 0 && parentRow < row, qPrintable(task + QStringLiteral(" comes before its parent")));
        QCOMPARE(model.index(parentRow).data(TaskListModel::DepthRole).toInt(), depth - 1);
        int above = row - 1;
        while (model.index(above).data(TaskListModel::DepthRole).toInt() >= depth)
            --above;
        QVERIFY2(above == parentRow, qPrintable(task + QStringLiteral(" is not inside its parent's subtree")));
        for (int sibling = parentRow + 1; sibling < row; ++sibling) {
            if (parentOf.value(paths.at(sibling)) == parent)
                QVERIFY2(spawnOrder.value(paths.at(sibling)) < spawnOrder.value(task), qPrintable(task));
        }
    }

    // Every task ended, as its end event says; nothing is left pending.
    QStringList actual, expected;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row);
        const QString task = paths.at(row);
        QVERIFY2(endState.contains(task), qPrintable(task + QStringLiteral(" never ended")));
        actual << QStringLiteral("%1 name=%2 link=%3 state=%4 pendingSince=%5")
                      .arg(task, at.data(TaskListModel::NameRole).toString(), at.data(TaskListModel::LinkRole).toString(),
                           at.data(TaskListModel::StateRole).toString())
                      .arg(at.data(TaskListModel::PendingSinceRole).toLongLong());
        expected << QStringLiteral("%1 name=%2 link=%3 state=%4 pendingSince=-1")
                        .arg(task, task.section(QLatin1Char('/'), -1), linkOf.value(task), endState.value(task));
    }
    QCOMPARE(actual, expected);
}

void TestModels::taskListShowsAPendingCancelWhilePaused()
{
    // kotlin-cpu-loop: main cancels job at 1300, but job's busy loop never checks, so the request
    // stays pending until the loop ends at 2000.
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cpu-loop"), &error);
    QVERIFY2(scenario, qPrintable(error));
    TaskListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    NoResetSpies never(&model);
    QVERIFY(never.isValid());
    Engine engine(*scenario, Runtime::Kotlin);
    const TaskPathResolver path = engine.pathResolver();
    for (const TraceEvent &event : engine.events())
        model.apply(event, path);
    engine.setListener([&](const TraceEvent &event) { model.apply(event, path); });

    engine.runUntil(1000);
    const int job = model.rowOfPath(QStringLiteral("main/job"));
    QVERIFY(job >= 0);
    QCOMPARE(model.index(job).data(TaskListModel::PendingSinceRole).toLongLong(), -1);  // not yet requested

    engine.runUntil(1500);
    QCOMPARE(engine.now(), 1500);
    QVERIFY(!engine.finished());
    QCOMPARE(model.index(job).data(TaskListModel::PendingSinceRole).toLongLong(), 1300);
    QCOMPARE(model.index(job).data(TaskListModel::DeliveredRole).toBool(), false);
    QCOMPARE(model.info(QStringLiteral("main/job")).value(QStringLiteral("pendingSince")).toLongLong(), 1300);
    QVERIFY(model.index(job).data(TaskListModel::StateRole).toString() != QLatin1String("cancelled"));

    engine.runToEnd();
    QCOMPARE(model.index(job).data(TaskListModel::PendingSinceRole).toLongLong(), -1);
    QCOMPARE(model.index(job).data(TaskListModel::StateRole).toString(), QStringLiteral("cancelled"));
    QVERIFY(never.quiet());
}

void TestModels::eventLogMatchesTheTrace_data()
{
    addLessonRuntimeRows();
}

void TestModels::eventLogMatchesTheTrace()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));

    Engine engine(*scenario, Runtime(runtime));
    engine.runToEnd();
    const TaskPathResolver path = engine.pathResolver();

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTrace(&engine.events(), path);  // a view of the trace, none of it shown yet
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    NoResetSpies never(&model);
    QVERIFY(inserted.isValid());
    QVERIFY(changed.isValid());
    QVERIFY(never.isValid());
    QStringList problems;
    for (qint64 shown = 1; shown <= qint64(engine.events().size()); ++shown) {
        // Each event shown is one row appended at the end, announced on its own.
        const int rowsBefore = model.rowCount();
        const qsizetype insertedBefore = inserted.size();
        model.show(shown);
        if (model.rowCount() != rowsBefore + 1 || inserted.size() != insertedBefore + 1
            || inserted.last().at(1).toInt() != rowsBefore || inserted.last().at(2).toInt() != rowsBefore)
            problems << QStringLiteral("seq %1 was not appended as one row").arg(shown - 1);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(never.quiet());
    QVERIFY(changed.isEmpty());  // rows are only appended

    const std::vector<TraceEvent> &events = engine.events();
    QCOMPARE(model.rowCount(), int(events.size()));
    QStringList actual, expected;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row);
        const TraceEvent &event = events.at(size_t(row));
        actual << QStringLiteral("%1 %2 %3 %4")
                      .arg(at.data(EventLogModel::SeqRole).toLongLong())
                      .arg(at.data(EventLogModel::TimeRole).toLongLong())
                      .arg(at.data(EventLogModel::TaskRole).toString(), at.data(EventLogModel::KindRole).toString());
        expected << QStringLiteral("%1 %2 %3 %4").arg(event.seq).arg(event.t).arg(path(event.task), QString::fromLatin1(eventKindName(event.kind)));
        QCOMPARE(event.seq, qint64(row));

        // The detail is the event's JSON record without the four fields the columns show.
        const QString detail = at.data(EventLogModel::DetailRole).toString();
        QCOMPARE(at.data(Qt::DisplayRole).toString(), detail);
        QJsonParseError parseError;
        const QJsonObject shown = QJsonDocument::fromJson(QStringLiteral("{%1}").arg(detail).toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(detail));
        QJsonObject record = QJsonDocument::fromJson(traceEventToJson(event, path)).object();
        for (const char *column : {"seq", "t", "task", "ev"})
            record.remove(QLatin1String(column));
        QVERIFY2(shown == record, qPrintable(QStringLiteral("seq %1: detail %2").arg(row).arg(detail)));
    }
    QCOMPARE(actual, expected);

    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(EventLogModel::SeqRole), QByteArray("seq"));
    QCOMPARE(roles.value(EventLogModel::TimeRole), QByteArray("time"));
    QCOMPARE(roles.value(EventLogModel::TaskRole), QByteArray("task"));
    QCOMPARE(roles.value(EventLogModel::KindRole), QByteArray("kind"));
    QCOMPARE(roles.value(EventLogModel::DetailRole), QByteArray("detail"));
}

void TestModels::clearResetsAndRefeeds()
{
    // Between runs (restart, another runtime) the models are cleared with one reset, then fed again.
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    TaskListModel tasks;
    EventLogModel events;
    QAbstractItemModelTester taskTester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester eventTester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy taskReset(&tasks, &QAbstractItemModel::modelReset);
    QSignalSpy eventReset(&events, &QAbstractItemModel::modelReset);
    QVERIFY(taskReset.isValid());
    QVERIFY(eventReset.isValid());
    QStringList firstRun;
    for (int run = 0; run < 2; ++run) {
        Engine engine(*scenario, Runtime::Kotlin);
        engine.runToEnd();
        const TaskPathResolver path = engine.pathResolver();
        for (const TraceEvent &event : engine.events())
            tasks.apply(event, path);
        events.setTrace(&engine.events(), path);
        events.show(qint64(engine.events().size()));
        QStringList rows;
        for (int row = 0; row < tasks.rowCount(); ++row)
            rows << tasks.info(tasks.index(row).data(TaskListModel::PathRole).toString()).value(QStringLiteral("state")).toString();
        rows << QString::number(events.rowCount());
        if (run == 0) {
            firstRun = rows;
            tasks.clear();
            events.clear();
            QCOMPARE(tasks.rowCount(), 0);
            QCOMPARE(events.rowCount(), 0);
            QCOMPARE(taskReset.size(), 1);
            QCOMPARE(eventReset.size(), 2);  // the trace it viewed, then none
            QVERIFY(tasks.info(QStringLiteral("main")).isEmpty());
            QCOMPARE(tasks.rowOfPath(QStringLiteral("main")), -1);
        } else {
            QCOMPARE(rows, firstRun);
            QCOMPARE(taskReset.size(), 1);
        }
        events.clear();  // before the engine whose events it views goes
    }
}

// Showing fewer events (a step back, a seek) is one reset; another copy of the same prefix (a
// run made again with one more action) changes nothing that is shown.
void TestModels::eventLogShowsFewerByResetAndRetargets()
{
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    Engine first(*scenario, Runtime::Kotlin);
    first.runToEnd();
    Engine second(*scenario, Runtime::Kotlin);
    UserAction cancel;
    cancel.kind = UserAction::Kind::Cancel;
    cancel.at = 700;
    cancel.taskPath = QStringLiteral("main/job");
    second.schedule(cancel);
    second.runToEnd();

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTrace(&first.events(), first.pathResolver());
    model.show(10);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.show(4);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(reset.size(), 1);
    model.resetTo(9);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(inserted.size(), 0);
    const QString before = model.index(8).data(EventLogModel::DescriptionRole).toString();
    model.retarget(&second.events(), second.pathResolver());
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.index(8).data(EventLogModel::DescriptionRole).toString(), before);
    model.show(qint64(second.events().size()));
    QCOMPARE(inserted.size(), 1);
    bool userCancel = false;
    for (int row = 0; row < model.rowCount(); ++row)
        userCancel = userCancel || model.index(row).data(EventLogModel::CauseRole).toString() == QLatin1String("user");
    QVERIFY2(userCancel, "the second run's own events are shown");
    QCOMPARE(model.get(0).value(QStringLiteral("task")).toString(), QStringLiteral("main"));
    QVERIFY(model.get(model.rowCount()).isEmpty());
    model.clear();
}

void TestModels::lessonListRow_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("row");
    const QStringList ids = Lessons::ids();
    for (qsizetype i = 0; i < ids.size(); ++i)
        QTest::addRow("%s", qPrintable(ids.at(i))) << ids.at(i) << int(i);
}

void TestModels::lessonListRow()
{
    QFETCH(QString, lesson);
    QFETCH(int, row);
    LessonListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    QStringList runtimes;
    for (Runtime runtime : scenario->runtimes)
        runtimes << runtimeName(runtime);

    QCOMPARE(model.indexOf(lesson), row);
    const QModelIndex at = model.index(row);
    QVERIFY(at.isValid());
    QCOMPARE(at.data(LessonListModel::IdRole).toString(), lesson);
    QCOMPARE(at.data(LessonListModel::TitleRole).toString(), scenario->title.en);
    QCOMPARE(at.data(Qt::DisplayRole).toString(), scenario->title.en);
    QCOMPARE(at.data(LessonListModel::TitleKoRole).toString(), scenario->title.ko);
    QCOMPARE(at.data(LessonListModel::RuntimesRole).toString(), runtimes.join(QStringLiteral(", ")));
}

void TestModels::lessonListShape()
{
    LessonListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList ids = Lessons::ids();
    QVERIFY(!ids.isEmpty());
    QCOMPARE(model.rowCount(), int(ids.size()));  // one row per lesson, none dropped
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row).data(LessonListModel::IdRole).toString();
    QCOMPARE(shown, ids);  // in the order of index.txt
    QCOMPARE(model.indexOf(QStringLiteral("no-such-lesson")), -1);
    QCOMPARE(model.rowCount(model.index(0)), 0);  // a flat list
    QVERIFY(!model.index(0).data(Qt::UserRole + 100).isValid());

    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(LessonListModel::IdRole), QByteArray("lessonId"));
    QCOMPARE(roles.value(LessonListModel::TitleRole), QByteArray("title"));
    QCOMPARE(roles.value(LessonListModel::TitleKoRole), QByteArray("titleKo"));
    QCOMPARE(roles.value(LessonListModel::RuntimesRole), QByteArray("runtimes"));
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
