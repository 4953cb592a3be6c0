#pragma once

#include <QFont>
#include <QHash>
#include <QImage>
#include <QString>

namespace cascade {

//! The label font at a pixel size, as both renderers use it.
[[nodiscard]] QFont labelFont(bool bold, double pixelSize);

//! Rasterised glyphs for the geometry-node renderer: one texture, one draw call for every label.
//! Each glyph is drawn once per (code point, weight, colour) at the current pixel size; a label is
//! laid out by adding advances (no kerning, which small UI labels do not miss).
class GlyphAtlas
{
public:
    struct Glyph {
        QRect cell;          // in the atlas image
        QPointF offset;      // of the cell from the pen on the baseline
        double advance = 0;  // all three in device pixels at the rasterised size
    };
    //! Sets the label size; the atlas is rebuilt when the device pixel size changes.
    void configure(double logicalPixelSize, qreal dpr);
    [[nodiscard]] double advance(const QString &text, bool bold);
    [[nodiscard]] Glyph glyph(char32_t ucs4, bool bold, quint32 argb);
    [[nodiscard]] const QImage &image() const { return m_image; }
    [[nodiscard]] quint64 version() const { return m_version; }  // changes with every new glyph
    [[nodiscard]] quint64 generation() const { return m_generation; }  // changes when it starts again
    [[nodiscard]] double scale() const { return m_scale; }

private:
    void restart(int height);
    QFont m_fonts[2];
    int m_devicePixels = 0;
    qreal m_dpr = 1;
    double m_scale = 1;  // logical size / rasterised size: within a few percent of 1
    QHash<quint64, Glyph> m_glyphs;
    QHash<quint64, double> m_advances;
    QImage m_image;
    QPoint m_cursor;
    int m_shelfHeight = 0;
    quint64 m_version = 0;
    quint64 m_generation = 0;
};

} // namespace cascade
