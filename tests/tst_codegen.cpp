// Code generation (core/codegen.h): each step kind as Python, Kotlin and Swift; the line map the
// code view highlights from (every location has lines, ranges nest, check point, cleanup and
// no-equivalent lines are what they say); every lesson and random scenarios in every language;
// the generated Python compiles; the engine's step pointers all have a line; `cascade code`.

#include "randomscenario.h"
#include "clirunner.h"

#include "codegen.h"
#include "commandline.h"
#include "engine.h"
#include "lessons.h"
#include "scenarioloader.h"
#include "steplocations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace cascade;
using cascade::testing::runCli;
using cascade::testing::CliResult;
using namespace cascade::testing;

namespace {

QByteArray scenarioJson(const QByteArray &steps)
{
    return QByteArrayLiteral(R"({"cascade": "scenario", "version": 1, "id": "snippet", "title": {"en": "snippet", "ko": "snippet"},
        "runtimes": ["asyncio", "kotlin", "swift"], "root": {"name": "main", "steps": )") + steps + "}}";
}

//! The lines of `code` trimmed of their indentation.
QStringList trimmedLines(const GeneratedCode &code)
{
    QStringList lines;
    for (const CodeLine &line : code.lines)
        lines << line.text.trimmed();
    return lines;
}

//! Empty when every line of `expected` appears in `lines`, in this order (not necessarily adjacent).
QString missingInOrder(const QStringList &lines, const QStringList &expected)
{
    qsizetype at = 0;
    for (const QString &want : expected) {
        while (at < lines.size() && lines.at(at) != want)
            ++at;
        if (at == lines.size())
            return want;
        ++at;
    }
    return {};
}

