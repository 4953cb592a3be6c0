#include "codeviewmodel.h"

#include "engine.h"
#include "session.h"
#include "steplocations.h"
#include "tracecompare.h"
#include "traceindex.h"

#include <QClipboard>
#include <QGuiApplication>

#include <algorithm>

namespace cascade {

namespace {
// Names shown at a line's end before the rest are counted ("+8").
constexpr int NamesShown = 3;

QString languageTitle(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return QStringLiteral("Python");
    case CodeLanguage::Kotlin: return QStringLiteral("Kotlin");
    case CodeLanguage::Swift: return QStringLiteral("Swift");
    }
    return {};
}

//! Columns a line takes in a monospace font: Hangul and Han take two (a print's Korean text).
int columnsOf(const QString &text)
{
    int columns = 0;
    for (const QChar c : text) {
        const QChar::Script script = c.script();
        columns += script == QChar::Script_Hangul || script == QChar::Script_Han || script == QChar::Script_Hiragana
                           || script == QChar::Script_Katakana
                       ? 2
                       : 1;
    }
    return columns;
}

QString leafName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}
} // namespace

CodeViewModel::CodeViewModel(QObject *parent)
    : QAbstractListModel(parent)
{
    updateStatus();
}

int CodeViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_code.lines.size());
}

QVariant CodeViewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CodeLine &line = m_code.lines[std::size_t(index.row())];
    const std::set<int> &here = m_lineTasks[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    case LineNumberRole:
        return index.row() + 1;
    case CheckPointRole:
        return (line.marks & CodeLine::CheckPoint) != 0;
    case CleanupRole:
        return (line.marks & CodeLine::Cleanup) != 0;
    case NoEquivalentRole:
        return (line.marks & CodeLine::NoEquivalent) != 0;
    case TasksHereRole: {
        QStringList names;
        if (m_session) {
            for (int task : here)
                names << leafName(m_session->paths()(task));
        }
        return names;
    }
    case TasksTextRole: {
        if (here.empty() || !m_session)
            return QString();
        QStringList names;
        // The selected task's name comes first: it is the one the line is highlighted for.
        if (here.count(m_selectedTask))
            names << leafName(m_session->paths()(m_selectedTask));
        for (int task : here) {
            if (names.size() == NamesShown)
                break;
            if (task != m_selectedTask)
                names << leafName(m_session->paths()(task));
        }
        const int rest = int(here.size()) - int(names.size());
        return rest > 0 ? tr("%1 +%2").arg(names.join(QStringLiteral(", "))).arg(rest) : names.join(QStringLiteral(", "));
    }
    case SelectedHereRole:
        return m_selectedTask >= 0 && here.count(m_selectedTask) > 0;
    case OccupiedRole:
        return !here.empty();
    case PointerRole:
        return line.location >= 0 ? m_code.locations[std::size_t(line.location)].pointer : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> CodeViewModel::roleNames() const
{
    return {
        {TextRole, "text"},
        {LineNumberRole, "lineNumber"},
        {CheckPointRole, "checkPoint"},
        {CleanupRole, "cleanup"},
        {NoEquivalentRole, "noEquivalent"},
        {TasksHereRole, "tasksHere"},
        {TasksTextRole, "tasksText"},
        {SelectedHereRole, "selectedHere"},
        {OccupiedRole, "occupied"},
        {PointerRole, "pointer"},
    };
}

void CodeViewModel::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_statesAt = -1;  // the states were another session's run
    if (m_session) {
        connect(m_session, &Session::scenarioChanged, this, &CodeViewModel::regenerate);
        connect(m_session, &Session::runtimeChanged, this, &CodeViewModel::followRuntime);
        connect(m_session, &Session::runChanged, this, [this] {
            m_stepLines.clear();  // another engine: its location indices are its own
            m_statesAt = -1;      // and another trace, even at the same address
            findSelectedTask();
            recompute();
            announceDirtyLines();
            updateStatus();
        });
        connect(m_session, &Session::progressed, this, &CodeViewModel::follow);
        connect(m_session, &Session::recordingStatusChanged, this, &CodeViewModel::updateStatus);
        connect(m_session, &Session::selectedPathChanged, this, [this] {
            findSelectedTask();
            announceDirtyLines();
        });
        connect(m_session, &QObject::destroyed, this, [this] { regenerate(); });
    }
    Q_EMIT sessionChanged();
    if (m_followsRuntime && m_session)
        m_language = codeLanguageOf(m_session->runtimeValue());
    regenerate();
}

