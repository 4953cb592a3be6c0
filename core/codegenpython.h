#pragma once

// The Python generator's writer class, shared by codegen_python.cpp (the program, its helpers
// and task functions) and codegen_pythonsteps.cpp (the steps). Only those two include this.

#include "codegenimpl.h"

namespace cascade::codegen::python {

[[nodiscard]] const QSet<QString> &pythonReserved();
//! Built-in exception classes a scenario may raise by name without declaring them.
[[nodiscard]] bool isBuiltinException(const QString &name);
//! "0.5", "10", "0.001": seconds, exactly, from whole milliseconds.
[[nodiscard]] QString seconds(qint64 ms);

//! What one function (one task body) needs before its first line, found before it is written.
struct FunctionFacts {
    QList<const TaskSpec *> counted;  // definitions started in a loop: numbered by itertools.count()
    QSet<QString> guarded;            // handles a join / cancel may use before their spawn has run
};
//! Mirrors the writer's walk: which handles are certainly assigned where they are used.
void collectFacts(const Steps &steps, bool inLoop, QSet<QString> certain, FunctionFacts *facts);
//! A cancelChildren in the group's own steps (not in a nested group's).
[[nodiscard]] bool hasCancelChildren(const Steps &steps);

class PythonWriter {
public:
    PythonWriter(const Scenario &scenario, const StepLocations &locations)
        : m_scenario(scenario)
        , m_locations(locations)
        , m_w(locations, QStringLiteral("    "))
        , m_globals(pythonReserved())
    {
    }

    GeneratedCode run();

private:
    //! Where a line is being written inside one function.
    struct Block {
        QStringList loopVars;    // {i} is the innermost; "0" outside any loop
        bool inLoop = false;
        QString children;        // the innermost group's list of tasks (for cancelChildren)
        QString slots;           // the semaphore of the group being written, if it has a limit
        QSet<QString> certain;   // handles certainly assigned here
    };
    //! The function being written.
    struct Function {
        const TaskDefinition *def = nullptr;
        QString name;
        Names locals;
        QHash<const TaskSpec *, QString> counters;
        QHash<QString, QString> handles;  // task name -> variable
    };

    void header();
    void helpers();
    void function(const TaskDefinition &def);
    void steps(const Steps &steps, Block &block);
    void step(const Step &step, Block &block);
    void work(const Step &step);
    void tryStep(const Step &step, Block &block);
    void group(const Step &step, Block &block);
    void gather(const Step &step, const Block &block);
    void spawn(const Step &step, Block &block);
    void join(const Step &step, const Block &block);
    void timeout(const Step &step, Block &block);
    void noEquivalent(const Step &step);
    //! `call` for each instance the definition makes: a loop for count > 1, a numbered call in a loop.
    QStringList calls(const TaskSpec &spec, const Block &block, const QString &wrap);
    QString call(const TaskSpec &spec, const Block &block, const QString &index);
    QString text(const QString &text, const Block &block) const;
    QString errorClass(const QString &name) const;
    QString handle(const QString &taskName);
    [[nodiscard]] QString currentTask() const { return QStringLiteral("asyncio.current_task()"); }

    const Scenario &m_scenario;
    const StepLocations &m_locations;
    CodeWriter m_w;
    Names m_globals;
    std::vector<TaskDefinition> m_defs;
    QHash<const void *, QString> m_functionNames;  // TaskSpec* or inner Step* -> function
    QHash<QString, QString> m_errorClasses;        // scenario error name -> Python class
    QHash<QString, QString> m_queues;              // signal -> module-level queue
    QStringList m_unsupported;
    Function *m_fn = nullptr;
    bool m_usesItertools = false;
};


} // namespace cascade::codegen::python
