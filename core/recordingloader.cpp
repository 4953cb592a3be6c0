// RecordingLoader: the header through QJsonDocument, the task and event records through the
// in-place RowReader (recordingrows.h). docs/recording-format.md is the specification.
#include "recording.h"
#include "loaderwords.h"
#include "recordingrows.h"
#include "scenarioloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cstdint>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace cascade {

using recordingrows::Field;
using recordingrows::RowReader;
using recordingrows::Value;

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024 * 1024;

// --- the header --------------------------------------------------------------------------

//! Checks the header object; each message names the key it is about.
class HeaderReader {
public:
    HeaderReader(const QString &source, Recording *out) : m_source(source), m_out(out) {}

    bool read(const QByteArray &line, qint64 *tasks, qint64 *events);
    [[nodiscard]] QString error() const { return m_error; }

private:
    bool fail(const QString &where, const QString &problem)
    {
        m_error = QStringLiteral("%1:1:1: header%2: %3").arg(m_source, where, problem);
        return false;
    }
    bool count(const QJsonObject &header, const QString &key, qint64 max, qint64 *out);
    bool action(const QJsonValue &value, int index);

    QString m_source;
    Recording *m_out;
    QString m_error;
};

QString keyPlace(QString key)
{
    // A key comes from the file: keep the message on one line and short.
    if (key.size() > 40)
        key = key.left(40) + QStringLiteral("...");
    for (QChar &c : key) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char('?');
    }
    return QStringLiteral(", \"%1\"").arg(key);
}

bool isWholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return number >= double(min) && number <= double(max) && number == double(qint64(number));
}

bool HeaderReader::count(const QJsonObject &header, const QString &key, qint64 max, qint64 *out)
{
    const QJsonValue value = header.value(key);
    if (!isWholeNumber(value, 0, max))
        return fail(keyPlace(key), LoaderWords::tr("must be a whole number from 0 to %1").arg(max));
    *out = qint64(value.toDouble());
    return true;
}

bool HeaderReader::action(const QJsonValue &value, int index)
{
    const QString place = QStringLiteral(", \"actions\"[%1]").arg(index);
    if (!value.isObject())
        return fail(place, LoaderWords::tr("an action must be an object"));
    const QJsonObject object = value.toObject();
    UserAction action;
    const QString kind = object.value(QLatin1String("kind")).toString();
    bool known = false;
    for (const auto candidate : {UserAction::Kind::Cancel, UserAction::Kind::Fail, UserAction::Kind::Timeout, UserAction::Kind::Shield}) {
        if (kind == UserAction::verb(candidate)) {
            action.kind = candidate;
            known = true;
        }
    }
    if (!known)
        return fail(place + keyPlace(QStringLiteral("kind")),
                    LoaderWords::tr("must be \"cancel\", \"fail\", \"timeout\" or \"shield\""));
    QStringList allowed{QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("task")};
    if (action.kind == UserAction::Kind::Fail)
        allowed << QStringLiteral("error") << QStringLiteral("message");
    if (action.kind == UserAction::Kind::Timeout)
        allowed << QStringLiteral("ms");
    for (const QString &key : object.keys()) {
        if (!allowed.contains(key))
            return fail(place + keyPlace(key), LoaderWords::tr("unknown key for a %1 action (keys: %2)").arg(kind, allowed.join(QStringLiteral(", "))));
    }
    for (const QString &key : allowed) {
        if (!object.contains(key))
            return fail(place, LoaderWords::tr("missing key \"%1\"").arg(key));
    }
    const QJsonValue at = object.value(QLatin1String("at"));
    if (!isWholeNumber(at, 0, ScenarioLoader::MaxMs))
        return fail(place + keyPlace(QStringLiteral("at")), LoaderWords::tr("must be a whole number of ms from 0 to %1").arg(ScenarioLoader::MaxMs));
    action.at = qint64(at.toDouble());
    action.taskPath = object.value(QLatin1String("task")).toString();
    if (action.taskPath.isEmpty() || action.taskPath.size() > 4096)
        return fail(place + keyPlace(QStringLiteral("task")), LoaderWords::tr("must be a task path such as \"main/job\""));
    if (action.kind == UserAction::Kind::Fail) {
        const QJsonValue error = object.value(QLatin1String("error"));
        const QJsonValue message = object.value(QLatin1String("message"));
        if (!error.isString() || error.toString().isEmpty() || error.toString().size() > 1000)
            return fail(place + keyPlace(QStringLiteral("error")), LoaderWords::tr("must be an error name"));
        if (!message.isString() || message.toString().size() > 1000)
            return fail(place + keyPlace(QStringLiteral("message")), LoaderWords::tr("must be a string of at most 1000 characters"));
        action.error = error.toString();
        action.message = message.toString();
    }
    if (action.kind == UserAction::Kind::Timeout) {
        const QJsonValue ms = object.value(QLatin1String("ms"));
        if (!isWholeNumber(ms, 1, ScenarioLoader::MaxMs))
            return fail(place + keyPlace(QStringLiteral("ms")), LoaderWords::tr("must be a whole number of ms from 1 to %1").arg(ScenarioLoader::MaxMs));
        action.durationMs = qint64(ms.toDouble());
    }
    m_out->actions.push_back(action);
    return true;
}

