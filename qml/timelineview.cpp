#include "timelineview.h"

#include "tasklistmodel.h"
#include "tracedescription.h"
#include "treescene.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cascade {

namespace {

class TimelineWords
{
    Q_DECLARE_TR_FUNCTIONS(Timeline)
};

constexpr double DragThreshold = 3;  // pixels a press moves before it is a scrub, not a click

} // namespace

TimelineView::TimelineView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setOpaquePainting(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setActiveFocusOnTab(true);
    setFlag(ItemIsFocusScope, false);
    connect(this, &QQuickItem::activeFocusChanged, this, [this] { update(); });
}

TimelineView::~TimelineView() = default;

void TimelineView::setSession(Session *session)
{
    if (m_session == session)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_session = session;
    if (session) {
        QAbstractItemModel *tasks = session->tasks();
        using M = QAbstractItemModel;
        m_connections = {
            connect(session, &Session::runChanged, this, &TimelineView::onRunChanged),
            connect(session, &Session::progressed, this, &TimelineView::onProgressed),
            connect(session, &Session::selectedPathChanged, this, [this] { update(); }),
            connect(tasks, &M::modelReset, this, &TimelineView::markLanesDirty),
            connect(tasks, &M::rowsInserted, this, &TimelineView::markLanesDirty),
            connect(tasks, &M::rowsRemoved, this, &TimelineView::markLanesDirty),
            connect(tasks, &M::layoutChanged, this, &TimelineView::markLanesDirty),
            connect(tasks, &M::dataChanged, this,
                    [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                        // Only a spawn changes what a lane is (its task id); states are read from the index.
                        if (roles.isEmpty() || roles.contains(TaskListModel::TaskIdRole))
                            markLanesDirty();
                    }),
        };
    }
    onRunChanged();
    Q_EMIT sessionChanged();
}

void TimelineView::onRunChanged()
{
    m_marks = m_session && m_session->index() ? std::make_unique<TimelineMarks>(m_session->trace()) : nullptr;
    markLanesDirty();
    if (m_fitted)
        fit();
    update();
}

void TimelineView::onProgressed()
{
    // Zoomed in while playing: the view pages on when the playhead leaves it.
    if (m_session && !m_fitted && m_session->playing()) {
        const double now = double(m_session->now());
        if (now > m_geometry.t1() || now < m_geometry.t0)
            setTimeWindow(now - 0.1 * m_geometry.plotWidth() * m_geometry.msPerPixel, m_geometry.msPerPixel, false);
    }
    update();
}

void TimelineView::markLanesDirty()
{
    if (!m_lanesDirty) {
        m_lanesDirty = true;
        // Read once, when next needed: a burst of inserts costs nothing until then.
        QMetaObject::invokeMethod(this, [this] {
            const int before = int(m_lanes.size());
            refreshLanes();
            if (before != laneCount()) {
                Q_EMIT lanesChanged();
                Q_EMIT contentHeightChanged();
                setContentY(m_geometry.scrollY);  // clamped to the new height
                Q_EMIT viewChanged();
            }
        }, Qt::QueuedConnection);
    }
    update();
}

void TimelineView::refreshLanes() const
{
    if (!m_lanesDirty)
        return;
    m_lanesDirty = false;
    m_lanes = timelineLanes(m_session ? m_session->tasks() : nullptr);
    m_laneOfTask = timelineLaneIndex(m_lanes);
}

TimelineFrame TimelineView::frame() const
{
    refreshLanes();
    TimelineFrame f;
    if (m_session && m_session->index()) {
        f.events = &m_session->trace();
        f.index = m_session->index();
        f.marks = m_marks.get();
        f.shown = m_session->shownEvents();
        f.now = m_session->now();
        f.endTime = m_session->endTime();
    }
    f.lanes = &m_lanes;
    f.laneOfTask = &m_laneOfTask;
    f.highContrast = m_highContrast;
    f.focused = hasActiveFocus();
    f.hoveredLane = m_hoveredLane;
    if (m_session && !m_session->selectedPath().isEmpty()) {
        const QString selected = m_session->selectedPath();
        const auto it = std::find_if(m_lanes.cbegin(), m_lanes.cend(), [&](const TimelineLane &l) { return l.path == selected; });
        f.selectedLane = it == m_lanes.cend() ? -1 : int(it - m_lanes.cbegin());
    }
    return f;
}

void TimelineView::paint(QPainter *painter)
{
    m_geometry.width = width();
    m_geometry.height = height();
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    paintTimeline(*painter, frame(), m_geometry);
}

void TimelineView::setHighContrast(bool on)
{
    if (m_highContrast == on)
        return;
    m_highContrast = on;
    Q_EMIT highContrastChanged();
    update();
}

