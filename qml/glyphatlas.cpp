#include "glyphatlas.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <optional>

namespace cascade {

namespace {

quint64 glyphKey(char32_t ucs4, bool bold, quint32 argb)
{
    return (quint64(argb) << 32) | (quint64(bold) << 31) | quint64(ucs4);
}

} // namespace

QFont labelFont(bool bold, double pixelSize)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

void GlyphAtlas::configure(double logicalPixelSize, qreal dpr)
{
    const int devicePixels = std::max(1, int(std::lround(logicalPixelSize * dpr)));
    m_scale = logicalPixelSize * dpr / devicePixels;
    if (devicePixels == m_devicePixels && qFuzzyCompare(dpr, m_dpr))
        return;
    m_devicePixels = devicePixels;
    m_dpr = dpr;
    m_fonts[0] = labelFont(false, devicePixels);
    m_fonts[1] = labelFont(true, devicePixels);
    m_advances.clear();
    restart(256);
}

void GlyphAtlas::restart(int height)
{
    ++m_generation;
    m_glyphs.clear();
    m_image = QImage(1024, height, QImage::Format_ARGB32_Premultiplied);
    m_image.fill(Qt::transparent);
    m_cursor = QPoint(1, 1);
    m_shelfHeight = 0;
    ++m_version;
}

double GlyphAtlas::advance(const QString &text, bool bold)
{
    double total = 0;
    std::optional<QFontMetricsF> metrics;
    for (const char32_t ucs4 : text.toUcs4()) {
        auto it = m_advances.constFind(glyphKey(ucs4, bold, 0));
        if (it == m_advances.constEnd()) {
            if (!metrics)
                metrics.emplace(m_fonts[bold]);
            it = m_advances.insert(glyphKey(ucs4, bold, 0), metrics->horizontalAdvance(QString::fromUcs4(&ucs4, 1)));
        }
        total += *it;
    }
    return total / m_dpr * m_scale;
}

GlyphAtlas::Glyph GlyphAtlas::glyph(char32_t ucs4, bool bold, quint32 argb)
{
    const quint64 key = glyphKey(ucs4, bold, argb);
    if (const auto it = m_glyphs.constFind(key); it != m_glyphs.constEnd())
        return *it;
    const QString text = QString::fromUcs4(&ucs4, 1);
    const QFontMetricsF metrics(m_fonts[bold]);
    const QRectF ink = metrics.boundingRect(text);
    constexpr int Pad = 1;
    const int left = int(std::floor(ink.left())) - Pad;
    const int top = int(std::floor(ink.top())) - Pad;
    const QSize cell(std::max(1, int(std::ceil(ink.right())) + Pad - left),
                     std::max(1, int(std::ceil(ink.bottom())) + Pad - top));
    if (m_cursor.x() + cell.width() + 1 > m_image.width()) {  // the next shelf
        m_cursor = QPoint(1, m_cursor.y() + m_shelfHeight + 1);
        m_shelfHeight = 0;
    }
    if (m_cursor.y() + cell.height() + 1 > m_image.height()) {
        if (m_image.height() >= 4096) {
            restart(m_image.height());  // full of old colours and characters: start again
        } else {
            QImage taller(m_image.width(), m_image.height() * 2, m_image.format());
            taller.fill(Qt::transparent);
            QPainter(&taller).drawImage(0, 0, m_image);
            m_image = taller;
        }
    }
    QPainter painter(&m_image);
    painter.setFont(m_fonts[bold]);
    painter.setPen(QColor::fromRgba(argb));
    painter.drawText(QPointF(m_cursor.x() - left, m_cursor.y() - top), text);
    painter.end();
    const Glyph glyph{QRect(m_cursor, cell), QPointF(left, top), metrics.horizontalAdvance(text)};
    m_cursor.rx() += cell.width() + 1;
    m_shelfHeight = std::max(m_shelfHeight, cell.height());
    ++m_version;
    return *m_glyphs.insert(key, glyph);
}

} // namespace cascade