bool HeaderReader::read(const QByteArray &line, qint64 *tasks, qint64 *events)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_error = QStringLiteral("%1:1:%2: header: %3 (the first line must be the recording's header object)")
                      .arg(m_source)
                      .arg(parseError.offset + 1)
                      .arg(parseError.errorString());
        return false;
    }
    if (!document.isObject())
        return fail(QString(), LoaderWords::tr("the first line must be a JSON object"));
    const QJsonObject header = document.object();
    if (header.value(QLatin1String("cascade")).toString() != QLatin1String("recording"))
        return fail(keyPlace(QStringLiteral("cascade")), LoaderWords::tr("must be \"recording\": this is not a Cascade recording"));
    const QJsonValue version = header.value(QLatin1String("version"));
    if (!isWholeNumber(version, 0, 1'000'000))
        return fail(keyPlace(QStringLiteral("version")), LoaderWords::tr("must be a whole number (this Cascade reads version %1)").arg(Recording::FormatVersion));
    if (version.toInteger() != Recording::FormatVersion)
        return fail(keyPlace(QStringLiteral("version")), LoaderWords::tr("version %1 is not supported (this Cascade reads version %2)")
                                                         .arg(version.toInteger()).arg(Recording::FormatVersion));
    static const QStringList keys{QStringLiteral("cascade"), QStringLiteral("version"), QStringLiteral("app"),
                                  QStringLiteral("runtime"), QStringLiteral("finished"), QStringLiteral("tasks"),
                                  QStringLiteral("events"), QStringLiteral("actions"), QStringLiteral("scenario")};
    for (const QString &key : header.keys()) {
        if (!keys.contains(key))
            return fail(keyPlace(key), LoaderWords::tr("unknown key (keys: %1)").arg(keys.join(QStringLiteral(", "))));
    }
    for (const QString &key : keys) {
        if (!header.contains(key))
            return fail(QString(), LoaderWords::tr("missing key \"%1\"").arg(key));
    }
    const QJsonValue app = header.value(QLatin1String("app"));
    if (!app.isString() || app.toString().isEmpty() || app.toString().size() > 64)
        return fail(keyPlace(QStringLiteral("app")), LoaderWords::tr("must be the version of Cascade that recorded it, such as \"0.1.0\""));
    m_out->appVersion = app.toString();
    if (!runtimeFromName(header.value(QLatin1String("runtime")).toString(), &m_out->runtime))
        return fail(keyPlace(QStringLiteral("runtime")), LoaderWords::tr("must be \"asyncio\", \"kotlin\" or \"swift\""));
    const QJsonValue finished = header.value(QLatin1String("finished"));
    if (!finished.isBool())
        return fail(keyPlace(QStringLiteral("finished")), LoaderWords::tr("must be true or false"));
    m_out->finished = finished.toBool();
    if (!count(header, QStringLiteral("tasks"), RecordingLoader::MaxTasks, tasks)
        || !count(header, QStringLiteral("events"), RecordingLoader::MaxEvents, events))
        return false;
    const QJsonValue actions = header.value(QLatin1String("actions"));
    if (!actions.isArray() || actions.toArray().size() > RecordingLoader::MaxActions)
        return fail(keyPlace(QStringLiteral("actions")), LoaderWords::tr("must be an array of at most %1 actions").arg(RecordingLoader::MaxActions));
    const QJsonArray actionList = actions.toArray();
    for (qsizetype i = 0; i < actionList.size(); ++i) {
        if (!action(actionList.at(i), int(i)))
            return false;
    }
    const QJsonValue scenario = header.value(QLatin1String("scenario"));
    if (!scenario.isString() || scenario.toString().isEmpty())
        return fail(keyPlace(QStringLiteral("scenario")), LoaderWords::tr("must be the scenario's JSON text, as a string"));
    m_out->scenarioJson = scenario.toString();
    return true;
}

