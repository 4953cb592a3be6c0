// Frame times of the task tree canvas on a large lesson, against one QML Rectangle per task.
//
//   canvas_frames [--lesson ID] [--runtime NAME] [--speed X] [--mode both|canvas|rectangles] [--rounds N]
//
// Opens the scenario (default bench/scale-10k.json: 10,101 tasks, main cancels them all at 1 s) in a 1920x1080
// window with the whole tree in view, plays it on the virtual clock at a fixed speed from 0 to the
// end (through the root cancel and the wave of cleanups after it), and measures every frame the
// scene graph renders meanwhile: from QQuickWindow::beforeSynchronizing to afterRendering, i.e.
// the sync and render phases (the GUI thread's own work is reported apart, as the longest step of
// the session's play timer). Then the same for a baseline scene (bench/CanvasBaseline.qml) that draws
// the same tree with a Repeater of Rectangles bound to the same TaskListModel, and for a floor: an
// empty window whose one Rectangle changes colour every 16 ms, the least a changed frame costs.
// The three run in turn, --rounds times (3 by default), and each one's frames are pooled: the
// machine's state drifts over a minute, and taking turns gives the scenes the same share of it.
//
// Run it on xcb under Xvfb (bench/canvas-frames.sh): the offscreen platform uses the software
// scene graph, where the canvas paints an image instead of geometry nodes. The last two lines are
// `median_frame_ms: X` (the canvas) and `speedup_vs_rectangles: Y` (baseline median / canvas median).

#include "guibench.h"
#include "lessons.h"
#include "session.h"
#include "treecanvas.h"
#include "treescene.h"

#include <QColor>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using namespace cascade;
using bench::out;
using bench::percentile;
using bench::spinUntil;

namespace {

constexpr int WindowWidth = 1920;
constexpr int WindowHeight = 1080;

const char *const CanvasQml = R"(
import QtQuick
import Cascade
Window {
    id: root
    width: 1920; height: 1080; visible: true
    property bool ready: false
    Session { id: session; objectName: "session" }
    TaskTreeCanvas {
        anchors.fill: parent
        focus: true
        // Neither the legend nor the zoom controls: the baseline has no such chrome, and both scenes
        // draw the tree over the whole window and nothing else (the controls cost the same either way).
        showLegend: false
        showZoomBar: false
        model: root.ready ? session.tasks : null
        events: root.ready ? session.events : null   // the propagation animation, as in the app
        speed: session.speed
        now: session.now
    }
}
)";

// The floor: what a frame costs the scene graph when almost nothing is drawn (one Rectangle changing
// colour every 16 ms). No scene renders a changed frame faster; it bounds the reachable ratio.
const char *const FloorQml = R"(
import QtQuick
Window {
    width: 1920; height: 1080; visible: true
    color: "#f6f7f9"
    Rectangle {
        id: box
        x: 24; y: 24; width: 2; height: 1032
        property int tick: 0
        color: tick % 2 ? "#d04040" : "#4060d0"
    }
    Timer { interval: 16; repeat: true; running: true; onTriggered: box.tick++ }
}
)";

void fail(const QString &message)
{
    std::fprintf(stderr, "canvas_frames: %s\n", qPrintable(message));
}

QString ms(double value)
{
    return QString::number(value, 'f', 3);
}

