// StepListModel: one task's steps as an editable tree. Every operation runs under
// QAbstractItemModelTester; every edit is judged by the loader's own rules, lands on the row it
// is about, and is reported (edited) only when the whole body is valid.
#include "steplistmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace cascade;

namespace {

QJsonArray parseArray(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        qFatal("bad test data: %s", json);
    return document.array();
}

QByteArray text(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

//! The row whose JSON pointer is `pointer` (a step "/0/steps/1" or a section "/0/catch/0").
QModelIndex rowAt(const QAbstractItemModel &model, const QString &pointer, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(StepListModel::PointerRole).toString() == pointer)
            return index;
        const QModelIndex inside = rowAt(model, pointer, index);
        if (inside.isValid())
            return inside;
    }
    return {};
}

//! Pointers of every row that has an error message.
QStringList rowsWithErrors(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (!index.data(StepListModel::ErrorRole).toString().isEmpty())
            out << index.data(StepListModel::PointerRole).toString();
        out << rowsWithErrors(model, index);
    }
    return out;
}

//! Every task body of a scenario: the root and the tasks of group, gather and spawn steps.
void collectTasks(const QJsonObject &task, const QString &path, QList<QPair<QString, QJsonObject>> *out)
{
    out->append({path, task});
    std::function<void(const QJsonArray &)> walk = [&](const QJsonArray &steps) {
        for (const QJsonValue &value : steps) {
            const QJsonObject step = value.toObject();
            for (const QJsonValue &child : step.value("tasks").toArray())
                collectTasks(child.toObject(), path + '/' + child.toObject().value("name").toString(), out);
            if (step.value("task").isObject()) {
                const QJsonObject child = step.value("task").toObject();
                collectTasks(child, path + '/' + child.value("name").toString(), out);
            }
            for (const char *key : {"steps", "finally", "handler"})
                walk(step.value(QLatin1StringView(key)).toArray());
            for (const QJsonValue &clause : step.value("catch").toArray())
                walk(clause.toObject().value("steps").toArray());
        }
    };
    walk(task.value("steps").toArray());
}

//! Rows whose pointer does not lead back to them through rowOfPointer.
QStringList rowsNotFoundByPointer(const StepListModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString pointer = index.data(StepListModel::PointerRole).toString();
        if (model.rowOfPointer(pointer) != index)
            out << pointer;
        out << rowsNotFoundByPointer(model, index);
    }
    return out;
}

} // namespace

class TestStepListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultInsertIsValid_data();
    void defaultInsertIsValid();
    void roundTripOfEveryLessonTask_data();
    void roundTripOfEveryLessonTask();
    void impossibleValueIsAnInlineError_data();
    void impossibleValueIsAnInlineError();
    void everyBadStepIsReported();
    void badInputIsKeptAndNamed();
    void unavailableSteps_data();
    void unavailableSteps();
    void unavailableWhileAnotherStepIsWrong();
    void treeShowsSectionsAndFoldsTasks();
    void removeAndMove();
    void setKindKeepsWhatCarriesOver_data();
    void setKindKeepsWhatCarriesOver();
    void catchClausesAndFinally();
    void derivedParams();
};

void TestStepListModel::defaultInsertIsValid_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonArray>("setup");
    QTest::addColumn<QString>("listPointer");  // "" for the top level, else a section row
    QTest::addColumn<int>("position");

    const QJsonArray spawned = parseArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": []}}])");
    const QJsonArray group = parseArray(R"([{"do": "group", "kind": "strict", "tasks": [{"name": "worker", "steps": []}]}])");
    for (const QString &kind : StepListModel::kinds()) {
        if (kind == "join" || kind == "cancel")
            QTest::addRow("%s after a spawn", qPrintable(kind)) << kind << spawned << QString() << 1;
        else if (kind == "cancelChildren")
            QTest::addRow("%s in a group's steps", qPrintable(kind)) << kind << group << QString("/0/steps") << 0;
        else
            QTest::addRow("%s", qPrintable(kind)) << kind << QJsonArray() << QString() << 0;
    }
    // New tasks get names no other task of the body has.
    QTest::addRow("spawn beside a job") << "spawn" << spawned << QString() << 1;
    QTest::addRow("group beside a worker") << "group" << group << QString() << 1;
}

