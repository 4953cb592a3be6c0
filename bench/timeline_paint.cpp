// The timeline on a run of about a million events over a thousand tasks: how long one paint takes
// (the routine the window's TimelineView and the exported frames share), fitted to the whole run,
// zoomed in, scrolled to the middle lanes, and while scrubbing (a seek of the session, then a
// paint). Not run by ctest.
//
//   timeline_paint [--workers N] [--iterations N] [--width W] [--height H] [--repeat R]
//
// Output lines are "key: value"; times are medians of R paints (default 20) in milliseconds.

#include "session.h"
#include "workerscenario.h"
#include "timelinemarks.h"
#include "timelinepainter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>

using namespace cascade;

namespace {

QTextStream out(stdout);

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("Tasks."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"), QStringLiteral("Ticks a task."), QStringLiteral("N"), QStringLiteral("250"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Pixels."), QStringLiteral("W"), QStringLiteral("1600"));
    const QCommandLineOption heightOption(QStringLiteral("height"), QStringLiteral("Pixels."), QStringLiteral("H"), QStringLiteral("300"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Paints a case."), QStringLiteral("R"), QStringLiteral("20"));
    parser.addOptions({workersOption, iterationsOption, widthOption, heightOption, repeatOption});
    parser.process(app);
    const int workers = parser.value(workersOption).toInt();
    const int iterations = parser.value(iterationsOption).toInt();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    // The run, as the window has it: a session (run to its end), its seek index, the marks.
    const QString path = QDir::temp().filePath(QStringLiteral("timeline-bench.json"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bench::workerScenarioJson(QStringLiteral("timeline-bench"), workers, iterations, iterations * 10 - 5)) < 0)
            return 1;
    }
    QElapsedTimer timer;
    timer.start();
    Session session;
    if (!session.open(path)) {
        out << "error: " << session.error() << Qt::endl;
        return 1;
    }
    out << "events: " << session.eventCount() << "\ntasks: " << session.tasks()->rowCount()
        << "\nrun_and_index_ms: " << timer.elapsed() << Qt::endl;
    timer.restart();
    const TimelineMarks marks(session.trace());
    out << "marks_ms: " << timer.elapsed() << "\narrows: " << marks.arrows().size() << Qt::endl;
    session.seekToTime(session.endTime());

    TimelineGeometry g;
    g.width = parser.value(widthOption).toInt();
    g.height = parser.value(heightOption).toInt();
    QImage image(int(g.width), int(g.height), QImage::Format_ARGB32_Premultiplied);
    const auto paint = [&](const QList<TimelineLane> &lanes) {
        const std::vector<int> laneOf = timelineLaneIndex(lanes);
        TimelineFrame frame;
        frame.events = &session.trace();
        frame.index = session.index();
        frame.marks = &marks;
        frame.lanes = &lanes;
        frame.laneOfTask = &laneOf;
        frame.shown = session.shownEvents();
        frame.now = session.now();
        frame.endTime = session.endTime();
        QElapsedTimer t;
        t.start();
        QPainter painter(&image);
        paintTimeline(painter, frame, g);
        painter.end();
        return double(t.nsecsElapsed()) / 1e6;
    };
    const QList<TimelineLane> lanes = timelineLanes(session.tasks());
    const auto measure = [&](const char *name) {
        std::vector<double> times;
        for (int i = 0; i < repeat; ++i)
            times.push_back(paint(lanes));
        out << name << "_paint_ms: " << median(times) << Qt::endl;
    };
    g.msPerPixel = double(session.endTime()) / (g.plotWidth() - 16);
    measure("fitted");
    g.t0 = double(session.endTime()) / 2;
    g.msPerPixel = 10.0 / g.plotWidth();
    measure("zoomed_10ms");
    g.t0 = 0;
    g.msPerPixel = double(session.endTime()) / (g.plotWidth() - 16);
    g.scrollY = g.clampedScroll(lanes.size() * g.laneHeight / 2, int(lanes.size()));
    measure("middle_lanes");

    // Scrubbing: a seek of the session (the tree and the log follow it), then a paint.
    std::vector<double> seeks, paints;
    for (int i = 0; i < repeat; ++i) {
        const qint64 at = session.endTime() * (i * 7919 % repeat) / repeat;
        QElapsedTimer t;
        t.start();
        session.seekToTime(at);
        seeks.push_back(double(t.nsecsElapsed()) / 1e6);
        paints.push_back(paint(timelineLanes(session.tasks())));
    }
    out << "scrub_seek_ms: " << median(seeks) << "\nscrub_seek_worst_ms: " << *std::max_element(seeks.begin(), seeks.end())
        << "\nscrub_paint_ms: " << median(paints) << Qt::endl;
    QFile::remove(path);
    return 0;
}
