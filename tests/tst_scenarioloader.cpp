// Scenario files: every malformed file is rejected with the documented
// "<file>:<line>:<column>: <pointer>: <problem>" message, every valid file loads and survives a
// round trip through scenarioToJson.

#include "jsonpointerlocator.h"
#include "scenarioloader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cascade;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &relative)
{
    return QStringLiteral(CASCADE_TEST_DATA "/") + relative;
}

// Field-by-field comparison (Step::pointer and Scenario::sourceName excepted), so that a field the
// writer forgets shows up even though parse(write(s)) would then round-trip "consistently".
QString diffSteps(const Steps &a, const Steps &b, const QString &path);

QString diffTasks(const std::vector<TaskSpec> &a, const std::vector<TaskSpec> &b, const QString &path)
{
    if (a.size() != b.size())
        return path + u": task count"_s;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const QString at = path + u'/' + QString::number(i);
        if (a[i].name != b[i].name || a[i].count != b[i].count || a[i].dispatcher != b[i].dispatcher)
            return at + u": name, count or dispatcher"_s;
        if (QString d = diffSteps(a[i].body, b[i].body, at + u"/steps"_s); !d.isEmpty())
            return d;
    }
    return {};
}

QString diffSteps(const Steps &a, const Steps &b, const QString &path)
{
    if (a.size() != b.size())
        return path + u": step count"_s;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Step &x = a[i];
        const Step &y = b[i];
        const QString at = path + u'/' + QString::number(i);
        if (x.kind != y.kind || x.ms != y.ms || x.checkEveryMs != y.checkEveryMs || x.check != y.check
            || x.text != y.text || x.error != y.error || x.ifCancelled != y.ifCancelled || x.count != y.count
            || x.from != y.from || x.groupKind != y.groupKind || x.limit != y.limit || x.awaitOrder != y.awaitOrder
            || x.link != y.link || x.target != y.target || x.shield != y.shield || x.orNull != y.orNull
            || x.timeoutStyle != y.timeoutStyle || x.catches.size() != y.catches.size()) {
            return at + u": scalar fields"_s;
        }
        for (std::size_t c = 0; c < x.catches.size(); ++c) {
            const CatchClause &p = x.catches[c];
            const CatchClause &q = y.catches[c];
            if (p.match != q.match || p.errorName != q.errorName || p.rethrow != q.rethrow)
                return at + u"/catch/"_s + QString::number(c);
            if (QString d = diffSteps(p.body, q.body, at + u"/catch/"_s + QString::number(c)); !d.isEmpty())
                return d;
        }
        for (const QString &d : {diffSteps(x.body, y.body, at + u"/steps"_s),
                                 diffSteps(x.finallyBody, y.finallyBody, at + u"/finally"_s),
                                 diffSteps(x.handler, y.handler, at + u"/handler"_s),
                                 diffTasks(x.tasks, y.tasks, at + u"/tasks"_s)}) {
            if (!d.isEmpty())
                return d;
        }
    }
    return {};
}

QString diffScenarios(const Scenario &a, const Scenario &b)
{
    if (a.id != b.id || a.title.en != b.title.en || a.title.ko != b.title.ko || a.explanation.en != b.explanation.en
        || a.explanation.ko != b.explanation.ko || a.runtimes != b.runtimes) {
        return u"metadata"_s;
    }
    if (a.captions != b.captions || a.questions != b.questions)
        return u"captions or predict"_s;
    return diffTasks({a.root}, {b.root}, u"/root"_s);
}

void collectKinds(const Steps &steps, QSet<StepKind> *kinds)
{
    for (const Step &step : steps) {
        kinds->insert(step.kind);
        collectKinds(step.body, kinds);
        collectKinds(step.finallyBody, kinds);
        collectKinds(step.handler, kinds);
        for (const CatchClause &clause : step.catches)
            collectKinds(clause.body, kinds);
        for (const TaskSpec &task : step.tasks)
            collectKinds(task.body, kinds);
    }
}

//! Every step's pointer must lead, in its own file, to an object whose "do" is the step's kind.
void checkPointers(const Steps &steps, const QByteArray &text)
{
    for (const Step &step : steps) {
        const qsizetype at = jsontext::locate(text, step.pointer + u"/do"_s);
        QVERIFY2(text.mid(at).startsWith('"' + stepKindName(step.kind).toUtf8() + '"'), qPrintable(step.pointer));
        checkPointers(step.body, text);
        checkPointers(step.finallyBody, text);
        checkPointers(step.handler, text);
        for (const CatchClause &clause : step.catches)
            checkPointers(clause.body, text);
        for (const TaskSpec &task : step.tasks)
            checkPointers(task.body, text);
    }
}

