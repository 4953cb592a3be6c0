// Recordings: every lesson, recorded with scripted user actions, survives save -> open -> replay
// with an identical trace; a recording whose trace is not the engine's gets the mismatch report;
// the command line's --record, replay and export keep their exit statuses.

#include "commandline.h"
#include "clirunner.h"
#include "recordinghelpers.h"
#include "scenarioloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace cascade;
using cascade::testing::runCli;
using cascade::testing::CliResult;
using namespace cascade::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordSaveOpenReplay_data();
    void recordSaveOpenReplay();
    void unfinishedRunReplaysAsPrefix();
    void mismatchReportsFirstDifferingEvent_data();
    void mismatchReportsFirstDifferingEvent();
    void unloadableScenarioStillViewable();
    void commandLineRecordReplayExport();
    void commandLineReplayStatuses();

private:
    QTemporaryDir m_dir;
};

void TestRecording::recordSaveOpenReplay_data()
{
    addLessonScriptRows();
}

void TestRecording::recordSaveOpenReplay()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QFETCH(QString, script);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));

    const std::vector<UserAction> actions = scriptedActions(*scenario, Runtime(runtime), script);
    Engine engine(*scenario, Runtime(runtime));
    for (const UserAction &action : actions)
        engine.schedule(action);
    engine.runToEnd();
    const Recording recorded = recordRun(*scenario, Runtime(runtime), actions, engine);
    QVERIFY(recorded.finished);

    const QString path = m_dir.filePath(QStringLiteral("%1-%2-%3.recording.jsonl").arg(lesson, runtimeName(Runtime(runtime)), script));
    QVERIFY2(saveRecordingFile(recorded, path, &error), qPrintable(error));
    const std::optional<Recording> opened = RecordingLoader::loadFile(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QVERIFY2(opened->scenario, qPrintable(opened->scenarioError));

    // What was opened is what was run: the same trace lines, actions and scenario, and written
    // again it is the same file byte for byte.
    QCOMPARE(opened->traceJsonLines(), engine.traceJsonLines());
    QCOMPARE(opened->actions.size(), actions.size());
    for (std::size_t i = 0; i < actions.size(); ++i) {
        QCOMPARE(int(opened->actions[i].kind), int(actions[i].kind));
        QCOMPARE(opened->actions[i].at, actions[i].at);
        QCOMPARE(opened->actions[i].taskPath, actions[i].taskPath);
        QCOMPARE(opened->actions[i].durationMs, actions[i].durationMs);
    }
    QCOMPARE(scenarioToJson(*opened->scenario), scenarioToJson(*scenario));
    QCOMPARE(recordingToBytes(*opened), readAll(path));

    const ReplayResult replay = replayRecording(*opened);
    QVERIFY2(replay.status == ReplayResult::Status::Match, qPrintable(replay.report(*opened)));
    QCOMPARE(replay.engine->traceJsonLines(), engine.traceJsonLines());
}

void TestRecording::unfinishedRunReplaysAsPrefix()
{
    // Stopped at 700 ms (--until, or saved from the app mid-run): the replay checks the prefix.
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    Engine engine(*scenario, Runtime::Kotlin);
    engine.runUntil(700);
    const Recording recorded = recordRun(*scenario, Runtime::Kotlin, {}, engine);
    QVERIFY(!recorded.finished);
    const auto opened = RecordingLoader::parse(recordingToBytes(recorded), QStringLiteral("prefix"), &error);
    QVERIFY2(opened, qPrintable(error));
    const ReplayResult replay = replayRecording(*opened);
    QVERIFY2(replay.status == ReplayResult::Status::Match, qPrintable(replay.report(*opened)));
    QCOMPARE(replay.engine->eventCount(), qint64(recorded.events.size()));
}

