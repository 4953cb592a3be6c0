#include "divergencemodel.h"

namespace cascade {

DivergenceModel::DivergenceModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DivergenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_divergences.size());
}

QVariant DivergenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Divergence &divergence = m_divergences[std::size_t(index.row())];
    switch (role) {
    case AtRole: return divergence.at;
    case TaskRole: return divergence.task;
    case KindRole: return divergenceKindName(divergence.kind);
    case FirstRole: return divergence.first;
    case SecondRole: return divergence.second;
    case Qt::DisplayRole:
    case TextRole: return divergence.text();
    default: return {};
    }
}

QHash<int, QByteArray> DivergenceModel::roleNames() const
{
    return {{AtRole, "at"}, {TaskRole, "task"}, {KindRole, "kind"}, {FirstRole, "first"}, {SecondRole, "second"}, {TextRole, "text"}};
}

void DivergenceModel::setDivergences(std::vector<Divergence> divergences)
{
    beginResetModel();
    m_divergences = std::move(divergences);
    endResetModel();
}

} // namespace cascade
