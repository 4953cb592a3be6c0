#pragma once

#include "scenario.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace cascade {

//! The built-in lessons shipped as resources (resources/lessons/*.json).
class Lessons {
public:
    //! Lesson ids in display order (the order of resources/lessons/index.txt).
    [[nodiscard]] static QStringList ids();
    [[nodiscard]] static std::optional<Scenario> load(const QString &id, QString *error);
    //! A lesson id or a path to a scenario file.
    [[nodiscard]] static std::optional<Scenario> loadLessonOrFile(const QString &idOrPath, QString *error);
};

} // namespace cascade
