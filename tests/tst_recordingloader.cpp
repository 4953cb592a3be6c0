// The recording loader on malformed files: each gets one line naming the file, the line and
// column, the record and key, and the problem; never a crash, never a half-loaded recording.
// The base file is kotlin-cancel-join recorded under Kotlin: header on line 1, tasks 0 (main) and
// 1 (main/job) on lines 2 and 3, events 0..22 on lines 4..26 (event i on line 4 + i).

#include "recordinghelpers.h"

#include <QTest>

using namespace cascade;
using namespace cascade::testing;

class TestRecordingLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validBaseLoads();
    void malformed_data();
    void malformed();
    void everyTruncationIsReported();

private:
    QByteArray m_base;
};

void TestRecordingLoader::initTestCase()
{
    QString error;
    const auto scenario = Lessons::load(QStringLiteral("kotlin-cancel-join"), &error);
    QVERIFY2(scenario, qPrintable(error));
    m_base = recordingToBytes(recordToEnd(*scenario, Runtime::Kotlin, {}));
}

void TestRecordingLoader::validBaseLoads()
{
    QString error;
    const auto recording = RecordingLoader::parse(m_base, QStringLiteral("base"), &error);
    QVERIFY2(recording, qPrintable(error));
    QCOMPARE(recording->taskCount(), 2);
    QCOMPARE(recording->events.size(), std::size_t(23));
    QCOMPARE(m_base.count('\n'), 26);
    QVERIFY(m_base.contains(R"({"seq":7,"t":500,"task":1,"ev":"resume"})"));
}