//! Times each frame's sync + render on the render thread.
class FrameRecorder
{
public:
    explicit FrameRecorder(QQuickWindow *window)
    {
        m_clock.start();
        QObject::connect(window, &QQuickWindow::beforeSynchronizing, window, [this] {
            const std::lock_guard lock(m_mutex);
            m_syncStart = m_clock.nsecsElapsed();
        }, Qt::DirectConnection);
        QObject::connect(window, &QQuickWindow::afterSynchronizing, window, [this] {
            const std::lock_guard lock(m_mutex);
            m_syncEnd = m_clock.nsecsElapsed();
        }, Qt::DirectConnection);
        QObject::connect(window, &QQuickWindow::afterRendering, window, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const std::lock_guard lock(m_mutex);
            if (m_recording && m_syncStart >= 0) {
                m_frames.push_back(double(now - m_syncStart) / 1e6);
                m_syncs.push_back(double(m_syncEnd - m_syncStart) / 1e6);
            }
            m_syncStart = -1;
            ++m_rendered;
        }, Qt::DirectConnection);
        QObject::connect(window, &QQuickWindow::beforeRendering, window, [this, window] {
            const std::lock_guard lock(m_mutex);
            if (!m_renderer.isEmpty())
                return;
            m_renderer = QStringLiteral("graphics api %1").arg(int(window->rendererInterface()->graphicsApi()));
            if (QOpenGLContext *context = QOpenGLContext::currentContext()) {
                const auto *name = reinterpret_cast<const char *>(context->functions()->glGetString(GL_RENDERER));
                m_renderer = QStringLiteral("OpenGL, %1").arg(QString::fromLatin1(name ? name : "unknown renderer"));
            }
        }, Qt::DirectConnection);
    }

    void setRecording(bool on)
    {
        const std::lock_guard lock(m_mutex);
        m_recording = on;
    }
    [[nodiscard]] std::vector<double> frames() const { const std::lock_guard lock(m_mutex); return m_frames; }
    //! The sync phase alone of each recorded frame.
    [[nodiscard]] std::vector<double> syncs() const { const std::lock_guard lock(m_mutex); return m_syncs; }
    [[nodiscard]] qint64 rendered() const { const std::lock_guard lock(m_mutex); return m_rendered; }
    [[nodiscard]] QString renderer() const { const std::lock_guard lock(m_mutex); return m_renderer; }

private:
    mutable std::mutex m_mutex;
    QElapsedTimer m_clock;
    qint64 m_syncStart = -1;
    qint64 m_syncEnd = -1;
    qint64 m_rendered = 0;
    bool m_recording = false;
    std::vector<double> m_frames;
    std::vector<double> m_syncs;
    QString m_renderer;
};

void spin(int msec)
{
    spinUntil(msec, [] { return false; });
}

struct Result {
    std::vector<double> frames;  // sorted
    std::vector<double> syncs;   // sorted
    double playMs = 0;
    double openMs = 0;
    double maxTick = 0;     // the longest time between two play steps (GUI thread)
    qint64 maxTickAt = 0;   // the virtual time the step after it reached
};

//! Adds a round's frames to the pool (sorted again); stalls keep the worst.
void pool(Result *into, const Result &round)
{
    into->frames.insert(into->frames.end(), round.frames.cbegin(), round.frames.cend());
    std::sort(into->frames.begin(), into->frames.end());
    into->syncs.insert(into->syncs.end(), round.syncs.cbegin(), round.syncs.cend());
    std::sort(into->syncs.begin(), into->syncs.end());
    into->playMs += round.playMs;
    into->openMs += round.openMs;
    if (round.maxTick > into->maxTick) {
        into->maxTick = round.maxTick;
        into->maxTickAt = round.maxTickAt;
    }
}

struct Options {
    QString lesson;
    QString runtime;
    double speed = 1;
};

//! The whole tree's view: the canvas's zoom and content origin for the window.
struct View {
    double zoom = 1;
    double x = -TreeCanvas::Margin;
    double y = -TreeCanvas::Margin;
};

View wholeTree(const TreeLayout &layout, double width, double height)
{
    const QRectF bounds = layout.bounds();
    const double margin = TreeCanvas::Margin;
    View view;
    view.zoom = std::min((width - 2 * margin) / bounds.width(), (height - 2 * margin) / bounds.height());
    view.zoom = std::clamp(view.zoom, TreeCanvas::MinZoom, 1.0);
    view.x = bounds.left() * view.zoom - margin;
    view.y = bounds.top() * view.zoom - margin;
    return view;
}

