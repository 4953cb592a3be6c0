// The tree canvas in a real window: what it draws (offscreen: the software fallback; on xcb under
// Xvfb: geometry nodes), and how it answers clicks, keys and zoom. Set CASCADE_SCREENSHOT_DIR to
// keep the grabbed images.

#include "session.h"
#include "tasklistmodel.h"
#include "treecanvas.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include <utility>

#include <memory>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;

namespace {

const char *const WindowQml = R"(
import QtQuick
import Cascade
Window {
    width: 1280; height: 720; visible: true
    Session { id: session; objectName: "session" }
    TaskTreeCanvas {
        objectName: "wrapper"
        anchors.fill: parent
        focus: true
        showLegend: false   // its swatches would satisfy the colour checks by themselves
        model: session.tasks
        now: session.now
    }
}
)";

int pendingRows(const QAbstractItemModel *model)
{
    int pending = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        pending += model->index(row, 0).data(TaskListModel::PendingSinceRole).toLongLong() >= 0;
    return pending;
}

int countPixels(const QImage &image, QRgb color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += (line[x] | 0xff000000) == (color | 0xff000000);
    }
    return count;
}

//! A task list with the badge roles, as TaskListModel will have them; any model with the role names
//! will do for the canvas.
enum FakeRole { Name = Qt::UserRole + 1, Path, Depth, State, PendingSince, Shielded, Deadline, DeadlineMs, Spawned };

struct FakeTask {
    QString path;
    int depth = 1;
    QString state = QStringLiteral("suspended");
    bool shielded = false;
    qint64 deadline = -1;
    qint64 deadlineMs = -1;
    bool spawned = true;
};

void fillTasks(QStandardItemModel *model, const QList<FakeTask> &tasks, bool badgeRoles = true)
{
    QHash<int, QByteArray> roles{{Name, "name"}, {Path, "path"}, {Depth, "depth"}, {State, "state"}, {PendingSince, "pendingSince"}};
    if (badgeRoles)
        roles.insert({{Shielded, "shielded"}, {Deadline, "deadline"}, {DeadlineMs, "deadlineMs"}, {Spawned, "spawned"}});
    model->setItemRoleNames(roles);  // before the reset, where the canvas looks the roles up
    model->clear();
    for (const FakeTask &t : tasks) {
        auto *item = new QStandardItem;
        item->setData(t.path.mid(t.path.lastIndexOf(QLatin1Char('/')) + 1), Name);
        item->setData(t.path, Path);
        item->setData(t.depth, Depth);
        item->setData(t.state, State);
        item->setData(-1, PendingSince);
        if (badgeRoles) {
            item->setData(t.shielded, Shielded);
            item->setData(t.deadline, Deadline);
            item->setData(t.deadlineMs, DeadlineMs);
            item->setData(t.spawned, Spawned);
        }
        model->appendRow(item);
    }
}

//! main with three children: a, b (shielded) and c.
QList<FakeTask> smallTree()
{
    return {{QStringLiteral("main"), 0, QStringLiteral("suspended")},
            {QStringLiteral("main/a")},
            {QStringLiteral("main/b"), 1, QStringLiteral("suspended"), true},
            {QStringLiteral("main/c")}};
}

//! Trace events as the event log has them, by role name.
enum EventRole { Kind = Qt::UserRole + 1, Task, From, Cause, BlockedBy, Cancelled, Outcome, At, Cleanup };

void appendEvent(QStandardItemModel *events, const QVariantMap &event)
{
    if (events->roleNames().value(Kind) != "kind")
        events->setItemRoleNames({{Kind, "kind"}, {Task, "task"}, {From, "from"}, {Cause, "cause"}, {BlockedBy, "blockedBy"},
                                  {Cancelled, "cancelled"}, {Outcome, "outcome"}, {At, "at"}, {Cleanup, "cleanup"}});
    auto *item = new QStandardItem;
    for (auto [name, role] : {std::pair{"kind", Kind}, {"task", Task}, {"from", From}, {"cause", Cause},
                              {"blockedBy", BlockedBy}, {"cancelled", Cancelled}, {"outcome", Outcome}, {"at", At},
                              {"cleanup", Cleanup}})
        item->setData(event.value(QLatin1String(name)), role);
    events->appendRow(item);
}

