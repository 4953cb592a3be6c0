#pragma once

// Internals of the code generator shared by the three languages: the line writer that builds the
// line map, identifier bookkeeping, print-text templates and the plan of task definitions.
// Only the codegen*.cpp files include this.

#include "codegen.h"
#include "steplocations.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace cascade::codegen {

//! Emits lines with an indentation and records, for the line map, which locations they belong to
//! and how they are marked.
class CodeWriter {
public:
    CodeWriter(const StepLocations &locations, QString indentUnit);

    void line(const QString &text, quint8 marks = 0);
    void blank();
    void indent() { ++m_depth; }
    void dedent() { --m_depth; }
    //! The location `index` (a StepLocations index; -1 is ignored) starts at the next line.
    void begin(int index);
    //! The next line is the head of the innermost open location (default: its first line).
    void headHere();
    void end(int index);
    //! Lines written until the matching endMarks() also get `marks` (cleanup bodies, comments).
    void beginMarks(quint8 marks) { m_extraMarks.push_back(marks); }
    void endMarks() { m_extraMarks.pop_back(); }
    [[nodiscard]] int lineCount() const { return int(m_lines.size()); }

    [[nodiscard]] GeneratedCode finish(CodeLanguage language);

private:
    struct Open {
        int output = -1;  // index in m_out
    };
    const StepLocations &m_locations;
    QString m_indentUnit;
    int m_depth = 0;
    std::vector<CodeLine> m_lines;
    std::vector<CodeLocation> m_out;
    std::vector<Open> m_open;
    std::vector<quint8> m_extraMarks;
    bool m_headPending = false;
};

//! Identifiers of one scope: unique, never a keyword or a name the program already uses.
class Names {
public:
    explicit Names(QSet<QString> taken = {}) : m_taken(std::move(taken)) {}
    //! `wanted` if free, else wanted_2, wanted_3... (`separator` between), and marks it taken.
    QString claim(const QString &wanted, const QString &separator = QStringLiteral("_"));
    void reserve(const QString &name) { m_taken.insert(name); }
    [[nodiscard]] bool taken(const QString &name) const { return m_taken.contains(name); }
    [[nodiscard]] const QSet<QString> &all() const { return m_taken; }

private:
    QSet<QString> m_taken;
};

//! A piece of a print or raise text: literal text, the innermost loop index ({i}) or the task's
//! name ({task}), as the engine's formatText() replaces them.
struct TextPart {
    enum class Kind { Literal, LoopIndex, TaskName };
    Kind kind = Kind::Literal;
    QString text;
};
[[nodiscard]] std::vector<TextPart> splitTemplate(const QString &text);
[[nodiscard]] bool usesLoopIndex(const Steps &steps);  // directly (not inside a nested loop or task)
//! Definitions of one task body started inside a loop of it, one at a time (count 1): the engine
//! numbers them name[0], name[1]... in the order they start, so the program keeps a counter.
[[nodiscard]] QList<const TaskSpec *> specsStartedInLoops(const Steps &body);

//! A task body the program writes: a task definition of the scenario, or (Python) the inner task
//! of a waitFor timeout or a shield.
struct TaskDefinition {
    const TaskSpec *spec = nullptr;  // null for an inner task
    const Step *innerOf = nullptr;   // the timeout / shield step of an inner task
    QString taskName;                // as the trace names it, without an index
    int location = -1;               // StepLocations index of the definition
    bool indexed = false;            // the engine names its instances name[i] (count > 1 or made in a loop)
    bool limited = false;            // a task of a group with a concurrency limit
    [[nodiscard]] const Steps &body() const { return spec ? spec->body : innerOf->body; }
};

//! Every task body of the scenario, children before their creators and the root last (the order of
//! Python's module-level functions). `innerTasks`: asyncio runs waitFor and shield bodies as tasks
//! of their own, which start with no enclosing loop.
[[nodiscard]] std::vector<TaskDefinition> planTasks(const Scenario &scenario, const StepLocations &locations,
                                                    bool innerTasks);

//! Error names the program must declare (raise, ifCancelled and catch clauses), sorted.
[[nodiscard]] QStringList errorNames(const Scenario &scenario);
//! Signal names (waitSignal / signal), sorted.
[[nodiscard]] QStringList signalNames(const Scenario &scenario);
//! Whether any step of the scenario has this kind (optionally: also a predicate on the step).
[[nodiscard]] bool anyStep(const Scenario &scenario, bool (*predicate)(const Step &));

//! Text as a double-quoted literal with C-like escapes (\\, \", \n, \t, \u{...} for other controls
//! in `controlEscape` style: "\\u%04x" for Kotlin / Python, "\\u{%x}" for Swift).
[[nodiscard]] QString quoted(const QString &text, bool swiftEscapes = false);


GeneratedCode generatePython(const Scenario &scenario, const StepLocations &locations);
GeneratedCode generateKotlin(const Scenario &scenario, const StepLocations &locations);
GeneratedCode generateSwift(const Scenario &scenario, const StepLocations &locations);

} // namespace cascade::codegen
