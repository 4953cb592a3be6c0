#include "treecanvas.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGRendererInterface>
#include <QSGTextureMaterial>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>

namespace cascade {

namespace {

quint64 glyphKey(char32_t ucs4, bool bold, quint32 argb)
{
    return (quint64(argb) << 32) | (quint64(bold) << 31) | quint64(ucs4);
}

QFont labelFont(bool bold, double pixelSize)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

//! The item's scene graph root. It owns the textures so that they are deleted on the render
//! thread, after the children whose materials point at them.
class CanvasNode : public QSGNode
{
public:
    ~CanvasNode() override
    {
        while (QSGNode *child = firstChild()) {
            removeChildNode(child);
            delete child;
        }
    }
    QSGGeometryNode *shapes = nullptr;
    QSGGeometryNode *glyphs = nullptr;
    QSGImageNode *image = nullptr;
    std::unique_ptr<QSGTexture> atlasTexture;
    quint64 atlasVersion = 0;
    std::unique_ptr<QSGTexture> imageTexture;
};

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

struct PainterFonts {
    explicit PainterFonts(double pixelSize)
        : fonts{labelFont(false, pixelSize), labelFont(true, pixelSize)},
          metrics{QFontMetricsF(fonts[0]), QFontMetricsF(fonts[1])}
    {
    }
    QFont fonts[2];
    QFontMetricsF metrics[2];
};

//! Text widths for the QPainter renderer; a scene uses one pixel size, so the fonts are made once.
auto painterMeasure(std::optional<PainterFonts> *fonts)
{
    return [fonts](const QString &text, bool bold, double pixelSize) {
        if (!*fonts)
            fonts->emplace(pixelSize);
        return (*fonts)->metrics[bold].horizontalAdvance(text);
    };
}

//! The software renderer: the scene painted with QPainter.
QImage paintScene(const TreeScene &scene, QSizeF size, qreal dpr, quint32 background)
{
    QImage image(QSize(int(std::ceil(size.width() * dpr)), int(std::ceil(size.height() * dpr))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(QColor::fromRgba(background));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (const TreeSceneRect &r : scene.rects) {
        if (r.radius > 0) {
            painter.setBrush(QColor::fromRgba(r.argb));
            painter.drawRoundedRect(r.rect, r.radius, r.radius);
        } else {
            painter.fillRect(r.rect, QColor::fromRgba(r.argb));
        }
    }
    if (!scene.texts.isEmpty()) {
        const PainterFonts fonts(scene.fontPixelSize);
        for (const TreeSceneText &t : scene.texts) {
            painter.setFont(fonts.fonts[t.bold]);
            painter.setPen(QColor::fromRgba(t.argb));
            painter.drawText(t.origin, t.text);
        }
    }
    return image;
}


void updateImage(CanvasNode *root, QQuickWindow *win, const QImage &image, const QRectF &rect)
{
    if (!root->image) {
        root->image = win->createImageNode();
        root->image->setOwnsTexture(false);
        root->appendChildNode(root->image);
    }
    std::unique_ptr<QSGTexture> texture(win->createTextureFromImage(image));
    root->image->setTexture(texture.get());
    root->image->setRect(rect);
    root->image->setSourceRect(QRectF(QPointF(0, 0), texture->textureSize()));
    root->imageTexture = std::move(texture);  // the old one goes only after it is replaced
}

void updateShapes(CanvasNode *root, const QList<TreeSceneRect> &rects)
{
    if (!root->shapes) {
        root->shapes = makeGeometryNode(QSGGeometry::defaultAttributes_ColoredPoint2D(), new QSGVertexColorMaterial);
        root->appendChildNode(root->shapes);
        auto *material = new QSGTextureMaterial;
        material->setFlag(QSGMaterial::Blending);
        material->setFiltering(QSGTexture::Linear);
        root->glyphs = makeGeometryNode(QSGGeometry::defaultAttributes_TexturedPoint2D(), material);
        root->appendChildNode(root->glyphs);
    }
    static_assert(sizeof(TreeVertex) == sizeof(QSGGeometry::ColoredPoint2D));
    QList<TreeVertex> vertices;
    tessellateTreeRects(rects, &vertices);
    root->shapes->geometry()->allocate(int(vertices.size()));
    std::memcpy(root->shapes->geometry()->vertexData(), vertices.constData(), vertices.size() * sizeof(TreeVertex));
    root->shapes->markDirty(QSGNode::DirtyGeometry);
}

//! Labels: one textured quad per glyph of the atlas, placed on whole device pixels.
void updateGlyphs(CanvasNode *root, QQuickWindow *win, GlyphAtlas &atlas, const TreeScene &scene, qreal dpr)
{
    struct Quad {
        QRectF rect;
        QRect cell;
    };
    QList<Quad> quads;
    for (int attempt = 0; attempt < 2 && scene.fontPixelSize > 0; ++attempt) {
        const quint64 generation = atlas.generation();
        quads.clear();
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
        if (atlas.generation() == generation)
            break;  // else the atlas was full and started again: earlier cells are gone, lay out again
    }
    if (!root->atlasTexture || root->atlasVersion != atlas.version()) {
        std::unique_ptr<QSGTexture> texture(win->createTextureFromImage(atlas.image()));
        static_cast<QSGTextureMaterial *>(root->glyphs->material())->setTexture(texture.get());
        root->atlasTexture = std::move(texture);
        root->atlasVersion = atlas.version();
        root->glyphs->markDirty(QSGNode::DirtyMaterial);
    }
    QSGGeometry *geometry = root->glyphs->geometry();
    geometry->allocate(int(quads.size() * 6));
    QSGGeometry::TexturedPoint2D *v = geometry->vertexDataAsTexturedPoint2D();
    const double w = atlas.image().width(), h = atlas.image().height();
    for (const Quad &q : std::as_const(quads)) {
        const auto l = float(q.cell.left() / w), r = float((q.cell.left() + q.cell.width()) / w);
        const auto t = float(q.cell.top() / h), b = float((q.cell.top() + q.cell.height()) / h);
        const auto x0 = float(q.rect.left()), x1 = float(q.rect.right()), y0 = float(q.rect.top()), y1 = float(q.rect.bottom());
        (v++)->set(x0, y0, l, t), (v++)->set(x1, y0, r, t), (v++)->set(x0, y1, l, b);
        (v++)->set(x1, y0, r, t), (v++)->set(x1, y1, r, b), (v++)->set(x0, y1, l, b);
    }
    root->glyphs->markDirty(QSGNode::DirtyGeometry);
}

} // namespace

void GlyphAtlas::configure(double logicalPixelSize, qreal dpr)
{
    const int devicePixels = std::max(1, int(std::lround(logicalPixelSize * dpr)));
    m_scale = logicalPixelSize * dpr / devicePixels;
    if (devicePixels == m_devicePixels && qFuzzyCompare(dpr, m_dpr))
        return;
    m_devicePixels = devicePixels;
    m_dpr = dpr;
    m_fonts[0] = labelFont(false, devicePixels);
    m_fonts[1] = labelFont(true, devicePixels);
    m_advances.clear();
    restart(256);
}

void GlyphAtlas::restart(int height)
{
    ++m_generation;
    m_glyphs.clear();
    m_image = QImage(1024, height, QImage::Format_ARGB32_Premultiplied);
    m_image.fill(Qt::transparent);
    m_cursor = QPoint(1, 1);
    m_shelfHeight = 0;
    ++m_version;
}

double GlyphAtlas::advance(const QString &text, bool bold)
{
    double total = 0;
    std::optional<QFontMetricsF> metrics;
    for (const char32_t ucs4 : text.toUcs4()) {
        auto it = m_advances.constFind(glyphKey(ucs4, bold, 0));
        if (it == m_advances.constEnd()) {
            if (!metrics)
                metrics.emplace(m_fonts[bold]);
            it = m_advances.insert(glyphKey(ucs4, bold, 0), metrics->horizontalAdvance(QString::fromUcs4(&ucs4, 1)));
        }
        total += *it;
    }
    return total / m_dpr * m_scale;
}

GlyphAtlas::Glyph GlyphAtlas::glyph(char32_t ucs4, bool bold, quint32 argb)
{
    const quint64 key = glyphKey(ucs4, bold, argb);
    if (const auto it = m_glyphs.constFind(key); it != m_glyphs.constEnd())
        return *it;
    const QString text = QString::fromUcs4(&ucs4, 1);
    const QFontMetricsF metrics(m_fonts[bold]);
    const QRectF ink = metrics.boundingRect(text);
    constexpr int Pad = 1;
    const int left = int(std::floor(ink.left())) - Pad;
    const int top = int(std::floor(ink.top())) - Pad;
    const QSize cell(std::max(1, int(std::ceil(ink.right())) + Pad - left),
                     std::max(1, int(std::ceil(ink.bottom())) + Pad - top));
    if (m_cursor.x() + cell.width() + 1 > m_image.width()) {  // the next shelf
        m_cursor = QPoint(1, m_cursor.y() + m_shelfHeight + 1);
        m_shelfHeight = 0;
    }
    if (m_cursor.y() + cell.height() + 1 > m_image.height()) {
        if (m_image.height() >= 4096) {
            restart(m_image.height());  // full of old colours and characters: start again
        } else {
            QImage taller(m_image.width(), m_image.height() * 2, m_image.format());
            taller.fill(Qt::transparent);
            QPainter(&taller).drawImage(0, 0, m_image);
            m_image = taller;
        }
    }
    QPainter painter(&m_image);
    painter.setFont(m_fonts[bold]);
    painter.setPen(QColor::fromRgba(argb));
    painter.drawText(QPointF(m_cursor.x() - left, m_cursor.y() - top), text);
    painter.end();
    const Glyph glyph{QRect(m_cursor, cell), QPointF(left, top), metrics.horizontalAdvance(text)};
    m_cursor.rx() += cell.width() + 1;
    m_shelfHeight = std::max(m_shelfHeight, cell.height());
    ++m_version;
    return *m_glyphs.insert(key, glyph);
}

TreeCanvas::TreeCanvas(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    setActiveFocusOnTab(true);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton | Qt::MiddleButton);
    setAcceptHoverEvents(true);
    setClip(true);
    connect(this, &QQuickItem::activeFocusChanged, this, &QQuickItem::update);  // the selection's colour
}

void TreeCanvas::setModel(QAbstractItemModel *model)
{
    if (m_model == model)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    if (model) {
        using M = QAbstractItemModel;
        m_connections = {
            connect(model, &M::rowsInserted, this, &TreeCanvas::onRowsInserted),
            connect(model, &M::rowsRemoved, this, &TreeCanvas::onRowsRemoved),
            connect(model, &M::dataChanged, this, &TreeCanvas::onDataChanged),
            connect(model, &M::modelReset, this, &TreeCanvas::resetFromModel),
            connect(model, &M::layoutChanged, this, &TreeCanvas::resetFromModel),
            connect(model, &M::rowsMoved, this, &TreeCanvas::resetFromModel),
            connect(model, &QObject::destroyed, this, [this] {
                m_model = nullptr;
                m_connections.clear();
                resetFromModel();
                Q_EMIT modelChanged();
            }),
        };
    }
    resetFromModel();
    Q_EMIT modelChanged();
}

void TreeCanvas::resetFromModel()
{
    m_reader.resolve(m_model);
    QList<TreeNode> nodes;
    for (int row = 0, rows = m_model ? m_model->rowCount() : 0; row < rows; ++row)
        nodes.append(m_reader.read(m_model, row));
    m_layout.reset(std::move(nodes));
    m_selectedRow = m_layout.rowOfPath(m_selectedPath);
    setHoveredRow(-1);
    structureChanged();
}

void TreeCanvas::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!m_reader.resolved())
        m_reader.resolve(m_model);  // a ListModel has roles only once it has rows
    if (last - first > 256) {  // a bulk load: one pass is cheaper than many insertions
        resetFromModel();
        return;
    }
    for (int row = first; row <= last; ++row) {
        TreeNode node = m_reader.read(m_model, row);
        if (m_selectedRow >= row)
            ++m_selectedRow;
        else if (m_selectedRow < 0 && !m_selectedPath.isEmpty() && node.path == m_selectedPath)
            m_selectedRow = row;  // the selection comes back after a restart
        if (m_hoveredRow >= row)
            ++m_hoveredRow;
        m_layout.insert(row, std::move(node));
    }
    // Keep what the user looks at still: rows that arrive above the view push it down with them.
    const qreal rowHeight = m_layout.metrics().rowHeight * m_zoom;
    if (!m_autoFit && first * rowHeight < m_contentY)
        setView({m_zoom, m_contentX, m_contentY + (last - first + 1) * rowHeight, width(), height()});
    structureChanged();
}

