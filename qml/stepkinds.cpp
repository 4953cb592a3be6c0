#include "stepkinds.h"

#include "scenarioloader.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cascade::stepkinds {

using namespace Qt::StringLiterals;

namespace {

//! The step editor's words (labels, help, summaries) in the "StepEditor" translation context.
class Words
{
    Q_DECLARE_TR_FUNCTIONS(StepEditor)
};

constexpr qint64 MaxMs = ScenarioLoader::MaxMs;
constexpr qint64 MaxCount = ScenarioLoader::MaxCount;
constexpr qint64 MaxGroupLimit = 10'000;

FieldSpec ms(const QString &key, const QString &label, qint64 min, bool optional = false, const QString &help = {})
{
    return FieldSpec{key, label, FieldType::Ms, min, MaxMs, {}, optional, help};
}

FieldSpec count(const QString &key, const QString &label, qint64 min, qint64 max, bool optional,
                const QString &help = {})
{
    return FieldSpec{key, label, FieldType::Count, min, max, {}, optional, help};
}

FieldSpec choice(const QString &key, const QString &label, const QStringList &options, const QString &help = {})
{
    return FieldSpec{key, label, FieldType::Choice, 0, 0, options, false, help};
}

FieldSpec flag(const QString &key, const QString &label)
{
    return FieldSpec{key, label, FieldType::Bool, 0, 0, {}, true, {}};
}

FieldSpec text(const QString &key, const QString &label, bool optional, const QString &help = {})
{
    return FieldSpec{key, label, FieldType::Text, 0, 0, {}, optional, help};
}

FieldSpec name(const QString &key, const QString &label, bool optional, const QString &help = {})
{
    return FieldSpec{key, label, FieldType::Name, 0, 0, {}, optional, help};
}

FieldSpec names(const QString &key, const QString &label, bool optional, const QString &help)
{
    return FieldSpec{key, label, FieldType::Names, 0, 0, {}, optional, help};
}

QString typeName(FieldType type)
{
    switch (type) {
    case FieldType::Ms: return u"ms"_s;
    case FieldType::Count: return u"count"_s;
    case FieldType::Choice: return u"choice"_s;
    case FieldType::Bool: return u"bool"_s;
    case FieldType::Text: return u"text"_s;
    case FieldType::Name: return u"name"_s;
    case FieldType::Names: return u"names"_s;
    case FieldType::CatchError: return u"catchError"_s;
    }
    return {};
}

QJsonObject task(const QString &taskName, const QJsonArray &steps)
{
    return QJsonObject{{u"name"_s, taskName}, {u"steps"_s, steps}};
}

QJsonObject sleep(qint64 milliseconds)
{
    return QJsonObject{{u"do"_s, u"sleep"_s}, {u"ms"_s, milliseconds}};
}

QJsonObject print(const QString &line)
{
    return QJsonObject{{u"do"_s, u"print"_s}, {u"text"_s, line}};
}

//! base, base2, base3 ... whichever is free first.
QString freeName(const QString &base, const QStringList &taken)
{
    if (!taken.contains(base))
        return base;
    for (int i = 2;; ++i) {
        const QString candidate = base + QString::number(i);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QString number(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toVariant().toString();
}

QString namesOf(const QJsonValue &tasks)
{
    QStringList out;
    for (const QJsonValue &t : tasks.toArray())
        out << t.toObject().value(u"name"_s).toString();
    return out.join(u", "_s);
}

} // namespace

QVariantMap FieldSpec::toVariant() const
{
    return QVariantMap{{u"key"_s, key},       {u"label"_s, label},       {u"type"_s, typeName(type)},
                       {u"min"_s, double(min)}, {u"max"_s, double(max)}, {u"options"_s, options},
                       {u"optional"_s, optional}, {u"help"_s, help}};
}

QStringList kinds()
{
    return {u"sleep"_s,  u"work"_s,   u"checkpoint"_s, u"ifCancelled"_s, u"whileActive"_s, u"print"_s,
            u"raise"_s,  u"try"_s,    u"group"_s,      u"gather"_s,      u"spawn"_s,       u"join"_s,
            u"cancel"_s, u"cancelChildren"_s, u"repeat"_s, u"timeout"_s, u"shield"_s,      u"onCancel"_s,
            u"waitSignal"_s, u"signal"_s};
}

QList<FieldSpec> fields(const QString &kind)
{
    QList<FieldSpec> out;
    if (kind == "sleep"_L1) {
        out << ms(u"ms"_s, Words::tr("Sleep (ms)"), 0);
    } else if (kind == "work"_L1) {
        out << ms(u"ms"_s, Words::tr("CPU work (ms)"), 1)
            << choice(u"check"_s, Words::tr("Checks"), {u"none"_s, u"throw"_s, u"poll"_s},
                      Words::tr("none: a plain loop; throw: a throwing check; poll: read the flag and stop"))
            << ms(u"checkEvery"_s, Words::tr("Check every (ms)"), 1, true, Words::tr("at most the work's ms"));
    } else if (kind == "ifCancelled"_L1) {
        out << choice(u"then"_s, Words::tr("Then"), {u"return"_s, u"raise"_s, u"break"_s})
            << name(u"error"_s, Words::tr("Error to raise"), true, Words::tr("only with \"raise\"; empty: the cancellation"));
    } else if (kind == "whileActive"_L1) {
        out << count(u"max"_s, Words::tr("At most (iterations)"), 0, MaxCount, true, Words::tr("0: no limit"));
    } else if (kind == "print"_L1) {
        out << text(u"text"_s, Words::tr("Text"), false, Words::tr("{i}: the loop index, {task}: the task's name"));
    } else if (kind == "raise"_L1) {
        out << name(u"error"_s, Words::tr("Error"), false) << text(u"message"_s, Words::tr("Message"), true);
    } else if (kind == "try"_L1) {
        out << flag(u"finally"_s, Words::tr("Has a finally block"));
    } else if (kind == "group"_L1) {
        out << choice(u"kind"_s, Words::tr("Kind"), {u"strict"_s, u"tolerant"_s},
                      Words::tr("strict: a failure cancels the others; tolerant: it does not"))
            << count(u"limit"_s, Words::tr("Run at most (tasks at once)"), 0, MaxGroupLimit, true, Words::tr("0: no limit"))
            << names(u"tasks"_s, Words::tr("Tasks"), false, Words::tr("names, separated by commas; edit each as its own task"));
    } else if (kind == "gather"_L1) {
        out << names(u"tasks"_s, Words::tr("Tasks"), false, Words::tr("names, separated by commas; edit each as its own task"))
            << names(u"awaitOrder"_s, Words::tr("Await order"), true, Words::tr("every task once; empty: in order"));
    } else if (kind == "spawn"_L1) {
        out << name(u"task"_s, Words::tr("Task"), false, Words::tr("edit its steps as its own task"))
            << choice(u"link"_s, Words::tr("Link"), {u"child"_s, u"unstructured"_s, u"detached"_s});
    } else if (kind == "join"_L1) {
        out << name(u"task"_s, Words::tr("Task"), false, Words::tr("spawned earlier in this task"))
            << flag(u"shield"_s, Words::tr("Through a shield"))
            << ms(u"timeout"_s, Words::tr("Timeout (ms)"), 0, true, Words::tr("0: none"));
    } else if (kind == "cancel"_L1) {
        out << name(u"task"_s, Words::tr("Task"), false, Words::tr("spawned earlier in this task"));
    } else if (kind == "repeat"_L1) {
        out << count(u"count"_s, Words::tr("Times"), 1, MaxCount, false)
            << count(u"from"_s, Words::tr("First index"), 0, MaxCount, true);
    } else if (kind == "timeout"_L1) {
        out << ms(u"ms"_s, Words::tr("Timeout (ms)"), 0) << flag(u"orNull"_s, Words::tr("Or null (no error)"))
            << choice(u"style"_s, Words::tr("Style"), {u"block"_s, u"waitFor"_s})
            << name(u"name"_s, Words::tr("Inner task"), true, Words::tr("only with \"waitFor\"; empty: wait_for"));
    } else if (kind == "shield"_L1) {
        out << name(u"name"_s, Words::tr("Inner task"), true, Words::tr("empty: shielded"));
    } else if (kind == "waitSignal"_L1 || kind == "signal"_L1) {
        out << name(u"signal"_s, Words::tr("Signal"), false);
    }
    if (kinds().contains(kind))
        out << text(u"note"_s, Words::tr("Note for authors"), true);
    return out;
}

QList<FieldSpec> catchFields()
{
    FieldSpec error{u"error"_s, Words::tr("Catches"), FieldType::CatchError, 0, 0,
                    {u"cancellation"_s, u"any"_s, u"timeout"_s}, false,
                    Words::tr("cancellation, any (the runtime's catch-all), or an error name")};
    return {error, flag(u"rethrow"_s, Words::tr("Rethrow"))};
}

QList<SectionSpec> sections(const QString &kind)
{
    if (kind == "try"_L1)
        return {{u"steps"_s, u"try"_s, true}, {u"finally"_s, u"finally"_s, false}};
    if (kind == "whileActive"_L1 || kind == "repeat"_L1)
        return {{u"steps"_s, Words::tr("loop body"), true}};
    if (kind == "timeout"_L1)
        return {{u"steps"_s, Words::tr("within the timeout"), true}};
    if (kind == "shield"_L1)
        return {{u"steps"_s, u"shielded"_s, true}};
    if (kind == "onCancel"_L1)
        return {{u"steps"_s, u"operation"_s, true}, {u"handler"_s, Words::tr("on cancel (print, signal)"), true}};
    if (kind == "group"_L1)
        return {{u"steps"_s, Words::tr("in the group"), true}};
    return {};
}

bool hasCatchClauses(const QString &kind)
{
    return kind == "try"_L1;
}

QJsonObject defaultStep(const QString &kind, const QStringList &takenNames, const QString &lastSpawned)
{
    QJsonObject step{{u"do"_s, kind}};
    const QString target = lastSpawned.isEmpty() ? u"job"_s : lastSpawned;
    if (kind == "sleep"_L1) {
        step[u"ms"_s] = 1000;
    } else if (kind == "work"_L1) {
        step[u"ms"_s] = 1000;
    } else if (kind == "ifCancelled"_L1) {
        step[u"then"_s] = u"return"_s;
    } else if (kind == "whileActive"_L1) {
        step[u"max"_s] = 10;
        step[u"steps"_s] = QJsonArray{sleep(100)};
    } else if (kind == "print"_L1) {
        step[u"text"_s] = u"{task}: hello"_s;
    } else if (kind == "raise"_L1) {
        step[u"error"_s] = u"ValueError"_s;
        step[u"message"_s] = u"boom"_s;
    } else if (kind == "try"_L1) {
        step[u"steps"_s] = QJsonArray{sleep(1000)};
        step[u"finally"_s] = QJsonArray{print(u"{task}: cleanup"_s)};
    } else if (kind == "group"_L1) {
        step[u"kind"_s] = u"strict"_s;
        step[u"tasks"_s] = QJsonArray{task(freeName(u"worker"_s, takenNames), QJsonArray{sleep(1000)})};
    } else if (kind == "gather"_L1) {
        const QString first = freeName(u"a"_s, takenNames);
        const QString second = freeName(u"b"_s, takenNames + QStringList{first});
        step[u"tasks"_s] = QJsonArray{task(first, QJsonArray{sleep(1000)}), task(second, QJsonArray{sleep(2000)})};
    } else if (kind == "spawn"_L1) {
        step[u"link"_s] = u"unstructured"_s;
        step[u"task"_s] = task(freeName(u"job"_s, takenNames), QJsonArray{sleep(1000)});
    } else if (kind == "join"_L1 || kind == "cancel"_L1) {
        step[u"task"_s] = target;
    } else if (kind == "repeat"_L1) {
        step[u"count"_s] = 3;
        step[u"steps"_s] = QJsonArray{print(u"{task}: round {i}"_s)};
    } else if (kind == "timeout"_L1) {
        step[u"ms"_s] = 1000;
        step[u"steps"_s] = QJsonArray{sleep(2000)};
    } else if (kind == "shield"_L1) {
        step[u"steps"_s] = QJsonArray{sleep(1000)};
    } else if (kind == "onCancel"_L1) {
        step[u"steps"_s] = QJsonArray{sleep(1000)};
        step[u"handler"_s] = QJsonArray{print(u"{task}: cancelled"_s)};
    } else if (kind == "waitSignal"_L1 || kind == "signal"_L1) {
        step[u"signal"_s] = u"ready"_s;
    }
    return step;
}

QString summary(const QJsonObject &step)
{
    const QString kind = step.value(u"do"_s).toString();
    auto has = [&](const char *key) { return step.contains(QLatin1StringView(key)); };
    auto str = [&](const char *key) { return step.value(QLatin1StringView(key)).toVariant().toString(); };
    auto num = [&](const char *key) { return number(step.value(QLatin1StringView(key))); };
    if (kind == "sleep"_L1)
        return Words::tr("sleep %1 ms").arg(num("ms"));
    if (kind == "work"_L1) {
        if (!has("checkEvery"))
            return Words::tr("work %1 ms, no checks").arg(num("ms"));
        const QString how = str("check") == "poll"_L1 ? u"polls"_s : u"checks"_s;
        return Words::tr("work %1 ms, %2 every %3 ms").arg(num("ms"), how, num("checkEvery"));
    }
    if (kind == "checkpoint"_L1)
        return Words::tr("check point");
    if (kind == "ifCancelled"_L1) {
        const QString then = str("then");
        return has("error") ? Words::tr("if cancelled: %1 %2").arg(then, str("error")) : Words::tr("if cancelled: %1").arg(then);
    }
    if (kind == "whileActive"_L1)
        return has("max") ? Words::tr("while active, at most %1 times").arg(num("max")) : Words::tr("while active");
    if (kind == "print"_L1)
        return Words::tr("print \"%1\"").arg(str("text"));
    if (kind == "raise"_L1)
        return has("message") ? Words::tr("raise %1: %2").arg(str("error"), str("message")) : Words::tr("raise %1").arg(str("error"));
    if (kind == "try"_L1) {
        const qsizetype catches = step.value(u"catch"_s).toArray().size();
        QStringList parts;
        if (catches > 0)
            parts << (catches == 1 ? Words::tr("1 catch") : Words::tr("%1 catches").arg(catches));
        if (has("finally"))
            parts << u"finally"_s;
        return parts.isEmpty() ? u"try"_s : Words::tr("try (%1)").arg(parts.join(u", "_s));
    }
    if (kind == "group"_L1) {
        QString out = Words::tr("%1 group: %2").arg(str("kind"), namesOf(step.value(u"tasks"_s)));
        if (has("limit"))
            out += Words::tr(" (at most %1 at once)").arg(num("limit"));
        return out;
    }
    if (kind == "gather"_L1) {
        QString out = Words::tr("gather %1").arg(namesOf(step.value(u"tasks"_s)));
        if (has("awaitOrder")) {
            QStringList order;
            for (const QJsonValue &n : step.value(u"awaitOrder"_s).toArray())
                order << n.toString();
            out += Words::tr(", awaiting %1").arg(order.join(u", "_s));
        }
        return out;
    }
    if (kind == "spawn"_L1)
        return Words::tr("spawn %1 (%2)").arg(step.value(u"task"_s).toObject().value(u"name"_s).toString(), str("link"));
    if (kind == "join"_L1) {
        QStringList extra;
        if (step.value(u"shield"_s).toBool())
            extra << u"shielded"_s;
        if (has("timeout"))
            extra << Words::tr("timeout %1 ms").arg(num("timeout"));
        return extra.isEmpty() ? Words::tr("join %1").arg(str("task")) : Words::tr("join %1 (%2)").arg(str("task"), extra.join(u", "_s));
    }
    if (kind == "cancel"_L1)
        return Words::tr("cancel %1").arg(str("task"));
    if (kind == "cancelChildren"_L1)
        return Words::tr("cancel the group's tasks");
    if (kind == "repeat"_L1)
        return has("from") ? Words::tr("repeat %1 times, from %2").arg(num("count"), num("from"))
                           : Words::tr("repeat %1 times").arg(num("count"));
    if (kind == "timeout"_L1) {
        const bool waitFor = str("style") == "waitFor"_L1;
        QString out = waitFor ? Words::tr("wait_for %1 ms").arg(num("ms")) : Words::tr("timeout %1 ms").arg(num("ms"));
        if (step.value(u"orNull"_s).toBool())
            out += Words::tr(", or null");
        return out;
    }
    if (kind == "shield"_L1)
        return u"shield"_s;
    if (kind == "onCancel"_L1)
        return Words::tr("on cancel: operation and handler");
    if (kind == "waitSignal"_L1)
        return Words::tr("wait for signal %1").arg(str("signal"));
    if (kind == "signal"_L1)
        return Words::tr("signal %1").arg(str("signal"));
    return kind.isEmpty() ? Words::tr("(not a step)") : Words::tr("unknown step \"%1\"").arg(kind);
}

QString catchLabel(const QJsonObject &clause)
{
    const QString error = clause.value(u"error"_s).toVariant().toString();
    return clause.value(u"rethrow"_s).toBool() ? Words::tr("catch %1, rethrow").arg(error) : Words::tr("catch %1").arg(error);
}

QStringList definedTaskNames(const QJsonObject &step)
{
    const QString kind = step.value(u"do"_s).toString();
    QStringList out;
    if (kind == "group"_L1 || kind == "gather"_L1) {
        for (const QJsonValue &t : step.value(u"tasks"_s).toArray())
            out << t.toObject().value(u"name"_s).toString();
    } else if (kind == "spawn"_L1) {
        out << step.value(u"task"_s).toObject().value(u"name"_s).toString();
    }
    return out;
}

} // namespace cascade::stepkinds
