// Task paths, facts and user actions of scenarios (randomscenario.h).

#include "randomscenario.h"
#include "seededrng.h"

#include <QtGlobal>

#include <algorithm>
#include <utility>

namespace cascade::testing {

namespace {

struct PathWalker {
    Runtime runtime;
    int limit;
    QStringList out;

    void add(const QString &path)
    {
        if (out.size() < limit)
            out << path;
    }

    void walkTask(const QString &path, const Steps &steps)
    {
        if (out.size() >= limit)
            return;
        walk(path, steps, false, 1);
    }

    void spec(const QString &parent, const TaskSpec &spec, bool inLoop, qint64 mult)
    {
        QStringList segments;
        if (spec.count > 1) {
            for (int i = 0; i < spec.count; ++i)
                segments << QStringLiteral("%1[%2]").arg(spec.name).arg(i);
        } else if (inLoop) {
            for (qint64 i = 0; i < mult && i < 50; ++i)
                segments << QStringLiteral("%1[%2]").arg(spec.name).arg(i);
        } else {
            segments << spec.name;
        }
        for (const QString &segment : std::as_const(segments)) {
            const QString path = parent + QLatin1Char('/') + segment;
            add(path);
            walkTask(path, spec.body);
        }
    }

    void walk(const QString &path, const Steps &steps, bool inLoop, qint64 mult)
    {
        for (const Step &step : steps) {
            switch (step.kind) {
            case StepKind::Spawn:
            case StepKind::Group:
            case StepKind::Gather:
                for (const TaskSpec &s : step.tasks)
                    spec(path, s, inLoop, mult);
                walk(path, step.body, inLoop, mult);
                break;
            case StepKind::Timeout:
            case StepKind::Shield:
                if (runtime == Runtime::Asyncio
                    && (step.kind == StepKind::Shield || step.timeoutStyle == TimeoutStyle::WaitFor)) {
                    const QString fallback =
                        step.kind == StepKind::Shield ? QStringLiteral("shielded") : QStringLiteral("wait_for");
                    const QString inner = path + QLatin1Char('/') + (step.target.isEmpty() ? fallback : step.target);
                    add(inner);
                    walkTask(inner, step.body);
                } else {
                    walk(path, step.body, inLoop, mult);
                }
                break;
            case StepKind::Repeat:
                walk(path, step.body, true, mult * step.count);
                break;
            case StepKind::WhileActive:
                walk(path, step.body, true, mult * std::max(1, step.count));
                break;
            default:
                walk(path, step.body, inLoop, mult);
                for (const CatchClause &clause : step.catches)
                    walk(path, clause.body, inLoop, mult);
                walk(path, step.finallyBody, inLoop, mult);
                break;
            }
        }
    }
};

void collectFacts(const Steps &steps, Runtime runtime, int *nextId, ScenarioFacts *facts)
{
    for (const Step &step : steps) {
        if (step.kind == StepKind::Shield && runtime == Runtime::Asyncio)
            facts->shieldInnerNames.insert(step.target.isEmpty() ? QStringLiteral("shielded") : step.target);
        if (step.kind == StepKind::Gather || step.kind == StepKind::Group) {
            const int id = (*nextId)++;
            for (const TaskSpec &spec : step.tasks)
                (step.kind == StepKind::Gather ? facts->gatherOf : facts->groupOf).insert(spec.name, id);
            if (step.kind == StepKind::Group && step.groupKind == GroupKind::Tolerant)
                facts->tolerantGroups.insert(id);
        }
        for (const TaskSpec &spec : step.tasks)
            collectFacts(spec.body, runtime, nextId, facts);
        collectFacts(step.body, runtime, nextId, facts);
        collectFacts(step.finallyBody, runtime, nextId, facts);
        for (const CatchClause &clause : step.catches)
            collectFacts(clause.body, runtime, nextId, facts);
    }
}

} // namespace

ScenarioFacts factsOf(const Scenario &scenario, Runtime runtime)
{
    ScenarioFacts facts;
    int nextId = 0;
    collectFacts(scenario.root.body, runtime, &nextId, &facts);
    return facts;
}

QStringList possibleTaskPaths(const Scenario &scenario, Runtime runtime, int limit)
{
    PathWalker walker{runtime, limit, {}};
    walker.add(scenario.root.name);
    walker.walkTask(scenario.root.name, scenario.root.body);
    return walker.out;
}

QList<UserAction> generateActions(quint32 seed, const Scenario &scenario, Runtime runtime, int maxActions)
{
    Rng rng(seed * 747796405u + 2891336453u);
    QStringList paths;
    const QString signaller = QLatin1Char('/') + signallerName();
    for (const QString &path : possibleTaskPaths(scenario, runtime)) {
        if (!path.contains(signaller))
            paths << path;
    }
    QList<UserAction> actions;
    const int n = rng.range(0, maxActions);
    for (int i = 0; i < n; ++i) {
        UserAction action;
        // Cancel 50%, fail 20%, timeout 15%, shield 15% (under Swift the last two are ignored).
        const int roll = rng.range(0, 99);
        action.kind = roll < 50 ? UserAction::Kind::Cancel
            : roll < 70         ? UserAction::Kind::Fail
            : roll < 85         ? UserAction::Kind::Timeout
                                : UserAction::Kind::Shield;
        if (action.kind == UserAction::Kind::Timeout)
            action.durationMs = rng.chance(50) ? qint64(rng.range(1, 20)) * 50 : rng.range(1, 1500);
        action.at = rng.chance(50) ? qint64(rng.range(0, 60)) * 50 : rng.range(0, 3000);
        action.taskPath = rng.chance(20) ? scenario.root.name : rng.pick(paths);
        if (action.kind == UserAction::Kind::Shield || action.kind == UserAction::Kind::Timeout)
            action.at = rng.range(0, 800);  // early, while most tasks still run
        if (action.kind == UserAction::Kind::Fail) {
            action.error = rng.pick(userFailErrors());
            action.message = QStringLiteral("injected %1").arg(i);
        }
        actions << action;
        // A shield matters only if a request comes from above while it is on: often cancel the
        // parent a little later, and sometimes toggle the shield off again after that.
        const qsizetype slash = action.taskPath.lastIndexOf(QLatin1Char('/'));
        if (action.kind == UserAction::Kind::Shield && slash > 0 && rng.chance(60)) {
            UserAction cancelParent;
            cancelParent.taskPath = action.taskPath.left(slash);
            cancelParent.at = action.at + rng.range(0, 400);
            actions << cancelParent;
            if (rng.chance(50)) {
                UserAction off = action;
                off.at = cancelParent.at + rng.range(0, 400);
                actions << off;
            }
        }
    }
    return actions;
}

QString describeAction(const UserAction &action)
{
    // The verb, a space, then the text of the command-line option (parseAction reads it back).
    const QString head = QStringLiteral("%1 %2@%3").arg(UserAction::verb(action.kind), action.taskPath).arg(action.at);
    switch (action.kind) {
    case UserAction::Kind::Fail:
        return QStringLiteral("%1:%2:%3").arg(head, action.error, action.message);
    case UserAction::Kind::Timeout:
        return QStringLiteral("%1:%2").arg(head).arg(action.durationMs);
    case UserAction::Kind::Cancel:
    case UserAction::Kind::Shield:
        break;
    }
    return head;
}

bool parseAction(const QString &text, UserAction *action, QString *error)
{
    const QString verb = text.section(QLatin1Char(' '), 0, 0);
    for (const auto kind : {UserAction::Kind::Cancel, UserAction::Kind::Fail, UserAction::Kind::Timeout, UserAction::Kind::Shield}) {
        if (verb == UserAction::verb(kind))
            return UserAction::parse(kind, text.section(QLatin1Char(' '), 1), action, error);
    }
    *error = QStringLiteral("'%1': unknown action (cancel, fail, timeout or shield)").arg(text);
    return false;
}

} // namespace cascade::testing
