#pragma once

#include "glyphatlas.h"
#include "treeeffects.h"
#include "treescene.h"

#include <QAbstractItemModel>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QMouseEvent>
#include <QPointer>
#include <QElapsedTimer>
#include <QQuickItem>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <utility>

namespace cascade {

class CanvasNode;

//! The task tree, drawn by the scene graph: boxes coloured and labelled by state, solid edges to
//! structured children and dashed ones to unstructured children, a red ring on a task whose
//! cancellation is requested but not delivered, shield and countdown badges. Reads any depth-first
//! task list model by role name (TreeModelReader) and follows it incrementally. Over the tree, an
//! animation layer shows the trace events appended to `events` one at a time (TreeEffects),
//! paced by `speed`.
//! Draws with geometry nodes, in chunks of ChunkRows rows that are rebuilt only when one of their
//! rows changes (zoomed out below a pixel a row: an overview image, painted with the animation
//! layer's scene in updatePolish so that the sync phase only uploads them), or with a QPainter
//! image under the software scene graph (which draws no geometry nodes), e.g. with
//! QT_QPA_PLATFORM=offscreen. It handles clicks and hover itself; keys, the wheel and dragging are
//! bound to its invokables by TaskTreeCanvas.qml.
class TreeCanvas : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QAbstractItemModel *events READ events WRITE setEvents NOTIFY eventsChanged)
    Q_PROPERTY(qreal speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(qreal animationPhase READ animationPhase WRITE setAnimationPhase NOTIFY animationPhaseChanged)
    Q_PROPERTY(int activeEffects READ activeEffects NOTIFY activeEffectsChanged)
    Q_PROPERTY(qint64 now READ now WRITE setNow NOTIFY nowChanged)
    Q_PROPERTY(QString selectedPath READ selectedPath WRITE setSelectedPath NOTIFY selectedPathChanged)
    Q_PROPERTY(QString hoveredPath READ hoveredPath NOTIFY hoveredPathChanged)
    Q_PROPERTY(qreal zoom READ zoom WRITE setZoom NOTIFY viewChanged)
    Q_PROPERTY(qreal contentX READ contentX WRITE setContentX NOTIFY viewChanged)
    Q_PROPERTY(qreal contentY READ contentY WRITE setContentY NOTIFY viewChanged)
    Q_PROPERTY(qreal contentWidth READ contentWidth NOTIFY viewChanged)
    Q_PROPERTY(qreal contentHeight READ contentHeight NOTIFY viewChanged)
    Q_PROPERTY(bool autoFit READ autoFit WRITE setAutoFit NOTIFY autoFitChanged)
    //! How far fitting may zoom in: 1 on a desk, more for a projector (presenter mode).
    Q_PROPERTY(qreal fitZoomLimit READ fitZoomLimit WRITE setFitZoomLimit NOTIFY fitZoomLimitChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY highContrastChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(qreal margin READ margin CONSTANT)
    Q_PROPERTY(bool softwareRendering READ softwareRendering NOTIFY softwareRenderingChanged)

public:
    explicit TreeCanvas(QQuickItem *parent = nullptr);
    ~TreeCanvas() override = default;

    static constexpr int ChunkRows = 256;  // rows per geometry node: a change re-uploads one chunk
    static constexpr int BurstRows = 64;   // more events than this in one play tick: only the wave's start is animated

    [[nodiscard]] QAbstractItemModel *model() const { return m_model; }
    void setModel(QAbstractItemModel *model);
    //! The trace events (any list model with the roles kind, task, from, cause, blockedBy,
    //! cancelled, outcome, at, cleanup): rows appended a few at a time are animated; a reset or a
    //! burst of rows in one turn of the event loop (a step back, a seek) is not.
    [[nodiscard]] QAbstractItemModel *events() const { return m_events; }
    void setEvents(QAbstractItemModel *events);
    [[nodiscard]] qreal speed() const { return m_effects.speed(); }
    void setSpeed(qreal speed);
    //! -1: effects play on the wall clock. 0..1: every effect is shown frozen at that phase.
    [[nodiscard]] qreal animationPhase() const { return m_animationPhase; }
    void setAnimationPhase(qreal phase);
    [[nodiscard]] int activeEffects() const { return int(m_effects.effects().size()); }
    [[nodiscard]] const TreeEffects &effects() const { return m_effects; }
    //! Starts the effect of one trace event at once, as if it had just been appended to `events`.
    Q_INVOKABLE bool animateEvent(const QVariantMap &event);
    //! How many chunks of the tree the last geometry-node frame rebuilt (for tests and benchmarks).
    [[nodiscard]] int chunksRebuilt() const { return m_chunksRebuilt; }
    //! Overview pixel rows the last frame handed to its texture (CanvasNode::setOverview).
    [[nodiscard]] int overviewRowsUploaded() const { return m_overviewRowsUploaded; }
    [[nodiscard]] qint64 now() const { return m_now; }
    void setNow(qint64 now);
    [[nodiscard]] QString selectedPath() const { return m_selectedPath; }
    void setSelectedPath(const QString &path);
    [[nodiscard]] QString hoveredPath() const { return m_hoveredRow >= 0 ? m_layout.node(m_hoveredRow).path : QString(); }
    [[nodiscard]] qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom) { zoomBy(zoom / m_zoom, QPointF(width() / 2, height() / 2)); }
    [[nodiscard]] qreal contentX() const { return m_contentX; }
    void setContentX(qreal x) { panTo(x, m_contentY); }
    [[nodiscard]] qreal contentY() const { return m_contentY; }
    void setContentY(qreal y) { panTo(m_contentX, y); }
    [[nodiscard]] qreal contentWidth() const { return m_layout.bounds().width() * m_zoom; }
    [[nodiscard]] qreal contentHeight() const { return m_layout.bounds().height() * m_zoom; }
    [[nodiscard]] bool autoFit() const { return m_autoFit; }
    [[nodiscard]] qreal fitZoomLimit() const { return m_fitZoomLimit; }
    void setFitZoomLimit(qreal limit);
    void setAutoFit(bool autoFit);
    [[nodiscard]] bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on)
    {
        if (std::exchange(m_highContrast, on) == on)
            return;
        Q_EMIT highContrastChanged();
        invalidateAll();
    }
    [[nodiscard]] int count() const { return m_layout.count(); }
    [[nodiscard]] static qreal margin() { return Margin; }
    [[nodiscard]] bool softwareRendering() const { return m_software; }
    [[nodiscard]] const TreeLayout &layout() const { return m_layout; }

    //! Shows the whole tree, never zooming in beyond fitZoomLimit, nor out beyond an overview in which the
    //! shape of the tree still shows (OverviewZoom: 4 px a row); a larger tree scrolls.
    Q_INVOKABLE void fit();
    //! Zooms by `factor` keeping the content under `point` (item coordinates) in place.
    Q_INVOKABLE void zoomBy(qreal factor, QPointF point);
    //! Keyboard navigation, in depth-first order (next, previous) and up and down the tree.
    Q_INVOKABLE void selectNext() { selectRow(m_selectedRow < 0 ? 0 : std::min(m_selectedRow + 1, count() - 1)); }
    Q_INVOKABLE void selectPrevious() { selectRow(std::max(m_selectedRow - 1, 0)); }
    Q_INVOKABLE void selectParent() { selectRow(m_selectedRow < 0 ? -1 : m_layout.parent(m_selectedRow)); }
    Q_INVOKABLE void selectFirstChild() { selectRow(m_selectedRow < 0 ? -1 : m_layout.firstChild(m_selectedRow)); }
    //! Scrolls so that the task's box is in view.
    Q_INVOKABLE void ensureVisible(const QString &path);
    //! The task whose box is at an item point, or "".
    [[nodiscard]] Q_INVOKABLE QString taskAt(qreal x, qreal y) const
    {
        const int row = rowAtItem(QPointF(x, y));
        return row >= 0 ? m_layout.node(row).path : QString();
    }
    //! A task's box in item coordinates (empty when unknown): for tooltips, menus and tests.
    [[nodiscard]] Q_INVOKABLE QRectF taskRect(const QString &path) const;
    //! The summaries of the warnings on a task, one a line ("" when none): for its tooltip.
    [[nodiscard]] Q_INVOKABLE QString taskWarning(const QString &path) const;
    //! Paints the whole tree at zoom 1 with the QPainter renderer, under any scene graph backend,
    //! with the effects in flight at animationPhase (or where the clock has them).
    [[nodiscard]] Q_INVOKABLE QImage renderImage() const;
    //! How the canvas draws a state ({accent, fill, ink, word}) and its other colours, for legends;
    //! both follow highContrast.
    [[nodiscard]] Q_INVOKABLE QVariantMap stateStyle(const QString &state) const;
    [[nodiscard]] Q_INVOKABLE QVariantMap colors() const;

    static constexpr qreal MinZoom = 0.002;
    static constexpr qreal MaxZoom = 4;
    static constexpr qreal LegibleZoom = 0.8;  // autoFit zooms out no further than this
    static constexpr qreal OverviewZoom = 0.1; // nor does fit()
    static constexpr qreal Margin = 24;
    //! Rows thinner than this many device pixels are drawn into an image (updateOverview).
    static constexpr qreal OverviewRowPixels = 1;
    //! How far (item pixels) the effects reach out of the tree's bounds: the overview image, which
    //! shows them at that zoom, is that much larger on each side.
    static constexpr qreal EffectReach = 16;

