#include "trace.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cascade {

const char *eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Spawn: return "spawn";
    case EventKind::Start: return "start";
    case EventKind::Suspend: return "suspend";
    case EventKind::Resume: return "resume";
    case EventKind::Work: return "work";
    case EventKind::Checkpoint: return "checkpoint";
    case EventKind::CancelRequest: return "cancel-request";
    case EventKind::CancelBlocked: return "cancel-blocked";
    case EventKind::CancelDeliver: return "cancel-deliver";
    case EventKind::Catch: return "catch";
    case EventKind::CleanupEnter: return "cleanup-enter";
    case EventKind::CleanupExit: return "cleanup-exit";
    case EventKind::Timeout: return "timeout";
    case EventKind::Print: return "print";
    case EventKind::Raise: return "raise";
    case EventKind::End: return "end";
    case EventKind::ActionIgnored: return "action-ignored";
    case EventKind::DeadlineSet: return "deadline-set";
    case EventKind::DeadlineClear: return "deadline-clear";
    case EventKind::ShieldOn: return "shield-on";
    case EventKind::ShieldOff: return "shield-off";
    case EventKind::ErrorDiscarded: return "error-discarded";
    }
    return "unknown";  // an out-of-range value must still produce valid output
}

bool eventKindFromName(const QString &name, EventKind *out)
{
    for (int k = 0; k < EventKindCount; ++k) {
        if (name == QLatin1String(eventKindName(EventKind(k)))) {
            if (out)
                *out = EventKind(k);
            return true;
        }
    }
    return false;
}

QStringList allEventKindNames()
{
    QStringList names;
    for (int k = 0; k < EventKindCount; ++k)
        names << QLatin1String(eventKindName(EventKind(k)));
    return names;
}

QStringList traceEventFields(EventKind kind)
{
    // The same order as traceEventToJson writes them.
    switch (kind) {
    case EventKind::Spawn: return {QStringLiteral("parent"), QStringLiteral("link")};
    case EventKind::Start:
    case EventKind::Resume: return {};
    case EventKind::Suspend: return {QStringLiteral("on"), QStringLiteral("ms")};
    case EventKind::Work:
    case EventKind::Timeout: return {QStringLiteral("ms")};
    case EventKind::Checkpoint: return {QStringLiteral("cancelled"), QStringLiteral("check")};
    case EventKind::CancelRequest: return {QStringLiteral("cause"), QStringLiteral("from")};
    case EventKind::CancelBlocked: return {QStringLiteral("by"), QStringLiteral("from")};
    case EventKind::CancelDeliver: return {QStringLiteral("at")};
    case EventKind::Catch: return {QStringLiteral("error"), QStringLiteral("rethrown")};
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit: return {QStringLiteral("kind")};
    case EventKind::Print: return {QStringLiteral("text")};
    case EventKind::Raise: return {QStringLiteral("error"), QStringLiteral("message")};
    case EventKind::End: return {QStringLiteral("outcome"), QStringLiteral("error")};
    case EventKind::ActionIgnored: return {QStringLiteral("action"), QStringLiteral("reason")};
    case EventKind::DeadlineSet: return {QStringLiteral("ms"), QStringLiteral("deadline"), QStringLiteral("cause")};
    case EventKind::DeadlineClear: return {QStringLiteral("deadline")};
    case EventKind::ShieldOn:
    case EventKind::ShieldOff: return {QStringLiteral("cause")};
    case EventKind::ErrorDiscarded: return {QStringLiteral("child"), QStringLiteral("error")};
    }
    return {};
}

const char *cancelCauseName(CancelCause cause)
{
    switch (cause) {
    case CancelCause::User: return "user";
    case CancelCause::Code: return "code";
    case CancelCause::Parent: return "parent";
    case CancelCause::Timeout: return "timeout";
    case CancelCause::Failure: return "failure";
    case CancelCause::Awaiter: return "awaiter";
    case CancelCause::Shutdown: return "shutdown";
    }
    return "unknown";
}

const char *blockedByName(BlockedBy by)
{
    switch (by) {
    case BlockedBy::Shield: return "shield";
    case BlockedBy::NonCancellable: return "non-cancellable";
    case BlockedBy::NotAChild: return "not-a-child";
    }
    return "unknown";
}

const char *outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed: return "completed";
    case Outcome::Cancelled: return "cancelled";
    case Outcome::Failed: return "failed";
    }
    return "unknown";
}

