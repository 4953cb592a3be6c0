// The window around the document: its title, and the prompt before unsaved edits are lost.

#include "scenariodocument.h"
#include "session.h"
#include "steplistmodel.h"

#include <QQmlApplicationEngine>
#include <QSettings>
#include "localization.h"
#include <QStandardPaths>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using namespace Qt::StringLiterals;

namespace {

//! Main.qml on a lesson, shown: the window as a user gets it.
QQuickWindow *openWindow(QQmlApplicationEngine &engine)
{
    engine.rootContext()->setContextProperty(u"initialScenario"_s, u"kotlin-cancel-join"_s);
    engine.load(QUrl(u"qrc:/Cascade/Main.qml"_s));
    if (engine.rootObjects().size() != 1)
        return nullptr;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().front());
    return window && QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

} // namespace

class TestEditingWindow : public QObject
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
        QQuickWindow *window = openWindow(engine);
        QVERIFY(window);
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

    // The inspector's Steps tab shows the selected task's steps from the window's document, and
    // an edit there is an undoable edit of that document.
    // The language switches while the window is open: the window's words, the lesson's
    // explanation and the trace's sentences follow, and the choice is kept.
    void theLanguageSwitchesWhileRunning()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = openWindow(engine);
        QVERIFY(window);
        auto *localization = engine.singletonInstance<Localization *>(qmlTypeId("Cascade", 1, 0, "Localization"));
        QVERIFY(localization);
        QObject *explanation = window->findChild<QObject *>(u"explanation"_s);
        QVERIFY(explanation);
        auto *session = window->findChild<Session *>(u"session"_s);
        QVERIFY(session);

        localization->setChoice(u"en"_s);
        QCOMPARE(localization->language(), u"en"_s);
        QCOMPARE(window->title(), u"kotlin-cancel-join (copy) — Cascade"_s);
        QCOMPARE(explanation->property("text").toString(), session->explanation());

        localization->setChoice(u"ko"_s);
        QCOMPARE(localization->language(), u"ko"_s);
        QCOMPARE(window->title(), u"kotlin-cancel-join (사본) — Cascade"_s);
        QCOMPARE(explanation->property("text").toString(), session->explanationKo());
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), u"ko"_s);
        session->stepEvent();
        const QModelIndex last = session->events()->index(session->events()->rowCount() - 1);
        QVERIFY(!last.data(EventLogModel::DescriptionRole).toString().isEmpty());

        localization->setChoice(u"en"_s);
        QCOMPARE(window->title(), u"kotlin-cancel-join (copy) — Cascade"_s);
    }

    void theStepsTabEditsTheWindowsDocument()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = openWindow(engine);
        QVERIFY(window);
        auto *document = window->findChild<ScenarioDocument *>(u"document"_s);
        auto *session = window->findChild<Session *>(u"session"_s);
        QObject *editor = window->findChild<QObject *>(u"stepEditor"_s);
        QVERIFY(document && session && editor);
        session->setSelectedPath(u"main/job"_s);
        QTRY_VERIFY(editor->property("ready").toBool());
        auto *steps = editor->findChild<StepListModel *>();
        QVERIFY(steps);
        const QJsonArray expected = document->steps(u"main/job"_s);
        QVERIFY(!expected.isEmpty());
        QTRY_COMPARE(steps->toJson(), expected);

        // One step less, through the editor's model: the document takes it, and Undo restores it.
        QVERIFY(steps->removeStep(steps->index(0, 0)));
        QTRY_COMPARE(document->steps(u"main/job"_s).size(), expected.size() - 1);
        QVERIFY(document->modified());
        document->undo();
        QCOMPARE(document->steps(u"main/job"_s), expected);
        QTRY_COMPARE(steps->toJson(), expected);  // the window reloads the editor after an undo
    }
};

QTEST_MAIN(TestEditingWindow)

#include "tst_editing_window.moc"
