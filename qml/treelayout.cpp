#include "treelayout.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace cascade {

TreeLayout::TreeLayout(TreeMetrics metrics)
    : m_metrics(metrics)
{
}

void TreeLayout::clear()
{
    m_pathIndexValid = false;
    m_nodes.clear();
    m_links.clear();
    m_maxDepth = 0;
}

void TreeLayout::reset(QList<TreeNode> nodes)
{
    m_nodes = std::move(nodes);
    relink();
}

void TreeLayout::relink()
{
    m_pathIndexValid = false;
    m_links = QList<Links>(m_nodes.size());
    m_maxDepth = 0;
    QList<int> ancestors;  // the open path from the root to the previous row
    for (int row = 0; row < m_nodes.size(); ++row) {
        const int depth = m_nodes.at(row).depth;
        while (!ancestors.isEmpty() && m_nodes.at(ancestors.constLast()).depth >= depth)
            ancestors.removeLast();
        m_links[row].parent = ancestors.isEmpty() ? -1 : ancestors.constLast();
        if (m_links.at(row).parent >= 0) {
            Links &up = m_links[m_links.at(row).parent];
            (m_nodes.at(row).unstructured ? up.lastDetached : up.lastChild) = row;
        }
        ancestors.append(row);
        m_maxDepth = std::max(m_maxDepth, depth);
    }
}

void TreeLayout::attach(int row)
{
    // The parent is the nearest earlier row that is shallower. Climbing the earlier rows' own
    // parents finds it in O(depth): every row between a node and its parent is deeper than both.
    const int depth = m_nodes.at(row).depth;
    int up = row - 1;
    while (up >= 0 && m_nodes.at(up).depth >= depth)
        up = m_links.at(up).parent;
    m_links[row] = Links{up, -1, -1};
    if (up >= 0) {
        int &last = m_nodes.at(row).unstructured ? m_links[up].lastDetached : m_links[up].lastChild;
        last = std::max(last, row);
    }
    m_maxDepth = std::max(m_maxDepth, depth);
}

void TreeLayout::insert(int row, TreeNode node)
{
    row = std::clamp(row, 0, count());
    m_pathIndexValid = false;
    for (Links &links : m_links) {
        for (int *index : {&links.parent, &links.lastChild, &links.lastDetached}) {
            if (*index >= row)
                ++*index;
        }
    }
    const int depth = node.depth;
    m_nodes.insert(row, std::move(node));
    m_links.insert(row, Links{});
    // A node inserted above deeper rows adopts them: rare (the task model never does it), so relink.
    if (row + 1 < count() && m_nodes.at(row + 1).depth > depth)
        relink();
    else
        attach(row);
}

void TreeLayout::remove(int first, int last)
{
    first = std::max(first, 0);
    last = std::min(last, count() - 1);
    if (last < first)
        return;
    m_nodes.remove(first, last - first + 1);
    relink();
}

void TreeLayout::setNode(int row, TreeNode node)
{
    TreeNode &old = m_nodes[row];
    if (old.path != node.path)
        m_pathIndexValid = false;
    const bool relinks = old.depth != node.depth || old.unstructured != node.unstructured;
    old = std::move(node);
    if (relinks)
        relink();
}

int TreeLayout::lastChild(int row, bool unstructured) const
{
    return unstructured ? m_links.at(row).lastDetached : m_links.at(row).lastChild;
}

int TreeLayout::firstChild(int row) const
{
    return row + 1 < count() && m_links.at(row + 1).parent == row ? row + 1 : -1;
}

int TreeLayout::rowOfPath(const QString &path) const
{
    if (path.isEmpty())
        return -1;
    if (!m_pathIndexValid) {
        m_rowOfPath.clear();
        m_rowOfPath.reserve(m_nodes.size());
        for (int row = int(m_nodes.size()) - 1; row >= 0; --row)  // the first row wins a duplicate path
            m_rowOfPath.insert(m_nodes.at(row).path, row);
        m_pathIndexValid = true;
    }
    return m_rowOfPath.value(path, -1);
}

QRectF TreeLayout::boxRect(int row) const
{
    const TreeMetrics &m = m_metrics;
    return {m_nodes.at(row).depth * m.indent, row * m.rowHeight + (m.rowHeight - m.boxHeight) / 2, m.boxWidth,
            m.boxHeight};
}

QRectF TreeLayout::bounds() const
{
    const TreeMetrics &m = m_metrics;
    return {0, 0, m_maxDepth * m.indent + m.boxWidth + m.annotationWidth, count() * m.rowHeight};
}

