// Fidelity: the engine's asyncio profile against CPython's asyncio itself.
//
// Every asyncio lesson and a few hundred random asyncio scenarios (with random user cancels) are
// written as Python programs (generateCode), run on python3 under a virtual-time event loop by
// tests/fidelity/harness.py, and the events the real program produced are compared with the
// engine's trace of the same scenario and actions. docs/fidelity.md says what is compared (event
// kinds, causes, outcomes, virtual times), how it is normalized and what is not compared and why.
//
// One python3 process per core runs a batch of programs; each case is then a row of its own.

#include "randomscenario.h"

#include "codegen.h"
#include "engine.h"
#include "lessons.h"
#include "scenarioloader.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace cascade;
using namespace cascade::testing;

namespace {

// CASCADE_FIDELITY_SEEDS=N (and CASCADE_FIDELITY_FIRST_SEED=S) run N random scenarios from seed S
// instead, for a longer search (docs/fidelity.md).
constexpr int RandomScenarios = 240;
constexpr int FirstSeed = 1;

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value >= 0 ? value : fallback;
}

//! A normalized event: its virtual time, kind and the detail that is compared.
struct Normalized {
    QString task;   // path, with "@N" for the N-th later task of the same path
    QString line;   // "1300 cancel-request user", "500 end failed Boom", "0 print hello"
};

//! The events of one run, normalized (docs/fidelity.md).
struct Run {
    std::map<QString, QStringList> perTask;  // task key -> its events in order
    QStringList taskOrder;                   // keys in spawn order
    QStringList prints;                      // every print, in the order they happened
    QString error;
};

void add(Run *run, const QString &task, const QString &line)
{
    auto it = run->perTask.find(task);
    if (it == run->perTask.end()) {
        run->taskOrder << task;
        it = run->perTask.emplace(task, QStringList()).first;
    }
    it->second << line;
}

//! The engine's trace, normalized: the compared kinds only, tasks keyed by path and occurrence.
Run normalizeEngine(const Engine &engine)
{
    Run run;
    QHash<int, QString> keys;
    QHash<QString, int> pathCounts;
    for (const TraceEvent &e : engine.events()) {
        if (e.kind == EventKind::Spawn) {
            const QString path = engine.taskPath(e.task);
            const int n = pathCounts.value(path, 0);
            pathCounts.insert(path, n + 1);
            keys.insert(e.task, n == 0 ? path : QStringLiteral("%1@%2").arg(path).arg(n));
        }
        const QString key = keys.value(e.task);
        const QString t = QString::number(e.t);
        switch (e.kind) {
        case EventKind::Spawn:
            add(&run, key, t + QStringLiteral(" spawn"));
            break;
        case EventKind::Start:
            add(&run, key, t + QStringLiteral(" start"));
            break;
        case EventKind::CancelRequest:
            add(&run, key, QStringLiteral("%1 cancel-request %2").arg(t, QLatin1String(cancelCauseName(CancelCause(e.code)))));
            break;
        case EventKind::CancelDeliver:
            // `if task.cancelling(): raise CancelledError()` is the program raising it itself.
            if (e.text != QLatin1String("ifCancelled"))
                add(&run, key, t + QStringLiteral(" cancel-deliver"));
            break;
        case EventKind::Print:
            add(&run, key, QStringLiteral("%1 print %2").arg(t, e.text));
            run.prints << QStringLiteral("%1 %2 print %3").arg(t, key, e.text);
            break;
        case EventKind::End: {
            const QString outcome = QLatin1String(outcomeName(Outcome(e.code)));
            add(&run, key, QStringLiteral("%1 end %2 %3").arg(t, outcome, e.text).trimmed());
            break;
        }
        default:
            break;
        }
    }
    if (!engine.abortReason().isEmpty())
        run.error = engine.abortReason();
    return run;
}

