#include "chrometrace.h"

#include <QIODevice>

namespace cascade {

namespace {

constexpr int Pid = 1;
constexpr qint64 MicrosPerMs = 1000;

//! One trace event object, written key by key.
class ChromeEvent {
public:
    ChromeEvent(QByteArray &out, bool &first, const char *name, char ph, qint64 ts, int tid)
        : m_out(out)
    {
        m_out += first ? "\n" : ",\n";
        first = false;
        m_out += "{\"name\":\"";
        m_out += name;
        m_out += "\",\"ph\":\"";
        m_out += ph;
        m_out += "\",\"ts\":";
        m_out += QByteArray::number(ts);
        m_out += ",\"pid\":";
        m_out += QByteArray::number(Pid);
        m_out += ",\"tid\":";
        m_out += QByteArray::number(tid);
    }
    ChromeEvent(const ChromeEvent &) = delete;
    ChromeEvent &operator=(const ChromeEvent &) = delete;
    ~ChromeEvent()
    {
        if (m_inArgs)
            m_out += '}';
        m_out += '}';
    }

    void latin(const char *key, const char *value)
    {
        field(key);
        m_out += '"';
        m_out += value;
        m_out += '"';
    }
    void number(const char *key, qint64 value)
    {
        field(key);
        m_out += QByteArray::number(value);
    }
    //! The following keys go into "args".
    void args()
    {
        m_out += ",\"args\":{";
        m_inArgs = true;
        m_firstArg = true;
    }
    void string(const char *key, const QString &value)
    {
        field(key);
        appendJsonString(m_out, value);
    }
    void boolean(const char *key, bool value)
    {
        field(key);
        m_out += value ? "true" : "false";
    }

private:
    void field(const char *key)
    {
        if (!(m_inArgs && m_firstArg))
            m_out += ',';
        m_firstArg = false;
        m_out += '"';
        m_out += key;
        m_out += "\":";
    }