QByteArray scenarioWithSteps(const QByteArray &steps)
{
    return R"({"cascade": "scenario", "version": 1, "id": "t", "title": {"en": "T", "ko": "T"},
              "runtimes": ["asyncio"], "root": {"name": "main", "steps": [)" + steps + "]}}";
}

} // namespace

class TestScenarioLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names();
    void malformed_data();
    void malformed();
    void everyMalformedFileHasARow();
    void valid_data();
    void valid();
    void everyStepKindIsCovered();
    void docExample();
    void docExampleMatchesTheDocument();
    void lessonsRoundTrip();
    void numbers_data();
    void numbers();
    void limits();
    void fileErrors();
    void writerFormat();
    void messageDetails();
    void locator();
};

void TestScenarioLoader::names()
{
    const QStringList kinds = allStepKindNames();
    QCOMPARE(kinds.size(), 20);
    QCOMPARE(QSet<QString>(kinds.begin(), kinds.end()).size(), 20);
    for (const QString &name : allStepKindNames()) {
        StepKind kind = StepKind::Print;
        QVERIFY(stepKindFromName(name, &kind));
        QCOMPARE(stepKindName(kind), name);
    }
    for (const QString &name : allRuntimeNames()) {
        Runtime runtime = Runtime::Asyncio;
        QVERIFY(runtimeFromName(name, &runtime));
        QCOMPARE(runtimeName(runtime), name);
    }
    QCOMPARE(allRuntimeNames(), (QStringList{u"asyncio"_s, u"kotlin"_s, u"swift"_s}));
    StepKind kind = StepKind::Print;
    QVERIFY(!stepKindFromName(u"Sleep"_s, &kind));  // names are case-sensitive
    QVERIFY(!runtimeFromName(u"python"_s, nullptr));
}

