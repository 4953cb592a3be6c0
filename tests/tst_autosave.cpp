// Autosave: what it writes reads back, a clean quit leaves nothing to offer, a killed app's work is
// offered and restored (the scenario, and the run at its recorded point), and killing the app at
// any moment of an autosave never leaves an unreadable file: a child process autosaves in a loop
// and is killed with SIGKILL at many moments; the autosave must then load.

#include "autosave.h"
#include "recording.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "seededrng.h"
#include "session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <thread>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cascade;

namespace {

//! A scenario of `jobs` tasks that sleep: a recording of a few thousand events, written in a few
//! milliseconds, so that kills land in the middle of writes.
QByteArray manyJobs(int jobs)
{
    return QStringLiteral(R"({"cascade": "scenario", "version": 1, "id": "autosave-jobs",
      "title": {"en": "Jobs", "ko": "작업들"}, "runtimes": ["kotlin"],
      "root": {"name": "main", "steps": [
        {"do": "group", "kind": "strict", "tasks": [{"name": "job", "count": %1, "steps": [
          {"do": "repeat", "count": 3, "steps": [{"do": "print", "text": "job {i}"}, {"do": "sleep", "ms": 100}]}]}],
         "steps": [{"do": "sleep", "ms": 150}, {"do": "cancelChildren"}]}]}})").arg(jobs).toUtf8();
}

//! The app's three objects, wired as Main.qml wires them.
struct App {
    Session session;
    ScenarioDocument document;
    Autosave autosave;
    explicit App(const QString &directory)
    {
        document.setSession(&session);
        autosave.setDocument(&document);
        autosave.setSession(&session);
        autosave.setDirectory(directory);
    }
};

