#include "causechain.h"

#include <algorithm>

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxDepth = 64;  // links follow strictly earlier events; this only bounds the stack

//! Walks one trace backwards from a task's end, event by event, to the origin of its end.
class ChainBuilder {
public:
    //! `lists`: of the whole trace that `events` is a prefix of.
    ChainBuilder(std::span<const TraceEvent> events, const TaskEventLists &lists, const TaskPathResolver &path,
                 const std::vector<UserAction> &actions);

    [[nodiscard]] CauseChain explain(int task);

private:
    [[nodiscard]] bool known(int task) const { return task >= 0 && std::size_t(task) < m_byTask.size(); }
    //! The task's last event of this kind before index `before` (exclusive) that `accept` takes; -1.
    template<typename Accept>
    [[nodiscard]] qsizetype lastBefore(int task, EventKind kind, qsizetype before, Accept accept) const;
    [[nodiscard]] qsizetype lastBefore(int task, EventKind kind, qsizetype before) const;
    [[nodiscard]] qsizetype firstAfter(int task, qsizetype after) const;
    [[nodiscard]] qsizetype relevantRequest(int task, qsizetype before) const;
    [[nodiscard]] CauseLink linkAt(CauseLinkKind kind, qsizetype index) const;
    [[nodiscard]] CauseLink timeoutLink(qsizetype timeout) const;
    [[nodiscard]] CauseLink endLink(int task) const;
    [[nodiscard]] bool isUserFail(qsizetype raise) const;

    void explainEnd(int task, std::vector<CauseLink> *out, int depth) const;
    void explainCancellation(int task, qsizetype before, std::vector<CauseLink> *out, int depth) const;
    void explainFailure(int task, qsizetype before, const QString &error, std::vector<CauseLink> *out, int depth) const;
    void explainRequest(qsizetype request, std::vector<CauseLink> *out, int depth) const;
    bool explainFromAwaited(int task, qsizetype before, Outcome outcome, const QString &error,
                            std::vector<CauseLink> *out, int depth) const;
    void explainUnused(int task, std::vector<CauseLink> *out) const;

    std::span<const TraceEvent> m_events;
    const TaskPathResolver &m_path;
    const std::vector<UserAction> &m_actions;
    std::vector<std::span<const qsizetype>> m_byTask;  // each task's events, as indexes into m_events
    std::vector<qsizetype> m_end;
    std::vector<int> m_parent;                         // the task that spawned it
};

ChainBuilder::ChainBuilder(std::span<const TraceEvent> events, const TaskEventLists &lists,
                           const TaskPathResolver &path, const std::vector<UserAction> &actions)
    : m_events(events), m_path(path), m_actions(actions)
{
    const qsizetype prefix = qsizetype(events.size());
    const std::size_t tasks = std::size_t(lists.taskCount());
    m_byTask.resize(tasks);
    m_end.resize(tasks, -1);
    m_parent.resize(tasks, -1);
    for (std::size_t task = 0; task < tasks; ++task) {
        m_byTask[task] = lists.eventsBefore(int(task), prefix);
        m_end[task] = lists.lastEndBefore(int(task), prefix);
        const qsizetype spawn = lists.lastSpawnBefore(int(task), prefix);
        if (spawn >= 0)
            m_parent[task] = events[std::size_t(spawn)].other;
    }
}

template<typename Accept>
qsizetype ChainBuilder::lastBefore(int task, EventKind kind, qsizetype before, Accept accept) const
{
    if (!known(task))
        return -1;
    const std::span<const qsizetype> list = m_byTask[std::size_t(task)];
    auto it = std::lower_bound(list.begin(), list.end(), before);
    while (it != list.begin()) {
        --it;
        const TraceEvent &event = m_events[std::size_t(*it)];
        if (event.kind == kind && accept(event))
            return *it;
    }
    return -1;
}

qsizetype ChainBuilder::lastBefore(int task, EventKind kind, qsizetype before) const
{
    return lastBefore(task, kind, before, [](const TraceEvent &) { return true; });
}

