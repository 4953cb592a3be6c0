#pragma once

#include "recording.h"
#include "traceindex.h"

#include <QString>

class QIODevice;

namespace cascade {

//! Writes a recording in the Chrome trace event format (the JSON object form, with
//! "traceEvents"), which Perfetto and chrome://tracing open: one track (tid) per task named by
//! thread_name metadata, the task's phases as complete ("X") slices from the index's spans,
//! instant ("i") events for check points, cancel requests and blocks, deliveries, timeouts,
//! prints and the other marks, and each cancel request from one task to another as a flow
//! ("s" on the requester, "f" with bp "e" on the target). Timestamps are virtual time in
//! microseconds (1 ms of virtual time = 1000). Written in slices; false when the device refused.
//! `index` must be built over `recording.events`.
[[nodiscard]] bool writeChromeTrace(const Recording &recording, const TraceIndex &index, QIODevice &device);

} // namespace cascade
