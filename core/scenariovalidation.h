#pragma once

#include "jsonpointerlocator.h"
#include "scenario.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <vector>

// Internal to the loader: checks a parsed document against docs/scenario-format.md and builds the
// Scenario. scenariovalidation.cpp has the generic checks, tasks and the top level;
// scenariosteps.cpp the rules of each step kind.
namespace cascade::detail {

//! The first problem found: where (a JSON pointer, "" for the top-level object) and what.
struct ValidationProblem {
    QString pointer;
    QString problem;
    jsontext::Target target = jsontext::Target::Value;  // Key: point at the member's key (unknown keys)
};

class ScenarioValidator {
public:
    //! text is the document's source, used only to quote literals and find positions in messages.
    explicit ScenarioValidator(const QByteArray &text) : m_text(text) {}

    [[nodiscard]] std::optional<Scenario> validate(const QJsonValue &document, ValidationProblem *problem);

private:
    // Thrown by fail(): the first problem ends the walk, so the checks read as straight-line code.
    struct Failure {
        ValidationProblem problem;
    };

    // The task whose body is being walked. Its children (tasks defined anywhere in the body, but
    // not inside their own bodies) need distinct names; join and cancel may name only a task an
    // earlier spawn step of this body started.
    struct TaskScope {
        QString path;                                        // "main/job"
        QHash<QString, QString> children;  // name -> pointer of the definition (hashed: a group may list thousands)
        QSet<QString> spawned;
    };

    struct StepContext {
        TaskScope *task = nullptr;
        int level = 1;              // nesting of tasks and steps together; the root task is level 1
        bool inGroupSteps = false;  // inside a group's "steps" (cancelChildren is allowed)
        bool inLoop = false;        // inside repeat / whileActive ("break" is allowed)
        bool handlerOnly = false;   // an onCancel handler: only print and signal
    };

    enum class NameKind { Task, Error, Signal, ScenarioId };

    [[noreturn]] void fail(const QString &pointer, const QString &problem,
                           jsontext::Target target = jsontext::Target::Value) const;
    [[nodiscard]] QString describe(const QJsonValue &value, const QString &pointer) const;

    // Generic checks. Each returns the value it vouches for or fails with a message.
    void checkKeys(const QJsonObject &object, const QString &pointer, const QStringList &allowed) const;
    [[nodiscard]] QJsonObject objectAt(const QJsonValue &value, const QString &pointer, const QString &what) const;
    [[nodiscard]] QJsonValue required(const QJsonObject &object, const QString &pointer, const QString &key,
                                      const QString &owner) const;
    [[nodiscard]] QString stringAt(const QJsonValue &value, const QString &pointer, const QString &what) const;
    [[nodiscard]] QString textAt(const QJsonValue &value, const QString &pointer, int maxChars, bool allowEmpty) const;
    [[nodiscard]] qint64 numberAt(const QJsonValue &value, const QString &pointer, qint64 min, qint64 max,
                                  const QString &what) const;
    [[nodiscard]] qint64 msAt(const QJsonValue &value, const QString &pointer, qint64 min) const;
    [[nodiscard]] int countAt(const QJsonValue &value, const QString &pointer, int min, int max) const;
    [[nodiscard]] bool boolAt(const QJsonValue &value, const QString &pointer) const;
    [[nodiscard]] QString nameAt(const QJsonValue &value, const QString &pointer, NameKind kind) const;
    [[nodiscard]] int choiceAt(const QJsonValue &value, const QString &pointer,
                               std::initializer_list<const char *> options) const;
    [[nodiscard]] LocalizedText localizedAt(const QJsonValue &value, const QString &pointer, int maxChars) const;

    [[nodiscard]] std::vector<Runtime> runtimesAt(const QJsonValue &value, const QString &pointer) const;
    [[nodiscard]] TaskSpec taskAt(const QJsonValue &value, const QString &pointer, int level, TaskScope *parent);
    [[nodiscard]] std::vector<TaskSpec> taskListAt(const QJsonValue &value, const QString &pointer, int level,
                                                   TaskScope *parent);
    [[nodiscard]] Steps stepsAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx);
    [[nodiscard]] Step stepAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx);

    // scenariosteps.cpp
    void stepFields(const QJsonObject &object, const QString &pointer, const StepContext &ctx, Step *step);
    [[nodiscard]] CatchClause catchAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx);
    [[nodiscard]] QString spawnedTaskAt(const QJsonValue &value, const QString &pointer, const StepContext &ctx) const;
    void checkAwaitOrder(const QJsonValue &value, const QString &pointer, const std::vector<TaskSpec> &tasks,
                         QStringList *order) const;

    // scenarionarration.cpp: captions and predict questions, read after the root (they name its tasks)
    [[nodiscard]] std::vector<Caption> captionsAt(const QJsonValue &value, const QString &pointer,
                                                  const Scenario &scenario) const;
    [[nodiscard]] std::vector<PredictQuestion> questionsAt(const QJsonValue &value, const QString &pointer,
                                                           const Scenario &scenario) const;
    [[nodiscard]] EventSelector selectorAt(const QJsonValue &value, const QString &pointer,
                                           const Scenario &scenario) const;
    [[nodiscard]] QString selectorFieldAt(const QJsonValue &value, const QString &pointer, const QString &field,
                                          const QString &event, const Scenario &scenario) const;
    [[nodiscard]] std::vector<Runtime> narrationRuntimesAt(const QJsonValue &value, const QString &pointer,
                                                           const Scenario &scenario) const;
    [[nodiscard]] QJsonArray narrationArrayAt(const QJsonValue &value, const QString &pointer, const QString &what) const;

    const QByteArray &m_text;
    int m_stepCount = 0;
};

//! The keys a step of this kind may carry besides "do" and "note", in documentation order.
[[nodiscard]] QStringList stepKeys(StepKind kind);

[[nodiscard]] inline QString childPointer(const QString &pointer, const QString &key)
{
    return pointer + QLatin1Char('/') + jsontext::escapeToken(key);
}

[[nodiscard]] inline QString childPointer(const QString &pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

//! A string value as messages quote it: in double quotes, escaped, cut after 40 characters.
[[nodiscard]] QString quoted(const QString &s);

//! "\"a\", \"b\" or \"c\"", for messages.
[[nodiscard]] QString quotedAlternatives(const QStringList &options);

} // namespace cascade::detail
