#include "treeeffects.h"

#include <QCoreApplication>
#include <QLineF>

#include <algorithm>
#include <cmath>

namespace cascade {

namespace {

//! The canvas's words share one translation context with treescene.cpp's ("TreeCanvas").
class TreeCanvasWords
{
    Q_DECLARE_TR_FUNCTIONS(TreeCanvas)
};

QString causeWord(const QString &cause)
{
    return cause.isEmpty() ? TreeCanvasWords::tr("cancel requested") : TreeCanvasWords::tr("cancel requested (%1)").arg(cause);
}

} // namespace

int TreeEffects::durationMs(double speed)
{
    // Slower than the speed itself at the slow end (a class follows each step), shorter at the
    // fast end without vanishing: 0.1x 2.4 s, 1x 0.6 s, 10x 0.15 s.
    const double s = std::clamp(speed, MinSpeed, MaxSpeed);
    return int(std::clamp(600 / std::pow(s, 0.6), 150.0, 2400.0));
}

QList<int> TreeEffects::route(const TreeLayout &layout, int from, int to, int *upLegs)
{
    QList<int> up{from};  // from, its parent, ..., the common ancestor
    QList<int> down;      // to, its parent, ... (not the common ancestor)
    QList<int> ancestorsOfFrom;
    for (int row = from; row >= 0; row = layout.parent(row))
        ancestorsOfFrom.append(row);
    int meet = -1;
    for (int row = to; row >= 0; row = layout.parent(row)) {
        if (ancestorsOfFrom.contains(row)) {
            meet = row;
            break;
        }
        down.append(row);
    }
    if (upLegs)
        *upLegs = 0;
    if (meet < 0)
        return {from, to};
    for (int row = from; row != meet; row = layout.parent(row))
        up.append(layout.parent(row));
    if (upLegs)
        *upLegs = int(up.size()) - 1;
    std::reverse(down.begin(), down.end());
    return up + down;
}

bool TreeEffects::add(const TreeEventRecord &event, const TreeLayout &layout, qint64 nowMs)
{
    const int task = layout.rowOfPath(event.task);
    if (task < 0)
        return false;
    const int from = layout.rowOfPath(event.from);
    TreeEffect effect;
    effect.route = {task};
    effect.startMs = nowMs;
    effect.durationMs = durationMs(m_speed);
    const QString kind = event.kind;
    if (kind == QLatin1String("cancel-request") || kind == QLatin1String("cancel-blocked")) {
        const bool blocked = kind == QLatin1String("cancel-blocked");
        if (from >= 0 && from != task) {
            effect.kind = blocked ? TreeEffectKind::Blocked : TreeEffectKind::Pulse;
            effect.route = route(layout, from, task, &effect.upLegs);
            // A sibling's failure goes up to the group in the failure colour, then down as a cancel.
            if (event.cause != QLatin1String("failure"))
                effect.upLegs = 0;
        } else {
            effect.kind = blocked ? TreeEffectKind::Blocked : TreeEffectKind::Request;
        }
        effect.label = blocked ? TreeCanvasWords::tr("blocked: %1").arg(event.blockedBy) : causeWord(event.cause);
    } else if (kind == QLatin1String("end") && event.outcome == QLatin1String("failed")) {
        const int parent = layout.parent(task);
        if (parent < 0)
            return false;
        effect.kind = TreeEffectKind::Pulse;
        effect.route = {task, parent};
        effect.upLegs = 1;
        effect.failure = true;
        effect.label = TreeCanvasWords::tr("failure from %1").arg(layout.node(task).name);
    } else if (kind == QLatin1String("checkpoint")) {
        effect.kind = event.cancelled ? TreeEffectKind::CheckRaised : TreeEffectKind::CheckPassed;
        effect.label = event.cancelled ? TreeCanvasWords::tr("check raised the cancellation") : TreeCanvasWords::tr("check passed");
        effect.durationMs = effect.durationMs * 4 / 5;
    } else if (kind == QLatin1String("cancel-deliver")) {
        effect.kind = TreeEffectKind::Delivered;
        effect.label = event.at.isEmpty() ? TreeCanvasWords::tr("cancellation delivered") : TreeCanvasWords::tr("cancellation delivered at %1").arg(event.at);
    } else if (kind == QLatin1String("cleanup-enter") || kind == QLatin1String("cleanup-exit")) {
        const bool enter = kind == QLatin1String("cleanup-enter");
        effect.kind = enter ? TreeEffectKind::CleanupStarted : TreeEffectKind::CleanupEnded;
        const QString what = event.cleanup.isEmpty() ? TreeCanvasWords::tr("cleanup") : event.cleanup;
        effect.label = enter ? TreeCanvasWords::tr("%1 starts").arg(what) : TreeCanvasWords::tr("%1 done").arg(what);
        effect.durationMs = effect.durationMs * 4 / 5;
    } else {
        return false;
    }
    add(std::move(effect));
    return true;
}

void TreeEffects::add(TreeEffect effect)
{
    if (m_effects.size() >= MaxConcurrent)
        m_effects.remove(0, m_effects.size() - MaxConcurrent + 1);  // the oldest make room
    m_effects.append(std::move(effect));
}

void TreeEffects::expire(qint64 nowMs)
{
    m_effects.removeIf([nowMs](const TreeEffect &e) { return nowMs >= e.startMs + e.durationMs; });
}

void TreeEffects::rowsInserted(int first, int count)
{
    for (TreeEffect &effect : m_effects) {
        for (int &row : effect.route) {
            if (row >= first)
                row += count;
        }
    }
}

void TreeEffects::rowsRemoved(int first, int last)
{
    // An effect that touched a removed row has lost its way: it goes.
    m_effects.removeIf([first, last](const TreeEffect &e) {
        return std::any_of(e.route.cbegin(), e.route.cend(), [&](int row) { return row >= first && row <= last; });
    });
    const int count = last - first + 1;
    for (TreeEffect &effect : m_effects) {
        for (int &row : effect.route) {
            if (row > last)
                row -= count;
        }
    }
}

double TreeEffects::phase(const TreeEffect &effect, qint64 nowMs, double fixedPhase)
{
    if (fixedPhase >= 0)
        return std::min(fixedPhase, 1.0);
    return std::clamp(double(nowMs - effect.startMs) / std::max(1, effect.durationMs), 0.0, 1.0);
}

namespace {

constexpr double TravelShare = 0.7;  // of a pulse's time: travelling; the rest rings the target

//! Draws effects with fixed pixel sizes, so that they read at any zoom.
class EffectPainter
{
public:
    EffectPainter(const TreeLayout &layout, const TreeViewport &view, const TreeSceneOptions &options, TreeScene *scene)
        : m_layout(layout), m_view(view), m_options(options), m_scene(scene), m_palette(treePalette(options.highContrast))
    {
    }

