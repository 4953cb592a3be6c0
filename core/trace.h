#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <functional>
#include <vector>

namespace cascade {

//! Kinds of trace events; docs/trace-format.md describes each one and its fields.
enum class EventKind : quint8 {
    Spawn,          // other = parent (-1 for the root), code = SpawnLinkCode
    Start,
    Suspend,        // text = what it waits on
    Resume,
    Work,           // ms = planned CPU time
    Checkpoint,     // code = 1 when it raised the cancellation
    CancelRequest,  // code = CancelCause, other = requesting task (-1 for the user / a timer)
    CancelBlocked,  // code = BlockedBy, other = task whose request stopped here
    CancelDeliver,  // text = where (sleep, checkpoint, join, ...)
    Catch,          // text = error, code = 1 when rethrown
    CleanupEnter,   // text = finally / defer / handler
    CleanupExit,
    Timeout,        // ms = the limit that expired
    Print,          // text
    Raise,          // text = error, message
    End,            // code = Outcome, text = error (failed / timed out)
    ActionIgnored,  // a user action that found no running task: text = action, message = reason
    DeadlineSet,    // a timeout scope starts: ms = the limit (deadline = t + ms), code = CancelCause (code / user)
    DeadlineClear,  // that scope ends, fired or not: ms = its deadline
    ShieldOn,       // cancel requests from outside stop at this task from now on: code = CancelCause (code / user)
    ShieldOff,      // and no longer: code = CancelCause (code / user)
    ErrorDiscarded, // Swift: the error of a structured child never reached this task: other = child, text = error
};

//! How many kinds there are: every value below this is a valid EventKind (keep it last in the enum).
inline constexpr int EventKindCount = int(EventKind::ErrorDiscarded) + 1;

enum class LinkCode : quint8 { Child, Unstructured };
enum class CancelCause : quint8 { User, Code, Parent, Timeout, Failure, Awaiter, Shutdown };
enum class BlockedBy : quint8 { Shield, NonCancellable, NotAChild };
enum class Outcome : quint8 { Completed, Cancelled, Failed };

[[nodiscard]] const char *eventKindName(EventKind kind);
//! The kind a trace names "cancel-request" and so on; false for an unknown name.
[[nodiscard]] bool eventKindFromName(const QString &name, EventKind *out);
//! Every kind's trace name, in enum order.
[[nodiscard]] QStringList allEventKindNames();
//! The fields a record of this kind has after seq, t, task and ev, in trace order
//! (docs/trace-format.md): "cause", "from" for a cancel-request.
[[nodiscard]] QStringList traceEventFields(EventKind kind);
[[nodiscard]] const char *cancelCauseName(CancelCause cause);
[[nodiscard]] const char *blockedByName(BlockedBy by);
[[nodiscard]] const char *outcomeName(Outcome outcome);

//! One trace event. Compact on purpose: tasks are ids, paths are resolved only when written.
struct TraceEvent {
    qint64 seq = 0;
    qint64 t = 0;
    qint64 ms = 0;
    int task = -1;
    int other = -1;
    EventKind kind = EventKind::Start;
    quint8 code = 0;
    //! Where the task stands: an index into the engine's StepLocations (Engine::stepPointer turns
    //! it into a JSON pointer such as "/root/steps/3"); a task not started yet stands at its
    //! definition; -1 for an ignored action. Fits in the padding after `code`: events stay 88 bytes.
    int step = -1;
    QString text;
    QString message;
};

//! Resolves a task id to its path ("main/group/child[3]").
using TaskPathResolver = std::function<QString(int)>;

//! Appends text as a JSON string literal: `"` and `\` escaped, control characters as \u00XX,
//! everything else (non-ASCII too) as UTF-8. The trace, recording and export writers share it.
void appendJsonString(QByteArray &out, const QString &text);

//! One JSON Lines record for an event, with a fixed key order (seq, t, task, ev, fields...).
[[nodiscard]] QByteArray traceEventToJson(const TraceEvent &event, const TaskPathResolver &path);
//! A human-readable line for the console log of `cascade run` without --trace.
[[nodiscard]] QString traceEventToText(const TraceEvent &event, const TaskPathResolver &path);

} // namespace cascade
