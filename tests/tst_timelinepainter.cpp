// The timeline's painting routine on made-up traces, into an image: spans thinner than a pixel are
// drawn one pixel column at a time in the state in force at the column's right edge, nothing is
// drawn past what has been shown, marks have their shapes, and a million events over a thousand
// tasks paint (visible lanes only). The window's item and the exported frames share this routine.

#include "timelinepainter.h"
#include "treescene.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace cascade;

namespace {

TraceEvent event(qint64 t, int task, EventKind kind, int other = -1, quint8 code = 0)
{
    TraceEvent e;
    e.t = t;
    e.task = task;
    e.kind = kind;
    e.other = other;
    e.code = code;
    if (kind == EventKind::Suspend)
        e.text = QStringLiteral("sleep");
    return e;
}

//! `tasks` tasks under a root, each alternating running / suspended every `periodMs` from 0 to
//! `endMs`, then ending; the root requests a cancel of each at the end.
std::vector<TraceEvent> alternatingTrace(int tasks, qint64 endMs, double periodMs)
{
    std::vector<TraceEvent> events;
    events.push_back(event(0, 0, EventKind::Spawn, -1, quint8(LinkCode::Child)));
    events.push_back(event(0, 0, EventKind::Start));
    for (int task = 1; task <= tasks; ++task) {
        events.push_back(event(0, task, EventKind::Spawn, 0, quint8(LinkCode::Child)));
        events.push_back(event(0, task, EventKind::Start));
    }
    const qint64 steps = qint64(double(endMs) / periodMs);
    for (qint64 step = 1; step < steps; ++step) {
        const qint64 t = qint64(double(step) * periodMs);
        for (int task = 1; task <= tasks; ++task)
            events.push_back(event(t, task, step % 2 ? EventKind::Suspend : EventKind::Resume));
    }
    for (int task = 1; task <= tasks; ++task) {
        events.push_back(event(endMs, task, EventKind::CancelRequest, 0, quint8(CancelCause::Parent)));
        events.push_back(event(endMs, task, EventKind::End, -1, quint8(Outcome::Cancelled)));
    }
    events.push_back(event(endMs, 0, EventKind::End, -1, quint8(Outcome::Completed)));
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].seq = qint64(i);
    return events;
}

struct Picture {
    std::vector<TraceEvent> events;
    std::unique_ptr<TraceIndex> index;
    std::unique_ptr<TimelineMarks> marks;
    QList<TimelineLane> lanes;
    std::vector<int> laneOfTask;
    TimelineGeometry geometry;

    Picture(std::vector<TraceEvent> trace, int tasks, QSize size, double laneHeight = 20)
        : events(std::move(trace)), index(std::make_unique<TraceIndex>(events)), marks(std::make_unique<TimelineMarks>(events))
    {
        lanes.append({0, 0, QStringLiteral("main"), QStringLiteral("main")});
        for (int task = 1; task <= tasks; ++task)
            lanes.append({task, 1, QStringLiteral("t%1").arg(task), QStringLiteral("main/t%1").arg(task)});
        laneOfTask = timelineLaneIndex(lanes);
        geometry.width = size.width();
        geometry.height = size.height();
        geometry.laneHeight = laneHeight;
        geometry.msPerPixel = double(events.back().t) / (geometry.plotWidth() - 16);
    }
    TimelineFrame frame(qint64 shown) const
    {
        TimelineFrame f;
        f.events = &events;
        f.index = index.get();
        f.marks = marks.get();
        f.lanes = &lanes;
        f.laneOfTask = &laneOfTask;
        f.shown = shown;
        f.now = shown > 0 ? events[std::size_t(shown - 1)].t : 0;
        f.endTime = events.back().t;
        return f;
    }
    QImage paint(qint64 shown) const
    {
        QImage image(int(geometry.width), int(geometry.height), QImage::Format_ARGB32);
        QPainter painter(&image);
        paintTimeline(painter, frame(shown), geometry);
        painter.end();
        return image;
    }
};

QRgb accentOf(TaskPhase phase)
{
    return treeStateStyle(taskPhaseName(phase)).accent | 0xff000000;
}

} // namespace

class TestTimelinePainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thinSpansShowTheStateAtEachColumnsRightEdge()
    {
        // One task switching state every 0.3 ms over 1000 ms: about four spans per pixel column.
        const Picture p(alternatingTrace(1, 1000, 0.3), 1, QSize(1000, 120));
        const QImage image = p.paint(qint64(p.events.size()));
        const int laneMiddle = int(p.geometry.laneTop(1) + p.geometry.laneHeight / 2);
        const double firstColumn = std::ceil(p.geometry.plotLeft()) + 2;
        const double lastColumn = std::floor(p.geometry.xOf(990)) - 2;
        int checked = 0;
        for (double column = firstColumn; column < lastColumn; column += 7) {
            // The span in force at the edge began at or before it: its phase is that of the task then.
            const TraceIndex::Span *span = nullptr;
            for (const TraceIndex::Span &s : p.index->spans(1)) {
                if (double(s.start) <= p.geometry.timeAt(column + 1))
                    span = &s;
            }
            QVERIFY(span);
            QCOMPARE(image.pixel(int(column), laneMiddle) | 0xff000000, accentOf(span->phase));
            ++checked;
        }
        QVERIFY(checked > 100);
    }

    void nothingIsDrawnPastWhatWasShown()
    {
        const Picture p(alternatingTrace(3, 1000, 20), 3, QSize(1000, 160));
        const qint64 shown = qint64(p.events.size()) / 2;
        const QImage image = p.paint(shown);
        const double playhead = p.geometry.xOf(double(p.events[std::size_t(shown - 1)].t));
        for (int lane = 1; lane <= 3; ++lane) {
            const int y = int(p.geometry.laneTop(lane) + p.geometry.laneHeight / 2);
            int before = 0, after = 0;
            for (int x = int(p.geometry.plotLeft()) + 2; x < int(p.geometry.width); ++x) {
                const QRgb pixel = image.pixel(x, y) | 0xff000000;
                const bool state = pixel == accentOf(TaskPhase::Running) || pixel == accentOf(TaskPhase::Suspended)
                                   || pixel == (treeStateStyle(QStringLiteral("running")).fill | 0xff000000)
                                   || pixel == (treeStateStyle(QStringLiteral("suspended")).fill | 0xff000000);
                if (state && x < playhead - 1)
                    ++before;
                else if (state && x > playhead + 2)
                    ++after;
            }
            QVERIFY(before > 100);
            QCOMPARE(after, 0);
        }
        // The cancel requests at the end are not shown yet either.
        int requests = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                requests += (image.pixel(x, y) | 0xff000000) == (treePalette().pendingRing | 0xff000000) ? 1 : 0;
        }
        QCOMPARE(requests, 0);
    }

    void marksAndArrowsAtTheEnd()
    {
        const Picture p(alternatingTrace(3, 1000, 20), 3, QSize(1000, 160));
        const QImage image = p.paint(qint64(p.events.size()));
        int requests = 0, arrows = 0;
        const int endX = int(std::round(p.geometry.xOf(1000)));
        for (int y = int(p.geometry.axisHeight); y < image.height(); ++y) {
            for (int x = endX - 8; x <= endX + 8; ++x) {
                const QRgb pixel = image.pixel(x, y) | 0xff000000;
                requests += pixel == (treePalette().pendingRing | 0xff000000) ? 1 : 0;
                arrows += pixel == (treePalette().cancelPulse | 0xff000000) ? 1 : 0;
            }
        }
        QVERIFY2(requests > 20, qPrintable(QString::number(requests)));  // a triangle on each of the three lanes
        QVERIFY2(arrows > 20, qPrintable(QString::number(arrows)));      // from main's lane down to them
        // Hit testing finds the request on lane 2 at the end.
        const QPointF at(p.geometry.xOf(1000), p.geometry.laneTop(2) + p.geometry.laneHeight / 2);
        const qint64 found = timelineEventAt(p.frame(qint64(p.events.size())), p.geometry, at);
        QVERIFY(found >= 0);
        QCOMPARE(p.events[std::size_t(found)].task, 2);
        QCOMPARE(p.events[std::size_t(found)].t, 1000);
    }

    void aMillionEventsOverAThousandTasks()
    {
        // 1000 tasks switching every millisecond for 1000 ms: over 1,000,000 events. Only the lanes
        // that fit are painted, each at most a column per pixel.
        Picture p(alternatingTrace(1000, 1000, 1), 1000, QSize(1280, 400), 20);
        QVERIFY(p.events.size() > 1'000'000);
        const auto [first, last] = p.geometry.visibleLanes(int(p.lanes.size()));
        QCOMPARE(first, 0);
        QCOMPARE(last, 18);  // (400 - 24) / 20 lanes show, the last one in part
        const QImage image = p.paint(qint64(p.events.size()));
        const int y = int(p.geometry.laneTop(5) + p.geometry.laneHeight / 2);
        int painted = 0;
        for (int x = int(p.geometry.plotLeft()) + 2; x < int(p.geometry.xOf(990)); ++x)
            painted += (image.pixel(x, y) | 0xff000000) != (treePalette().background | 0xff000000) ? 1 : 0;
        QVERIFY(painted > 1000);
        // Scrolled to the last lanes, and zoomed into a millisecond.
        p.geometry.scrollY = p.geometry.clampedScroll(1e9, int(p.lanes.size()));
        QCOMPARE(p.geometry.visibleLanes(int(p.lanes.size())).second, 1000);
        p.geometry.msPerPixel = 1.0 / 64;
        p.geometry.t0 = 500;
        const QImage zoomed = p.paint(qint64(p.events.size()));
        QVERIFY(!zoomed.isNull());
    }
};

QTEST_MAIN(TestTimelinePainter)
#include "tst_timelinepainter.moc"
