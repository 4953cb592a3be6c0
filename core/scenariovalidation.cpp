#include "scenariovalidation.h"
#include "loaderwords.h"

#include "scenarioloader.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cascade::detail {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxNameChars = 64;
constexpr int MaxTitleChars = 200;
constexpr int MaxExplanationChars = 4000;
constexpr double MaxExactInteger = 9007199254740992.0;  // 2^53: beyond it a JSON number is not exact

//! Length as a reader counts it: a surrogate pair is one character.
qsizetype characterCount(const QString &s)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

QString quoted(const QString &s)
{
    // Short and on one line: the message quotes the value, it does not reproduce it.
    QString shown = s.left(40);
    shown.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s).replace(u'\t', u"\\t"_s);
    for (QChar &c : shown) {
        if (c.unicode() < 0x20)
            c = u'?';
    }
    return u'"' + shown + (s.size() > 40 ? u"\"…"_s : u"\""_s);
}

QString quotedAlternatives(const QStringList &options)
{
    QString out;
    for (qsizetype i = 0; i < options.size(); ++i) {
        if (i > 0)
            out += i == options.size() - 1 ? LoaderWords::tr(" or ") : u", "_s;
        out += u'"' + options.at(i) + u'"';
    }
    return out;
}

std::optional<Scenario> ScenarioValidator::validate(const QJsonValue &document, ValidationProblem *problem)
{
    m_stepCount = 0;
    try {
        if (!document.isObject())
            fail(QString(),
                 LoaderWords::tr("the top level must be a JSON object (a scenario), got ") + describe(document, QString()));
        const QJsonObject top = document.toObject();
        if (!top.contains("cascade"_L1))
            fail(QString(), LoaderWords::tr("not a Cascade scenario: missing required key \"cascade\" (it must be \"scenario\")"));
        const QJsonValue cascade = top.value("cascade"_L1);
        if (cascade.toString() != "scenario"_L1)
            fail(u"/cascade"_s, LoaderWords::tr("must be \"scenario\", got ") + describe(cascade, u"/cascade"_s));
        const QString topLevel = LoaderWords::tr("in the top-level object");
        checkKeys(top, QString(),
                  {u"cascade"_s, u"version"_s, u"id"_s, u"title"_s, u"explanation"_s, u"runtimes"_s, u"root"_s,
                   u"captions"_s, u"predict"_s});

        const QJsonValue version = required(top, QString(), u"version"_s, topLevel);
        if (!version.isDouble() || version.toDouble() != 1.0) {
            fail(u"/version"_s, LoaderWords::tr("must be 1, the only version of the format this program reads; got ")
                     + describe(version, u"/version"_s));
        }

        Scenario scenario;
        scenario.id = nameAt(required(top, QString(), u"id"_s, topLevel), u"/id"_s, NameKind::ScenarioId);
        scenario.title = localizedAt(required(top, QString(), u"title"_s, topLevel), u"/title"_s, MaxTitleChars);
        if (top.contains("explanation"_L1))
            scenario.explanation = localizedAt(top.value("explanation"_L1), u"/explanation"_s, MaxExplanationChars);
        scenario.runtimes = runtimesAt(required(top, QString(), u"runtimes"_s, topLevel), u"/runtimes"_s);
        scenario.root = taskAt(required(top, QString(), u"root"_s, topLevel), u"/root"_s, 1, nullptr);
        if (top.contains("captions"_L1))
            scenario.captions = captionsAt(top.value("captions"_L1), u"/captions"_s, scenario);
        if (top.contains("predict"_L1))
            scenario.questions = questionsAt(top.value("predict"_L1), u"/predict"_s, scenario);
        return scenario;
    } catch (const Failure &failure) {
        if (problem)
            *problem = failure.problem;
        return std::nullopt;
    }
}

void ScenarioValidator::fail(const QString &pointer, const QString &problem, jsontext::Target target) const
{
    throw Failure{ValidationProblem{pointer, problem, target}};
}

QString ScenarioValidator::describe(const QJsonValue &value, const QString &pointer) const
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        // Quote the number as written: 1e3 or 0.1 should not come back as 1000 or 0.10000000000000001.
        const QString literal = jsontext::scalarLiteralAt(m_text, jsontext::locate(m_text, pointer));
        bool ok = false;
        literal.toDouble(&ok);
        return ok ? literal : QString::number(value.toDouble());
    }
    case QJsonValue::String: {
        const QString s = value.toString();
        return characterCount(s) > 200 ? LoaderWords::tr("a string of %1 characters").arg(characterCount(s)) : quoted(s);
    }
    case QJsonValue::Array:
        return LoaderWords::tr("an array");
    case QJsonValue::Object:
        return LoaderWords::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