void CodeViewModel::setLanguage(const QString &name)
{
    CodeLanguage language = m_language;
    if (!codeLanguageFromName(name, &language))
        return;
    const bool changed = language != m_language || m_followsRuntime;
    m_followsRuntime = false;
    if (!changed)
        return;
    const bool regenerateCode = language != m_language;
    m_language = language;
    Q_EMIT languageChanged();
    if (regenerateCode)
        regenerate();
    updateStatus();
}

void CodeViewModel::setFollowsRuntime(bool follows)
{
    if (follows == m_followsRuntime)
        return;
    m_followsRuntime = follows;
    Q_EMIT languageChanged();
    followRuntime();
}

void CodeViewModel::followRuntime()
{
    // Session emits runtimeChanged on every restart too: only another language makes new code.
    if (m_followsRuntime && m_session && codeLanguageOf(m_session->runtimeValue()) != m_language) {
        m_language = codeLanguageOf(m_session->runtimeValue());
        Q_EMIT languageChanged();
        regenerate();
    }
    updateStatus();
}

void CodeViewModel::regenerate()
{
    beginResetModel();
    m_code = m_session && m_session->scenario() ? generateCode(*m_session->scenario(), m_language) : GeneratedCode();
    m_longestLine = 0;
    for (const CodeLine &line : m_code.lines)
        m_longestLine = std::max(m_longestLine, columnsOf(line.text));
    m_lineTasks.assign(m_code.lines.size(), {});
    m_dirty.assign(m_code.lines.size(), 0);
    m_dirtyLines.clear();
    m_taskLines.clear();
    m_stepLines.clear();
    findSelectedTask();
    recompute();
    m_dirtyLines.clear();  // the reset announces every line
    std::fill(m_dirty.begin(), m_dirty.end(), 0);
    endResetModel();
    Q_EMIT codeChanged();
    announceDirtyLines();
    updateStatus();
}

int CodeViewModel::lineOfStep(int step)
{
    const Engine *engine = m_session ? m_session->engine() : nullptr;
    if (!engine || step < 0 || step >= engine->stepLocations().size())
        return 0;
    if (m_stepLines.empty())
        m_stepLines.assign(std::size_t(engine->stepLocations().size()), -1);
    int &cached = m_stepLines[std::size_t(step)];
    if (cached < 0) {
        // A place the language has no code for (asyncio's inner task of a shield under Kotlin)
        // stands on the place around it.
        int line = 0;
        for (int at = step; at >= 0 && line == 0; at = engine->stepLocations().at(at).parent)
            line = m_code.headLine(engine->stepPointer(at));
        cached = line;
    }
    return cached;
}

void CodeViewModel::place(int task, int line)
{
    if (task < 0)
        return;
    if (std::size_t(task) >= m_taskLines.size())
        m_taskLines.resize(std::size_t(task) + 1, 0);
    int &current = m_taskLines[std::size_t(task)];
    if (current == line)
        return;
    const auto markDirty = [this](int changed) {
        if (!m_dirty[std::size_t(changed - 1)]) {
            m_dirty[std::size_t(changed - 1)] = 1;
            m_dirtyLines.push_back(changed);
        }
    };
    if (current > 0) {
        m_lineTasks[std::size_t(current - 1)].erase(task);
        markDirty(current);
    }
    current = line;
    if (line > 0) {
        m_lineTasks[std::size_t(line - 1)].insert(task);
        markDirty(line);
    }
}

void CodeViewModel::recompute()
{
    const Engine *engine = m_session ? m_session->engine() : nullptr;
    const TraceIndex *index = m_session ? m_session->index() : nullptr;
    const std::vector<TraceEvent> *trace = m_session ? &m_session->trace() : nullptr;
    const qint64 shown = m_session ? std::min<qint64>(m_session->shownEvents(), qint64(trace->size())) : 0;
    // Each task's state after the events shown says where it stands (an ended task nowhere); the
    // index gets there from its nearest snapshot, so a seek costs the same anywhere in a long run.
    if (engine && index) {
        index->seek(&m_states, &m_statesAt, shown);
    } else {
        m_states.clear();
        m_statesAt = -1;
    }
    const std::size_t tasks = std::max(std::size_t(m_states.size()), m_taskLines.size());
    for (std::size_t task = 0; task < tasks; ++task) {
        const TaskState *state = m_states.state(int(task));
        place(int(task), state && state->step >= 0 ? lineOfStep(state->step) : 0);
    }
    m_trace = trace;
    m_applied = shown;
}

