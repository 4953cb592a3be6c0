#include "scenarioedit.h"
#include "scenarioeditwalk.h"

#include "engine.h"
#include "narrationedit.h"
#include "scenarioloader.h"
#include "scenariovalidation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace cascade::ScenarioEdit {

using namespace Qt::StringLiterals;
using namespace walk;

namespace {

//! The words of the edit messages the window shows (translation context "ScenarioEdit"). Nothing
//! here goes into a trace.
class EditMessages
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioEdit)
};

// ---------------------------------------------------------------- validation

//! The loader's verdict on a document, with the problem's pointer kept apart from its text.
struct Verdict {
    std::optional<Scenario> scenario;
    detail::ValidationProblem problem;
};

Verdict validateDocument(const QJsonObject &document)
{
    // The validator quotes numbers as written: give it the text of exactly this document.
    const QByteArray text = QJsonDocument(document).toJson(QJsonDocument::Compact);
    Verdict verdict;
    detail::ScenarioValidator validator(text);
    verdict.scenario = validator.validate(document, &verdict.problem);
    return verdict;
}

QJsonObject documentOf(const Scenario &scenario)
{
    return QJsonDocument::fromJson(scenarioToJson(scenario)).object();
}

QString describeProblem(const detail::ValidationProblem &problem)
{
    return problem.pointer.isEmpty() ? problem.problem : problem.pointer + u": "_s + problem.problem;
}

//! The document without its narration: tasks and runtimes are checked first, then the narration
//! is fitted to them (narration::dropStale) rather than refusing the edit.
QJsonObject bareDocumentOf(const Scenario &scenario)
{
    QJsonObject document = documentOf(scenario);
    document.remove("captions"_L1);
    document.remove("predict"_L1);
    return document;
}

void carryNarration(const Scenario &from, Scenario *to)
{
    to->captions = from.captions;
    to->questions = from.questions;
    narration::dropStale(to);
}

//! The edited scenario as the loader reads it back (fresh step pointers), or why it is invalid.
EditResult finish(const Scenario &edited, const QString &what, const QString &taskPath)
{
    Verdict verdict = validateDocument(bareDocumentOf(edited));
    EditResult result;
    if (!verdict.scenario) {
        result.error = EditMessages::tr("%1: the scenario would not be valid: %2").arg(what, describeProblem(verdict.problem));
        return result;
    }
    carryNarration(edited, &*verdict.scenario);
    verdict.scenario->sourceName = edited.sourceName;
    result.scenario = std::move(verdict.scenario);
    result.taskPath = taskPath;
    return result;
}

EditResult failure(const QString &error)
{
    EditResult result;
    result.error = error;
    return result;
}

//! The loader's problem with `name` as a task name, "" when it has none.
QString nameProblem(const QString &name)
{
    QJsonObject document = documentOf(newScenario());
    QJsonObject root = document.value("root"_L1).toObject();
    root.insert("name"_L1, name);
    document.insert("root"_L1, root);
    const Verdict verdict = validateDocument(document);
    return verdict.scenario ? QString() : EditMessages::tr("the name ") + verdict.problem.problem;
}

QString parentPath(const QString &specPath)
{
    return specPath.left(specPath.lastIndexOf(u'/'));
}

Steps defaultBody()
{
    Step hello;
    hello.kind = StepKind::Print;
    hello.text = u"{task}: started"_s;
    Step wait;
    wait.kind = StepKind::Sleep;
    wait.ms = 1000;
    Step bye;
    bye.kind = StepKind::Print;
    bye.text = u"{task}: done"_s;
    return Steps{hello, wait, bye};
}

QJsonValue replacedAt(const QJsonValue &value, const QStringList &tokens, qsizetype i, const QJsonValue &replacement)
{
    if (i == tokens.size())
        return replacement;
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const qsizetype index = tokens.at(i).toLongLong();
        array.replace(index, replacedAt(array.at(index), tokens, i + 1, replacement));
        return array;
    }
    QJsonObject object = value.toObject();
    object.insert(tokens.at(i), replacedAt(object.value(tokens.at(i)), tokens, i + 1, replacement));
    return object;
}

QString rootRemovalProblem()
{
    return EditMessages::tr(": it is the root task (the program itself)");
}

