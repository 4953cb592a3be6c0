// The task list's plan and marks, fed real traces: planned rows (every task a run will spawn)
// become spawned ones without an insert; deadlines and shields show in their roles, each change
// one dataChanged naming exactly the roles that changed.

#include "engine.h"
#include "lessons.h"
#include "modeltesthelpers.h"
#include "tasklistmodel.h"
#include "traceindex.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace cascade;
using namespace cascade::testing;

class TestTaskListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plannedRowsBecomeSpawned_data();
    void plannedRowsBecomeSpawned();
    void showsDeadlinesAndShields_data();
    void showsDeadlinesAndShields();
    void roleNames();
    void agreesWithTheSeekIndex_data();
    void agreesWithTheSeekIndex();
};

void TestTaskListModel::plannedRowsBecomeSpawned_data()
{
    addLessonRuntimeRows();
    // 10,101 tasks: every check below is linear in the rows (no per-row searches).
    QTest::addRow("scale-10k/kotlin") << QStringLiteral(CASCADE_SOURCE_DIR "/bench/scale-10k.json") << int(Runtime::Kotlin);
}

void TestTaskListModel::plannedRowsBecomeSpawned()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QString error;
    const auto scenario = Lessons::loadLessonOrFile(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));

    // The plan: every spawn of one run, as Session makes it.
    std::vector<TaskListModel::PlannedTask> plan;
    {
        Engine rehearsal(*scenario, Runtime(runtime));
        rehearsal.runToEnd();
        for (const TraceEvent &event : rehearsal.events()) {
            if (event.kind == EventKind::Spawn)
                plan.push_back({event.task, event.other, rehearsal.taskPath(event.task), event.code == quint8(LinkCode::Child)});
        }
    }
    TaskListModel model;
    // The tester re-checks every row on every signal: quadratic on 10,101 rows, so lessons only.
    std::optional<QAbstractItemModelTester> tester;
    if (plan.size() < 1000)
        tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.showPlan(plan);
    QCOMPARE(model.rowCount(), int(plan.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row);
        QVERIFY(!at.data(TaskListModel::SpawnedRole).toBool());
        QCOMPARE(at.data(TaskListModel::StateRole).toString(), QStringLiteral("not-started"));
    }
    const QList<QStringList> before = [&] {
        QList<QStringList> rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows << QStringList{model.index(row).data(TaskListModel::PathRole).toString(),
                                model.index(row).data(TaskListModel::DepthRole).toString(),
                                model.index(row).data(TaskListModel::LinkRole).toString()};
        return rows;
    }();

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    NoResetSpies never(&model);
    QVERIFY(inserted.isValid() && changed.isValid() && never.isValid());
    Engine engine(*scenario, Runtime(runtime));
    const TaskPathResolver path = engine.pathResolver();
    QStringList problems;
    auto feed = [&](const TraceEvent &event) {
        const qsizetype changedBefore = changed.size();
        model.apply(event, path);
        if (event.kind != EventKind::Spawn || problems.size() > 5)
            return;
        // A spawn of a planned task: one dataChanged of its own row, naming the spawned role.
        const QList<QVariant> &args = changed.last();
        const int row = args.at(0).value<QModelIndex>().row();
        if (changed.size() != changedBefore + 1 || row != args.at(1).value<QModelIndex>().row()
            || model.index(row).data(TaskListModel::PathRole).toString() != path(event.task)
            || !args.at(2).value<QList<int>>().contains(TaskListModel::SpawnedRole))
            problems << QStringLiteral("seq %1: the spawn of %2 is not one dataChanged of its row").arg(event.seq).arg(path(event.task));
    };
    for (const TraceEvent &event : engine.events())
        feed(event);
    engine.setListener(feed);
    engine.runToEnd();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(inserted.size(), 0);
    QVERIFY(never.quiet());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row);
        QVERIFY(at.data(TaskListModel::SpawnedRole).toBool());
        QCOMPARE((QStringList{at.data(TaskListModel::PathRole).toString(), at.data(TaskListModel::DepthRole).toString(),
                              at.data(TaskListModel::LinkRole).toString()}),
                 before.at(row));
        QVERIFY(at.data(TaskListModel::StateRole).toString() != QLatin1String("not-started"));
    }
}

