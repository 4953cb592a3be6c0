#include "causechainmodel.h"

#include <algorithm>

namespace cascade {

CauseChainModel::CauseChainModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CauseChainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chain.links.size());
}

QVariant CauseChainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_session)
        return {};
    const CauseLink &link = m_chain.links[std::size_t(index.row())];
    static const char *const kinds[] = {"request",  "timeout",   "shutdown", "raised",  "received",
                                        "delivered", "converted", "caught",   "blocked", "ended"};
    switch (role) {
    case SeqRole:
        return link.seq;
    case TimeRole:
        return link.t;
    case TaskRole:
        return m_session->paths()(link.task);
    case NameRole:
        return m_session->paths()(link.task).section(QLatin1Char('/'), -1);
    case KindRole:
        return QString::fromLatin1(kinds[std::size_t(link.kind)]);
    case Qt::DisplayRole:
    case TextRole:
        return m_words.value(index.row());
    case OriginRole:
        return index.row() == 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> CauseChainModel::roleNames() const
{
    return {{SeqRole, "seq"},   {TimeRole, "time"}, {TaskRole, "task"},   {NameRole, "name"},
            {KindRole, "kind"}, {TextRole, "words"}, {OriginRole, "origin"}};
}

void CauseChainModel::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_lists.reset();
    if (session) {
        connect(session, &Session::runChanged, this, [this] {
            m_lists.reset();  // of the old run
            recompute();
        });
        connect(session, &Session::progressed, this, &CauseChainModel::follow);
    }
    recompute();
    Q_EMIT sessionChanged();
}

void CauseChainModel::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    recompute();
    Q_EMIT pathChanged();
}

void CauseChainModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    // The translator is in place by now: the same links, said again.
    if (explains()) {
        say();
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, TextRole});
        Q_EMIT chainChanged();
    }
    Q_EMIT languageChanged();
}

QString CauseChainModel::verdict() const
{
    switch (m_chain.verdict) {
    case CauseVerdict::NotSpawned:
        return QStringLiteral("not-spawned");
    case CauseVerdict::Running:
        return QStringLiteral("running");
    case CauseVerdict::Completed:
        return QStringLiteral("completed");
    case CauseVerdict::Cancelled:
        return QStringLiteral("cancelled");
    case CauseVerdict::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

void CauseChainModel::recompute()
{
    beginResetModel();
    m_chain = CauseChain{};
    m_task = -1;
    m_endSeq = -1;
    m_explainedShown = -1;
    if (m_session && !m_path.isEmpty()) {
        const std::vector<TraceEvent> &trace = m_session->trace();
        const qint64 shown = std::min<qint64>(m_session->shownEvents(), qint64(trace.size()));
        // Only what the window has shown: the chain must not tell the future.
        const std::span<const TraceEvent> prefix(trace.data(), std::size_t(shown));
        const TaskPathResolver paths = m_session->paths();
        if (!m_lists)
            m_lists = std::make_unique<TaskEventLists>(trace);
        m_task = taskWithPath(*m_lists, shown, paths, m_path);
        if (m_task >= 0)
            m_chain = explainTask(prefix, *m_lists, m_task, paths, m_session->actions());
        for (const CauseLink &link : m_chain.links) {
            if (link.kind == CauseLinkKind::Ended && link.task == m_task)
                m_endSeq = link.seq;
        }
        m_explainedShown = shown;
    }
    say();
    endResetModel();
    Q_EMIT chainChanged();
}

void CauseChainModel::follow()
{
    if (!m_session)
        return;
    const qint64 shown = m_session->shownEvents();
    if (m_explainedShown < 0 || shown < m_explainedShown || shown - m_explainedShown > FollowAtMost) {
        recompute();
        return;
    }
    // Going forward, the chain changes only with an event of the task itself (until it ends: the
    // chain leads to its end) or a new task made with the same path.
    const std::vector<TraceEvent> &trace = m_session->trace();
    const TaskPathResolver paths = m_session->paths();
    for (qint64 i = m_explainedShown; i < shown && i < qint64(trace.size()); ++i) {
        const TraceEvent &event = trace[std::size_t(i)];
        if ((m_endSeq < 0 && m_task >= 0 && event.task == m_task)
            || (event.kind == EventKind::Spawn && paths(event.task) == m_path)) {
            recompute();
            return;
        }
    }
    m_explainedShown = shown;
}

void CauseChainModel::say()
{
    m_words.clear();
    m_headline.clear();
    m_note.clear();
    if (!m_session || !explains())
        return;
    const TaskPathResolver paths = m_session->paths();
    for (const CauseLink &link : m_chain.links)
        m_words << linkWords(link, paths);
    const CauseLink &last = m_chain.links.back();
    const bool ended = last.kind == CauseLinkKind::Ended;
    auto has = [this](CauseLinkKind kind) {
        return std::any_of(m_chain.links.begin(), m_chain.links.end(), [kind](const CauseLink &l) { return l.kind == kind; });
    };
    switch (m_chain.verdict) {
    case CauseVerdict::Cancelled:
        m_headline = m_chain.timedOut() ? tr("Timed out: cancelled at %1 ms. Why:").arg(last.t)
                                        : tr("Cancelled at %1 ms. Why:").arg(last.t);
        break;
    case CauseVerdict::Failed:
        if (ended && !last.text.isEmpty())
            m_headline = m_chain.timedOut() ? tr("Timed out: failed with %2 at %1 ms. Why:").arg(last.t).arg(last.text)
                                            : tr("Failed with %2 at %1 ms. Why:").arg(last.t).arg(last.text);
        else
            m_headline = tr("Failed at %1 ms. Why:").arg(last.t);
        break;
    case CauseVerdict::Completed:
        m_headline = tr("Not cancelled: it completed at %1 ms, although:").arg(last.t);
        break;
    case CauseVerdict::Running:
        m_headline = tr("Still running. Its cancellation so far:");
        break;
    case CauseVerdict::NotSpawned:
        break;
    }
    if ((m_chain.verdict == CauseVerdict::Cancelled || m_chain.verdict == CauseVerdict::Failed) && m_chain.links.size() <= 1)
        m_note = tr("The trace shows no cause before the end.");
    else if (m_chain.verdict == CauseVerdict::Completed && has(CauseLinkKind::Request) && !has(CauseLinkKind::Delivered))
        m_note = tr("The cancellation was never delivered: the task reached no check point after the request.");
    else if (m_chain.verdict == CauseVerdict::Running && has(CauseLinkKind::Request) && !has(CauseLinkKind::Delivered))
        m_note = tr("Not delivered yet: the task has reached no check point since the request.");
}

} // namespace cascade