//! Why the task cannot move delta places (": ..." or " by N: ..."), "" when it can.
QString moveProblem(const Location &at, int delta)
{
    if (!at.parent)
        return EditMessages::tr(": it is the root task");
    const Step &step = (*at.list)[at.stepIndex];
    if (step.kind == StepKind::Spawn)
        return EditMessages::tr(": it is the only task of its spawn step");
    const qsizetype to = qsizetype(at.taskIndex) + delta;
    if (to < 0 || to >= qsizetype(step.tasks.size())) {
        return EditMessages::tr(" by %1: it is task %2 of %3 in its %4 step").arg(delta).arg(at.taskIndex + 1).arg(
            step.tasks.size()).arg(stepKindName(step.kind));
    }
    return QString();
}

//! The runtime's reason against a step of this kind ("a shield is not available in swift: ..."),
//! "" when it has none: asked of Engine::unsupported with a one-step probe.
QString runtimeReasonAgainst(StepKind kind, Runtime runtime)
{
    Scenario probe = newScenario();
    Step wrapper;
    wrapper.kind = kind;
    wrap(&probe.root.body, std::move(wrapper));
    const QStringList reasons = ScenarioEdit::unsupportedSteps(probe, runtime);
    return reasons.isEmpty() ? QString() : reasons.first().section(u": "_s, 1);  // without the pointer
}

} // namespace

// ---------------------------------------------------------------- queries

QString unavailableReason(const Scenario &scenario, const QString &specPath, TaskEdit edit, Runtime runtime)
{
    QString error;
    const auto at = locate(scenario, specPath, &error);
    if (!at)
        return error;
    TaskSpec copy = *at->task;
    const Wrapping w = wrappingOf(copy);
    switch (edit) {
    case TaskEdit::AddChild:
    case TaskEdit::AddUnstructured:
    case TaskEdit::Rename:
        return QString();  // the name and the nesting limit are checked when the edit is made
    case TaskEdit::Remove:
        return at->parent ? QString() : EditMessages::tr("cannot remove %1").arg(specPath) + rootRemovalProblem();
    case TaskEdit::MoveUp:
    case TaskEdit::MoveDown: {
        const int delta = edit == TaskEdit::MoveUp ? -1 : 1;
        const QString problem = moveProblem(*at, delta);
        return problem.isEmpty() ? QString() : EditMessages::tr("cannot move %1").arg(specPath) + problem;
    }
    case TaskEdit::ToggleShield:
        return w.shield ? QString() : runtimeReasonAgainst(StepKind::Shield, runtime);
    case TaskEdit::SetTimeout:
        return w.timeout ? QString() : runtimeReasonAgainst(StepKind::Timeout, runtime);
    case TaskEdit::ClearTimeout:
        return w.timeout ? QString() : EditMessages::tr("%1 has no timeout").arg(specPath);
    }
    return QString();
}

std::optional<QJsonArray> stepsOf(const Scenario &scenario, const QString &specPath, QString *error)
{
    const auto at = locate(scenario, specPath, error);
    if (!at)
        return std::nullopt;
    QJsonValue value = documentOf(scenario);
    for (const QString &token : jsontext::splitPointer(at->pointer + u"/steps"_s))
        value = value.isArray() ? value.toArray().at(token.toLongLong()) : value.toObject().value(token);
    return value.toArray();
}

QStringList unsupportedSteps(const Scenario &scenario, Runtime runtime)
{
    return Engine::unsupported(scenario, runtime);
}

QString checkNewName(const Scenario &scenario, const QString &specPath, const QString &name)
{
    QString error;
    const auto at = locate(scenario, specPath, &error);
    if (!at)
        return error;
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return problem;
    if (at->parent && name != at->task->name && takenNames(*at->parent).contains(name))
        return u"%1 already has a task named \"%2\""_s.arg(parentPath(at->specPath), name);
    return QString();
}

// ---------------------------------------------------------------- edits

Scenario newScenario()
{
    Scenario scenario;
    scenario.id = u"untitled"_s;
    scenario.title = LocalizedText{u"Untitled scenario"_s, u"제목 없는 시나리오"_s};
    scenario.runtimes = {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift};
    scenario.root.name = u"main"_s;
    scenario.root.body = defaultBody();
    return scenario;
}

