#pragma once

#include "glyphatlas.h"
#include "overviewtexture.h"
#include "treescene.h"

#include <QFontMetricsF>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGNode>
#include <QSGTexture>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QPainter;
class QQuickWindow;

namespace cascade {

//! One layer of shapes and labels: a vertex-colour node and a glyph-atlas node over it.
class LayerNode : public QSGNode
{
public:
    //! Merged: the renderer may merge the shapes with other layers' into one draw, copying and
    //! moving every vertex into the batch whenever one of them changes. Alone: drawn on their own,
    //! their vertices uploaded as they are, for a layer that changes every frame (the animation).
    enum class Batching { Merged, Alone };
    explicit LayerNode(Batching batching = Batching::Merged);
    ~LayerNode() override;
    //! Replaces the shapes; an empty list leaves an empty geometry (drawn as nothing).
    void setShapes(const QList<TreeSceneRect> &rects);
    //! The same, from shapes already tessellated (tessellateTreeRects), e.g. on the GUI thread.
    void setVertices(const QList<TreeVertex> &vertices);
    //! Lays the labels out on the atlas: false when the atlas had to start again meanwhile, so that
    //! glyphs laid out earlier (in other layers too) point at cells that are gone.
    bool setLabels(GlyphAtlas &atlas, const TreeScene &scene, qreal dpr);
    void setAtlasTexture(QSGTexture *texture);
    void clear();
    [[nodiscard]] bool isEmpty() const { return m_empty; }

private:
    void showGlyphs(bool show);
    QSGGeometryNode *m_shapes = nullptr;
    QSGGeometryNode *m_glyphs = nullptr;
    bool m_empty = true;
};

//! The canvas's background: one flat-colour rectangle, opaque, so the renderer draws it in its
//! opaque pass and leaves it out of the translucent effects' batches; an empty rect (no vertices)
//! while the overview draws the background itself. It changes only when the size or colour does
//! (QSGRectangleNode::color() reads back invalid in Qt 6.4, so a compare against it set the
//! colour, and re-uploaded the node, on every frame).
class BackgroundNode : public QSGGeometryNode
{
public:
    BackgroundNode();
    void setRect(const QRectF &rect);
    void setColor(const QColor &color);

private:
    QSGGeometry m_geometry;
    QSGFlatColorMaterial m_material;
    QRectF m_rect;
};

//! The canvas's scene graph root. It owns the textures so that they are deleted on the render
//! thread, after the children whose materials point at them. Paint order: background, the tree
//! in chunks of rows, the effects; or, under the software scene graph, one image.
class CanvasNode : public QSGNode
{
public:
    CanvasNode();
    ~CanvasNode() override;

    BackgroundNode *background = nullptr;
    QSGNode *chunks = nullptr;  // LayerNode children, one per chunk of rows
    LayerNode *effects = nullptr;
    QSGImageNode *image = nullptr;
    //! The tree zoomed out so far that rows are thinner than a pixel: painted into an image, over
    //! the (then empty) chunks, and shown from one texture that takes only the changed rows.
    QSGImageNode *overview = nullptr;
    std::unique_ptr<OverviewTexture> overviewTexture;
    std::unique_ptr<QSGTexture> atlasTexture;
    quint64 atlasVersion = 0;
    std::unique_ptr<QSGTexture> imageTexture;

    [[nodiscard]] LayerNode *chunk(int index) const;
    void resizeChunks(int count);
    //! Points every glyph node at the atlas's current image, when it has new glyphs.
    void updateAtlasTexture(QQuickWindow *win, const GlyphAtlas &atlas);
    void setImage(QQuickWindow *win, const QImage &image, const QRectF &rect);
    //! Shows `image` at `rect` (item coordinates) and its edge pixels, which must be background,
    //! over the rest of `cover` (the item), handing the texture only the `changed` pixel rows
    //! ([first, end) pairs), or all of them when `whole`. Returns how many rows it handed over.
    int setOverview(QQuickWindow *win, const QImage &image, const QRectF &rect, const QRectF &cover, bool whole,
                    const QList<std::pair<int, int>> &changed);
    void dropOverview();
    //! Drops the geometry-node layers (the software renderer draws the image only), or the image.
    void dropLayers();
    void dropImage();
};

//! The two label fonts of the QPainter renderer at one pixel size.
struct PainterFonts {
    explicit PainterFonts(double pixelSize);
    QFont fonts[2];
    QFontMetricsF metrics[2];
};

//! Text widths for the QPainter renderer; a scene uses one pixel size, so the fonts are made once.
[[nodiscard]] std::function<double(const QString &, bool, double)> painterMeasure(std::optional<PainterFonts> *fonts);

//! Paints one scene (shapes, then labels) with QPainter, in the scene's item coordinates.
void paintTreeScene(QPainter &painter, const TreeScene &scene);

//! The software renderer: scenes painted with QPainter, in order, over the background.
[[nodiscard]] QImage paintScenes(const QList<const TreeScene *> &scenes, QSizeF size, qreal dpr, quint32 background);

} // namespace cascade
