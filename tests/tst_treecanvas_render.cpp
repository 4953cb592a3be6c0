// The tree canvas in a real window: what it draws (offscreen: the software fallback; on xcb under
// Xvfb: geometry nodes), and how it answers clicks, keys and zoom. Set CASCADE_SCREENSHOT_DIR to
// keep the grabbed images. The animation layer: tst_treecanvas_animation.cpp.

#include "canvastestwindow.h"

#include <QQmlExtensionPlugin>

#include <QSignalSpy>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using namespace cascade::test;

class TestTreeCanvasRender : public CanvasTestWindow
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { createWindow(); }

    void drawsMidCancellation()
    {
        playUntilPending(QStringLiteral("swift-make-soup"), 4);
        QCOMPARE(m_canvas->count(), m_session->tasks()->rowCount());
        m_canvas->setNow(m_session->now() + 240);
        QTRY_VERIFY(!grab().isNull());
        const QImage image = grab();
        save(image, QStringLiteral("treecanvas-mid-cancellation"));

        // The backend in use is the one the platform implies: the software path offscreen.
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            QVERIFY(m_canvas->softwareRendering());
        if (QGuiApplication::platformName() == QLatin1String("xcb"))
            QVERIFY(!m_canvas->softwareRendering());

        QVERIFY(countPixels(image, treePalette().background) > image.width() * image.height() / 3);
        QVERIFY2(countPixels(image, treePalette().background) < image.width() * image.height(), "blank");
        const struct {
            const char *what;
            QRgb color;
            int atLeast;
        } expected[] = {
            {"pending ring", treePalette().pendingRing, 400},
            {"suspended accent", treeStateStyle(QStringLiteral("suspended")).accent, 200},
            {"suspended fill", treeStateStyle(QStringLiteral("suspended")).fill, 2000},
            {"CPU-busy accent", treeStateStyle(QStringLiteral("cpu")).accent, 200},
            {"structured edge", treePalette().edge, 100},
            {"unstructured edge", treePalette().detachedEdge, 8},
        };
        for (const auto &e : expected) {
            const int count = countPixels(image, e.color);
            QVERIFY2(count >= e.atLeast, qPrintable(QStringLiteral("%1: %2 pixels").arg(QLatin1String(e.what)).arg(count)));
        }
    }

    void drawsHighContrast()
    {
        m_canvas->setHighContrast(true);
        const QImage image = grab();
        m_canvas->setHighContrast(false);
        save(image, QStringLiteral("treecanvas-high-contrast"));
        const TreePalette &palette = treePalette(true);
        QVERIFY(countPixels(image, palette.background) > image.width() * image.height() / 3);
        QVERIFY(countPixels(image, palette.pendingRing) > 400);
        QVERIFY(countPixels(image, treeStateStyle(QStringLiteral("suspended"), true).accent) > 200);
        QVERIFY(countPixels(image, treePalette(false).background) < 100);  // nothing of the light theme is left
    }

    void pendingTimeRedraws()
    {
        const QImage before = grab();
        m_canvas->setNow(m_canvas->now() + 500);
        QTRY_VERIFY(grab() != before);  // "cancel pending N ms" counts up
    }

    void clicksSelectAndSignal()
    {
        const QString marinate = QStringLiteral("main/makeSoup/marinate");
        const QRectF box = m_canvas->taskRect(marinate);
        QVERIFY(!box.isEmpty());
        QCOMPARE(m_canvas->taskAt(box.center().x(), box.center().y()), marinate);
        const QPoint at = m_canvas->mapToScene(box.center()).toPoint();

        QSignalSpy clicked(m_canvas, &TreeCanvas::taskClicked);
        QVERIFY(clicked.isValid());
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), marinate);
        QCOMPARE(clicked.at(0).at(1).toInt(), int(Qt::LeftButton));
        QCOMPARE(m_canvas->selectedPath(), marinate);

        QSignalSpy menu(m_canvas, &TreeCanvas::taskContextMenu);
        const QString boil = QStringLiteral("main/makeSoup/boil");
        QTest::mouseClick(m_window.get(), Qt::RightButton, {}, m_canvas->mapToScene(m_canvas->taskRect(boil).center()).toPoint());
        QCOMPARE(menu.count(), 1);
        QCOMPARE(menu.at(0).at(0).toString(), boil);

        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(m_window->width() - 40, m_window->height() - 40));
        QCOMPARE(m_canvas->selectedPath(), QString());  // a click on nothing clears the selection
    }

    void keyboardNavigation_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("to");
        // Plain Left and Right step the run window-wide; with Shift they walk the tree.
        const int none = Qt::NoModifier, shift = Qt::ShiftModifier;
        QTest::addRow("down") << "main" << int(Qt::Key_Down) << none << "main/makeSoup";
        QTest::addRow("shift+right: first child") << "main/makeSoup" << int(Qt::Key_Right) << shift
                                                  << "main/makeSoup/chopIngredients";
        QTest::addRow("down into a subtree") << "main/makeSoup/chopIngredients" << int(Qt::Key_Down) << none
                                             << "main/makeSoup/chopIngredients/chop[0]";
        QTest::addRow("shift+left: parent") << "main/makeSoup/chopIngredients/chop[2]" << int(Qt::Key_Left) << shift
                                            << "main/makeSoup/chopIngredients";
        QTest::addRow("up") << "main/makeSoup/marinate" << int(Qt::Key_Up) << none << "main/makeSoup/chopIngredients/chop[3]";
        QTest::addRow("shift+right on a leaf stays") << "main/makeSoup/boil" << int(Qt::Key_Right) << shift
                                                     << "main/makeSoup/boil";
        QTest::addRow("up at the top stays") << "main" << int(Qt::Key_Up) << none << "main";
    }
    void keyboardNavigation()
    {
        QFETCH(QString, from);
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, to);
        m_canvas->forceActiveFocus();
        m_canvas->setSelectedPath(from);
        QTest::keyClick(m_window.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QCOMPARE(m_canvas->selectedPath(), to);
    }

    void zoomKeepsThePointAndFitShowsAll()
    {
        const QRectF box = m_canvas->taskRect(QStringLiteral("main/makeSoup/boil"));
        const QPointF point = box.center();
        m_canvas->zoomBy(2.5, point);
        QVERIFY(!m_canvas->autoFit());
        QCOMPARE(m_canvas->taskAt(point.x(), point.y()), QStringLiteral("main/makeSoup/boil"));
        save(grab(), QStringLiteral("treecanvas-zoomed"));
        m_canvas->fit();
        QVERIFY(m_canvas->autoFit());  // a small tree is legible when fitted, so it stays fitted
        for (int row = 0; row < m_canvas->count(); ++row) {
            const QRectF r = m_canvas->taskRect(m_canvas->layout().node(row).path);
            QVERIFY(QRectF(0, 0, m_canvas->width(), m_canvas->height()).contains(r));
        }
    }

    void dragPansAndCtrlWheelZooms()
    {
        m_canvas->fit();
        const qreal zoom = m_canvas->zoom();
        const QPoint centre = m_canvas->mapToScene(m_canvas->taskRect(QStringLiteral("main/makeSoup")).center()).toPoint();
        QWheelEvent wheel(centre, m_window->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QGuiApplication::sendEvent(m_window.get(), &wheel);
        QVERIFY(m_canvas->zoom() > zoom * 1.3);
        QCOMPARE(m_canvas->taskAt(centre.x(), centre.y()), QStringLiteral("main/makeSoup"));  // it stays under the mouse

        QSignalSpy clicked(m_canvas, &TreeCanvas::taskClicked);
        const qreal contentY = m_canvas->contentY();
        QTest::mousePress(m_window.get(), Qt::LeftButton, {}, centre);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(m_window.get(), centre + QPoint(0, -12 * step));
        QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, centre + QPoint(0, -120));
        QCOMPARE(m_canvas->contentY(), contentY + 120);  // the content follows the pointer
        QCOMPARE(clicked.count(), 0);  // a drag is not a click
        QVERIFY(!m_canvas->autoFit());
    }

    void followsTheModelIncrementally()
    {
        QVERIFY(m_session->open(QStringLiteral("contrast-orphan")));
        const QAbstractItemModel *model = m_session->tasks();
        // The session plans the run: every task is a row from t = 0, so the tree never moves and
        // the states below can only have arrived row by row (dataChanged), not by a reset.
        QCOMPARE(m_canvas->count(), model->rowCount());
        QSignalSpy counted(m_canvas, &TreeCanvas::countChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        while (!m_session->finished())
            m_session->stepEvent();
        QCOMPARE(m_canvas->count(), model->rowCount());
        QCOMPARE(counted.count(), 0);
        QCOMPARE(reset.count(), 0);
        bool unstructured = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const TreeNode &node = m_canvas->layout().node(row);
            QCOMPARE(node.path, index.data(TaskListModel::PathRole).toString());
            QCOMPARE(node.state, index.data(TaskListModel::StateRole).toString());
            QCOMPARE(node.depth, index.data(TaskListModel::DepthRole).toInt());
            unstructured |= node.unstructured;
        }
        QVERIFY(unstructured);
        m_canvas->fit();  // the drag test above left the view panned; the planned rows never move it
        const QImage image = grab();
        save(image, QStringLiteral("treecanvas-orphan-finished"));
        QVERIFY(countPixels(image, treeStateStyle(QStringLiteral("completed")).fill) > 1000);
        QVERIFY(countPixels(image, treeStateStyle(QStringLiteral("cancelled")).fill) > 1000);
        QVERIFY(countPixels(image, treePalette().detachedEdge) > 20);
    }

    void keepsTheViewStillWhenRowsArriveAbove()
    {
        // Any list model with the role names will do; this one lets the test insert anywhere.
        QStandardItemModel model;
        model.setItemRoleNames({{Qt::UserRole + 1, "name"}, {Qt::UserRole + 2, "path"}, {Qt::UserRole + 3, "depth"},
                                {Qt::UserRole + 4, "state"}, {Qt::UserRole + 5, "pendingSince"}});
        auto task = [](const QString &name, int depth) {
            auto *item = new QStandardItem;
            item->setData(name, Qt::UserRole + 1);
            item->setData(QStringLiteral("main/") + name, Qt::UserRole + 2);
            item->setData(depth, Qt::UserRole + 3);
            item->setData(QStringLiteral("running"), Qt::UserRole + 4);
            item->setData(-1, Qt::UserRole + 5);
            return item;
        };
        model.appendRow(task(QStringLiteral("root"), 0));
        for (int i = 1; i < 60; ++i)
            model.appendRow(task(QStringLiteral("t%1").arg(i), 1));
        m_canvas->setModel(&model);
        QCOMPARE(m_canvas->count(), 60);
        m_canvas->setZoom(1);
        m_canvas->setContentY(30 * m_canvas->layout().metrics().rowHeight);
        QVERIFY(!m_canvas->autoFit());
        const QString watched = QStringLiteral("main/t40");
        const QRectF before = m_canvas->taskRect(watched);
        QVERIFY(before.top() > 0 && before.bottom() < m_canvas->height());

        model.insertRow(6, task(QStringLiteral("t5-child"), 2));  // above the view: it moves down with the rows
        QCOMPARE(m_canvas->count(), 61);
        QCOMPARE(m_canvas->layout().parent(6), 5);
        QCOMPARE(m_canvas->taskRect(watched), before);
        model.appendRow(task(QStringLiteral("last"), 1));  // below the view: nothing on screen moves
        QCOMPARE(m_canvas->taskRect(watched), before);
        model.removeRows(1, 3);
        QCOMPARE(m_canvas->count(), 59);
        QCOMPARE(m_canvas->layout().parent(3), 2);  // t5-child, under t5, both moved up three rows

        m_canvas->setModel(m_session->tasks());
        m_canvas->fit();
    }

    void exportsAnImageUnderAnyBackend()
    {
        playUntilPending(QStringLiteral("swift-make-soup"), 4);
        const QImage image = m_canvas->renderImage().convertToFormat(QImage::Format_ARGB32);
        QVERIFY(!image.isNull());
        save(image, QStringLiteral("treecanvas-export"));
        QVERIFY(countPixels(image, treePalette().pendingRing) > 400);
        QVERIFY(countPixels(image, treePalette().edge) > 100);
    }

    void drawsBadges()
    {
        QStandardItemModel model;
        QList<FakeTask> tasks = smallTree();
        tasks[1].deadline = 2000;  // a: a 1000 ms timeout that fires at 2000
        tasks[1].deadlineMs = 1000;
        tasks[3].spawned = false;  // c: planned
        tasks[3].state = QStringLiteral("not-started");
        fillTasks(&model, tasks);
        m_canvas->setModel(&model);
        m_canvas->setZoom(1);
        m_canvas->setContentX(-TreeCanvas::Margin);
        m_canvas->setContentY(-TreeCanvas::Margin);
        const TreePalette &palette = treePalette();

        m_canvas->setNow(1100);  // 900 ms of 1000 left
        const QImage early = grab();
        save(early, QStringLiteral("treecanvas-badges"));
        m_canvas->setNow(1900);  // 100 ms left
        const QImage late = grab();
        const QRect rowB = m_canvas->taskRect(QStringLiteral("main/b")).toRect().adjusted(0, 0, 120, 0);
        QVERIFY2(countPixelsIn(early, rowB, palette.shield) > 60, "a shield beside b");
        QCOMPARE(countPixelsIn(early, m_canvas->taskRect(QStringLiteral("main/a")).toRect().adjusted(0, 0, 120, 0),
                               palette.shield), 0);
        const QRectF boxA = m_canvas->taskRect(QStringLiteral("main/a"));
        const QRect rowA(int(boxA.right()), int(boxA.top()), 40, int(boxA.height()));  // the badge, not its words
        const int earlyRing = countPixelsIn(early, rowA, palette.deadline);
        const int lateRing = countPixelsIn(late, rowA, palette.deadline);
        QVERIFY2(earlyRing > 40, qPrintable(QString::number(earlyRing)));
        QVERIFY2(lateRing < earlyRing / 3, qPrintable(QStringLiteral("%1 -> %2").arg(earlyRing).arg(lateRing)));  // it empties
        QVERIFY(countPixelsIn(late, rowA, palette.deadlineTrack) > countPixelsIn(early, rowA, palette.deadlineTrack));

        // Planned: an outline with nothing inside, where a started task has its state's fill.
        const QRect boxC = m_canvas->taskRect(QStringLiteral("main/c")).toRect();
        QCOMPARE(countPixelsIn(early, boxC, treeStateStyle(QStringLiteral("not-started")).fill), 0);
        QVERIFY(countPixelsIn(early, boxC, treeStateStyle(QStringLiteral("not-started")).accent) > 40);
        QVERIFY(countPixelsIn(early, boxC, palette.background) > boxC.width() * boxC.height() / 2);

        // A model without the badge roles draws no badges, and every task as spawned.
        fillTasks(&model, tasks, false);
        const QImage plain = grab();
        QCOMPARE(countPixels(plain, palette.shield), 0);
        QCOMPARE(countPixels(plain, palette.deadline), 0);
        m_canvas->setModel(m_session->tasks());
    }

    void drawsWarningBadges()
    {
        QStandardItemModel model;
        QList<FakeTask> tasks = smallTree();
        tasks[2].shielded = false;
        tasks[2].warningKind = QStringLiteral("swallowed-cancellation");  // b
        fillTasks(&model, tasks);
        m_canvas->setModel(&model);
        m_canvas->setZoom(1);
        m_canvas->setContentX(-TreeCanvas::Margin);
        m_canvas->setContentY(-TreeCanvas::Margin);
        const TreePalette &palette = treePalette();
        const QImage image = grab();
        save(image, QStringLiteral("treecanvas-warning"));
        auto badgeArea = [this](const QString &path) {
            const QRectF box = m_canvas->taskRect(path);
            return QRect(int(box.right()), int(box.top()), 40, int(box.height()));  // the badge, not its words
        };
        QVERIFY2(countPixelsIn(image, badgeArea(QStringLiteral("main/b")), palette.warning) > 60, "a triangle beside b");
        QVERIFY(countPixelsIn(image, badgeArea(QStringLiteral("main/b")), palette.warningMark) > 4);  // its "!"
        QCOMPARE(countPixelsIn(image, badgeArea(QStringLiteral("main/a")), palette.warning), 0);
        QCOMPARE(countPixelsIn(image, badgeArea(QStringLiteral("main/c")), palette.warning), 0);
        // Its words beside it, in the warning's ink (the scene's texts are checked in tst_treelayout).
        const QRectF boxB = m_canvas->taskRect(QStringLiteral("main/b"));
        const QRect words(int(boxB.right()) + 40, int(boxB.top()), 300, int(boxB.height()));
        QVERIFY(countPixelsIn(image, words, palette.warningInk) > 10);

        m_canvas->setHighContrast(true);
        const QImage contrast = grab();
        m_canvas->setHighContrast(false);
        QVERIFY(countPixelsIn(contrast, badgeArea(QStringLiteral("main/b")), treePalette(true).warning) > 60);

        // A model without the warning role draws none.
        fillTasks(&model, tasks, false);
        QCOMPARE(countPixels(grab(), palette.warning), 0);
        m_canvas->setModel(m_session->tasks());
    }

    void rebuildsOnlyTheChunkThatChanged()
    {
        if (m_canvas->softwareRendering())
            QSKIP("the software fallback paints the view into one image; chunks are the geometry-node renderer's");
        QStandardItemModel model;
        fillFlatTree(&model, 2 * TreeCanvas::ChunkRows + 9);
        m_canvas->setModel(&model);
        // Rows a little over a pixel high: still geometry, and all three chunks in view.
        m_canvas->setZoom(1.1 * TreeCanvas::OverviewRowPixels / TreeMetrics().rowHeight);
        m_canvas->setContentY(-TreeCanvas::Margin);  // from the top
        grab();
        QCOMPARE(m_canvas->chunksRebuilt(), 3);
        model.item(TreeCanvas::ChunkRows + 5)->setData(QStringLiteral("cancelled"), State);
        grab();
        QCOMPARE(m_canvas->chunksRebuilt(), 1);
        m_canvas->setSelectedPath(QStringLiteral("main/t1"));
        grab();
        QCOMPARE(m_canvas->chunksRebuilt(), 1);
        m_canvas->setContentY(m_canvas->contentY() + 1);  // a new view: all of it
        grab();
        QCOMPARE(m_canvas->chunksRebuilt(), 3);
        m_canvas->setSelectedPath(QString());
        m_canvas->setModel(m_session->tasks());
        m_canvas->fit();
    }

    // The overview is shown from one texture that lives as long as its size: a change hands it only
    // the pixel rows it repainted, and no change nothing.
    void overviewUploadsOnlyTheRowsThatChanged()
    {
        if (m_canvas->softwareRendering())
            QSKIP("the software fallback paints the whole view into one image");
        QStandardItemModel model;
        showFlatTreeOverview(&model);
        grab();
        const int allRows = m_canvas->overviewRowsUploaded();
        QVERIFY2(allRows >= 100, qPrintable(QString::number(allRows)));  // the window's height

        // Two neighbours: at half a device pixel a row they share a pixel row, which the later one's box covers.
        const int changed = 3 * TreeCanvas::ChunkRows + 5;
        const QRectF box = m_canvas->taskRect(QStringLiteral("main/t%1").arg(changed));
        QVERIFY(box.center().y() > 0 && box.center().y() < m_canvas->height());
        const QImage before = grab();
        model.item(changed)->setData(QStringLiteral("failed"), State);
        model.item(changed + 1)->setData(QStringLiteral("failed"), State);
        QVERIFY(grab() != before);
        QCOMPARE(m_canvas->chunksRebuilt(), 1);
        // The task's half pixel, with the row of margin above and below that rings and badges reach.
        QVERIFY2(m_canvas->overviewRowsUploaded() >= 1 && m_canvas->overviewRowsUploaded() <= 8,
                 qPrintable(QString::number(m_canvas->overviewRowsUploaded())));
        grab();
        QCOMPARE(m_canvas->overviewRowsUploaded(), 0);

        // Rows that were not uploaded again still show the same pixels a whole repaint gives.
        const QImage incremental = grab();
        m_canvas->setHighContrast(true);
        grab();
        m_canvas->setHighContrast(false);
        QCOMPARE(m_canvas->overviewRowsUploaded(), allRows);
        QCOMPARE(grab(), incremental);
        m_canvas->setModel(m_session->tasks());
        m_canvas->fit();
    }

    // Zoomed out until rows are thinner than a pixel, the rows are painted into one image, and a
    // change repaints only the pixel rows of the task that changed.
    void overviewRepaintsOnlyTheRowsThatChanged()
    {
        if (m_canvas->softwareRendering())
            QSKIP("the software fallback paints the whole view into one image anyway");
        QStandardItemModel model;
        fillFlatTree(&model, 8 * TreeCanvas::ChunkRows - 1);
        m_canvas->setModel(&model);
        m_canvas->setZoom(TreeCanvas::MinZoom);  // 0.09 px a row
        const QImage before = grab();
        QCOMPARE(m_canvas->chunksRebuilt(), 1);  // the whole image, once
        const QRectF all = m_canvas->taskRect(QStringLiteral("main")).united(
            m_canvas->taskRect(QStringLiteral("main/t%1").arg(8 * TreeCanvas::ChunkRows - 1)));
        const QColor background = QColor::fromRgba(treePalette().background);
        int inked = 0;  // pixel rows of the tree's area that are not all background
        for (int y = int(all.top()); y < int(all.bottom()); ++y) {
            bool ink = false;
            for (int x = int(all.left()) - 1; x <= int(all.right()) + 1 && !ink; ++x)
                ink = QColor(before.pixel(x, y)) != background;
            inked += ink;
        }
        QVERIFY2(inked > all.height() / 2, qPrintable(QStringLiteral("%1 of %2 rows").arg(inked).arg(all.height())));

        const int changed = 5 * TreeCanvas::ChunkRows + 7;
        for (int row = changed; row < changed + 20; ++row)  // two pixel rows' worth of tasks
            model.item(row)->setData(QStringLiteral("failed"), State);
        const QImage after = grab();
        QCOMPARE(m_canvas->chunksRebuilt(), 1);  // one band of pixel rows
        const QRectF box = m_canvas->taskRect(QStringLiteral("main/t%1").arg(changed));
        int changedRows = 0;
        for (int y = 0; y < after.height(); ++y) {
            bool differs = false;
            for (int x = 0; x < after.width() && !differs; ++x)
                differs = before.pixel(x, y) != after.pixel(x, y);
            if (!differs)
                continue;
            ++changedRows;
            QVERIFY2(std::abs(y - box.center().y()) < 8,
                     qPrintable(QStringLiteral("pixel row %1 changed, the task is at %2").arg(y).arg(box.center().y())));
        }
        QVERIFY(changedRows > 0);
        // Repainting only the changed band gives the very pixels a repaint of the whole image gives.
        m_canvas->setHighContrast(true);
        grab();
        m_canvas->setHighContrast(false);
        QCOMPARE(grab(), after);
        m_canvas->setModel(m_session->tasks());
        m_canvas->fit();
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestTreeCanvasRender)
#include "tst_treecanvas_render.moc"
