#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QtGlobal>

#include <vector>

class QIODevice;

namespace cascade {

//! Maps an image's colours to at most 256: its own colours exactly while they are that few (the
//! app draws with a small palette), else the 256 most frequent, and every other colour to the
//! nearest of them. Deterministic: ties go by colour value.
struct QuantizedImage {
    std::vector<QRgb> palette;
    std::vector<quint8> indices;  // width x height, row by row
    int width = 0;
    int height = 0;
    bool exact = false;  // every pixel kept its colour
};
[[nodiscard]] QuantizedImage quantizeImage(const QImage &image);

//! An animated GIF (GIF89a, looping) written with giflib into a QIODevice: frames of one size,
//! each with its own colour table and its delay. Identical frames in a row are merged into one
//! longer frame. Call finish() to write the trailer; nothing is valid before it.
class GifWriter
{
public:
    explicit GifWriter(QIODevice *device);
    ~GifWriter();
    GifWriter(const GifWriter &) = delete;
    GifWriter &operator=(const GifWriter &) = delete;

    //! Adds a frame shown for `delayMs` (kept to GIF's centiseconds, the rounding carried over).
    bool addFrame(const QImage &frame, int delayMs);
    //! Writes the last frame, held `holdMs` longer, and the trailer. False with error() set on failure.
    bool finish(int holdMs = 0);
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int framesWritten() const { return m_written; }

private:
    bool open(QSize size);
    bool writeFrame(const QImage &frame, int delayCs);
    bool fail(const QString &message);

    QIODevice *m_device;
    void *m_gif = nullptr;  // GifFileType
    QSize m_size;
    QImage m_pending;
    qint64 m_pendingMs = 0;
    qint64 m_writtenCs = 0;    // centiseconds written so far
    qint64 m_elapsedMs = 0;    // milliseconds of frames written so far
    int m_written = 0;
    QString m_error;
};

} // namespace cascade