//! Every property of the line map; empty when all hold, else the first problem.
QString lineMapProblem(const Scenario &scenario, const GeneratedCode &code)
{
    // The text and the lines are the same thing.
    const QStringList textLines = code.text.split(QLatin1Char('\n'));
    if (!code.text.endsWith(QLatin1Char('\n')) || textLines.size() - 1 != qsizetype(code.lines.size()))
        return QStringLiteral("text has %1 lines, the line list %2").arg(textLines.size() - 1).arg(code.lines.size());
    for (std::size_t i = 0; i < code.lines.size(); ++i) {
        if (code.lines[i].text != textLines.at(qsizetype(i)))
            return QStringLiteral("line %1 differs from the text").arg(i + 1);
        const int location = code.lines[i].location;
        if (location >= int(code.locations.size()))
            return QStringLiteral("line %1 names location %2 of %3").arg(i + 1).arg(location).arg(code.locations.size());
        if (location >= 0 && !code.lines[i].text.trimmed().isEmpty()) {
            const CodeLocation &at = code.locations[std::size_t(location)];
            if (int(i) + 1 < at.first || int(i) + 1 > at.last)
                return QStringLiteral("line %1 is outside its location %2").arg(i + 1).arg(at.pointer);
        }
    }
    // Every location has lines, a head among them, and is there once; ranges nest.
    const StepLocations locations(scenario);
    const Runtime runtime = runtimeOf(code.language);
    QSet<QString> seen;
    for (const CodeLocation &at : code.locations) {
        if (at.first < 1 || at.last < at.first || at.last > int(code.lines.size()) || at.head < at.first || at.head > at.last)
            return QStringLiteral("%1 has lines %2..%3, head %4").arg(at.pointer).arg(at.first).arg(at.last).arg(at.head);
        if (seen.contains(at.pointer))
            return QStringLiteral("%1 is there twice").arg(at.pointer);
        seen.insert(at.pointer);
        if (locations.indexOfPointer(at.pointer) < 0)
            return QStringLiteral("%1 is no location of the scenario").arg(at.pointer);
    }
    for (std::size_t a = 0; a < code.locations.size(); ++a) {
        for (std::size_t b = a + 1; b < code.locations.size(); ++b) {
            const CodeLocation &x = code.locations[a];
            const CodeLocation &y = code.locations[b];
            const bool disjoint = x.last < y.first || y.last < x.first;
            const bool nested = (x.first <= y.first && y.last <= x.last) || (y.first <= x.first && x.last <= y.last);
            if (!disjoint && !nested)
                return QStringLiteral("%1 (%2..%3) and %4 (%5..%6) overlap").arg(x.pointer).arg(x.first).arg(x.last)
                    .arg(y.pointer).arg(y.first).arg(y.last);
        }
    }
    for (int i = 0; i < locations.size(); ++i) {
        const StepLocations::Location &l = locations.at(i);
        // asyncio's inner tasks are tasks only in Python; elsewhere the steps run in place.
        const bool innerTask = l.kind == StepLocations::Kind::Task && !l.task;
        if (innerTask && code.language != CodeLanguage::Python)
            continue;
        if (!seen.contains(l.pointer))
            return QStringLiteral("%1 has no lines").arg(l.pointer);
        const CodeLocation *at = code.location(l.pointer);
        auto marked = [&](quint8 mark) {
            for (int n = at->first; n <= at->last; ++n) {
                if (code.lines[std::size_t(n - 1)].marks & mark)
                    return true;
            }
            return false;
        };
        // Steps that wait or check for cancellation have a check point line (Swift: only those
        // that look: a plain await does not check there).
        if (l.kind == StepLocations::Kind::Step) {
            const StepKind kind = l.step->kind;
            bool checks = kind == StepKind::Sleep || kind == StepKind::Checkpoint || kind == StepKind::IfCancelled
                || kind == StepKind::WhileActive || (kind == StepKind::Work && l.step->checkEveryMs > 0
                                                      && l.step->checkEveryMs < l.step->ms);
            if (runtime != Runtime::Swift)
                checks = checks || kind == StepKind::Gather || kind == StepKind::WaitSignal || kind == StepKind::Group
                    || kind == StepKind::Join;
            if (checks && !marked(CodeLine::CheckPoint))
                return QStringLiteral("%1 (%2) has no check point line").arg(l.pointer, stepKindName(kind));
        }
        if (l.kind == StepLocations::Kind::Finally) {
            for (int n = at->first; n <= at->last; ++n) {
                if (!(code.lines[std::size_t(n - 1)].marks & CodeLine::Cleanup))
                    return QStringLiteral("line %1 of %2 is not marked cleanup").arg(n).arg(l.pointer);
            }
        }
    }
    // "No equivalent" comments exactly where the runtime has no such construct.
    const bool unsupported = !Engine::unsupported(scenario, runtime).isEmpty();
    bool noEquivalent = false;
    for (const CodeLine &line : code.lines) {
        if (line.marks & CodeLine::NoEquivalent) {
            noEquivalent = true;
            if (!line.text.trimmed().startsWith(code.language == CodeLanguage::Python ? QLatin1String("#") : QLatin1String("//")))
                return QStringLiteral("a no-equivalent line is not a comment: %1").arg(line.text);
        }
    }
    if (unsupported && !noEquivalent)
        return QStringLiteral("%1 has constructs %2 lacks, and no comment says so")
            .arg(scenario.id, codeLanguageName(code.language));
    if (unsupported != !code.unsupported.isEmpty())
        return QStringLiteral("GeneratedCode::unsupported does not match Engine::unsupported");
    return {};
}

QString pythonExecutable()
{
    return QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3");
}

} // namespace

class TestCodegen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepKinds_data();
    void stepKinds();
    void lineMapOfLessons_data();
    void lineMapOfLessons();
    void lineMapOfRandomScenarios_data();
    void lineMapOfRandomScenarios();
    void everyEngineLocationHasALine_data();
    void everyEngineLocationHasALine();
    void pointersAreTheLoadersPointers();
    void sameScenarioSameText();
    void pythonCompiles();
    void commandLine_data();
    void commandLine();
    void commandLineMap();
};

