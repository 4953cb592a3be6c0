#pragma once

// Test helpers: run a scenario and describe its trace as compact lines such as
// "1300 main/job cancel-request cause=user", so that specifications read like the trace.

#include "engine.h"
#include "scenarioloader.h"

#include <QStringList>
#include <QTest>

namespace cascade::testing {

inline QString signatureLine(const TraceEvent &event, const TaskPathResolver &path)
{
    QString line = QStringLiteral("%1 %2 %3").arg(event.t).arg(path(event.task), QString::fromLatin1(eventKindName(event.kind)));
    switch (event.kind) {
    case EventKind::CancelRequest:
        line += QStringLiteral(" cause=%1").arg(QString::fromLatin1(cancelCauseName(CancelCause(event.code))));
        break;
    case EventKind::CancelBlocked:
        line += QStringLiteral(" by=%1").arg(QString::fromLatin1(blockedByName(BlockedBy(event.code))));
        break;
    case EventKind::CancelDeliver:
        line += QStringLiteral(" at=%1").arg(event.text);
        break;
    case EventKind::Checkpoint:
        line += event.code ? QStringLiteral(" cancelled") : QStringLiteral(" passed");
        break;
    case EventKind::Catch:
        line += QStringLiteral(" %1%2").arg(event.text, event.code ? QStringLiteral(" rethrown") : QString());
        break;
    case EventKind::Print:
        line += QStringLiteral(" %1").arg(event.text);
        break;
    case EventKind::Raise:
        line += QStringLiteral(" %1").arg(event.text);
        break;
    case EventKind::End:
        line += QStringLiteral(" %1").arg(QString::fromLatin1(outcomeName(Outcome(event.code))));
        // The plain cancellation error adds nothing to "cancelled"; other errors are the point.
        if (!event.text.isEmpty() && event.text != QLatin1String("CancelledError")
            && event.text != QLatin1String("CancellationException") && event.text != QLatin1String("CancellationError"))
            line += QStringLiteral(" %1").arg(event.text);
        break;
    case EventKind::Spawn:
        line += event.code == quint8(LinkCode::Child) ? QStringLiteral(" child") : QStringLiteral(" unstructured");
        break;
    case EventKind::Timeout:
    case EventKind::Work:
        line += QStringLiteral(" %1").arg(event.ms);
        break;
    case EventKind::DeadlineSet:
        line += QStringLiteral(" ms=%1 deadline=%2 cause=%3")
                    .arg(event.ms)
                    .arg(event.t + event.ms)
                    .arg(QString::fromLatin1(cancelCauseName(CancelCause(event.code))));
        break;
    case EventKind::DeadlineClear:
        line += QStringLiteral(" deadline=%1").arg(event.ms);
        break;
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        line += QStringLiteral(" cause=%1").arg(QString::fromLatin1(cancelCauseName(CancelCause(event.code))));
        break;
    case EventKind::ActionIgnored:
        line += QStringLiteral(" %1").arg(event.text);
        break;
    case EventKind::ErrorDiscarded:
        line += QStringLiteral(" child=%1 error=%2").arg(path(event.other), event.text);
        break;
    default:
        break;
    }
    return line;
}

inline QStringList signature(const Engine &engine)
{
    QStringList lines;
    const TaskPathResolver path = engine.pathResolver();
    for (const TraceEvent &event : engine.events())
        lines << signatureLine(event, path);
    return lines;
}

//! True when `expected` occurs in `lines` in order (other lines may come between).
inline bool containsInOrder(const QStringList &lines, const QStringList &expected, QString *missing)
{
    qsizetype at = 0;
    for (const QString &want : expected) {
        while (at < lines.size() && lines.at(at) != want)
            ++at;
        if (at == lines.size()) {
            *missing = want;
            return false;
        }
        ++at;
    }
    return true;
}

//! True when a line mentions `text`: a text that starts with a time ("1500 main/x") must start the
//! line; any other text may stand anywhere in it ("main/x cancel-deliver").
inline bool traceMentions(const QStringList &lines, const QString &text)
{
    const bool timed = !text.isEmpty() && text.front().isDigit();
    return std::any_of(lines.begin(), lines.end(),
                       [&](const QString &line) { return timed ? line.startsWith(text) : line.contains(text); });
}

//! A scenario document around a root body, runnable under every runtime.
inline QByteArray scenarioJson(const QByteArray &rootSteps)
{
    return QByteArrayLiteral(R"({"cascade": "scenario", "version": 1, "id": "spec",
        "title": {"en": "spec", "ko": "spec"}, "runtimes": ["asyncio", "kotlin", "swift"],
        "root": {"name": "main", "steps": )")
        + rootSteps + QByteArrayLiteral("}}");
}

} // namespace cascade::testing
