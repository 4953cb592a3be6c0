// NarrationPlayer over a Session: every lesson stepped through its captions and predict questions
// in both languages, captions that pause play, questions asked before their event while stepping
// and while playing, and the score that counts first answers.

#include "modeltesthelpers.h"
#include "narrationplayer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cascade;

namespace {

constexpr int PlayTimeoutMs = 20'000;  // generous: playing is paced by a wall-clock timer
constexpr int MaxSteps = 100'000;

//! A session on `lesson` under its first runtime, with a player over it.
struct Narrated {
    Session session;
    NarrationPlayer player;
    explicit Narrated(const QString &lesson, bool predict = false, bool pause = true)
    {
        player.setPauseAtCaptions(pause);
        player.setPredictMode(predict);
        ok = session.open(lesson);
        player.setSession(&session);
    }
    //! Steps until a question is asked; false when the run ends first.
    bool stepToQuestion()
    {
        for (int i = 0; i < MaxSteps && !player.asking() && !session.finished(); ++i)
            session.stepEvent();
        return player.asking();
    }
    [[nodiscard]] const NarrationPlayer::PlacedQuestion &asked() const
    {
        return player.questions()[std::size_t(player.questionNumber() - 1)];
    }
    bool ok = false;
};

} // namespace

class TestNarrationPlayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLessonNarratesInBothLanguages_data() { testing::addLessonRuntimeRows(); }
    void everyLessonNarratesInBothLanguages();
    void captionsFollowStepsBackAndActions();
    void playPausesAfterACaptionThatAsksForIt();
    void predictWhilePlaying();
    void onlyTheFirstAnswerCounts();
    void predictModeOffLetsTheEventThrough();
    void theScoreStartsAgainWithAnotherLesson();
    void withoutNarrationNothingIsHeld();
};

void TestNarrationPlayer::everyLessonNarratesInBothLanguages()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QVERIFY2(runtime >= 0, qPrintable(lesson));
    Narrated n(lesson, true);
    QVERIFY(n.ok);
    QAbstractItemModelTester tester(n.player.captions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    n.session.setRuntime(runtimeName(Runtime(runtime)));
    QVERIFY(n.session.unavailable().isEmpty());
    const Scenario &scenario = *n.session.scenario();

    // The player places what the whole-run check places: every caption and question once.
    const NarrationPlan plan = planNarration(scenario, Runtime(runtime), n.session.trace(), n.session.paths());
    QVERIFY2(plan.problems().isEmpty(), qPrintable(plan.problems().join(u'\n')));
    const auto placed = [](const std::vector<NarrationPlacement> &list) {
        return int(std::count_if(list.begin(), list.end(), [](const NarrationPlacement &p) { return p.seq >= 0; }));
    };
    QCOMPARE(n.player.captionTotal(), placed(plan.captions));
    QCOMPARE(n.player.questionTotal(), placed(plan.questions));
    QVERIFY(n.player.captionTotal() >= 3);
    QVERIFY(n.player.questionTotal() >= 1);

    int asked = 0;
    for (int i = 0; i < MaxSteps && !n.session.finished(); ++i) {
        if (n.player.asking()) {
            const NarrationPlayer::PlacedQuestion &q = n.asked();
            QCOMPARE(n.session.shownEvents(), q.seq);  // the event it asks about is not shown yet
            QCOMPARE(q.seq, qint64(plan.questions[std::size_t(q.index)].seq));
            QVERIFY(n.player.choices().size() >= 2);
            n.player.setLanguage("ko");
            QCOMPARE(n.player.question(), q.question.question.ko);
            QCOMPARE(n.player.choices().constFirst(), q.question.choices.front().ko);
            n.player.setLanguage("en");
            QCOMPARE(n.player.question(), q.question.question.en);
            QVERIFY(!n.player.question().isEmpty() && !q.question.question.ko.isEmpty());
            QCOMPARE(n.player.rightChoice(), -1);  // not before the answer
            n.player.answer(q.question.answer);
            QVERIFY(n.player.correct());
            QVERIFY(!n.player.explanation().isEmpty());
            ++asked;
            n.player.proceed();
            QVERIFY(!n.player.asking());
            QCOMPARE(n.session.shownEvents(), q.seq + 1);
            continue;
        }
        const int before = n.player.captionCount();
        n.session.stepEvent();
        // A caption appears with its event, never before or after it.
        for (int row = before; row < n.player.captionCount(); ++row)
            QCOMPARE(n.player.captions()->index(row).data(CaptionListModel::SeqRole).toLongLong(), n.session.shownEvents() - 1);
    }
    QVERIFY(n.session.finished());
    QCOMPARE(asked, n.player.questionTotal());
    QCOMPARE(n.player.answeredCount(), asked);
    QCOMPARE(n.player.correctCount(), asked);
    QCOMPARE(n.player.captionCount(), n.player.captionTotal());

    // Every caption in both languages, each in the order of its event.
    qint64 previous = -1;
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("ko")}) {
        n.player.setLanguage(language);
        for (int row = 0; row < n.player.captionCount(); ++row) {
            const QModelIndex at = n.player.captions()->index(row);
            const Caption &caption = scenario.captions[std::size_t(n.player.captions()->captions()[std::size_t(row)].index)];
            QCOMPARE(at.data(CaptionListModel::TextRole).toString(), language == "ko" ? caption.text.ko : caption.text.en);
            QVERIFY(!caption.text.ko.isEmpty() && !caption.text.en.isEmpty());
            if (language == "en") {
                QVERIFY(at.data(CaptionListModel::SeqRole).toLongLong() >= previous);
                previous = at.data(CaptionListModel::SeqRole).toLongLong();
            }
        }
        QCOMPARE(n.player.currentCaption(),
                 n.player.captions()->index(n.player.captionCount() - 1).data(CaptionListModel::TextRole).toString());
    }
}