void ScenarioValidator::checkKeys(const QJsonObject &object, const QString &pointer, const QStringList &allowed) const
{
    auto unknown = [&](const QString &key) { return key != "note"_L1 && !allowed.contains(key); };
    const QStringList keys = object.keys();
    if (std::any_of(keys.begin(), keys.end(), unknown)) {
        // Name the first unknown key in the file, not the first in QJsonObject's sorted order. One
        // pass over the object's text, however many unknown keys it has.
        const QStringList inOrder = jsontext::memberKeys(m_text, pointer);
        const auto first = std::find_if(inOrder.begin(), inOrder.end(), unknown);
        const QString key = first != inOrder.end() ? *first : *std::find_if(keys.begin(), keys.end(), unknown);
        fail(childPointer(pointer, key),
             LoaderWords::tr("unknown key %1; expected one of: %2, note").arg(quoted(key), allowed.join(u", "_s)),
             jsontext::Target::Key);
    }
    if (object.contains("note"_L1) && !object.value("note"_L1).isString()) {
        const QString at = childPointer(pointer, u"note"_s);
        fail(at, LoaderWords::tr("must be a string (a note for authors, ignored by the engine), got ")
                     + describe(object.value("note"_L1), at));
    }
}

QJsonObject ScenarioValidator::objectAt(const QJsonValue &value, const QString &pointer, const QString &what) const
{
    if (!value.isObject())
        fail(pointer, LoaderWords::tr("must be %1, got %2").arg(what, describe(value, pointer)));
    return value.toObject();
}

QJsonValue ScenarioValidator::required(const QJsonObject &object, const QString &pointer, const QString &key,
                                       const QString &owner) const
{
    if (!object.contains(key)) {
        fail(pointer, owner.isEmpty() ? LoaderWords::tr("missing required key %1").arg(quoted(key))
                                      : LoaderWords::tr("missing required key %1 %2").arg(quoted(key), owner));
    }
    return object.value(key);
}

QString ScenarioValidator::stringAt(const QJsonValue &value, const QString &pointer, const QString &what) const
{
    if (!value.isString())
        fail(pointer, LoaderWords::tr("must be %1, got %2").arg(what, describe(value, pointer)));
    return value.toString();
}

QString ScenarioValidator::textAt(const QJsonValue &value, const QString &pointer, int maxChars, bool allowEmpty) const
{
    const QString s = stringAt(value, pointer, LoaderWords::tr("a string"));
    if (!allowEmpty && s.trimmed().isEmpty())
        fail(pointer, LoaderWords::tr("must not be empty"));
    const qsizetype length = characterCount(s);
    if (length > maxChars)
        fail(pointer, LoaderWords::tr("is too long: %1 characters, at most %2 are allowed").arg(length).arg(maxChars));
    return s;
}

qint64 ScenarioValidator::numberAt(const QJsonValue &value, const QString &pointer, qint64 min, qint64 max,
                                   const QString &what) const
{
    auto complain = [&] {
        fail(pointer, LoaderWords::tr("must be %1 from %2 to %3, got %4").arg(what).arg(min).arg(max).arg(describe(value, pointer)));
    };
    if (!value.isDouble())
        complain();
    // Integers are parsed strictly: 1.5 or 1e300 is not a count of anything. 1.0 is the number 1.
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > MaxExactInteger)
        complain();
    const qint64 n = value.toInteger(std::numeric_limits<qint64>::min());
    if (n < min || n > max)
        complain();
    return n;
}

qint64 ScenarioValidator::msAt(const QJsonValue &value, const QString &pointer, qint64 min) const
{
    return numberAt(value, pointer, min, ScenarioLoader::MaxMs, LoaderWords::tr("a whole number of milliseconds"));
}

int ScenarioValidator::countAt(const QJsonValue &value, const QString &pointer, int min, int max) const
{
    return int(numberAt(value, pointer, min, max, LoaderWords::tr("a whole number")));
}

bool ScenarioValidator::boolAt(const QJsonValue &value, const QString &pointer) const
{
    if (!value.isBool())
        fail(pointer, LoaderWords::tr("must be true or false, got ") + describe(value, pointer));
    return value.toBool();
}

