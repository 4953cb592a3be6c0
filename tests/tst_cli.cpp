// The headless command line: exit statuses and messages for bad input, the lesson list, the
// JSON Lines trace of a real run, and trace formatting. Action parsing and task path validation
// are in tst_useraction.cpp.
#include "commandline.h"
#include "clirunner.h"
#include "lessons.h"
#include "scenario.h"
#include "trace.h"
#include "useraction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace cascade;
using cascade::testing::runCli;
using cascade::testing::CliResult;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A small scenario every runtime accepts: an unstructured job, three counted group children.
const char GoodScenario[] = R"({
  "cascade": "scenario", "version": 1, "id": "cli-good",
  "title": {"en": "CLI test", "ko": "CLI 시험"},
  "runtimes": ["kotlin", "asyncio", "swift"],
  "root": {"name": "main", "steps": [
    {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 1000}]}},
    {"do": "group", "kind": "strict", "tasks": [{"name": "chop", "count": 3, "steps": [{"do": "sleep", "ms": 200}]}]},
    {"do": "join", "task": "job"}
  ]}
})";

// Swift has no timeout, so a Swift run of this file is refused.
const char TimeoutScenario[] = R"({
  "cascade": "scenario", "version": 1, "id": "cli-timeout",
  "title": {"en": "Timeout", "ko": "시간 제한"},
  "runtimes": ["kotlin"],
  "root": {"name": "main", "steps": [
    {"do": "timeout", "ms": 100, "steps": [{"do": "sleep", "ms": 500}]}
  ]}
})";

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void helpAndVersion_data();
    void helpAndVersion();
    void isVerb();
    void lessonsListsIds();
    void runTraceIsJsonLines();
    void runTraceToFileMatchesStdout();
    void runLogIsReadable();
    void runWithActionsAndUntil();
    void compareListsDivergences();
    void runWithTimeoutAndShield_data();
    void runWithTimeoutAndShield();
    void traceJson_data();
    void traceJson();
    void traceText();