void TestNarrationPlayer::captionsFollowStepsBackAndActions()
{
    Narrated n("kotlin-cancel-join");
    QVERIFY(n.ok);
    QAbstractItemModelTester tester(n.player.captions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&n.player, &NarrationPlayer::captionsChanged);
    QVERIFY(changed.isValid());
    while (n.player.captionCount() < 2 && !n.session.finished())
        n.session.stepEvent();
    QCOMPARE(n.player.captionCount(), 2);
    const qint64 second = n.player.currentCaptionSeq();
    QCOMPARE(n.session.shownEvents(), second + 1);
    QVERIFY(!changed.isEmpty());

    n.session.stepBack();  // the second caption's event is no longer shown
    QCOMPARE(n.player.captionCount(), 1);
    QVERIFY(n.player.currentCaptionSeq() < second);
    n.session.stepEvent();
    QCOMPARE(n.player.captionCount(), 2);

    n.session.restart();
    QCOMPARE(n.player.captionCount(), 1);  // the first is on an event at 0 ms

    // A user action makes the run again after the events shown: the captions shown stay, and
    // the run goes on differently (here the user's request is the one the caption is on).
    for (int i = 0; i < 3; ++i)
        n.session.stepEvent();
    const QString first = n.player.currentCaption();
    n.session.cancelTask("main/job");
    QVERIFY(n.player.captionCount() >= 1);
    QCOMPARE(n.player.captions()->get(0).value("text").toString(), first);
    QCOMPARE(n.player.captions()->rowCount(), n.player.captionCount());
    for (int i = 0; i < MaxSteps && !n.session.finished(); ++i)
        n.session.stepEvent();
    QCOMPARE(n.player.captionCount(), n.player.captionTotal());
}

