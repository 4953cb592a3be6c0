#pragma once

#include "codegen.h"
#include "session.h"
#include "taskstates.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <set>
#include <vector>

namespace cascade {


//! The session's scenario as code in one language (core/codegen.h), one row per line, and where
//! each task stands in it as the run is played: for every task, the `step` of its last shown event
//! (Engine::stepPointer) names a place of the scenario whose head line it stands on. Follows the
//! playhead incrementally (the new events only) and recomputes on a step back or a seek; a change
//! of where tasks stand is a dataChanged of the lines it touches only. The language follows the
//! session's runtime until one is chosen. A recording shown as recorded has no engine, so no steps:
//! `status` says so and no line is marked.
class CodeViewModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! "python", "kotlin" or "swift". Setting it is the user's choice: the runtime no longer decides.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    //! True while the language follows the session's runtime (until one is chosen; settable back).
    Q_PROPERTY(bool followsRuntime READ followsRuntime WRITE setFollowsRuntime NOTIFY languageChanged)
    //! The line the selected task stands on, 0 when none (not spawned, ended, or nothing runs).
    Q_PROPERTY(int selectedLine READ selectedLine NOTIFY selectedLineChanged)
    //! Why no line is marked, or what the marks follow ("" when they simply follow the run).
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    //! The whole program, and its longest line in monospace columns (for the view's width).
    Q_PROPERTY(QString text READ text NOTIFY codeChanged)
    Q_PROPERTY(int longestLine READ longestLine NOTIFY codeChanged)

public:
    enum Roles {
        TextRole = Qt::UserRole + 1,
        LineNumberRole,
        CheckPointRole,     // a cancellation can be delivered or checked here
        CleanupRole,        // finally / defer / cancellation-handler code
        NoEquivalentRole,   // a comment standing for a construct the language does not have
        TasksHereRole,      // the names of the tasks standing on the line (QStringList, task id order)
        TasksTextRole,      // the same as one short text ("job, main", "chop[0], chop[1] +8")
        SelectedHereRole,   // the selected task stands here
        OccupiedRole,       // some task stands here
        PointerRole,        // the innermost place of the scenario around the line ("" for the program's own)
    };

    explicit CodeViewModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString language() const { return codeLanguageName(m_language); }
    void setLanguage(const QString &name);
    [[nodiscard]] bool followsRuntime() const { return m_followsRuntime; }
    void setFollowsRuntime(bool follows);
    [[nodiscard]] int selectedLine() const;
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] QString text() const { return m_code.text; }
    [[nodiscard]] int longestLine() const { return m_longestLine; }

    //! The line a task stands on (by path), 0 when none.
    Q_INVOKABLE [[nodiscard]] int lineOfTask(const QString &path) const;
    //! Puts the whole program on the clipboard.
    Q_INVOKABLE void copyToClipboard() const;

Q_SIGNALS:
    void sessionChanged();
    void languageChanged();
    void selectedLineChanged();
    void statusChanged();
    void codeChanged();

private:
    void regenerate();
    void followRuntime();
    //! Where every task stands after the events shown, from scratch (a new run, a step back, a seek);
    //! the lines it changes are marked dirty, for announceDirtyLines().
    void recompute();
    //! Applies the events shown since the last call; recomputes when fewer are shown.
    void follow();
    void findSelectedTask();
    void updateStatus();
    //! The line of a location index of the run's engine (walking out to an enclosing place the
    //! language has code for), 0 when none; cached per location.
    [[nodiscard]] int lineOfStep(int step);
    //! Moves a task to `line` (0: nowhere), marking the lines it leaves and reaches.
    void place(int task, int line);
    void announceDirtyLines();

    QPointer<Session> m_session;
    GeneratedCode m_code;
    CodeLanguage m_language = CodeLanguage::Python;
    bool m_followsRuntime = true;
    int m_longestLine = 0;
    QString m_status;

    //! Events a step forward applies one by one; a longer jump (a seek) is recomputed from the index.
    static constexpr qint64 FollowAtMost = 2'000;

    const void *m_trace = nullptr;          // the run the positions below belong to
    qint64 m_applied = 0;                   // events of it applied
    TaskStates m_states;                    // the run's states after m_statesAt events (recompute's)
    qint64 m_statesAt = -1;                 // -1: m_states belong to no run
    std::vector<int> m_stepLines;           // by location index: its line, 0 none, -1 not looked up yet
    std::vector<int> m_taskLines;           // by task id: the line it stands on, 0 none
    std::vector<std::set<int>> m_lineTasks; // by line - 1: the task ids standing there
    std::vector<char> m_dirty;              // by line - 1: its highlight changed since announced
    std::vector<int> m_dirtyLines;
    int m_selectedTask = -1;
    int m_announcedSelectedLine = 0;
};

} // namespace cascade
