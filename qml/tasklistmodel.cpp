#include "tasklistmodel.h"

#include <QSet>

#include <algorithm>

namespace cascade {

const TaskState &TaskListModel::stateOf(const Row &row) const
{
    static const TaskState notStarted;
    if (!row.spawned)
        return notStarted;
    const TaskState *state = m_states.state(row.taskId);
    return state ? *state : notStarted;
}

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QString TaskListModel::shownDetail(const TaskState &state)
{
    // The detail in the UI's language; TaskState::detail() stays English for exports.
    switch (state.detailKind) {
    case TaskState::DetailKind::CpuWork:
        return tr("%1 ms of CPU work").arg(state.detailMs);
    case TaskState::DetailKind::DeliveredAt:
        return tr("delivered at %1").arg(state.detailText);
    default:
        return state.detail();
    }
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const TaskState &state = stateOf(row);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case PathRole:
        return row.path;
    case DepthRole:
        return row.depth;
    case StateRole:
        return taskPhaseName(state.phase);
    case DetailRole:
        return shownDetail(state);
    case LinkRole:
        return row.link;
    case PendingSinceRole:
        return state.pendingSince;
    case DeliveredRole:
        return state.delivered;
    case SpawnedRole:
        return row.spawned;
    case ShieldedRole:
        return state.shielded();
    case DeadlineRole:
        return state.earliestDeadline();
    case DeadlineMsRole:
        return state.earliestDeadlineMs();
    case TaskIdRole:
        return row.spawned ? row.taskId : -1;
    case WarningRole:
    case WarningKindRole: {
        QStringList parts;
        for (qsizetype at : m_warningsOfTask.value(row.spawned ? row.taskId : -1)) {
            if (at >= m_warningsShown)
                break;
            const TraceWarning &warning = m_warnings[std::size_t(at)];
            parts << (role == WarningRole ? inLanguage(warning.summary) : QString::fromLatin1(warningKindName(warning.kind)));
        }
        return parts.join(role == WarningRole ? QLatin1Char('\n') : QLatin1Char(' '));
    }
    default:
        return {};
    }
}

QString TaskListModel::inLanguage(const LocalizedText &text) const
{
    return m_language == QLatin1String("ko") && !text.ko.isEmpty() ? text.ko : text.en;
}

void TaskListModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (m_warningsShown > 0 && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {WarningRole});
    Q_EMIT languageChanged();
}

void TaskListModel::setWarnings(std::vector<TraceWarning> warnings, qint64 shownEvents)
{
    // The rows whose warnings change: those of the old run shown so far, and the new run's below.
    QSet<int> rows;
    for (qsizetype at = 0; at < m_warningsShown; ++at)
        rows.insert(rowOf(m_warnings[std::size_t(at)].task));
    m_warnings = std::move(warnings);
    m_warningsOfTask.clear();
    for (qsizetype at = 0; at < qsizetype(m_warnings.size()); ++at)
        m_warningsOfTask[m_warnings[std::size_t(at)].task].append(at);
    m_warningsShown = 0;
    showWarningsBefore(shownEvents, false);
    for (qsizetype at = 0; at < m_warningsShown; ++at)
        rows.insert(rowOf(m_warnings[std::size_t(at)].task));
    for (int row : std::as_const(rows)) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {WarningRole, WarningKindRole});
    }
}

void TaskListModel::showWarningsBefore(qint64 shownEvents, bool announce)
{
    while (m_warningsShown < qsizetype(m_warnings.size()) && m_warnings[std::size_t(m_warningsShown)].seq < shownEvents) {
        const int row = rowOf(m_warnings[std::size_t(m_warningsShown)].task);
        ++m_warningsShown;
        if (announce && row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {WarningRole, WarningKindRole});
    }
}

QHash<int, QByteArray> TaskListModel::roleNames() const
{
    return {{NameRole, "name"},   {PathRole, "path"}, {DepthRole, "depth"},
            {StateRole, "state"}, {DetailRole, "detail"}, {LinkRole, "link"},
            {PendingSinceRole, "pendingSince"}, {DeliveredRole, "delivered"},
            {SpawnedRole, "spawned"}, {ShieldedRole, "shielded"},
            {DeadlineRole, "deadline"}, {DeadlineMsRole, "deadlineMs"}, {TaskIdRole, "taskId"},
            {WarningRole, "warning"}, {WarningKindRole, "warningKind"}};
}

int TaskListModel::rowOfPath(const QString &path) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).path == path)
            return int(i);
    }
    return -1;
}

QVariantMap TaskListModel::info(const QString &path) const
{
    const int at = rowOfPath(path);
    if (at < 0)
        return {};
    const Row &row = m_rows.at(at);
    const TaskState &state = stateOf(row);
    return {{QStringLiteral("name"), row.name},       {QStringLiteral("path"), row.path},
            {QStringLiteral("state"), taskPhaseName(state.phase)}, {QStringLiteral("detail"), shownDetail(state)},
            {QStringLiteral("link"), row.link},       {QStringLiteral("pendingSince"), state.pendingSince},
            {QStringLiteral("delivered"), state.delivered}, {QStringLiteral("depth"), row.depth},
            {QStringLiteral("spawned"), row.spawned}, {QStringLiteral("shielded"), state.shielded()},
            {QStringLiteral("deadline"), state.earliestDeadline()}, {QStringLiteral("deadlineMs"), state.earliestDeadlineMs()},
            {QStringLiteral("warnings"), warningsOf(row)}};
}

