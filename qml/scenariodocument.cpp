#include "scenariodocument.h"

#include <QCoreApplication>
#include <QEvent>

#include "lessons.h"
#include "scenarioloader.h"
#include "session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSaveFile>
#include <QUndoCommand>
#include <QUrl>

#include <cerrno>
#include <limits>

namespace cascade {

using namespace Qt::StringLiterals;

//! One edit: the whole scenario before and after. Simple, and undo restores it exactly.
class ScenarioChange : public QUndoCommand
{
public:
    ScenarioChange(ScenarioDocument *document, Scenario before, Scenario after, const QString &text)
        : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_document->show(m_after, true); }
    void undo() override { m_document->show(m_before, true); }

private:
    ScenarioDocument *m_document;
    Scenario m_before;
    Scenario m_after;
};

QString ScenarioDocument::localPath(const QString &pathOrUrl)
{
    // FileDialog hands out file: URLs; the command line and tests pass plain paths.
    if (pathOrUrl.startsWith("file:"_L1))
        return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}

namespace {

QString leaf(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::canUndoChanged, this, &ScenarioDocument::undoStateChanged);
    connect(&m_undo, &QUndoStack::canRedoChanged, this, &ScenarioDocument::undoStateChanged);
    connect(&m_undo, &QUndoStack::undoTextChanged, this, &ScenarioDocument::undoStateChanged);
    connect(&m_undo, &QUndoStack::redoTextChanged, this, &ScenarioDocument::undoStateChanged);
    connect(&m_undo, &QUndoStack::cleanChanged, this, &ScenarioDocument::modifiedChanged);
    replaceDocument(ScenarioEdit::newScenario(), QString(), QString());
    // The name of an untitled document is in the UI's language, which can change at any time.
    QCoreApplication::instance()->installEventFilter(this);
}

bool ScenarioDocument::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange && m_filePath.isEmpty())
        Q_EMIT filePathChanged();  // displayName
    return QObject::eventFilter(watched, event);
}

ScenarioDocument::~ScenarioDocument()
{
    // The commands call back into this object; they go before its members do.
    m_undo.clear();
}

QByteArray ScenarioDocument::toJson() const
{
    return scenarioToJson(m_scenario);
}

void ScenarioDocument::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, &Session::recordingChecked, this, nullptr);
    m_session = session;
    // A long recording is checked after it opens: the status says what the check found.
    if (m_session)
        connect(m_session, &Session::recordingChecked, this, [this] { setStatus(m_session->recordingStatus()); });
    Q_EMIT sessionChanged();
    show(m_scenario, false);
}

QString ScenarioDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_copyOf.isEmpty() ? tr("Untitled") : tr("%1 (copy)").arg(m_copyOf);
}

QStringList ScenarioDocument::runtimes() const
{
    QStringList names;
    for (Runtime runtime : m_scenario.runtimes)
        names << runtimeName(runtime);
    return names;
}

QVariantList ScenarioDocument::outline() const
{
    QVariantList rows;
    for (const OutlineEntry &entry : ScenarioEdit::outline(m_scenario)) {
        rows << QVariantMap{{u"specPath"_s, entry.specPath},
                            {u"name"_s, leaf(entry.specPath)},
                            {u"depth"_s, entry.depth},
                            {u"startedBy"_s, entry.startedBy},
                            {u"shielded"_s, entry.shielded},
                            {u"timeoutMs"_s, entry.timeoutMs.value_or(-1)},
                            {u"count"_s, entry.count}};
    }
    return rows;
}

int ScenarioDocument::maxTimeoutMs()
{
    return int(std::min<qint64>(ScenarioLoader::MaxMs, std::numeric_limits<int>::max()));
}

// ---------------------------------------------------------------- files

void ScenarioDocument::newScenario()
{
    replaceDocument(ScenarioEdit::newScenario(), QString(), QString());
    setStatus(tr("New scenario: main prints and sleeps. Select a task and add children to it."));
}

bool ScenarioDocument::open(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    QString error;
    auto scenario = ScenarioLoader::loadFile(path, &error);
    if (!scenario)
        return fail(error);
    replaceDocument(std::move(*scenario), QFileInfo(path).absoluteFilePath(), QString());
    setStatus(tr("Opened %1").arg(path));
    return true;
}

bool ScenarioDocument::openLesson(const QString &id)
{
    QString error;
    auto scenario = Lessons::load(id, &error);
    if (!scenario)
        return fail(error);
    replaceDocument(std::move(*scenario), QString(), id);
    setStatus(tr("Lesson %1. Edits make an untitled copy; Save asks where to keep it.").arg(id));
    return true;
}

