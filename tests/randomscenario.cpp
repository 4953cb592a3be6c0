// Scenario generation (randomscenario.h); the paths and actions are in randomactions.cpp.

#include "randomscenario.h"
#include "seededrng.h"

#include <QMap>
#include <QtGlobal>

#include <algorithm>
#include <utility>
#include <vector>

namespace cascade::testing {

QString shieldEnterPrefix()
{
    return QStringLiteral("~nc-enter #");
}

QString shieldExitPrefix()
{
    return QStringLiteral("~nc-exit #");
}

QString signallerName()
{
    return QStringLiteral("signaller");
}

QStringList userFailErrors()
{
    return {QStringLiteral("UserError"), QStringLiteral("UserFault")};
}

namespace {

constexpr int MaxTaskDepth = 4;    // the root is depth 0
constexpr int MaxStepDepth = 3;    // nesting of compound steps inside one task body
constexpr qint64 MaxSignalWaits = 60;

//! Where in the scenario a step is being generated.
struct Ctx {
    int taskDepth = 0;
    int stepDepth = 0;
    qint64 mult = 1;            // how many times this point can run in the whole scenario
    bool inLoop = false;        // inside repeat / whileActive of the same task ("break" allowed)
    bool inGroupSteps = false;  // inside a group's steps ("cancelChildren" allowed)
    QStringList *handles = nullptr;  // tasks spawned earlier in this task's body
};

class Generator {
public:
    Generator(quint32 seed, Runtime runtime, ScenarioFacts *facts)
        : m_rng(seed * 2654435761u + 17u)
        , m_runtime(runtime)
        , m_facts(*facts)
    {
        m_taskBudget = m_rng.range(4, 36);
        m_stepBudget = m_rng.range(8, 55);
    }

    Scenario run(quint32 seed)
    {
        Scenario scenario;
        scenario.id = QStringLiteral("random-%1").arg(seed);
        scenario.title = {QStringLiteral("random %1").arg(seed), QStringLiteral("무작위 %1").arg(seed)};
        scenario.runtimes = {m_runtime};
        scenario.sourceName = QStringLiteral("generated:%1/%2").arg(seed).arg(runtimeName(m_runtime));
        scenario.root.name = QStringLiteral("main");

        QStringList handles;
        Ctx ctx;
        ctx.handles = &handles;
        scenario.root.body = body(ctx, 2, 6);
        addSignaller(&scenario.root);
        m_facts.taskBound = m_tasksMade + 1;
        return scenario;
    }

private:
    QString newName() { return QStringLiteral("t%1").arg(m_nextName++); }

    qint64 ms(int maxSteps50)
    {
        // Mostly multiples of 50 ms so that events of different tasks often fall on the same time.
        if (m_rng.chance(80))
            return qint64(m_rng.range(0, maxSteps50)) * 50;
        return m_rng.range(0, maxSteps50 * 50);
    }

    bool canMakeTasks(const Ctx &ctx, qint64 count = 1) const
    {
        return ctx.taskDepth < MaxTaskDepth && ctx.mult * count <= m_taskBudget;
    }

    void spendTasks(const Ctx &ctx, int count)
    {
        m_taskBudget -= int(ctx.mult * count);
        m_tasksMade += int(ctx.mult * count);
    }

    Steps body(const Ctx &ctx, int minSteps, int maxSteps)
    {
        Steps steps;
        const int n = m_rng.range(minSteps, maxSteps);
        for (int i = 0; i < n; ++i) {
            if (i >= minSteps && m_stepBudget <= 0)
                break;
            steps.push_back(step(ctx));
        }
        return steps;
    }

    //! A task definition made at `ctx` (the creator's context); its body is a new task context.
    TaskSpec task(const Ctx &ctx, bool allowCount)
    {
        TaskSpec spec;
        spec.name = newName();
        const int maxCount = int(std::min<qint64>(3, m_taskBudget / std::max<qint64>(1, ctx.mult)));
        spec.count = allowCount && maxCount >= 2 && m_rng.chance(25) ? m_rng.range(2, maxCount) : 1;
        spendTasks(ctx, spec.count);
        if (m_runtime == Runtime::Kotlin && m_rng.chance(20))
            spec.dispatcher = m_rng.chance(50) ? Dispatcher::Default : Dispatcher::Main;
        QStringList handles;
        Ctx inner;
        inner.taskDepth = ctx.taskDepth + 1;
        inner.mult = ctx.mult * spec.count;
        inner.handles = &handles;
        spec.body = body(inner, 1, 4);
        return spec;
    }