private:
    QTemporaryDir m_dir;
    QString m_good;
    QString m_timeout;
    QString m_malformed;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_good = m_dir.filePath(QStringLiteral("good.json"));
    m_timeout = m_dir.filePath(QStringLiteral("timeout.json"));
    m_malformed = m_dir.filePath(QStringLiteral("malformed.json"));
    QVERIFY(writeFile(m_good, GoodScenario));
    QVERIFY(writeFile(m_timeout, TimeoutScenario));
    QVERIFY(writeFile(m_malformed, "{\"cascade\": \"scenario\",\n  \"version\": 1,,\n}"));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("adir")));
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");  // part of the one-line message

    const QString good = m_good;
    const QString nowhere = m_dir.filePath(QStringLiteral("no/such/dir/trace.jsonl"));
    QTest::addRow("no verb") << QStringList{} << QStringLiteral("missing verb");
    QTest::addRow("unknown verb") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown verb 'frobnicate'");
    QTest::addRow("unknown top option") << QStringList{QStringLiteral("--frob")} << QStringLiteral("unknown option '--frob'");
    QTest::addRow("unknown run option") << QStringList{QStringLiteral("run"), good, QStringLiteral("--frob")} << QStringLiteral("frob");
    QTest::addRow("missing scenario") << QStringList{QStringLiteral("run")} << QStringLiteral("missing lesson id or scenario file");
    QTest::addRow("two scenarios") << QStringList{QStringLiteral("run"), good, good} << QStringLiteral("unexpected argument");
    QTest::addRow("missing lesson") << QStringList{QStringLiteral("run"), QStringLiteral("no-such-lesson")}
                                    << QStringLiteral("no lesson or file named 'no-such-lesson'");
    QTest::addRow("missing option value") << QStringList{QStringLiteral("run"), good, QStringLiteral("--runtime")}
                                          << QStringLiteral("runtime");
    QTest::addRow("bad runtime") << QStringList{QStringLiteral("run"), good, QStringLiteral("--runtime"), QStringLiteral("java")}
                                 << QStringLiteral("unknown runtime 'java'");
    QTest::addRow("cancel without @") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("main/job")}
                                      << QStringLiteral("missing '@'");
    QTest::addRow("negative time") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("main/job@-5")}
                                   << QStringLiteral("must not be negative");
    QTest::addRow("time not integer") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("main/job@1.5")}
                                      << QStringLiteral("not a whole number");
    QTest::addRow("time too large") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("main/job@99999999999999999999")}
                                    << QStringLiteral("at most");
    QTest::addRow("empty path") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("@100")}
                                << QStringLiteral("empty task path");
    QTest::addRow("bad error name") << QStringList{QStringLiteral("run"), good, QStringLiteral("--fail"), QStringLiteral("main/job@100:9lives")}
                                    << QStringLiteral("bad error name '9lives'");
    QTest::addRow("unknown task path") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("main/nobody@100")}
                                       << QStringLiteral("no task 'nobody' under 'main'");
    QTest::addRow("missing index") << QStringList{QStringLiteral("run"), good, QStringLiteral("--cancel"), QStringLiteral("main/chop@100")}
                                   << QStringLiteral("needs an index");
    QTest::addRow("timeout without duration") << QStringList{QStringLiteral("run"), good, QStringLiteral("--timeout"), QStringLiteral("main/job@100")}
                                              << QStringLiteral("--timeout 'main/job@100': missing ':DURATION'");
    QTest::addRow("timeout duration zero") << QStringList{QStringLiteral("run"), good, QStringLiteral("--timeout"), QStringLiteral("main/job@100:0")}
                                           << QStringLiteral("duration must be at least 1 ms");
    QTest::addRow("timeout duration not a number") << QStringList{QStringLiteral("run"), good, QStringLiteral("--timeout"), QStringLiteral("main/job@100:soon")}
                                                   << QStringLiteral("duration: 'soon' is not a whole number");
    QTest::addRow("timeout negative time") << QStringList{QStringLiteral("run"), good, QStringLiteral("--timeout"), QStringLiteral("main/job@-1:50")}
                                           << QStringLiteral("must not be negative");
    QTest::addRow("timeout unknown path") << QStringList{QStringLiteral("run"), good, QStringLiteral("--timeout"), QStringLiteral("main/nobody@1:50")}
                                          << QStringLiteral("--timeout: task path 'main/nobody'");
    QTest::addRow("shield without @") << QStringList{QStringLiteral("run"), good, QStringLiteral("--shield"), QStringLiteral("main/job")}
                                      << QStringLiteral("--shield 'main/job': missing '@'");
    QTest::addRow("shield with a duration") << QStringList{QStringLiteral("run"), good, QStringLiteral("--shield"), QStringLiteral("main/job@5:10")}
                                            << QStringLiteral("--shield 'main/job@5:10'");
    QTest::addRow("shield missing index") << QStringList{QStringLiteral("run"), good, QStringLiteral("--shield"), QStringLiteral("main/chop@100")}
                                          << QStringLiteral("--shield: task path 'main/chop'");
    QTest::addRow("until not a number") << QStringList{QStringLiteral("run"), good, QStringLiteral("--until"), QStringLiteral("soon")}
                                        << QStringLiteral("--until");
    QTest::addRow("unreadable file") << QStringList{QStringLiteral("run"), m_dir.filePath(QStringLiteral("adir"))}
                                     << QStringLiteral("directory");
    QTest::addRow("malformed json") << QStringList{QStringLiteral("run"), m_malformed} << QStringLiteral("malformed.json");
    QTest::addRow("unwritable trace") << QStringList{QStringLiteral("run"), good, QStringLiteral("--trace"), nowhere}
                                      << QStringLiteral("cannot write the trace");
    // A device is written in place (never renamed over); a full one reports the write failure.
    if (QFileInfo(QStringLiteral("/dev/full")).exists() && !QFileInfo(QStringLiteral("/dev/full")).isFile())
        QTest::addRow("trace write fails") << QStringList{QStringLiteral("run"), good, QStringLiteral("--trace"), QStringLiteral("/dev/full")}
                                           << QStringLiteral("cannot write the trace to '/dev/full'");
    QTest::addRow("trace to directory") << QStringList{QStringLiteral("run"), good, QStringLiteral("--trace"), m_dir.path()}
                                        << QStringLiteral("it is a directory");
    QTest::addRow("empty trace name") << QStringList{QStringLiteral("run"), good, QStringLiteral("--trace"), QString()}
                                      << QStringLiteral("empty file name");
    QTest::addRow("unsupported step") << QStringList{QStringLiteral("run"), m_timeout, QStringLiteral("--runtime"), QStringLiteral("swift")}
                                      << QStringLiteral("cannot run 'cli-timeout' under swift");
    const QString compare = QStringLiteral("compare");
    const QString cpu = QStringLiteral("contrast-cpu-blocks");
    QTest::addRow("compare one runtime twice") << QStringList{compare, cpu, QStringLiteral("--runtimes"), QStringLiteral("kotlin,kotlin")}
                                               << QStringLiteral("both sides run under Kotlin");
    QTest::addRow("compare three runtimes") << QStringList{compare, cpu, QStringLiteral("--runtimes"), QStringLiteral("asyncio,kotlin,swift")}
                                            << QStringLiteral("expected two runtimes");
    QTest::addRow("compare unknown runtime") << QStringList{compare, cpu, QStringLiteral("--runtimes"), QStringLiteral("asyncio,go")}
                                             << QStringLiteral("unknown runtime 'go'");
    QTest::addRow("compare with --runtime") << QStringList{compare, cpu, QStringLiteral("--runtime"), QStringLiteral("kotlin")}
                                            << QStringLiteral("name them with --runtimes");
    QTest::addRow("compare unsupported") << QStringList{compare, QStringLiteral("kotlin-cancel-join"), QStringLiteral("--runtimes"), QStringLiteral("kotlin,asyncio")}
                                         << QStringLiteral("cannot run under asyncio");
    QTest::addRow("compare bad cancel") << QStringList{compare, cpu, QStringLiteral("--cancel"), QStringLiteral("main/nobody@10")}
                                        << QStringLiteral("no task 'nobody' under 'main'");
    QTest::addRow("lessons extra") << QStringList{QStringLiteral("lessons"), QStringLiteral("extra")} << QStringLiteral("unexpected argument");
    QTest::addRow("help unknown verb") << QStringList{QStringLiteral("help"), QStringLiteral("dance")} << QStringLiteral("unknown verb 'dance'");
}

void TestCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    const CliResult result = runCli(arguments);
    QCOMPARE(result.status, 2);
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(result.err.endsWith(QLatin1Char('\n')) && result.err.count(QLatin1Char('\n')) == 1,
             qPrintable(QStringLiteral("not one line: ") + result.err));
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addRow("help") << QStringList{QStringLiteral("help")} << QStringLiteral("Usage: cascade <verb>");
    QTest::addRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("Exit status");
    QTest::addRow("-h") << QStringList{QStringLiteral("-h")} << QStringLiteral("Verbs:");
    QTest::addRow("help run") << QStringList{QStringLiteral("help"), QStringLiteral("run")} << QStringLiteral("--cancel <PATH@MS>");
    QTest::addRow("help run: timeout") << QStringList{QStringLiteral("help"), QStringLiteral("run")} << QStringLiteral("--timeout <PATH@MS:DURATION>");
    QTest::addRow("help run: shield") << QStringList{QStringLiteral("help"), QStringLiteral("run")} << QStringLiteral("--shield <PATH@MS>");
    QTest::addRow("run --help") << QStringList{QStringLiteral("run"), QStringLiteral("--help")} << QStringLiteral("--trace <FILE|->");
    QTest::addRow("lessons --help") << QStringList{QStringLiteral("lessons"), QStringLiteral("--help")} << QStringLiteral("Usage: cascade lessons");
    QTest::addRow("--version") << QStringList{QStringLiteral("--version")} << QStringLiteral("cascade " CASCADE_VERSION);
}

void TestCli::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliResult result = runCli(arguments);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
}

void TestCli::isVerb()
{
    for (const char *verb : {"run", "lessons", "help", "--help", "-h", "--version", "-v"})
        QVERIFY2(isCommandLineVerb(QLatin1String(verb)), verb);
    for (const char *other : {"", "-platform", "RUN", "lesson", "kotlin-cancel-join"})
        QVERIFY2(!isCommandLineVerb(QLatin1String(other)), other);
}

