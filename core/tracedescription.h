#pragma once

#include "trace.h"

#include <QString>

namespace cascade {

//! One trace event as a short sentence for people, without the task it is about (the event log
//! and the inspector show that beside it): "cancel requested by main (its code)",
//! "cancellation delivered at sleep", "ends cancelled (CancelledError)". Translatable through
//! Qt Linguist (context "TraceDescription"). For the exact fields, docs/trace-format.md.
[[nodiscard]] QString describeTraceEvent(const TraceEvent &event, const TaskPathResolver &path);

} // namespace cascade
