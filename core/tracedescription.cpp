#include "tracedescription.h"

#include <QCoreApplication>

namespace cascade {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceDescription", text);
}

QString nameOf(const TaskPathResolver &path, int task)
{
    return task >= 0 ? path(task) : QString();
}

//! Why a request came, in words: "by the user", "from its parent main"...
QString requestCause(const TraceEvent &event, const TaskPathResolver &path)
{
    const QString from = nameOf(path, event.other);
    switch (CancelCause(event.code)) {
    case CancelCause::User:
        return tr("cancel requested by the user");
    case CancelCause::Code:
        return tr("cancel requested by %1 (its code)").arg(from);
    case CancelCause::Parent:
        return from.isEmpty() ? tr("cancel passed down from its parent") : tr("cancel passed down from %1").arg(from);
    case CancelCause::Timeout:
        return tr("cancel requested by a timeout");
    case CancelCause::Failure:
        return from.isEmpty() ? tr("cancel requested because a sibling failed")
                              : tr("cancel requested because %1 failed").arg(from);
    case CancelCause::Awaiter:
        return from.isEmpty() ? tr("cancel passed on by the task awaiting it")
                              : tr("cancel passed on by %1, which was awaiting it").arg(from);
    case CancelCause::Shutdown:
        return tr("cancelled at shutdown: main returned, asyncio.run() cancels what is left");
    }
    return tr("cancel requested");
}

QString blockedReason(BlockedBy by)
{
    switch (by) {
    case BlockedBy::Shield:
        return tr("a shield");
    case BlockedBy::NonCancellable:
        return tr("a NonCancellable context");
    case BlockedBy::NotAChild:
        return tr("it is not a structured child");
    }
    return {};
}

QString causeWord(quint8 code)
{
    return CancelCause(code) == CancelCause::User ? tr("by the user") : tr("by the code");
}

} // namespace

QString describeTraceEvent(const TraceEvent &event, const TaskPathResolver &path)
{
    switch (event.kind) {
    case EventKind::Spawn:
        if (event.other < 0)
            return tr("the program starts");
        return LinkCode(event.code) == LinkCode::Child
                   ? tr("created by %1 as a structured child").arg(path(event.other))
                   : tr("created by %1, unstructured (not its child)").arg(path(event.other));
    case EventKind::Start:
        return tr("starts running");
    case EventKind::Suspend:
        return event.ms > 0 ? tr("waits: %1 %2 ms").arg(event.text).arg(event.ms) : tr("waits: %1").arg(event.text);
    case EventKind::Resume:
        return tr("runs again");
    case EventKind::Work:
        return tr("CPU work for %1 ms, without yielding").arg(event.ms);
    case EventKind::Checkpoint:
        if (event.text == QLatin1String("poll"))
            return event.code == 1 ? tr("looks at its cancelled flag: it is set") : tr("looks at its cancelled flag: not set");
        return event.code == 1 ? tr("check point: raises the cancellation") : tr("check point: passed");
    case EventKind::CancelRequest:
        return requestCause(event, path);
    case EventKind::CancelBlocked: {
        const QString from = nameOf(path, event.other);
        const QString reason = blockedReason(BlockedBy(event.code));
        return from.isEmpty() ? tr("cancel request stopped here: %1").arg(reason)
                              : tr("cancel request from %1 stopped here: %2").arg(from, reason);
    }
    case EventKind::CancelDeliver:
        return tr("cancellation delivered at %1").arg(event.text);
    case EventKind::Catch:
        return event.code == 1 ? tr("catches %1 and throws it on").arg(event.text)
                               : tr("catches %1 and does not throw it on").arg(event.text);
    case EventKind::CleanupEnter:
        return tr("cleanup starts: %1").arg(event.text);
    case EventKind::CleanupExit:
        return tr("cleanup done: %1").arg(event.text);
    case EventKind::Timeout:
        return tr("its timeout of %1 ms expires").arg(event.ms);
    case EventKind::Print:
        return tr("prints \"%1\"").arg(event.text);
    case EventKind::Raise:
        return event.message.isEmpty() ? tr("raises %1").arg(event.text)
                                       : tr("raises %1: %2").arg(event.text, event.message);
    case EventKind::End:
        switch (Outcome(event.code)) {
        case Outcome::Completed:
            return tr("ends: completed");
        case Outcome::Cancelled:
            return event.text.isEmpty() ? tr("ends: cancelled") : tr("ends: cancelled (%1)").arg(event.text);
        case Outcome::Failed:
            return event.text.startsWith(QLatin1String("Timeout")) ? tr("ends: timed out (%1)").arg(event.text)
                                                                   : tr("ends: failed (%1)").arg(event.text);
        }
        return tr("ends");
    case EventKind::ActionIgnored:
        return tr("your %1 had no effect: %2").arg(event.text, event.message);
    case EventKind::DeadlineSet:
        return tr("deadline set %1: %2 ms, at %3 ms").arg(causeWord(event.code)).arg(event.ms).arg(event.t + event.ms);
    case EventKind::DeadlineClear:
        return tr("deadline of %1 ms no longer applies").arg(event.ms);
    case EventKind::ShieldOn:
        return tr("shield on %1: requests from outside stop here").arg(causeWord(event.code));
    case EventKind::ShieldOff:
        return tr("shield off %1").arg(causeWord(event.code));
    }
    return QString::fromLatin1(eventKindName(event.kind));
}

} // namespace cascade