int TreeLayout::rowAt(QPointF contentPos, double slack) const
{
    const double band = std::floor(contentPos.y() / m_metrics.rowHeight);
    if (band < 0 || band >= count())
        return -1;
    const int row = int(band);
    return boxRect(row).adjusted(-slack, -slack, slack, slack).contains(contentPos) ? row : -1;
}

std::pair<int, int> TreeLayout::rowsBetween(double top, double bottom) const
{
    const double h = m_metrics.rowHeight;
    const int first = int(std::clamp(std::floor(top / h), 0.0, double(count())));
    const int last = int(std::clamp(std::floor(bottom / h), -1.0, double(count() - 1)));
    return {first, last};
}

TreeViewport TreeViewport::zoomedAt(double newZoom, QPointF item) const
{
    const QPointF content = toContent(item);
    return {newZoom, content.x() * newZoom - item.x(), content.y() * newZoom - item.y(), width, height};
}

TreeViewport TreeViewport::clamped(const TreeLayout &layout, double minZoom, double maxZoom) const
{
    constexpr double Keep = 48;  // pixels of tree that stay in view
    const QRectF bounds = layout.bounds();
    TreeViewport view = *this;
    view.zoom = std::clamp(zoom, minZoom, maxZoom);
    view.x = std::clamp(x, Keep - width, std::max(Keep - width, bounds.width() * view.zoom - Keep));
    view.y = std::clamp(y, Keep - height, std::max(Keep - height, bounds.height() * view.zoom - Keep));
    return view;
}

TreeViewport TreeViewport::fitted(const TreeLayout &layout, double floor, double margin, double ceiling) const
{
    const QRectF bounds = layout.bounds();
    double fit = zoom;
    if (!bounds.isEmpty() && width > 2 * margin && height > 2 * margin)
        fit = std::max(floor, std::min({ceiling, (width - 2 * margin) / bounds.width(), (height - 2 * margin) / bounds.height()}));
    return {fit, -margin, -margin, width, height};
}

TreeViewport TreeViewport::revealing(const QRectF &item, double pad) const
{
    TreeViewport view = *this;
    if (item.top() < pad)
        view.y += item.top() - pad;
    else if (item.bottom() > height - pad)
        view.y += item.bottom() - height + pad;
    const double right = std::min(item.right(), item.left() + width / 2) + pad;  // a box's start is what matters
    if (item.left() < pad)
        view.x += item.left() - pad;
    else if (right > width)
        view.x += right - width;
    return view;
}

void TreeModelReader::resolve(const QAbstractItemModel *model)
{
    *this = TreeModelReader{};
    if (!model)
        return;
    const QHash<int, QByteArray> names = model->roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        for (auto [name, role] : {std::pair{"name", &m_name}, {"path", &m_path}, {"depth", &m_depth}, {"state", &m_state},
                                  {"detail", &m_detail}, {"link", &m_link}, {"pendingSince", &m_pendingSince},
                                  {"shielded", &m_shielded}, {"deadline", &m_deadline}, {"deadlineMs", &m_deadlineMs},
                                  {"spawned", &m_spawned}, {"warningKind", &m_warningKind}, {"warning", &m_warning}}) {
            if (it.value() == name)
                *role = it.key();
        }
    }
}

TreeNode TreeModelReader::read(const QAbstractItemModel *model, int row) const
{
    const QModelIndex index = model->index(row, 0);
    auto text = [&index](int role) { return role >= 0 ? index.data(role).toString() : QString(); };
    TreeNode node;
    node.name = m_name >= 0 ? text(m_name) : index.data(Qt::DisplayRole).toString();
    node.path = text(m_path);
    node.state = text(m_state);
    node.detail = text(m_detail);
    node.warningKinds = text(m_warningKind);
    node.warning = text(m_warning);
    node.depth = m_depth >= 0 ? index.data(m_depth).toInt() : 0;
    node.unstructured = text(m_link) == QLatin1String("unstructured");
    const QVariant pending = m_pendingSince >= 0 ? index.data(m_pendingSince) : QVariant();
    node.pendingSince = pending.isValid() ? pending.toLongLong() : -1;
    auto number = [&index](int role) {
        const QVariant value = role >= 0 ? index.data(role) : QVariant();
        return value.isValid() ? value.toLongLong() : qint64(-1);
    };
    node.deadline = number(m_deadline);
    node.deadlineMs = number(m_deadlineMs);
    node.shielded = m_shielded >= 0 && index.data(m_shielded).toBool();
    const QVariant spawned = m_spawned >= 0 ? index.data(m_spawned) : QVariant();
    node.spawned = !spawned.isValid() || spawned.toBool();
    return node;
}

} // namespace cascade
