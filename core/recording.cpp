// Recordings in memory and their writer (docs/recording-format.md); the loader is in
// recordingloader.cpp.
#include "recording.h"

#include "scenarioloader.h"

#include <QBuffer>
#include <QIODevice>
#include <QSaveFile>

namespace cascade {

QString Recording::taskPath(int taskId) const
{
    return taskId >= 0 && taskId < taskCount() ? taskPaths[std::size_t(taskId)] : QString();
}

TaskPathResolver Recording::pathResolver() const
{
    return [this](int taskId) { return taskPath(taskId); };
}

QByteArray Recording::traceJsonLines() const
{
    QByteArray out;
    out.reserve(qsizetype(events.size()) * 80);
    const TaskPathResolver path = pathResolver();
    for (const TraceEvent &event : events) {
        out += traceEventToJson(event, path);
        out += '\n';
    }
    return out;
}

TraceEvent canonicalEvent(const TraceEvent &event)
{
    TraceEvent out;
    out.seq = event.seq;
    out.t = event.t;
    out.task = event.task;
    out.kind = event.kind;
    // Keep exactly what traceEventToJson writes for the kind (as a value it can be read back from).
    switch (event.kind) {
    case EventKind::Spawn:
    case EventKind::CancelRequest:
    case EventKind::CancelBlocked:
        out.other = event.other < 0 ? -1 : event.other;
        out.code = event.code;
        break;
    case EventKind::Start:
    case EventKind::Resume:
        break;
    case EventKind::Suspend:
        out.text = event.text;
        out.ms = event.ms > 0 ? event.ms : 0;
        break;
    case EventKind::Work:
    case EventKind::Timeout:
    case EventKind::DeadlineClear:
        out.ms = event.ms;
        break;
    case EventKind::Checkpoint:
    case EventKind::Catch:
        out.code = event.code == 1 ? 1 : 0;
        out.text = event.text;
        break;
    case EventKind::CancelDeliver:
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit:
    case EventKind::Print:
        out.text = event.text;
        break;
    case EventKind::Raise:
    case EventKind::ActionIgnored:
        out.text = event.text;
        out.message = event.message;
        break;
    case EventKind::End:
        out.code = event.code;
        out.text = event.text;
        break;
    case EventKind::DeadlineSet:
        out.ms = event.ms;
        out.code = event.code;
        break;
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        out.code = event.code;
        break;
    case EventKind::ErrorDiscarded:
        out.other = event.other < 0 ? -1 : event.other;
        out.text = event.text;
        break;
    }
    return out;
}

Recording makeRecording(const Scenario &scenario, Runtime runtime, const std::vector<UserAction> &actions,
                        std::span<const TraceEvent> events, int taskCount, const TaskPathResolver &path,
                        bool finished)
{
    Recording recording;
    recording.appVersion = QStringLiteral(CASCADE_VERSION);
    recording.runtime = runtime;
    recording.scenarioJson = QString::fromUtf8(scenarioToJson(scenario));
    recording.scenario = scenario;
    recording.actions = actions;
    recording.finished = finished;
    recording.taskPaths.reserve(std::size_t(std::max(taskCount, 0)));
    for (int id = 0; id < taskCount; ++id)
        recording.taskPaths.push_back(path(id));
    recording.events.reserve(events.size());
    for (const TraceEvent &event : events)
        recording.events.push_back(canonicalEvent(event));
    return recording;
}

namespace {

void appendKey(QByteArray &out, const char *name)
{
    out += ",\"";
    out += name;
    out += "\":";
}

void appendNumber(QByteArray &out, const char *name, qint64 value)
{
    appendKey(out, name);
    out += QByteArray::number(value);
}

void appendString(QByteArray &out, const char *name, const QString &value)
{
    appendKey(out, name);
    appendJsonString(out, value);
}

void appendLatin(QByteArray &out, const char *name, const char *value)
{
    appendKey(out, name);
    out += '"';
    out += value;
    out += '"';
}

void appendTaskOrNull(QByteArray &out, const char *name, int task)
{
    appendKey(out, name);
    if (task < 0)
        out += "null";
    else
        out += QByteArray::number(task);
}

void appendBool(QByteArray &out, const char *name, bool value)
{
    appendKey(out, name);
    out += value ? "true" : "false";
}

QByteArray headerLine(const Recording &recording)
{
    QByteArray out = "{\"cascade\":\"recording\"";
    appendNumber(out, "version", Recording::FormatVersion);
    appendString(out, "app", recording.appVersion);
    appendString(out, "runtime", runtimeName(recording.runtime));
    appendBool(out, "finished", recording.finished);
    appendNumber(out, "tasks", recording.taskCount());
    appendNumber(out, "events", qint64(recording.events.size()));
    appendKey(out, "actions");
    out += '[';
    for (std::size_t i = 0; i < recording.actions.size(); ++i) {
        const UserAction &action = recording.actions[i];
        out += i == 0 ? "{" : ",{";
        out += "\"kind\":";
        appendJsonString(out, UserAction::verb(action.kind));
        appendNumber(out, "at", action.at);
        appendString(out, "task", action.taskPath);
        if (action.kind == UserAction::Kind::Fail) {
            appendString(out, "error", action.error);
            appendString(out, "message", action.message);
        } else if (action.kind == UserAction::Kind::Timeout) {
            appendNumber(out, "ms", action.durationMs);
        }
        out += '}';
    }
    out += ']';
    appendString(out, "scenario", recording.scenarioJson);
    out += "}\n";
    return out;
}

const char *linkName(quint8 code)
{
    return code == quint8(LinkCode::Child) ? "child" : "unstructured";
}

//! One event record: the trace format's record with task ids in place of paths.
void appendEvent(QByteArray &out, const TraceEvent &event)
{
    out += "{\"seq\":";
    out += QByteArray::number(event.seq);
    appendNumber(out, "t", event.t);
    appendNumber(out, "task", event.task);
    appendLatin(out, "ev", eventKindName(event.kind));
    switch (event.kind) {
    case EventKind::Spawn:
        appendTaskOrNull(out, "parent", event.other);
        appendLatin(out, "link", linkName(event.code));
        break;
    case EventKind::Start:
    case EventKind::Resume:
        break;
    case EventKind::Suspend:
        appendString(out, "on", event.text);
        if (event.ms > 0)
            appendNumber(out, "ms", event.ms);
        break;
    case EventKind::Work:
    case EventKind::Timeout:
        appendNumber(out, "ms", event.ms);
        break;
    case EventKind::Checkpoint:
        appendBool(out, "cancelled", event.code == 1);
        if (!event.text.isEmpty())
            appendString(out, "check", event.text);
        break;
    case EventKind::CancelRequest:
        appendLatin(out, "cause", cancelCauseName(CancelCause(event.code)));
        appendTaskOrNull(out, "from", event.other);
        break;
    case EventKind::CancelBlocked:
        appendLatin(out, "by", blockedByName(BlockedBy(event.code)));
        appendTaskOrNull(out, "from", event.other);
        break;
    case EventKind::CancelDeliver:
        appendString(out, "at", event.text);
        break;
    case EventKind::Catch:
        appendString(out, "error", event.text);
        appendBool(out, "rethrown", event.code == 1);
        break;
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit:
        appendString(out, "kind", event.text);
        break;
    case EventKind::Print:
        appendString(out, "text", event.text);
        break;
    case EventKind::Raise:
        appendString(out, "error", event.text);
        appendString(out, "message", event.message);
        break;
    case EventKind::End:
        appendLatin(out, "outcome", outcomeName(Outcome(event.code)));
        if (!event.text.isEmpty())
            appendString(out, "error", event.text);
        break;
    case EventKind::ActionIgnored:
        appendString(out, "action", event.text);
        appendString(out, "reason", event.message);
        break;
    case EventKind::DeadlineSet:
        appendNumber(out, "ms", event.ms);
        appendNumber(out, "deadline", event.t + event.ms);
        appendLatin(out, "cause", cancelCauseName(CancelCause(event.code)));
        break;
    case EventKind::DeadlineClear:
        appendNumber(out, "deadline", event.ms);
        break;
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        appendLatin(out, "cause", cancelCauseName(CancelCause(event.code)));
        break;
    case EventKind::ErrorDiscarded:
        appendTaskOrNull(out, "child", event.other);
        appendString(out, "error", event.text);
        break;
    }
    out += "}\n";
}

} // namespace

bool writeRecording(const Recording &recording, QIODevice &device)
{
    // Written in slices of about 1 MiB, so a million events never sit in memory twice.
    constexpr qsizetype Slice = 1 << 20;
    QByteArray buffer = headerLine(recording);
    buffer.reserve(std::max(buffer.size(), Slice) + 4096);
    const auto flush = [&]() {
        const bool ok = device.write(buffer) == buffer.size();
        buffer.clear();
        return ok;
    };
    for (std::size_t id = 0; id < recording.taskPaths.size(); ++id) {
        buffer += "{\"task\":";
        buffer += QByteArray::number(qint64(id));
        appendString(buffer, "path", recording.taskPaths[id]);
        buffer += "}\n";
        if (buffer.size() >= Slice && !flush())
            return false;
    }
    for (const TraceEvent &event : recording.events) {
        appendEvent(buffer, event);
        if (buffer.size() >= Slice && !flush())
            return false;
    }
    return flush();
}

QByteArray recordingToBytes(const Recording &recording)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const bool written = writeRecording(recording, buffer);
    Q_ASSERT(written);  // a buffer in memory takes everything
    Q_UNUSED(written);
    return bytes;
}

bool saveRecordingFile(const Recording &recording, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the recording to '%1': %2").arg(path, file.errorString());
        return false;
    }
    if (!writeRecording(recording, file) || !file.commit()) {
        *error = QStringLiteral("cannot write the recording to '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace cascade
