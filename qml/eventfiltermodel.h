#pragma once

#include "eventlogmodel.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <vector>

namespace cascade {

//! The event log filtered by task, by kind and to its warnings, for the log panel and the inspector.
//!
//! Not a QSortFilterProxyModel: that one filters every row again whenever its source resets, and
//! the log resets on every seek, which in a run of a million events took most of a second. This
//! one tests the raw events (a task's subtree is decided once per task, a kind is an enum) of the
//! whole run once per filter and run, and since the log only ever shows a prefix of that run, the
//! rows it shows are found by a binary search: a seek either way costs no filtering at all.
//! Without a filter it passes the rows through.
class EventFilterModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::EventLogModel *sourceModel READ sourceModel WRITE setSourceModel NOTIFY sourceModelChanged)
    //! Events of this task and its descendants; empty for all tasks.
    Q_PROPERTY(QString task READ task WRITE setTask NOTIFY filterChanged)
    //! One event kind ("cancel-request"); empty for all kinds.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged)
    //! Only the events where a warning becomes true (EventLogModel's warning role).
    Q_PROPERTY(bool warningsOnly READ warningsOnly WRITE setWarningsOnly NOTIFY filterChanged)
    //! How a reset of the log (a seek) reaches views. False (the default): as rows removed or
    //! inserted at the end, so that a view showing the first rows keeps its delegates. True: as a
    //! reset, for a view that follows the end, where a seek changes every row in view anyway (and
    //! Qt 6.4's ListView, removing the rows in view while following the end, went on to make
    //! delegates for every row between the old end and the new).
    Q_PROPERTY(bool resetsOnSeek READ resetsOnSeek WRITE setResetsOnSeek NOTIFY resetsOnSeekChanged)

public:
    explicit EventFilterModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    [[nodiscard]] EventLogModel *sourceModel() const { return m_source; }
    void setSourceModel(EventLogModel *source);
    [[nodiscard]] QString task() const { return m_task; }
    void setTask(const QString &task);
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] bool warningsOnly() const { return m_warningsOnly; }
    void setWarningsOnly(bool on);
    [[nodiscard]] bool resetsOnSeek() const { return m_resetsOnSeek; }
    void setResetsOnSeek(bool resets);

Q_SIGNALS:
    void sourceModelChanged();
    void filterChanged();
    void resetsOnSeekChanged();

private:
    //! The log's row shown at `row` of this model.
    [[nodiscard]] int sourceRow(int row) const;
    [[nodiscard]] bool filtering() const { return !m_task.isEmpty() || !m_kind.isEmpty() || m_warningsOnly; }
    [[nodiscard]] bool accepts(const TraceEvent &event);
    //! The rows (of the source's `shown`) this model shows: tests the whole run first when the
    //! filter or the run changed since.
    [[nodiscard]] int rowsFor(int shown);
    void refilter();
    void sourceAboutToReset();
    void sourceReset();
    void sourceRowsInserted();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    QPointer<EventLogModel> m_source;
    QString m_task;
    QString m_kind;
    std::optional<EventKind> m_kindValue;  // m_kind parsed; none for an unknown name (nothing matches)
    bool m_warningsOnly = false;
    std::vector<int> m_accepted;        // the rows of the whole run the filter accepts, in order
    bool m_acceptedValid = false;
    quint64 m_generation = 0;           // the source's run that m_accepted and m_taskAccepted are about
    std::vector<qint8> m_taskAccepted;  // by task id: -1 not decided yet, 0 no, 1 yes
    int m_rows = 0;                     // the rows announced to views
    bool m_resetsOnSeek = false;
};

} // namespace cascade
