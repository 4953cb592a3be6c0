// Seeking a large recording in the whole window: from the scrub to the frame that shows it.
//
//   window_seek RECORDING [--seeks N] [--seed S]
//
// Opens RECORDING in the app's own window (qrc:/Cascade/Main.qml, as `cascade RECORDING` does),
// times the first frame that shows it and the end of the replay that checks it (on another
// thread, while the recorded trace is shown), then makes N seeded random seeks to an instant, the way a drag on
// the timeline does (Session::seekToTime). For each it measures the call itself (the models
// brought to the instant) and the time until the window has rendered the frame after it (QML
// bindings, delegates, the canvas, the timeline, sync and render). Run on xcb under Xvfb
// (bench/recording-seek.sh does). Prints medians and worsts; its last two lines are
// `window_seek_median_ms: X` and `window_seek_worst_ms: Y`.

#include "guibench.h"
#include "session.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

using bench::out;
using bench::percentile;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "window_seek: %s\n", qPrintable(message));
    return 1;
}

QString ms(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Seeks in a large recording, in the app's window."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("The recording to open."));
    const QCommandLineOption seeksOption(QStringLiteral("seeks"), QStringLiteral("How many seeks (default 100)."),
                                         QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the instants (default 1)."),
                                        QStringLiteral("s"), QStringLiteral("1"));
    parser.addOptions({seeksOption, seedOption});
    parser.process(app);
    bool seeksOk = false;
    bool seedOk = false;
    const int seeks = parser.value(seeksOption).toInt(&seeksOk);
    const quint32 seed = parser.value(seedOption).toUInt(&seedOk);
    if (parser.positionalArguments().size() != 1 || !seeksOk || seeks < 1 || !seedOk)
        return fail(QStringLiteral("usage: window_seek RECORDING [--seeks N] [--seed S]"));
    const QString recording = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();

    QCoreApplication::setOrganizationName(QStringLiteral("Cascade"));  // the window's settings, as the app
    QCoreApplication::setApplicationName(QStringLiteral("Cascade"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QTemporaryDir autosave;  // the window autosaves; not into the user's data directory
    QElapsedTimer openClock;
    openClock.start();
    cascade::Session::preloadRecording(recording);  // as the app does with the file it is given
    QQmlApplicationEngine engine;
    engine.rootContext()->setContextProperty(QStringLiteral("initialScenario"), recording);
    engine.rootContext()->setContextProperty(QStringLiteral("autosaveDirectory"), autosave.path());
    engine.load(QUrl(QStringLiteral("qrc:/Cascade/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return fail(QStringLiteral("the window did not load"));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    auto *session = window ? window->findChild<cascade::Session *>(QStringLiteral("session")) : nullptr;
    if (!session)
        return fail(QStringLiteral("no window or no session in it"));
    window->resize(1920, 1080);

    std::atomic<qint64> rendered{0};
    QObject::connect(window, &QQuickWindow::afterRendering, window, [&rendered] { ++rendered; }, Qt::DirectConnection);
    if (!bench::spinUntil(600000, [&] { return session->eventCount() > 0 && rendered > 0; }))
        return fail(QStringLiteral("%1 did not open within 10 minutes: %2").arg(recording, session->error()));
    const double openMs = double(openClock.elapsed());  // from the load to the first frame showing it
    const bool checkedInBackground = session->checking();
    if (!bench::spinUntil(600000, [&] { return !session->checking(); }))
        return fail(QStringLiteral("%1 was not checked within 10 minutes").arg(recording));
    const double checkedMs = double(openClock.elapsed());
    bench::spinUntil(2000, [] { return false; });  // let the first frames and the status settle
    const qint64 end = session->endTime();
    out(QStringLiteral("recording: %1, %2 events, %3 ms of virtual time")
            .arg(QFileInfo(recording).fileName()).arg(session->eventCount()).arg(end));
    // Opening it again in the running window (File > Open Recording): what a user waits for once
    // the app is up, without the window's own start.
    QObject *document = window->findChild<QObject *>(QStringLiteral("document"));
    if (!document)
        return fail(QStringLiteral("no document in the window"));
    std::vector<double> reopens;
    std::vector<double> rechecks;
    for (int i = 0; i < 3; ++i) {
        const qint64 before = rendered;
        QElapsedTimer clock;
        clock.start();
        bool opened = false;
        QMetaObject::invokeMethod(document, "openRecording", Q_RETURN_ARG(bool, opened), Q_ARG(QString, recording));
        if (!opened || !bench::spinUntil(60000, [&] { return rendered > before; }, 1))
            return fail(QStringLiteral("%1 did not open again: %2").arg(recording, session->error()));
        reopens.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!bench::spinUntil(600000, [&] { return !session->checking(); }))
            return fail(QStringLiteral("%1 was not checked within 10 minutes").arg(recording));
        rechecks.push_back(double(clock.nsecsElapsed()) / 1e6);
        bench::spinUntil(1500, [] { return false; });
    }
    out(QStringLiteral("started the window on it and showed it in %1 ms").arg(openMs, 0, 'f', 0));
    out(QStringLiteral("checked%1 in %2 ms: %3")
            .arg(checkedInBackground ? QStringLiteral(" in the background") : QString())
            .arg(checkedMs, 0, 'f', 0)
            .arg(session->readOnly() ? QStringLiteral("shown as recorded (%1)").arg(session->recordingStatus())
                                     : QStringLiteral("the replay matched, and its run is shown")));

    // The floor: a seek to where the window already is still repaints the timeline and renders a
    // frame; what a real seek adds to it is the models' and the views' work.
    std::vector<double> inPlace;
    for (int i = 0; i < 10; ++i) {
        const qint64 before = rendered;
        QElapsedTimer clock;
        clock.start();
        session->seekToTime(session->now());
        if (!bench::spinUntil(60000, [&] { return rendered > before; }, 1))
            return fail(QStringLiteral("no frame after a seek in place"));
        inPlace.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::mt19937 rng(seed);
    std::vector<double> calls;
    std::vector<double> frames;
    for (int i = 0; i < seeks; ++i) {
        const qint64 at = qint64(rng() % quint32(end + 1));
        const qint64 before = rendered;
        QElapsedTimer clock;
        clock.start();
        session->seekToTime(at);
        calls.push_back(double(clock.nsecsElapsed()) / 1e6);
        // The frame after the seek: rendered once the GUI thread has caught up (bindings, polish).
        if (!bench::spinUntil(60000, [&] { return rendered > before; }, 1))
            return fail(QStringLiteral("no frame after the seek to %1 ms").arg(at));
        frames.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    out(QStringLiteral("window_open_median_ms: %1, worst %2   (File > Open Recording in the running window, to the "
                       "first frame that shows it; 3 times)").arg(ms(percentile(reopens, 50)), ms(percentile(reopens, 100))));
    out(QStringLiteral("window_open_checked_median_ms: %1   (to the end of the replay that checks it, on another thread)")
            .arg(ms(percentile(rechecks, 50))));
    out(QStringLiteral("seeks: %1 (seed %2)").arg(seeks).arg(seed));
    out(QStringLiteral("seek_in_place_median_ms: %1   (the floor: the same instant, a frame rendered)")
            .arg(ms(percentile(inPlace, 50))));
    out(QStringLiteral("seek_call_median_ms: %1, worst %2   (Session::seekToTime: the models at the instant)")
            .arg(ms(percentile(calls, 50)), ms(percentile(calls, 100))));
    out(QStringLiteral("window_seek_median_ms: %1").arg(ms(percentile(frames, 50))));
    out(QStringLiteral("window_seek_worst_ms: %1").arg(ms(percentile(frames, 100))));
    return 0;
}
