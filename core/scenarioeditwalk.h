#pragma once

#include "scenario.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Internal to core/scenarioedit*.cpp: finding a task definition by its spec path, and the
// timeout / shield wrappers of a task's body.
namespace cascade::ScenarioEdit::walk {

//! Where a task is defined: in which step of which list, and its JSON pointer in the written file
//! (the writer's layout: bodies under "steps", "catch/i/steps", "finally", "handler").
struct Location {
    const TaskSpec *task = nullptr;
    const TaskSpec *parent = nullptr;  // null for the root
    const Steps *list = nullptr;       // the list holding the defining step
    std::size_t stepIndex = 0;
    std::size_t taskIndex = 0;         // in that step's tasks
    QString pointer;                   // "/root/steps/0/tasks/1"
    QString specPath;
};

//! Calls visit(list, pointer) for the body and every nested step list of it that belongs to the
//! same task (not the bodies of the tasks it defines); when visit returns true, the lists nested
//! in that one are skipped.
void forEachList(const Steps &steps, const QString &pointer,
                 const std::function<bool(const Steps &, const QString &)> &visit);
//! The mutable twin of forEachList, for edits of one task's own steps.
void forEachMutableList(Steps &steps, const std::function<void(Steps &)> &visit);
[[nodiscard]] std::optional<Location> findChild(const TaskSpec &parent, const QString &parentPointer, const QString &name);
//! The name of the inner task asyncio's wait_for or shield makes for a step, "" for other steps.
[[nodiscard]] QString innerTaskName(const Step &step);
//! The kind of step ("wait_for" / "shield") whose inner task in `parent` is called `name`.
[[nodiscard]] QString innerTaskKind(const TaskSpec &parent, const QString &name);
//! Every name a new child of `parent` would clash with: its children's and asyncio's inner tasks'.
[[nodiscard]] QStringList takenNames(const TaskSpec &parent);
[[nodiscard]] std::optional<Location> locate(const Scenario &scenario, const QString &specPath, QString *error);

// Edits work on a copy; a Location found in the copy may be written through.
template <typename T>
T &mutableRef(const T *p)
{
    return *const_cast<T *>(p);
}

//! The timeout and shield steps that make up a task's whole body, outermost timeout first.
struct Wrapping {
    Step *timeout = nullptr;
    Step *shield = nullptr;
    Steps *inner = nullptr;  // the list the next wrapper would go into
};

[[nodiscard]] Wrapping wrappingOf(TaskSpec &task);
//! Replaces `list` by the single step `wrapper` whose body is what the list held.
void wrap(Steps *list, Step wrapper);
//! Replaces the list holding a wrapper (its only step) by the wrapper's body.
void unwrap(Steps *list);

} // namespace cascade::ScenarioEdit::walk
