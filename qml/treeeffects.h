#pragma once

#include "treescene.h"

#include <QList>
#include <QString>

namespace cascade {

//! One trace event as the canvas animates it, read from the event model's roles by name.
struct TreeEventRecord {
    QString kind;       // "cancel-request", "cancel-blocked", "checkpoint", "end", ...
    QString task;       // its path
    QString from;       // the requesting task's path, "" for the user or a timer
    QString cause;      // of a cancel-request
    QString blockedBy;  // of a cancel-blocked
    QString outcome;    // of an end
    QString at;         // where a cancel-deliver raised the cancellation
    QString cleanup;    // finally / defer / onCancel
    bool cancelled = false;  // a checkpoint that raised the cancellation
};

enum class TreeEffectKind : quint8 {
    Pulse,           // travels along the route's edges and rings its target on arrival
    Blocked,         // travels, and stops at its target with a "blocked" bar
    Request,         // a request with no task behind it (user, timeout): a ring grows on the task
    CheckPassed,     // thin ring: checked, not cancelled
    CheckRaised,     // thick ring: the check raised the cancellation
    Delivered,       // the cancellation error was raised in the task
    CleanupStarted,  // a halo: finally / defer / handler begins
    CleanupEnded,
};

//! A short animation on the tree, started by one trace event. Purely visual: its timing is wall
//! clock (milliseconds of an animation clock), never fed back into the run.
struct TreeEffect {
    TreeEffectKind kind = TreeEffectKind::Pulse;
    QList<int> route;    // rows from the source to the target along tree edges; one row for a mark on a task
    int upLegs = 0;      // how many legs of the route go up (a failure on its way to the parent)
    bool failure = false; // the whole route in the failure colour
    QString label;       // words beside the target, so the effect never speaks by colour alone
    qint64 startMs = 0;
    int durationMs = 1;
};

//! The effects in flight: made from trace events, paced by the playback speed, capped so that a
//! fast run never piles them up (the oldest goes first), kept on their rows as rows come and go.
class TreeEffects
{
public:
    static constexpr int MaxConcurrent = 12;
    static constexpr double MinSpeed = 0.1;
    static constexpr double MaxSpeed = 10;

    //! How long a pulse takes at a playback speed: over two seconds at 0.1x, 0.6 s at 1x, 0.15 s at 10x.
    [[nodiscard]] static int durationMs(double speed);
    //! The path between two rows along the tree's edges: up from `from` to the nearest common
    //! ancestor, then down to `to`. Two unrelated rows give {from, to}.
    [[nodiscard]] static QList<int> route(const TreeLayout &layout, int from, int to, int *upLegs = nullptr);

    void setSpeed(double speed) { m_speed = speed; }
    [[nodiscard]] double speed() const { return m_speed; }
    //! Starts the effect an event calls for, if any; false when it calls for none (or names no task).
    bool add(const TreeEventRecord &event, const TreeLayout &layout, qint64 nowMs);
    void add(TreeEffect effect);
    void clear() { m_effects.clear(); }
    //! Drops the effects that have ended by `nowMs`.
    void expire(qint64 nowMs);
    //! The tree's rows moved: [first, first + count) were inserted, or [first, last] removed.
    void rowsInserted(int first, int count);
    void rowsRemoved(int first, int last);

    [[nodiscard]] bool isEmpty() const { return m_effects.isEmpty(); }
    [[nodiscard]] const QList<TreeEffect> &effects() const { return m_effects; }
    //! 0 at the start, 1 at the end; a fixed phase (>= 0) overrides the clock (tests, stills).
    [[nodiscard]] static double phase(const TreeEffect &effect, qint64 nowMs, double fixedPhase = -1);

private:
    QList<TreeEffect> m_effects;
    double m_speed = 1;
};

//! Draws the effects over the tree, in item coordinates of the view, each at its phase.
void buildEffectScene(const TreeLayout &layout, const TreeViewport &view, const QList<TreeEffect> &effects,
                      qint64 nowMs, double fixedPhase, const TreeSceneOptions &options, TreeScene *scene);

} // namespace cascade