void TestRecording::mismatchReportsFirstDifferingEvent_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<qint64>("index");
    QTest::addColumn<QString>("recordedPart");
    QTest::addColumn<QString>("replayedPart");
    // kotlin-cancel-join: event 5 is job's first print, 15 the cancel request, 22 main's end.
    QTest::addRow("print text") << "text" << qint64(5) << R"("text":"changed by an older engine")" << R"("ev":"print")";
    QTest::addRow("time") << "time" << qint64(15) << R"("t":1400)" << R"("t":1300)";
    QTest::addRow("cause") << "cause" << qint64(15) << R"("cause":"user")" << R"("cause":"code")";
    QTest::addRow("task") << "task" << qint64(15) << R"("task":"main","ev":"cancel-request")" << R"("task":"main/job","ev":"cancel-request")";
    QTest::addRow("replay goes on") << "drop-last" << qint64(22) << "" << R"("task":"main","ev":"end")";
    QTest::addRow("replay ends early") << "add-one" << qint64(23) << R"("ev":"print","text":"one more")" << "";
}

void TestRecording::mismatchReportsFirstDifferingEvent()
{
    QFETCH(QString, change);
    QFETCH(qint64, index);
    QFETCH(QString, recordedPart);
    QFETCH(QString, replayedPart);
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    Recording recording = recordToEnd(*scenario, Runtime::Kotlin, {});
    QCOMPARE(recording.events.size(), std::size_t(23));
    recording.appVersion = QStringLiteral("0.0.1");  // as if an older Cascade had made it
    auto &events = recording.events;
    if (change == QLatin1String("text")) {
        events[5].text = QStringLiteral("changed by an older engine");
    } else if (change == QLatin1String("time")) {
        for (std::size_t i = 15; i < events.size(); ++i)
            events[i].t = 1400;
    } else if (change == QLatin1String("cause")) {
        events[15].code = quint8(CancelCause::User);
        events[15].other = -1;
    } else if (change == QLatin1String("task")) {
        events[15].task = 0;
    } else if (change == QLatin1String("drop-last")) {
        events.pop_back();
    } else {
        TraceEvent extra;
        extra.seq = qint64(events.size());
        extra.t = events.back().t;
        extra.task = 0;
        extra.kind = EventKind::Print;
        extra.text = QStringLiteral("one more");
        events.push_back(extra);
    }
    // Through the file, as `cascade replay` sees it.
    const auto opened = RecordingLoader::parse(recordingToBytes(recording), QStringLiteral("changed"), &error);
    QVERIFY2(opened, qPrintable(error));
    const ReplayResult replay = replayRecording(*opened);
    QCOMPARE(int(replay.status), int(ReplayResult::Status::Differ));
    QCOMPARE(replay.firstDifference, index);
    if (recordedPart.isEmpty())
        QVERIFY(replay.recordedLine.isEmpty());
    else
        QVERIFY2(replay.recordedLine.contains(recordedPart), qPrintable(replay.recordedLine));
    if (replayedPart.isEmpty())
        QVERIFY(replay.replayedLine.isEmpty());
    else
        QVERIFY2(replay.replayedLine.contains(replayedPart), qPrintable(replay.replayedLine));
    const QString report = replay.report(*opened);
    QVERIFY2(report.contains(QStringLiteral("differ at event %1").arg(index)), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("recorded by Cascade 0.0.1, replayed by Cascade " CASCADE_VERSION)), qPrintable(report));
}

void TestRecording::unloadableScenarioStillViewable()
{
    // A scenario this version rejects (as a newer format might be): the trace still opens.
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    Recording recording = recordToEnd(*scenario, Runtime::Kotlin, {});
    const QByteArray expectedTrace = recording.traceJsonLines();
    recording.scenarioJson.replace(QStringLiteral("\"version\": 1"), QStringLiteral("\"version\": 99"));
    const auto opened = RecordingLoader::parse(recordingToBytes(recording), QStringLiteral("future"), &error);
    QVERIFY2(opened, qPrintable(error));
    QVERIFY(!opened->scenario);
    QVERIFY2(opened->scenarioError.startsWith(QStringLiteral("future (scenario):")), qPrintable(opened->scenarioError));
    QCOMPARE(opened->traceJsonLines(), expectedTrace);
    const ReplayResult replay = replayRecording(*opened);
    QCOMPARE(int(replay.status), int(ReplayResult::Status::CannotRun));
    QVERIFY2(replay.report(*opened).contains(QStringLiteral("does not load in this version")), qPrintable(replay.report(*opened)));
}