void TestStepListModel::defaultInsertIsValid()
{
    QFETCH(QString, kind);
    QFETCH(QJsonArray, setup);
    QFETCH(QString, listPointer);
    QFETCH(int, position);

    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(setup);
    QVERIFY2(model.isValid(), qPrintable(model.errors().join('\n')));
    QSignalSpy edited(&model, &StepListModel::edited);
    QVERIFY(edited.isValid());

    const QModelIndex list = listPointer.isEmpty() ? QModelIndex() : rowAt(model, listPointer);
    QVERIFY(listPointer.isEmpty() || list.isValid());
    const QModelIndex inserted = model.insertStep(list, position, kind);

    QVERIFY(inserted.isValid());
    QCOMPARE(inserted.data(StepListModel::KindRole).toString(), kind);
    QVERIFY2(model.isValid(), qPrintable(model.errors().join('\n')));
    QCOMPARE(inserted.data(StepListModel::ErrorRole).toString(), QString());
    QVERIFY(!inserted.data(StepListModel::SummaryRole).toString().isEmpty());
    QCOMPARE(edited.count(), 1);
    QCOMPARE(text(edited.at(0).at(0).value<QJsonArray>()), text(model.toJson()));
}

void TestStepListModel::roundTripOfEveryLessonTask_data()
{
    QTest::addColumn<QJsonArray>("steps");
    QTest::addColumn<QString>("taskName");

    const QStringList files = QDir(":/lessons").entryList({"*.json"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 20);
    for (const QString &file : files) {
        QFile f(":/lessons/" + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QPair<QString, QJsonObject>> tasks;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object().value("root").toObject();
        collectTasks(root, root.value("name").toString(), &tasks);
        for (const auto &[path, task] : tasks) {
            QTest::addRow("%s:%s", qPrintable(file), qPrintable(path))
                << task.value("steps").toArray() << task.value("name").toString();
        }
    }
}

void TestStepListModel::roundTripOfEveryLessonTask()
{
    QFETCH(QJsonArray, steps);
    QFETCH(QString, taskName);

    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTaskName(taskName);
    model.setSteps(steps);

    QCOMPARE(text(model.toJson()), text(steps));
    QVERIFY2(model.isValid(), qPrintable(model.errors().join('\n')));
    QCOMPARE(rowsWithErrors(model), QStringList());
    QCOMPARE(rowsNotFoundByPointer(model), QStringList());
}

void TestStepListModel::impossibleValueIsAnInlineError_data()
{
    QTest::addColumn<QJsonArray>("steps");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("bad");
    QTest::addColumn<QVariant>("good");
    QTest::addColumn<QString>("message");

    const QJsonArray sleep = parseArray(R"([{"do": "print", "text": "hi"}, {"do": "sleep", "ms": 500}])");
    QTest::addRow("negative ms") << sleep << "/1" << "ms" << QVariant(-5) << QVariant(500)
                                 << "must be a whole number of milliseconds from 0 to 31536000000, got -5";
    QTest::addRow("ms over a year") << sleep << "/1" << "ms" << QVariant(31536000001.0) << QVariant(0)
                                    << "from 0 to 31536000000, got 31536000001";
    QTest::addRow("ms that is no number") << sleep << "/1" << "ms" << QVariant("soon") << QVariant("250")
                                          << "got \"soon\"";
    const QJsonArray nested = parseArray(R"([{"do": "repeat", "count": 3, "steps": [{"do": "print", "text": "a"},
        {"do": "work", "ms": 100, "checkEvery": 10}]}])");
    QTest::addRow("nested work of 0 ms") << nested << "/0/steps/1" << "ms" << QVariant(0) << QVariant(100)
                                          << "from 1 to 31536000000, got 0";
    QTest::addRow("checks further apart than the work") << nested << "/0/steps/1" << "checkEvery" << QVariant(101)
                                                       << QVariant(100) << "must be at most the work's \"ms\" (100)";
    QTest::addRow("repeat zero times") << nested << "/0" << "count" << QVariant(0) << QVariant(2)
                                       << "a whole number from 1 to 1000000, got 0";
    const QJsonArray raise = parseArray(R"([{"do": "raise", "error": "ValueError"}])");
    QTest::addRow("empty error name") << raise << "/0" << "error" << QVariant("") << QVariant("KeyError")
                                      << "must be an error name";
    QTest::addRow("error name with a space") << raise << "/0" << "error" << QVariant("Value Error")
                                             << QVariant("Value.Error") << "got \"Value Error\"";
    const QJsonArray signal = parseArray(R"([{"do": "signal", "signal": "ready"}])");
    QTest::addRow("empty signal name") << signal << "/0" << "signal" << QVariant("") << QVariant("go")
                                       << "must be a signal name";
    const QJsonArray handles = parseArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": []}},
        {"do": "sleep", "ms": 10}, {"do": "cancel", "task": "job"}, {"do": "join", "task": "job"}])");
    QTest::addRow("join of an unknown task") << handles << "/3" << "task" << QVariant("nobody") << QVariant("job")
                                             << "no task named \"nobody\" was spawned earlier";
    QTest::addRow("cancel of an unknown task") << handles << "/2" << "task" << QVariant("jobs") << QVariant("job")
                                               << "no task named \"jobs\" was spawned earlier";
    const QJsonArray spawn = parseArray(R"([{"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": []}}])");
    QTest::addRow("spawned task renamed away") << spawn << "/0" << "task" << QVariant("") << QVariant("job")
                                               << "must be a task name";
    const QJsonArray tryCatch = parseArray(R"([{"do": "try", "steps": [{"do": "sleep", "ms": 5}],
        "catch": [{"error": "cancellation"}, {"error": "any", "steps": [{"do": "print", "text": "x"}]}]}])");
    QTest::addRow("catch of nothing") << tryCatch << "/0/catch/1" << "error" << QVariant("") << QVariant("any")
                                      << "must be an error name";
    QTest::addRow("try body step") << tryCatch << "/0/steps/0" << "ms" << QVariant(-1) << QVariant(5)
                                   << "got -1";
    QTest::addRow("catch body step") << tryCatch << "/0/catch/1/steps/0" << "text" << QVariant(QString(1001, 'x'))
                                     << QVariant("y") << "is too long: 1001 characters, at most 1000";
    const QJsonArray group = parseArray(R"([{"do": "group", "kind": "strict", "tasks": [{"name": "a", "steps": []},
        {"name": "b", "steps": []}]}])");
    QTest::addRow("group limit over 10000") << group << "/0" << "limit" << QVariant(10001) << QVariant(2)
                                            << "from 1 to 10000, got 10001";
    QTest::addRow("group of two tasks named alike") << group << "/0" << "tasks" << QVariant("a, a")
                                                    << QVariant("a, b") << "duplicate task name \"a\"";
    const QJsonArray gather = parseArray(R"([{"do": "gather", "tasks": [{"name": "a", "steps": []},
        {"name": "b", "steps": []}]}])");
    QTest::addRow("await order missing a task") << gather << "/0" << "awaitOrder" << QVariant("b") << QVariant("b, a")
                                                << "\"a\" is missing";
    const QJsonArray ifCancelled = parseArray(R"([{"do": "ifCancelled", "then": "return"}])");
    QTest::addRow("break outside a loop") << ifCancelled << "/0" << "then" << QVariant("break") << QVariant("return")
                                          << "\"break\" needs an enclosing \"repeat\" or \"whileActive\"";
    QTest::addRow("timeout waitFor name on a block") << parseArray(R"([{"do": "timeout", "ms": 100, "steps": []}])")
                                                     << "/0" << "name" << QVariant("inner") << QVariant("")
                                                     << "a \"block\" timeout has no inner task";
}

