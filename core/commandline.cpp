#include "commandline.h"

#include "cliverb.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <exception>

namespace cascade {

int CliIo::fail(const QString &context, const QString &message) const
{
    err << context << QStringLiteral(": ") << message << Qt::endl;
    return ExitBadInput;
}

void CliIo::printVerbHelp(const QString &verb, const QCommandLineParser &parser, const QString &usage) const
{
    // QCommandLineParser's own usage line names the running binary (a test executable, say);
    // keep only its option table and put a usage line that is true for every caller in front.
    QString options = parser.helpText();
    const qsizetype at = options.indexOf(QStringLiteral("Options:"));
    options = at >= 0 ? options.mid(at) : QString();
    out << QStringLiteral("Usage: cascade %1%2\n").arg(verb, usage.isEmpty() ? QString() : QLatin1Char(' ') + usage)
        << parser.applicationDescription()
        << QStringLiteral("\n\n") << options;
    out.flush();
}

QCommandLineOption addHelpOption(QCommandLineParser &parser)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    return help;
}

QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

std::unique_ptr<QFileDevice> openOutputFile(const QString &path, QString *error)
{
    // Renaming over a device or pipe would replace the device itself: write those in place.
    const QFileInfo info(path);
    if (info.isDir()) {
        *error = QStringLiteral("'%1': it is a directory").arg(path);
        return nullptr;
    }
    std::unique_ptr<QFileDevice> file;
    if (info.exists() && !info.isFile())
        file = std::make_unique<QFile>(path);
    else
        file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("'%1': %2").arg(path, file->errorString());
        return nullptr;
    }
    return file;
}

bool writeWholeFile(QFileDevice &file, const QByteArray &data)
{
    const bool written = file.write(data) == data.size();
    return finishOutputFile(file) && written;
}

bool finishOutputFile(QFileDevice &file)
{
    if (auto *saveFile = qobject_cast<QSaveFile *>(&file))
        return saveFile->commit();
    const bool flushed = file.flush();  // a full device reports the error only here
    file.close();
    return flushed && file.error() == QFileDevice::NoError;
}

const std::vector<CliVerb> &coreVerbs()
{
    static const std::vector<CliVerb> verbs{
        {QStringLiteral("lessons"), QStringLiteral("lessons"),
         QStringLiteral("list the built-in lessons: id, runtimes, title (tab-separated)"), &runLessonsVerb},
        {QStringLiteral("run"), QStringLiteral("run <lesson-id | file.json>"),
         QStringLiteral("run a scenario headless; print its log, or its trace with --trace"), &runRunVerb},
        {QStringLiteral("why"), QStringLiteral("why <lesson-id | file.json> TASK"),
         QStringLiteral("run as 'run' does and explain why TASK was cancelled: the chain of causes"), &runWhyVerb},
        {QStringLiteral("replay"), QStringLiteral("replay <recording>"),
         QStringLiteral("run a recording again and check that the trace is the same"), &runReplayVerb},
        {QStringLiteral("export"), QStringLiteral("export <recording>"),
         QStringLiteral("write a recording as a Chrome trace (Perfetto) or a JSON Lines trace"), &runExportVerb},
        {QStringLiteral("code"), QStringLiteral("code <lesson-id | file.json>"),
         QStringLiteral("print the scenario as a Python, Kotlin or Swift program (--lang), or its line map (--map)"),
         &runCodeVerb},
        {QStringLiteral("compare"), QStringLiteral("compare <lesson-id | file.json> [--runtimes A,B] [--cancel PATH@MS ...]"),
         QStringLiteral("run a scenario under two runtimes with the same actions and list where the runs differ"), &runCompareVerb},
    };
    return verbs;
}

namespace {

const QString VerbHelp = QStringLiteral("help");

//! One invocation: the verbs it knows (core's and the caller's) and the streams.
class CommandLine {
public:
    CommandLine(const CliIo &io, const std::vector<CliVerb> &extraVerbs) : m_io(io)
    {
        m_verbs = coreVerbs();
        m_verbs.insert(m_verbs.end(), extraVerbs.begin(), extraVerbs.end());
    }

    [[nodiscard]] int run(const QStringList &arguments) const;

private:
    [[nodiscard]] const CliVerb *find(const QString &name) const;
    [[nodiscard]] QString verbNames() const;
    [[nodiscard]] QString overviewText() const;
    [[nodiscard]] int help(const QStringList &arguments) const;

