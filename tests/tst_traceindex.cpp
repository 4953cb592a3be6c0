// The seek index: the states at any instant, reached through snapshots, forwards or backwards,
// are those of a straight run to that instant; the state spans tile each task's life.

#include "openedrecording.h"
#include "recordinghelpers.h"
#include "seededrng.h"
#include "traceindex.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cascade;
using namespace cascade::testing;

namespace {

TaskStates straightStates(const std::vector<TraceEvent> &events, qint64 count)
{
    TaskStates states;
    for (qint64 i = 0; i < count; ++i)
        states.apply(events[std::size_t(i)]);
    return states;
}

QString describe(const TaskStates &states)
{
    QStringList lines;
    for (int id = 0; id < states.size(); ++id) {
        if (const TaskState *state = states.state(id))
            lines << QStringLiteral("%1 %2 '%3' pending=%4").arg(id).arg(taskPhaseName(state->phase), state->detail()).arg(state->pendingSince);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestTraceIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seekMatchesStraightRun_data();
    void seekMatchesStraightRun();
    void timeLookups();
    void spansTileEachTask_data();
    void spansTileEachTask();
    void openedRecordingIndexesItsEvents();
};

void TestTraceIndex::seekMatchesStraightRun_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<bool>("engineRuns");  // compare with an engine run to each instant (else the trace's prefix)
    QTest::addRow("kotlin-cancel-join, snapshots every 4") << "kotlin-cancel-join" << int(Runtime::Kotlin) << "cancel" << qint64(4) << true;
    QTest::addRow("asyncio-shield shield, every 8") << "asyncio-shield" << int(Runtime::Asyncio) << "shield" << qint64(8) << true;
    QTest::addRow("swift-make-soup timeout, every 16") << "swift-make-soup" << int(Runtime::Swift) << "timeout" << qint64(16) << true;
    QTest::addRow("kotlin-with-timeout fail, default") << "kotlin-with-timeout" << int(Runtime::Kotlin) << "fail" << qint64(0) << true;
    QTest::addRow("contrast-cpu-blocks asyncio cancel, every 4") << "contrast-cpu-blocks" << int(Runtime::Asyncio) << "cancel" << qint64(4) << true;
    QTest::addRow("scale-10k, default") << QStringLiteral(CASCADE_SOURCE_DIR "/bench/scale-10k.json") << int(Runtime::Kotlin) << "none" << qint64(0) << false;
    QTest::addRow("scale-10k, every 1000") << QStringLiteral(CASCADE_SOURCE_DIR "/bench/scale-10k.json") << int(Runtime::Asyncio) << "none" << qint64(1000) << false;
}

void TestTraceIndex::seekMatchesStraightRun()
{
    QFETCH(QString, scenario);
    QFETCH(int, runtime);
    QFETCH(QString, script);
    QFETCH(qint64, interval);
    QFETCH(bool, engineRuns);
    QString error;
    const auto loaded = Lessons::loadLessonOrFile(scenario, &error);
    QVERIFY2(loaded, qPrintable(error));
    const std::vector<UserAction> actions = scriptedActions(*loaded, Runtime(runtime), script);
    const Recording recording = recordToEnd(*loaded, Runtime(runtime), actions);
    const TraceIndex index(recording.events, interval);
    QVERIFY(index.eventCount() > 0);
    if (interval > 0)
        QVERIFY(index.snapshotCount() > 1);

    // 100 instants in a seeded random order: every seek goes forwards or backwards from the last.
    Rng rng(20240611);
    TaskStates cursor;
    qint64 position = 0;
    for (int i = 0; i < 100; ++i) {
        const qint64 instant = rng.range(0, int(index.endTime()));
        const qint64 count = index.eventsUntil(instant);
        TaskStates expected;
        if (engineRuns) {
            Engine straight(*loaded, Runtime(runtime));
            for (const UserAction &action : actions)
                straight.schedule(action);
            straight.runUntil(instant);
            QCOMPARE(straight.eventCount(), count);
            expected = straightStates(straight.events(), straight.eventCount());
        } else {
            expected = straightStates(recording.events, count);
        }
        const TaskStates restored = index.statesAfter(count);
        QVERIFY2(restored == expected, qPrintable(QStringLiteral("at %1 ms (%2 events):\n%3\n-- expected --\n%4")
                                                  .arg(instant).arg(count).arg(describe(restored), describe(expected))));
        index.seek(&cursor, &position, count);
        QCOMPARE(position, count);
        QVERIFY2(cursor == expected, qPrintable(QStringLiteral("cursor at %1 ms").arg(instant)));
    }
    // And the whole trace.
    QVERIFY(index.statesAfter(index.eventCount()) == straightStates(recording.events, index.eventCount()));
}

void TestTraceIndex::timeLookups()
{
    std::vector<TraceEvent> events;
    for (const qint64 t : {0, 0, 5, 5, 5, 9, 20}) {
        TraceEvent event;
        event.seq = qint64(events.size());
        event.t = t;
        event.task = 0;
        event.kind = events.empty() ? EventKind::Spawn : EventKind::Print;
        events.push_back(event);
    }
    const TraceIndex index(events, 2);
    QCOMPARE(index.eventsUntil(-1), 0);
    QCOMPARE(index.eventsUntil(0), 2);
    QCOMPARE(index.eventsUntil(4), 2);
    QCOMPARE(index.eventsUntil(5), 5);
    QCOMPARE(index.eventsUntil(100), 7);
    QCOMPARE(index.firstEventAt(5), 2);
    QCOMPARE(index.firstEventAt(6), 5);
    QCOMPARE(index.firstEventAt(21), 7);
    QCOMPARE(index.endTime(), 20);
    QVERIFY(index.statesAfter(-5) == TaskStates());
    QCOMPARE(index.statesAfter(99).state(0)->phase, TaskPhase::NotStarted);
}

void TestTraceIndex::spansTileEachTask_data()
{
    addLessonScriptRows();
}

void TestTraceIndex::spansTileEachTask()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QFETCH(QString, script);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));
    const Recording recording = recordToEnd(*scenario, Runtime(runtime), scriptedActions(*scenario, Runtime(runtime), script));
    const TraceIndex index(recording.events, 8);
    const TaskStates final = index.statesAfter(index.eventCount());
    for (int task = 0; task < index.taskCount(); ++task) {
        const auto &spans = index.spans(task);
        QVERIFY2(!spans.empty(), qPrintable(recording.taskPath(task)));
        QCOMPARE(spans.front().phase, TaskPhase::NotStarted);
        QCOMPARE(recording.events[std::size_t(spans.front().firstEvent)].kind, EventKind::Spawn);
        for (std::size_t k = 0; k < spans.size(); ++k) {
            const TraceIndex::Span &span = spans[k];
            QVERIFY(span.start <= span.end);
            QCOMPARE(span.start, recording.events[std::size_t(span.firstEvent)].t);
            // The span's phase is the task's state right after the event that began it.
            QCOMPARE(index.statesAfter(span.firstEvent + 1).state(task)->phase, span.phase);
            if (k + 1 < spans.size()) {
                QCOMPARE(span.end, spans[k + 1].start);
                QVERIFY(span.phase != spans[k + 1].phase);
            }
        }
        // A task that ended has its last span end at its end; one still running, at the trace's end.
        const TaskState *state = final.state(task);
        QVERIFY(state);
        if (!isFinalPhase(state->phase))
            QCOMPARE(spans.back().end, index.endTime());
    }
}

void TestTraceIndex::openedRecordingIndexesItsEvents()
{
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("job.recording.jsonl"));
    const Recording recording = recordToEnd(*scenario, Runtime::Kotlin, {});
    QVERIFY2(saveRecordingFile(recording, path, &error), qPrintable(error));

    const std::unique_ptr<OpenedRecording> opened = OpenedRecording::open(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->index().eventCount(), qint64(recording.events.size()));
    QCOMPARE(&opened->index().event(0), &opened->recording().events.front());  // the index reads the recording's own events
    // Just before 1.3 s job sleeps; after event 18, the cancellation delivered in its sleep, it unwinds.
    const TaskStates at1300 = opened->index().statesAfter(opened->index().eventsUntil(1299));
    QCOMPARE(at1300.state(1)->phase, TaskPhase::Suspended);
    QCOMPARE(opened->index().statesAfter(19).state(1)->phase, TaskPhase::Unwinding);
    QCOMPARE(opened->index().statesAfter(19).state(1)->detail(), QStringLiteral("delivered at sleep"));

    QVERIFY(!OpenedRecording::open(dir.filePath(QStringLiteral("missing")), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot open the recording")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTraceIndex)
#include "tst_traceindex.moc"