void TestStepListModel::impossibleValueIsAnInlineError()
{
    QFETCH(QJsonArray, steps);
    QFETCH(QString, row);
    QFETCH(QString, key);
    QFETCH(QVariant, bad);
    QFETCH(QVariant, good);
    QFETCH(QString, message);

    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(steps);
    QVERIFY2(model.isValid(), qPrintable(model.errors().join('\n')));
    QSignalSpy edited(&model, &StepListModel::edited);
    QSignalSpy validation(&model, &StepListModel::validationChanged);
    QSignalSpy stepsChanged(&model, &StepListModel::stepsChanged);
    const QModelIndex index = rowAt(model, row);
    QVERIFY(index.isValid());

    QVERIFY(model.setParam(index, key, bad));

    QVERIFY(!model.isValid());
    QCOMPARE(edited.count(), 0);
    QCOMPARE(stepsChanged.count(), 1);  // the `steps` property follows every change
    QCOMPARE(validation.count(), 1);
    QCOMPARE(rowsWithErrors(model), QStringList{row});
    const QVariantMap paramErrors = index.data(StepListModel::ParamErrorsRole).toMap();
    QVERIFY2(paramErrors.value(key).toString().contains(message), qPrintable(paramErrors.value(key).toString()));
    QVERIFY(index.data(StepListModel::ErrorRole).toString().startsWith(key + ": "));
    QCOMPARE(model.errors().size(), 1);
    QVERIFY2(model.errors().constFirst().startsWith(row + "/" + key), qPrintable(model.errors().constFirst()));

    // The model stays editable; fixing the value reports the whole valid body once.
    QVERIFY(model.setParam(index, key, good));
    QVERIFY2(model.isValid(), qPrintable(model.errors().join('\n')));
    QCOMPARE(rowsWithErrors(model), QStringList());
    QCOMPARE(edited.count(), 1);
    QCOMPARE(text(edited.at(0).at(0).value<QJsonArray>()), text(model.toJson()));
}

