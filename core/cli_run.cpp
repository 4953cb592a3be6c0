// `cascade run`: a lesson or scenario file on the virtual clock, headless; its readable log or
// its JSON Lines trace (docs/trace-format.md).
#include "cliverb.h"
#include "clirunoptions.h"
#include "commandline.h"
#include "engine.h"
#include "recordingreplay.h"
#include "scenario.h"
#include "trace.h"
#include "useraction.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QTextStream>

#include <map>
#include <memory>
#include <optional>

namespace cascade {

namespace {

//! What `cascade run` was asked to do, once its arguments are checked.
struct RunRequest {
    ScenarioRunRequest run;
    QString tracePath;   // empty: readable log; "-": trace on stdout
    QString recordPath;  // empty: no recording
};

//! Checks the arguments of `run`; a status when it is done already (help, bad input).
std::optional<int> parseRun(const QStringList &arguments, RunRequest *request, const CliIo &io)
{
    const QString context = QStringLiteral("cascade run");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a lesson or a scenario file on the virtual clock and prints what happened: a readable log,\n"
        "or with --trace the JSON Lines trace (docs/trace-format.md). PATH is a task path such as\n"
        "main/job or main/chop[2]; MS is virtual milliseconds from the start."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const ScenarioRunOptions runOptions(parser);
    const QCommandLineOption traceOption(QStringLiteral("trace"),
        QStringLiteral("Write the JSON Lines trace to FILE, or to standard output with '-', instead of the log."),
        QStringLiteral("FILE|-"));
    const QCommandLineOption recordOption(QStringLiteral("record"),
        QStringLiteral("Also save the run as a recording (docs/recording-format.md), to open or 'cascade replay' later."),
        QStringLiteral("FILE"));
    parser.addOptions({traceOption, recordOption});
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A lesson id (see 'cascade lessons') or a scenario JSON file."),
                                 QStringLiteral("<lesson-id | file.json>"));

    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("run"), parser, QStringLiteral("<lesson-id | file.json> [options]"));
        return int(ExitOk);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return io.fail(context, QStringLiteral("missing lesson id or scenario file (run 'cascade lessons' for the list)"));
    if (positional.size() > 1)
        return io.fail(context, QStringLiteral("unexpected argument '%1' (run one scenario at a time)").arg(positional.at(1)));

    request->run.scenario = positional.constFirst();
    if (const std::optional<QString> error = runOptions.read(parser, &request->run))
        return io.fail(context, *error);

    if (parser.isSet(traceOption)) {
        request->tracePath = parser.value(traceOption);
        if (request->tracePath.isEmpty())
            return io.fail(context, QStringLiteral("--trace: empty file name (use '-' for standard output)"));
    }
    if (parser.isSet(recordOption)) {
        request->recordPath = parser.value(recordOption);
        if (request->recordPath.isEmpty() || request->recordPath == QLatin1String("-"))
            return io.fail(context, QStringLiteral("--record: give a file name (a recording is not written to standard output)"));
    }
    return std::nullopt;
}

