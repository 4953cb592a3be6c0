// The window after a crash: an autosave left by a killed app is offered when the window opens,
// and Restore brings back the document (with its unsaved edit) and the run at its recorded point.
// Also the recording menu's path: Open Recording shows the recording's scenario as an untitled
// copy, and the timeline is under the tree.

#include "autosave.h"
#include "scenariodocument.h"
#include "session.h"
#include "timelineview.h"

#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using namespace Qt::StringLiterals;

namespace {

QQuickWindow *openWindow(QQmlApplicationEngine &engine, const QString &autosaveDirectory)
{
    engine.rootContext()->setContextProperty(u"initialScenario"_s, u"swift-make-soup"_s);
    engine.rootContext()->setContextProperty(u"autosaveDirectory"_s, autosaveDirectory);
    engine.load(QUrl(u"qrc:/Cascade/Main.qml"_s));
    if (engine.rootObjects().size() != 1)
        return nullptr;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().front());
    return window && QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

} // namespace

class TestAutosaveWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CascadeTests"_s);
        QSettings().clear();
    }

    void aLeftoverAutosaveIsOfferedAndRestored()
    {
        QTemporaryDir dir;
        // An app that autosaved and was killed: kotlin-cancel-join with a new task, 6 events in.
        std::fflush(stdout);
        const pid_t child = ::fork();
        if (child == 0) {
            Session session;
            ScenarioDocument document;
            document.setSession(&session);
            Autosave autosave;
            autosave.setDocument(&document);
            autosave.setSession(&session);
            autosave.setDirectory(dir.path());
            document.openLesson(u"kotlin-cancel-join"_s);
            document.addChild(u"main"_s, true);
            for (int i = 0; i < 6; ++i)
                session.stepEvent();
            autosave.start();
            autosave.saveNow();
            ::kill(::getpid(), SIGKILL);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QString error;
        const std::optional<Autosave::Contents> saved = Autosave::load(dir.path(), &error);
        QVERIFY2(saved, qPrintable(error));

        QQmlApplicationEngine engine;
        QQuickWindow *window = openWindow(engine, dir.path());
        QVERIFY(window);
        auto *document = window->findChild<ScenarioDocument *>(u"document"_s);
        auto *session = window->findChild<Session *>(u"session"_s);
        QObject *dialog = window->findChild<QObject *>(u"restoreDialog"_s);
        QVERIFY(document && session && dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(session->scenarioId(), u"swift-make-soup"_s);  // nothing restored before the answer

        auto *footer = qvariant_cast<QObject *>(dialog->property("footer"));
        QVERIFY(footer);
        QObject *restore = footer->findChild<QObject *>(u"restoreButton"_s);
        QVERIFY(restore);
        QVERIFY(QMetaObject::invokeMethod(restore, "clicked"));
        QTRY_VERIFY(!dialog->property("visible").toBool());

        QCOMPARE(session->scenarioId(), u"kotlin-cancel-join"_s);
        QCOMPARE(session->shownEvents(), saved->shownEvents);  // the 6 steps after what t = 0 shows
        QCOMPARE(session->now(), saved->now);
        QVERIFY(document->modified());
        QCOMPARE(window->title(), u"kotlin-cancel-join (copy)* — Cascade"_s);
        QCOMPARE(document->outline().size(), 3);  // main, job and the added task

        // The timeline under the tree (View > Timeline: the offscreen screen is too low for it to be
        // on by default) shows the restored run.
        QVERIFY(QMetaObject::invokeMethod(window, "setTimelineShown", Q_ARG(QVariant, true)));
        QObject *panel = window->findChild<QObject *>(u"timeline"_s);
        QVERIFY(panel);
        auto *timeline = panel->findChild<TimelineView *>(u"timelineView"_s);
        QVERIFY(timeline);
        QVERIFY(timeline->isVisible());
        QTRY_COMPARE(timeline->laneCount(), session->tasks()->rowCount());
    }

    void openRecordingShowsItsScenarioAsACopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"job.recording.jsonl"_s);
        {
            Session recorder;
            QVERIFY(recorder.open(u"kotlin-cancel-join"_s));
            recorder.seekToTime(700);
            recorder.cancelTask(u"main/job"_s);
            while (!recorder.finished())
                recorder.stepEvent();
            QVERIFY(recorder.saveRecording(path));
        }
        QQmlApplicationEngine engine;
        QQuickWindow *window = openWindow(engine, QString());
        QVERIFY(window);
        auto *document = window->findChild<ScenarioDocument *>(u"document"_s);
        auto *session = window->findChild<Session *>(u"session"_s);
        QVERIFY(document && session);
        QVERIFY(document->openRecording(QUrl::fromLocalFile(path).toString()));
        QCOMPARE(session->scenarioId(), u"kotlin-cancel-join"_s);
        QCOMPARE(session->actions().size(), std::size_t(1));  // the recording's cancel is kept: no restart
        QVERIFY(!session->readOnly());
        QCOMPARE(window->title(), u"job.recording.jsonl (copy) — Cascade"_s);
        QObject *status = window->findChild<QObject *>(u"statusLine"_s);
        QVERIFY(status);
        QVERIFY2(status->property("text").toString().contains(u"replayed"_s), qPrintable(status->property("text").toString()));

        // A truncated recording: a clear message, and the window keeps what it showed.
        QFile cut(dir.filePath(u"cut.recording.jsonl"_s));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        QFile whole(path);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        cut.write(whole.readAll().chopped(40));
        cut.close();
        QVERIFY(!document->openRecording(cut.fileName()));
        QVERIFY2(document->error().contains(u"cut.recording.jsonl"_s), qPrintable(document->error()));
        QCOMPARE(session->scenarioId(), u"kotlin-cancel-join"_s);
        QTRY_VERIFY(status->property("text").toString().contains(u"cut.recording.jsonl"_s));

        // Edits work on the copy (and make the run again from 0).
        QVERIFY(!document->addChild(u"main"_s, true).isEmpty());
        QVERIFY(document->modified());
        QCOMPARE(session->actions().size(), std::size_t(0));
    }
};

QTEST_MAIN(TestAutosaveWindow)
#include "tst_autosave_window.moc"