namespace {

struct MalformedRow {
    const char *file;
    int line;
    int column;
    const char *expected;  // the message after "<file>:<line>:<column>: " starts with this
};

std::vector<MalformedRow> malformedRows()
{
    std::vector<MalformedRow> rows;
    auto row = [&rows](const char *file, int line, int column, const char *expected) {
        rows.push_back({file, line, column, expected});
    };
    // Syntax: the parser's position, no pointer.
    row("empty.json", 1, 1, "the file is empty; expected a JSON object with \"cascade\": \"scenario\"");
    row("blank.json", 3, 1, "the file is empty; expected a JSON object with \"cascade\": \"scenario\"");
    row("truncated.json", 10, 29, "JSON syntax error: the file ends too early; expected ',' or '}' after an object member");
    row("syntax-missing-comma.json", 3, 3, "JSON syntax error: expected ',' or '}' after an object member");
    row("syntax-missing-colon.json", 2, 13, "JSON syntax error: expected ':' after the key");
    row("syntax-trailing-comma.json", 11, 5, "JSON syntax error: a ',' must be followed by another member or element (trailing commas are not allowed)");
    row("syntax-unterminated-string.json", 5, 1, "JSON syntax error: the file ends too early; unterminated string: the closing '\"' is missing");
    row("syntax-garbage-after.json", 14, 1, "JSON syntax error: unexpected text after the end of the JSON object");
    row("syntax-bad-number.json", 10, 29, "JSON syntax error: invalid number");
    row("syntax-invalid-utf8.json", 10, 35, "JSON syntax error: a string is not valid UTF-8");
    row("json-too-deep.json", 1, 288, "arrays and objects are nested more than 256 levels deep; a scenario has at most 32 levels of tasks and steps");
    row("top-level-array.json", 1, 1, "the top level must be a JSON object (a scenario), got an array");
    row("top-level-string.json", 2, 1, "the top level must be a JSON object (a scenario), got a string");
    row("duplicate-key.json", 10, 34, "/root/steps/0/ms: duplicate key \"ms\" (first at line 10, column 23)");
    // The top level.
    row("not-a-scenario.json", 1, 1, "not a Cascade scenario: missing required key \"cascade\" (it must be \"scenario\")");
    row("wrong-cascade.json", 2, 14, "/cascade: must be \"scenario\", got \"lesson\"");
    row("wrong-version.json", 3, 14, "/version: must be 1, the only version of the format this program reads; got 2");
    row("unknown-top-key.json", 7, 3, "/author: unknown key \"author\"; expected one of: cascade, version, id, title, explanation, runtimes, root, captions, predict, note");
    row("missing-root.json", 1, 1, "missing required key \"root\" in the top-level object");
    row("bad-id.json", 4, 9, "/id: must be an id (a-z or 0-9, then a-z, 0-9 or -; at most 64 characters), got \"Cancel_Join\"");
    row("title-missing-ko.json", 5, 12, "/title: missing required key \"ko\" (text needs English \"en\" and Korean \"ko\")");
    row("title-empty-en.json", 5, 19, "/title/en: must not be empty");
    row("explanation-too-long.json", 7, 37, "/explanation/ko: is too long: 4001 characters, at most 4000 are allowed");
    row("runtimes-empty.json", 6, 15, "/runtimes: must list at least one runtime (\"asyncio\", \"kotlin\" or \"swift\")");
    row("runtimes-unknown.json", 6, 27, "/runtimes/1: unknown runtime \"java\"; expected one of: asyncio, kotlin, swift");
    row("runtimes-repeat.json", 6, 35, "/runtimes/2: \"kotlin\" is listed twice (first at /runtimes/0)");
    row("note-not-string.json", 10, 36, "/root/steps/0/note: must be a string (a note for authors, ignored by the engine), got an array");
    // Tasks.
    row("task-bad-name.json", 10, 64, "/root/steps/0/task/name: must be a task name (a letter or _, then letters, digits or _; at most 64 characters), got \"2fast\"");
    row("task-name-too-long.json", 10, 64, "/root/steps/0/task/name: is too long: 65 characters, at most 64 are allowed");
    row("task-count-zero.json", 10, 74, "/root/steps/0/tasks/0/count: must be a whole number from 1 to 1000000, got 0");
    row("task-dispatcher-bad.json", 10, 76, "/root/steps/0/task/dispatcher: must be \"Default\" or \"Main\", got \"IO\"");
    row("task-missing-steps.json", 10, 48, "/root/steps/0/task: missing required key \"steps\" for a task");
    row("task-unknown-key.json", 10, 75, "/root/steps/0/task/parent: unknown key \"parent\"; expected one of: name, steps, count, dispatcher, note");
    row("duplicate-sibling.json", 12, 62, "/root/steps/1/steps/0/tasks/0/name: duplicate task name \"chop\" among the children of \"main\" (first at /root/steps/0/task)");
    row("steps-not-array.json", 10, 45, "/root/steps/0/steps: must be an array of steps, got an object");
    row("step-not-object.json", 11, 7, "/root/steps/1: must be a step object with \"do\", got \"sleep 100\"");
    row("too-deep.json", 10, 1216, "/root/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0/steps/0: nesting is deeper than 32 levels (tasks and steps together)");
    // Steps in general.
    row("step-missing-do.json", 10, 7, "/root/steps/0: missing required key \"do\" (the kind of step)");
    row("step-unknown-kind.json", 10, 14, "/root/steps/0/do: unknown step kind \"sleeep\"; expected one of: sleep, work, checkpoint, ifCancelled, whileActive, print, raise, try, group, gather, spawn, join, cancel, cancelChildren, repeat, timeout, shield, onCancel, waitSignal, signal");
    row("step-unknown-key.json", 10, 34, "/root/steps/0/sleepy: unknown key \"sleepy\"; expected one of: do, ms, note");
    row("step-missing-ms.json", 10, 7, "/root/steps/0: missing required key \"ms\" for a \"sleep\" step");
    row("step-negative-ms.json", 11, 29, "/root/steps/1/ms: must be a whole number of milliseconds from 0 to 31536000000, got -5");
    row("step-fractional-ms.json", 10, 29, "/root/steps/0/ms: must be a whole number of milliseconds from 0 to 31536000000, got 1.5");
    row("step-ms-too-large.json", 10, 29, "/root/steps/0/ms: must be a whole number of milliseconds from 0 to 31536000000, got 31536000001");
    row("step-ms-inexact.json", 10, 29, "/root/steps/0/ms: must be a whole number of milliseconds from 0 to 31536000000, got 9007199254740993");
    row("step-ms-string.json", 10, 29, "/root/steps/0/ms: must be a whole number of milliseconds from 0 to 31536000000, got \"500\"");
    row("unicode-column.json", 10, 63, "/root/steps/1/ms: must be a whole number of milliseconds from 0 to 31536000000, got -1");
    // Rules of each kind.
    row("work-zero-ms.json", 10, 28, "/root/steps/0/ms: must be a whole number of milliseconds from 1 to 31536000000, got 0");
    row("work-check-every-too-big.json", 10, 47, "/root/steps/0/checkEvery: must be at most the work's \"ms\" (500), got 600");
    row("work-check-without-check-every.json", 10, 42, "/root/steps/0/check: needs \"checkEvery\" (how many milliseconds of work pass between two checks)");
    row("ifcancelled-error-without-raise.json", 10, 95, "/root/steps/0/steps/0/error: is allowed only with \"then\": \"raise\"");
    row("ifcancelled-break-outside-loop.json", 10, 37, "/root/steps/0/then: \"break\" needs an enclosing \"repeat\" or \"whileActive\" in the same task");
    row("raise-bad-error-name.json", 10, 32, "/root/steps/0/error: must be an error name (a letter or _, then letters, digits, _ or .; at most 64 characters), got \"Bad Error\"");
    row("print-text-too-long.json", 10, 31, "/root/steps/0/text: is too long: 1001 characters, at most 1000 are allowed");
    row("try-without-catch-or-finally.json", 10, 7, "/root/steps/0: a \"try\" step needs \"catch\", \"finally\" or both");
    row("try-empty-catch.json", 10, 43, "/root/steps/0/catch: must have at least one clause (leave \"catch\" out if nothing is caught)");
    row("catch-missing-error.json", 10, 44, "/root/steps/0/catch/0: missing required key \"error\" for a catch clause (\"cancellation\", \"any\" or an error name)");
    row("catch-rethrow-not-bool.json", 10, 72, "/root/steps/0/catch/0/rethrow: must be true or false, got \"yes\"");
    row("group-bad-kind.json", 10, 31, "/root/steps/0/kind: must be \"strict\" or \"tolerant\", got \"strictly\"");
    row("group-no-tasks.json", 10, 50, "/root/steps/0/tasks: must list at least one task");
    row("group-limit-zero.json", 10, 52, "/root/steps/0/limit: must be a whole number from 1 to 10000, got 0");
    row("cancel-children-outside-group.json", 10, 7, "/root/steps/0: \"cancelChildren\" is allowed only inside a group's \"steps\" (it cancels that group's tasks)");
    row("cancel-children-in-child-task.json", 10, 75, "/root/steps/0/tasks/0/steps/0: \"cancelChildren\" is allowed only inside a group's \"steps\"");
    row("gather-await-order-missing.json", 10, 105, "/root/steps/0/awaitOrder: must list every task of this gather exactly once; \"a\" is missing");
    row("gather-await-order-unknown.json", 10, 83, "/root/steps/0/awaitOrder/1: \"c\" is not a task of this gather; its tasks are: a");
    row("gather-await-order-twice.json", 10, 83, "/root/steps/0/awaitOrder/1: \"a\" is listed twice (first at /root/steps/0/awaitOrder/0)");
    row("spawn-missing-link.json", 10, 7, "/root/steps/0: missing required key \"link\" for a \"spawn\" step");
    row("spawn-two-tasks.json", 10, 51, "/root/steps/0/task: must be one task object: a spawn starts exactly one task");
    row("join-unknown-task.json", 10, 30, "/root/steps/0/task: no task named \"job\" was spawned earlier in the body of \"main\": join and cancel take the name of a task started by an earlier \"spawn\" step of the same task");
    row("join-before-spawn.json", 10, 32, "/root/steps/0/task: no task named \"job\" was spawned earlier in the body of \"main\"");
    row("cancel-from-child-body.json", 11, 109, "/root/steps/1/task/steps/0/task: no task named \"job\" was spawned earlier in the body of \"main/killer\"");
    row("join-group-task.json", 11, 30, "/root/steps/1/task: no task named \"a\" was spawned earlier in the body of \"main\": join and cancel take the name of a task started by an earlier \"spawn\" step of the same task; \"a\" (at /root/steps/0/tasks/0) is not started by a spawn step, and its group or gather awaits it");
    row("join-timeout-zero.json", 11, 48, "/root/steps/1/timeout: must be a whole number of milliseconds from 1 to 31536000000, got 0");
    row("join-shield-not-bool.json", 11, 47, "/root/steps/1/shield: must be true or false, got \"yes\"");
    row("repeat-count-too-big.json", 10, 33, "/root/steps/0/count: must be a whole number from 1 to 1000000, got 1000001");
    row("timeout-bad-style.json", 10, 45, "/root/steps/0/style: must be \"block\" or \"waitFor\", got \"wait_for\"");
    row("timeout-name-with-block.json", 10, 44, "/root/steps/0/name: names the inner task of \"style\": \"waitFor\"; a \"block\" timeout has no inner task");
    row("oncancel-handler-sleep.json", 10, 90, "/root/steps/0/handler/1/do: an onCancel handler may contain only \"print\" and \"signal\" steps, got \"sleep\"");
    row("oncancel-missing-handler.json", 10, 7, "/root/steps/0: missing required key \"handler\" for an \"onCancel\" step");
    row("wait-signal-bad-name.json", 10, 38, "/root/steps/0/signal: must be a signal name (a letter or _, then letters, digits or _; at most 64 characters), got \"next order\"");
    return rows;
}

} // namespace