Q_SIGNALS:
    void modelChanged();
    void eventsChanged();
    void speedChanged();
    void animationPhaseChanged();
    void activeEffectsChanged();
    void nowChanged();
    void selectedPathChanged();
    void hoveredPathChanged();
    void viewChanged();
    void autoFitChanged();
    void fitZoomLimitChanged();
    void countChanged();
    void highContrastChanged();
    void softwareRenderingChanged();
    void taskClicked(const QString &path, int button);
    void taskContextMenu(const QString &path, qreal x, qreal y);
    void taskActivated(const QString &path);

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *data) override;
    void updatePolish() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override { setHoveredRow(rowAtItem(event->position())); }
    void hoverLeaveEvent(QHoverEvent *) override { setHoveredRow(-1); }

private:
    void resetFromModel();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void structureChanged();
    void invalidateAll()
    {
        m_allDirty = true;
        requestFrame();
    }
    //! A new frame, prepared in updatePolish on the GUI thread (prepareFrame) before the sync phase,
    //! which blocks both threads, hands it to the nodes.
    void requestFrame()
    {
        polish();
        update();
    }
    //! Fit again (or re-clamp the view) in the next polish: the tree or the item changed size.
    void requestRefit()
    {
        m_refitPending = true;
        polish();
    }
    //! GUI thread, before the sync: paints the overview's changed rows and builds the animation
    //! layer's scene, so that the sync phase only uploads them. The sync phase does the same work
    //! itself when no polish came (then these find nothing left to do, or are called again).
    void prepareFrame();
    void prepareEffects(qreal dpr);
    //! For a frame that came without a polish (or after the view moved since): prepares them now.
    void ensureEffectsPrepared(qreal dpr)
    {
        if (!m_preparedEffects.ready || !m_preparedEffects.view.sameAs(viewport()))
            prepareEffects(dpr);
    }
    //! Brings m_overviewTree up to date with the changed rows, and m_overview with them and the
    //! effects in flight (nothing when updatePolish did).
    void paintOverview(qreal dpr);
    //! Lays the prepared effects over the tree's pixels in m_overview: the pixel rows that changed
    //! in the tree (`treeBands`), that effects covered in the last composition or cover now; only
    //! rows that come out different are handed on for upload.
    void composeOverview(qreal dpr, const QList<std::pair<int, int>> &treeBands, bool whole);
    //! Forgets the overview's images (nothing of the tree in view, or no longer zoomed out).
    void clearOverviewImages();
    [[nodiscard]] bool showsOverview(qreal dpr) const
    {
        return m_layout.metrics().rowHeight * m_zoom * dpr < OverviewRowPixels;
    }
    //! One Chunk per ChunkRows rows (all dirty when their number changed); returns that number.
    int matchChunksToRows();
    void invalidateRow(int row);
    void resolveEventRoles();
    void onEventsInserted(const QModelIndex &parent, int first, int last);
    void onEventsReset();
    void endOfTurn();
    [[nodiscard]] TreeEventRecord readEvent(int row) const;
    void startEffects();
    void onFrameTimer();
    void updateChunks(CanvasNode *root, QQuickWindow *win, qreal dpr);
    //! Zoomed out until rows are thinner than a device pixel: the rows go into one image, and a
    //! changed chunk repaints only its band of pixel rows (a frame then uploads a few kilobytes
    //! and draws one textured quad, however many tasks change).
    void updateOverview(CanvasNode *root, QQuickWindow *win, qreal dpr);
    void updateEffectLayer(CanvasNode *root, QQuickWindow *win, qreal dpr);
    void setView(const TreeViewport &view);
    void panTo(qreal x, qreal y)
    {
        setAutoFit(false);  // the user took over
        setView({m_zoom, x, y, width(), height()});
    }
    void selectRow(int row);
    void setHoveredRow(int row);
    [[nodiscard]] int rowAtItem(QPointF point) const { return m_layout.rowAt(viewport().toContent(point), 4 / m_zoom); }
    [[nodiscard]] TreeViewport viewport() const { return {m_zoom, m_contentX, m_contentY, width(), height()}; }
    [[nodiscard]] TreeSceneOptions sceneOptions() const;
    [[nodiscard]] qint64 clockMs() const { return m_clock.elapsed(); }

    TreeLayout m_layout;
    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    TreeModelReader m_reader;
    qint64 m_now = 0;
    QString m_selectedPath;
    int m_selectedRow = -1;
    int m_hoveredRow = -1;
    qreal m_zoom = 1;
    qreal m_contentX = -Margin;
    qreal m_contentY = -Margin;
    bool m_autoFit = true;
    qreal m_fitZoomLimit = 1;
    bool m_highContrast = false;
    bool m_software = false;
    bool m_sceneDependsOnNow = false;
    Qt::MouseButton m_pressButton = Qt::NoButton;
    GlyphAtlas m_atlas;  // used in updatePolish and in the sync phase: never by both threads at once

    // What the next frame must rebuild (read and cleared in the sync phase).
    struct Chunk {
        bool dirty = true;
        bool dependsOnNow = false;
        bool wholeDirty = false;  // for the overview: not only the rows in m_dirtyRows changed
    };
    static constexpr int MaxDirtyRows = 512;  // more changed rows in a frame: repaint by chunks
    QList<Chunk> m_chunks;
    bool m_allDirty = true;
    int m_chunksRebuilt = 0;
    QList<int> m_dirtyRows;   // rows changed since the last frame, for the overview's repaint
    bool m_dirtyRowsOverflow = false;
    QImage m_overviewTree;    // device pixels of the zoomed-out tree, at m_overviewRect
    QImage m_overview;        // the same with the effects in flight over it: what the texture shows
    QRect m_overviewRect;     // in device pixels of the item: the tree, and room for effects around it
    QList<std::pair<int, int>> m_overviewEffectBands;  // [first, end) rows with effects in m_overview
    // What paintOverview changed since the last upload to the nodes.
    bool m_overviewWhole = true;
    QList<std::pair<int, int>> m_overviewBands;  // [first, end) pixel rows of m_overview
    int m_overviewBandsPainted = 0;
    int m_overviewRowsUploaded = 0;
    bool m_refitPending = true;
    //! The animation layer's scene, built by prepareEffects for the next sync.
    struct PreparedEffects {
        TreeScene scene;
        QList<TreeVertex> vertices;  // none at the overview zoom, where the effects go into the image
        TreeViewport view;
        bool ready = false;
        bool composed = false;  // laid into the overview image already
    } m_preparedEffects;

    // The animation layer.
    QPointer<QAbstractItemModel> m_events;
    QList<QMetaObject::Connection> m_eventConnections;
    struct EventRoles {
        int kind = -1, task = -1, from = -1, cause = -1, blockedBy = -1, cancelled = -1, outcome = -1, at = -1,
            cleanup = -1;
    } m_eventRoles;
    int m_turnFirst = -1;  // the first event row appended in this turn of the event loop
    int m_turnRows = 0;
    bool m_turnQueued = false;
    bool m_turnIsRefill = false;
    TreeEffects m_effects;
    QElapsedTimer m_clock;
    QTimer m_frameTimer;
    qreal m_animationPhase = -1;
    bool m_effectsShown = false;  // the last frame drew effects: the next one must clear them
};

} // namespace cascade
