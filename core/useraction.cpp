#include "useraction.h"

#include <QCoreApplication>

#include "scenario.h"
#include "scenarioloader.h"

#include <QRegularExpression>
#include <QStringList>

#include <climits>
#include <vector>

namespace cascade {

namespace {

constexpr int MaxMessageLength = 1000;  // the format's limit for any text

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString expectedForm(UserAction::Kind kind)
{
    switch (kind) {
    case UserAction::Kind::Fail:
        return QStringLiteral("PATH@MS[:Error[:message]], e.g. main/job@1300:ValueError:boom");
    case UserAction::Kind::Timeout:
        return QStringLiteral("PATH@MS:DURATION, e.g. main/job@1300:500");
    case UserAction::Kind::Cancel:
    case UserAction::Kind::Shield:
        break;
    }
    return QStringLiteral("PATH@MS, e.g. main/job@1300");
}

bool isErrorName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    return re.match(name).hasMatch();
}

} // namespace

QString UserAction::optionName(Kind kind)
{
    return QStringLiteral("--") + verb(kind);
}

QString UserAction::verb(Kind kind)
{
    switch (kind) {
    case Kind::Cancel:
        return QStringLiteral("cancel");
    case Kind::Fail:
        return QStringLiteral("fail");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Shield:
        return QStringLiteral("shield");
    }
    return {};
}

QString unavailableReason(UserAction::Kind kind, Runtime runtime)
{
    if (runtime != Runtime::Swift)
        return {};
    if (kind == UserAction::Kind::Timeout)
        // English always (it goes into traces as an action-ignored reason); the window shows it
        // translated by looking the text up in the "UserAction" context.
        return QStringLiteral(QT_TRANSLATE_NOOP("UserAction", "Swift has no built-in timeout; race the work against Task.sleep in a task group"));
    if (kind == UserAction::Kind::Shield)
        return QStringLiteral(QT_TRANSLATE_NOOP("UserAction", "Swift has no shield; escape with Task.detached"));
    return {};
}

bool parseVirtualMs(const QString &text, qint64 *out, QString *error)
{
    if (text.isEmpty()) {
        setError(error, QStringLiteral("missing time in milliseconds"));
        return false;
    }
    const bool negative = text.startsWith(QLatin1Char('-'));
    const QStringView digits = QStringView(text).mid(negative ? 1 : 0);
    bool allDigits = !digits.isEmpty();
    for (const QChar c : digits)
        allDigits = allDigits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (!allDigits) {
        setError(error, QStringLiteral("'%1' is not a whole number of milliseconds").arg(text));
        return false;
    }
    if (negative) {
        setError(error, QStringLiteral("time must not be negative, got %1").arg(text));
        return false;
    }
    // Longer than 12 digits is over a year anyway; checking the length first avoids overflow.
    const qint64 value = digits.size() > 12 ? ScenarioLoader::MaxMs + 1 : digits.toLongLong();
    if (value > ScenarioLoader::MaxMs) {
        setError(error, QStringLiteral("time must be at most %1 ms (one year), got %2").arg(ScenarioLoader::MaxMs).arg(text));
        return false;
    }
    if (out)
        *out = value;
    return true;
}

bool UserAction::parse(Kind kind, const QString &text, UserAction *out, QString *error)
{
    const QString option = optionName(kind);
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at < 0) {
        setError(error, QStringLiteral("%1 '%2': missing '@'; expected %3").arg(option, text, expectedForm(kind)));
        return false;
    }
    UserAction action;
    action.kind = kind;
    action.taskPath = text.left(at);
    if (action.taskPath.isEmpty()) {
        setError(error, QStringLiteral("%1 '%2': empty task path before '@'; expected %3").arg(option, text, expectedForm(kind)));
        return false;
    }

    QString rest = text.mid(at + 1);
    QString timeText = rest;
    if (kind == Kind::Fail) {
        // PATH@MS[:Error[:message]]: the message is everything after the second ':'.
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            timeText = rest.left(colon);
            const QString tail = rest.mid(colon + 1);
            const qsizetype colon2 = tail.indexOf(QLatin1Char(':'));
            action.error = colon2 < 0 ? tail : tail.left(colon2);
            action.message = colon2 < 0 ? QString() : tail.mid(colon2 + 1);
            if (!isErrorName(action.error)) {
                setError(error, QStringLiteral("%1 '%2': bad error name '%3' (letters, digits, '_' and '.', not starting "
                                               "with a digit)").arg(option, text, action.error));
                return false;
            }
            if (action.message.size() > MaxMessageLength) {
                setError(error, QStringLiteral("%1: the message is longer than %2 characters").arg(option).arg(MaxMessageLength));
                return false;
            }
        }
    }

    if (kind == Kind::Timeout) {
        // PATH@MS:DURATION: both are whole milliseconds; a deadline needs a positive duration.
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            setError(error, QStringLiteral("%1 '%2': missing ':DURATION'; expected %3").arg(option, text, expectedForm(kind)));
            return false;
        }
        timeText = rest.left(colon);
        QString why;
        if (!parseVirtualMs(rest.mid(colon + 1), &action.durationMs, &why)) {
            setError(error, QStringLiteral("%1 '%2': duration: %3").arg(option, text, why));
            return false;
        }
        if (action.durationMs == 0) {
            setError(error, QStringLiteral("%1 '%2': duration must be at least 1 ms").arg(option, text));
            return false;
        }
    }

    QString why;
    if (!parseVirtualMs(timeText, &action.at, &why)) {
        setError(error, QStringLiteral("%1 '%2': %3").arg(option, text, why));
        return false;
    }
    if (out)
        *out = action;
    return true;
}

