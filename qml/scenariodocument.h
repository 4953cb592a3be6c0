#pragma once

#include "scenario.h"
#include "scenarioedit.h"
#include "session.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUndoStack>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cascade {



//! The scenario being edited: opens and saves files, applies edits (core/scenarioedit) as undoable
//! commands, and hands every new version to the Session, which restarts its run at t = 0.
//! Task paths may be spec paths ("main/chop") or runtime paths ("main/chop[2]").
class ScenarioDocument : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY modifiedChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY filePathChanged)
    Q_PROPERTY(bool untitled READ untitled NOTIFY filePathChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY filePathChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(QStringList runtimes READ runtimes NOTIFY scenarioChanged)
    //! Every task definition, depth first: {specPath, name, depth, startedBy, shielded, timeoutMs (-1: none), count}.
    Q_PROPERTY(QVariantList outline READ outline NOTIFY scenarioChanged)
    //! Where file dialogs start: the document's folder, else Documents (if it exists), else home.
    Q_PROPERTY(QUrl folder READ folder NOTIFY filePathChanged)
    //! The largest timeout the editor's spin box can hold (the format allows more than an int).
    Q_PROPERTY(int maxTimeoutMs READ maxTimeoutMs CONSTANT)

public:
    explicit ScenarioDocument(QObject *parent = nullptr);
    ~ScenarioDocument() override;

    [[nodiscard]] const Scenario &scenario() const { return m_scenario; }
    [[nodiscard]] QByteArray toJson() const;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] bool canUndo() const { return m_undo.canUndo(); }
    [[nodiscard]] bool canRedo() const { return m_undo.canRedo(); }
    [[nodiscard]] QString undoText() const { return m_undo.undoText(); }
    [[nodiscard]] QString redoText() const { return m_undo.redoText(); }
    [[nodiscard]] bool modified() const { return !m_undo.isClean(); }
    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] bool untitled() const { return m_filePath.isEmpty(); }
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] QStringList runtimes() const;
    [[nodiscard]] QVariantList outline() const;
    [[nodiscard]] static int maxTimeoutMs();
    [[nodiscard]] QUrl folder() const;

    // Files. Each returns false and sets `error` on failure, leaving the document as it was.
    Q_INVOKABLE void newScenario();
    Q_INVOKABLE bool open(const QString &pathOrUrl);
    //! A built-in lesson, as an untitled copy: Save asks for a file.
    Q_INVOKABLE bool openLesson(const QString &id);
    //! What the command line passes: a lesson id, a scenario file or a recording.
    Q_INVOKABLE bool openLessonOrFile(const QString &idOrPath);
    //! Opens a recording in the session (Session::openRecording) and shows its scenario as an
    //! untitled copy named after the file, without making the run again: edits then work on it
    //! (and restart the run, as any edit does). False with `error` set when it cannot be read.
    Q_INVOKABLE bool openRecording(const QString &pathOrUrl);
    //! An autosaved document back: its scenario, its file (or the lesson it copies) and whether it
    //! had unsaved edits. With `keepRun` the session keeps the run it shows (a restored recording
    //! of that scenario) instead of starting it again.
    void restoreDocument(Scenario scenario, const QString &filePath, const QString &copyOf, bool modified, bool keepRun);
    //! The lesson or recording an untitled document copies ("" for a new one or a file).
    [[nodiscard]] QString copyOf() const { return m_copyOf; }
    //! A path or a file: URL as a local path.
    [[nodiscard]] static QString localPath(const QString &pathOrUrl);
    //! What openLessonOrFile opens as a recording: a .jsonl file, or one that starts with a
    //! recording's header line (docs/recording-format.md).
    [[nodiscard]] static bool isRecordingFile(const QString &path);
    //! False (with nothing written) for an untitled document: use saveAs.
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString &pathOrUrl);
    //! The file Save As would write for what the user typed: ".json" is added when missing.
    Q_INVOKABLE QString savePathFor(const QString &typed) const;
    //! Why savePathFor(typed) cannot be written ("" when it can; replacing a file is allowed).
    Q_INVOKABLE QString savePathProblem(const QString &typed) const;
    //! A first suggestion for Save As: the current file, or <folder>/<scenario id>.json.
    Q_INVOKABLE QString suggestedSavePath() const;

    Q_INVOKABLE void undo() { m_undo.undo(); }
    Q_INVOKABLE void redo() { m_undo.redo(); }

    // Edits: true when the scenario changed (or the edit was already so); false with `error` set.
    //! Returns the new task's spec path, "" on failure.
    Q_INVOKABLE QString addChild(const QString &path, bool structured, const QString &nameSuggestion = QStringLiteral("task"));
    Q_INVOKABLE bool removeTask(const QString &path);
    Q_INVOKABLE bool renameTask(const QString &path, const QString &newName);
    Q_INVOKABLE bool moveTask(const QString &path, int delta);
    Q_INVOKABLE bool setShield(const QString &path, bool shielded);
    Q_INVOKABLE bool setTimeout(const QString &path, qint64 ms);
    Q_INVOKABLE bool clearTimeout(const QString &path);
    Q_INVOKABLE bool setRuntimes(const QStringList &names);
    Q_INVOKABLE bool setDefaultRuntime(const QString &name);
    //! Replaces the task's body (steps in the file format): "" when done, else why not, with the
    //! place in the steps ("cannot change the steps of main/a: steps/1/ms: must be ...").
    //! The contract the inspector's step editor uses, with steps().
    Q_INVOKABLE QString setSteps(const QString &path, const QJsonArray &steps);

    // Questions the editor asks before it offers an edit.
    //! "" when newName can be the task's name, else why not.
    Q_INVOKABLE QString checkNewName(const QString &path, const QString &newName) const;
    //! {valid, error, specPath, isRoot, shielded, timeoutMs (-1: none), startedBy, indexInStep, tasksInStep}
    Q_INVOKABLE QVariantMap taskFacts(const QString &path) const;
    //! The task's body in the file format ([] for an unknown task).
    Q_INVOKABLE QJsonArray steps(const QString &path) const;
    //! Why each task edit cannot be made on `path` under `runtime` ("" when it can), asked of
    //! core (ScenarioEdit::unavailableReason): addChild, addUnstructured, rename, remove, moveUp,
    //! moveDown, shield (toggles), timeout, clearTimeout. An edit that would add a step the
    //! runtime cannot run gets that runtime's reason (a shield under Swift: "Swift has no shield; ...").
    Q_INVOKABLE QVariantMap editAvailability(const QString &path, const QString &runtime) const;
    //! The steps the runtime cannot express, each with the reason.
    Q_INVOKABLE QStringList unsupportedSteps(const QString &runtime) const;

Q_SIGNALS:
    void sessionChanged();
    void undoStateChanged();
    void modifiedChanged();
    void filePathChanged();
    void errorChanged();
    void statusChanged();
    //! A new version of the scenario: an edit, undo, redo, open or new.
    void scenarioChanged();

private:
    friend class ScenarioChange;

    //! Pushes the edit as an undoable command; false (with `error`) when it failed.
    bool apply(const EditResult &result, const QString &text);
    //! Sets the current version (commands call this on redo / undo); the session plays it unless
    //! `keepRun` (it already shows this scenario's run).
    void show(const Scenario &scenario, bool edit, bool keepRun = false);
    //! `copyOf`: the lesson an untitled document copies ("" for a new one); with a file path, unused.
    void replaceDocument(Scenario scenario, const QString &filePath, const QString &copyOf, bool keepRun = false);
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool fail(const QString &message);
    void setStatus(const QString &status);
    [[nodiscard]] std::optional<QString> specPath(const QString &path, QString *error) const;

    Scenario m_scenario;
    QUndoStack m_undo;
    QPointer<Session> m_session;
    QString m_filePath;       // empty: untitled
    QString m_copyOf;         // the lesson an untitled copy was made from
    QString m_error;
    QString m_status;
};

} // namespace cascade