void TestCli::lessonsListsIds()
{
    const CliResult result = runCli({QStringLiteral("lessons")});
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QCOMPARE(result.status, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList ids;
    for (const QString &line : lines) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 3);
        QVERIFY2(!fields.at(1).isEmpty() && !fields.at(2).isEmpty(), qPrintable(line));
        for (const QString &name : fields.at(1).split(QLatin1Char(','))) {
            Runtime runtime = Runtime::Asyncio;
            QVERIFY2(runtimeFromName(name, &runtime), qPrintable(line));
        }
        ids << fields.at(0);
    }
    QCOMPARE(ids, Lessons::ids());
    QVERIFY(ids.contains(QStringLiteral("kotlin-cancel-join")));
}

void TestCli::runTraceIsJsonLines()
{
    const QStringList arguments{QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"), QStringLiteral("--trace"),
                                QStringLiteral("-")};
    const CliResult result = runCli(arguments);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QCOMPARE(result.status, 0);
    QVERIFY(result.out.endsWith(QLatin1Char('\n')));

    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 3);
    qint64 lastT = 0;
    bool sawCancelRequest = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(line));
        const QJsonObject object = doc.object();
        // The fixed key order is part of the format.
        QVERIFY2(line.startsWith(QStringLiteral("{\"seq\":%1,\"t\":").arg(i)), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String(",\"task\":")) && line.indexOf(QLatin1String(",\"task\":")) < line.indexOf(QLatin1String(",\"ev\":")),
                 qPrintable(line));
        QCOMPARE(object.value(QLatin1String("seq")).toInteger(), qint64(i));
        const qint64 t = object.value(QLatin1String("t")).toInteger(-1);
        QVERIFY2(t >= lastT, qPrintable(line));
        lastT = t;
        QVERIFY2(object.value(QLatin1String("task")).isString(), qPrintable(line));
        QVERIFY2(!object.value(QLatin1String("ev")).toString().isEmpty(), qPrintable(line));
        sawCancelRequest = sawCancelRequest || object.value(QLatin1String("ev")).toString() == QLatin1String("cancel-request");
    }
    QVERIFY(lines.constFirst().contains(QLatin1String("\"ev\":\"spawn\",\"parent\":null")));
    QVERIFY(sawCancelRequest);

    // Byte-identical when run again.
    QCOMPARE(runCli(arguments).out, result.out);
}

