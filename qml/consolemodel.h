#pragma once

#include "trace.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cascade {

//! What the tasks printed among the first `shown` events of a run: one row a line, for the console.
//! A view over the session's events like EventLogModel: it keeps only where the prints are, finds
//! how many are shown by a binary search and announces the difference at the end (rows appended or
//! removed, or a reset for a long jump), so a seek in a run of a million events does not lay out
//! the whole text again.
class ConsoleModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Session")

public:
    enum Roles {
        TextRole = Qt::UserRole + 1,  // "1000 ms  main/worker: hello", as the console shows it
        TimeRole,
        TaskRole,     // the printing task's path
        MessageRole,  // what it printed
        SeqRole,
    };

    explicit ConsoleModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! Views another run, showing none of it yet (a reset). `events` must outlive the view or be
    //! replaced before it goes.
    void setTrace(const std::vector<TraceEvent> *events, TaskPathResolver path);
    //! Points at another copy of the same prefix (a run made again): the lines shown stay.
    void retarget(const std::vector<TraceEvent> *events, TaskPathResolver path);
    //! Shows the lines printed by the first `eventCount` events of the run.
    void showEvents(qint64 eventCount);
    void clear() { setTrace(nullptr, {}); }

    //! The lines shown as one text, each ending in a newline (copying, tests).
    [[nodiscard]] QString text() const;
    //! One line as the console shows it.
    [[nodiscard]] QString lineAt(int row) const;

private:
    void indexPrints();
    //! Changes of more lines than this are a reset (a seek), fewer are rows added or taken away.
    static constexpr int ResetAbove = 200;

    const std::vector<TraceEvent> *m_events = nullptr;
    TaskPathResolver m_path;
    std::vector<qint64> m_prints;  // the positions of the run's print events, in order
    int m_shown = 0;               // lines shown: the first m_shown of m_prints
};

} // namespace cascade