void TestCodegen::stepKinds_data()
{
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<int>("language");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const QByteArray &steps, const QStringList &python, const QStringList &kotlin,
                        const QStringList &swift) {
        QTest::addRow("%s/python", name) << steps << int(CodeLanguage::Python) << python;
        QTest::addRow("%s/kotlin", name) << steps << int(CodeLanguage::Kotlin) << kotlin;
        QTest::addRow("%s/swift", name) << steps << int(CodeLanguage::Swift) << swift;
    };
    const QByteArray job = R"({"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 1000}]}})";
    row("sleep", R"([{"do": "sleep", "ms": 500}])", {"await asyncio.sleep(0.5)"}, {"delay(500L)"},
        {"try await Task.sleep(for: .milliseconds(500))"});
    row("work", R"([{"do": "work", "ms": 300}])", {"cpu_work(300)"}, {"cpuWork(300L)"}, {"cpuWork(milliseconds: 300)"});
    row("work with checks", R"([{"do": "work", "ms": 300, "checkEvery": 100}])",
        {"await cpu_work_with_check_points(300, every=100)"},
        {"for (slice in 0 until 3) {  // 300 ms of CPU work, a check every 100 ms", "if (slice > 0) yield()", "cpuWork(100L)"},
        {"for slice in 0..<3 {  // 300 ms of CPU work, a check every 100 ms", "if slice > 0 { try Task.checkCancellation() }"});
    row("work polling", R"([{"do": "work", "ms": 250, "checkEvery": 100, "check": "poll"}])",
        {"await cpu_work_polling(250, every=100)"},
        {"if (slice > 0 && !isActive) break", "cpuWork(minOf(100L, 250L - slice * 100L))"},
        {"if slice > 0 && Task.isCancelled { break }", "cpuWork(milliseconds: min(100, 250 - slice * 100))"});
    row("checkpoint", R"([{"do": "checkpoint"}])", {"await asyncio.sleep(0)  # check point"}, {"ensureActive()"},
        {"try Task.checkCancellation()"});
    row("ifCancelled", R"([{"do": "ifCancelled", "then": "raise", "error": "Stop"}])",
        {"if asyncio.current_task().cancelling():", "raise Stop()"}, {"if (!isActive) throw Stop()"},
        {"guard !Task.isCancelled else { throw Stop() }"});
    row("whileActive", R"([{"do": "whileActive", "steps": [{"do": "sleep", "ms": 10}]}])",
        {"while not asyncio.current_task().cancelling():", "await asyncio.sleep(0.01)"}, {"while (isActive) {", "delay(10L)"},
        {"while !Task.isCancelled {", "try await Task.sleep(for: .milliseconds(10))"});
    row("print", R"([{"do": "repeat", "count": 2, "steps": [{"do": "print", "text": "say \"{i}\" $1 {task}"}]}])",
        {"for i in range(2):", "print(f\"say \\\"{i}\\\" $1 main\")"}, {"repeat(2) { i ->", "println(\"say \\\"$i\\\" \\$1 main\")"},
        {"for i in 0..<2 {", "print(\"say \\\"\\(i)\\\" $1 main\")"});
    row("raise", R"([{"do": "raise", "error": "Boom", "message": "bad"}])", {"class Boom(Exception):", "raise Boom(\"bad\")"},
        {"class Boom(message: String? = null) : Exception(message)", "throw Boom(\"bad\")"},
        {"struct Boom: Error { var message = \"\" }", "throw Boom(message: \"bad\")"});
    row("try", R"([{"do": "try", "steps": [{"do": "sleep", "ms": 1}], "catch": [{"error": "cancellation", "rethrow": true}],
        "finally": [{"do": "print", "text": "bye"}]}])",
        {"try:", "except asyncio.CancelledError:", "raise", "finally:", "print(\"bye\")"},
        {"try {", "} catch (e: CancellationException) {", "throw e", "} finally {", "println(\"bye\")", "}"},
        {"do {", "defer {", "print(\"bye\")", "do {", "} catch let error as CancellationError {", "throw error"});
    row("group", R"([{"do": "group", "kind": "strict", "tasks": [{"name": "a", "steps": []}]}])",
        {"async with asyncio.TaskGroup() as tg:", "tg.create_task(a())"}, {"coroutineScope {", "launch {"},
        {"try await withThrowingTaskGroup(of: Void.self) { group in", "group.addTask { try await a() }", "for try await _ in group {}  // a child's error comes out here"});
    row("tolerant group", R"([{"do": "group", "kind": "tolerant", "tasks": [{"name": "a", "steps": []}]}])",
        {"await asyncio.gather(a(), return_exceptions=True)"}, {"supervisorScope {", "launch {"},
        {"await withTaskGroup(of: Void.self) { group in", "group.addTask { try? await a() }"});
    row("limited group", R"([{"do": "group", "kind": "strict", "limit": 2, "tasks": [{"name": "a", "count": 3, "steps": []}]}])",
        {"async def a(index, slots):", "async with slots:  # wait for a free slot of the group",
         "slots = asyncio.Semaphore(2)  # at most 2 of these tasks run at a time", "for n in range(3):", "tg.create_task(a(n, slots))"},
        {"val slots = Semaphore(2)  // at most 2 at a time", "repeat(3) { index ->", "slots.acquire()  // wait for a free slot before the next one starts"},
        {"for index in 0..<3 { work.append { try await a(index: index) } }"});
    row("gather", R"([{"do": "gather", "awaitOrder": ["b", "a"], "tasks": [{"name": "a", "steps": []}, {"name": "b", "steps": []}]}])",
        {"await asyncio.gather(a(), b())"}, {"awaitAll(", "async {"},
        {"async let aDone: Void = a()", "async let bDone: Void = b()", "_ = try await (bDone, aDone)"});
    row("spawn", "[" + job + "]", {"job_task = asyncio.create_task(job())"}, {"val job = GlobalScope.launch {"},
        {"let jobTask = Task { try await job() }"});
    row("join", "[" + job + R"(, {"do": "join", "task": "job"}])", {"await job_task"}, {"job.join()"}, {"try await jobTask.value"});
    row("join shielded with timeout", "[" + job + R"(, {"do": "join", "task": "job", "shield": true, "timeout": 1500}])",
        {"await asyncio.wait_for(asyncio.shield(job_task), timeout=1.5)"},
        {"withTimeout(1500L) { withContext(NonCancellable) { job.join() } }"},
        {"// No equivalent: a join with a timeout is not available in swift: Swift has no built-in timeout; race the work against Task.sleep in a task group",
         "// No equivalent: a shielded join is not available in swift: Swift has no shield; escape with Task.detached",
         "try await jobTask.value"});
    row("cancel", "[" + job + R"(, {"do": "cancel", "task": "job"}])", {"job_task.cancel()"}, {"job.cancel()"}, {"jobTask.cancel()"});
    row("cancelChildren", R"([{"do": "group", "kind": "strict", "tasks": [{"name": "a", "steps": []}], "steps": [{"do": "cancelChildren"}]}])",
        {"group_tasks = []", "group_tasks.append(tg.create_task(a()))", "for child in group_tasks:", "child.cancel()"},
        {"coroutineContext.cancelChildren()"}, {"group.cancelAll()"});
    row("repeat", R"([{"do": "repeat", "count": 3, "from": 1, "steps": [{"do": "print", "text": "{i}"}]}])",
        {"for i in range(1, 4):", "print(f\"{i}\")"}, {"for (i in 1 until 4) {", "println(\"$i\")"},
        {"for i in 1..<4 {", "print(\"\\(i)\")"});
    row("timeout", R"([{"do": "timeout", "ms": 1300, "orNull": true, "steps": [{"do": "sleep", "ms": 2000}]}])",
        {"try:", "async with asyncio.timeout(1.3):", "await asyncio.sleep(2)", "except TimeoutError:"},
        {"withTimeoutOrNull(1300L) {", "delay(2000L)"},
        {"// No equivalent: a timeout is not available in swift: Swift has no built-in timeout; race the work against Task.sleep in a task group",
         "// its steps, without it:", "try await Task.sleep(for: .milliseconds(2000))"});
    row("wait_for", R"([{"do": "timeout", "ms": 5000, "style": "waitFor", "name": "slow", "steps": [{"do": "sleep", "ms": 10000}]}])",
        {"async def slow():", "await asyncio.sleep(10)", "await asyncio.wait_for(slow(), timeout=5)"}, {"withTimeout(5000L) {"},
        {"// its steps, without it:"});
    row("shield", R"([{"do": "shield", "steps": [{"do": "sleep", "ms": 10}]}])",
        {"async def shielded():", "await asyncio.shield(shielded())"}, {"withContext(NonCancellable) {", "delay(10L)"},
        {"// No equivalent: a shield is not available in swift: Swift has no shield; escape with Task.detached"});
    row("onCancel", R"([{"do": "onCancel", "steps": [{"do": "waitSignal", "signal": "go"}], "handler": [{"do": "print", "text": "stop"}, {"do": "signal", "signal": "go"}]}])",
        {"# No equivalent: a cancellation handler (onCancel) is not available in asyncio: asyncio has no cancellation handler; future callbacks run only on a later loop iteration",
         "await go.get()", "# print(\"stop\")", "# go.put_nowait(None)"},
        {"withCancellationHandler(onCancel = {", "println(\"stop\")", "go.trySend(Unit)", "}) {", "go.receive()"},
        {"try await withTaskCancellationHandler {", "_ = await goWaiting.next()", "} onCancel: {", "print(\"stop\")", "go.yield()"});
    row("signals", R"([{"do": "signal", "signal": "go"}, {"do": "waitSignal", "signal": "go"}])",
        {"go = asyncio.Queue()", "go.put_nowait(None)", "await go.get()"},
        {"val go = Channel<Unit>(Channel.UNLIMITED)", "go.trySend(Unit)", "go.receive()"},
        {"let (goStream, go) = AsyncStream.makeStream(of: Void.self)", "go.yield()", "_ = await goWaiting.next()"});
    row("tasks made in a loop are numbered", R"([{"do": "repeat", "count": 2, "steps": [{"do": "spawn", "link": "unstructured",
        "task": {"name": "w", "steps": [{"do": "print", "text": "{task}"}]}}]}])",
        {"async def w(index):", "print(f\"w[{index}]\")", "w_numbers = itertools.count()  # w[0], w[1], ... in the order they start",
         "w_task = asyncio.create_task(w(next(w_numbers)))"},
        {"var wCount = 0  // w[0], w[1], ... in the order they start", "val wIndex = wCount++", "println(\"w[$wIndex]\")"},
        {"func w(index: Int) async throws {", "print(\"w[\\(index)]\")", "let wIndex = wCount; wCount += 1", "let wTask = Task { try await w(index: wIndex) }"});
}

