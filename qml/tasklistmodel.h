#pragma once

#include "taskstates.h"
#include "trace.h"
#include "warnings.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! The task tree flattened in depth-first order, with each task's state as the trace shows it.
//! It can start from a plan (every task a run will spawn, "not-started", `spawned` false): a
//! spawn then turns the planned row into a spawned one. Updated incrementally from trace events:
//! a spawn nobody planned inserts a row under its parent, later events change that row only.
//! The states come from core's TaskStates (the one derivation of state from events); the model
//! adds the rows, their order and the plan. The run's warnings (core/warnings.h) show on their
//! task once their event has been applied, in the language of `language`.
class TaskListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Session")
    //! The language of the warnings' words: "en" or "ko".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        PathRole,
        DepthRole,
        StateRole,      // not-started, running, suspended, cpu, cleanup, completed, cancelled, failed, timed-out
        DetailRole,     // what it waits on, its error
        LinkRole,       // child / unstructured
        PendingSinceRole,  // virtual ms of an undelivered cancel request, -1 when none
        DeliveredRole,
        SpawnedRole,    // false for a planned task the run has not spawned (yet)
        ShieldedRole,   // a shield is on (shield-on / shield-off)
        DeadlineRole,   // virtual ms of the earliest deadline set and not cleared, -1 when none
        DeadlineMsRole, // that deadline's limit in ms (for the fraction of time left), 0 when none
        TaskIdRole,     // the task's id in the run (its trace and seek index), -1 for a planned row not spawned yet
        WarningRole,    // the summaries of the warnings shown on it, one a line; "" when none
        WarningKindRole,  // their kinds (warningKindName), separated by spaces; "" when none
    };

    //! A task that a run will spawn, in spawn order: the plan the list starts from.
    struct PlannedTask {
        int taskId = -1;
        int parentId = -1;   // -1 for the root
        QString path;
        bool child = true;   // spawn link "child" (else "unstructured")
        bool operator==(const PlannedTask &) const = default;
    };

    explicit TaskListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! Everything the inspector shows about one task (empty when there is no such task yet);
    //! `warnings` lists the task's shown warnings as {kind, summary, explanation, seq, t}.
    Q_INVOKABLE [[nodiscard]] QVariantMap info(const QString &path) const;
    Q_INVOKABLE [[nodiscard]] int rowOfPath(const QString &path) const;

    void apply(const TraceEvent &event, const TaskPathResolver &path);
    void clear();
    //! Replaces the rows with the planned tasks in depth-first order, none spawned yet.
    void showPlan(const std::vector<PlannedTask> &plan);
    //! The same rows, as they stand after the first `shownEvents` events of the planned run
    //! (`states`, e.g. from a seek index): one reset, for a step back or a seek.
    void showPlanAt(const std::vector<PlannedTask> &plan, const TaskStates &states, qint64 shownEvents);
    //! The warnings of the whole run, in the order they become true: those before event
    //! `shownEvents` show now, each later one when apply() reaches its event.
    void setWarnings(std::vector<TraceWarning> warnings, qint64 shownEvents);

    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);

Q_SIGNALS:
    void languageChanged();

private:
    //! A row is a place in the tree; what the task is doing is in m_states under its task id.
    struct Row {
        int taskId = -1;     // -1 for a planned row not spawned yet
        int parentId = -1;
        int depth = 0;
        QString name;
        QString path;
        QString link;
        bool spawned = true;
        int plannedId = -1;  // the task id in the planned run (showPlanAt)
        bool plannedChild = true;  // the planned spawn link
    };
    //! What a row said before a seek (showPlanAt), to announce only the rows that changed.
    struct RowView {
        bool spawned = false;
        int taskId = -1;
        int parentId = -1;
        QString link;
        TaskState state;
        qsizetype warnings = 0;
    };
    [[nodiscard]] static QString shownDetail(const TaskState &state);
    //! The state shown on a row: the task's, or "not started" for a planned row.
    [[nodiscard]] const TaskState &stateOf(const Row &row) const;
    [[nodiscard]] int rowOf(int taskId) const;
    void spawnRow(const TraceEvent &event, const TaskPathResolver &path);
    //! Says which roles of the event's task changed (TaskStates::apply's flags).
    void announceChanges(const TraceEvent &event, quint16 changes);
    [[nodiscard]] QVariantList warningsOf(const Row &row) const;
    void fillPlan(const std::vector<PlannedTask> &plan);
    //! Every row as its plan has it, spawned by nothing yet (the lookups made again to match).
    void unspawnRows();
    void announceRowsChangedSince(const std::vector<RowView> &before);
    //! How many of the row's task's warnings show.
    [[nodiscard]] qsizetype shownWarnings(const Row &row) const;
    //! Keeps the lookups right for the rows from `first` on (after an insert moved them).
    void reindexFrom(qsizetype first);
    //! Shows the warnings whose event is before `shownEvents`; announces the rows that change.
    void showWarningsBefore(qint64 shownEvents, bool announce);
    [[nodiscard]] QString inLanguage(const LocalizedText &text) const;
    QList<Row> m_rows;
    std::vector<PlannedTask> m_rowsPlan;  // the plan the rows were made from (showPlan, showPlanAt)
    bool m_rowsArePlan = false;           // and they are still just its rows: no spawn added one
    TaskStates m_states;
    QHash<int, int> m_rowByTask;         // task id -> row, for spawned rows
    QHash<QString, int> m_plannedByPath;  // path -> row, for planned rows not spawned yet
    std::vector<TraceWarning> m_warnings;  // the whole run's, in seq order
    QHash<int, QList<qsizetype>> m_warningsOfTask;  // task id -> indexes into m_warnings
    qsizetype m_warningsShown = 0;         // the first ones: their event has been applied
    QString m_language = QStringLiteral("en");
};

} // namespace cascade
