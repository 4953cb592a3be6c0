// Saving the app's run as a recording: what the learner did in the window (steps, a cancel, a
// shield, a timeout, a fail at the virtual times they happened) replays to the same trace.

#include "recordingreplay.h"
#include "session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cascade;

class TestSessionRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedRunReplays_data();
    void savedRunReplays();
    void saveFailsWithAReason();

private:
    QTemporaryDir m_dir;
};

void TestSessionRecording::savedRunReplays_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("task");
    QTest::addColumn<int>("stepsBefore");
    QTest::addColumn<bool>("toEnd");
    QTest::addRow("cancel mid-run, saved at the end") << "kotlin-cancel-join" << "cancel" << "main/job" << 8 << true;
    QTest::addRow("shield, saved mid-run") << "kotlin-cancel-join" << "shield" << "main/job" << 4 << false;
    QTest::addRow("shield") << "asyncio-shield" << "shield" << "main" << 4 << true;
    QTest::addRow("timeout") << "kotlin-cancel-join" << "timeout" << "main/job" << 6 << true;
    QTest::addRow("fail") << "kotlin-cancel-join" << "fail" << "main/job" << 7 << true;
}

void TestSessionRecording::savedRunReplays()
{
    QFETCH(QString, lesson);
    QFETCH(QString, action);
    QFETCH(QString, task);
    QFETCH(int, stepsBefore);
    QFETCH(bool, toEnd);
    Session session;
    QVERIFY(session.open(lesson));
    for (int i = 0; i < stepsBefore; ++i)
        session.stepEvent();
    if (action == QLatin1String("cancel"))
        session.cancelTask(task);
    else if (action == QLatin1String("shield"))
        session.toggleShield(task);
    else if (action == QLatin1String("timeout"))
        session.addTimeout(task, 150);
    else
        session.failTask(task);
    for (int i = 0; i < (toEnd ? 10'000 : 3) && !session.finished(); ++i)
        session.stepEvent();
    QCOMPARE(session.finished(), toEnd);

    const QString path = m_dir.filePath(QStringLiteral("%1.recording.jsonl").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')).remove(QLatin1Char(',')));
    QVERIFY2(session.saveRecording(path), qPrintable(session.error()));
    QString error;
    const auto opened = RecordingLoader::loadFile(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->actions.size(), std::size_t(1));
    QCOMPARE(opened->finished, toEnd);
    QCOMPARE(opened->runtime, Runtime(session.runtimes().indexOf(session.runtime())));
    QVERIFY(opened->events.size() >= std::size_t(session.shownEvents()));
    const ReplayResult replay = replayRecording(*opened);
    QVERIFY2(replay.status == ReplayResult::Status::Match, qPrintable(replay.report(*opened)));
}

void TestSessionRecording::saveFailsWithAReason()
{
    Session session;
    QSignalSpy errorChanged(&session, &Session::errorChanged);
    QVERIFY(errorChanged.isValid());
    QVERIFY(!session.saveRecording(m_dir.filePath(QStringLiteral("nothing.jsonl"))));
    QVERIFY2(session.error().contains(QStringLiteral("nothing to record")), qPrintable(session.error()));
    QVERIFY(session.open(QStringLiteral("kotlin-cancel-join")));
    QVERIFY(!session.saveRecording(m_dir.path()));  // a directory
    QVERIFY2(session.error().startsWith(QStringLiteral("cannot write the recording to")), qPrintable(session.error()));
    QVERIFY(errorChanged.count() >= 2);
}

QTEST_MAIN(TestSessionRecording)
#include "tst_session_recording.moc"
