#include "treescene.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cascade {

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
        if (!r.polygon.isEmpty()) {  // convex: a fan from its first corner
            for (qsizetype i = 2; i < r.polygon.size(); ++i) {
                point(r.polygon.at(0).x(), r.polygon.at(0).y());
                point(r.polygon.at(i - 1).x(), r.polygon.at(i - 1).y());
                point(r.polygon.at(i).x(), r.polygon.at(i).y());
            }
            continue;
        }
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
                                    0xff1f2328, 0xff5f6b76,
                                    0xff3949ab, 0xffef6c00, 0xffd7dbe0, 0xffff3d00, 0xffc51162, 0xff263238, 0xff00c853,
                                    0xff6200ea, 0xfff9a825,
                                    0xffffab00, 0xff1f2328, 0xff9a4a00};
    static const TreePalette contrast{0xff000000, 0xffffffff, 0xffff80ab, 0xffff4040, 0xff00ffff, 0xff00a0a0, 0xff808080,
                                      0xffffffff, 0xffffff00,
                                      0xff8c9eff, 0xffffab40, 0xff404040, 0xffff6e40, 0xffff4081, 0xffffffff, 0xff69f0ae,
                                      0xffea80fc, 0xffffff00,
                                      0xffffd600, 0xff000000, 0xffffd600};
    return highContrast ? contrast : normal;
}

TreeStateStyle treeStateStyle(const QString &state, bool highContrast, bool withWord)
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
    const QString word = !withWord ? QString() : entry.word ? QCoreApplication::translate("TreeCanvas", entry.word) : state;
    if (!highContrast)
        return {entry.accent, entry.fill, entry.ink, word};
    // On black: the bright accent for the border and the word, a fifth of it for the fill.
    const quint32 dim = 0xff000000 | (((entry.contrast >> 16 & 0xff) / 5) << 16) | (((entry.contrast >> 8 & 0xff) / 5) << 8)
                        | ((entry.contrast & 0xff) / 5);
    return {entry.contrast, dim, entry.contrast, word};
}