EditResult addChild(const Scenario &scenario, const QString &specPath, ChildLink link, const QString &nameSuggestion)
{
    const QString what = EditMessages::tr("cannot add a task to %1").arg(specPath);
    Scenario edited = scenario;
    QString error;
    const auto at = locate(edited, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);
    if (const QString problem = nameProblem(nameSuggestion); !problem.isEmpty())
        return failure(what + u": "_s + problem);

    TaskSpec &parent = mutableRef(at->task);
    const QStringList taken = takenNames(parent);
    QString name = nameSuggestion;
    for (int n = 2; taken.contains(name); ++n)
        name = nameSuggestion + QString::number(n);

    TaskSpec child;
    child.name = name;
    child.body = defaultBody();
    if (link == ChildLink::Structured) {
        // A child starts at once and runs beside its parent's own steps: those move into the new
        // group's steps (TaskGroup / coroutineScope / withTaskGroup with the parent's code inside),
        // under the task's shield and timeout wrappers. A body that has a group already gets the
        // child in its last group.
        const Wrapping wrapping = wrappingOf(parent);
        Steps &body = wrapping.shield ? wrapping.shield->body : *wrapping.inner;
        auto lastGroup = std::find_if(body.rbegin(), body.rend(),
                                      [](const Step &step) { return step.kind == StepKind::Group; });
        if (lastGroup != body.rend()) {
            lastGroup->tasks.push_back(std::move(child));
        } else {
            Step group;
            group.kind = StepKind::Group;
            group.groupKind = GroupKind::Strict;
            group.tasks.push_back(std::move(child));
            wrap(&body, std::move(group));
        }
    } else {
        Step spawn;
        spawn.kind = StepKind::Spawn;
        spawn.link = SpawnLink::Unstructured;
        spawn.tasks.push_back(std::move(child));
        auto firstOther = std::find_if(parent.body.begin(), parent.body.end(),
                                       [](const Step &step) { return step.kind != StepKind::Spawn; });
        parent.body.insert(firstOther, std::move(spawn));
    }
    return finish(edited, what, at->specPath + u'/' + name);
}

EditResult removeTask(const Scenario &scenario, const QString &specPath)
{
    const QString what = EditMessages::tr("cannot remove %1").arg(specPath);
    Scenario edited = scenario;
    QString error;
    const auto at = locate(edited, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);
    if (!at->parent)
        return failure(what + rootRemovalProblem());

    const QString name = at->task->name;
    Steps &list = mutableRef(at->list);
    Step &step = list[at->stepIndex];
    step.tasks.erase(step.tasks.begin() + qsizetype(at->taskIndex));
    step.awaitOrder.removeAll(name);
    if (step.tasks.empty())
        list.erase(list.begin() + qsizetype(at->stepIndex));

    forEachMutableList(mutableRef(at->parent).body, [&](Steps &steps) {
        std::erase_if(steps, [&](const Step &s) {
            return (s.kind == StepKind::Join || s.kind == StepKind::Cancel) && s.target == name;
        });
    });
    return finish(edited, what, parentPath(at->specPath));
}

EditResult renameTask(const Scenario &scenario, const QString &specPath, const QString &newName)
{
    const QString what = EditMessages::tr("cannot rename %1").arg(specPath);
    Scenario edited = scenario;
    QString error;
    const auto at = locate(edited, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);
    if (const QString problem = checkNewName(edited, at->specPath, newName); !problem.isEmpty())
        return failure(what + u": "_s + problem);

    const QString oldName = at->task->name;
    narration::renameTask(&edited, at->specPath, newName);  // before the rename moves the location
    mutableRef(at->task).name = newName;
    if (!at->parent)
        return finish(edited, what, newName);
    for (QString &entry : mutableRef(at->list)[at->stepIndex].awaitOrder) {
        if (entry == oldName)
            entry = newName;
    }
    forEachMutableList(mutableRef(at->parent).body, [&](Steps &steps) {
        for (Step &s : steps) {
            if ((s.kind == StepKind::Join || s.kind == StepKind::Cancel) && s.target == oldName)
                s.target = newName;
        }
    });
    return finish(edited, what, parentPath(at->specPath) + u'/' + newName);
}

EditResult moveTask(const Scenario &scenario, const QString &specPath, int delta)
{
    const QString what = EditMessages::tr("cannot move %1").arg(specPath);
    Scenario edited = scenario;
    QString error;
    const auto at = locate(edited, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);
    if (const QString problem = moveProblem(*at, delta); !problem.isEmpty())
        return failure(what + problem);
    Step &step = mutableRef(at->list)[at->stepIndex];
    const qsizetype from = qsizetype(at->taskIndex);
    const qsizetype to = from + delta;
    TaskSpec moved = std::move(step.tasks[std::size_t(from)]);
    step.tasks.erase(step.tasks.begin() + from);
    step.tasks.insert(step.tasks.begin() + to, std::move(moved));
    return finish(edited, what, at->specPath);
}

