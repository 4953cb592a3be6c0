#include "treecanvas.h"

#include <QPainter>

#include "treecanvasnodes.h"
#include "treestyle.h"

#include <QCursor>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <algorithm>
#include <cmath>
#include <optional>

namespace cascade {

TreeCanvas::TreeCanvas(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    setActiveFocusOnTab(true);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton | Qt::MiddleButton);
    setAcceptHoverEvents(true);
    setClip(true);
    connect(this, &QQuickItem::activeFocusChanged, this, [this] { invalidateRow(m_selectedRow); });  // its colour
    m_clock.start();
    m_frameTimer.setInterval(16);
    connect(&m_frameTimer, &QTimer::timeout, this, &TreeCanvas::onFrameTimer);
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
    m_effects.clear();  // their rows are gone
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
    m_effects.rowsInserted(first, last - first + 1);
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
    m_effects.rowsRemoved(first, last);
    m_selectedRow = m_layout.rowOfPath(m_selectedPath);
    setHoveredRow(-1);
    structureChanged();
}

void TreeCanvas::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (topLeft.parent().isValid())
        return;
    const int last = std::min(bottomRight.row(), m_layout.count() - 1);
    for (int row = std::max(0, topLeft.row()); row <= last; ++row) {
        m_layout.setNode(row, m_reader.read(m_model, row));
        invalidateRow(row);  // only its chunk is rebuilt, once, in the next frame
    }
}

void TreeCanvas::structureChanged()
{
    Q_EMIT countChanged();
    Q_EMIT viewChanged();  // content size
    requestRefit();
    invalidateAll();
}

void TreeCanvas::invalidateRow(int row)
{
    if (row < 0)
        return;
    if (const qsizetype chunk = row / ChunkRows; chunk < m_chunks.size())
        m_chunks[chunk].dirty = true;
    else
        m_allDirty = true;  // a chunk the next frame makes
    if (m_dirtyRows.size() < MaxDirtyRows)
        m_dirtyRows.append(row);
    else
        m_dirtyRowsOverflow = true;
    requestFrame();
}

void TreeCanvas::setNow(qint64 now)
{
    if (m_now == now)
        return;
    m_now = now;
    Q_EMIT nowChanged();
    if (!m_sceneDependsOnNow)
        return;
    for (Chunk &chunk : m_chunks) {
        chunk.dirty = chunk.dirty || chunk.dependsOnNow;
        chunk.wholeDirty = chunk.wholeDirty || chunk.dependsOnNow;
    }
    m_allDirty = m_allDirty || m_software;  // the image is painted whole
    requestFrame();
}

void TreeCanvas::setSelectedPath(const QString &path)
{
    if (m_selectedPath == path)
        return;
    m_selectedPath = path;
    invalidateRow(m_selectedRow);
    m_selectedRow = m_layout.rowOfPath(path);
    invalidateRow(m_selectedRow);
    Q_EMIT selectedPathChanged();
}

void TreeCanvas::setHoveredRow(int row)
{
    if (row == m_hoveredRow)
        return;
    invalidateRow(m_hoveredRow);
    m_hoveredRow = row;
    invalidateRow(m_hoveredRow);
    setCursor(row >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    Q_EMIT hoveredPathChanged();
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
    invalidateAll();
}

void TreeCanvas::setAutoFit(bool autoFit)
{
    if (m_autoFit == autoFit)
        return;
    m_autoFit = autoFit;
    Q_EMIT autoFitChanged();
    if (autoFit)
        requestRefit();
}

void TreeCanvas::setFitZoomLimit(qreal limit)
{
    limit = std::clamp(limit, 1.0, MaxZoom);
    if (limit == m_fitZoomLimit)
        return;
    m_fitZoomLimit = limit;
    Q_EMIT fitZoomLimitChanged();
    if (m_autoFit)
        requestRefit();
}

void TreeCanvas::fit()
{
    const QRectF bounds = m_layout.bounds();
    const bool legible = bounds.isEmpty() || (height() - 2 * Margin) / bounds.height() >= LegibleZoom;
    setAutoFit(legible);  // fitting a tree that stays legible keeps fitting it as it grows
    setView(viewport().fitted(m_layout, OverviewZoom, Margin, m_fitZoomLimit));
}

void TreeCanvas::zoomBy(qreal factor, QPointF point)
{
    setAutoFit(false);
    setView(viewport().zoomedAt(std::clamp(m_zoom * factor, MinZoom, MaxZoom), point));
}

void TreeCanvas::updatePolish()
{
    if (m_refitPending) {
        m_refitPending = false;
        // Fit while following, else re-clamp to the new bounds.
        setView(m_autoFit ? viewport().fitted(m_layout, LegibleZoom, Margin, m_fitZoomLimit) : viewport());
    }
    prepareFrame();
}

void TreeCanvas::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    requestRefit();
    invalidateAll();
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

QString TreeCanvas::taskWarning(const QString &path) const
{
    const int row = m_layout.rowOfPath(path);
    return row < 0 ? QString() : m_layout.node(row).warning;
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
    TreeScene effects;
    buildEffectScene(m_layout, view, m_effects.effects(), clockMs(), m_animationPhase, options, &effects);
    return paintScenes({&scene, &effects}, QSizeF(view.width, view.height), 1, treePalette(m_highContrast).background);
}

QVariantMap TreeCanvas::stateStyle(const QString &state) const
{
    return TreeStyle::stateStyle(state, m_highContrast);
}

QVariantMap TreeCanvas::colors() const
{
    return TreeStyle::colors(m_highContrast);
}

QSGNode *TreeCanvas::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    // The GUI thread waits for this sync: members are ours to read and change.
    auto *root = static_cast<CanvasNode *>(oldNode);
    QQuickWindow *win = window();
    if (!win || width() <= 0 || height() <= 0) {
        delete root;
        m_allDirty = true;
        return nullptr;
    }
    const bool software = win->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    if (software != m_software) {
        m_software = software;
        m_allDirty = true;
        QMetaObject::invokeMethod(this, &TreeCanvas::softwareRenderingChanged, Qt::QueuedConnection);
    }
    if (!root)
        root = new CanvasNode;
    const qreal dpr = win->effectiveDevicePixelRatio();
    if (software) {
        // The software scene graph draws no geometry nodes: paint the view into an image instead.
        root->dropLayers();
        const bool dirty = m_allDirty || std::any_of(m_chunks.cbegin(), m_chunks.cend(), [](const Chunk &c) { return c.dirty; });
        if (dirty || !m_effects.isEmpty() || m_effectsShown || !root->image) {
            TreeSceneOptions options = sceneOptions();
            std::optional<PainterFonts> fonts;
            options.measure = painterMeasure(&fonts);
            TreeScene scene;
            buildTreeScene(m_layout, viewport(), options, &scene);
            TreeScene effects;
            buildEffectScene(m_layout, viewport(), m_effects.effects(), clockMs(), m_animationPhase, options, &effects);
            root->setImage(win, paintScenes({&scene, &effects}, size(), dpr, treePalette(m_highContrast).background),
                           boundingRect());
            m_sceneDependsOnNow = scene.dependsOnNow;
            m_effectsShown = !m_effects.isEmpty();
            m_allDirty = false;
            m_chunks.clear();
        }
        return root;
    }
    root->dropImage();
    updateChunks(root, win, dpr);
    updateEffectLayer(root, win, dpr);
    root->updateAtlasTexture(win, m_atlas);
    return root;
}

