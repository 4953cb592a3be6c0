#include "eventfiltermodel.h"

#include <algorithm>

namespace cascade {

EventFilterModel::EventFilterModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int EventFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
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
            m_acceptedValid = false;
            m_rows = 0;
            endResetModel();
            Q_EMIT sourceModelChanged();
        });
    }
    m_acceptedValid = false;
    m_rows = rowsFor(m_source ? m_source->rowCount() : 0);
    endResetModel();
    Q_EMIT sourceModelChanged();
}

void EventFilterModel::setTask(const QString &task)
{
    if (task == m_task)
        return;
    m_task = task;
    m_taskAccepted.clear();
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
    m_acceptedValid = false;
    m_rows = rowsFor(m_source ? m_source->rowCount() : 0);
    endResetModel();
    Q_EMIT filterChanged();
}

bool EventFilterModel::accepts(const TraceEvent &event)
{
    if (m_warningsOnly && !m_source->hasWarningAt(event.seq))
        return false;
    if (!m_kind.isEmpty() && (!m_kindValue || event.kind != *m_kindValue))
        return false;
    if (m_task.isEmpty())
        return true;
    if (event.task < 0)
        return false;
    if (std::size_t(event.task) >= m_taskAccepted.size())
        m_taskAccepted.resize(std::size_t(event.task) + 1, -1);
    qint8 &decided = m_taskAccepted[std::size_t(event.task)];
    if (decided < 0) {
        const QString path = m_source->paths()(event.task);
        decided = path == m_task || path.startsWith(m_task + QLatin1Char('/')) ? 1 : 0;
    }
    return decided == 1;
}

int EventFilterModel::rowsFor(int shown)
{
    if (!filtering())
        return shown;
    if (!m_source || !m_source->trace())
        return 0;
    if (!m_acceptedValid || m_generation != m_source->generation()) {
        if (m_generation != m_source->generation())
            m_taskAccepted.clear();  // another run: a task id may be another task now
        m_generation = m_source->generation();
        m_accepted.clear();
        const std::vector<TraceEvent> &events = *m_source->trace();
        for (std::size_t row = 0; row < events.size(); ++row) {
            if (accepts(events[row]))
                m_accepted.push_back(int(row));
        }
        m_acceptedValid = true;
    }
    return int(std::lower_bound(m_accepted.cbegin(), m_accepted.cend(), shown) - m_accepted.cbegin());
}

void EventFilterModel::setResetsOnSeek(bool resets)
{
    if (resets == m_resetsOnSeek)
        return;
    m_resetsOnSeek = resets;
    Q_EMIT resetsOnSeekChanged();
}

void EventFilterModel::sourceAboutToReset()
{
    // The log resets only to another prefix of its run (a seek) or to no rows (a new run): the
    // rows both prefixes share stay as they are, only the end moves.
    if (m_resetsOnSeek)
        beginResetModel();
}

void EventFilterModel::sourceReset()
{
    const int rows = rowsFor(m_source->rowCount());
    if (m_resetsOnSeek) {
        m_rows = rows;
        endResetModel();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    } else if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
}

void EventFilterModel::sourceRowsInserted()
{
    // The log appends at its end (play, step). A run made again keeps the rows shown, so only
    // rows after them can come.
    const int rows = rowsFor(m_source->rowCount());
    if (rows <= m_rows)
        return;
    beginInsertRows({}, m_rows, rows - 1);
    m_rows = rows;
    endInsertRows();
}

void EventFilterModel::sourceDataChanged(const QModelIndex &, const QModelIndex &, const QList<int> &roles)
{
    // Only the warnings' words change in place (another language, or the run's warnings).
    if (m_warningsOnly && (roles.isEmpty() || roles.contains(EventLogModel::WarningRole))) {
        beginResetModel();
        m_acceptedValid = false;
        m_rows = rowsFor(m_source->rowCount());
        endResetModel();
        return;
    }
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0), index(m_rows - 1), roles);
}

} // namespace cascade
