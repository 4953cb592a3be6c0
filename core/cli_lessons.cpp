// `cascade lessons`: the built-in lessons, one a line (id, runtimes, title; tab-separated).
#include "cliverb.h"
#include "commandline.h"
#include "lessons.h"
#include "scenario.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cascade {

namespace {

QString runtimeList(const std::vector<Runtime> &runtimes)
{
    QStringList names;
    for (const Runtime runtime : runtimes)
        names << runtimeName(runtime);
    return names.join(QLatin1Char(','));
}

} // namespace

int runLessonsVerb(const QStringList &arguments, const CliIo &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the built-in lessons: id<TAB>runtimes<TAB>title."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QString context = QStringLiteral("cascade lessons");
    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("lessons"), parser, QString());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return io.fail(context, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    const QStringList ids = Lessons::ids();
    if (ids.isEmpty()) {
        io.err << context << QStringLiteral(": no built-in lessons found (resource :/lessons/index.txt)") << Qt::endl;
        return ExitInternal;
    }
    int status = ExitOk;
    for (const QString &id : ids) {
        QString error;
        const std::optional<Scenario> lesson = Lessons::load(id, &error);
        if (!lesson) {
            // A broken built-in lesson is our bug, not the user's: say so and keep listing.
            io.err << context << QStringLiteral(": ") << oneLine(error) << Qt::endl;
            status = ExitInternal;
            continue;
        }
        io.out << id << QLatin1Char('\t') << runtimeList(lesson->runtimes) << QLatin1Char('\t')
               << oneLine(lesson->title.en) << QLatin1Char('\n');
    }
    io.out.flush();
    return status;
}

} // namespace cascade
