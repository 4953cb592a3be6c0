// `cascade code`: a lesson or scenario file as a program in Python (asyncio), Kotlin
// (kotlinx.coroutines) or Swift, or its line map (docs/codegen.md).
#include "cliverb.h"
#include "codegen.h"
#include "commandline.h"
#include "lessons.h"
#include "scenario.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QTextStream>

#include <memory>
#include <optional>

namespace cascade {

int runCodeVerb(const QStringList &arguments, const CliIo &io)
{
    const QString context = QStringLiteral("cascade code");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a lesson or a scenario file as a complete program: Python asyncio (runs on python3.11 as it\n"
        "is), Kotlin with kotlinx.coroutines or Swift. A construct the language's runtime does not have is a\n"
        "comment saying why. --map prints the line map instead (docs/codegen.md)."));
    const QCommandLineOption helpOption = addHelpOption(parser);
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("python, kotlin or swift (default: the language of --runtime, else of the scenario's first runtime)."),
        QStringLiteral("language"));
    const QCommandLineOption runtimeOption(QStringLiteral("runtime"),
        QStringLiteral("asyncio, kotlin or swift: the language of that runtime (python for asyncio)."),
        QStringLiteral("name"));
    const QCommandLineOption mapOption(QStringLiteral("map"),
        QStringLiteral("Print the line map as JSON: each step's lines, check points, cleanup and no-equivalent lines."));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write to FILE (replaced atomically) instead of standard output."), QStringLiteral("FILE"));
    parser.addOptions({langOption, runtimeOption, mapOption, outputOption});
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A lesson id (see 'cascade lessons') or a scenario JSON file."),
                                 QStringLiteral("<lesson-id | file.json>"));

    if (!parser.parse(arguments))
        return io.fail(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        io.printVerbHelp(QStringLiteral("code"), parser, QStringLiteral("<lesson-id | file.json> [options]"));
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return io.fail(context, QStringLiteral("missing lesson id or scenario file (run 'cascade lessons' for the list)"));
    if (positional.size() > 1)
        return io.fail(context, QStringLiteral("unexpected argument '%1' (one scenario at a time)").arg(positional.at(1)));

    std::optional<CodeLanguage> language;
    if (parser.isSet(langOption)) {
        CodeLanguage parsed = CodeLanguage::Python;
        if (!codeLanguageFromName(parser.value(langOption), &parsed))
            return io.fail(context, QStringLiteral("unknown language '%1' (choose python, kotlin or swift)").arg(parser.value(langOption)));
        language = parsed;
    }
    if (parser.isSet(runtimeOption)) {
        Runtime runtime = Runtime::Asyncio;
        if (!runtimeFromName(parser.value(runtimeOption), &runtime))
            return io.fail(context, QStringLiteral("unknown runtime '%1' (choose asyncio, kotlin or swift)").arg(parser.value(runtimeOption)));
        if (language && *language != codeLanguageOf(runtime)) {
            return io.fail(context, QStringLiteral("--lang %1 does not go with --runtime %2 (%2 is written in %3)")
                                        .arg(codeLanguageName(*language), runtimeName(runtime),
                                             codeLanguageName(codeLanguageOf(runtime))));
        }
        language = codeLanguageOf(runtime);
    }

    QString error;
    const std::optional<Scenario> scenario = Lessons::loadLessonOrFile(positional.constFirst(), &error);
    if (!scenario)
        return io.fail(context, error);
    const GeneratedCode code = generateCode(*scenario, language.value_or(codeLanguageOf(scenario->defaultRuntime())));
    const QByteArray output = parser.isSet(mapOption) ? code.lineMapJson() : code.text.toUtf8();

    if (parser.isSet(outputOption)) {
        const QString path = parser.value(outputOption);
        std::unique_ptr<QFileDevice> file = openOutputFile(path, &error);
        if (!file)
            return io.fail(context, QStringLiteral("cannot write %1").arg(error));
        if (!writeWholeFile(*file, output))
            return io.fail(context, QStringLiteral("cannot write '%1': %2").arg(path, file->errorString()));
        return ExitOk;
    }
    io.out << QString::fromUtf8(output);
    io.out.flush();
    if (io.out.status() != QTextStream::Ok)
        return io.fail(context, QStringLiteral("cannot write to standard output"));
    return ExitOk;
}

} // namespace cascade
