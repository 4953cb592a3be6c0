// Session::setHoldBefore: play and step stop before one trace event (the narration's predict
// questions and caption pauses), and say so with held(); seeks, restarts and actions go past it.

#include "session.h"

#include <QSignalSpy>
#include <QTest>

using namespace cascade;

namespace {

constexpr int PlayTimeoutMs = 20'000;  // generous: playing is paced by a wall-clock timer

//! The seq of the first event of `kind` on the task at `path` in the session's run, -1 if none.
qint64 firstEvent(const Session &session, EventKind kind, const QString &path)
{
    for (const TraceEvent &event : session.trace()) {
        if (event.kind == kind && session.paths()(event.task) == path)
            return event.seq;
    }
    return -1;
}

} // namespace

class TestSessionHold : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepStopsBeforeTheHeldEvent();
    void playPausesBeforeTheHeldEvent_data();
    void playPausesBeforeTheHeldEvent();
    void playPressedAtTheHoldStopsAtOnce();
    void seeksAndActionsAreNotHeld();
    void aHoldBehindThePlayheadHoldsNothing();
};

void TestSessionHold::stepStopsBeforeTheHeldEvent()
{
    Session session;
    QVERIFY(session.open("swift-make-soup"));
    QCOMPARE(session.holdBefore(), -1);
    QSignalSpy held(&session, &Session::held);
    QSignalSpy progressed(&session, &Session::progressed);
    QVERIFY(held.isValid() && progressed.isValid());
    const qint64 start = session.shownEvents();
    session.setHoldBefore(start + 2);

    session.stepEvent();
    session.stepEvent();
    QCOMPARE(session.shownEvents(), start + 2);
    QCOMPARE(held.size(), 0);
    QCOMPARE(progressed.size(), 2);

    // The next step would show the held event: nothing moves, and the hold is announced.
    session.stepEvent();
    QCOMPARE(session.shownEvents(), start + 2);
    QCOMPARE(session.events()->rowCount(), int(start + 2));
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.at(0).at(0).toLongLong(), start + 2);
    QCOMPARE(held.at(0).at(1).toBool(), false);  // it was not playing
    QCOMPARE(progressed.size(), 2);

    session.setHoldBefore(-1);
    session.stepEvent();
    QCOMPARE(session.shownEvents(), start + 3);
    QCOMPARE(held.size(), 1);
}

void TestSessionHold::playPausesBeforeTheHeldEvent_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("kind");
    // A quiet moment, and one in the middle of a burst at one instant (the cancel at 1200 ms
    // reaches seven tasks at once).
    QTest::addRow("a delivery 300 ms after the request") << "swift-make-soup" << "main/makeSoup/chopIngredients/chop[2]"
                                                        << "checkpoint";
    QTest::addRow("inside the burst at 1200 ms") << "swift-make-soup" << "main/makeSoup/marinate" << "cancel-request";
    QTest::addRow("kotlin's join") << "kotlin-cancel-join" << "main/job" << "cancel-deliver";
}

void TestSessionHold::playPausesBeforeTheHeldEvent()
{
    QFETCH(QString, lesson);
    QFETCH(QString, task);
    QFETCH(QString, kind);
    Session session;
    QVERIFY(session.open(lesson));
    EventKind eventKind;
    QVERIFY(eventKindFromName(kind, &eventKind));
    qint64 seq = firstEvent(session, eventKind, task);
    if (eventKind == EventKind::Checkpoint) {  // the one that raised the cancellation
        for (const TraceEvent &event : session.trace()) {
            if (event.kind == EventKind::Checkpoint && event.code == 1 && session.paths()(event.task) == task) {
                seq = event.seq;
                break;
            }
        }
    }
    QVERIFY(seq > session.shownEvents());
    session.setHoldBefore(seq);
    QSignalSpy held(&session, &Session::held);
    QVERIFY(held.isValid());

    session.setSpeed(10);
    session.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(!session.playing(), PlayTimeoutMs);
    QCOMPARE(session.shownEvents(), seq);  // every event before it, and not it
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.at(0).at(0).toLongLong(), seq);
    QCOMPARE(held.at(0).at(1).toBool(), true);  // play was stopped
    QVERIFY(session.now() <= session.trace()[std::size_t(seq)].t);

    // Let go: the event is the next one shown, and play reaches the end.
    session.setHoldBefore(-1);
    session.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(session.finished(), PlayTimeoutMs);
    QCOMPARE(held.size(), 1);
}

void TestSessionHold::playPressedAtTheHoldStopsAtOnce()
{
    Session session;
    QVERIFY(session.open("kotlin-cancel-join"));
    const qint64 shown = session.shownEvents();
    session.setHoldBefore(shown);
    QSignalSpy held(&session, &Session::held);
    QSignalSpy playingChanged(&session, &Session::playingChanged);
    QVERIFY(held.isValid() && playingChanged.isValid());
    session.setPlaying(true);
    QTRY_COMPARE_WITH_TIMEOUT(held.size(), 1, PlayTimeoutMs);
    QVERIFY(!session.playing());
    QCOMPARE(playingChanged.size(), 2);
    QCOMPARE(session.shownEvents(), shown);
    QCOMPARE(held.at(0).at(0).toLongLong(), shown);
}

void TestSessionHold::seeksAndActionsAreNotHeld()
{
    Session session;
    QVERIFY(session.open("swift-make-soup"));
    const qint64 hold = session.shownEvents() + 3;
    session.setHoldBefore(hold);
    QSignalSpy held(&session, &Session::held);
    QVERIFY(held.isValid());

    session.seekToEvent(int(hold + 4));  // a click in the log says where to be
    QCOMPARE(session.shownEvents(), hold + 5);
    session.seekToEvent(int(hold - 2));
    QCOMPARE(session.shownEvents(), hold - 1);
    session.seekToTime(session.endTime());
    QVERIFY(session.finished());
    session.seekToTime(0);
    QCOMPARE(session.shownEvents(), hold - 3);

    // A user action lands at the playhead and shows its own first event, whatever the hold says.
    session.setHoldBefore(session.shownEvents());
    session.cancelTask("main/makeSoup");
    QVERIFY(session.shownEvents() > hold - 3);
    QCOMPARE(held.size(), 0);
}

void TestSessionHold::aHoldBehindThePlayheadHoldsNothing()
{
    Session session;
    QVERIFY(session.open("kotlin-cancel-join"));
    for (int i = 0; i < 5; ++i)
        session.stepEvent();
    const qint64 shown = session.shownEvents();
    QSignalSpy held(&session, &Session::held);
    QVERIFY(held.isValid());
    session.setHoldBefore(shown - 2);
    session.stepEvent();
    QCOMPARE(session.shownEvents(), shown + 1);
    session.setHoldBefore(-7);  // anything below zero is "nowhere"
    QCOMPARE(session.holdBefore(), -1);
    session.setSpeed(10);
    session.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(session.finished(), PlayTimeoutMs);
    QCOMPARE(held.size(), 0);
}

QTEST_MAIN(TestSessionHold)

#include "tst_session_hold.moc"
