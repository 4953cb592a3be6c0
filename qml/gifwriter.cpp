#include "gifwriter.h"

#include <QHash>
#include <QIODevice>

#include <gif_lib.h>

#include <algorithm>
#include <cmath>

namespace cascade {

namespace {

GifFileType *gifOf(void *gif) { return static_cast<GifFileType *>(gif); }

int writeToDevice(GifFileType *gif, const GifByteType *data, int length)
{
    auto *device = static_cast<QIODevice *>(gif->UserData);
    const qint64 written = device->write(reinterpret_cast<const char *>(data), length);
    return written == length ? length : 0;
}

int squaredDistance(QRgb a, QRgb b)
{
    const int dr = qRed(a) - qRed(b), dg = qGreen(a) - qGreen(b), db = qBlue(a) - qBlue(b);
    return dr * dr + dg * dg + db * db;
}

} // namespace

QuantizedImage quantizeImage(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    QuantizedImage out;
    out.width = image.width();
    out.height = image.height();
    QHash<QRgb, qint64> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++counts[line[x] | 0xff000000];
    }
    std::vector<std::pair<qint64, QRgb>> byCount;
    byCount.reserve(std::size_t(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byCount.push_back({it.value(), it.key()});
    out.exact = byCount.size() <= 256;
    // The most frequent colours, ties by value; then in value order, so that the table does not
    // depend on the hash's order.
    std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    byCount.resize(std::min<std::size_t>(byCount.size(), 256));
    for (const auto &entry : byCount)
        out.palette.push_back(entry.second);
    std::sort(out.palette.begin(), out.palette.end());
    if (out.palette.empty())
        out.palette.push_back(0xff000000);
    QHash<QRgb, quint8> indexOf;
    for (std::size_t i = 0; i < out.palette.size(); ++i)
        indexOf.insert(out.palette[i], quint8(i));
    out.indices.resize(std::size_t(out.width) * std::size_t(out.height));
    std::size_t at = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb rgb = line[x] | 0xff000000;
            auto found = indexOf.constFind(rgb);
            if (found == indexOf.cend()) {
                // Not in the table (a rare antialiased shade): the nearest colour that is, once per colour.
                std::size_t best = 0;
                for (std::size_t i = 1; i < out.palette.size(); ++i) {
                    if (squaredDistance(rgb, out.palette[i]) < squaredDistance(rgb, out.palette[best]))
                        best = i;
                }
                found = indexOf.insert(rgb, quint8(best));
            }
            out.indices[at++] = *found;
        }
    }
    return out;
}

GifWriter::GifWriter(QIODevice *device)
    : m_device(device)
{
}

GifWriter::~GifWriter()
{
    if (m_gif) {
        int error = 0;
        EGifCloseFile(gifOf(m_gif), &error);
    }
}

bool GifWriter::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool GifWriter::open(QSize size)
{
    int error = 0;
    GifFileType *gif = EGifOpen(m_device, &writeToDevice, &error);
    if (!gif)
        return fail(QStringLiteral("cannot start the GIF: %1").arg(QString::fromLatin1(GifErrorString(error))));
    m_gif = gif;
    m_size = size;
    EGifSetGifVersion(gif, true);
    if (EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(QStringLiteral("cannot write the GIF header: %1").arg(QString::fromLatin1(GifErrorString(gif->Error))));
    // NETSCAPE2.0: loop for ever, as slides expect.
    static const char application[] = "NETSCAPE2.0";
    static const unsigned char loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR
        || EGifPutExtensionBlock(gif, 11, application) == GIF_ERROR || EGifPutExtensionBlock(gif, 3, loop) == GIF_ERROR
        || EGifPutExtensionTrailer(gif) == GIF_ERROR)
        return fail(QStringLiteral("cannot write the GIF's loop block: %1").arg(QString::fromLatin1(GifErrorString(gif->Error))));
    return true;
}

bool GifWriter::addFrame(const QImage &frame, int delayMs)
{
    if (!m_error.isEmpty())
        return false;
    if (!m_gif && !open(frame.size()))
        return false;
    if (frame.size() != m_size)
        return fail(QStringLiteral("a frame of %1x%2 in a GIF of %3x%4").arg(frame.width()).arg(frame.height())
                        .arg(m_size.width()).arg(m_size.height()));
    // A frame like the one before only makes that one last longer.
    if (!m_pending.isNull() && m_pending == frame) {
        m_pendingMs += delayMs;
        return true;
    }
    if (!m_pending.isNull()) {
        m_elapsedMs += m_pendingMs;
        const qint64 cs = (m_elapsedMs + 5) / 10 - m_writtenCs;  // rounding errors do not add up
        if (!writeFrame(m_pending, int(std::max<qint64>(cs, 1))))
            return false;
    }
    m_pending = frame;
    m_pendingMs = delayMs;
    return true;
}

bool GifWriter::finish(int holdMs)
{
    if (!m_error.isEmpty())
        return false;
    if (!m_gif)
        return fail(QStringLiteral("no frames to write"));
    if (!m_pending.isNull()) {
        m_elapsedMs += m_pendingMs + holdMs;
        const qint64 cs = (m_elapsedMs + 5) / 10 - m_writtenCs;
        if (!writeFrame(m_pending, int(std::max<qint64>(cs, 1))))
            return false;
        m_pending = QImage();
    }
    int error = 0;
    const int closed = EGifCloseFile(gifOf(m_gif), &error);
    m_gif = nullptr;
    if (closed == GIF_ERROR)
        return fail(QStringLiteral("cannot finish the GIF: %1").arg(QString::fromLatin1(GifErrorString(error))));
    return true;
}

bool GifWriter::writeFrame(const QImage &frame, int delayCs)
{
    GifFileType *gif = gifOf(m_gif);
    const QuantizedImage q = quantizeImage(frame);
    // A colour table's size is a power of two, at least 2.
    int tableSize = 2;
    while (tableSize < int(q.palette.size()))
        tableSize *= 2;
    std::vector<GifColorType> colors(std::size_t(tableSize), GifColorType{0, 0, 0});
    for (std::size_t i = 0; i < q.palette.size(); ++i)
        colors[i] = {GifByteType(qRed(q.palette[i])), GifByteType(qGreen(q.palette[i])), GifByteType(qBlue(q.palette[i]))};
    ColorMapObject *map = GifMakeMapObject(tableSize, colors.data());
    if (!map)
        return fail(QStringLiteral("cannot make a GIF colour table"));
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.DelayTime = std::min(delayCs, 65535);
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&control, extension);
    bool ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) != GIF_ERROR
              && EGifPutImageDesc(gif, 0, 0, q.width, q.height, false, map) != GIF_ERROR;
    GifFreeMapObject(map);
    std::vector<GifPixelType> line(std::size_t(q.width));
    for (int y = 0; ok && y < q.height; ++y) {
        std::copy_n(q.indices.begin() + std::ptrdiff_t(y) * q.width, q.width, line.begin());
        ok = EGifPutLine(gif, line.data(), q.width) != GIF_ERROR;
    }
    if (!ok)
        return fail(QStringLiteral("cannot write a GIF frame: %1").arg(QString::fromLatin1(GifErrorString(gif->Error))));
    m_writtenCs += delayCs;
    ++m_written;
    return true;
}

} // namespace cascade