void TestTaskListModel::showsDeadlinesAndShields_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QStringList>("actions");  // "timeout PATH@MS:DURATION", "shield PATH@MS"
    QTest::addColumn<int>("marks");            // mark events the run must have
    QTest::addRow("asyncio-timeout") << "asyncio-timeout" << int(Runtime::Asyncio) << QStringList{} << 2;
    QTest::addRow("asyncio-shield") << "asyncio-shield" << int(Runtime::Asyncio) << QStringList{} << 4;
    QTest::addRow("asyncio-shield/kotlin") << "asyncio-shield" << int(Runtime::Kotlin) << QStringList{} << 4;
    QTest::addRow("kotlin-with-timeout") << "kotlin-with-timeout" << int(Runtime::Kotlin) << QStringList{} << 2;
    QTest::addRow("two user timeouts") << "kotlin-cancel-join" << int(Runtime::Kotlin)
                                       << QStringList{"timeout main/job@100:2000", "timeout main/job@200:300"} << 4;
    QTest::addRow("user shield on and off") << "kotlin-cancel-join" << int(Runtime::Kotlin)
                                            << QStringList{"shield main/job@100", "shield main/job@600"} << 2;
    QTest::addRow("user shield and timeout") << "contrast-orphan" << int(Runtime::Asyncio)
                                             << QStringList{"shield main/parent/orphan@100", "timeout main/parent/orphan@200:1000"} << 4;
}

void TestTaskListModel::showsDeadlinesAndShields()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QFETCH(QStringList, actions);
    QFETCH(int, marks);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    TaskListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());
    Engine engine(*scenario, Runtime(runtime));
    for (const QString &text : std::as_const(actions)) {
        UserAction action;
        const auto kind = text.startsWith(QLatin1String("timeout")) ? UserAction::Kind::Timeout : UserAction::Kind::Shield;
        QVERIFY2(UserAction::parse(kind, text.section(QLatin1Char(' '), 1), &action, &error), qPrintable(error));
        engine.schedule(action);
    }
    const TaskPathResolver path = engine.pathResolver();
    // What the rows must say, kept from the events themselves: open deadlines and shields per task.
    QHash<int, QList<std::pair<qint64, qint64>>> deadlines;
    QHash<int, int> shields;
    int seen = 0;
    QStringList problems;
    auto feed = [&](const TraceEvent &event) {
        const qsizetype changedBefore = changed.size();
        model.apply(event, path);
        QList<int> roles;
        switch (event.kind) {
        case EventKind::DeadlineSet:
            deadlines[event.task].append({event.t + event.ms, event.ms});
            roles = {TaskListModel::DeadlineRole, TaskListModel::DeadlineMsRole};
            break;
        case EventKind::DeadlineClear:
            deadlines[event.task].removeOne(*std::find_if(deadlines[event.task].begin(), deadlines[event.task].end(),
                                                          [&](const auto &d) { return d.first == event.ms; }));
            roles = {TaskListModel::DeadlineRole, TaskListModel::DeadlineMsRole};
            break;
        case EventKind::ShieldOn:
        case EventKind::ShieldOff:
            shields[event.task] += event.kind == EventKind::ShieldOn ? 1 : -1;
            roles = {TaskListModel::ShieldedRole};
            break;
        default:
            return;
        }
        ++seen;
        const QString where = QStringLiteral("seq %1 %2 %3: ").arg(event.seq).arg(path(event.task), QString::fromLatin1(eventKindName(event.kind)));
        const QModelIndex at = model.index(model.rowOfPath(path(event.task)));
        const auto open = deadlines.value(event.task);
        const auto earliest = std::min_element(open.begin(), open.end());
        const qint64 deadline = earliest == open.end() ? -1 : earliest->first;
        const qint64 deadlineMs = earliest == open.end() ? 0 : earliest->second;
        if (at.data(TaskListModel::DeadlineRole).toLongLong() != deadline || at.data(TaskListModel::DeadlineMsRole).toLongLong() != deadlineMs)
            problems << where + QStringLiteral("deadline %1/%2 ms, expected %3/%4 ms")
                                    .arg(at.data(TaskListModel::DeadlineRole).toLongLong()).arg(at.data(TaskListModel::DeadlineMsRole).toLongLong())
                                    .arg(deadline).arg(deadlineMs);
        if (at.data(TaskListModel::ShieldedRole).toBool() != (shields.value(event.task) > 0))
            problems << where + QStringLiteral("shielded is %1").arg(at.data(TaskListModel::ShieldedRole).toBool());
        // Only the roles that changed; a second shield on a shielded task changes nothing.
        const bool visible = event.kind != EventKind::ShieldOn || shields.value(event.task) == 1;
        const bool hidden = event.kind == EventKind::ShieldOff && shields.value(event.task) > 0;
        if (visible && !hidden && (changed.size() != changedBefore + 1 || changed.last().at(2).value<QList<int>>() != roles))
            problems << where + QStringLiteral("not one dataChanged with exactly the roles that changed");
    };
    for (const TraceEvent &event : engine.events())
        feed(event);
    engine.setListener(feed);
    engine.runToEnd();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(seen, marks);
    for (int row = 0; row < model.rowCount(); ++row) {  // everything ended: nothing is left on
        QCOMPARE(model.index(row).data(TaskListModel::DeadlineRole).toLongLong(), -1);
        QCOMPARE(model.index(row).data(TaskListModel::ShieldedRole).toBool(), false);
    }
}