void TestRecording::commandLineRecordReplayExport()
{
    const QString recording = m_dir.filePath(QStringLiteral("cli.recording.jsonl"));
    const QString chrome = m_dir.filePath(QStringLiteral("cli.chrome.json"));
    const QStringList runArguments{QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"),
                                   QStringLiteral("--cancel"), QStringLiteral("main/job@700")};
    const CliResult run = runCli(runArguments + QStringList{QStringLiteral("--trace"), QStringLiteral("-"),
                                                            QStringLiteral("--record"), recording});
    QCOMPARE(run.status, 0);
    QVERIFY(QFile::exists(recording));

    const CliResult replay = runCli({QStringLiteral("replay"), recording});
    QCOMPARE(replay.status, 0);
    QVERIFY2(replay.out.contains(QStringLiteral("matches the recording")), qPrintable(replay.out));

    // The replay's trace on standard output (the report moves to standard error) is the run's.
    const CliResult replayTrace = runCli({QStringLiteral("replay"), recording, QStringLiteral("--trace"), QStringLiteral("-")});
    QCOMPARE(replayTrace.status, 0);
    QCOMPARE(replayTrace.out, run.out);
    QVERIFY(replayTrace.err.contains(QStringLiteral("matches")));

    const CliResult exported = runCli({QStringLiteral("export"), recording, QStringLiteral("--chrome-trace"), chrome,
                                       QStringLiteral("--trace"), QStringLiteral("-")});
    QCOMPARE(exported.status, 0);
    QCOMPARE(exported.out, run.out);
    QVERIFY(readAll(chrome).startsWith("{\"displayTimeUnit\""));
}

void TestRecording::commandLineReplayStatuses()
{
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    Recording recording = recordToEnd(*scenario, Runtime::Kotlin, {});
    recording.events[5].text = QStringLiteral("not what the engine prints");
    const QString changed = m_dir.filePath(QStringLiteral("changed.recording.jsonl"));
    QVERIFY2(saveRecordingFile(recording, changed, &error), qPrintable(error));
    const CliResult differ = runCli({QStringLiteral("replay"), changed});
    QCOMPARE(differ.status, 1);
    QVERIFY2(differ.out.contains(QStringLiteral("the traces differ at event 5")), qPrintable(differ.out));
    QVERIFY2(differ.out.contains(QStringLiteral("recorded: {\"seq\":5")), qPrintable(differ.out));
    QVERIFY2(differ.out.contains(QStringLiteral("replayed: {\"seq\":5")), qPrintable(differ.out));

    const QString truncated = m_dir.filePath(QStringLiteral("truncated.recording.jsonl"));
    {
        QFile file(truncated);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(readAll(changed).left(700));
    }
    const CliResult bad = runCli({QStringLiteral("replay"), truncated});
    QCOMPARE(bad.status, 2);
    QVERIFY2(bad.err.startsWith(QStringLiteral("cascade replay: %1:").arg(truncated)), qPrintable(bad.err));
    QVERIFY2(bad.err.contains(QStringLiteral("truncated")), qPrintable(bad.err));
    QCOMPARE(bad.err.count(QLatin1Char('\n')), 1);

    QCOMPARE(runCli({QStringLiteral("replay")}).status, 2);
    QCOMPARE(runCli({QStringLiteral("replay"), m_dir.filePath(QStringLiteral("missing"))}).status, 2);
    QCOMPARE(runCli({QStringLiteral("export"), changed}).status, 2);  // nothing asked for
    QCOMPARE(runCli({QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"), QStringLiteral("--record"), QStringLiteral("-")}).status, 2);
    QCOMPARE(runCli({QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"), QStringLiteral("--record"), m_dir.path()}).status, 2);
}

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
