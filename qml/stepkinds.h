#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// What the step editor knows about each step kind of docs/scenario-format.md: the fields its form
// shows, the nested step lists it has, a sensible new step, and a one-line summary. QtCore only;
// the rules themselves are the loader's (core/stepvalidation.h).
namespace cascade::stepkinds {

enum class FieldType {
    Ms,      // whole milliseconds
    Count,   // a whole number
    Choice,  // one of options
    Bool,
    Text,
    Name,    // a task, signal or error name
    Names,   // a list of task names
    CatchError,  // "cancellation", "any" or an error name
};

//! One field of a step's form. Optional fields are removed from the step when set to their
//! "none" value (0, false, "" or an empty list), which is how the file leaves them out.
struct FieldSpec {
    QString key;
    QString label;
    FieldType type = FieldType::Text;
    qint64 min = 0;
    qint64 max = 0;
    QStringList options;  // Choice, CatchError (the fixed names)
    bool optional = false;
    QString help;         // a short hint shown under the field

    [[nodiscard]] QVariantMap toVariant() const;
};

//! A nested step list of a kind: its key in the step object and the label of its section row.
struct SectionSpec {
    QString key;
    QString label;
    bool shownWhenAbsent = true;  // false: only when the file has it (try's "finally")
};

//! Every kind, in the order of the format's table.
[[nodiscard]] QStringList kinds();
[[nodiscard]] QList<FieldSpec> fields(const QString &kind);
//! The form of a catch clause (a section row of a try).
[[nodiscard]] QList<FieldSpec> catchFields();
//! Nested step lists of a kind, without try's catch clauses (each is its own section).
[[nodiscard]] QList<SectionSpec> sections(const QString &kind);
[[nodiscard]] bool hasCatchClauses(const QString &kind);

//! A new step of this kind that is valid where it is inserted: task names it defines avoid
//! takenNames; join and cancel name lastSpawned (the latest task spawned before the position).
[[nodiscard]] QJsonObject defaultStep(const QString &kind, const QStringList &takenNames, const QString &lastSpawned);

//! One readable line for a step object (with its nested lists): "work 2000 ms, checks every 100 ms".
[[nodiscard]] QString summary(const QJsonObject &step);
//! The label of a catch clause's section row: "catch cancellation (rethrow)".
[[nodiscard]] QString catchLabel(const QJsonObject &clause);

//! The names of tasks a group, gather or spawn step defines (empty for other kinds).
[[nodiscard]] QStringList definedTaskNames(const QJsonObject &step);

} // namespace cascade::stepkinds
