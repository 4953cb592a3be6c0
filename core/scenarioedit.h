#pragma once

#include "scenario.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cascade {

//! The outcome of one edit: a new scenario that passes the loader, or why the edit cannot be made
//! (never an invalid scenario).
struct EditResult {
    std::optional<Scenario> scenario;
    QString error;
    //! The spec path of the task the edit is about, as it is after the edit (the added child, the
    //! renamed task; the parent of a removed one). Empty on error.
    QString taskPath;
    //! setSteps only: where in the steps array the problem is ("/3/ms"), "" for the array itself.
    QString stepsPointer;
    //! setSteps only: the problem at stepsPointer, without the pointer.
    QString stepsProblem;

    [[nodiscard]] explicit operator bool() const { return scenario.has_value(); }
};

//! How a new task hangs off its parent.
enum class ChildLink {
    Structured,   // a child of a group step: TaskGroup / coroutineScope / withThrowingTaskGroup
    Unstructured  // a spawn step with link "unstructured": create_task / GlobalScope.launch / Task {}
};

//! What the editor shows about one task.
struct TaskFacts {
    QString specPath;
    bool isRoot = false;
    bool shielded = false;             // the body is one shield step (inside the timeout, if any)
    std::optional<qint64> timeoutMs;   // the body is one timeout step
    StepKind startedBy = StepKind::Group;  // Group, Gather or Spawn; meaningless for the root
    int indexInStep = 0;               // among the tasks of that step
    int tasksInStep = 1;
};

//! One task definition in the order of the file, for a list of the scenario's tasks.
struct OutlineEntry {
    QString specPath;
    int depth = 0;        // the root is 0
    QString startedBy;    // "group strict", "gather", "spawn unstructured", ... ("" for the root)
    bool shielded = false;
    std::optional<qint64> timeoutMs;
    int count = 1;
};

//! The task edits an editor offers on a selected task.
enum class TaskEdit { AddChild, AddUnstructured, Rename, Remove, MoveUp, MoveDown, ToggleShield, SetTimeout, ClearTimeout };

//! Edit operations on a Scenario. Tasks are addressed by their spec path: the names from the root
//! joined by "/" without indices ("main/chopIngredients/chop"). Every operation validates its
//! result with the loader's own rules, so what it returns can be written and read back.
namespace ScenarioEdit {

//! "main/chop[2]" -> "main/chop": a runtime task path without its instance indices. Use
//! specPathForRuntimePath() when the path may name asyncio's inner wait_for / shield tasks.
[[nodiscard]] QString specPathOf(const QString &runtimePath);

//! The spec path of the definition a runtime path was made from. The inner tasks that asyncio's
//! wait_for and shield create around a block of steps are skipped in the middle of a path (their
//! children are defined in the enclosing task's body); a path that ends at one has no definition
//! of its own and is an error that says which task to edit instead.
[[nodiscard]] std::optional<QString> specPathForRuntimePath(const Scenario &scenario, const QString &runtimePath,
                                                            QString *error);

[[nodiscard]] std::optional<TaskFacts> taskFacts(const Scenario &scenario, const QString &specPath, QString *error);

//! The task's steps in the file format (what setSteps takes).
[[nodiscard]] std::optional<QJsonArray> stepsOf(const Scenario &scenario, const QString &specPath, QString *error);

//! Every task definition, depth first in file order: what an editor lists, including tasks a run
//! has not started yet.
[[nodiscard]] std::vector<OutlineEntry> outline(const Scenario &scenario);

//! Why `edit` does not apply to the task ("" when it does), found without making it (cheap on a
//! 10,000-task scenario): the edit's own checks that need no validation of the whole result, and
//! the runtime's reason against a step the edit would add (a shield or timeout under Swift).
//! Limits of the whole file (nesting depth, step count) are reported when the edit is made.
[[nodiscard]] QString unavailableReason(const Scenario &scenario, const QString &specPath, TaskEdit edit,
                                        Runtime runtime);

//! A minimal valid scenario: "main" prints and sleeps, under every runtime.
[[nodiscard]] Scenario newScenario();

//! Why `name` cannot be the new name of the task at specPath ("" when it can): the loader's rules
//! for task names, and uniqueness among the task's siblings.
[[nodiscard]] QString checkNewName(const Scenario &scenario, const QString &specPath, const QString &name);

//! Adds a task under specPath named nameSuggestion, or nameSuggestion2, 3, ... if that is taken.
//! Structured: into the last group step of the parent's body (a new strict group at the end when
//! there is none). Unstructured: a spawn step after the spawn steps that begin the body, so the
//! task starts right away. The new body prints, sleeps 1000 ms and prints again.
[[nodiscard]] EditResult addChild(const Scenario &scenario, const QString &specPath, ChildLink link,
                                  const QString &nameSuggestion = QStringLiteral("task"));
//! Removes a task (not the root) with the join / cancel steps and awaitOrder entries that name it;
//! a group or gather step left without tasks, or a spawn step, goes with it.
[[nodiscard]] EditResult removeTask(const Scenario &scenario, const QString &specPath);
//! Renames a task and the join / cancel targets and awaitOrder entries that name it.
[[nodiscard]] EditResult renameTask(const Scenario &scenario, const QString &specPath, const QString &newName);
//! Moves a task delta places among the tasks of the same group or gather step.
[[nodiscard]] EditResult moveTask(const Scenario &scenario, const QString &specPath, int delta);
//! Replaces a task's body. Problems carry a JSON pointer relative to `steps` (stepsPointer).
[[nodiscard]] EditResult setSteps(const Scenario &scenario, const QString &specPath, const QJsonArray &steps);
//! Wraps the body in a shield step (inside the timeout step if there is one), or unwraps it.
[[nodiscard]] EditResult setShield(const Scenario &scenario, const QString &specPath, bool shielded);
//! Wraps the body in an outermost timeout step of `ms`, changes its ms, or (nullopt) unwraps it.
[[nodiscard]] EditResult setTimeout(const Scenario &scenario, const QString &specPath, std::optional<qint64> ms);
//! The runtimes the scenario is meant for; the first is the default. One or more, no repeats.
[[nodiscard]] EditResult setRuntimes(const Scenario &scenario, const std::vector<Runtime> &runtimes);
//! Makes `runtime` the first of the scenario's runtimes (adding it if it is not listed).
[[nodiscard]] EditResult setDefaultRuntime(const Scenario &scenario, Runtime runtime);
//! The steps the runtime cannot express, each with the reason ("/root/steps/1: a shield is not
//! available in swift: ..."): Engine::unsupported().
[[nodiscard]] QStringList unsupportedSteps(const Scenario &scenario, Runtime runtime);

} // namespace ScenarioEdit

} // namespace cascade
