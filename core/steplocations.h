#pragma once

#include "scenario.h"

#include <QHash>
#include <QString>

#include <vector>

namespace cascade {

//! Every place of a scenario that the trace and the code view point at, each named by its JSON
//! pointer: task definitions, steps, catch clauses, finally blocks and cancellation handlers.
//!
//! The pointers are made from the structure the way the loader names steps ("/root/steps/3",
//! "/root/steps/3/catch/0", "/root/steps/3/finally", "/root/steps/0/task", "/root/steps/2/tasks/1"),
//! so a scenario built in code gets the same names as the file it would be written to. The body of a
//! `timeout` with `"style": "waitFor"` and of a `shield` step is also a task definition: asyncio runs
//! it as a task of its own (pointer "<step>/steps").
//!
//! The engine keeps a location index per task (TraceEvent::step); the code generator keys its line
//! map by pointer. Objects are identified by address, so the scenario must outlive this table.
class StepLocations {
public:
    enum class Kind : quint8 { Task, Step, Catch, Finally, Handler };

    struct Location {
        Kind kind = Kind::Step;
        QString pointer;
        int parent = -1;               // the enclosing location in the scenario (-1 for the root task)
        const Step *step = nullptr;    // Step: the step; Catch / Finally / Handler / inner Task: the step they belong to
        const TaskSpec *task = nullptr;  // Task: the definition (null for an inner task: its body is step->body)
        const CatchClause *clause = nullptr;  // Catch
    };

    explicit StepLocations(const Scenario &scenario);

    [[nodiscard]] int size() const { return int(m_locations.size()); }
    [[nodiscard]] const Location &at(int index) const { return m_locations[std::size_t(index)]; }
    //! The pointer of a location, or an empty string for an index out of range (-1: no location).
    [[nodiscard]] QString pointer(int index) const;
    //! -1 when the pointer names no location.
    [[nodiscard]] int indexOfPointer(const QString &pointer) const;

    // Index lookups by object; -1 for an object that is not part of the scenario.
    [[nodiscard]] int indexOf(const Step &step) const { return find(&step); }
    [[nodiscard]] int indexOf(const TaskSpec &task) const { return find(&task); }
    [[nodiscard]] int indexOf(const CatchClause &clause) const { return find(&clause); }
    [[nodiscard]] int finallyOf(const Step &tryStep) const { return find(&tryStep.finallyBody); }
    [[nodiscard]] int handlerOf(const Step &onCancelStep) const { return find(&onCancelStep.handler); }
    //! The same, from the handler's steps (the engine keeps the handlers it registered).
    [[nodiscard]] int indexOfHandler(const Steps &handler) const { return find(&handler); }
    //! The task asyncio makes of a waitFor timeout's or a shield's body.
    [[nodiscard]] int innerTaskOf(const Step &step) const { return find(&step.body); }

    //! Makes a copy of a step's body (the engine copies it into the inner task's definition) answer
    //! with the original's locations: `copy` is the inner task and its steps.
    void addInnerTaskCopy(const TaskSpec &copy, const Step &original);

private:
    int add(Kind kind, const QString &pointer, int parent, const void *object);
    void walkTask(const TaskSpec &task, const QString &pointer, int parent);
    void walkSteps(const Steps &steps, const QString &pointer, int parent);
    void walkStep(const Step &step, const QString &pointer, int parent);
    void aliasSteps(const Steps &copy, const Steps &original);
    [[nodiscard]] int find(const void *object) const { return m_index.value(object, -1); }

    std::vector<Location> m_locations;
    QHash<const void *, int> m_index;
};

} // namespace cascade