    std::vector<TaskSpec> taskList(const Ctx &ctx)
    {
        std::vector<TaskSpec> tasks;
        const int n = m_rng.range(1, 3);
        for (int i = 0; i < n && (i == 0 || canMakeTasks(ctx)); ++i)
            tasks.push_back(task(ctx, true));
        return tasks;
    }

    //! A new task context for an asyncio inner task (wait_for / shield body).
    static Ctx innerTaskCtx(const Ctx &ctx, QStringList *handles)
    {
        Ctx inner;
        inner.taskDepth = ctx.taskDepth + 1;
        inner.mult = ctx.mult;
        inner.handles = handles;
        return inner;
    }

    static Ctx nested(const Ctx &ctx)
    {
        Ctx inner = ctx;
        inner.stepDepth = ctx.stepDepth + 1;
        return inner;
    }

    Step leafSleep(int maxSteps50 = 20)
    {
        Step s;
        s.kind = StepKind::Sleep;
        s.ms = ms(maxSteps50);
        return s;
    }

    Step print(const Ctx &ctx)
    {
        Step s;
        s.kind = StepKind::Print;
        static const QStringList texts{QStringLiteral("p"), QStringLiteral("{task} at {i}"),
                                       QStringLiteral("working"), QStringLiteral("done {i}")};
        s.text = ctx.inLoop && m_rng.chance(50) ? QStringLiteral("loop {i}") : m_rng.pick(texts);
        return s;
    }

    Step signal()
    {
        Step s;
        s.kind = StepKind::Signal;
        s.target = m_rng.chance(50) ? QStringLiteral("s0") : QStringLiteral("s1");
        return s;
    }

    enum class Choice {
        Sleep, Work, Checkpoint, IfCancelled, Print, Raise, Signal, WaitSignal, Join, Cancel, CancelChildren,
        Try, Repeat, WhileActive, Timeout, Shield, OnCancel, Group, Gather, Spawn
    };

    Step step(const Ctx &ctx)
    {
        --m_stepBudget;
        std::vector<std::pair<Choice, int>> weights{
            {Choice::Sleep, 12}, {Choice::Work, 6}, {Choice::Checkpoint, 5}, {Choice::IfCancelled, 4},
            {Choice::Print, 5},  {Choice::Raise, 3}, {Choice::Signal, 1},    {Choice::WaitSignal, 2},
        };
        if (!ctx.handles->isEmpty()) {
            weights.emplace_back(Choice::Join, 8);
            weights.emplace_back(Choice::Cancel, 4);
        }
        if (ctx.inGroupSteps)
            weights.emplace_back(Choice::CancelChildren, 5);
        if (ctx.stepDepth < MaxStepDepth && m_stepBudget > 2) {
            weights.emplace_back(Choice::Try, 7);
            weights.emplace_back(Choice::Repeat, 3);
            weights.emplace_back(Choice::WhileActive, 3);
            if (m_runtime != Runtime::Swift) {
                weights.emplace_back(Choice::Timeout, 5);
                weights.emplace_back(Choice::Shield, 5);
            }
            if (m_runtime != Runtime::Asyncio)
                weights.emplace_back(Choice::OnCancel, 4);
        }
        if (canMakeTasks(ctx)) {
            weights.emplace_back(Choice::Group, 5);
            weights.emplace_back(Choice::Gather, 4);
            weights.emplace_back(Choice::Spawn, 8);
        }
        int total = 0;
        for (const auto &w : weights)
            total += w.second;
        int roll = m_rng.range(0, total - 1);
        Choice choice = Choice::Print;
        for (const auto &w : weights) {
            if (roll < w.second) {
                choice = w.first;
                break;
            }
            roll -= w.second;
        }
        return make(choice, ctx);
    }