void TestRecordingLoader::malformed_data()
{
    QTest::addColumn<QString>("operation");  // replace (first occurrence), whole, cut, chop
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("place");      // expected start: "bad:<line>:" or "bad:<line>:<column>: ..."
    QTest::addColumn<QString>("problem");    // expected part of the message

    // The header.
    QTest::addRow("wrong version") << "replace" << QByteArray(R"("version":1)") << QByteArray(R"("version":2)")
                                   << "bad:1:1: header, \"version\"" << "version 2 is not supported (this Cascade reads version 1)";
    QTest::addRow("not a recording") << "replace" << QByteArray(R"("cascade":"recording")") << QByteArray(R"("cascade":"scenario")")
                                     << "bad:1:1: header, \"cascade\"" << "not a Cascade recording";
    QTest::addRow("missing key") << "replace" << QByteArray(R"("finished":true,)") << QByteArray()
                                 << "bad:1:1: header" << "missing key \"finished\"";
    QTest::addRow("unknown key") << "replace" << QByteArray(R"("finished":true,)") << QByteArray(R"("finished":true,"speed":2,)")
                                 << "bad:1:1: header, \"speed\"" << "unknown key";
    QTest::addRow("unknown key with a newline") << "replace" << QByteArray(R"("finished":true,)") << QByteArray(R"("finished":true,"a\nb":1,)")
                                                << "bad:1:1: header, \"a?b\"" << "unknown key";
    QTest::addRow("bad runtime") << "replace" << QByteArray(R"("runtime":"kotlin")") << QByteArray(R"("runtime":"java")")
                                 << "bad:1:1: header, \"runtime\"" << "must be \"asyncio\", \"kotlin\" or \"swift\"";
    QTest::addRow("too many events") << "replace" << QByteArray(R"("events":23)") << QByteArray(R"("events":7000000)")
                                     << "bad:1:1: header, \"events\"" << "from 0 to 6000000";
    QTest::addRow("more tasks than the file has") << "replace" << QByteArray(R"("tasks":2)") << QByteArray(R"("tasks":5000000)")
                                                  << "bad:4:1: task 2:" << "a task record is {\"task\":ID,\"path\":\"...\"}";
    QTest::addRow("more events than the file has") << "replace" << QByteArray(R"("events":23)") << QByteArray(R"("events":6000000)")
                                                   << "bad:27:1: event 23:" << "the file ends after 23 of 6000000 events (it is truncated)";
    QTest::addRow("header not JSON") << "whole" << QByteArray() << QByteArray("hello\n")
                                     << "bad:1:" << "header: illegal value (the first line must be the recording's header object)";
    QTest::addRow("empty file") << "whole" << QByteArray() << QByteArray() << "bad:1:1: header:" << "the file is empty";
    QTest::addRow("bad action kind") << "replace" << QByteArray(R"("actions":[])") << QByteArray(R"("actions":[{"kind":"explode","at":700,"task":"main/job"}])")
                                     << "bad:1:1: header, \"actions\"[0], \"kind\"" << "must be \"cancel\", \"fail\", \"timeout\" or \"shield\"";
    QTest::addRow("action without task") << "replace" << QByteArray(R"("actions":[])") << QByteArray(R"("actions":[{"kind":"cancel","at":700}])")
                                         << "bad:1:1: header, \"actions\"[0]" << "missing key \"task\"";
    QTest::addRow("action at a negative time") << "replace" << QByteArray(R"("actions":[])") << QByteArray(R"("actions":[{"kind":"cancel","at":-5,"task":"main"}])")
                                               << "bad:1:1: header, \"actions\"[0], \"at\"" << "from 0 to";
    QTest::addRow("timeout without ms") << "replace" << QByteArray(R"("actions":[])") << QByteArray(R"("actions":[{"kind":"timeout","at":5,"task":"main"}])")
                                        << "bad:1:1: header, \"actions\"[0]" << "missing key \"ms\"";
    QTest::addRow("cancel with ms") << "replace" << QByteArray(R"("actions":[])") << QByteArray(R"("actions":[{"kind":"cancel","at":5,"task":"main","ms":3}])")
                                    << "bad:1:1: header, \"actions\"[0], \"ms\"" << "unknown key for a cancel action";

    // The task table.
    QTest::addRow("empty task path") << "replace" << QByteArray(R"({"task":0,"path":"main"})") << QByteArray(R"({"task":0,"path":""})")
                                     << "bad:2:11: task 0:" << "\"path\" must not be empty";
    QTest::addRow("tasks out of order") << "replace" << QByteArray(R"({"task":1,)") << QByteArray(R"({"task":2,)")
                                        << "bad:3:2: task 1:" << "\"task\" must be 1 (task records are in id order from 0)";

    // The events.
    QTest::addRow("gap in seq") << "replace" << QByteArray(R"({"seq":7,)") << QByteArray(R"({"seq":8,)")
                                << "bad:11:2: event 7:" << "\"seq\" is 8 where 7 was expected";
    QTest::addRow("time goes back") << "replace" << QByteArray(R"({"seq":13,"t":1300)") << QByteArray(R"({"seq":13,"t":900)")
                                    << "bad:17:" << "\"t\" is 900, before the previous event's 1000";
    QTest::addRow("unknown event kind") << "replace" << QByteArray(R"("ev":"resume")") << QByteArray(R"("ev":"rest")")
                                        << "bad:11:" << "event 7: \"ev\": unknown event kind";
    QTest::addRow("bad cause") << "replace" << QByteArray(R"("cause":"code")") << QByteArray(R"("cause":"boss")")
                               << "bad:19:" << "event 15: \"cause\" must be one of \"user\", \"code\"";
    QTest::addRow("task id out of range") << "replace" << QByteArray(R"({"seq":1,"t":0,"task":0)") << QByteArray(R"({"seq":1,"t":0,"task":9)")
                                          << "bad:5:" << "event 1: \"task\" must be a whole number from 0 to 1";
    QTest::addRow("event before its spawn") << "replace" << QByteArray(R"({"seq":1,"t":0,"task":0)") << QByteArray(R"({"seq":1,"t":0,"task":1)")
                                            << "bad:5:" << "event 1: an event of task 1 before its spawn";
    QTest::addRow("spawned twice") << "replace" << QByteArray(R"({"seq":2,"t":0,"task":1)") << QByteArray(R"({"seq":2,"t":0,"task":0)")
                                   << "bad:6:" << "event 2: task 0 is spawned a second time";
    QTest::addRow("missing field") << "replace" << QByteArray(R"(,"link":"child"})") << QByteArray("}")
                                   << "bad:4:" << "event 0: missing key \"link\"";
    QTest::addRow("unexpected key") << "replace" << QByteArray(R"("link":"child"})") << QByteArray(R"("link":"child","colour":1})")
                                    << "bad:4:" << "event 0: unexpected key \"colour\"";
    QTest::addRow("wrong type") << "replace" << QByteArray(R"({"seq":1,"t":0,)") << QByteArray(R"({"seq":1,"t":"0",)")
                                << "bad:5:" << "event 1: \"t\" must be a whole number";
    QTest::addRow("fraction") << "replace" << QByteArray(R"("t":1300,)") << QByteArray(R"("t":1300.5,)")
                              << "bad:17:" << "event 13: must be a whole number";
    QTest::addRow("unknown escape") << "replace" << QByteArray(R"("text":"job: )") << QByteArray(R"("text":"\q)")
                                    << "bad:9:" << "event 5: unknown escape \\'q'";
    QTest::addRow("invalid UTF-8") << "replace" << QByteArray(R"("text":"job: )") << QByteArray("\"text\":\"\xff")
                                   << "bad:9:" << "event 5: a string that is not valid UTF-8";
    QTest::addRow("raw control character") << "replace" << QByteArray(R"("text":"job: )") << QByteArray("\"text\":\"\t")
                                           << "bad:9:" << "event 5: a control character in a string must be escaped";
    QTest::addRow("unclosed string") << "replace" << QByteArray(R"(0 ..."})") << QByteArray(R"(0 ...})")
                                     << "bad:9:" << "event 5: the line ends inside a string";
    QTest::addRow("two records on a line") << "replace" << QByteArray("\"ev\":\"start\"}\n") << QByteArray("\"ev\":\"start\"}{}\n")
                                           << "bad:5:" << "event 1: expected the end of the line after the record";
    QTest::addRow("deadline that does not add up") << "replace" << QByteArray(R"("ev":"start"})") << QByteArray(R"("ev":"deadline-set","ms":5,"deadline":9,"cause":"user"})")
                                                   << "bad:5:" << "event 1: \"deadline\" must be a whole number from 5 to 5";

    // Truncated and extended files.
    QTest::addRow("cut inside a record") << "cut" << QByteArray() << QByteArray("40") << "bad:26:" << "event 22: the file ends inside";
    QTest::addRow("cut at a line end") << "cut" << QByteArray() << QByteArray("line") << "bad:26:1: event 22:" << "the file ends after 22 of 23 events (it is truncated)";
    QTest::addRow("no final newline") << "cut" << QByteArray() << QByteArray("1") << "bad:26:" << "event 22: the line does not end with a newline";
    QTest::addRow("line after the last event") << "append" << QByteArray() << QByteArray("{}\n") << "bad:27:1: event 23:" << "more lines after the last event";
    QTest::addRow("header only") << "cut" << QByteArray() << QByteArray("after-header") << "bad:2:1: task 0:" << "the file ends after 0 of 2 tasks";
}