void TestScenarioLoader::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    for (const MalformedRow &row : malformedRows()) {
        QTest::addRow("%s", row.file) << QString::fromLatin1(row.file) << row.line << row.column
                                      << QString::fromUtf8(row.expected);
    }
}

void TestScenarioLoader::malformed()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, expected);

    const QString path = dataPath(u"malformed/"_s + file);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QString error;
    const std::optional<Scenario> scenario = ScenarioLoader::loadFile(path, &error);
    QVERIFY2(!scenario, "a malformed file loaded");
    const QString prefix = u"%1:%2:%3: "_s.arg(path).arg(line).arg(column);
    QVERIFY2(error.startsWith(prefix), qPrintable(u"expected prefix %1\n   got message %2"_s.arg(prefix, error)));
    const QString rest = error.mid(prefix.size());
    QVERIFY2(rest.startsWith(expected), qPrintable(u"expected %1\n        got %2"_s.arg(expected, rest)));
    QVERIFY2(!error.contains(u'\n'), "messages are one line");
}

void TestScenarioLoader::everyMalformedFileHasARow()
{
    // A file dropped into malformed/ without an expectation would test nothing, and vice versa.
    QStringList rows;
    for (const MalformedRow &row : malformedRows())
        rows << QString::fromLatin1(row.file);
    rows.sort();
    QCOMPARE(rows.removeDuplicates(), qsizetype(0));
    const QStringList files = QDir(dataPath(u"malformed"_s)).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QCOMPARE(files, rows);
    QVERIFY(files.size() >= 35);
}

