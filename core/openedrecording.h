#pragma once

#include "recording.h"
#include "traceindex.h"

#include <QString>

#include <memory>

namespace cascade {

//! A recording opened for viewing: the recording and its seek index together, in one place that
//! never moves (the index points into the recording's events). What a timeline or a player
//! holds: load once, then scrub with index().seek() and draw index().spans(task).
class OpenedRecording {
public:
    //! Loads and indexes the file; null with *error set (RecordingLoader's one-line message).
    [[nodiscard]] static std::unique_ptr<OpenedRecording> open(const QString &path, QString *error);
    //! Indexes a recording already in memory (a run just made, say).
    explicit OpenedRecording(Recording recording);
    OpenedRecording(const OpenedRecording &) = delete;
    OpenedRecording &operator=(const OpenedRecording &) = delete;

    [[nodiscard]] const Recording &recording() const { return m_recording; }
    [[nodiscard]] const TraceIndex &index() const { return m_index; }

private:
    const Recording m_recording;
    const TraceIndex m_index;
};

} // namespace cascade
