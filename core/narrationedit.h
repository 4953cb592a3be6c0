#pragma once

#include "scenario.h"

#include <QString>

// Internal to core/scenarioedit.cpp: keeping a scenario's captions and predict questions true to
// its tasks and runtimes as they are edited (docs/editing.md, "Narration").
namespace cascade::ScenarioEdit::narration {

//! After renaming the task at `specPath` ("main/chop") to `newName`: every path of the narration
//! that goes through it ("main/chop[2]", "main/chop/x") names it by its new name.
void renameTask(Scenario *scenario, const QString &specPath, const QString &newName);

//! Drops the captions and questions that no longer fit the scenario: a task path it cannot create
//! any more, or runtimes it no longer lists (an entry keeps the runtimes that are still listed).
//! Entries that fit are kept as they were; their pointers are renumbered.
void dropStale(Scenario *scenario);

} // namespace cascade::ScenarioEdit::narration
