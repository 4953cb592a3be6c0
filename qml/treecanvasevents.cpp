// TreeCanvas's animation layer: trace events in, effects out (the tree itself is treecanvas.cpp).
#include "treecanvas.h"

#include <algorithm>

namespace cascade {

void TreeCanvas::setEvents(QAbstractItemModel *events)
{
    if (m_events == events)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_eventConnections))
        disconnect(connection);
    m_eventConnections.clear();
    m_events = events;
    if (events) {
        using M = QAbstractItemModel;
        m_eventConnections = {
            connect(events, &M::rowsInserted, this, &TreeCanvas::onEventsInserted),
            connect(events, &M::modelReset, this, &TreeCanvas::onEventsReset),
            connect(events, &M::layoutChanged, this, &TreeCanvas::onEventsReset),
            connect(events, &M::rowsRemoved, this, &TreeCanvas::onEventsReset),
            connect(events, &QObject::destroyed, this, [this] {
                m_events = nullptr;
                m_eventConnections.clear();
                onEventsReset();
                Q_EMIT eventsChanged();
            }),
        };
    }
    resolveEventRoles();
    onEventsReset();  // what is already in the model is history, not news
    Q_EMIT eventsChanged();
}

void TreeCanvas::resolveEventRoles()
{
    m_eventRoles = EventRoles{};
    if (!m_events)
        return;
    const QHash<int, QByteArray> names = m_events->roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        EventRoles &r = m_eventRoles;
        for (auto [name, role] : {std::pair{"kind", &r.kind}, {"task", &r.task}, {"from", &r.from}, {"cause", &r.cause},
                                  {"blockedBy", &r.blockedBy}, {"cancelled", &r.cancelled}, {"outcome", &r.outcome},
                                  {"at", &r.at}, {"cleanup", &r.cleanup}}) {
            if (it.value() == name)
                *role = it.key();
        }
    }
}

void TreeCanvas::onEventsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (m_eventRoles.kind < 0)
        resolveEventRoles();  // a ListModel has roles only once it has rows
    // Rows are looked at only at the end of this turn of the event loop: a whole refill (after a
    // step back or a seek) arrives within one turn, and must not replay as a flood of pulses.
    if (m_turnFirst < 0)
        m_turnFirst = first;
    m_turnRows += last - first + 1;
    if (!m_turnQueued) {
        m_turnQueued = true;
        QMetaObject::invokeMethod(this, &TreeCanvas::endOfTurn, Qt::QueuedConnection);
    }
}

void TreeCanvas::onEventsReset()
{
    m_effects.clear();
    m_turnIsRefill = true;  // rows that follow in this turn rebuild the history
    m_turnFirst = -1;
    m_turnRows = 0;
    if (!m_turnQueued) {
        m_turnQueued = true;
        QMetaObject::invokeMethod(this, &TreeCanvas::endOfTurn, Qt::QueuedConnection);
    }
    Q_EMIT activeEffectsChanged();
    requestFrame();
}

void TreeCanvas::endOfTurn()
{
    const int first = m_turnFirst;
    const int rows = m_turnRows;
    const bool refill = m_turnIsRefill;
    m_turnQueued = false;
    m_turnIsRefill = false;
    m_turnFirst = -1;
    m_turnRows = 0;
    if (refill || !m_events || first < 0)
        return;
    // A big batch in one play tick (a root cancel reaching 10,000 tasks at one instant) shows the
    // start of the wave, where it comes from, rather than its last few leaves: only its first
    // effects are started.
    const int budget = rows > BurstRows ? TreeEffects::MaxConcurrent : rows;
    int started = 0;
    const int end = std::min(first + rows, m_events->rowCount());
    for (int row = first; row < end && started < budget; ++row)
        started += m_effects.add(readEvent(row), m_layout, clockMs()) ? 1 : 0;
    if (started)
        startEffects();
}

TreeEventRecord TreeCanvas::readEvent(int row) const
{
    const QModelIndex index = m_events->index(row, 0);
    auto text = [&index](int role) { return role >= 0 ? index.data(role).toString() : QString(); };
    TreeEventRecord event;
    event.kind = text(m_eventRoles.kind);
    event.task = text(m_eventRoles.task);
    event.from = text(m_eventRoles.from);
    event.cause = text(m_eventRoles.cause);
    event.blockedBy = text(m_eventRoles.blockedBy);
    event.outcome = text(m_eventRoles.outcome);
    event.at = text(m_eventRoles.at);
    event.cleanup = text(m_eventRoles.cleanup);
    event.cancelled = m_eventRoles.cancelled >= 0 && index.data(m_eventRoles.cancelled).toBool();
    return event;
}

bool TreeCanvas::animateEvent(const QVariantMap &map)
{
    auto text = [&map](const char *key) { return map.value(QLatin1String(key)).toString(); };
    const TreeEventRecord event{text("kind"), text("task"), text("from"), text("cause"), text("blockedBy"),
                                text("outcome"), text("at"), text("cleanup"), map.value(QStringLiteral("cancelled")).toBool()};
    if (!m_effects.add(event, m_layout, clockMs()))
        return false;
    startEffects();
    return true;
}

void TreeCanvas::startEffects()
{
    if (m_animationPhase < 0 && !m_frameTimer.isActive())
        m_frameTimer.start();
    Q_EMIT activeEffectsChanged();
    requestFrame();
}

void TreeCanvas::onFrameTimer()
{
    // Wall-clock animation only: it never touches the run or the trace.
    const int before = activeEffects();
    m_effects.expire(clockMs());
    if (m_effects.isEmpty())
        m_frameTimer.stop();
    if (activeEffects() != before)
        Q_EMIT activeEffectsChanged();
    requestFrame();
}

void TreeCanvas::setSpeed(qreal speed)
{
    speed = std::clamp(speed, TreeEffects::MinSpeed, TreeEffects::MaxSpeed);
    if (qFuzzyCompare(speed, m_effects.speed()))
        return;
    m_effects.setSpeed(speed);
    Q_EMIT speedChanged();
}

void TreeCanvas::setAnimationPhase(qreal phase)
{
    phase = phase < 0 ? -1 : std::min(phase, 1.0);
    if (qFuzzyCompare(phase + 2, m_animationPhase + 2))
        return;
    m_animationPhase = phase;
    if (phase >= 0)
        m_frameTimer.stop();  // frozen: effects stay until the clock runs again
    else if (!m_effects.isEmpty())
        m_frameTimer.start();
    Q_EMIT animationPhaseChanged();
    requestFrame();
}

} // namespace cascade
