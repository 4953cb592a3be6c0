#include "scenarioeditwalk.h"

#include "scenarioedit.h"

#include <QCoreApplication>

// Finding tasks by spec path, and the queries built on it (paths, facts, the outline).
namespace cascade::ScenarioEdit {

using namespace Qt::StringLiterals;

namespace {
//! Translation context of the messages about task paths the window shows.
class WalkMessages
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioEdit)
};
} // namespace

namespace walk {

//! Calls visit(list, pointer) for the body and every nested step list of it that belongs to the
//! same task (not the bodies of the tasks it defines).
void forEachList(const Steps &steps, const QString &pointer,
                 const std::function<bool(const Steps &, const QString &)> &visit)
{
    if (visit(steps, pointer))
        return;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step &step = steps[i];
        const QString at = pointer + u'/' + QString::number(i);
        forEachList(step.body, at + u"/steps"_s, visit);
        for (std::size_t c = 0; c < step.catches.size(); ++c)
            forEachList(step.catches[c].body, at + u"/catch/"_s + QString::number(c) + u"/steps"_s, visit);
        forEachList(step.finallyBody, at + u"/finally"_s, visit);
        forEachList(step.handler, at + u"/handler"_s, visit);
    }
}

//! The mutable twin of forEachList, for edits of one task's own steps.
void forEachMutableList(Steps &steps, const std::function<void(Steps &)> &visit)
{
    visit(steps);
    for (Step &step : steps) {
        forEachMutableList(step.body, visit);
        for (CatchClause &clause : step.catches)
            forEachMutableList(clause.body, visit);
        forEachMutableList(step.finallyBody, visit);
        forEachMutableList(step.handler, visit);
    }
}

std::optional<Location> findChild(const TaskSpec &parent, const QString &parentPointer, const QString &name)
{
    std::optional<Location> found;
    forEachList(parent.body, parentPointer + u"/steps"_s, [&](const Steps &list, const QString &pointer) {
        for (std::size_t i = 0; i < list.size() && !found; ++i) {
            const Step &step = list[i];
            for (std::size_t k = 0; k < step.tasks.size(); ++k) {
                if (step.tasks[k].name != name)
                    continue;
                const QString at = pointer + u'/' + QString::number(i);
                found = Location{&step.tasks[k], &parent, &list, i, k,
                                 step.kind == StepKind::Spawn ? at + u"/task"_s : at + u"/tasks/"_s + QString::number(k),
                                 QString()};
                break;
            }
        }
        return found.has_value();
    });
    return found;
}

//! The name of the inner task asyncio's wait_for or shield makes for a step, "" for other steps.
QString innerTaskName(const Step &step)
{
    if (step.kind == StepKind::Timeout && step.timeoutStyle == TimeoutStyle::WaitFor)
        return step.target.isEmpty() ? u"wait_for"_s : step.target;
    if (step.kind == StepKind::Shield)
        return step.target.isEmpty() ? u"shielded"_s : step.target;
    return QString();
}

//! The kind of step ("wait_for" / "shield") whose inner task in `parent` is called `name`.
QString innerTaskKind(const TaskSpec &parent, const QString &name)
{
    QString kind;
    forEachList(parent.body, QString(), [&](const Steps &list, const QString &) {
        for (const Step &step : list) {
            if (!innerTaskName(step).isEmpty() && innerTaskName(step) == name)
                kind = step.kind == StepKind::Shield ? u"shield"_s : u"wait_for"_s;
        }
        return !kind.isEmpty();
    });
    return kind;
}

//! Every name a new child of `parent` would clash with: its children's and asyncio's inner tasks'.
QStringList takenNames(const TaskSpec &parent)
{
    QStringList names;
    forEachList(parent.body, QString(), [&](const Steps &list, const QString &) {
        for (const Step &step : list) {
            for (const TaskSpec &task : step.tasks)
                names << task.name;
            if (const QString inner = innerTaskName(step); !inner.isEmpty())
                names << inner;
        }
        return false;
    });
    return names;
}

std::optional<Location> locate(const Scenario &scenario, const QString &specPath, QString *error)
{
    const QStringList names = specPath.split(u'/');
    if (specPath.isEmpty() || names.first() != scenario.root.name) {
        *error = specPath.isEmpty() ? WalkMessages::tr("no task given")
                                    : WalkMessages::tr("no task %1: the root task is %2").arg(specPath, scenario.root.name);
        return std::nullopt;
    }
    Location at{&scenario.root, nullptr, nullptr, 0, 0, u"/root"_s, scenario.root.name};
    for (qsizetype i = 1; i < names.size(); ++i) {
        auto child = findChild(*at.task, at.pointer, names.at(i));
        if (!child) {
            *error = u"no task %1: %2 defines no task named \"%3\""_s.arg(specPath, at.specPath, names.at(i));
            return std::nullopt;
        }
        child->specPath = at.specPath + u'/' + names.at(i);
        at = *child;
    }
    return at;
}