QString ScenarioValidator::nameAt(const QJsonValue &value, const QString &pointer, NameKind kind) const
{
    QString rule;
    switch (kind) {
    case NameKind::Task:
        rule = LoaderWords::tr("a task name (a letter or _, then letters, digits or _; at most 64 characters)");
        break;
    case NameKind::Signal:
        rule = LoaderWords::tr("a signal name (a letter or _, then letters, digits or _; at most 64 characters)");
        break;
    case NameKind::Error:
        rule = LoaderWords::tr("an error name (a letter or _, then letters, digits, _ or .; at most 64 characters)");
        break;
    case NameKind::ScenarioId:
        rule = LoaderWords::tr("an id (a-z or 0-9, then a-z, 0-9 or -; at most 64 characters)");
        break;
    }
    const QString s = stringAt(value, pointer, rule);
    bool ok = !s.isEmpty();
    for (qsizetype i = 0; ok && i < s.size(); ++i) {
        const QChar c = s.at(i);
        switch (kind) {
        case NameKind::Task:
        case NameKind::Signal:
            ok = isAsciiLetter(c) || c == u'_' || (i > 0 && isAsciiDigit(c));
            break;
        case NameKind::Error:
            ok = isAsciiLetter(c) || c == u'_' || (i > 0 && (isAsciiDigit(c) || c == u'.'));
            break;
        case NameKind::ScenarioId:
            ok = (c >= u'a' && c <= u'z') || isAsciiDigit(c) || (i > 0 && c == u'-');
            break;
        }
    }
    if (!ok)
        fail(pointer, LoaderWords::tr("must be %1, got %2").arg(rule, describe(value, pointer)));
    if (s.size() > MaxNameChars)
        fail(pointer, LoaderWords::tr("is too long: %1 characters, at most %2 are allowed").arg(s.size()).arg(MaxNameChars));
    return s;
}

int ScenarioValidator::choiceAt(const QJsonValue &value, const QString &pointer,
                                std::initializer_list<const char *> options) const
{
    QStringList names;
    for (const char *option : options)
        names << QString::fromLatin1(option);
    const qsizetype index = value.isString() ? names.indexOf(value.toString()) : -1;
    if (index < 0)
        fail(pointer, LoaderWords::tr("must be %1, got %2").arg(quotedAlternatives(names), describe(value, pointer)));
    return int(index);
}

LocalizedText ScenarioValidator::localizedAt(const QJsonValue &value, const QString &pointer, int maxChars) const
{
    const QJsonObject object = objectAt(value, pointer, LoaderWords::tr("a text object {\"en\": \"...\", \"ko\": \"...\"}"));
    checkKeys(object, pointer, {u"en"_s, u"ko"_s});
    LocalizedText text;
    const QString owner = LoaderWords::tr("(text needs English \"en\" and Korean \"ko\")");
    text.en = textAt(required(object, pointer, u"en"_s, owner), childPointer(pointer, u"en"_s), maxChars, false);
    text.ko = textAt(required(object, pointer, u"ko"_s, owner), childPointer(pointer, u"ko"_s), maxChars, false);
    return text;
}

std::vector<Runtime> ScenarioValidator::runtimesAt(const QJsonValue &value, const QString &pointer) const
{
    const QString expected = quotedAlternatives(allRuntimeNames());
    if (!value.isArray())
        fail(pointer, LoaderWords::tr("must be an array of runtime names (%1), got %2").arg(expected, describe(value, pointer)));
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        fail(pointer, LoaderWords::tr("must list at least one runtime (%1)").arg(expected));
    std::vector<Runtime> runtimes;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = childPointer(pointer, i);
        const QString name = stringAt(array.at(i), at, LoaderWords::tr("a runtime name (%1)").arg(expected));
        Runtime runtime = Runtime::Asyncio;
        if (!runtimeFromName(name, &runtime))
            fail(at, LoaderWords::tr("unknown runtime %1; expected one of: %2").arg(quoted(name), allRuntimeNames().join(u", "_s)));
        const auto seen = std::find(runtimes.begin(), runtimes.end(), runtime);
        if (seen != runtimes.end()) {
            fail(at, LoaderWords::tr("%1 is listed twice (first at %2)").arg(quoted(name),
                                                                childPointer(pointer, seen - runtimes.begin())));
        }
        runtimes.push_back(runtime);
    }
    return runtimes;
}

