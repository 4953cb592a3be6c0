#pragma once

// The Swift generator's writer class, shared by codegen_swift.cpp (the program and its
// helpers) and codegen_swiftsteps.cpp (the steps). Only those two include this.

#include "codegenimpl.h"

#include <functional>

namespace cascade::codegen::swift {

[[nodiscard]] const QSet<QString> &swiftReserved();
//! "hello \(i)"; {i} the innermost loop variable, {task} the task's name.
[[nodiscard]] QString swiftText(const QString &text, const QString &loopVar, const QString &taskName, bool indexed);
//! Whether the steps await or throw (a defer can do neither).
[[nodiscard]] bool awaitsIn(const Steps &steps);
//! "swift-make-soup" -> "SwiftMakeSoup", the @main type's name.
[[nodiscard]] QString camel(const QString &id);

class SwiftWriter {
public:
    SwiftWriter(const Scenario &scenario, const StepLocations &locations)
        : m_scenario(scenario)
        , m_locations(locations)
        , m_w(locations, QStringLiteral("    "))
        , m_globals(swiftReserved())
    {
    }
    GeneratedCode run();

private:
    struct Block {
        const TaskDefinition *def = nullptr;
        QString loopVar;
        bool inLoop = false;    // inside a loop of this task body
        QString group;          // the innermost task group's variable (cancelAll)
        QSet<QString> certain;
        QSet<QString> *guarded = nullptr;
        QHash<QString, QString> *handles = nullptr;
        QHash<QString, bool> *asyncLets = nullptr;  // spawned as `async let` (no handle to cancel)
    };

    void function(const TaskDefinition &def);
    void steps(const Steps &steps, Block &block);
    void step(const Step &step, Block &block);
    void noEquivalent(const Step &step);
    void work(const Step &step);
    void tryStep(const Step &step, Block &block);
    void group(const Step &step, Block &block);
    void gather(const Step &step, const Block &block);
    [[nodiscard]] QString call(const TaskSpec &spec, const QString &index) const;
    //! The index a task made one at a time inside a loop gets (its counter is written first).
    [[nodiscard]] QString countedIndex(const TaskSpec &spec, const Block &block);
    [[nodiscard]] QString text(const QString &text, const Block &block) const;
    QString handle(const Block &block, const QString &taskName);
    [[nodiscard]] QString errorType(const QString &name) const { return m_errorTypes.value(name, name); }

    const Scenario &m_scenario;
    const StepLocations &m_locations;
    CodeWriter m_w;
    Names m_globals;
    std::vector<TaskDefinition> m_defs;
    QHash<const TaskSpec *, QString> m_functions;
    QHash<QString, QString> m_errorTypes;
    QHash<QString, QString> m_streams;
    QStringList m_unsupported;
};

} // namespace cascade::codegen::swift
