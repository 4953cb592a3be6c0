#pragma once

#include "treelayout.h"

#include <QList>
#include <QPointF>

#include <functional>
#include <utility>

namespace cascade {

//! A filled, optionally rounded rectangle in item coordinates; colours are 0xAARRGGBB. With a
//! polygon it is that convex polygon instead (badges, rings, pulses), in the same paint order.
struct TreeSceneRect {
    QRectF rect;
    quint32 argb = 0;
    double radius = 0;
    QList<QPointF> polygon;
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
    bool dependsOnNow = false; // a visible label counts pending time up, or a countdown ring empties
    int firstRow = 0;
    int lastRow = -1;
};

//! The rows whose drawing can reach into the view (rings reach a little outside their row).
[[nodiscard]] std::pair<int, int> treeVisibleRows(const TreeLayout &layout, const TreeViewport &view);
//! Label size for a zoom, 0 when labels would be too small to read (they are not drawn then).
[[nodiscard]] double treeLabelPixelSize(double zoom);

struct TreeSceneOptions {
    qint64 now = 0;
    int selectedRow = -1;
    int hoveredRow = -1;
    bool focused = false;
    bool highContrast = false;
    //! When set (>= 0), only these rows and the edge pieces in their band: one chunk of the tree.
    int bandFirst = -1;
    int bandLast = -1;
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
    // Badges, and the marks of the propagation animation (TreeEffects).
    quint32 shield, deadline, deadlineTrack, cancelPulse, failurePulse, blocked, checkPassed, checkRaised, cleanupFlash;
    // The warning badge: a triangle, the "!" in it, and the words beside it.
    quint32 warning, warningMark, warningInk;
};

[[nodiscard]] const TreePalette &treePalette(bool highContrast = false);
//! A state's look; without the word it costs no translation lookup (for the thousands of boxes
//! drawn too small to be labelled).
[[nodiscard]] TreeStateStyle treeStateStyle(const QString &state, bool highContrast = false, bool withWord = true);

//! Builds the scene for the visible rows, their edges and the edges passing through the view
//! (or for the band of rows in the options, clipped to the view the same way).
void buildTreeScene(const TreeLayout &layout, const TreeViewport &view, const TreeSceneOptions &options,
                    TreeScene *scene);

//! A vertex as QSGGeometry::ColoredPoint2D lays it out: position, then premultiplied RGBA.
struct TreeVertex {
    float x, y;
    quint8 r, g, b, a;
};

//! The scene's rectangles as triangles (rounded corners and polygons as fans), for a vertex-colour material.
void tessellateTreeRects(const QList<TreeSceneRect> &rects, QList<TreeVertex> *vertices);

//! The words for the warnings on a task (TreeNode::warningKinds): "⚠ swallowed cancellation", in
//! the UI's language.
[[nodiscard]] QString treeWarningWords(const QString &warningKinds);

//! Shortens `text` with an ellipsis so that it fits `maxWidth` at the given measure.
[[nodiscard]] QString elideTreeLabel(const QString &text, double maxWidth, bool bold, double pixelSize,
                                     const TreeSceneOptions &options);

} // namespace cascade
