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
    for (int row = 0; row < count(); ++row) {
        if (m_nodes.at(row).path == path)
            return row;
    }
    return -1;
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

TreeViewport TreeViewport::fitted(const TreeLayout &layout, double floor, double margin) const
{
    const QRectF bounds = layout.bounds();
    double fit = zoom;
    if (!bounds.isEmpty() && width > 2 * margin && height > 2 * margin)
        fit = std::max(floor, std::min({1.0, (width - 2 * margin) / bounds.width(), (height - 2 * margin) / bounds.height()}));
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
                                  {"detail", &m_detail}, {"link", &m_link}, {"pendingSince", &m_pendingSince}}) {
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
    node.depth = m_depth >= 0 ? index.data(m_depth).toInt() : 0;
    node.unstructured = text(m_link) == QLatin1String("unstructured");
    const QVariant pending = m_pendingSince >= 0 ? index.data(m_pendingSince) : QVariant();
    node.pendingSince = pending.isValid() ? pending.toLongLong() : -1;
    return node;
}

void tessellateTreeRects(const QList<TreeSceneRect> &rects, QList<TreeVertex> *vertices)
{
    vertices->clear();
    vertices->reserve(rects.size() * 6);
    TreeVertex color{};
    auto point = [&](double x, double y) { vertices->append({float(x), float(y), color.r, color.g, color.b, color.a}); };
    auto quad = [&](double x0, double y0, double x1, double y1) {
        point(x0, y0), point(x1, y0), point(x0, y1);
        point(x1, y0), point(x1, y1), point(x0, y1);
    };
    for (const TreeSceneRect &r : rects) {
        color.a = quint8(r.argb >> 24);  // premultiplied, as the scene graph expects
        color.r = quint8(((r.argb >> 16) & 0xff) * color.a / 255);
        color.g = quint8(((r.argb >> 8) & 0xff) * color.a / 255);
        color.b = quint8((r.argb & 0xff) * color.a / 255);
        const QRectF &q = r.rect;
        const double radius = std::min(r.radius, std::min(q.width(), q.height()) / 2);
        const int segments = radius < 1 ? 0 : radius < 4 ? 2 : radius < 8 ? 4 : 6;
        if (segments == 0) {
            quad(q.left(), q.top(), q.right(), q.bottom());
            continue;
        }
        // A cross of three quads, and a fan in each corner.
        quad(q.left() + radius, q.top(), q.right() - radius, q.bottom());
        quad(q.left(), q.top() + radius, q.left() + radius, q.bottom() - radius);
        quad(q.right() - radius, q.top() + radius, q.right(), q.bottom() - radius);
        const QPointF centres[4] = {{q.left() + radius, q.top() + radius}, {q.right() - radius, q.top() + radius},
                                    {q.right() - radius, q.bottom() - radius}, {q.left() + radius, q.bottom() - radius}};
        for (int corner = 0; corner < 4; ++corner) {
            const QPointF c = centres[corner];
            for (int s = 0; s < segments; ++s) {
                const double a0 = M_PI * (1 + corner / 2.0 + s / (2.0 * segments));
                const double a1 = M_PI * (1 + corner / 2.0 + (s + 1) / (2.0 * segments));
                point(c.x(), c.y());
                point(c.x() + radius * std::cos(a0), c.y() + radius * std::sin(a0));
                point(c.x() + radius * std::cos(a1), c.y() + radius * std::sin(a1));
            }
        }
    }
}

const TreePalette &treePalette(bool highContrast)
{
    static const TreePalette normal{0xfff6f7f9, 0xff607d8b, 0xff00897b, 0xffd50000, 0xff2962ff, 0xff7f9cf5, 0xffb0bec5,
                                    0xff1f2328, 0xff5f6b76};
    static const TreePalette contrast{0xff000000, 0xffffffff, 0xffff80ab, 0xffff4040, 0xff00ffff, 0xff00a0a0, 0xff808080,
                                      0xffffffff, 0xffffff00};
    return highContrast ? contrast : normal;
}