void TestRecordingLoader::malformed()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, place);
    QFETCH(QString, problem);

    QByteArray bytes = m_base;
    if (operation == QLatin1String("replace")) {
        const qsizetype at = bytes.indexOf(from);
        QVERIFY2(at >= 0, from.constData());
        bytes.replace(at, from.size(), to);
    } else if (operation == QLatin1String("whole")) {
        bytes = to;
    } else if (operation == QLatin1String("append")) {
        bytes += to;
    } else if (to == "line") {
        bytes.chop(1);
        bytes.truncate(bytes.lastIndexOf('\n') + 1);
    } else if (to == "after-header") {
        bytes.truncate(bytes.indexOf('\n') + 1);
    } else {
        bytes.chop(to.toInt());
    }

    QString error;
    const auto recording = RecordingLoader::parse(bytes, QStringLiteral("bad"), &error);
    QVERIFY2(!recording, "a malformed recording was accepted");
    QVERIFY2(error.startsWith(place), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
}

void TestRecordingLoader::everyTruncationIsReported()
{
    // Every prefix of the file is rejected with "truncated" (or, inside the header line, as not
    // a whole header), and none crashes.
    for (qsizetype size = 0; size < m_base.size(); ++size) {
        QString error;
        const auto recording = RecordingLoader::parse(m_base.left(size), QStringLiteral("cut"), &error);
        QVERIFY2(!recording, qPrintable(QStringLiteral("a prefix of %1 bytes was accepted").arg(size)));
        QVERIFY2(error.startsWith(QStringLiteral("cut:")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("truncated")) || error.contains(QStringLiteral("empty")), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestRecordingLoader)
#include "tst_recordingloader.moc"
