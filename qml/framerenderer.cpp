#include "framerenderer.h"

#include "gifwriter.h"
#include "session.h"
#include "timelinepainter.h"
#include "treecanvasnodes.h"
#include "treescene.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <optional>

namespace cascade {

namespace {

class TimelineWords
{
    Q_DECLARE_TR_FUNCTIONS(Timeline)
};

//! Trace events as the canvas animates them, read from the event log's rows by role name.
class EventRecordReader
{
public:
    explicit EventRecordReader(const QAbstractItemModel *model) : m_model(model)
    {
        const QHash<int, QByteArray> names = model->roleNames();
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            m_roles.insert(it.value(), it.key());
    }
    [[nodiscard]] TreeEventRecord read(int row) const
    {
        const QModelIndex index = m_model->index(row, 0);
        const auto text = [&](const char *name) {
            const int role = m_roles.value(QByteArray(name), -1);
            return role >= 0 ? index.data(role).toString() : QString();
        };
        const int cancelled = m_roles.value(QByteArrayLiteral("cancelled"), -1);
        return {text("kind"), text("task"), text("from"), text("cause"), text("blockedBy"), text("outcome"),
                text("at"), text("cleanup"), cancelled >= 0 && index.data(cancelled).toBool()};
    }

private:
    const QAbstractItemModel *m_model;
    QHash<QByteArray, int> m_roles;
};

} // namespace

FrameRenderer::FrameRenderer(Session *session)
    : m_session(session)
{
}

FrameRenderer::~FrameRenderer() = default;

void FrameRenderer::refresh()
{
    QAbstractItemModel *model = m_session->tasks();
    TreeModelReader reader;
    reader.resolve(model);
    QList<TreeNode> nodes;
    nodes.reserve(model->rowCount());
    for (int row = 0, rows = model->rowCount(); row < rows; ++row)
        nodes.append(reader.read(model, row));
    m_layout.reset(std::move(nodes));
    const std::vector<TraceEvent> &trace = m_session->trace();
    if (!m_marks || m_marksFor != static_cast<const void *>(&trace) || m_marksSize != trace.size()) {
        m_marks = std::make_unique<TimelineMarks>(trace);
        m_marksFor = &trace;
        m_marksSize = trace.size();
    }
}

QImage FrameRenderer::render(const FrameOptions &options, const TreeEffects *effects, qint64 effectClockMs)
{
    refresh();
    const QSize size = options.size.expandedTo(QSize(64, 64));
    const TreePalette &palette = treePalette(options.highContrast);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor::fromRgba(palette.background));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    // The title line: what this is, under which rules, and when.
    const double titleHeight = std::clamp(size.height() * 0.06, 24.0, 56.0);
    const QFont titleFont = labelFont(true, titleHeight * 0.5);
    const QFont plainFont = labelFont(false, titleHeight * 0.42);
    const QString title = options.title.isEmpty() ? m_session->title() : options.title;
    const QString when = TimelineWords::tr("t = %1 ms").arg(m_session->now());
    painter.setFont(titleFont);
    const double whenWidth = QFontMetricsF(titleFont).horizontalAdvance(when);
    painter.setPen(QColor::fromRgba(palette.text));
    painter.drawText(QRectF(size.width() - whenWidth - 14, 0, whenWidth + 4, titleHeight), Qt::AlignVCenter | Qt::AlignLeft, when);
    const QString runtime = m_session->runtime();
    painter.setFont(plainFont);
    const double runtimeWidth = QFontMetricsF(plainFont).horizontalAdvance(runtime);
    const double runtimeLeft = size.width() - whenWidth - 34 - runtimeWidth;
    painter.setPen(QColor::fromRgba(palette.mutedText));
    painter.drawText(QRectF(runtimeLeft, 0, runtimeWidth + 4, titleHeight), Qt::AlignVCenter | Qt::AlignLeft, runtime);
    painter.setFont(titleFont);
    painter.setPen(QColor::fromRgba(palette.text));
    painter.drawText(QRectF(14, 0, std::max(0.0, runtimeLeft - 30), titleHeight), Qt::AlignVCenter | Qt::AlignLeft,
                     QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, std::max(0.0, runtimeLeft - 30)));

    // The timeline takes what its lanes need (up to its share); the tree, fitted (a small tree
    // drawn up to twice its size, for slides), has the rest.
    const QList<TimelineLane> lanes = timelineLanes(m_session->tasks());
    const double below = size.height() - titleHeight;
    const double axisHeight = std::clamp(size.height() * 0.04, 20.0, 40.0);
    const double preferredLane = std::clamp(size.height() * 0.034, 16.0, 40.0);
    const double timelineNeeds = axisHeight + double(std::max<qsizetype>(1, lanes.size())) * preferredLane + preferredLane * 0.6;
    const double timelineHeight = std::round(std::clamp(timelineNeeds, below * 0.2, below * std::clamp(options.timelineShare, 0.2, 0.9)));
    const QRectF treeRect(0, titleHeight, size.width(), below - timelineHeight);
    const TreeViewport view = TreeViewport{1, 0, 0, treeRect.width(), treeRect.height()}.fitted(m_layout, 0.01, 16, 2.0);
    TreeSceneOptions sceneOptions;
    sceneOptions.now = m_session->now();
    sceneOptions.selectedRow = m_layout.rowOfPath(m_session->selectedPath());
    sceneOptions.highContrast = options.highContrast;
    std::optional<PainterFonts> fonts;
    sceneOptions.measure = painterMeasure(&fonts);
    TreeScene tree;
    buildTreeScene(m_layout, view, sceneOptions, &tree);
    TreeScene effectScene;
    if (effects)
        buildEffectScene(m_layout, view, effects->effects(), effectClockMs, -1, sceneOptions, &effectScene);
    painter.save();
    painter.translate(treeRect.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), treeRect.size()));
    paintTreeScene(painter, tree);
    paintTreeScene(painter, effectScene);
    painter.restore();

    // The timeline of the whole run under it, fitted to its width.
    const QRectF timelineRect(0, treeRect.bottom(), size.width(), size.height() - treeRect.bottom());
    painter.fillRect(QRectF(0, timelineRect.top(), size.width(), 1), QColor::fromRgba(palette.mutedText));
    const std::vector<int> laneOfTask = timelineLaneIndex(lanes);
    TimelineGeometry g;
    g.width = timelineRect.width();
    g.height = timelineRect.height() - 1;
    g.axisHeight = axisHeight;
    g.labelWidth = std::clamp(g.width * 0.15, 90.0, 240.0);
    g.laneHeight = std::clamp((g.height - g.axisHeight) / std::max<qsizetype>(1, lanes.size()), 1.0, preferredLane);
    const double end = std::max<double>(1, double(m_session->endTime()));
    g.msPerPixel = end / std::max(1.0, g.plotWidth() - 16);
    TimelineFrame frame;
    if (m_session->index()) {
        frame.events = &m_session->trace();
        frame.index = m_session->index();
        frame.marks = m_marks.get();
        frame.shown = m_session->shownEvents();
        frame.now = m_session->now();
        frame.endTime = m_session->endTime();
    }
    frame.lanes = &lanes;
    frame.laneOfTask = &laneOfTask;
    frame.highContrast = options.highContrast;
    for (int lane = 0; lane < lanes.size(); ++lane) {
        if (lanes.at(lane).path == m_session->selectedPath() && !lanes.at(lane).path.isEmpty())
            frame.selectedLane = lane;
    }
    painter.save();
    painter.translate(timelineRect.topLeft() + QPointF(0, 1));
    paintTimeline(painter, frame, g);
    painter.restore();
    painter.end();
    return image;
}