void TreeCanvas::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    m_layout.remove(first, last);
    m_selectedRow = m_layout.rowOfPath(m_selectedPath);
    setHoveredRow(-1);
    structureChanged();
}

void TreeCanvas::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (topLeft.parent().isValid())
        return;
    const int last = std::min(bottomRight.row(), m_layout.count() - 1);
    for (int row = std::max(0, topLeft.row()); row <= last; ++row)
        m_layout.setNode(row, m_reader.read(m_model, row));
    update();  // the geometry is rebuilt once, in the next frame
}

void TreeCanvas::structureChanged()
{
    Q_EMIT countChanged();
    Q_EMIT viewChanged();  // content size
    polish();
    update();
}

void TreeCanvas::setNow(qint64 now)
{
    if (m_now == now)
        return;
    m_now = now;
    Q_EMIT nowChanged();
    if (m_sceneDependsOnNow)
        update();
}

void TreeCanvas::setSelectedPath(const QString &path)
{
    if (m_selectedPath == path)
        return;
    m_selectedPath = path;
    m_selectedRow = m_layout.rowOfPath(path);
    Q_EMIT selectedPathChanged();
    update();
}

void TreeCanvas::setHoveredRow(int row)
{
    if (row == m_hoveredRow)
        return;
    m_hoveredRow = row;
    setCursor(row >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    Q_EMIT hoveredPathChanged();
    update();
}

void TreeCanvas::setView(const TreeViewport &wanted)
{
    const TreeViewport view = wanted.clamped(m_layout, MinZoom, MaxZoom);
    if (view.zoom == m_zoom && view.x == m_contentX && view.y == m_contentY)
        return;
    m_zoom = view.zoom;
    m_contentX = view.x;
    m_contentY = view.y;
    Q_EMIT viewChanged();
    update();
}

void TreeCanvas::setAutoFit(bool autoFit)
{
    if (m_autoFit == autoFit)
        return;
    m_autoFit = autoFit;
    Q_EMIT autoFitChanged();
    if (autoFit)
        polish();
}

void TreeCanvas::fit()
{
    const QRectF bounds = m_layout.bounds();
    const bool legible = bounds.isEmpty() || (height() - 2 * Margin) / bounds.height() >= LegibleZoom;
    setAutoFit(legible);  // fitting a tree that stays legible keeps fitting it as it grows
    setView(viewport().fitted(m_layout, OverviewZoom, Margin));
}

void TreeCanvas::zoomBy(qreal factor, QPointF point)
{
    setAutoFit(false);
    setView(viewport().zoomedAt(std::clamp(m_zoom * factor, MinZoom, MaxZoom), point));
}

void TreeCanvas::updatePolish()
{
    // Fit while following, else re-clamp to the new bounds.
    setView(m_autoFit ? viewport().fitted(m_layout, LegibleZoom, Margin) : viewport());
}

void TreeCanvas::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    polish();
    update();
}

