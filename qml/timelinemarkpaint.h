#pragma once

#include "timelinemarks.h"

#include <QImage>
#include <QPointF>

#include <vector>

class QPainter;

namespace cascade {

//! One timeline mark (docs/architecture.md, "Timeline"): its shape centred at `c`, `size` wide,
//! in the lane [top, top + height], filled with `argb` and edged with the background `haloArgb`.
void drawTimelineMark(QPainter &p, TimelineMark mark, QPointF c, double size, double top, double height, quint32 argb,
                      quint32 haloArgb);

//! The marks of one paint, each kind and colour drawn once (antialiased) into a small image that
//! is then copied wherever it occurs: a paint of a long run's lanes draws thousands of marks, and
//! rasterizing each polygon again was most of the timeline's paint. A copy lands on whole pixels,
//! at most half a pixel from where the mark itself would be.
class TimelineMarkSprites
{
public:
    TimelineMarkSprites(double size, double laneHeight, quint32 haloArgb, double devicePixelRatio);
    //! The mark centred at x in the lane that starts at `top`.
    void draw(QPainter &p, TimelineMark mark, quint32 argb, double x, double top);

private:
    struct Sprite {
        TimelineMark mark;
        quint32 argb;
        QImage image;
    };
    const QImage &sprite(TimelineMark mark, quint32 argb);

    double m_size;
    double m_laneHeight;
    quint32 m_halo;
    double m_ratio;
    int m_width;   // logical pixels, the mark and its edge with a pixel to spare either side
    int m_height;  // the lane and a pixel above and below
    std::vector<Sprite> m_sprites;  // a handful: a linear search
};

} // namespace cascade
