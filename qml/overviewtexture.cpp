#include "overviewtexture.h"

#include <QVarLengthArray>
#include <QtGui/private/qrhi_p.h>

#include <algorithm>

namespace cascade {

OverviewTexture::OverviewTexture() = default;

OverviewTexture::~OverviewTexture()
{
    // The renderer may still have a frame in flight that samples it: QRhi deletes it after that.
    if (m_texture)
        m_texture->deleteLater();
}

void OverviewTexture::setImage(const QImage &picture)
{
    m_size = picture.size();
    m_pending.clear();
    m_pending.append({picture.copy(), 0});
    m_rowsHandedOver += picture.height();
}

void OverviewTexture::setRows(const QImage &picture, int first, int end)
{
    Q_ASSERT(picture.size() == m_size);
    first = std::max(first, 0);
    end = std::min(end, picture.height());
    if (end <= first)
        return;
    m_pending.append({picture.copy(0, first, picture.width(), end - first), first});
    m_rowsHandedOver += end - first;
}

qint64 OverviewTexture::comparisonKey() const
{
    return qint64(quintptr(this));  // one texture per object, for the object's whole life
}

QRhiTexture *OverviewTexture::rhiTexture() const
{
    return m_texture;
}

void OverviewTexture::commitTextureOperations(QRhi *rhi, QRhiResourceUpdateBatch *resourceUpdates)
{
    if (m_pending.isEmpty() || m_size.isEmpty())
        return;
    // The picture is ARGB32: in memory B, G, R, A, which is BGRA8 where the backend has it.
    const bool bgra = rhi->isTextureFormatSupported(QRhiTexture::BGRA8);
    if (!m_texture || m_texture->pixelSize() != m_size) {
        if (m_texture)
            m_texture->deleteLater();
        m_texture = rhi->newTexture(bgra ? QRhiTexture::BGRA8 : QRhiTexture::RGBA8, m_size);
        if (!m_texture->create()) {
            qWarning("cascade: could not create the canvas overview's %dx%d texture", m_size.width(), m_size.height());
            delete m_texture;
            m_texture = nullptr;
            m_pending.clear();
            return;
        }
    }
    QVarLengthArray<QRhiTextureUploadEntry, 8> entries;
    for (const Rows &rows : std::as_const(m_pending)) {
        QRhiTextureSubresourceUploadDescription description(
            bgra ? rows.pixels : rows.pixels.convertToFormat(QImage::Format_RGBA8888_Premultiplied));
        description.setDestinationTopLeft(QPoint(0, rows.first));
        entries.append(QRhiTextureUploadEntry(0, 0, description));
    }
    QRhiTextureUploadDescription upload;
    upload.setEntries(entries.cbegin(), entries.cend());
    resourceUpdates->uploadTexture(m_texture, upload);
    m_pending.clear();
}

} // namespace cascade
