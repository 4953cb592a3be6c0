// The canvas's work before the sync phase (prepareFrame, in updatePolish on the GUI thread) and
// its overview: the tree zoomed out until rows are thinner than a device pixel, painted into an
// image and shown from one texture that takes only the changed pixel rows (OverviewTexture).

#include "treecanvas.h"

#include "overviewraster.h"
#include "treecanvasnodes.h"
#include "treestyle.h"

#include <QPainter>
#include <QPolygonF>
#include <QQuickWindow>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace cascade {

namespace {

//! [first, end) pixel row ranges, sorted, with those that overlap or are less than `gap` rows
//! apart joined.
QList<std::pair<int, int>> mergedBands(QList<std::pair<int, int>> bands, int gap = 0)
{
    std::sort(bands.begin(), bands.end());
    QList<std::pair<int, int>> merged;
    for (const auto &band : std::as_const(bands)) {
        if (!merged.isEmpty() && band.first <= merged.last().second + gap)
            merged.last().second = std::max(merged.last().second, band.second);
        else
            merged.append(band);
    }
    return merged;
}

//! Adds to `bands` the pixel rows of an image at `deviceRect` (device pixels of the item) that
//! item coordinates [top, bottom] reach, a row of antialiasing either side.
void addPixelRows(QList<std::pair<int, int>> *bands, double top, double bottom, const QRect &deviceRect, qreal dpr)
{
    const int y0 = std::max(0, int(std::floor(top * dpr)) - deviceRect.top() - 1);
    const int y1 = std::min(deviceRect.height(), int(std::ceil(bottom * dpr)) - deviceRect.top() + 1);
    if (y1 > y0)
        bands->append({y0, y1});
}

//! The pixel rows of an image at `deviceRect` that a scene in item coordinates draws on.
QList<std::pair<int, int>> rowsDrawnOn(const TreeScene &scene, const QRect &deviceRect, qreal dpr)
{
    QList<std::pair<int, int>> bands;
    const auto add = [&](double top, double bottom) { addPixelRows(&bands, top, bottom, deviceRect, dpr); };
    for (const TreeSceneRect &r : scene.rects) {
        const QRectF bounds = r.polygon.isEmpty() ? r.rect : QPolygonF(r.polygon).boundingRect();
        add(bounds.top(), bounds.bottom());
    }
    for (const TreeSceneText &text : scene.texts)
        add(text.origin.y() - scene.fontPixelSize, text.origin.y() + scene.fontPixelSize / 2);
    return mergedBands(std::move(bands));
}

constexpr int UploadGapRows = 8;

} // namespace

int TreeCanvas::matchChunksToRows()
{
    const int count = (m_layout.count() + ChunkRows - 1) / ChunkRows;
    if (m_chunks.size() != count) {
        m_chunks.resize(count);
        m_allDirty = true;
    }
    return count;
}

void TreeCanvas::prepareFrame()
{
    const QQuickWindow *win = window();
    if (!win || m_software || width() <= 0 || height() <= 0)
        return;  // the software scene graph paints its one image in the sync phase
    const qreal dpr = win->effectiveDevicePixelRatio();
    prepareEffects(dpr);
    if (showsOverview(dpr)) {
        matchChunksToRows();
        paintOverview(dpr);  // with the effects just prepared over the tree
    }
}

void TreeCanvas::prepareEffects(qreal dpr)
{
    m_preparedEffects.ready = false;
    if (m_effects.isEmpty())
        return;
    TreeSceneOptions options = sceneOptions();
    options.measure = [this, dpr](const QString &text, bool bold, double pixelSize) {
        m_atlas.configure(pixelSize, dpr);
        return m_atlas.advance(text, bold);
    };
    m_preparedEffects.scene = TreeScene();
    m_preparedEffects.view = viewport();
    buildEffectScene(m_layout, m_preparedEffects.view, m_effects.effects(), clockMs(), m_animationPhase, options,
                     &m_preparedEffects.scene);
    m_preparedEffects.vertices.clear();
    if (!showsOverview(dpr))  // else composeOverview paints them into the overview image
        tessellateTreeRects(m_preparedEffects.scene.rects, &m_preparedEffects.vertices);
    m_preparedEffects.ready = true;
    m_preparedEffects.composed = false;
}