TaskSpec ScenarioValidator::taskAt(const QJsonValue &value, const QString &pointer, int level, TaskScope *parent)
{
    const QJsonObject object = objectAt(value, pointer, LoaderWords::tr("a task object with \"name\" and \"steps\""));
    if (level > ScenarioLoader::MaxDepth)
        fail(pointer, LoaderWords::tr("nesting is deeper than %1 levels (tasks and steps together)").arg(ScenarioLoader::MaxDepth));
    checkKeys(object, pointer, {u"name"_s, u"steps"_s, u"count"_s, u"dispatcher"_s});
    const QString owner = LoaderWords::tr("for a task");

    TaskSpec task;
    const QString namePointer = childPointer(pointer, u"name"_s);
    task.name = nameAt(required(object, pointer, u"name"_s, owner), namePointer, NameKind::Task);
    if (parent) {
        const auto first = parent->children.constFind(task.name);
        if (first != parent->children.cend()) {
            fail(namePointer, LoaderWords::tr("duplicate task name %1 among the children of %2 (first at %3)")
                                  .arg(quoted(task.name), quoted(parent->path), first.value()));
        }
        parent->children.insert(task.name, pointer);
    }
    if (object.contains("count"_L1))
        task.count = countAt(object.value("count"_L1), childPointer(pointer, u"count"_s), 1, ScenarioLoader::MaxCount);
    if (object.contains("dispatcher"_L1)) {
        const QString at = childPointer(pointer, u"dispatcher"_s);
        const int d = choiceAt(object.value("dispatcher"_L1), at, {"Default", "Main"});
        task.dispatcher = d == 0 ? Dispatcher::Default : Dispatcher::Main;
    }

    TaskScope scope;
    scope.path = parent ? parent->path + u'/' + task.name : task.name;
    StepContext ctx;
    ctx.task = &scope;
    ctx.level = level + 1;
    task.body = stepsAt(required(object, pointer, u"steps"_s, owner), childPointer(pointer, u"steps"_s), ctx);
    return task;
}

std::vector<TaskSpec> ScenarioValidator::taskListAt(const QJsonValue &value, const QString &pointer, int level,
                                                    TaskScope *parent)
{
    if (!value.isArray())
        fail(pointer, LoaderWords::tr("must be an array of task objects, got ") + describe(value, pointer));
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        fail(pointer, LoaderWords::tr("must list at least one task"));
    std::vector<TaskSpec> tasks;
    for (qsizetype i = 0; i < array.size(); ++i)
        tasks.push_back(taskAt(array.at(i), childPointer(pointer, i), level, parent));
    return tasks;
}

Steps ScenarioValidator::stepsAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx)
{
    if (!value.isArray())
        fail(pointer, LoaderWords::tr("must be an array of steps, got ") + describe(value, pointer));
    const QJsonArray array = value.toArray();
    Steps steps;
    steps.reserve(std::size_t(std::min<qsizetype>(array.size(), ScenarioLoader::MaxSteps)));
    for (qsizetype i = 0; i < array.size(); ++i)
        steps.push_back(stepAt(array.at(i), childPointer(pointer, i), ctx));
    return steps;
}

Step ScenarioValidator::stepAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx)
{
    const QJsonObject object = objectAt(value, pointer, LoaderWords::tr("a step object with \"do\""));
    if (++m_stepCount > ScenarioLoader::MaxSteps)
        fail(pointer, LoaderWords::tr("too many steps: a file may have at most %1").arg(ScenarioLoader::MaxSteps));
    if (ctx.level > ScenarioLoader::MaxDepth)
        fail(pointer, LoaderWords::tr("nesting is deeper than %1 levels (tasks and steps together)").arg(ScenarioLoader::MaxDepth));

    const QString doPointer = childPointer(pointer, u"do"_s);
    const QJsonValue kindValue = required(object, pointer, u"do"_s, LoaderWords::tr("(the kind of step)"));
    const QString kindName = stringAt(kindValue, doPointer, LoaderWords::tr("a step kind such as \"sleep\""));
    Step step;
    step.pointer = pointer;
    if (!stepKindFromName(kindName, &step.kind)) {
        fail(doPointer, LoaderWords::tr("unknown step kind %1; expected one of: %2").arg(quoted(kindName),
                                                                          allStepKindNames().join(u", "_s)));
    }
    if (ctx.handlerOnly && step.kind != StepKind::Print && step.kind != StepKind::Signal) {
        fail(doPointer, LoaderWords::tr("an onCancel handler may contain only \"print\" and \"signal\" steps, got %1")
                            .arg(quoted(kindName)));
    }
    checkKeys(object, pointer, QStringList{u"do"_s} + stepKeys(step.kind));
    stepFields(object, pointer, ctx, &step);
    return step;
}

} // namespace cascade::detail
