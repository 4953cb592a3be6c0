// The window around the document: its title, and the prompt before unsaved edits are lost.

#include "scenariodocument.h"

#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using namespace Qt::StringLiterals;

class TestEditingWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The window asks before unsaved edits could be lost: here, by closing it.
    void theWindowAsksBeforeClosingWithUnsavedEdits_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("closed");
        QTest::addRow("discard") << u"discard"_s << true;
        QTest::addRow("cancel") << u"cancel"_s << false;
    }
    void theWindowAsksBeforeClosingWithUnsavedEdits()
    {
        QFETCH(QString, answer);
        QFETCH(bool, closed);
        QQmlApplicationEngine engine;
        engine.rootContext()->setContextProperty(u"initialScenario"_s, u"kotlin-cancel-join"_s);
        engine.load(QUrl(u"qrc:/Cascade/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().front());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *document = window->findChild<ScenarioDocument *>(u"document"_s);
        QVERIFY(document);
        QCOMPARE(window->title(), u"kotlin-cancel-join (copy) — Cascade"_s);

        QVERIFY(!document->addChild(u"main/job"_s, false).isEmpty());
        QCOMPARE(window->title(), u"kotlin-cancel-join (copy)* — Cascade"_s);
        window->close();
        QVERIFY(window->isVisible());
        QObject *dialog = window->findChild<QObject *>(u"unsavedDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());

        auto *footer = qvariant_cast<QObject *>(dialog->property("footer"));
        QVERIFY(footer);
        QObject *button = footer->findChild<QObject *>(answer + u"Button"_s);
        QVERIFY(button);
        QVERIFY(QMetaObject::invokeMethod(button, "clicked"));
        QTRY_COMPARE(window->isVisible(), !closed);
        QVERIFY(document->modified());  // discarding closes the window; it does not undo
    }
};

QTEST_MAIN(TestEditingWindow)

#include "tst_editing_window.moc"