Wrapping wrappingOf(TaskSpec &task)
{
    Wrapping w;
    w.inner = &task.body;
    if (w.inner->size() == 1 && w.inner->front().kind == StepKind::Timeout) {
        w.timeout = &w.inner->front();
        w.inner = &w.timeout->body;
    }
    if (w.inner->size() == 1 && w.inner->front().kind == StepKind::Shield)
        w.shield = &w.inner->front();
    return w;
}

//! Replaces `list` by a single step of `kind` whose body is what the list held.
void wrap(Steps *list, Step wrapper)
{
    wrapper.body = std::move(*list);
    list->clear();
    list->push_back(std::move(wrapper));
}

//! Replaces the list holding `wrapper` (its only step) by the wrapper's body.
void unwrap(Steps *list)
{
    Steps body = std::move(list->front().body);
    *list = std::move(body);
}

} // namespace walk

using namespace walk;

QString specPathOf(const QString &runtimePath)
{
    QStringList names = runtimePath.split(u'/');
    for (QString &name : names) {
        const qsizetype bracket = name.indexOf(u'[');
        if (bracket >= 0 && name.endsWith(u']'))
            name.truncate(bracket);
    }
    return names.join(u'/');
}

std::optional<QString> specPathForRuntimePath(const Scenario &scenario, const QString &runtimePath, QString *error)
{
    const QStringList names = specPathOf(runtimePath).split(u'/');
    if (runtimePath.isEmpty() || names.first() != scenario.root.name) {
        *error = runtimePath.isEmpty() ? WalkMessages::tr("no task given")
                                       : WalkMessages::tr("no task %1: the root task is %2").arg(runtimePath, scenario.root.name);
        return std::nullopt;
    }
    Location at{&scenario.root, nullptr, nullptr, 0, 0, u"/root"_s, scenario.root.name};
    for (qsizetype i = 1; i < names.size(); ++i) {
        if (auto child = findChild(*at.task, at.pointer, names.at(i))) {
            child->specPath = at.specPath + u'/' + names.at(i);
            at = *child;
            continue;
        }
        const QString inner = innerTaskKind(*at.task, names.at(i));
        if (inner.isEmpty()) {
            *error = u"no task %1: %2 defines no task named \"%3\""_s.arg(runtimePath, at.specPath, names.at(i));
            return std::nullopt;
        }
        if (i == names.size() - 1) {
            *error = u"%1 is the inner task asyncio's %2 creates around a block of %3; it has no definition of its "
                     "own: edit %3"_s.arg(runtimePath, inner, at.specPath);
            return std::nullopt;
        }
        // The inner task's children are defined in the enclosing task's body: stay there.
    }
    return at.specPath;
}

std::optional<TaskFacts> taskFacts(const Scenario &scenario, const QString &specPath, QString *error)
{
    const auto at = locate(scenario, specPath, error);
    if (!at)
        return std::nullopt;
    TaskFacts facts;
    facts.specPath = at->specPath;
    facts.isRoot = at->parent == nullptr;
    TaskSpec copy = *at->task;
    const Wrapping w = wrappingOf(copy);
    facts.shielded = w.shield != nullptr;
    if (w.timeout)
        facts.timeoutMs = w.timeout->ms;
    if (at->list) {
        const Step &step = (*at->list)[at->stepIndex];
        facts.startedBy = step.kind;
        facts.indexInStep = int(at->taskIndex);
        facts.tasksInStep = int(step.tasks.size());
    }
    return facts;
}

namespace {

QString startedByText(const Step &step)
{
    switch (step.kind) {
    case StepKind::Group:
        return step.groupKind == GroupKind::Strict ? u"group strict"_s : u"group tolerant"_s;
    case StepKind::Gather:
        return u"gather"_s;
    case StepKind::Spawn:
        return step.link == SpawnLink::Child          ? u"spawn child"_s
            : step.link == SpawnLink::Unstructured ? u"spawn unstructured"_s
                                                   : u"spawn detached"_s;
    default:
        return stepKindName(step.kind);
    }
}

void appendOutline(const TaskSpec &task, const QString &path, int depth, const QString &startedBy,
                   std::vector<OutlineEntry> *out)
{
    TaskSpec copy = task;
    const Wrapping w = wrappingOf(copy);
    out->push_back(OutlineEntry{path, depth, startedBy, w.shield != nullptr,
                                w.timeout ? std::optional<qint64>(w.timeout->ms) : std::nullopt, task.count});
    forEachList(task.body, QString(), [&](const Steps &list, const QString &) {
        for (const Step &step : list) {
            for (const TaskSpec &child : step.tasks)
                appendOutline(child, path + u'/' + child.name, depth + 1, startedByText(step), out);
        }
        return false;
    });
}

} // namespace

std::vector<OutlineEntry> outline(const Scenario &scenario)
{
    std::vector<OutlineEntry> entries;
    appendOutline(scenario.root, scenario.root.name, 0, QString(), &entries);
    return entries;
}

} // namespace cascade::ScenarioEdit
