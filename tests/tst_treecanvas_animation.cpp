// The tree canvas's animation layer in a real window: each trace event's effect on screen (both
// renderers) and in renderImage(), a pulse half way, and which appended events play at all.
// Set CASCADE_SCREENSHOT_DIR to keep the grabbed images.

#include "canvastestwindow.h"

#include <QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using namespace cascade::test;

class TestTreeCanvasAnimation : public CanvasTestWindow
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { createWindow(); }

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

    // An effect that starts while nothing else on the canvas changes still shows: the renderer
    // leaves a layer that had no vertices out of its batches, and a geometry change alone does not
    // bring it back (found once the canvas stopped re-uploading its background every frame).
    void effectsShowOnAnUnchangedTree_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("minimumPixels");
        QTest::addRow("boxes and labels") << 1.0 << 40;
        QTest::addRow("overview, half a pixel a row") << 0.5 * TreeCanvas::OverviewRowPixels / TreeMetrics().rowHeight << 4;
    }
    void effectsShowOnAnUnchangedTree()
    {
        QFETCH(double, zoom);
        QFETCH(int, minimumPixels);
        QStandardItemModel model;
        fillTasks(&model, smallTree());
        m_canvas->setModel(&model);
        m_canvas->setZoom(zoom);
        m_canvas->setContentX(-TreeCanvas::Margin);
        m_canvas->setContentY(-TreeCanvas::Margin);
        m_canvas->setAnimationPhase(1);
        const QRgb pulse = treePalette().cancelPulse;
        grab();
        QCOMPARE(countPixels(grab(), pulse), 0);  // two frames with nothing to animate

        QVERIFY(m_canvas->animateEvent(cancelOfA()));
        const QImage screen = grab();
        save(screen, QStringLiteral("treecanvas-effect-on-unchanged-%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        QVERIFY2(countPixels(screen, pulse) >= minimumPixels, qPrintable(QString::number(countPixels(screen, pulse))));
        m_canvas->setAnimationPhase(-1);
        QTRY_COMPARE_WITH_TIMEOUT(m_canvas->activeEffects(), 0, 5000);
        m_canvas->setModel(m_session->tasks());
    }

    // Zoomed out to the overview, the effects are painted into the overview image over the tree's
    // pixels (no layer for the renderer to batch again every frame): a moving pulse hands the
    // texture only the rows it changed, and when it ends the tree's own pixels come back. The one
    // textured node draws the canvas's background as well.
    void overviewLaysEffectsOverTheTreeAndTakesThemAway()
    {
        if (m_canvas->softwareRendering())
            QSKIP("the software fallback paints effects into its one image at every zoom");
        QStandardItemModel model;
        showFlatTreeOverview(&model);
        const qreal dpr = m_canvas->window()->effectiveDevicePixelRatio();
        m_canvas->setAnimationPhase(0.3);
        grab();
        const int allRows = m_canvas->overviewRowsUploaded();
        const QImage plain = grab();
        const QRgb pulse = treePalette().cancelPulse;
        QCOMPARE(countPixels(plain, pulse), 0);
        // Beyond the image, the overview's node draws the background too (its edge pixels, clamped).
        const QRect beside = QRectF(200 * dpr, 80 * dpr, (m_canvas->width() - 260) * dpr, (m_canvas->height() - 120) * dpr).toRect();
        QCOMPARE(countPixelsIn(plain, beside, treePalette().background), beside.width() * beside.height());

        QVariantMap cancel = cancelOfA();
        cancel.insert(QStringLiteral("task"), QStringLiteral("main/t600"));
        QVERIFY(m_canvas->animateEvent(cancel));
        const QImage early = grab();
        save(early, QStringLiteral("treecanvas-overview-effect"));
        QVERIFY2(countPixels(early, pulse) >= 20, qPrintable(QString::number(countPixels(early, pulse))));
        const int earlyRows = m_canvas->overviewRowsUploaded();
        QVERIFY2(earlyRows > 0 && earlyRows < allRows / 2, qPrintable(QStringLiteral("%1 of %2").arg(earlyRows).arg(allRows)));

        m_canvas->setAnimationPhase(0.5);  // the head further down the trunk
        const QImage later = grab();
        QVERIFY(later != early);
        const int laterRows = m_canvas->overviewRowsUploaded();
        QVERIFY2(laterRows > 0 && laterRows < allRows / 2, qPrintable(QStringLiteral("%1 of %2").arg(laterRows).arg(allRows)));

        m_canvas->setAnimationPhase(-1);
        QTRY_COMPARE_WITH_TIMEOUT(m_canvas->activeEffects(), 0, 5000);
        QCOMPARE(grab(), plain);
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
        QTest::addRow("a burst in one tick: the start of the wave") << QList<int>{TreeCanvas::BurstRows + 1} << TreeEffects::MaxConcurrent;
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

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestTreeCanvasAnimation)
#include "tst_treecanvas_animation.moc"
