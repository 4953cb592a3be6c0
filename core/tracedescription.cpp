#include "tracedescription.h"

#include <QCoreApplication>

namespace cascade {

namespace {

//! The translation context of these sentences.
class TraceDescription
{
    Q_DECLARE_TR_FUNCTIONS(TraceDescription)
};

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
        return TraceDescription::tr("cancel requested by the user");
    case CancelCause::Code:
        return TraceDescription::tr("cancel requested by %1 (its code)").arg(from);
    case CancelCause::Parent:
        return from.isEmpty() ? TraceDescription::tr("cancel passed down from its parent") : TraceDescription::tr("cancel passed down from %1").arg(from);
    case CancelCause::Timeout:
        return TraceDescription::tr("cancel requested by a timeout");
    case CancelCause::Failure:
        return from.isEmpty() ? TraceDescription::tr("cancel requested because a sibling failed")
                              : TraceDescription::tr("cancel requested because %1 failed").arg(from);
    case CancelCause::Awaiter:
        return from.isEmpty() ? TraceDescription::tr("cancel passed on by the task awaiting it")
                              : TraceDescription::tr("cancel passed on by %1, which was awaiting it").arg(from);
    case CancelCause::Shutdown:
        return TraceDescription::tr("cancelled at shutdown: main returned, asyncio.run() cancels what is left");
    }
    return TraceDescription::tr("cancel requested");
}

QString blockedReason(BlockedBy by)
{
    switch (by) {
    case BlockedBy::Shield:
        return TraceDescription::tr("a shield");
    case BlockedBy::NonCancellable:
        return TraceDescription::tr("a NonCancellable context");
    case BlockedBy::NotAChild:
        return TraceDescription::tr("it is not a structured child");
    }
    return {};
}

QString causeWord(quint8 code)
{
    return CancelCause(code) == CancelCause::User ? TraceDescription::tr("by the user") : TraceDescription::tr("by the code");
}

} // namespace

QString describeTraceEvent(const TraceEvent &event, const TaskPathResolver &path)
{
    switch (event.kind) {
    case EventKind::Spawn:
        if (event.other < 0)
            return TraceDescription::tr("the program starts");
        return LinkCode(event.code) == LinkCode::Child
                   ? TraceDescription::tr("created by %1 as a structured child").arg(path(event.other))
                   : TraceDescription::tr("created by %1, unstructured (not its child)").arg(path(event.other));
    case EventKind::Start:
        return TraceDescription::tr("starts running");
    case EventKind::Suspend:
        return event.ms > 0 ? TraceDescription::tr("waits: %1 %2 ms").arg(event.text).arg(event.ms) : TraceDescription::tr("waits: %1").arg(event.text);
    case EventKind::Resume:
        return TraceDescription::tr("runs again");
    case EventKind::Work:
        return TraceDescription::tr("CPU work for %1 ms, without yielding").arg(event.ms);
    case EventKind::Checkpoint:
        if (event.text == QLatin1String("poll"))
            return event.code == 1 ? TraceDescription::tr("looks at its cancelled flag: it is set") : TraceDescription::tr("looks at its cancelled flag: not set");
        return event.code == 1 ? TraceDescription::tr("check point: raises the cancellation") : TraceDescription::tr("check point: passed");
    case EventKind::CancelRequest:
        return requestCause(event, path);
    case EventKind::CancelBlocked: {
        const QString from = nameOf(path, event.other);
        const QString reason = blockedReason(BlockedBy(event.code));
        return from.isEmpty() ? TraceDescription::tr("cancel request stopped here: %1").arg(reason)
                              : TraceDescription::tr("cancel request from %1 stopped here: %2").arg(from, reason);
    }
    case EventKind::CancelDeliver:
        return TraceDescription::tr("cancellation delivered at %1").arg(event.text);
    case EventKind::Catch:
        return event.code == 1 ? TraceDescription::tr("catches %1 and throws it on").arg(event.text)
                               : TraceDescription::tr("catches %1 and does not throw it on").arg(event.text);
    case EventKind::CleanupEnter:
        return TraceDescription::tr("cleanup starts: %1").arg(event.text);
    case EventKind::CleanupExit:
        return TraceDescription::tr("cleanup done: %1").arg(event.text);
    case EventKind::Timeout:
        return TraceDescription::tr("its timeout of %1 ms expires").arg(event.ms);
    case EventKind::Print:
        return TraceDescription::tr("prints \"%1\"").arg(event.text);
    case EventKind::Raise:
        return event.message.isEmpty() ? TraceDescription::tr("raises %1").arg(event.text)
                                       : TraceDescription::tr("raises %1: %2").arg(event.text, event.message);
    case EventKind::End:
        switch (Outcome(event.code)) {
        case Outcome::Completed:
            return TraceDescription::tr("ends: completed");
        case Outcome::Cancelled:
            return event.text.isEmpty() ? TraceDescription::tr("ends: cancelled") : TraceDescription::tr("ends: cancelled (%1)").arg(event.text);
        case Outcome::Failed:
            return event.text.startsWith(QLatin1String("Timeout")) ? TraceDescription::tr("ends: timed out (%1)").arg(event.text)
                                                                   : TraceDescription::tr("ends: failed (%1)").arg(event.text);
        }
        return TraceDescription::tr("ends");
    case EventKind::ActionIgnored:
        return TraceDescription::tr("your %1 had no effect: %2").arg(event.text, event.message);
    case EventKind::DeadlineSet:
        return TraceDescription::tr("deadline set %1: %2 ms, at %3 ms").arg(causeWord(event.code)).arg(event.ms).arg(event.t + event.ms);
    case EventKind::DeadlineClear:
        return TraceDescription::tr("deadline of %1 ms no longer applies").arg(event.ms);
    case EventKind::ShieldOn:
        return TraceDescription::tr("shield on %1: requests from outside stop here").arg(causeWord(event.code));
    case EventKind::ShieldOff:
        return TraceDescription::tr("shield off %1").arg(causeWord(event.code));
    case EventKind::ErrorDiscarded:
        return TraceDescription::tr("the %1 of its child %2 is discarded: nobody awaited it").arg(event.text, nameOf(path, event.other));
    }
    return QString::fromLatin1(eventKindName(event.kind));
}

} // namespace cascade
