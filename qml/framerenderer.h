#pragma once

#include "timelinemarks.h"
#include "treeeffects.h"
#include "treelayout.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

class QIODevice;

namespace cascade {

class Session;

//! How an exported picture looks: its size, the theme, and the title line's lesson title.
struct FrameOptions {
    QSize size{1280, 720};
    bool highContrast = false;
    QString title;             // "" uses the session's (English) title
    //! At most this share of the height below the title line goes to the timeline (less when its
    //! lanes need less); the tree has the rest.
    double timelineShare = 0.44;
};

//! Pictures of a session as it stands: a title line (lesson, runtime, t = N ms), the tree fitted
//! into the upper part and the timeline of the whole run under it, painted with QPainter through
//! the same scene builders and timeline routine as the window (buildTreeScene, buildEffectScene,
//! paintTimeline), so it needs no window and draws the same under any platform. Keeps the tree's
//! layout and the timeline's marks between frames of one run.
class FrameRenderer
{
public:
    explicit FrameRenderer(Session *session);
    ~FrameRenderer();

    //! The session's tasks and events as they stand now, with `effects` (if any) drawn at the
    //! animation clock `effectClockMs`.
    [[nodiscard]] QImage render(const FrameOptions &options, const TreeEffects *effects = nullptr, qint64 effectClockMs = 0);
    //! The tree's layout as of the last render() or refresh() (rows for TreeEffects::add).
    [[nodiscard]] const TreeLayout &layout() const { return m_layout; }
    //! Reads the task list again (after the session moved).
    void refresh();

private:
    Session *m_session;
    TreeLayout m_layout;
    std::unique_ptr<TimelineMarks> m_marks;
    const void *m_marksFor = nullptr;  // the trace the marks were made from (a GIF plays one run)
    std::size_t m_marksSize = 0;
};

//! How a GIF plays a session: the stretch of virtual time, frames per second of wall time, and
//! the playback speed, as the window would play it.
struct GifOptions {
    qint64 from = 0;
    qint64 to = -1;         // -1: to the end of the run
    int fps = 10;
    double speed = 1;
    int holdMs = 2000;      // the last frame stays this much longer
    int maxFrames = 3000;
    FrameOptions frame;
};

//! Plays `session` from `from` to `to` the way the window does (Session::advanceFrame, 16 ms of
//! wall time a tick, events revealed at the speed's pace) and writes a frame every 1000 / fps ms of
//! wall time into an animated GIF on `device`, with the propagation animation (TreeEffects fed
//! with each tick's events, drawn at the frame's instant). False with *error set; *frames gets
//! how many frames the GIF holds (identical frames in a row are merged).
bool writeSessionGif(Session &session, const GifOptions &options, QIODevice &device, QString *error,
                     int *frames = nullptr);

} // namespace cascade
