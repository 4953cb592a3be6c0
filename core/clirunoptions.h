#pragma once

#include "cliverb.h"
#include "scenario.h"
#include "useraction.h"

#include <QCommandLineOption>
#include <QString>

#include <optional>
#include <vector>

class QCommandLineParser;

namespace cascade {

class Engine;

//! What the verbs that run a scenario (`run`, `why`, `compare`) were asked: the scenario, the runtime, the
//! learner's actions and where to stop.
struct ScenarioRunRequest {
    QString scenario;                  // lesson id or file path
    std::optional<Runtime> runtime;    // default: the scenario's first
    std::vector<UserAction> actions;   // in command-line order
    std::optional<qint64> until;
};

//! The options those verbs share: --runtime, --cancel, --fail, --timeout, --shield and --until.
//! Added to a verb's own parser so that its --help lists them with its other options.
class ScenarioRunOptions {
public:
    explicit ScenarioRunOptions(QCommandLineParser &parser);

    //! Reads the shared options once the parser has parsed: the message for the first bad one.
    [[nodiscard]] std::optional<QString> read(const QCommandLineParser &parser, ScenarioRunRequest *request) const;

private:
    QCommandLineOption m_runtime;
    QCommandLineOption m_cancel;
    QCommandLineOption m_fail;
    QCommandLineOption m_timeout;
    QCommandLineOption m_shield;
    QCommandLineOption m_until;
};

//! Loads the request's scenario and checks it can run as asked: the runtime has every step it uses
//! and every action names a task the scenario can create. On failure the messages are written
//! under `context` and the exit status is returned.
[[nodiscard]] std::optional<int> prepareScenarioRun(const ScenarioRunRequest &request, const CliIo &io,
                                                    const QString &context, Scenario *scenario, Runtime *runtime);

//! Schedules the request's actions and runs to the end, or to --until.
void runScenario(Engine &engine, const ScenarioRunRequest &request);

} // namespace cascade
