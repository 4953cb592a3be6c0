#include "lessons.h"

#include "scenarioloader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace cascade {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

//! Lesson ids follow the scenario id rule; anything else (a path, "..") is never a lesson.
bool looksLikeLessonId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    return re.match(id).hasMatch();
}

QString resourcePath(const QString &id)
{
    return QStringLiteral(":/lessons/%1.json").arg(id);
}

} // namespace

QStringList Lessons::ids()
{
    QFile index(QStringLiteral(":/lessons/index.txt"));
    if (!index.open(QIODevice::ReadOnly))
        return {};
    QStringList result;
    const QStringList lines = QString::fromUtf8(index.readAll()).split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || result.contains(line))
            continue;
        result << line;
    }
    return result;
}

std::optional<Scenario> Lessons::load(const QString &id, QString *error)
{
    if (!looksLikeLessonId(id)) {
        setError(error, QStringLiteral("no lesson named '%1'").arg(id));
        return std::nullopt;
    }
    QFile file(resourcePath(id));
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("no lesson named '%1'").arg(id));
        return std::nullopt;
    }
    return ScenarioLoader::parse(file.readAll(), QStringLiteral("lesson:%1").arg(id), error);
}

std::optional<Scenario> Lessons::loadLessonOrFile(const QString &idOrPath, QString *error)
{
    // A lesson wins over a file of the same name in the current directory: lessons are what
    // the documentation and the GUI refer to.
    if (looksLikeLessonId(idOrPath) && QFile::exists(resourcePath(idOrPath)))
        return load(idOrPath, error);
    const QFileInfo info(idOrPath);
    if (!idOrPath.isEmpty() && info.exists()) {
        if (info.isDir()) {
            setError(error, QStringLiteral("'%1' is a directory, not a scenario file").arg(idOrPath));
            return std::nullopt;
        }
        return ScenarioLoader::loadFile(idOrPath, error);
    }
    setError(error, QStringLiteral("no lesson or file named '%1' (run 'cascade lessons' for the list)").arg(idOrPath));
    return std::nullopt;
}

} // namespace cascade
