#pragma once

#include "trace.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! The task tree flattened in depth-first order, with each task's state as the trace shows it.
//! Updated incrementally from trace events: a spawn inserts a row under its parent, later events
//! change that row only.
class TaskListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Session")

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
    };

    explicit TaskListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! Everything the inspector shows about one task (empty when there is no such task yet).
    Q_INVOKABLE [[nodiscard]] QVariantMap info(const QString &path) const;
    Q_INVOKABLE [[nodiscard]] int rowOfPath(const QString &path) const;

    void apply(const TraceEvent &event, const TaskPathResolver &path);
    void clear();

private:
    struct Row {
        int taskId = -1;
        int parentId = -1;
        int depth = 0;
        QString name;
        QString path;
        QString state = QStringLiteral("not-started");
        QString detail;
        QString link;
        qint64 pendingSince = -1;
        bool delivered = false;
    };
    [[nodiscard]] int rowOf(int taskId) const;
    QList<Row> m_rows;
    QHash<int, int> m_rowByTask;  // task id -> row
};

} // namespace cascade
