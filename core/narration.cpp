#include "narration.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

//! A field of a JSON Lines record as the selector spells its values.
QString fieldText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toInteger());
    case QJsonValue::String:
        return value.toString();
    default:
        return QString();  // null or missing: no selector value is empty, so nothing matches
    }
}

QString describeSelector(const EventSelector &selector)
{
    QString text = selector.task + u' ' + selector.event;
    for (const auto &[field, value] : selector.fields)
        text += u' ' + field + u'=' + value;
    if (selector.occurrence > 0)
        text += u" #"_s + QString::number(selector.occurrence);
    return text;
}

//! Places every entry of one list (captions or questions) in the whole run.
template<typename Entry, typename SelectorOf>
std::vector<NarrationPlacement> place(const std::vector<Entry> &entries, SelectorOf selectorOf, Runtime runtime,
                                      const std::vector<TraceEvent> &events, const TaskPathResolver &path)
{
    std::vector<NarrationPlacement> placements;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry &entry = entries[i];
        const EventSelector &selector = selectorOf(entry);
        NarrationPlacement placement;
        placement.index = int(i);
        placement.applies = appliesTo(entry.runtimes, runtime);
        if (placement.applies) {
            for (const TraceEvent &event : events) {
                if (!selectorMatches(selector, event, path))
                    continue;
                ++placement.matches;
                const int wanted = selector.occurrence > 0 ? selector.occurrence : 1;
                if (placement.matches == wanted)
                    placement.seq = event.seq;
            }
            if (placement.matches == 0) {
                placement.problem = u"no event of this run matches"_s;
            } else if (selector.occurrence == 0 && placement.matches > 1) {
                placement.problem = u"%1 events match; give an \"occurrence\" or more fields"_s.arg(placement.matches);
                placement.seq = -1;
            } else if (placement.seq < 0) {
                placement.problem = u"occurrence %1, but only %2 events match"_s.arg(selector.occurrence).arg(
                    placement.matches);
            }
        }
        placements.push_back(std::move(placement));
    }
    return placements;
}

std::vector<int> valuesAt(const std::multimap<qint64, int> &map, qint64 seq)
{
    std::vector<int> out;
    const auto [first, last] = map.equal_range(seq);
    for (auto it = first; it != last; ++it)
        out.push_back(it->second);
    return out;
}

} // namespace

bool selectorMatches(const EventSelector &selector, const TraceEvent &event, const TaskPathResolver &path)
{
    if (selector.event != QLatin1String(eventKindName(event.kind)))
        return false;
    if (event.task < 0 || !path || path(event.task) != selector.task)
        return false;
    if (selector.fields.empty())
        return true;
    // The record as the trace writes it: one definition of every field's value.
    const QJsonObject record = QJsonDocument::fromJson(traceEventToJson(event, path)).object();
    for (const auto &[field, value] : selector.fields) {
        if (fieldText(record.value(field)) != value)
            return false;
    }
    return true;
}

// ---------------------------------------------------------------- NarrationMatcher

NarrationMatcher::NarrationMatcher(const Scenario &scenario, Runtime runtime) : m_scenario(scenario), m_runtime(runtime)
{
    for (std::size_t i = 0; i < scenario.captions.size(); ++i)
        add(&m_captions, scenario.captions[i].on, int(i), scenario.captions[i].runtimes);
    for (std::size_t i = 0; i < scenario.questions.size(); ++i)
        add(&m_questions, scenario.questions[i].before, int(i), scenario.questions[i].runtimes);
}

void NarrationMatcher::add(std::vector<Pending> *list, const EventSelector &selector, int index,
                           const std::vector<Runtime> &runtimes)
{
    Pending pending;
    // An unknown kind cannot come from the loader; such an entry simply never matches.
    if (!appliesTo(runtimes, m_runtime) || !eventKindFromName(selector.event, &pending.kind))
        return;
    pending.selector = &selector;
    pending.index = index;
    list->push_back(pending);
}

bool NarrationMatcher::advance(Pending &pending, const TraceEvent &event, const TaskPathResolver &path)
{
    if (pending.done || pending.kind != event.kind || !selectorMatches(*pending.selector, event, path))
        return false;
    const int wanted = pending.selector->occurrence > 0 ? pending.selector->occurrence : 1;
    if (++pending.seen < wanted)
        return false;
    pending.done = true;
    return true;
}

