#include "treecanvasnodes.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGTextureMaterial>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cascade {

namespace {

QSGGeometryNode *makeGeometryNode(const QSGGeometry::AttributeSet &attributes, QSGMaterial *material)
{
    auto *node = new QSGGeometryNode;
    auto *geometry = new QSGGeometry(attributes, 0);
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    node->setGeometry(geometry);
    node->setMaterial(material);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

//! Tells the renderer that a node's vertices changed. A node that had none when the renderer last
//! built its batches was left out of them, and a geometry change alone does not bring it back
//! (Qt's batch renderer only updates the batch a node is in): the material mark makes it build
//! batches again, this node's included.
void markGeometryDirty(QSGGeometryNode *node, bool wasEmpty)
{
    const bool appears = wasEmpty && node->geometry()->vertexCount() > 0;
    node->markDirty(appears ? QSGNode::DirtyGeometry | QSGNode::DirtyMaterial : QSGNode::DirtyGeometry);
}

void deleteChildren(QSGNode *node)
{
    while (QSGNode *child = node->firstChild()) {
        node->removeChildNode(child);
        delete child;
    }
}

} // namespace

LayerNode::LayerNode(Batching batching)
{
    auto *shapesMaterial = new QSGVertexColorMaterial;
    if (batching == Batching::Alone)
        shapesMaterial->setFlag(QSGMaterial::NoBatching);
    m_shapes = makeGeometryNode(QSGGeometry::defaultAttributes_ColoredPoint2D(), shapesMaterial);
    appendChildNode(m_shapes);
    auto *material = new QSGTextureMaterial;
    material->setFlag(QSGMaterial::Blending);
    material->setFiltering(QSGTexture::Linear);
    m_glyphs = makeGeometryNode(QSGGeometry::defaultAttributes_TexturedPoint2D(), material);
    // Not in the tree while it has no labels (zoomed out): the renderer then has one node less to
    // walk per chunk, every frame.
}

LayerNode::~LayerNode()
{
    if (!m_glyphs->parent())
        delete m_glyphs;
}

void LayerNode::showGlyphs(bool show)
{
    if (show && !m_glyphs->parent())
        appendChildNode(m_glyphs);
    else if (!show && m_glyphs->parent())
        removeChildNode(m_glyphs);
}

void LayerNode::setShapes(const QList<TreeSceneRect> &rects)
{
    QList<TreeVertex> vertices;
    tessellateTreeRects(rects, &vertices);
    setVertices(vertices);
}

void LayerNode::setVertices(const QList<TreeVertex> &vertices)
{
    static_assert(sizeof(TreeVertex) == sizeof(QSGGeometry::ColoredPoint2D));
    const bool wasEmpty = m_shapes->geometry()->vertexCount() == 0;
    m_shapes->geometry()->allocate(int(vertices.size()));
    if (!vertices.isEmpty())
        std::memcpy(m_shapes->geometry()->vertexData(), vertices.constData(), vertices.size() * sizeof(TreeVertex));
    markGeometryDirty(m_shapes, wasEmpty);
    m_empty = vertices.isEmpty();
}

bool LayerNode::setLabels(GlyphAtlas &atlas, const TreeScene &scene, qreal dpr)
{
    // Labels: one textured quad per glyph of the atlas, placed on whole device pixels.
    struct Quad {
        QRectF rect;
        QRect cell;
    };
    QList<Quad> quads;
    const quint64 generation = atlas.generation();
    if (scene.fontPixelSize > 0 && !scene.texts.isEmpty()) {
        atlas.configure(scene.fontPixelSize, dpr);
        const double toLogical = atlas.scale() / dpr;
        for (const TreeSceneText &text : scene.texts) {
            double pen = text.origin.x();
            for (const char32_t ucs4 : text.text.toUcs4()) {
                const GlyphAtlas::Glyph g = atlas.glyph(ucs4, text.bold, text.argb);
                const double x = std::round((pen + g.offset.x() * toLogical) * dpr) / dpr;
                const double y = std::round((text.origin.y() + g.offset.y() * toLogical) * dpr) / dpr;
                if (ucs4 != U' ')
                    quads.append({QRectF(x, y, g.cell.width() * toLogical, g.cell.height() * toLogical), g.cell});
                pen += g.advance * toLogical;
            }
        }
    }
    QSGGeometry *geometry = m_glyphs->geometry();
    const bool wasEmpty = geometry->vertexCount() == 0;
    geometry->allocate(int(quads.size() * 6));
    QSGGeometry::TexturedPoint2D *v = geometry->vertexDataAsTexturedPoint2D();
    const double w = std::max(1, atlas.image().width()), h = std::max(1, atlas.image().height());
    for (const Quad &q : std::as_const(quads)) {
        const auto l = float(q.cell.left() / w), r = float((q.cell.left() + q.cell.width()) / w);
        const auto t = float(q.cell.top() / h), b = float((q.cell.top() + q.cell.height()) / h);
        const auto x0 = float(q.rect.left()), x1 = float(q.rect.right()), y0 = float(q.rect.top()), y1 = float(q.rect.bottom());
        (v++)->set(x0, y0, l, t), (v++)->set(x1, y0, r, t), (v++)->set(x0, y1, l, b);
        (v++)->set(x1, y0, r, t), (v++)->set(x1, y1, r, b), (v++)->set(x0, y1, l, b);
    }
    markGeometryDirty(m_glyphs, wasEmpty);
    showGlyphs(!quads.isEmpty());
    m_empty = m_empty && quads.isEmpty();
    return atlas.generation() == generation;
}

void LayerNode::setAtlasTexture(QSGTexture *texture)
{
    auto *material = static_cast<QSGTextureMaterial *>(m_glyphs->material());
    if (material->texture() == texture)
        return;
    material->setTexture(texture);
    m_glyphs->markDirty(QSGNode::DirtyMaterial);
}

void LayerNode::clear()
{
    if (m_empty)
        return;
    m_shapes->geometry()->allocate(0);
    m_shapes->markDirty(QSGNode::DirtyGeometry);
    m_glyphs->geometry()->allocate(0);
    m_glyphs->markDirty(QSGNode::DirtyGeometry);
    showGlyphs(false);
    m_empty = true;
}

BackgroundNode::BackgroundNode()
    : m_geometry(QSGGeometry::defaultAttributes_Point2D(), 0)
{
    m_geometry.setDrawingMode(QSGGeometry::DrawTriangleStrip);
    setGeometry(&m_geometry);
    setMaterial(&m_material);
}

void BackgroundNode::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    m_rect = rect;
    // Empty: no vertices, so that the renderer leaves the node out of its batches altogether.
    const bool wasEmpty = m_geometry.vertexCount() == 0;
    m_geometry.allocate(rect.isEmpty() ? 0 : 4);
    if (!rect.isEmpty())
        QSGGeometry::updateRectGeometry(&m_geometry, rect);
    markGeometryDirty(this, wasEmpty);
}