namespace {

//! A task definition reachable at one level of a path: a spec, or the inner task that asyncio's
//! wait_for / shield creates around a block of steps.
struct TaskDef {
    QString name;
    const Steps *body = nullptr;
    int count = 1;
    bool inLoop = false;

    [[nodiscard]] QString display() const
    {
        if (inLoop)
            return name + QStringLiteral("[i]");
        if (count > 1)
            return QStringLiteral("%1[0..%2]").arg(name).arg(count - 1);
        return name;
    }
};

void collectChildren(const Steps &steps, bool inLoop, std::vector<TaskDef> *out);

void collectStep(const Step &step, bool inLoop, std::vector<TaskDef> *out)
{
    for (const TaskSpec &spec : step.tasks)
        out->push_back(TaskDef{spec.name, &spec.body, spec.count, inLoop});

    const bool loop = inLoop || step.kind == StepKind::Repeat || step.kind == StepKind::WhileActive;
    if (step.kind == StepKind::Timeout && step.timeoutStyle == TimeoutStyle::WaitFor) {
        const QString name = step.target.isEmpty() ? QStringLiteral("wait_for") : step.target;
        out->push_back(TaskDef{name, &step.body, 1, false});
    } else if (step.kind == StepKind::Shield) {
        const QString name = step.target.isEmpty() ? QStringLiteral("shielded") : step.target;
        out->push_back(TaskDef{name, &step.body, 1, false});
    }
    // Outside asyncio those blocks run in the task itself, so their tasks are its children too.
    collectChildren(step.body, loop, out);
    for (const CatchClause &clause : step.catches)
        collectChildren(clause.body, loop, out);
    collectChildren(step.finallyBody, loop, out);
    collectChildren(step.handler, loop, out);
}

void collectChildren(const Steps &steps, bool inLoop, std::vector<TaskDef> *out)
{
    for (const Step &step : steps)
        collectStep(step, inLoop, out);
}

QString validNames(const std::vector<TaskDef> &defs)
{
    QStringList names;
    for (const TaskDef &def : defs) {
        const QString shown = def.display();
        if (!names.contains(shown))
            names << shown;
    }
    return names.join(QStringLiteral(", "));
}

//! Whether one path segment ("chop[2]") names an instance of the definition; why not otherwise.
bool segmentMatches(const TaskDef &def, bool hasIndex, qint64 index, QString *why)
{
    if (def.inLoop) {
        if (!hasIndex)
            *why = QStringLiteral("needs an index: it is started in a loop");
        return hasIndex;
    }
    if (def.count > 1) {
        if (!hasIndex)
            *why = QStringLiteral("needs an index: it stands for %1 tasks").arg(def.count);
        else if (index >= def.count)
            *why = QStringLiteral("index out of range");
        return hasIndex && index < def.count;
    }
    if (hasIndex)
        *why = QStringLiteral("takes no index");
    return !hasIndex;
}

} // namespace

bool validateTaskPath(const Scenario &scenario, const QString &path, QString *error)
{
    if (path.isEmpty()) {
        setError(error, QStringLiteral("empty task path"));
        return false;
    }
    static const QRegularExpression segmentRe(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)(?:\\[(0|[1-9][0-9]*)\\])?$"));

    // Start with the root as the only definition at the top level.
    std::vector<TaskDef> level{TaskDef{scenario.root.name, &scenario.root.body, scenario.root.count, false}};
    QString parentPath;
    const QStringList segments = path.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        const QString where = parentPath.isEmpty() ? QStringLiteral("at the top") : QStringLiteral("under '%1'").arg(parentPath);
        const QString valid = level.empty() ? QStringLiteral("'%1' starts no tasks").arg(parentPath)
                                            : QStringLiteral("valid names there: %1").arg(validNames(level));
        const auto match = segmentRe.match(segment);
        if (!match.hasMatch()) {
            setError(error, QStringLiteral("task path '%1': '%2' %3 is not a task name (name or name[index]); %4")
                                .arg(path, segment, where, valid));
            return false;
        }
        const QString name = match.captured(1);
        const bool hasIndex = match.hasCaptured(2);
        const QString indexText = match.captured(2);
        // Indexes beyond int range cannot exist; keep them out of range without overflowing.
        const qint64 index = !hasIndex ? -1 : indexText.size() > 10 ? qint64(INT_MAX) + 1 : indexText.toLongLong();

        std::vector<TaskDef> next;
        QString why;
        bool nameFound = false;
        bool matched = false;
        // Names are unique among siblings, but an inner task's name may repeat one: take them all.
        for (const TaskDef &def : level) {
            if (def.name != name)
                continue;
            nameFound = true;
            QString reason;
            const bool fits = segmentMatches(def, hasIndex, index, &reason);
            if (fits && index > INT_MAX)
                reason = QStringLiteral("index out of range");  // no loop runs that often
            if (fits && index <= INT_MAX) {
                matched = true;
                collectChildren(*def.body, false, &next);
            } else {
                why = reason;
            }
        }
        if (!nameFound) {
            setError(error, QStringLiteral("task path '%1': no task '%2' %3; %4").arg(path, name, where, valid));
            return false;
        }
        if (!matched) {
            setError(error, QStringLiteral("task path '%1': '%2' %3 %4; %5").arg(path, segment, where, why, valid));
            return false;
        }
        parentPath = parentPath.isEmpty() ? segment : parentPath + QLatin1Char('/') + segment;
        level = std::move(next);
    }
    return true;
}

} // namespace cascade
