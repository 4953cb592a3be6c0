#include "overviewraster.h"

#include <algorithm>
#include <cmath>

namespace cascade {

namespace {

//! One premultiplied channel: src over dst at `coverage` of the source's alpha.
inline quint32 blendChannel(quint32 dst, double srcPremultiplied, double keep)
{
    return quint32(std::lround(std::clamp(srcPremultiplied + double(dst) * keep, 0.0, 255.0)));
}

} // namespace

bool canRasterizeRects(const TreeScene &scene, const RasterMapping &mapping)
{
    if (!scene.texts.isEmpty())
        return false;
    return std::none_of(scene.rects.cbegin(), scene.rects.cend(), [&](const TreeSceneRect &r) {
        return !r.polygon.isEmpty() || r.radius * mapping.scale >= 0.5;
    });
}

void rasterizeRects(QImage *image, const QRect &clip, quint32 background, const TreeScene &scene,
                    const RasterMapping &mapping)
{
    Q_ASSERT(image->format() == QImage::Format_ARGB32_Premultiplied);
    const QRect area = clip & image->rect();
    if (area.isEmpty())
        return;
    const quint32 backgroundPixel = qPremultiply(background);
    for (int y = area.top(); y <= area.bottom(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image->scanLine(y));
        std::fill(line + area.left(), line + area.right() + 1, backgroundPixel);
    }
    const double left = area.left();
    const double top = area.top();
    const double right = area.right() + 1.0;
    const double bottom = area.bottom() + 1.0;
    for (const TreeSceneRect &r : scene.rects) {
        const double alpha = double(qAlpha(r.argb)) / 255.0;
        if (alpha <= 0)
            continue;
        const double x0 = std::max(left, r.rect.left() * mapping.scale - mapping.origin.x());
        const double x1 = std::min(right, r.rect.right() * mapping.scale - mapping.origin.x());
        const double y0 = std::max(top, r.rect.top() * mapping.scale - mapping.origin.y());
        const double y1 = std::min(bottom, r.rect.bottom() * mapping.scale - mapping.origin.y());
        if (x1 <= x0 || y1 <= y0)
            continue;
        const double red = qRed(r.argb) * alpha;
        const double green = qGreen(r.argb) * alpha;
        const double blue = qBlue(r.argb) * alpha;
        for (int y = int(std::floor(y0)); y < int(std::ceil(y1)); ++y) {
            const double rowCover = std::min(y1, y + 1.0) - std::max(y0, double(y));
            auto *line = reinterpret_cast<quint32 *>(image->scanLine(y));
            for (int x = int(std::floor(x0)); x < int(std::ceil(x1)); ++x) {
                const double cover = rowCover * (std::min(x1, x + 1.0) - std::max(x0, double(x)));
                const double keep = 1.0 - alpha * cover;
                const quint32 dst = line[x];
                line[x] = (blendChannel(qAlpha(dst), 255.0 * alpha * cover, keep) << 24)
                          | (blendChannel(qRed(dst), red * cover, keep) << 16)
                          | (blendChannel(qGreen(dst), green * cover, keep) << 8)
                          | blendChannel(qBlue(dst), blue * cover, keep);
            }
        }
    }
}

} // namespace cascade
