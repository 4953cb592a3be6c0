#include "stepvalidation.h"

#include "engine.h"
#include "jsonpointerlocator.h"
#include "scenariovalidation.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

const QString StepsPointer = u"/root/steps"_s;

bool isTaskName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        if (!letter && !(i > 0 && c >= u'0' && c <= u'9'))
            return false;
    }
    return true;
}

//! The smallest scenario whose root task has these steps: what the loader needs to judge them.
QJsonObject wrap(const QJsonArray &steps, const QString &taskName)
{
    const QJsonObject title{{u"en"_s, u"steps"_s}, {u"ko"_s, u"steps"_s}};
    const QJsonObject root{{u"name"_s, isTaskName(taskName) ? taskName : u"task"_s}, {u"steps"_s, steps}};
    return QJsonObject{{u"cascade"_s, u"scenario"_s},
                       {u"version"_s, 1},
                       {u"id"_s, u"steps"_s},
                       {u"title"_s, title},
                       {u"runtimes"_s, QJsonArray{u"asyncio"_s, u"kotlin"_s, u"swift"_s}},
                       {u"root"_s, root}};
}

//! "/root/steps/2/ms" -> "/2/ms"; nullopt for a pointer outside the steps.
std::optional<QString> relativePointer(const QString &pointer)
{
    if (pointer == StepsPointer)
        return QString();
    if (pointer.startsWith(StepsPointer + u'/'))
        return pointer.mid(StepsPointer.size());
    return std::nullopt;
}

struct Validated {
    std::optional<Scenario> scenario;
    detail::ValidationProblem problem;
};

Validated runLoaderChecks(const QJsonArray &steps, const QString &taskName)
{
    // The validator quotes numbers as written in its messages, so it gets the text it judges.
    const QJsonObject document = wrap(steps, taskName);
    const QByteArray text = QJsonDocument(document).toJson(QJsonDocument::Compact);
    detail::ScenarioValidator validator(text);
    Validated result;
    result.scenario = validator.validate(document, &result.problem);
    return result;
}

//! Where the step that contains a pointer is: the tokens of the deepest step on the pointer's path
//! (through nested bodies, catch clauses and the bodies of group, gather and spawn tasks).
struct StepLocation {
    QStringList tokens;        // empty: the pointer is not inside any step
    bool inHandler = false;    // the step is in an onCancel handler (only print and signal allowed)
};

StepLocation deepestStep(const QJsonArray &steps, const QStringList &tokens)
{
    StepLocation found;
    QJsonValue list = steps;
    qsizetype i = 0;
    while (i < tokens.size() && list.isArray()) {
        bool ok = false;
        const qsizetype index = tokens.at(i).toLongLong(&ok);
        if (!ok || index < 0 || index >= list.toArray().size())
            break;
        found.tokens = tokens.mid(0, i + 1);
        found.inHandler = i > 0 && tokens.at(i - 1) == "handler"_L1;
        const QJsonObject step = list.toArray().at(index).toObject();
        ++i;
        if (i >= tokens.size())
            break;
        const QString key = tokens.at(i++);
        list = QJsonValue();
        if (key == "steps"_L1 || key == "finally"_L1 || key == "handler"_L1) {
            list = step.value(key);
        } else if ((key == "catch"_L1 || key == "tasks"_L1) && i + 1 < tokens.size()) {
            const QJsonValue item = step.value(key).toArray().at(tokens.at(i).toLongLong());
            if (tokens.at(i + 1) == "steps"_L1)
                list = item.toObject().value(u"steps"_s);
            i += 2;
        } else if (key == "task"_L1 && i < tokens.size() && tokens.at(i) == "steps"_L1) {
            list = step.value(u"task"_s).toObject().value(u"steps"_s);
            ++i;
        }
    }
    return found;
}