// --- tasks and events --------------------------------------------------------------------

//! A field's key as text for messages.
QString keyName(std::string_view key)
{
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

template<std::size_t N>
int nameIndex(std::string_view raw, const std::array<std::string_view, N> &names)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (raw == names[i])
            return int(i);
    }
    return -1;
}

//! The names of an enumeration's values in enum order, from trace.h's own name function, so the
//! loader reads exactly what the writers write.
template<std::size_t N, typename Enum>
std::array<std::string_view, N> namesOf(const char *(*name)(Enum))
{
    std::array<std::string_view, N> names;
    for (std::size_t i = 0; i < N; ++i)
        names[i] = name(Enum(i));
    return names;
}

const char *linkName(LinkCode link)
{
    return link == LinkCode::Child ? "child" : "unstructured";
}

// A kind added to trace.h and not counted here is refused as unknown (and the lesson round trips
// in tst_recording would say so), never read as another.
const auto EventNames = namesOf<EventKindCount>(&eventKindName);
const auto LinkNames = namesOf<2>(&linkName);
const auto CauseNames = namesOf<7>(&cancelCauseName);
const auto BlockedNames = namesOf<3>(&blockedByName);
const auto OutcomeNames = namesOf<3>(&outcomeName);

//! Reads the event records one field at a time, in the documented order.
class EventReader {
public:
    EventReader(RowReader &rows, const std::vector<bool> &spawned) : m_rows(rows), m_spawned(spawned) {}

    //! Reads fields from `m_next` on: the key must be `key` (optional fields may be absent).
    const Field *next(std::string_view key, bool optional = false)
    {
        if (m_next < m_rows.fieldCount() && m_rows.field(m_next).key == key)
            return &m_rows.field(m_next++);
        if (!optional) {
            if (m_next < m_rows.fieldCount())
                m_rows.fail(m_rows.field(m_next).keyOffset, LoaderWords::tr("expected key \"%1\", found \"%2\"").arg(keyName(key), keyName(m_rows.field(m_next).key)));
            else
                m_rows.fail(m_rows.offset() - 1, LoaderWords::tr("missing key \"%1\"").arg(keyName(key)));
        }
        return nullptr;
    }
    bool integer(const char *key, qint64 min, qint64 max, qint64 *out, bool optional = false)
    {
        const Field *field = next(key, optional);
        if (!field)
            return optional && m_rows.error().isEmpty();
        if (field->value.type != Value::Type::Int || field->value.number < min || field->value.number > max)
            return m_rows.fail(field->keyOffset, QStringLiteral("\"%1\" must be a whole number from %2 to %3").arg(QLatin1String(key)).arg(min).arg(max));
        *out = field->value.number;
        return true;
    }
    bool text(const char *key, QString *out, bool optional = false, bool shared = true)
    {
        const Field *field = next(key, optional);
        if (!field)
            return optional && m_rows.error().isEmpty();
        if (field->value.type != Value::Type::String)
            return m_rows.fail(field->keyOffset, QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
        return m_rows.text(*field, out, shared);
    }
    //! Program output and messages: seldom the same twice, so not looked up among recent strings.
    bool output(const char *key, QString *out) { return text(key, out, false, false); }
    bool boolean(const char *key, quint8 *out)
    {
        const Field *field = next(key);
        if (!field)
            return false;
        if (field->value.type != Value::Type::Bool)
            return m_rows.fail(field->keyOffset, QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(key)));
        *out = field->value.boolean ? 1 : 0;
        return true;
    }
    template<std::size_t N>
    bool name(const char *key, const std::array<std::string_view, N> &names, quint8 *out)
    {
        const Field *field = next(key);
        if (!field)
            return false;
        const int index = field->value.type == Value::Type::String && !field->value.escaped ? nameIndex(field->value.raw, names) : -1;
        if (index < 0) {
            QStringList choices;
            for (const std::string_view choice : names)
                choices << QStringLiteral("\"%1\"").arg(keyName(choice));
            return m_rows.fail(field->keyOffset, QStringLiteral("\"%1\" must be one of %2").arg(QLatin1String(key), choices.join(QStringLiteral(", "))));
        }
        *out = quint8(index);
        return true;
    }
    //! A task id that has been spawned, or null (-1).
    bool taskOrNull(const char *key, int *out)
    {
        const Field *field = next(key);
        if (!field)
            return false;
        if (field->value.type == Value::Type::Null) {
            *out = -1;
            return true;
        }
        return spawnedTask(*field, out);
    }
    bool spawnedTask(const Field &field, int *out)
    {
        if (field.value.type != Value::Type::Int || field.value.number < 0 || field.value.number >= qint64(m_spawned.size()))
            return m_rows.fail(field.keyOffset, QStringLiteral("\"%1\" must be a task id from 0 to %2").arg(keyName(field.key)).arg(qint64(m_spawned.size()) - 1));
        if (!m_spawned[std::size_t(field.value.number)])
            return m_rows.fail(field.keyOffset, QStringLiteral("\"%1\": task %2 has not been spawned yet").arg(keyName(field.key)).arg(field.value.number));
        *out = int(field.value.number);
        return true;
    }
    bool end()
    {
        if (m_next < m_rows.fieldCount())
            return m_rows.fail(m_rows.field(m_next).keyOffset, LoaderWords::tr("unexpected key \"%1\"").arg(keyName(m_rows.field(m_next).key)));
        return true;
    }
    void restart() { m_next = 0; }
    //! True when the field read last has this key (an optional field was present).
    [[nodiscard]] bool lastWas(const char *key) const { return m_next > 0 && m_rows.field(m_next - 1).key == key; }
    //! A problem with the field read last.
    bool fail(const QString &problem) { return m_rows.fail(m_next > 0 ? m_rows.field(m_next - 1).keyOffset : m_rows.recordOffset(), problem); }

private:
    RowReader &m_rows;
    const std::vector<bool> &m_spawned;
    int m_next = 0;
};

