#include "tracecompare.h"

#include "engine.h"
#include "taskstates.h"
#include "tracedescription.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>

namespace cascade {

namespace {

//! The translation context of the comparison's words.
class TraceCompare
{
    Q_DECLARE_TR_FUNCTIONS(TraceCompare)
};

//! A task's state at the end of an instant, as far as the comparison looks: its phase, whether a
//! cancel request waits undelivered, and what it waits on while suspended. The detail is kept for
//! the words only.
struct StatePoint {
    qint64 t = 0;
    TaskPhase phase = TaskPhase::NotStarted;
    bool pending = false;
    QString waitsOn;  // the suspend's text ("sleep", "join main/job"); empty unless suspended
    QString detail;

    [[nodiscard]] bool sameState(const StatePoint &other) const
    {
        return phase == other.phase && pending == other.pending && waitsOn == other.waitsOn;
    }
};

struct TaskTimeline {
    QString path;
    std::vector<StatePoint> points;  // one per instant at whose end the state differs from before
    std::vector<qint64> events;      // indices of the task's events
    qint64 spawnEvent = -1;
    qint64 endEvent = -1;
    TaskPhase endPhase = TaskPhase::NotStarted;
};

//! One run, read once: every task's states over time, by id and by path.
struct RunTimelines {
    const ComparedRun *run = nullptr;
    std::vector<TaskTimeline> tasks;  // by task id
    std::vector<int> order;           // task ids in the order they were spawned
    QHash<QString, int> byPath;
    qint64 endTime = 0;