void TreeCanvas::updateOverview(CanvasNode *root, QQuickWindow *win, qreal dpr)
{
    ensureEffectsPrepared(dpr);
    paintOverview(dpr);
    m_overviewRowsUploaded = 0;
    if (m_overview.isNull()) {
        root->dropOverview();
    } else {
        // A new node (the scene graph started again) takes the whole image: setOverview knows.
        if (!root->overview || m_overviewWhole || !m_overviewBands.isEmpty()) {
            const QRectF rect(QPointF(m_overviewRect.topLeft()) / dpr, QSizeF(m_overviewRect.size()) / dpr);
            m_overviewRowsUploaded = root->setOverview(win, m_overview, rect, boundingRect(), m_overviewWhole, m_overviewBands);
        }
    }
    m_chunksRebuilt = m_overviewBandsPainted;
    m_overviewBandsPainted = 0;
    m_overviewWhole = false;
    m_overviewBands.clear();
}

void TreeCanvas::paintOverview(qreal dpr)
{
    const TreeViewport view = viewport();
    const auto [first, last] = treeVisibleRows(m_layout, view);
    // The tree's bounds grown by a row on each side (rings and badges reach out of their rows),
    // on whole device pixels, within the item.
    const double pad = m_layout.metrics().rowHeight;
    const QRectF content = view.toItem(m_layout.bounds().adjusted(-pad, -pad, pad, pad))
                               .adjusted(-EffectReach, -EffectReach, EffectReach, EffectReach);
    const QRect deviceRect = QRectF(content.topLeft() * dpr, content.bottomRight() * dpr).toAlignedRect()
                             & QRect(0, 0, int(std::ceil(width() * dpr)), int(std::ceil(height() * dpr)));
    const auto clearDirt = [this] {
        for (Chunk &chunk : m_chunks) {
            chunk.dirty = false;
            chunk.wholeDirty = false;
        }
        m_dirtyRows.clear();
        m_dirtyRowsOverflow = false;
        m_allDirty = false;
    };
    if (deviceRect.isEmpty() || last < first) {
        clearOverviewImages();
        clearDirt();
        m_sceneDependsOnNow = false;
        return;
    }
    const bool whole = m_allDirty || deviceRect != m_overviewRect || m_overviewTree.isNull();
    // Pixel rows to repaint: those of each changed row, or of a whole chunk when more changed.
    QList<std::pair<int, int>> bands;
    const auto addRows = [&](int rowFirst, int rowLast) {
        const double top = view.toItem(m_layout.boxRect(rowFirst)).top() - pad * m_zoom;
        const double bottom = view.toItem(m_layout.boxRect(rowLast)).bottom() + pad * m_zoom;
        addPixelRows(&bands, top, bottom, deviceRect, dpr);
    };
    if (whole) {
        bands.append({0, deviceRect.height()});
    } else {
        for (int index = first / ChunkRows; index <= last / ChunkRows && index < m_chunks.size(); ++index) {
            const Chunk &chunk = m_chunks[index];
            if (chunk.dirty && (chunk.wholeDirty || m_dirtyRowsOverflow))
                addRows(index * ChunkRows, std::min(m_layout.count(), (index + 1) * ChunkRows) - 1);
        }
        if (!m_dirtyRowsOverflow) {
            for (const int row : std::as_const(m_dirtyRows)) {
                if (row >= first && row <= last && row < m_layout.count())
                    addRows(row, row);
            }
        }
        bands = mergedBands(std::move(bands));
    }
    if (whole) {
        m_overviewTree = QImage(deviceRect.size(), QImage::Format_ARGB32_Premultiplied);
        m_overviewRect = deviceRect;
    }
    if (!bands.isEmpty()) {
        TreeSceneOptions options = sceneOptions();  // no labels at this zoom: no measure needed
        const quint32 background = treePalette(m_highContrast).background;
        // Device pixel = item * dpr - the image's top left.
        const RasterMapping mapping{dpr, QPointF(deviceRect.topLeft())};
        std::optional<QPainter> painter;  // only for shapes rasterizeRects() cannot draw
        for (const auto &[y0, y1] : bands) {
            // Every row whose drawing can reach these pixel rows, edges through them included.
            const QPointF top = view.toContent(QPointF(0, (deviceRect.top() + y0) / dpr));
            const QPointF bottom = view.toContent(QPointF(0, (deviceRect.top() + y1) / dpr));
            const auto [rowFirst, rowLast] = m_layout.rowsBetween(top.y() - pad, bottom.y() + pad);
            const QRect band(0, y0, deviceRect.width(), y1 - y0);
            TreeScene scene;
            if (rowLast >= rowFirst) {
                options.bandFirst = std::max(rowFirst, 0);
                options.bandLast = std::min(rowLast, m_layout.count() - 1);
                buildTreeScene(m_layout, view, options, &scene);
                // Which chunks show something that follows the clock, for setNow().
                for (int index = options.bandFirst / ChunkRows; index <= options.bandLast / ChunkRows; ++index)
                    m_chunks[index].dependsOnNow = scene.dependsOnNow;
            }
            if (canRasterizeRects(scene, mapping)) {
                rasterizeRects(&m_overviewTree, band, background, scene, mapping);
                continue;
            }
            if (!painter) {
                painter.emplace(&m_overviewTree);
                painter->setRenderHint(QPainter::Antialiasing);
            }
            painter->setClipRect(band);
            painter->fillRect(band, QColor::fromRgba(background));
            painter->save();
            painter->scale(dpr, dpr);
            painter->translate(-QPointF(deviceRect.topLeft()) / dpr);
            paintTreeScene(*painter, scene);
            painter->restore();
        }
        painter.reset();
        m_overviewBandsPainted += int(bands.size());
    }
    composeOverview(dpr, bands, whole);
    clearDirt();
    m_sceneDependsOnNow = std::any_of(m_chunks.cbegin(), m_chunks.cend(), [](const Chunk &c) { return c.dependsOnNow; });
}