void TestStepListModel::everyBadStepIsReported()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(parseArray(R"([{"do": "sleep", "ms": -1},
        {"do": "spawn", "link": "sideways", "task": {"name": "job", "steps": []}},
        {"do": "join", "task": "job"},
        {"do": "repeat", "count": 2, "steps": [{"do": "print"}]}])"));

    QCOMPARE(rowsWithErrors(model), (QStringList{"/0", "/1", "/3/steps/0"}));
    QCOMPARE(model.errors().size(), 3);
    QVERIFY(rowAt(model, "/1").data(StepListModel::ParamErrorsRole).toMap().contains("link"));
    QVERIFY(rowAt(model, "/3/steps/0").data(StepListModel::ErrorRole).toString().contains("missing required key \"text\""));
}

void TestStepListModel::badInputIsKeptAndNamed()
{
    const QJsonArray steps = parseArray(R"([42, {"do": "nope", "x": 1}, {"do": "try", "steps": [], "catch": []},
        {"do": "repeat", "count": 1, "steps": "many"}])");
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(steps);

    QCOMPARE(text(model.toJson()), text(steps));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(rowsWithErrors(model), (QStringList{"/0", "/1", "/2", "/3"}));
    QVERIFY(rowAt(model, "/0").data(StepListModel::ErrorRole).toString().contains("must be a step object"));
    QVERIFY(rowAt(model, "/1").data(StepListModel::ParamErrorsRole).toMap().contains("do"));
    QVERIFY(rowAt(model, "/2").data(StepListModel::ParamErrorsRole).toMap().contains("catch"));
    QVERIFY(rowAt(model, "/3").data(StepListModel::ParamErrorsRole).toMap().contains("steps"));
    QVERIFY(!model.setParam(rowAt(model, "/0"), "ms", 5));
    QVERIFY(!model.setParam(rowAt(model, "/1"), "ms", 5));
}