QJsonValue replaced(const QJsonValue &value, const QStringList &tokens, qsizetype at, const QJsonValue &with)
{
    if (at == tokens.size())
        return with;
    const QString &token = tokens.at(at);
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const qsizetype index = token.toLongLong();
        array[index] = replaced(array.at(index), tokens, at + 1, with);
        return array;
    }
    QJsonObject object = value.toObject();
    object[token] = replaced(object.value(token), tokens, at + 1, with);
    return object;
}

//! A step that is valid wherever the given one stood. A spawn keeps its task's name, so that the
//! joins and cancels after it are still judged against it.
QJsonObject standIn(const QJsonObject &step, const StepLocation &location, bool keepSpawnName)
{
    if (location.inHandler)
        return QJsonObject{{u"do"_s, u"print"_s}, {u"text"_s, QString()}};
    const QString name = step.value(u"task"_s).toObject().value(u"name"_s).toString();
    if (keepSpawnName && step.value(u"do"_s) == "spawn"_L1 && isTaskName(name)) {
        return QJsonObject{{u"do"_s, u"spawn"_s}, {u"link"_s, u"unstructured"_s},
                           {u"task"_s, QJsonObject{{u"name"_s, name}, {u"steps"_s, QJsonArray()}}}};
    }
    return QJsonObject{{u"do"_s, u"checkpoint"_s}};
}

QJsonValue valueAt(const QJsonArray &steps, const QStringList &tokens)
{
    QJsonValue value = steps;
    for (const QString &token : tokens)
        value = value.isArray() ? value.toArray().at(token.toLongLong()) : value.toObject().value(token);
    return value;
}

} // namespace

std::vector<StepProblem> validateSteps(const QJsonArray &steps, const QString &taskName, int maxProblems,
                                       QJsonArray *validPart)
{
    std::vector<StepProblem> problems;
    QJsonArray remaining = steps;
    QHash<QString, int> setAside;  // pointer of a replaced step -> times replaced
    while (int(problems.size()) < maxProblems) {
        const Validated result = runLoaderChecks(remaining, taskName);
        if (result.scenario)
            break;
        const std::optional<QString> pointer = relativePointer(result.problem.pointer);
        const StepProblem problem{pointer.value_or(result.problem.pointer), result.problem.problem};
        // A stand-in spawn may fail the same way (a duplicate name): the second stand-in is plain.
        if (problems.empty() || !(problems.back() == problem))
            problems.push_back(problem);
        if (!pointer)
            break;
        const StepLocation location = deepestStep(remaining, jsontext::splitPointer(*pointer));
        if (location.tokens.isEmpty())
            break;
        const QString stepPointer = u'/' + location.tokens.join(u'/');
        const int attempts = setAside[stepPointer]++;
        if (attempts >= 2)
            break;
        const QJsonObject step = valueAt(remaining, location.tokens).toObject();
        remaining = replaced(remaining, location.tokens, 0, standIn(step, location, attempts == 0)).toArray();
    }
    if (validPart)
        *validPart = remaining;
    return problems;
}

std::vector<StepProblem> unsupportedSteps(const QJsonArray &steps, Runtime runtime)
{
    std::vector<StepProblem> reasons;
    const Validated result = runLoaderChecks(steps, QString());
    if (!result.scenario)
        return reasons;
    // Engine::unsupported says "<pointer>: <what> is not available in <runtime>: <why>".
    for (const QString &reason : Engine::unsupported(*result.scenario, runtime)) {
        const qsizetype colon = reason.indexOf(u": "_s);
        const std::optional<QString> pointer = relativePointer(reason.left(colon));
        reasons.push_back(StepProblem{pointer.value_or(QString()), reason.mid(colon + 2)});
    }
    return reasons;
}

QStringList stepFieldKeys(const QString &kind)
{
    StepKind stepKind = StepKind::Print;
    return stepKindFromName(kind, &stepKind) ? detail::stepKeys(stepKind) : QStringList();
}

} // namespace cascade
