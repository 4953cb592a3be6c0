#include "commandline.h"

#include "engine.h"
#include "lessons.h"
#include "scenario.h"
#include "trace.h"
#include "useraction.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <exception>
#include <map>
#include <memory>
#include <optional>

namespace cascade {

namespace {

const QString VerbLessons = QStringLiteral("lessons");
const QString VerbRun = QStringLiteral("run");
const QString VerbHelp = QStringLiteral("help");

QString versionText()
{
    return QStringLiteral("cascade %1").arg(QLatin1String(CASCADE_VERSION));
}

QString overviewText()
{
    return QStringLiteral(
        "Usage: cascade <verb> [options]\n"
        "Cascade: see and teach how concurrent tasks are cancelled.\n"
        "\n"
        "Verbs:\n"
        "  lessons                      list the built-in lessons: id, runtimes, title (tab-separated)\n"
        "  run <lesson-id | file.json>  run a scenario headless; print its log, or its trace with --trace\n"
        "  help [verb]                  show this help, or the options of a verb\n"
        "\n"
        "Options: -h, --help shows help; -v, --version shows the version.\n"
        "\n"
        "Exit status: 0 when the verb did its job (a run exits 0 whatever the tasks' outcomes),\n"
        "2 for bad input (unknown verb or option, bad value, unreadable scenario, write failure),\n"
        "3 when the engine stopped the run early (event limit) or a built-in lesson does not load.\n"
        "\n"
        "Examples:\n"
        "  cascade lessons\n"
        "  cascade run kotlin-cancel-join\n"
        "  cascade run kotlin-cancel-join --cancel main/job@700 --trace -\n"
        "  cascade run my-scenario.json --runtime asyncio --fail main/worker@250:ValueError:boom\n"
        "  cascade run kotlin-cancel-join --timeout main/job@200:700 --shield main/job@100\n");
}

//! Text that must stay on one line of a tab-separated listing.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

QString runtimeList(const std::vector<Runtime> &runtimes)
{
    QStringList names;
    for (const Runtime runtime : runtimes)
        names << runtimeName(runtime);
    return names.join(QLatin1Char(','));
}

//! Our own -h/--help: QCommandLineParser's adds --help-all for Qt options we do not take.
QCommandLineOption addHelpOption(QCommandLineParser &parser)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    return help;
}

//! What `cascade run` was asked to do, once its arguments are checked.
struct RunRequest {
    QString scenario;                  // lesson id or file path
    std::optional<Runtime> runtime;    // default: the scenario's first
    std::vector<UserAction> actions;   // in command-line order
    std::optional<qint64> until;
    QString tracePath;                 // empty: readable log; "-": trace on stdout
};

//! Writes the whole trace and reports whether it reached the file (or device) intact.
bool writeTrace(QFileDevice &file, const QByteArray &trace)
{
    bool written = file.write(trace) == trace.size();
    if (auto *saveFile = qobject_cast<QSaveFile *>(&file))
        return saveFile->commit() && written;
    written = file.flush() && written;  // a full device reports the error only here
    file.close();
    return written && file.error() == QFileDevice::NoError;
}

//! One invocation: keeps the streams so every verb reports the same way.
class CommandLine {
public:
    CommandLine(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    [[nodiscard]] int run(const QStringList &arguments);

private:
    [[nodiscard]] int fail(const QString &context, const QString &message);
    [[nodiscard]] int lessons(const QStringList &arguments);
    [[nodiscard]] int runScenario(const QStringList &arguments);
    //! Checks the arguments of `run`; a status when it is done already (help, bad input).
    [[nodiscard]] std::optional<int> parseRun(const QStringList &arguments, RunRequest *request);
    [[nodiscard]] int help(const QStringList &arguments);
    void printVerbHelp(const QString &verb, const QCommandLineParser &parser, const QString &usage);
    void printSummary(const Engine &engine, const Scenario &scenario, Runtime runtime,
                      std::optional<qint64> until);

    QTextStream &m_out;
    QTextStream &m_err;
};

int CommandLine::fail(const QString &context, const QString &message)
{
    m_err << context << QStringLiteral(": ") << message << Qt::endl;
    return ExitBadInput;
}

void CommandLine::printVerbHelp(const QString &verb, const QCommandLineParser &parser, const QString &usage)
{
    // QCommandLineParser's own usage line names the running binary (a test executable, say);
    // keep only its option table and put a usage line that is true for every caller in front.
    QString options = parser.helpText();
    const qsizetype at = options.indexOf(QStringLiteral("Options:"));
    options = at >= 0 ? options.mid(at) : QString();
    m_out << QStringLiteral("Usage: cascade %1%2\n").arg(verb, usage.isEmpty() ? QString() : QLatin1Char(' ') + usage)
          << parser.applicationDescription()
          << QStringLiteral("\n\n") << options;
    m_out.flush();
}

int CommandLine::lessons(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the built-in lessons: id<TAB>runtimes<TAB>title."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QString context = QStringLiteral("cascade lessons");
    if (!parser.parse(arguments))
        return fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        printVerbHelp(VerbLessons, parser, QString());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(context, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    const QStringList ids = Lessons::ids();
    if (ids.isEmpty()) {
        m_err << context << QStringLiteral(": no built-in lessons found (resource :/lessons/index.txt)") << Qt::endl;
        return ExitInternal;
    }
    int status = ExitOk;
    for (const QString &id : ids) {
        QString error;
        const std::optional<Scenario> lesson = Lessons::load(id, &error);
        if (!lesson) {
            // A broken built-in lesson is our bug, not the user's: say so and keep listing.
            m_err << context << QStringLiteral(": ") << oneLine(error) << Qt::endl;
            status = ExitInternal;
            continue;
        }
        m_out << id << QLatin1Char('\t') << runtimeList(lesson->runtimes) << QLatin1Char('\t')
              << oneLine(lesson->title.en) << QLatin1Char('\n');
    }
    m_out.flush();
    return status;
}

std::optional<int> CommandLine::parseRun(const QStringList &arguments, RunRequest *request)
{
    const QString context = QStringLiteral("cascade run");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a lesson or a scenario file on the virtual clock and prints what happened: a readable log,\n"
        "or with --trace the JSON Lines trace (docs/trace-format.md). PATH is a task path such as\n"
        "main/job or main/chop[2]; MS is virtual milliseconds from the start."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QCommandLineOption runtimeOption(QStringLiteral("runtime"),
        QStringLiteral("Rules to run under: asyncio, kotlin or swift (default: the scenario's first)."),
        QStringLiteral("name"));
    const QCommandLineOption cancelOption(QStringLiteral("cancel"),
        QStringLiteral("Cancel a task at a virtual time, as the user would. Repeatable."), QStringLiteral("PATH@MS"));
    const QCommandLineOption failOption(QStringLiteral("fail"),
        QStringLiteral("Make a task raise an error at a virtual time (default error: Error). Repeatable."),
        QStringLiteral("PATH@MS[:Error[:message]]"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        QStringLiteral("Give a running task a deadline DURATION ms after MS, as if the rest of its work were in "
                       "asyncio.timeout / withTimeout (not in Swift). Repeatable."),
        QStringLiteral("PATH@MS:DURATION"));
    const QCommandLineOption shieldOption(QStringLiteral("shield"),
        QStringLiteral("Toggle a shield on a task at MS: requests from outside stop there until it is toggled off "
                       "(asyncio.shield / NonCancellable; not in Swift). Repeatable."),
        QStringLiteral("PATH@MS"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
        QStringLiteral("Stop at this virtual time instead of running to the end."), QStringLiteral("MS"));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
        QStringLiteral("Write the JSON Lines trace to FILE, or to standard output with '-', instead of the log."),
        QStringLiteral("FILE|-"));
    parser.addOptions({runtimeOption, cancelOption, failOption, timeoutOption, shieldOption, untilOption, traceOption});
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A lesson id (see 'cascade lessons') or a scenario JSON file."),
                                 QStringLiteral("<lesson-id | file.json>"));

    if (!parser.parse(arguments))
        return fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        printVerbHelp(VerbRun, parser, QStringLiteral("<lesson-id | file.json> [options]"));
        return int(ExitOk);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(context, QStringLiteral("missing lesson id or scenario file (run 'cascade lessons' for the list)"));
    if (positional.size() > 1)
        return fail(context, QStringLiteral("unexpected argument '%1' (run one scenario at a time)").arg(positional.at(1)));

    request->scenario = positional.constFirst();
    if (parser.isSet(runtimeOption)) {
        Runtime parsed = Runtime::Asyncio;
        const QString name = parser.value(runtimeOption);
        if (!runtimeFromName(name, &parsed))
            return fail(context, QStringLiteral("unknown runtime '%1' (choose asyncio, kotlin or swift)").arg(name));
        request->runtime = parsed;
    }

    // Keep the actions in command-line order: actions at the same time apply in that order.
    const std::map<QString, std::pair<UserAction::Kind, QStringList>> actionOptions{
        {QStringLiteral("cancel"), {UserAction::Kind::Cancel, parser.values(cancelOption)}},
        {QStringLiteral("fail"), {UserAction::Kind::Fail, parser.values(failOption)}},
        {QStringLiteral("timeout"), {UserAction::Kind::Timeout, parser.values(timeoutOption)}},
        {QStringLiteral("shield"), {UserAction::Kind::Shield, parser.values(shieldOption)}},
    };
    std::map<QString, qsizetype> used;
    for (const QString &name : parser.optionNames()) {
        const auto option = actionOptions.find(name);
        if (option == actionOptions.end())
            continue;
        const auto &[kind, values] = option->second;
        const qsizetype index = used[name]++;
        if (index >= values.size())
            continue;
        UserAction action;
        QString error;
        if (!UserAction::parse(kind, values.at(index), &action, &error))
            return fail(context, error);
        request->actions.push_back(action);
    }

    if (parser.isSet(untilOption)) {
        qint64 ms = 0;
        QString error;
        if (!parseVirtualMs(parser.value(untilOption), &ms, &error))
            return fail(context, QStringLiteral("--until: %1").arg(error));
        request->until = ms;
    }

    if (parser.isSet(traceOption)) {
        request->tracePath = parser.value(traceOption);
        if (request->tracePath.isEmpty())
            return fail(context, QStringLiteral("--trace: empty file name (use '-' for standard output)"));
    }
    return std::nullopt;
}


int CommandLine::runScenario(const QStringList &arguments)
{
    RunRequest request;
    if (const std::optional<int> status = parseRun(arguments, &request))
        return *status;
    const QString context = QStringLiteral("cascade run");
    const QString &tracePath = request.tracePath;
    const std::vector<UserAction> &actions = request.actions;
    const std::optional<qint64> until = request.until;

    QString error;
    const std::optional<Scenario> scenario = Lessons::loadLessonOrFile(request.scenario, &error);
    if (!scenario)
        return fail(context, error);
    const Runtime chosen = request.runtime.value_or(scenario->defaultRuntime());

    const QStringList reasons = Engine::unsupported(*scenario, chosen);
    if (!reasons.isEmpty()) {
        for (const QString &reason : reasons)
            m_err << context << QStringLiteral(": cannot run '%1' under %2: ").arg(scenario->id, runtimeName(chosen))
                  << reason << Qt::endl;
        return ExitBadInput;
    }
    for (const UserAction &action : actions) {
        if (!validateTaskPath(*scenario, action.taskPath, &error)) {
            return fail(context, QStringLiteral("%1: %2").arg(UserAction::optionName(action.kind), error));
        }
    }

    // Open the trace file before running so a bad path fails fast. A regular file is replaced
    // atomically (QSaveFile); a device or pipe (/dev/stdout, a FIFO) is written in place, since
    // renaming over it would replace the device itself.
    std::unique_ptr<QFileDevice> traceFile;
    if (!tracePath.isEmpty() && tracePath != QLatin1String("-")) {
        const QFileInfo info(tracePath);
        if (info.isDir())
            return fail(context, QStringLiteral("cannot write the trace to '%1': it is a directory").arg(tracePath));
        if (info.exists() && !info.isFile())
            traceFile = std::make_unique<QFile>(tracePath);
        else
            traceFile = std::make_unique<QSaveFile>(tracePath);
        if (!traceFile->open(QIODevice::WriteOnly))
            return fail(context, QStringLiteral("cannot write the trace to '%1': %2").arg(tracePath, traceFile->errorString()));
    }

    Engine engine(*scenario, chosen);
    for (const UserAction &action : actions)
        engine.schedule(action);
    if (until)
        engine.runUntil(*until);
    else
        engine.runToEnd();

    if (tracePath.isEmpty()) {
        const TaskPathResolver resolve = engine.pathResolver();
        m_out << QStringLiteral("== %1 under %2: %3\n").arg(scenario->id, runtimeName(chosen), oneLine(scenario->title.en));
        for (const TraceEvent &event : engine.events())
            m_out << traceEventToText(event, resolve) << QLatin1Char('\n');
        printSummary(engine, *scenario, chosen, until);
    } else if (traceFile) {
        if (!writeTrace(*traceFile, engine.traceJsonLines()))
            return fail(context, QStringLiteral("cannot write the trace to '%1': %2").arg(tracePath, traceFile->errorString()));
    } else {
        m_out << QString::fromUtf8(engine.traceJsonLines());
    }
    m_out.flush();
    if (m_out.status() != QTextStream::Ok)
        return fail(context, QStringLiteral("cannot write to standard output"));

    const QString abort = engine.abortReason();
    if (!abort.isEmpty()) {
        m_err << context << QStringLiteral(": ") << oneLine(abort) << Qt::endl;
        return ExitInternal;
    }
    return ExitOk;
}

void CommandLine::printSummary(const Engine &engine, const Scenario &scenario, Runtime runtime,
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
    m_out << QStringLiteral("== %1 under %2: %3 at %4 ms%5; %6 task%7: %8\n")
                 .arg(scenario.id, runtimeName(runtime), rootState)
                 .arg(engine.now())
                 .arg(stopped)
                 .arg(tasks)
                 .arg(tasks == 1 ? QString() : QStringLiteral("s"), parts.join(QStringLiteral(", ")));
}

int CommandLine::help(const QStringList &arguments)
{
    // `cascade help run` shows the options of run, like `cascade run --help`.
    if (arguments.size() > 1) {
        const QString verb = arguments.at(1);
        if (verb == VerbRun || verb == VerbLessons)
            return run({arguments.constFirst(), verb, QStringLiteral("--help")});
        if (verb != VerbHelp)
            return fail(QStringLiteral("cascade help"), QStringLiteral("unknown verb '%1' (verbs: lessons, run, help)").arg(verb));
    }
    m_out << overviewText();
    m_out.flush();
    return ExitOk;
}

int CommandLine::run(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        m_err << QStringLiteral("cascade: missing verb (try 'cascade help')") << Qt::endl;
        return ExitBadInput;
    }
    const QString verb = arguments.at(1);
    // Each verb parses its own options; its name stands where a parser expects the program name.
    const QStringList verbArguments = arguments.mid(1);
    if (verb == VerbLessons)
        return lessons(verbArguments);
    if (verb == VerbRun)
        return runScenario(verbArguments);
    if (verb == VerbHelp)
        return help(verbArguments);
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h"))
        return help({verb});
    if (verb == QLatin1String("--version") || verb == QLatin1String("-v")) {
        m_out << versionText() << QLatin1Char('\n');
        m_out.flush();
        return ExitOk;
    }
    if (verb.startsWith(QLatin1Char('-')))
        m_err << QStringLiteral("cascade: unknown option '%1' (try 'cascade help')").arg(verb) << Qt::endl;
    else
        m_err << QStringLiteral("cascade: unknown verb '%1' (verbs: lessons, run, help)").arg(verb) << Qt::endl;
    return ExitBadInput;
}

} // namespace

bool isCommandLineVerb(const QString &argument)
{
    static const QStringList verbs{VerbLessons, VerbRun, VerbHelp, QStringLiteral("--help"), QStringLiteral("-h"),
                                   QStringLiteral("--version"), QStringLiteral("-v")};
    return verbs.contains(argument);
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(out, err);
    try {
        return commandLine.run(arguments);
    } catch (const std::exception &e) {
        // Never crash on any input: an escaped exception is reported like an aborted run.
        err << QStringLiteral("cascade: internal error: %1").arg(QString::fromLocal8Bit(e.what())) << Qt::endl;
    } catch (...) {
        err << QStringLiteral("cascade: internal error") << Qt::endl;
    }
    return ExitInternal;
}

} // namespace cascade