TreeStateStyle treeStateStyle(const QString &state, bool highContrast)
{
    struct Entry {
        quint32 accent, fill, ink, contrast;  // contrast: the accent on black
        const char *word;
    };
    // The words carry the state for anyone who cannot tell the colours apart; icons mark the ends.
    static const QHash<QString, Entry> styles = {
        {QStringLiteral("not-started"), {0xff9e9e9e, 0xfff1f2f3, 0xff5f6368, 0xffbdbdbd, QT_TRANSLATE_NOOP("TreeCanvas", "not started")}},
        {QStringLiteral("running"), {0xff1e88e5, 0xffe3f0fc, 0xff1565c0, 0xff40c4ff, QT_TRANSLATE_NOOP("TreeCanvas", "running")}},
        {QStringLiteral("suspended"), {0xff8e24aa, 0xfff4e6f7, 0xff6a1b9a, 0xffe040fb, QT_TRANSLATE_NOOP("TreeCanvas", "suspended")}},
        {QStringLiteral("cpu"), {0xfff4511e, 0xfffdebe4, 0xffbf360c, 0xffff9100, QT_TRANSLATE_NOOP("TreeCanvas", "CPU busy")}},
        {QStringLiteral("unwinding"), {0xfffb8c00, 0xfffff1dd, 0xffb85000, 0xffffea00, QT_TRANSLATE_NOOP("TreeCanvas", "unwinding")}},
        {QStringLiteral("cleanup"), {0xfffdd835, 0xfffff9d8, 0xff7a6000, 0xfffff176, QT_TRANSLATE_NOOP("TreeCanvas", "in cleanup")}},
        {QStringLiteral("completed"), {0xff43a047, 0xffe7f4e8, 0xff2e7d32, 0xff76ff03, QT_TRANSLATE_NOOP("TreeCanvas", "✔ completed")}},
        {QStringLiteral("cancelled"), {0xff757575, 0xffe9e9ea, 0xff3c3f43, 0xffffffff, QT_TRANSLATE_NOOP("TreeCanvas", "✖ cancelled")}},
        {QStringLiteral("failed"), {0xffe53935, 0xfffde8e8, 0xffc62828, 0xffff1744, QT_TRANSLATE_NOOP("TreeCanvas", "⚠ failed")}},
        {QStringLiteral("timed-out"), {0xff6d4c41, 0xfff1e9e6, 0xff4e342e, 0xffff9e80, QT_TRANSLATE_NOOP("TreeCanvas", "◔ timed out")}},
    };
    const auto it = styles.constFind(state);
    const Entry entry = it != styles.constEnd() ? *it : Entry{0xff9e9e9e, 0xfff1f2f3, 0xff5f6368, 0xffbdbdbd, nullptr};
    const QString word = entry.word ? QCoreApplication::translate("TreeCanvas", entry.word) : state;
    if (!highContrast)
        return {entry.accent, entry.fill, entry.ink, word};
    // On black: the bright accent for the border and the word, a fifth of it for the fill.
    const quint32 dim = 0xff000000 | (((entry.contrast >> 16 & 0xff) / 5) << 16) | (((entry.contrast >> 8 & 0xff) / 5) << 8)
                        | ((entry.contrast & 0xff) / 5);
    return {entry.contrast, dim, entry.contrast, word};
}

QString elideTreeLabel(const QString &text, double maxWidth, bool bold, double pixelSize,
                       const TreeSceneOptions &options)
{
    if (maxWidth <= 0)
        return {};
    if (options.measure(text, bold, pixelSize) <= maxWidth)
        return text;
    const QString ellipsis(QChar(0x2026));
    qsizetype low = 0;
    qsizetype high = text.size();
    while (low < high) {  // the longest prefix that fits with the ellipsis
        const qsizetype mid = (low + high + 1) / 2;
        if (options.measure(text.left(mid) + ellipsis, bold, pixelSize) <= maxWidth)
            low = mid;
        else
            high = mid - 1;
    }
    if (low > 0 && text.at(low - 1).isHighSurrogate())
        --low;
    return low > 0 ? text.left(low) + ellipsis : QString();
}

namespace {

// Sizes in content units, scaled by the zoom; some have a floor in pixels so that they stay
// visible when zoomed far out.
constexpr double Radius = 5;
constexpr double Stripe = 6;
constexpr double FontSize = 13;
constexpr double MinLegibleFont = 7.5;
constexpr double Lane = 14;          // structured trunk, from the parent's left edge
constexpr double DetachedLane = 26;  // unstructured trunk: its own lane, so the styles never overlap
constexpr double Dash = 6;
constexpr double Gap = 4;

class SceneBuilder
{
public:
    SceneBuilder(const TreeLayout &layout, const TreeViewport &view, const TreeSceneOptions &options, TreeScene *scene)
        : m_layout(layout), m_view(view), m_options(options), m_scene(scene), m_palette(treePalette(options.highContrast)),
          m_z(view.zoom), m_line(std::max(1.0, 2 * view.zoom))
    {
    }

