#pragma once

#include "scenario.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <vector>

// Checks one task's body on its own (the step editor edits one task at a time) with the scenario
// loader's own rules, and asks the engine which steps a runtime cannot express.
namespace cascade {

//! One problem with a step array: where (a JSON pointer relative to the array, e.g. "/2/ms") and what.
struct StepProblem {
    QString pointer;
    QString message;

    friend bool operator==(const StepProblem &, const StepProblem &) = default;
};

//! Validates steps as the body of a task named taskName, with the loader's rules and messages.
//! The loader stops at the first problem; to report more, the step it names is set aside (replaced
//! by a step that is always valid) and the rest is checked again, up to maxProblems.
//! validPart, if given, receives the steps with every step found wrong set aside: the part whose
//! meaning can still be judged (e.g. by unsupportedSteps) while the rest is being fixed.
[[nodiscard]] std::vector<StepProblem> validateSteps(const QJsonArray &steps, const QString &taskName,
                                                     int maxProblems = 50, QJsonArray *validPart = nullptr);

//! The reasons (Engine::unsupported) the runtime cannot run these steps, with pointers relative to
//! the array. Empty for an array that does not validate: only a valid body has a meaning to judge.
[[nodiscard]] std::vector<StepProblem> unsupportedSteps(const QJsonArray &steps, Runtime runtime);

//! The keys a step of this kind may carry besides "do" and "note", in documentation order
//! (empty for an unknown kind).
[[nodiscard]] QStringList stepFieldKeys(const QString &kind);

} // namespace cascade
