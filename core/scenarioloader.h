#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cascade {

//! Reads and validates scenario JSON. Every problem is reported as
//! "<file>:<line>:<column>: <JSON pointer>: <problem>" (line:column where the JSON parser knows it).
class ScenarioLoader {
public:
    //! Hard limits that keep a hostile file from exhausting memory or the stack.
    static constexpr int MaxDepth = 32;          // nesting of steps and tasks
    static constexpr int MaxSteps = 10'000;      // steps in one file
    static constexpr int MaxCount = 1'000'000;   // count of one task spec, repeat count
    static constexpr qint64 MaxMs = 365LL * 24 * 3600 * 1000;  // one year of virtual time
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

    [[nodiscard]] static std::optional<Scenario> loadFile(const QString &path, QString *error);
    [[nodiscard]] static std::optional<Scenario> parse(const QByteArray &json, const QString &sourceName,
                                                       QString *error);
};

//! Writes a scenario back to JSON in the documented format (stable key order, 2-space indent).
[[nodiscard]] QByteArray scenarioToJson(const Scenario &scenario);

} // namespace cascade
