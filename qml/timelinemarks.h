#pragma once

#include "trace.h"

#include <QtGlobal>

#include <vector>

namespace cascade {

//! What the timeline marks on a lane, one shape each (never colour alone).
enum class TimelineMark : quint8 {
    CancelRequested,  // ▼ at the top of the lane
    Blocked,          // a wall: the request stopped here (a shield, NonCancellable...)
    Delivered,        // ● the cancellation error was raised in the task
    CheckPassed,      // ◇ a check point that did not raise
    CheckRaised,      // ◆ a check point that raised the cancellation
    Timeout,          // ⧗ a deadline fired
    Print,            // □ the task printed
    End,              // ] the task ended (in its final state's colour)
};

//! The timeline's mark for an event kind; false for kinds it does not mark.
[[nodiscard]] bool timelineMarkOf(const TraceEvent &event, TimelineMark *mark);

//! The events a timeline draws beyond the state spans (which TraceIndex has), found in one pass
//! over a finished trace: each task's marked events, and the arrows between lanes (a request from
//! another task, a request blocked on its way, a failure going up to the parent). Indices into the
//! trace, in trace order, so that "shown so far" is a prefix and a time window a binary search.
class TimelineMarks
{
public:
    TimelineMarks() = default;
    explicit TimelineMarks(const std::vector<TraceEvent> &events);

    //! An arrow from one task's lane to another's at the instant of event `event`.
    struct Arrow {
        qint32 event = 0;
        qint32 from = -1;  // task ids
        qint32 to = -1;
    };

    //! The marked events of a task (indices into the trace), in order; empty for an unknown id.
    [[nodiscard]] const std::vector<qint32> &marks(int taskId) const;
    [[nodiscard]] const std::vector<Arrow> &arrows() const { return m_arrows; }
    [[nodiscard]] int taskCount() const { return int(m_marks.size()); }

private:
    std::vector<std::vector<qint32>> m_marks;  // by task id
    std::vector<Arrow> m_arrows;               // in trace order
};

} // namespace cascade
