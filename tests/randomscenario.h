#pragma once

// Random scenarios for property tests (tst_invariants, tst_determinism).
//
// Everything is derived from a seed with a local std::mt19937: the same seed and runtime always
// give the same scenario and the same actions, on every machine. Scenarios are built as structs
// (no JSON) and use only what the runtime supports (Engine::unsupported() is empty, checked with
// Q_ASSERT_X and by the tests).
//
// Termination by construction:
// - whileActive always has "max" (1..3) and a body that ends in a sleep or CPU work;
// - repeat counts are 1..3 and at most ~40 tasks (counting "count" and loop repetitions) exist;
// - join and cancel name only tasks spawned earlier in the same task body;
// - a waitSignal is generated only together with a detached (unstructured) "signaller" task that
//   the root spawns first: it sleeps, and in a finally block sends every signal name as many times
//   as waitSignal steps with that name can possibly run (loops and counts multiplied). Nothing
//   waits for the signaller and no generated action targets it, so every wait is answered
//   (asyncio's shutdown cancels its sleep, which also runs the finally).
//
// randomscenario.cpp generates scenarios; randomactions.cpp walks them (task paths, facts) and
// generates the user actions.

#include "engine.h"
#include "scenario.h"
#include "useraction.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cascade::testing {

//! Marker prints the generator puts around a Kotlin withContext(NonCancellable) body:
//!   shield { print "<enter> #N simple|complex"; try { body; print pad } finally { print "<exit> #N" } }
//! "simple": the body (in the same task) opens no scope that can cancel the task by itself
//! (no timeout, no join with a timeout, no group), so no cancellation may be delivered inside it.
[[nodiscard]] QString shieldEnterPrefix();  // "~nc-enter #"
[[nodiscard]] QString shieldExitPrefix();   // "~nc-exit #"
//! The name of the signaller task (never a target of generated actions).
[[nodiscard]] QString signallerName();
//! Error names that generated "fail" actions use (never used by raise steps).
[[nodiscard]] QStringList userFailErrors();

//! What the generator knows about a scenario that the trace alone does not say.
struct ScenarioFacts {
    //! asyncio: names of the inner tasks of shield steps (task names are unique in the scenario).
    QSet<QString> shieldInnerNames;
    //! Names of tasks defined by a gather step -> an id of that gather step.
    QHash<QString, int> gatherOf;
    //! Names of tasks defined by a group step -> an id of that group step.
    QHash<QString, int> groupOf;
    //! The ids (as in groupOf) of the tolerant groups: asyncio writes them as gather(..., return_exceptions=True).
    QSet<int> tolerantGroups;
    //! Upper bound of tasks the scenario can create (counts and loops multiplied).
    int taskBound = 0;
    //! Number of waitSignal steps in the scenario (0: no signaller).
    int waitSignalSteps = 0;
};

//! The facts that can be read from any scenario (shieldInnerNames, gatherOf, groupOf), e.g. one
//! loaded from a file to replay a case.
[[nodiscard]] ScenarioFacts factsOf(const Scenario &scenario, Runtime runtime);

//! A random scenario that runs under `runtime`. `facts` (optional) receives the metadata above.
[[nodiscard]] Scenario generateScenario(quint32 seed, Runtime runtime, ScenarioFacts *facts = nullptr);

//! Every task path the scenario can create under `runtime` (instances of counts and loops get
//! their index; asyncio's wait_for / shield inner tasks included), root first, at most `limit`.
[[nodiscard]] QStringList possibleTaskPaths(const Scenario &scenario, Runtime runtime, int limit = 400);

//! 0..maxActions random cancels and fails at times 0..3000 on paths from possibleTaskPaths()
//! (never the signaller). Sorted by nothing: the engine keeps equal times in the given order.
[[nodiscard]] QList<UserAction> generateActions(quint32 seed, const Scenario &scenario, Runtime runtime,
                                                int maxActions = 4);

//! "cancel main/t3@1200", "fail main/t1[2]@50:UserError:m" — the command-line form, for messages.
[[nodiscard]] QString describeAction(const UserAction &action);

//! The reverse of describeAction(): "cancel PATH@MS" or "fail PATH@MS[:Error[:message]]".
[[nodiscard]] bool parseAction(const QString &text, UserAction *action, QString *error);

} // namespace cascade::testing
