// The loader's rules for a scenario's narration: the "captions" and "predict" arrays, whose entries
// name events of a run by task path, event kind and trace fields (docs/scenario-format.md).
#include "scenariovalidation.h"
#include "loaderwords.h"

#include "scenarioloader.h"
#include "trace.h"
#include "useraction.h"

namespace cascade::detail {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxEntries = 1000;          // captions, and questions, per file
constexpr int MaxCaptionChars = 1000;
constexpr int MaxQuestionChars = 500;
constexpr int MaxChoiceChars = 200;
constexpr int MaxExplanationChars = 2000;
constexpr int MaxFieldChars = 1000;
constexpr int MinChoices = 2;
constexpr int MaxChoices = 4;

//! The values a trace field can have when it is one of a fixed set; empty for free text, numbers,
//! booleans and paths.
QStringList fieldChoices(const QString &field, const QString &event)
{
    if (field == "cause"_L1) {
        if (event == "cancel-request"_L1) {
            QStringList causes;
            for (int c = 0; c <= int(CancelCause::Shutdown); ++c)
                causes << QLatin1String(cancelCauseName(CancelCause(c)));
            return causes;
        }
        return {u"code"_s, u"user"_s};  // deadline-set, shield-on, shield-off
    }
    if (field == "link"_L1)
        return {u"child"_s, u"unstructured"_s};
    if (field == "check"_L1)
        return {u"throw"_s, u"poll"_s};
    if (field == "by"_L1)
        return {u"shield"_s, u"non-cancellable"_s, u"not-a-child"_s};
    if (field == "kind"_L1)
        return {u"finally"_s, u"defer"_s, u"onCancel"_s};
    if (field == "outcome"_L1)
        return {u"completed"_s, u"cancelled"_s, u"failed"_s};
    if (field == "action"_L1)
        return {u"cancel"_s, u"fail"_s, u"timeout"_s, u"shield"_s};
    return {};
}

bool isPathField(const QString &field)
{
    return field == "from"_L1 || field == "parent"_L1 || field == "child"_L1;
}

bool isBooleanField(const QString &field)
{
    return field == "cancelled"_L1 || field == "rethrown"_L1;
}

bool isNumberField(const QString &field)
{
    return field == "ms"_L1 || field == "deadline"_L1;
}

} // namespace

QJsonArray ScenarioValidator::narrationArrayAt(const QJsonValue &value, const QString &pointer, const QString &what) const
{
    if (!value.isArray())
        fail(pointer, LoaderWords::tr("must be an array of %1, got %2").arg(what, describe(value, pointer)));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxEntries)
        fail(pointer, LoaderWords::tr("too many entries: %1, at most %2 are allowed").arg(array.size()).arg(MaxEntries));
    return array;
}

std::vector<Caption> ScenarioValidator::captionsAt(const QJsonValue &value, const QString &pointer,
                                                   const Scenario &scenario) const
{
    const QJsonArray array = narrationArrayAt(value, pointer, LoaderWords::tr("caption objects {\"on\": ..., \"text\": ...}"));
    std::vector<Caption> captions;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = childPointer(pointer, i);
        const QJsonObject object = objectAt(array.at(i), at, LoaderWords::tr("a caption object with \"on\" and \"text\""));
        checkKeys(object, at, {u"on"_s, u"text"_s, u"pause"_s, u"runtimes"_s});
        const QString owner = LoaderWords::tr("for a caption");
        Caption caption;
        caption.pointer = at;
        caption.on = selectorAt(required(object, at, u"on"_s, owner), childPointer(at, u"on"_s), scenario);
        caption.text = localizedAt(required(object, at, u"text"_s, owner), childPointer(at, u"text"_s), MaxCaptionChars);
        if (object.contains("pause"_L1))
            caption.pause = boolAt(object.value("pause"_L1), childPointer(at, u"pause"_s));
        if (object.contains("runtimes"_L1))
            caption.runtimes = narrationRuntimesAt(object.value("runtimes"_L1), childPointer(at, u"runtimes"_s), scenario);
        captions.push_back(std::move(caption));
    }
    return captions;
}