void TestStepListModel::unavailableSteps_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QJsonArray>("steps");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("reason");  // "" when the runtime has the step

    const QJsonArray timeout = parseArray(R"([{"do": "timeout", "ms": 100, "steps": [{"do": "sleep", "ms": 200}]}])");
    const QJsonArray shield = parseArray(R"([{"do": "print", "text": "a"}, {"do": "shield", "steps": []}])");
    const QJsonArray nested = parseArray(R"([{"do": "repeat", "count": 2, "steps": [{"do": "timeout", "ms": 1, "steps": []}]}])");
    const QJsonArray join = parseArray(R"([{"do": "spawn", "link": "child", "task": {"name": "job", "steps": []}},
        {"do": "join", "task": "job", "shield": true}])");
    const QJsonArray onCancel = parseArray(R"([{"do": "onCancel", "steps": [], "handler": []}])");
    QTest::addRow("swift timeout") << "swift" << timeout << "/0" << "Swift has no built-in timeout";
    QTest::addRow("swift shield") << "swift" << shield << "/1" << "Swift has no shield";
    QTest::addRow("swift nested timeout") << "swift" << nested << "/0/steps/0" << "Swift has no built-in timeout";
    QTest::addRow("swift shielded join") << "swift" << join << "/1" << "a shielded join is not available in swift";
    QTest::addRow("kotlin timeout") << "kotlin" << timeout << "/0" << "";
    QTest::addRow("kotlin shield") << "kotlin" << shield << "/1" << "";
    QTest::addRow("asyncio child spawn") << "asyncio" << join << "/0" << "asyncio has no structured child";
    QTest::addRow("asyncio onCancel") << "asyncio" << onCancel << "/0" << "asyncio has no cancellation handler";
    QTest::addRow("no runtime chosen") << "" << timeout << "/0" << "";
}

void TestStepListModel::unavailableSteps()
{
    QFETCH(QString, runtime);
    QFETCH(QJsonArray, steps);
    QFETCH(QString, row);
    QFETCH(QString, reason);

    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(steps);
    model.setRuntime(runtime);

    QVERIFY(model.isValid());
    const QString shown = rowAt(model, row).data(StepListModel::UnavailableRole).toString();
    if (reason.isEmpty())
        QCOMPARE(shown, QString());
    else
        QVERIFY2(shown.contains(reason), qPrintable(shown));
    // Only that row.
    const QModelIndex first = model.index(0, 0);
    if (row != "/0" && !row.startsWith("/0/"))
        QCOMPARE(first.data(StepListModel::UnavailableRole).toString(), QString());
}

void TestStepListModel::unavailableWhileAnotherStepIsWrong()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuntime("swift");
    model.setSteps(parseArray(R"([{"do": "sleep", "ms": -1}, {"do": "shield", "steps": [{"do": "sleep", "ms": 1}]}])"));

    QVERIFY(!model.isValid());
    QCOMPARE(rowsWithErrors(model), QStringList{"/0"});
    QCOMPARE(model.index(0, 0).data(StepListModel::UnavailableRole).toString(), QString());
    QVERIFY(model.index(1, 0).data(StepListModel::UnavailableRole).toString().contains("Swift has no shield"));
}