    void draw(const TreeEffect &effect, double phase);

private:
    QPointF toItem(QPointF content) const { return content * m_view.zoom - QPointF(m_view.x, m_view.y); }
    QRectF itemBox(int row) const { return m_view.toItem(m_layout.boxRect(row)); }
    void polygon(QList<QPointF> points, quint32 argb) { m_scene->rects.append({{}, argb, 0, std::move(points)}); }
    void segment(QPointF a, QPointF b, double width, quint32 argb);
    void disc(QPointF centre, double radius, quint32 argb);
    void outline(const QRectF &r, double width, quint32 argb);
    void label(int row, const QString &text, quint32 argb);
    //! The route as points in item coordinates, and for each segment the leg it belongs to.
    void routePoints(const QList<int> &route, QList<QPointF> *points, QList<int> *legOfSegment) const;

    const TreeLayout &m_layout;
    const TreeViewport &m_view;
    const TreeSceneOptions &m_options;
    TreeScene *m_scene;
    const TreePalette &m_palette;
};

void EffectPainter::segment(QPointF a, QPointF b, double width, quint32 argb)
{
    const QPointF d = b - a;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1e-6)
        return;
    const QPointF n(-d.y() / length * width / 2, d.x() / length * width / 2);
    polygon({a + n, b + n, b - n, a - n}, argb);
}

void EffectPainter::disc(QPointF centre, double radius, quint32 argb)
{
    QList<QPointF> points;
    for (int i = 0; i < 16; ++i)
        points.append(centre + QPointF(radius * std::cos(i * M_PI / 8), radius * std::sin(i * M_PI / 8)));
    polygon(std::move(points), argb);
}

void EffectPainter::outline(const QRectF &r, double width, quint32 argb)
{
    m_scene->rects.append({QRectF(r.left(), r.top(), r.width(), width), argb, 0, {}});
    m_scene->rects.append({QRectF(r.left(), r.bottom() - width, r.width(), width), argb, 0, {}});
    m_scene->rects.append({QRectF(r.left(), r.top() + width, width, r.height() - 2 * width), argb, 0, {}});
    m_scene->rects.append({QRectF(r.right() - width, r.top() + width, width, r.height() - 2 * width), argb, 0, {}});
}

void EffectPainter::label(int row, const QString &text, quint32 argb)
{
    const double px = m_scene->fontPixelSize;
    if (px <= 0 || text.isEmpty())
        return;
    // At the far end of the row's annotation, on a plate so it reads over whatever is there.
    const QRectF box = itemBox(row);
    const double width = m_options.measure(text, true, px);
    const double right = box.right() + m_layout.metrics().annotationWidth * m_view.zoom;
    const QRectF plate(std::round(right - width - 12), std::round(box.center().y() - px * 0.8), std::round(width + 10),
                       std::round(px * 1.6));
    m_scene->rects.append({plate, m_palette.background, px * 0.4, {}});
    outline(plate, 1, argb);
    m_scene->texts.append({QPointF(plate.left() + 5, std::round(box.center().y() + px * 0.36)), text, argb, true});
}

void EffectPainter::routePoints(const QList<int> &route, QList<QPointF> *points, QList<int> *legOfSegment) const
{
    const TreeMetrics &m = m_layout.metrics();
    auto add = [&](QPointF content, int leg) {
        const QPointF p = toItem(content);
        if (!points->isEmpty())
            legOfSegment->append(leg);
        points->append(p);
    };
    for (int leg = 0; leg + 1 < route.size(); ++leg) {
        const int a = route.at(leg);
        const int b = route.at(leg + 1);
        const QRectF boxA = m_layout.boxRect(a);
        const QRectF boxB = m_layout.boxRect(b);
        if (m_layout.parent(b) == a) {  // down the parent's trunk to the child
            const double lane = boxA.left() + m.laneFor(m_layout.node(b).unstructured);
            add({lane, boxA.bottom()}, leg);
            add({lane, boxB.center().y()}, leg);
            add({boxB.left(), boxB.center().y()}, leg);
        } else if (m_layout.parent(a) == b) {  // up from the child to its parent
            const double lane = boxB.left() + m.laneFor(m_layout.node(a).unstructured);
            add({boxA.left(), boxA.center().y()}, leg);
            add({lane, boxA.center().y()}, leg);
            add({lane, boxB.bottom()}, leg);
        } else {  // not parent and child (a request across the tree): straight across
            add({boxA.left(), boxA.center().y()}, leg);
            add({boxB.left(), boxB.center().y()}, leg);
        }
    }
}

void EffectPainter::draw(const TreeEffect &effect, double phase)
{
    const int target = effect.route.constLast();
    const QRectF box = itemBox(target);
    const bool travels = effect.route.size() > 1
                         && (effect.kind == TreeEffectKind::Pulse || effect.kind == TreeEffectKind::Blocked);
    const quint32 cancel = effect.failure ? m_palette.failurePulse : m_palette.cancelPulse;
    if (travels) {
        QList<QPointF> points;
        QList<int> legs;
        routePoints(effect.route, &points, &legs);
        double total = 0;
        for (int i = 0; i + 1 < points.size(); ++i)
            total += QLineF(points.at(i), points.at(i + 1)).length();
        double left = total * std::min(1.0, phase / TravelShare);  // how far the head has got
        QPointF head = points.constFirst();
        quint32 headColor = cancel;
        for (int i = 0; i + 1 < points.size() && left > 0; ++i) {
            const QLineF line(points.at(i), points.at(i + 1));
            const quint32 color = legs.at(i) < effect.upLegs ? m_palette.failurePulse : cancel;
            const double part = std::min(left, line.length());
            head = line.length() > 0 ? line.pointAt(part / line.length()) : line.p2();
            segment(line.p1(), head, 4, color);  // even: on whole pixels where the edges are
            headColor = color;
            left -= part;
        }
        disc(head, 6, headColor);
        disc(head, 2.5, m_palette.background);
        if (phase < TravelShare)
            return;
    }
    const double after = travels ? (phase - TravelShare) / (1 - TravelShare) : phase;  // 0..1 on the target
    switch (effect.kind) {
    case TreeEffectKind::Pulse:
    case TreeEffectKind::Request: {
        const double reach = 3 + 7 * after;
        outline(box.adjusted(-reach, -reach, reach, reach), 3, effect.route.size() > 1 ? cancel : m_palette.cancelPulse);
        break;
    }
    case TreeEffectKind::Blocked: {
        // A bar across the way in, where the request stopped.
        const QRectF bar(box.left() - 9, box.top() - 5, 5, box.height() + 10);
        m_scene->rects.append({bar, m_palette.blocked, 0, {}});
        outline(box.adjusted(-3, -3, 3, 3), 2, m_palette.blocked);
        break;
    }
    case TreeEffectKind::CheckPassed:
        outline(box.adjusted(-4, -4, 4, 4), 2, m_palette.checkPassed);
        break;
    case TreeEffectKind::CheckRaised:
        outline(box.adjusted(-6, -6, 6, 6), 5, m_palette.checkRaised);
        break;
    case TreeEffectKind::Delivered:
        outline(box.adjusted(-5, -5, 5, 5), 4, m_palette.cancelPulse);
        disc(QPointF(box.left(), box.center().y()), 5 + 3 * (1 - after), m_palette.cancelPulse);
        break;
    case TreeEffectKind::CleanupStarted:
        outline(box.adjusted(-7 + 3 * after, -7 + 3 * after, 7 - 3 * after, 7 - 3 * after), 4, m_palette.cleanupFlash);
        break;
    case TreeEffectKind::CleanupEnded:
        outline(box.adjusted(-3, -3, 3, 3), 2, m_palette.cleanupFlash);
        break;
    }
    const quint32 ink = effect.kind == TreeEffectKind::Blocked      ? m_palette.blocked
                        : effect.kind == TreeEffectKind::CheckPassed ? m_palette.checkPassed
                        : effect.kind == TreeEffectKind::CheckRaised ? m_palette.checkRaised
                        : effect.kind == TreeEffectKind::CleanupStarted || effect.kind == TreeEffectKind::CleanupEnded
                            ? m_palette.text
                            : cancel;
    label(target, effect.label, ink);
}

} // namespace

void buildEffectScene(const TreeLayout &layout, const TreeViewport &view, const QList<TreeEffect> &effects,
                      qint64 nowMs, double fixedPhase, const TreeSceneOptions &options, TreeScene *scene)
{
    *scene = TreeScene{};
    if (view.width <= 0 || view.height <= 0 || view.zoom <= 0)
        return;
    scene->fontPixelSize = options.measure ? treeLabelPixelSize(view.zoom) : 0;
    EffectPainter painter(layout, view, options, scene);
    for (const TreeEffect &effect : effects) {
        const bool valid = !effect.route.isEmpty() && std::all_of(effect.route.cbegin(), effect.route.cend(), [&](int row) {
            return row >= 0 && row < layout.count();
        });
        if (valid)
            painter.draw(effect, TreeEffects::phase(effect, nowMs, fixedPhase));
    }
}

} // namespace cascade
