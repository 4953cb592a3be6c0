#pragma once

#include "scenario.h"
#include "trace.h"

#include <QStringList>

#include <map>
#include <vector>

namespace cascade {

//! True when `event` is what `selector` names, occurrence aside: the same kind, on the task at
//! the selector's path, with every field the selector gives, compared as the JSON Lines trace
//! writes them (docs/trace-format.md).
[[nodiscard]] bool selectorMatches(const EventSelector &selector, const TraceEvent &event, const TaskPathResolver &path);

//! Ties a scenario's captions and predict questions to a run as it is shown, one event at a time:
//! the player feeds every event, in trace order, before it shows it, and gets back what to do
//! around that event. A selector without an occurrence takes the first event it matches here
//! (planNarration() is the check that it matches only one). Captions and questions written for
//! other runtimes are skipped.
class NarrationMatcher {
public:
    //! Indexes into Scenario::questions and Scenario::captions, in file order.
    struct Cue {
        std::vector<int> questionsBefore;  // ask these (pause first), then show the event
        std::vector<int> captions;         // show these with the event
        bool pause = false;                // one of the captions asks the player to pause here

        [[nodiscard]] bool isEmpty() const { return questionsBefore.empty() && captions.empty(); }
    };

    NarrationMatcher(const Scenario &scenario, Runtime runtime);

    [[nodiscard]] Cue feed(const TraceEvent &event, const TaskPathResolver &path);
    //! Back to before the first event (the player replays from 0 after a step back or a seek).
    void reset();

private:
    struct Pending {
        const EventSelector *selector = nullptr;
        EventKind kind = EventKind::Start;
        int index = -1;     // in the scenario's captions or questions
        int seen = 0;       // matching events so far
        bool done = false;  // its event has come
    };
    void add(std::vector<Pending> *list, const EventSelector &selector, int index, const std::vector<Runtime> &runtimes);
    [[nodiscard]] static bool advance(Pending &pending, const TraceEvent &event, const TaskPathResolver &path);

    const Scenario &m_scenario;
    Runtime m_runtime;
    std::vector<Pending> m_captions;
    std::vector<Pending> m_questions;
};

//! Where one caption or question falls in a whole run.
struct NarrationPlacement {
    int index = -1;         // in Scenario::captions or Scenario::questions
    bool applies = true;    // written for this runtime
    qint64 seq = -1;        // the event it names; -1 when it names none in this run
    int matches = 0;        // events its task, kind and fields match (occurrence aside)
    QString problem;        // why it names no event or more than one; empty when it names one
};

//! Every caption and question of a scenario placed in one whole run: the check that each one names
//! exactly one event (an author's typo, an engine change or an edit shows up here), and a lookup
//! by sequence number.
struct NarrationPlan {
    std::vector<NarrationPlacement> captions;   // one per Scenario::captions entry
    std::vector<NarrationPlacement> questions;  // one per Scenario::questions entry

    //! The captions shown with the event `seq` / the questions asked before it (file order).
    [[nodiscard]] std::vector<int> captionsAt(qint64 seq) const;
    [[nodiscard]] std::vector<int> questionsBefore(qint64 seq) const;
    //! One line per problem: "/captions/2 (main/job cancel-deliver): no event of this run matches".
    [[nodiscard]] QStringList problems() const;

    std::multimap<qint64, int> captionSeqs;   // seq -> caption index
    std::multimap<qint64, int> questionSeqs;  // seq -> question index
    QStringList sharedEvents;  // "two captions on one event" and the like, found while planning
};

[[nodiscard]] NarrationPlan planNarration(const Scenario &scenario, Runtime runtime,
                                          const std::vector<TraceEvent> &events, const TaskPathResolver &path);

//! The learner's answers in predict mode. The first answer to a question counts; answering again
//! (after a replay from 0) changes nothing, so the score cannot be raised by stepping back.
class PredictScore {
public:
    //! Records `choice` for question `index` of `scenario`; true when it is the right one.
    bool answer(const Scenario &scenario, int index, int choice);
    [[nodiscard]] bool answered(int index) const { return m_choices.count(index) > 0; }
    [[nodiscard]] int chosen(int index) const;  // -1 when not answered
    [[nodiscard]] int answeredCount() const { return int(m_choices.size()); }
    [[nodiscard]] int correctCount() const { return m_correct; }
    void clear();

private:
    std::map<int, int> m_choices;  // question -> first choice
    int m_correct = 0;
};

} // namespace cascade
