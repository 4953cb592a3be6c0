// The same scenario, runtime and user actions give byte-identical traces however the run is driven:
// runToEnd(), step() one at a time, runUntil() at random increasing times then runToEnd(), a second
// Engine instance (and two engines stepped alternately, so that no state is shared between them).
// Inputs: every built-in lesson under every runtime it can run under (without actions and with
// random ones) and 200 random scenarios (tests/randomscenario.h) with random actions per runtime.
// Also: destroying an engine in the middle of a run frees everything (the ASan preset checks leaks).

#include "randomscenario.h"

#include "engine.h"
#include "lessons.h"
#include "scenarioloader.h"

#include <QTest>

#include <memory>
#include <optional>
#include <random>

using namespace cascade;
using namespace cascade::testing;

namespace {

constexpr int RandomSeeds = 200;
constexpr quint32 RandomSeedBase = 50'000;  // other seeds than tst_invariants uses

struct Input {
    QString label;
    Scenario scenario;
    Runtime runtime = Runtime::Asyncio;
    QList<UserAction> actions;
    quint32 seed = 0;
};

Engine::Options options()
{
    Engine::Options o;
    o.maxEvents = 200'000;  // lessons with random cancels could loop; determinism holds for aborted runs too
    return o;
}

void scheduleAll(Engine &engine, const Input &input)
{
    for (const UserAction &action : input.actions)
        engine.schedule(action);
}

struct RunOutcome {
    QByteArray trace;
    QString abortReason;
    qint64 now = 0;
    bool finished = false;
};

RunOutcome outcomeOf(const Engine &engine)
{
    return RunOutcome{engine.traceJsonLines(), engine.abortReason(), engine.now(), engine.finished()};
}

RunOutcome viaRunToEnd(const Input &input)
{
    Engine engine(input.scenario, input.runtime, options());
    scheduleAll(engine, input);
    engine.runToEnd();
    return outcomeOf(engine);
}

RunOutcome viaSteps(const Input &input, QString *problem)
{
    Engine engine(input.scenario, input.runtime, options());
    scheduleAll(engine, input);
    // A listener set right after construction sees every event, from seq 0 (the root's spawn is
    // emitted when the root starts), as it happens: exactly events(), in order.
    std::vector<TraceEvent> heard;
    engine.setListener([&heard](const TraceEvent &event) { heard.push_back(event); });
    qint64 steps = 0;
    while (engine.step()) {
        if (++steps > 50'000'000) {
            *problem = QStringLiteral("step() never returns false");
            break;
        }
    }
    if (engine.step())
        *problem = QStringLiteral("step() returns true again after returning false");
    const std::vector<TraceEvent> &events = engine.events();
    if (heard.size() != events.size())
        *problem = QStringLiteral("the listener heard %1 events, events() holds %2").arg(heard.size()).arg(events.size());
    const TaskPathResolver path = engine.pathResolver();
    for (std::size_t i = 0; i < heard.size() && i < events.size() && problem->isEmpty(); ++i) {
        const QByteArray got = traceEventToJson(heard[i], path);
        const QByteArray want = traceEventToJson(events[i], path);
        if (heard[i].seq != qint64(i))
            *problem = QStringLiteral("the listener heard seq %1 as event %2").arg(heard[i].seq).arg(i);
        else if (got != want)
            *problem = QStringLiteral("the listener heard %1 as event %2, events() has %3")
                           .arg(QString::fromUtf8(got), QString::number(i), QString::fromUtf8(want));
    }
    return outcomeOf(engine);
}

//! runUntil() at 8 random increasing times, then runToEnd(). *clock collects every place where
//! runUntil(t) went past t or left the clock before t (a separate property, see runUntilStopsAtItsTime).
RunOutcome viaRunUntil(const Input &input, quint32 seed, QStringList *clock)
{
    Engine engine(input.scenario, input.runtime, options());
    scheduleAll(engine, input);
    std::mt19937 rng(seed ^ 0x5bd1e995u);
    qint64 t = 0;
    for (int i = 0; i < 8; ++i) {
        t += qint64(rng() % 700);
        const qint64 before = engine.eventCount();
        engine.runUntil(t);
        if (engine.now() < t)
            *clock << QStringLiteral("runUntil(%1) leaves the clock at %2").arg(t).arg(engine.now());
        // Everything processed by this call was due at or before t.
        for (qint64 i2 = before; i2 < engine.eventCount(); ++i2) {
            if (engine.events()[std::size_t(i2)].t > t) {
                *clock << QStringLiteral("runUntil(%1) processed an event at %2: %3")
                              .arg(t)
                              .arg(engine.events()[std::size_t(i2)].t)
                              .arg(QString::fromUtf8(traceEventToJson(engine.events()[std::size_t(i2)], engine.pathResolver())));
                break;
            }
        }
    }
    engine.runToEnd();
    return outcomeOf(engine);
}

RunOutcome viaSecondInstance(const Input &input)
{
    // Two engines on the same scenario at once, stepped alternately: they must not share state.
    Engine first(input.scenario, input.runtime, options());
    Engine second(input.scenario, input.runtime, options());
    scheduleAll(first, input);
    scheduleAll(second, input);
    bool a = true;
    bool b = true;
    while (a || b) {
        if (a)
            a = first.step();
        if (b)
            b = second.step();
    }
    const RunOutcome one = outcomeOf(first);
    const RunOutcome two = outcomeOf(second);
    if (one.trace != two.trace)
        return RunOutcome{QByteArrayLiteral("(two engines stepped together differ)\n") + one.trace, {}, 0, false};
    return two;
}

QString firstDifference(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    for (qsizetype i = 0; i < std::max(la.size(), lb.size()); ++i) {
        const QByteArray x = i < la.size() ? la.at(i) : QByteArrayLiteral("(end)");
        const QByteArray y = i < lb.size() ? lb.at(i) : QByteArrayLiteral("(end)");
        if (x != y)
            return QStringLiteral("line %1:\n  %2\n  %3").arg(i + 1).arg(QString::fromUtf8(x), QString::fromUtf8(y));
    }
    return QStringLiteral("(no difference)");
}

QString describe(const Input &input)
{
    QStringList actions;
    for (const UserAction &action : input.actions)
        actions << describeAction(action);
    return QStringLiteral("%1 under %2, actions: %3")
        .arg(input.label, runtimeName(input.runtime), actions.isEmpty() ? QStringLiteral("(none)") : actions.join(QStringLiteral(", ")));
}

//! Empty when all ways to run the input give the same trace. *clock: see viaRunUntil().
QString compareWays(const Input &input, QStringList *clock)
{
    QString problem;
    const RunOutcome reference = viaRunToEnd(input);
    if (reference.trace.isEmpty())
        return QStringLiteral("empty trace");
    if (!reference.finished)
        return QStringLiteral("runToEnd() returned but finished() is false");
    const RunOutcome again = viaRunToEnd(input);
    const RunOutcome stepped = viaSteps(input, &problem);
    if (!problem.isEmpty())
        return QStringLiteral("step(): ") + problem;
    const RunOutcome chunked = viaRunUntil(input, input.seed, clock);
    const RunOutcome twin = viaSecondInstance(input);
    const std::pair<const char *, const RunOutcome *> ways[] = {
        {"runToEnd() again", &again}, {"step()", &stepped}, {"runUntil() in chunks", &chunked}, {"a second engine", &twin}};
    for (const auto &[name, outcome] : ways) {
        if (outcome->trace != reference.trace)
            return QStringLiteral("%1 gives another trace than runToEnd(): %2").arg(QString::fromLatin1(name), firstDifference(reference.trace, outcome->trace));
        if (outcome->abortReason != reference.abortReason)
            return QStringLiteral("%1 gives another abortReason: '%2' vs '%3'").arg(QString::fromLatin1(name), outcome->abortReason, reference.abortReason);
        if (!outcome->finished)
            return QStringLiteral("%1: not finished at the end").arg(QString::fromLatin1(name));
    }
    return {};
}

//! Runs every input; returns the failures (first few in full) and the runUntil clock problems.
struct Sweep {
    int inputs = 0;
    QStringList failures;
    QStringList clock;
};

Sweep sweep(const std::vector<Input> &inputs)
{
    Sweep result;
    for (const Input &input : inputs) {
        ++result.inputs;
        QStringList clock;
        const QString problem = compareWays(input, &clock);
        if (!problem.isEmpty()) {
            QString entry = QStringLiteral("%1: %2").arg(describe(input), problem);
            if (result.failures.isEmpty() && input.label.startsWith(QLatin1String("random")))
                entry += QStringLiteral("\nscenario:\n") + QString::fromUtf8(scenarioToJson(input.scenario));
            result.failures << entry;
        }
        if (!clock.isEmpty())
            result.clock << QStringLiteral("%1: %2").arg(describe(input), clock.first());
    }
    return result;
}

QString summary(const QStringList &failures, int inputs)
{
    return QStringLiteral("%1 of %2 inputs:\n%3").arg(failures.size()).arg(inputs).arg(failures.mid(0, 5).join(QStringLiteral("\n")));
}

std::vector<Input> lessonInputs(QString *error)
{
    std::vector<Input> inputs;
    const QStringList ids = Lessons::ids();
    quint32 seed = 0;
    for (const QString &id : ids) {
        const auto scenario = Lessons::load(id, error);
        if (!scenario)
            return {};
        for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
            if (!Engine::unsupported(*scenario, runtime).isEmpty())
                continue;
            Input plain;
            plain.label = QStringLiteral("lesson %1").arg(id);
            plain.scenario = *scenario;
            plain.runtime = runtime;
            plain.seed = ++seed;
            inputs.push_back(plain);
            Input acted = plain;
            acted.label += QStringLiteral(" with random actions");
            acted.seed = ++seed;
            acted.actions = generateActions(acted.seed, acted.scenario, runtime, 3);
            inputs.push_back(acted);
        }
    }
    return inputs;
}