void TestCli::runTraceToFileMatchesStdout()
{
    const QString path = m_dir.filePath(QStringLiteral("trace.jsonl"));
    const CliResult toFile = runCli({QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"), QStringLiteral("--trace"), path});
    QVERIFY2(toFile.err.isEmpty(), qPrintable(toFile.err));
    QCOMPARE(toFile.status, 0);
    QVERIFY(toFile.out.isEmpty());
    // Written again: replaced, not appended to.
    QCOMPARE(runCli({QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"), QStringLiteral("--trace"), path}).status, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const CliResult toStdout = runCli({QStringLiteral("run"), QStringLiteral("kotlin-cancel-join"), QStringLiteral("--trace"), QStringLiteral("-")});
    QCOMPARE(QString::fromUtf8(file.readAll()), toStdout.out);
}

void TestCli::runLogIsReadable()
{
    const CliResult result = runCli({QStringLiteral("run"), QStringLiteral("kotlin-cancel-join")});
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QCOMPARE(result.status, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 3);
    QVERIFY2(lines.constFirst().startsWith(QLatin1String("== kotlin-cancel-join under kotlin")), qPrintable(lines.constFirst()));
    QVERIFY2(lines.constLast().startsWith(QLatin1String("== kotlin-cancel-join under kotlin: main ")), qPrintable(lines.constLast()));
    QVERIFY2(lines.constLast().contains(QLatin1String(" ms")), qPrintable(lines.constLast()));
    QVERIFY(result.out.contains(QLatin1String("cancel-request  cause=code")));
}

// The same user action on both runs; one tab-separated line per divergence, in time order.
void TestCli::compareListsDivergences()
{
    const CliResult result = runCli({QStringLiteral("compare"), QStringLiteral("contrast-cpu-blocks"), QStringLiteral("--runtimes"),
                                     QStringLiteral("asyncio,kotlin"), QStringLiteral("--cancel"), QStringLiteral("main/job@500")});
    QCOMPARE(result.status, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QStringList first = lines.front().split(QLatin1Char('\t'));
    QCOMPARE(first.size(), 5);
    QCOMPARE(first.mid(0, 3), (QStringList{QStringLiteral("500"), QStringLiteral("main/job"), QStringLiteral("state")}));
    QVERIFY2(first.at(3).startsWith(QLatin1String("asyncio: still suspended (sleep) until 3000 ms")), qPrintable(first.at(3)));
    QVERIFY2(first.at(4).startsWith(QLatin1String("Kotlin: at 500 ms, cancellation delivered at sleep")), qPrintable(first.at(4)));

    // Runtimes that agree on a lesson print nothing.
    const CliResult agree = runCli({QStringLiteral("compare"), QStringLiteral("asyncio-cancel-request"), QStringLiteral("--runtimes"),
                                    QStringLiteral("asyncio,swift")});
    QCOMPARE(agree.status, 0);
    QCOMPARE(agree.out, QString());
}

void TestCli::runWithActionsAndUntil()
{
    const CliResult cancelled = runCli({QStringLiteral("run"), m_good, QStringLiteral("--runtime"), QStringLiteral("asyncio"),
                                        QStringLiteral("--cancel"), QStringLiteral("main/job@100"), QStringLiteral("--fail"),
                                        QStringLiteral("main/chop[1]@150:ValueError:bad: chop"), QStringLiteral("--trace"),
                                        QStringLiteral("-")});
    QVERIFY2(cancelled.err.isEmpty(), qPrintable(cancelled.err));
    QCOMPARE(cancelled.status, 0);
    QVERIFY2(cancelled.out.contains(QLatin1String("\"task\":\"main/job\",\"ev\":\"cancel-request\",\"cause\":\"user\"")),
             qPrintable(cancelled.out));

    const CliResult stopped = runCli({QStringLiteral("run"), m_good, QStringLiteral("--until"), QStringLiteral("50")});
    QVERIFY2(stopped.err.isEmpty(), qPrintable(stopped.err));
    QCOMPARE(stopped.status, 0);
    const QString last = stopped.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).constLast();
    QVERIFY2(last.contains(QLatin1String("still running")) && last.contains(QLatin1String("--until")), qPrintable(last));
}

void TestCli::runWithTimeoutAndShield_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected");  // trace lines (parts), in this order

    auto options = [](const char *runtime, const QStringList &rest) { return QStringList{QStringLiteral("--runtime"), QLatin1String(runtime)} + rest; };
    const QString timeout = QStringLiteral("--timeout");
    const QString shield = QStringLiteral("--shield");
    QTest::addRow("timeout/asyncio") << options("asyncio", {timeout, QStringLiteral("main/job@100:300")})
        << QStringList{R"("t":100,"task":"main/job","ev":"deadline-set","ms":300,"deadline":400,"cause":"user")",
                       R"("t":400,"task":"main/job","ev":"timeout","ms":300)",
                       R"("t":400,"task":"main/job","ev":"cancel-request","cause":"timeout","from":null)",
                       R"("t":400,"task":"main/job","ev":"deadline-clear","deadline":400)",
                       R"("t":400,"task":"main/job","ev":"end","outcome":"failed","error":"TimeoutError")"};
    QTest::addRow("timeout/kotlin") << options("kotlin", {timeout, QStringLiteral("main/job@100:300")})
        << QStringList{R"("t":100,"task":"main/job","ev":"deadline-set","ms":300,"deadline":400,"cause":"user")",
                       R"("t":400,"task":"main/job","ev":"end","outcome":"cancelled","error":"TimeoutCancellationException")"};
    QTest::addRow("timeout/swift") << options("swift", {timeout, QStringLiteral("main/job@100:300")})
        << QStringList{R"("t":100,"task":"main","ev":"action-ignored","action":"timeout","reason":"main/job: Swift has no built-in timeout)",
                       R"("t":1000,"task":"main/job","ev":"end","outcome":"completed")"};
    // chop[1] is a child of main's group: cancelling main reaches it as a request from its parent.
    QTest::addRow("shield/asyncio") << options("asyncio", {shield, QStringLiteral("main/chop[1]@50"), QStringLiteral("--cancel"), QStringLiteral("main@100")})
        << QStringList{R"("t":50,"task":"main/chop[1]","ev":"shield-on","cause":"user")",
                       R"("t":100,"task":"main/chop[1]","ev":"cancel-blocked","by":"shield","from":"main")",
                       R"("t":200,"task":"main/chop[1]","ev":"shield-off","cause":"user")",
                       R"("t":200,"task":"main/chop[1]","ev":"end","outcome":"completed")"};
    QTest::addRow("shield/kotlin") << options("kotlin", {shield, QStringLiteral("main/chop[1]@50"), QStringLiteral("--cancel"), QStringLiteral("main@100")})
        << QStringList{R"("t":50,"task":"main/chop[1]","ev":"shield-on","cause":"user")",
                       R"("t":100,"task":"main/chop[1]","ev":"cancel-blocked","by":"non-cancellable","from":"main")",
                       R"("t":200,"task":"main/chop[1]","ev":"end","outcome":"completed")"};
    QTest::addRow("shield/swift") << options("swift", {shield, QStringLiteral("main/chop[1]@50")})
        << QStringList{R"("t":50,"task":"main","ev":"action-ignored","action":"shield","reason":"main/chop[1]: Swift has no shield)"};
    QTest::addRow("shield on an ended task") << options("kotlin", {shield, QStringLiteral("main/chop[1]@300")})
        << QStringList{R"("t":300,"task":"main","ev":"action-ignored","action":"shield","reason":"main/chop[1]: the task has already ended")"};
}

void TestCli::runWithTimeoutAndShield()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    const CliResult result = runCli(QStringList{QStringLiteral("run"), m_good, QStringLiteral("--trace"), QStringLiteral("-")} + options);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QCOMPARE(result.status, 0);
    qsizetype from = 0;
    for (const QString &part : std::as_const(expected)) {
        const qsizetype at = result.out.indexOf(part, from);
        QVERIFY2(at >= 0, qPrintable(QStringLiteral("missing after offset %1: %2\n%3").arg(from).arg(part, result.out)));
        from = at + part.size();
    }
}

void TestCli::traceJson_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("other");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<qint64>("ms");

    const QString none;
    QTest::addRow("root spawn") << int(EventKind::Spawn) << -1 << int(LinkCode::Child) << none << none
                                << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"spawn","parent":null,"link":"child"})") << qint64(0);
    QTest::addRow("spawn") << int(EventKind::Spawn) << 0 << int(LinkCode::Unstructured) << none << none
                           << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"spawn","parent":"main","link":"unstructured"})") << qint64(0);
    QTest::addRow("start") << int(EventKind::Start) << -1 << 0 << none << none
                           << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"start"})") << qint64(0);
    QTest::addRow("suspend") << int(EventKind::Suspend) << -1 << 0 << QStringLiteral("delay") << none
                             << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"suspend","on":"delay"})") << qint64(0);
    QTest::addRow("checkpoint") << int(EventKind::Checkpoint) << -1 << 1 << QStringLiteral("throw") << none
                                << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"checkpoint","cancelled":true,"check":"throw"})") << qint64(0);
    QTest::addRow("request user") << int(EventKind::CancelRequest) << -1 << int(CancelCause::User) << none << none
                                  << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"cancel-request","cause":"user","from":null})") << qint64(0);
    QTest::addRow("request parent") << int(EventKind::CancelRequest) << 0 << int(CancelCause::Parent) << none << none
                                    << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"cancel-request","cause":"parent","from":"main"})") << qint64(0);
    QTest::addRow("blocked") << int(EventKind::CancelBlocked) << 0 << int(BlockedBy::NotAChild) << none << none
                             << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"cancel-blocked","by":"not-a-child","from":"main"})") << qint64(0);
    QTest::addRow("catch") << int(EventKind::Catch) << -1 << 1 << QStringLiteral("CancelledError") << none
                           << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"catch","error":"CancelledError","rethrown":true})") << qint64(0);
    QTest::addRow("print escapes") << int(EventKind::Print) << -1 << 0 << QStringLiteral("a\"b\\c\nd\te\x01 한글 ü") << none
                                   << QByteArray("{\"seq\":7,\"t\":1300,\"task\":\"main/job\",\"ev\":\"print\",\"text\":"
                                                 "\"a\\\"b\\\\c\\u000ad\\u0009e\\u0001 \xed\x95\x9c\xea\xb8\x80 \xc3\xbc\"}") << qint64(0);
    QTest::addRow("raise") << int(EventKind::Raise) << -1 << 0 << QStringLiteral("ValueError") << QStringLiteral("bad")
                           << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"raise","error":"ValueError","message":"bad"})") << qint64(0);
    QTest::addRow("end completed") << int(EventKind::End) << -1 << int(Outcome::Completed) << none << none
                                   << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"end","outcome":"completed"})") << qint64(0);
    QTest::addRow("end cancelled") << int(EventKind::End) << -1 << int(Outcome::Cancelled) << QStringLiteral("CancellationException") << none
                                   << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"end","outcome":"cancelled","error":"CancellationException"})") << qint64(0);
    QTest::addRow("deadline-set") << int(EventKind::DeadlineSet) << -1 << int(CancelCause::User) << none << none
                                  << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"deadline-set","ms":250,"deadline":1550,"cause":"user"})") << qint64(250);
    QTest::addRow("deadline-clear") << int(EventKind::DeadlineClear) << -1 << 0 << none << none
                                    << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"deadline-clear","deadline":250})") << qint64(250);
    QTest::addRow("shield-on") << int(EventKind::ShieldOn) << -1 << int(CancelCause::Code) << none << none
                               << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"shield-on","cause":"code"})") << qint64(0);
    QTest::addRow("shield-off") << int(EventKind::ShieldOff) << -1 << int(CancelCause::User) << none << none
                                << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"shield-off","cause":"user"})") << qint64(0);
    QTest::addRow("ignored") << int(EventKind::ActionIgnored) << -1 << 0 << QStringLiteral("cancel") << QStringLiteral("main/x: gone")
                             << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"action-ignored","action":"cancel","reason":"main/x: gone"})") << qint64(0);
    QTest::addRow("error-discarded") << int(EventKind::ErrorDiscarded) << 0 << 0 << QStringLiteral("BurnError") << none
                                     << QByteArray(R"({"seq":7,"t":1300,"task":"main/job","ev":"error-discarded","child":"main","error":"BurnError"})") << qint64(0);
}