    Step make(Choice choice, const Ctx &ctx)
    {
        Step s;
        switch (choice) {
        case Choice::Sleep:
            return leafSleep();
        case Choice::Work: {
            s.kind = StepKind::Work;
            s.ms = m_rng.range(1, 12) * 50 - (m_rng.chance(20) ? m_rng.range(1, 49) : 0);
            if (m_rng.chance(50)) {
                s.checkEveryMs = std::max<qint64>(1, s.ms / m_rng.range(1, 6));
                s.check = m_rng.chance(60) ? WorkCheck::Throw : WorkCheck::Poll;
            }
            return s;
        }
        case Choice::Checkpoint:
            s.kind = StepKind::Checkpoint;
            return s;
        case Choice::IfCancelled: {
            s.kind = StepKind::IfCancelled;
            const int roll = m_rng.range(0, 99);
            if (roll < 25 && ctx.inLoop) {
                s.ifCancelled = IfCancelledAction::Break;
            } else if (roll < 65) {
                s.ifCancelled = IfCancelledAction::Raise;
                if (m_rng.chance(50))
                    s.error = QStringLiteral("Boom");
            } else {
                s.ifCancelled = IfCancelledAction::Return;
            }
            return s;
        }
        case Choice::Print:
            return print(ctx);
        case Choice::Raise:
            s.kind = StepKind::Raise;
            s.error = m_rng.chance(50) ? QStringLiteral("Boom") : QStringLiteral("Oops");
            if (m_rng.chance(50))
                s.text = QStringLiteral("raised by {task}");
            return s;
        case Choice::Signal:
            return signal();
        case Choice::WaitSignal: {
            s.kind = StepKind::WaitSignal;
            s.target = m_rng.chance(50) ? QStringLiteral("s0") : QStringLiteral("s1");
            qint64 total = 0;
            for (auto it = m_waits.cbegin(); it != m_waits.cend(); ++it)
                total += it.value();
            if (total + ctx.mult > MaxSignalWaits)
                return signal();  // too many possible waits to answer: send instead
            m_waits[s.target] += ctx.mult;
            ++m_facts.waitSignalSteps;
            return s;
        }
        case Choice::Join:
            s.kind = StepKind::Join;
            s.target = m_rng.pick(*ctx.handles);
            if (m_runtime != Runtime::Swift) {
                s.shield = m_rng.chance(25);
                if (m_rng.chance(25))
                    s.ms = m_rng.range(1, 30) * 50;
            }
            return s;
        case Choice::Cancel:
            s.kind = StepKind::Cancel;
            s.target = m_rng.pick(*ctx.handles);
            return s;
        case Choice::CancelChildren:
            s.kind = StepKind::CancelChildren;
            return s;
        case Choice::Try:
            return makeTry(ctx);
        case Choice::Repeat: {
            s.kind = StepKind::Repeat;
            s.count = m_rng.range(1, 3);
            if (m_rng.chance(30))
                s.from = m_rng.range(1, 2);
            Ctx inner = nested(ctx);
            inner.inLoop = true;
            inner.mult = ctx.mult * s.count;
            s.body = body(inner, 1, 3);
            return s;
        }
        case Choice::WhileActive: {
            s.kind = StepKind::WhileActive;
            s.count = m_rng.range(1, 3);  // always bounded
            Ctx inner = nested(ctx);
            inner.inLoop = true;
            inner.mult = ctx.mult * s.count;
            s.body = body(inner, 0, 2);
            // The body always takes virtual time.
            if (m_rng.chance(70)) {
                Step wait = leafSleep(8);
                wait.ms = std::max<qint64>(wait.ms, 10);
                s.body.push_back(wait);
            } else {
                Step work;
                work.kind = StepKind::Work;
                work.ms = m_rng.range(1, 6) * 50;
                if (m_rng.chance(50)) {
                    work.checkEveryMs = 50;
                    work.check = m_rng.chance(50) ? WorkCheck::Throw : WorkCheck::Poll;
                }
                s.body.push_back(work);
            }
            return s;
        }
        case Choice::Timeout:
            return makeTimeout(ctx);
        case Choice::Shield:
            return makeShield(ctx);
        case Choice::OnCancel: {
            s.kind = StepKind::OnCancel;
            s.body = body(nested(ctx), 1, 3);
            const int n = m_rng.range(1, 2);
            for (int i = 0; i < n; ++i) {
                if (m_rng.chance(70)) {
                    Step p;
                    p.kind = StepKind::Print;
                    p.text = QStringLiteral("onCancel {task}");
                    s.handler.push_back(p);
                } else {
                    s.handler.push_back(signal());
                }
            }
            return s;
        }
        case Choice::Group: {
            s.kind = StepKind::Group;
            s.groupKind = m_rng.chance(60) ? GroupKind::Strict : GroupKind::Tolerant;
            s.tasks = taskList(ctx);
            if (m_rng.chance(30))
                s.limit = m_rng.range(1, 2);
            const int id = m_nextStepId++;
            for (const TaskSpec &spec : s.tasks)
                m_facts.groupOf.insert(spec.name, id);
            if (s.groupKind == GroupKind::Tolerant)
                m_facts.tolerantGroups.insert(id);
            if (m_rng.chance(50)) {
                Ctx inner = nested(ctx);
                inner.inGroupSteps = true;
                s.body = body(inner, 1, 3);
            }
            return s;
        }
        case Choice::Gather: {
            s.kind = StepKind::Gather;
            s.tasks = taskList(ctx);
            const int id = m_nextStepId++;
            for (const TaskSpec &spec : s.tasks)
                m_facts.gatherOf.insert(spec.name, id);
            if (s.tasks.size() > 1 && m_rng.chance(50)) {
                for (const TaskSpec &spec : s.tasks)
                    s.awaitOrder << spec.name;
                m_rng.shuffle(s.awaitOrder);
            }
            return s;
        }
        case Choice::Spawn: {
            s.kind = StepKind::Spawn;
            if (m_runtime == Runtime::Asyncio) {
                s.link = m_rng.chance(50) ? SpawnLink::Unstructured : SpawnLink::Detached;
            } else {
                const int roll = m_rng.range(0, 99);
                s.link = roll < 50 ? SpawnLink::Child : roll < 75 ? SpawnLink::Unstructured : SpawnLink::Detached;
            }
            s.tasks.push_back(task(ctx, true));
            ctx.handles->append(s.tasks.front().name);
            return s;
        }
        }
        return print(ctx);
    }