qsizetype ChainBuilder::firstAfter(int task, qsizetype after) const
{
    if (!known(task))
        return -1;
    const std::span<const qsizetype> list = m_byTask[std::size_t(task)];
    const auto it = std::upper_bound(list.begin(), list.end(), after);
    return it == list.end() ? -1 : *it;
}

qsizetype ChainBuilder::relevantRequest(int task, qsizetype before) const
{
    // The first request since the delivery before this one: it made the task cancelling. When the
    // same request is delivered again (Kotlin stays cancelled), the latest request before it.
    const qsizetype previousDelivery = lastBefore(task, EventKind::CancelDeliver, before);
    qsizetype first = -1;
    qsizetype latest = -1;
    for (qsizetype index : m_byTask[std::size_t(task)]) {
        if (index >= before)
            break;
        if (m_events[std::size_t(index)].kind != EventKind::CancelRequest)
            continue;
        latest = index;
        if (first < 0 && index > previousDelivery)
            first = index;
    }
    return first >= 0 ? first : latest;
}

CauseLink ChainBuilder::linkAt(CauseLinkKind kind, qsizetype index) const
{
    const TraceEvent &event = m_events[std::size_t(index)];
    CauseLink link;
    link.kind = kind;
    link.task = event.task;
    link.seq = event.seq;
    link.t = event.t;
    return link;
}

CauseLink ChainBuilder::timeoutLink(qsizetype timeout) const
{
    CauseLink link = linkAt(CauseLinkKind::Timeout, timeout);
    const TraceEvent &fired = m_events[std::size_t(timeout)];
    link.ms = fired.ms;
    // The deadline that fired: set `ms` before it, by the code or by the learner.
    const qsizetype set = lastBefore(fired.task, EventKind::DeadlineSet, timeout, [&](const TraceEvent &e) {
        return e.ms == fired.ms && e.t + e.ms <= fired.t;
    });
    link.user = set >= 0 && CancelCause(m_events[std::size_t(set)].code) == CancelCause::User;
    return link;
}

CauseLink ChainBuilder::endLink(int task) const
{
    const qsizetype end = m_end[std::size_t(task)];
    CauseLink link = linkAt(CauseLinkKind::Ended, end);
    const TraceEvent &event = m_events[std::size_t(end)];
    link.outcome = Outcome(event.code);
    link.text = event.text;
    link.early = lastBefore(task, EventKind::Start, end) < 0;
    return link;
}

bool ChainBuilder::isUserFail(qsizetype raise) const
{
    const TraceEvent &event = m_events[std::size_t(raise)];
    return std::any_of(m_actions.begin(), m_actions.end(), [&](const UserAction &action) {
        return action.kind == UserAction::Kind::Fail && action.at <= event.t && action.error == event.text
            && action.message == event.message && action.taskPath == m_path(event.task);
    });
}

void ChainBuilder::explainEnd(int task, std::vector<CauseLink> *out, int depth) const
{
    const qsizetype end = m_end[std::size_t(task)];
    const TraceEvent &event = m_events[std::size_t(end)];
    if (depth < MaxDepth) {
        if (Outcome(event.code) == Outcome::Cancelled)
            explainCancellation(task, end, out, depth + 1);
        else if (Outcome(event.code) == Outcome::Failed)
            explainFailure(task, end, event.text, out, depth + 1);
    }
    out->push_back(endLink(task));
}

void ChainBuilder::explainCancellation(int task, qsizetype before, std::vector<CauseLink> *out, int depth) const
{
    const qsizetype delivery = lastBefore(task, EventKind::CancelDeliver, before);
    const qsizetype request = relevantRequest(task, delivery >= 0 ? delivery : before);
    if (request >= 0) {
        explainRequest(request, out, depth + 1);
        if (delivery > request) {
            CauseLink delivered = linkAt(CauseLinkKind::Delivered, delivery);
            delivered.text = m_events[std::size_t(delivery)].text;
            delivered.ms = m_events[std::size_t(delivery)].t - m_events[std::size_t(request)].t;
            out->push_back(delivered);
        }
        return;
    }
    // No request of its own: the cancellation of a task it awaited came up to it. Its end names it.
    const qsizetype end = m_end[std::size_t(task)];
    const QString error = end >= 0 ? m_events[std::size_t(end)].text : QString();
    explainFromAwaited(task, before, Outcome::Cancelled, error, out, depth + 1);
}