Input randomInput(quint32 seed, Runtime runtime)
{
    Input input;
    input.label = QStringLiteral("random seed %1").arg(seed);
    input.scenario = generateScenario(seed, runtime);
    input.runtime = runtime;
    input.actions = generateActions(seed, input.scenario, runtime);
    input.seed = seed;
    return input;
}

std::vector<Input> randomInputs(Runtime runtime)
{
    std::vector<Input> inputs;
    for (quint32 seed = RandomSeedBase; seed < RandomSeedBase + RandomSeeds; ++seed)
        inputs.push_back(randomInput(seed, runtime));
    return inputs;
}

} // namespace

class TestDeterminism : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lessons();
    void randomScenarios_data();
    void randomScenarios();
    void runUntilStopsAtItsTime();
    void engineDestroyedMidRun();
};

void TestDeterminism::lessons()
{
    QString error;
    const std::vector<Input> inputs = lessonInputs(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (inputs.empty())
        QSKIP("no built-in lessons yet; the random scenarios still run");
    const Sweep result = sweep(inputs);
    QVERIFY2(result.failures.isEmpty(), qPrintable(summary(result.failures, result.inputs)));
}

void TestDeterminism::randomScenarios_data()
{
    QTest::addColumn<int>("runtime");
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
        QTest::addRow("%s", qPrintable(runtimeName(runtime))) << int(runtime);
}

void TestDeterminism::randomScenarios()
{
    QFETCH(int, runtime);
    const Sweep result = sweep(randomInputs(Runtime(runtime)));
    QCOMPARE(result.inputs, RandomSeeds);
    QVERIFY2(result.failures.isEmpty(), qPrintable(summary(result.failures, result.inputs)));
}

void TestDeterminism::runUntilStopsAtItsTime()
{
    // Engine::runUntil(t): "Process everything due at or before t; the clock then reads at least t."
    // Checked on every input above, separately from the trace comparison.
    QString error;
    std::vector<Input> inputs = lessonInputs(&error);
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift}) {
        for (Input &input : randomInputs(runtime))
            inputs.push_back(std::move(input));
    }
    QStringList problems;
    for (const Input &input : inputs) {
        QStringList clock;
        viaRunUntil(input, input.seed, &clock);
        if (!clock.isEmpty())
            problems << QStringLiteral("%1: %2").arg(describe(input), clock.first());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems, int(inputs.size()))));
}