//! The fields after seq, t, task and ev, by kind (docs/trace-format.md, ids for paths).
bool readEventFields(EventReader &r, TraceEvent *event)
{
    switch (event->kind) {
    case EventKind::Spawn:
        return r.taskOrNull("parent", &event->other) && r.name("link", LinkNames, &event->code);
    case EventKind::Start:
    case EventKind::Resume:
        return true;
    case EventKind::Suspend:
        return r.text("on", &event->text) && r.integer("ms", 1, RecordingLoader::MaxTime, &event->ms, true);
    case EventKind::Work:
    case EventKind::Timeout:
        return r.integer("ms", 0, RecordingLoader::MaxTime, &event->ms);
    case EventKind::Checkpoint:
        return r.boolean("cancelled", &event->code) && r.text("check", &event->text, true)
            && (event->text.isEmpty() || event->text == QLatin1String("throw") || event->text == QLatin1String("poll")
                || r.fail(QStringLiteral("\"check\" must be \"throw\" or \"poll\"")));
    case EventKind::CancelRequest:
        return r.name("cause", CauseNames, &event->code) && r.taskOrNull("from", &event->other);
    case EventKind::CancelBlocked:
        return r.name("by", BlockedNames, &event->code) && r.taskOrNull("from", &event->other);
    case EventKind::CancelDeliver:
        return r.text("at", &event->text);
    case EventKind::Catch:
        return r.text("error", &event->text) && r.boolean("rethrown", &event->code);
    case EventKind::CleanupEnter:
    case EventKind::CleanupExit:
        return r.text("kind", &event->text);
    case EventKind::Print:
        return r.output("text", &event->text);
    case EventKind::Raise:
        return r.text("error", &event->text) && r.output("message", &event->message);
    case EventKind::End:
        return r.name("outcome", OutcomeNames, &event->code) && r.text("error", &event->text, true)
            && (!r.lastWas("error") || !event->text.isEmpty() || r.fail(QStringLiteral("\"error\" must not be empty (it is left out when there is none)")));
    case EventKind::ActionIgnored:
        return r.text("action", &event->text) && r.output("reason", &event->message);
    case EventKind::DeadlineSet: {
        qint64 deadline = 0;
        return r.integer("ms", 0, RecordingLoader::MaxTime, &event->ms)
            && r.integer("deadline", event->t + event->ms, event->t + event->ms, &deadline)
            && r.name("cause", CauseNames, &event->code);
    }
    case EventKind::DeadlineClear:
        return r.integer("deadline", 0, 2 * RecordingLoader::MaxTime, &event->ms);
    case EventKind::ShieldOn:
    case EventKind::ShieldOff:
        return r.name("cause", CauseNames, &event->code);
    case EventKind::ErrorDiscarded:
        return r.taskOrNull("child", &event->other) && r.text("error", &event->text);
    }
    return false;
}