    void build();

private:
    QRectF itemBox(int row) const
    {
        const QRectF r = m_layout.boxRect(row);
        // Snapped to whole pixels so that borders stay one crisp pixel wide.
        const double x = std::round(r.x() * m_z - m_view.x);
        const double y = std::round(r.y() * m_z - m_view.y);
        return {x, y, std::max(1.0, std::round(r.width() * m_z)), std::max(1.0, std::round(r.height() * m_z))};
    }
    void rect(const QRectF &r, quint32 argb, double radius = 0) { m_scene->rects.append({r, argb, radius}); }
    void text(QPointF origin, const QString &s, quint32 argb, bool bold)
    {
        if (!s.isEmpty() && origin.x() < m_view.width)
            m_scene->texts.append({origin, s, argb, bold});
    }
    double measure(const QString &s, bool bold) const { return m_options.measure(s, bold, m_scene->fontPixelSize); }
    void vertical(double x, double y0, double y1, bool dashed);
    void horizontal(double x0, double x1, double y, bool dashed);
    void trunks(int parentRow);
    void node(int row);
    void labels(int row, const QRectF &box);

    const TreeLayout &m_layout;
    const TreeViewport &m_view;
    const TreeSceneOptions &m_options;
    TreeScene *m_scene;
    const TreePalette &m_palette;
    double m_z;
    double m_line;
};

void SceneBuilder::vertical(double x, double y0, double y1, bool dashed)
{
    const double top = std::max(y0, -m_line);
    const double bottom = std::min(y1, m_view.height + m_line);
    if (bottom <= top || x < -m_line || x > m_view.width + m_line)
        return;
    const quint32 color = dashed ? m_palette.detachedEdge : m_palette.edge;
    const double left = std::round(x - m_line / 2);
    if (!dashed) {
        rect(QRectF(left, top, m_line, bottom - top), color);
        return;
    }
    // The dash phase is anchored at the trunk's start, so scrolling does not make dashes crawl.
    const double dash = std::max(3.0, Dash * m_z);
    const double period = dash + std::max(2.0, Gap * m_z);
    for (double y = y0 + std::floor((top - y0) / period) * period; y < bottom; y += period) {
        const double a = std::max(y, top);
        const double b = std::min(y + dash, bottom);
        if (b > a)
            rect(QRectF(left, a, m_line, b - a), color);
    }
}

void SceneBuilder::horizontal(double x0, double x1, double y, bool dashed)
{
    const quint32 color = dashed ? m_palette.detachedEdge : m_palette.edge;
    const double top = std::round(y - m_line / 2);
    if (!dashed) {
        rect(QRectF(x0, top, x1 - x0, m_line), color);
        return;
    }
    const double dash = std::max(3.0, Dash * m_z * 0.67);
    const double period = dash + std::max(2.0, Gap * m_z * 0.67);
    for (double x = x1 - dash; x + dash > x0; x -= period)  // anchored at the child's box
        rect(QRectF(std::max(x, x0), top, std::min(x + dash, x1) - std::max(x, x0), m_line), color);
}

void SceneBuilder::trunks(int parentRow)
{
    const QRectF box = itemBox(parentRow);
    for (const bool detached : {false, true}) {
        const int last = m_layout.lastChild(parentRow, detached);
        if (last < 0)
            continue;
        const double x = box.left() + (detached ? DetachedLane : Lane) * m_z;
        vertical(x, box.bottom(), itemBox(last).center().y() + m_line / 2, detached);
    }
}

void SceneBuilder::build()
{
    const TreeMetrics &m = m_layout.metrics();
    const double margin = 12 / m_z;  // rings and halos reach a little outside their row
    const auto [first, last] =
        m_layout.rowsBetween((m_view.y - 12) / m_z - margin, (m_view.y + m_view.height) / m_z + margin);
    m_scene->firstRow = first;
    m_scene->lastRow = last;
    if (last < first)
        return;
    const double fontPixelSize = FontSize * m_z;
    m_scene->fontPixelSize = fontPixelSize >= MinLegibleFont && m_options.measure ? fontPixelSize : 0;

    // Edges first, under the boxes: the trunks of ancestors that pass through the view from above
    // (every such trunk belongs to an ancestor of the first visible row, since subtrees are
    // contiguous rows), then those of the visible rows, then each visible child's stub.
    for (int up = m_layout.parent(first); up >= 0; up = m_layout.parent(up))
        trunks(up);
    for (int row = first; row <= last; ++row)
        trunks(row);
    for (int row = first; row <= last; ++row) {
        const int up = m_layout.parent(row);
        if (up < 0)
            continue;
        const bool detached = m_layout.node(row).unstructured;
        const QRectF box = itemBox(row);
        const double x = itemBox(up).left() + (detached ? DetachedLane : Lane) * m_z - m_line / 2;
        horizontal(std::round(x), box.left(), box.center().y(), detached);
    }
    for (int row = first; row <= last; ++row) {
        const QRectF box = itemBox(row);
        if (box.right() + m.annotationWidth * m_z < 0 || box.left() > m_view.width)
            continue;
        node(row);
        if (m_scene->fontPixelSize > 0)
            labels(row, box);
    }
}

void SceneBuilder::node(int row)
{
    const TreeNode &n = m_layout.node(row);
    const TreeStateStyle style = treeStateStyle(n.state, m_options.highContrast);
    const QRectF box = itemBox(row);
    const double radius = Radius * m_z >= 1.5 ? Radius * m_z : 0;
    const bool pending = n.pendingSince >= 0;
    const bool selected = row == m_options.selectedRow;
    // Fractions are fine: the edges of filled shapes land on pixel centres either way.
    const double ring = std::max(1.5, 2.5 * m_z);
    const double gap = std::max(1.0, 1.5 * m_z);
    // Rings are concentric filled shapes, painted outside in: selection, gap, pending, gap, box.
    const double pendingReach = pending ? ring + gap : 0;
    if (selected) {
        const double reach = pendingReach + gap + std::max(1.5, 2 * m_z);
        const quint32 color = m_options.focused ? m_palette.selection : m_palette.unfocusedSelection;
        rect(box.adjusted(-reach, -reach, reach, reach), color, radius > 0 ? radius + reach : 0);
        const double inner = pendingReach + gap;
        rect(box.adjusted(-inner, -inner, inner, inner), m_palette.background, radius > 0 ? radius + inner : 0);
    } else if (row == m_options.hoveredRow) {
        const double reach = gap + 1;
        rect(box.adjusted(-reach, -reach, reach, reach), m_palette.hover, radius > 0 ? radius + reach : 0);
    }
    if (pending) {
        rect(box.adjusted(-pendingReach, -pendingReach, pendingReach, pendingReach), m_palette.pendingRing,
             radius > 0 ? radius + pendingReach : 0);
        rect(box.adjusted(-gap, -gap, gap, gap), m_palette.background, radius > 0 ? radius + gap : 0);
    }
    if (box.height() < 4) {  // zoomed far out: a chip of the state's colour is all that reads
        rect(box, style.accent);
        return;
    }
    const double border = std::max(1.0, std::floor(m_z));
    rect(box, style.accent, radius);
    const double stripe = std::round(Stripe * m_z);
    rect(box.adjusted(stripe, border, -border, -border), style.fill, std::max(0.0, radius - border));
}

void SceneBuilder::labels(int row, const QRectF &box)
{
    const TreeNode &n = m_layout.node(row);
    const TreeStateStyle style = treeStateStyle(n.state, m_options.highContrast);
    const double px = m_scene->fontPixelSize;
    const double baseline = std::round(box.center().y() + px * 0.36);
    const double right = box.right() - 10 * m_z;
    const double stateWidth = measure(style.word, false);
    const double stateX = right - stateWidth;
    const double nameX = box.left() + (Stripe + 8) * m_z;
    const QString name = elideTreeLabel(n.name, stateX - 10 * m_z - nameX, true, px, m_options);
    text(QPointF(std::round(nameX), baseline), name, m_palette.text, true);
    text(QPointF(std::round(stateX), baseline), style.word, style.ink, false);

    double x = box.right() + 14 * m_z;
    const double end = box.right() + m_layout.metrics().annotationWidth * m_z;
    if (n.pendingSince >= 0) {
        const QString pending = QCoreApplication::translate("TreeCanvas", "cancel pending %1 ms")
                                    .arg(std::max<qint64>(0, m_options.now - n.pendingSince));
        text(QPointF(std::round(x), baseline), pending, m_palette.pendingRing, true);
        x += measure(pending, true) + 14 * m_z;
        m_scene->dependsOnNow = true;
    }
    if (!n.detail.isEmpty() && x < m_view.width)
        text(QPointF(std::round(x), baseline), elideTreeLabel(n.detail, end - x, false, px, m_options),
             m_palette.mutedText, false);
}

} // namespace

void buildTreeScene(const TreeLayout &layout, const TreeViewport &view, const TreeSceneOptions &options,
                    TreeScene *scene)
{
    *scene = TreeScene{};
    if (layout.count() == 0 || view.width <= 0 || view.height <= 0 || view.zoom <= 0)
        return;
    SceneBuilder(layout, view, options, scene).build();
}

} // namespace cascade