QVariantList TaskListModel::warningsOf(const Row &row) const
{
    QVariantList list;
    for (qsizetype at : m_warningsOfTask.value(row.spawned ? row.taskId : -1)) {
        if (at >= m_warningsShown)
            break;
        const TraceWarning &warning = m_warnings[std::size_t(at)];
        list << QVariantMap{{QStringLiteral("kind"), QString::fromLatin1(warningKindName(warning.kind))},
                            {QStringLiteral("summary"), inLanguage(warning.summary)},
                            {QStringLiteral("explanation"), inLanguage(warning.explanation)},
                            {QStringLiteral("seq"), warning.seq}, {QStringLiteral("t"), warning.t}};
    }
    return list;
}

int TaskListModel::rowOf(int taskId) const
{
    return m_rowByTask.value(taskId, -1);
}

void TaskListModel::reindexFrom(qsizetype first)
{
    // Backwards, so that a planned row is recognised by its old index (one less) before a
    // row above it with the same path is moved.
    for (qsizetype i = m_rows.size() - 1; i >= first; --i) {
        const Row &row = m_rows.at(i);
        if (row.spawned)
            m_rowByTask.insert(row.taskId, int(i));
        else if (m_plannedByPath.value(row.path, -1) == i - 1)
            m_plannedByPath.insert(row.path, int(i));
    }
}

void TaskListModel::spawnRow(const TraceEvent &event, const TaskPathResolver &path)
{
    const QString taskPath = path(event.task);
    const QString link = event.code == quint8(LinkCode::Child) ? QStringLiteral("child") : QStringLiteral("unstructured");
    // A planned task: the row is already in place, it only becomes spawned.
    if (const auto planned = m_plannedByPath.constFind(taskPath); planned != m_plannedByPath.cend()) {
        const int at = *planned;
        m_plannedByPath.erase(planned);
        Row &row = m_rows[at];
        row.spawned = true;
        row.taskId = event.task;
        row.parentId = event.other;
        QList<int> roles{SpawnedRole, TaskIdRole};
        if (row.link != link) {
            row.link = link;
            roles << LinkRole;
        }
        m_rowByTask.insert(event.task, at);
        const QModelIndex changed = index(at);
        Q_EMIT dataChanged(changed, changed, roles);
        return;
    }
    Row row;
    row.taskId = event.task;
    row.parentId = event.other;
    row.path = taskPath;
    row.name = row.path.section(QLatin1Char('/'), -1);
    row.link = link;
    // Insert after the parent's last descendant so the list reads as a tree.
    int at = int(m_rows.size());
    const int parentRow = rowOf(event.other);
    if (parentRow >= 0) {
        row.depth = m_rows.at(parentRow).depth + 1;
        at = parentRow + 1;
        while (at < m_rows.size() && m_rows.at(at).depth > m_rows.at(parentRow).depth)
            ++at;
    }
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    m_rowsArePlan = false;  // a row no plan had: a seek lays the plan's rows out anew
    // Only the rows after the new one move; a spawn at the end (the usual case) moves none.
    reindexFrom(at);
    endInsertRows();
}

void TaskListModel::apply(const TraceEvent &event, const TaskPathResolver &path)
{
    const quint16 changes = m_states.apply(event);
    if (event.kind == EventKind::Spawn)
        spawnRow(event, path);
    else
        announceChanges(event, changes);
    showWarningsBefore(event.seq + 1, true);
}

void TaskListModel::announceChanges(const TraceEvent &event, quint16 changes)
{
    const int at = rowOf(event.task);
    if (at < 0 || changes == ChangedNothing)
        return;
    QList<int> roles;
    if (changes & ChangedPhase)
        roles << StateRole;
    if (changes & ChangedDetail)
        roles << DetailRole;
    if (changes & ChangedPending)
        roles << PendingSinceRole;
    if (changes & ChangedDelivered)
        roles << DeliveredRole;
    if (changes & ChangedDeadline)
        roles << DeadlineRole << DeadlineMsRole;
    if (changes & ChangedShielded)
        roles << ShieldedRole;
    const QModelIndex changed = index(at);
    Q_EMIT dataChanged(changed, changed, roles);
}

void TaskListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowsArePlan = false;
    m_states.clear();
    m_rowByTask.clear();
    m_plannedByPath.clear();
    m_warnings.clear();
    m_warningsOfTask.clear();
    m_warningsShown = 0;
    endResetModel();
}

void TaskListModel::showPlan(const std::vector<PlannedTask> &plan)
{
    beginResetModel();
    fillPlan(plan);
    m_rowsPlan = plan;
    m_rowsArePlan = true;
    m_warningsShown = 0;
    endResetModel();
}