QString treeWarningWords(const QString &warningKinds)
{
    // Short words per kind (core/warnings.h, warningKindName): the badge never speaks by colour alone.
    static const QHash<QString, const char *> words = {
        {QStringLiteral("swallowed-cancellation"), QT_TRANSLATE_NOOP("TreeCanvas", "swallowed cancellation")},
        {QStringLiteral("undelivered-cancel"), QT_TRANSLATE_NOOP("TreeCanvas", "cancel not delivered")},
        {QStringLiteral("orphan-task"), QT_TRANSLATE_NOOP("TreeCanvas", "orphan task")},
        {QStringLiteral("discarded-child-error"), QT_TRANSLATE_NOOP("TreeCanvas", "child error discarded")},
        {QStringLiteral("suspend-in-cancelled-finally"), QT_TRANSLATE_NOOP("TreeCanvas", "suspended in a cancelled finally")},
    };
    QStringList parts;
    for (const QString &kind : warningKinds.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const char *word = words.value(kind);
        parts << (word ? QCoreApplication::translate("TreeCanvas", word) : kind);
    }
    return parts.isEmpty() ? QString() : QCoreApplication::translate("TreeCanvas", "⚠ %1").arg(parts.join(QStringLiteral(", ")));
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
constexpr double Dash = 6;
constexpr double Gap = 4;
constexpr double BadgeGap = 6;
constexpr double RingMargin = 12;  // how far rings and halos reach outside a row, in pixels

//! std::round without the library call (rows are snapped by the thousand); |x| is far below 2^52.
inline double snap(double x)
{
    return x >= 0 ? double(qint64(x + 0.5)) : -double(qint64(0.5 - x));
}

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
        // Each row's box is asked for by its node, its labels, its stub and its children: once is enough.
        if (row >= m_boxesFirst && row < m_boxesFirst + m_boxes.size())
            return m_boxes.at(row - m_boxesFirst);
        return computeBox(row);
    }
    QRectF computeBox(int row) const
    {
        const QRectF r = m_layout.boxRect(row);
        // Snapped to whole pixels so that borders stay one crisp pixel wide.
        const double x = snap(r.x() * m_z - m_view.x);
        const double y = snap(r.y() * m_z - m_view.y);
        return {x, y, std::max(1.0, snap(r.width() * m_z)), std::max(1.0, snap(r.height() * m_z))};
    }
    void rect(const QRectF &r, quint32 argb, double radius = 0)
    {
        // Zoomed far out, many rows fall on one pixel row and draw the same rectangle again: once is
        // the same picture, at a fraction of the vertices.
        if (!m_scene->rects.isEmpty()) {
            const TreeSceneRect &last = m_scene->rects.constLast();
            // Exact comparison: QRectF's operator== is fuzzy, and costs more than it saves here.
            const QRectF &q = last.rect;
            if (last.argb == argb && last.radius == radius && q.x() == r.x() && q.y() == r.y() && q.width() == r.width()
                && q.height() == r.height() && last.polygon.isEmpty())
                return;
        }
        m_scene->rects.append({r, argb, radius, {}});
    }
    void polygon(QList<QPointF> points, quint32 argb) { m_scene->rects.append({{}, argb, 0, std::move(points)}); }
    void text(QPointF origin, const QString &s, quint32 argb, bool bold)
    {
        if (!s.isEmpty() && origin.x() < m_view.width)
            m_scene->texts.append({origin, s, argb, bold});
    }
    double measure(const QString &s, bool bold) const { return m_options.measure(s, bold, m_scene->fontPixelSize); }
    //! Neighbouring rows mostly share a state: one lookup per run of equal states.
    const TreeStateStyle &colors(const QString &state)
    {
        if (!m_styled || state != m_styledState) {
            m_style = treeStateStyle(state, m_options.highContrast, false);
            m_styledState = state;
            m_styled = true;
        }
        return m_style;
    }
    void vertical(double x, double y0, double y1, bool dashed);
    void horizontal(double x0, double x1, double y, bool dashed);
    void dashedOutline(const QRectF &box, quint32 argb);
    void trunks(int parentRow);
    void node(int row);
    double badges(int row, const QRectF &box);
    void labels(int row, const QRectF &box, double annotationX);

    const TreeLayout &m_layout;
    const TreeViewport &m_view;
    const TreeSceneOptions &m_options;
    TreeScene *m_scene;
    const TreePalette &m_palette;
    double m_z;
    double m_line;
    // A chunk's band in item y: vertical edges are clipped to it, so that chunks never overlap.
    double m_bandTop = -std::numeric_limits<double>::infinity();
    double m_bandBottom = std::numeric_limits<double>::infinity();
    QList<QRectF> m_boxes;  // of the rows being built
    int m_boxesFirst = 0;
    bool m_styled = false;
    QString m_styledState;
    TreeStateStyle m_style;
};

void SceneBuilder::vertical(double x, double y0, double y1, bool dashed)
{
    const double top = std::max({y0, -m_line, m_bandTop});
    const double bottom = std::min({y1, m_view.height + m_line, m_bandBottom});
    if (bottom <= top || x < -m_line || x > m_view.width + m_line)
        return;
    const quint32 color = dashed ? m_palette.detachedEdge : m_palette.edge;
    const double left = snap(x - m_line / 2);
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
    const double top = snap(y - m_line / 2);
    if (!dashed) {
        rect(QRectF(x0, top, x1 - x0, m_line), color);
        return;
    }
    const double dash = std::max(3.0, Dash * m_z * 0.67);
    const double period = dash + std::max(2.0, Gap * m_z * 0.67);
    for (double x = x1 - dash; x + dash > x0; x -= period)  // anchored at the child's box
        rect(QRectF(std::max(x, x0), top, std::min(x + dash, x1) - std::max(x, x0), m_line), color);
}

void SceneBuilder::dashedOutline(const QRectF &box, quint32 argb)
{
    const double w = std::max(1.0, std::floor(1.5 * m_z));
    const double dash = std::max(3.0, 7 * m_z);
    const double period = dash + std::max(2.0, 4 * m_z);
    for (double x = box.left(); x < box.right(); x += period) {
        const double x1 = std::min(x + dash, box.right());
        rect(QRectF(x, box.top(), x1 - x, w), argb);
        rect(QRectF(x, box.bottom() - w, x1 - x, w), argb);
    }
    for (double y = box.top(); y < box.bottom(); y += period) {
        const double y1 = std::min(y + dash, box.bottom());
        rect(QRectF(box.left(), y, w, y1 - y), argb);
        rect(QRectF(box.right() - w, y, w, y1 - y), argb);
    }
}

