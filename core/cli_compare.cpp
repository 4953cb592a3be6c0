// `cascade compare`: one scenario run under two runtimes, and the moments the runs differ, task by
// task (core/tracecompare.h), one per line.
#include "cliverb.h"
#include "commandline.h"
#include "engine.h"
#include "lessons.h"
#include "scenario.h"
#include "tracecompare.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <optional>

namespace cascade {

int runCompareVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade compare");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a lesson or a scenario file under two runtimes and prints where the runs differ, task by task,\n"
        "in the order they happen: the first instant a task's state differs, different outcomes, different\n"
        "end times, tasks one run has and the other has not. One line each, tab-separated: time (ms), task,\n"
        "kind (state, outcome, end-time, only-in), what the first run shows, what the second shows."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A lesson id (see 'cascade lessons') or a scenario JSON file."),
                                 QStringLiteral("<lesson-id | file.json>"));
    parser.addPositionalArgument(QStringLiteral("first"), QStringLiteral("asyncio, kotlin or swift (default: the scenario's first runtime)."),
                                 QStringLiteral("[first"));
    parser.addPositionalArgument(QStringLiteral("second"), QStringLiteral("the other runtime (default: the next one the scenario can run under)."),
                                 QStringLiteral("[second]]"));
    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("compare"), parser, QStringLiteral("<lesson-id | file.json> [first [second]]"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return io.fail(context, QStringLiteral("missing lesson id or scenario file (run 'cascade lessons' for the list)"));
    if (positional.size() > 3)
        return io.fail(context, QStringLiteral("unexpected argument '%1' (a scenario and two runtimes)").arg(positional.at(3)));
    std::optional<Runtime> chosen[2];
    for (int i = 1; i < positional.size(); ++i) {
        Runtime runtime = Runtime::Asyncio;
        if (!runtimeFromName(positional.at(i), &runtime))
            return io.fail(context, QStringLiteral("unknown runtime '%1' (choose asyncio, kotlin or swift)").arg(positional.at(i)));
        chosen[i - 1] = runtime;
    }

    QString error;
    const std::optional<Scenario> scenario = Lessons::loadLessonOrFile(positional.constFirst(), &error);
    if (!scenario)
        return io.fail(context, error);
    const Runtime first = chosen[0].value_or(scenario->defaultRuntime());
    const Runtime second = chosen[1].value_or(otherComparableRuntime(*scenario, first));
    const QString refusal = comparisonRefusal(*scenario, first, second);
    if (!refusal.isEmpty())
        return io.fail(context, QStringLiteral("%1 under %2 and %3: %4").arg(positional.constFirst(), runtimeName(first), runtimeName(second), refusal));

    Engine runFirst(*scenario, first);
    Engine runSecond(*scenario, second);
    runFirst.runToEnd();
    runSecond.runToEnd();
    const std::vector<Divergence> divergences = compareRuns({first, &runFirst.events(), runFirst.pathResolver()},
                                                            {second, &runSecond.events(), runSecond.pathResolver()});
    for (const Divergence &divergence : divergences) {
        io.out << divergence.at << '\t' << divergence.task << '\t' << divergenceKindName(divergence.kind) << '\t'
               << oneLine(divergence.first) << '\t' << oneLine(divergence.second) << '\n';
    }
    io.out.flush();
    if (io.out.status() != QTextStream::Ok)
        return io.fail(context, QStringLiteral("cannot write to standard output"));
    return ExitOk;
}

} // namespace cascade
