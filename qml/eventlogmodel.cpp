#include "eventlogmodel.h"

namespace cascade {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case SeqRole:
        return row.seq;
    case TimeRole:
        return row.t;
    case TaskRole:
        return row.task;
    case KindRole:
        return row.kind;
    case Qt::DisplayRole:
    case DetailRole:
        return row.detail;
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    return {{SeqRole, "seq"}, {TimeRole, "time"}, {TaskRole, "task"}, {KindRole, "kind"}, {DetailRole, "detail"}};
}

void EventLogModel::append(const TraceEvent &event, const TaskPathResolver &path)
{
    // The detail column is the JSON record without the fields the other columns already show.
    QString detail = QString::fromUtf8(traceEventToJson(event, path));
    const qsizetype fields = detail.indexOf(QStringLiteral("\"ev\":"));
    const qsizetype afterKind = fields >= 0 ? detail.indexOf(QLatin1Char(','), fields) : -1;
    detail = afterKind >= 0 ? detail.mid(afterKind + 1).chopped(1) : QString();
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append({event.seq, event.t, path(event.task), QString::fromLatin1(eventKindName(event.kind)), detail});
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace cascade