void TaskListModel::showPlanAt(const std::vector<PlannedTask> &plan, const TaskStates &states, qint64 shownEvents)
{
    // The rows are this plan's already (a seek in the same run): only what they say changes, so
    // views keep their layout; a reset made the canvas and the timeline lay every row out again.
    const bool sameRows = m_rowsArePlan && plan == m_rowsPlan;
    if (!sameRows)
        beginResetModel();
    std::vector<RowView> before;
    if (sameRows) {
        before.reserve(std::size_t(m_rows.size()));
        for (const Row &row : std::as_const(m_rows))
            before.push_back({row.spawned, row.taskId, row.parentId, row.link, stateOf(row), shownWarnings(row)});
    } else {
        fillPlan(plan);
    }
    m_states = states;
    m_warningsShown = 0;
    showWarningsBefore(shownEvents, false);
    // The planned rows the prefix has spawned, as its spawn events would have made them.
    unspawnRows();
    for (qsizetype at = 0; at < m_rows.size(); ++at) {
        Row &row = m_rows[at];
        const TaskState *state = states.state(row.plannedId);
        if (!state || !state->spawned || m_plannedByPath.value(row.path, -1) != at)
            continue;
        m_plannedByPath.remove(row.path);
        row.spawned = true;
        row.taskId = row.plannedId;
        row.parentId = state->parent;
        row.link = state->child ? QStringLiteral("child") : QStringLiteral("unstructured");
        m_rowByTask.insert(row.taskId, int(at));
    }
    if (!sameRows) {
        m_rowsPlan = plan;
        m_rowsArePlan = true;
        endResetModel();
        return;
    }
    announceRowsChangedSince(before);
}

void TaskListModel::announceRowsChangedSince(const std::vector<RowView> &before)
{
    static const QList<int> stateRoles{StateRole,    DetailRole,     PendingSinceRole, DeliveredRole, ShieldedRole,
                                       DeadlineRole, DeadlineMsRole, WarningRole,      WarningKindRole};
    // A row spawned or unspawned changes whole (all roles); one whose task moved on, its state's.
    enum Change { Same, State, Whole };
    auto changeOf = [&](qsizetype at) {
        const Row &row = m_rows.at(at);
        const RowView &was = before[std::size_t(at)];
        if (row.spawned != was.spawned || row.taskId != was.taskId || row.parentId != was.parentId || row.link != was.link)
            return Whole;
        return stateOf(row) == was.state && shownWarnings(row) == was.warnings ? Same : State;
    };
    // One dataChanged per run of neighbouring rows with the same change: a seek that moves
    // every task on is one signal.
    qsizetype at = 0;
    while (at < m_rows.size()) {
        const Change change = changeOf(at);
        qsizetype end = at + 1;
        while (end < m_rows.size() && changeOf(end) == change)
            ++end;
        if (change != Same)
            Q_EMIT dataChanged(index(int(at)), index(int(end - 1)), change == Whole ? QList<int>() : stateRoles);
        at = end;
    }
}

qsizetype TaskListModel::shownWarnings(const Row &row) const
{
    if (!row.spawned)
        return 0;
    const auto list = m_warningsOfTask.constFind(row.taskId);
    if (list == m_warningsOfTask.cend())
        return 0;
    return std::lower_bound(list->cbegin(), list->cend(), m_warningsShown) - list->cbegin();
}

void TaskListModel::unspawnRows()
{
    m_rowByTask.clear();
    m_plannedByPath.clear();
    for (qsizetype at = 0; at < m_rows.size(); ++at) {
        Row &row = m_rows[at];
        row.spawned = false;
        row.taskId = -1;
        row.parentId = -1;
        row.link = row.plannedChild ? QStringLiteral("child") : QStringLiteral("unstructured");
        // A path made twice (a task made again by a loop) keeps its first row planned.
        if (!m_plannedByPath.contains(row.path))
            m_plannedByPath.insert(row.path, int(at));
    }
}

void TaskListModel::fillPlan(const std::vector<PlannedTask> &plan)
{
    // Children in spawn order, each followed by its subtree: the order a run's inserts give.
    QHash<int, std::vector<int>> childrenOf;  // task id -> indexes into plan
    std::vector<int> roots;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (plan[i].parentId < 0)
            roots.push_back(int(i));
        else
            childrenOf[plan[i].parentId].push_back(int(i));
    }
    m_rows.clear();
    m_states.clear();
    m_rows.reserve(qsizetype(plan.size()));
    std::vector<std::pair<int, int>> stack;  // (plan index, depth), depth-first without recursion
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.emplace_back(*it, 0);
    while (!stack.empty()) {
        const auto [index, depth] = stack.back();
        stack.pop_back();
        const PlannedTask &task = plan[std::size_t(index)];
        Row row;
        row.path = task.path;
        row.name = task.path.section(QLatin1Char('/'), -1);
        row.depth = depth;
        row.plannedId = task.taskId;
        row.plannedChild = task.child;
        m_rows.append(row);
        const auto children = childrenOf.constFind(task.taskId);
        if (children != childrenOf.cend()) {
            for (auto c = children->rbegin(); c != children->rend(); ++c)
                stack.emplace_back(*c, depth + 1);
        }
    }
    unspawnRows();
}

} // namespace cascade
