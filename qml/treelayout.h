#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>

namespace cascade {

//! One task as the canvas shows it, read from the task model's roles.
struct TreeNode {
    QString name;
    QString path;
    QString state;
    QString detail;
    qint64 pendingSince = -1;  // virtual ms of an undelivered cancel request, -1 when none
    int depth = 0;
    bool unstructured = false;  // not cancelled with its creator: drawn with a dashed edge
};

//! Sizes in content units (zoom 1 = one logical pixel).
struct TreeMetrics {
    double indent = 42;        // column width per depth level
    double rowHeight = 44;
    double boxWidth = 264;
    double boxHeight = 32;
    double annotationWidth = 460;  // room right of a box for "cancel pending" and the detail
};

//! The task tree's positions, kept in step with a depth-first task list, QtCore only.
//!
//! The layout is an indented outline, chosen over a Reingold-Tilford "tidy" tree because it is
//! stable: a node's column is its depth (x = depth * indent) and its row is its index in
//! depth-first order (y = row * rowHeight). Parents are always above and left of their children,
//! boxes never overlap (one box per row), and no node ever moves sideways. A tidy tree re-centres
//! every ancestor and shifts whole subtrees sideways when a child arrives; here a new child only
//! pushes the rows below its parent's subtree down by exactly one row, rigidly, and nothing above
//! it moves at all (TreeCanvas also keeps the view still when that happens above the viewport).
//! Wide text boxes also read better stacked than spread across a 10,000-node-wide tree.
//!
//! Updates are incremental: insert() finds the parent by climbing ancestors (O(depth)) and shifts
//! the stored row indices of later rows (a loop over plain ints); nothing is re-laid out.
class TreeLayout
{
public:
    explicit TreeLayout(TreeMetrics metrics = {});

    [[nodiscard]] const TreeMetrics &metrics() const { return m_metrics; }

    void clear();
    void reset(QList<TreeNode> nodes);
    //! Inserts a node at a depth-first row (as the task model does, after the parent's subtree).
    void insert(int row, TreeNode node);
    void remove(int first, int last);
    //! A node's data changed; positions change only if its depth did.
    void setNode(int row, TreeNode node);

    [[nodiscard]] int count() const { return int(m_nodes.size()); }
    [[nodiscard]] const TreeNode &node(int row) const { return m_nodes.at(row); }
    [[nodiscard]] int parent(int row) const { return m_links.at(row).parent; }
    //! The last child of a row with the given link kind, or -1: where its edge trunk ends.
    [[nodiscard]] int lastChild(int row, bool unstructured) const;
    [[nodiscard]] int firstChild(int row) const;
    [[nodiscard]] int maxDepth() const { return m_maxDepth; }
    [[nodiscard]] int rowOfPath(const QString &path) const;

    //! Content coordinates of a row's box.
    [[nodiscard]] QRectF boxRect(int row) const;
    [[nodiscard]] QRectF bounds() const;
    //! The row whose box (grown by `slack`) contains a content point, or -1.
    [[nodiscard]] int rowAt(QPointF contentPos, double slack = 0) const;
    //! Rows whose band intersects [top, bottom] in content coordinates: {first, last}, empty when last < first.
    [[nodiscard]] std::pair<int, int> rowsBetween(double top, double bottom) const;

private:
    struct Links {
        int parent = -1;
        int lastChild = -1;
        int lastDetached = -1;
    };
    void relink();
    void attach(int row);