namespace {

const char *linkName(quint8 code)
{
    switch (LinkCode(code)) {
    case LinkCode::Child: return "child";
    case LinkCode::Unstructured: return "unstructured";
    }
    return "unknown";
}

QString resolvePath(const TaskPathResolver &path, int task)
{
    if (task < 0)
        return {};
    if (path) {
        const QString resolved = path(task);
        if (!resolved.isEmpty())
            return resolved;
    }
    // Unknown ids still get a stable, recognisable name instead of an empty string.
    return QStringLiteral("#%1").arg(task);
}

//! Writes the record incrementally: `,"key":value` pairs after the fixed head.
class JsonRecord {
public:
    explicit JsonRecord(QByteArray &out) : m_out(out) {}

    void key(const char *name)
    {
        m_out += ",\"";
        m_out += name;
        m_out += "\":";
    }
    void string(const char *name, const QString &value)
    {
        key(name);
        appendJsonString(m_out, value);
    }
    void latin(const char *name, const char *value)
    {
        key(name);
        m_out += '"';
        m_out += value;  // our own identifiers: nothing to escape
        m_out += '"';
    }
    void number(const char *name, qint64 value)
    {
        key(name);
        m_out += QByteArray::number(value);
    }
    void boolean(const char *name, bool value)
    {
        key(name);
        m_out += value ? "true" : "false";
    }
    void pathOrNull(const char *name, const TaskPathResolver &path, int task)
    {
        key(name);
        if (task < 0)
            m_out += "null";
        else
            appendJsonString(m_out, resolvePath(path, task));
    }

private:
    QByteArray &m_out;
};

//! Quotes free text for the console when it would otherwise be ambiguous, and makes control
//! characters visible so one event stays one line. bare: never quote (program output).
QString consoleText(const QString &text, bool bare = false)
{
    bool quote = text.isEmpty();
    QString body;
    body.reserve(text.size());
    for (const QChar c : text) {
        if (!bare && (c == QLatin1Char('"') || c == QLatin1Char('\\'))) {
            body += QLatin1Char('\\');
            body += c;
            quote = true;
        } else if (c == QLatin1Char('\n')) {
            body += QStringLiteral("\\n");
            quote = true;
        } else if (c == QLatin1Char('\t')) {
            body += QStringLiteral("\\t");
            quote = true;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            body += QStringLiteral("\\x%1").arg(int(c.unicode()), 2, 16, QLatin1Char('0'));
            quote = true;
        } else {
            if (c.isSpace() || c == QLatin1Char('='))
                quote = true;
            body += c;
        }
    }
    return quote && !bare ? QLatin1Char('"') + body + QLatin1Char('"') : body;
}

QString field(const char *name, const QString &value)
{
    return QLatin1String(name) + QLatin1Char('=') + value;
}

QString pathOrDash(const TaskPathResolver &path, int task)
{
    return task < 0 ? QStringLiteral("-") : resolvePath(path, task);
}

} // namespace