//! Plays the session from its start to the end and records the frames rendered meanwhile.
std::optional<Result> play(QQuickWindow *window, Session *session, FrameRecorder *recorder, const Options &options)
{
    Result result;
    // Let the first (full) frame and any follow-up settle before recording.
    const qint64 before = recorder->rendered();
    if (!spinUntil(60000, [&] { return recorder->rendered() >= before + 1; })) {
        fail(QStringLiteral("no frame was rendered (is this xcb under Xvfb?)"));
        return std::nullopt;
    }
    spin(300);
    session->setSpeed(options.speed);
    recorder->setRecording(true);
    QElapsedTimer clock;
    clock.start();
    // The GUI thread's stalls: the time between two steps of the session's 16 ms play timer.
    qint64 lastTick = 0;
    double maxTick = 0;
    qint64 maxTickAt = 0;
    const auto tickConnection = QObject::connect(session, &Session::progressed, session, [&] {
        const qint64 t = clock.nsecsElapsed();
        if (double(t - lastTick) / 1e6 > maxTick) {
            maxTick = double(t - lastTick) / 1e6;
            maxTickAt = session->now();
        }
        lastTick = t;
    });
    session->setPlaying(true);
    if (!session->playing()) {
        fail(QStringLiteral("the session does not play"));
        return std::nullopt;
    }
    if (!spinUntil(300000, [&] { return !session->playing(); })) {
        fail(QStringLiteral("the animation did not finish within 300 s"));
        return std::nullopt;
    }
    result.playMs = double(clock.elapsed());
    QObject::disconnect(tickConnection);
    result.maxTick = maxTick;
    result.maxTickAt = maxTickAt;
    window->update();
    spin(200);  // the frame that shows the end
    recorder->setRecording(false);
    result.frames = recorder->frames();
    std::sort(result.frames.begin(), result.frames.end());
    result.syncs = recorder->syncs();
    std::sort(result.syncs.begin(), result.syncs.end());
    return result;
}

void report(const QString &heading, const Result &result, double virtualMs, int rounds)
{
    out(heading);
    out(QStringLiteral("  frames: %1 in %2 rounds (each over %3 ms of virtual time, played in %4 ms on average)")
            .arg(result.frames.size()).arg(rounds).arg(virtualMs).arg(result.playMs / rounds, 0, 'f', 0));
    out(QStringLiteral("  open_and_first_frame_ms: %1 (average)").arg(ms(result.openMs / rounds)));
    out(QStringLiteral("  sync_render_median_ms: %1").arg(ms(percentile(result.frames, 50))));
    out(QStringLiteral("  sync_render_p95_ms: %1").arg(ms(percentile(result.frames, 95))));
    out(QStringLiteral("  sync_render_max_ms: %1").arg(ms(result.frames.empty() ? 0 : result.frames.back())));
    out(QStringLiteral("  sync_only_median_ms: %1, p95 %2").arg(ms(percentile(result.syncs, 50)), ms(percentile(result.syncs, 95))));
    out(QStringLiteral("  gui_longest_step_ms: %1   (at virtual %2 ms; the play timer steps every 16 ms, the rest is "
                       "model, binding and delegate work on the GUI thread)")
            .arg(ms(result.maxTick)).arg(result.maxTickAt));
}

std::unique_ptr<QQuickWindow> createWindow(QQmlEngine *engine, const QByteArray &qml, const QUrl &url)
{
    QQmlComponent component(engine);
    component.setData(qml, url);
    if (!component.isReady()) {
        fail(component.errorString());
        return nullptr;
    }
    std::unique_ptr<QQuickWindow> window(qobject_cast<QQuickWindow *>(component.create()));
    if (!window)
        fail(QStringLiteral("the scene did not create a window: %1").arg(component.errorString()));
    return window;
}