void TestCli::traceJson()
{
    QFETCH(int, kind);
    QFETCH(int, other);
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(QByteArray, expected);

    TraceEvent event;
    event.seq = 7;
    event.t = 1300;
    event.task = 1;
    event.other = other;
    event.kind = EventKind(kind);
    event.code = quint8(code);
    event.text = text;
    event.message = message;
    QFETCH(qint64, ms);
    event.ms = ms;
    const TaskPathResolver paths = [](int id) { return id == 0 ? QStringLiteral("main") : QStringLiteral("main/job"); };
    const QByteArray json = traceEventToJson(event, paths);
    QCOMPARE(json, expected);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestCli::traceText()
{
    TraceEvent event;
    event.t = 1300;
    event.task = 1;
    event.kind = EventKind::CancelRequest;
    event.code = quint8(CancelCause::User);
    const TaskPathResolver paths = [](int id) { return id == 0 ? QStringLiteral("main") : QStringLiteral("main/job"); };
    QCOMPARE(traceEventToText(event, paths),
             QStringLiteral("   1300 ms  main/job               cancel-request  cause=user"));
    event.kind = EventKind::Print;
    event.text = QStringLiteral("two\nlines");
    QCOMPARE(traceEventToText(event, paths), QStringLiteral("   1300 ms  main/job               print           | two\\nlines"));
    event.kind = EventKind::Start;
    QCOMPARE(traceEventToText(event, paths), QStringLiteral("   1300 ms  main/job               start"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