void TreeCanvas::selectRow(int row)
{
    if (row < 0 || row >= m_layout.count())
        return;
    setSelectedPath(m_layout.node(row).path);
    ensureVisible(m_selectedPath);
}

void TreeCanvas::ensureVisible(const QString &path)
{
    const QRectF box = taskRect(path);
    const TreeViewport view = viewport().revealing(box, Margin / 2);
    if (box.isEmpty() || (view.x == m_contentX && view.y == m_contentY))
        return;
    setAutoFit(false);
    setView(view);
}

QRectF TreeCanvas::taskRect(const QString &path) const
{
    const int row = m_layout.rowOfPath(path);
    return row < 0 ? QRectF() : viewport().toItem(m_layout.boxRect(row));
}

TreeSceneOptions TreeCanvas::sceneOptions() const
{
    TreeSceneOptions options;
    options.now = m_now;
    options.selectedRow = m_selectedRow;
    options.hoveredRow = m_hoveredRow;
    options.focused = hasActiveFocus();
    options.highContrast = m_highContrast;
    return options;
}

QImage TreeCanvas::renderImage() const
{
    const QRectF bounds = m_layout.bounds();
    const qreal zoom = std::min(1.0, 16384 / (bounds.height() + 2 * Margin));  // a QImage has limits
    const TreeViewport view{zoom, -Margin, -Margin, (bounds.width() + 2 * Margin) * zoom,
                            (bounds.height() + 2 * Margin) * zoom};
    TreeSceneOptions options = sceneOptions();
    options.focused = false;
    options.hoveredRow = -1;
    std::optional<PainterFonts> fonts;
    options.measure = painterMeasure(&fonts);
    TreeScene scene;
    buildTreeScene(m_layout, view, options, &scene);
    return paintScene(scene, QSizeF(view.width, view.height), 1, treePalette(m_highContrast).background);
}

