#include "eventfiltermodel.h"

#include "eventlogmodel.h"

namespace cascade {

EventFilterModel::EventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void EventFilterModel::setTask(const QString &task)
{
    if (task == m_task)
        return;
    m_task = task;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void EventFilterModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void EventFilterModel::setWarningsOnly(bool on)
{
    if (on == m_warningsOnly)
        return;
    m_warningsOnly = on;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_warningsOnly && index.data(EventLogModel::WarningRole).toString().isEmpty())
        return false;
    if (!m_kind.isEmpty() && index.data(EventLogModel::KindRole).toString() != m_kind)
        return false;
    if (m_task.isEmpty())
        return true;
    const QString task = index.data(EventLogModel::TaskRole).toString();
    return task == m_task || task.startsWith(m_task + QLatin1Char('/'));
}

} // namespace cascade
