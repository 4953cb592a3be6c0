#pragma once
// A test's view of a list model through its signals alone, the way a QML view sees it.

#include <QAbstractItemModel>
#include <QObject>
#include <QStringList>

#include <algorithm>

namespace cascade::testing {

//! A copy of a list model's data kept only by what its signals announce: equal to the model's
//! data after a change exactly when the model announced every row and role the change touched.
class AnnouncedData {
public:
    explicit AnnouncedData(const QAbstractItemModel *model)
        : m_model(model)
    {
        using M = QAbstractItemModel;
        QObject::connect(model, &M::modelReset, &m_context, [this] { m_rows = read(0, m_model->rowCount() - 1); });
        QObject::connect(model, &M::rowsInserted, &m_context, [this](const QModelIndex &, int first, int last) {
            const QList<QStringList> rows = read(first, last);
            for (int i = 0; i < rows.size(); ++i)
                m_rows.insert(first + i, rows.at(i));
        });
        QObject::connect(model, &M::rowsRemoved, &m_context, [this](const QModelIndex &, int first, int last) {
            m_rows.remove(first, last - first + 1);
        });
        QObject::connect(model, &M::dataChanged, &m_context,
                         [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                             const QList<QStringList> rows = read(topLeft.row(), bottomRight.row());
                             for (int i = 0; i < rows.size(); ++i) {
                                 QStringList &row = m_rows[topLeft.row() + i];
                                 for (int r = 0; r < m_roles.size(); ++r) {
                                     if (roles.isEmpty() || roles.contains(m_roles.at(r)))
                                         row[r] = rows.at(i).at(r);
                                 }
                             }
                         });
        m_roles = model->roleNames().keys();
        std::sort(m_roles.begin(), m_roles.end());
        m_rows = read(0, model->rowCount() - 1);
    }
    [[nodiscard]] QList<QStringList> announced() const { return m_rows; }
    [[nodiscard]] QList<QStringList> now() const { return read(0, m_model->rowCount() - 1); }

private:
    [[nodiscard]] QList<QStringList> read(int first, int last) const
    {
        QList<QStringList> rows;
        for (int row = first; row <= last; ++row) {
            QStringList fields;
            for (int role : m_roles)
                fields << m_model->index(row, 0).data(role).toString();
            rows << fields;
        }
        return rows;
    }

    const QAbstractItemModel *m_model;
    QObject m_context;
    QList<int> m_roles;
    QList<QStringList> m_rows;
};

} // namespace cascade::testing
