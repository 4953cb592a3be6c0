// The Chrome trace export, read back with QJsonDocument: the format's required fields on every
// event, slices with a duration, flows that pair up and bind to a slice on both ends, and a named
// track for every task.

#include "chrometrace.h"
#include "recordinghelpers.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <set>

using namespace cascade;
using namespace cascade::testing;

class TestChromeTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportValidates_data();
    void exportValidates();
    void cancelFlowGoesFromRequesterToTarget();
};

namespace {

QJsonArray exportEvents(const Recording &recording, QByteArray *raw = nullptr)
{
    const TraceIndex index(recording.events);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!writeChromeTrace(recording, index, buffer))
        return {};
    if (raw)
        *raw = bytes;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON: %s at %d", qPrintable(error.errorString()), error.offset);
        return {};
    }
    return document.object().value(QLatin1String("traceEvents")).toArray();
}

} // namespace

void TestChromeTrace::exportValidates_data()
{
    addLessonScriptRows();
}

void TestChromeTrace::exportValidates()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QFETCH(QString, script);
    QString error;
    const auto scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario && runtime >= 0, qPrintable(error));
    const Recording recording = recordToEnd(*scenario, Runtime(runtime), scriptedActions(*scenario, Runtime(runtime), script));
    const QJsonArray events = exportEvents(recording);
    QVERIFY(!events.isEmpty());

    std::map<int, QString> threadNames;                      // tid -> name
    std::map<int, std::vector<std::pair<double, double>>> slices;  // tid -> [start, end]
    std::map<qint64, QJsonObject> flowStarts, flowEnds;
    std::set<int> tidsUsed;
    double lastTs = 0;
    int instants = 0;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        for (const char *key : {"name", "ph", "ts", "pid", "tid"})
            QVERIFY2(event.contains(QLatin1String(key)), qPrintable(QStringLiteral("no %1 in %2").arg(QLatin1String(key), QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)))));
        QVERIFY(event.value(QLatin1String("name")).isString());
        QVERIFY(event.value(QLatin1String("ts")).isDouble());
        QVERIFY(event.value(QLatin1String("pid")).isDouble());
        QVERIFY(event.value(QLatin1String("tid")).isDouble());
        const QString ph = event.value(QLatin1String("ph")).toString();
        const int tid = event.value(QLatin1String("tid")).toInt();
        const double ts = event.value(QLatin1String("ts")).toDouble();
        lastTs = std::max(lastTs, ts);
        if (ph == QLatin1String("M")) {
            if (event.value(QLatin1String("name")).toString() == QLatin1String("thread_name"))
                threadNames[tid] = event.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString();
            continue;
        }
        tidsUsed.insert(tid);
        if (ph == QLatin1String("X")) {
            QVERIFY(event.value(QLatin1String("dur")).isDouble());
            const double dur = event.value(QLatin1String("dur")).toDouble();
            QVERIFY2(dur >= 0, "a slice with a negative duration");
            slices[tid].emplace_back(ts, ts + dur);
        } else if (ph == QLatin1String("i")) {
            QCOMPARE(event.value(QLatin1String("s")).toString(), QStringLiteral("t"));
            ++instants;
        } else if (ph == QLatin1String("s") || ph == QLatin1String("f")) {
            QVERIFY(event.value(QLatin1String("id")).isDouble());
            auto &side = ph == QLatin1String("s") ? flowStarts : flowEnds;
            const qint64 id = qint64(event.value(QLatin1String("id")).toDouble());
            QVERIFY2(side.emplace(id, event).second, "two flow events of one kind share an id");
            if (ph == QLatin1String("f"))
                QCOMPARE(event.value(QLatin1String("bp")).toString(), QStringLiteral("e"));
        } else {
            QFAIL(qPrintable(QStringLiteral("unexpected ph '%1'").arg(ph)));
        }
    }
    QVERIFY(instants > 0);
    // Virtual milliseconds as microseconds.
    QCOMPARE(lastTs, double(recording.events.back().t) * 1000);

    // Every task has a named track; every track in use is a task's.
    QCOMPARE(int(threadNames.size()), recording.taskCount());
    for (int task = 0; task < recording.taskCount(); ++task)
        QCOMPARE(threadNames[task + 1], recording.taskPath(task));
    for (const int tid : tidsUsed)
        QVERIFY2(threadNames.count(tid), qPrintable(QStringLiteral("tid %1 has no thread_name").arg(tid)));

    // Flows pair up, at one instant, and each end lies in a slice of its track.
    QCOMPARE(flowStarts.size(), flowEnds.size());
    const auto inSlice = [&](int tid, double ts) {
        for (const auto &[start, end] : slices[tid]) {
            if (start <= ts && ts <= end)
                return true;
        }
        return false;
    };
    for (const auto &[id, start] : flowStarts) {
        QVERIFY2(flowEnds.count(id), qPrintable(QStringLiteral("flow %1 has no end").arg(id)));
        const QJsonObject &end = flowEnds[id];
        QCOMPARE(start.value(QLatin1String("ts")).toDouble(), end.value(QLatin1String("ts")).toDouble());
        QCOMPARE(start.value(QLatin1String("name")).toString(), end.value(QLatin1String("name")).toString());
        QVERIFY(inSlice(start.value(QLatin1String("tid")).toInt(), start.value(QLatin1String("ts")).toDouble()));
        QVERIFY(inSlice(end.value(QLatin1String("tid")).toInt(), end.value(QLatin1String("ts")).toDouble()));
    }
}

void TestChromeTrace::cancelFlowGoesFromRequesterToTarget()
{
    // kotlin-cancel-join: at 1.3 s main cancels job (event 15).
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    QByteArray raw;
    const QJsonArray events = exportEvents(recordToEnd(*scenario, Runtime::Kotlin, {}), &raw);
    QVERIFY(raw.contains(R"({"name":"cancel-request","ph":"s","ts":1300000,"pid":1,"tid":1,"cat":"cancel","id":15})"));
    QVERIFY(raw.contains(R"({"name":"cancel-request","ph":"f","ts":1300000,"pid":1,"tid":2,"cat":"cancel","id":15,"bp":"e"})"));
    QVERIFY(raw.contains(R"({"name":"cancel-deliver","ph":"i","ts":1300000,"pid":1,"tid":2,"cat":"cancel","s":"t","args":{"seq":18,"at":"sleep"}})"));
    QVERIFY(raw.contains(R"({"name":"suspended","ph":"X","ts":0,"pid":1,"tid":1,"cat":"state","dur":1300000,"args":{"seq":3,"detail":"sleep"}})"));
    QVERIFY(raw.contains(R"({"name":"thread_name","ph":"M","ts":0,"pid":1,"tid":2,"args":{"name":"main/job"}})"));
}

QTEST_GUILESS_MAIN(TestChromeTrace)
#include "tst_chrometrace.moc"