void TestCodegen::stepKinds()
{
    QFETCH(QByteArray, steps);
    QFETCH(int, language);
    QFETCH(QStringList, expected);
    QString error;
    const std::optional<Scenario> scenario = ScenarioLoader::parse(scenarioJson(steps), QStringLiteral("snippet.json"), &error);
    QVERIFY2(scenario, qPrintable(error));
    const GeneratedCode code = generateCode(*scenario, CodeLanguage(language));
    const QString missing = missingInOrder(trimmedLines(code), expected);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing (in order): %1\n%2").arg(missing, code.text)));
    const QString problem = lineMapProblem(*scenario, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + code.text));
}

void TestCodegen::lineMapOfLessons_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("language");
    for (const QString &id : Lessons::ids()) {
        for (CodeLanguage language : {CodeLanguage::Python, CodeLanguage::Kotlin, CodeLanguage::Swift})
            QTest::addRow("%s/%s", qPrintable(id), qPrintable(codeLanguageName(language))) << id << int(language);
    }
}

void TestCodegen::lineMapOfLessons()
{
    QFETCH(QString, lesson);
    QFETCH(int, language);
    QString error;
    const std::optional<Scenario> scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    const GeneratedCode code = generateCode(*scenario, CodeLanguage(language));
    QVERIFY(!code.lines.empty());
    const QString problem = lineMapProblem(*scenario, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + code.text));
}

