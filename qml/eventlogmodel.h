#pragma once

#include "trace.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! Trace events as they happen, for the event log. Rows are only ever appended (or all cleared).
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Session")

public:
    enum Roles { SeqRole = Qt::UserRole + 1, TimeRole, TaskRole, KindRole, DetailRole };

    explicit EventLogModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    void append(const TraceEvent &event, const TaskPathResolver &path);
    void clear();

private:
    struct Row {
        qint64 seq;
        qint64 t;
        QString task;
        QString kind;
        QString detail;
    };
    QList<Row> m_rows;
};

} // namespace cascade
