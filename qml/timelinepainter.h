#pragma once

#include "timelinemarks.h"
#include "traceindex.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <utility>
#include <vector>

class QAbstractItemModel;
class QPainter;

namespace cascade {

//! One lane of the timeline: a row of the task list, in its depth-first order.
struct TimelineLane {
    int taskId = -1;  // -1: planned, not spawned (yet): an empty lane
    int depth = 0;
    QString name;
    QString path;
};

//! Where things are on the timeline, in item pixels: the label column on the left, the time axis
//! on top, the lanes below it (scrolled by scrollY), time running left to right from t0.
struct TimelineGeometry {
    double width = 0;
    double height = 0;
    double labelWidth = 170;
    double axisHeight = 24;
    double laneHeight = 20;
    double t0 = 0;          // virtual ms at the plot's left edge
    double msPerPixel = 1;  // > 0
    double scrollY = 0;     // pixels of lanes scrolled off the top

    [[nodiscard]] double plotLeft() const { return labelWidth; }
    [[nodiscard]] double plotWidth() const { return std::max(1.0, width - labelWidth); }
    [[nodiscard]] double xOf(double ms) const { return labelWidth + (ms - t0) / msPerPixel; }
    [[nodiscard]] double timeAt(double x) const { return t0 + (x - labelWidth) * msPerPixel; }
    [[nodiscard]] double t1() const { return timeAt(width); }
    [[nodiscard]] double laneTop(int lane) const { return axisHeight + lane * laneHeight - scrollY; }
    //! The lane at an item y (may be out of range: check against the lane count), -1 on the axis.
    [[nodiscard]] int laneAt(double y) const;
    //! The lanes that show at least one pixel: {first, last}, empty when last < first.
    [[nodiscard]] std::pair<int, int> visibleLanes(int laneCount) const;
    //! Lanes' total height, for scrolling.
    [[nodiscard]] double contentHeight(int laneCount) const { return laneCount * laneHeight; }
    //! scrollY within its range for this many lanes.
    [[nodiscard]] double clampedScroll(double y, int laneCount) const;
};

//! What one frame of the timeline shows: the whole run (events, its index, its marks), the lanes,
//! and how much of it has happened (`shown` events, the playhead at `now`). Nothing after the
//! playhead is drawn but the axis: the run is known in advance and must not be given away.
struct TimelineFrame {
    const std::vector<TraceEvent> *events = nullptr;
    const TraceIndex *index = nullptr;
    const TimelineMarks *marks = nullptr;
    const QList<TimelineLane> *lanes = nullptr;
    const std::vector<int> *laneOfTask = nullptr;  // by task id, -1 when it has no lane
    qint64 shown = 0;
    qint64 now = 0;
    qint64 endTime = 0;
    int selectedLane = -1;
    int hoveredLane = -1;
    bool highContrast = false;
    bool focused = false;
};

//! Paints the timeline into the rectangle (0, 0, width, height) of the painter's coordinates: the
//! one painting routine of the window's timeline (a QQuickPaintedItem) and of exported frames.
//! Costs O(visible lanes x min(spans in view, width)): spans thinner than a pixel are drawn a pixel
//! column at a time, each column the state in force at its right edge.
void paintTimeline(QPainter &painter, const TimelineFrame &frame, const TimelineGeometry &geometry);

//! The marked event (an index into the trace) nearest to an item point within `radius` pixels on
//! its lane, among those shown; -1 when none.
[[nodiscard]] qint64 timelineEventAt(const TimelineFrame &frame, const TimelineGeometry &geometry, QPointF point,
                                     double radius = 6);
//! The span of a lane under an item x, clipped to the playhead; nullptr when none is shown there.
[[nodiscard]] const TraceIndex::Span *timelineSpanAt(const TimelineFrame &frame, const TimelineGeometry &geometry,
                                                     int lane, double x);

//! The lanes of a task list model (roles taskId, depth, name, path), in its row order.
[[nodiscard]] QList<TimelineLane> timelineLanes(const QAbstractItemModel *model);
//! Task id -> lane, for arrows between lanes.
[[nodiscard]] std::vector<int> timelineLaneIndex(const QList<TimelineLane> &lanes);

} // namespace cascade