QVariantMap TreeCanvas::stateStyle(const QString &state) const
{
    const TreeStateStyle style = treeStateStyle(state, m_highContrast);
    return {{QStringLiteral("accent"), QColor::fromRgba(style.accent)}, {QStringLiteral("fill"), QColor::fromRgba(style.fill)},
            {QStringLiteral("ink"), QColor::fromRgba(style.ink)}, {QStringLiteral("word"), style.word}};
}

QVariantMap TreeCanvas::colors() const
{
    const TreePalette &p = treePalette(m_highContrast);
    return {{QStringLiteral("background"), QColor::fromRgba(p.background)}, {QStringLiteral("edge"), QColor::fromRgba(p.edge)},
            {QStringLiteral("detachedEdge"), QColor::fromRgba(p.detachedEdge)},
            {QStringLiteral("pendingRing"), QColor::fromRgba(p.pendingRing)}, {QStringLiteral("selection"), QColor::fromRgba(p.selection)},
            {QStringLiteral("text"), QColor::fromRgba(p.text)}, {QStringLiteral("mutedText"), QColor::fromRgba(p.mutedText)}};
}

QSGNode *TreeCanvas::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    auto *root = static_cast<CanvasNode *>(oldNode);
    QQuickWindow *win = window();
    if (!win || width() <= 0 || height() <= 0) {
        delete root;
        return nullptr;
    }
    const bool software = win->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    if (software != m_software) {
        m_software = software;  // the GUI thread waits for this sync: members are ours to change
        QMetaObject::invokeMethod(this, &TreeCanvas::softwareRenderingChanged, Qt::QueuedConnection);
    }
    if (!root)
        root = new CanvasNode;
    const qreal dpr = win->effectiveDevicePixelRatio();
    TreeSceneOptions options = sceneOptions();
    TreeScene scene;
    if (software) {
        // The software scene graph draws no geometry nodes: paint the view into an image instead.
        std::optional<PainterFonts> fonts;
        options.measure = painterMeasure(&fonts);
        buildTreeScene(m_layout, viewport(), options, &scene);
        updateImage(root, win, paintScene(scene, size(), dpr, treePalette(m_highContrast).background), boundingRect());
    } else {
        options.measure = [this, dpr](const QString &text, bool bold, double pixelSize) {
            m_atlas.configure(pixelSize, dpr);
            return m_atlas.advance(text, bold);
        };
        buildTreeScene(m_layout, viewport(), options, &scene);
        scene.rects.prepend({boundingRect(), treePalette(m_highContrast).background, 0});
        updateShapes(root, scene.rects);
        updateGlyphs(root, win, m_atlas, scene, dpr);
    }
    m_sceneDependsOnNow = scene.dependsOnNow;
    return root;
}

void TreeCanvas::mousePressEvent(QMouseEvent *event)
{
    // A drag that follows is the wrapper's DragHandler's: it takes the grab, and no release comes.
    m_pressButton = event->button();
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
}

void TreeCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != m_pressButton)
        return;
    const int row = rowAtItem(event->position());
    if (row < 0) {
        if (event->button() == Qt::LeftButton)
            setSelectedPath(QString());
        return;
    }
    const QString path = m_layout.node(row).path;
    setSelectedPath(path);
    if (event->button() == Qt::RightButton)
        Q_EMIT taskContextMenu(path, event->position().x(), event->position().y());
    else
        Q_EMIT taskClicked(path, int(event->button()));
}

void TreeCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const int row = rowAtItem(event->position()); row >= 0 && event->button() == Qt::LeftButton)
        Q_EMIT taskActivated(m_layout.node(row).path);
}


} // namespace cascade
