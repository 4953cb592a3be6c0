#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! The built-in lessons, for the lesson picker.
class LessonListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Roles { IdRole = Qt::UserRole + 1, TitleRole, TitleKoRole, RuntimesRole };

    explicit LessonListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;
    Q_INVOKABLE [[nodiscard]] int indexOf(const QString &id) const;

private:
    struct Entry {
        QString id;
        QString title;
        QString titleKo;
        QString runtimes;
    };
    QList<Entry> m_entries;
};

} // namespace cascade
