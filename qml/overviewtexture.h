#pragma once

#include <QImage>
#include <QList>
#include <QSGTexture>

class QRhiTexture;

namespace cascade {

//! The canvas overview's texture: one texture that lives as long as the overview keeps its size,
//! into which a change uploads only its pixel rows.
//!
//! Why not QQuickWindow::createTextureFromImage(): that makes a new texture (or atlas piece) for
//! each change, and creating, uploading whole, binding anew and deleting it cost the renderer more
//! than the rest of a frame of the 10,000-task cancel. Here the rows the GUI thread repainted are
//! copied in the sync phase and uploaded by the renderer, through the same QRhi resource update
//! batch the scene graph's own textures use, when it next draws with this texture. That works on
//! every QRhi backend; QRhi is Qt private API in 6.4 (Qt6::GuiPrivate).
class OverviewTexture : public QSGTexture
{
    Q_OBJECT
public:
    OverviewTexture();
    ~OverviewTexture() override;

    //! The whole picture (the first time, or at a new size): uploaded whole, into a new texture
    //! when the size changed.
    void setImage(const QImage &picture);
    //! Pixel rows [first, end) of `picture` changed (the same size as before): uploaded alone.
    void setRows(const QImage &picture, int first, int end);
    //! Pixel rows handed over since the texture was made (whole pictures count all their rows).
    [[nodiscard]] qint64 rowsHandedOver() const { return m_rowsHandedOver; }

    [[nodiscard]] qint64 comparisonKey() const override;
    [[nodiscard]] QRhiTexture *rhiTexture() const override;
    [[nodiscard]] QSize textureSize() const override { return m_size; }
    [[nodiscard]] bool hasAlphaChannel() const override { return false; }  // painted over the background
    [[nodiscard]] bool hasMipmaps() const override { return false; }
    void commitTextureOperations(QRhi *rhi, QRhiResourceUpdateBatch *resourceUpdates) override;

private:
    struct Rows {
        QImage pixels;  // a copy: the GUI thread goes on painting into its picture meanwhile
        int first = 0;
    };
    QRhiTexture *m_texture = nullptr;
    QSize m_size;
    QList<Rows> m_pending;    // uploads waiting for the next commit, in order
    qint64 m_rowsHandedOver = 0;
};

} // namespace cascade
