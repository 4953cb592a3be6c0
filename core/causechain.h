#pragma once

#include "trace.h"
#include "useraction.h"

#include <QString>

#include <span>
#include <vector>

namespace cascade {

//! What one link of a cause chain records (docs/teaching.md, "Why was I cancelled").
enum class CauseLinkKind : quint8 {
    Request,    // a cancel-request reached `task` (cause, from); the first one is the origin
    Timeout,    // `task`'s deadline of `ms` expired (user: the learner's Timeout)
    Shutdown,   // main (`task`) returned: asyncio.run() cancels every task still running
    Raised,     // `task` raised `error` (`message`); user: the learner's Fail
    Received,   // `task` got the error of `from`: it awaited it (message "await") or it is its child ("child")
    Delivered,  // the cancellation was raised in `task` at `where` (text), `ms` after its request
    Converted,  // the cancellation left a timeout as `error` (asyncio's TimeoutError)
    Caught,     // `task` caught the cancellation (`error`) and did not re-throw it
    Blocked,    // a request from `from` stopped at `task` (text: shield, non-cancellable, not-a-child)
    Ended,      // `task` ended (outcome, error); early: before it started, its body never ran
};

//! One link: which task, which event, when, and the link's own facts.
struct CauseLink {
    CauseLinkKind kind = CauseLinkKind::Request;
    int task = -1;
    int from = -1;          // Request, Received, Blocked: the other task (-1: the user or a timer)
    qint64 seq = -1;        // the trace event of this link
    qint64 t = 0;
    CancelCause cause = CancelCause::User;  // Request
    Outcome outcome = Outcome::Completed;   // Ended
    QString text;           // Delivered: where; Blocked: by what; the error elsewhere
    QString message;        // Raised: the error's message
    qint64 ms = 0;          // Timeout: the limit; Delivered: time since the request
    bool user = false;      // Timeout, Raised: the learner's action
    bool early = false;     // Ended: cancelled before its first step

    bool operator==(const CauseLink &) const = default;
};

//! How the task's run ended, as far as the trace goes.
enum class CauseVerdict : quint8 {
    NotSpawned,  // no task with this path started in this run
    Running,     // the run stopped (--until, the event limit) before the task ended
    Completed,   // it was not cancelled (links: requests it ignored or swallowed, blocked requests)
    Cancelled,
    Failed,      // including asyncio's TimeoutError
};

//! Why a task ended as it did: the links from the origin (a click, a cancel step, a timeout, a
//! raise, asyncio's shutdown) through every task the cancellation or failure passed, to the
//! delivery and the end. Completed tasks get the requests they did not act on.
struct CauseChain {
    int task = -1;
    CauseVerdict verdict = CauseVerdict::NotSpawned;
    std::vector<CauseLink> links;  // origin first, the task's end (or state at the stop) last

    //! A timeout is at the origin (the task timed out, or something it depended on did).
    [[nodiscard]] bool timedOut() const;
};

//! Each task's events in a whole trace, as indexes into it. Made once per run, it lets a task be
//! found and explained after any prefix of that run without a pass over the prefix: the window's
//! why panel follows every seek in a recording of a million events.
class TaskEventLists {
public:
    explicit TaskEventLists(std::span<const TraceEvent> events);

    //! One more than the largest task id with an event.
    [[nodiscard]] int taskCount() const { return int(m_events.size()); }
    //! The task's events among the first `prefix` events of the trace.
    [[nodiscard]] std::span<const qsizetype> eventsBefore(int task, qsizetype prefix) const;
    //! Its last spawn or end event among the first `prefix` events, -1 when none.
    [[nodiscard]] qsizetype lastSpawnBefore(int task, qsizetype prefix) const;
    [[nodiscard]] qsizetype lastEndBefore(int task, qsizetype prefix) const;

private:
    std::vector<std::vector<qsizetype>> m_events;  // by task id
    std::vector<std::vector<qsizetype>> m_spawns;  // by task id: its spawn events (one in a sound trace)
    std::vector<std::vector<qsizetype>> m_ends;    // by task id: its end events (one at most)
};

//! The newest task of the trace with this path ("main/chop[2]"), -1 when none was spawned.
[[nodiscard]] int taskWithPath(std::span<const TraceEvent> events, const TaskPathResolver &path,
                               const QString &taskPath);
//! The same among the first `prefix` events of the trace that `lists` were made of.
[[nodiscard]] int taskWithPath(const TaskEventLists &lists, qsizetype prefix, const TaskPathResolver &path,
                               const QString &taskPath);

//! The chain of causes of `task`'s end in a whole trace, or in a prefix of one (the events a window
//! has shown so far). `actions` are the user actions of the run (a raise that matches a Fail
//! action is marked as the user's).
[[nodiscard]] CauseChain explainTask(std::span<const TraceEvent> events, int task, const TaskPathResolver &path,
                                     const std::vector<UserAction> &actions = {});
//! The same for a prefix (`events`) of the trace that `lists` were made of.
[[nodiscard]] CauseChain explainTask(std::span<const TraceEvent> events, const TaskEventLists &lists, int task,
                                     const TaskPathResolver &path, const std::vector<UserAction> &actions = {});

//! One link in words: "cancel requested by code in main" (English; the UI builds its own from
//! the fields).
[[nodiscard]] QString causeLinkText(const CauseLink &link, const TaskPathResolver &path);
//! The chain as `cascade why` prints it: a headline, then one line per link (time, seq, task, words).
[[nodiscard]] QString causeChainText(const CauseChain &chain, const QString &taskPath, qint64 stoppedAt,
                                     const TaskPathResolver &path);

} // namespace cascade
