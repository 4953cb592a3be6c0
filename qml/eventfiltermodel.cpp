#include "eventfiltermodel.h"

#include <algorithm>

namespace cascade {

EventFilterModel::EventFilterModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int EventFilterModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source)
        return 0;
    return filtering() ? int(m_accepted.size()) : m_tested;  // the rows announced, not the source's
}

int EventFilterModel::sourceRow(int row) const
{
    return filtering() ? m_accepted[std::size_t(row)] : row;
}

QVariant EventFilterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_source->data(m_source->index(sourceRow(index.row())), role);
}

QHash<int, QByteArray> EventFilterModel::roleNames() const
{
    return EventLogModel::eventRoleNames();  // the same with or without a source: views ask once
}

void EventFilterModel::setSourceModel(EventLogModel *source)
{
    if (source == m_source)
        return;
    beginResetModel();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, &EventFilterModel::sourceAboutToReset);
        connect(m_source, &QAbstractItemModel::modelReset, this, &EventFilterModel::sourceReset);
        connect(m_source, &QAbstractItemModel::rowsInserted, this, &EventFilterModel::sourceRowsInserted);
        connect(m_source, &QAbstractItemModel::dataChanged, this, &EventFilterModel::sourceDataChanged);
        connect(m_source, &QObject::destroyed, this, [this] {
            beginResetModel();  // m_source is null already
            m_accepted.clear();
            m_tested = 0;
            endResetModel();
            Q_EMIT sourceModelChanged();
        });
    }
    m_accepted.clear();
    m_tested = 0;
    follow();
    endResetModel();
    Q_EMIT sourceModelChanged();
}

void EventFilterModel::setTask(const QString &task)
{
    if (task == m_task)
        return;
    m_task = task;
    refilter();
}

void EventFilterModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    EventKind value{};
    m_kindValue = eventKindFromName(kind, &value) ? std::optional(value) : std::nullopt;
    refilter();
}

void EventFilterModel::setWarningsOnly(bool on)
{
    if (on == m_warningsOnly)
        return;
    m_warningsOnly = on;
    refilter();
}

void EventFilterModel::refilter()
{
    beginResetModel();
    m_taskAccepted.clear();
    m_accepted.clear();
    m_tested = 0;
    follow();
    endResetModel();
    Q_EMIT filterChanged();
}

bool EventFilterModel::accepts(int sourceRow)
{
    const TraceEvent &event = (*m_source->trace())[std::size_t(sourceRow)];
    if (m_warningsOnly && !m_source->hasWarningAt(event.seq))
        return false;
    if (!m_kind.isEmpty() && (!m_kindValue || event.kind != *m_kindValue))
        return false;
    if (m_task.isEmpty())
        return true;
    if (event.task < 0)
        return false;
    if (m_generation != m_source->generation()) {
        // Another run: a task id may be another task now.
        m_taskAccepted.clear();
        m_generation = m_source->generation();
    }
    if (std::size_t(event.task) >= m_taskAccepted.size())
        m_taskAccepted.resize(std::size_t(event.task) + 1, -1);
    qint8 &decided = m_taskAccepted[std::size_t(event.task)];
    if (decided < 0) {
        const QString path = m_source->paths()(event.task);
        decided = path == m_task || path.startsWith(m_task + QLatin1Char('/')) ? 1 : 0;
    }
    return decided == 1;
}

int EventFilterModel::follow()
{
    const int shown = m_source ? m_source->rowCount() : 0;
    if (!filtering() || !m_source || !m_source->trace()) {
        m_tested = shown;
        return 0;
    }
    // The log shows a prefix of one run: rows it no longer shows drop off the end.
    if (shown < m_tested) {
        m_accepted.erase(std::lower_bound(m_accepted.begin(), m_accepted.end(), shown), m_accepted.end());
        m_tested = shown;
    }
    const std::size_t before = m_accepted.size();
    for (; m_tested < shown; ++m_tested) {
        if (accepts(m_tested))
            m_accepted.push_back(m_tested);
    }
    return int(m_accepted.size() - before);
}

void EventFilterModel::sourceAboutToReset()
{
    beginResetModel();
}

void EventFilterModel::sourceReset()
{
    follow();
    endResetModel();
}

void EventFilterModel::sourceRowsInserted()
{
    // The log appends at its end (play, step).
    if (!filtering()) {
        const int before = m_tested;
        const int shown = m_source->rowCount();
        if (shown > before) {
            beginInsertRows({}, before, shown - 1);
            m_tested = shown;
            endInsertRows();
        }
        return;
    }
    const int shown = m_source->rowCount();
    const std::size_t before = m_accepted.size();
    std::vector<int> added;
    for (int row = m_tested; row < shown; ++row) {
        if (accepts(row))
            added.push_back(row);
    }
    m_tested = shown;
    if (added.empty())
        return;
    beginInsertRows({}, int(before), int(before + added.size()) - 1);
    m_accepted.insert(m_accepted.end(), added.begin(), added.end());
    endInsertRows();
}

void EventFilterModel::sourceDataChanged(const QModelIndex &, const QModelIndex &, const QList<int> &roles)
{
    // Only the warnings' words change in place (another language, or the run's warnings).
    if (m_warningsOnly && (roles.isEmpty() || roles.contains(EventLogModel::WarningRole))) {
        beginResetModel();
        m_accepted.clear();
        m_tested = 0;
        follow();
        endResetModel();
        return;
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), roles);
}

} // namespace cascade
