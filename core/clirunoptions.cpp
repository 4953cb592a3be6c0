// The options of the verbs that run a scenario (`cascade run`, `why`, `compare`), parsed one way.
#include "clirunoptions.h"

#include "commandline.h"
#include "engine.h"
#include "lessons.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <map>

namespace cascade {

ScenarioRunOptions::ScenarioRunOptions(QCommandLineParser &parser)
    : m_runtime(QStringLiteral("runtime"),
                QStringLiteral("Rules to run under: asyncio, kotlin or swift (default: the scenario's first)."),
                QStringLiteral("name")),
      m_cancel(QStringLiteral("cancel"), QStringLiteral("Cancel a task at a virtual time, as the user would. Repeatable."),
               QStringLiteral("PATH@MS")),
      m_fail(QStringLiteral("fail"),
             QStringLiteral("Make a task raise an error at a virtual time (default error: Error). Repeatable."),
             QStringLiteral("PATH@MS[:Error[:message]]")),
      m_timeout(QStringLiteral("timeout"),
                QStringLiteral("Give a running task a deadline DURATION ms after MS, as if the rest of its work were in "
                               "asyncio.timeout / withTimeout (not in Swift). Repeatable."),
                QStringLiteral("PATH@MS:DURATION")),
      m_shield(QStringLiteral("shield"),
               QStringLiteral("Toggle a shield on a task at MS: requests from outside stop there until it is toggled off "
                              "(asyncio.shield / NonCancellable; not in Swift). Repeatable."),
               QStringLiteral("PATH@MS")),
      m_until(QStringLiteral("until"), QStringLiteral("Stop at this virtual time instead of running to the end."),
              QStringLiteral("MS"))
{
    parser.addOptions({m_runtime, m_cancel, m_fail, m_timeout, m_shield, m_until});
}

std::optional<QString> ScenarioRunOptions::read(const QCommandLineParser &parser, ScenarioRunRequest *request) const
{
    if (parser.isSet(m_runtime)) {
        Runtime parsed = Runtime::Asyncio;
        const QString name = parser.value(m_runtime);
        if (!runtimeFromName(name, &parsed))
            return QStringLiteral("unknown runtime '%1' (choose asyncio, kotlin or swift)").arg(name);
        request->runtime = parsed;
    }

    // Keep the actions in command-line order: actions at the same time apply in that order.
    const std::map<QString, std::pair<UserAction::Kind, QStringList>> actionOptions{
        {QStringLiteral("cancel"), {UserAction::Kind::Cancel, parser.values(m_cancel)}},
        {QStringLiteral("fail"), {UserAction::Kind::Fail, parser.values(m_fail)}},
        {QStringLiteral("timeout"), {UserAction::Kind::Timeout, parser.values(m_timeout)}},
        {QStringLiteral("shield"), {UserAction::Kind::Shield, parser.values(m_shield)}},
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
            return error;
        request->actions.push_back(action);
    }

    if (parser.isSet(m_until)) {
        qint64 ms = 0;
        QString error;
        if (!parseVirtualMs(parser.value(m_until), &ms, &error))
            return QStringLiteral("--until: %1").arg(error);
        request->until = ms;
    }
    return std::nullopt;
}

std::optional<int> prepareScenarioRun(const ScenarioRunRequest &request, const CliIo &io, const QString &context,
                                      Scenario *scenario, Runtime *runtime)
{
    QString error;
    std::optional<Scenario> loaded = Lessons::loadLessonOrFile(request.scenario, &error);
    if (!loaded)
        return io.fail(context, error);
    const Runtime chosen = request.runtime.value_or(loaded->defaultRuntime());

    const QStringList reasons = Engine::unsupported(*loaded, chosen);
    if (!reasons.isEmpty()) {
        for (const QString &reason : reasons)
            io.err << context << QStringLiteral(": cannot run '%1' under %2: ").arg(loaded->id, runtimeName(chosen))
                   << reason << Qt::endl;
        return int(ExitBadInput);
    }
    for (const UserAction &action : request.actions) {
        if (!validateTaskPath(*loaded, action.taskPath, &error))
            return io.fail(context, QStringLiteral("%1: %2").arg(UserAction::optionName(action.kind), error));
    }
    *scenario = std::move(*loaded);
    *runtime = chosen;
    return std::nullopt;
}

void runScenario(Engine &engine, const ScenarioRunRequest &request)
{
    for (const UserAction &action : request.actions)
        engine.schedule(action);
    if (request.until)
        engine.runUntil(*request.until);
    else
        engine.runToEnd();
}

} // namespace cascade
