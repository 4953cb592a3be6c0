#include "openedrecording.h"

namespace cascade {

OpenedRecording::OpenedRecording(Recording recording)
    : m_recording(std::move(recording))
    , m_index(m_recording.events)
{
}

std::unique_ptr<OpenedRecording> OpenedRecording::open(const QString &path, QString *error)
{
    std::optional<Recording> recording = RecordingLoader::loadFile(path, error);
    if (!recording)
        return nullptr;
    return std::make_unique<OpenedRecording>(std::move(*recording));
}

} // namespace cascade
