// The zoomed-out overview's rasterizer (qml/overviewraster.*) against QPainter with antialiasing,
// which it replaces there: the same scenes must give the same pixels, give or take rounding.

#include "overviewraster.h"
#include "seededrng.h"
#include "treecanvasnodes.h"

#include <QPainter>
#include <QTest>

using namespace cascade;

namespace {

constexpr quint32 Background = 0xfff6f7f9;

//! Largest difference of any channel of any pixel, and the mean over all channels.
struct Difference {
    int largest = 0;
    double mean = 0;
};

Difference compare(const QImage &a, const QImage &b)
{
    Difference d;
    qint64 sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            for (const int delta : {qRed(p) - qRed(q), qGreen(p) - qGreen(q), qBlue(p) - qBlue(q), qAlpha(p) - qAlpha(q)}) {
                d.largest = std::max(d.largest, std::abs(delta));
                sum += std::abs(delta);
            }
        }
    }
    d.mean = double(sum) / double(4 * a.width() * a.height());
    return d;
}

QImage painted(const TreeScene &scene, QSize size, const RasterMapping &mapping)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor::fromRgba(Background));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(-mapping.origin);
    painter.scale(mapping.scale, mapping.scale);
    paintTreeScene(painter, scene);
    return image;
}

QImage rasterized(const TreeScene &scene, QSize size, const RasterMapping &mapping)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);  // rasterizeRects() fills its clip with the background itself
    rasterizeRects(&image, image.rect(), Background, scene, mapping);
    return image;
}

//! Chips, edges and rings of a zoomed-out tree: rectangles from a tenth of a pixel to a few
//! pixels, opaque and translucent, overlapping in paint order.
TreeScene randomChips(quint32 seed, QSize size, double scale)
{
    testing::Rng rng(seed);
    TreeScene scene;
    const QList<quint32> colors{0xff2e7d32, 0xffc62828, 0xff1565c0, 0x80ff8f00, 0x406a1b9a, 0xfff6f7f9};
    for (int i = 0; i < 300; ++i) {
        const double x = rng.range(0, size.width() * 100) / 100.0 / scale;
        const double y = rng.range(0, size.height() * 100) / 100.0 / scale;
        const double w = rng.range(5, 400) / 100.0 / scale;
        const double h = rng.range(5, 300) / 100.0 / scale;
        scene.rects.append({QRectF(x, y, w, h), rng.pick(colors), 0, {}});
    }
    return scene;
}

} // namespace

Q_DECLARE_METATYPE(cascade::TreeScene)

class TestOverviewRaster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQPainter_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QPointF>("origin");
        QTest::newRow("overview at 1x") << 1u << 1.0 << QPointF(0, 0);
        QTest::newRow("overview at 2x, offset") << 2u << 2.0 << QPointF(3, 5);
        QTest::newRow("sub-pixel zoom") << 3u << 0.0023 << QPointF(0, 0);
        QTest::newRow("fractional scale") << 4u << 1.25 << QPointF(0.5, 0.25);
    }
    void matchesQPainter()
    {
        QFETCH(quint32, seed);
        QFETCH(double, scale);
        QFETCH(QPointF, origin);
        const QSize size(24, 64);
        const RasterMapping mapping{scale, origin};
        const TreeScene scene = randomChips(seed, size, scale);
        QVERIFY(canRasterizeRects(scene, mapping));
        const Difference d = compare(painted(scene, size, mapping), rasterized(scene, size, mapping));
        // QPainter samples coverage on a sub-pixel grid; this computes it exactly.
        QVERIFY2(d.largest <= 4, qPrintable(QStringLiteral("largest channel difference %1").arg(d.largest)));
        QVERIFY2(d.mean <= 0.5, qPrintable(QStringLiteral("mean channel difference %1").arg(d.mean)));
    }

    void exactCoverage()
    {
        // Half of a pixel covered by opaque black over white: mid grey, and nothing outside.
        TreeScene scene;
        scene.rects.append({QRectF(1, 0, 0.5, 1), 0xff000000, 0, {}});
        QImage image(3, 1, QImage::Format_ARGB32_Premultiplied);
        rasterizeRects(&image, image.rect(), 0xffffffff, scene, RasterMapping{});
        QCOMPARE(image.pixel(0, 0), 0xffffffffu);
        QCOMPARE(qRed(image.pixel(1, 0)), 128);
        QCOMPARE(image.pixel(2, 0), 0xffffffffu);
    }

    void onlyTheClipIsTouched()
    {
        TreeScene scene;
        scene.rects.append({QRectF(0, 0, 4, 4), 0xff000000, 0, {}});
        QImage image(4, 4, QImage::Format_ARGB32_Premultiplied);
        image.fill(0xff00ff00);
        rasterizeRects(&image, QRect(0, 1, 4, 2), 0xffffffff, scene, RasterMapping{});
        QCOMPARE(image.pixel(0, 0), 0xff00ff00u);
        QCOMPARE(image.pixel(3, 1), 0xff000000u);
        QCOMPARE(image.pixel(3, 3), 0xff00ff00u);
    }

    void declinesWhatItCannotDraw_data()
    {
        QTest::addColumn<TreeScene>("scene");
        QTest::addColumn<double>("scale");
        QTest::addColumn<bool>("drawable");
        TreeScene rects;
        rects.rects.append({QRectF(0, 0, 1, 1), 0xff000000, 0, {}});
        TreeScene tinyCorners;
        tinyCorners.rects.append({QRectF(0, 0, 1, 1), 0xff000000, 4, {}});
        TreeScene polygon;
        polygon.rects.append({QRectF(), 0xff000000, 0, {QPointF(0, 0), QPointF(1, 0), QPointF(0, 1)}});
        TreeScene text;
        text.texts.append({QPointF(0, 0), QStringLiteral("main"), 0xff000000, false});
        QTest::newRow("plain rectangles") << rects << 1.0 << true;
        QTest::newRow("corners under half a pixel") << tinyCorners << 0.1 << true;
        QTest::newRow("visible rounded corners") << tinyCorners << 1.0 << false;
        QTest::newRow("a polygon") << polygon << 1.0 << false;
        QTest::newRow("a label") << text << 1.0 << false;
    }
    void declinesWhatItCannotDraw()
    {
        QFETCH(TreeScene, scene);
        QFETCH(double, scale);
        QFETCH(bool, drawable);
        QCOMPARE(canRasterizeRects(scene, RasterMapping{scale, {}}), drawable);
    }
};


QTEST_MAIN(TestOverviewRaster)
#include "tst_overviewraster.moc"