void TreeCanvas::updateChunks(CanvasNode *root, QQuickWindow *win, qreal dpr)
{
    if (!root->chunks) {
        root->background = new BackgroundNode;
        root->chunks = new QSGNode;
        root->effects = new LayerNode(LayerNode::Batching::Alone);
        root->appendChildNode(root->background);
        root->appendChildNode(root->chunks);
        root->appendChildNode(root->effects);
        m_allDirty = true;
    }
    root->background->setColor(QColor::fromRgba(treePalette(m_highContrast).background));
    const int count = matchChunksToRows();
    m_chunksRebuilt = 0;
    if (showsOverview(dpr)) {
        root->resizeChunks(0);  // no chunk nodes for the renderer to walk meanwhile
        updateOverview(root, win, dpr);
        root->background->setRect(root->overview ? QRectF() : boundingRect());  // the overview draws it
        return;
    }
    root->background->setRect(boundingRect());
    root->dropOverview();
    clearOverviewImages();
    const TreeViewport view = viewport();
    const auto [first, last] = treeVisibleRows(m_layout, view);
    if (root->chunks->childCount() != count) {
        root->resizeChunks(count);
        m_allDirty = true;
    }
    TreeSceneOptions options = sceneOptions();
    options.measure = [this, dpr](const QString &text, bool bold, double pixelSize) {
        m_atlas.configure(pixelSize, dpr);
        return m_atlas.advance(text, bold);
    };
    m_dirtyRows.clear();  // chunks are rebuilt whole here
    m_dirtyRowsOverflow = false;
    // A second pass only when the glyph atlas started again while labels were laid out.
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool atlasKept = true;
        for (int index = 0; index < count; ++index) {
            Chunk &chunk = m_chunks[index];
            LayerNode *node = root->chunk(index);
            const int bandFirst = index * ChunkRows;
            const int bandLast = std::min(m_layout.count(), bandFirst + ChunkRows) - 1;
            if (bandLast < first || bandFirst > last) {  // outside the view: nothing to draw
                node->clear();
                chunk.dirty = true;  // built when it comes back into view
                chunk.dependsOnNow = false;
                continue;
            }
            if (!chunk.dirty && !m_allDirty)
                continue;
            options.bandFirst = bandFirst;
            options.bandLast = bandLast;
            TreeScene scene;
            buildTreeScene(m_layout, view, options, &scene);
            node->setShapes(scene.rects);
            atlasKept = node->setLabels(m_atlas, scene, dpr) && atlasKept;
            chunk.dirty = false;
            chunk.wholeDirty = false;
            chunk.dependsOnNow = scene.dependsOnNow;
            ++m_chunksRebuilt;
        }
        m_allDirty = !atlasKept;
        if (atlasKept)
            break;
    }
    m_sceneDependsOnNow = std::any_of(m_chunks.cbegin(), m_chunks.cend(), [](const Chunk &c) { return c.dependsOnNow; });
}

void TreeCanvas::updateEffectLayer(CanvasNode *root, QQuickWindow *, qreal dpr)
{
    // At the overview zoom the effects are in the overview image (composeOverview): no layer
    // changing every frame for the renderer to batch again.
    if (m_effects.isEmpty() || showsOverview(dpr)) {
        root->effects->clear();
        m_effectsShown = false;
        m_preparedEffects.ready = false;
        return;
    }
    ensureEffectsPrepared(dpr);
    root->effects->setVertices(m_preparedEffects.vertices);
    if (!root->effects->setLabels(m_atlas, m_preparedEffects.scene, dpr)) {
        // The atlas started again for the effects' glyphs: the tree's labels must be laid out anew.
        m_allDirty = true;
        update();
    }
    m_preparedEffects.ready = false;
    m_effectsShown = true;
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