void appendJsonString(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray traceEventToJson(const TraceEvent &event, const TaskPathResolver &path)
{
    QByteArray out;
    out.reserve(96 + event.text.size() + event.message.size());
    out += "{\"seq\":";
    out += QByteArray::number(event.seq);
    out += ",\"t\":";
    out += QByteArray::number(event.t);
    out += ",\"task\":";
    if (event.task < 0)
        out += "null";
    else
        appendJsonString(out, resolvePath(path, event.task));
    out += ",\"ev\":\"";
    out += eventKindName(event.kind);
    out += '"';

    JsonRecord r(out);
    switch (event.kind) {
    case EventKind::Spawn:
        r.pathOrNull("parent", path, event.other);
        r.latin("link", linkName(event.code));
        break;
    case EventKind::Start:
    case EventKind::Resume:
        break;
    case EventKind::Suspend:
        r.string("on", event.text);
        if (event.ms > 0)
            r.number("ms", event.ms);  // how long a sleep asked for
        break;
    case EventKind::Work:
    case EventKind::Timeout:
        r.number("ms", event.ms);
        break;
    case EventKind::Checkpoint:
        r.boolean("cancelled", event.code == 1);
        if (!event.text.isEmpty())
            r.string("check", event.text);  // "throw" (raises) or "poll" (only looks)
        break;
    case EventKind::CancelRequest:
        r.latin("cause", cancelCauseName(CancelCause(event.code)));
        r.pathOrNull("from", path, event.other);
        break;
    case EventKind::CancelBlocked:
        r.latin("by", blockedByName(BlockedBy(event.code)));
        r.pathOrNull("from", path, event.other);
        break;
    case EventKind::CancelDeliver:
        r.string("at", event.text);
        break;
    case EventKind::Catch:
        r.string("error", event.text);
        r.boolean("rethrown", event.code == 1);
        break;
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit:
        r.string("kind", event.text);
        break;
    case EventKind::Print:
        r.string("text", event.text);
        break;
    case EventKind::Raise:
        r.string("error", event.text);
        r.string("message", event.message);
        break;
    case EventKind::End:
        r.latin("outcome", outcomeName(Outcome(event.code)));
        if (!event.text.isEmpty())
            r.string("error", event.text);
        break;
    case EventKind::ActionIgnored:
        r.string("action", event.text);
        r.string("reason", event.message);
        break;
    case EventKind::DeadlineSet:
        r.number("ms", event.ms);
        r.number("deadline", event.t + event.ms);
        r.latin("cause", cancelCauseName(CancelCause(event.code)));
        break;
    case EventKind::DeadlineClear:
        r.number("deadline", event.ms);
        break;
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        r.latin("cause", cancelCauseName(CancelCause(event.code)));
        break;
    case EventKind::ErrorDiscarded:
        r.pathOrNull("child", path, event.other);
        r.string("error", event.text);
        break;
    }
    out += '}';
    return out;
}

QString traceEventToText(const TraceEvent &event, const TaskPathResolver &path)
{
    // Columns: time (right-aligned), task path, event name, then key=value details.
    static constexpr int TimeWidth = 7;
    static constexpr int PathWidth = 22;
    static constexpr int EventWidth = 15;

    QStringList details;
    switch (event.kind) {
    case EventKind::Spawn:
        details << (event.other < 0 ? QStringLiteral("root") : field("parent", pathOrDash(path, event.other)))
                << field("link", QLatin1String(linkName(event.code)));
        break;
    case EventKind::Start:
    case EventKind::Resume:
        break;
    case EventKind::Suspend:
        details << field("on", consoleText(event.text));
        if (event.ms > 0)
            details << field("ms", QString::number(event.ms));
        break;
    case EventKind::Work:
    case EventKind::Timeout:
        details << field("ms", QString::number(event.ms));
        break;
    case EventKind::Checkpoint:
        details << field("cancelled", event.code == 1 ? QStringLiteral("yes") : QStringLiteral("no"));
        if (!event.text.isEmpty())
            details << field("check", consoleText(event.text));
        break;
    case EventKind::CancelRequest:
        details << field("cause", QLatin1String(cancelCauseName(CancelCause(event.code))));
        if (event.other >= 0)
            details << field("from", pathOrDash(path, event.other));
        break;
    case EventKind::CancelBlocked:
        details << field("by", QLatin1String(blockedByName(BlockedBy(event.code))));
        if (event.other >= 0)
            details << field("from", pathOrDash(path, event.other));
        break;
    case EventKind::CancelDeliver:
        details << field("at", consoleText(event.text));
        break;
    case EventKind::Catch:
        details << field("error", consoleText(event.text));
        if (event.code == 1)
            details << QStringLiteral("rethrown");
        break;
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit:
        details << field("kind", consoleText(event.text));
        break;
    case EventKind::Print:
        // Program output reads best as itself, set off by a marker.
        details << QStringLiteral("| ") + consoleText(event.text, true);
        break;
    case EventKind::Raise:
        details << field("error", consoleText(event.text));
        if (!event.message.isEmpty())
            details << field("message", consoleText(event.message));
        break;
    case EventKind::End:
        details << field("outcome", QLatin1String(outcomeName(Outcome(event.code))));
        if (!event.text.isEmpty())
            details << field("error", consoleText(event.text));
        break;
    case EventKind::ActionIgnored:
        details << field("action", consoleText(event.text)) << field("reason", consoleText(event.message));
        break;
    case EventKind::DeadlineSet:
        details << field("ms", QString::number(event.ms)) << field("deadline", QString::number(event.t + event.ms))
                << field("cause", QLatin1String(cancelCauseName(CancelCause(event.code))));
        break;
    case EventKind::DeadlineClear:
        details << field("deadline", QString::number(event.ms));
        break;
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        details << field("cause", QLatin1String(cancelCauseName(CancelCause(event.code))));
        break;
    case EventKind::ErrorDiscarded:
        details << field("child", pathOrDash(path, event.other)) << field("error", consoleText(event.text));
        break;
    }

    QString line = QStringLiteral("%1 ms  ").arg(event.t, TimeWidth);
    const QString task = event.task < 0 ? QStringLiteral("-") : resolvePath(path, event.task);
    line += task.leftJustified(PathWidth);
    line += QLatin1Char(' ');  // long paths still keep a gap before the event name
    const QString name = QLatin1String(eventKindName(event.kind));
    if (details.isEmpty()) {
        line += name;
    } else {
        line += name.leftJustified(EventWidth);
        line += QLatin1Char(' ');
        line += details.join(QLatin1Char(' '));
    }
    return line;
}

} // namespace cascade