bool writeSessionGif(Session &session, const GifOptions &options, QIODevice &device, QString *error, int *frames)
{
    if (!session.index()) {
        *error = session.unavailable().isEmpty() ? QStringLiteral("nothing to play: no run is open")
                                                 : QStringLiteral("nothing to play: %1").arg(session.unavailable());
        return false;
    }
    const qint64 end = session.endTime();
    const qint64 to = options.to < 0 ? end : std::min(options.to, end);
    if (options.from > to) {
        *error = QStringLiteral("the GIF would start at %1 ms, after its end at %2 ms").arg(options.from).arg(to);
        return false;
    }
    const double frameMs = 1000.0 / std::clamp(options.fps, 1, 100);
    session.setPlaying(false);
    session.setSpeed(options.speed);
    session.seekToTime(options.from);
    FrameRenderer renderer(&session);
    renderer.refresh();
    TreeEffects effects;
    effects.setSpeed(session.speed());
    GifWriter gif(&device);
    const EventRecordReader reader(session.events());
    const qint64 showBy = session.index()->eventsUntil(to);  // every event up to `to` is shown before the end
    qint64 wall = 0;
    int frame = 0;
    const auto frameTime = [&](int k) { return qint64(std::llround(k * frameMs)); };
    const auto addFrame = [&](qint64 at) {
        effects.expire(at);
        return gif.addFrame(renderer.render(options.frame, &effects, at), int(frameTime(frame + 1) - frameTime(frame)));
    };
    bool ok = addFrame(0);
    ++frame;
    while (ok) {
        const bool done = session.finished() || (session.now() >= to && session.shownEvents() >= showBy);
        if (done)
            break;
        if (frame > options.maxFrames) {
            *error = QStringLiteral("more than %1 frames: play a shorter stretch (--from, --to), faster (--speed) or with fewer frames a second (--fps)")
                         .arg(options.maxFrames);
            return false;
        }
        // One tick of play, as the window's timer makes it; its new events start their effects.
        const int before = session.events()->rowCount();
        session.advanceFrame();
        wall += Session::FrameMs;
        const int after = session.events()->rowCount();
        if (after < before) {
            effects.clear();
        } else if (after > before) {
            renderer.refresh();
            // A burst (a root cancel reaching a whole tree) shows the start of its wave, as the canvas does.
            const int budget = after - before > 64 ? TreeEffects::MaxConcurrent : after - before;
            int started = 0;
            for (int row = before; row < after && started < budget; ++row)
                started += effects.add(reader.read(row), renderer.layout(), wall) ? 1 : 0;
        }
        while (ok && frameTime(frame) <= wall) {
            ok = addFrame(frameTime(frame));
            ++frame;
        }
    }
    // The end as it stands, held for a moment: at `to` itself (the last tick may pass it by a few ms).
    if (session.now() > to) {
        session.seekToTime(to);
        renderer.refresh();
    }
    ok = ok && addFrame(frameTime(frame)) && gif.finish(options.holdMs);
    if (!ok) {
        *error = gif.error();
        return false;
    }
    if (frames)
        *frames = gif.framesWritten();
    return true;
}

} // namespace cascade