void CodeViewModel::follow()
{
    if (!m_session)
        return;
    const std::vector<TraceEvent> &trace = m_session->trace();
    const qint64 shown = std::min<qint64>(m_session->shownEvents(), qint64(trace.size()));
    if (&trace != m_trace || shown < m_applied || shown - m_applied > FollowAtMost || !m_session->engine()) {
        recompute();
        announceDirtyLines();
        return;
    }
    for (; m_applied < shown; ++m_applied) {
        const TraceEvent &event = trace[std::size_t(m_applied)];
        if (event.kind == EventKind::End)
            place(event.task, 0);
        else if (event.step >= 0)
            place(event.task, lineOfStep(event.step));
    }
    announceDirtyLines();
}

void CodeViewModel::findSelectedTask()
{
    const int before = m_selectedTask;
    m_selectedTask = -1;
    if (m_session && m_session->index() && !m_session->selectedPath().isEmpty()) {
        const TaskPathResolver paths = m_session->paths();
        for (int task = 0; task < m_session->index()->taskCount(); ++task) {
            if (paths(task) == m_session->selectedPath()) {
                m_selectedTask = task;
                break;
            }
        }
    }
    if (before == m_selectedTask)
        return;
    // The lines the selection leaves and reaches change their highlight.
    for (int task : {before, m_selectedTask}) {
        const int line = task >= 0 && std::size_t(task) < m_taskLines.size() ? m_taskLines[std::size_t(task)] : 0;
        if (line > 0 && !m_dirty[std::size_t(line - 1)]) {
            m_dirty[std::size_t(line - 1)] = 1;
            m_dirtyLines.push_back(line);
        }
    }
}

int CodeViewModel::selectedLine() const
{
    return m_selectedTask >= 0 && std::size_t(m_selectedTask) < m_taskLines.size() ? m_taskLines[std::size_t(m_selectedTask)] : 0;
}

int CodeViewModel::lineOfTask(const QString &path) const
{
    if (!m_session || !m_session->index())
        return 0;
    const TaskPathResolver paths = m_session->paths();
    for (int task = 0; task < int(m_taskLines.size()); ++task) {
        if (m_taskLines[std::size_t(task)] > 0 && paths(task) == path)
            return m_taskLines[std::size_t(task)];
    }
    return 0;
}

void CodeViewModel::announceDirtyLines()
{
    if (!m_dirtyLines.empty()) {
        std::sort(m_dirtyLines.begin(), m_dirtyLines.end());
        static const QList<int> roles{TasksHereRole, TasksTextRole, SelectedHereRole, OccupiedRole};
        // One dataChanged per run of neighbouring lines.
        std::size_t begin = 0;
        while (begin < m_dirtyLines.size()) {
            std::size_t end = begin + 1;
            while (end < m_dirtyLines.size() && m_dirtyLines[end] == m_dirtyLines[end - 1] + 1)
                ++end;
            Q_EMIT dataChanged(index(m_dirtyLines[begin] - 1), index(m_dirtyLines[end - 1] - 1), roles);
            begin = end;
        }
        for (int line : m_dirtyLines)
            m_dirty[std::size_t(line - 1)] = 0;
        m_dirtyLines.clear();
    }
    if (selectedLine() != m_announcedSelectedLine) {
        m_announcedSelectedLine = selectedLine();
        Q_EMIT selectedLineChanged();
    }
}

void CodeViewModel::updateStatus()
{
    QString status;
    if (!m_session || !m_session->scenario()) {
        status = tr("No scenario is open.");
    } else if (m_session->checking()) {
        status = tr("The recording is being replayed to check it; lines are marked once that is done.");
    } else if (m_session->readOnly()) {
        status = tr("This recording is shown as it was recorded, without the engine: where each task stood is not "
                    "recorded, so no line is marked.");
    } else if (!m_session->unavailable().isEmpty()) {
        status = tr("This scenario cannot run under %1, so no line is marked.").arg(runtimeTitle(m_session->runtimeValue()));
    } else if (codeLanguageOf(m_session->runtimeValue()) != m_language) {
        status = tr("The run is under %1: the marks show where its tasks stand in this %2 version.")
                     .arg(runtimeTitle(m_session->runtimeValue()), languageTitle(m_language));
    }
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

void CodeViewModel::copyToClipboard() const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_code.text);
}

} // namespace cascade
