#include "scenario.h"

#include <array>
#include <utility>

namespace cascade {

namespace {

// The names are the scenario file's vocabulary (docs/scenario-format.md); the order follows the enums.
constexpr std::array<std::pair<Runtime, QLatin1StringView>, 3> runtimeNames{{
    {Runtime::Asyncio, QLatin1StringView("asyncio")},
    {Runtime::Kotlin, QLatin1StringView("kotlin")},
    {Runtime::Swift, QLatin1StringView("swift")},
}};

constexpr std::array<std::pair<StepKind, QLatin1StringView>, 20> stepKindNames{{
    {StepKind::Sleep, QLatin1StringView("sleep")},
    {StepKind::Work, QLatin1StringView("work")},
    {StepKind::Checkpoint, QLatin1StringView("checkpoint")},
    {StepKind::IfCancelled, QLatin1StringView("ifCancelled")},
    {StepKind::WhileActive, QLatin1StringView("whileActive")},
    {StepKind::Print, QLatin1StringView("print")},
    {StepKind::Raise, QLatin1StringView("raise")},
    {StepKind::Try, QLatin1StringView("try")},
    {StepKind::Group, QLatin1StringView("group")},
    {StepKind::Gather, QLatin1StringView("gather")},
    {StepKind::Spawn, QLatin1StringView("spawn")},
    {StepKind::Join, QLatin1StringView("join")},
    {StepKind::Cancel, QLatin1StringView("cancel")},
    {StepKind::CancelChildren, QLatin1StringView("cancelChildren")},
    {StepKind::Repeat, QLatin1StringView("repeat")},
    {StepKind::Timeout, QLatin1StringView("timeout")},
    {StepKind::Shield, QLatin1StringView("shield")},
    {StepKind::OnCancel, QLatin1StringView("onCancel")},
    {StepKind::WaitSignal, QLatin1StringView("waitSignal")},
    {StepKind::Signal, QLatin1StringView("signal")},
}};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, QLatin1StringView>, N> &table, Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString(name);
    }
    return QString();
}

template<typename Enum, std::size_t N>
bool valueOf(const std::array<std::pair<Enum, QLatin1StringView>, N> &table, const QString &name, Enum *out)
{
    for (const auto &[e, n] : table) {
        if (name == n) {  // case-sensitive: the file format is
            if (out)
                *out = e;
            return true;
        }
    }
    return false;
}

} // namespace

QString runtimeName(Runtime runtime)
{
    return nameOf(runtimeNames, runtime);
}

bool runtimeFromName(const QString &name, Runtime *out)
{
    return valueOf(runtimeNames, name, out);
}

QString stepKindName(StepKind kind)
{
    return nameOf(stepKindNames, kind);
}

bool stepKindFromName(const QString &name, StepKind *out)
{
    return valueOf(stepKindNames, name, out);
}

QStringList allRuntimeNames()
{
    QStringList names;
    for (const auto &entry : runtimeNames)
        names << QString(entry.second);
    return names;
}

QStringList allStepKindNames()
{
    QStringList names;
    for (const auto &entry : stepKindNames)
        names << QString(entry.second);
    return names;
}

} // namespace cascade
