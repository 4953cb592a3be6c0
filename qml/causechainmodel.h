#pragma once

#include "causechain.h"
#include "session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace cascade {

//! "Why was I cancelled": the cause chain of one task (core/causechain.h, explainTask) over the
//! events the session has shown so far, one row per link from the origin to the end, in words of
//! the UI language (translatable strings built from the links' fields). It explains a task that
//! ended cancelled or failed (timed out included), one whose cancel is pending, and one that
//! completed although a cancel reached it (`explains`); other tasks have no rows.
class CauseChainModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! The task explained: its path ("main/makeSoup/chopIngredients/chop[2]").
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY pathChanged)
    //! Set to Localization.language: the words are said again when it changes.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    //! There is a chain to show.
    Q_PROPERTY(bool explains READ explains NOTIFY chainChanged)
    //! "cancelled", "failed", "completed", "running", "not-spawned" (CauseVerdict).
    Q_PROPERTY(QString verdict READ verdict NOTIFY chainChanged)
    //! A timeout is at the origin.
    Q_PROPERTY(bool timedOut READ timedOut NOTIFY chainChanged)
    //! One sentence above the links: "chop[2] was cancelled at 1500 ms. Why:".
    Q_PROPERTY(QString headline READ headline NOTIFY chainChanged)
    //! A remark below them ("" when none): the request was never delivered, no cause in the trace.
    Q_PROPERTY(QString note READ note NOTIFY chainChanged)

public:
    enum Roles {
        SeqRole = Qt::UserRole + 1,  // the link's trace event
        TimeRole,
        TaskRole,    // the path of the task the link is about
        NameRole,    // its last part
        KindRole,    // request, timeout, shutdown, raised, received, delivered, converted, caught, blocked, ended
        TextRole,    // "words": the link in words
        OriginRole,  // the first link
    };

    explicit CauseChainModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString path() const { return m_path; }
    void setPath(const QString &path);
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);

    [[nodiscard]] bool explains() const { return !m_chain.links.empty(); }
    [[nodiscard]] QString verdict() const;
    [[nodiscard]] bool timedOut() const { return m_chain.timedOut(); }
    [[nodiscard]] QString headline() const { return m_headline; }
    [[nodiscard]] QString note() const { return m_note; }

    //! One link in words of the UI language (causechainwords.cpp).
    [[nodiscard]] static QString linkWords(const CauseLink &link, const TaskPathResolver &path);

Q_SIGNALS:
    void sessionChanged();
    void pathChanged();
    void languageChanged();
    void chainChanged();

private:
    //! Explains the task again over the events shown now.
    void recompute();
    //! The playhead moved: explain again only when what is shown of the task changed.
    void follow();
    void say();

    QPointer<Session> m_session;
    QString m_path;
    QString m_language;
    //! Events a step forward looks through for a change; a longer jump (a seek) explains afresh.
    static constexpr qint64 FollowAtMost = 2'000;

    CauseChain m_chain;
    std::unique_ptr<TaskEventLists> m_lists;  // of the current run, made when a task is first explained
    int m_task = -1;               // the task explained, in the current run
    qint64 m_explainedShown = -1;  // the events shown when it was explained
    qint64 m_endSeq = -1;          // its end among them, -1 when it had not ended
    QStringList m_words;           // one per link
    QString m_headline;
    QString m_note;
};

} // namespace cascade
