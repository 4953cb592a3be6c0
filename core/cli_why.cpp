// `cascade why`: runs a lesson or scenario file as `run` does and explains why one task ended as
// it did: the chain of causes from the origin (a click, a cancel step, a timeout, a failure) to
// the delivery and the end (docs/teaching.md).
#include "causechain.h"
#include "cliverb.h"
#include "clirunoptions.h"
#include "commandline.h"
#include "engine.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cascade {

namespace {

constexpr int MaxPathsListed = 20;  // in the message for a task this run never started

//! The tasks this run started, for the message about one it did not: spawn order, no repeats.
QString spawnedPaths(const Engine &engine)
{
    QStringList paths;
    const TaskPathResolver path = engine.pathResolver();
    for (const TraceEvent &event : engine.events()) {
        if (event.kind != EventKind::Spawn)
            continue;
        const QString p = path(event.task);
        if (!paths.contains(p))
            paths << p;
        if (paths.size() > MaxPathsListed) {
            paths.removeLast();
            paths << QStringLiteral("...");
            break;
        }
    }
    return paths.join(QStringLiteral(", "));
}

} // namespace

int runWhyVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade why");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a lesson or a scenario file as 'cascade run' does and explains why TASK ended as it did: the\n"
        "chain of causes from the origin (a click, a cancel step, a timeout, a failure) through every task\n"
        "it passed, to where the cancellation was delivered and how the task ended. A task that was not\n"
        "cancelled is said to be so, with the requests it ignored. TASK is a task path such as\n"
        "main/makeSoup/chopIngredients/chop[2]; the options are those of 'cascade run' but --trace."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const ScenarioRunOptions runOptions(parser);
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("A lesson id (see 'cascade lessons') or a scenario JSON file."),
                                 QStringLiteral("<lesson-id | file.json>"));
    parser.addPositionalArgument(QStringLiteral("task"), QStringLiteral("The path of the task to explain."),
                                 QStringLiteral("TASK"));

    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("why"), parser, QStringLiteral("<lesson-id | file.json> TASK [options]"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return io.fail(context, QStringLiteral("missing lesson id or scenario file (run 'cascade lessons' for the list)"));
    if (positional.size() < 2)
        return io.fail(context, QStringLiteral("missing the task to explain, e.g. 'cascade why %1 main/job'")
                                    .arg(positional.constFirst()));
    if (positional.size() > 2)
        return io.fail(context, QStringLiteral("unexpected argument '%1' (explain one task at a time)").arg(positional.at(2)));

    ScenarioRunRequest request;
    request.scenario = positional.at(0);
    const QString taskPath = positional.at(1);
    if (const std::optional<QString> error = runOptions.read(parser, &request))
        return io.fail(context, *error);

    Scenario scenario;
    Runtime runtime = Runtime::Asyncio;
    if (const std::optional<int> status = prepareScenarioRun(request, io, context, &scenario, &runtime))
        return *status;
    QString error;
    if (!validateTaskPath(scenario, taskPath, &error))
        return io.fail(context, error);

    Engine engine(scenario, runtime);
    runScenario(engine, request);
    const QString abort = engine.abortReason();
    if (!abort.isEmpty()) {
        io.err << context << QStringLiteral(": ") << oneLine(abort) << Qt::endl;
        return ExitInternal;
    }

    const TaskPathResolver path = engine.pathResolver();
    const int task = taskWithPath(engine.events(), path, taskPath);
    if (task < 0) {
        return io.fail(context, QStringLiteral("task '%1' never started in this run of '%2' under %3; its tasks: %4")
                                    .arg(taskPath, scenario.id, runtimeName(runtime), spawnedPaths(engine)));
    }
    const CauseChain chain = explainTask(engine.events(), task, path, request.actions);
    io.out << QStringLiteral("== why %1 (%2 under %3)\n").arg(taskPath, scenario.id, runtimeName(runtime))
           << causeChainText(chain, taskPath, engine.now(), path);
    io.out.flush();
    if (io.out.status() != QTextStream::Ok)
        return io.fail(context, QStringLiteral("cannot write to standard output"));
    return ExitOk;
}

} // namespace cascade