    QByteArray &m_out;
    bool m_inArgs = false;
    bool m_firstArg = false;
};

int tidOf(int task)
{
    return task + 1;  // tid 0 is the process's own track
}

const char *categoryOf(EventKind kind)
{
    switch (kind) {
    case EventKind::CancelRequest:
    case EventKind::CancelBlocked:
    case EventKind::CancelDeliver:
    case EventKind::Checkpoint:
        return "cancel";
    case EventKind::Timeout:
    case EventKind::DeadlineSet:
    case EventKind::DeadlineClear:
        return "deadline";
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        return "shield";
    case EventKind::Print:
        return "output";
    default:
        return "task";
    }
}

//! The kinds shown as instants: everything but spawn and the events that only change the phase
//! (the slices show those).
bool isInstant(EventKind kind)
{
    switch (kind) {
    case EventKind::Spawn:
    case EventKind::Start:
    case EventKind::Suspend:
    case EventKind::Resume:
    case EventKind::Work:
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit:
        return false;
    default:
        return true;
    }
}

void instantArgs(ChromeEvent &e, const TraceEvent &event, const TaskPathResolver &path)
{
    e.args();
    e.number("seq", event.seq);
    const auto task = [&](int id) { return id < 0 ? QStringLiteral("(user or timer)") : path(id); };
    switch (event.kind) {
    case EventKind::Checkpoint:
        e.boolean("cancelled", event.code == 1);
        if (!event.text.isEmpty())
            e.string("check", event.text);
        break;
    case EventKind::CancelRequest:
        e.latin("cause", cancelCauseName(CancelCause(event.code)));
        e.string("from", task(event.other));
        break;
    case EventKind::CancelBlocked:
        e.latin("by", blockedByName(BlockedBy(event.code)));
        e.string("from", task(event.other));
        break;
    case EventKind::CancelDeliver:
        e.string("at", event.text);
        break;
    case EventKind::Catch:
        e.string("error", event.text);
        e.boolean("rethrown", event.code == 1);
        break;
    case EventKind::Timeout:
        e.number("ms", event.ms);
        break;
    case EventKind::Print:
        e.string("text", event.text);
        break;
    case EventKind::Raise:
        e.string("error", event.text);
        e.string("message", event.message);
        break;
    case EventKind::End:
        e.latin("outcome", outcomeName(Outcome(event.code)));
        if (!event.text.isEmpty())
            e.string("error", event.text);
        break;
    case EventKind::ActionIgnored:
        e.string("action", event.text);
        e.string("reason", event.message);
        break;
    case EventKind::ErrorDiscarded:
        e.string("child", task(event.other));
        e.string("error", event.text);
        break;
    case EventKind::DeadlineSet:
        e.number("ms", event.ms);
        e.number("deadline_ms", event.t + event.ms);
        e.latin("cause", cancelCauseName(CancelCause(event.code)));
        break;
    case EventKind::DeadlineClear:
        e.number("deadline_ms", event.ms);
        break;
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        e.latin("cause", cancelCauseName(CancelCause(event.code)));
        break;
    default:
        break;
    }
}

} // namespace

bool writeChromeTrace(const Recording &recording, const TraceIndex &index, QIODevice &device)
{
    constexpr qsizetype Slice = 1 << 20;
    QByteArray out;
    out.reserve(Slice + 64 * 1024);
    bool ok = true;
    const auto flushIfFull = [&](bool always) {
        if (ok && (always || out.size() >= Slice)) {
            ok = device.write(out) == out.size();
            out.clear();
        }
    };
    const TaskPathResolver path = recording.pathResolver();
    bool first = true;
    const QString scenarioId = recording.scenario ? recording.scenario->id : QStringLiteral("scenario");
    out += "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"cascade\":\"recording\",\"app\":";
    appendJsonString(out, recording.appVersion);
    out += ",\"runtime\":";
    appendJsonString(out, runtimeName(recording.runtime));
    out += ",\"time\":\"virtual, 1 ms = 1000 us\"},\"traceEvents\":[";
    {
        ChromeEvent process(out, first, "process_name", 'M', 0, 0);
        process.args();
        process.string("name", QStringLiteral("%1 under %2").arg(scenarioId, runtimeName(recording.runtime)));
    }
    for (int task = 0; task < recording.taskCount(); ++task) {
        {
            ChromeEvent name(out, first, "thread_name", 'M', 0, tidOf(task));
            name.args();
            name.string("name", path(task));
        }
        {
            ChromeEvent sort(out, first, "thread_sort_index", 'M', 0, tidOf(task));
            sort.args();
            sort.number("sort_index", task);
        }
        flushIfFull(false);
    }

    // One pass: each slice is written at the event that begins it, with the detail the states
    // give then (the same TaskStates the task list and the index use).
    TaskStates states;
    std::vector<std::size_t> nextSpan(std::size_t(index.taskCount()), 0);
    const qint64 count = qint64(recording.events.size());
    for (qint64 i = 0; i < count && ok; ++i) {
        const TraceEvent &event = recording.events[std::size_t(i)];
        states.apply(event);
        const int tid = tidOf(event.task);
        const qint64 ts = event.t * MicrosPerMs;
        if (event.task >= 0 && event.task < index.taskCount()) {
            const std::vector<TraceIndex::Span> &spans = index.spans(event.task);
            std::size_t &next = nextSpan[std::size_t(event.task)];
            if (next < spans.size() && spans[next].firstEvent == i) {
                const TraceIndex::Span &span = spans[next++];
                const QString name = taskPhaseName(span.phase);
                ChromeEvent slice(out, first, qPrintable(name), 'X', span.start * MicrosPerMs, tid);
                slice.latin("cat", "state");
                slice.number("dur", (span.end - span.start) * MicrosPerMs);
                slice.args();
                slice.number("seq", event.seq);
                if (const TaskState *state = states.state(event.task); state && state->detailKind != TaskState::DetailKind::None)
                    slice.string("detail", state->detail());
            }
        }
        if (isInstant(event.kind)) {
            ChromeEvent instant(out, first, eventKindName(event.kind), 'i', ts, tid);
            instant.latin("cat", categoryOf(event.kind));
            instant.latin("s", "t");
            instantArgs(instant, event, path);
        }
        // A request sent by one task to another: an arrow from the sender's track to the target's.
        if ((event.kind == EventKind::CancelRequest || event.kind == EventKind::CancelBlocked) && event.other >= 0) {
            const char *name = event.kind == EventKind::CancelRequest ? "cancel-request" : "cancel-blocked";
            {
                ChromeEvent start(out, first, name, 's', ts, tidOf(event.other));
                start.latin("cat", "cancel");
                start.number("id", event.seq);
            }
            {
                ChromeEvent finish(out, first, name, 'f', ts, tid);
                finish.latin("cat", "cancel");
                finish.number("id", event.seq);
                finish.latin("bp", "e");
            }
        }
        flushIfFull(false);
    }
    out += "\n]}\n";
    flushIfFull(true);
    return ok;
}

} // namespace cascade
