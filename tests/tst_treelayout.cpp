// The tree canvas layout and scene, without any GUI: this test links QtCore and QtTest only.

#include "treescene.h"

#include <QTest>

using namespace cascade;

namespace {

// A tree in compact form: one depth per row in depth-first order, "u" marking an unstructured
// link: "0 1 2u 1" is a root, a child, its unstructured grandchild, and a second child.
QList<TreeNode> parseTree(const QString &form)
{
    QList<TreeNode> nodes;
    for (const QString &token : form.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        TreeNode node;
        node.unstructured = token.endsWith(QLatin1Char('u'));
        node.depth = QStringView(token).left(token.size() - (node.unstructured ? 1 : 0)).toInt();
        node.name = QStringLiteral("t%1").arg(nodes.size());
        node.path = node.name;
        node.state = QStringLiteral("running");
        nodes.append(node);
    }
    return nodes;
}

QList<int> parseInts(const QString &form)
{
    QList<int> ints;
    for (const QString &token : form.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        ints.append(token.toInt());
    return ints;
}

// Where the task model puts a new child: after its parent's last descendant.
int appendChild(TreeLayout &layout, int parentRow, bool unstructured = false, const QString &name = {})
{
    int at = parentRow + 1;
    const int depth = layout.node(parentRow).depth;
    while (at < layout.count() && layout.node(at).depth > depth)
        ++at;
    TreeNode node;
    node.depth = depth + 1;
    node.unstructured = unstructured;
    node.name = name.isEmpty() ? QStringLiteral("n%1").arg(layout.count()) : name;
    node.path = node.name;
    node.state = QStringLiteral("suspended");
    layout.insert(at, node);
    return at;
}

// A deterministic pseudo-random tree grown the way a trace grows it: one spawn at a time.
void growRandomTree(TreeLayout &layout, int size, quint32 seed)
{
    TreeNode root;
    root.name = root.path = QStringLiteral("main");
    layout.insert(0, root);
    quint32 state = seed;
    auto next = [&state] { return state = state * 1664525u + 1013904223u; };
    while (layout.count() < size) {
        // Prefer recent rows, so the tree gets deep as well as wide.
        const int n = layout.count();
        const int parentRow = (next() >> 8) % 4 == 0 ? int((next() >> 8) % quint32(n)) : n - 1 - int((next() >> 8) % quint32(std::min(n, 8)));
        appendChild(layout, parentRow, (next() >> 8) % 7 == 0);
    }
}

QList<int> parentsOf(const TreeLayout &layout)
{
    QList<int> parents;
    for (int row = 0; row < layout.count(); ++row)
        parents.append(layout.parent(row));
    return parents;
}

void verifyStructure(const TreeLayout &layout)
{
    const TreeMetrics &m = layout.metrics();
    for (int row = 0; row < layout.count(); ++row) {
        const QRectF box = layout.boxRect(row);
        QCOMPARE(box.x(), layout.node(row).depth * m.indent);
        QVERIFY(box.top() >= row * m.rowHeight);
        QVERIFY(box.bottom() <= (row + 1) * m.rowHeight);  // inside its own band: no two boxes overlap
        const int up = layout.parent(row);
        if (up < 0)
            continue;
        QVERIFY2(up < row, "a parent precedes its children");
        QCOMPARE(layout.node(up).depth + 1, layout.node(row).depth);
        QVERIFY(layout.boxRect(up).bottom() < box.top());   // above
        QVERIFY(layout.boxRect(up).left() < box.left());    // and left of it
        QVERIFY(layout.lastChild(up, layout.node(row).unstructured) >= row);
    }
}

TreeSceneOptions fakeMeasure()
{
    TreeSceneOptions options;
    options.measure = [](const QString &text, bool bold, double px) { return text.size() * px * (bold ? 0.62 : 0.55); };
    return options;
}

int countColor(const TreeScene &scene, quint32 argb)
{
    return int(std::count_if(scene.rects.cbegin(), scene.rects.cend(), [argb](const TreeSceneRect &r) { return r.argb == argb; }));
}

} // namespace

class TestTreeLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parents_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("parents");
        QTest::addRow("root only") << "0" << "-1";
        QTest::addRow("chain") << "0 1 2 3" << "-1 0 1 2";
        QTest::addRow("siblings") << "0 1 1 1" << "-1 0 0 0";
        QTest::addRow("subtrees") << "0 1 2 2 1 2 1" << "-1 0 1 1 0 4 0";
        QTest::addRow("unstructured mixed in") << "0 1u 2 1 2u" << "-1 0 1 0 3";
        QTest::addRow("two roots") << "0 1 0 1" << "-1 0 -1 2";
        QTest::addRow("malformed jump") << "0 2 1" << "-1 0 0";
    }
    void parents()
    {
        QFETCH(QString, tree);
        QFETCH(QString, parents);
        TreeLayout bulk;
        bulk.reset(parseTree(tree));
        QCOMPARE(parentsOf(bulk), parseInts(parents));
        TreeLayout incremental;  // row by row, in order, gives the same tree
        for (const TreeNode &node : parseTree(tree))
            incremental.insert(incremental.count(), node);
        QCOMPARE(parentsOf(incremental), parseInts(parents));
    }

    void appendedChildMovesNothingAbove_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<int>("parentRow");
        QTest::addColumn<int>("movedRows");  // rows below the new one, pushed down by one row
        QTest::addRow("to the root of a lone root") << "0" << 0 << 0;
        QTest::addRow("to the last leaf") << "0 1 2 2 1 2" << 5 << 0;
        QTest::addRow("to the last subtree's root") << "0 1 2 2 1 2" << 4 << 0;
        QTest::addRow("to the root: after everything") << "0 1 2 2 1 2" << 0 << 0;
        QTest::addRow("to an earlier subtree") << "0 1 2 2 1 2" << 1 << 2;
        QTest::addRow("to an early leaf") << "0 1 2 2 1 2" << 2 << 3;
        QTest::addRow("unstructured parent") << "0 1u 2 1" << 1 << 1;
    }
    void appendedChildMovesNothingAbove()
    {
        QFETCH(QString, tree);
        QFETCH(int, parentRow);
        QFETCH(int, movedRows);
        TreeLayout layout;
        layout.reset(parseTree(tree));
        QList<QRectF> before;
        for (int row = 0; row < layout.count(); ++row)
            before.append(layout.boxRect(row));
        const QRectF parentBefore = layout.boxRect(parentRow);
        const int at = appendChild(layout, parentRow);

        QCOMPARE(layout.parent(at), parentRow);
        QCOMPARE(layout.boxRect(parentRow), parentBefore);  // the parent never moves
        int moved = 0;
        for (int old = 0; old < before.size(); ++old) {
            const int now = old < at ? old : old + 1;
            const QRectF after = layout.boxRect(now);
            QCOMPARE(after.x(), before.at(old).x());  // nothing ever moves sideways
            if (old < at) {
                QCOMPARE(after, before.at(old));  // everything above the new row stays put
            } else {
                QCOMPARE(after.y(), before.at(old).y() + layout.metrics().rowHeight);  // rigid shift
                ++moved;
            }
        }
        QCOMPARE(moved, movedRows);
        verifyStructure(layout);
        TreeLayout recomputed;
        QList<TreeNode> nodes;
        for (int row = 0; row < layout.count(); ++row)
            nodes.append(layout.node(row));
        recomputed.reset(nodes);
        QCOMPARE(parentsOf(layout), parentsOf(recomputed));
    }

    void growingTreeIsConsistent_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<quint32>("seed");
        QTest::addRow("small") << 12 << 1u;
        QTest::addRow("medium") << 300 << 7u;
        QTest::addRow("ten thousand") << 10000 << 42u;
    }
    void growingTreeIsConsistent()
    {
        QFETCH(int, size);
        QFETCH(quint32, seed);
        TreeLayout layout;
        growRandomTree(layout, size, seed);
        QCOMPARE(layout.count(), size);
        verifyStructure(layout);
        // Incremental parent and last-child links equal those of a layout made in one pass.
        QList<TreeNode> nodes;
        for (int row = 0; row < layout.count(); ++row)
            nodes.append(layout.node(row));
        TreeLayout bulk;
        bulk.reset(nodes);
        QCOMPARE(parentsOf(layout), parentsOf(bulk));
        for (int row = 0; row < layout.count(); ++row) {
            QCOMPARE(layout.lastChild(row, false), bulk.lastChild(row, false));
            QCOMPARE(layout.lastChild(row, true), bulk.lastChild(row, true));
        }
        const QRectF bounds = layout.bounds();
        QCOMPARE(bounds.height(), size * layout.metrics().rowHeight);
        QVERIFY(bounds.width() >= layout.maxDepth() * layout.metrics().indent + layout.metrics().boxWidth);
        for (int row = 0; row < layout.count(); row += std::max(1, size / 50)) {
            QCOMPARE(layout.rowAt(layout.boxRect(row).center()), row);
            QCOMPARE(layout.rowOfPath(layout.node(row).path), row);
        }
    }

    void noOverlaps()
    {
        TreeLayout layout;
        growRandomTree(layout, 150, 3u);
        for (int a = 0; a < layout.count(); ++a) {
            for (int b = a + 1; b < layout.count(); ++b)
                QVERIFY2(!layout.boxRect(a).intersects(layout.boxRect(b)), qPrintable(QStringLiteral("%1 and %2").arg(a).arg(b)));
        }
    }

    void removeRelinks()
    {
        TreeLayout layout;
        layout.reset(parseTree(QStringLiteral("0 1 2 2 1 2")));
        layout.remove(1, 3);  // the first subtree
        QCOMPARE(parentsOf(layout), parseInts(QStringLiteral("-1 0 1")));
        QCOMPARE(layout.lastChild(0, false), 1);
        verifyStructure(layout);
    }

    void sceneCullsToTheView_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<double>("scrollRows");
        QTest::addColumn<bool>("labels");
        QTest::addRow("readable, top") << 1.0 << 0.0 << true;
        QTest::addRow("readable, middle") << 1.0 << 5000.0 << true;
        QTest::addRow("zoomed in") << 3.0 << 9000.0 << true;
        QTest::addRow("zoomed out: no labels") << 0.3 << 100.0 << false;
        QTest::addRow("whole tree") << 1080.0 / (10000 * TreeMetrics().rowHeight) << 0.0 << false;
    }
    void sceneCullsToTheView()
    {
        QFETCH(double, zoom);
        QFETCH(double, scrollRows);
        QFETCH(bool, labels);
        TreeLayout layout;
        growRandomTree(layout, 10000, 42u);
        const QRectF firstBox = layout.boxRect(int(scrollRows));  // deep rows sit far right: look at them
        const TreeViewport view{zoom, firstBox.x() * zoom - 24, scrollRows * layout.metrics().rowHeight * zoom, 1600, 1000};
        TreeScene scene;
        buildTreeScene(layout, view, fakeMeasure(), &scene);
        const int visibleRows = scene.lastRow - scene.firstRow + 1;
        QVERIFY(visibleRows > 0);
        QVERIFY(visibleRows <= (view.height + 24) / (layout.metrics().rowHeight * zoom) + 3);
        QCOMPARE(scene.fontPixelSize > 0, labels);
        QCOMPARE(scene.texts.isEmpty(), !labels);
        // A bounded number of shapes per visible node: boxes, rings, stubs, dashes, ancestors' trunks.
        QVERIFY(scene.rects.size() <= 12 * visibleRows + 4 * layout.maxDepth() + 400);
        const double slack = (layout.metrics().rowHeight + 16) * zoom + 24;  // a partly visible row, its rings
        for (const TreeSceneRect &r : std::as_const(scene.rects))
            QVERIFY(r.rect.bottom() >= -slack && r.rect.top() <= view.height + slack);
    }

    void sceneShowsStateByTextEdgesAndRings_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::addRow("normal") << false;
        QTest::addRow("high contrast") << true;
    }
    void sceneShowsStateByTextEdgesAndRings()
    {
        QFETCH(bool, highContrast);
        const TreePalette &palette = treePalette(highContrast);
        TreeLayout layout;
        QList<TreeNode> nodes = parseTree(QStringLiteral("0 1 1u"));
        nodes[0].state = QStringLiteral("suspended");
        nodes[1].state = QStringLiteral("cancelled");
        nodes[2].state = QStringLiteral("running");
        nodes[2].pendingSince = 100;
        layout.reset(nodes);
        TreeSceneOptions options = fakeMeasure();
        options.now = 350;
        options.selectedRow = 1;
        options.highContrast = highContrast;
        TreeScene scene;
        buildTreeScene(layout, TreeViewport{1, -24, -24, 1200, 400}, options, &scene);

        QStringList texts;
        for (const TreeSceneText &t : std::as_const(scene.texts))
            texts.append(t.text);
        for (const QString &state : {QStringLiteral("suspended"), QStringLiteral("cancelled"), QStringLiteral("running")})
            QVERIFY2(texts.contains(treeStateStyle(state, highContrast).word), qPrintable(state));  // never colour alone
        QVERIFY(texts.contains(QStringLiteral("cancel pending 250 ms")));
        QVERIFY(scene.dependsOnNow);
        QCOMPARE(countColor(scene, palette.pendingRing), 1);
        QCOMPARE(countColor(scene, palette.unfocusedSelection), 1);
        QVERIFY(countColor(scene, palette.edge) >= 2);           // a solid trunk and stub
        QVERIFY(countColor(scene, palette.detachedEdge) >= 3);   // dashes
        for (const QString &state : {QStringLiteral("suspended"), QStringLiteral("cancelled"), QStringLiteral("running")})
            QVERIFY(countColor(scene, treeStateStyle(state, highContrast).fill) >= 1);
        for (const TreeSceneText &t : std::as_const(scene.texts))
            QVERIFY(t.argb != palette.background);
    }

    void aWarningShowsByShapeAndWords()
    {
        const TreePalette &palette = treePalette();
        TreeLayout layout;
        QList<TreeNode> nodes = parseTree(QStringLiteral("0 1 1"));
        nodes[1].warningKinds = QStringLiteral("orphan-task");
        nodes[2].warningKinds = QStringLiteral("swallowed-cancellation undelivered-cancel");
        layout.reset(nodes);
        TreeScene scene;
        buildTreeScene(layout, TreeViewport{1, -24, -24, 1400, 400}, fakeMeasure(), &scene);
        const auto triangles = std::count_if(scene.rects.cbegin(), scene.rects.cend(), [&](const TreeSceneRect &r) {
            return r.polygon.size() == 3 && r.argb == palette.warning;
        });
        QCOMPARE(triangles, 2);
        QStringList texts;
        for (const TreeSceneText &t : std::as_const(scene.texts))
            texts.append(t.text);
        QVERIFY(texts.contains(QStringLiteral("⚠ orphan task")));
        QVERIFY(texts.contains(QStringLiteral("⚠ swallowed cancellation, cancel not delivered")));
        QCOMPARE(treeWarningWords(QString()), QString());
        QCOMPARE(treeWarningWords(QStringLiteral("some-future-kind")), QStringLiteral("⚠ some-future-kind"));
    }

    void badgesShowByShapeAndWords()
    {
        const TreePalette &palette = treePalette();
        TreeLayout layout;
        QList<TreeNode> nodes = parseTree(QStringLiteral("0 1 1 1"));
        nodes[1].shielded = true;
        nodes[2].deadline = 1000;  // a 500 ms timeout, half gone at 750
        nodes[2].deadlineMs = 500;
        nodes[3].spawned = false;
        nodes[3].state = QStringLiteral("not-started");
        layout.reset(nodes);
        TreeSceneOptions options = fakeMeasure();
        options.now = 750;
        TreeScene scene;
        buildTreeScene(layout, TreeViewport{1, -24, -24, 1200, 400}, options, &scene);
        auto polygons = [&scene](quint32 argb) {
            return std::count_if(scene.rects.cbegin(), scene.rects.cend(),
                                 [argb](const TreeSceneRect &r) { return !r.polygon.isEmpty() && r.argb == argb; });
        };
        QCOMPARE(polygons(palette.shield), 1);
        const auto left = polygons(palette.deadline);
        const auto gone = polygons(palette.deadlineTrack);
        QVERIFY2(std::abs(left - gone) <= 1, qPrintable(QStringLiteral("%1 left, %2 gone").arg(left).arg(gone)));
        QVERIFY(scene.dependsOnNow);  // the ring empties as time goes on
        QStringList texts;
        for (const TreeSceneText &t : std::as_const(scene.texts))
            texts.append(t.text);
        QVERIFY(texts.contains(QStringLiteral("shielded")));
        QVERIFY(texts.contains(QStringLiteral("deadline in 250 ms")));
        QVERIFY(texts.contains(QStringLiteral("planned, not spawned yet")));
        QCOMPARE(countColor(scene, treeStateStyle(QStringLiteral("not-started")).fill), 0);  // an empty outline

        options.now = 1200;
        buildTreeScene(layout, TreeViewport{1, -24, -24, 1200, 400}, options, &scene);
        QCOMPARE(polygons(palette.deadline), 0);
        QVERIFY(std::any_of(scene.texts.cbegin(), scene.texts.cend(),
                            [](const TreeSceneText &t) { return t.text == QStringLiteral("deadline passed"); }));
    }

    void chunksDrawWhatTheWholeViewDraws_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("bandRows");
        QTest::addRow("readable, bands of 7") << 1.0 << 7;
        QTest::addRow("zoomed out, bands of 32") << 0.3 << 32;
    }
    void chunksDrawWhatTheWholeViewDraws()
    {
        // Each chunk draws its rows and the pieces of edges in its band: together, the same picture.
        QFETCH(double, zoom);
        QFETCH(int, bandRows);
        TreeLayout layout;
        growRandomTree(layout, 600, 7u);
        const TreeViewport view{zoom, -24, 100 * layout.metrics().rowHeight * zoom, 1600, 900};
        TreeSceneOptions options = fakeMeasure();
        TreeScene whole;
        buildTreeScene(layout, view, options, &whole);
        auto areas = [](const TreeScene &scene, QHash<quint32, double> *sum) {
            for (const TreeSceneRect &r : scene.rects)
                (*sum)[r.argb] += r.rect.width() * r.rect.height();
        };
        QHash<quint32, double> expected, actual;
        areas(whole, &expected);
        int texts = 0;
        for (int first = 0; first < layout.count(); first += bandRows) {
            options.bandFirst = first;
            options.bandLast = std::min(layout.count(), first + bandRows) - 1;
            TreeScene band;
            buildTreeScene(layout, view, options, &band);
            areas(band, &actual);
            texts += int(band.texts.size());
        }
        QCOMPARE(texts, int(whole.texts.size()));
        QCOMPARE(actual.keys().size(), expected.keys().size());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(std::abs(actual.value(it.key()) - it.value()) < 1e-6 * std::max(1.0, it.value()),
                     qPrintable(QStringLiteral("colour %1: %2 in chunks, %3 whole").arg(it.key(), 0, 16).arg(actual.value(it.key())).arg(it.value())));
    }

    void labelsAreElided()
    {
        TreeLayout layout;
        QList<TreeNode> nodes = parseTree(QStringLiteral("0"));
        nodes[0].name = QString(200, QLatin1Char('x'));
        layout.reset(nodes);
        TreeScene scene;
        buildTreeScene(layout, TreeViewport{1, 0, 0, 1200, 400}, fakeMeasure(), &scene);
        QVERIFY(!scene.texts.isEmpty());
        const TreeSceneText &name = scene.texts.constFirst();
        QVERIFY(name.text.endsWith(QChar(0x2026)));
        QVERIFY(name.origin.x() + fakeMeasure().measure(name.text, true, scene.fontPixelSize) <= layout.boxRect(0).right());
    }
};

QTEST_GUILESS_MAIN(TestTreeLayout)
#include "tst_treelayout.moc"