    Step makeTry(const Ctx &ctx)
    {
        Step s;
        s.kind = StepKind::Try;
        const Ctx inner = nested(ctx);
        s.body = body(inner, 1, 3);
        const int clauses = m_rng.range(0, 2);
        for (int i = 0; i < clauses; ++i) {
            CatchClause clause;
            const int roll = m_rng.range(0, 99);
            if (roll < 35) {
                clause.match = CatchClause::Match::Cancellation;
            } else if (roll < 65) {
                clause.match = CatchClause::Match::Any;
            } else {
                clause.match = CatchClause::Match::Named;
                static const QStringList names{QStringLiteral("Boom"), QStringLiteral("Oops"),
                                               QStringLiteral("UserError"), QStringLiteral("timeout")};
                clause.errorName = m_rng.pick(names);
            }
            clause.rethrow = m_rng.chance(40);
            if (m_rng.chance(50))
                clause.body = body(inner, 0, 2);
            s.catches.push_back(std::move(clause));
        }
        if (s.catches.empty() || m_rng.chance(50)) {
            s.finallyBody = body(inner, 0, 2);
            if (s.finallyBody.empty())
                s.finallyBody.push_back(print(ctx));
        }
        return s;
    }

    Step makeTimeout(const Ctx &ctx)
    {
        Step s;
        s.kind = StepKind::Timeout;
        s.ms = ms(30);
        s.orNull = m_rng.chance(30);
        if (m_runtime == Runtime::Asyncio && m_rng.chance(35) && canMakeTasks(ctx)) {
            s.timeoutStyle = TimeoutStyle::WaitFor;
            s.target = newName();
            spendTasks(ctx, 1);
            QStringList handles;
            s.body = body(innerTaskCtx(ctx, &handles), 1, 3);
            return s;
        }
        s.body = body(nested(ctx), 1, 3);
        return s;
    }