QVariantMap cancelOfA()
{
    return {{QStringLiteral("kind"), QStringLiteral("cancel-request")}, {QStringLiteral("task"), QStringLiteral("main/a")},
            {QStringLiteral("from"), QStringLiteral("main")}, {QStringLiteral("cause"), QStringLiteral("parent")}};
}

int countPixelsIn(const QImage &image, const QRect &area, QRgb color)
{
    return countPixels(image.copy(area.intersected(image.rect())), color);
}

} // namespace

class TestTreeCanvasRender : public QObject
{
    Q_OBJECT

private:
    QImage grab()
    {
        m_canvas->update();
        QImage image = m_window->grabWindow();
        return image.convertToFormat(QImage::Format_ARGB32);
    }
    void save(const QImage &image, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CASCADE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            image.save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, QGuiApplication::platformName())));
    }
    void playUntilPending(const QString &lesson, int minimumPending)
    {
        QVERIFY(m_session->open(lesson));
        while (pendingRows(m_session->tasks()) < minimumPending && !m_session->finished())
            m_session->stepEvent();
        QVERIFY(pendingRows(m_session->tasks()) >= minimumPending);
    }

    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    Session *m_session = nullptr;
    TreeCanvas *m_canvas = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        m_engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&m_engine);
        component.setData(WindowQml, QUrl::fromLocalFile(QDir::current().filePath(QStringLiteral("tst_treecanvas_render.qml"))));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        m_window.reset(qobject_cast<QQuickWindow *>(component.create()));
        QVERIFY(m_window);
        m_session = m_window->findChild<Session *>(QStringLiteral("session"));
        m_canvas = m_window->findChild<TreeCanvas *>();
        QVERIFY(m_session && m_canvas);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

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
        QSignalSpy counted(m_canvas, &TreeCanvas::countChanged);
        QVERIFY(m_session->open(QStringLiteral("contrast-orphan")));
        while (!m_session->finished())
            m_session->stepEvent();
        const QAbstractItemModel *model = m_session->tasks();
        QCOMPARE(m_canvas->count(), model->rowCount());
        QVERIFY(counted.count() >= model->rowCount());  // row by row, not one reset at the end
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

    void drawsEffects_data()
    {
        QTest::addColumn<QVariantMap>("event");
        QTest::addColumn<QString>("mark");  // the palette colour that must show
        QTest::addColumn<QString>("target");
        auto event = [](const char *kind, const char *task, QVariantMap more = {}) {
            more.insert(QStringLiteral("kind"), QLatin1String(kind));
            more.insert(QStringLiteral("task"), QLatin1String(task));
            return more;
        };
        const QString from = QStringLiteral("from");
        QTest::addRow("cancel travels down") << cancelOfA() << "cancelPulse" << "main/a";
        QTest::addRow("user cancel on the task")
            << event("cancel-request", "main/a", {{QStringLiteral("cause"), QStringLiteral("user")}}) << "cancelPulse" << "main/a";
        QTest::addRow("blocked at the shield")
            << event("cancel-blocked", "main/b", {{from, QStringLiteral("main")}, {QStringLiteral("blockedBy"), QStringLiteral("shield")}})
            << "blocked" << "main/b";
        QTest::addRow("failure goes up") << event("end", "main/c", {{QStringLiteral("outcome"), QStringLiteral("failed")}})
                                         << "failurePulse" << "main";
        QTest::addRow("sibling failure: up, then down")
            << event("cancel-request", "main/a", {{from, QStringLiteral("main/c")}, {QStringLiteral("cause"), QStringLiteral("failure")}})
            << "failurePulse" << "main/c";  // the way up starts at c (the way down is drawn over it)
        QTest::addRow("check passed") << event("checkpoint", "main/a", {{QStringLiteral("cancelled"), false}}) << "checkPassed"
                                      << "main/a";
        QTest::addRow("check raised") << event("checkpoint", "main/a", {{QStringLiteral("cancelled"), true}}) << "checkRaised"
                                      << "main/a";
        QTest::addRow("delivered") << event("cancel-deliver", "main/a", {{QStringLiteral("at"), QStringLiteral("sleep")}})
                                   << "cancelPulse" << "main/a";
        QTest::addRow("cleanup starts") << event("cleanup-enter", "main/a", {{QStringLiteral("cleanup"), QStringLiteral("finally")}})
                                        << "cleanupFlash" << "main/a";
    }
    void drawsEffects()
    {
        QFETCH(QVariantMap, event);
        QFETCH(QString, mark);
        QFETCH(QString, target);
        QStandardItemModel model;
        fillTasks(&model, smallTree());
        m_canvas->setModel(&model);
        m_canvas->setZoom(1);
        m_canvas->setContentX(-TreeCanvas::Margin);
        m_canvas->setContentY(-TreeCanvas::Margin);
        m_canvas->setAnimationPhase(1);  // the last frame, held
        const QRgb color = m_canvas->colors().value(mark).value<QColor>().rgba();
        const QImage before = m_canvas->renderImage();
        QCOMPARE(countPixels(before, color), 0);

        QVERIFY(m_canvas->animateEvent(event));
        QCOMPARE(m_canvas->activeEffects(), 1);
        const QImage exported = m_canvas->renderImage().convertToFormat(QImage::Format_ARGB32);
        QVERIFY2(countPixels(exported, color) > 60, qPrintable(QString::number(countPixels(exported, color))));
        // On screen, under either renderer, around the task it reaches.
        const QImage screen = grab();
        save(screen, QStringLiteral("treecanvas-effect-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        const QRect around = m_canvas->taskRect(target).toRect().adjusted(-14, -14, 14, 14);
        QVERIFY2(countPixelsIn(screen, around, color) > 40, qPrintable(QString::number(countPixelsIn(screen, around, color))));

        m_canvas->setAnimationPhase(-1);  // the clock runs again: it ends and goes
        QTRY_COMPARE_WITH_TIMEOUT(m_canvas->activeEffects(), 0, 5000);
        QCOMPARE(countPixels(grab(), color), 0);
        m_canvas->setModel(m_session->tasks());
    }

    void pulseMidway()
    {
        QStandardItemModel model;
        QList<FakeTask> tasks = smallTree();
        tasks.append({QStringLiteral("main/d")});
        tasks.append({QStringLiteral("main/e")});
        fillTasks(&model, tasks);
        m_canvas->setModel(&model);
        m_canvas->setZoom(1);
        m_canvas->setContentX(-TreeCanvas::Margin);
        m_canvas->setContentY(-TreeCanvas::Margin);
        const QRgb pulse = treePalette().cancelPulse;
        QVariantMap cancel = cancelOfA();
        cancel.insert(QStringLiteral("task"), QStringLiteral("main/e"));
        m_canvas->setAnimationPhase(0.35);  // half way along its edges
        QVERIFY(m_canvas->animateEvent(cancel));
        const QRectF source = m_canvas->taskRect(QStringLiteral("main"));
        const QRectF target = m_canvas->taskRect(QStringLiteral("main/e"));
        for (const QImage &image : {grab(), m_canvas->renderImage().convertToFormat(QImage::Format_ARGB32)}) {
            // renderImage() is at zoom 1 from the margin, like the view: the same coordinates.
            save(image, QStringLiteral("treecanvas-pulse-midway"));
            const QRect lane(int(source.left()), int(source.bottom()), 40, int(target.top() - source.bottom()));
            QVERIFY2(countPixelsIn(image, lane, pulse) > 60, "the head and its trail are on main's trunk");
            const QRect below(0, int(target.top() - 10), image.width(), image.height());
            QCOMPARE(countPixelsIn(image, below, pulse), 0);  // it has not arrived yet
        }
        m_canvas->setAnimationPhase(1);
        QVERIFY(countPixelsIn(grab(), target.toRect().adjusted(-12, -12, 12, 12), pulse) > 60);  // it has
        m_canvas->setAnimationPhase(-1);
        m_canvas->setModel(m_session->tasks());
    }

    void animatesOnlyEventsAppendedOneAtATime_data()
    {
        QTest::addColumn<QList<int>>("turns");  // rows appended in each turn of the event loop; -1: a reset
        QTest::addColumn<int>("effects");
        QTest::addRow("one event") << QList<int>{1} << 1;
        QTest::addRow("three steps") << QList<int>{1, 1, 1} << 3;
        QTest::addRow("a few in one play tick") << QList<int>{4} << 4;
        QTest::addRow("a seek: many rows in one turn") << QList<int>{TreeCanvas::BurstRows + 1} << 0;
        QTest::addRow("a step back: reset and refill") << QList<int>{1, -1} << 0;
        QTest::addRow("after a refill, steps play again") << QList<int>{-1, 1} << 1;
        QTest::addRow("fast play never piles up") << QList<int>(20, 1) << TreeEffects::MaxConcurrent;
    }
    void animatesOnlyEventsAppendedOneAtATime()
    {
        QFETCH(QList<int>, turns);
        QFETCH(int, effects);
        QStandardItemModel model;
        fillTasks(&model, smallTree());
        m_canvas->setModel(&model);
        QStandardItemModel events;
        appendEvent(&events, cancelOfA());  // history: not played
        m_canvas->setEvents(&events);
        m_canvas->setAnimationPhase(0.5);  // nothing expires meanwhile
        QCoreApplication::processEvents();
        QCOMPARE(m_canvas->activeEffects(), 0);
        for (const int rows : turns) {
            if (rows < 0) {  // as Session does after a step back: clear, then refill at once
                events.clear();
                for (int i = 0; i < 5; ++i)
                    appendEvent(&events, cancelOfA());
            }
            for (int i = 0; i < rows; ++i)
                appendEvent(&events, cancelOfA());
            QCoreApplication::processEvents();  // the end of this turn
        }
        QCOMPARE(m_canvas->activeEffects(), effects);
        m_canvas->setEvents(nullptr);
        m_canvas->setAnimationPhase(-1);
        m_canvas->setModel(m_session->tasks());
    }

    void aSessionFeedsTheAnimation()
    {
        // The real event log model: a step of the run that cancels animates.
        m_canvas->setEvents(m_session->events());
        m_canvas->setAnimationPhase(0.5);
        QVERIFY(m_session->open(QStringLiteral("swift-make-soup")));
        QCoreApplication::processEvents();
        QCOMPARE(m_canvas->activeEffects(), 0);  // opening is a refill
        while (pendingRows(m_session->tasks()) == 0 && !m_session->finished()) {
            m_session->stepEvent();
            QCoreApplication::processEvents();
        }
        QVERIFY(m_canvas->activeEffects() >= 1);
        m_session->stepBack();
        QCoreApplication::processEvents();
        QCOMPARE(m_canvas->activeEffects(), 0);  // a step back replays nothing
        m_canvas->setEvents(nullptr);
        m_canvas->setAnimationPhase(-1);
    }

    void rebuildsOnlyTheChunkThatChanged()
    {
        if (m_canvas->softwareRendering())
            QSKIP("the software fallback paints the view into one image; chunks are the geometry-node renderer's");
        QStandardItemModel model;
        QList<FakeTask> tasks{{QStringLiteral("main"), 0}};
        for (int i = 1; i < 3 * TreeCanvas::ChunkRows; ++i)
            tasks.append({QStringLiteral("main/t%1").arg(i)});
        fillTasks(&model, tasks);
        m_canvas->setModel(&model);
        m_canvas->setZoom(TreeCanvas::MinZoom);  // all three chunks in view
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

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestTreeCanvasRender)
#include "tst_treecanvas_render.moc"
