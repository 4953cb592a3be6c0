#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! The event log filtered by task, by kind and to its warnings, for the log panel and the inspector.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    //! Events of this task and its descendants; empty for all tasks.
    Q_PROPERTY(QString task READ task WRITE setTask NOTIFY filterChanged)
    //! One event kind ("cancel-request"); empty for all kinds.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged)
    //! Only the events where a warning becomes true (EventLogModel's warning role).
    Q_PROPERTY(bool warningsOnly READ warningsOnly WRITE setWarningsOnly NOTIFY filterChanged)

public:
    explicit EventFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString task() const { return m_task; }
    void setTask(const QString &task);
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] bool warningsOnly() const { return m_warningsOnly; }
    void setWarningsOnly(bool on);

Q_SIGNALS:
    void filterChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_task;
    QString m_kind;
    bool m_warningsOnly = false;
};

} // namespace cascade
