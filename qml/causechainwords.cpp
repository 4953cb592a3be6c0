// The links of a cause chain in the UI's words (translatable), built from the links' fields; the
// command line's English sentences are core's causeLinkText().
#include "causechainmodel.h"

namespace cascade {

namespace {

bool isCancellationName(const QString &error)
{
    return error == QLatin1String("CancelledError") || error == QLatin1String("CancellationException")
        || error == QLatin1String("CancellationError") || error == QLatin1String("TimeoutCancellationException");
}

} // namespace

QString CauseChainModel::linkWords(const CauseLink &link, const TaskPathResolver &path)
{
    const QString from = link.from >= 0 ? path(link.from) : QString();
    switch (link.kind) {
    case CauseLinkKind::Request:
        switch (link.cause) {
        case CancelCause::User:
            return tr("cancel requested by you (a click or a menu)");
        case CancelCause::Code:
            return tr("cancel requested by code in %1 (a cancel step)").arg(from);
        case CancelCause::Parent:
            return tr("cancel requested, passed down from %1").arg(from);
        case CancelCause::Awaiter:
            return tr("cancel requested because %1, which was awaiting it, was cancelled").arg(from);
        case CancelCause::Timeout:
            return link.from < 0 ? tr("cancel requested by its own timeout") : tr("cancel requested by the timeout of %1").arg(from);
        case CancelCause::Failure:
            return tr("cancel requested because of the failure in %1").arg(from);
        case CancelCause::Shutdown:
            return tr("cancel requested by asyncio.run() at shutdown");
        }
        break;
    case CauseLinkKind::Timeout:
        return link.user ? tr("your timeout of %1 ms expired").arg(link.ms) : tr("its timeout of %1 ms expired").arg(link.ms);
    case CauseLinkKind::Shutdown:
        return tr("returned; asyncio.run() then cancels every task still running");
    case CauseLinkKind::Raised:
        if (link.user)
            return tr("raised %1 (your Fail action)").arg(link.text);
        return link.message.isEmpty() ? tr("raised %1").arg(link.text) : tr("raised %1: %2").arg(link.text, link.message);
    case CauseLinkKind::Received:
        return link.message == QLatin1String("await") ? tr("its await of %1 raised %2").arg(from, link.text)
                                                      : tr("its child %1 ended with %2, which it takes on").arg(from, link.text);
    case CauseLinkKind::Delivered: {
        const QString when = link.ms == 0 ? tr("at once") : tr("%1 ms after the request").arg(link.ms);
        if (link.text == QLatin1String("checkpoint"))
            return tr("cancellation delivered at its check point, %1").arg(when);
        if (link.text == QLatin1String("sleep"))
            return tr("cancellation delivered in its sleep, %1").arg(when);
        if (link.text == QLatin1String("join"))
            return tr("cancellation delivered in its await of another task, %1").arg(when);
        if (link.text == QLatin1String("ifCancelled"))
            return tr("cancellation delivered where it tested the cancelled flag, %1").arg(when);
        if (link.text == QLatin1String("waitSignal"))
            return tr("cancellation delivered in its wait for a signal, %1").arg(when);
        return tr("cancellation delivered at %1, %2").arg(link.text, when);
    }
    case CauseLinkKind::Converted:
        return tr("the cancellation left its timeout as %1").arg(link.text);
    case CauseLinkKind::Caught:
        return isCancellationName(link.text) ? tr("caught its cancellation (%1) and did not re-throw it").arg(link.text)
                                             : tr("caught %1 and did not re-throw it").arg(link.text);
    case CauseLinkKind::Blocked:
        if (link.text == QLatin1String("not-a-child"))
            return from.isEmpty() ? tr("a cancel did not reach it: it is not a child (an unstructured task)")
                                  : tr("a cancel from %1 did not reach it: it is not a child (an unstructured task)").arg(from);
        if (link.text == QLatin1String("non-cancellable"))
            return from.isEmpty() ? tr("a cancel stopped here: it runs in NonCancellable")
                                  : tr("a cancel from %1 stopped here: it runs in NonCancellable").arg(from);
        return from.isEmpty() ? tr("a cancel stopped here: it is shielded")
                              : tr("a cancel from %1 stopped here: it is shielded").arg(from);
    case CauseLinkKind::Ended:
        if (link.early)
            return tr("ended cancelled before it started: its body never ran");
        switch (link.outcome) {
        case Outcome::Completed:
            return tr("completed");
        case Outcome::Cancelled:
            return link.text.isEmpty() ? tr("ended cancelled") : tr("ended cancelled (%1)").arg(link.text);
        case Outcome::Failed:
            return link.text.isEmpty() ? tr("ended failed") : tr("ended failed (%1)").arg(link.text);
        }
        break;
    }
    return QString();
}

} // namespace cascade
