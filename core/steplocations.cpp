#include "steplocations.h"

namespace cascade {

namespace {

QString child(const QString &pointer, const char *key)
{
    return pointer + QLatin1Char('/') + QLatin1String(key);
}

QString child(const QString &pointer, const char *key, std::size_t index)
{
    return pointer + QLatin1Char('/') + QLatin1String(key) + QLatin1Char('/') + QString::number(index);
}

} // namespace

StepLocations::StepLocations(const Scenario &scenario)
{
    walkTask(scenario.root, QStringLiteral("/root"), -1);
}

QString StepLocations::pointer(int index) const
{
    return index >= 0 && index < size() ? m_locations[std::size_t(index)].pointer : QString();
}

int StepLocations::indexOfPointer(const QString &pointer) const
{
    for (std::size_t i = 0; i < m_locations.size(); ++i) {
        if (m_locations[i].pointer == pointer)
            return int(i);
    }
    return -1;
}

int StepLocations::add(Kind kind, const QString &pointer, int parent, const void *object)
{
    Location location;
    location.kind = kind;
    location.pointer = pointer;
    location.parent = parent;
    m_locations.push_back(location);
    const int index = int(m_locations.size()) - 1;
    m_index.insert(object, index);
    return index;
}

void StepLocations::walkTask(const TaskSpec &task, const QString &pointer, int parent)
{
    const int index = add(Kind::Task, pointer, parent, &task);
    m_locations.back().task = &task;
    walkSteps(task.body, child(pointer, "steps"), index);
}

void StepLocations::walkSteps(const Steps &steps, const QString &pointer, int parent)
{
    for (std::size_t i = 0; i < steps.size(); ++i)
        walkStep(steps[i], pointer + QLatin1Char('/') + QString::number(i), parent);
}

void StepLocations::walkStep(const Step &step, const QString &pointer, int parent)
{
    const int index = add(Kind::Step, pointer, parent, &step);
    m_locations.back().step = &step;
    const bool innerTask = (step.kind == StepKind::Timeout && step.timeoutStyle == TimeoutStyle::WaitFor)
        || step.kind == StepKind::Shield;
    if (innerTask) {
        // The body is asyncio's inner task; under Kotlin the same steps run in the task itself.
        const int inner = add(Kind::Task, child(pointer, "steps"), index, &step.body);
        m_locations.back().step = &step;
        walkSteps(step.body, child(pointer, "steps"), inner);
    } else {
        walkSteps(step.body, child(pointer, "steps"), index);
    }
    for (std::size_t i = 0; i < step.catches.size(); ++i) {
        const CatchClause &clause = step.catches[i];
        const QString at = child(pointer, "catch", i);
        const int clauseIndex = add(Kind::Catch, at, index, &clause);
        m_locations.back().step = &step;
        m_locations.back().clause = &clause;
        walkSteps(clause.body, child(at, "steps"), clauseIndex);
    }
    if (step.kind == StepKind::Try && (!step.finallyBody.empty() || step.catches.empty())) {
        const int finallyIndex = add(Kind::Finally, child(pointer, "finally"), index, &step.finallyBody);
        m_locations.back().step = &step;
        walkSteps(step.finallyBody, child(pointer, "finally"), finallyIndex);
    }
    if (step.kind == StepKind::OnCancel) {
        const int handlerIndex = add(Kind::Handler, child(pointer, "handler"), index, &step.handler);
        m_locations.back().step = &step;
        walkSteps(step.handler, child(pointer, "handler"), handlerIndex);
    }
    if (step.kind == StepKind::Spawn) {
        for (const TaskSpec &task : step.tasks)
            walkTask(task, child(pointer, "task"), index);
    } else {
        for (std::size_t i = 0; i < step.tasks.size(); ++i)
            walkTask(step.tasks[i], child(pointer, "tasks", i), index);
    }
}

void StepLocations::addInnerTaskCopy(const TaskSpec &copy, const Step &original)
{
    const int inner = innerTaskOf(original);
    if (inner < 0)
        return;
    m_index.insert(&copy, inner);
    aliasSteps(copy.body, original.body);
}

void StepLocations::aliasSteps(const Steps &copy, const Steps &original)
{
    for (std::size_t i = 0; i < copy.size() && i < original.size(); ++i) {
        const Step &c = copy[i];
        const Step &o = original[i];
        const auto alias = [&](const void *copyObject, const void *originalObject) {
            const int index = find(originalObject);
            if (index >= 0)
                m_index.insert(copyObject, index);
        };
        alias(&c, &o);
        alias(&c.body, &o.body);
        alias(&c.finallyBody, &o.finallyBody);
        alias(&c.handler, &o.handler);
        aliasSteps(c.body, o.body);
        aliasSteps(c.finallyBody, o.finallyBody);
        aliasSteps(c.handler, o.handler);
        for (std::size_t k = 0; k < c.catches.size() && k < o.catches.size(); ++k) {
            alias(&c.catches[k], &o.catches[k]);
            aliasSteps(c.catches[k].body, o.catches[k].body);
        }
        for (std::size_t k = 0; k < c.tasks.size() && k < o.tasks.size(); ++k) {
            alias(&c.tasks[k], &o.tasks[k]);
            aliasSteps(c.tasks[k].body, o.tasks[k].body);
        }
    }
}

} // namespace cascade