std::vector<PredictQuestion> ScenarioValidator::questionsAt(const QJsonValue &value, const QString &pointer,
                                                            const Scenario &scenario) const
{
    const QJsonArray array =
        narrationArrayAt(value, pointer, LoaderWords::tr("question objects {\"before\": ..., \"question\": ..., \"choices\": ...}"));
    std::vector<PredictQuestion> questions;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = childPointer(pointer, i);
        const QJsonObject object = objectAt(array.at(i), at, LoaderWords::tr("a question object with \"before\", \"question\", "
                                                              "\"choices\", \"answer\" and \"explanation\""));
        checkKeys(object, at, {u"before"_s, u"question"_s, u"choices"_s, u"answer"_s, u"explanation"_s, u"runtimes"_s});
        const QString owner = LoaderWords::tr("for a predict question");
        PredictQuestion question;
        question.pointer = at;
        question.before = selectorAt(required(object, at, u"before"_s, owner), childPointer(at, u"before"_s), scenario);
        question.question = localizedAt(required(object, at, u"question"_s, owner), childPointer(at, u"question"_s),
                                        MaxQuestionChars);

        const QString choicesAt = childPointer(at, u"choices"_s);
        const QJsonValue choices = required(object, at, u"choices"_s, owner);
        if (!choices.isArray() || choices.toArray().size() < MinChoices || choices.toArray().size() > MaxChoices) {
            fail(choicesAt, LoaderWords::tr("must be an array of %1 to %2 text objects {\"en\": \"...\", \"ko\": \"...\"}, got %3")
                                .arg(MinChoices)
                                .arg(MaxChoices)
                                .arg(choices.isArray() ? u"%1 choices"_s.arg(choices.toArray().size())
                                                       : describe(choices, choicesAt)));
        }
        const QJsonArray list = choices.toArray();
        for (qsizetype c = 0; c < list.size(); ++c)
            question.choices.push_back(localizedAt(list.at(c), childPointer(choicesAt, c), MaxChoiceChars));

        const QString answerAt = childPointer(at, u"answer"_s);
        question.answer = int(numberAt(required(object, at, u"answer"_s, owner), answerAt, 0,
                                       qint64(question.choices.size()) - 1,
                                       LoaderWords::tr("the index of the right choice (counting from 0)")));
        question.explanation = localizedAt(required(object, at, u"explanation"_s, owner),
                                           childPointer(at, u"explanation"_s), MaxExplanationChars);
        if (object.contains("runtimes"_L1))
            question.runtimes =
                narrationRuntimesAt(object.value("runtimes"_L1), childPointer(at, u"runtimes"_s), scenario);
        questions.push_back(std::move(question));
    }
    return questions;
}

EventSelector ScenarioValidator::selectorAt(const QJsonValue &value, const QString &pointer,
                                            const Scenario &scenario) const
{
    const QJsonObject object = objectAt(value, pointer, LoaderWords::tr("an event object {\"task\": \"main/job\", \"event\": "
                                                        "\"cancel-deliver\", ...}"));
    const QString owner = LoaderWords::tr("(the event it is tied to)");
    EventSelector selector;

    // The kind first: it decides which other keys the object may have.
    const QString eventAt = childPointer(pointer, u"event"_s);
    selector.event = stringAt(required(object, pointer, u"event"_s, owner), eventAt, LoaderWords::tr("an event kind of the trace"));
    EventKind kind = EventKind::Start;
    if (!eventKindFromName(selector.event, &kind)) {
        fail(eventAt, LoaderWords::tr("unknown event kind %1; expected one of: %2").arg(quoted(selector.event),
                                                                          allEventKindNames().join(u", "_s)));
    }
    const QStringList fields = traceEventFields(kind);
    checkKeys(object, pointer, QStringList{u"task"_s, u"event"_s, u"occurrence"_s} + fields);

    const QString taskAt = childPointer(pointer, u"task"_s);
    selector.task = stringAt(required(object, pointer, u"task"_s, owner), taskAt, LoaderWords::tr("a task path such as \"main/job\""));
    QString error;
    if (!validateTaskPath(scenario, selector.task, &error))
        fail(taskAt, error);
    if (object.contains("occurrence"_L1)) {
        selector.occurrence = int(numberAt(object.value("occurrence"_L1), childPointer(pointer, u"occurrence"_s), 1,
                                           ScenarioLoader::MaxCount, LoaderWords::tr("a whole number (1 for the first)")));
    }
    // Fields in trace order, whatever their order in the file: written back the same way.
    for (const QString &field : fields) {
        if (object.contains(field)) {
            const QString at = childPointer(pointer, field);
            selector.fields.emplace_back(field, selectorFieldAt(object.value(field), at, field, selector.event, scenario));
        }
    }
    return selector;
}

QString ScenarioValidator::selectorFieldAt(const QJsonValue &value, const QString &pointer, const QString &field,
                                           const QString &event, const Scenario &scenario) const
{
    if (isBooleanField(field))
        return boolAt(value, pointer) ? u"true"_s : u"false"_s;
    if (isNumberField(field))
        return QString::number(msAt(value, pointer, 0));
    const QStringList choices = fieldChoices(field, event);
    if (!choices.isEmpty()) {
        const QString s = value.isString() ? value.toString() : QString();
        if (!choices.contains(s))
            fail(pointer, LoaderWords::tr("must be %1, got %2").arg(quotedAlternatives(choices), describe(value, pointer)));
        return s;
    }
    if (isPathField(field)) {
        const QString path = stringAt(value, pointer, LoaderWords::tr("a task path such as \"main/job\""));
        QString error;
        if (!validateTaskPath(scenario, path, &error))
            fail(pointer, error);
        return path;
    }
    return textAt(value, pointer, MaxFieldChars, false);
}

std::vector<Runtime> ScenarioValidator::narrationRuntimesAt(const QJsonValue &value, const QString &pointer,
                                                            const Scenario &scenario) const
{
    const std::vector<Runtime> runtimes = runtimesAt(value, pointer);
    for (std::size_t i = 0; i < runtimes.size(); ++i) {
        if (std::find(scenario.runtimes.begin(), scenario.runtimes.end(), runtimes[i]) == scenario.runtimes.end()) {
            QStringList listed;
            for (Runtime runtime : scenario.runtimes)
                listed << runtimeName(runtime);
            fail(childPointer(pointer, qsizetype(i)), LoaderWords::tr("%1 is not one of the scenario's runtimes (%2)").arg(
                                                          quoted(runtimeName(runtimes[i])), listed.join(u", "_s)));
        }
    }
    return runtimes;
}

} // namespace cascade::detail
