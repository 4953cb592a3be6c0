// `cascade render`: a recording drawn without a window, as a PNG at an instant or an animated GIF
// (checked with ImageMagick's identify: frame count, size; and frames that differ), and a
// one-line message with exit status 2 for every kind of bad input, leaving no file behind.
#include "commandline.h"
#include "clirunner.h"
#include "framerenderer.h"
#include "session.h"
#include "renderverb.h"
#include "treescene.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace cascade;
using cascade::testing::CliResult;

namespace {

//! The app adds `render` to core's verbs; so does this test.
CliResult runCli(const QStringList &arguments)
{
    return cascade::testing::runCli(arguments, {renderVerb()});
}

int countPixels(const QImage &image, QRgb color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += (image.pixel(x, y) | 0xff000000) == (color | 0xff000000) ? 1 : 0;
    }
    return count;
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_recording = m_dir.filePath(QStringLiteral("soup.recording.jsonl"));
        const CliResult made = runCli({QStringLiteral("run"), QStringLiteral("swift-make-soup"), QStringLiteral("--record"), m_recording});
        QVERIFY2(made.status == ExitOk, qPrintable(made.err));
    }

    void helpNamesTheVerb()
    {
        const CliResult overview = runCli({QStringLiteral("help")});
        QCOMPARE(overview.status, int(ExitOk));
        QVERIFY(overview.out.contains(QStringLiteral("render <recording>")));
        const CliResult help = runCli({QStringLiteral("render"), QStringLiteral("--help")});
        QCOMPARE(help.status, int(ExitOk));
        QVERIFY(help.out.contains(QStringLiteral("--gif")));
    }

    void pngAtAnInstant()
    {
        const QString out = m_dir.filePath(QStringLiteral("at-1300.png"));
        const CliResult result = runCli({QStringLiteral("render"), m_recording, QStringLiteral("--at"), QStringLiteral("1300"),
                                         QStringLiteral("--png"), out, QStringLiteral("--width"), QStringLiteral("960"),
                                         QStringLiteral("--height"), QStringLiteral("540")});
        QVERIFY2(result.status == ExitOk, qPrintable(result.err));
        QVERIFY(result.out.contains(QStringLiteral("t = 1300 ms")));
        const QImage image(out);
        QCOMPARE(image.size(), QSize(960, 540));
        keep(image, QStringLiteral("render-1300"));
        QVERIFY(countPixels(image, treePalette().background) > image.width() * image.height() / 4);
        // The tree's boxes and the timeline's spans in the same state colours, and the playhead.
        QVERIFY(countPixels(image, treeStateStyle(QStringLiteral("suspended")).accent) > 200);
        QVERIFY(countPixels(image, treePalette().selection) > 150);
    }

    void gifOfAStretch()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("identify")).isEmpty())
            QSKIP("ImageMagick's identify is not installed (scripts/install-deps.sh installs it)");
        const QString out = m_dir.filePath(QStringLiteral("cancel.gif"));
        const CliResult result = runCli({QStringLiteral("render"), m_recording, QStringLiteral("--gif"), out,
                                         QStringLiteral("--from"), QStringLiteral("1000"), QStringLiteral("--to"),
                                         QStringLiteral("1400"), QStringLiteral("--fps"), QStringLiteral("10"),
                                         QStringLiteral("--speed"), QStringLiteral("2"), QStringLiteral("--width"),
                                         QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("360")});
        QVERIFY2(result.status == ExitOk, qPrintable(result.err));

        QProcess identify;
        identify.start(QStringLiteral("identify"), {QStringLiteral("-format"), QStringLiteral("%m %w %h\\n"), out});
        QVERIFY(identify.waitForFinished(60000));
        QCOMPARE(identify.exitCode(), 0);
        const QStringList frames = QString::fromLatin1(identify.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(frames.size() >= 5, qPrintable(frames.join(QLatin1Char('|'))));
        for (const QString &frame : frames)
            QCOMPARE(frame, QStringLiteral("GIF 640 360"));
        QVERIFY(result.out.contains(QStringLiteral("%1 frames").arg(frames.size())));

        // Identical frames in a row are merged, so every frame differs from the one before it.
        QImageReader reader(out);
        QImage previous;
        int read = 0;
        int differing = 0;
        for (QImage frame; reader.read(&frame); ++read) {
            if (read == 0)
                keep(frame, QStringLiteral("render-gif-first"));
            if (!previous.isNull() && frame.convertToFormat(QImage::Format_RGB32) != previous)
                ++differing;
            previous = frame.convertToFormat(QImage::Format_RGB32);
        }
        keep(previous, QStringLiteral("render-gif-last"));
        QCOMPARE(read, frames.size());
        QCOMPARE(differing, read - 1);
    }

    // A GIF plays whole ticks of 16 ms x speed; its last frame is the end asked for, not the tick past it.
    void aGifEndsAtItsEnd_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<double>("speed");
        QTest::addRow("1000 to 1210 at 1x") << qint64(1000) << qint64(1210) << 1.0;
        QTest::addRow("0 to 1333 at 3x") << qint64(0) << qint64(1333) << 3.0;
        QTest::addRow("to the run's end") << qint64(1200) << qint64(-1) << 2.0;
    }
    void aGifEndsAtItsEnd()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(double, speed);
        Session session;
        QVERIFY(session.openRecording(m_recording));
        GifOptions options;
        options.from = from;
        options.to = to;
        options.speed = speed;
        options.fps = 5;
        options.frame.size = QSize(320, 240);
        QBuffer gif;
        QVERIFY(gif.open(QIODevice::WriteOnly));
        QString error;
        int frames = 0;
        QVERIFY2(writeSessionGif(session, options, gif, &error, &frames), qPrintable(error));
        QVERIFY(frames > 1);
        const qint64 end = to < 0 ? session.endTime() : to;
        QCOMPARE(session.now(), end);
        QCOMPARE(session.shownEvents(), session.index()->eventsUntil(end));
    }

    void badInputIsOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString rec = QStringLiteral("@REC@");
        const QString out = QStringLiteral("@OUT@");
        QTest::addRow("no output") << QStringList{rec} << "give exactly one of --png FILE and --gif FILE";
        QTest::addRow("both outputs") << QStringList{rec, "--png", out, "--gif", out} << "give exactly one of";
        QTest::addRow("missing recording") << QStringList{"--png", out} << "missing recording file";
        QTest::addRow("no such file") << QStringList{"@DIR@/nothing.recording.jsonl", "--png", out} << "nothing.recording.jsonl";
        QTest::addRow("truncated") << QStringList{"@TRUNCATED@", "--png", out} << "truncated.recording.jsonl:";
        QTest::addRow("fps zero") << QStringList{rec, "--gif", out, "--fps", "0"} << "--fps: must be a whole number from 1 to 50, got '0'";
        QTest::addRow("speed") << QStringList{rec, "--gif", out, "--speed", "fast"} << "--speed: must be a number from 0.1 to 10";
        QTest::addRow("from after to") << QStringList{rec, "--gif", out, "--from", "900", "--to", "100"} << "--from 900 is after --to 100";
        QTest::addRow("at after the end") << QStringList{rec, "--png", out, "--at", "99999"} << "ends at";
        QTest::addRow("at with a gif") << QStringList{rec, "--gif", out, "--at", "5"} << "--at is for --png";
        QTest::addRow("fps with a png") << QStringList{rec, "--png", out, "--fps", "5"} << "--fps is for --gif";
        QTest::addRow("width") << QStringList{rec, "--png", out, "--width", "10"} << "--width: must be a whole number from 320 to 7680";
        QTest::addRow("folder") << QStringList{rec, "--png", "@DIR@/no/such/folder/x.png"} << "cannot write";
    }
    void badInputIsOneLineAndExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString truncated = m_dir.filePath(QStringLiteral("truncated.recording.jsonl"));
        QFile source(m_recording);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        QFile cut(truncated);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() * 2 / 3));
        cut.close();
        const QString out = m_dir.filePath(QStringLiteral("bad-input-output"));
        QFile::remove(out);
        for (QString &argument : arguments) {
            argument.replace(QStringLiteral("@REC@"), m_recording).replace(QStringLiteral("@OUT@"), out);
            argument.replace(QStringLiteral("@TRUNCATED@"), truncated).replace(QStringLiteral("@DIR@"), m_dir.path());
        }
        const CliResult result = runCli(QStringList{QStringLiteral("render")} + arguments);
        QCOMPARE(result.status, int(ExitBadInput));
        QVERIFY2(result.err.startsWith(QStringLiteral("cascade render: ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFileInfo::exists(out));  // nothing half-written
    }

private:
    void keep(const QImage &image, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CASCADE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            image.save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

    QTemporaryDir m_dir;
    QString m_recording;
};

QTEST_MAIN(TestRender)
#include "tst_render.moc"
