#include "narrationedit.h"

#include "useraction.h"

namespace cascade::ScenarioEdit::narration {

using namespace Qt::StringLiterals;

namespace {

//! The path with the segment at `depth` renamed when the segments before it and its own name
//! follow `specSegments` (indices aside).
QString renamedPath(const QString &path, const QStringList &specSegments, const QString &newName)
{
    QStringList segments = path.split(u'/');
    if (segments.size() < specSegments.size())
        return path;
    for (qsizetype i = 0; i < specSegments.size(); ++i) {
        if (segments.at(i).section(u'[', 0, 0) != specSegments.at(i))
            return path;
    }
    QString &renamed = segments[specSegments.size() - 1];
    const qsizetype index = renamed.indexOf(u'[');
    renamed = newName + (index >= 0 ? renamed.mid(index) : QString());
    return segments.join(u'/');
}

bool isPathField(const QString &field)
{
    return field == "from"_L1 || field == "parent"_L1 || field == "child"_L1;
}

void renameIn(EventSelector *selector, const QStringList &specSegments, const QString &newName)
{
    selector->task = renamedPath(selector->task, specSegments, newName);
    for (auto &[field, value] : selector->fields) {
        if (isPathField(field))
            value = renamedPath(value, specSegments, newName);
    }
}

bool fits(const Scenario &scenario, const EventSelector &selector)
{
    if (!validateTaskPath(scenario, selector.task, nullptr))
        return false;
    for (const auto &[field, value] : selector.fields) {
        if (isPathField(field) && !validateTaskPath(scenario, value, nullptr))
            return false;
    }
    return true;
}

//! Keeps the runtimes the scenario still lists; false when the entry was written only for others.
bool keepListedRuntimes(const Scenario &scenario, std::vector<Runtime> *runtimes)
{
    if (runtimes->empty())
        return true;  // written for every runtime of the scenario, whichever they are
    std::erase_if(*runtimes, [&](Runtime r) {
        return std::find(scenario.runtimes.begin(), scenario.runtimes.end(), r) == scenario.runtimes.end();
    });
    return !runtimes->empty();
}

} // namespace

void renameTask(Scenario *scenario, const QString &specPath, const QString &newName)
{
    const QStringList specSegments = specPath.split(u'/');
    for (Caption &caption : scenario->captions)
        renameIn(&caption.on, specSegments, newName);
    for (PredictQuestion &question : scenario->questions)
        renameIn(&question.before, specSegments, newName);
}

void dropStale(Scenario *scenario)
{
    std::vector<Caption> captions;
    for (Caption &caption : scenario->captions) {
        if (keepListedRuntimes(*scenario, &caption.runtimes) && fits(*scenario, caption.on))
            captions.push_back(std::move(caption));
    }
    scenario->captions = std::move(captions);
    std::vector<PredictQuestion> questions;
    for (PredictQuestion &question : scenario->questions) {
        if (keepListedRuntimes(*scenario, &question.runtimes) && fits(*scenario, question.before))
            questions.push_back(std::move(question));
    }
    scenario->questions = std::move(questions);
    for (std::size_t i = 0; i < scenario->captions.size(); ++i)
        scenario->captions[i].pointer = u"/captions/%1"_s.arg(i);
    for (std::size_t i = 0; i < scenario->questions.size(); ++i)
        scenario->questions[i].pointer = u"/predict/%1"_s.arg(i);
}

} // namespace cascade::ScenarioEdit::narration