void BackgroundNode::setColor(const QColor &color)
{
    if (color == m_material.color())
        return;
    m_material.setColor(color);  // opaque while its alpha is 1: no blending
    markDirty(QSGNode::DirtyMaterial);
}

CanvasNode::CanvasNode() = default;

CanvasNode::~CanvasNode()
{
    deleteChildren(this);
}

LayerNode *CanvasNode::chunk(int index) const
{
    return static_cast<LayerNode *>(chunks->childAtIndex(index));
}

void CanvasNode::resizeChunks(int count)
{
    while (chunks->childCount() > count) {
        QSGNode *last = chunks->lastChild();
        chunks->removeChildNode(last);
        delete last;
    }
    while (chunks->childCount() < count) {
        auto *layer = new LayerNode;
        layer->setAtlasTexture(atlasTexture.get());
        chunks->appendChildNode(layer);
    }
}

void CanvasNode::updateAtlasTexture(QQuickWindow *win, const GlyphAtlas &atlas)
{
    if ((atlasTexture && atlasVersion == atlas.version()) || atlas.image().isNull())
        return;
    std::unique_ptr<QSGTexture> texture(win->createTextureFromImage(atlas.image()));
    for (int i = 0; i < chunks->childCount(); ++i)
        chunk(i)->setAtlasTexture(texture.get());
    effects->setAtlasTexture(texture.get());
    atlasTexture = std::move(texture);  // the old one goes only after nothing points at it
    atlasVersion = atlas.version();
}

void CanvasNode::setImage(QQuickWindow *win, const QImage &picture, const QRectF &rect)
{
    if (!image) {
        image = win->createImageNode();
        image->setOwnsTexture(false);
        appendChildNode(image);
    }
    std::unique_ptr<QSGTexture> texture(win->createTextureFromImage(picture));
    image->setTexture(texture.get());
    image->setRect(rect);
    image->setSourceRect(QRectF(QPointF(0, 0), texture->textureSize()));
    imageTexture = std::move(texture);  // the old one goes only after it is replaced
}