bool ScenarioDocument::openLessonOrFile(const QString &idOrPath)
{
    if (Lessons::ids().contains(idOrPath))
        return openLesson(idOrPath);
    // A recording (`cascade FILE.recording.jsonl`) opens as File > Open Recording does.
    return isRecordingFile(localPath(idOrPath)) ? openRecording(idOrPath) : open(idOrPath);
}

bool ScenarioDocument::isRecordingFile(const QString &path)
{
    if (path.endsWith(QLatin1String(".jsonl")))
        return true;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(64).startsWith(QByteArrayLiteral("{\"cascade\":\"recording\""));
}

bool ScenarioDocument::openRecording(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    if (!m_session)
        return fail(tr("cannot open %1: no session to play it").arg(path));
    if (!m_session->openRecording(path))
        return fail(m_session->error());
    // The recording's scenario, as the session loaded it; one this version cannot load leaves a
    // new scenario to edit (the recording is shown as recorded meanwhile).
    Scenario scenario = m_session->scenario() ? *m_session->scenario() : ScenarioEdit::newScenario();
    scenario.sourceName.clear();
    replaceDocument(std::move(scenario), QString(), QFileInfo(path).fileName(), true);
    setStatus(m_session->recordingStatus());
    return true;
}

void ScenarioDocument::restoreDocument(Scenario scenario, const QString &filePath, const QString &copyOf, bool modified,
                                       bool keepRun)
{
    replaceDocument(std::move(scenario), filePath, copyOf, keepRun);
    if (modified)
        m_undo.resetClean();  // unsaved edits, as before the crash: no clean state to go back to
}

bool ScenarioDocument::save()
{
    if (m_filePath.isEmpty())
        return fail(tr("%1 has no file yet: choose one with Save As").arg(displayName()));
    return saveAs(m_filePath);
}

bool ScenarioDocument::saveAs(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    if (path.isEmpty())
        return fail(tr("cannot save: no file name given"));
    // QSaveFile writes a temporary file and renames it over the old one only when all went well.
    // Unbuffered: Qt 6.4 commits a buffered QSaveFile whose final flush failed half-way (measured
    // with a file-size limit: a 64-byte file replaced the old one and commit() returned true).
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(tr("cannot save %1: %2").arg(path, file.errorString()));
    const QByteArray json = toJson();
    errno = 0;
    const qint64 written = file.write(json);
    const int writeError = errno;  // QSaveFile reports a failed write as "Unknown error"
    if (written != json.size()) {
        return fail(tr("cannot save %1: %2 after %3 of %4 bytes (the old file is unchanged)")
                        .arg(path, qt_error_string(writeError))
                        .arg(std::max<qint64>(written, 0))
                        .arg(json.size()));
    }
    if (!file.commit())
        return fail(tr("cannot save %1: %2 (the old file is unchanged)").arg(path, file.errorString()));

    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        m_scenario.sourceName = absolute;
        Q_EMIT filePathChanged();
    }
    m_undo.setClean();
    if (!m_error.isEmpty()) {
        m_error.clear();
        Q_EMIT errorChanged();
    }
    setStatus(tr("Saved %1").arg(absolute));
    return true;
}

QUrl ScenarioDocument::folder() const
{
    if (!m_filePath.isEmpty())
        return QUrl::fromLocalFile(QFileInfo(m_filePath).absolutePath());
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QUrl::fromLocalFile(QDir(documents).exists() ? documents : QDir::homePath());
}

QString ScenarioDocument::savePathFor(const QString &typed) const
{
    QString path = localPath(typed.trimmed());
    if (path.isEmpty())
        return path;
    if (QDir::isRelativePath(path))
        path = QDir(folder().toLocalFile()).filePath(path);
    if (!path.endsWith(".json"_L1, Qt::CaseInsensitive))
        path += ".json"_L1;
    return QDir::cleanPath(path);
}

QString ScenarioDocument::savePathProblem(const QString &typed) const
{
    const QString path = savePathFor(typed);
    if (path.isEmpty())
        return tr("Enter a file name");
    const QFileInfo file(path);
    if (file.isDir())
        return tr("%1 is a folder").arg(path);
    if (!file.dir().exists())
        return tr("The folder %1 does not exist").arg(file.absolutePath());
    return QString();
}

