#include "timelinemarkpaint.h"

#include <QPainter>

#include <cmath>

namespace cascade {

void drawTimelineMark(QPainter &p, TimelineMark mark, QPointF c, double size, double top, double height, quint32 argb,
                      quint32 haloArgb)
{
    const double h = size / 2;
    const QColor ink = QColor::fromRgba(argb);
    const QColor halo = QColor::fromRgba(haloArgb);
    p.setPen(QPen(halo, 1));
    p.setBrush(ink);
    switch (mark) {
    case TimelineMark::CancelRequested: {  // ▼ from the lane's top edge
        const double y = top + 1;
        const QPointF tri[3] = {{c.x() - h, y}, {c.x() + h, y}, {c.x(), y + size * 0.9}};
        p.drawPolygon(tri, 3);
        break;
    }
    case TimelineMark::Blocked: {  // a wall across the lane, capped
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(c.x() - 1.5, top + 1, 3, height - 2));
        p.drawRect(QRectF(c.x() - h, top + 1, size, 2));
        p.drawRect(QRectF(c.x() - h, top + height - 3, size, 2));
        break;
    }
    case TimelineMark::Delivered:
        p.drawEllipse(c, h * 0.85, h * 0.85);
        break;
    case TimelineMark::CheckPassed:
    case TimelineMark::CheckRaised: {
        const QPointF diamond[4] = {{c.x(), c.y() - h}, {c.x() + h, c.y()}, {c.x(), c.y() + h}, {c.x() - h, c.y()}};
        if (mark == TimelineMark::CheckPassed) {
            p.setPen(QPen(ink, 1.6));
            p.setBrush(halo);
        }
        p.drawPolygon(diamond, 4);
        break;
    }
    case TimelineMark::Timeout: {  // ⧗ two triangles, tip to tip
        const QPointF upper[3] = {{c.x() - h, c.y() - h}, {c.x() + h, c.y() - h}, {c.x(), c.y()}};
        const QPointF lower[3] = {{c.x() - h, c.y() + h}, {c.x() + h, c.y() + h}, {c.x(), c.y()}};
        p.drawPolygon(upper, 3);
        p.drawPolygon(lower, 3);
        break;
    }
    case TimelineMark::Print: {  // □ low in the lane
        const double side = size * 0.6;
        p.setPen(QPen(ink, 1.4));
        p.setBrush(halo);
        p.drawRect(QRectF(c.x() - side / 2, top + height - side - 2, side, side));
        break;
    }
    case TimelineMark::End: {  // ] closes the lane
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(c.x() - 1, top + 1, 2.5, height - 2));
        p.drawRect(QRectF(c.x() - h * 0.8, top + 1, h * 0.8, 2));
        p.drawRect(QRectF(c.x() - h * 0.8, top + height - 3, h * 0.8, 2));
        break;
    }
    }
}

TimelineMarkSprites::TimelineMarkSprites(double size, double laneHeight, quint32 haloArgb, double devicePixelRatio)
    : m_size(size), m_laneHeight(laneHeight), m_halo(haloArgb), m_ratio(devicePixelRatio),
      m_width(2 * int(std::ceil(size / 2 + 2))), m_height(int(std::ceil(laneHeight)) + 2)
{
}

const QImage &TimelineMarkSprites::sprite(TimelineMark mark, quint32 argb)
{
    for (const Sprite &sprite : m_sprites) {
        if (sprite.mark == mark && sprite.argb == argb)
            return sprite.image;
    }
    QImage image(int(std::ceil(m_width * m_ratio)), int(std::ceil(m_height * m_ratio)), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_ratio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    drawTimelineMark(painter, mark, QPointF(m_width / 2.0, 1 + m_laneHeight / 2), m_size, 1, m_laneHeight, argb, m_halo);
    painter.end();
    m_sprites.push_back({mark, argb, std::move(image)});
    return m_sprites.back().image;
}

void TimelineMarkSprites::draw(QPainter &p, TimelineMark mark, quint32 argb, double x, double top)
{
    p.drawImage(QPointF(std::round(x - m_width / 2.0), std::round(top - 1)), sprite(mark, argb));
}

} // namespace cascade
