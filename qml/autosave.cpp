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

#include <utility>
#include <vector>

namespace cascade {

namespace {

const QString MetaFile = QStringLiteral("autosave.json");
const QString LockFile = QStringLiteral("running.lock");
const QString RecordingPattern = QStringLiteral("^run-(\\d{1,9})\\.recording\\.jsonl$");

//! The run-N.recording.jsonl files in `directory`, by name, with their N.
std::vector<std::pair<QString, int>> recordingFiles(const QString &directory)
{
    static const QRegularExpression pattern(RecordingPattern);
    std::vector<std::pair<QString, int>> files;
    for (const QString &name : QDir(directory).entryList({QStringLiteral("run-*.recording.jsonl")}, QDir::Files)) {
        if (const QRegularExpressionMatch match = pattern.match(name); match.hasMatch())
            files.emplace_back(name, match.captured(1).toInt());
    }
    return files;
}

} // namespace

Autosave::Autosave(QObject *parent)
    : QObject(parent), m_directory(defaultDirectory())
{
    m_timer.setInterval(DefaultIntervalMs);
    m_writer.setMaxThreadCount(1);  // one save at a time, in order
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
    if (m_pending)
        m_pending->waitForFinished();  // it writes into the directory: not after this object is gone
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
    for (const auto &[name, number] : recordingFiles(m_directory))
        m_recordingNumber = std::max(m_recordingNumber, number);
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

//! What one save writes, in this order: the recording (a copy of the file the user opened, or the
//! run written out, or neither when the last one still holds the run), then autosave.json, then
//! the removal of the recordings it no longer names. Made on the GUI thread, written on any.
struct Autosave::SaveJob {
    QString directory;
    qint64 runGeneration = -1;  // the session's run it saves
    QString recordingName;  // "" when no run is shown
    bool newRecording = false;
    QString copyFrom;       // a new recording copied from this file, or
    Session::RecordingMaker run;  // written from this run, made canonical on the writer's thread
    QByteArray meta;
};

Autosave::SaveOutcome Autosave::write(SaveJob job)
{
    SaveOutcome outcome;
    outcome.runGeneration = job.runGeneration;
    outcome.recordingName = job.recordingName;
    outcome.newRecording = job.newRecording;
    const QDir dir(job.directory);
    if (job.newRecording) {
        const QString path = dir.filePath(job.recordingName);
        if (!job.copyFrom.isEmpty()) {
            // A temporary file renamed into place: never half there.
            QFile::remove(path);
            if (!QFile::copy(job.copyFrom, path)) {
                QFile::remove(path);
                outcome.copyFailed = true;
                return outcome;
            }
        } else if (job.run) {
            const bool written = saveRecordingFile(job.run(), path, &outcome.error);
            // The run it read goes back with the outcome: its engine is deleted on the GUI thread.
            outcome.heldRun = std::move(job.run);
            if (!written) {
                outcome.error = tr("cannot autosave: %1").arg(outcome.error);
                return outcome;
            }
        }
    }
    QSaveFile file(dir.filePath(MetaFile));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || file.write(job.meta) != job.meta.size() || !file.commit()) {
        outcome.error = tr("cannot autosave to %1: %2").arg(dir.filePath(MetaFile), file.errorString());
        return outcome;
    }
    // Only now that autosave.json names the new recording may the old ones go.
    removeRecordingsExcept(job.directory, job.recordingName);
    outcome.saved = true;
    return outcome;
}

void Autosave::finishPending()
{
    QFutureWatcher<SaveOutcome> *pending = m_pending.release();
    pending->disconnect(this);
    pending->deleteLater();  // this may run in its own finished()
    // Taken out of the future's store, which the writer's thread may be the last to let go of:
    // the run the outcome holds is released here, on the GUI thread.
    takeOutcome(pending->future().takeResult());
}

bool Autosave::takeOutcome(const SaveOutcome &outcome)
{
    if (outcome.copyFailed) {
        m_copyFailedRun = outcome.runGeneration;  // gone or unreadable since it was opened: the run is written instead
        m_changed = true;
        return false;
    }
    if (!outcome.saved) {
        m_changed = true;
        setError(outcome.error);
        return false;
    }
    if (outcome.newRecording) {
        m_recordingFile = outcome.recordingName;
        m_recordedRun = outcome.runGeneration;
    }
    setError(QString());
    Q_EMIT saved();
    return true;
}

bool Autosave::save(bool inBackground)
{
    if (!active() || m_leftover || !m_document)
        return false;  // a pending restore must not be overwritten before the user decides
    if (m_pending) {
        if (inBackground)
            return true;  // what changed meanwhile is saved by the next tick
        m_pending->waitForFinished();
        finishPending();
    }
    m_changed = false;
    // The whole run as a recording, written again only when the run changed (another scenario,
    // runtime or action); where it was shown is in autosave.json. Not the events shown: scrubbing
    // a run of a million events would write a new file each time.
    SaveJob job;
    job.directory = m_directory;
    job.runGeneration = m_runGeneration;
    QJsonObject meta;
    if (m_session) {
        if (m_recordedRun == job.runGeneration && !m_recordingFile.isEmpty() && QFileInfo::exists(filePath(m_recordingFile))) {
            job.recordingName = m_recordingFile;
        } else if (const QString opened = m_session->runFile(); !opened.isEmpty() && m_copyFailedRun != job.runGeneration) {
            // The run is the recording the user opened: its file is copied, not a million events
            // written out again.
            job.copyFrom = opened;
            job.newRecording = true;
        } else if ((job.run = m_session->recordingMaker(Session::RecordingExtent::WholeRun))) {
            job.newRecording = true;
        }
        if (job.newRecording)
            job.recordingName = QStringLiteral("run-%1.recording.jsonl").arg(++m_recordingNumber);  // taken, whatever comes of it
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
    meta.insert(QStringLiteral("recording"), job.recordingName.isEmpty() ? QJsonValue() : QJsonValue(job.recordingName));
    meta.insert(QStringLiteral("scenario"), QString::fromUtf8(m_document->toJson()));
    job.meta = QJsonDocument(meta).toJson(QJsonDocument::Indented);
    if (!inBackground) {
        const SaveOutcome outcome = write(std::move(job));
        if (outcome.copyFailed) {
            takeOutcome(outcome);
            return save(false);  // the run written out this time
        }
        return takeOutcome(outcome);
    }
    // Files are written off the GUI thread: a copy of tens of megabytes, or only autosave.json,
    // whose QSaveFile syncs to the disk and stalled a scrub by tens of milliseconds.
    m_pending = std::make_unique<QFutureWatcher<SaveOutcome>>();
    connect(m_pending.get(), &QFutureWatcher<SaveOutcome>::finished, this, &Autosave::finishPending);
    // Qt 6.4's QtConcurrent::run copies its callable: the job is shared, and write() takes it, so
    // that no copy left on the writer's thread holds the run.
    m_pending->setFuture(QtConcurrent::run(&m_writer, [job = std::make_shared<SaveJob>(std::move(job))] {
        return write(std::move(*job));
    }));
    return true;
}

void Autosave::removeRecordingsExcept(const QString &directory, const QString &keep)
{
    const QDir dir(directory);
    for (const auto &[name, number] : recordingFiles(directory)) {
        if (name != keep)
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
    removeRecordingsExcept(m_directory, QString());
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
