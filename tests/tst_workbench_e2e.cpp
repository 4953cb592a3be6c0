// End to end: the real window, a lesson, a real mouse click on a task, and the trace.

#include "eventlogmodel.h"
#include "session.h"
#include "treecanvas.h"

#include <QQmlApplicationEngine>
#include <QSettings>
#include <QStandardPaths>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;

class TestWorkbenchEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The window keeps settings (its size, the language): in a test profile, empty at the start.
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CascadeTests"));
        QSettings().clear();
    }
    void clickingARunningTaskCancelsIt();
};

void TestWorkbenchEndToEnd::clickingARunningTaskCancelsIt()
{
    QQmlApplicationEngine engine;
    engine.rootContext()->setContextProperty(QStringLiteral("initialScenario"), QStringLiteral("kotlin-cancel-join"));
    engine.load(QUrl(QStringLiteral("qrc:/Cascade/Main.qml")));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().front());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *session = window->findChild<Session *>(QStringLiteral("session"));
    QVERIFY(session);
    QQuickItem *tree = window->findChild<QQuickItem *>(QStringLiteral("tree"));
    QVERIFY(tree);
    auto *canvas = qvariant_cast<TreeCanvas *>(tree->property("canvas"));
    QVERIFY(canvas);
    QCOMPARE(session->scenarioId(), QStringLiteral("kotlin-cancel-join"));

    // Start the lesson and let it run until the job is sleeping in its loop.
    QSignalSpy progressed(session, &Session::progressed);
    QVERIFY(progressed.isValid());
    session->setSpeed(10.0);
    session->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(session->now() >= 600, 20000);
    session->setPlaying(false);
    QVERIFY(!session->finished());

    // A real left click in the middle of main/job's box.
    const QString job = QStringLiteral("main/job");
    QTRY_VERIFY(!canvas->taskRect(job).isEmpty());
    const QPointF inCanvas = canvas->taskRect(job).center();
    const QPoint inWindow = canvas->mapToScene(inCanvas).toPoint();
    QCOMPARE(canvas->taskAt(inCanvas.x(), inCanvas.y()), job);
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, inWindow);

    // The trace now holds the user's cancel request for that task, and it is delivered.
    const EventLogModel *log = session->events();
    auto findRow = [&](const QString &kind, const QString &detailPart) {
        for (int row = 0; row < log->rowCount(); ++row) {
            const QModelIndex index = log->index(row);
            if (index.data(EventLogModel::TaskRole).toString() == job
                && index.data(EventLogModel::KindRole).toString() == kind
                && index.data(EventLogModel::DetailRole).toString().contains(detailPart))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(findRow(QStringLiteral("cancel-request"), QStringLiteral("\"cause\":\"user\"")) >= 0);
    QCOMPARE(session->selectedPath(), job);
    // Paused, the click shows its request; playing on shows what it sets off: the delivery in the
    // job's sleep.
    QCOMPARE(findRow(QStringLiteral("cancel-deliver"), QStringLiteral("\"at\":\"sleep\"")), -1);
    session->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(QStringLiteral("cancel-deliver"), QStringLiteral("\"at\":\"sleep\"")) >= 0, 20000);

    // Close the window while the engine still runs, so the scene graph frees its nodes.
    window->close();
    delete window;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QTEST_MAIN(TestWorkbenchEndToEnd)
#include "tst_workbench_e2e.moc"
