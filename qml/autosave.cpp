#include "autosave.h"

#include "recording.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace cascade {

namespace {

const QString MetaFile = QStringLiteral("autosave.json");
const QString LockFile = QStringLiteral("running.lock");
const QString RecordingPattern = QStringLiteral("^run-(\\d{1,9})\\.recording\\.jsonl$");

} // namespace

Autosave::Autosave(QObject *parent)
    : QObject(parent), m_directory(defaultDirectory())
{
    m_timer.setInterval(DefaultIntervalMs);
    m_copyThread.setMaxThreadCount(1);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_changed)
            saveInBackground();
    });
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &Autosave::finish);
}

Autosave::~Autosave()
{
    finish();
    if (m_copy)
        m_copy->waitForFinished();  // it writes into the directory: not after this object is gone
}

QString Autosave::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("autosave"));
}

QString Autosave::filePath(const QString &name) const
{
    return QDir(m_directory).filePath(name);
}

void Autosave::setDocument(ScenarioDocument *document)
{
    if (m_document == document)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_documentConnections))
        disconnect(c);
    m_document = document;
    if (document) {
        m_documentConnections = {
            connect(document, &ScenarioDocument::scenarioChanged, this, &Autosave::markChanged),
            connect(document, &ScenarioDocument::modifiedChanged, this, &Autosave::markChanged),
            connect(document, &ScenarioDocument::filePathChanged, this, &Autosave::markChanged),
        };
    }
    markChanged();
    Q_EMIT documentChanged();
}

void Autosave::setSession(Session *session)
{
    if (m_session == session)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_session = session;
    if (session) {
        m_sessionConnections = {
            connect(session, &Session::runChanged, this, [this] {
                ++m_runGeneration;
                markChanged();
            }),
            connect(session, &Session::progressed, this, &Autosave::markChanged),
            connect(session, &Session::selectedPathChanged, this, &Autosave::markChanged),
        };
    }
    ++m_runGeneration;
    markChanged();
    Q_EMIT sessionChanged();
}

void Autosave::setDirectory(const QString &directory)
{
    if (directory == m_directory)
        return;
    if (active()) {
        setError(tr("the autosave directory cannot change while the app runs"));
        return;
    }
    m_directory = directory;
    Q_EMIT directoryChanged();
}

void Autosave::setInterval(int ms)
{
    ms = std::max(100, ms);
    if (ms == m_timer.interval())
        return;
    m_timer.setInterval(ms);
    Q_EMIT intervalChanged();
}

void Autosave::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

bool Autosave::start()
{
    if (active())
        return true;
    if (!QDir().mkpath(m_directory)) {
        setError(tr("cannot autosave: cannot make the folder %1").arg(m_directory));
        return false;
    }
    const QString lockPath = filePath(LockFile);
    const bool leftBehind = QFileInfo::exists(lockPath);
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0);  // stale only when its process is gone, however old
    if (!lock->tryLock(0))
        return false;  // another Cascade runs and autosaves here
    m_lock = std::move(lock);
    // New recordings are numbered after any left here: a name taken again would be overwritten
    // (or removed before a copy) while the autosave.json left behind still names it.
    static const QRegularExpression pattern(RecordingPattern);
    for (const QString &name : QDir(m_directory).entryList({QStringLiteral("run-*.recording.jsonl")}, QDir::Files)) {
        if (const QRegularExpressionMatch match = pattern.match(name); match.hasMatch())
            m_recordingNumber = std::max(m_recordingNumber, match.captured(1).toInt());
    }
    Q_EMIT activeChanged();
    // The lock was there but its process was not: the last run crashed or was killed.
    if (leftBehind && QFileInfo::exists(filePath(MetaFile))) {
        QString error;
        m_leftover = load(m_directory, &error);
        if (m_leftover)
            Q_EMIT restoreOfferedChanged();
        else if (!error.isEmpty())
            setError(tr("the autosave from the last run cannot be restored: %1").arg(error));
    }
    m_timer.start();
    return true;
}

bool Autosave::saveNow()
{
    return save(false);
}

bool Autosave::saveInBackground()
{
    return save(true);
}

void Autosave::finishCopy(bool thenSave)
{
    QFutureWatcher<bool> *copy = m_copy.release();
    copy->disconnect(this);
    copy->deleteLater();  // this may run in its own finished()
    if (copy->result()) {
        m_recordingFile = m_copyName;
        m_recordedRun = m_copyRun;
    } else {
        m_copyFailedRun = m_copyRun;  // gone or unreadable since it was opened: the run is written
        QFile::remove(filePath(m_copyName));
    }
    if (thenSave)
        save(true);
}