void TestStepListModel::treeShowsSectionsAndFoldsTasks()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(parseArray(R"([
        {"do": "try", "steps": [{"do": "sleep", "ms": 5}], "catch": [{"error": "cancellation", "rethrow": true}],
         "finally": [{"do": "print", "text": "bye"}]},
        {"do": "group", "kind": "tolerant", "limit": 2, "tasks": [{"name": "a", "steps": [{"do": "sleep", "ms": 1}]},
         {"name": "b", "steps": []}]},
        {"do": "work", "ms": 2000, "checkEvery": 100}])"));

    const QModelIndex tryRow = model.index(0, 0);
    QCOMPARE(model.rowCount(tryRow), 3);
    QStringList sections;
    for (int i = 0; i < 3; ++i)
        sections << model.index(i, 0, tryRow).data(StepListModel::SectionRole).toString();
    QCOMPARE(sections, (QStringList{"try", "catch cancellation, rethrow", "finally"}));
    QCOMPARE(model.index(0, 0, model.index(2, 0, tryRow)).data(StepListModel::DepthRole).toInt(), 2);
    QCOMPARE(tryRow.data(StepListModel::SummaryRole).toString(), "try (1 catch, finally)");

    // The group's tasks are not rows: only its own (empty) "in the group" section is.
    const QModelIndex group = model.index(1, 0);
    QCOMPARE(model.rowCount(group), 1);
    QCOMPARE(model.rowCount(model.index(0, 0, group)), 0);
    QCOMPARE(group.data(StepListModel::SummaryRole).toString(), "tolerant group: a, b (at most 2 at once)");
    QCOMPARE(group.data(StepListModel::ParamsRole).toMap().value("tasks").toStringList(), (QStringList{"a", "b"}));
    QCOMPARE(model.index(2, 0).data(StepListModel::SummaryRole).toString(), "work 2000 ms, checks every 100 ms");
}

void TestStepListModel::removeAndMove()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(parseArray(R"([{"do": "print", "text": "1"}, {"do": "print", "text": "2"},
        {"do": "repeat", "count": 2, "steps": [{"do": "print", "text": "a"}, {"do": "print", "text": "b"}]}])"));
    QSignalSpy edited(&model, &StepListModel::edited);

    QModelIndex moved = model.moveStep(model.index(0, 0), +1);
    QCOMPARE(moved.row(), 1);
    QCOMPARE(moved.data(StepListModel::SummaryRole).toString(), "print \"1\"");
    moved = model.moveStep(model.index(1, 0, rowAt(model, "/2/steps")), -1);
    QCOMPARE(moved.data(StepListModel::PointerRole).toString(), "/2/steps/0");
    QCOMPARE(text(model.toJson()), text(parseArray(R"([{"do": "print", "text": "2"}, {"do": "print", "text": "1"},
        {"do": "repeat", "count": 2, "steps": [{"do": "print", "text": "b"}, {"do": "print", "text": "a"}]}])")));
    // Off either end nothing moves and nothing is reported.
    QCOMPARE(model.moveStep(model.index(0, 0), -1), model.index(0, 0));
    QCOMPARE(edited.count(), 2);

    QVERIFY(model.removeStep(rowAt(model, "/2/steps/1")));
    QVERIFY(model.removeStep(model.index(0, 0)));
    QVERIFY(!model.removeStep(rowAt(model, "/1/steps")));  // a loop's body is not optional
    QCOMPARE(text(model.toJson()), text(parseArray(R"([{"do": "print", "text": "1"},
        {"do": "repeat", "count": 2, "steps": [{"do": "print", "text": "b"}]}])")));
    QCOMPARE(edited.count(), 4);
}

void TestStepListModel::setKindKeepsWhatCarriesOver_data()
{
    QTest::addColumn<QJsonArray>("steps");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonArray>("expected");

    QTest::addRow("sleep to work keeps ms and the note")
        << parseArray(R"([{"do": "sleep", "ms": 2500, "note": "n"}])") << "/0" << "work"
        << parseArray(R"([{"do": "work", "ms": 2500, "note": "n"}])");
    QTest::addRow("repeat to whileActive keeps the body")
        << parseArray(R"([{"do": "repeat", "count": 2, "steps": [{"do": "print", "text": "x"}]}])") << "/0"
        << "whileActive" << parseArray(R"([{"do": "whileActive", "max": 10, "steps": [{"do": "print", "text": "x"}]}])");
    QTest::addRow("timeout to shield keeps the body")
        << parseArray(R"([{"do": "timeout", "ms": 5, "steps": [{"do": "checkpoint"}]}])") << "/0" << "shield"
        << parseArray(R"([{"do": "shield", "steps": [{"do": "checkpoint"}]}])");
    QTest::addRow("print to join names the last spawn")
        << parseArray(R"([{"do": "spawn", "link": "detached", "task": {"name": "bg", "steps": []}},
                          {"do": "print", "text": "x"}])") << "/1" << "join"
        << parseArray(R"([{"do": "spawn", "link": "detached", "task": {"name": "bg", "steps": []}},
                          {"do": "join", "task": "bg"}])");
    QTest::addRow("raise to ifCancelled raises that error")
        << parseArray(R"([{"do": "raise", "error": "Stop"}])") << "/0" << "ifCancelled"
        << parseArray(R"([{"do": "ifCancelled", "then": "raise", "error": "Stop"}])");
}

