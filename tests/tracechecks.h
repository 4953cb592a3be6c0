#pragma once

// The trace invariants: properties every trace must have, whatever the scenario, runtime and user
// actions. checkInvariants() takes a trace and what the generator knows about its scenario
// (tests/randomscenario.h) and returns the problems found, the first one first. It is shared by
// the random sweep (tst_invariants), the regression cases (tst_regressions) and the replay helper.
//
//  (a) seq counts from 0 without gaps; t never decreases.
//  (b) every task (0 .. taskCount-1) has exactly one spawn, and it is its first event; at most one
//      start and at most one end; when the run finished, exactly one end (but none for a task
//      asyncio.run() abandoned: started during the shutdown, still pending when it returned). A task that never
//      started ended cancelled (asyncio, Kotlin) -- Swift still starts it.
//  (c) no event for a task after its end (action-ignored is reported on the root and exempt).
//  (d) structured children (spawn link "child") end before their parent ends. Exception, per
//      semantics.md (asyncio, gather): "A child that raises (without return_exceptions) makes
//      `await gather` raise at once, and the other children keep running" -- a gather child may
//      outlive its parent only if a sibling of the same gather call ended cancelled or failed
//      before the parent ended, or an error was raised into the parent (a user "fail") while it
//      awaited the gather -- the await ends the same way and the children are left running. Also
//      asyncio: a tolerant group is gather(..., return_exceptions=True) after its steps, so steps
//      that leave the group early leave its tasks running; and a cancel that interrupts wait_for
//      while it waits for its inner task's cancellation leaves that task running (CPython 3.11).
//  (e) nothing inside a shield is cancelled from outside it (tracechecks_shields.cpp):
//      asyncio -- every cancel-request on the inner task of a shield step, or on a task below it,
//        comes from a task inside that shield, from the user, from asyncio.run()'s shutdown, or from
//        the task's own timeout (semantics.md: "cancelling the outer side ... raises CancelledError
//        in the awaiter while the inner work goes on");
//      Kotlin -- the generator marks every withContext(NonCancellable) body with prints; (e1) inside
//        a body that opens no cancelling scope of its own no cancel-deliver happens and no check
//        sees the task cancelled; inside one that does (timeout / group), a delivery needs a
//        timeout or a failure request on the task after entering; (e2) when a cancellation of the
//        task is blocked as non-cancellable, the same cascade does not cancel children the task
//        started inside the NonCancellable block (they are not children of the cancelled job).
//  (f) every cancel-deliver of a task follows a cancel-request for it or a timeout in it; in
//      asyncio (one request, one CancelledError) deliveries never outnumber requests + timeouts
//      (not counting at=ifCancelled: `if task.cancelling(): raise` is the program raising).
//  (g) the run ends without abortReason.
//  (h) an end carries its error exactly when the outcome is cancelled or failed (trace-format.md).
//  (i) suspend and resume alternate; a suspended task emits nothing of its own (only requests,
//      blocked notes, timers and cancellation handlers reach it); a sleep that resumes before its
//      time raises at once (cancel-deliver or raise).
//  (j) asyncio: while a task runs CPU work nothing else happens (semantics.md: "no other task
//      runs, no timer fires, no one can call cancel() until the working task awaits").
//  (k) Swift: a task's cancelled flag is requested at most once.
//  (l) a user "fail" that reached a task that had started is raised by it (README: "make the task
//      raise Error at MS"), or reported as action-ignored; never dropped silently.
//  (m) timeouts and shields are marked (tracechecks_marks.cpp): per task, every deadline-clear
//      closes an open deadline-set with that deadline, a timeout fires only at an open deadline, and
//      no deadline is open at its end; shield-on / shield-off never go below zero and none is on
//      at its end; cancel-blocked by=shield only on a shielded task, by=non-cancellable only on a
//      shielded task or one spawned while its parent was shielded (a child of NonCancellable is
//      no child of the outer job, even after the block ends); a user shield toggles (its
//      on / off alternate); with the user's shield on, a request from outside (cause parent,
//      awaiter) is blocked, never delivered as a cancel-request; under Swift there are no marks.
//  (n) error-discarded comes only under Swift, on a task about a structured child of it that
//      ended failed with that very error before (tracechecks_marks.cpp).

#include "randomscenario.h"

#include "engine.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace cascade::testing {

//! What the checker needs to know about one run.
struct RunView {
    Runtime runtime = Runtime::Asyncio;
    const std::vector<TraceEvent> *events = nullptr;
    int taskCount = 0;
    TaskPathResolver path;
    bool finished = true;
    QString abortReason;
    QSet<int> abandoned;  // asyncio: pending when asyncio.run() returned (Engine::abandoned): no end
    const ScenarioFacts *facts = nullptr;
    QList<UserAction> actions;
};

//! The view of a run of `engine` (which must outlive it), with the facts of its scenario and the
//! actions scheduled on it.
[[nodiscard]] RunView runViewOf(const Engine &engine, Runtime runtime, const ScenarioFacts &facts,
                                const QList<UserAction> &actions);

//! The problems of the run, in the order (a), (b) (c), (d), (e), (f), (h), (i), (j), (k), (l), (m), (n), (g),
//! at most 20. Each starts with its invariant, e.g. "(d) seq 12: main ends while ...". Empty: none.
[[nodiscard]] QStringList checkInvariants(const RunView &run);

//! How much of what the invariants look at a sweep produced (so that a sweep that never cancels
//! anything inside a shield cannot pass for a check of shields).
struct Coverage {
    enum Counter { Events, Deliveries, Timeouts, ShieldBlocks, NonCancellableBlocks, SignalWaits, RegionsEntered,
                   InjectedRaises, StartlessEnds, UserDeadlines, UserTimeouts, UserShields, UserShieldBlocks, Count };
    qint64 counts[Count] = {};

    [[nodiscard]] static const char *name(int counter);
    //! Whether the sweep of `runtime` must produce `counter` at all.
    [[nodiscard]] static bool appliesTo(int counter, Runtime runtime);
    //! Counts the events of one run (tasks that never started included).
    void add(const std::vector<TraceEvent> &events, int taskCount);
    void add(const Coverage &other);
    [[nodiscard]] QByteArray serialize() const;
    [[nodiscard]] static Coverage parse(const QByteArray &text);
};

} // namespace cascade::testing
