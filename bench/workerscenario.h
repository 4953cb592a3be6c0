#pragma once

// The scenario both large-run benchmarks use: `workers` Kotlin tasks in one strict group, each
// printing and sleeping 10 ms `iterations` times. With `cancelChildrenAtMs`, main cancels them all
// at that time (spans, marks and a wave of arrows for the timeline); without, they run to the end.
#include <QByteArray>
#include <QString>

#include <optional>

namespace cascade::bench {

inline QByteArray workerScenarioJson(const QString &id, int workers, int iterations,
                                     std::optional<int> cancelChildrenAtMs = std::nullopt)
{
    const QString groupSteps = cancelChildrenAtMs
        ? QStringLiteral(R"(, "steps": [{"do": "sleep", "ms": %1}, {"do": "cancelChildren"}])").arg(*cancelChildrenAtMs)
        : QString();
    return QStringLiteral(R"({
  "cascade": "scenario", "version": 1, "id": "%1",
  "title": {"en": "A million events", "ko": "이벤트 백만 개"},
  "runtimes": ["kotlin"],
  "root": {"name": "main", "steps": [
    {"do": "group", "kind": "strict", "tasks": [
      {"name": "worker", "count": %2, "steps": [
        {"do": "repeat", "count": %3, "steps": [
          {"do": "print", "text": "{task} tick {i}"},
          {"do": "sleep", "ms": 10}
        ]}
      ]}
    ]%4}
  ]}
})").arg(id, QString::number(workers), QString::number(iterations), groupSteps).toUtf8();
}

} // namespace cascade::bench