void TestStepListModel::setKindKeepsWhatCarriesOver()
{
    QFETCH(QJsonArray, steps);
    QFETCH(QString, row);
    QFETCH(QString, kind);
    QFETCH(QJsonArray, expected);

    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(steps);
    QSignalSpy edited(&model, &StepListModel::edited);
    const QModelIndex index = rowAt(model, row);
    QVERIFY(model.setKind(index, kind));
    QCOMPARE(index.data(StepListModel::KindRole).toString(), kind);
    QCOMPARE(text(model.toJson()), text(expected));
    QVERIFY2(model.isValid(), qPrintable(model.errors().join('\n')));
    QCOMPARE(edited.count(), 1);
    QVERIFY(!model.setKind(index, "teleport"));
}

void TestStepListModel::catchClausesAndFinally()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(parseArray(R"([{"do": "try", "steps": [{"do": "sleep", "ms": 5}], "finally": []}])"));
    const QModelIndex tryRow = model.index(0, 0);

    const QModelIndex clause = model.addCatch(tryRow, "any");
    QCOMPARE(clause.row(), 1);  // after the body, before finally
    QVERIFY(model.setParam(clause, "rethrow", true));
    QVERIFY(model.insertStep(clause, 0, "print").isValid());
    QVERIFY(model.setParam(tryRow, "finally", false));
    QCOMPARE(text(model.toJson()), text(parseArray(R"([{"do": "try", "steps": [{"do": "sleep", "ms": 5}],
        "catch": [{"error": "any", "rethrow": true, "steps": [{"do": "print", "text": "{task}: hello"}]}]}])")));

    // A try with neither catch nor finally is named, on the try row.
    QVERIFY(model.removeStep(model.index(1, 0, tryRow)));
    QVERIFY(!model.isValid());
    QVERIFY(tryRow.data(StepListModel::ErrorRole).toString().contains("needs \"catch\", \"finally\" or both"));
    QVERIFY(model.setParam(tryRow, "finally", true));
    QVERIFY(model.isValid());
    QCOMPARE(model.index(1, 0, tryRow).data(StepListModel::SectionRole).toString(), "finally");
}

void TestStepListModel::derivedParams()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps(parseArray(R"([{"do": "work", "ms": 50},
        {"do": "gather", "tasks": [{"name": "a", "steps": [{"do": "sleep", "ms": 1}]}]}])"));
    const QModelIndex work = model.index(0, 0);
    QCOMPARE(work.data(StepListModel::ParamsRole).toMap().value("check").toString(), "none");
    QVERIFY(model.setParam(work, "check", "poll"));
    QCOMPARE(work.data(StepListModel::SummaryRole).toString(), "work 50 ms, polls every 50 ms");
    QVERIFY(model.setParam(work, "check", "none"));
    QVERIFY(model.setParam(model.index(1, 0), "tasks", QStringList{"first", "second"}));
    QVERIFY(!model.setParam(work, "colour", "red"));
    QCOMPARE(text(model.toJson()), text(parseArray(R"([{"do": "work", "ms": 50},
        {"do": "gather", "tasks": [{"name": "first", "steps": [{"do": "sleep", "ms": 1}]}, {"name": "second", "steps": []}]}])")));
    QCOMPARE(model.fields(work).size(), 4);  // ms, check, checkEvery, note
}

QTEST_GUILESS_MAIN(TestStepListModel)

#include "tst_steplistmodel.moc"
