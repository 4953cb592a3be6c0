#include "scenariovalidation.h"
#include "loaderwords.h"

#include "scenarioloader.h"

#include <QJsonArray>

// The rules of each step kind, as docs/scenario-format.md lists them.
namespace cascade::detail {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxText = 1000;
constexpr int MaxGroupLimit = 10'000;

} // namespace

QStringList stepKeys(StepKind kind)
{
    switch (kind) {
    case StepKind::Sleep: return {u"ms"_s};
    case StepKind::Work: return {u"ms"_s, u"checkEvery"_s, u"check"_s};
    case StepKind::Checkpoint: return {};
    case StepKind::IfCancelled: return {u"then"_s, u"error"_s};
    case StepKind::WhileActive: return {u"steps"_s, u"max"_s};
    case StepKind::Print: return {u"text"_s};
    case StepKind::Raise: return {u"error"_s, u"message"_s};
    case StepKind::Try: return {u"steps"_s, u"catch"_s, u"finally"_s};
    case StepKind::Group: return {u"kind"_s, u"tasks"_s, u"limit"_s, u"steps"_s};
    case StepKind::Gather: return {u"tasks"_s, u"awaitOrder"_s};
    case StepKind::Spawn: return {u"task"_s, u"link"_s};
    case StepKind::Join: return {u"task"_s, u"shield"_s, u"timeout"_s};
    case StepKind::Cancel: return {u"task"_s};
    case StepKind::CancelChildren: return {};
    case StepKind::Repeat: return {u"count"_s, u"steps"_s, u"from"_s};
    case StepKind::Timeout: return {u"ms"_s, u"steps"_s, u"orNull"_s, u"style"_s, u"name"_s};
    case StepKind::Shield: return {u"steps"_s, u"name"_s};
    case StepKind::OnCancel: return {u"steps"_s, u"handler"_s};
    case StepKind::WaitSignal: return {u"signal"_s};
    case StepKind::Signal: return {u"signal"_s};
    }
    return {};
}