void TestDeterminism::engineDestroyedMidRun()
{
    // Suspended coroutines (sleeping, joining, in groups, holding the CPU) are unwound by the
    // destructor; ASan/LSan reports a frame that is not freed. Nothing is traced after the stop.
    std::vector<Input> inputs;
    QString error;
    for (Input &input : lessonInputs(&error))
        inputs.push_back(std::move(input));
    for (quint32 seed = RandomSeedBase; seed < RandomSeedBase + 60; ++seed) {
        for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
            inputs.push_back(randomInput(seed, runtime));
    }
    for (const Input &input : inputs) {
        const RunOutcome full = viaRunToEnd(input);
        std::mt19937 rng(input.seed + 7u);
        for (int round = 0; round < 3; ++round) {
            const qint64 stopAt = qint64(rng() % 2500);
            qint64 heard = 0;
            {
                auto engine = std::make_unique<Engine>(input.scenario, input.runtime, options());
                scheduleAll(*engine, input);
                engine->runUntil(stopAt);
                // The trace so far is a prefix of the full trace.
                const QByteArray partial = engine->traceJsonLines();
                QVERIFY2(full.trace.startsWith(partial),
                         qPrintable(QStringLiteral("%1: the trace up to %2 is no prefix of the full trace: %3")
                                        .arg(describe(input)).arg(stopAt).arg(firstDifference(full.trace, partial))));
                engine->setListener([&heard](const TraceEvent &) { ++heard; });
                engine.reset();  // destroyed while tasks are suspended
            }
            QCOMPARE(heard, qint64(0));
        }
        {
            // A few single steps, then destroyed; and one never run at all.
            Engine stepped(input.scenario, input.runtime, options());
            scheduleAll(stepped, input);
            for (int i = 0; i < 5 && stepped.step(); ++i) {
            }
            Engine idle(input.scenario, input.runtime, options());
        }
    }
}

QTEST_GUILESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