int CanvasNode::setOverview(QQuickWindow *win, const QImage &picture, const QRectF &rect, const QRectF &cover,
                             bool whole, const QList<std::pair<int, int>> &changed)
{
    if (!overview) {
        overview = win->createImageNode();
        overview->setOwnsTexture(false);
        overview->setFiltering(QSGTexture::Nearest);  // the image is laid on whole device pixels
        overviewTexture = std::make_unique<OverviewTexture>();
        insertChildNodeAfter(overview, chunks);
        whole = true;
    }
    const qint64 before = overviewTexture->rowsHandedOver();
    const bool resized = picture.size() != overviewTexture->textureSize();  // a new texture is empty
    if (whole || resized) {
        overviewTexture->setImage(picture);
        if (resized)
            overview->setTexture(overviewTexture.get());  // the node's texture coordinates follow its size
    } else {
        for (const auto &[first, end] : changed)
            overviewTexture->setRows(picture, first, end);
    }
    // The node covers `cover`, beyond the picture too: the texture is sampled clamped to its edge
    // there, which is background, so that it draws the background as well and no node of its own is
    // needed (one draw fewer every frame).
    const double sx = picture.width() / rect.width();
    const double sy = picture.height() / rect.height();
    const QRectF source((cover.left() - rect.left()) * sx, (cover.top() - rect.top()) * sy, cover.width() * sx,
                        cover.height() * sy);
    if (overview->rect() != cover || overview->sourceRect() != source || resized) {
        overview->setRect(cover);
        overview->setSourceRect(source);
    }
    // The same texture with new rows: the renderer uploads them when it next draws with it.
    overview->markDirty(QSGNode::DirtyMaterial);
    return int(overviewTexture->rowsHandedOver() - before);
}

void CanvasNode::dropOverview()
{
    if (!overview)
        return;
    removeChildNode(overview);
    delete overview;
    overview = nullptr;
    overviewTexture.reset();
}

void CanvasNode::dropLayers()
{
    for (QSGNode *node : {static_cast<QSGNode *>(background), chunks, static_cast<QSGNode *>(effects)}) {
        if (node) {
            removeChildNode(node);
            delete node;
        }
    }
    background = nullptr;
    chunks = nullptr;
    effects = nullptr;
    dropOverview();
}

void CanvasNode::dropImage()
{
    if (!image)
        return;
    removeChildNode(image);
    delete image;
    image = nullptr;
    imageTexture.reset();
}

PainterFonts::PainterFonts(double pixelSize)
    : fonts{labelFont(false, pixelSize), labelFont(true, pixelSize)},
      metrics{QFontMetricsF(fonts[0]), QFontMetricsF(fonts[1])}
{
}

std::function<double(const QString &, bool, double)> painterMeasure(std::optional<PainterFonts> *fonts)
{
    return [fonts](const QString &text, bool bold, double pixelSize) {
        if (!*fonts)
            fonts->emplace(pixelSize);
        return (*fonts)->metrics[bold].horizontalAdvance(text);
    };
}

void paintTreeScene(QPainter &painter, const TreeScene &scene)
{
    painter.setPen(Qt::NoPen);
    for (const TreeSceneRect &r : scene.rects) {
        painter.setBrush(QColor::fromRgba(r.argb));
        if (!r.polygon.isEmpty())
            painter.drawPolygon(r.polygon.constData(), int(r.polygon.size()));
        else if (r.radius > 0)
            painter.drawRoundedRect(r.rect, r.radius, r.radius);
        else
            painter.fillRect(r.rect, QColor::fromRgba(r.argb));
    }
    if (!scene.texts.isEmpty()) {
        const PainterFonts fonts(scene.fontPixelSize);
        for (const TreeSceneText &t : scene.texts) {
            painter.setFont(fonts.fonts[t.bold]);
            painter.setPen(QColor::fromRgba(t.argb));
            painter.drawText(t.origin, t.text);
        }
    }
}

QImage paintScenes(const QList<const TreeScene *> &scenes, QSizeF size, qreal dpr, quint32 background)
{
    QImage image(QSize(int(std::ceil(size.width() * dpr)), int(std::ceil(size.height() * dpr))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(QColor::fromRgba(background));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const TreeScene *scene : scenes)
        paintTreeScene(painter, *scene);
    return image;
}

} // namespace cascade