void TimelineView::setLaneHeight(qreal height)
{
    height = std::clamp(height, 2.0, 80.0);
    if (qFuzzyCompare(height, m_geometry.laneHeight))
        return;
    m_geometry.laneHeight = height;
    m_geometry.scrollY = m_geometry.clampedScroll(m_geometry.scrollY, laneCount());
    Q_EMIT contentHeightChanged();
    Q_EMIT metricsChanged();
    Q_EMIT viewChanged();
    update();
}

void TimelineView::setLabelWidth(qreal width)
{
    width = std::clamp(width, 0.0, 600.0);
    if (qFuzzyCompare(width + 1, m_geometry.labelWidth + 1))
        return;
    m_geometry.labelWidth = width;
    if (m_fitted)
        fit();
    Q_EMIT metricsChanged();
    Q_EMIT viewChanged();
    update();
}

void TimelineView::setAxisHeight(qreal height)
{
    height = std::clamp(height, 12.0, 80.0);
    if (qFuzzyCompare(height, m_geometry.axisHeight))
        return;
    m_geometry.axisHeight = height;
    Q_EMIT metricsChanged();
    update();
}

void TimelineView::setViewStart(qreal ms)
{
    setTimeWindow(ms, m_geometry.msPerPixel, false);
}

void TimelineView::setContentY(qreal y)
{
    m_geometry.height = height();
    y = m_geometry.clampedScroll(y, laneCount());
    if (y == m_geometry.scrollY)
        return;
    m_geometry.scrollY = y;
    Q_EMIT viewChanged();
    update();
}

void TimelineView::setTimeWindow(double t0, double msPerPixel, bool fitted)
{
    m_geometry.width = width();
    // Never further out than the whole run over the width (a little more for a margin), nor in
    // beyond MinMsPerPixel; never panned so far that the run leaves the view.
    const double end = std::max<double>(1, m_session ? double(m_session->endTime()) : 1);
    const double widest = end * 1.1 / m_geometry.plotWidth();
    msPerPixel = std::clamp(msPerPixel, MinMsPerPixel, std::max(MinMsPerPixel, widest));
    const double span = msPerPixel * m_geometry.plotWidth();
    t0 = std::clamp(t0, -0.05 * span, std::max(-0.05 * span, end - 0.5 * span));
    if (t0 == m_geometry.t0 && msPerPixel == m_geometry.msPerPixel && fitted == m_fitted)
        return;
    m_geometry.t0 = t0;
    m_geometry.msPerPixel = msPerPixel;
    m_fitted = fitted;
    Q_EMIT viewChanged();
    update();
}

void TimelineView::fit()
{
    m_geometry.width = width();
    const double end = std::max<double>(1, m_session ? double(m_session->endTime()) : 1);
    // The run's end a little in from the right edge, so that its last marks are not cut.
    m_geometry.t0 = 0;
    m_geometry.msPerPixel = std::max(MinMsPerPixel, end / std::max(1.0, m_geometry.plotWidth() - 16));
    m_fitted = true;
    Q_EMIT viewChanged();
    update();
}

void TimelineView::zoomBy(qreal factor, qreal x)
{
    if (factor <= 0)
        return;
    const double anchor = m_geometry.timeAt(x);
    const double msPerPixel = std::max(MinMsPerPixel, m_geometry.msPerPixel / factor);
    setTimeWindow(anchor - (x - m_geometry.plotLeft()) * msPerPixel, msPerPixel, false);
}

void TimelineView::panBy(qreal pixels)
{
    setTimeWindow(m_geometry.t0 + pixels * m_geometry.msPerPixel, m_geometry.msPerPixel, false);
}

void TimelineView::stepEvents(int count)
{
    if (!m_session || count == 0)
        return;
    if (count == 1) {
        m_session->stepEvent();
    } else if (count == -1) {
        m_session->stepBack();
    } else {
        // seekToEvent(seq) shows the events up to seq: the first event stays shown, as stepBack keeps it.
        const qint64 target = std::clamp<qint64>(m_session->shownEvents() + count, 1, m_session->eventCount());
        m_session->seekToEvent(int(target - 1));
    }
}

QString TimelineView::taskAt(qreal y) const
{
    refreshLanes();
    const int lane = m_geometry.laneAt(y);
    return lane >= 0 && lane < m_lanes.size() ? m_lanes.at(lane).path : QString();
}

qreal TimelineView::laneCenter(const QString &path) const
{
    refreshLanes();
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        if (m_lanes.at(lane).path == path)
            return m_geometry.laneTop(lane) + m_geometry.laneHeight / 2;
    }
    return -1;
}

void TimelineView::ensureVisible(const QString &path)
{
    const qreal center = laneCenter(path);
    if (center < 0)
        return;
    const double top = center - m_geometry.laneHeight / 2;
    if (top < m_geometry.axisHeight)
        setContentY(m_geometry.scrollY - (m_geometry.axisHeight - top));
    else if (top + m_geometry.laneHeight > height())
        setContentY(m_geometry.scrollY + (top + m_geometry.laneHeight - height()));
}