    //! Whether a Kotlin NonCancellable body (same task) opens a scope that may cancel the task.
    static bool opensCancellingScope(const Steps &steps)
    {
        for (const Step &step : steps) {
            if (step.kind == StepKind::Timeout || step.kind == StepKind::Group
                || (step.kind == StepKind::Join && step.ms > 0))
                return true;
            if (opensCancellingScope(step.body) || opensCancellingScope(step.finallyBody))
                return true;
            for (const CatchClause &clause : step.catches) {
                if (opensCancellingScope(clause.body))
                    return true;
            }
        }
        return false;
    }

    Step makeShield(const Ctx &ctx)
    {
        Step s;
        s.kind = StepKind::Shield;
        if (m_runtime == Runtime::Asyncio) {
            if (!canMakeTasks(ctx))
                return leafSleep();
            s.target = newName();
            spendTasks(ctx, 1);
            m_facts.shieldInnerNames.insert(s.target);
            QStringList handles;
            s.body = body(innerTaskCtx(ctx, &handles), 1, 3);
            return s;
        }
        // Kotlin: withContext(NonCancellable) runs in the task itself; mark the region in the trace.
        s.target = newName();  // the name only matters in asyncio
        const Ctx inner = nested(ctx);
        Steps operation = body(nested(inner), 1, 3);
        const int region = m_nextRegion++;
        const bool simple = !opensCancellingScope(operation);
        Step enter;
        enter.kind = StepKind::Print;
        enter.text = shieldEnterPrefix() + QString::number(region)
            + (simple ? QStringLiteral(" simple") : QStringLiteral(" complex"));
        Step pad;
        pad.kind = StepKind::Print;
        pad.text = QStringLiteral("~nc-body-end");
        operation.push_back(pad);
        Step exit;
        exit.kind = StepKind::Print;
        exit.text = shieldExitPrefix() + QString::number(region);
        Step wrapper;
        wrapper.kind = StepKind::Try;
        wrapper.body = std::move(operation);
        wrapper.finallyBody.push_back(exit);
        s.body.push_back(enter);
        s.body.push_back(std::move(wrapper));
        return s;
    }

    void addSignaller(TaskSpec *root)
    {
        if (m_waits.isEmpty())
            return;
        // Sends every signal as often as it can be awaited, after a random time, even if cancelled.
        Step sleep = leafSleep(50);
        Step sendAll;
        sendAll.kind = StepKind::Try;
        sendAll.body.push_back(sleep);
        for (auto it = m_waits.cbegin(); it != m_waits.cend(); ++it) {
            Step repeat;
            repeat.kind = StepKind::Repeat;
            repeat.count = int(it.value());
            Step send;
            send.kind = StepKind::Signal;
            send.target = it.key();
            repeat.body.push_back(send);
            sendAll.finallyBody.push_back(repeat);
        }
        Step spawn;
        spawn.kind = StepKind::Spawn;
        spawn.link = SpawnLink::Detached;
        TaskSpec spec;
        spec.name = signallerName();
        spec.body.push_back(sendAll);
        spawn.tasks.push_back(std::move(spec));
        root->body.insert(root->body.begin(), std::move(spawn));
        ++m_tasksMade;
    }

    Rng m_rng;
    Runtime m_runtime;
    ScenarioFacts &m_facts;
    int m_nextName = 0;
    int m_taskBudget = 0;
    int m_tasksMade = 0;
    int m_stepBudget = 0;
    int m_nextStepId = 0;
    int m_nextRegion = 0;
    QMap<QString, qint64> m_waits;  // signal -> how many waitSignal executions are possible
};

} // namespace

Scenario generateScenario(quint32 seed, Runtime runtime, ScenarioFacts *facts)
{
    ScenarioFacts local;
    ScenarioFacts *out = facts ? facts : &local;
    *out = ScenarioFacts();
    Generator generator(seed, runtime, out);
    Scenario scenario = generator.run(seed);
    Q_ASSERT_X(Engine::unsupported(scenario, runtime).isEmpty(), "generateScenario",
               qPrintable(Engine::unsupported(scenario, runtime).join(QLatin1Char('\n'))));
    return scenario;
}

} // namespace cascade::testing