//! The root's outcome, the time at the end and how many tasks ended how, as one line.
void printSummary(QTextStream &out, const Engine &engine, const Scenario &scenario, Runtime runtime,
                  std::optional<qint64> until)
{
    // The outcome of every task that ended, from its end event; the root is the first spawn.
    std::map<int, const TraceEvent *> ends;
    int root = -1;
    for (const TraceEvent &event : engine.events()) {
        if (event.kind == EventKind::Spawn && event.other < 0 && root < 0)
            root = event.task;
        else if (event.kind == EventKind::End)
            ends[event.task] = &event;
    }
    int counts[3] = {0, 0, 0};
    for (const auto &[task, end] : ends) {
        if (end->code < 3)
            ++counts[end->code];
    }
    const int tasks = engine.taskCount();
    const int running = tasks - int(ends.size());

    QString rootState;
    const QString rootName = root >= 0 ? engine.taskPath(root) : scenario.root.name;
    const auto rootEnd = ends.find(root);
    if (rootEnd != ends.end()) {
        rootState = QStringLiteral("%1 %2").arg(rootName, QLatin1String(outcomeName(Outcome(rootEnd->second->code))));
        if (!rootEnd->second->text.isEmpty())
            rootState += QStringLiteral(" (%1)").arg(rootEnd->second->text);
    } else {
        rootState = QStringLiteral("%1 still running").arg(rootName);
    }

    QStringList parts;
    parts << QStringLiteral("%1 completed").arg(counts[0]) << QStringLiteral("%1 cancelled").arg(counts[1])
          << QStringLiteral("%1 failed").arg(counts[2]);
    if (running > 0)
        parts << QStringLiteral("%1 not ended").arg(running);
    QString stopped;
    if (!engine.abortReason().isEmpty())
        stopped = QStringLiteral(" (stopped early)");
    else if (until && !engine.finished())
        stopped = QStringLiteral(" (stopped by --until)");
    out << QStringLiteral("== %1 under %2: %3 at %4 ms%5; %6 task%7: %8\n")
                 .arg(scenario.id, runtimeName(runtime), rootState)
                 .arg(engine.now())
                 .arg(stopped)
                 .arg(tasks)
                 .arg(tasks == 1 ? QString() : QStringLiteral("s"), parts.join(QStringLiteral(", ")));
}

} // namespace

int runRunVerb(const QStringList &arguments, const CliIo &io)
{
    RunRequest request;
    if (const std::optional<int> status = parseRun(arguments, &request, io))
        return *status;
    const QString context = QStringLiteral("cascade run");
    const QString &tracePath = request.tracePath;
    const std::optional<qint64> until = request.run.until;

    Scenario scenario;
    Runtime chosen = Runtime::Asyncio;
    if (const std::optional<int> status = prepareScenarioRun(request.run, io, context, &scenario, &chosen))
        return *status;
    QString error;

    // Open the trace file before running so a bad path fails fast.
    std::unique_ptr<QFileDevice> traceFile;
    if (!tracePath.isEmpty() && tracePath != QLatin1String("-")) {
        traceFile = openOutputFile(tracePath, &error);
        if (!traceFile)
            return io.fail(context, QStringLiteral("cannot write the trace to %1").arg(error));
    }
    std::unique_ptr<QFileDevice> recordFile;
    if (!request.recordPath.isEmpty()) {
        recordFile = openOutputFile(request.recordPath, &error);
        if (!recordFile)
            return io.fail(context, QStringLiteral("cannot write the recording to %1").arg(error));
    }

    Engine engine(scenario, chosen);
    runScenario(engine, request.run);

    if (recordFile) {
        const Recording recording = recordRun(scenario, chosen, request.run.actions, engine);
        if (!writeRecording(recording, *recordFile) || !finishOutputFile(*recordFile))
            return io.fail(context, QStringLiteral("cannot write the recording to '%1': %2").arg(request.recordPath, recordFile->errorString()));
    }
    if (tracePath.isEmpty()) {
        const TaskPathResolver resolve = engine.pathResolver();
        io.out << QStringLiteral("== %1 under %2: %3\n").arg(scenario.id, runtimeName(chosen), oneLine(scenario.title.en));
        for (const TraceEvent &event : engine.events())
            io.out << traceEventToText(event, resolve) << QLatin1Char('\n');
        printSummary(io.out, engine, scenario, chosen, until);
    } else if (traceFile) {
        if (!writeWholeFile(*traceFile, engine.traceJsonLines()))
            return io.fail(context, QStringLiteral("cannot write the trace to '%1': %2").arg(tracePath, traceFile->errorString()));
    } else {
        io.out << QString::fromUtf8(engine.traceJsonLines());
    }
    io.out.flush();
    if (io.out.status() != QTextStream::Ok)
        return io.fail(context, QStringLiteral("cannot write to standard output"));

    const QString abort = engine.abortReason();
    if (!abort.isEmpty()) {
        io.err << context << QStringLiteral(": ") << oneLine(abort) << Qt::endl;
        return ExitInternal;
    }
    return ExitOk;
}

} // namespace cascade
