#pragma once

#include "session.h"
#include "timelinemarks.h"
#include "timelinepainter.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace cascade {

//! The timeline under the tree: one lane per task in the task list's order, each task's states as
//! spans in the tree's colours, marks for requests, deliveries, check points, timeouts, prints and
//! ends, arrows for cancellation travelling between lanes, the playhead, and the not-yet-happened
//! part shaded and empty. Reads a Session and drives it back: a drag on the axis or the lanes
//! scrubs (Session::seekToTime), a click on a lane selects its task, Left / Right step events
//! while it has focus (Shift: ten). Ctrl+wheel zooms the time axis at the pointer, Shift+wheel (or
//! a horizontal wheel) pans it, the wheel scrolls the lanes. Painted with QPainter
//! (paintTimeline), the same routine the exported frames use, so it draws the same under the
//! software and the OpenGL scene graph.
class TimelineView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY highContrastChanged)
    Q_PROPERTY(qreal laneHeight READ laneHeight WRITE setLaneHeight NOTIFY metricsChanged)
    Q_PROPERTY(qreal labelWidth READ labelWidth WRITE setLabelWidth NOTIFY metricsChanged)
    Q_PROPERTY(qreal axisHeight READ axisHeight WRITE setAxisHeight NOTIFY metricsChanged)
    //! The time window: virtual ms at the left edge of the lanes, and ms per pixel.
    Q_PROPERTY(qreal viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(qreal msPerPixel READ msPerPixel NOTIFY viewChanged)
    //! Showing the whole run (0 to its end) and keeping it so when the run or the size changes.
    Q_PROPERTY(bool fitted READ fitted NOTIFY viewChanged)
    Q_PROPERTY(qreal contentY READ contentY WRITE setContentY NOTIFY viewChanged)
    Q_PROPERTY(qreal contentHeight READ contentHeight NOTIFY contentHeightChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY lanesChanged)
    //! What the pointer is on, in words (a mark's event, or a span's state and times); "" when nothing.
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverTextChanged)
    Q_PROPERTY(bool scrubbing READ scrubbing NOTIFY scrubbingChanged)

public:
    explicit TimelineView(QQuickItem *parent = nullptr);
    ~TimelineView() override;

    void paint(QPainter *painter) override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    [[nodiscard]] qreal laneHeight() const { return m_geometry.laneHeight; }
    void setLaneHeight(qreal height);
    [[nodiscard]] qreal labelWidth() const { return m_geometry.labelWidth; }
    void setLabelWidth(qreal width);
    [[nodiscard]] qreal axisHeight() const { return m_geometry.axisHeight; }
    void setAxisHeight(qreal height);
    [[nodiscard]] qreal viewStart() const { return m_geometry.t0; }
    void setViewStart(qreal ms);
    [[nodiscard]] qreal msPerPixel() const { return m_geometry.msPerPixel; }
    [[nodiscard]] bool fitted() const { return m_fitted; }
    [[nodiscard]] qreal contentY() const { return m_geometry.scrollY; }
    void setContentY(qreal y);
    [[nodiscard]] qreal contentHeight() const { return m_geometry.contentHeight(laneCount()); }
    [[nodiscard]] int laneCount() const { return int(m_lanes.size()); }
    [[nodiscard]] QString hoverText() const { return m_hoverText; }
    [[nodiscard]] bool scrubbing() const { return m_scrubbing; }

    //! The whole run, 0 to its end, in view (and kept so).
    Q_INVOKABLE void fit();
    //! Zooms the time axis by `factor` (> 1 zooms in) keeping the time under item x in place.
    Q_INVOKABLE void zoomBy(qreal factor, qreal x);
    //! Pans the time axis by `pixels` (positive: later times come into view).
    Q_INVOKABLE void panBy(qreal pixels);
    //! Steps the playhead by `count` events (negative: back), as Left / Right do.
    Q_INVOKABLE void stepEvents(int count);
    //! Item x of a virtual time, and back; the task path of the lane at item y ("" when none).
    [[nodiscard]] Q_INVOKABLE qreal xOfTime(qreal ms) const { return m_geometry.xOf(ms); }
    [[nodiscard]] Q_INVOKABLE qreal timeAt(qreal x) const { return m_geometry.timeAt(x); }
    [[nodiscard]] Q_INVOKABLE QString taskAt(qreal y) const;
    //! Item y of the middle of a task's lane (-1 when it has none): for tests and tooltips.
    [[nodiscard]] Q_INVOKABLE qreal laneCenter(const QString &path) const;
    //! Scrolls the lanes so that the task's lane is in view.
    Q_INVOKABLE void ensureVisible(const QString &path);

    //! What the frame shows now (for the exporter, which paints the same timeline elsewhere).
    [[nodiscard]] TimelineGeometry geometry() const { return m_geometry; }

    static constexpr qreal MinMsPerPixel = 1.0 / 64;  // a millisecond is at most 64 px wide
    static constexpr int ShiftStep = 10;              // events per Shift+Left / Shift+Right

Q_SIGNALS:
    void sessionChanged();
    void highContrastChanged();
    void viewChanged();
    void metricsChanged();
    void lanesChanged();
    void contentHeightChanged();
    void hoverTextChanged();
    void scrubbingChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;

private:
    void onRunChanged();
    void onProgressed();
    void markLanesDirty();
    void refreshLanes() const;
    [[nodiscard]] TimelineFrame frame() const;
    void setTimeWindow(double t0, double msPerPixel, bool fitted);
    void scrubTo(double x);
    void setHover(QPointF point);
    [[nodiscard]] static bool isStepKey(const QKeyEvent *event);

    QPointer<Session> m_session;
    QList<QMetaObject::Connection> m_connections;
    std::unique_ptr<TimelineMarks> m_marks;
    mutable QList<TimelineLane> m_lanes;
    mutable std::vector<int> m_laneOfTask;
    mutable bool m_lanesDirty = true;
    TimelineGeometry m_geometry;
    bool m_fitted = true;
    bool m_highContrast = false;
    int m_hoveredLane = -1;
    QString m_hoverText;
    QPointF m_pressPoint;
    bool m_pressed = false;
    bool m_scrubbing = false;
};

} // namespace cascade
