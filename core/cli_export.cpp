// `cascade export`: a recording as a Chrome trace (Perfetto, chrome://tracing) or as the JSON
// Lines trace it holds, without running anything (a recording from another version opens too).
#include "chrometrace.h"
#include "cliverb.h"
#include "commandline.h"
#include "openedrecording.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QTextStream>

namespace cascade {

int runExportVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade export");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes what a recording holds, without running it again: with --chrome-trace in the Chrome trace event\n"
        "format that Perfetto (ui.perfetto.dev) and chrome://tracing open (a track per task, its states as\n"
        "slices, cancel requests as arrows; 1 ms of virtual time = 1000 us), with --trace as the JSON Lines\n"
        "trace of docs/trace-format.md."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QCommandLineOption chromeOption(QStringLiteral("chrome-trace"),
        QStringLiteral("Write the Chrome trace event JSON to FILE (replaced atomically)."), QStringLiteral("FILE"));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
        QStringLiteral("Write the recorded JSON Lines trace to FILE, or to standard output with '-'."), QStringLiteral("FILE|-"));
    parser.addOptions({chromeOption, traceOption});
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("A recording file."), QStringLiteral("<recording>"));
    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("export"), parser, QStringLiteral("<recording> --chrome-trace FILE | --trace FILE|-"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return io.fail(context, positional.isEmpty() ? QStringLiteral("missing recording file")
                                                     : QStringLiteral("unexpected argument '%1' (export one recording at a time)").arg(positional.at(1)));
    const QString chromePath = parser.value(chromeOption);
    const QString tracePath = parser.value(traceOption);
    if (!parser.isSet(chromeOption) && !parser.isSet(traceOption))
        return io.fail(context, QStringLiteral("nothing to write: give --chrome-trace FILE and/or --trace FILE|-"));
    if ((parser.isSet(chromeOption) && (chromePath.isEmpty() || chromePath == QLatin1String("-")))
        || (parser.isSet(traceOption) && tracePath.isEmpty()))
        return io.fail(context, QStringLiteral("give a file name to write to (--trace also takes '-')"));

    const QString path = positional.constFirst();
    QString error;
    const std::unique_ptr<OpenedRecording> opened = OpenedRecording::open(path, &error);
    if (!opened)
        return io.fail(context, error);
    const Recording &recording = opened->recording();

    if (!chromePath.isEmpty()) {
        std::unique_ptr<QFileDevice> file = openOutputFile(chromePath, &error);
        if (!file)
            return io.fail(context, QStringLiteral("cannot write the Chrome trace to %1").arg(error));
        if (!writeChromeTrace(recording, opened->index(), *file) || !finishOutputFile(*file))
            return io.fail(context, QStringLiteral("cannot write the Chrome trace to '%1': %2").arg(chromePath, file->errorString()));
    }
    if (tracePath == QLatin1String("-")) {
        io.out << QString::fromUtf8(recording.traceJsonLines());
        io.out.flush();
        if (io.out.status() != QTextStream::Ok)
            return io.fail(context, QStringLiteral("cannot write to standard output"));
    } else if (!tracePath.isEmpty()) {
        std::unique_ptr<QFileDevice> file = openOutputFile(tracePath, &error);
        if (!file)
            return io.fail(context, QStringLiteral("cannot write the trace to %1").arg(error));
        if (!writeWholeFile(*file, recording.traceJsonLines()))
            return io.fail(context, QStringLiteral("cannot write the trace to '%1': %2").arg(tracePath, file->errorString()));
    }
    return ExitOk;
}

} // namespace cascade
