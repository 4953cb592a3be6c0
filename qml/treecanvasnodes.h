#pragma once

#include "glyphatlas.h"
#include "treescene.h"

#include <QFontMetricsF>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGNode>
#include <QSGRectangleNode>
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
    LayerNode();
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

//! The canvas's scene graph root. It owns the textures so that they are deleted on the render
//! thread, after the children whose materials point at them. Paint order: background, the tree
//! in chunks of rows, the effects; or, under the software scene graph, one image.
class CanvasNode : public QSGNode
{
public:
    CanvasNode();
    ~CanvasNode() override;

    QSGRectangleNode *background = nullptr;
    QSGNode *chunks = nullptr;  // LayerNode children, one per chunk of rows
    LayerNode *effects = nullptr;
    QSGImageNode *image = nullptr;
    //! The tree zoomed out so far that rows are thinner than a pixel: painted into an image, over
    //! the (then empty) chunks, and shown as tiles of OverviewTileRows pixel rows, each a piece of
    //! the window's texture atlas: a change uploads only its tiles, into a texture that exists
    //! already (a texture of its own, made anew for each change, cost more than the rest of the frame).
    static constexpr int OverviewTileRows = 128;  // under any atlas's size limit (256 at least)
    QSGNode *overview = nullptr;  // QSGImageNode children, one per tile, top to bottom
    std::vector<std::unique_ptr<QSGTexture>> overviewTextures;
    std::unique_ptr<QSGTexture> atlasTexture;
    quint64 atlasVersion = 0;
    std::unique_ptr<QSGTexture> imageTexture;

    [[nodiscard]] LayerNode *chunk(int index) const;
    void resizeChunks(int count);
    //! Points every glyph node at the atlas's current image, when it has new glyphs.
    void updateAtlasTexture(QQuickWindow *win, const GlyphAtlas &atlas);
    void setImage(QQuickWindow *win, const QImage &image, const QRectF &rect);
    //! Shows `image` at `rect` (item coordinates), uploading again only the tiles that hold one of
    //! the `changed` pixel rows ([first, end) pairs); all of them when `whole`. Returns how many it uploaded.
    int setOverview(QQuickWindow *win, const QImage &image, const QRectF &rect, bool whole,
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
