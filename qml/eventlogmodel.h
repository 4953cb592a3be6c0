#pragma once

#include "trace.h"
#include "warnings.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cascade {

//! The first `shown` events of a trace, for the event log and the tree canvas's animation: a view
//! over the session's events (they are not copied; every role is read from the event when asked).
//! Showing more events appends rows; showing fewer is a reset (a step back or a seek), which the
//! canvas does not animate. Besides the log's columns, each row has the fields the canvas
//! animates, as roles (empty when the event kind has no such field): from, cause, blockedBy,
//! cancelled, outcome, error, at, cleanup (docs/trace-format.md). A row where a warning of the run
//! becomes true (core/warnings.h) has its summary and paragraph, in the language of `language`.
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Session")
    //! The language of the warnings' words: "en" or "ko".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    enum Roles {
        SeqRole = Qt::UserRole + 1,
        TimeRole,
        TaskRole,
        KindRole,
        DetailRole,
        FromRole,       // cancel-request, cancel-blocked: the requesting task's path ("" for the user or a timer)
        CauseRole,      // cancel-request: user, code, parent, timeout, failure, awaiter, shutdown
        BlockedByRole,  // cancel-blocked: shield, non-cancellable, not-a-child
        CancelledRole,  // checkpoint: true when it raised the cancellation
        OutcomeRole,    // end: completed, cancelled, failed
        ErrorRole,      // end, raise, catch: the error's name
        AtRole,         // cancel-deliver: where
        CleanupRole,    // cleanup-enter, cleanup-exit: finally, defer, onCancel
        DescriptionRole,  // the event in words (describeTraceEvent)
        WarningRole,      // the summaries of the warnings that become true here, one a line; "" when none
        WarningExplanationRole,  // their paragraphs, a blank line between them
    };

    explicit EventLogModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! One row as {seq, time, task, kind, description, warning}, for QML that shows a single event
    //! (the presenter's caption); {} for a row that does not exist.
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;

    //! Views another trace, showing none of it yet (a reset). `events` must outlive the view or
    //! be replaced before it goes.
    void setTrace(const std::vector<TraceEvent> *events, TaskPathResolver path);
    //! Points at another copy of the same prefix (a run made again with one more action): the
    //! rows shown stay and nothing is announced.
    void retarget(const std::vector<TraceEvent> *events, TaskPathResolver path);
    //! Shows the first `count` events: more appends rows (one insert), fewer is a reset.
    void show(qint64 count);
    //! Shows the first `count` events with one reset, whichever way that moves (a seek: nothing
    //! in it is new, so nothing is animated).
    void resetTo(qint64 count);
    void clear() { setTrace(nullptr, {}); }
    //! The warnings of the trace viewed (findWarnings over all of it), each shown with its event's row.
    void setWarnings(std::vector<TraceWarning> warnings);

    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);

    //! For EventFilterModel, which filters the raw events rather than their texts: the run viewed,
    //! its paths, and a number that changes whenever another run or its warnings are viewed
    //! (setTrace, retarget, setWarnings).
    [[nodiscard]] const std::vector<TraceEvent> *trace() const { return m_events; }
    [[nodiscard]] const TaskPathResolver &paths() const { return m_path; }
    [[nodiscard]] quint64 generation() const { return m_generation; }
    [[nodiscard]] bool hasWarningAt(qint64 seq) const;
    [[nodiscard]] static QHash<int, QByteArray> eventRoleNames();

Q_SIGNALS:
    void languageChanged();

private:
    [[nodiscard]] const TraceEvent &eventAt(int row) const { return (*m_events)[std::size_t(row)]; }
    //! The summaries (or paragraphs) of the warnings at event `seq`, in the language chosen.
    [[nodiscard]] QString warningsAt(qint64 seq, bool explanation) const;

    const std::vector<TraceEvent> *m_events = nullptr;
    TaskPathResolver m_path;
    int m_shown = 0;
    quint64 m_generation = 0;
    std::vector<TraceWarning> m_warnings;  // in seq order
    QString m_language = QStringLiteral("en");
};

} // namespace cascade