void SceneBuilder::trunks(int parentRow)
{
    const QRectF box = itemBox(parentRow);
    for (const bool detached : {false, true}) {
        const int last = m_layout.lastChild(parentRow, detached);
        if (last < 0)
            continue;
        const double x = box.left() + m_layout.metrics().laneFor(detached) * m_z;
        vertical(x, box.bottom(), itemBox(last).center().y() + m_line / 2, detached);
    }
}

void SceneBuilder::build()
{
    const TreeMetrics &m = m_layout.metrics();
    auto [first, last] = treeVisibleRows(m_layout, m_view);
    if (m_options.bandFirst >= 0) {
        if (m_options.bandFirst > 0)
            m_bandTop = m_options.bandFirst * m.rowHeight * m_z - m_view.y;
        if (m_options.bandLast + 1 < m_layout.count())
            m_bandBottom = (m_options.bandLast + 1) * m.rowHeight * m_z - m_view.y;
        first = std::max(first, m_options.bandFirst);
        last = std::min(last, m_options.bandLast);
    }
    m_scene->firstRow = first;
    m_scene->lastRow = last;
    if (last < first)
        return;
    m_scene->fontPixelSize = m_options.measure ? treeLabelPixelSize(m_z) : 0;
    m_boxes.resize(last - first + 1);
    for (int row = first; row <= last; ++row)
        m_boxes[row - first] = computeBox(row);
    m_boxesFirst = first;

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
        const double x = itemBox(up).left() + m.laneFor(detached) * m_z - m_line / 2;
        horizontal(snap(x), box.left(), box.center().y(), detached);
    }
    for (int row = first; row <= last; ++row) {
        const QRectF box = itemBox(row);
        if (box.right() + m.annotationWidth * m_z < 0 || box.left() > m_view.width)
            continue;
        node(row);
        const double annotationX = badges(row, box);
        if (m_scene->fontPixelSize > 0)
            labels(row, box, annotationX);
    }
}

void SceneBuilder::node(int row)
{
    const TreeNode &n = m_layout.node(row);
    const TreeStateStyle &style = colors(n.state);
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
    if (!n.spawned) {  // planned, not spawned yet: an empty dashed outline
        rect(box, m_palette.background, radius);
        dashedOutline(box, style.accent);
        return;
    }
    const double border = std::max(1.0, std::floor(m_z));
    rect(box, style.accent, radius);
    const double stripe = snap(Stripe * m_z);
    rect(box.adjusted(stripe, border, -border, -border), style.fill, std::max(0.0, radius - border));
}

double SceneBuilder::badges(int row, const QRectF &box)
{
    // Right of the box: a shield, a countdown ring, then a warning triangle. Returns where the
    // annotation text starts.
    const TreeNode &n = m_layout.node(row);
    double x = box.right() + BadgeGap * m_z;
    if (box.height() < 6 || (!n.shielded && n.deadline < 0 && n.warningKinds.isEmpty()))
        return box.right() + 14 * m_z;
    const double size = box.height() * 0.8;
    const double top = box.center().y() - size / 2;
    if (n.shielded) {
        const double w = size * 0.8;
        polygon({QPointF(x, top), QPointF(x + w, top), QPointF(x + w, top + size * 0.55), QPointF(x + w / 2, top + size),
                 QPointF(x, top + size * 0.55)},
                m_palette.shield);
        x += w + BadgeGap * m_z;
    }
    if (n.deadline >= 0) {
        const QPointF c(x + size / 2, box.center().y());
        const double outer = size / 2;
        const double inner = outer - std::max(1.5, outer * 0.38);
        const double left = n.deadlineMs > 0 ? std::clamp(double(n.deadline - m_options.now) / double(n.deadlineMs), 0.0, 1.0)
                                             : 0.0;
        constexpr int Segments = 32;
        const double split = left * Segments;  // in segments, clockwise from twelve o'clock
        auto at = [&c](double radius, double segment) {
            const double angle = -M_PI / 2 + 2 * M_PI * segment / Segments;
            return c + QPointF(radius * std::cos(angle), radius * std::sin(angle));
        };
        auto arc = [&](double from, double to, quint32 color) {
            if (to > from)
                polygon({at(outer, from), at(outer, to), at(inner, to), at(inner, from)}, color);
        };
        for (int s = 0; s < Segments; ++s) {
            // The time still left is coloured, the time gone is the pale track.
            arc(s, std::clamp(split, double(s), s + 1.0), m_palette.deadline);
            arc(std::clamp(split, double(s), s + 1.0), s + 1.0, m_palette.deadlineTrack);
        }
        m_scene->dependsOnNow = true;
        x += size + BadgeGap * m_z;
    }
    if (!n.warningKinds.isEmpty()) {
        // A triangle with an exclamation mark: the shape says "warning" without its colour.
        const double w = size * 1.15;
        const double bottom = top + size;
        polygon({QPointF(x + w / 2, top), QPointF(x + w, bottom), QPointF(x, bottom)}, m_palette.warning);
        const double bar = std::max(1.0, w * 0.12);
        const QPointF mid(x + w / 2, top);
        rect(QRectF(mid.x() - bar / 2, top + size * 0.32, bar, size * 0.36), m_palette.warningMark);
        rect(QRectF(mid.x() - bar / 2, top + size * 0.76, bar, std::max(1.0, size * 0.12)), m_palette.warningMark);
        x += w + BadgeGap * m_z;
    }
    return x + (14 - BadgeGap) * m_z;
}