bool Autosave::save(bool copyInBackground)
{
    if (!active() || m_leftover || !m_document)
        return false;  // a pending restore must not be overwritten before the user decides
    if (m_copy) {
        if (copyInBackground)
            return true;  // autosave.json follows the copy under way (finishCopy)
        m_copy->waitForFinished();
        finishCopy(false);
    }
    const bool wasChanged = m_changed;
    m_changed = false;
    // The whole run as a recording, written again only when the run changed (another scenario,
    // runtime or action); where it was shown is in autosave.json. Not the events shown: scrubbing
    // a run of a million events would write a new file each time, a second on the GUI thread.
    QString recordingFile;
    QJsonObject meta;
    if (m_session) {
        if (m_recordedRun == m_runGeneration && !m_recordingFile.isEmpty() && QFileInfo::exists(filePath(m_recordingFile))) {
            recordingFile = m_recordingFile;
        } else {
            const QString name = QStringLiteral("run-%1.recording.jsonl").arg(m_recordingNumber + 1);
            QString error;
            bool written = false;
            if (const QString opened = m_session->runFile(); !opened.isEmpty() && m_copyFailedRun != m_runGeneration) {
                // The run is the recording the user opened: its file is copied (a temporary file
                // renamed, so never half there), not a million events written out again.
                if (copyInBackground) {
                    m_recordingNumber += 1;  // the name is taken, whatever becomes of the copy
                    m_copyName = name;
                    m_copyRun = m_runGeneration;
                    m_changed = true;  // autosave.json is written once the copy is there
                    m_copy = std::make_unique<QFutureWatcher<bool>>();
                    connect(m_copy.get(), &QFutureWatcher<bool>::finished, this, [this] { finishCopy(true); });
                    m_copy->setFuture(QtConcurrent::run(&m_copyThread, [from = opened, to = filePath(name)] {
                        QFile::remove(to);
                        return QFile::copy(from, to);
                    }));
                    return true;
                }
                QFile::remove(filePath(name));
                written = QFile::copy(opened, filePath(name));
            }
            if (!written) {
                if (const std::optional<Recording> recording = m_session->recording(Session::RecordingExtent::WholeRun))
                    written = saveRecordingFile(*recording, filePath(name), &error);
            }
            if (!written && !error.isEmpty()) {
                m_changed = wasChanged;
                setError(tr("cannot autosave: %1").arg(error));
                return false;
            }
            if (written) {
                m_recordingNumber += 1;
                recordingFile = name;
                m_recordingFile = name;
                m_recordedRun = m_runGeneration;
            }
        }
        meta.insert(QStringLiteral("runtime"), m_session->runtime());
        meta.insert(QStringLiteral("shownEvents"), m_session->shownEvents());
        meta.insert(QStringLiteral("now"), m_session->now());
        meta.insert(QStringLiteral("selectedPath"), m_session->selectedPath());
    }
    meta.insert(QStringLiteral("cascade"), QStringLiteral("autosave"));
    meta.insert(QStringLiteral("version"), 1);
    meta.insert(QStringLiteral("filePath"), m_document->filePath());
    meta.insert(QStringLiteral("copyOf"), m_document->copyOf());
    meta.insert(QStringLiteral("modified"), m_document->modified());
    meta.insert(QStringLiteral("recording"), recordingFile.isEmpty() ? QJsonValue() : QJsonValue(recordingFile));
    meta.insert(QStringLiteral("scenario"), QString::fromUtf8(m_document->toJson()));
    QSaveFile file(filePath(MetaFile));
    const QByteArray bytes = QJsonDocument(meta).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_changed = wasChanged;
        setError(tr("cannot autosave to %1: %2").arg(filePath(MetaFile), file.errorString()));
        return false;
    }
    // Only now that autosave.json names the new recording may the old ones go.
    removeRecordingsExcept(recordingFile);
    setError(QString());
    Q_EMIT saved();
    return true;
}

void Autosave::removeRecordingsExcept(const QString &keep) const
{
    static const QRegularExpression pattern(RecordingPattern);
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("run-*.recording.jsonl")}, QDir::Files)) {
        if (name != keep && pattern.match(name).hasMatch())
            QFile::remove(dir.filePath(name));
    }
}