void ChainBuilder::explainFailure(int task, qsizetype before, const QString &error, std::vector<CauseLink> *out,
                                  int depth) const
{
    const qsizetype raise =
        lastBefore(task, EventKind::Raise, before, [&](const TraceEvent &e) { return e.text == error; });
    if (raise < 0) {
        explainFromAwaited(task, before, Outcome::Failed, error, out, depth + 1);
        return;
    }
    const qsizetype timeout = lastBefore(task, EventKind::Timeout, raise);
    if (error == "TimeoutError"_L1 && timeout >= 0) {
        // asyncio: the deadline cancelled the task (or the task it waited for), and the block
        // turned the CancelledError into TimeoutError as it left.
        const qsizetype delivery = lastBefore(task, EventKind::CancelDeliver, raise);
        if (delivery > timeout)
            explainCancellation(task, delivery + 1, out, depth + 1);
        else
            out->push_back(timeoutLink(timeout));
        CauseLink converted = linkAt(CauseLinkKind::Converted, raise);
        converted.text = error;
        out->push_back(converted);
        return;
    }
    if (error == "ExceptionGroup"_L1) {
        // asyncio's TaskGroup: the first child that failed stands for the group's errors.
        qsizetype firstEnd = -1;
        int child = -1;
        for (std::size_t c = 0; c < m_parent.size(); ++c) {
            const qsizetype end = m_end[c];
            if (m_parent[c] == task && end >= 0 && end < raise
                && Outcome(m_events[std::size_t(end)].code) == Outcome::Failed && (firstEnd < 0 || end < firstEnd)) {
                firstEnd = end;
                child = int(c);
            }
        }
        if (child >= 0 && depth < MaxDepth)
            explainEnd(child, out, depth + 1);
    }
    CauseLink raised = linkAt(CauseLinkKind::Raised, raise);
    raised.text = m_events[std::size_t(raise)].text;
    raised.message = m_events[std::size_t(raise)].message;
    raised.user = isUserFail(raise);
    out->push_back(raised);
}

bool ChainBuilder::explainFromAwaited(int task, qsizetype before, Outcome outcome, const QString &error,
                                      std::vector<CauseLink> *out, int depth) const
{
    // A task it started (a child, a handle it joined) that ended the same way just before.
    const qsizetype suspend = lastBefore(task, EventKind::Suspend, before);
    const QString waitedOn = suspend >= 0 ? m_events[std::size_t(suspend)].text : QString();
    int source = -1;
    bool joined = false;
    for (std::size_t c = 0; c < m_parent.size(); ++c) {
        const qsizetype end = m_end[c];
        if (m_parent[c] != task || end < 0 || end >= before)
            continue;
        const TraceEvent &ended = m_events[std::size_t(end)];
        if (Outcome(ended.code) != outcome || ended.text != error)
            continue;
        const bool isJoined = waitedOn == u"join "_s + m_path(int(c));
        if (source < 0 || (isJoined && !joined) || (isJoined == joined && end < m_end[std::size_t(source)])) {
            source = int(c);
            joined = isJoined;
        }
    }
    if (source < 0 || depth >= MaxDepth)
        return false;
    explainEnd(source, out, depth + 1);
    const qsizetype after = firstAfter(task, m_end[std::size_t(source)]);
    CauseLink received = linkAt(CauseLinkKind::Received, after >= 0 ? after : before);
    received.task = task;
    received.from = source;
    received.text = error;
    const bool awaited = joined || waitedOn.startsWith(u"join "_s) || waitedOn.startsWith(u"async let"_s);
    received.message = awaited ? u"await"_s : u"child"_s;
    out->push_back(received);
    return true;
}