//! A recording of kotlin-cancel-join's whole run with main/job cancelled at 700 ms, at `path`.
bool writeLessonRecording(const QString &path)
{
    Session recorder;
    if (!recorder.open(QStringLiteral("kotlin-cancel-join")))
        return false;
    recorder.seekToTime(700);
    recorder.cancelTask(QStringLiteral("main/job"));
    const std::optional<Recording> recording = recorder.recording(Session::RecordingExtent::WholeRun);
    QString error;
    if (!recording || !saveRecordingFile(*recording, path, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

//! Runs `work` in a child process; returns its pid.
pid_t spawnChild(const std::function<void()> &work)
{
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        work();
        ::_exit(0);
    }
    return pid;
}

int waitChild(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatIsSavedLoadsBack()
    {
        QTemporaryDir dir;
        App app(dir.path());
        QVERIFY(app.document.openLesson(QStringLiteral("kotlin-cancel-join")));
        QVERIFY(!app.document.addChild(QStringLiteral("main/job"), false).isEmpty());  // an unsaved edit
        for (int i = 0; i < 7; ++i)
            app.session.stepEvent();
        app.session.setSelectedPath(QStringLiteral("main/job"));
        QVERIFY(app.autosave.start());
        QVERIFY(app.autosave.active());
        QVERIFY(!app.autosave.restoreOffered());
        QVERIFY(app.autosave.saveNow());

        QString error;
        const std::optional<Autosave::Contents> contents = Autosave::load(dir.path(), &error);
        QVERIFY2(contents, qPrintable(error));
        QCOMPARE(scenarioToJson(contents->scenario), app.document.toJson());
        QVERIFY(contents->modified);
        QCOMPARE(contents->filePath, QString());
        QCOMPARE(contents->copyOf, QStringLiteral("kotlin-cancel-join"));
        QCOMPARE(contents->shownEvents, app.session.shownEvents());
        QCOMPARE(contents->now, app.session.now());
        QCOMPARE(contents->selectedPath, QStringLiteral("main/job"));
        const std::optional<Recording> recording = RecordingLoader::loadFile(contents->recordingPath, &error);
        QVERIFY2(recording, qPrintable(error));
        QCOMPARE(qint64(recording->events.size()), app.session.eventCount());  // the whole run
        QVERIFY(contents->shownEvents < app.session.eventCount());

        // Only one recording is kept: the one autosave.json names.
        app.session.stepEvent();
        QVERIFY(app.autosave.saveNow());
        const QStringList recordings = QDir(dir.path()).entryList({QStringLiteral("*.recording.jsonl")});
        QCOMPARE(recordings.size(), 1);
        QVERIFY(Autosave::load(dir.path(), &error)->recordingPath.endsWith(recordings.constFirst()));
    }

    // A recording the user opened is autosaved as a copy of its file, byte for byte (a million
    // events are not written out again); once the run is made again (an action), or the file
    // changes on disk, the run itself is written.
    void anOpenedRecordingIsCopiedUntilTheRunChanges()
    {
        QTemporaryDir dir;
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("demo.recording.jsonl"));
        QVERIFY(writeLessonRecording(path));
        // Made by another version of the app: a copy keeps that, a run written again would not.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray text = file.readAll();
            file.close();
            const QByteArray ours = QByteArrayLiteral("\"app\":\"" CASCADE_VERSION "\"");
            QVERIFY(text.contains(ours));
            text.replace(ours, QByteArrayLiteral("\"app\":\"0.0.1-older\""));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
        }
        const auto bytes = [](const QString &file) {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        App app(dir.path());
        QVERIFY(app.document.openRecording(path));
        QCOMPARE(app.session.runFile(), QFileInfo(path).absoluteFilePath());
        QVERIFY(app.autosave.start());
        QVERIFY(app.autosave.saveNow());
        QString error;
        std::optional<Autosave::Contents> contents = Autosave::load(dir.path(), &error);
        QVERIFY2(contents, qPrintable(error));
        QCOMPARE(bytes(contents->recordingPath), bytes(path));

        // An action makes the run again: the new run is written, with the new action in it.
        app.session.seekToTime(300);
        app.session.cancelTask(QStringLiteral("main"));
        QVERIFY(app.session.runFile().isEmpty());
        QVERIFY(app.autosave.saveNow());
        contents = Autosave::load(dir.path(), &error);
        QVERIFY2(contents, qPrintable(error));
        const std::optional<Recording> written = RecordingLoader::loadFile(contents->recordingPath, &error);
        QVERIFY2(written, qPrintable(error));
        QCOMPARE(written->actions.size(), std::size_t(2));
        QCOMPARE(qint64(written->events.size()), app.session.eventCount());

        // A file changed on disk since it was opened is not the run shown.
        App other(files.path());
        QVERIFY(other.document.openRecording(path));
        QVERIFY(!other.session.runFile().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n");
        file.close();
        QVERIFY(other.session.runFile().isEmpty());
    }

    void aCleanQuitLeavesNothingToOffer()
    {
        QTemporaryDir dir;
        {
            App app(dir.path());
            QVERIFY(app.document.openLesson(QStringLiteral("kotlin-cancel-join")));
            QVERIFY(app.autosave.start());
            app.autosave.finish();
            QVERIFY(!app.autosave.active());
        }
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("running.lock"))));
        App next(dir.path());
        QVERIFY(next.autosave.start());
        QVERIFY(!next.autosave.restoreOffered());
    }

    void aSecondInstanceDoesNotAutosave()
    {
        QTemporaryDir dir;
        App first(dir.path());
        QVERIFY(first.autosave.start());
        App second(dir.path());
        QVERIFY(!second.autosave.start());
        QVERIFY(!second.autosave.active());
        QVERIFY(!second.autosave.saveNow());
    }

    void aKilledAppIsOfferedAndRestored()
    {
        QTemporaryDir dir;
        const pid_t child = spawnChild([&dir] {
            App app(dir.path());
            app.document.openLesson(QStringLiteral("kotlin-cancel-join"));
            app.document.setShield(QStringLiteral("main/job"), true);
            app.session.seekToTime(700);
            app.session.cancelTask(QStringLiteral("main/job"));  // an action at 700 ms
            app.session.stepEvent();
            app.session.setSelectedPath(QStringLiteral("main/job"));
            app.autosave.start();
            app.autosave.saveNow();
            ::kill(::getpid(), SIGKILL);
        });
        QVERIFY(WIFSIGNALED(waitChild(child)));

        App app(dir.path());
        QVERIFY(app.document.openLesson(QStringLiteral("swift-make-soup")));
        QVERIFY(app.autosave.start());
        QVERIFY(app.autosave.restoreOffered());
        QVERIFY2(app.autosave.restoreSummary().contains(QStringLiteral("kotlin-cancel-join")), qPrintable(app.autosave.restoreSummary()));
        QVERIFY(!app.autosave.saveNow());  // the offer is not overwritten before it is answered
        QString error;
        const std::optional<Autosave::Contents> left = Autosave::load(dir.path(), &error);
        QVERIFY2(left, qPrintable(error));
        QVERIFY(app.autosave.restore());
        QVERIFY(!app.autosave.restoreOffered());
        // The restored run is saved under a new name: the one left behind stayed named by the old
        // autosave.json until the new one was written (reusing it removed it first, for a copy).
        const std::optional<Autosave::Contents> saved = Autosave::load(dir.path(), &error);
        QVERIFY2(saved, qPrintable(error));
        QVERIFY2(saved->recordingPath != left->recordingPath, qPrintable(saved->recordingPath));

        QCOMPARE(app.session.scenarioId(), QStringLiteral("kotlin-cancel-join"));
        QCOMPARE(app.document.displayName(), QStringLiteral("kotlin-cancel-join (copy)"));
        QVERIFY(app.document.modified());
        QVERIFY(app.document.taskFacts(QStringLiteral("main/job")).value(QStringLiteral("shielded")).toBool());
        QCOMPARE(app.session.actions().size(), std::size_t(1));  // the cancel, at its time
        QCOMPARE(app.session.actions().front().at, 700);
        QCOMPARE(app.session.selectedPath(), QStringLiteral("main/job"));
        QVERIFY(app.session.now() >= 700);
        bool requested = false;
        for (qint64 i = 0; i < app.session.shownEvents(); ++i)
            requested |= app.session.trace()[std::size_t(i)].kind == EventKind::CancelRequest;
        QVERIFY(requested);  // the run is at the recorded point, after the cancel
    }

    void aDiscardedOfferIsGone()
    {
        QTemporaryDir dir;
        const pid_t child = spawnChild([&dir] {
            App app(dir.path());
            app.document.openLesson(QStringLiteral("kotlin-cancel-join"));
            app.autosave.start();
            app.autosave.saveNow();
            ::_exit(0);  // before the app's destructors: the lock stays behind, as after a crash
        });
        QVERIFY(WIFEXITED(waitChild(child)));
        App app(dir.path());
        QVERIFY(app.autosave.start());
        QVERIFY(app.autosave.restoreOffered());
        app.autosave.discard();
        QVERIFY(!app.autosave.restoreOffered());
        QString error;
        QVERIFY(!Autosave::load(dir.path(), &error));
        QVERIFY(error.isEmpty());
    }

    void aBrokenAutosaveIsReportedNotOffered()
    {
        QTemporaryDir dir;
        const pid_t child = spawnChild([&dir] {
            App app(dir.path());
            app.document.openLesson(QStringLiteral("kotlin-cancel-join"));
            app.autosave.start();
            app.autosave.saveNow();
            ::_exit(0);  // before the app's destructors: the lock stays behind, as after a crash
        });
        QVERIFY(WIFEXITED(waitChild(child)));
        QFile meta(dir.filePath(QStringLiteral("autosave.json")));
        QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
        meta.write("{\"cascade\": \"autosave\", \"vers");
        meta.close();
        App app(dir.path());
        QVERIFY(app.autosave.start());
        QVERIFY(!app.autosave.restoreOffered());
        QVERIFY2(app.autosave.error().contains(QStringLiteral("autosave.json")), qPrintable(app.autosave.error()));
    }

    void killingMidAutosaveNeverLeavesAnUnreadableFile_data()
    {
        QTest::addColumn<bool>("copiesARecording");
        // Every other save a new run (a restart), written out as a recording.
        QTest::addRow("runs written out") << false;
        // A recording opened again and again, copied on the autosave's own thread (as the timer does).
        QTest::addRow("an opened recording copied in the background") << true;
    }

    void killingMidAutosaveNeverLeavesAnUnreadableFile()
    {
        QFETCH(bool, copiesARecording);
        QTemporaryDir dir;
        const QString scenarioPath = dir.filePath(QStringLiteral("jobs.json"));
        QFile scenario(scenarioPath);
        QVERIFY(scenario.open(QIODevice::WriteOnly));
        scenario.write(manyJobs(600));
        scenario.close();
        const QString recordingPath = dir.filePath(QStringLiteral("jobs.recording.jsonl"));
        if (copiesARecording) {
            Session recorder;
            QVERIFY(recorder.open(scenarioPath));
            const std::optional<Recording> recording = recorder.recording(Session::RecordingExtent::WholeRun);
            QVERIFY(recording);
            QString error;
            QVERIFY2(saveRecordingFile(*recording, recordingPath, &error), qPrintable(error));
        }
        const QString autosaveDir = dir.filePath(QStringLiteral("autosave"));
        testing::Rng rng(20240611);
        constexpr int Kills = 40;
        for (int kill = 0; kill < Kills; ++kill) {
            // The child says when it has opened its file ('o') and when it has first saved ('s'):
            // kills are timed from there, so that a slow machine (a sanitizer build, both cores
            // busy) moves them along with the child rather than before its first save.
            int told[2];
            QVERIFY(::pipe(told) == 0);
            const pid_t child = spawnChild([&] {
                ::close(told[0]);
                const auto tell = [&](char what) {
                    if (::write(told[1], &what, 1) != 1)
                        ::_exit(4);
                };
                App app(autosaveDir);
                if (!(copiesARecording ? app.document.openRecording(recordingPath) : app.document.open(scenarioPath)))
                    ::_exit(3);
                tell('o');
                int saves = 0;
                QObject::connect(&app.autosave, &Autosave::saved, [&] {
                    if (saves++ == 0)
                        tell('s');
                });
                app.autosave.start();
                if (app.autosave.restoreOffered())
                    app.autosave.restore();  // what the last child left: restored, then saved over
                // Save as fast as possible, each time a different point of the run, and now and
                // then a new run, which makes a new recording, for ever. A recording is opened
                // again once the last copy is saved (a copy outrun by new runs is never named).
                int savesAtOpen = saves;
                for (qint64 step = 0;; ++step) {
                    if (copiesARecording) {
                        if (saves > savesAtOpen) {
                            app.document.openRecording(recordingPath);
                            savesAtOpen = saves;
                        }
                    } else if (step % 2 == 1) {
                        app.session.restart();
                    }
                    app.session.seekToEvent(int((step * 997) % std::max<qint64>(1, app.session.eventCount())));
                    if (copiesARecording) {
                        app.autosave.saveInBackground();
                        QCoreApplication::processEvents();  // the end of a copy, and the save after it
                    } else {
                        app.autosave.saveNow();
                    }
                }
            });
            QVERIFY(child > 0);
            ::close(told[1]);
            // The first child is killed after its first save, so that there is an autosave from
            // then on; the others after their first save or, every other one, before it.
            const char awaited = kill == 0 || kill % 2 == 1 ? 's' : 'o';
            char heard = 0;
            while (heard != awaited) {
                pollfd poll{told[0], POLLIN, 0};
                if (::poll(&poll, 1, 120'000) != 1 || ::read(told[0], &heard, 1) != 1)
                    break;
            }
            ::close(told[0]);
            if (heard == awaited)  // anywhere from there to the middle of the tenth save after
                std::this_thread::sleep_for(std::chrono::microseconds(rng.range(0, 400'000)));
            ::kill(child, SIGKILL);
            const int status = waitChild(child);
            QVERIFY2(heard == awaited, qPrintable(QStringLiteral("child %1 did not say '%2' within two minutes (exit status %3)")
                                                      .arg(kill).arg(QLatin1Char(awaited)).arg(status)));
            QVERIFY2(WIFSIGNALED(status), "the child ended by itself: it could not open its file");
            QString error;
            const std::optional<Autosave::Contents> contents = Autosave::load(autosaveDir, &error);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("after kill %1: %2").arg(kill).arg(error)));
            // After the first save there is always an autosave: the old one or the new one.
            QVERIFY2(contents, qPrintable(QStringLiteral("after kill %1: no autosave").arg(kill)));
            // Never a mix: the recording it names is the one written with it.
            const std::optional<Recording> recording = RecordingLoader::loadFile(contents->recordingPath, &error);
            QVERIFY2(recording, qPrintable(error));
            QVERIFY(contents->shownEvents <= qint64(recording->events.size()));
            QVERIFY(recording->finished);  // the whole run, complete
        }
    }

    // The timer's save copies an opened recording on another thread: the window goes on at once,
    // autosave.json is written when the copy is there, and a save meanwhile waits for it.
    void theTimerCopiesAnOpenedRecordingInTheBackground()
    {
        QTemporaryDir dir;
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("demo.recording.jsonl"));
        QVERIFY(writeLessonRecording(path));
        App app(dir.path());
        QVERIFY(app.document.openRecording(path));
        QVERIFY(app.autosave.start());
        QSignalSpy saved(&app.autosave, &Autosave::saved);
        QVERIFY(app.autosave.saveInBackground());
        QVERIFY(app.autosave.writing());  // its end is told through the event loop, not yet run
        QCOMPARE(saved.size(), 0);
        QVERIFY(saved.wait(10'000));
        QVERIFY(!app.autosave.writing());
        QString error;
        std::optional<Autosave::Contents> contents = Autosave::load(dir.path(), &error);
        QVERIFY2(contents, qPrintable(error));
        const auto bytes = [](const QString &file) {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QCOMPARE(bytes(contents->recordingPath), bytes(path));

        // Opened again, copied again; a save now (the quit's) waits for that copy and names it.
        QVERIFY(app.document.openRecording(path));
        QVERIFY(app.autosave.saveInBackground());
        QVERIFY(app.autosave.writing());
        const QString before = contents->recordingPath;
        QVERIFY(app.autosave.saveNow());
        QVERIFY(!app.autosave.writing());
        contents = Autosave::load(dir.path(), &error);
        QVERIFY2(contents, qPrintable(error));
        QVERIFY(contents->recordingPath != before);
        QCOMPARE(bytes(contents->recordingPath), bytes(path));
        QVERIFY(!QFileInfo::exists(before));  // the old copy went once autosave.json named the new one
    }

    // The timer's save makes a changed run's recording on the writer's thread, from the run itself:
    // the run must outlive the session's moving on to another one meanwhile (run under ASan).
    void theTimerWritesARunThatIsReplacedMeanwhile()
    {
        QTemporaryDir dir;
        App app(dir.path());
        QVERIFY(app.document.openLesson(QStringLiteral("kotlin-cancel-join")));
        app.session.seekToTime(700);
        app.session.cancelTask(QStringLiteral("main/job"));  // not a lesson's own run any more
        const std::optional<Recording> expected = app.session.recording(Session::RecordingExtent::WholeRun);
        QVERIFY(expected);
        QVERIFY(app.autosave.start());
        QSignalSpy saved(&app.autosave, &Autosave::saved);
        QVERIFY(app.autosave.saveInBackground());
        QVERIFY(app.autosave.writing());
        app.session.setRuntime(QStringLiteral("asyncio"));  // another run: the session lets go of the first
        QVERIFY(saved.wait(10'000));
        QString error;
        const std::optional<Autosave::Contents> contents = Autosave::load(dir.path(), &error);
        QVERIFY2(contents, qPrintable(error));
        const std::optional<Recording> written = RecordingLoader::loadFile(contents->recordingPath, &error);
        QVERIFY2(written, qPrintable(error));
        QCOMPARE(written->runtime, Runtime::Kotlin);
        QCOMPARE(written->actions.size(), std::size_t(1));
        QCOMPARE(written->traceJsonLines(), expected->traceJsonLines());
    }
};

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