void TestNarrationPlayer::playPausesAfterACaptionThatAsksForIt()
{
    Narrated n("swift-make-soup");
    QVERIFY(n.ok);
    std::vector<qint64> pauses;
    for (const PlacedCaption &caption : n.player.captions()->captions()) {
        if (caption.pause && caption.seq >= n.session.shownEvents())
            pauses.push_back(caption.seq);
    }
    QCOMPARE(pauses.size(), std::size_t(3));
    n.session.setSpeed(10);
    for (qint64 seq : pauses) {
        n.session.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(!n.session.playing(), PlayTimeoutMs);
        QCOMPARE(n.session.shownEvents(), seq + 1);  // right after the caption's event
        QCOMPARE(n.player.currentCaptionSeq(), seq);
    }
    // Stepping is never held by a caption.
    const qint64 shown = n.session.shownEvents();
    n.session.stepEvent();
    QCOMPARE(n.session.shownEvents(), shown + 1);
    n.session.stepBack();
    n.session.stepBack();  // before the last pausing caption again
    QVERIFY(!n.session.finished());

    n.player.setPauseAtCaptions(false);
    n.session.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(n.session.finished(), PlayTimeoutMs);
    QCOMPARE(n.player.captionCount(), n.player.captionTotal());
}

void TestNarrationPlayer::predictWhilePlaying()
{
    Narrated n("swift-make-soup", true, false);
    QVERIFY(n.ok);
    QCOMPARE(n.player.questionTotal(), 2);
    QSignalSpy question(&n.player, &NarrationPlayer::questionChanged);
    QVERIFY(question.isValid());
    n.session.setSpeed(10);
    n.session.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(n.player.asking(), PlayTimeoutMs);
    QVERIFY(!n.session.playing());
    const NarrationPlayer::PlacedQuestion first = n.asked();
    QCOMPARE(n.player.questionNumber(), 1);
    QCOMPARE(n.session.shownEvents(), first.seq);
    QCOMPARE(n.session.paths()(n.session.trace()[std::size_t(first.seq)].task), "main/makeSoup/marinate");

    const int wrong = (first.question.answer + 1) % int(first.question.choices.size());
    n.player.answer(wrong);
    QVERIFY(n.player.answered());
    QVERIFY(!n.player.correct());
    QCOMPARE(n.player.chosen(), wrong);
    QCOMPARE(n.player.rightChoice(), first.question.answer);
    QCOMPARE(n.player.explanation(), first.question.explanation.en);
    QCOMPARE(n.player.answeredCount(), 1);
    QCOMPARE(n.player.correctCount(), 0);
    n.player.answer(first.question.answer);  // a second click changes nothing
    QCOMPARE(n.player.chosen(), wrong);

    // Going on shows the event, and play goes on from there to the next question.
    n.player.proceed();
    QCOMPARE(n.session.shownEvents(), first.seq + 1);
    QVERIFY(n.session.playing());
    QTRY_VERIFY_WITH_TIMEOUT(n.player.asking(), PlayTimeoutMs);
    QCOMPARE(n.player.questionNumber(), 2);
    QCOMPARE(n.session.shownEvents(), n.asked().seq);
    n.player.answer(n.asked().question.answer);
    QVERIFY(n.player.correct());
    QCOMPARE(n.player.correctCount(), 1);
    QCOMPARE(n.player.answeredCount(), 2);

    // With pausing on, a question's event that has a caption to pause at does not play on.
    n.player.setPauseAtCaptions(true);
    QVERIFY(std::any_of(n.player.captions()->captions().begin(), n.player.captions()->captions().end(),
                        [&](const PlacedCaption &c) { return c.seq == n.asked().seq && c.pause; }));
    n.player.proceed();
    QVERIFY(!n.session.playing());
    QVERIFY(!question.isEmpty());
}