Session *openSession(QQuickWindow *window, const Options &options)
{
    auto *session = window->findChild<Session *>(QStringLiteral("session"));
    if (!session || !session->open(options.lesson)) {
        fail(QStringLiteral("cannot open %1: %2").arg(options.lesson, session ? session->error() : QStringLiteral("no Session")));
        return nullptr;
    }
    if (!options.runtime.isEmpty()) {
        session->setRuntime(options.runtime);
        if (session->runtime() != options.runtime) {
            fail(QStringLiteral("unknown runtime %1").arg(options.runtime));
            return nullptr;
        }
    }
    if (!session->unavailable().isEmpty()) {
        fail(session->unavailable());
        return nullptr;
    }
    return session;
}

std::optional<Result> runCanvas(QQmlEngine *engine, const Options &options, View *view, int *tasks, double *virtualMs,
                                bool describe)
{
    QElapsedTimer open;
    open.start();
    auto window = createWindow(engine, CanvasQml, QUrl(QStringLiteral("file:///canvas_frames/Canvas.qml")));
    if (!window)
        return std::nullopt;
    FrameRecorder recorder(window.get());
    Session *session = openSession(window.get(), options);
    if (!session)
        return std::nullopt;
    window->setProperty("ready", true);
    auto *canvas = window->findChild<TreeCanvas *>();
    if (!canvas) {
        fail(QStringLiteral("no TreeCanvas in the scene"));
        return std::nullopt;
    }
    spinUntil(10000, [&] { return window->isExposed() && canvas->width() > 0; });
    // fit() stops at an overview zoom (4 px a row) that a 10,000-row tree overflows: set the zoom
    // that shows the whole tree instead.
    *view = wholeTree(canvas->layout(), canvas->width(), canvas->height());
    canvas->setZoom(view->zoom);
    canvas->setContentX(view->x);
    canvas->setContentY(view->y);
    *tasks = canvas->count();
    if (std::abs(canvas->zoom() - view->zoom) > 1e-9) {
        fail(QStringLiteral("the canvas refused zoom %1 (it has %2)").arg(view->zoom).arg(canvas->zoom()));
        return std::nullopt;
    }
    const QRectF all = canvas->layout().bounds();
    const QRectF shown(all.x() * canvas->zoom() - canvas->contentX(), all.y() * canvas->zoom() - canvas->contentY(),
                       all.width() * canvas->zoom(), all.height() * canvas->zoom());
    if (!QRectF(0, 0, canvas->width(), canvas->height()).contains(shown)) {
        fail(QStringLiteral("the whole tree is not in view: tree at (%1, %2) %3x%4 in a %5x%6 canvas")
                 .arg(shown.x()).arg(shown.y()).arg(shown.width()).arg(shown.height()).arg(canvas->width()).arg(canvas->height()));
        return std::nullopt;
    }
    const qint64 start = session->now();
    auto result = play(window.get(), session, &recorder, options);
    if (result) {
        result->openMs = double(open.elapsed()) - result->playMs;
        *virtualMs = double(session->now() - start);
        if (describe)
            out(QStringLiteral("renderer: %1, platform %2").arg(recorder.renderer(), QGuiApplication::platformName()));
    }
    return result;
}

//! Frames of FloorQml over `msec` of wall time (there is no session: the Timer changes the frame).
std::optional<Result> runFloor(QQmlEngine *engine, int msec)
{
    auto window = createWindow(engine, FloorQml, QUrl(QStringLiteral("file:///canvas_frames/Floor.qml")));
    if (!window)
        return std::nullopt;
    FrameRecorder recorder(window.get());
    if (!spinUntil(60000, [&] { return recorder.rendered() >= 1; })) {
        fail(QStringLiteral("no frame was rendered for the floor"));
        return std::nullopt;
    }
    spin(300);
    recorder.setRecording(true);
    spin(msec);
    recorder.setRecording(false);
    Result result;
    result.playMs = msec;
    result.frames = recorder.frames();
    std::sort(result.frames.begin(), result.frames.end());
    result.syncs = recorder.syncs();
    std::sort(result.syncs.begin(), result.syncs.end());
    return result;
}

