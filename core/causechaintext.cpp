// The words of a cause chain: one line per link, and the text `cascade why` prints.
#include "causechain.h"

#include <algorithm>

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

bool isCancellationName(const QString &error)
{
    return error == "CancelledError"_L1 || error == "CancellationException"_L1 || error == "CancellationError"_L1
        || error == "TimeoutCancellationException"_L1;
}

QString whereText(const QString &at)
{
    if (at == "checkpoint"_L1)
        return u"at its check point"_s;
    if (at == "sleep"_L1)
        return u"in its sleep"_s;
    if (at == "join"_L1)
        return u"in its await of another task"_s;
    if (at == "ifCancelled"_L1)
        return u"where it tested the cancelled flag"_s;
    if (at == "waitSignal"_L1)
        return u"in its wait for a signal"_s;
    return u"at %1"_s.arg(at);
}

QString requestText(const CauseLink &link, const QString &from)
{
    switch (link.cause) {
    case CancelCause::User:
        return u"cancel requested by the user (a click, or --cancel)"_s;
    case CancelCause::Code:
        return u"cancel requested by code in %1 (a cancel step)"_s.arg(from);
    case CancelCause::Parent:
        return u"cancel requested, passed down from %1"_s.arg(from);
    case CancelCause::Awaiter:
        return u"cancel requested because %1, which was awaiting it, was cancelled"_s.arg(from);
    case CancelCause::Timeout:
        return link.from < 0 ? u"cancel requested by its own timeout"_s
                             : u"cancel requested by the timeout of %1"_s.arg(from);
    case CancelCause::Failure:
        return u"cancel requested because of the failure in %1"_s.arg(from);
    case CancelCause::Shutdown:
        return u"cancel requested by asyncio.run() at shutdown"_s;
    }
    return QString();
}

} // namespace

QString causeLinkText(const CauseLink &link, const TaskPathResolver &path)
{
    const QString from = link.from >= 0 ? path(link.from) : QString();
    switch (link.kind) {
    case CauseLinkKind::Request:
        return requestText(link, from);
    case CauseLinkKind::Timeout:
        return link.user ? u"the user's timeout of %1 ms expired"_s.arg(link.ms)
                         : u"its timeout of %1 ms expired"_s.arg(link.ms);
    case CauseLinkKind::Shutdown:
        return u"returned; asyncio.run() then cancels every task still running"_s;
    case CauseLinkKind::Raised: {
        QString text = u"raised %1"_s.arg(link.text);
        if (!link.message.isEmpty())
            text += u": "_s + link.message;
        return link.user ? text + u" (the user's --fail)"_s : text;
    }
    case CauseLinkKind::Received:
        return link.message == "await"_L1
            ? u"its await of %1 raised %2"_s.arg(from, link.text)
            : u"its child %1 ended with %2, which it takes on"_s.arg(from, link.text);
    case CauseLinkKind::Delivered:
        return u"cancellation delivered %1, %2"_s.arg(whereText(link.text),
                                                       link.ms == 0 ? u"at once"_s
                                                                    : u"%1 ms after the request"_s.arg(link.ms));
    case CauseLinkKind::Converted:
        return u"the cancellation left its timeout as %1"_s.arg(link.text);
    case CauseLinkKind::Caught:
        return isCancellationName(link.text) ? u"caught its cancellation (%1) and did not re-throw it"_s.arg(link.text)
                                             : u"caught %1 and did not re-throw it"_s.arg(link.text);
    case CauseLinkKind::Blocked: {
        const QString source = from.isEmpty() ? u"a cancel"_s : u"a cancel from %1"_s.arg(from);
        if (link.text == "not-a-child"_L1)
            return u"%1 did not reach it: it is not a child (an unstructured task)"_s.arg(source);
        if (link.text == "non-cancellable"_L1)
            return u"%1 stopped here: it runs in NonCancellable"_s.arg(source);
        return u"%1 stopped here: it is shielded"_s.arg(source);
    }
    case CauseLinkKind::Ended:
        if (link.early)
            return u"ended cancelled before it started: its body never ran"_s;
        return link.text.isEmpty() ? u"ended %1"_s.arg(QLatin1String(outcomeName(link.outcome)))
                                   : u"ended %1 (%2)"_s.arg(QLatin1String(outcomeName(link.outcome)), link.text);
    }
    return QString();
}

QString causeChainText(const CauseChain &chain, const QString &taskPath, qint64 stoppedAt, const TaskPathResolver &path)
{
    const CauseLink *end = !chain.links.empty() && chain.links.back().kind == CauseLinkKind::Ended
        ? &chain.links.back() : nullptr;
    QString text;
    switch (chain.verdict) {
    case CauseVerdict::NotSpawned:
        return u"%1 never started in this run.\n"_s.arg(taskPath);
    case CauseVerdict::Running:
        text = u"%1 has not ended: the run stopped at %2 ms while it was still running."_s.arg(taskPath).arg(stoppedAt);
        if (!chain.links.empty())
            text += u" Its cancellation so far:"_s;
        break;
    case CauseVerdict::Completed:
        text = u"%1 was not cancelled: it completed"_s.arg(taskPath);
        if (end)
            text += u" at %1 ms, although:"_s.arg(end->t);
        else
            text += u"."_s;
        break;
    case CauseVerdict::Cancelled:
    case CauseVerdict::Failed: {
        QString outcome = QLatin1String(chain.verdict == CauseVerdict::Cancelled ? "cancelled" : "failed");
        if (end && !end->text.isEmpty())
            outcome += u" (%1)"_s.arg(end->text);
        text = u"%1 %2 %3 at %4 ms. Why:"_s.arg(taskPath, chain.timedOut() ? u"timed out: it ended"_s : u"ended"_s,
                                                 outcome)
                   .arg(end ? end->t : stoppedAt);
        break;
    }
    }
    text += u'\n';
    for (const CauseLink &link : chain.links) {
        const QString seq = link.seq >= 0 ? u"#%1"_s.arg(link.seq) : QString();
        text += u"%1 ms  %2  %3: %4\n"_s.arg(link.t, 7).arg(seq, -5).arg(path(link.task), causeLinkText(link, path));
    }
    if ((chain.verdict == CauseVerdict::Cancelled || chain.verdict == CauseVerdict::Failed) && chain.links.size() <= 1)
        text += u"(the trace shows no cause before the end)\n"_s;
    auto has = [&](CauseLinkKind kind) {
        return std::any_of(chain.links.begin(), chain.links.end(), [&](const CauseLink &l) { return l.kind == kind; });
    };
    if (chain.verdict == CauseVerdict::Completed && has(CauseLinkKind::Request) && !has(CauseLinkKind::Delivered))
        text += u"(the cancellation was never delivered: the task reached no check point after the request)\n"_s;
    return text;
}

} // namespace cascade