    [[nodiscard]] const TraceEvent &event(qint64 index) const { return (*run->events)[std::size_t(index)]; }
    [[nodiscard]] QString runtime() const { return runtimeTitle(run->runtime); }
};

StatePoint pointOf(const TaskState &state, qint64 t)
{
    StatePoint point;
    point.t = t;
    point.phase = state.phase;
    point.pending = state.pendingSince >= 0;
    if (state.phase == TaskPhase::Suspended)
        point.waitsOn = state.detailText;
    point.detail = state.detail();
    return point;
}

RunTimelines readRun(const ComparedRun &run)
{
    RunTimelines timelines;
    timelines.run = &run;
    if (!run.events)
        return timelines;
    const std::vector<TraceEvent> &events = *run.events;
    TaskStates states;
    std::vector<int> touched;
    std::vector<char> isTouched;
    // At the end of each instant, the tasks its events touched get a point if their state changed.
    const auto closeInstant = [&](qint64 t) {
        for (int id : touched) {
            isTouched[std::size_t(id)] = 0;
            const TaskState *state = states.state(id);
            if (!state)
                continue;
            StatePoint point = pointOf(*state, t);
            std::vector<StatePoint> &points = timelines.tasks[std::size_t(id)].points;
            if (points.empty() || !points.back().sameState(point))
                points.push_back(std::move(point));
        }
        touched.clear();
    };
    qint64 instant = events.empty() ? 0 : events.front().t;
    for (qint64 i = 0; i < qint64(events.size()); ++i) {
        const TraceEvent &event = events[std::size_t(i)];
        if (event.t != instant) {
            closeInstant(instant);
            instant = event.t;
        }
        states.apply(event);
        if (event.task < 0 || event.task >= TaskStates::MaxTaskId)
            continue;
        if (std::size_t(event.task) >= timelines.tasks.size()) {
            timelines.tasks.resize(std::size_t(event.task) + 1);
            isTouched.resize(std::size_t(event.task) + 1, 0);
        }
        TaskTimeline &task = timelines.tasks[std::size_t(event.task)];
        task.events.push_back(i);
        if (event.kind == EventKind::Spawn && task.spawnEvent < 0) {
            task.spawnEvent = i;
            task.path = run.paths(event.task);
            timelines.order.push_back(event.task);
            if (!timelines.byPath.contains(task.path))
                timelines.byPath.insert(task.path, event.task);
        }
        if (!isTouched[std::size_t(event.task)]) {
            isTouched[std::size_t(event.task)] = 1;
            touched.push_back(event.task);
        }
    }
    closeInstant(instant);
    for (TaskTimeline &task : timelines.tasks) {
        for (qint64 index : task.events) {
            if (events[std::size_t(index)].kind == EventKind::End) {
                task.endEvent = index;
                task.endPhase = task.points.empty() ? TaskPhase::Completed : task.points.back().phase;
            }
        }
    }
    timelines.endTime = events.empty() ? 0 : events.back().t;
    return timelines;
}

QString phaseWords(TaskPhase phase)
{
    switch (phase) {
    case TaskPhase::NotStarted: return TraceCompare::tr("not started");
    case TaskPhase::Running: return TraceCompare::tr("running");
    case TaskPhase::Suspended: return TraceCompare::tr("suspended");
    case TaskPhase::Cpu: return TraceCompare::tr("doing CPU work");
    case TaskPhase::Unwinding: return TraceCompare::tr("unwinding");
    case TaskPhase::Cleanup: return TraceCompare::tr("in cleanup");
    case TaskPhase::Completed: return TraceCompare::tr("completed");
    case TaskPhase::Cancelled: return TraceCompare::tr("cancelled");
    case TaskPhase::Failed: return TraceCompare::tr("failed");
    case TaskPhase::TimedOut: return TraceCompare::tr("timed out");
    }
    return {};
}

//! How telling an event is about what happened to its task at an instant: lower says more.
int headlineRank(const TraceEvent &event)
{
    switch (event.kind) {
    case EventKind::CancelDeliver:
    case EventKind::Timeout:
    case EventKind::Raise:
        return 0;
    case EventKind::Checkpoint:
        return event.code == 1 ? 0 : 6;
    case EventKind::CancelRequest:
    case EventKind::CancelBlocked:
        return 1;
    case EventKind::Catch:
        return 2;
    case EventKind::Work:
        return 3;
    case EventKind::End:
        return 4;
    case EventKind::Suspend:
    case EventKind::CleanupEnter:
        return 5;
    case EventKind::Start:
    case EventKind::Resume:
        return 6;
    case EventKind::Spawn:
        return 7;
    default:
        return 8;
    }
}

//! The index of the state point in force at the end of instant t, -1 before the first.
int pointAt(const TaskTimeline &task, qint64 t)
{
    const auto after = std::upper_bound(task.points.begin(), task.points.end(), t,
                                        [](qint64 time, const StatePoint &point) { return time < point.t; });
    return int(after - task.points.begin()) - 1;
}

//! What a run shows for a task whose state changed at `t`: its most telling event then, and its
//! end when it ended at that instant too.
QString changedWords(const RunTimelines &run, const TaskTimeline &task, qint64 t)
{
    qint64 headline = -1;
    qint64 end = -1;
    for (qint64 index : task.events) {
        const TraceEvent &event = run.event(index);
        if (event.t != t)
            continue;
        if (headline < 0 || headlineRank(event) < headlineRank(run.event(headline)))
            headline = index;
        if (event.kind == EventKind::End)
            end = index;
    }
    if (headline < 0)
        return TraceCompare::tr("%1: at %2 ms, %3").arg(run.runtime()).arg(t).arg(phaseWords(task.points[std::size_t(pointAt(task, t))].phase));
    QString words = describeTraceEvent(run.event(headline), run.run->paths);
    if (end >= 0 && end != headline)
        words = TraceCompare::tr("%1, then %2").arg(words, describeTraceEvent(run.event(end), run.run->paths));
    return TraceCompare::tr("%1: at %2 ms, %3").arg(run.runtime()).arg(t).arg(words);
}

//! Another task of the run doing CPU work across instant t (it holds a thread then), or -1.
int cpuWorkerAt(const RunTimelines &run, qint64 t, int except, qint64 *from, qint64 *until)
{
    for (int id : run.order) {
        if (id == except)
            continue;
        const TaskTimeline &task = run.tasks[std::size_t(id)];
        const int at = pointAt(task, t);
        if (at < 0 || task.points[std::size_t(at)].phase != TaskPhase::Cpu)
            continue;
        *from = task.points[std::size_t(at)].t;
        *until = std::size_t(at) + 1 < task.points.size() ? task.points[std::size_t(at) + 1].t : run.endTime;
        if (*until > t)
            return id;
    }
    return -1;
}

//! What a run shows for a task whose state did not change at `t`: the state it stays in, until
//! when, and another task's CPU work at that time if there is one.
QString stayingWords(const RunTimelines &run, const TaskTimeline &task, int taskId, qint64 t)
{
    const int at = pointAt(task, t);
    QString state;
    qint64 until = -1;
    if (at < 0) {
        state = TraceCompare::tr("not created yet");
        if (!task.points.empty())
            until = task.points.front().t;
    } else {
        const StatePoint &point = task.points[std::size_t(at)];
        state = point.detail.isEmpty() ? phaseWords(point.phase)
                                       : TraceCompare::tr("%1 (%2)").arg(phaseWords(point.phase), point.detail);
        if (point.pending)
            state = TraceCompare::tr("%1, a cancel request waiting").arg(state);
        if (std::size_t(at) + 1 < task.points.size())
            until = task.points[std::size_t(at) + 1].t;
    }
    QString words = until >= 0 ? TraceCompare::tr("%1: still %2 until %3 ms").arg(run.runtime(), state).arg(until)
                               : TraceCompare::tr("%1: still %2 to the end of the run").arg(run.runtime(), state);
    qint64 from = 0;
    qint64 busyUntil = 0;
    const int worker = cpuWorkerAt(run, t, taskId, &from, &busyUntil);
    if (worker >= 0) {
        words = TraceCompare::tr("%1, while %2 does CPU work (%3–%4 ms)")
                    .arg(words, run.tasks[std::size_t(worker)].path).arg(from).arg(busyUntil);
    }
    return words;
}

QString endWords(const RunTimelines &run, const TaskTimeline &task)
{
    if (task.endEvent < 0)
        return TraceCompare::tr("%1: does not end in this run (it ends at %2 ms)").arg(run.runtime()).arg(run.endTime);
    const TraceEvent &end = run.event(task.endEvent);
    return TraceCompare::tr("%1: %2 at %3 ms").arg(run.runtime(), describeTraceEvent(end, run.run->paths)).arg(end.t);
}

//! The first instant at whose end the task's states differ, or -1 when they never do.
qint64 firstStateDifference(const TaskTimeline &a, const TaskTimeline &b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    const StatePoint *stateA = nullptr;
    const StatePoint *stateB = nullptr;
    while (i < a.points.size() || j < b.points.size()) {
        const qint64 nextA = i < a.points.size() ? a.points[i].t : std::numeric_limits<qint64>::max();
        const qint64 nextB = j < b.points.size() ? b.points[j].t : std::numeric_limits<qint64>::max();
        const qint64 t = std::min(nextA, nextB);
        if (nextA == t)
            stateA = &a.points[i++];
        if (nextB == t)
            stateB = &b.points[j++];
        if (!stateA || !stateB || !stateA->sameState(*stateB))
            return t;
    }
    return -1;
}

//! The events that say what a task did, for the within-instant comparison: an error caught (and
//! whether it went on), a delivery, a blocked request, a cleanup, a raise, a timeout, a check point
//! that raised, a print. Error names differ by runtime and are not compared.
bool isTellingStep(const TraceEvent &event)
{
    switch (event.kind) {
    case EventKind::Catch:
    case EventKind::CancelDeliver:
    case EventKind::CancelBlocked:
    case EventKind::CleanupEnter:
    case EventKind::Raise:
    case EventKind::Timeout:
    case EventKind::Print:
        return true;
    case EventKind::Checkpoint:
        return event.code == 1;
    default:
        return false;
    }
}

bool sameStep(const TraceEvent &a, const TraceEvent &b)
{
    if (a.kind != b.kind || a.code != b.code)
        return false;
    return a.kind != EventKind::Print || a.text == b.text;
}

std::vector<qint64> tellingSteps(const RunTimelines &run, const TaskTimeline &task)
{
    std::vector<qint64> steps;
    for (qint64 index : task.events) {
        if (isTellingStep(run.event(index)))
            steps.push_back(index);
    }
    return steps;
}

//! The first place the task's telling steps differ, as (index in a's, index in b's); (-1, -1)
//! when they are the same. One side's index is past its end when it has fewer.
std::pair<std::size_t, bool> firstStepDifference(const RunTimelines &a, const std::vector<qint64> &stepsA,
                                                 const RunTimelines &b, const std::vector<qint64> &stepsB)
{
    const std::size_t common = std::min(stepsA.size(), stepsB.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (!sameStep(a.event(stepsA[i]), b.event(stepsB[i])))
            return {i, true};
    }
    return {common, stepsA.size() != stepsB.size()};
}

QString stepWords(const RunTimelines &run, const std::vector<qint64> &steps, std::size_t at)
{
    if (at >= steps.size())
        return TraceCompare::tr("%1: no such step in this run").arg(run.runtime());
    const TraceEvent &event = run.event(steps[at]);
    return TraceCompare::tr("%1: at %2 ms, %3").arg(run.runtime()).arg(event.t).arg(describeTraceEvent(event, run.run->paths));
}

bool hasPointAt(const TaskTimeline &task, qint64 t)
{
    const int at = pointAt(task, t);
    return at >= 0 && task.points[std::size_t(at)].t == t;
}

qint64 endTimeOf(const RunTimelines &run, const TaskTimeline &task)
{
    return task.endEvent >= 0 ? run.event(task.endEvent).t : -1;
}

void compareTask(const RunTimelines &a, int idA, const RunTimelines &b, int idB, std::vector<Divergence> *out)
{
    const TaskTimeline &taskA = a.tasks[std::size_t(idA)];
    const TaskTimeline &taskB = b.tasks[std::size_t(idB)];
    const qint64 stateAt = firstStateDifference(taskA, taskB);
    if (stateAt >= 0) {
        Divergence state;
        state.kind = Divergence::Kind::State;
        state.at = stateAt;
        state.task = taskA.path;
        state.first = hasPointAt(taskA, stateAt) ? changedWords(a, taskA, stateAt) : stayingWords(a, taskA, idA, stateAt);
        state.second = hasPointAt(taskB, stateAt) ? changedWords(b, taskB, stateAt) : stayingWords(b, taskB, idB, stateAt);
        out->push_back(state);
    }
    // Within one instant the states can agree while the tasks did different things (one caught the
    // cancellation, the other did not): the first differing telling step, when no state differs before.
    const std::vector<qint64> stepsA = tellingSteps(a, taskA);
    const std::vector<qint64> stepsB = tellingSteps(b, taskB);
    const auto [stepAt, stepsDiffer] = firstStepDifference(a, stepsA, b, stepsB);
    if (stepsDiffer) {
        const qint64 timeA = stepAt < stepsA.size() ? a.event(stepsA[stepAt]).t : std::numeric_limits<qint64>::max();
        const qint64 timeB = stepAt < stepsB.size() ? b.event(stepsB[stepAt]).t : std::numeric_limits<qint64>::max();
        const qint64 at = std::min(timeA, timeB);
        if (stateAt < 0 || at < stateAt) {
            Divergence steps;
            steps.kind = Divergence::Kind::Course;
            steps.at = at;
            steps.task = taskA.path;
            steps.first = stepWords(a, stepsA, stepAt);
            steps.second = stepWords(b, stepsB, stepAt);
            out->push_back(steps);
        }
    }
    const qint64 endA = endTimeOf(a, taskA);
    const qint64 endB = endTimeOf(b, taskB);
    const TaskPhase outcomeA = endA >= 0 ? taskA.endPhase : TaskPhase::NotStarted;
    const TaskPhase outcomeB = endB >= 0 ? taskB.endPhase : TaskPhase::NotStarted;
    Divergence end;
    end.task = taskA.path;
    end.first = endWords(a, taskA);
    end.second = endWords(b, taskB);
    end.at = endA < 0 ? endB : endB < 0 ? endA : std::min(endA, endB);
    if (outcomeA != outcomeB) {
        end.kind = Divergence::Kind::Outcome;
        out->push_back(end);
    } else if (endA != endB && !(stateAt >= 0 && stateAt == end.at)) {
        // The state divergence at the earlier end already says it.
        end.kind = Divergence::Kind::EndTime;
        out->push_back(end);
    }
}

Divergence onlyIn(const RunTimelines &has, const RunTimelines &lacks, int id, int side)
{
    const TaskTimeline &task = has.tasks[std::size_t(id)];
    const TraceEvent &spawn = has.event(task.spawnEvent);
    Divergence only;
    only.kind = Divergence::Kind::OnlyIn;
    only.at = spawn.t;
    only.task = task.path;
    only.onlyIn = side;
    const QString present = TraceCompare::tr("%1: at %2 ms, %3").arg(has.runtime()).arg(spawn.t).arg(describeTraceEvent(spawn, has.run->paths));
    const QString absent = TraceCompare::tr("%1: no such task").arg(lacks.runtime());
    only.first = side == 0 ? present : absent;
    only.second = side == 0 ? absent : present;
    return only;
}

} // namespace

QString Divergence::text() const
{
    return TraceCompare::tr("%1 — %2; %3").arg(task, first, second);
}

QString divergenceKindName(Divergence::Kind kind)
{
    switch (kind) {
    case Divergence::Kind::State: return QStringLiteral("state");
    case Divergence::Kind::Outcome: return QStringLiteral("outcome");
    case Divergence::Kind::EndTime: return QStringLiteral("end-time");
    case Divergence::Kind::OnlyIn: return QStringLiteral("only-in");
    case Divergence::Kind::Course: return QStringLiteral("course");
    }
    return {};
}

QString runtimeTitle(Runtime runtime)
{
    switch (runtime) {
    case Runtime::Asyncio: return QStringLiteral("asyncio");
    case Runtime::Kotlin: return QStringLiteral("Kotlin");
    case Runtime::Swift: return QStringLiteral("Swift");
    }
    return {};
}

QString comparisonRefusal(const Scenario &scenario, Runtime first, Runtime second)
{
    if (first == second)
        return TraceCompare::tr("both sides run under %1: choose two different runtimes").arg(runtimeTitle(first));
    for (const Runtime runtime : {first, second}) {
        const QStringList reasons = Engine::unsupported(scenario, runtime);
        if (!reasons.isEmpty())
            return TraceCompare::tr("this scenario cannot run under %1: %2").arg(runtimeTitle(runtime), reasons.join(QStringLiteral("; ")));
    }
    return {};
}

Runtime otherComparableRuntime(const Scenario &scenario, Runtime first)
{
    std::vector<Runtime> candidates(scenario.runtimes.begin(), scenario.runtimes.end());
    for (const Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift})
        candidates.push_back(runtime);
    // Starting after `first` in the scenario's own list, so that asyncio, kotlin, swift pair in turn.
    const auto ownEnd = candidates.begin() + std::ptrdiff_t(scenario.runtimes.size());
    const auto own = std::find(candidates.begin(), ownEnd, first);
    if (own != ownEnd)
        std::rotate(candidates.begin(), own + 1, ownEnd);
    for (const Runtime runtime : candidates) {
        if (runtime != first && Engine::unsupported(scenario, runtime).isEmpty())
            return runtime;
    }
    return first == Runtime::Asyncio ? Runtime::Kotlin : Runtime::Asyncio;
}