void TreeCanvas::clearOverviewImages()
{
    m_overview = QImage();
    m_overviewTree = QImage();
    m_overviewRect = QRect();
    m_overviewEffectBands.clear();
}

void TreeCanvas::composeOverview(qreal dpr, const QList<std::pair<int, int>> &treeBands, bool whole)
{
    const TreeScene *effects = m_preparedEffects.ready && !m_effects.isEmpty() ? &m_preparedEffects.scene : nullptr;
    // The effects moved (a new scene to lay), or ended and their pixels must go.
    const bool effectsChanged = effects ? !m_preparedEffects.composed : !m_overviewEffectBands.isEmpty();
    if (!whole && treeBands.isEmpty() && !effectsChanged)
        return;
    if (effects)
        m_preparedEffects.composed = true;
    const QList<std::pair<int, int>> effectBands =
        effects ? rowsDrawnOn(*effects, m_overviewRect, dpr) : QList<std::pair<int, int>>();
    // Effects are painted over `image`, whose top row is the overview's row `top`.
    const auto paintEffects = [&](QImage *image, int top) {
        QPainter painter(image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(dpr, dpr);
        painter.translate(-(QPointF(m_overviewRect.topLeft()) + QPointF(0, top)) / dpr);
        paintTreeScene(painter, *effects);
    };
    if (whole) {
        m_overview = m_overviewTree;  // shared until the effects are painted on it
        if (!effectBands.isEmpty())
            paintEffects(&m_overview, 0);
        m_overviewWhole = true;
        m_overviewBands.clear();
    } else {
        QList<std::pair<int, int>> bands = treeBands;
        bands.append(m_overviewEffectBands);
        bands.append(effectBands);
        const qsizetype rowBytes = m_overviewTree.bytesPerLine();
        for (const auto &[y0, y1] : mergedBands(std::move(bands))) {
            QImage composed = m_overviewTree.copy(0, y0, m_overviewTree.width(), y1 - y0);
            if (effects)
                paintEffects(&composed, y0);
            // Only the rows that come out different are uploaded: a pulse moving down a long trunk
            // changes the rows at its head, not the whole band it spans.
            for (int y = y0; y < y1; ++y) {
                if (std::memcmp(m_overview.constScanLine(y), composed.constScanLine(y - y0), rowBytes) != 0) {
                    std::memcpy(m_overview.scanLine(y), composed.constScanLine(y - y0), rowBytes);
                    m_overviewBands.append({y, y + 1});
                }
            }
        }
        // Runs a few rows apart go up as one: each upload has a cost of its own, a row of a few
        // dozen pixels hardly any.
        m_overviewBands = mergedBands(std::move(m_overviewBands), UploadGapRows);
    }
    m_overviewEffectBands = effectBands;
}

} // namespace cascade
