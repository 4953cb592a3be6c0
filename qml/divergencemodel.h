#pragma once

#include "tracecompare.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cascade {

//! The divergences of two runs (core/tracecompare.h) as a list for QML, in time order.
class DivergenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by RunComparison")

public:
    enum Roles {
        AtRole = Qt::UserRole + 1,  // virtual ms where it begins
        TaskRole,                   // the task's path
        KindRole,                   // state, outcome, end-time, only-in
        FirstRole,                  // what the left run shows, in words
        SecondRole,                 // what the right run shows
        TextRole,                   // both as one line
    };

    explicit DivergenceModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! Replaces the list (one reset).
    void setDivergences(std::vector<Divergence> divergences);
    [[nodiscard]] const std::vector<Divergence> &divergences() const { return m_divergences; }

private:
    std::vector<Divergence> m_divergences;
};

} // namespace cascade