void ScenarioValidator::stepFields(const QJsonObject &object, const QString &pointer, const StepContext &ctx,
                                   Step *step)
{
    const QString kind = stepKindName(step->kind);
    const QString owner = QStringView(u"aeiou").contains(kind.at(0)) ? LoaderWords::tr("for an \"%1\" step").arg(kind)
                                                                     : LoaderWords::tr("for a \"%1\" step").arg(kind);
    auto has = [&](const char *key) { return object.contains(QLatin1StringView(key)); };
    auto value = [&](const char *key) { return object.value(QLatin1StringView(key)); };
    auto at = [&](const char *key) { return childPointer(pointer, QString::fromLatin1(key)); };
    auto need = [&](const char *key) { return required(object, pointer, QString::fromLatin1(key), owner); };

    // Steps nested in this one are one level deeper, in the same task.
    StepContext inner = ctx;
    inner.level = ctx.level + 1;
    inner.handlerOnly = false;
    StepContext loop = inner;
    loop.inLoop = true;

    switch (step->kind) {
    case StepKind::Sleep:
        step->ms = msAt(need("ms"), at("ms"), 0);
        break;
    case StepKind::Work:
        step->ms = msAt(need("ms"), at("ms"), 1);
        if (has("checkEvery")) {
            step->checkEveryMs = msAt(value("checkEvery"), at("checkEvery"), 1);
            if (step->checkEveryMs > step->ms) {
                fail(at("checkEvery"),
                     LoaderWords::tr("must be at most the work's \"ms\" (%1), got %2").arg(step->ms).arg(step->checkEveryMs));
            }
            step->check = WorkCheck::Throw;
            if (has("check"))
                step->check = choiceAt(value("check"), at("check"), {"throw", "poll"}) == 0 ? WorkCheck::Throw
                                                                                            : WorkCheck::Poll;
        } else if (has("check")) {
            fail(at("check"), LoaderWords::tr("needs \"checkEvery\" (how many milliseconds of work pass between two checks)"));
        }
        break;
    case StepKind::Checkpoint:
        break;
    case StepKind::IfCancelled: {
        const int then = choiceAt(need("then"), at("then"), {"return", "raise", "break"});
        step->ifCancelled = then == 0 ? IfCancelledAction::Return
                                      : then == 1 ? IfCancelledAction::Raise : IfCancelledAction::Break;
        if (has("error")) {
            if (step->ifCancelled != IfCancelledAction::Raise)
                fail(at("error"), LoaderWords::tr("is allowed only with \"then\": \"raise\""));
            step->error = nameAt(value("error"), at("error"), NameKind::Error);
        }
        if (step->ifCancelled == IfCancelledAction::Break && !ctx.inLoop)
            fail(at("then"), LoaderWords::tr("\"break\" needs an enclosing \"repeat\" or \"whileActive\" in the same task"));
        break;
    }
    case StepKind::WhileActive:
        if (has("max"))
            step->count = countAt(value("max"), at("max"), 1, ScenarioLoader::MaxCount);
        step->body = stepsAt(need("steps"), at("steps"), loop);
        break;
    case StepKind::Print:
        step->text = textAt(need("text"), at("text"), MaxText, true);
        break;
    case StepKind::Raise:
        step->error = nameAt(need("error"), at("error"), NameKind::Error);
        if (has("message"))
            step->text = textAt(value("message"), at("message"), MaxText, true);
        break;
    case StepKind::Try:
        if (!has("catch") && !has("finally"))
            fail(pointer, LoaderWords::tr("a \"try\" step needs \"catch\", \"finally\" or both"));
        step->body = stepsAt(need("steps"), at("steps"), inner);
        if (has("catch")) {
            const QJsonValue clauses = value("catch");
            if (!clauses.isArray())
                fail(at("catch"), LoaderWords::tr("must be an array of catch clauses, got ") + describe(clauses, at("catch")));
            const QJsonArray array = clauses.toArray();
            if (array.isEmpty())
                fail(at("catch"), LoaderWords::tr("must have at least one clause (leave \"catch\" out if nothing is caught)"));
            for (qsizetype i = 0; i < array.size(); ++i)
                step->catches.push_back(catchAt(array.at(i), childPointer(at("catch"), i), inner));
        }
        if (has("finally"))
            step->finallyBody = stepsAt(value("finally"), at("finally"), inner);
        break;
    case StepKind::Group: {
        step->groupKind = choiceAt(need("kind"), at("kind"), {"strict", "tolerant"}) == 0 ? GroupKind::Strict
                                                                                          : GroupKind::Tolerant;
        if (has("limit"))
            step->limit = countAt(value("limit"), at("limit"), 1, MaxGroupLimit);
        step->tasks = taskListAt(need("tasks"), at("tasks"), inner.level, ctx.task);
        if (has("steps")) {
            StepContext groupSteps = inner;
            groupSteps.inGroupSteps = true;
            step->body = stepsAt(value("steps"), at("steps"), groupSteps);
        }
        break;
    }
    case StepKind::Gather:
        step->tasks = taskListAt(need("tasks"), at("tasks"), inner.level, ctx.task);
        if (has("awaitOrder"))
            checkAwaitOrder(value("awaitOrder"), at("awaitOrder"), step->tasks, &step->awaitOrder);
        break;
    case StepKind::Spawn: {
        const int link = choiceAt(need("link"), at("link"), {"child", "unstructured", "detached"});
        step->link = link == 0 ? SpawnLink::Child : link == 1 ? SpawnLink::Unstructured : SpawnLink::Detached;
        const QJsonValue task = need("task");
        if (task.isArray()) {
            fail(at("task"), LoaderWords::tr("must be one task object: a spawn starts exactly one task (give the task a \"count\" "
                             "or use a group for several)"));
        }
        step->tasks.push_back(taskAt(task, at("task"), inner.level, ctx.task));
        ctx.task->spawned.insert(step->tasks.front().name);
        break;
    }
    case StepKind::Join:
        step->target = spawnedTaskAt(need("task"), at("task"), ctx);
        if (has("shield"))
            step->shield = boolAt(value("shield"), at("shield"));
        if (has("timeout"))
            step->ms = msAt(value("timeout"), at("timeout"), 1);
        break;
    case StepKind::Cancel:
        step->target = spawnedTaskAt(need("task"), at("task"), ctx);
        break;
    case StepKind::CancelChildren:
        if (!ctx.inGroupSteps)
            fail(pointer,
                 LoaderWords::tr("\"cancelChildren\" is allowed only inside a group's \"steps\" (it cancels that group's tasks)"));
        break;
    case StepKind::Repeat:
        step->count = countAt(need("count"), at("count"), 1, ScenarioLoader::MaxCount);
        if (has("from"))
            step->from = countAt(value("from"), at("from"), 0, ScenarioLoader::MaxCount);
        step->body = stepsAt(need("steps"), at("steps"), loop);
        break;
    case StepKind::Timeout:
        step->ms = msAt(need("ms"), at("ms"), 0);
        if (has("orNull"))
            step->orNull = boolAt(value("orNull"), at("orNull"));
        if (has("style")) {
            step->timeoutStyle = choiceAt(value("style"), at("style"), {"block", "waitFor"}) == 0 ? TimeoutStyle::Block
                                                                                                : TimeoutStyle::WaitFor;
        }
        if (has("name")) {
            if (step->timeoutStyle != TimeoutStyle::WaitFor) {
                fail(at("name"), LoaderWords::tr("names the inner task of \"style\": \"waitFor\"; a \"block\" timeout has no inner "
                                 "task"));
            }
            step->target = nameAt(value("name"), at("name"), NameKind::Task);
        }
        step->body = stepsAt(need("steps"), at("steps"), inner);
        break;
    case StepKind::Shield:
        if (has("name"))
            step->target = nameAt(value("name"), at("name"), NameKind::Task);
        step->body = stepsAt(need("steps"), at("steps"), inner);
        break;
    case StepKind::OnCancel: {
        step->body = stepsAt(need("steps"), at("steps"), inner);
        StepContext handler = inner;
        handler.handlerOnly = true;
        step->handler = stepsAt(need("handler"), at("handler"), handler);
        break;
    }
    case StepKind::WaitSignal:
    case StepKind::Signal:
        step->target = nameAt(need("signal"), at("signal"), NameKind::Signal);
        break;
    }
}