std::vector<Divergence> compareRuns(const ComparedRun &first, const ComparedRun &second)
{
    const RunTimelines a = readRun(first);
    const RunTimelines b = readRun(second);
    // Items keep the order their tasks appear in: the first run's, then the second's own.
    std::vector<std::pair<int, Divergence>> found;
    int rank = 0;
    for (int idA : a.order) {
        std::vector<Divergence> items;
        const int idB = b.byPath.value(a.tasks[std::size_t(idA)].path, -1);
        if (idB >= 0)
            compareTask(a, idA, b, idB, &items);
        else
            items.push_back(onlyIn(a, b, idA, 0));
        for (Divergence &item : items)
            found.emplace_back(rank, std::move(item));
        ++rank;
    }
    for (int idB : b.order) {
        if (!a.byPath.contains(b.tasks[std::size_t(idB)].path))
            found.emplace_back(rank, onlyIn(b, a, idB, 1));
        ++rank;
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &x, const auto &y) {
        if (x.second.at != y.second.at)
            return x.second.at < y.second.at;
        if (x.first != y.first)
            return x.first < y.first;
        return x.second.kind < y.second.kind;
    });
    std::vector<Divergence> divergences;
    divergences.reserve(found.size());
    for (auto &item : found)
        divergences.push_back(std::move(item.second));
    return divergences;
}

} // namespace cascade