NarrationMatcher::Cue NarrationMatcher::feed(const TraceEvent &event, const TaskPathResolver &path)
{
    Cue cue;
    for (Pending &pending : m_questions) {
        if (advance(pending, event, path))
            cue.questionsBefore.push_back(pending.index);
    }
    for (Pending &pending : m_captions) {
        if (advance(pending, event, path)) {
            cue.captions.push_back(pending.index);
            cue.pause = cue.pause || m_scenario.captions[std::size_t(pending.index)].pause;
        }
    }
    return cue;
}

void NarrationMatcher::reset()
{
    for (std::vector<Pending> *list : {&m_captions, &m_questions}) {
        for (Pending &pending : *list) {
            pending.seen = 0;
            pending.done = false;
        }
    }
}

// ---------------------------------------------------------------- NarrationPlan

NarrationPlan planNarration(const Scenario &scenario, Runtime runtime, const std::vector<TraceEvent> &events,
                            const TaskPathResolver &path)
{
    NarrationPlan plan;
    plan.captions = place(scenario.captions, [](const Caption &c) -> const EventSelector & { return c.on; }, runtime,
                          events, path);
    plan.questions = place(scenario.questions, [](const PredictQuestion &q) -> const EventSelector & { return q.before; },
                           runtime, events, path);
    for (const NarrationPlacement &placement : plan.captions) {
        if (placement.seq < 0)
            continue;
        // One caption per event: a second one would hide the first.
        const auto other = plan.captionSeqs.find(placement.seq);
        if (other != plan.captionSeqs.end()) {
            plan.sharedEvents << u"/captions/%1 and /captions/%2 are on the same event (seq %3)"_s.arg(other->second)
                                     .arg(placement.index)
                                     .arg(placement.seq);
        }
        plan.captionSeqs.emplace(placement.seq, placement.index);
    }
    for (const NarrationPlacement &placement : plan.questions) {
        if (placement.seq < 0)
            continue;
        const auto other = plan.questionSeqs.find(placement.seq);
        if (other != plan.questionSeqs.end()) {
            plan.sharedEvents << u"/predict/%1 and /predict/%2 are asked before the same event (seq %3)"_s
                                     .arg(other->second)
                                     .arg(placement.index)
                                     .arg(placement.seq);
        }
        plan.questionSeqs.emplace(placement.seq, placement.index);
    }
    // Kept for problems(): the selectors' text, so that lines name what was looked for.
    for (NarrationPlacement &placement : plan.captions) {
        if (!placement.problem.isEmpty())
            placement.problem = u"/captions/%1 (%2): "_s.arg(placement.index)
                                    .arg(describeSelector(scenario.captions[std::size_t(placement.index)].on))
                + placement.problem;
    }
    for (NarrationPlacement &placement : plan.questions) {
        if (!placement.problem.isEmpty())
            placement.problem = u"/predict/%1 (%2): "_s.arg(placement.index)
                                    .arg(describeSelector(scenario.questions[std::size_t(placement.index)].before))
                + placement.problem;
    }
    return plan;
}

std::vector<int> NarrationPlan::captionsAt(qint64 seq) const
{
    return valuesAt(captionSeqs, seq);
}

std::vector<int> NarrationPlan::questionsBefore(qint64 seq) const
{
    return valuesAt(questionSeqs, seq);
}

QStringList NarrationPlan::problems() const
{
    QStringList out;
    for (const std::vector<NarrationPlacement> *list : {&captions, &questions}) {
        for (const NarrationPlacement &placement : *list) {
            if (!placement.problem.isEmpty())
                out << placement.problem;
        }
    }
    return out + sharedEvents;
}

// ---------------------------------------------------------------- PredictScore

bool PredictScore::answer(const Scenario &scenario, int index, int choice)
{
    if (index < 0 || std::size_t(index) >= scenario.questions.size())
        return false;
    const bool right = scenario.questions[std::size_t(index)].answer == choice;
    if (m_choices.emplace(index, choice).second && right)
        ++m_correct;
    return right;
}

int PredictScore::chosen(int index) const
{
    const auto it = m_choices.find(index);
    return it == m_choices.end() ? -1 : it->second;
}

void PredictScore::clear()
{
    m_choices.clear();
    m_correct = 0;
}

} // namespace cascade