    TreeMetrics m_metrics;
    QList<TreeNode> m_nodes;
    QList<Links> m_links;
    int m_maxDepth = 0;
};

//! The part of the content the canvas shows: item = content * zoom - (x, y).
struct TreeViewport {
    double zoom = 1;
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    [[nodiscard]] QRectF toItem(const QRectF &content) const
    {
        return {content.x() * zoom - x, content.y() * zoom - y, content.width() * zoom, content.height() * zoom};
    }
    [[nodiscard]] QPointF toContent(QPointF item) const { return (item + QPointF(x, y)) / zoom; }
    //! The same view with the zoom changed, keeping the content under `item` in place.
    [[nodiscard]] TreeViewport zoomedAt(double newZoom, QPointF item) const;
    //! Zoom within limits; panned freely, but never so far that the whole tree leaves the view.
    [[nodiscard]] TreeViewport clamped(const TreeLayout &layout, double minZoom, double maxZoom) const;
    //! The whole tree from its top-left corner, zoomed to fit but within [floor, 1].
    [[nodiscard]] TreeViewport fitted(const TreeLayout &layout, double floor, double margin) const;
    //! Scrolled as little as possible to show an item rectangle with `pad` around it.
    [[nodiscard]] TreeViewport revealing(const QRectF &item, double pad) const;
};

//! Reads task rows from any list model by role name (name, path, depth, state, detail, link,
//! pendingSince), through the QAbstractItemModel API only.
class TreeModelReader
{
public:
    void resolve(const QAbstractItemModel *model);
    [[nodiscard]] bool resolved() const { return m_path >= 0; }
    [[nodiscard]] TreeNode read(const QAbstractItemModel *model, int row) const;

private:
    int m_name = -1, m_path = -1, m_depth = -1, m_state = -1, m_detail = -1, m_link = -1, m_pendingSince = -1;
};

//! A filled, optionally rounded rectangle in item coordinates; colours are 0xAARRGGBB.
struct TreeSceneRect {
    QRectF rect;
    quint32 argb = 0;
    double radius = 0;
};

//! A single-line label; `origin` is the left end of its baseline.
struct TreeSceneText {
    QPointF origin;
    QString text;
    quint32 argb = 0;
    bool bold = false;
};

//! What to draw for one frame, culled to the viewport. Both renderers (geometry nodes and the
//! QPainter fallback) draw exactly this, so they cannot disagree about what is shown.
struct TreeScene {
    QList<TreeSceneRect> rects;  // in paint order, under the texts
    QList<TreeSceneText> texts;
    double fontPixelSize = 0;  // 0 when zoomed too far out for legible labels
    bool dependsOnNow = false; // a visible label counts pending time up
    int firstRow = 0;
    int lastRow = -1;
};

struct TreeSceneOptions {
    qint64 now = 0;
    int selectedRow = -1;
    int hoveredRow = -1;
    bool focused = false;
    bool highContrast = false;
    //! Advance width of a label at a pixel size; supplied by the renderer that will draw it.
    std::function<double(const QString &text, bool bold, double pixelSize)> measure;
};

//! How a state looks: accent (stripe, border), fill, ink (its word), and the word itself.
struct TreeStateStyle {
    quint32 accent = 0;
    quint32 fill = 0;
    quint32 ink = 0;
    QString word;
};

//! The canvas's colours other than the states': the normal theme, or high contrast on black.
struct TreePalette {
    quint32 background, edge, detachedEdge, pendingRing, selection, unfocusedSelection, hover, text, mutedText;
};

[[nodiscard]] const TreePalette &treePalette(bool highContrast = false);
[[nodiscard]] TreeStateStyle treeStateStyle(const QString &state, bool highContrast = false);

//! Builds the scene for the visible rows, their edges and the edges passing through the view.
void buildTreeScene(const TreeLayout &layout, const TreeViewport &view, const TreeSceneOptions &options,
                    TreeScene *scene);

//! A vertex as QSGGeometry::ColoredPoint2D lays it out: position, then premultiplied RGBA.
struct TreeVertex {
    float x, y;
    quint8 r, g, b, a;
};

//! The scene's rectangles as triangles (rounded corners as fans), for a vertex-colour material.
void tessellateTreeRects(const QList<TreeSceneRect> &rects, QList<TreeVertex> *vertices);

//! Shortens `text` with an ellipsis so that it fits `maxWidth` at the given measure.
[[nodiscard]] QString elideTreeLabel(const QString &text, double maxWidth, bool bold, double pixelSize,
                                     const TreeSceneOptions &options);

} // namespace cascade