void TestCodegen::lineMapOfRandomScenarios_data()
{
    QTest::addColumn<int>("runtime");
    QTest::addColumn<int>("language");
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
        for (CodeLanguage language : {CodeLanguage::Python, CodeLanguage::Kotlin, CodeLanguage::Swift}) {
            QTest::addRow("%s scenarios/%s", qPrintable(runtimeName(runtime)), qPrintable(codeLanguageName(language)))
                << int(runtime) << int(language);
        }
    }
}

void TestCodegen::lineMapOfRandomScenarios()
{
    // Also a scenario written for one runtime in another language: what it lacks becomes comments.
    QFETCH(int, runtime);
    QFETCH(int, language);
    for (quint32 seed = 1; seed <= 60; ++seed) {
        const Scenario scenario = generateScenario(seed, Runtime(runtime));
        const GeneratedCode code = generateCode(scenario, CodeLanguage(language));
        const QString problem = lineMapProblem(scenario, code);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1: %2\n%3").arg(seed).arg(problem, code.text)));
    }
}

void TestCodegen::everyEngineLocationHasALine_data()
{
    QTest::addColumn<int>("runtime");
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
        QTest::addRow("%s", qPrintable(runtimeName(runtime))) << int(runtime);
}

void TestCodegen::everyEngineLocationHasALine()
{
    // Where the engine says a task stands (TraceEvent::step) is a line of the runtime's code: the
    // code view can highlight every event. Lessons and random scenarios, with random actions.
    QFETCH(int, runtime);
    std::vector<std::pair<Scenario, QList<UserAction>>> runs;
    for (const QString &id : Lessons::ids()) {
        QString error;
        const std::optional<Scenario> lesson = Lessons::load(id, &error);
        QVERIFY2(lesson, qPrintable(error));
        if (Engine::unsupported(*lesson, Runtime(runtime)).isEmpty())
            runs.emplace_back(*lesson, QList<UserAction>{});
    }
    for (quint32 seed = 1; seed <= 80; ++seed) {
        Scenario scenario = generateScenario(seed, Runtime(runtime));
        const QList<UserAction> actions = generateActions(seed, scenario, Runtime(runtime));
        runs.emplace_back(std::move(scenario), actions);
    }
    int located = 0;
    for (const auto &[scenario, actions] : runs) {
        const GeneratedCode code = generateCode(scenario, codeLanguageOf(Runtime(runtime)));
        Engine engine(scenario, Runtime(runtime));
        for (const UserAction &action : actions)
            engine.schedule(action);
        engine.runToEnd();
        for (const TraceEvent &event : engine.events()) {
            if (event.kind == EventKind::ActionIgnored) {
                QVERIFY2(event.step < 0, "an ignored action has no place");
                continue;
            }
            const QString pointer = engine.stepPointer(event.step);
            QVERIFY2(!pointer.isEmpty(), qPrintable(QStringLiteral("%1: seq %2 (%3 of %4) has no step").arg(scenario.id)
                                                         .arg(event.seq).arg(QLatin1String(eventKindName(event.kind)),
                                                                             engine.taskPath(event.task))));
            QVERIFY2(code.headLine(pointer) > 0, qPrintable(QStringLiteral("%1: %2 has no line in the %3 code")
                                                                .arg(scenario.id, pointer, codeLanguageName(code.language))));
            ++located;
        }
    }
    QVERIFY(located > 1000);
}