void ChainBuilder::explainRequest(qsizetype request, std::vector<CauseLink> *out, int depth) const
{
    const TraceEvent &event = m_events[std::size_t(request)];
    const int from = event.other;
    const CancelCause cause = CancelCause(event.code);
    if (depth < MaxDepth) {
        switch (cause) {
        case CancelCause::User:
        case CancelCause::Code:
            break;
        case CancelCause::Parent:
        case CancelCause::Awaiter: {
            // Passed on because `from` was cancelled; or `from` left a scope with an error.
            const qsizetype upstream = lastBefore(from, EventKind::CancelRequest, request);
            if (upstream >= 0) {
                explainRequest(upstream, out, depth + 1);
            } else if (const qsizetype raise = lastBefore(from, EventKind::Raise, request); raise >= 0) {
                explainFailure(from, raise + 1, m_events[std::size_t(raise)].text, out, depth + 1);
            }
            break;
        }
        case CancelCause::Timeout: {
            const qsizetype timeout = lastBefore(from >= 0 ? from : event.task, EventKind::Timeout, request + 1);
            if (timeout >= 0)
                out->push_back(timeoutLink(timeout));
            break;
        }
        case CancelCause::Failure:
            if (known(from) && m_end[std::size_t(from)] >= 0 && m_end[std::size_t(from)] < request) {
                explainEnd(from, out, depth + 1);
            } else if (const qsizetype upstream = lastBefore(from, EventKind::CancelRequest, request,
                                                             [](const TraceEvent &e) {
                                                                 return CancelCause(e.code) == CancelCause::Failure;
                                                             });
                       upstream >= 0) {
                explainRequest(upstream, out, depth + 1);  // a group's owner passing its child's failure on
            } else if (const qsizetype raise = lastBefore(from, EventKind::Raise, request); raise >= 0) {
                explainFailure(from, raise + 1, m_events[std::size_t(raise)].text, out, depth + 1);
            }
            break;
        case CancelCause::Shutdown:
            if (known(from) && m_end[std::size_t(from)] >= 0 && m_end[std::size_t(from)] < request)
                out->push_back(linkAt(CauseLinkKind::Shutdown, m_end[std::size_t(from)]));
            break;
        }
    }
    CauseLink link = linkAt(CauseLinkKind::Request, request);
    link.cause = cause;
    link.from = from;
    out->push_back(link);
}

void ChainBuilder::explainUnused(int task, std::vector<CauseLink> *out) const
{
    // A task that was not cancelled: the requests it did not act on, the ones stopped before it.
    for (qsizetype index : m_byTask[std::size_t(task)]) {
        const TraceEvent &event = m_events[std::size_t(index)];
        if (event.kind != EventKind::CancelBlocked)
            continue;
        CauseLink blocked = linkAt(CauseLinkKind::Blocked, index);
        blocked.from = event.other;
        blocked.text = QLatin1String(blockedByName(BlockedBy(event.code)));
        out->push_back(blocked);
    }
    const qsizetype end = m_end[std::size_t(task)] >= 0 ? m_end[std::size_t(task)] : qsizetype(m_events.size());
    const qsizetype request = lastBefore(task, EventKind::CancelRequest, end);
    if (request < 0)
        return;
    const qsizetype first = relevantRequest(task, request + 1);
    explainRequest(first, out, 0);
    const qsizetype delivery = firstAfter(task, first);
    for (qsizetype index = delivery; index >= 0 && index < end; index = firstAfter(task, index)) {
        const TraceEvent &event = m_events[std::size_t(index)];
        if (event.kind == EventKind::CancelDeliver) {
            CauseLink delivered = linkAt(CauseLinkKind::Delivered, index);
            delivered.text = event.text;
            delivered.ms = event.t - m_events[std::size_t(first)].t;
            out->push_back(delivered);
        } else if (event.kind == EventKind::Raise && event.text == "TimeoutError"_L1) {
            CauseLink converted = linkAt(CauseLinkKind::Converted, index);  // asyncio: then caught as such
            converted.text = event.text;
            out->push_back(converted);
        } else if (event.kind == EventKind::Catch && event.code == 0) {
            CauseLink caught = linkAt(CauseLinkKind::Caught, index);
            caught.text = event.text;
            out->push_back(caught);
            break;
        }
    }
}

