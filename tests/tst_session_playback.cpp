// The session plays a whole run back: seeking to any instant or event shows exactly what stepping
// there shows; a user action keeps every event shown so far and changes only what follows; a
// recording opens replayed, or read-only as recorded when this engine runs it differently.
#include "announceddata.h"
#include "eventlogmodel.h"
#include "lessons.h"
#include "recording.h"
#include "session.h"
#include "tasklistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace cascade;

namespace {

//! What the window shows: every task row with its roles, the log's rows, the console and the clock.
QStringList shown(Session &session)
{
    QStringList out;
    const TaskListModel &tasks = *session.tasks();
    const QHash<int, QByteArray> names = tasks.roleNames();
    QList<int> roles = names.keys();
    std::sort(roles.begin(), roles.end());
    for (int row = 0; row < tasks.rowCount(); ++row) {
        QStringList fields;
        for (int role : roles)
            fields << QStringLiteral("%1=%2").arg(QString::fromLatin1(names.value(role)), tasks.index(row).data(role).toString());
        out << fields.join(QLatin1Char(' '));
    }
    const EventLogModel &log = *session.events();
    for (int row = 0; row < log.rowCount(); ++row)
        out << log.index(row).data(EventLogModel::DescriptionRole).toString();
    out << session.console() << QString::number(session.now()) << QString::number(session.shownEvents());
    return out;
}

//! kotlin-cancel-join with main/job cancelled by the user at 600 ms, shown up to the cancel.
bool cancelJobAt600(Session &recorder)
{
    if (!recorder.open(QStringLiteral("kotlin-cancel-join")))
        return false;
    recorder.seekToTime(600);
    recorder.cancelTask(QStringLiteral("main/job"));
    return recorder.actions().size() == 1;
}

//! Each recording test twice: checked before anything is shown, and shown at once and checked on
//! another thread (as a long recording is).
void checkModes()
{
    QTest::addColumn<bool>("inBackground");
    QTest::addRow("checked first") << false;
    QTest::addRow("checked in the background") << true;
}

} // namespace