void TestCodegen::pointersAreTheLoadersPointers()
{
    // StepLocations names steps from the structure; a loaded file gives the same names.
    for (const QString &id : Lessons::ids()) {
        QString error;
        const std::optional<Scenario> lesson = Lessons::load(id, &error);
        QVERIFY2(lesson, qPrintable(error));
        const StepLocations locations(*lesson);
        int steps = 0;
        for (int i = 0; i < locations.size(); ++i) {
            const StepLocations::Location &l = locations.at(i);
            if (l.kind != StepLocations::Kind::Step)
                continue;
            QCOMPARE(l.pointer, l.step->pointer);
            QCOMPARE(locations.indexOf(*l.step), i);
            ++steps;
        }
        QVERIFY(steps > 0);
    }
}

void TestCodegen::sameScenarioSameText()
{
    for (CodeLanguage language : {CodeLanguage::Python, CodeLanguage::Kotlin, CodeLanguage::Swift}) {
        const Scenario scenario = generateScenario(7, Runtime::Asyncio);
        const GeneratedCode first = generateCode(scenario, language);
        const GeneratedCode second = generateCode(scenario, language);
        QCOMPARE(first.text, second.text);
        QCOMPARE(first.lineMapJson(), second.lineMapJson());
    }
}

void TestCodegen::pythonCompiles()
{
    // Every lesson and a hundred random scenarios of each runtime: python3 compiles all of them.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    auto write = [&](const Scenario &scenario) {
        const QString path = dir.filePath(QStringLiteral("program_%1.py").arg(files.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(generateCode(scenario, CodeLanguage::Python).text.toUtf8());
        files << path;
    };
    for (const QString &id : Lessons::ids()) {
        QString error;
        const std::optional<Scenario> lesson = Lessons::load(id, &error);
        QVERIFY2(lesson, qPrintable(error));
        write(*lesson);
    }
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
        for (quint32 seed = 1; seed <= 100; ++seed)
            write(generateScenario(seed, runtime));
    }
    QProcess python;
    python.start(pythonExecutable(), QStringList{QStringLiteral("-c"),
                                                 QStringLiteral("import py_compile, sys\n"
                                                                "for f in sys.argv[1:]:\n"
                                                                "    py_compile.compile(f, doraise=True)\n")}
                                         + files);
    QVERIFY2(python.waitForFinished(120'000), "python3 did not finish");
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             qPrintable(QString::fromUtf8(python.readAllStandardError())));
}

void TestCodegen::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("output");  // a line of standard output, or a piece of the message
    QTest::addRow("default language of the lesson") << QStringList{"code", "kotlin-cancel-join"} << int(ExitOk)
                                                    << QStringLiteral("fun main() = runBlocking {");
    QTest::addRow("python") << QStringList{"code", "asyncio-shield", "--lang", "python"} << int(ExitOk)
                            << QStringLiteral("        await asyncio.wait_for(asyncio.shield(critical_task), timeout=1)");
    QTest::addRow("swift by its runtime") << QStringList{"code", "asyncio-shield", "--runtime", "swift"} << int(ExitOk)
                                          << QStringLiteral("@main");
    QTest::addRow("unknown language") << QStringList{"code", "asyncio-shield", "--lang", "java"} << int(ExitBadInput)
                                      << QStringLiteral("unknown language 'java'");
    QTest::addRow("language and runtime disagree") << QStringList{"code", "asyncio-shield", "--lang", "python", "--runtime", "kotlin"}
                                                   << int(ExitBadInput) << QStringLiteral("does not go with --runtime kotlin");
    QTest::addRow("unknown lesson") << QStringList{"code", "no-such-lesson"} << int(ExitBadInput) << QStringLiteral("no-such-lesson");
    QTest::addRow("no scenario") << QStringList{"code"} << int(ExitBadInput) << QStringLiteral("missing lesson id or scenario file");
}

