// `cascade render`: pictures of a recording (tree over timeline) for slides, without a window.
#include "renderverb.h"

#include "commandline.h"
#include "framerenderer.h"
#include "session.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QImageWriter>
#include <QTextStream>

namespace cascade {

namespace {

//! A whole number within [low, high] from an option's value; false with *problem set.
bool wholeNumber(const QString &text, qint64 low, qint64 high, qint64 *out, QString *problem)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < low || value > high) {
        *problem = QStringLiteral("must be a whole number from %1 to %2, got '%3'").arg(low).arg(high).arg(text);
        return false;
    }
    *out = value;
    return true;
}

} // namespace

CliVerb renderVerb()
{
    return {QStringLiteral("render"), QStringLiteral("render <recording>"),
            QStringLiteral("draw a recording's tree and timeline as a PNG (--at MS) or an animated GIF, without a window"),
            &runRenderVerb};
}

int runRenderVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade render");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draws a recording as the window shows it, without a visible window: a title line (lesson, runtime,\n"
        "t = N ms), the task tree, and the timeline of the run under it (spans up to the playhead). With --png,\n"
        "one picture at the instant --at; with --gif, the run played from --from to --to at --speed, a frame\n"
        "every 1000/--fps ms of wall time, with the cancellation's animation on the tree (an animated, looping\n"
        "GIF). Files are replaced atomically."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QCommandLineOption pngOption(QStringLiteral("png"), QStringLiteral("Write one picture to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption gifOption(QStringLiteral("gif"), QStringLiteral("Write an animated GIF to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption atOption(QStringLiteral("at"),
        QStringLiteral("--png: the instant, in virtual ms (every event up to it is shown); default: the run's end."), QStringLiteral("MS"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("--gif: start at MS (default 0)."), QStringLiteral("MS"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("--gif: stop at MS (default: the run's end)."), QStringLiteral("MS"));
    const QCommandLineOption fpsOption(QStringLiteral("fps"), QStringLiteral("--gif: frames a second, 1 to 50 (default 10)."), QStringLiteral("N"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
        QStringLiteral("--gif: playback speed, 0.1 to 10 (default 1), as the window's speed."), QStringLiteral("X"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Picture width in pixels, 320 to 7680 (default 1280)."), QStringLiteral("W"));
    const QCommandLineOption heightOption(QStringLiteral("height"), QStringLiteral("Picture height in pixels, 240 to 4320 (default 720)."), QStringLiteral("H"));
    const QCommandLineOption contrastOption(QStringLiteral("high-contrast"), QStringLiteral("Draw in the high-contrast theme."));
    parser.addOptions({pngOption, gifOption, atOption, fromOption, toOption, fpsOption, speedOption, widthOption,
                       heightOption, contrastOption});
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("A recording file."), QStringLiteral("<recording>"));
    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("render"), parser,
                         QStringLiteral("<recording> (--png FILE [--at MS] | --gif FILE [--from MS] [--to MS] [--fps N] [--speed X]) [--width W] [--height H]"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return io.fail(context, positional.isEmpty() ? QStringLiteral("missing recording file")
                                                     : QStringLiteral("unexpected argument '%1' (render one recording at a time)").arg(positional.at(1)));
    const bool png = parser.isSet(pngOption);
    const bool gif = parser.isSet(gifOption);
    if (png == gif)
        return io.fail(context, QStringLiteral("give exactly one of --png FILE and --gif FILE"));
    const QString outPath = parser.value(png ? pngOption : gifOption);
    if (outPath.isEmpty() || outPath == QLatin1String("-"))
        return io.fail(context, QStringLiteral("--%1: give a file name to write to").arg(png ? QStringLiteral("png") : QStringLiteral("gif")));
    for (const QCommandLineOption *option : {&fromOption, &toOption, &fpsOption, &speedOption}) {
        if (png && parser.isSet(*option))
            return io.fail(context, QStringLiteral("--%1 is for --gif (a PNG is one instant: --at)").arg(option->names().constFirst()));
    }
    if (gif && parser.isSet(atOption))
        return io.fail(context, QStringLiteral("--at is for --png (a GIF plays from --from to --to)"));

    // Numbers, checked before the recording is read.
    QString problem;
    qint64 width = 1280, height = 720, fps = 10, at = -1, from = 0, to = -1;
    double speed = 1;
    const struct {
        const QCommandLineOption &option;
        qint64 low, high;
        qint64 *value;
    } numbers[] = {{widthOption, 320, 7680, &width}, {heightOption, 240, 4320, &height}, {fpsOption, 1, 50, &fps},
                   {atOption, 0, qint64(1) << 50, &at}, {fromOption, 0, qint64(1) << 50, &from}, {toOption, 0, qint64(1) << 50, &to}};
    for (const auto &n : numbers) {
        if (parser.isSet(n.option) && !wholeNumber(parser.value(n.option), n.low, n.high, n.value, &problem))
            return io.fail(context, QStringLiteral("--%1: %2").arg(n.option.names().constFirst(), problem));
    }
    if (parser.isSet(speedOption)) {
        bool ok = false;
        speed = parser.value(speedOption).toDouble(&ok);
        if (!ok || !(speed >= 0.1 && speed <= 10))
            return io.fail(context, QStringLiteral("--speed: must be a number from 0.1 to 10, got '%1'").arg(parser.value(speedOption)));
    }
    if (to >= 0 && from > to)
        return io.fail(context, QStringLiteral("--from %1 is after --to %2").arg(from).arg(to));

    const QString path = positional.constFirst();
    Session session;
    session.setCheckInBackgroundFrom(-1);  // the same frames every time, whatever the recording's length
    if (!session.openRecording(path))
        return io.fail(context, session.error());
    if (!session.index())
        return io.fail(context, QStringLiteral("%1: nothing to draw: %2").arg(path, session.unavailable()));
    const qint64 end = session.endTime();
    for (const auto &[name, value] : {std::pair{"at", at}, {"from", from}, {"to", to}}) {
        if (value > end)
            return io.fail(context, QStringLiteral("--%1 %2: the run of %3 ends at %4 ms").arg(QLatin1String(name)).arg(value).arg(path).arg(end));
    }
    FrameOptions frame;
    frame.size = QSize(int(width), int(height));
    frame.highContrast = parser.isSet(contrastOption);

    QString error;
    std::unique_ptr<QFileDevice> file = openOutputFile(outPath, &error);
    if (!file)
        return io.fail(context, QStringLiteral("cannot write to %1").arg(error));
    if (png) {
        session.seekToTime(at < 0 ? end : at);
        FrameRenderer renderer(&session);
        QImageWriter writer(file.get(), "png");
        if (!writer.write(renderer.render(frame)) || !finishOutputFile(*file))
            return io.fail(context, QStringLiteral("cannot write the picture to '%1': %2").arg(outPath, writer.error() != QImageWriter::UnknownError ? writer.errorString() : file->errorString()));
        io.out << QStringLiteral("%1: %2x%3 at t = %4 ms\n").arg(outPath).arg(width).arg(height).arg(session.now());
        io.out.flush();
        return ExitOk;
    }
    GifOptions options;
    options.from = from;
    options.to = to;
    options.fps = int(fps);
    options.speed = speed;
    options.frame = frame;
    int frames = 0;
    if (!writeSessionGif(session, options, *file, &error, &frames))
        return io.fail(context, QStringLiteral("cannot write the GIF to '%1': %2").arg(outPath, error));
    if (!finishOutputFile(*file))
        return io.fail(context, QStringLiteral("cannot write the GIF to '%1': %2").arg(outPath, file->errorString()));
    io.out << QStringLiteral("%1: %2 frames, %3x%4, %5 to %6 ms at %7x, %8 frames a second\n")
                  .arg(outPath).arg(frames).arg(width).arg(height).arg(from).arg(to < 0 ? end : to).arg(speed).arg(fps);
    io.out.flush();
    return ExitOk;
}

} // namespace cascade