CauseChain ChainBuilder::explain(int task)
{
    CauseChain chain;
    chain.task = task;
    if (!known(task) || m_byTask[std::size_t(task)].empty()
        || m_events[std::size_t(m_byTask[std::size_t(task)].front())].kind != EventKind::Spawn) {
        chain.verdict = CauseVerdict::NotSpawned;
        return chain;
    }
    const qsizetype end = m_end[std::size_t(task)];
    if (end < 0) {
        chain.verdict = CauseVerdict::Running;
        explainUnused(task, &chain.links);
        return chain;
    }
    switch (Outcome(m_events[std::size_t(end)].code)) {
    case Outcome::Completed:
        chain.verdict = CauseVerdict::Completed;
        explainUnused(task, &chain.links);
        if (!chain.links.empty())
            chain.links.push_back(endLink(task));
        return chain;
    case Outcome::Cancelled:
        chain.verdict = CauseVerdict::Cancelled;
        break;
    case Outcome::Failed:
        chain.verdict = CauseVerdict::Failed;
        break;
    }
    explainEnd(task, &chain.links, 0);
    return chain;
}

} // namespace

bool CauseChain::timedOut() const
{
    return std::any_of(links.begin(), links.end(), [](const CauseLink &l) { return l.kind == CauseLinkKind::Timeout; });
}

TaskEventLists::TaskEventLists(std::span<const TraceEvent> events)
{
    for (qsizetype i = 0; i < qsizetype(events.size()); ++i) {
        const TraceEvent &event = events[std::size_t(i)];
        if (event.task < 0)
            continue;
        const std::size_t task = std::size_t(event.task);
        if (task >= m_events.size()) {
            m_events.resize(task + 1);
            m_spawns.resize(task + 1);
            m_ends.resize(task + 1);
        }
        m_events[task].push_back(i);
        if (event.kind == EventKind::End)
            m_ends[task].push_back(i);
        else if (event.kind == EventKind::Spawn)
            m_spawns[task].push_back(i);
    }
}

namespace {

std::span<const qsizetype> prefixOf(const std::vector<std::vector<qsizetype>> &lists, int task, qsizetype prefix)
{
    if (task < 0 || std::size_t(task) >= lists.size())
        return {};
    const std::vector<qsizetype> &list = lists[std::size_t(task)];
    return {list.data(), std::size_t(std::lower_bound(list.begin(), list.end(), prefix) - list.begin())};
}

qsizetype lastOf(std::span<const qsizetype> list)
{
    return list.empty() ? -1 : list.back();
}

} // namespace

std::span<const qsizetype> TaskEventLists::eventsBefore(int task, qsizetype prefix) const
{
    return prefixOf(m_events, task, prefix);
}

qsizetype TaskEventLists::lastSpawnBefore(int task, qsizetype prefix) const
{
    return lastOf(prefixOf(m_spawns, task, prefix));
}

qsizetype TaskEventLists::lastEndBefore(int task, qsizetype prefix) const
{
    return lastOf(prefixOf(m_ends, task, prefix));
}

int taskWithPath(const TaskEventLists &lists, qsizetype prefix, const TaskPathResolver &path, const QString &taskPath)
{
    int found = -1;
    qsizetype newest = -1;
    for (int task = 0; task < lists.taskCount(); ++task) {
        const qsizetype spawn = lists.lastSpawnBefore(task, prefix);
        if (spawn > newest && path(task) == taskPath) {
            found = task;  // the newest: a loop may make the same path again
            newest = spawn;
        }
    }
    return found;
}

int taskWithPath(std::span<const TraceEvent> events, const TaskPathResolver &path, const QString &taskPath)
{
    int found = -1;
    for (const TraceEvent &event : events) {
        if (event.kind == EventKind::Spawn && path(event.task) == taskPath)
            found = event.task;  // the newest: a loop may make the same path again
    }
    return found;
}

CauseChain explainTask(std::span<const TraceEvent> events, int task, const TaskPathResolver &path,
                       const std::vector<UserAction> &actions)
{
    return ChainBuilder(events, TaskEventLists(events), path, actions).explain(task);
}

CauseChain explainTask(std::span<const TraceEvent> events, const TaskEventLists &lists, int task,
                       const TaskPathResolver &path, const std::vector<UserAction> &actions)
{
    return ChainBuilder(events, lists, path, actions).explain(task);
}

} // namespace cascade
