#pragma once

#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace cascade {

//! The three rule sets the engine can run a scenario under.
enum class Runtime { Asyncio, Kotlin, Swift };

[[nodiscard]] QString runtimeName(Runtime runtime);
[[nodiscard]] bool runtimeFromName(const QString &name, Runtime *out);
//! Every runtime's file name ("asyncio", "kotlin", "swift"), in enum order.
[[nodiscard]] QStringList allRuntimeNames();

//! Kotlin dispatchers; the other runtimes ignore the task property (asyncio is always one thread,
//! Swift always the cooperative pool).
enum class Dispatcher { Inherit, Default, Main };

enum class StepKind {
    Sleep,          // cancellable wait
    Work,           // CPU work; with checkEveryMs > 0 it checks every N ms
    Checkpoint,     // throwing check point
    IfCancelled,    // polling check: return / raise / break when cancelled
    WhileActive,    // loop while the task is not cancelled
    Print,
    Raise,
    Try,            // try / catch / finally (defer)
    Group,          // structured group, strict or tolerant, optional concurrency limit
    Gather,         // await several: gather / awaitAll / async let
    Spawn,          // start a task: structured child, unstructured or detached
    Join,           // await a handle (optionally shielded / with a timeout)
    Cancel,         // cancel a handle from code
    CancelChildren, // cancel every child of the enclosing group (cancelAll)
    Repeat,
    Timeout,        // timeout block or wait_for, optionally "or null"
    Shield,         // asyncio.shield / withContext(NonCancellable)
    OnCancel,       // cancellation handler around an operation
    WaitSignal,     // wait for an outside event (e.g. the next order)
    Signal,         // deliver that event
};

[[nodiscard]] QString stepKindName(StepKind kind);
[[nodiscard]] bool stepKindFromName(const QString &name, StepKind *out);
//! Every step kind's "do" name, in enum order.
[[nodiscard]] QStringList allStepKindNames();

enum class GroupKind { Strict, Tolerant };
enum class SpawnLink { Child, Unstructured, Detached };
enum class IfCancelledAction { Return, Raise, Break };
enum class WorkCheck { None, Throw, Poll };
enum class TimeoutStyle { Block, WaitFor };

struct Step;
using Steps = std::vector<Step>;

//! A task definition: a name and a body. count > 1 makes count tasks named name[i].
struct TaskSpec {
    QString name;
    Steps body;
    int count = 1;
    Dispatcher dispatcher = Dispatcher::Inherit;
};

//! What a catch clause matches: the cancellation error, any error ("catch-all"), or an error by name.
struct CatchClause {
    enum class Match { Cancellation, Any, Named };
    Match match = Match::Any;
    QString errorName;  // for Named
    bool rethrow = false;
    Steps body;
};

//! One step of a task body. A plain struct with the fields every kind may use; the loader checks
//! that only the fields meaningful for the kind are present.
struct Step {
    StepKind kind = StepKind::Print;
    QString pointer;            // JSON pointer of the step in its file, for messages

    qint64 ms = 0;              // Sleep, Work, Timeout, Join (timeout), WaitSignal (0 = forever)
    qint64 checkEveryMs = 0;    // Work
    WorkCheck check = WorkCheck::None;
    QString text;               // Print text, Raise message
    QString error;              // Raise error type, IfCancelled error
    IfCancelledAction ifCancelled = IfCancelledAction::Return;
    int count = 0;              // Repeat, WhileActive max iterations (0 = unbounded)
    int from = 0;               // Repeat first index
    Steps body;                 // Try, Repeat, WhileActive, Timeout, Shield, OnCancel operation, Group body
    std::vector<CatchClause> catches;
    Steps finallyBody;          // Try
    Steps handler;              // OnCancel
    GroupKind groupKind = GroupKind::Strict;
    int limit = 0;              // Group concurrency limit (0 = none)
    std::vector<TaskSpec> tasks;  // Group, Gather children; Spawn: exactly one
    QStringList awaitOrder;     // Gather
    SpawnLink link = SpawnLink::Unstructured;
    QString target;             // Join / Cancel handle name, WaitSignal / Signal name, Shield task name
    bool shield = false;        // Join through a shield
    bool orNull = false;        // Timeout
    TimeoutStyle timeoutStyle = TimeoutStyle::Block;
};

//! Text in English and Korean.
struct LocalizedText {
    QString en;
    QString ko;

    bool operator==(const LocalizedText &) const = default;
};

//! Names one event of a run (docs/scenario-format.md, "Captions and predict questions"): the task
//! path, the event kind as the trace names it, fields the event must have, and which of several
//! matching events is meant.
struct EventSelector {
    QString task;    // "main/chopIngredients/chop[2]"
    QString event;   // "cancel-deliver" (trace.h: eventKindName)
    //! Trace field -> value as text, in file order: ("cause", "parent"), ("cancelled", "true"),
    //! ("ms", "500"). Booleans are "true" / "false", numbers decimal (traceEventFields()).
    std::vector<std::pair<QString, QString>> fields;
    int occurrence = 0;  // 1-based: the n-th matching event; 0: exactly one event may match

    bool operator==(const EventSelector &) const = default;
};

//! A line of narration shown when its event happens; the player may pause there.
struct Caption {
    EventSelector on;
    LocalizedText text;
    bool pause = false;
    std::vector<Runtime> runtimes;  // the runtimes it is written for; empty: all of the scenario's
    QString pointer;                // JSON pointer in its file, for messages

    bool operator==(const Caption &other) const
    {
        return on == other.on && text == other.text && pause == other.pause && runtimes == other.runtimes;
    }
};

//! A multiple-choice question asked before its event happens ("what happens next?").
struct PredictQuestion {
    EventSelector before;
    LocalizedText question;
    std::vector<LocalizedText> choices;  // 2 to 4
    int answer = 0;                      // index into choices
    LocalizedText explanation;           // shown once the learner has answered
    std::vector<Runtime> runtimes;       // as for Caption
    QString pointer;

    bool operator==(const PredictQuestion &other) const
    {
        return before == other.before && question == other.question && choices == other.choices
            && answer == other.answer && explanation == other.explanation && runtimes == other.runtimes;
    }
};

//! True when a caption or question written for `runtimes` applies to a run under `runtime`.
[[nodiscard]] inline bool appliesTo(const std::vector<Runtime> &runtimes, Runtime runtime)
{
    return runtimes.empty() || std::find(runtimes.begin(), runtimes.end(), runtime) != runtimes.end();
}

//! A whole scenario file: metadata and the root task.
struct Scenario {
    QString id;
    LocalizedText title;
    LocalizedText explanation;
    std::vector<Runtime> runtimes;  // the first is the default
    TaskSpec root;
    std::vector<Caption> captions;           // narration, tied to events of a run
    std::vector<PredictQuestion> questions;  // the file's "predict" array
    QString sourceName;             // file or resource the scenario came from

    [[nodiscard]] Runtime defaultRuntime() const { return runtimes.empty() ? Runtime::Asyncio : runtimes.front(); }
};

} // namespace cascade
