#include "eventlogmodel.h"

#include "tracedescription.h"

namespace cascade {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceEvent &event = eventAt(index.row());
    const EventKind kind = event.kind;
    switch (role) {
    case SeqRole:
        return event.seq;
    case TimeRole:
        return event.t;
    case TaskRole:
        return m_path(event.task);
    case KindRole:
        return QString::fromLatin1(eventKindName(kind));
    case Qt::DisplayRole:
    case DetailRole: {
        // The JSON record without the fields the other columns already show.
        const QString record = QString::fromUtf8(traceEventToJson(event, m_path));
        const qsizetype fields = record.indexOf(QStringLiteral("\"ev\":"));
        const qsizetype afterKind = fields >= 0 ? record.indexOf(QLatin1Char(','), fields) : -1;
        return afterKind >= 0 ? record.mid(afterKind + 1).chopped(1) : QString();
    }
    case DescriptionRole:
        return describeTraceEvent(event, m_path);
    case FromRole:
        return (kind == EventKind::CancelRequest || kind == EventKind::CancelBlocked) && event.other >= 0
                   ? m_path(event.other) : QString();
    case CauseRole:
        return kind == EventKind::CancelRequest ? QString::fromLatin1(cancelCauseName(CancelCause(event.code))) : QString();
    case BlockedByRole:
        return kind == EventKind::CancelBlocked ? QString::fromLatin1(blockedByName(BlockedBy(event.code))) : QString();
    case OutcomeRole:
        return kind == EventKind::End ? QString::fromLatin1(outcomeName(Outcome(event.code))) : QString();
    case CancelledRole:
        return kind == EventKind::Checkpoint && event.code == 1;
    case ErrorRole:
        return kind == EventKind::End || kind == EventKind::Raise || kind == EventKind::Catch ? event.text : QString();
    case AtRole:
        return kind == EventKind::CancelDeliver ? event.text : QString();
    case CleanupRole:
        return kind == EventKind::CleanupEnter || kind == EventKind::CleanupExit ? event.text : QString();
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
    if (row < 0 || row >= m_shown)
        return {};
    const QModelIndex at = index(row);
    return {{QStringLiteral("seq"), at.data(SeqRole)}, {QStringLiteral("time"), at.data(TimeRole)},
            {QStringLiteral("task"), at.data(TaskRole)}, {QStringLiteral("kind"), at.data(KindRole)},
            {QStringLiteral("description"), at.data(DescriptionRole)}};
}

void EventLogModel::setTrace(const std::vector<TraceEvent> *events, TaskPathResolver path)
{
    beginResetModel();
    m_events = events;
    m_path = std::move(path);
    m_shown = 0;
    endResetModel();
}

void EventLogModel::retarget(const std::vector<TraceEvent> *events, TaskPathResolver path)
{
    Q_ASSERT(events && qint64(events->size()) >= m_shown);
    m_events = events;
    m_path = std::move(path);
}

void EventLogModel::show(qint64 count)
{
    count = m_events ? std::clamp<qint64>(count, 0, qint64(m_events->size())) : 0;
    if (count == m_shown)
        return;
    if (count > m_shown) {
        beginInsertRows({}, m_shown, int(count) - 1);
        m_shown = int(count);
        endInsertRows();
        return;
    }
    beginResetModel();
    m_shown = int(count);
    endResetModel();
}

void EventLogModel::resetTo(qint64 count)
{
    beginResetModel();
    m_shown = m_events ? int(std::clamp<qint64>(count, 0, qint64(m_events->size()))) : 0;
    endResetModel();
}

} // namespace cascade
