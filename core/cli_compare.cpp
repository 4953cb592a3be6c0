// `cascade compare`: one scenario run under two runtimes with the same user actions, and the
// moments the runs differ, task by task (core/tracecompare.h), one per line.
#include "cliverb.h"
#include "clirunoptions.h"
#include "commandline.h"
#include "engine.h"
#include "lessons.h"
#include "scenario.h"
#include "tracecompare.h"
#include "useraction.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <array>
#include <optional>

namespace cascade {

namespace {

//! "asyncio,kotlin" into two runtimes; the message for a bad list.
std::optional<QString> parseRuntimePair(const QString &text, std::array<Runtime, 2> *out)
{
    const QStringList names = text.split(QLatin1Char(','));
    if (names.size() != 2)
        return QStringLiteral("--runtimes: expected two runtimes separated by a comma (e.g. asyncio,kotlin), got '%1'").arg(text);
    for (int i = 0; i < 2; ++i) {
        if (!runtimeFromName(names.at(i).trimmed(), &(*out)[std::size_t(i)]))
            return QStringLiteral("--runtimes: unknown runtime '%1' (choose asyncio, kotlin or swift)").arg(names.at(i).trimmed());
    }
    return std::nullopt;
}

} // namespace

int runCompareVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade compare");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a lesson or a scenario file under two runtimes, with the same user actions at the same virtual\n"
        "times, and prints where the runs differ, task by task, in the order they happen: the first instant a\n"
        "task's state differs, different outcomes, different end times, tasks one run has and the other has\n"
        "not. One line each, tab-separated: time (ms), task, kind (state, outcome, end-time, only-in), what the\n"
        "first run shows, what the second shows. Nothing is printed when the runs agree."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QCommandLineOption runtimesOption(
        QStringLiteral("runtimes"),
        QStringLiteral("The two runtimes, e.g. asyncio,kotlin (default: the scenario's first and the next one it can run under)."),
        QStringLiteral("first,second"));
    parser.addOption(runtimesOption);
    const ScenarioRunOptions runOptions(parser);
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A lesson id (see 'cascade lessons') or a scenario JSON file."),
                                 QStringLiteral("<lesson-id | file.json>"));
    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("compare"), parser, QStringLiteral("<lesson-id | file.json> [--runtimes A,B] [--cancel PATH@MS ...]"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return io.fail(context, QStringLiteral("missing lesson id or scenario file (run 'cascade lessons' for the list)"));
    if (positional.size() > 1)
        return io.fail(context, QStringLiteral("unexpected argument '%1' (name the runtimes with --runtimes A,B)").arg(positional.at(1)));
    ScenarioRunRequest request;
    request.scenario = positional.constFirst();
    if (const std::optional<QString> error = runOptions.read(parser, &request))
        return io.fail(context, *error);
    if (request.runtime)
        return io.fail(context, QStringLiteral("--runtime: a comparison has two; name them with --runtimes A,B"));
    std::optional<std::array<Runtime, 2>> chosen;
    if (parser.isSet(runtimesOption)) {
        std::array<Runtime, 2> pair{};
        if (const std::optional<QString> error = parseRuntimePair(parser.value(runtimesOption), &pair))
            return io.fail(context, *error);
        chosen = pair;
    }

    QString error;
    const std::optional<Scenario> scenario = Lessons::loadLessonOrFile(request.scenario, &error);
    if (!scenario)
        return io.fail(context, error);
    const Runtime first = chosen ? (*chosen)[0] : scenario->defaultRuntime();
    const Runtime second = chosen ? (*chosen)[1] : otherComparableRuntime(*scenario, first);
    const QString refusal = comparisonRefusal(*scenario, first, second);
    if (!refusal.isEmpty())
        return io.fail(context, QStringLiteral("%1 under %2 and %3: %4").arg(request.scenario, runtimeName(first), runtimeName(second), refusal));
    for (const UserAction &action : request.actions) {
        if (!validateTaskPath(*scenario, action.taskPath, &error))
            return io.fail(context, QStringLiteral("%1: %2").arg(UserAction::optionName(action.kind), error));
    }

    // The same actions at the same virtual times on both runs.
    Engine runFirst(*scenario, first);
    Engine runSecond(*scenario, second);
    runScenario(runFirst, request);
    runScenario(runSecond, request);
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
