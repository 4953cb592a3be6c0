// Scenario edits: each operation turns a scenario into another that the loader accepts (written
// and read back unchanged), or refuses with a message that names the task and the problem.
// Bodies are written in the file format; D is the body a new task gets.

#include "scenarioedit.h"
#include "scenarioloader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cascade;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(cascade::ChildLink)
Q_DECLARE_METATYPE(cascade::TaskEdit)
Q_DECLARE_METATYPE(cascade::Runtime)

namespace {

const QString D = uR"([{"do":"print","text":"{task}: started"},{"do":"sleep","ms":1000},{"do":"print","text":"{task}: done"}])"_s;

//! A scenario whose root task "main" has these steps (JSON text).
Scenario scenarioWith(const QString &rootSteps)
{
    const QString text = uR"({"cascade":"scenario","version":1,"id":"t","title":{"en":"T","ko":"T"},
        "runtimes":["asyncio","kotlin","swift"],"root":{"name":"main","steps":%1}})"_s.arg(rootSteps);
    QString error;
    auto scenario = ScenarioLoader::parse(text.toUtf8(), u"test.json"_s, &error);
    if (!scenario)
        qFatal("bad test scenario: %s", qPrintable(error));
    return *scenario;
}

QJsonValue rootStepsOf(const Scenario &scenario)
{
    return QJsonDocument::fromJson(scenarioToJson(scenario)).object().value("root"_L1).toObject().value("steps"_L1);
}

QJsonValue json(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad expected JSON: %s in %s", qPrintable(error.errorString()), qPrintable(text));
    return document.array();
}

//! The result is what a file holds: written, read back and written again, byte for byte.
void verifyRoundTrip(const Scenario &scenario)
{
    const QByteArray written = scenarioToJson(scenario);
    QString error;
    const auto reread = ScenarioLoader::parse(written, u"written.json"_s, &error);
    QVERIFY2(reread.has_value(), qPrintable(error));
    QCOMPARE(scenarioToJson(*reread), written);
}

//! A successful edit: the expected root steps, the path it reports, and a clean round trip.
void verifyEdit(const EditResult &result, const QString &expectedSteps, const QString &expectedPath)
{
    QVERIFY2(result, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(rootStepsOf(*result.scenario), json(expectedSteps));
    QCOMPARE(result.taskPath, expectedPath);
    verifyRoundTrip(*result.scenario);
}

void verifyRefused(const EditResult &result, const QString &expectedError)
{
    QVERIFY(!result);
    QCOMPARE(result.error, expectedError);
}

} // namespace

class TestScenarioEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specPathOf_data()
    {
        QTest::addColumn<QString>("runtimePath");
        QTest::addColumn<QString>("specPath");
        QTest::addRow("root") << u"main"_s << u"main"_s;
        QTest::addRow("indexed leaf") << u"main/chop[2]"_s << u"main/chop"_s;
        QTest::addRow("every level") << u"main/a[0]/b[12]/c"_s << u"main/a/b/c"_s;
    }
    void specPathOf()
    {
        QFETCH(QString, runtimePath);
        QFETCH(QString, specPath);
        QCOMPARE(ScenarioEdit::specPathOf(runtimePath), specPath);
    }

    void specPathForRuntimePath_data()
    {
        QTest::addColumn<QString>("runtimePath");
        QTest::addColumn<QString>("specPath");
        QTest::addColumn<QString>("error");
        QTest::addRow("task inside a shield block") << u"main/shielded/critical"_s << u"main/critical"_s << QString();
        QTest::addRow("through wait_for and shield")
            << u"main/wait_for/guarded/inner[3]"_s << u"main/inner"_s << QString();
        QTest::addRow("the inner task itself") << u"main/wait_for"_s << QString()
                                               << u"main/wait_for is the inner task asyncio's wait_for creates around "
                                                  "a block of main; it has no definition of its own: edit main"_s;
        QTest::addRow("unknown task") << u"main/nope[1]"_s << QString()
                                      << u"no task main/nope[1]: main defines no task named \"nope\""_s;
        QTest::addRow("other root") << u"other"_s << QString() << u"no task other: the root task is main"_s;
        QTest::addRow("empty") << QString() << QString() << u"no task given"_s;
    }
    void specPathForRuntimePath()
    {
        QFETCH(QString, runtimePath);
        QFETCH(QString, specPath);
        QFETCH(QString, error);
        const Scenario scenario = scenarioWith(uR"([
            {"do":"shield","steps":[{"do":"group","kind":"strict","tasks":[{"name":"critical","steps":[]}]}]},
            {"do":"timeout","ms":5,"style":"waitFor","steps":[
                {"do":"shield","name":"guarded","steps":[
                    {"do":"repeat","count":4,"steps":[{"do":"spawn","link":"unstructured","task":{"name":"inner","steps":[]}}]}]}]}])"_s);
        QString message;
        const auto result = ScenarioEdit::specPathForRuntimePath(scenario, runtimePath, &message);
        QCOMPARE(result.value_or(QString()), specPath);
        QCOMPARE(message, error);
    }

    void addChild_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("path");
        QTest::addColumn<ChildLink>("link");
        QTest::addColumn<QString>("suggestion");
        QTest::addColumn<QString>("expectedSteps");
        QTest::addColumn<QString>("expectedPath");

        QTest::addRow("structured: the body runs inside a new group, beside the child")
            << uR"([{"do":"sleep","ms":5}])"_s << u"main"_s << ChildLink::Structured << u"task"_s
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"task","steps":%1}],"steps":[{"do":"sleep","ms":5}]}])"_s.arg(D)
            << u"main/task"_s;
        QTest::addRow("structured: inside the shield and timeout wrappers")
            << uR"([{"do":"timeout","ms":9,"steps":[{"do":"shield","steps":[{"do":"sleep","ms":5}]}]}])"_s
            << u"main"_s << ChildLink::Structured << u"task"_s
            << uR"([{"do":"timeout","ms":9,"steps":[{"do":"shield","steps":[
                   {"do":"group","kind":"strict","tasks":[{"name":"task","steps":%1}],"steps":[{"do":"sleep","ms":5}]}]}]}])"_s.arg(D)
            << u"main/task"_s;
        QTest::addRow("structured: into the last group, next free name")
            << uR"([{"do":"group","kind":"tolerant","tasks":[{"name":"task","steps":[]}]},{"do":"print","text":"x"}])"_s
            << u"main"_s << ChildLink::Structured << u"task"_s
            << uR"([{"do":"group","kind":"tolerant","tasks":[{"name":"task","steps":[]},{"name":"task2","steps":%1}]},
                   {"do":"print","text":"x"}])"_s.arg(D)
            << u"main/task2"_s;
        QTest::addRow("structured: names taken anywhere in the body count")
            << uR"([{"do":"try","steps":[{"do":"spawn","link":"child","task":{"name":"job","steps":[]}}],"finally":[]}])"_s
            << u"main"_s << ChildLink::Structured << u"job"_s
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"job2","steps":%1}],
                   "steps":[{"do":"try","steps":[{"do":"spawn","link":"child","task":{"name":"job","steps":[]}}],"finally":[]}]}])"_s.arg(D)
            << u"main/job2"_s;
        QTest::addRow("unstructured: after the spawns that begin the body")
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"a","steps":[]}},{"do":"sleep","ms":5}])"_s
            << u"main"_s << ChildLink::Unstructured << u"worker"_s
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"a","steps":[]}},
                   {"do":"spawn","link":"unstructured","task":{"name":"worker","steps":%1}},{"do":"sleep","ms":5}])"_s.arg(D)
            << u"main/worker"_s;
        QTest::addRow("to a nested task")
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]}]}])"_s << u"main/a"_s
            << ChildLink::Unstructured << u"task"_s
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[
                   {"do":"spawn","link":"unstructured","task":{"name":"task","steps":%1}}]}]}])"_s.arg(D)
            << u"main/a/task"_s;
    }
    void addChild()
    {
        QFETCH(QString, steps);
        QFETCH(QString, path);
        QFETCH(ChildLink, link);
        QFETCH(QString, suggestion);
        QFETCH(QString, expectedSteps);
        QFETCH(QString, expectedPath);
        verifyEdit(ScenarioEdit::addChild(scenarioWith(steps), path, link, suggestion), expectedSteps, expectedPath);
    }

    void addChildRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("suggestion");
        QTest::addColumn<QString>("error");
        QTest::addRow("unknown parent") << u"main/x"_s << u"task"_s
                                        << u"cannot add a task to main/x: no task main/x: main defines no task named \"x\""_s;
        QTest::addRow("bad name") << u"main"_s << u"2fast"_s
                                  << u"cannot add a task to main: the name must be a task name (a letter or _, then "
                                     "letters, digits or _; at most 64 characters), got \"2fast\""_s;
    }
    void addChildRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, suggestion);
        QFETCH(QString, error);
        verifyRefused(ScenarioEdit::addChild(scenarioWith(u"[]"_s), path, ChildLink::Structured, suggestion), error);
    }

    void addChildTooDeep()
    {
        // Each task adds two levels (its group step and itself): the loader's 32-level limit stops
        // the 16th nested task, and the message is the loader's.
        Scenario scenario = ScenarioEdit::newScenario();
        QString path = u"main"_s;
        for (int i = 0; i < 15; ++i) {
            const EditResult added = ScenarioEdit::addChild(scenario, path, ChildLink::Structured);
            QVERIFY2(added, qPrintable(added.error));
            scenario = *added.scenario;
            path = added.taskPath;
        }
        const EditResult tooDeep = ScenarioEdit::addChild(scenario, path, ChildLink::Structured);
        QVERIFY(!tooDeep);
        QVERIFY2(tooDeep.error.startsWith(u"cannot add a task to %1: the scenario would not be valid: /root/steps/0/"_s.arg(path)),
                 qPrintable(tooDeep.error));
        QVERIFY2(tooDeep.error.endsWith(u": nesting is deeper than 32 levels (tasks and steps together)"_s),
                 qPrintable(tooDeep.error));
    }

    void removeTask_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expectedSteps");

        QTest::addRow("one of a group's tasks")
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]},{"name":"b","steps":[]}]}])"_s
            << u"main/b"_s << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]}]}])"_s;
        QTest::addRow("a group's last task takes the group")
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]}],"steps":[{"do":"cancelChildren"}]},
                   {"do":"sleep","ms":1}])"_s
            << u"main/a"_s << uR"([{"do":"sleep","ms":1}])"_s;
        QTest::addRow("a spawned task with its join and cancel, at any depth of the body")
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"job","steps":[]}},
                   {"do":"try","steps":[{"do":"cancel","task":"job"},{"do":"sleep","ms":1}],
                    "finally":[{"do":"join","task":"job"}]}])"_s
            << u"main/job"_s << uR"([{"do":"try","steps":[{"do":"sleep","ms":1}],"finally":[]}])"_s;
        QTest::addRow("another task's own job stays")
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"job","steps":[]}},
                   {"do":"spawn","link":"unstructured","task":{"name":"b","steps":[
                       {"do":"spawn","link":"unstructured","task":{"name":"job","steps":[]}},{"do":"join","task":"job"}]}},
                   {"do":"join","task":"job"}])"_s
            << u"main/job"_s
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"b","steps":[
                       {"do":"spawn","link":"unstructured","task":{"name":"job","steps":[]}},{"do":"join","task":"job"}]}}])"_s;
        QTest::addRow("a gather task and its awaitOrder entry")
            << uR"([{"do":"gather","awaitOrder":["b","a"],"tasks":[{"name":"a","steps":[]},{"name":"b","steps":[]}]}])"_s
            << u"main/b"_s << uR"([{"do":"gather","awaitOrder":["a"],"tasks":[{"name":"a","steps":[]}]}])"_s;
    }
    void removeTask()
    {
        QFETCH(QString, steps);
        QFETCH(QString, path);
        QFETCH(QString, expectedSteps);
        verifyEdit(ScenarioEdit::removeTask(scenarioWith(steps), path), expectedSteps, u"main"_s);
    }

    void removeTaskRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");
        QTest::addRow("the root") << u"main"_s << u"cannot remove main: it is the root task (the program itself)"_s;
        QTest::addRow("unknown") << u"main/zz"_s
                                 << u"cannot remove main/zz: no task main/zz: main defines no task named \"zz\""_s;
    }
    void removeTaskRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, error);
        verifyRefused(ScenarioEdit::removeTask(scenarioWith(u"[]"_s), path), error);
    }

    void renameTask_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("newName");
        QTest::addColumn<QString>("expectedSteps");
        QTest::addColumn<QString>("expectedPath");

        QTest::addRow("join and cancel follow")
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"job","steps":[]}},
                   {"do":"repeat","count":2,"steps":[{"do":"cancel","task":"job"}]},{"do":"join","task":"job"}])"_s
            << u"main/job"_s << u"worker"_s
            << uR"([{"do":"spawn","link":"unstructured","task":{"name":"worker","steps":[]}},
                   {"do":"repeat","count":2,"steps":[{"do":"cancel","task":"worker"}]},{"do":"join","task":"worker"}])"_s
            << u"main/worker"_s;
        QTest::addRow("awaitOrder follows")
            << uR"([{"do":"gather","awaitOrder":["b","a"],"tasks":[{"name":"a","steps":[]},{"name":"b","steps":[]}]}])"_s
            << u"main/a"_s << u"first"_s
            << uR"([{"do":"gather","awaitOrder":["b","first"],"tasks":[{"name":"first","steps":[]},{"name":"b","steps":[]}]}])"_s
            << u"main/first"_s;
        QTest::addRow("same name is no change")
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]}]}])"_s << u"main/a"_s << u"a"_s
            << uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]}]}])"_s << u"main/a"_s;
        QTest::addRow("the root") << u"[]"_s << u"main"_s << u"program"_s << u"[]"_s << u"program"_s;
    }
    void renameTask()
    {
        QFETCH(QString, steps);
        QFETCH(QString, path);
        QFETCH(QString, newName);
        QFETCH(QString, expectedSteps);
        QFETCH(QString, expectedPath);
        verifyEdit(ScenarioEdit::renameTask(scenarioWith(steps), path, newName), expectedSteps, expectedPath);
    }

    void renameTaskRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("newName");
        QTest::addColumn<QString>("error");
        QTest::addRow("sibling has it") << u"main/a"_s << u"b"_s
                                        << u"cannot rename main/a: main already has a task named \"b\""_s;
        QTest::addRow("asyncio's inner task has it")
            << u"main/a"_s << u"shielded"_s << u"cannot rename main/a: main already has a task named \"shielded\""_s;
        QTest::addRow("not a name") << u"main/a"_s << u"a b"_s
                                    << u"cannot rename main/a: the name must be a task name (a letter or _, then letters, "
                                       "digits or _; at most 64 characters), got \"a b\""_s;
        QTest::addRow("empty") << u"main/a"_s << QString()
                               << u"cannot rename main/a: the name must be a task name (a letter or _, then letters, "
                                  "digits or _; at most 64 characters), got \"\""_s;
        QTest::addRow("too long") << u"main/a"_s << QString(65, u'x')
                                  << u"cannot rename main/a: the name is too long: 65 characters, at most 64 are allowed"_s;
        QTest::addRow("unknown") << u"main/q"_s << u"r"_s
                                 << u"cannot rename main/q: no task main/q: main defines no task named \"q\""_s;
    }
    void renameTaskRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, newName);
        QFETCH(QString, error);
        const Scenario scenario = scenarioWith(uR"([
            {"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]},{"name":"b","steps":[]}]},
            {"do":"shield","steps":[]}])"_s);
        verifyRefused(ScenarioEdit::renameTask(scenario, path, newName), error);
        QCOMPARE(ScenarioEdit::checkNewName(scenario, path, newName), error.section(u": "_s, 1));
    }

    void moveTask_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("delta");
        QTest::addColumn<QString>("expectedOrder");  // or the error
        QTest::addRow("down") << u"main/a"_s << 1 << u"b a c"_s;
        QTest::addRow("up two") << u"main/c"_s << -2 << u"c a b"_s;
        QTest::addRow("nothing") << u"main/b"_s << 0 << u"a b c"_s;
        QTest::addRow("past the top") << u"main/a"_s << -1 << u"cannot move main/a by -1: it is task 1 of 3 in its group step"_s;
        QTest::addRow("past the end") << u"main/c"_s << 1 << u"cannot move main/c by 1: it is task 3 of 3 in its group step"_s;
        QTest::addRow("a spawned task") << u"main/s"_s << 1 << u"cannot move main/s: it is the only task of its spawn step"_s;
        QTest::addRow("the root") << u"main"_s << 1 << u"cannot move main: it is the root task"_s;
    }
    void moveTask()
    {
        QFETCH(QString, path);
        QFETCH(int, delta);
        QFETCH(QString, expectedOrder);
        const Scenario scenario = scenarioWith(uR"([{"do":"spawn","link":"unstructured","task":{"name":"s","steps":[]}},
            {"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]},{"name":"b","steps":[]},{"name":"c","steps":[]}]}])"_s);
        const EditResult result = ScenarioEdit::moveTask(scenario, path, delta);
        if (expectedOrder.startsWith(u"cannot"_s)) {
            verifyRefused(result, expectedOrder);
            return;
        }
        QVERIFY2(result, qPrintable(result.error));
        QStringList order;
        for (const TaskSpec &task : result.scenario->root.body[1].tasks)
            order << task.name;
        QCOMPARE(order.join(u' '), expectedOrder);
        QCOMPARE(result.taskPath, path);
        verifyRoundTrip(*result.scenario);
    }

    void setSteps_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("stepsPointer");  // empty with an empty problem: accepted
        QTest::addColumn<QString>("problem");
        QTest::addRow("accepted") << uR"([{"do":"work","ms":20,"checkEvery":5},{"do":"checkpoint"}])"_s << QString() << QString();
        QTest::addRow("empty body") << u"[]"_s << QString() << QString();
        QTest::addRow("bad duration") << uR"([{"do":"sleep","ms":1},{"do":"sleep","ms":-5}])"_s << u"/1/ms"_s
                                      << u"must be a whole number of milliseconds from 0 to 31536000000, got -5"_s;
        QTest::addRow("unknown kind") << uR"([{"do":"nap"}])"_s << u"/0/do"_s << u"unknown step kind \"nap\""_s;
        QTest::addRow("not a step") << u"[5]"_s << u"/0"_s << u"must be a step object with \"do\", got 5"_s;
        QTest::addRow("nested") << uR"([{"do":"repeat","count":2,"steps":[{"do":"join","task":"ghost"}]}])"_s
                                << u"/0/steps/0/task"_s << u"no task named \"ghost\" was spawned earlier in the body of \"main/a\""_s;
    }
    void setSteps()
    {
        QFETCH(QString, steps);
        QFETCH(QString, stepsPointer);
        QFETCH(QString, problem);
        const Scenario scenario =
            scenarioWith(uR"([{"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]}]}])"_s);
        const QJsonArray array = json(steps).toArray();
        const EditResult result = ScenarioEdit::setSteps(scenario, u"main/a"_s, array);
        if (problem.isEmpty()) {
            QVERIFY2(result, qPrintable(result.error));
            QString error;
            QCOMPARE(ScenarioEdit::stepsOf(*result.scenario, u"main/a"_s, &error).value(), array);
            verifyRoundTrip(*result.scenario);
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.stepsPointer, stepsPointer);
        QVERIFY2(result.stepsProblem.startsWith(problem), qPrintable(result.stepsProblem));
        QCOMPARE(result.error, u"cannot change the steps of main/a: steps%1: %2"_s.arg(stepsPointer, result.stepsProblem));
    }

    void shieldAndTimeout_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("operation");  // "shield", "unshield", "timeout N", "no timeout"
        QTest::addColumn<QString>("expectedSteps");
        QTest::addColumn<bool>("shielded");
        QTest::addColumn<qint64>("timeoutMs");  // -1: none

        const QString body = uR"({"do":"sleep","ms":9})"_s;
        QTest::addRow("shield") << u"[%1]"_s.arg(body) << u"shield"_s
                                << uR"([{"do":"shield","steps":[%1]}])"_s.arg(body) << true << qint64(-1);
        QTest::addRow("shield twice is no change")
            << uR"([{"do":"shield","steps":[%1]}])"_s.arg(body) << u"shield"_s
            << uR"([{"do":"shield","steps":[%1]}])"_s.arg(body) << true << qint64(-1);
        QTest::addRow("unshield") << uR"([{"do":"shield","steps":[%1]}])"_s.arg(body) << u"unshield"_s
                                  << u"[%1]"_s.arg(body) << false << qint64(-1);
        QTest::addRow("unshield a body that is not one shield")
            << uR"([{"do":"shield","steps":[]},%1])"_s.arg(body) << u"unshield"_s
            << uR"([{"do":"shield","steps":[]},%1])"_s.arg(body) << false << qint64(-1);
        QTest::addRow("timeout") << u"[%1]"_s.arg(body) << u"timeout 250"_s
                                 << uR"([{"do":"timeout","ms":250,"steps":[%1]}])"_s.arg(body) << false << qint64(250);
        QTest::addRow("the timeout goes outside the shield")
            << uR"([{"do":"shield","steps":[%1]}])"_s.arg(body) << u"timeout 5"_s
            << uR"([{"do":"timeout","ms":5,"steps":[{"do":"shield","steps":[%1]}]}])"_s.arg(body) << true << qint64(5);
        QTest::addRow("the shield goes inside the timeout")
            << uR"([{"do":"timeout","ms":5,"steps":[%1]}])"_s.arg(body) << u"shield"_s
            << uR"([{"do":"timeout","ms":5,"steps":[{"do":"shield","steps":[%1]}]}])"_s.arg(body) << true << qint64(5);
        QTest::addRow("change the timeout")
            << uR"([{"do":"timeout","ms":5,"orNull":true,"steps":[%1]}])"_s.arg(body) << u"timeout 0"_s
            << uR"([{"do":"timeout","ms":0,"orNull":true,"steps":[%1]}])"_s.arg(body) << false << qint64(0);
        QTest::addRow("clear the timeout, keep the shield")
            << uR"([{"do":"timeout","ms":5,"steps":[{"do":"shield","steps":[%1]}]}])"_s.arg(body) << u"no timeout"_s
            << uR"([{"do":"shield","steps":[%1]}])"_s.arg(body) << true << qint64(-1);
        QTest::addRow("unshield, keep the timeout")
            << uR"([{"do":"timeout","ms":5,"steps":[{"do":"shield","steps":[%1]}]}])"_s.arg(body) << u"unshield"_s
            << uR"([{"do":"timeout","ms":5,"steps":[%1]}])"_s.arg(body) << false << qint64(5);
        QTest::addRow("a shield outside a timeout is not the task's timeout")
            << uR"([{"do":"shield","steps":[{"do":"timeout","ms":5,"steps":[]}]}])"_s << u"no timeout"_s
            << uR"([{"do":"shield","steps":[{"do":"timeout","ms":5,"steps":[]}]}])"_s << true << qint64(-1);
    }
    void shieldAndTimeout()
    {
        QFETCH(QString, steps);
        QFETCH(QString, operation);
        QFETCH(QString, expectedSteps);
        QFETCH(bool, shielded);
        QFETCH(qint64, timeoutMs);
        const Scenario scenario = scenarioWith(steps);
        EditResult result;
        if (operation == u"shield"_s || operation == u"unshield"_s)
            result = ScenarioEdit::setShield(scenario, u"main"_s, operation == u"shield"_s);
        else if (operation == u"no timeout"_s)
            result = ScenarioEdit::setTimeout(scenario, u"main"_s, std::nullopt);
        else
            result = ScenarioEdit::setTimeout(scenario, u"main"_s, operation.section(u' ', 1).toLongLong());
        verifyEdit(result, expectedSteps, u"main"_s);
        QString error;
        const auto facts = ScenarioEdit::taskFacts(*result.scenario, u"main"_s, &error);
        QVERIFY2(facts, qPrintable(error));
        QCOMPARE(facts->shielded, shielded);
        QCOMPARE(facts->timeoutMs.value_or(-1), timeoutMs);
    }

    void timeoutRefused_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addRow("negative") << qint64(-1);
        QTest::addRow("over a year") << ScenarioLoader::MaxMs + 1;
    }
    void timeoutRefused()
    {
        QFETCH(qint64, ms);
        verifyRefused(ScenarioEdit::setTimeout(scenarioWith(u"[]"_s), u"main"_s, ms),
                      u"cannot set a timeout on main: a timeout is from 0 to 31536000000 ms, got %1"_s.arg(ms));
    }

    void taskFactsOfChildren()
    {
        const Scenario scenario = scenarioWith(uR"([{"do":"gather","tasks":[{"name":"a","steps":[]},{"name":"b","steps":[]}]}])"_s);
        QString error;
        const auto b = ScenarioEdit::taskFacts(scenario, u"main/b"_s, &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->isRoot, false);
        QCOMPARE(b->startedBy, StepKind::Gather);
        QCOMPARE(b->indexInStep, 1);
        QCOMPARE(b->tasksInStep, 2);
        QVERIFY(ScenarioEdit::taskFacts(scenario, u"main"_s, &error)->isRoot);
        QVERIFY(!ScenarioEdit::taskFacts(scenario, u"main/c"_s, &error));
        QCOMPARE(error, u"no task main/c: main defines no task named \"c\""_s);
    }

    void runtimes_data()
    {
        QTest::addColumn<QStringList>("runtimes");
        QTest::addColumn<QString>("result");  // the runtimes after, or the error
        QTest::addRow("one") << QStringList{u"swift"_s} << u"swift"_s;
        QTest::addRow("reordered") << QStringList{u"kotlin"_s, u"asyncio"_s} << u"kotlin asyncio"_s;
        QTest::addRow("none") << QStringList{} << u"cannot set the runtimes: a scenario runs under at least one runtime"_s;
        QTest::addRow("repeated") << QStringList{u"swift"_s, u"kotlin"_s, u"swift"_s}
                                  << u"cannot set the runtimes: swift is listed twice"_s;
    }
    void runtimes()
    {
        QFETCH(QStringList, runtimes);
        QFETCH(QString, result);
        std::vector<Runtime> list;
        for (const QString &name : runtimes) {
            Runtime r;
            QVERIFY(runtimeFromName(name, &r));
            list.push_back(r);
        }
        const EditResult edited = ScenarioEdit::setRuntimes(scenarioWith(u"[]"_s), list);
        if (result.startsWith(u"cannot"_s)) {
            verifyRefused(edited, result);
            return;
        }
        QVERIFY2(edited, qPrintable(edited.error));
        QStringList names;
        for (Runtime r : edited.scenario->runtimes)
            names << runtimeName(r);
        QCOMPARE(names.join(u' '), result);
        verifyRoundTrip(*edited.scenario);
    }

    void defaultRuntime()
    {
        const EditResult edited = ScenarioEdit::setDefaultRuntime(scenarioWith(u"[]"_s), Runtime::Swift);
        QVERIFY2(edited, qPrintable(edited.error));
        QCOMPARE(edited.scenario->defaultRuntime(), Runtime::Swift);
        QCOMPARE(edited.scenario->runtimes.size(), std::size_t(3));
    }

    void unsupportedSteps()
    {
        const EditResult shielded = ScenarioEdit::setShield(scenarioWith(uR"([{"do":"sleep","ms":1}])"_s), u"main"_s, true);
        QVERIFY2(shielded, qPrintable(shielded.error));
        QCOMPARE(ScenarioEdit::unsupportedSteps(*shielded.scenario, Runtime::Kotlin), QStringList());
        QCOMPARE(ScenarioEdit::unsupportedSteps(*shielded.scenario, Runtime::Swift),
                 QStringList{u"/root/steps/0: a shield is not available in swift: Swift has no shield; escape with "
                             "Task.detached"_s});
    }

    void outlineListsEveryDefinitionInFileOrder()
    {
        const Scenario scenario = scenarioWith(uR"([
            {"do":"spawn","link":"unstructured","task":{"name":"job","steps":[{"do":"shield","steps":[]}]}},
            {"do":"try","steps":[{"do":"gather","tasks":[{"name":"a","count":3,"steps":[]}]}],"finally":[]},
            {"do":"timeout","ms":7,"steps":[{"do":"group","kind":"tolerant","tasks":[
                {"name":"b","steps":[{"do":"spawn","link":"detached","task":{"name":"c","steps":[]}}]}]}]}])"_s);
        QStringList lines;
        for (const OutlineEntry &e : ScenarioEdit::outline(scenario)) {
            lines << u"%1%2 <%3>%4%5%6"_s.arg(QString(e.depth * 2, u' '), e.specPath, e.startedBy,
                                               e.shielded ? u" shield"_s : QString(),
                                               e.timeoutMs ? u" timeout %1"_s.arg(*e.timeoutMs) : QString(),
                                               e.count > 1 ? u" x%1"_s.arg(e.count) : QString());
        }
        QCOMPARE(lines, (QStringList{u"main <>"_s,  // its body is more than the timeout step
                                     u"  main/job <spawn unstructured> shield"_s,
                                     u"  main/a <gather> x3"_s, u"  main/b <group tolerant>"_s,
                                     u"    main/b/c <spawn detached>"_s}));
    }

    void unavailableReason_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<TaskEdit>("edit");
        QTest::addColumn<Runtime>("runtime");
        QTest::addColumn<QString>("reason");
        const QString noShield = u"a shield is not available in swift: Swift has no shield; escape with Task.detached"_s;
        const QString noTimeout = u"a timeout is not available in swift: Swift has no built-in timeout; race the work "
                                  "against Task.sleep in a task group"_s;
        QTest::addRow("add to the root") << u"main"_s << TaskEdit::AddChild << Runtime::Swift << QString();
        QTest::addRow("delete the root") << u"main"_s << TaskEdit::Remove << Runtime::Kotlin
                                         << u"cannot remove main: it is the root task (the program itself)"_s;
        QTest::addRow("delete a child") << u"main/a"_s << TaskEdit::Remove << Runtime::Kotlin << QString();
        QTest::addRow("first up") << u"main/a"_s << TaskEdit::MoveUp << Runtime::Kotlin
                                  << u"cannot move main/a by -1: it is task 1 of 2 in its group step"_s;
        QTest::addRow("first down") << u"main/a"_s << TaskEdit::MoveDown << Runtime::Kotlin << QString();
        QTest::addRow("spawned") << u"main/s"_s << TaskEdit::MoveDown << Runtime::Kotlin
                                 << u"cannot move main/s: it is the only task of its spawn step"_s;
        QTest::addRow("shield in Kotlin") << u"main/a"_s << TaskEdit::ToggleShield << Runtime::Kotlin << QString();
        QTest::addRow("shield in Swift") << u"main/a"_s << TaskEdit::ToggleShield << Runtime::Swift << noShield;
        QTest::addRow("unshield in Swift") << u"main/b"_s << TaskEdit::ToggleShield << Runtime::Swift << QString();
        QTest::addRow("timeout in Swift") << u"main/a"_s << TaskEdit::SetTimeout << Runtime::Swift << noTimeout;
        QTest::addRow("change a timeout in Swift") << u"main/b"_s << TaskEdit::SetTimeout << Runtime::Swift << QString();
        QTest::addRow("clear no timeout") << u"main/a"_s << TaskEdit::ClearTimeout << Runtime::Asyncio
                                          << u"main/a has no timeout"_s;
        QTest::addRow("clear a timeout") << u"main/b"_s << TaskEdit::ClearTimeout << Runtime::Swift << QString();
        QTest::addRow("unknown task") << u"main/z"_s << TaskEdit::Rename << Runtime::Asyncio
                                      << u"no task main/z: main defines no task named \"z\""_s;
    }
    void unavailableReason()
    {
        QFETCH(QString, path);
        QFETCH(TaskEdit, edit);
        QFETCH(Runtime, runtime);
        QFETCH(QString, reason);
        const Scenario scenario = scenarioWith(uR"([{"do":"spawn","link":"unstructured","task":{"name":"s","steps":[]}},
            {"do":"group","kind":"strict","tasks":[{"name":"a","steps":[]},
                {"name":"b","steps":[{"do":"timeout","ms":5,"steps":[{"do":"shield","steps":[]}]}]}]}])"_s);
        QCOMPARE(ScenarioEdit::unavailableReason(scenario, path, edit, runtime), reason);
    }

    void newScenarioIsValidAndRuns()
    {
        const Scenario scenario = ScenarioEdit::newScenario();
        verifyRoundTrip(scenario);
        QCOMPARE(scenario.root.name, u"main"_s);
        for (Runtime runtime : scenario.runtimes)
            QCOMPARE(ScenarioEdit::unsupportedSteps(scenario, runtime), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestScenarioEdit)

#include "tst_scenarioedit.moc"
