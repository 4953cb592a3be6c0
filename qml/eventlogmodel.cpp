#include "eventlogmodel.h"

#include "tracedescription.h"

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
    case DescriptionRole:
        return row.description;
    case FromRole:
        return row.from;
    case CauseRole:
        return row.eventKind == EventKind::CancelRequest ? row.cause : QString();
    case BlockedByRole:
        return row.eventKind == EventKind::CancelBlocked ? row.cause : QString();
    case OutcomeRole:
        return row.eventKind == EventKind::End ? row.cause : QString();
    case CancelledRole:
        return row.cancelled;
    case ErrorRole:
        return row.eventKind == EventKind::End || row.eventKind == EventKind::Raise || row.eventKind == EventKind::Catch
                   ? row.error
                   : QString();
    case AtRole:
        return row.eventKind == EventKind::CancelDeliver ? row.error : QString();
    case CleanupRole:
        return row.eventKind == EventKind::CleanupEnter || row.eventKind == EventKind::CleanupExit ? row.error : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    return {{SeqRole, "seq"},        {TimeRole, "time"},   {TaskRole, "task"},         {KindRole, "kind"},
            {DetailRole, "detail"},  {FromRole, "from"},   {CauseRole, "cause"},       {BlockedByRole, "blockedBy"},
            {CancelledRole, "cancelled"}, {OutcomeRole, "outcome"}, {ErrorRole, "error"}, {AtRole, "at"},
            {CleanupRole, "cleanup"}, {DescriptionRole, "description"}};
}

QVariantMap EventLogModel::get(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Row &r = m_rows.at(row);
    return {{QStringLiteral("seq"), r.seq}, {QStringLiteral("time"), r.t}, {QStringLiteral("task"), r.task},
            {QStringLiteral("kind"), r.kind}, {QStringLiteral("description"), r.description}};
}

void EventLogModel::append(const TraceEvent &event, const TaskPathResolver &path)
{
    // The detail column is the JSON record without the fields the other columns already show.
    QString detail = QString::fromUtf8(traceEventToJson(event, path));
    const qsizetype fields = detail.indexOf(QStringLiteral("\"ev\":"));
    const qsizetype afterKind = fields >= 0 ? detail.indexOf(QLatin1Char(','), fields) : -1;
    detail = afterKind >= 0 ? detail.mid(afterKind + 1).chopped(1) : QString();
    QString from;
    QString coded;
    switch (event.kind) {
    case EventKind::CancelRequest:
        coded = QString::fromLatin1(cancelCauseName(CancelCause(event.code)));
        break;
    case EventKind::CancelBlocked:
        coded = QString::fromLatin1(blockedByName(BlockedBy(event.code)));
        break;
    case EventKind::End:
        coded = QString::fromLatin1(outcomeName(Outcome(event.code)));
        break;
    default:
        break;
    }
    if ((event.kind == EventKind::CancelRequest || event.kind == EventKind::CancelBlocked) && event.other >= 0)
        from = path(event.other);
    const bool cancelled = event.kind == EventKind::Checkpoint && event.code == 1;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append({event.seq, event.t, path(event.task), QString::fromLatin1(eventKindName(event.kind)), detail,
                   describeTraceEvent(event, path), from, coded, event.text, event.kind, cancelled});
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace cascade
