// The document being edited: every edit undoes and redoes to the same bytes, the modified flag
// follows the undo stack's clean state, files are written atomically and read with the loader's
// messages, and the Session plays each new version from t = 0.

#include "scenariodocument.h"
#include "session.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace cascade;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

//! A document with a group of a and b, and an unstructured job that main cancels.
void prepare(ScenarioDocument *document)
{
    QCOMPARE(document->addChild(u"main"_s, true, u"a"_s), u"main/a"_s);
    QCOMPARE(document->addChild(u"main"_s, true, u"b"_s), u"main/b"_s);
    QCOMPARE(document->addChild(u"main"_s, false, u"job"_s), u"main/job"_s);
}

//! Makes writes past `bytes` fail (EFBIG) for as long as it lives: a full disk, even for root.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

int userCancels(Session &session)
{
    int count = 0;
    const EventLogModel *events = session.events();
    for (int row = 0; row < events->rowCount(); ++row) {
        const QModelIndex index = events->index(row, 0);
        count += index.data(EventLogModel::KindRole).toString().startsWith(u"cancel-request"_s)
            && index.data(EventLogModel::DetailRole).toString().contains(u"user"_s);
    }
    return count;
}

} // namespace

class TestScenarioDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void undoRedoRestoresTheBytes_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("undoText");
        QTest::addRow("add structured") << u"add structured"_s << u"Add task to a"_s;
        QTest::addRow("add unstructured") << u"add unstructured"_s << u"Add unstructured task to main"_s;
        QTest::addRow("delete") << u"delete"_s << u"Delete job"_s;
        QTest::addRow("rename") << u"rename"_s << u"Rename b to bee"_s;
        QTest::addRow("move") << u"move"_s << u"Move b up"_s;
        QTest::addRow("shield") << u"shield"_s << u"Shield a"_s;
        QTest::addRow("timeout") << u"timeout"_s << u"Timeout of 500 ms on b"_s;
        QTest::addRow("steps") << u"steps"_s << u"Edit the steps of job"_s;
        QTest::addRow("runtimes") << u"runtimes"_s << u"Runtimes swift"_s;
        QTest::addRow("default runtime") << u"default runtime"_s << u"Default runtime kotlin"_s;
    }
    void undoRedoRestoresTheBytes()
    {
        QFETCH(QString, edit);
        QFETCH(QString, undoText);
        ScenarioDocument document;
        prepare(&document);
        const QByteArray before = document.toJson();
        QSignalSpy changed(&document, &ScenarioDocument::scenarioChanged);
        QVERIFY(changed.isValid());

        bool ok = false;
        if (edit == u"add structured"_s)
            ok = !document.addChild(u"main/a"_s, true).isEmpty();
        else if (edit == u"add unstructured"_s)
            ok = !document.addChild(u"main"_s, false).isEmpty();
        else if (edit == u"delete"_s)
            ok = document.removeTask(u"main/job"_s);
        else if (edit == u"rename"_s)
            ok = document.renameTask(u"main/b"_s, u"bee"_s);
        else if (edit == u"move"_s)
            ok = document.moveTask(u"main/b"_s, -1);
        else if (edit == u"shield"_s)
            ok = document.setShield(u"main/a"_s, true);
        else if (edit == u"timeout"_s)
            ok = document.setTimeout(u"main/b"_s, 500);
        else if (edit == u"steps"_s)
            ok = document.setSteps(u"main/job"_s, QJsonArray{QJsonObject{{u"do"_s, u"checkpoint"_s}}}).isEmpty();
        else if (edit == u"runtimes"_s)
            ok = document.setRuntimes({u"swift"_s});
        else if (edit == u"default runtime"_s)
            ok = document.setDefaultRuntime(u"kotlin"_s);
        QVERIFY2(ok, qPrintable(document.error()));
        const QByteArray after = document.toJson();
        QVERIFY(after != before);
        QCOMPARE(changed.count(), 1);
        QVERIFY(document.canUndo());
        QCOMPARE(document.undoText(), undoText);

        document.undo();
        QCOMPARE(document.toJson(), before);
        QVERIFY(document.canRedo());
        QCOMPARE(document.redoText(), undoText);
        document.redo();
        QCOMPARE(document.toJson(), after);
        QCOMPARE(changed.count(), 3);
    }

    void aRefusedEditChangesNothing_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("error");
        QTest::addRow("delete the root") << u"delete main"_s << u"cannot remove main: it is the root task (the program itself)"_s;
        QTest::addRow("rename to a sibling's name") << u"rename a b"_s
                                                    << u"cannot rename main/a: main already has a task named \"b\""_s;
        QTest::addRow("an inner task") << u"delete main/shielded"_s
                                       << u"main/shielded is the inner task asyncio's shield creates around a block of "
                                          "main; it has no definition of its own: edit main"_s;
    }
    void aRefusedEditChangesNothing()
    {
        QFETCH(QString, edit);
        QFETCH(QString, error);
        ScenarioDocument document;
        prepare(&document);
        QVERIFY(document.setShield(u"main"_s, true));
        const QByteArray before = document.toJson();
        bool ok = true;
        if (edit == u"delete main"_s)
            ok = document.removeTask(u"main"_s);
        else if (edit == u"rename a b"_s)
            ok = document.renameTask(u"main/a"_s, u"b"_s);
        else
            ok = document.removeTask(u"main/shielded"_s);
        QVERIFY(!ok);
        QCOMPARE(document.error(), error);
        QCOMPARE(document.toJson(), before);
        QCOMPARE(document.undoText(), u"Shield main"_s);
    }

    void outlineFollowsTheEdits()
    {
        ScenarioDocument document;
        prepare(&document);
        QVERIFY(document.setTimeout(u"main/b"_s, 40));
        QStringList rows;
        for (const QVariant &row : document.outline()) {
            const QVariantMap m = row.toMap();
            rows << u"%1 %2 %3 %4"_s.arg(m.value(u"depth"_s).toInt()).arg(m.value(u"name"_s).toString(),
                                           m.value(u"startedBy"_s).toString()).arg(m.value(u"timeoutMs"_s).toLongLong());
        }
        QCOMPARE(rows, (QStringList{u"0 main  -1"_s, u"1 job spawn unstructured -1"_s, u"1 a group strict -1"_s,
                                    u"1 b group strict 40"_s}));
    }

    void stepsForTheStepEditor()
    {
        ScenarioDocument document;
        prepare(&document);
        const QJsonArray body{QJsonObject{{u"do"_s, u"sleep"_s}, {u"ms"_s, 5}}};
        QCOMPARE(document.setSteps(u"main/a[0]"_s, body), QString());
        QCOMPARE(document.steps(u"main/a"_s), body);
        QCOMPARE(document.undoText(), u"Edit the steps of a"_s);
        const QByteArray before = document.toJson();
        QCOMPARE(document.setSteps(u"main/a"_s, QJsonArray{QJsonObject{{u"do"_s, u"sleep"_s}, {u"ms"_s, -5}}}),
                 u"cannot change the steps of main/a: steps/0/ms: must be a whole number of milliseconds from 0 "
                 "to 31536000000, got -5"_s);
        QCOMPARE(document.toJson(), before);
        QCOMPARE(document.steps(u"main/nope"_s), QJsonArray());
    }

    void runtimePathsAddressTheirDefinition()
    {
        ScenarioDocument document;
        prepare(&document);
        QVERIFY2(document.renameTask(u"main/a[0]"_s, u"alpha"_s), qPrintable(document.error()));
        QCOMPARE(document.taskFacts(u"main/alpha"_s).value(u"startedBy"_s).toString(), u"group"_s);
        QCOMPARE(document.checkNewName(u"main/alpha"_s, u"b"_s), u"main already has a task named \"b\""_s);
        QCOMPARE(document.checkNewName(u"main/alpha"_s, u"alpha"_s), QString());
    }

    void editAvailability_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("reason");
        QTest::addRow("nothing selected") << QString() << u"kotlin"_s << u"rename"_s << u"Select a task first"_s;
        QTest::addRow("delete the root") << u"main"_s << u"kotlin"_s << u"remove"_s
                                         << u"cannot remove main: it is the root task (the program itself)"_s;
        QTest::addRow("delete a child") << u"main/a"_s << u"kotlin"_s << u"remove"_s << QString();
        QTest::addRow("shield in Kotlin") << u"main/a"_s << u"kotlin"_s << u"shield"_s << QString();
        QTest::addRow("shield in Swift") << u"main/a"_s << u"swift"_s << u"shield"_s
                                         << u"a shield is not available in swift: Swift has no shield; escape with Task.detached"_s;
        QTest::addRow("timeout in Swift") << u"main/b"_s << u"swift"_s << u"timeout"_s
                                          << u"a timeout is not available in swift: Swift has no built-in timeout; race "
                                             "the work against Task.sleep in a task group"_s;
        QTest::addRow("no timeout to clear") << u"main/b"_s << u"asyncio"_s << u"clearTimeout"_s << u"main/b has no timeout"_s;
        QTest::addRow("first moves down") << u"main/a[0]"_s << u"asyncio"_s << u"moveDown"_s << QString();
        QTest::addRow("first cannot move up") << u"main/a[0]"_s << u"asyncio"_s << u"moveUp"_s
                                              << u"cannot move main/a by -1: it is task 1 of 2 in its group step"_s;
        QTest::addRow("an inner task") << u"main/shielded"_s << u"asyncio"_s << u"addChild"_s
                                       << u"main/shielded is the inner task asyncio's shield creates around a block of "
                                          "main; it has no definition of its own: edit main"_s;
    }
    void editAvailability()
    {
        QFETCH(QString, path);
        QFETCH(QString, runtime);
        QFETCH(QString, edit);
        QFETCH(QString, reason);
        ScenarioDocument document;
        prepare(&document);
        // main's body begins with a shield block, so asyncio runs a task main/shielded.
        QCOMPARE(document.setSteps(u"main"_s, QJsonArray{QJsonObject{{u"do"_s, u"shield"_s}, {u"steps"_s,
            document.steps(u"main"_s)}}, QJsonObject{{u"do"_s, u"sleep"_s}, {u"ms"_s, 1}}}), QString());
        const QVariantMap reasons = document.editAvailability(path, runtime);
        QCOMPARE(reasons.size(), 9);
        QCOMPARE(reasons.value(edit).toString(), reason);
    }

    void modifiedFollowsTheCleanState()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScenarioDocument document;
        QSignalSpy modified(&document, &ScenarioDocument::modifiedChanged);
        QVERIFY(modified.isValid());
        QVERIFY(!document.modified());

        QVERIFY(!document.addChild(u"main"_s, true).isEmpty());
        QVERIFY(document.modified());
        document.undo();
        QVERIFY(!document.modified());
        document.redo();
        QVERIFY(document.modified());
        QVERIFY(document.saveAs(dir.filePath(u"s.json"_s)));
        QVERIFY(!document.modified());
        document.undo();  // back past the saved state
        QVERIFY(document.modified());
        document.redo();
        QVERIFY(!document.modified());
        QCOMPARE(modified.count(), 6);

        QVERIFY(document.setShield(u"main"_s, true));
        document.newScenario();
        QVERIFY(!document.modified());
        QVERIFY(!document.canUndo());
    }

    void editUndoRedoSaveReopen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"tree.json"_s);
        ScenarioDocument document;
        prepare(&document);
        QVERIFY(document.setTimeout(u"main/a"_s, 250));
        const QByteArray edited = document.toJson();
        document.undo();
        document.redo();
        QCOMPARE(document.toJson(), edited);

        QVERIFY(document.untitled());
        QVERIFY(!document.save());
        QCOMPARE(document.error(), u"Untitled has no file yet: choose one with Save As"_s);
        QVERIFY2(document.saveAs(QUrl::fromLocalFile(path).toString()), qPrintable(document.error()));
        QCOMPARE(document.filePath(), path);
        QCOMPARE(document.displayName(), u"tree.json"_s);
        QCOMPARE(readAll(path), edited);

        ScenarioDocument reopened;
        QVERIFY2(reopened.open(path), qPrintable(reopened.error()));
        QCOMPARE(reopened.toJson(), edited);
        QCOMPARE(reopened.taskFacts(u"main/a"_s).value(u"timeoutMs"_s).toLongLong(), 250);
        QVERIFY(!reopened.modified());
        QVERIFY(reopened.removeTask(u"main/b"_s));
        QVERIFY(reopened.save());
        QCOMPARE(readAll(path), reopened.toJson());
    }

    void aFailedSaveKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addRow("disk full") << u"full"_s;
        QTest::addRow("read-only directory") << u"read-only"_s;
    }
    void aFailedSaveKeepsTheOldFile()
    {
        QFETCH(QString, how);
        if (how == u"read-only"_s && geteuid() == 0)
            QSKIP("root writes into read-only directories; the disk-full row covers the same path");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"keep.json"_s);
        ScenarioDocument document;
        QVERIFY(document.saveAs(path));
        const QByteArray old = readAll(path);
        prepare(&document);

        bool saved = true;
        if (how == u"full"_s) {
            const FileSizeLimit limit(64);
            saved = document.save();
        } else {
            QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            saved = document.save();
            QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
        QVERIFY(!saved);
        QVERIFY2(document.error().startsWith(u"cannot save %1: "_s.arg(path)), qPrintable(document.error()));
        QVERIFY2(document.error().endsWith(u" (the old file is unchanged)"_s), qPrintable(document.error()));
        QCOMPARE(readAll(path), old);
        QVERIFY(document.modified());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"keep.json"_s});  // no temporary left
    }

    void savePaths_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("path");     // relative to the test's folder
        QTest::addColumn<QString>("problem");  // %1: the test's folder
        QTest::addRow("a name") << u"tree"_s << u"tree.json"_s << QString();
        QTest::addRow("with suffix") << u"tree.json"_s << u"tree.json"_s << QString();
        QTest::addRow("in a subfolder") << u"sub/x"_s << u"sub/x.json"_s << QString();
        QTest::addRow("missing folder") << u"nope/x"_s << u"nope/x.json"_s << u"The folder %1/nope does not exist"_s;
        QTest::addRow("a folder") << u"dir.json"_s << u"dir.json"_s << u"%1/dir.json is a folder"_s;
        QTest::addRow("nothing") << u"  "_s << QString() << u"Enter a file name"_s;
    }
    void savePaths()
    {
        QFETCH(QString, typed);
        QFETCH(QString, path);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));
        QVERIFY(QDir(dir.path()).mkdir(u"dir.json"_s));
        ScenarioDocument document;
        QVERIFY(document.saveAs(dir.filePath(u"first.json"_s)));  // the folder dialogs start in
        QCOMPARE(document.folder(), QUrl::fromLocalFile(dir.path()));
        QCOMPARE(document.suggestedSavePath(), dir.filePath(u"first.json"_s));
        QCOMPARE(document.savePathFor(typed), path.isEmpty() ? QString() : dir.filePath(path));
        QCOMPARE(document.savePathProblem(typed), problem.contains(u"%1"_s) ? problem.arg(dir.path()) : problem);
    }

    void aMissingDirectoryIsReported()
    {
        ScenarioDocument document;
        QVERIFY(!document.saveAs(u"/nonexistent-cascade-dir/x.json"_s));
        QVERIFY2(document.error().startsWith(u"cannot save /nonexistent-cascade-dir/x.json: "_s), qPrintable(document.error()));
    }

    void openingABadFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("errorAfterPath");
        QTest::addRow("syntax") << QByteArray("{\n  \"cascade\": \"scenario\",\n  \"version\": 1,,\n}")
                                << u":3:16: JSON syntax error: expected ',' or '}' after an object member"_s;
        QTest::addRow("structure")
            << QByteArray("{\"cascade\": \"scenario\", \"version\": 1,\n \"id\": \"x\", \"title\": {\"en\": \"a\", \"ko\": \"b\"},\n"
                          " \"runtimes\": [\"asyncio\"], \"root\": {\"name\": \"main\", \"steps\": [{\"do\": \"sleep\", \"ms\": -1}]}}")
            << u":3:84: /root/steps/0/ms: must be a whole number of milliseconds"_s;
    }
    void openingABadFileChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, errorAfterPath);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString bad = dir.filePath(u"bad.json"_s);
        writeFile(bad, content);
        ScenarioDocument document;
        QVERIFY(document.saveAs(dir.filePath(u"good.json"_s)));
        prepare(&document);
        const QByteArray before = document.toJson();

        QVERIFY(!document.open(bad));
        QVERIFY2(document.error().startsWith(bad + errorAfterPath), qPrintable(document.error()));
        QCOMPARE(document.toJson(), before);
        QCOMPARE(document.filePath(), dir.filePath(u"good.json"_s));
        QVERIFY(document.modified());
        QCOMPARE(document.undoText(), u"Add unstructured job to main"_s);
    }

    void aLessonOpensAsAnUntitledCopy()
    {
        ScenarioDocument document;
        QVERIFY2(document.openLesson(u"kotlin-cancel-join"_s), qPrintable(document.error()));
        QVERIFY(document.untitled());
        QCOMPARE(document.displayName(), u"kotlin-cancel-join (copy)"_s);
        QVERIFY(!document.modified());
        QVERIFY(!document.save());
        QVERIFY(!document.openLesson(u"no-such-lesson"_s));
        QCOMPARE(document.displayName(), u"kotlin-cancel-join (copy)"_s);
    }

    // What the command line passes: a lesson, a scenario file, or a recording (by its name or by
    // its header line, whatever its name).
    void theCommandLineOpensLessonsScenariosAndRecordings_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addRow("recording.jsonl") << u"job.recording.jsonl"_s;
        QTest::addRow("another name") << u"job-recorded.txt"_s;
    }
    void theCommandLineOpensLessonsScenariosAndRecordings()
    {
        QFETCH(QString, fileName);
        QTemporaryDir dir;
        const QString recordingPath = dir.filePath(fileName);
        {
            Session recorder;
            QVERIFY(recorder.open(u"asyncio-shield"_s));
            recorder.seekToTime(recorder.endTime());
            QVERIFY(recorder.saveRecording(recordingPath));
        }
        Session session;
        ScenarioDocument document;
        document.setSession(&session);
        QVERIFY2(document.openLessonOrFile(recordingPath), qPrintable(document.error()));
        QCOMPARE(session.scenarioId(), u"asyncio-shield"_s);
        QCOMPARE(document.displayName(), fileName + u" (copy)"_s);
        QVERIFY2(session.recordingStatus().contains(u"replayed"_s), qPrintable(session.recordingStatus()));

        QVERIFY(document.openLessonOrFile(u"kotlin-cancel-join"_s));
        QCOMPARE(document.displayName(), u"kotlin-cancel-join (copy)"_s);
        const QString scenarioPath = dir.filePath(u"mine.json"_s);
        QVERIFY(document.saveAs(scenarioPath));
        QVERIFY(document.openLessonOrFile(scenarioPath));
        QCOMPARE(document.filePath(), scenarioPath);
        QVERIFY(session.recordingStatus().isEmpty());
    }

    void narrationSurvivesEditsUndoAndSaving()
    {
        // A lesson's captions and questions follow a rename, come back with undo and are saved.
        ScenarioDocument document;
        QVERIFY(document.openLesson(u"kotlin-cancel-join"_s));
        const std::vector<Caption> captions = document.scenario().captions;
        QVERIFY(captions.size() >= 3 && !document.scenario().questions.empty());
        QVERIFY(document.renameTask(u"main/job"_s, u"worker"_s));
        QCOMPARE(document.scenario().captions.size(), captions.size());
        QCOMPARE(document.scenario().captions.front().on.task, u"main/worker"_s);
        document.undo();
        QVERIFY(document.scenario().captions == captions);
        document.redo();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"narrated.json"_s);
        QVERIFY2(document.saveAs(path), qPrintable(document.error()));
        ScenarioDocument reopened;
        QVERIFY2(reopened.open(path), qPrintable(reopened.error()));
        QVERIFY(reopened.scenario().captions == document.scenario().captions);
        QVERIFY(reopened.scenario().questions == document.scenario().questions);
        QVERIFY(readAll(path).contains(R"("task": "main/worker")"));
    }

    void theSessionPlaysEachVersionFromZero()
    {
        Session session;
        ScenarioDocument document;
        document.setSession(&session);
        QVERIFY(document.openLesson(u"kotlin-cancel-join"_s));
        QCOMPARE(session.scenarioId(), u"kotlin-cancel-join"_s);
        session.setRuntime(u"swift"_s);
        while (!session.finished() && session.now() < 500)
            session.stepEvent();
        session.cancelTask(u"main/job"_s);
        QCOMPARE(userCancels(session), 1);

        QVERIFY(document.renameTask(u"main/job"_s, u"worker"_s));
        QCOMPARE(session.now(), 0);
        QCOMPARE(session.runtime(), u"swift"_s);  // the learner's choice stays
        QVERIFY(document.status().contains(u"starts again at 0 ms"_s));
        while (!session.finished())
            session.stepEvent();
        QVERIFY2(session.console().startsWith(u"0 ms  main/worker: "_s), qPrintable(session.console()));
        // The cancel made before the edit is gone.
        QCOMPARE(userCancels(session), 0);

        document.undo();
        QCOMPARE(session.now(), 0);
        QCOMPARE(session.runtime(), u"swift"_s);
    }
};

QTEST_MAIN(TestScenarioDocument)

#include "tst_scenariodocument.moc"
