#include "consolemodel.h"

#include <algorithm>

namespace cascade {

ConsoleModel::ConsoleModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 position = m_prints[std::size_t(index.row())];
    const TraceEvent &event = (*m_events)[std::size_t(position)];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return lineAt(index.row());
    case TimeRole:
        return event.t;
    case TaskRole:
        return m_path(event.task);
    case MessageRole:
        return event.text;
    case SeqRole:
        return position;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsoleModel::roleNames() const
{
    return {{TextRole, "text"}, {TimeRole, "time"}, {TaskRole, "task"}, {MessageRole, "message"}, {SeqRole, "seq"}};
}

void ConsoleModel::setTrace(const std::vector<TraceEvent> *events, TaskPathResolver path)
{
    beginResetModel();
    m_events = events;
    m_path = std::move(path);
    m_shown = 0;
    indexPrints();
    endResetModel();
}

void ConsoleModel::retarget(const std::vector<TraceEvent> *events, TaskPathResolver path)
{
    m_events = events;
    m_path = std::move(path);
    indexPrints();  // the same prefix: the first m_shown prints are where they were
    Q_ASSERT(qsizetype(m_prints.size()) >= m_shown);
}

void ConsoleModel::indexPrints()
{
    m_prints.clear();
    if (!m_events)
        return;
    for (std::size_t i = 0; i < m_events->size(); ++i) {
        if ((*m_events)[i].kind == EventKind::Print)
            m_prints.push_back(qint64(i));
    }
}

void ConsoleModel::showEvents(qint64 eventCount)
{
    const int lines = int(std::lower_bound(m_prints.cbegin(), m_prints.cend(), eventCount) - m_prints.cbegin());
    if (std::abs(lines - m_shown) > ResetAbove) {
        // A view takes a reset of a long list faster than thousands of rows coming or going.
        beginResetModel();
        m_shown = lines;
        endResetModel();
    } else if (lines > m_shown) {
        beginInsertRows({}, m_shown, lines - 1);
        m_shown = lines;
        endInsertRows();
    } else if (lines < m_shown) {
        beginRemoveRows({}, lines, m_shown - 1);
        m_shown = lines;
        endRemoveRows();
    }
}

QString ConsoleModel::lineAt(int row) const
{
    const TraceEvent &event = (*m_events)[std::size_t(m_prints[std::size_t(row)])];
    return QStringLiteral("%1 ms  %2: %3").arg(event.t).arg(m_path(event.task), event.text);
}

QString ConsoleModel::text() const
{
    QString all;
    for (int row = 0; row < m_shown; ++row) {
        all += lineAt(row);
        all += QLatin1Char('\n');
    }
    return all;
}

} // namespace cascade
