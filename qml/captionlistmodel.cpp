#include "captionlistmodel.h"

namespace cascade {

CaptionListModel::CaptionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CaptionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

QVariant CaptionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlacedCaption &caption = m_captions[std::size_t(index.row())];
    switch (role) {
    case SeqRole:
        return caption.seq;
    case TimeRole:
        return caption.t;
    case TaskRole:
        return caption.task;
    case KindRole:
        return caption.kind;
    case Qt::DisplayRole:
    case TextRole:
        return textOf(caption);
    case PauseRole:
        return caption.pause;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaptionListModel::roleNames() const
{
    return {{SeqRole, "seq"}, {TimeRole, "time"}, {TaskRole, "task"}, {KindRole, "kind"}, {TextRole, "text"},
            {PauseRole, "pause"}};
}

QVariantMap CaptionListModel::get(int row) const
{
    if (row < 0 || row >= m_shown)
        return {};
    const QModelIndex at = index(row);
    return {{QStringLiteral("seq"), at.data(SeqRole)},   {QStringLiteral("time"), at.data(TimeRole)},
            {QStringLiteral("task"), at.data(TaskRole)}, {QStringLiteral("kind"), at.data(KindRole)},
            {QStringLiteral("text"), at.data(TextRole)}, {QStringLiteral("pause"), at.data(PauseRole)}};
}

QString CaptionListModel::textOf(const PlacedCaption &caption) const
{
    const bool korean = m_language == QLatin1String("ko");
    const QString &wanted = korean ? caption.text.ko : caption.text.en;
    return wanted.isEmpty() ? (korean ? caption.text.en : caption.text.ko) : wanted;
}

void CaptionListModel::setCaptions(std::vector<PlacedCaption> captions)
{
    beginResetModel();
    m_captions = std::move(captions);
    m_shown = 0;
    endResetModel();
}

void CaptionListModel::show(int count)
{
    count = std::clamp(count, 0, int(m_captions.size()));
    if (count > m_shown) {
        beginInsertRows({}, m_shown, count - 1);
        m_shown = count;
        endInsertRows();
    } else if (count < m_shown) {
        beginRemoveRows({}, count, m_shown - 1);
        m_shown = count;
        endRemoveRows();
    }
}

void CaptionListModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (m_shown > 0)
        Q_EMIT dataChanged(index(0), index(m_shown - 1), {Qt::DisplayRole, TextRole});
}

} // namespace cascade
