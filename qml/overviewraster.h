#pragma once

#include "treescene.h"

#include <QImage>
#include <QPointF>
#include <QRect>

namespace cascade {

//! Where a scene in item coordinates lands on an image: device = item * scale - origin.
struct RasterMapping {
    double scale = 1;
    QPointF origin;
};

//! Whether rasterizeRects() draws this scene as QPainter with antialiasing would: only filled
//! axis-aligned rectangles, rounded corners under half a device pixel, and no texts or polygons.
//! That is the zoomed-out overview, where each task is a chip a fraction of a pixel high.
[[nodiscard]] bool canRasterizeRects(const TreeScene &scene, const RasterMapping &mapping);

//! Fills `clip` of a Format_ARGB32_Premultiplied image with `background`, then draws the scene's
//! rectangles in order with exact area coverage (a rectangle covering 30% of a pixel blends in at
//! 30% of its alpha). For the overview this replaces QPainter, whose per-shape setup costs far
//! more than the one to three pixels each chip touches. Call only when canRasterizeRects() holds.
void rasterizeRects(QImage *image, const QRect &clip, quint32 background, const TreeScene &scene,
                    const RasterMapping &mapping);

} // namespace cascade
