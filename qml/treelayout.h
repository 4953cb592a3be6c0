#pragma once

#include <QAbstractItemModel>
#include <QHash>
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
    QString warningKinds;      // the warnings shown on it (warningKindName, space-separated): a badge and words
    QString warning;           // their summaries (for a tooltip)
    qint64 pendingSince = -1;  // virtual ms of an undelivered cancel request, -1 when none
    qint64 deadline = -1;      // virtual ms at which a timeout fires, -1 when none
    qint64 deadlineMs = -1;    // that timeout's limit: the countdown ring is (deadline - now) / deadlineMs full
    int depth = 0;
    bool unstructured = false;  // not cancelled with its creator: drawn with a dashed edge
    bool shielded = false;      // requests from outside stop here: a shield badge
    bool spawned = true;        // false: planned but not spawned yet, drawn greyed and dashed
};

//! Sizes in content units (zoom 1 = one logical pixel).
struct TreeMetrics {
    double indent = 42;        // column width per depth level
    double rowHeight = 44;
    double boxWidth = 264;
    double boxHeight = 32;
    double annotationWidth = 460;  // room right of a box for "cancel pending" and the detail
    double lane = 14;          // a structured trunk's x, from the parent's left edge
    double detachedLane = 26;  // an unstructured trunk's: its own lane, so the styles never overlap

    [[nodiscard]] double laneFor(bool unstructured) const { return unstructured ? detachedLane : lane; }
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
    //! The row of a task path, or -1; through an index rebuilt after structure changes.
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
    // Built on the first lookup after a change: a burst of insertions costs nothing until then.
    mutable QHash<QString, int> m_rowOfPath;
    mutable bool m_pathIndexValid = false;
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
    [[nodiscard]] bool sameAs(const TreeViewport &other) const
    {
        return zoom == other.zoom && x == other.x && y == other.y && width == other.width && height == other.height;
    }
    //! The same view with the zoom changed, keeping the content under `item` in place.
    [[nodiscard]] TreeViewport zoomedAt(double newZoom, QPointF item) const;
    //! Zoom within limits; panned freely, but never so far that the whole tree leaves the view.
    [[nodiscard]] TreeViewport clamped(const TreeLayout &layout, double minZoom, double maxZoom) const;
    //! The whole tree from its top-left corner, zoomed to fit but within [floor, ceiling].
    [[nodiscard]] TreeViewport fitted(const TreeLayout &layout, double floor, double margin, double ceiling = 1) const;
    //! Scrolled as little as possible to show an item rectangle with `pad` around it.
    [[nodiscard]] TreeViewport revealing(const QRectF &item, double pad) const;
};

//! Reads task rows from any list model by role name (name, path, depth, state, detail, link,
//! pendingSince, and when the model has them shielded, deadline, deadlineMs, spawned, warningKind,
//! warning), through the
//! QAbstractItemModel API only. A missing role reads as its TreeNode default.
class TreeModelReader
{
public:
    void resolve(const QAbstractItemModel *model);
    [[nodiscard]] bool resolved() const { return m_path >= 0; }
    [[nodiscard]] TreeNode read(const QAbstractItemModel *model, int row) const;

private:
    int m_name = -1, m_path = -1, m_depth = -1, m_state = -1, m_detail = -1, m_link = -1, m_pendingSince = -1;
    int m_shielded = -1, m_deadline = -1, m_deadlineMs = -1, m_spawned = -1, m_warningKind = -1, m_warning = -1;
};

} // namespace cascade