void TestScenarioLoader::valid_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(dataPath(u"valid"_s)).entryList({u"*.json"_s}, QDir::Files);
    QVERIFY(files.size() >= 3);
    for (const QString &file : files)
        QTest::addRow("%s", qPrintable(file)) << file;
}

void TestScenarioLoader::valid()
{
    QFETCH(QString, file);
    const QString path = dataPath(u"valid/"_s + file);
    QString error;
    const std::optional<Scenario> scenario = ScenarioLoader::loadFile(path, &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->sourceName, path);
    QFile source(path);
    QVERIFY(source.open(QIODevice::ReadOnly));
    checkPointers(scenario->root.body, source.readAll());
    if (QTest::currentTestFailed())
        return;

    const QByteArray written = scenarioToJson(*scenario);
    const std::optional<Scenario> reread = ScenarioLoader::parse(written, u"written"_s, &error);
    QVERIFY2(reread, qPrintable(error + u"\n"_s + QString::fromUtf8(written)));
    QCOMPARE(diffScenarios(*scenario, *reread), QString());
    QCOMPARE(scenarioToJson(*reread), written);
    checkPointers(reread->root.body, written);
}

void TestScenarioLoader::everyStepKindIsCovered()
{
    QString error;
    const auto scenario = ScenarioLoader::loadFile(dataPath(u"valid/every-step-kind.json"_s), &error);
    QVERIFY2(scenario, qPrintable(error));
    QSet<StepKind> kinds;
    collectKinds(scenario->root.body, &kinds);
    QCOMPARE(kinds.size(), allStepKindNames().size());
}

void TestScenarioLoader::docExample()
{
    QString error;
    const auto scenario = ScenarioLoader::loadFile(dataPath(u"valid/doc-example.json"_s), &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->id, u"kotlin-cancel-join"_s);
    QCOMPARE(scenario->title.ko, u"취소하고 기다리기"_s);
    QCOMPARE(scenario->runtimes, std::vector<Runtime>{Runtime::Kotlin});
    QCOMPARE(scenario->root.name, u"main"_s);
    const Steps &steps = scenario->root.body;
    QCOMPARE(steps.size(), std::size_t(6));
    QCOMPARE(steps[0].kind, StepKind::Spawn);
    QCOMPARE(steps[0].link, SpawnLink::Child);
    QCOMPARE(steps[0].tasks.size(), std::size_t(1));
    const Step &repeat = steps[0].tasks[0].body[0];
    QCOMPARE(repeat.kind, StepKind::Repeat);
    QCOMPARE(repeat.count, 1000);
    QCOMPARE(repeat.pointer, u"/root/steps/0/task/steps/0"_s);
    QCOMPARE(repeat.body[1].ms, qint64(500));
    QCOMPARE(steps[1].ms, qint64(1300));
    QCOMPARE(steps[3].kind, StepKind::Cancel);
    QCOMPARE(steps[3].target, u"job"_s);
    QCOMPARE(steps[4].kind, StepKind::Join);
    QCOMPARE(steps[5].pointer, u"/root/steps/5"_s);
}