CatchClause ScenarioValidator::catchAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx)
{
    const QJsonObject object = objectAt(value, pointer, LoaderWords::tr("a catch clause object with \"error\""));
    checkKeys(object, pointer, {u"error"_s, u"rethrow"_s, u"steps"_s});
    CatchClause clause;
    const QString errorPointer = childPointer(pointer, u"error"_s);
    const QJsonValue error = required(object, pointer, u"error"_s,
                                      LoaderWords::tr("for a catch clause (\"cancellation\", \"any\" or an error name)"));
    const QString name = stringAt(error, errorPointer, LoaderWords::tr("\"cancellation\", \"any\" or an error name"));
    if (name == "cancellation"_L1) {
        clause.match = CatchClause::Match::Cancellation;
    } else if (name == "any"_L1) {
        clause.match = CatchClause::Match::Any;
    } else {
        clause.match = CatchClause::Match::Named;
        clause.errorName = nameAt(error, errorPointer, NameKind::Error);
    }
    if (object.contains("rethrow"_L1))
        clause.rethrow = boolAt(object.value("rethrow"_L1), childPointer(pointer, u"rethrow"_s));
    if (object.contains("steps"_L1))
        clause.body = stepsAt(object.value("steps"_L1), childPointer(pointer, u"steps"_s), ctx);
    return clause;
}

QString ScenarioValidator::spawnedTaskAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx) const
{
    const QString name = nameAt(value, pointer, NameKind::Task);
    if (ctx.task->spawned.contains(name))
        return name;
    QString hint;
    const auto child = ctx.task->children.constFind(name);
    if (child != ctx.task->children.cend()) {
        hint = LoaderWords::tr("; %1 (at %2) is not started by a spawn step, and its group or gather awaits it").arg(quoted(name),
                                                                                                    child.value());
    }
    fail(pointer, LoaderWords::tr("no task named %1 was spawned earlier in the body of %2: join and cancel take the name of a task "
                  "started by an earlier \"spawn\" step of the same task%3")
                      .arg(quoted(name), quoted(ctx.task->path), hint));
}

void ScenarioValidator::checkAwaitOrder(const QJsonValue &value, const QString &pointer,
                                        const std::vector<TaskSpec> &tasks, QStringList *order) const
{
    QStringList names;
    QSet<QString> taskNames;
    for (const TaskSpec &task : tasks) {
        names << task.name;
        taskNames.insert(task.name);
    }
    if (!value.isArray())
        fail(pointer, LoaderWords::tr("must be an array of this gather's task names, got ") + describe(value, pointer));
    const QJsonArray array = value.toArray();
    QHash<QString, qsizetype> listed;  // name -> index in awaitOrder
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = childPointer(pointer, i);
        const QString name = stringAt(array.at(i), at, LoaderWords::tr("a task name"));
        if (!taskNames.contains(name)) {
            const QString shown = names.size() > 10 ? names.mid(0, 10).join(u", "_s) + u", …"_s : names.join(u", "_s);
            fail(at, LoaderWords::tr("%1 is not a task of this gather; its tasks are: %2").arg(quoted(name), shown));
        }
        const auto first = listed.constFind(name);
        if (first != listed.cend())
            fail(at, LoaderWords::tr("%1 is listed twice (first at %2)").arg(quoted(name), childPointer(pointer, first.value())));
        listed.insert(name, i);
        *order << name;
    }
    for (const QString &name : names) {
        if (!listed.contains(name))
            fail(pointer, LoaderWords::tr("must list every task of this gather exactly once; %1 is missing").arg(quoted(name)));
    }
}

} // namespace cascade::detail
