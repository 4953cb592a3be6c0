#pragma once

// The invariant checker behind checkInvariants() (tracechecks.h), internal to the checks: one
// instance checks one run. tracechecks.cpp holds (a)-(d) and (f)-(l), tracechecks_shields.cpp (e),
// tracechecks_marks.cpp (m) and (n).

#include "tracechecks.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace cascade::testing {

class TraceChecker {
public:
    explicit TraceChecker(const RunView &run) : m_run(run), m_events(*run.events) {}

    //! Every invariant, in the order documented at checkInvariants().
    QStringList check();

private:
    struct TaskInfo {
        qsizetype spawn = -1;
        int spawns = 0;
        qsizetype start = -1;
        int starts = 0;
        qsizetype end = -1;
        int ends = 0;
        qsizetype first = -1;
        int parent = -1;
        bool child = false;
        Outcome outcome = Outcome::Completed;
        QString name;
    };

    void fail(const QString &invariant, qsizetype at, const QString &what);
    QString who(int id) const { return id >= 0 ? m_run.path(id) : QStringLiteral("(none)"); }
    bool validTask(int id) const { return id >= 0 && id < m_run.taskCount; }

    void indexTasks();
    bool isDescendantOrSelf(int id, int ancestor) const;

    void checkOrder();                 // (a)
    void checkLifecycle();             // (b), (c)
    void checkStructuredEnds();        // (d)
    bool gatherLeftRunning(int id) const;
    bool waitForInterrupted(int id) const;
    void checkAsyncioShields();        // (e) asyncio, tracechecks_shields.cpp
    bool ownTimeoutAt(int task, qsizetype index) const;
    void checkKotlinNonCancellable();  // (e) Kotlin, tracechecks_shields.cpp
    void checkDeliveries();            // (f)
    void checkEnds();                  // (h)
    void checkSuspensions();           // (i)
    void checkAsyncioCpu();            // (j)
    void checkSwiftFlag();             // (k)
    void checkFailActions();           // (l)
    void checkMarks();                 // (m), tracechecks_marks.cpp
    void checkDiscardedErrors();       // (n), tracechecks_marks.cpp

    const RunView &m_run;
    const std::vector<TraceEvent> &m_events;
    std::vector<TaskInfo> m_tasks;
    QStringList m_problems;
};

} // namespace cascade::testing