void TestScenarioLoader::docExampleMatchesTheDocument()
{
    QFile doc(dataPath(u"../../docs/scenario-format.md"_s));
    if (!doc.open(QIODevice::ReadOnly))
        QSKIP("docs/scenario-format.md is not next to the tests");
    const QString text = QString::fromUtf8(doc.readAll());
    const QRegularExpression block(u"## Complete example\\s+```json\\n(.*?)```"_s,
                                   QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = block.match(text);
    QVERIFY(match.hasMatch());
    QFile copy(dataPath(u"valid/doc-example.json"_s));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(copy.readAll()), match.captured(1));
}

void TestScenarioLoader::lessonsRoundTrip()
{
    const QDir lessons(dataPath(u"../../resources/lessons"_s));
    const QStringList files = lessons.entryList({u"*.json"_s}, QDir::Files);
    if (files.isEmpty())
        QSKIP("no lessons next to the tests");
    for (const QString &file : files) {
        QString error;
        const auto scenario = ScenarioLoader::loadFile(lessons.filePath(file), &error);
        QVERIFY2(scenario, qPrintable(error));
        const QByteArray written = scenarioToJson(*scenario);
        const auto reread = ScenarioLoader::parse(written, file, &error);
        QVERIFY2(reread, qPrintable(error));
        QCOMPARE(diffScenarios(*scenario, *reread), QString());
    }
}

void TestScenarioLoader::numbers_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<qint64>("ms");  // -1: rejected
    QTest::addRow("integer") << QByteArray("250") << qint64(250);
    QTest::addRow("zero") << QByteArray("0") << qint64(0);
    QTest::addRow("negative zero") << QByteArray("-0") << qint64(0);
    QTest::addRow("integral fraction") << QByteArray("250.0") << qint64(250);
    QTest::addRow("exponent") << QByteArray("2.5e2") << qint64(250);
    QTest::addRow("one year") << QByteArray("31536000000") << ScenarioLoader::MaxMs;
    QTest::addRow("fraction") << QByteArray("0.5") << qint64(-1);
    QTest::addRow("tiny fraction") << QByteArray("1e-300") << qint64(-1);
    QTest::addRow("past 2^53") << QByteArray("9007199254740993") << qint64(-1);
    QTest::addRow("past int64") << QByteArray("99999999999999999999") << qint64(-1);
    QTest::addRow("huge") << QByteArray("1e300") << qint64(-1);
    QTest::addRow("true") << QByteArray("true") << qint64(-1);
    QTest::addRow("null") << QByteArray("null") << qint64(-1);
}

void TestScenarioLoader::numbers()
{
    QFETCH(QByteArray, literal);
    QFETCH(qint64, ms);
    QString error;
    const auto scenario = ScenarioLoader::parse(scenarioWithSteps(R"({"do": "sleep", "ms": )" + literal + "}"),
                                                u"n.json"_s, &error);
    if (ms < 0) {
        QVERIFY(!scenario);
        QVERIFY2(error.contains(u"/root/steps/0/ms: must be a whole number of milliseconds from 0 to 31536000000, got "_s
                                + QString::fromLatin1(literal)),
                 qPrintable(error));
    } else {
        QVERIFY2(scenario, qPrintable(error));
        QCOMPARE(scenario->root.body.at(0).ms, ms);
    }
}

