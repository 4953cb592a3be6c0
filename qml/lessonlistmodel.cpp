#include "lessonlistmodel.h"

#include "lessons.h"

namespace cascade {

LessonListModel::LessonListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    for (const QString &id : Lessons::ids()) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        if (!scenario)
            continue;  // the lesson tests keep this from happening; never show a broken entry
        QStringList runtimes;
        for (Runtime runtime : scenario->runtimes)
            runtimes << runtimeName(runtime);
        m_entries.append({id, scenario->title.en, scenario->title.ko, runtimes.join(QStringLiteral(", "))});
    }
}

int LessonListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant LessonListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return entry.title;
    case IdRole:
        return entry.id;
    case TitleKoRole:
        return entry.titleKo;
    case RuntimesRole:
        return entry.runtimes;
    default:
        return {};
    }
}

QHash<int, QByteArray> LessonListModel::roleNames() const
{
    return {{IdRole, "lessonId"}, {TitleRole, "title"}, {TitleKoRole, "titleKo"}, {RuntimesRole, "runtimes"}};
}

int LessonListModel::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return int(i);
    }
    return -1;
}

} // namespace cascade