bool readTasks(RowReader &rows, qint64 tasks, qsizetype bytesLeft, Recording *out)
{
    constexpr qsizetype MinTaskBytes = 24;  // {"task":0,"path":"a"} and its newline
    out->taskPaths.reserve(std::size_t(std::min<qint64>(tasks, bytesLeft / MinTaskBytes + 1)));
    for (qint64 id = 0; id < tasks; ++id) {
        rows.setRecord("task", id);
        if (rows.atEnd())
            return rows.fail(rows.offset(), LoaderWords::tr("the file ends after %1 of %2 tasks (it is truncated)").arg(id).arg(tasks));
        if (!rows.read())
            return false;
        if (rows.fieldCount() != 2 || rows.field(0).key != "task" || rows.field(1).key != "path")
            return rows.fail(rows.recordOffset(), LoaderWords::tr("a task record is {\"task\":ID,\"path\":\"...\"}"));
        const Field &idField = rows.field(0);
        if (idField.value.type != Value::Type::Int || idField.value.number != id)
            return rows.fail(idField.keyOffset, QStringLiteral("\"task\" must be %1 (task records are in id order from 0)").arg(id));
        const Field &path = rows.field(1);
        QString text;
        if (path.value.type != Value::Type::String || !rows.text(path, &text))
            return rows.error().isEmpty() ? rows.fail(path.keyOffset, QStringLiteral("\"path\" must be a string")) : false;
        if (text.isEmpty())
            return rows.fail(path.keyOffset, QStringLiteral("\"path\" must not be empty"));
        out->taskPaths.push_back(text);
    }
    return true;
}

//! A million events fill about 90 MB at once: on Linux, ask for 2 MB pages there, which spares
//! the kernel tens of thousands of page faults (a third of the load time on a virtual machine).
void adviseHugePages(const void *data, std::size_t bytes)
{
#ifdef Q_OS_LINUX
    constexpr std::uintptr_t Page = 4096;
    constexpr std::size_t HugePage = std::size_t(2) << 20;
    const std::uintptr_t start = (reinterpret_cast<std::uintptr_t>(data) + Page - 1) & ~(Page - 1);
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(data) + bytes;
    if (end > start + 2 * HugePage)
        madvise(reinterpret_cast<void *>(start), end - start, MADV_HUGEPAGE);  // advice only: failure changes nothing
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

bool readEvents(RowReader &rows, qint64 events, qsizetype bytesLeft, Recording *out)
{
    // A hostile header may announce millions of events in a small file: reserve what fits.
    constexpr qsizetype MinEventBytes = 36;
    out->events.reserve(std::size_t(std::min<qint64>(events, bytesLeft / MinEventBytes + 1)));
    adviseHugePages(out->events.data(), out->events.capacity() * sizeof(TraceEvent));
    std::vector<bool> spawned(out->taskPaths.size(), false);
    EventReader r(rows, spawned);
    qint64 lastTime = 0;
    for (qint64 index = 0; index < events; ++index) {
        rows.setRecord("event", index);
        if (rows.atEnd())
            return rows.fail(rows.offset(), LoaderWords::tr("the file ends after %1 of %2 events (it is truncated)").arg(index).arg(events));
        if (!rows.read())
            return false;
        r.restart();
        TraceEvent event;
        qint64 task = 0;
        if (!r.integer("seq", 0, RecordingLoader::MaxEvents, &event.seq))
            return false;
        if (event.seq != index)
            return rows.fail(rows.field(0).keyOffset, QStringLiteral("\"seq\" is %1 where %2 was expected (events are numbered from 0 without gaps)").arg(event.seq).arg(index));
        if (!r.integer("t", lastTime, RecordingLoader::MaxTime, &event.t)) {
            if (rows.fieldCount() > 1 && rows.field(1).value.type == Value::Type::Int && rows.field(1).value.number < lastTime)
                return rows.fail(rows.field(1).keyOffset, QStringLiteral("\"t\" is %1, before the previous event's %2 (time never goes back)").arg(rows.field(1).value.number).arg(lastTime));
            return false;
        }
        lastTime = event.t;
        if (!r.integer("task", 0, qint64(spawned.size()) - 1, &task))
            return false;
        event.task = int(task);
        const Field *kind = r.next("ev");
        if (!kind)
            return false;
        const int kindIndex = kind->value.type == Value::Type::String && !kind->value.escaped ? nameIndex(kind->value.raw, EventNames) : -1;
        if (kindIndex < 0)
            return rows.fail(kind->keyOffset, QStringLiteral("\"ev\": unknown event kind (docs/trace-format.md lists them)"));
        event.kind = EventKind(kindIndex);
        if (event.kind == EventKind::Spawn) {
            if (spawned[std::size_t(task)])
                return rows.fail(rows.field(2).keyOffset, LoaderWords::tr("task %1 is spawned a second time").arg(task));
        } else if (!spawned[std::size_t(task)]) {
            return rows.fail(rows.field(2).keyOffset, LoaderWords::tr("an event of task %1 before its spawn").arg(task));
        }
        if (!readEventFields(r, &event) || !r.end())
            return false;
        if (event.kind == EventKind::Spawn)
            spawned[std::size_t(task)] = true;
        out->events.push_back(std::move(event));
    }
    return true;
}

} // namespace

