// The tree canvas tests' window: a Session and a TaskTreeCanvas in a real window, and the fake
// models and pixel counting the render and animation tests share.
#pragma once

#include "session.h"
#include "tasklistmodel.h"
#include "treecanvas.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardItemModel>
#include <QTest>

#include <memory>
#include <utility>

namespace cascade::test {

inline const char *const WindowQml = R"(
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

inline int pendingRows(const QAbstractItemModel *model)
{
    int pending = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        pending += model->index(row, 0).data(TaskListModel::PendingSinceRole).toLongLong() >= 0;
    return pending;
}

inline int countPixels(const QImage &image, QRgb color)
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
enum FakeRole { Name = Qt::UserRole + 1, Path, Depth, State, PendingSince, Shielded, Deadline, DeadlineMs, Spawned, WarningKind };

struct FakeTask {
    QString path;
    int depth = 1;
    QString state = QStringLiteral("suspended");
    bool shielded = false;
    qint64 deadline = -1;
    qint64 deadlineMs = -1;
    bool spawned = true;
    QString warningKind{};  // "swallowed-cancellation"...: a warning badge
};

inline void fillTasks(QStandardItemModel *model, const QList<FakeTask> &tasks, bool badgeRoles = true)
{
    QHash<int, QByteArray> roles{{Name, "name"}, {Path, "path"}, {Depth, "depth"}, {State, "state"}, {PendingSince, "pendingSince"}};
    if (badgeRoles)
        roles.insert({{Shielded, "shielded"}, {Deadline, "deadline"}, {DeadlineMs, "deadlineMs"}, {Spawned, "spawned"},
                      {WarningKind, "warningKind"}});
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
            item->setData(t.warningKind, WarningKind);
        }
        model->appendRow(item);
    }
}

//! main and `children` suspended tasks under it, main/t1 to main/tN: rows for the chunk and
//! overview tests.
inline void fillFlatTree(QStandardItemModel *model, int children)
{
    QList<FakeTask> tasks{{QStringLiteral("main"), 0}};
    for (int i = 1; i <= children; ++i)
        tasks.append({QStringLiteral("main/t%1").arg(i)});
    fillTasks(model, tasks);
}

//! main with three children: a, b (shielded) and c.
inline QList<FakeTask> smallTree()
{
    return {{QStringLiteral("main"), 0, QStringLiteral("suspended")},
            {QStringLiteral("main/a")},
            {QStringLiteral("main/b"), 1, QStringLiteral("suspended"), true},
            {QStringLiteral("main/c")}};
}

//! Trace events as the event log has them, by role name.
enum EventRole { Kind = Qt::UserRole + 1, Task, From, Cause, BlockedBy, Cancelled, Outcome, At, Cleanup };

inline void appendEvent(QStandardItemModel *events, const QVariantMap &event)
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

inline QVariantMap cancelOfA()
{
    return {{QStringLiteral("kind"), QStringLiteral("cancel-request")}, {QStringLiteral("task"), QStringLiteral("main/a")},
            {QStringLiteral("from"), QStringLiteral("main")}, {QStringLiteral("cause"), QStringLiteral("parent")}};
}

inline int countPixelsIn(const QImage &image, const QRect &area, QRgb color)
{
    return countPixels(image.copy(area.intersected(image.rect())), color);
}

//! The window the canvas tests draw in; a test class derives from it and calls createWindow()
//! from its initTestCase().
class CanvasTestWindow : public QObject
{
protected:
    QImage grab()
    {
        m_canvas->update();
        QImage image = m_window->grabWindow();
        return image.convertToFormat(QImage::Format_ARGB32);
    }
    //! A flat tree of 2,047 tasks in the overview (half a device pixel a row), from the top left.
    void showFlatTreeOverview(QStandardItemModel *model)
    {
        fillFlatTree(model, 8 * TreeCanvas::ChunkRows - 1);
        m_canvas->setModel(model);
        const qreal dpr = m_canvas->window()->effectiveDevicePixelRatio();
        m_canvas->setZoom(0.5 * TreeCanvas::OverviewRowPixels / TreeMetrics().rowHeight / dpr);
        m_canvas->setContentX(-TreeCanvas::Margin);
        m_canvas->setContentY(-TreeCanvas::Margin);
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

    void createWindow()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        m_engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&m_engine);
        component.setData(WindowQml, QUrl::fromLocalFile(QDir::current().filePath(QStringLiteral("canvastestwindow.qml"))));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        m_window.reset(qobject_cast<QQuickWindow *>(component.create()));
        QVERIFY(m_window);
        m_session = m_window->findChild<Session *>(QStringLiteral("session"));
        m_canvas = m_window->findChild<TreeCanvas *>();
        QVERIFY(m_session && m_canvas);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    Session *m_session = nullptr;
    TreeCanvas *m_canvas = nullptr;
};

} // namespace cascade::test
