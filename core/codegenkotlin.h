#pragma once

// The Kotlin generator's writer class, shared by codegen_kotlin.cpp (the program and its
// helpers) and codegen_kotlinsteps.cpp (the steps). Only those two include this.

#include "codegenimpl.h"

#include <functional>

namespace cascade::codegen::kotlin {

[[nodiscard]] const QSet<QString> &kotlinReserved();
//! A string template: $name, or ${name} when a letter, digit or _ follows.
[[nodiscard]] QString templateVar(const QString &name, const QString &next);
//! "hello $i", with $ escaped; {i} the innermost loop variable, {task} the task's name.
[[nodiscard]] QString kotlinText(const QString &text, const QString &loopVar, const QString &taskName, const QString &indexVar);
//! An ifCancelled "break" directly in these steps (a repeat {} lambda cannot break).
[[nodiscard]] bool breaksLoop(const Steps &steps);

class KotlinWriter {
public:
    KotlinWriter(const Scenario &scenario, const StepLocations &locations)
        : m_scenario(scenario)
        , m_locations(locations)
        , m_w(locations, QStringLiteral("    "))
        , m_names(kotlinReserved())
    {
    }
    GeneratedCode run();

private:
    //! Where a line is written: the task body it belongs to and the loops around it.
    struct Block {
        QString label = QStringLiteral("runBlocking");  // return@label leaves the task body
        QString taskName;
        QString indexVar;        // the instance's index ({task} is name[index]); empty: none
        bool mainThread = true;  // runs on runBlocking's one thread (Kotlin's Dispatchers rules)
        QString loopVar;
        bool inLoop = false;     // inside a loop of this task body
        QSet<QString> certain;   // handles assigned in this or an enclosing block
        QSet<QString> *guarded = nullptr;
        QHash<QString, QString> *handles = nullptr;
    };

    //! `releasesSlot`: a limited group's task gives its slot back when it ends.
    void taskBody(const Steps &steps, Block block, const QString &opening, int location, bool releasesSlot = false);
    void steps(const Steps &steps, Block &block);
    void step(const Step &step, Block &block);
    void work(const Step &step, const Block &block);
    void tryStep(const Step &step, Block &block);
    void group(const Step &step, const Block &block);
    void gather(const Step &step, const Block &block);
    void spawn(const Step &step, Block &block);
    void join(const Step &step, const Block &block);
    void launchTasks(const TaskSpec &spec, const Block &block, const QString &builder, const QString &assign,
                     bool limited = false);
    QString handle(const Block &block, const QString &taskName);
    QString errorType(const QString &name) const;

    const Scenario &m_scenario;
    const StepLocations &m_locations;
    CodeWriter m_w;
    Names m_names;
    QHash<QString, QString> m_errorTypes;
    QHash<QString, QString> m_channels;
};

} // namespace cascade::codegen::kotlin