Run normalizeHarness(const QJsonObject &result)
{
    Run run;
    run.error = result.value(QStringLiteral("error")).toString();
    for (const QJsonValue &value : result.value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = value.toObject();
        const QString task = e.value(QStringLiteral("task")).toString();
        const QString t = QString::number(e.value(QStringLiteral("t")).toInteger());
        const QString ev = e.value(QStringLiteral("ev")).toString();
        if (ev == QLatin1String("cancel-request")) {
            add(&run, task, QStringLiteral("%1 cancel-request %2").arg(t, e.value(QStringLiteral("cause")).toString()));
        } else if (ev == QLatin1String("print")) {
            const QString text = e.value(QStringLiteral("text")).toString();
            add(&run, task, QStringLiteral("%1 print %2").arg(t, text));
            run.prints << QStringLiteral("%1 %2 print %3").arg(t, task, text);
        } else if (ev == QLatin1String("end")) {
            const QString outcome = e.value(QStringLiteral("outcome")).toString();
            add(&run, task, QStringLiteral("%1 end %2 %3").arg(t, outcome, e.value(QStringLiteral("error")).toString()).trimmed());
        } else {
            add(&run, task, t + QLatin1Char(' ') + ev);
        }
    }
    return run;
}

//! Empty when both runs agree; else the first difference, readable.
QString compareRuns(const Run &engine, const Run &python)
{
    if (!python.error.isEmpty())
        return QStringLiteral("the Python program did not run to its end: %1").arg(python.error);
    if (!engine.error.isEmpty())
        return QStringLiteral("the engine stopped early: %1").arg(engine.error);
    if (engine.taskOrder != python.taskOrder) {
        return QStringLiteral("different tasks (in the order they were made)\n  engine: %1\n  asyncio: %2")
            .arg(engine.taskOrder.join(QStringLiteral(", ")), python.taskOrder.join(QStringLiteral(", ")));
    }
    for (const QString &task : engine.taskOrder) {
        const QStringList &a = engine.perTask.at(task);
        const QStringList &b = python.perTask.at(task);
        if (a == b)
            continue;
        QString diff = QStringLiteral("task %1 differs:\n").arg(task);
        const qsizetype n = std::max(a.size(), b.size());
        for (qsizetype i = 0; i < n; ++i) {
            const QString left = i < a.size() ? a.at(i) : QStringLiteral("-");
            const QString right = i < b.size() ? b.at(i) : QStringLiteral("-");
            diff += QStringLiteral("  %1 %2 | %3\n").arg(left == right ? QLatin1Char(' ') : QLatin1Char('*'))
                        .arg(left, -40).arg(right);
        }
        return diff + QStringLiteral("  (left: engine, right: asyncio)");
    }
    if (engine.prints != python.prints) {
        return QStringLiteral("the prints came in a different order\n  engine:\n    %1\n  asyncio:\n    %2")
            .arg(engine.prints.join(QStringLiteral("\n    ")), python.prints.join(QStringLiteral("\n    ")));
    }
    return {};
}

QString pythonExecutable()
{
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

//! One program to run: the scenario, the user's cancels, the engine's run and asyncio's.
struct Case {
    QString name;
    Scenario scenario;
    QList<UserAction> actions;
    QString module;
    GeneratedCode code;
    Run engine;
    Run python;
    bool ran = false;
};

} // namespace

class TestFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void engineMatchesAsyncio_data();
    void engineMatchesAsyncio();

private:
    void addCase(const QString &name, Scenario scenario, const QList<UserAction> &actions);
    QJsonObject manifestEntry(const Case &c) const;
    void runBatches();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<Case> m_cases;
    bool m_anyFailed = false;
};

void TestFidelity::addCase(const QString &name, Scenario scenario, const QList<UserAction> &actions)
{
    Case c;
    c.name = name;
    c.scenario = std::move(scenario);
    c.actions = actions;
    c.code = generateCode(c.scenario, CodeLanguage::Python);
    c.module = m_dir->filePath(QStringLiteral("case_%1.py").arg(m_cases.size()));
    QFile file(c.module);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(c.module));
    file.write(c.code.text.toUtf8());
    QFile json(m_dir->filePath(QStringLiteral("case_%1.json").arg(m_cases.size())));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(scenarioToJson(c.scenario));

    Engine engine(c.scenario, Runtime::Asyncio);
    for (const UserAction &action : actions)
        engine.schedule(action);
    engine.runToEnd();
    c.engine = normalizeEngine(engine);
    m_cases.push_back(std::move(c));
}