void TestScenarioLoader::limits()
{
    QString error;
    // Steps: 10,000 load, one more does not.
    QByteArray steps;
    for (int i = 0; i < ScenarioLoader::MaxSteps; ++i)
        steps += i ? ", {\"do\": \"checkpoint\"}" : "{\"do\": \"checkpoint\"}";
    QVERIFY2(ScenarioLoader::parse(scenarioWithSteps(steps), u"s.json"_s, &error), qPrintable(error));
    QVERIFY(!ScenarioLoader::parse(scenarioWithSteps(steps + ", {\"do\": \"checkpoint\"}"), u"s.json"_s, &error));
    QVERIFY2(error.contains(u": /root/steps/10000: too many steps: a file may have at most 10000"_s), qPrintable(error));

    // Depth: the root task is level 1, so 31 nested steps fit and 32 do not.
    auto nested = [](int depth) {
        QByteArray step = "{\"do\": \"checkpoint\"}";
        for (int i = 1; i < depth; ++i)
            step = "{\"do\": \"shield\", \"steps\": [" + step + "]}";
        return scenarioWithSteps(step);
    };
    QVERIFY2(ScenarioLoader::parse(nested(ScenarioLoader::MaxDepth - 1), u"d.json"_s, &error), qPrintable(error));
    QVERIFY(!ScenarioLoader::parse(nested(ScenarioLoader::MaxDepth), u"d.json"_s, &error));
    QVERIFY2(error.contains(u"nesting is deeper than 32 levels"_s), qPrintable(error));

    // Size: checked before parsing.
    QByteArray big = scenarioWithSteps("{\"do\": \"checkpoint\"}");
    big.append(QByteArray(ScenarioLoader::MaxFileBytes + 1 - big.size(), ' '));
    QVERIFY(!ScenarioLoader::parse(big, u"big.json"_s, &error));
    QCOMPARE(error, u"big.json:1:1: the file is too large: 16777217 bytes, at most 16777216 (16 MiB) are allowed"_s);
    big.chop(1);
    QVERIFY2(ScenarioLoader::parse(big, u"big.json"_s, &error), qPrintable(error));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"huge.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ScenarioLoader::MaxFileBytes + 100));  // sparse: nothing is written
    file.close();
    QVERIFY(!ScenarioLoader::loadFile(file.fileName(), &error));
    QCOMPARE(error, file.fileName() + u":1:1: the file is too large: 16777316 bytes, at most 16777216 (16 MiB) are allowed"_s);
}

void TestScenarioLoader::fileErrors()
{
    QString error;
    const QString missing = dataPath(u"valid/no-such-file.json"_s);
    QVERIFY(!ScenarioLoader::loadFile(missing, &error));
    QVERIFY2(error.startsWith(missing + u": cannot open the file: "_s), qPrintable(error));
    // A null error pointer is allowed.
    QVERIFY(!ScenarioLoader::loadFile(missing, nullptr));
    QVERIFY(!ScenarioLoader::parse("{", u"x"_s, nullptr));
    QVERIFY(!ScenarioLoader::parse(scenarioWithSteps("{\"do\": 1}"), u"x"_s, nullptr));
}

void TestScenarioLoader::writerFormat()
{
    QString error;
    const auto scenario = ScenarioLoader::loadFile(dataPath(u"valid/doc-example.json"_s), &error);
    QVERIFY2(scenario, qPrintable(error));
    const QByteArray written = scenarioToJson(*scenario);
    QVERIFY2(written.startsWith("{\n  \"cascade\": \"scenario\",\n  \"version\": 1,\n  \"id\": \"kotlin-cancel-join\",\n"
                                "  \"title\": {\"en\": \"Cancel and join\", \"ko\": \"취소하고 기다리기\"},\n"),
             written.constData());
    QVERIFY(written.contains("\n      {\"do\": \"sleep\", \"ms\": 1300},\n"));
    QVERIFY(written.endsWith("}\n"));
    // Defaults are left out.
    QVERIFY(!written.contains("\"count\": 1,"));
    QVERIFY(!written.contains("\"from\""));
    QVERIFY(!written.contains("\"note\""));

    // Key order: runtimes before root, "do" first in a step; a built scenario writes too.
    Scenario built;
    built.id = u"built"_s;
    built.title = {u"B"_s, u"ㅂ"_s};
    built.runtimes = {Runtime::Swift, Runtime::Asyncio};
    built.root.name = u"main"_s;
    Step work;
    work.kind = StepKind::Work;
    work.ms = 100;
    work.checkEveryMs = 10;
    work.check = WorkCheck::Poll;
    built.root.body.push_back(work);
    const QByteArray out = scenarioToJson(built);
    QVERIFY2(out.contains("\"runtimes\": [\"swift\", \"asyncio\"],\n  \"root\""), out.constData());
    QVERIFY2(out.contains("{\"do\": \"work\", \"ms\": 100, \"checkEvery\": 10, \"check\": \"poll\"}"), out.constData());
    QVERIFY(!out.contains("explanation"));
    const auto reread = ScenarioLoader::parse(out, u"built"_s, &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(diffScenarios(built, *reread), QString());
}

void TestScenarioLoader::messageDetails()
{
    QString error;
    // The first unknown key in the file is named, not the first in sorted order.
    QVERIFY(!ScenarioLoader::parse(scenarioWithSteps(R"({"zeta": 1, "do": "sleep", "ms": 1, "alpha": 2})"), u"k.json"_s,
                                   &error));
    QVERIFY2(error.contains(u": /root/steps/0/zeta: unknown key \"zeta\"; expected one of: do, ms, note"_s), qPrintable(error));
    // Percent signs in file names and keys are not placeholders; control characters stay escaped.
    QVERIFY(!ScenarioLoader::parse(R"({"cascade": "scenario", "a%1": 1, "a%1": 2})", u"f%2.json"_s, &error));
    QCOMPARE(error, u"f%2.json:1:35: /a%1: duplicate key \"a%1\" (first at line 1, column 25)"_s);
    QVERIFY(!ScenarioLoader::parse(R"({"cascade": "scenario", "a\nb": 1})", u"c.json"_s, &error));
    QVERIFY2(error.startsWith(u"c.json:1:25: /a\\u000ab: unknown key \"a\\nb\""_s), qPrintable(error));
    // Keys with "/" and "~" are escaped in pointers.
    QVERIFY(!ScenarioLoader::parse(R"({"cascade": "scenario", "a/b~": 1})", u"e.json"_s, &error));
    QVERIFY2(error.startsWith(u"e.json:1:25: /a~1b~0: unknown key"_s), qPrintable(error));
    // A body may join what it spawned at any depth before, but not what a nested task spawned.
    QVERIFY2(ScenarioLoader::parse(scenarioWithSteps(R"({"do": "repeat", "count": 2, "steps": [
        {"do": "try", "steps": [{"do": "spawn", "link": "detached", "task": {"name": "j", "steps": []}}], "finally": []}]},
        {"do": "join", "task": "j"})"), u"j.json"_s, &error), qPrintable(error));
    QVERIFY(!ScenarioLoader::parse(scenarioWithSteps(R"({"do": "spawn", "link": "detached", "task": {"name": "outer", "steps": [
        {"do": "spawn", "link": "detached", "task": {"name": "inner", "steps": []}}]}},
        {"do": "cancel", "task": "inner"})"), u"j.json"_s, &error));
    QVERIFY2(error.contains(u"/root/steps/1/task: no task named \"inner\" was spawned earlier in the body of \"main\""_s),
             qPrintable(error));
    // Siblings: the same name in two different parents is fine.
    QVERIFY2(ScenarioLoader::parse(scenarioWithSteps(R"({"do": "group", "kind": "strict", "tasks": [
        {"name": "a", "steps": [{"do": "gather", "tasks": [{"name": "x", "steps": []}]}]},
        {"name": "b", "steps": [{"do": "gather", "tasks": [{"name": "x", "steps": []}]}]}]})"), u"s.json"_s, &error),
             qPrintable(error));
}

