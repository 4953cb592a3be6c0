#pragma once

#include "captionlistmodel.h"
#include "narration.h"
#include "session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cascade {

//! A lesson's narration over a session's playback (docs/teaching.md, "In the window"): when the
//! run is made, the scenario's captions and predict questions are matched against the whole trace
//! once (NarrationMatcher); then it follows the playhead. Captions shown so far are in `captions`
//! (the latest is `currentCaption`); with `pauseAtCaptions`, playing pauses right after a caption
//! that asks for it. In `predictMode` the session is held before each event that has a question
//! (Session::setHoldBefore): the question is asked (`asking`, `question`, `choices`), answer()
//! takes the learner's choice and says whether it was right, proceed() shows the event and goes
//! on. The score (PredictScore) counts the first answer to each question; it starts again with
//! another scenario or runtime.
class NarrationPlayer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! The language of the captions and questions: "en" or "ko" (bind to Localization.language).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool pauseAtCaptions READ pauseAtCaptions WRITE setPauseAtCaptions NOTIFY pauseAtCaptionsChanged)
    Q_PROPERTY(bool predictMode READ predictMode WRITE setPredictMode NOTIFY predictModeChanged)

    Q_PROPERTY(cascade::CaptionListModel *captions READ captions CONSTANT)
    //! How many captions and questions this run has (written for its runtime, and placed in it).
    Q_PROPERTY(int captionTotal READ captionTotal NOTIFY narrationChanged)
    Q_PROPERTY(int questionTotal READ questionTotal NOTIFY narrationChanged)
    //! How many captions are shown so far (the rows of `captions`).
    Q_PROPERTY(int captionCount READ captionCount NOTIFY captionsChanged)
    //! The latest caption shown ("" before the first) and its event's virtual time and seq.
    Q_PROPERTY(QString currentCaption READ currentCaption NOTIFY captionsChanged)
    Q_PROPERTY(qint64 currentCaptionTime READ currentCaptionTime NOTIFY captionsChanged)
    Q_PROPERTY(qint64 currentCaptionSeq READ currentCaptionSeq NOTIFY captionsChanged)

    //! A question is being asked: the session waits before its event.
    Q_PROPERTY(bool asking READ asking NOTIFY questionChanged)
    Q_PROPERTY(int questionNumber READ questionNumber NOTIFY questionChanged)  // 1-based, in this run
    Q_PROPERTY(QString question READ question NOTIFY questionChanged)
    Q_PROPERTY(QStringList choices READ choices NOTIFY questionChanged)
    //! The learner's choice this time (-1 before answering), and once answered, the right one,
    //! whether the choice was right and the explanation.
    Q_PROPERTY(int chosen READ chosen NOTIFY questionChanged)
    Q_PROPERTY(bool answered READ answered NOTIFY questionChanged)
    Q_PROPERTY(int rightChoice READ rightChoice NOTIFY questionChanged)
    Q_PROPERTY(bool correct READ correct NOTIFY questionChanged)
    Q_PROPERTY(QString explanation READ explanation NOTIFY questionChanged)
    //! The question was answered before (after a step back): only that first answer counts.
    Q_PROPERTY(bool askedBefore READ askedBefore NOTIFY questionChanged)

    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY scoreChanged)
    Q_PROPERTY(int correctCount READ correctCount NOTIFY scoreChanged)

public:
    explicit NarrationPlayer(QObject *parent = nullptr);
    ~NarrationPlayer() override;

    //! Takes the learner's choice (0-based) for the question being asked; once per asking.
    Q_INVOKABLE void answer(int choice);
    //! Leaves the question (answered or not) and shows its event; playing goes on if it was
    //! playing, unless that event has a caption to pause at.
    Q_INVOKABLE void proceed();

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool pauseAtCaptions() const { return m_pauseAtCaptions; }
    void setPauseAtCaptions(bool on);
    [[nodiscard]] bool predictMode() const { return m_predictMode; }
    void setPredictMode(bool on);

    [[nodiscard]] CaptionListModel *captions() { return &m_captions; }
    [[nodiscard]] int captionTotal() const { return int(m_captions.captions().size()); }
    [[nodiscard]] int questionTotal() const { return int(m_questions.size()); }
    [[nodiscard]] int captionCount() const { return m_captions.rowCount(); }
    [[nodiscard]] QString currentCaption() const;
    [[nodiscard]] qint64 currentCaptionTime() const;
    [[nodiscard]] qint64 currentCaptionSeq() const;

    [[nodiscard]] bool asking() const { return m_asking >= 0; }
    [[nodiscard]] int questionNumber() const { return m_asking + 1; }
    [[nodiscard]] QString question() const;
    [[nodiscard]] QStringList choices() const;
    [[nodiscard]] int chosen() const { return m_chosen; }
    [[nodiscard]] bool answered() const { return m_chosen >= 0; }
    [[nodiscard]] int rightChoice() const;
    [[nodiscard]] bool correct() const { return answered() && m_chosen == rightChoice(); }
    [[nodiscard]] QString explanation() const;
    [[nodiscard]] bool askedBefore() const { return m_askedBefore; }
    [[nodiscard]] int answeredCount() const { return m_score.answeredCount(); }
    [[nodiscard]] int correctCount() const { return m_score.correctCount(); }

    //! A question placed in the run: asked before the event `seq`.
    struct PlacedQuestion {
        qint64 seq = -1;
        int index = -1;  // in Scenario::questions
        PredictQuestion question;
    };
    [[nodiscard]] const std::vector<PlacedQuestion> &questions() const { return m_questions; }
    //! The event the session is held before (-1: none), as last set.
    [[nodiscard]] qint64 hold() const { return m_session ? m_session->holdBefore() : -1; }

Q_SIGNALS:
    void sessionChanged();
    void languageChanged();
    void pauseAtCaptionsChanged();
    void predictModeChanged();
    void narrationChanged();
    void captionsChanged();
    void questionChanged();
    void scoreChanged();

private:
    //! Matches the narration against the run the session has just made.
    void rebuild();
    //! Follows the playhead: the captions shown, a question the session moved away from, the hold.
    void follow();
    //! Where the session must stop next: before the next question, after the next pausing caption.
    void updateHold();
    void onHeld(qint64 seq, bool wasPlaying);
    void ask(int position, bool resume);
    void stopAsking();
    void clearScore();
    [[nodiscard]] QString inLanguage(const LocalizedText &text) const;
    [[nodiscard]] bool pausesAt(qint64 seq) const;

    QPointer<Session> m_session;
    QString m_language = QStringLiteral("en");
    bool m_pauseAtCaptions = true;
    bool m_predictMode = false;
    CaptionListModel m_captions;
    std::vector<PlacedQuestion> m_questions;  // in the order of their events
    int m_asking = -1;           // position in m_questions, -1 when none is asked
    int m_chosen = -1;
    bool m_askedBefore = false;
    bool m_resume = false;       // the question stopped play: play again after it
    qint64 m_letThrough = -1;    // the event whose questions are done: not held until the playhead moves
    PredictScore m_score;
    Runtime m_scoredRuntime = Runtime::Asyncio;
};

} // namespace cascade
