// The compare window from the workbench: View > Compare runtimes opens it on the window's lesson,
// both runs play on one clock, and a real mouse click on a task in one tree cancels it in both
// runs at the same virtual time, with cause "user".

#include "runcomparison.h"
#include "session.h"
#include "treecanvas.h"

#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;

namespace {

//! The virtual time of the user's cancel request for `path`, -1 when the run has none.
qint64 userCancelAt(const Session &session, const QString &path)
{
    for (const TraceEvent &event : session.trace()) {
        if (event.kind == EventKind::CancelRequest && event.code == quint8(CancelCause::User) && event.task >= 0
            && session.paths()(event.task) == path)
            return event.t;
    }
    return -1;
}

//! An item by objectName in the visual tree (a Repeater's items are not QObject children of the window).
QQuickItem *findItem(QQuickItem *under, const QString &name)
{
    if (under->objectName() == name)
        return under;
    for (QQuickItem *child : under->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

} // namespace

class TestCompareWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CascadeTests"));
        QSettings().clear();
    }
    void aClickInOneTreeCancelsInBothRuns_data();
    void aClickInOneTreeCancelsInBothRuns();
};

void TestCompareWindow::aClickInOneTreeCancelsInBothRuns_data()
{
    QTest::addColumn<int>("side");  // the tree clicked: 0 left, 1 right
    QTest::addRow("left tree") << 0;
    QTest::addRow("right tree") << 1;
}

void TestCompareWindow::aClickInOneTreeCancelsInBothRuns()
{
    QFETCH(int, side);
    QQmlApplicationEngine engine;
    engine.rootContext()->setContextProperty(QStringLiteral("initialScenario"), QStringLiteral("contrast-cpu-blocks"));
    engine.load(QUrl(QStringLiteral("qrc:/Cascade/Main.qml")));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().front());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *session = window->findChild<Session *>(QStringLiteral("session"));
    QVERIFY(session);
    session->setRuntime(QStringLiteral("kotlin"));

    // View > Compare runtimes (the menu item calls this).
    QVERIFY(QMetaObject::invokeMethod(window, "openComparison"));
    auto *loader = window->findChild<QObject *>(QStringLiteral("comparisonLoader"));
    QVERIFY(loader);
    QTRY_VERIFY(qvariant_cast<QObject *>(loader->property("item")));
    auto *compareWindow = qobject_cast<QQuickWindow *>(qvariant_cast<QObject *>(loader->property("item")));
    QVERIFY(compareWindow);
    QVERIFY(QTest::qWaitForWindowExposed(compareWindow));
    auto *comparison = compareWindow->findChild<RunComparison *>(QStringLiteral("comparison"));
    QVERIFY(comparison);
    QCOMPARE(comparison->leftRuntime(), QStringLiteral("kotlin"));
    QCOMPARE(comparison->rightRuntime(), QStringLiteral("swift"));
    comparison->setRightRuntime(QStringLiteral("asyncio"));
    QCOMPARE(comparison->refusal(), QString());

    // Play both on the one clock a little, then to 1000 ms (main cancels the job itself at 1300).
    comparison->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(comparison->now() >= 100, 20000);
    comparison->setPlaying(false);
    QCOMPARE(comparison->left()->now(), comparison->now());
    QCOMPARE(comparison->right()->now(), comparison->now());
    comparison->seekToTime(1000);
    QVERIFY(!comparison->finished());
    const qint64 clicked = comparison->now();
    QCOMPARE(clicked, qint64(1000));

    // A real left click on main/job in the chosen tree.
    QQuickItem *tree = findItem(compareWindow->contentItem(), QStringLiteral("compareTree%1").arg(side));
    QVERIFY(tree);
    auto *canvas = qvariant_cast<TreeCanvas *>(tree->property("canvas"));
    QVERIFY(canvas);
    const QString job = QStringLiteral("main/job");
    QTRY_VERIFY(!canvas->taskRect(job).isEmpty());
    const QPointF inCanvas = canvas->taskRect(job).center();
    QCOMPARE(canvas->taskAt(inCanvas.x(), inCanvas.y()), job);
    QTest::mouseClick(compareWindow, Qt::LeftButton, Qt::NoModifier, canvas->mapToScene(inCanvas).toPoint());

    // Both runs got the user's cancel at the click's virtual time: Kotlin takes it then, asyncio
    // only when the CPU work gives the loop back (3000 ms); both trees show the selection.
    QTRY_COMPARE(userCancelAt(*comparison->left(), job), clicked);
    QCOMPARE(userCancelAt(*comparison->right(), job), qint64(3000));
    QCOMPARE(comparison->left()->now(), clicked);
    QCOMPARE(comparison->right()->now(), clicked);
    QCOMPARE(comparison->selectedPath(), job);
    QVERIFY(comparison->divergences()->rowCount() > 0);
    // The workbench's own run is not touched.
    QCOMPARE(userCancelAt(*session, job), qint64(-1));

    compareWindow->close();
    QTRY_VERIFY(!qvariant_cast<QObject *>(loader->property("item")));
    window->close();
    delete window;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QTEST_MAIN(TestCompareWindow)
#include "tst_compare_window.moc"
