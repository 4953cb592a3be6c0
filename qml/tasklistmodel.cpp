#include "tasklistmodel.h"

namespace cascade {

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case PathRole:
        return row.path;
    case DepthRole:
        return row.depth;
    case StateRole:
        return row.state;
    case DetailRole:
        return row.detail;
    case LinkRole:
        return row.link;
    case PendingSinceRole:
        return row.pendingSince;
    case DeliveredRole:
        return row.delivered;
    default:
        return {};
    }
}

QHash<int, QByteArray> TaskListModel::roleNames() const
{
    return {{NameRole, "name"},   {PathRole, "path"}, {DepthRole, "depth"},
            {StateRole, "state"}, {DetailRole, "detail"}, {LinkRole, "link"},
            {PendingSinceRole, "pendingSince"}, {DeliveredRole, "delivered"}};
}

int TaskListModel::rowOfPath(const QString &path) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).path == path)
            return int(i);
    }
    return -1;
}

QVariantMap TaskListModel::info(const QString &path) const
{
    const int at = rowOfPath(path);
    if (at < 0)
        return {};
    const Row &row = m_rows.at(at);
    return {{QStringLiteral("name"), row.name},       {QStringLiteral("path"), row.path},
            {QStringLiteral("state"), row.state},     {QStringLiteral("detail"), row.detail},
            {QStringLiteral("link"), row.link},       {QStringLiteral("pendingSince"), row.pendingSince},
            {QStringLiteral("delivered"), row.delivered}, {QStringLiteral("depth"), row.depth}};
}

int TaskListModel::rowOf(int taskId) const
{
    return m_rowByTask.value(taskId, -1);
}

void TaskListModel::apply(const TraceEvent &event, const TaskPathResolver &path)
{
    if (event.kind == EventKind::Spawn) {
        Row row;
        row.taskId = event.task;
        row.parentId = event.other;
        row.path = path(event.task);
        row.name = row.path.section(QLatin1Char('/'), -1);
        row.link = event.code == quint8(LinkCode::Child) ? QStringLiteral("child") : QStringLiteral("unstructured");
        // Insert after the parent's last descendant so the list reads as a tree.
        int at = int(m_rows.size());
        const int parentRow = rowOf(event.other);
        if (parentRow >= 0) {
            row.depth = m_rows.at(parentRow).depth + 1;
            at = parentRow + 1;
            while (at < m_rows.size() && m_rows.at(at).depth > m_rows.at(parentRow).depth)
                ++at;
        }
        beginInsertRows({}, at, at);
        m_rows.insert(at, row);
        // Only the rows after the new one move; a spawn at the end (the usual case) moves none.
        for (qsizetype i = at; i < m_rows.size(); ++i)
            m_rowByTask.insert(m_rows.at(i).taskId, int(i));
        endInsertRows();
        return;
    }
    const int at = rowOf(event.task);
    if (at < 0)
        return;
    Row &row = m_rows[at];
    switch (event.kind) {
    case EventKind::Start:
    case EventKind::Resume:
    case EventKind::CleanupExit:
        row.state = QStringLiteral("running");
        row.detail.clear();
        break;
    case EventKind::Suspend:
        row.state = QStringLiteral("suspended");
        row.detail = event.text;
        break;
    case EventKind::Work:
        row.state = QStringLiteral("cpu");
        row.detail = QStringLiteral("%1 ms of CPU work").arg(event.ms);
        break;
    case EventKind::CancelRequest:
        if (row.pendingSince < 0 && !row.delivered)
            row.pendingSince = event.t;
        break;
    case EventKind::CancelDeliver:
        row.pendingSince = -1;
        row.delivered = true;
        row.state = QStringLiteral("unwinding");
        row.detail = QStringLiteral("delivered at %1").arg(event.text);
        break;
    case EventKind::CleanupEnter:
        row.state = QStringLiteral("cleanup");
        row.detail = event.text;
        break;
    case EventKind::End: {
        const Outcome outcome = Outcome(event.code);
        const bool timedOut = event.text.startsWith(QLatin1String("Timeout"));
        row.state = timedOut ? QStringLiteral("timed-out") : QString::fromLatin1(outcomeName(outcome));
        row.detail = event.text;
        row.pendingSince = -1;
        break;
    }
    default:
        return;
    }
    const QModelIndex changed = index(at);
    Q_EMIT dataChanged(changed, changed);
}

void TaskListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowByTask.clear();
    endResetModel();
}

} // namespace cascade