void TestCodegen::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, output);
    const CliResult result = runCli(arguments);
    QCOMPARE(result.status, status);
    if (status == ExitOk) {
        QVERIFY2(result.out.split(QLatin1Char('\n')).contains(output), qPrintable(result.out));
        QVERIFY(result.err.isEmpty());
    } else {
        QVERIFY2(result.err.contains(output), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);  // one line
        QVERIFY(result.out.isEmpty());
    }
}

void TestCodegen::commandLineMap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("map.json"));
    const CliResult result = runCli({"code", "asyncio-finally", "--map", "--output", path});
    QCOMPARE(result.status, int(ExitOk));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject map = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(map.value(QStringLiteral("language")).toString(), QStringLiteral("python"));
    bool finallyFound = false;
    for (const QJsonValue &value : map.value(QStringLiteral("locations")).toArray()) {
        const QJsonObject at = value.toObject();
        if (at.value(QStringLiteral("pointer")).toString() == QLatin1String("/root/steps/0/task/steps/0/finally")) {
            finallyFound = true;
            const QJsonArray cleanup = map.value(QStringLiteral("cleanup")).toArray();
            QVERIFY(cleanup.contains(at.value(QStringLiteral("head"))));
        }
    }
    QVERIFY(finallyFound);
    QVERIFY(map.value(QStringLiteral("checkPoints")).toArray().size() >= 2);
}

QTEST_GUILESS_MAIN(TestCodegen)
#include "tst_codegen.moc"