void TimelineView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    m_geometry.width = newGeometry.width();
    m_geometry.height = newGeometry.height();
    if (m_fitted)
        fit();
    else
        setTimeWindow(m_geometry.t0, m_geometry.msPerPixel, false);
    setContentY(m_geometry.scrollY);
}

bool TimelineView::isStepKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    return (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)
           && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier);
}

bool TimelineView::event(QEvent *event)
{
    // The window binds Left and Right (and Shift with them) to shortcuts; a focused timeline owns them.
    if (event->type() == QEvent::ShortcutOverride && isStepKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QQuickPaintedItem::event(event);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (!isStepKey(event))
            break;
        stepEvents((event->key() == Qt::Key_Right ? 1 : -1) * (shift ? ShiftStep : 1));
        event->accept();
        return;
    default:
        break;
    }
    QQuickPaintedItem::keyPressEvent(event);
}

void TimelineView::scrubTo(double x)
{
    if (!m_session)
        return;
    const double t = std::clamp(m_geometry.timeAt(x), 0.0, double(m_session->endTime()));
    const qint64 ms = qint64(std::llround(t));
    if (ms != m_session->now() || m_session->playing())
        m_session->seekToTime(ms);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason);
    m_pressPoint = event->position();
    m_pressed = true;
    // On the axis a press is already a scrub: the playhead jumps to it.
    if (m_pressPoint.x() >= m_geometry.plotLeft() && m_pressPoint.y() < m_geometry.axisHeight) {
        m_scrubbing = true;
        Q_EMIT scrubbingChanged();
        scrubTo(m_pressPoint.x());
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    const QPointF at = event->position();
    if (!m_scrubbing && m_pressPoint.x() >= m_geometry.plotLeft()
        && std::abs(at.x() - m_pressPoint.x()) + std::abs(at.y() - m_pressPoint.y()) >= DragThreshold) {
        m_scrubbing = true;
        Q_EMIT scrubbingChanged();
    }
    if (m_scrubbing)
        scrubTo(at.x());
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    m_pressed = false;
    if (m_scrubbing) {
        m_scrubbing = false;
        Q_EMIT scrubbingChanged();
    } else if (m_session) {
        const QString path = taskAt(event->position().y());
        if (!path.isEmpty())
            m_session->setSelectedPath(path);
    }
    event->accept();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    const double dy = pixels.isNull() ? angle.y() / 2.0 : pixels.y();
    const double dx = pixels.isNull() ? angle.x() / 2.0 : pixels.x();
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    if (modifiers & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, angle.y() != 0 ? angle.y() : angle.x()), std::max(event->position().x(), m_geometry.plotLeft()));
    } else if ((modifiers & Qt::ShiftModifier) || std::abs(dx) > std::abs(dy)) {
        panBy(-((modifiers & Qt::ShiftModifier) && dx == 0 ? dy : dx));
    } else if (contentHeight() > height() - m_geometry.axisHeight) {
        setContentY(m_geometry.scrollY - dy);
    } else {
        panBy(-dy);  // every lane shows already: the wheel moves along the time axis
    }
    setHover(event->position());
    event->accept();
}

void TimelineView::hoverMoveEvent(QHoverEvent *event)
{
    setHover(event->position());
}

void TimelineView::hoverLeaveEvent(QHoverEvent *)
{
    setHover(QPointF(-1, -1));
}

void TimelineView::setHover(QPointF point)
{
    const TimelineFrame f = frame();
    const int lane = point.x() < 0 ? -1 : m_geometry.laneAt(point.y());
    const int hovered = lane >= 0 && lane < m_lanes.size() ? lane : -1;
    QString text;
    if (hovered >= 0 && m_session && f.events) {
        const TimelineLane &l = m_lanes.at(hovered);
        if (const qint64 event = timelineEventAt(f, m_geometry, point); event >= 0) {
            const TraceEvent &e = (*f.events)[std::size_t(event)];
            text = TimelineWords::tr("%1 ms  %2: %3").arg(e.t).arg(l.path, describeTraceEvent(e, m_session->paths()));
        } else if (const TraceIndex::Span *span = timelineSpanAt(f, m_geometry, hovered, point.x())) {
            const TreeStateStyle style = treeStateStyle(taskPhaseName(span->phase), m_highContrast);
            text = TimelineWords::tr("%1: %2 from %3 ms to %4 ms")
                       .arg(l.path, style.word)
                       .arg(span->start)
                       .arg(std::min(span->end, m_session->now()));
        } else if (point.x() < m_geometry.plotLeft()) {
            text = l.path;
        }
    }
    if (hovered != m_hoveredLane) {
        m_hoveredLane = hovered;
        update();
    }
    if (text != m_hoverText) {
        m_hoverText = text;
        Q_EMIT hoverTextChanged();
    }
}

} // namespace cascade