QString ScenarioDocument::suggestedSavePath() const
{
    if (!m_filePath.isEmpty())
        return m_filePath;
    return QDir(folder().toLocalFile()).filePath(m_scenario.id + ".json"_L1);
}

void ScenarioDocument::replaceDocument(Scenario scenario, const QString &filePath, const QString &copyOf, bool keepRun)
{
    m_undo.clear();  // also marks the stack clean: a fresh document is unmodified
    m_filePath = filePath;
    m_copyOf = copyOf;
    if (!filePath.isEmpty())
        scenario.sourceName = filePath;
    else if (scenario.sourceName.isEmpty())
        scenario.sourceName = displayName();  // what messages about it call it
    if (!m_error.isEmpty()) {
        m_error.clear();
        Q_EMIT errorChanged();
    }
    Q_EMIT filePathChanged();
    show(scenario, false, keepRun);
}

// ---------------------------------------------------------------- edits

void ScenarioDocument::show(const Scenario &scenario, bool edit, bool keepRun)
{
    m_scenario = scenario;
    if (m_session && !keepRun) {
        // An edited tree makes the recorded cancels meaningless: the run starts again at 0. The
        // runtime the user picked stays.
        const QString runtime = m_session->runtime();
        m_session->openScenario(m_scenario, m_scenario.sourceName);
        if (edit)
            m_session->setRuntime(runtime);
    }
    if (edit)
        setStatus(tr("Edited: the run starts again at 0 ms; the cancels and failures of the last run are dropped."));
    Q_EMIT scenarioChanged();
}

bool ScenarioDocument::apply(const EditResult &result, const QString &text)
{
    if (!result)
        return fail(result.error);
    if (!m_error.isEmpty()) {
        m_error.clear();
        Q_EMIT errorChanged();
    }
    if (scenarioToJson(*result.scenario) == toJson())
        return true;  // nothing changed: no command to undo
    m_undo.push(new ScenarioChange(this, m_scenario, *result.scenario, text));
    return true;
}

bool ScenarioDocument::fail(const QString &message)
{
    m_error = message;
    Q_EMIT errorChanged();
    return false;
}

void ScenarioDocument::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

std::optional<QString> ScenarioDocument::specPath(const QString &path, QString *error) const
{
    return ScenarioEdit::specPathForRuntimePath(m_scenario, path, error);
}

QString ScenarioDocument::addChild(const QString &path, bool structured, const QString &nameSuggestion)
{
    QString error;
    const auto spec = specPath(path, &error);
    if (!spec) {
        fail(error);
        return QString();
    }
    const EditResult result = ScenarioEdit::addChild(
        m_scenario, *spec, structured ? ChildLink::Structured : ChildLink::Unstructured, nameSuggestion);
    const QString text = structured ? tr("Add %1 to %2").arg(leaf(result.taskPath), leaf(*spec))
                                    : tr("Add unstructured %1 to %2").arg(leaf(result.taskPath), leaf(*spec));
    return apply(result, text) ? result.taskPath : QString();
}

bool ScenarioDocument::removeTask(const QString &path)
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? apply(ScenarioEdit::removeTask(m_scenario, *spec), tr("Delete %1").arg(leaf(*spec))) : fail(error);
}

bool ScenarioDocument::renameTask(const QString &path, const QString &newName)
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? apply(ScenarioEdit::renameTask(m_scenario, *spec, newName),
                        tr("Rename %1 to %2").arg(leaf(*spec), newName))
                : fail(error);
}

bool ScenarioDocument::moveTask(const QString &path, int delta)
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? apply(ScenarioEdit::moveTask(m_scenario, *spec, delta),
                        delta < 0 ? tr("Move %1 up").arg(leaf(*spec)) : tr("Move %1 down").arg(leaf(*spec)))
                : fail(error);
}

bool ScenarioDocument::setShield(const QString &path, bool shielded)
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? apply(ScenarioEdit::setShield(m_scenario, *spec, shielded),
                        shielded ? tr("Shield %1").arg(leaf(*spec)) : tr("Unshield %1").arg(leaf(*spec)))
                : fail(error);
}

bool ScenarioDocument::setTimeout(const QString &path, qint64 ms)
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? apply(ScenarioEdit::setTimeout(m_scenario, *spec, ms),
                        tr("Timeout of %1 ms on %2").arg(ms).arg(leaf(*spec)))
                : fail(error);
}

