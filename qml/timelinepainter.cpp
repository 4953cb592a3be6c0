#include "timelinepainter.h"

#include "glyphatlas.h"
#include "tasklistmodel.h"
#include "timelinemarkpaint.h"
#include "treescene.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace cascade {

namespace {

//! The timeline's words (its axis, its playhead) in their own translation context.
class TimelineWords
{
    Q_DECLARE_TR_FUNCTIONS(Timeline)
};

constexpr int PhaseCount = int(TaskPhase::TimedOut) + 1;
constexpr double MinBucketPixels = 3;  // marks closer than a bucket share one place per kind

QColor color(quint32 argb) { return QColor::fromRgba(argb); }

QColor withAlpha(quint32 argb, int alpha)
{
    QColor c = color(argb);
    c.setAlpha(alpha);
    return c;
}

//! What a frame needs again and again: colours by phase, fonts, sizes.
struct Style {
    explicit Style(const TimelineFrame &frame, const TimelineGeometry &g)
        : palette(treePalette(frame.highContrast)),
          labelPixels(std::clamp(g.laneHeight * 0.62, 7.0, 16.0)),
          axisPixels(std::clamp(g.axisHeight * 0.5, 9.0, 16.0)),
          font(labelFont(false, labelPixels)), boldFont(labelFont(true, labelPixels)), axisFont(labelFont(false, axisPixels)),
          axisBold(labelFont(true, axisPixels)), metrics(font), boldMetrics(boldFont), axisMetrics(axisBold),
          markSize(std::clamp(g.laneHeight * 0.62, 5.0, 14.0))
    {
        for (int phase = 0; phase < PhaseCount; ++phase) {
            states[std::size_t(phase)] = treeStateStyle(taskPhaseName(TaskPhase(phase)), frame.highContrast);
            wordWidths[std::size_t(phase)] = metrics.horizontalAdvance(states[std::size_t(phase)].word);
        }
    }
    const TreePalette &palette;
    std::array<TreeStateStyle, PhaseCount> states;
    std::array<double, PhaseCount> wordWidths{};  // measured once a paint, not once a span: shaping is dear
    double labelPixels;
    double axisPixels;
    QFont font, boldFont, axisFont, axisBold;
    QFontMetricsF metrics, boldMetrics, axisMetrics;
    double markSize;
};

//! The 1-2-5 step in ms that puts axis labels at least `minPixels` apart.
double tickStep(double msPerPixel, double minPixels)
{
    const double least = msPerPixel * minPixels;
    double step = 1;
    while (step < least) {
        for (const double factor : {2.0, 2.5, 2.0}) {  // 1, 2, 5, 10, 20, 50...
            step *= factor;
            if (step >= least)
                break;
        }
    }
    return step;
}

//! The playhead's "t = N ms" plate on the axis, beside its handle on whichever side has room;
//! empty when the playhead is out of view.
QRectF playheadPlate(const TimelineFrame &frame, const TimelineGeometry &g, const Style &s, QString *text)
{
    const double x = std::round(g.xOf(double(frame.now)));
    *text = TimelineWords::tr("t = %1 ms").arg(frame.now);
    if (x < g.plotLeft() - 1 || x > g.width + 1)
        return {};
    const double h = std::max(5.0, g.axisHeight * 0.3);
    const double w = s.axisMetrics.horizontalAdvance(*text) + 10;
    const double left = x + h + 2 + w <= g.width ? x + h + 2 : x - h - 2 - w;
    return {left, 1, w, s.axisPixels + 6};
}

void paintAxis(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s)
{
    const double axisBottom = g.axisHeight;
    p.fillRect(QRectF(0, 0, g.width, axisBottom), color(s.palette.background));
    const double step = tickStep(g.msPerPixel, std::max(70.0, s.axisMetrics.horizontalAdvance(QStringLiteral("000000 ms")) + 16));
    const double first = std::max(0.0, std::floor(g.t0 / step) * step);
    const double last = std::min(double(frame.endTime), g.t1());
    p.setFont(s.axisFont);
    const double lanesBottom = g.height;
    QString plateText;
    const QRectF plate = playheadPlate(frame, g, s, &plateText).adjusted(-4, 0, 4, 0);
    double labelsRight = -1e9;  // where the last label drawn ends
    for (double t = first; t <= last + 1e-9; t += step) {
        const double x = std::round(g.xOf(t)) + 0.5;
        if (x < g.plotLeft())
            continue;
        p.setPen(QPen(withAlpha(s.palette.mutedText, 60), 1));
        p.drawLine(QPointF(x, axisBottom), QPointF(x, lanesBottom));  // grid line through the lanes
        p.setPen(QPen(color(s.palette.mutedText), 1));
        p.drawLine(QPointF(x, axisBottom - 6), QPointF(x, axisBottom));
        // Right of its tick, or left of it at the right edge; none under the playhead's plate.
        const QString label = TimelineWords::tr("%1 ms").arg(qint64(std::llround(t)));
        const double w = s.axisMetrics.horizontalAdvance(label);
        const double left = x + 3 + w <= g.width ? x + 3 : x - 3 - w;
        if ((!plate.isEmpty() && left < plate.right() && left + w > plate.left()) || left < labelsRight + 6)
            continue;
        p.drawText(QPointF(left, axisBottom - 8), label);
        labelsRight = left + w;
    }
    // The run's end: the axis stops there.
    const double endX = g.xOf(double(frame.endTime));
    if (endX >= g.plotLeft() && endX <= g.width) {
        p.setPen(QPen(color(s.palette.mutedText), 2));
        p.drawLine(QPointF(endX, 2), QPointF(endX, axisBottom));
    }
    p.setPen(QPen(color(s.palette.mutedText), 1));
    p.drawLine(QPointF(0, axisBottom - 0.5), QPointF(g.width, axisBottom - 0.5));
}

void paintLabels(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s, int first, int last)
{
    p.fillRect(QRectF(0, g.axisHeight, g.labelWidth, g.height - g.axisHeight), color(s.palette.background));
    if (s.labelPixels < 7.5 || g.laneHeight < 8)
        return;  // too small to read: the lanes speak for themselves
    const QList<TimelineLane> &lanes = *frame.lanes;
    for (int lane = first; lane <= last; ++lane) {
        const TimelineLane &l = lanes.at(lane);
        const double top = g.laneTop(lane);
        const double indent = 6 + std::min(l.depth, 12) * std::max(6.0, s.labelPixels * 0.8);
        const bool selected = lane == frame.selectedLane;
        const bool spawnedByNow = l.taskId >= 0;
        p.setFont(selected ? s.boldFont : s.font);
        p.setPen(color(selected ? s.palette.selection : spawnedByNow ? s.palette.text : s.palette.mutedText));
        const QFontMetricsF &m = selected ? s.boldMetrics : s.metrics;
        const QString text = m.elidedText(l.name, Qt::ElideMiddle, g.labelWidth - indent - 6);
        p.drawText(QPointF(indent, top + g.laneHeight / 2 + m.ascent() / 2 - 1), text);
    }
    p.setPen(QPen(color(s.palette.mutedText), 1));
    p.drawLine(QPointF(g.labelWidth - 0.5, g.axisHeight), QPointF(g.labelWidth - 0.5, g.height));
}

//! A lane's spans up to the playhead.
void paintSpans(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s, int lane)
{
    const int task = frame.lanes->at(lane).taskId;
    if (task < 0 || !frame.index || task >= frame.index->taskCount())
        return;
    const std::vector<TraceIndex::Span> &spans = frame.index->spans(task);
    const double top = g.laneTop(lane);
    const double inset = g.laneHeight >= 12 ? 3 : g.laneHeight >= 5 ? 1 : 0;
    const QRectF band(0, top + inset, 0, std::max(1.0, g.laneHeight - 2 * inset));
    const bool outlined = band.height() >= 8;
    const bool worded = band.height() >= 11 && s.labelPixels >= 7.5;
    const double right = std::min(g.width, g.xOf(double(frame.now)));
    double cursor = std::max(g.plotLeft(), g.xOf(0));
    if (right <= cursor)
        return;
    // Only spans begun by an event already shown; then the first that reaches into the view.
    const auto shownEnd = std::lower_bound(spans.begin(), spans.end(), frame.shown,
                                           [](const TraceIndex::Span &span, qint64 n) { return span.firstEvent < n; });
    const double tLeft = g.timeAt(cursor);
    auto it = std::lower_bound(spans.begin(), shownEnd, tLeft,
                               [](const TraceIndex::Span &span, double t) { return double(span.end) < t; });
    const auto visibleEnd = [&](const TraceIndex::Span &span) { return g.xOf(double(std::min(span.end, frame.now))); };
    p.setFont(s.font);
    while (it != shownEnd) {
        const double x0 = std::max(g.xOf(double(it->start)), cursor);
        if (x0 >= right)
            break;
        const double x1 = std::min(visibleEnd(*it), right);
        const TreeStateStyle &style = s.states[std::size_t(it->phase)];
        if (x1 - x0 >= 1) {
            const QRectF bar(x0, band.top(), x1 - x0, band.height());
            p.fillRect(bar, color(outlined ? style.fill : style.accent));
            if (outlined) {
                p.fillRect(QRectF(x0, bar.top(), x1 - x0, 1.5), color(style.accent));
                p.fillRect(QRectF(x0, bar.bottom() - 1.5, x1 - x0, 1.5), color(style.accent));
                if (g.xOf(double(it->start)) >= cursor)
                    p.fillRect(QRectF(x0, bar.top(), 1.5, bar.height()), color(style.accent));
            }
            if (worded && bar.width() > s.wordWidths[std::size_t(it->phase)] + 10) {
                p.setPen(color(style.ink));
                p.drawText(QPointF(x0 + 5, top + g.laneHeight / 2 + s.metrics.ascent() / 2 - 1), style.word);
            }
            cursor = x1;
            ++it;
            continue;
        }
        // Thinner than a pixel: the column [c, c + 1) shows the state in force at its right edge.
        const double column = std::floor(x0);
        const double edge = g.timeAt(column + 1);
        auto at = std::upper_bound(it, shownEnd, edge, [](double t, const TraceIndex::Span &span) { return t < double(span.start); });
        --at;  // at >= it: it begins before the edge
        const double from = std::max(column, cursor);
        const double to = std::min({column + 1, right, std::max(visibleEnd(*at), from + 1)});
        if (to > from)
            p.fillRect(QRectF(from, band.top(), to - from, band.height()), color(s.states[std::size_t(at->phase)].accent));
        cursor = column + 1;
        it = visibleEnd(*at) > cursor ? at : at + 1;
    }
}

quint32 markColor(TimelineMark mark, const TraceEvent &event, const Style &s)
{
    switch (mark) {
    case TimelineMark::CancelRequested: return event.code == quint8(CancelCause::Failure) ? s.palette.failurePulse : s.palette.pendingRing;
    case TimelineMark::Blocked: return s.palette.blocked;
    case TimelineMark::Delivered: return s.palette.cancelPulse;
    case TimelineMark::CheckPassed: return s.palette.checkPassed;
    case TimelineMark::CheckRaised: return s.palette.checkRaised;
    case TimelineMark::Timeout: return s.palette.deadline;
    case TimelineMark::Print: return s.palette.text;
    case TimelineMark::End: {
        const TaskPhase phase = event.code == quint8(Outcome::Cancelled) ? TaskPhase::Cancelled
                                : event.code == quint8(Outcome::Failed)  ? TaskPhase::Failed
                                                                         : TaskPhase::Completed;
        return s.states[std::size_t(phase)].accent;
    }
    }
    return s.palette.text;
}

//! The marked events of a lane shown in the time window [tA, tB]: an iterator range of indices.
std::pair<std::vector<qint32>::const_iterator, std::vector<qint32>::const_iterator>
marksInWindow(const TimelineFrame &frame, int task, double tA, double tB)
{
    const std::vector<qint32> &list = frame.marks->marks(task);
    const auto shownEnd = std::lower_bound(list.begin(), list.end(), frame.shown, [](qint32 i, qint64 n) { return i < n; });
    const std::vector<TraceEvent> &events = *frame.events;
    const auto byTime = [&events](qint32 i, double t) { return double(events[std::size_t(i)].t) < t; };
    const auto begin = std::lower_bound(list.begin(), shownEnd, tA, byTime);
    const auto end = std::lower_bound(begin, shownEnd, std::nextafter(tB, tB + 1), byTime);
    return {begin, end};
}

void paintMarks(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s,
                TimelineMarkSprites &sprites, int lane)
{
    const int task = frame.lanes->at(lane).taskId;
    if (task < 0 || !frame.marks || g.laneHeight < 4)
        return;
    const std::vector<TraceEvent> &events = *frame.events;
    const double pad = s.markSize * g.msPerPixel;
    auto [it, end] = marksInWindow(frame, task, g.timeAt(g.plotLeft()) - pad, g.t1() + pad);
    const double top = g.laneTop(lane);
    // A bucket about a mark wide: denser marks would only draw over each other (a comb).
    const double bucketPixels = std::max(MinBucketPixels, s.markSize * 0.8);
    while (it != end) {
        // One bucket of a few pixels: each kind of mark in it is drawn once, where it first occurs.
        const double bucket = std::floor(g.xOf(double(events[std::size_t(*it)].t)) / bucketPixels);
        const double bucketEnd = g.timeAt((bucket + 1) * bucketPixels);
        const auto next = std::lower_bound(it, end, bucketEnd,
                                           [&events](qint32 i, double t) { return double(events[std::size_t(i)].t) < t; });
        quint16 drawn = 0;
        int looked = 0;
        for (auto at = it; at != next && looked < 64; ++at, ++looked) {
            const TraceEvent &event = events[std::size_t(*at)];
            TimelineMark mark;
            if (!timelineMarkOf(event, &mark) || (drawn & (1u << int(mark))))
                continue;
            drawn |= quint16(1u << int(mark));
            sprites.draw(p, mark, markColor(mark, event, s), g.xOf(double(event.t)), top);
        }
        it = next == it ? it + 1 : next;
    }
}

void paintArrows(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s, int first, int last)
{
    if (!frame.marks || !frame.laneOfTask)
        return;
    const std::vector<TimelineMarks::Arrow> &arrows = frame.marks->arrows();
    const std::vector<TraceEvent> &events = *frame.events;
    const auto shownEnd = std::lower_bound(arrows.begin(), arrows.end(), frame.shown,
                                           [](const TimelineMarks::Arrow &a, qint64 n) { return a.event < n; });
    const auto byTime = [&events](const TimelineMarks::Arrow &a, double t) { return double(events[std::size_t(a.event)].t) < t; };
    const double tA = g.timeAt(g.plotLeft() - 4);
    auto it = std::lower_bound(arrows.begin(), shownEnd, tA, byTime);
    const auto laneOf = [&frame](int task) {
        return task >= 0 && task < int(frame.laneOfTask->size()) ? (*frame.laneOfTask)[std::size_t(task)] : -1;
    };
    // A wave of requests at one instant draws many arrows on one pixel column: each column keeps
    // the vertical extent already drawn, and an arrow inside it adds only its head.
    double column = -1;
    double coveredTop = 0, coveredBottom = -1;
    const double t1 = g.t1() + 4 * g.msPerPixel;
    const double lanesTop = g.axisHeight;
    p.setRenderHint(QPainter::Antialiasing, true);
    for (; it != shownEnd; ++it) {
        const TraceEvent &event = events[std::size_t(it->event)];
        if (double(event.t) > t1)
            break;
        const int from = laneOf(it->from);
        const int to = laneOf(it->to);
        if (from < 0 || to < 0 || from == to || (std::max(from, to) < first) || (std::min(from, to) > last))
            continue;
        const double x = std::round(g.xOf(double(event.t))) + 0.5;
        const double yFrom = std::clamp(g.laneTop(from) + g.laneHeight / 2, lanesTop, g.height);
        const double yTo = g.laneTop(to) + g.laneHeight / 2;
        const double yToClamped = std::clamp(yTo, lanesTop, g.height);
        const bool failure = event.kind == EventKind::End
                             || (event.kind == EventKind::CancelRequest && event.code == quint8(CancelCause::Failure));
        const bool blocked = event.kind == EventKind::CancelBlocked;
        const QColor ink = color(blocked ? s.palette.blocked : failure ? s.palette.failurePulse : s.palette.cancelPulse);
        const double lo = std::min(yFrom, yToClamped), hi = std::max(yFrom, yToClamped);
        if (x != column) {
            column = x;
            coveredTop = lo;
            coveredBottom = lo;
        }
        if (lo < coveredTop || hi > coveredBottom) {
            p.setPen(QPen(ink, 1.6, blocked ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
            p.drawLine(QPointF(x, yFrom), QPointF(x, yToClamped));
            coveredTop = std::min(coveredTop, lo);
            coveredBottom = std::max(coveredBottom, hi);
        }
        if (to < first || to > last)
            continue;  // its head is off screen
        const double dir = yTo > yFrom ? 1 : -1;
        const double head = std::clamp(g.laneHeight * 0.3, 3.0, 6.0);
        const double tip = yTo - dir * (g.laneHeight / 2 - 1);  // at the target lane's near edge
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        if (blocked) {
            p.drawRect(QRectF(x - head, tip - dir * 1.5 - 1, 2 * head, 2.5));
        } else {
            const QPointF tri[3] = {{x - head, tip - dir * head * 1.4}, {x + head, tip - dir * head * 1.4}, {x, tip}};
            p.drawPolygon(tri, 3);
        }
    }
}

//! The part not yet happened, shaded, and the playhead's line: under the marks, so that what
//! happens right now stays in sight.
void paintFutureAndPlayheadLine(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s)
{
    const double x = std::round(g.xOf(double(frame.now)));
    const double futureLeft = std::max(g.plotLeft(), x + 1);
    if (futureLeft < g.width)
        p.fillRect(QRectF(futureLeft, g.axisHeight, g.width - futureLeft, g.height - g.axisHeight),
                   frame.highContrast ? withAlpha(s.palette.text, 36) : withAlpha(s.palette.mutedText, 34));
    if (x >= g.plotLeft() - 1 && x <= g.width + 1)
        p.fillRect(QRectF(x - 1, 0, 2, g.height), color(s.palette.selection));
}

//! The playhead's handle on the axis and its "t = N ms".
void paintPlayheadHandle(QPainter &p, const TimelineFrame &frame, const TimelineGeometry &g, const Style &s)
{
    const double x = std::round(g.xOf(double(frame.now)));
    if (x < g.plotLeft() - 1 || x > g.width + 1)
        return;
    const QColor ink = color(s.palette.selection);
    const double h = std::max(5.0, g.axisHeight * 0.3);
    const QPointF handle[3] = {{x - h, 0}, {x + h, 0}, {x, h * 1.3}};
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.drawPolygon(handle, 3);
    QString text;
    const QRectF plate = playheadPlate(frame, g, s, &text);
    p.setFont(s.axisBold);
    p.setBrush(ink);
    p.drawRoundedRect(plate, 3, 3);
    p.setPen(color(s.palette.background));
    p.drawText(plate, Qt::AlignCenter, text);
}

} // namespace

int TimelineGeometry::laneAt(double y) const
{
    if (y < axisHeight || laneHeight <= 0)
        return -1;
    return int(std::floor((y - axisHeight + scrollY) / laneHeight));
}

std::pair<int, int> TimelineGeometry::visibleLanes(int laneCount) const
{
    if (laneCount <= 0 || laneHeight <= 0 || height <= axisHeight)
        return {0, -1};
    const int first = std::max(0, int(std::floor(scrollY / laneHeight)));
    const int last = std::min(laneCount - 1, int(std::floor((scrollY + height - axisHeight - 1e-6) / laneHeight)));
    return {first, last};
}

double TimelineGeometry::clampedScroll(double y, int laneCount) const
{
    const double room = std::max(0.0, height - axisHeight);
    return std::clamp(y, 0.0, std::max(0.0, contentHeight(laneCount) - room));
}

void paintTimeline(QPainter &painter, const TimelineFrame &frame, const TimelineGeometry &g)
{
    const Style s(frame, g);
    painter.save();
    painter.setClipRect(QRectF(0, 0, g.width, g.height));
    painter.fillRect(QRectF(0, 0, g.width, g.height), color(s.palette.background));
    const int laneCount = frame.lanes ? int(frame.lanes->size()) : 0;
    const auto [first, last] = g.visibleLanes(laneCount);

    // Lane backgrounds: the selected lane in the selection colour, the hovered one lightly.
    for (int lane = first; lane <= last; ++lane) {
        const QRectF row(0, g.laneTop(lane), g.width, g.laneHeight);
        if (lane == frame.selectedLane)
            painter.fillRect(row, withAlpha(s.palette.selection, frame.focused ? 46 : 26));
        else if (lane == frame.hoveredLane)
            painter.fillRect(row, withAlpha(s.palette.hover, 70));
        else if (lane % 2 == 1)
            painter.fillRect(row, withAlpha(s.palette.mutedText, 12));
    }
    paintAxis(painter, frame, g, s);

    painter.save();
    painter.setClipRect(QRectF(g.plotLeft(), g.axisHeight, g.plotWidth(), g.height - g.axisHeight));
    if (frame.events && frame.lanes) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        for (int lane = first; lane <= last; ++lane)
            paintSpans(painter, frame, g, s, lane);
    }
    painter.setClipRect(QRectF(g.plotLeft(), 0, g.plotWidth(), g.height));
    paintFutureAndPlayheadLine(painter, frame, g, s);
    if (frame.events && frame.lanes) {
        painter.setClipRect(QRectF(g.plotLeft(), g.axisHeight, g.plotWidth(), g.height - g.axisHeight));
        paintArrows(painter, frame, g, s, first, last);
        painter.setRenderHint(QPainter::Antialiasing, true);
        // Each kind and colour of mark drawn once for this paint, then copied.
        TimelineMarkSprites sprites(s.markSize, g.laneHeight, s.palette.background,
                                    painter.device() ? painter.device()->devicePixelRatioF() : 1.0);
        for (int lane = first; lane <= last; ++lane)
            paintMarks(painter, frame, g, s, sprites, lane);
    }
    painter.setClipRect(QRectF(g.plotLeft(), 0, g.plotWidth(), g.height));
    paintPlayheadHandle(painter, frame, g, s);
    painter.restore();
    if (frame.lanes)
        paintLabels(painter, frame, g, s, first, last);
    painter.restore();
}

qint64 timelineEventAt(const TimelineFrame &frame, const TimelineGeometry &g, QPointF point, double radius)
{
    if (!frame.lanes || !frame.marks || !frame.events || point.x() < g.plotLeft())
        return -1;
    const int lane = g.laneAt(point.y());
    if (lane < 0 || lane >= frame.lanes->size())
        return -1;
    const int task = frame.lanes->at(lane).taskId;
    if (task < 0)
        return -1;
    const double pad = radius * g.msPerPixel;
    const double t = g.timeAt(point.x());
    auto [it, end] = marksInWindow(frame, task, t - pad, t + pad);
    qint64 best = -1;
    double bestDistance = radius + 1;
    for (int looked = 0; it != end && looked < 256; ++it, ++looked) {
        const double d = std::abs(g.xOf(double((*frame.events)[std::size_t(*it)].t)) - point.x());
        if (d < bestDistance || (d == bestDistance && *it > best)) {  // the latest of a stack: what the lane shows last
            bestDistance = d;
            best = *it;
        }
    }
    return best;
}

const TraceIndex::Span *timelineSpanAt(const TimelineFrame &frame, const TimelineGeometry &g, int lane, double x)
{
    if (!frame.lanes || !frame.index || lane < 0 || lane >= frame.lanes->size() || x < g.plotLeft())
        return nullptr;
    const int task = frame.lanes->at(lane).taskId;
    if (task < 0 || task >= frame.index->taskCount())
        return nullptr;
    const double t = g.timeAt(x);
    if (t > double(frame.now) || t < 0)
        return nullptr;
    const std::vector<TraceIndex::Span> &spans = frame.index->spans(task);
    auto it = std::upper_bound(spans.begin(), spans.end(), t, [](double time, const TraceIndex::Span &span) { return time < double(span.start); });
    if (it == spans.begin())
        return nullptr;
    --it;
    // A span begun by an event not shown yet (a burst at this instant still unfolding) is not there yet.
    while (it->firstEvent >= frame.shown) {
        if (it == spans.begin())
            return nullptr;
        --it;
    }
    return double(it->end) >= t ? &*it : nullptr;
}

QList<TimelineLane> timelineLanes(const QAbstractItemModel *model)
{
    QList<TimelineLane> lanes;
    if (!model)
        return lanes;
    int idRole = -1, depthRole = -1, nameRole = -1, pathRole = -1;
    const QHash<int, QByteArray> names = model->roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.value() == "taskId")
            idRole = it.key();
        else if (it.value() == "depth")
            depthRole = it.key();
        else if (it.value() == "name")
            nameRole = it.key();
        else if (it.value() == "path")
            pathRole = it.key();
    }
    const int rows = model->rowCount();
    lanes.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model->index(row, 0);
        TimelineLane lane;
        lane.taskId = idRole >= 0 ? index.data(idRole).toInt() : -1;
        lane.depth = depthRole >= 0 ? index.data(depthRole).toInt() : 0;
        lane.name = nameRole >= 0 ? index.data(nameRole).toString() : QString();
        lane.path = pathRole >= 0 ? index.data(pathRole).toString() : QString();
        lanes.append(std::move(lane));
    }
    return lanes;
}

std::vector<int> timelineLaneIndex(const QList<TimelineLane> &lanes)
{
    std::vector<int> laneOf;
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const int task = lanes.at(lane).taskId;
        if (task < 0 || task >= TaskStates::MaxTaskId)
            continue;
        if (task >= int(laneOf.size()))
            laneOf.resize(std::size_t(task) + 1, -1);
        laneOf[std::size_t(task)] = lane;
    }
    return laneOf;
}

} // namespace cascade
