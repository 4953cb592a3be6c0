// `cascade replay`: runs a recording again and checks that the engine makes the recorded trace
// (docs/recording-format.md). Exit 0: the same; 1: it differs (the first differing event, both
// versions); 2: bad input (unreadable recording, a scenario this version cannot run).
#include "cliverb.h"
#include "commandline.h"
#include "recordingreplay.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QTextStream>

namespace cascade {

int runReplayVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade replay");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a recording (made by 'cascade run --record' or saved by the app) again: its scenario under its\n"
        "runtime with its actions, and compares the trace with the recorded one event by event. Prints whether\n"
        "they match or the first event that differs in both versions. Exit status 0: they match; 1: they differ;\n"
        "2: the recording cannot be read or replayed."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QCommandLineOption traceOption(QStringLiteral("trace"),
        QStringLiteral("Also write the replay's JSON Lines trace to FILE, or to standard output with '-' (the report then goes to standard error)."),
        QStringLiteral("FILE|-"));
    parser.addOption(traceOption);
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("A recording file."), QStringLiteral("<recording>"));
    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("replay"), parser, QStringLiteral("<recording> [--trace FILE|-]"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return io.fail(context, positional.isEmpty() ? QStringLiteral("missing recording file")
                                                     : QStringLiteral("unexpected argument '%1' (replay one recording at a time)").arg(positional.at(1)));
    const QString path = positional.constFirst();
    const QString tracePath = parser.value(traceOption);
    if (parser.isSet(traceOption) && tracePath.isEmpty())
        return io.fail(context, QStringLiteral("--trace: empty file name (use '-' for standard output)"));

    QString error;
    const std::optional<Recording> recording = RecordingLoader::loadFile(path, &error);
    if (!recording)
        return io.fail(context, error);
    std::unique_ptr<QFileDevice> traceFile;
    if (!tracePath.isEmpty() && tracePath != QLatin1String("-")) {
        traceFile = openOutputFile(tracePath, &error);
        if (!traceFile)
            return io.fail(context, QStringLiteral("cannot write the trace to %1").arg(error));
    }

    const ReplayResult result = replayRecording(*recording);
    if (result.status == ReplayResult::Status::CannotRun)
        return io.fail(context, QStringLiteral("%1: %2").arg(path, oneLine(result.report(*recording).trimmed())));

    QTextStream &report = tracePath == QLatin1String("-") ? io.err : io.out;
    if (traceFile) {
        if (!writeWholeFile(*traceFile, result.engine->traceJsonLines()))
            return io.fail(context, QStringLiteral("cannot write the trace to '%1': %2").arg(tracePath, traceFile->errorString()));
    } else if (!tracePath.isEmpty()) {
        io.out << QString::fromUtf8(result.engine->traceJsonLines());
        io.out.flush();
    }
    report << path << QStringLiteral(": ") << result.report(*recording);
    report.flush();
    if (io.out.status() != QTextStream::Ok)
        return io.fail(context, QStringLiteral("cannot write to standard output"));
    return result.status == ReplayResult::Status::Match ? ExitOk : ExitDiffer;
}

} // namespace cascade