std::optional<Result> runRectangles(QQmlEngine *engine, const Options &options, const View &view)
{
    QFile file(QStringLiteral(CASCADE_BENCH_DIR "/CanvasBaseline.qml"));
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot read %1").arg(file.fileName()));
        return std::nullopt;
    }
    QElapsedTimer open;
    open.start();
    auto window = createWindow(engine, file.readAll(), QUrl::fromLocalFile(file.fileName()));
    if (!window)
        return std::nullopt;
    FrameRecorder recorder(window.get());
    Session *session = openSession(window.get(), options);
    if (!session)
        return std::nullopt;
    QVariantMap colors;
    for (const char *state : {"not-started", "running", "suspended", "cpu", "unwinding", "cleanup", "completed",
                              "cancelled", "failed", "timed-out"}) {
        const QString name = QString::fromLatin1(state);
        colors.insert(name, QColor::fromRgba(treeStateStyle(name).accent));
    }
    window->setProperty("stateColors", colors);
    window->setProperty("zoom", view.zoom);
    window->setProperty("contentX", view.x);
    window->setProperty("contentY", view.y);
    window->setProperty("ready", true);
    auto result = play(window.get(), session, &recorder, options);
    if (result)
        result->openMs = double(open.elapsed()) - result->playMs;
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Frame times of the task tree canvas against one Rectangle per task."));
    parser.addHelpOption();
    const QCommandLineOption lessonOption(QStringLiteral("lesson"), QStringLiteral("Lesson id or scenario file."),
                                          QStringLiteral("id"), QStringLiteral(CASCADE_SCALE_SCENARIO));
    const QCommandLineOption runtimeOption(QStringLiteral("runtime"), QStringLiteral("Runtime profile (default: the lesson's)."),
                                           QStringLiteral("name"));
    const QCommandLineOption speedOption(QStringLiteral("speed"), QStringLiteral("Playback speed, 0.1 to 10."),
                                         QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("both, canvas or rectangles."),
                                        QStringLiteral("mode"), QStringLiteral("both"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds of the scenes in turn, 1 to 20."),
                                          QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({lessonOption, runtimeOption, speedOption, modeOption, roundsOption});
    parser.process(app);
    Options options;
    options.lesson = parser.value(lessonOption);
    options.runtime = parser.value(runtimeOption);
    bool ok = false;
    options.speed = parser.value(speedOption).toDouble(&ok);
    const QString mode = parser.value(modeOption);
    bool roundsOk = false;
    const int rounds = parser.value(roundsOption).toInt(&roundsOk);
    ok = ok && roundsOk && rounds >= 1 && rounds <= 20;
    if (!ok || options.speed < 0.1 || options.speed > 10 || !QStringList{QStringLiteral("both"), QStringLiteral("canvas"),
                                                                            QStringLiteral("rectangles")}.contains(mode)) {
        fail(QStringLiteral("bad --speed, --mode or --rounds (see --help)"));
        return 2;
    }
    if (QGuiApplication::platformName() != QStringLiteral("xcb"))
        std::fprintf(stderr, "canvas_frames: warning: platform %s, not xcb: the canvas may draw with the software "
                             "scene graph\n", qPrintable(QGuiApplication::platformName()));

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));

    // Each round: the canvas first (it also finds the view, the zoom, that the baseline copies),
    // then the baseline, then the floor.
    View view;
    int tasks = 0;
    double virtualMs = 0;
    Result canvas;
    Result rectangles;
    Result floor;
    const bool both = mode == QStringLiteral("both");
    for (int round = 1; round <= rounds; ++round) {
        const auto canvasRound = runCanvas(&engine, options, &view, &tasks, &virtualMs, round == 1);
        if (!canvasRound)
            return 1;
        if (canvasRound->frames.empty()) {
            fail(QStringLiteral("no frame was recorded during the animation"));
            return 1;
        }
        if (round == 1)
            out(QStringLiteral("lesson: %1, %2 tasks, window %3x%4, zoom %5 (whole tree in view), speed %6")
                    .arg(options.lesson).arg(tasks).arg(WindowWidth).arg(WindowHeight).arg(view.zoom, 0, 'g', 4).arg(options.speed));
        pool(&canvas, *canvasRound);
        QString line = QStringLiteral("round %1: canvas %2 ms").arg(round).arg(ms(percentile(canvasRound->frames, 50)));
        if (mode != QStringLiteral("canvas")) {
            const auto rectanglesRound = runRectangles(&engine, options, view);
            if (!rectanglesRound || rectanglesRound->frames.empty()) {
                if (rectanglesRound)
                    fail(QStringLiteral("no frame was recorded during the baseline's animation"));
                return 1;
            }
            pool(&rectangles, *rectanglesRound);
            line += QStringLiteral(", rectangles %1 ms (ratio %2)")
                        .arg(ms(percentile(rectanglesRound->frames, 50)))
                        .arg(percentile(rectanglesRound->frames, 50) / std::max(1e-6, percentile(canvasRound->frames, 50)), 0, 'f', 1);
        }
        if (both) {
            if (const auto floorRound = runFloor(&engine, 3000); floorRound && !floorRound->frames.empty()) {
                pool(&floor, *floorRound);
                line += QStringLiteral(", floor %1 ms").arg(ms(percentile(floorRound->frames, 50)));
            }
        }
        out(QStringLiteral("  ") + line + QStringLiteral("   (median frame of each scene this round)"));
    }
    if (mode != QStringLiteral("rectangles"))
        report(QStringLiteral("== canvas (TaskTreeCanvas with its animation; rows thinner than a pixel at this zoom: one overview image)"), canvas, virtualMs, rounds);
    if (mode == QStringLiteral("canvas")) {
        out(QStringLiteral("median_frame_ms: %1").arg(ms(percentile(canvas.frames, 50))));
        return 0;
    }
    report(QStringLiteral("== baseline (one QML Rectangle per task, Repeater over Session.tasks)"), rectangles, virtualMs, rounds);
    const double canvasMedian = percentile(canvas.frames, 50);
    const double baselineMedian = percentile(rectangles.frames, 50);
    if (!floor.frames.empty()) {
        const double floorMedian = percentile(floor.frames, 50);
        out(QStringLiteral("== floor (an empty window whose one Rectangle changes colour every 16 ms)"));
        out(QStringLiteral("  frames: %1, sync_render_median_ms: %2, p95 %3")
                .arg(floor.frames.size()).arg(ms(floorMedian), ms(percentile(floor.frames, 95))));
        out(QStringLiteral("  canvas_over_floor_median_ms: %1   (information: the canvas's own share of its frame)")
                .arg(ms(canvasMedian - floorMedian)));
        out(QStringLiteral("  speedup_ceiling: %1   (information: baseline / floor, the ratio of a canvas that cost nothing)")
                .arg(baselineMedian / std::max(1e-6, floorMedian), 0, 'f', 1));
    }
    out(QStringLiteral("p95_speedup_vs_rectangles: %1   (information)")
            .arg(percentile(rectangles.frames, 95) / std::max(1e-6, percentile(canvas.frames, 95)), 0, 'f', 1));
    out(QStringLiteral("gui_step_speedup_vs_rectangles: %1   (information: longest GUI-thread step, baseline / canvas)")
            .arg(rectangles.maxTick / std::max(1e-6, canvas.maxTick), 0, 'f', 1));
    out(QStringLiteral("median_frame_ms: %1").arg(ms(canvasMedian)));
    out(QStringLiteral("speedup_vs_rectangles: %1").arg(baselineMedian / std::max(1e-6, canvasMedian), 0, 'f', 1));
    return 0;
}