std::optional<Autosave::Contents> Autosave::load(const QString &directory, QString *error)
{
    error->clear();
    const QDir dir(directory);
    const QString metaPath = dir.filePath(MetaFile);
    QFile file(metaPath);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(metaPath, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxMetaBytes) {
        *error = QStringLiteral("%1: larger than %2 bytes").arg(metaPath).arg(MaxMetaBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("%1: not a JSON object (%2)").arg(metaPath, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject meta = document.object();
    const auto bad = [&](const char *key, const char *what) {
        *error = QStringLiteral("%1: \"%2\" %3").arg(metaPath, QLatin1String(key), QLatin1String(what));
        return std::nullopt;
    };
    if (meta.value(QStringLiteral("cascade")).toString() != QLatin1String("autosave"))
        return bad("cascade", "must be \"autosave\"");
    if (meta.value(QStringLiteral("version")).toInt(-1) != 1)
        return bad("version", "must be 1");
    for (const char *key : {"filePath", "copyOf", "scenario"}) {
        if (!meta.value(QLatin1String(key)).isString())
            return bad(key, "must be a string");
    }
    if (!meta.value(QStringLiteral("modified")).isBool())
        return bad("modified", "must be true or false");
    Contents contents;
    contents.filePath = meta.value(QStringLiteral("filePath")).toString();
    contents.copyOf = meta.value(QStringLiteral("copyOf")).toString();
    contents.modified = meta.value(QStringLiteral("modified")).toBool();
    QString problem;
    std::optional<Scenario> scenario = ScenarioLoader::parse(meta.value(QStringLiteral("scenario")).toString().toUtf8(),
                                                             metaPath + QStringLiteral(" (scenario)"), &problem);
    if (!scenario) {
        *error = problem;
        return std::nullopt;
    }
    contents.scenario = std::move(*scenario);
    const QJsonValue recording = meta.value(QStringLiteral("recording"));
    if (recording.isString()) {
        static const QRegularExpression pattern(RecordingPattern);
        if (!pattern.match(recording.toString()).hasMatch())
            return bad("recording", "must name a run-N.recording.jsonl file");
        contents.recordingPath = dir.filePath(recording.toString());
        if (!RecordingLoader::loadFile(contents.recordingPath, &problem)) {
            *error = problem;
            return std::nullopt;
        }
        contents.shownEvents = qint64(meta.value(QStringLiteral("shownEvents")).toDouble(0));
        contents.now = qint64(meta.value(QStringLiteral("now")).toDouble(0));
        contents.selectedPath = meta.value(QStringLiteral("selectedPath")).toString();
    } else if (!recording.isNull()) {
        return bad("recording", "must be a file name or null");
    }
    return contents;
}

QString Autosave::restoreSummary() const
{
    if (!m_leftover)
        return {};
    const Contents &c = *m_leftover;
    const QString name = !c.filePath.isEmpty() ? QFileInfo(c.filePath).fileName()
                         : !c.copyOf.isEmpty() ? tr("%1 (copy)").arg(c.copyOf)
                                               : tr("an untitled scenario");
    QString text = c.modified ? tr("%1, with unsaved edits").arg(name) : name;
    if (!c.recordingPath.isEmpty())
        text += tr("; its run at t = %1 ms (%2 events shown)").arg(c.now).arg(c.shownEvents);
    return text;
}

bool Autosave::restore()
{
    if (!m_leftover || !m_document)
        return false;
    const Contents contents = std::move(*m_leftover);
    m_leftover.reset();
    Q_EMIT restoreOfferedChanged();
    if (!contents.recordingPath.isEmpty() && m_session) {
        if (!m_session->openRecording(contents.recordingPath)) {
            setError(tr("cannot restore the run: %1").arg(m_session->error()));
            m_document->restoreDocument(contents.scenario, contents.filePath, contents.copyOf, contents.modified, false);
            return false;
        }
        m_document->restoreDocument(contents.scenario, contents.filePath, contents.copyOf, contents.modified, true);
        // At the recorded point: the playhead where it was when nothing else happened since the
        // last event shown, else right after that event.
        const TraceIndex *index = m_session->index();
        if (index && index->eventsUntil(contents.now) == contents.shownEvents)
            m_session->seekToTime(contents.now);
        else if (contents.shownEvents > 0)
            m_session->seekToEvent(int(std::min<qint64>(contents.shownEvents, m_session->eventCount()) - 1));
        m_session->setSelectedPath(contents.selectedPath);
    } else {
        m_document->restoreDocument(contents.scenario, contents.filePath, contents.copyOf, contents.modified, false);
    }
    markChanged();
    saveNow();  // what is shown now is the autosave from here on
    return true;
}

void Autosave::discard()
{
    if (!m_leftover)
        return;
    m_leftover.reset();
    Q_EMIT restoreOfferedChanged();
    QFile::remove(filePath(MetaFile));
    removeRecordingsExcept(QString());
    markChanged();
}

void Autosave::finish()
{
    if (!active())
        return;
    m_timer.stop();
    if (!m_leftover)  // an undecided restore is not overwritten (nor offered again: the lock goes)
        saveNow();
    m_lock->unlock();
    m_lock.reset();
    Q_EMIT activeChanged();
}

} // namespace cascade