EditResult setSteps(const Scenario &scenario, const QString &specPath, const QJsonArray &steps)
{
    const QString what = EditMessages::tr("cannot change the steps of %1").arg(specPath);
    QString error;
    const auto at = locate(scenario, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);

    const QString stepsPointer = at->pointer + u"/steps"_s;
    const QJsonObject document =
        replacedAt(bareDocumentOf(scenario), jsontext::splitPointer(stepsPointer), 0, steps).toObject();
    Verdict verdict = validateDocument(document);
    if (!verdict.scenario) {
        EditResult result;
        const QString &pointer = verdict.problem.pointer;
        const bool inside = pointer == stepsPointer || pointer.startsWith(stepsPointer + u'/');
        // Outside the steps only a file-wide limit (nesting, step count) can fail.
        result.stepsPointer = inside ? pointer.mid(stepsPointer.size()) : QString();
        result.stepsProblem = inside ? verdict.problem.problem : describeProblem(verdict.problem);
        result.error = u"%1: %2%3"_s.arg(what, inside ? u"steps"_s + result.stepsPointer + u": "_s : QString(),
                                         result.stepsProblem);
        return result;
    }
    carryNarration(scenario, &*verdict.scenario);
    verdict.scenario->sourceName = scenario.sourceName;
    EditResult result;
    result.scenario = std::move(verdict.scenario);
    result.taskPath = at->specPath;
    return result;
}

EditResult setShield(const Scenario &scenario, const QString &specPath, bool shielded)
{
    const QString what = shielded ? EditMessages::tr("cannot shield %1").arg(specPath) : EditMessages::tr("cannot unshield %1").arg(specPath);
    Scenario edited = scenario;
    QString error;
    const auto at = locate(edited, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);
    const Wrapping w = wrappingOf(mutableRef(at->task));
    if (shielded && !w.shield) {
        Step shield;
        shield.kind = StepKind::Shield;
        wrap(w.inner, std::move(shield));
    } else if (!shielded && w.shield) {
        unwrap(w.inner);
    }
    return finish(edited, what, at->specPath);
}

EditResult setTimeout(const Scenario &scenario, const QString &specPath, std::optional<qint64> ms)
{
    const QString what = ms ? EditMessages::tr("cannot set a timeout on %1").arg(specPath) : EditMessages::tr("cannot clear the timeout of %1").arg(specPath);
    if (ms && (*ms < 0 || *ms > ScenarioLoader::MaxMs))
        return failure(what + EditMessages::tr(": a timeout is from 0 to %1 ms, got %2").arg(ScenarioLoader::MaxMs).arg(*ms));
    Scenario edited = scenario;
    QString error;
    const auto at = locate(edited, specPath, &error);
    if (!at)
        return failure(what + u": "_s + error);
    TaskSpec &task = mutableRef(at->task);
    const Wrapping w = wrappingOf(task);
    if (ms && w.timeout) {
        w.timeout->ms = *ms;
    } else if (ms) {
        Step timeout;
        timeout.kind = StepKind::Timeout;
        timeout.ms = *ms;
        wrap(&task.body, std::move(timeout));
    } else if (w.timeout) {
        unwrap(&task.body);
    }
    return finish(edited, what, at->specPath);
}

EditResult setRuntimes(const Scenario &scenario, const std::vector<Runtime> &runtimes)
{
    const QString what = EditMessages::tr("cannot set the runtimes");
    if (runtimes.empty())
        return failure(what + EditMessages::tr(": a scenario runs under at least one runtime"));
    for (auto it = runtimes.begin(); it != runtimes.end(); ++it) {
        if (std::find(runtimes.begin(), it, *it) != it)
            return failure(what + EditMessages::tr(": %1 is listed twice").arg(runtimeName(*it)));
    }
    Scenario edited = scenario;
    edited.runtimes = runtimes;
    return finish(edited, what, edited.root.name);
}

EditResult setDefaultRuntime(const Scenario &scenario, Runtime runtime)
{
    std::vector<Runtime> runtimes = scenario.runtimes;
    std::erase(runtimes, runtime);
    runtimes.insert(runtimes.begin(), runtime);
    return setRuntimes(scenario, runtimes);
}

} // namespace cascade::ScenarioEdit