void TestTaskListModel::roleNames()
{
    const TaskListModel model;
    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(TaskListModel::SpawnedRole), QByteArray("spawned"));
    QCOMPARE(roles.value(TaskListModel::ShieldedRole), QByteArray("shielded"));
    QCOMPARE(roles.value(TaskListModel::DeadlineRole), QByteArray("deadline"));
    QCOMPARE(roles.value(TaskListModel::DeadlineMsRole), QByteArray("deadlineMs"));
    QCOMPARE(QSet<QByteArray>(roles.begin(), roles.end()).size(), roles.size());
}

void TestTaskListModel::agreesWithTheSeekIndex_data()
{
    addLessonRuntimeRows();
}

void TestTaskListModel::agreesWithTheSeekIndex()
{
    // The list shown while a run plays and the index a recording is scrubbed with derive the same
    // states: after every event, each row reads what statesAfter() says of its task.
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QString error;
    const auto scenario = Lessons::loadLessonOrFile(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));
    Engine engine(*scenario, Runtime(runtime));
    engine.runToEnd();
    const std::vector<TraceEvent> &events = engine.events();
    const TraceIndex index(events, 4);
    TaskListModel model;
    for (std::size_t i = 0; i < events.size(); ++i) {
        model.apply(events[i], engine.pathResolver());
        const TaskStates states = index.statesAfter(qint64(i) + 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex at = model.index(row);
            const int task = [&] {
                for (int id = 0; id < engine.taskCount(); ++id) {
                    if (engine.taskPath(id) == at.data(TaskListModel::PathRole).toString() && states.state(id))
                        return id;
                }
                return -1;
            }();
            QVERIFY(task >= 0);
            const TaskState *state = states.state(task);
            QCOMPARE(at.data(TaskListModel::StateRole).toString(), taskPhaseName(state->phase));
            QCOMPARE(at.data(TaskListModel::DetailRole).toString(), state->detail());
            QCOMPARE(at.data(TaskListModel::PendingSinceRole).toLongLong(), state->pendingSince);
            QCOMPARE(at.data(TaskListModel::DeliveredRole).toBool(), state->delivered);
            QCOMPARE(at.data(TaskListModel::ShieldedRole).toBool(), state->shielded());
            QCOMPARE(at.data(TaskListModel::DeadlineRole).toLongLong(), state->earliestDeadline());
        }
    }
}

QTEST_MAIN(TestTaskListModel)
#include "tst_tasklistmodel.moc"