class TestSessionPlayback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seekShowsWhatSteppingShows_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addRow("kotlin-cancel-join") << "kotlin-cancel-join";
        QTest::addRow("swift-make-soup") << "swift-make-soup";
        QTest::addRow("asyncio-shield") << "asyncio-shield";
        QTest::addRow("contrast-cpu-blocks") << "contrast-cpu-blocks";
    }

    // Stepping event by event and seeking straight to an event (back or forward) show the same.
    void seekShowsWhatSteppingShows()
    {
        QFETCH(QString, lesson);
        Session stepped;
        QVERIFY(stepped.open(lesson));
        Session seeking;
        QVERIFY(seeking.open(lesson));
        QAbstractItemModelTester tasksTester(seeking.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester logTester(seeking.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A seek in the same run changes the task rows in place: what it announces is all that changed.
        testing::AnnouncedData announced(seeking.tasks());
        QSignalSpy resets(seeking.tasks(), &QAbstractItemModel::modelReset);
        QList<QStringList> states{shown(stepped)};
        while (!stepped.finished()) {
            stepped.stepEvent();
            states << shown(stepped);
        }
        QVERIFY(states.size() > 5);
        const qint64 first = stepped.shownEvents() - qint64(states.size()) + 1;  // shown at t = 0
        // Backwards from the end, then forwards by jumps: each seek lands on exactly that state.
        seeking.seekToEvent(int(stepped.shownEvents()) - 1);
        QCOMPARE(shown(seeking), states.last());
        for (qsizetype i = states.size() - 1; i >= 0; i -= 3) {
            seeking.seekToEvent(int(first + i) - 1);
            QCOMPARE(shown(seeking), states.at(i));
            QCOMPARE(announced.announced(), announced.now());
        }
        for (qsizetype i = 0; i < states.size(); i += 4) {
            seeking.seekToEvent(int(first + i) - 1);
            QCOMPARE(shown(seeking), states.at(i));
            QCOMPARE(announced.announced(), announced.now());
        }
        QVERIFY2(resets.size() <= 1, "only the first seek lays the rows out anew");
    }

    // Seeking to an instant shows every event at or before it, and the clock reads that instant.
    void seekToTimeShowsTheInstant_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addRow("0") << qint64(0);
        QTest::addRow("between events") << qint64(750);
        QTest::addRow("at the cancel") << qint64(1300);
        QTest::addRow("back to the start") << qint64(0);
    }

    void seekToTimeShowsTheInstant()
    {
        QFETCH(qint64, ms);
        Session session;
        QVERIFY(session.open(QStringLiteral("kotlin-cancel-join")));
        session.seekToTime(2000);  // first somewhere else, so that the seek goes back too
        session.seekToTime(ms);
        QCOMPARE(session.now(), ms);
        const std::vector<TraceEvent> &trace = session.trace();
        qint64 expected = 0;
        while (expected < qint64(trace.size()) && trace[std::size_t(expected)].t <= ms)
            ++expected;
        QCOMPARE(session.shownEvents(), expected);
        QCOMPARE(session.events()->rowCount(), int(expected));
        QCOMPARE(session.endTime(), trace.back().t);
        QCOMPARE(session.eventCount(), qint64(trace.size()));
    }

    // A user action makes the run again: everything shown stays, and the run goes on differently.
    void anActionKeepsWhatWasShown()
    {
        Session session;
        QVERIFY(session.open(QStringLiteral("kotlin-cancel-join")));
        QSignalSpy runs(&session, &Session::runChanged);
        session.seekToTime(700);
        const QStringList before = shown(session);
        const qint64 count = session.shownEvents();
        session.cancelTask(QStringLiteral("main/job"));
        QCOMPARE(runs.size(), 1);
        QCOMPARE(session.shownEvents(), count + 1);  // the request, shown at once
        QStringList now = shown(session);
        QCOMPARE(session.events()->index(int(count)).data(EventLogModel::CauseRole).toString(), QStringLiteral("user"));
        QCOMPARE(session.events()->index(int(count)).data(EventLogModel::TaskRole).toString(), QStringLiteral("main/job"));
        // The log up to the action is the same, line for line.
        for (qint64 row = 0; row < count; ++row)
            QCOMPARE(session.events()->index(int(row)).data(EventLogModel::DescriptionRole).toString(),
                     before.at(before.size() - 3 - count + row));
        QCOMPARE(session.actions().size(), std::size_t(1));
        QCOMPARE(session.actions().front().at, qint64(700));
        while (!session.finished())
            session.stepEvent();
        QCOMPARE(session.tasks()->info(QStringLiteral("main/job")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("cancelled"));
        // job ended at the user's cancel, in its sleep at 700, not at main's own cancel at 1300.
        qint64 jobEnd = -1;
        for (const TraceEvent &event : session.trace()) {
            if (event.kind == EventKind::End && session.paths()(event.task) == QLatin1String("main/job"))
                jobEnd = event.t;
        }
        QCOMPARE(jobEnd, qint64(700));
    }

    void aRecordingOpensReplayed_data() { checkModes(); }

    // A recording opens replayed: its actions come back and the run can go on being played with.
    // Checked in the background, its recorded trace shows at once and takes no actions until the
    // replay matches; then the replay's run takes its place without moving what is shown.
    void aRecordingOpensReplayed()
    {
        QFETCH(bool, inBackground);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.recording.jsonl"));
        Session recorder;
        QVERIFY(cancelJobAt600(recorder));
        while (!recorder.finished())
            recorder.stepEvent();
        QVERIFY2(recorder.saveRecording(path), qPrintable(recorder.error()));

        Session viewer;
        viewer.setCheckInBackgroundFrom(inBackground ? 0 : -1);
        QSignalSpy checked(&viewer, &Session::recordingChecked);
        QVERIFY2(viewer.openRecording(path), qPrintable(viewer.error()));
        if (inBackground) {
            QVERIFY(viewer.checking());
            QVERIFY(viewer.readOnly());
            QVERIFY(!viewer.engine());
            QVERIFY2(viewer.recordingStatus().contains(QStringLiteral("replaying")), qPrintable(viewer.recordingStatus()));
            QVERIFY2(viewer.actionUnavailable(QStringLiteral("cancel")).contains(QStringLiteral("check")),
                     qPrintable(viewer.actionUnavailable(QStringLiteral("cancel"))));
            viewer.seekToTime(700);  // scrubbing goes on meanwhile, in the recorded trace
            const QStringList before = shown(viewer);
            QVERIFY(checked.wait(10'000));
            QCOMPARE(shown(viewer), before);  // the replay's run shows the same
            viewer.seekToTime(0);
        }
        QCOMPARE(checked.size(), inBackground ? 1 : 0);
        QVERIFY(!viewer.checking());
        QVERIFY(!viewer.readOnly());
        QVERIFY(viewer.engine());
        QVERIFY2(viewer.recordingStatus().contains(QStringLiteral("replayed")), qPrintable(viewer.recordingStatus()));
        QCOMPARE(viewer.actions().size(), std::size_t(1));
        QCOMPARE(viewer.eventCount(), recorder.eventCount());
        QCOMPARE(viewer.now(), qint64(0));
        while (!viewer.finished())
            viewer.stepEvent();
        QCOMPARE(shown(viewer), shown(recorder));
    }

    void aDifferingRecordingIsShownAsRecorded_data() { checkModes(); }

    // A recording this engine runs differently is shown as recorded, and takes no actions.
    void aDifferingRecordingIsShownAsRecorded()
    {
        QFETCH(bool, inBackground);
        QTemporaryDir dir;
        Session recorder;
        QVERIFY(recorder.open(QStringLiteral("kotlin-cancel-join")));
        while (!recorder.finished())
            recorder.stepEvent();
        std::optional<Recording> recording = recorder.recording();
        QVERIFY(recording);
        // An older engine, say, printed something else at the end.
        for (TraceEvent &event : recording->events) {
            if (event.kind == EventKind::Print)
                event.text = QStringLiteral("printed by another version");
        }
        const QString path = dir.filePath(QStringLiteral("old.recording.jsonl"));
        QString error;
        QVERIFY2(saveRecordingFile(*recording, path, &error), qPrintable(error));

        Session viewer;
        viewer.setCheckInBackgroundFrom(inBackground ? 0 : -1);
        QSignalSpy checked(&viewer, &Session::recordingChecked);
        QVERIFY2(viewer.openRecording(path), qPrintable(viewer.error()));
        if (inBackground)
            QVERIFY(checked.wait(10'000));
        QVERIFY(!viewer.checking());
        QVERIFY(viewer.readOnly());
        QVERIFY2(viewer.recordingStatus().contains(QStringLiteral("as it was recorded")), qPrintable(viewer.recordingStatus()));
        QVERIFY2(viewer.recordingStatus().contains(QStringLiteral("printed by another version")),
                 qPrintable(viewer.recordingStatus()));  // the report says where they differ
        while (!viewer.finished())
            viewer.stepEvent();
        QVERIFY(viewer.console().contains(QStringLiteral("printed by another version")));
        const qint64 count = viewer.eventCount();
        viewer.seekToTime(0);
        viewer.cancelTask(QStringLiteral("main/job"));  // refused: nothing changes
        QCOMPARE(viewer.eventCount(), count);
        QVERIFY(viewer.actions().empty());
    }

    // A recording saved part-way is checked as far as it goes; its run then goes on to the end, as
    // a run made again after an action would.
    void aPartialRecordingGoesOnToTheEndOnceChecked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("part.recording.jsonl"));
        Session recorder;
        QVERIFY(cancelJobAt600(recorder));
        QVERIFY2(recorder.saveRecording(path), qPrintable(recorder.error()));  // the events shown so far
        const qint64 saved = recorder.shownEvents();
        QVERIFY(saved < recorder.eventCount());

        Session viewer;
        viewer.setCheckInBackgroundFrom(0);
        QSignalSpy checked(&viewer, &Session::recordingChecked);
        QVERIFY2(viewer.openRecording(path), qPrintable(viewer.error()));
        QCOMPARE(viewer.eventCount(), saved);
        viewer.seekToEvent(int(saved) - 1);
        QVERIFY(checked.wait(10'000));
        QVERIFY(!viewer.readOnly());
        QCOMPARE(viewer.eventCount(), recorder.eventCount());
        QCOMPARE(viewer.shownEvents(), saved);
        while (!viewer.finished())
            viewer.stepEvent();
        while (!recorder.finished())
            recorder.stepEvent();
        QCOMPARE(shown(viewer), shown(recorder));
    }

    // Save Recording writes on a worker thread: the same bytes as a save on the GUI thread, even
    // when the session runs something else before it is done; a file that cannot be written is
    // said through recordingSaved and error, and nothing is left behind.
    void savesARecordingInTheBackground()
    {
        QTemporaryDir dir;
        const QString here = dir.filePath(QStringLiteral("here.recording.jsonl"));
        const QString background = dir.filePath(QStringLiteral("background.recording.jsonl"));
        Session recorder;
        QVERIFY(cancelJobAt600(recorder));
        QVERIFY2(recorder.saveRecording(here), qPrintable(recorder.error()));
        QSignalSpy saved(&recorder, &Session::recordingSaved);
        QSignalSpy saving(&recorder, &Session::savingRecordingChanged);
        QVERIFY(recorder.saveRecordingInBackground(background));
        QVERIFY(recorder.savingRecording());
        QVERIFY(recorder.open(QStringLiteral("swift-make-soup")));  // another run meanwhile
        QVERIFY(saved.wait(10'000));
        QCOMPARE(saved.constFirst().at(0).toString(), background);
        QCOMPARE(saved.constFirst().at(1).toString(), QString());
        QVERIFY(!recorder.savingRecording());
        QCOMPARE(saving.size(), 2);
        QFile a(here);
        QFile b(background);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());

        const QString nowhere = dir.filePath(QStringLiteral("no such folder/run.recording.jsonl"));
        QSignalSpy errors(&recorder, &Session::errorChanged);
        QVERIFY(recorder.saveRecordingInBackground(nowhere));
        QVERIFY(saved.wait(10'000));
        QCOMPARE(saved.constLast().at(0).toString(), nowhere);
        QVERIFY(!saved.constLast().at(1).toString().isEmpty());
        QCOMPARE(recorder.error(), saved.constLast().at(1).toString());
        QCOMPARE(errors.size(), 1);
        QVERIFY(!QFile::exists(nowhere));

        Session empty;  // nothing to record: refused at once, no signal
        QSignalSpy none(&empty, &Session::recordingSaved);
        QVERIFY(!empty.saveRecordingInBackground(dir.filePath(QStringLiteral("empty.recording.jsonl"))));
        QVERIFY(!empty.error().isEmpty());
        QVERIFY(!empty.savingRecording());
        QCOMPARE(none.size(), 0);
    }

    // A session closed while its recording is still being written waits for the file.
    void aSessionGoingAwayFinishesItsSave()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("last.recording.jsonl"));
        {
            Session recorder;
            QVERIFY(cancelJobAt600(recorder));
            QVERIFY(recorder.saveRecordingInBackground(path));
        }
        Session viewer;
        QVERIFY2(viewer.openRecording(path), qPrintable(viewer.error()));
        QVERIFY(viewer.eventCount() > 0);
    }

    // Whatever is opened while a recording is being checked wins: the check's result is dropped.
    void aCheckOutdatedByAnotherOpenIsDropped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.recording.jsonl"));
        Session recorder;
        QVERIFY(recorder.open(QStringLiteral("kotlin-cancel-join")));
        QVERIFY2(recorder.saveRecording(path), qPrintable(recorder.error()));

        Session viewer;
        viewer.setCheckInBackgroundFrom(0);
        QSignalSpy checked(&viewer, &Session::recordingChecked);
        QVERIFY2(viewer.openRecording(path), qPrintable(viewer.error()));
        QVERIFY(viewer.open(QStringLiteral("swift-make-soup")));
        viewer.seekToTime(300);
        const QStringList before = shown(viewer);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();  // the check's end, queued from its thread
        QCOMPARE(checked.size(), 0);
        QVERIFY(!viewer.checking());
        QCOMPARE(viewer.scenarioId(), QStringLiteral("swift-make-soup"));
        QCOMPARE(shown(viewer), before);
    }

    // The app reads the recording it is started with while it makes the window: what opens is the
    // same as without, a preload of another file is not opened in its place, and a broken file
    // preloaded is reported as it would be.
    void aPreloadedRecordingOpensAsAnyOther()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.recording.jsonl"));
        const QString broken = dir.filePath(QStringLiteral("broken.recording.jsonl"));
        Session recorder;
        QVERIFY(recorder.open(QStringLiteral("kotlin-cancel-join")));
        while (!recorder.finished())
            recorder.stepEvent();
        QVERIFY2(recorder.saveRecording(path), qPrintable(recorder.error()));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"cascade\":\"recording\",\"version\":1,");
        file.close();

        Session::preloadRecording(path);
        Session viewer;
        QVERIFY2(viewer.openRecording(path), qPrintable(viewer.error()));
        QVERIFY(!viewer.readOnly());
        while (!viewer.finished())
            viewer.stepEvent();
        QCOMPARE(shown(viewer), shown(recorder));

        Session::preloadRecording(broken);
        Session other;
        QVERIFY2(other.openRecording(path), qPrintable(other.error()));
        QCOMPARE(other.eventCount(), recorder.eventCount());

        Session::preloadRecording(broken);
        QVERIFY(!other.openRecording(broken));
        QVERIFY2(other.error().contains(QStringLiteral("broken.recording.jsonl")), qPrintable(other.error()));
        QCOMPARE(other.eventCount(), recorder.eventCount());  // the run shown stays
    }

    // A file that is not a recording leaves the current run as it was, with a message naming it.
    void aBrokenRecordingChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.recording.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"cascade\":\"recording\",\"version\":1,");
        file.close();
        Session session;
        QVERIFY(session.open(QStringLiteral("kotlin-cancel-join")));
        session.seekToTime(500);
        const QStringList before = shown(session);
        QVERIFY(!session.openRecording(path));
        QVERIFY2(session.error().contains(QStringLiteral("broken.recording.jsonl")), qPrintable(session.error()));
        QCOMPARE(shown(session), before);
        QCOMPARE(session.scenarioId(), QStringLiteral("kotlin-cancel-join"));
    }
};

QTEST_MAIN(TestSessionPlayback)
#include "tst_session_playback.moc"
