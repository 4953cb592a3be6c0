// The timeline in a real window (offscreen: the software scene graph; on xcb under Xvfb: OpenGL):
// its lanes in the task list's order, spans in the tree's colours up to the playhead and nothing
// after it, marks and arrows, and how it drives the session: a drag scrubs, a click on a lane
// selects, Left / Right step while it has the focus. Set CASCADE_SCREENSHOT_DIR to keep the images.

#include "canvastestwindow.h"
#include "timelineview.h"

#include <QQmlExtensionPlugin>
#include <QSignalSpy>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using namespace cascade::test;

namespace {

const char *const TimelineWindowQml = R"(
import QtQuick
import Cascade
Window {
    width: 1280; height: 480; visible: true
    property int shortcutsFired: 0
    Session { id: session; objectName: "session" }
    // The window's own Left / Right, as Main.qml binds them: a focused timeline must win.
    Shortcut { sequences: ["Left", "Right", "Shift+Left", "Shift+Right"]; onActivated: shortcutsFired += 1 }
    Timeline { objectName: "timeline"; anchors.fill: parent; session: session; showKey: false; focus: true }
}
)";

//! Colours that only a span can have: every state's fill and accent.
QList<QRgb> spanColors(bool highContrast = false)
{
    QList<QRgb> colors;
    for (const char *state : {"running", "suspended", "cpu", "unwinding", "cleanup"}) {
        const TreeStateStyle style = treeStateStyle(QLatin1String(state), highContrast);
        colors << style.fill << style.accent;
    }
    return colors;
}

} // namespace

class TestTimelineRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        m_engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&m_engine);
        component.setData(TimelineWindowQml, QUrl::fromLocalFile(QDir::current().filePath(QStringLiteral("timelinewindow.qml"))));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        m_window.reset(qobject_cast<QQuickWindow *>(component.create()));
        QVERIFY(m_window);
        m_session = m_window->findChild<Session *>(QStringLiteral("session"));
        m_view = m_window->findChild<TimelineView *>(QStringLiteral("timelineView"));
        QVERIFY(m_session && m_view);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void lanesFollowTheTaskList()
    {
        QVERIFY(m_session->open(QStringLiteral("swift-make-soup")));
        const QAbstractItemModel *tasks = m_session->tasks();
        QTRY_COMPARE(m_view->laneCount(), tasks->rowCount());
        qreal previous = -1;
        for (int row = 0; row < tasks->rowCount(); ++row) {
            const QString path = tasks->index(row, 0).data(TaskListModel::PathRole).toString();
            const qreal center = m_view->laneCenter(path);
            QVERIFY2(center > previous, qPrintable(path));  // the tree's depth-first order, top to bottom
            QCOMPARE(m_view->taskAt(center), path);
            previous = center;
        }
        QVERIFY(m_view->fitted());
        QCOMPARE(m_view->viewStart(), 0.0);
        QVERIFY(m_view->xOfTime(double(m_session->endTime())) <= m_view->width());  // the whole run fits
    }

    void drawsSpansMarksAndThePlayheadButNothingAfterIt()
    {
        QVERIFY(m_session->open(QStringLiteral("swift-make-soup")));
        while (pendingRows(m_session->tasks()) < 4 && !m_session->finished())
            m_session->stepEvent();
        QVERIFY(pendingRows(m_session->tasks()) >= 4);  // mid-cancellation: requests not delivered yet
        const QImage image = grab();
        save(image, QStringLiteral("timeline-mid-cancellation"));
        const int playhead = int(std::round(m_view->xOfTime(double(m_session->now()))));
        QVERIFY(playhead > int(m_view->labelWidth()) && playhead < image.width() - 40);
        const QRect lanes(int(m_view->labelWidth()), int(m_view->axisHeight()), image.width() - int(m_view->labelWidth()),
                          image.height() - int(m_view->axisHeight()));
        const QRect before(lanes.left(), lanes.top(), playhead - 2 - lanes.left(), lanes.height());
        const QRect after(playhead + 3, lanes.top(), lanes.right() - playhead - 3, lanes.height());
        // Marks at the playhead reach a few pixels past it; beyond them, nothing.
        const QRect upToNow(lanes.left(), lanes.top(), playhead + 8 - lanes.left(), lanes.height());
        const QRect wellAfter(playhead + 10, lanes.top(), lanes.right() - playhead - 10, lanes.height());

        // The playhead: a line of the selection colour from top to bottom.
        QVERIFY(countPixelsIn(image, QRect(playhead - 1, 0, 3, image.height()), treePalette().selection) > image.height() * 3 / 2);
        // Spans up to it, in the tree's colours...
        int spans = 0;
        for (const QRgb color : spanColors())
            spans += countPixelsIn(image, before, color);
        QVERIFY2(spans > 2000, qPrintable(QString::number(spans)));
        QVERIFY(countPixelsIn(image, before, treeStateStyle(QStringLiteral("suspended")).accent) > 100);
        // ...and not one pixel of a span after it: the run is known, but not told in advance.
        for (const QRgb color : spanColors())
            QCOMPARE(countPixelsIn(image, after, color), 0);
        // Marks: the cancel requests' triangles; arrows: the request travelling from makeSoup to its children.
        QVERIFY(countPixelsIn(image, upToNow, treePalette().pendingRing) > 30);
        QVERIFY(countPixelsIn(image, upToNow, treePalette().cancelPulse) > 10);
        QCOMPARE(countPixelsIn(image, wellAfter, treePalette().pendingRing), 0);
        QCOMPARE(countPixelsIn(image, wellAfter, treePalette().cancelPulse), 0);
    }

    void drawsTheShieldStoppingARequest()
    {
        // A shield on makeSoup's task, then a cancel of the root: the request stops at the shield.
        QVERIFY(m_session->open(QStringLiteral("kotlin-cancel-join")));
        m_session->stepEvent();
        m_session->seekToTime(100);
        m_session->toggleShield(QStringLiteral("main/job"));
        m_session->seekToTime(200);
        m_session->cancelTask(QStringLiteral("main"));
        while (!m_session->finished())
            m_session->stepEvent();
        bool blocked = false;
        for (const TraceEvent &event : m_session->trace())
            blocked |= event.kind == EventKind::CancelBlocked;
        QVERIFY(blocked);
        const QImage image = grab();
        save(image, QStringLiteral("timeline-shield"));
        QVERIFY(countPixels(image, treePalette().blocked) > 20);  // the wall on the shielded lane
    }

    void highContrastUsesItsPalette()
    {
        m_view->setHighContrast(true);
        const QImage image = grab();
        m_view->setHighContrast(false);
        save(image, QStringLiteral("timeline-high-contrast"));
        QVERIFY(countPixels(image, treePalette(true).background) > image.width() * image.height() / 4);
        QCOMPARE(countPixels(image, treePalette(false).background), 0);
    }

    void dragScrubsTheSession()
    {
        QVERIFY(m_session->open(QStringLiteral("swift-make-soup")));
        m_view->fit();
        const qreal y = m_view->laneCenter(QStringLiteral("main"));
        const QPoint start = m_view->mapToScene(QPointF(m_view->xOfTime(100), y)).toPoint();
        const QPoint end = m_view->mapToScene(QPointF(m_view->xOfTime(1500), y)).toPoint();
        QSignalSpy selected(m_session, &Session::selectedPathChanged);
        QTest::mousePress(m_window.get(), Qt::LeftButton, {}, start);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(m_window.get(), start + (end - start) * step / 10);
        QVERIFY(m_view->scrubbing());
        QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, end);
        QVERIFY(!m_view->scrubbing());
        const qint64 expected = qint64(std::llround(m_view->timeAt(m_view->mapFromScene(end).x())));
        QCOMPARE(m_session->now(), expected);
        QVERIFY(std::abs(expected - 1500) <= 2);
        QCOMPARE(m_session->shownEvents(), m_session->index()->eventsUntil(expected));  // the tree, log and console follow
        QCOMPARE(selected.count(), 0);  // a drag is not a click

        // Back to an earlier instant: a drag to the left goes back in time.
        const QPoint earlier = m_view->mapToScene(QPointF(m_view->xOfTime(300), y)).toPoint();
        QTest::mousePress(m_window.get(), Qt::LeftButton, {}, end);
        for (int step = 1; step <= 5; ++step)
            QTest::mouseMove(m_window.get(), end + (earlier - end) * step / 5);
        QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, earlier);
        QVERIFY(std::abs(m_session->now() - 300) <= 2);
        QCOMPARE(m_session->shownEvents(), m_session->index()->eventsUntil(m_session->now()));
    }

    void aPressOnTheAxisMovesThePlayhead()
    {
        const QPoint at = m_view->mapToScene(QPointF(m_view->xOfTime(900), m_view->axisHeight() / 2)).toPoint();
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, at);
        QVERIFY(std::abs(m_session->now() - 900) <= 2);
    }

    void aClickOnALaneSelectsItsTask()
    {
        const QString boil = QStringLiteral("main/makeSoup/boil");
        const QPoint at = m_view->mapToScene(QPointF(m_view->width() / 2, m_view->laneCenter(boil))).toPoint();
        const qint64 now = m_session->now();
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, at);
        QCOMPARE(m_session->selectedPath(), boil);
        QCOMPARE(m_session->now(), now);  // a click selects; it does not move the playhead
        // The label column too.
        const QPoint label = m_view->mapToScene(QPointF(20, m_view->laneCenter(QStringLiteral("main")))).toPoint();
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, label);
        QCOMPARE(m_session->selectedPath(), QStringLiteral("main"));
    }

    void keysStepEventsWhileFocused_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<int>("delta");
        QTest::addRow("right: one event on") << int(Qt::Key_Right) << int(Qt::NoModifier) << 1;
        QTest::addRow("shift+right: ten on") << int(Qt::Key_Right) << int(Qt::ShiftModifier) << 10;
        QTest::addRow("left: one back") << int(Qt::Key_Left) << int(Qt::NoModifier) << -1;
        QTest::addRow("shift+left: ten back") << int(Qt::Key_Left) << int(Qt::ShiftModifier) << -10;
    }
    void keysStepEventsWhileFocused()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(int, delta);
        m_session->seekToEvent(20);  // 21 events shown: room both ways
        const qint64 before = m_session->shownEvents();
        m_view->forceActiveFocus();
        QVERIFY(m_view->hasActiveFocus());
        const int fired = m_window->property("shortcutsFired").toInt();
        QTest::keyClick(m_window.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QCOMPARE(m_session->shownEvents(), before + delta);
        QCOMPARE(m_window->property("shortcutsFired").toInt(), fired);  // the window's shortcut did not fire
    }

    void ctrlWheelZoomsAroundThePointerAndFitShowsAll()
    {
        m_view->fit();
        const qreal msPerPixel = m_view->msPerPixel();
        const QPointF local(m_view->xOfTime(1000), m_view->laneCenter(QStringLiteral("main")));
        const QPoint at = m_view->mapToScene(local).toPoint();
        QWheelEvent wheel(at, m_window->mapToGlobal(at), QPoint(), QPoint(0, 480), Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QGuiApplication::sendEvent(m_window.get(), &wheel);
        QVERIFY(m_view->msPerPixel() < msPerPixel / 1.5);
        QVERIFY(!m_view->fitted());
        QVERIFY(std::abs(m_view->timeAt(m_view->mapFromScene(at).x()) - 1000) < 2);  // the instant stays under the pointer
        const QImage zoomed = grab();
        save(zoomed, QStringLiteral("timeline-zoomed"));

        // Shift+wheel pans the time axis.
        const qreal start = m_view->viewStart();
        QWheelEvent pan(at, m_window->mapToGlobal(at), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::ShiftModifier,
                        Qt::NoScrollPhase, false);
        QGuiApplication::sendEvent(m_window.get(), &pan);
        QVERIFY(m_view->viewStart() > start);

        m_view->fit();
        QVERIFY(m_view->fitted());
        QCOMPARE(m_view->viewStart(), 0.0);
        QCOMPARE(m_view->msPerPixel(), msPerPixel);
    }

    void everyLaneIsPaintedUpToThePlayhead()
    {
        QVERIFY(m_session->open(QStringLiteral("kotlin-cancel-join")));
        m_session->seekToTime(m_session->endTime());
        m_view->fit();
        const QImage image = grab();
        save(image, QStringLiteral("timeline-finished"));
        const int left = int(m_view->xOfTime(0)) + 2;
        const int right = int(m_view->xOfTime(double(m_session->endTime()))) - 4;
        for (const QString &path : {QStringLiteral("main"), QStringLiteral("main/job")}) {
            // Low in the lane, under the state's word: the bar's lower edge, in its state's accent.
            const int y = int(m_view->laneCenter(path) + m_view->laneHeight() * 0.3);
            QList<QRgb> states = spanColors();
            states << treeStateStyle(QStringLiteral("not-started")).accent << treeStateStyle(QStringLiteral("not-started")).fill;
            int painted = 0;
            for (int x = left; x < right; ++x)
                painted += states.contains(image.pixel(x, y) | 0xff000000) ? 1 : 0;
            QVERIFY2(painted >= (right - left) * 95 / 100, qPrintable(QStringLiteral("%1: %2 of %3").arg(path).arg(painted).arg(right - left)));
        }
    }

private:
    QImage grab()
    {
        m_view->update();
        return m_window->grabWindow().convertToFormat(QImage::Format_ARGB32);
    }
    void save(const QImage &image, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CASCADE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            image.save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, QGuiApplication::platformName())));
    }

    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    Session *m_session = nullptr;
    TimelineView *m_view = nullptr;
};

QTEST_MAIN(TestTimelineRender)
#include "tst_timeline_render.moc"
