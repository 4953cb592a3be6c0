#include "exporter.h"

#include "chrometrace.h"
#include "commandline.h"
#include "framerenderer.h"
#include "scenariodocument.h"
#include "session.h"

#include <QClipboard>
#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>

namespace cascade {

Exporter::Exporter(QObject *parent)
    : QObject(parent)
{
}

void Exporter::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    Q_EMIT sessionChanged();
}

void Exporter::setTitle(const QString &title)
{
    if (m_title == title)
        return;
    m_title = title;
    Q_EMIT titleChanged();
}

void Exporter::setHighContrast(bool on)
{
    if (m_highContrast == on)
        return;
    m_highContrast = on;
    Q_EMIT highContrastChanged();
}

void Exporter::setFolder(const QUrl &folder)
{
    if (m_folder == folder)
        return;
    m_folder = folder;
    Q_EMIT folderChanged();
}

bool Exporter::fail(const QString &message)
{
    m_error = message;
    Q_EMIT errorChanged();
    return false;
}

void Exporter::done(const QString &status)
{
    if (!m_error.isEmpty()) {
        m_error.clear();
        Q_EMIT errorChanged();
    }
    m_status = status;
    Q_EMIT statusChanged();
}

bool Exporter::exportChromeTrace(const QString &pathOrUrl)
{
    const QString path = ScenarioDocument::localPath(pathOrUrl);
    const std::optional<Recording> recording = m_session ? m_session->recording() : std::nullopt;
    if (!recording)
        return fail(tr("nothing to export: no run is shown"));
    const TraceIndex index(recording->events);
    QString error;
    std::unique_ptr<QFileDevice> file = openOutputFile(path, &error);
    if (!file)
        return fail(tr("cannot export the Chrome trace: %1").arg(error));
    if (!writeChromeTrace(*recording, index, *file) || !finishOutputFile(*file))
        return fail(tr("cannot export the Chrome trace to %1: %2").arg(path, file->errorString()));
    done(tr("Exported the Chrome trace of %1 events to %2 (open it in ui.perfetto.dev)").arg(recording->events.size()).arg(path));
    return true;
}

QImage Exporter::picture(int width, int height)
{
    if (!m_session)
        return {};
    FrameOptions options;
    options.size = QSize(std::clamp(width, 320, 7680), std::clamp(height, 240, 4320));
    options.highContrast = m_highContrast;
    options.title = m_title;
    FrameRenderer renderer(m_session);
    return renderer.render(options);
}

bool Exporter::exportPng(const QString &pathOrUrl, int width, int height)
{
    const QString path = ScenarioDocument::localPath(pathOrUrl);
    const QImage image = picture(width, height);
    if (image.isNull())
        return fail(tr("nothing to export: no run is shown"));
    QString error;
    std::unique_ptr<QFileDevice> file = openOutputFile(path, &error);
    if (!file)
        return fail(tr("cannot export the picture: %1").arg(error));
    QImageWriter writer(file.get(), "png");
    if (!writer.write(image) || !finishOutputFile(*file))
        return fail(tr("cannot export the picture to %1: %2").arg(path, writer.errorString()));
    done(tr("Exported the picture at t = %1 ms to %2").arg(m_session->now()).arg(path));
    return true;
}

bool Exporter::exportGif(const QString &pathOrUrl, qint64 fromMs, qint64 toMs, int fps, double speed, int width, int height)
{
    const QString path = ScenarioDocument::localPath(pathOrUrl);
    const std::optional<Recording> recording = m_session ? m_session->recording() : std::nullopt;
    if (!recording)
        return fail(tr("nothing to export: no run is shown"));
    // The window's run, played again by a session of its own: the window stays where it is.
    Session player;
    player.openRecorded(*recording, path);
    player.setSelectedPath(m_session->selectedPath());
    if (!player.index())
        return fail(tr("nothing to export: %1").arg(player.unavailable()));
    GifOptions options;
    options.from = std::clamp<qint64>(fromMs, 0, player.endTime());
    options.to = toMs < 0 ? -1 : std::clamp<qint64>(toMs, options.from, player.endTime());
    options.fps = std::clamp(fps, 1, 50);
    options.speed = std::clamp(speed, 0.1, 10.0);
    options.frame.size = QSize(std::clamp(width, 320, 7680), std::clamp(height, 240, 4320));
    options.frame.highContrast = m_highContrast;
    options.frame.title = m_title;
    QString error;
    std::unique_ptr<QFileDevice> file = openOutputFile(path, &error);
    if (!file)
        return fail(tr("cannot export the GIF: %1").arg(error));
    int frames = 0;
    if (!writeSessionGif(player, options, *file, &error, &frames) || !finishOutputFile(*file))
        return fail(tr("cannot export the GIF to %1: %2").arg(path, error.isEmpty() ? file->errorString() : error));
    done(tr("Exported a GIF of %1 frames (%2 to %3 ms) to %4")
             .arg(frames).arg(options.from).arg(options.to < 0 ? player.endTime() : options.to).arg(path));
    return true;
}

bool Exporter::copyPicture(int width, int height)
{
    const QImage image = picture(width, height);
    if (image.isNull())
        return fail(tr("nothing to copy: no run is shown"));
    QGuiApplication::clipboard()->setImage(image);
    done(tr("Copied a picture of the tree and the timeline at t = %1 ms").arg(m_session->now()));
    return true;
}

QString Exporter::suggestedName(const QString &extension) const
{
    const QString id = m_session && !m_session->scenarioId().isEmpty() ? m_session->scenarioId() : QStringLiteral("cascade");
    return QStringLiteral("%1-%2ms.%3").arg(id).arg(m_session ? m_session->now() : 0).arg(extension);
}

} // namespace cascade

namespace cascade {

QString Exporter::suggestedPath(const QString &extension) const
{
    const QString folder = m_folder.isLocalFile() ? m_folder.toLocalFile() : QDir::homePath();
    return QDir(folder).filePath(suggestedName(extension));
}

QString Exporter::pathFor(const QString &typed, const QString &extension) const
{
    QString path = ScenarioDocument::localPath(typed.trimmed());
    if (path.isEmpty())
        return path;
    if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        path += QLatin1Char('.') + extension;
    return path;
}

QString Exporter::pathProblem(const QString &typed) const
{
    const QString path = ScenarioDocument::localPath(typed.trimmed());
    if (path.isEmpty())
        return tr("Type a file name");
    const QFileInfo info(path);
    if (info.isDir())
        return tr("%1 is a folder").arg(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return tr("The folder %1 does not exist").arg(info.absolutePath());
    if (!folder.isWritable())
        return tr("The folder %1 cannot be written to").arg(info.absolutePath());
    return {};
}

} // namespace cascade