QJsonObject TestFidelity::manifestEntry(const Case &c) const
{
    QJsonObject functions;
    QString mainFunction;
    for (const CodeFunction &f : c.code.functions) {
        functions.insert(f.name, QJsonObject{{QStringLiteral("task"), f.taskName}, {QStringLiteral("indexed"), f.indexed}});
        if (f.pointer == QLatin1String("/root"))
            mainFunction = f.name;
    }
    QJsonArray actions;
    for (const UserAction &a : c.actions) {
        actions.append(QJsonObject{{QStringLiteral("at"), a.at}, {QStringLiteral("kind"), QStringLiteral("cancel")},
                                   {QStringLiteral("path"), a.taskPath}});
    }
    return QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("module"), c.module},
                       {QStringLiteral("main"), mainFunction}, {QStringLiteral("functions"), functions},
                       {QStringLiteral("actions"), actions}};
}

void TestFidelity::runBatches()
{
    const QString python = pythonExecutable();
    QVERIFY2(!python.isEmpty(), "python3 not found (scripts/install-deps.sh installs it)");
    const QString harness = QStringLiteral(CASCADE_SOURCE_DIR "/tests/fidelity/harness.py");
    constexpr int Batches = 2;  // one python3 per core
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int b = 0; b < Batches; ++b) {
        QJsonArray cases;
        for (std::size_t i = std::size_t(b); i < m_cases.size(); i += Batches)
            cases.append(manifestEntry(m_cases[i]));
        const QString manifest = m_dir->filePath(QStringLiteral("manifest_%1.json").arg(b));
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("cases"), cases}}).toJson());
        file.close();
        auto process = std::make_unique<QProcess>();
        process->start(python, {harness, manifest});
        processes.push_back(std::move(process));
    }
    QHash<QString, QJsonObject> results;
    for (auto &process : processes) {
        QVERIFY2(process->waitForFinished(300'000), "the harness did not finish in 5 minutes");
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 qPrintable(QString::fromUtf8(process->readAllStandardError())));
        for (const QByteArray &line : process->readAllStandardOutput().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject result = QJsonDocument::fromJson(line).object();
            results.insert(result.value(QStringLiteral("name")).toString(), result);
        }
    }
    for (Case &c : m_cases) {
        if (results.contains(c.name)) {
            c.python = normalizeHarness(results.value(c.name));
            c.ran = true;
        }
    }
}

void TestFidelity::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());

    for (const QString &id : Lessons::ids()) {
        QString error;
        const std::optional<Scenario> lesson = Lessons::load(id, &error);
        QVERIFY2(lesson, qPrintable(error));
        if (std::find(lesson->runtimes.begin(), lesson->runtimes.end(), Runtime::Asyncio) == lesson->runtimes.end())
            continue;
        addCase(QStringLiteral("lesson %1").arg(id), *lesson, {});
    }
    const int first = envInt("CASCADE_FIDELITY_FIRST_SEED", FirstSeed);
    const int count = envInt("CASCADE_FIDELITY_SEEDS", RandomScenarios);
    for (int seed = first; seed < first + count; ++seed) {
        Scenario scenario = generateScenario(quint32(seed), Runtime::Asyncio);
        QList<UserAction> cancels;
        for (const UserAction &action : generateActions(quint32(seed), scenario, Runtime::Asyncio)) {
            if (action.kind == UserAction::Kind::Cancel)
                cancels << action;  // the only action asyncio has an API for (docs/fidelity.md)
        }
        addCase(QStringLiteral("random %1").arg(seed), std::move(scenario), cancels);
    }
    runBatches();
}

void TestFidelity::cleanupTestCase()
{
    if (m_anyFailed && m_dir) {
        m_dir->setAutoRemove(false);
        qInfo("the programs and scenarios of this run are kept in %s", qPrintable(m_dir->path()));
    }
}

void TestFidelity::engineMatchesAsyncio_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_cases.size(); ++i)
        QTest::newRow(qPrintable(m_cases[i].name)) << int(i);
}

void TestFidelity::engineMatchesAsyncio()
{
    QFETCH(int, index);
    const Case &c = m_cases[std::size_t(index)];
    QVERIFY2(c.ran, "the harness gave no result for this case");
    const QString difference = compareRuns(c.engine, c.python);
    if (!difference.isEmpty()) {
        m_anyFailed = true;
        QStringList actions;
        for (const UserAction &a : c.actions)
            actions << describeAction(a);
        QFAIL(qPrintable(QStringLiteral("%1\n  program: %2\n  actions: %3\n%4")
                             .arg(c.name, c.module, actions.isEmpty() ? QStringLiteral("none") : actions.join(QStringLiteral(", ")),
                                  difference)));
    }
}

QTEST_GUILESS_MAIN(TestFidelity)
#include "tst_fidelity.moc"