std::optional<Recording> RecordingLoader::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open the recording: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        *error = QStringLiteral("%1: %2 bytes is more than a recording may have (%3)").arg(path).arg(file.size()).arg(MaxFileBytes);
        return std::nullopt;
    }
    // Mapped, not copied: a million events are read in place.
    if (file.size() > 0) {
        if (uchar *mapped = file.map(0, file.size())) {
            const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), qsizetype(file.size()));
            return parse(bytes, path, error);
        }
    }
    const QByteArray bytes = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("%1: cannot read the recording: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (bytes.size() > MaxFileBytes) {
        *error = QStringLiteral("%1: more bytes than a recording may have (%2)").arg(path).arg(MaxFileBytes);
        return std::nullopt;
    }
    return parse(bytes, path, error);
}

std::optional<Recording> RecordingLoader::parse(const QByteArray &bytes, const QString &sourceName, QString *error)
{
    if (bytes.isEmpty()) {
        *error = QStringLiteral("%1:1:1: header: the file is empty (not a Cascade recording)").arg(sourceName);
        return std::nullopt;
    }
    const qsizetype newline = bytes.indexOf('\n');
    if (newline < 0 || newline > MaxHeaderBytes) {
        *error = QStringLiteral("%1:1:1: header: %2").arg(sourceName, newline < 0 ? LoaderWords::tr("the first line does not end (the file is truncated or not a recording)")
                                                                                   : LoaderWords::tr("the first line is longer than %1 bytes").arg(MaxHeaderBytes));
        return std::nullopt;
    }
    Recording recording;
    qint64 tasks = 0;
    qint64 events = 0;
    HeaderReader header(sourceName, &recording);
    if (!header.read(QByteArray::fromRawData(bytes.constData(), newline), &tasks, &events)) {
        *error = header.error();
        return std::nullopt;
    }
    RowReader rows(bytes.constData(), bytes.size(), newline + 1, 2, sourceName, MaxStringBytes);
    if (!readTasks(rows, tasks, bytes.size() - rows.offset(), &recording) || !readEvents(rows, events, bytes.size() - rows.offset(), &recording)) {
        *error = rows.error();
        return std::nullopt;
    }
    if (!rows.atEnd()) {
        rows.setRecord("event", events);
        rows.fail(rows.offset(), LoaderWords::tr("more lines after the last event (the header says %1 tasks and %2 events)").arg(tasks).arg(events));
        *error = rows.error();
        return std::nullopt;
    }
    // A scenario this version cannot load leaves the recording viewable; replaying it says why.
    QString scenarioError;
    recording.scenario = ScenarioLoader::parse(recording.scenarioJson.toUtf8(), sourceName + QStringLiteral(" (scenario)"), &scenarioError);
    if (!recording.scenario)
        recording.scenarioError = scenarioError;
    return recording;
}

} // namespace cascade
