// Opening and seeking a large recording. Driven by bench/recording-seek.sh, which also times
// CPython's json module on the same events.
//
//   recording_seek generate --dir DIR [--workers N] [--iterations N]
//   recording_seek measure --dir DIR [--repeat R] [--seeks S]
//   recording_seek qjson --dir DIR
//
// generate: makes a scenario that makes about a million events (N workers in a strict Kotlin group,
// each printing and sleeping 10 ms per iteration; main is cancelled by the user before they are
// done, so the trace ends with a cancellation reaching every worker), runs it, saves the
// recording and the JSON Lines trace of the same run into DIR. measure (a process of its own, so
// that its memory figures are the open recording's): times opening the recording (load + seek
// index, median of R) and S seeks to random event counts (seeded), and prints the memory in use.
// qjson: the straightforward way for comparison, QJsonDocument::fromJson of each line of the
// JSON Lines trace (the objects only, no checks and no TraceEvents).
// Output lines are "key: value".

#include "engine.h"
#include "workerscenario.h"
#include "recordingreplay.h"
#include "scenarioloader.h"
#include "traceindex.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace cascade;

namespace {

QTextStream out(stdout);

//! Resident and peak memory of this process in MiB, from /proc/self/status.
std::pair<double, double> memoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = -1;
    double peak = -1;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const auto kib = [&](const char *key) { return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').value(0).toDouble() / 1024; };
            if (line.startsWith("VmRSS:"))
                rss = kib("VmRSS:");
            else if (line.startsWith("VmHWM:"))
                peak = kib("VmHWM:");
        }
    }
    return {rss, peak};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString dir;
    int workers = 1000;
    int iterations = 400;
    int repeat = 3;
    int seeks = 100;
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        const QString key = args.at(i);
        const QString value = args.at(i + 1);
        if (key == QLatin1String("--dir"))
            dir = value;
        else if (key == QLatin1String("--workers"))
            workers = value.toInt();
        else if (key == QLatin1String("--iterations"))
            iterations = value.toInt();
        else if (key == QLatin1String("--repeat"))
            repeat = value.toInt();
        else if (key == QLatin1String("--seeks"))
            seeks = value.toInt();
    }
    if ((mode != QLatin1String("generate") && mode != QLatin1String("measure") && mode != QLatin1String("qjson"))
        || dir.isEmpty() || workers < 1
        || iterations < 1 || repeat < 1 || seeks < 1) {
        std::fputs("usage: recording_seek generate|measure|qjson --dir DIR [--workers N] [--iterations N] [--repeat R] [--seeks S]\n", stderr);
        return 2;
    }
    const QString recordingPath = QDir(dir).filePath(QStringLiteral("bench.recording.jsonl"));
    const QString tracePath = QDir(dir).filePath(QStringLiteral("bench.trace.jsonl"));

    // --- 1. make the recording (and the same trace as JSON Lines, for Python)
    if (mode == QLatin1String("generate")) {
        QString error;
        const auto scenario = ScenarioLoader::parse(bench::workerScenarioJson(QStringLiteral("recording-bench"), workers, iterations), QStringLiteral("recording-bench"), &error);
        if (!scenario) {
            std::fprintf(stderr, "recording_seek: %s\n", qPrintable(error));
            return 1;
        }
        UserAction cancel;
        cancel.kind = UserAction::Kind::Cancel;
        cancel.at = qint64(iterations) * 10 * 7 / 8;  // most of the work done, then the user cancels main
        cancel.taskPath = QStringLiteral("main");
        QElapsedTimer timer;
        timer.start();
        Engine engine(*scenario, Runtime::Kotlin);
        engine.schedule(cancel);
        engine.runToEnd();
        const double runMs = double(timer.nsecsElapsed()) / 1e6;
        const Recording recording = recordRun(*scenario, Runtime::Kotlin, {cancel}, engine);
        timer.restart();
        if (!saveRecordingFile(recording, recordingPath, &error)) {
            std::fprintf(stderr, "recording_seek: %s\n", qPrintable(error));
            return 1;
        }
        const double saveMs = double(timer.nsecsElapsed()) / 1e6;
        QSaveFile trace(tracePath);
        if (!trace.open(QIODevice::WriteOnly) || trace.write(engine.traceJsonLines()) < 0 || !trace.commit()) {
            std::fprintf(stderr, "recording_seek: cannot write %s\n", qPrintable(tracePath));
            return 1;
        }
        out << "events: " << engine.eventCount() << "\ntasks: " << engine.taskCount()
            << "\nrecording_mb: " << QString::number(double(QFileInfo(recordingPath).size()) / (1 << 20), 'f', 1)
            << "\ntrace_jsonl_mb: " << QString::number(double(QFileInfo(tracePath).size()) / (1 << 20), 'f', 1)
            << "\nengine_run_ms: " << QString::number(runMs, 'f', 1) << "\nsave_ms: " << QString::number(saveMs, 'f', 1) << '\n';
        out.flush();
        return 0;
    }
    if (mode == QLatin1String("qjson")) {
        QElapsedTimer timer;
        timer.start();
        QFile trace(tracePath);
        if (!trace.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "recording_seek: cannot read %s\n", qPrintable(tracePath));
            return 1;
        }
        const QByteArray bytes = trace.readAll();
        std::vector<QJsonObject> objects;
        for (qsizetype start = 0; start < bytes.size();) {
            qsizetype end = bytes.indexOf('\n', start);
            if (end < 0)
                end = bytes.size();
            objects.push_back(QJsonDocument::fromJson(QByteArray::fromRawData(bytes.constData() + start, end - start)).object());
            start = end + 1;
        }
        out << "qjsondocument_lines: " << objects.size() << "\nqjsondocument_load_ms: "
            << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 1) << '\n';
        return 0;
    }
    const auto [rssBefore, peakBefore] = memoryMiB();
    Q_UNUSED(peakBefore);

    // --- 2. open: load + index, median of `repeat`
    std::vector<double> parseTimes;
    std::vector<double> indexTimes;
    std::vector<double> openTimes;
    std::optional<Recording> recording;
    std::optional<TraceIndex> index;
    for (int r = 0; r < repeat; ++r) {
        index.reset();
        recording.reset();
        QElapsedTimer timer;
        timer.start();
        QString error;
        recording = RecordingLoader::loadFile(recordingPath, &error);
        if (!recording) {
            std::fprintf(stderr, "recording_seek: %s\n", qPrintable(error));
            return 1;
        }
        const qint64 parsed = timer.nsecsElapsed();
        index.emplace(recording->events);
        const qint64 opened = timer.nsecsElapsed();
        parseTimes.push_back(double(parsed) / 1e6);
        indexTimes.push_back(double(opened - parsed) / 1e6);
        openTimes.push_back(double(opened) / 1e6);
    }
    const auto [rssLoaded, peakLoaded] = memoryMiB();

    // --- 3. seeks to random event counts (seeded), each from a fresh restore
    std::mt19937_64 random(20240611);
    std::vector<double> seekTimes;
    std::vector<double> cursorTimes;
    TaskStates cursor;
    qint64 position = 0;
    qint64 checksum = 0;
    for (int s = 0; s < seeks; ++s) {
        const qint64 target = qint64(random() % quint64(index->eventCount() + 1));
        QElapsedTimer timer;
        timer.start();
        const TaskStates states = index->statesAfter(target);
        seekTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        checksum += states.size();
        timer.restart();
        index->seek(&cursor, &position, target);  // the scrubbing path: a cursor moved around
        cursorTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::vector<double> timeLookups;
    for (int s = 0; s < seeks; ++s) {
        const qint64 t = qint64(random() % quint64(index->endTime() + 1));
        QElapsedTimer timer;
        timer.start();
        const TaskStates states = index->statesAfter(index->eventsUntil(t));
        timeLookups.push_back(double(timer.nsecsElapsed()) / 1e6);
        checksum += states.size();
    }

    qint64 spans = 0;
    for (int task = 0; task < index->taskCount(); ++task)
        spans += qint64(index->spans(task).size());
    out << "snapshot_interval: " << index->interval() << "\nsnapshots: " << index->snapshotCount() << "\nspans: " << spans
        << "\nparse_ms: " << QString::number(median(parseTimes), 'f', 1)
        << "\nindex_ms: " << QString::number(median(indexTimes), 'f', 1)
        << "\nseek_median_ms: " << QString::number(median(seekTimes), 'f', 3)
        << "\nseek_by_time_worst_ms: " << QString::number(*std::max_element(timeLookups.begin(), timeLookups.end()), 'f', 3)
        << "\ncursor_seek_median_ms: " << QString::number(median(cursorTimes), 'f', 3)
        << "\nrss_before_open_mb: " << QString::number(rssBefore, 'f', 1)
        << "\nrss_open_mb: " << QString::number(rssLoaded, 'f', 1)
        << "\npeak_rss_mb: " << QString::number(peakLoaded, 'f', 1)
        << "\nchecksum: " << checksum
        << "\nload_ms: " << QString::number(median(openTimes), 'f', 1)
        << "\nseek_worst_ms: " << QString::number(*std::max_element(seekTimes.begin(), seekTimes.end()), 'f', 3) << '\n';
    out.flush();
    return 0;
}
