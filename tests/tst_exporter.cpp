// The window's exports (File > Export, Edit > Copy picture): a PNG of the tree and timeline at the
// playhead, a GIF of a stretch of the run that leaves the window where it was, a Chrome trace of the
// run shown, the clipboard, and a clear message for a file that cannot be written.

#include "exporter.h"
#include "session.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cascade;
using namespace Qt::StringLiterals;

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_session.open(u"asyncio-shield"_s));
        m_session.seekToTime(1000);  // where the shield stops the timeout's cancel
        m_exporter.setSession(&m_session);
        m_exporter.setTitle(u"shield"_s);
    }

    void aPngIsThePictureAtThePlayhead()
    {
        const QString path = m_dir.filePath(u"shield.png"_s);
        QVERIFY2(m_exporter.exportPng(path, 1280, 720), qPrintable(m_exporter.error()));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.size(), QSize(1280, 720));
        QCOMPARE(reader.read(), m_exporter.picture(1280, 720).convertToFormat(QImage::Format_ARGB32));
        QVERIFY(m_exporter.status().contains(u"t = 1000 ms"_s));
        QVERIFY(m_exporter.status().contains(path));
        QCOMPARE(m_session.now(), 1000);
    }

    void aGifLeavesTheWindowWhereItWas()
    {
        const qint64 shown = m_session.shownEvents();
        const QString path = m_dir.filePath(u"shield.gif"_s);
        QVERIFY2(m_exporter.exportGif(path, 500, 3000, 10, 2.0, 640, 360), qPrintable(m_exporter.error()));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("gif"));
        QCOMPARE(reader.size(), QSize(640, 360));
        QVERIFY(reader.imageCount() > 5);
        // The whole stretch, past the playhead: the run is played again by a session of its own.
        QVERIFY2(m_exporter.status().contains(u"(500 to 3000 ms)"_s), qPrintable(m_exporter.status()));
        QCOMPARE(m_session.now(), 1000);
        QCOMPARE(m_session.shownEvents(), shown);
    }

    void aChromeTraceHoldsTheRunShown()
    {
        const QString path = m_dir.filePath(u"shield.json"_s);
        QVERIFY2(m_exporter.exportChromeTrace(path), qPrintable(m_exporter.error()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError parsed;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parsed);
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        const QJsonArray events = document.object().value(u"traceEvents"_s).toArray();
        QVERIFY(!events.isEmpty());
        for (const QJsonValue &event : events)
            QVERIFY(event.toObject().contains(u"ph"_s));
        QVERIFY(m_exporter.status().contains(u"%1 events"_s.arg(m_session.shownEvents())));
    }

    void theClipboardGetsThePicture()
    {
        QVERIFY2(m_exporter.copyPicture(800, 500), qPrintable(m_exporter.error()));
        const QImage copied = QGuiApplication::clipboard()->image();
        QCOMPARE(copied.size(), QSize(800, 500));
        QVERIFY(m_exporter.status().contains(u"t = 1000 ms"_s));
    }

    void aFileThatCannotBeWrittenIsSaidSo_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");
        QTest::addRow("no such folder") << m_dir.filePath(u"missing/x.png"_s) << u"does not exist"_s;
        QTest::addRow("a folder") << m_dir.path() << u"is a folder"_s;
        QTest::addRow("nothing typed") << u"  "_s << u"Type a file name"_s;
    }
    void aFileThatCannotBeWrittenIsSaidSo()
    {
        QFETCH(QString, path);
        QFETCH(QString, problem);
        QVERIFY2(m_exporter.pathProblem(path).contains(problem), qPrintable(m_exporter.pathProblem(path)));
        if (!path.trimmed().isEmpty()) {
            QVERIFY(!m_exporter.exportPng(path, 640, 360));
            QVERIFY2(m_exporter.error().contains(path), qPrintable(m_exporter.error()));
        }
    }

    void theSuggestedNameSaysWhatAndWhen()
    {
        QCOMPARE(m_exporter.suggestedName(u"gif"_s), u"asyncio-shield-1000ms.gif"_s);
        QCOMPARE(m_exporter.pathFor(u"/tmp/a"_s, u"png"_s), u"/tmp/a.png"_s);
        QCOMPARE(m_exporter.pathFor(u"file:///tmp/a.PNG"_s, u"png"_s), u"/tmp/a.PNG"_s);
    }

    void withoutARunNothingIsWritten()
    {
        Exporter idle;
        const QString path = m_dir.filePath(u"none.png"_s);
        QVERIFY(!idle.exportPng(path, 640, 360));
        QVERIFY(!idle.error().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

private:
    QTemporaryDir m_dir;
    Session m_session;
    Exporter m_exporter;
};

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
