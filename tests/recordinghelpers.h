#pragma once

// Helpers shared by the recording tests: scripted user actions for any scenario, and a run made
// into a recording.

#include "engine.h"
#include "lessons.h"
#include "recordingreplay.h"

#include <QStringList>
#include <QTest>

namespace cascade::testing {

//! The action scripts every lesson is recorded with: each acts at times chosen from the length of
//! the plain run (a quarter, a third, half...) on tasks that run spawns.
inline QStringList actionScripts()
{
    return {QStringLiteral("none"), QStringLiteral("cancel"), QStringLiteral("fail"), QStringLiteral("timeout"),
            QStringLiteral("shield")};
}

inline UserAction makeAction(UserAction::Kind kind, qint64 at, const QString &path, qint64 durationMs = 0)
{
    UserAction action;
    action.kind = kind;
    action.at = at;
    action.taskPath = path;
    action.durationMs = durationMs;
    if (kind == UserAction::Kind::Fail) {
        action.error = QStringLiteral("UserError");
        action.message = QStringLiteral("failed by the test");
    }
    return action;
}

//! The actions of `script` for this scenario and runtime.
inline std::vector<UserAction> scriptedActions(const Scenario &scenario, Runtime runtime, const QString &script)
{
    Engine plain(scenario, runtime);
    plain.runToEnd();
    const qint64 end = plain.events().empty() ? 0 : plain.events().back().t;
    QStringList children;  // spawned tasks other than the root, in spawn order
    for (const TraceEvent &event : plain.events()) {
        if (event.kind == EventKind::Spawn && event.other >= 0)
            children << plain.taskPath(event.task);
    }
    const QString root = scenario.root.name;
    const QString firstChild = children.isEmpty() ? root : children.constFirst();
    const QString lastChild = children.isEmpty() ? root : children.constLast();
    using Kind = UserAction::Kind;
    if (script == QLatin1String("cancel"))
        return {makeAction(Kind::Cancel, end / 2, firstChild), makeAction(Kind::Cancel, end * 2 / 3, root)};
    if (script == QLatin1String("fail"))
        return {makeAction(Kind::Fail, end / 3, lastChild)};
    if (script == QLatin1String("timeout"))
        return {makeAction(Kind::Timeout, end / 4, root, std::max<qint64>(1, end / 4)),
                makeAction(Kind::Timeout, end / 5, firstChild, std::max<qint64>(1, end / 3))};
    if (script == QLatin1String("shield"))
        return {makeAction(Kind::Shield, end / 5, firstChild), makeAction(Kind::Cancel, end / 2, root),
                makeAction(Kind::Shield, end * 3 / 4, firstChild)};
    return {};
}

//! Runs the scenario to its end with the actions, as `cascade run --record` does.
inline Recording recordToEnd(const Scenario &scenario, Runtime runtime, const std::vector<UserAction> &actions)
{
    Engine engine(scenario, runtime);
    for (const UserAction &action : actions)
        engine.schedule(action);
    engine.runToEnd();
    return recordRun(scenario, runtime, actions, engine);
}

//! One row per (lesson, runtime it lists, action script).
inline void addLessonScriptRows()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    QTest::addColumn<QString>("script");
    for (const QString &id : Lessons::ids()) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        if (!scenario) {
            QTest::addRow("%s", qPrintable(id)) << id << -1 << QString();
            continue;
        }
        for (Runtime runtime : scenario->runtimes) {
            for (const QString &script : actionScripts())
                QTest::addRow("%s/%s/%s", qPrintable(id), qPrintable(runtimeName(runtime)), qPrintable(script))
                    << id << int(runtime) << script;
        }
    }
}

} // namespace cascade::testing