void TestNarrationPlayer::onlyTheFirstAnswerCounts()
{
    Narrated n("kotlin-cancel-join", true);
    QVERIFY(n.ok);
    QVERIFY(n.stepToQuestion());
    QVERIFY(!n.player.askedBefore());
    const NarrationPlayer::PlacedQuestion q = n.asked();
    n.player.answer((q.question.answer + 1) % int(q.question.choices.size()));
    n.player.proceed();
    QCOMPARE(n.session.shownEvents(), q.seq + 1);

    // Back before the event: stepping on asks again, and the right answer now scores nothing.
    n.session.stepBack();
    QCOMPARE(n.session.shownEvents(), q.seq);
    QVERIFY(!n.player.asking());
    n.session.stepEvent();
    QVERIFY(n.player.asking());
    QVERIFY(n.player.askedBefore());
    n.player.answer(q.question.answer);
    QVERIFY(n.player.correct());
    QCOMPARE(n.player.correctCount(), 0);
    QCOMPARE(n.player.answeredCount(), 1);

    // A restart keeps the score too.
    n.player.proceed();
    n.session.restart();
    QCOMPARE(n.player.answeredCount(), 1);
}

void TestNarrationPlayer::predictModeOffLetsTheEventThrough()
{
    Narrated n("swift-make-soup", true);
    QVERIFY(n.ok);
    QVERIFY(n.stepToQuestion());
    const qint64 seq = n.asked().seq;
    QCOMPARE(n.player.hold(), seq);
    n.session.stepEvent();  // held: nothing moves while the question is open
    QCOMPARE(n.session.shownEvents(), seq);
    QVERIFY(n.player.asking());

    n.player.setPredictMode(false);
    QVERIFY(!n.player.asking());
    QCOMPARE(n.player.hold(), -1);
    n.session.stepEvent();
    QCOMPARE(n.session.shownEvents(), seq + 1);
    QCOMPARE(n.player.answeredCount(), 0);

    // Switched on again: the next question holds; a seek past it asks nothing.
    n.player.setPredictMode(true);
    const qint64 next = n.player.questions().back().seq;
    QCOMPARE(n.player.hold(), next);
    n.session.seekToEvent(int(next + 1));
    QVERIFY(!n.player.asking());
    QCOMPARE(n.player.hold(), -1);
}

void TestNarrationPlayer::theScoreStartsAgainWithAnotherLesson()
{
    Narrated n("kotlin-cancel-join", true);
    QVERIFY(n.ok);
    QSignalSpy score(&n.player, &NarrationPlayer::scoreChanged);
    QVERIFY(score.isValid());
    QVERIFY(n.stepToQuestion());
    n.player.answer(n.asked().question.answer);
    QCOMPARE(n.player.correctCount(), 1);
    QVERIFY(n.session.open("swift-make-soup"));
    QVERIFY(!n.player.asking());
    QCOMPARE(n.player.answeredCount(), 0);
    QCOMPARE(n.player.correctCount(), 0);
    QCOMPARE(n.player.questionTotal(), 2);
    QVERIFY(score.size() >= 2);
}

void TestNarrationPlayer::withoutNarrationNothingIsHeld()
{
    // A scenario of one's own has no captions or questions: the player stays out of the way.
    Scenario scenario;
    QString error;
    const auto lesson = Lessons::loadLessonOrFile("kotlin-cancel-join", &error);
    QVERIFY2(lesson, qPrintable(error));
    scenario = *lesson;
    scenario.captions.clear();
    scenario.questions.clear();
    Session session;
    NarrationPlayer player;
    player.setPredictMode(true);
    player.setSession(&session);
    session.openScenario(scenario, "mine.json");
    QCOMPARE(player.captionTotal(), 0);
    QCOMPARE(player.questionTotal(), 0);
    QCOMPARE(player.hold(), -1);
    QVERIFY(player.currentCaption().isEmpty());
    for (int i = 0; i < MaxSteps && !session.finished(); ++i)
        session.stepEvent();
    QVERIFY(session.finished());
    QVERIFY(!player.asking());
}

QTEST_MAIN(TestNarrationPlayer)

#include "tst_narrationplayer.moc"