    CliIo m_io;
    std::vector<CliVerb> m_verbs;
};

const CliVerb *CommandLine::find(const QString &name) const
{
    for (const CliVerb &verb : m_verbs) {
        if (verb.name == name)
            return &verb;
    }
    return nullptr;
}

QString CommandLine::verbNames() const
{
    QStringList names;
    for (const CliVerb &verb : m_verbs)
        names << verb.name;
    names << VerbHelp;
    return names.join(QStringLiteral(", "));
}

QString CommandLine::overviewText() const
{
    // The synopses in one column, as wide as the longest.
    qsizetype width = QStringLiteral("help [verb]").size();
    for (const CliVerb &verb : m_verbs)
        width = std::max(width, verb.synopsis.size());
    QString verbs;
    for (const CliVerb &verb : m_verbs)
        verbs += QStringLiteral("  %1 %2\n").arg(verb.synopsis, -int(width)).arg(verb.summary);
    verbs += QStringLiteral("  %1 %2\n").arg(QStringLiteral("help [verb]"), -int(width)).arg(QStringLiteral("show this help, or the options of a verb"));
    return QStringLiteral(
               "Usage: cascade <verb> [options]\n"
               "Cascade: see and teach how concurrent tasks are cancelled.\n"
               "\n"
               "Verbs:\n")
        + verbs
        + QStringLiteral(
            "\n"
            "Options: -h, --help shows help; -v, --version shows the version.\n"
            "\n"
            "Exit status: 0 when the verb did its job (a run exits 0 whatever the tasks' outcomes; a replay\n"
            "exits 0 when the traces match), 1 when a replay's trace differs from the recorded one,\n"
            "2 for bad input (unknown verb or option, bad value, unreadable scenario or recording,\n"
            "a recording that cannot be replayed, write failure),\n"
            "3 when the engine stopped the run early (event limit) or a built-in lesson does not load.\n"
            "\n"
            "Examples:\n"
            "  cascade lessons\n"
            "  cascade run kotlin-cancel-join\n"
            "  cascade run kotlin-cancel-join --cancel main/job@700 --trace -\n"
            "  cascade run my-scenario.json --runtime asyncio --fail main/worker@250:ValueError:boom\n"
            "  cascade run kotlin-cancel-join --timeout main/job@200:700 --shield main/job@100\n"
            "  cascade why swift-make-soup main/makeSoup/chopIngredients/chop[2]\n"
            "  cascade run kotlin-cancel-join --cancel main/job@700 --record job.recording.jsonl\n"
            "  cascade replay job.recording.jsonl\n"
            "  cascade export job.recording.jsonl --chrome-trace job.chrome.json\n"
            "  cascade code asyncio-shield --lang python\n");
}

int CommandLine::help(const QStringList &arguments) const
{
    // `cascade help run` shows the options of run, like `cascade run --help`.
    if (arguments.size() > 1) {
        const QString name = arguments.at(1);
        if (const CliVerb *verb = find(name))
            return verb->run({name, QStringLiteral("--help")}, m_io);
        if (name != VerbHelp)
            return m_io.fail(QStringLiteral("cascade help"), QStringLiteral("unknown verb '%1' (verbs: %2)").arg(name, verbNames()));
    }
    m_io.out << overviewText();
    m_io.out.flush();
    return ExitOk;
}

int CommandLine::run(const QStringList &arguments) const
{
    if (arguments.size() < 2) {
        m_io.err << QStringLiteral("cascade: missing verb (try 'cascade help')") << Qt::endl;
        return ExitBadInput;
    }
    const QString name = arguments.at(1);
    // Each verb parses its own options; its name stands where a parser expects the program name.
    const QStringList verbArguments = arguments.mid(1);
    if (const CliVerb *verb = find(name))
        return verb->run(verbArguments, m_io);
    if (name == VerbHelp)
        return help(verbArguments);
    if (name == QLatin1String("--help") || name == QLatin1String("-h"))
        return help({name});
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        m_io.out << QStringLiteral("cascade %1").arg(QLatin1String(CASCADE_VERSION)) << QLatin1Char('\n');
        m_io.out.flush();
        return ExitOk;
    }
    if (name.startsWith(QLatin1Char('-')))
        m_io.err << QStringLiteral("cascade: unknown option '%1' (try 'cascade help')").arg(name) << Qt::endl;
    else
        m_io.err << QStringLiteral("cascade: unknown verb '%1' (verbs: %2)").arg(name, verbNames()) << Qt::endl;
    return ExitBadInput;
}

} // namespace

bool isCommandLineVerb(const QString &argument, const std::vector<CliVerb> &extraVerbs)
{
    static const QStringList options{VerbHelp, QStringLiteral("--help"), QStringLiteral("-h"),
                                     QStringLiteral("--version"), QStringLiteral("-v")};
    if (options.contains(argument))
        return true;
    for (const std::vector<CliVerb> *verbs : {&coreVerbs(), &extraVerbs}) {
        for (const CliVerb &verb : *verbs) {
            if (verb.name == argument)
                return true;
        }
    }
    return false;
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err,
                   const std::vector<CliVerb> &extraVerbs)
{
    const CliIo io{out, err};
    try {
        return CommandLine(io, extraVerbs).run(arguments);
    } catch (const std::exception &e) {
        // Never crash on any input: an escaped exception is reported like an aborted run.
        err << QStringLiteral("cascade: internal error: %1").arg(QString::fromLocal8Bit(e.what())) << Qt::endl;
    } catch (...) {
        err << QStringLiteral("cascade: internal error") << Qt::endl;
    }
    return ExitInternal;
}

} // namespace cascade
