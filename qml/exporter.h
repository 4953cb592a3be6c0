#pragma once

#include "session.h"

#include <QImage>
#include <QObject>
#include <QUrl>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! The window's exports of its run: a Chrome trace (Perfetto), a PNG of the tree and timeline as
//! they stand, an animated GIF of a stretch of the run, and the same picture on the clipboard.
//! Pictures go through FrameRenderer (the painting code of `cascade render`); files through
//! QSaveFile. Each call returns false with `error` set when it could not be done.
class Exporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cascade::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! The lesson's title in the window's language, for the picture's title line.
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY highContrastChanged)
    //! Where suggested files go (the document's folder).
    Q_PROPERTY(QUrl folder READ folder WRITE setFolder NOTIFY folderChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    //! What the last export did, in words.
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)

public:
    explicit Exporter(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString title() const { return m_title; }
    void setTitle(const QString &title);
    [[nodiscard]] bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    [[nodiscard]] QUrl folder() const { return m_folder; }
    void setFolder(const QUrl &folder);
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString status() const { return m_status; }

    //! The run so far in the Chrome trace event format (what `cascade export --chrome-trace` writes).
    Q_INVOKABLE bool exportChromeTrace(const QString &pathOrUrl);
    Q_INVOKABLE bool exportPng(const QString &pathOrUrl, int width, int height);
    //! The run played from `fromMs` to `toMs` (-1: its end) at `speed`, `fps` frames a second.
    Q_INVOKABLE bool exportGif(const QString &pathOrUrl, qint64 fromMs, qint64 toMs, int fps, double speed, int width, int height);
    //! The picture exportPng would write, on the clipboard.
    Q_INVOKABLE bool copyPicture(int width, int height);
    //! The picture itself (tree over timeline, title line), as it stands.
    [[nodiscard]] Q_INVOKABLE QImage picture(int width, int height);
    //! A file name for an export: the scenario's id (or "cascade"), the instant, the extension.
    [[nodiscard]] Q_INVOKABLE QString suggestedName(const QString &extension) const;
    //! That name in `folder`.
    [[nodiscard]] Q_INVOKABLE QString suggestedPath(const QString &extension) const;
    //! The file a typed path (or file: URL) means: `.extension` is added when it does not end so.
    [[nodiscard]] Q_INVOKABLE QString pathFor(const QString &typed, const QString &extension) const;
    //! Why that file cannot be written ("" when it can; replacing a file is allowed).
    [[nodiscard]] Q_INVOKABLE QString pathProblem(const QString &typed) const;

Q_SIGNALS:
    void sessionChanged();
    void titleChanged();
    void highContrastChanged();
    void folderChanged();
    void errorChanged();
    void statusChanged();

private:
    bool fail(const QString &message);
    void done(const QString &status);

    QPointer<Session> m_session;
    QString m_title;
    bool m_highContrast = false;
    QUrl m_folder;
    QString m_error;
    QString m_status;
};

} // namespace cascade