void TestScenarioLoader::locator()
{
    const QByteArray text = "\xEF\xBB\xBF{\"a/b\": [1, {\"c~d\": true}],\n \"\\u0065\": \"x\",\n\t\"\xED\x95\x9C\": [ ] }";
    using jsontext::locate;
    using jsontext::positionAt;
    QCOMPARE(locate(text, QString()), qsizetype(3));
    QCOMPARE(text.mid(locate(text, u"/a~1b/1/c~0d"_s), 4), QByteArray("true"));
    QCOMPARE(text.mid(locate(text, u"/a~1b/1/c~0d"_s, jsontext::Target::Key), 5), QByteArray("\"c~d\""));
    QCOMPARE(text.mid(locate(text, u"/e"_s), 3), QByteArray("\"x\""));  // "\u0065" is "e"
    QCOMPARE(text.mid(locate(text, u"/한"_s), 1), QByteArray("["));
    // Missing members fall back to the deepest ancestor that exists.
    QCOMPARE(locate(text, u"/a~1b/7"_s), locate(text, u"/a~1b"_s));
    QCOMPARE(locate(text, u"/nope/x"_s), qsizetype(3));
    // Columns count code points; the byte order mark is not one.
    QCOMPARE(positionAt(text, 3).column, 1);
    const auto hangul = positionAt(text, locate(text, u"/한"_s));
    QCOMPARE(hangul.line, 3);
    QCOMPARE(hangul.column, 7);  // tab, quote, 한, quote, colon, space
    QCOMPARE(positionAt(text, 1'000'000).line, 3);  // clamped

    const auto duplicate = jsontext::findDuplicateKey("{\"a\": [{\"k\": 1}, {\"k\": 1, \"x\": {}, \"k\": 2}]}");
    QVERIFY(duplicate);
    QCOMPARE(duplicate->pointer, u"/a/1/k"_s);
    QVERIFY(!jsontext::findDuplicateKey("{\"a\": {\"k\": 1}, \"b\": {\"k\": 1}}"));
    QCOMPARE(jsontext::splitPointer(u"/a~1b/~0/"_s), (QStringList{u"a/b"_s, u"~"_s, QString()}));
}

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
