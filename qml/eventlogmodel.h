#pragma once

#include "trace.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! Trace events as they happen, for the event log and the tree canvas's animation. Rows are only
//! ever appended (or all cleared). Besides the log's columns, each row has the fields the canvas
//! animates, as roles (empty when the event kind has no such field): from, cause, blockedBy,
//! cancelled, outcome, error, at, cleanup (docs/trace-format.md).
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Session")

public:
    enum Roles {
        SeqRole = Qt::UserRole + 1,
        TimeRole,
        TaskRole,
        KindRole,
        DetailRole,
        FromRole,       // cancel-request, cancel-blocked: the requesting task's path ("" for the user or a timer)
        CauseRole,      // cancel-request: user, code, parent, timeout, failure, awaiter, shutdown
        BlockedByRole,  // cancel-blocked: shield, non-cancellable, not-a-child
        CancelledRole,  // checkpoint: true when it raised the cancellation
        OutcomeRole,    // end: completed, cancelled, failed
        ErrorRole,      // end, raise, catch: the error's name
        AtRole,         // cancel-deliver: where
        CleanupRole,    // cleanup-enter, cleanup-exit: finally, defer, onCancel
        DescriptionRole,  // the event in words (describeTraceEvent)
    };

    explicit EventLogModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! One row as {seq, time, task, kind, description}, for QML that shows a single event (the
    //! presenter's caption); {} for a row that does not exist.
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;

    void append(const TraceEvent &event, const TaskPathResolver &path);
    void clear();

private:
    struct Row {
        qint64 seq;
        qint64 t;
        QString task;
        QString kind;
        QString detail;
        QString description;
        QString from;
        QString cause;  // or blockedBy, or outcome: the one coded field of the event's kind
        QString error;  // or at, or cleanup: the one text field of the event's kind
        EventKind eventKind;
        bool cancelled;
    };
    QList<Row> m_rows;
};

} // namespace cascade