void SceneBuilder::labels(int row, const QRectF &box, double annotationX)
{
    const TreeNode &n = m_layout.node(row);
    const TreeStateStyle style = treeStateStyle(n.state, m_options.highContrast);
    const double px = m_scene->fontPixelSize;
    const double baseline = snap(box.center().y() + px * 0.36);
    const double right = box.right() - 10 * m_z;
    const double stateWidth = measure(style.word, false);
    const double stateX = right - stateWidth;
    const double nameX = box.left() + (Stripe + 8) * m_z;
    const QString name = elideTreeLabel(n.name, stateX - 10 * m_z - nameX, true, px, m_options);
    text(QPointF(snap(nameX), baseline), name, n.spawned ? m_palette.text : m_palette.mutedText, true);
    text(QPointF(snap(stateX), baseline), style.word, style.ink, false);

    double x = annotationX;
    const double end = box.right() + m_layout.metrics().annotationWidth * m_z;
    auto annotate = [&](const QString &s, quint32 argb, bool bold) {
        text(QPointF(snap(x), baseline), s, argb, bold);
        x += measure(s, bold) + 14 * m_z;
    };
    if (n.pendingSince >= 0) {
        annotate(QCoreApplication::translate("TreeCanvas", "cancel pending %1 ms")
                     .arg(std::max<qint64>(0, m_options.now - n.pendingSince)),
                 m_palette.pendingRing, true);
        m_scene->dependsOnNow = true;
    }
    // The badges' meaning in words too, never by shape and colour alone.
    if (!n.warningKinds.isEmpty())
        annotate(treeWarningWords(n.warningKinds), m_palette.warningInk, true);
    if (n.shielded)
        annotate(QCoreApplication::translate("TreeCanvas", "shielded"), m_palette.shield, false);
    if (n.deadline >= 0) {
        const qint64 left = n.deadline - m_options.now;
        annotate(left > 0 ? QCoreApplication::translate("TreeCanvas", "deadline in %1 ms").arg(left)
                          : QCoreApplication::translate("TreeCanvas", "deadline passed"),
                 m_palette.deadline, false);
    }
    if (!n.spawned)
        annotate(QCoreApplication::translate("TreeCanvas", "planned, not spawned yet"), m_palette.mutedText, false);
    if (!n.detail.isEmpty() && x < m_view.width)
        text(QPointF(snap(x), baseline), elideTreeLabel(n.detail, end - x, false, px, m_options),
             m_palette.mutedText, false);
}

} // namespace

std::pair<int, int> treeVisibleRows(const TreeLayout &layout, const TreeViewport &view)
{
    if (view.zoom <= 0)
        return {0, -1};
    const double margin = RingMargin / view.zoom;
    return layout.rowsBetween((view.y - RingMargin) / view.zoom - margin, (view.y + view.height) / view.zoom + margin);
}

double treeLabelPixelSize(double zoom)
{
    const double size = FontSize * zoom;
    return size >= MinLegibleFont ? size : 0;
}

void buildTreeScene(const TreeLayout &layout, const TreeViewport &view, const TreeSceneOptions &options,
                    TreeScene *scene)
{
    *scene = TreeScene{};
    if (layout.count() == 0 || view.width <= 0 || view.height <= 0 || view.zoom <= 0)
        return;
    SceneBuilder(layout, view, options, scene).build();
}

} // namespace cascade
