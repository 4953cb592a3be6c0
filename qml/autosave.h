#pragma once

#include "scenario.h"
#include "scenariodocument.h"
#include "session.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

class QLockFile;

namespace cascade {

//! Nothing lost: the document's scenario and the session's run (as a recording of the whole run)
//! are saved every few seconds when something changed and when the app quits, into the user's
//! data directory (QStandardPaths::AppDataLocation/autosave). A lock file marks the app as running
//! and goes on a clean quit; when the next start finds it left behind by a crash or a kill, and an
//! autosave is there, restoreOffered says so and restore() brings the scenario and the run back
//! (its actions, at the recorded point).
//!
//! Every file is written through QSaveFile, and in an order that keeps the set whole at any
//! instant: the recording under a new name first, then autosave.json (which names it), then the
//! recordings no longer named are removed. A kill at any moment leaves the previous autosave or
//! the new one, never a mix and never a half-written file.
class Autosave : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::ScenarioDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! Where the files go; by default AppDataLocation/autosave.
    Q_PROPERTY(QString directory READ directory WRITE setDirectory NOTIFY directoryChanged)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
    //! This instance holds the lock and autosaves (false while another Cascade runs with the same directory).
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(bool restoreOffered READ restoreOffered NOTIFY restoreOfferedChanged)
    //! What the leftover autosave holds, in words, for the dialog that offers it.
    Q_PROPERTY(QString restoreSummary READ restoreSummary NOTIFY restoreOfferedChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit Autosave(QObject *parent = nullptr);
    ~Autosave() override;

    static constexpr int DefaultIntervalMs = 4000;
    static constexpr qint64 MaxMetaBytes = 32 * 1024 * 1024;

    //! What an autosave directory holds, read back and checked.
    struct Contents {
        Scenario scenario;
        QString filePath;        // the document's file, "" for an untitled one
        QString copyOf;          // the lesson or recording an untitled document copies
        bool modified = false;
        QString recordingPath;   // "" when no run was shown (a runtime that cannot run the scenario)
        qint64 shownEvents = 0;
        qint64 now = 0;
        QString selectedPath;
    };
    //! Reads `directory`'s autosave: nullopt with *error empty when there is none, nullopt with
    //! *error set when it cannot be read (every file it names is loaded and checked).
    [[nodiscard]] static std::optional<Contents> load(const QString &directory, QString *error);
    [[nodiscard]] static QString defaultDirectory();

    [[nodiscard]] ScenarioDocument *document() const { return m_document; }
    void setDocument(ScenarioDocument *document);
    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString directory() const { return m_directory; }
    void setDirectory(const QString &directory);
    [[nodiscard]] int interval() const { return m_timer.interval(); }
    void setInterval(int ms);
    [[nodiscard]] bool active() const { return m_lock != nullptr; }
    [[nodiscard]] bool restoreOffered() const { return m_leftover.has_value(); }
    [[nodiscard]] QString restoreSummary() const;
    [[nodiscard]] QString error() const { return m_error; }

    //! Takes the lock (the app runs) and looks for what a crash left; starts saving. False when
    //! another instance holds the lock (this one then saves nothing).
    Q_INVOKABLE bool start();
    //! Saves now, if active and no restore is pending; true when written (or nothing to write).
    //! Waits for a save the timer started.
    Q_INVOKABLE bool saveNow();
    //! What the timer does: saveNow, except that the files are written on the autosave's own
    //! thread (saved() says when they are): a copy of the recording the user opened can be tens
    //! of megabytes, and even autosave.json syncs to the disk. True when written or started.
    bool saveInBackground();
    //! Such a save is under way.
    [[nodiscard]] bool writing() const { return m_pending != nullptr; }
    //! Brings back the leftover autosave: the document, and the run at its recorded point.
    Q_INVOKABLE bool restore();
    //! Forgets the leftover autosave (its files are removed).
    Q_INVOKABLE void discard();
    //! A clean quit: saves, then removes the lock. Also done on QCoreApplication::aboutToQuit.
    Q_INVOKABLE void finish();

Q_SIGNALS:
    void documentChanged();
    void sessionChanged();
    void directoryChanged();
    void intervalChanged();
    void activeChanged();
    void restoreOfferedChanged();
    void errorChanged();
    void saved();

private:
    void markChanged() { m_changed = true; }
    struct SaveJob;
    struct SaveOutcome {
        bool saved = false;
        bool copyFailed = false;  // the opened recording could not be copied (gone, changed, unreadable)
        QString error;
        qint64 runGeneration = -1;  // the job's: the run it saved,
        QString recordingName;    // the recording autosave.json names,
        bool newRecording = false;  // and whether this save wrote it
        Session::RecordingMaker heldRun;  // the run the job wrote, released on the GUI thread
    };
    //! Writes what `job` says, in its order; runs on any thread.
    static SaveOutcome write(SaveJob job);
    bool save(bool inBackground);
    //! The save written on the autosave's thread has finished: its outcome is taken up.
    void finishPending();
    bool takeOutcome(const SaveOutcome &outcome);
    void setError(const QString &error);
    static void removeRecordingsExcept(const QString &directory, const QString &keep);
    [[nodiscard]] QString filePath(const QString &name) const;

    QPointer<ScenarioDocument> m_document;
    QPointer<Session> m_session;
    QList<QMetaObject::Connection> m_documentConnections;
    QList<QMetaObject::Connection> m_sessionConnections;
    QString m_directory;
    QTimer m_timer;
    std::unique_ptr<QLockFile> m_lock;
    std::optional<Contents> m_leftover;
    QString m_error;
    bool m_changed = true;
    int m_recordingNumber = 0;    // the last run-N.recording.jsonl written
    QString m_recordingFile;      // and its name
    qint64 m_runGeneration = 0;   // counts the session's new runs
    qint64 m_recordedRun = -1;    // the run m_recordingFile holds
    // Its own thread for saves, one at a time: not the global pool, whose threads a process
    // forked from this one (the autosave tests' children) would not have.
    QThreadPool m_writer;
    std::unique_ptr<QFutureWatcher<SaveOutcome>> m_pending;  // the save under way (saveInBackground)
    qint64 m_copyFailedRun = -1;  // a run whose file could not be copied: written out instead
};

} // namespace cascade
