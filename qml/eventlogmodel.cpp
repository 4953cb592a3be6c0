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
    case WarningRole:
    case WarningExplanationRole:
        return warningsAt(event.seq, role == WarningExplanationRole);
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    return eventRoleNames();
}

QHash<int, QByteArray> EventLogModel::eventRoleNames()
{
    return {{SeqRole, "seq"},        {TimeRole, "time"},   {TaskRole, "task"},         {KindRole, "kind"},
            {DetailRole, "detail"},  {FromRole, "from"},   {CauseRole, "cause"},       {BlockedByRole, "blockedBy"},
            {CancelledRole, "cancelled"}, {OutcomeRole, "outcome"}, {ErrorRole, "error"}, {AtRole, "at"},
            {CleanupRole, "cleanup"}, {DescriptionRole, "description"},
            {WarningRole, "warning"}, {WarningExplanationRole, "warningExplanation"}};
}

QVariantMap EventLogModel::get(int row) const
{
    if (row < 0 || row >= m_shown)
        return {};
    const QModelIndex at = index(row);
    return {{QStringLiteral("seq"), at.data(SeqRole)}, {QStringLiteral("time"), at.data(TimeRole)},
            {QStringLiteral("task"), at.data(TaskRole)}, {QStringLiteral("kind"), at.data(KindRole)},
            {QStringLiteral("description"), at.data(DescriptionRole)}, {QStringLiteral("warning"), at.data(WarningRole)}};
}

bool EventLogModel::hasWarningAt(qint64 seq) const
{
    const auto it = std::lower_bound(m_warnings.begin(), m_warnings.end(), seq,
                                     [](const TraceWarning &warning, qint64 s) { return warning.seq < s; });
    return it != m_warnings.end() && it->seq == seq;
}

QString EventLogModel::warningsAt(qint64 seq, bool explanation) const
{
    const auto first = std::lower_bound(m_warnings.begin(), m_warnings.end(), seq,
                                        [](const TraceWarning &warning, qint64 s) { return warning.seq < s; });
    QStringList texts;
    for (auto it = first; it != m_warnings.end() && it->seq == seq; ++it) {
        const LocalizedText &text = explanation ? it->explanation : it->summary;
        texts << (m_language == QLatin1String("ko") && !text.ko.isEmpty() ? text.ko : text.en);
    }
    return texts.join(explanation ? QStringLiteral("\n\n") : QStringLiteral("\n"));
}

void EventLogModel::setWarnings(std::vector<TraceWarning> warnings)
{
    ++m_generation;  // what warningsOnly filters may differ beyond the rows shown too
    // A run made again keeps the rows shown (retarget): say so only if their warnings differ.
    auto shownPart = [this](const std::vector<TraceWarning> &list) {
        std::vector<TraceWarning> part;
        for (const TraceWarning &warning : list) {
            if (warning.seq < m_shown)
                part.push_back(warning);
        }
        return part;
    };
    const bool changed = m_shown > 0 && shownPart(m_warnings) != shownPart(warnings);
    m_warnings = std::move(warnings);
    if (changed)
        Q_EMIT dataChanged(index(0), index(m_shown - 1), {WarningRole, WarningExplanationRole});
}

void EventLogModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (m_shown > 0 && !m_warnings.empty())
        Q_EMIT dataChanged(index(0), index(m_shown - 1), {WarningRole, WarningExplanationRole});
    Q_EMIT languageChanged();
}

void EventLogModel::setTrace(const std::vector<TraceEvent> *events, TaskPathResolver path)
{
    beginResetModel();
    m_events = events;
    m_path = std::move(path);
    m_shown = 0;
    m_warnings.clear();
    ++m_generation;
    endResetModel();
}

void EventLogModel::retarget(const std::vector<TraceEvent> *events, TaskPathResolver path)
{
    Q_ASSERT(events && qint64(events->size()) >= m_shown);
    m_events = events;
    m_path = std::move(path);
    ++m_generation;
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