bool ScenarioDocument::clearTimeout(const QString &path)
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? apply(ScenarioEdit::setTimeout(m_scenario, *spec, std::nullopt),
                        tr("Clear the timeout of %1").arg(leaf(*spec)))
                : fail(error);
}

bool ScenarioDocument::setRuntimes(const QStringList &names)
{
    std::vector<Runtime> runtimes;
    for (const QString &name : names) {
        Runtime runtime;
        if (!runtimeFromName(name, &runtime))
            return fail(tr("unknown runtime \"%1\": expected asyncio, kotlin or swift").arg(name));
        runtimes.push_back(runtime);
    }
    return apply(ScenarioEdit::setRuntimes(m_scenario, runtimes), tr("Runtimes %1").arg(names.join(u", "_s)));
}

bool ScenarioDocument::setDefaultRuntime(const QString &name)
{
    Runtime runtime;
    if (!runtimeFromName(name, &runtime))
        return fail(tr("unknown runtime \"%1\": expected asyncio, kotlin or swift").arg(name));
    return apply(ScenarioEdit::setDefaultRuntime(m_scenario, runtime), tr("Default runtime %1").arg(name));
}

QString ScenarioDocument::setSteps(const QString &path, const QJsonArray &steps)
{
    QString error;
    const auto spec = specPath(path, &error);
    if (!spec) {
        fail(error);
        return error;
    }
    const EditResult result = ScenarioEdit::setSteps(m_scenario, *spec, steps);
    return apply(result, tr("Edit the steps of %1").arg(leaf(*spec))) ? QString() : result.error;
}

// ---------------------------------------------------------------- questions

QString ScenarioDocument::checkNewName(const QString &path, const QString &newName) const
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? ScenarioEdit::checkNewName(m_scenario, *spec, newName) : error;
}

QVariantMap ScenarioDocument::taskFacts(const QString &path) const
{
    QString error;
    std::optional<TaskFacts> facts;
    if (const auto spec = specPath(path, &error))
        facts = ScenarioEdit::taskFacts(m_scenario, *spec, &error);
    if (!facts)
        return {{u"valid"_s, false}, {u"error"_s, error}};
    return {{u"valid"_s, true},
            {u"error"_s, QString()},
            {u"specPath"_s, facts->specPath},
            {u"isRoot"_s, facts->isRoot},
            {u"shielded"_s, facts->shielded},
            {u"timeoutMs"_s, facts->timeoutMs.value_or(-1)},
            {u"startedBy"_s, facts->isRoot ? QString() : stepKindName(facts->startedBy)},
            {u"indexInStep"_s, facts->indexInStep},
            {u"tasksInStep"_s, facts->tasksInStep}};
}

QJsonArray ScenarioDocument::steps(const QString &path) const
{
    QString error;
    const auto spec = specPath(path, &error);
    return spec ? ScenarioEdit::stepsOf(m_scenario, *spec, &error).value_or(QJsonArray()) : QJsonArray();
}

QVariantMap ScenarioDocument::editAvailability(const QString &path, const QString &runtime) const
{
    const std::pair<const char *, TaskEdit> edits[] = {
        {"addChild", TaskEdit::AddChild}, {"addUnstructured", TaskEdit::AddUnstructured},
        {"rename", TaskEdit::Rename},     {"remove", TaskEdit::Remove},
        {"moveUp", TaskEdit::MoveUp},     {"moveDown", TaskEdit::MoveDown},
        {"shield", TaskEdit::ToggleShield}, {"timeout", TaskEdit::SetTimeout},
        {"clearTimeout", TaskEdit::ClearTimeout}};
    QString error;
    const std::optional<QString> spec = path.isEmpty() ? std::nullopt : specPath(path, &error);
    Runtime r;
    if (!runtimeFromName(runtime, &r))
        r = m_scenario.defaultRuntime();
    QVariantMap reasons;
    for (const auto &[name, edit] : edits) {
        const QString key = QString::fromLatin1(name);
        if (!spec)
            reasons.insert(key, path.isEmpty() ? tr("Select a task first") : error);
        else
            reasons.insert(key, ScenarioEdit::unavailableReason(m_scenario, *spec, edit, r));
    }
    return reasons;
}

QStringList ScenarioDocument::unsupportedSteps(const QString &runtime) const
{
    Runtime r;
    if (!runtimeFromName(runtime, &r))
        return {tr("unknown runtime \"%1\": expected asyncio, kotlin or swift").arg(runtime)};
    return ScenarioEdit::unsupportedSteps(m_scenario, r);
}

} // namespace cascade
