// Trace events in words, as the event log and the inspector show them: one sentence per event,
// naming the other task involved and the cause, never the raw field names.
#include "tracedescription.h"

#include <QTest>

using namespace cascade;

Q_DECLARE_METATYPE(cascade::TraceEvent)

namespace {

TraceEvent makeEvent(EventKind kind, quint8 code = 0, int other = -1, QString text = {}, qint64 ms = 0, QString message = {})
{
    TraceEvent e;
    e.kind = kind;
    e.code = code;
    e.task = 1;
    e.other = other;
    e.text = std::move(text);
    e.ms = ms;
    e.t = 1000;
    e.message = std::move(message);
    return e;
}

QString path(int task)
{
    return task == 0 ? QStringLiteral("main") : QStringLiteral("main/job%1").arg(task);
}

} // namespace

class TestTraceDescription : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void describes_data()
    {
        QTest::addColumn<TraceEvent>("event");
        QTest::addColumn<QString>("words");
        QTest::addRow("root spawn") << makeEvent(EventKind::Spawn, 0, -1) << "the program starts";
        QTest::addRow("child spawn") << makeEvent(EventKind::Spawn, quint8(LinkCode::Child), 0) << "created by main as a structured child";
        QTest::addRow("unstructured spawn") << makeEvent(EventKind::Spawn, quint8(LinkCode::Unstructured), 0)
                                            << "created by main, unstructured (not its child)";
        QTest::addRow("sleep") << makeEvent(EventKind::Suspend, 0, -1, "sleep", 500) << "waits: sleep 500 ms";
        QTest::addRow("join") << makeEvent(EventKind::Suspend, 0, -1, "join main/job2") << "waits: join main/job2";
        QTest::addRow("work") << makeEvent(EventKind::Work, 0, -1, {}, 200) << "CPU work for 200 ms, without yielding";
        QTest::addRow("check passed") << makeEvent(EventKind::Checkpoint, 0, -1, "throw") << "check point: passed";
        QTest::addRow("check raised") << makeEvent(EventKind::Checkpoint, 1, -1, "throw") << "check point: raises the cancellation";
        QTest::addRow("poll set") << makeEvent(EventKind::Checkpoint, 1, -1, "poll") << "looks at its cancelled flag: it is set";
        QTest::addRow("user cancel") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::User)) << "cancel requested by the user";
        QTest::addRow("code cancel") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::Code), 0) << "cancel requested by main (its code)";
        QTest::addRow("parent cancel") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::Parent), 0) << "cancel passed down from main";
        QTest::addRow("timeout cancel") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::Timeout)) << "cancel requested by a timeout";
        QTest::addRow("failure cancel") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::Failure), 2)
                                        << "cancel requested because main/job2 failed";
        QTest::addRow("awaiter cancel") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::Awaiter), 0)
                                        << "cancel passed on by main, which was awaiting it";
        QTest::addRow("shutdown") << makeEvent(EventKind::CancelRequest, quint8(CancelCause::Shutdown))
                                  << "cancelled at shutdown: main returned, asyncio.run() cancels what is left";
        QTest::addRow("blocked by shield") << makeEvent(EventKind::CancelBlocked, quint8(BlockedBy::Shield), 0)
                                           << "cancel request from main stopped here: a shield";
        QTest::addRow("blocked, not a child") << makeEvent(EventKind::CancelBlocked, quint8(BlockedBy::NotAChild), 0)
                                              << "cancel request from main stopped here: it is not a structured child";
        QTest::addRow("delivered") << makeEvent(EventKind::CancelDeliver, 0, -1, "sleep") << "cancellation delivered at sleep";
        QTest::addRow("swallowed") << makeEvent(EventKind::Catch, 0, -1, "CancelledError") << "catches CancelledError and does not throw it on";
        QTest::addRow("rethrown") << makeEvent(EventKind::Catch, 1, -1, "CancellationException") << "catches CancellationException and throws it on";
        QTest::addRow("finally") << makeEvent(EventKind::CleanupEnter, 0, -1, "finally") << "cleanup starts: finally";
        QTest::addRow("timeout") << makeEvent(EventKind::Timeout, 0, -1, {}, 700) << "its timeout of 700 ms expires";
        QTest::addRow("print") << makeEvent(EventKind::Print, 0, -1, "hello") << "prints \"hello\"";
        QTest::addRow("raise") << makeEvent(EventKind::Raise, 0, -1, "ValueError", 0, "boom") << "raises ValueError: boom";
        QTest::addRow("completed") << makeEvent(EventKind::End, quint8(Outcome::Completed)) << "ends: completed";
        QTest::addRow("cancelled") << makeEvent(EventKind::End, quint8(Outcome::Cancelled), -1, "CancelledError") << "ends: cancelled (CancelledError)";
        QTest::addRow("failed") << makeEvent(EventKind::End, quint8(Outcome::Failed), -1, "ValueError") << "ends: failed (ValueError)";
        QTest::addRow("timed out") << makeEvent(EventKind::End, quint8(Outcome::Failed), -1, "TimeoutError") << "ends: timed out (TimeoutError)";
        QTest::addRow("user deadline") << makeEvent(EventKind::DeadlineSet, quint8(CancelCause::User), -1, {}, 700)
                                       << "deadline set by the user: 700 ms, at 1700 ms";
        QTest::addRow("shield on") << makeEvent(EventKind::ShieldOn, quint8(CancelCause::Code)) << "shield on by the code: requests from outside stop here";
        QTest::addRow("error discarded") << makeEvent(EventKind::ErrorDiscarded, 0, 2, "ValueError")
                                         << "the ValueError of its child main/job2 is discarded: nobody awaited it";
        QTest::addRow("ignored") << makeEvent(EventKind::ActionIgnored, 0, -1, "cancel", 0, "main/x: no such task is running")
                                 << "your cancel had no effect: main/x: no such task is running";
    }

    void describes()
    {
        QFETCH(TraceEvent, event);
        QFETCH(QString, words);
        QCOMPARE(describeTraceEvent(event, &path), words);
    }

    // Every kind has words of its own, never the bare kind name.
    void everyKindIsDescribed()
    {
        for (int kind = 0; kind < EventKindCount; ++kind) {
            const TraceEvent e = makeEvent(EventKind(kind), 0, 0, QStringLiteral("x"), 5);
            const QString words = describeTraceEvent(e, &path);
            QVERIFY2(!words.isEmpty() && words != QLatin1String(eventKindName(EventKind(kind))), eventKindName(EventKind(kind)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTraceDescription)
#include "tst_tracedescription.moc"
