// User actions as the command line and the app give them: parsing "PATH@MS" and its variants
// (--cancel, --fail, --timeout, --shield) and validating a task path against a scenario.

#include "scenario.h"
#include "useraction.h"

#include <QTest>

using namespace cascade;

namespace {

Step makeStep(StepKind kind)
{
    Step step;
    step.kind = kind;
    return step;
}

TaskSpec makeTask(const QString &name, int count = 1, Steps body = {})
{
    TaskSpec spec;
    spec.name = name;
    spec.count = count;
    spec.body = std::move(body);
    return spec;
}

} // namespace

class TestUserAction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseAction_data();
    void parseAction();
    void parseTimeoutAndShield_data();
    void parseTimeoutAndShield();
    void validatePath_data();
    void validatePath();
};

void TestUserAction::parseAction_data()
{
    QTest::addColumn<bool>("fail");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("message");

    const QString dflt = QStringLiteral("Error");
    QTest::addRow("cancel") << false << QStringLiteral("main/job@1300") << true << QStringLiteral("main/job") << qint64(1300) << dflt << QString();
    QTest::addRow("cancel at 0") << false << QStringLiteral("main@0") << true << QStringLiteral("main") << qint64(0) << dflt << QString();
    QTest::addRow("cancel indexed") << false << QStringLiteral("main/chop[2]@5") << true << QStringLiteral("main/chop[2]") << qint64(5) << dflt << QString();
    QTest::addRow("cancel with colon") << false << QStringLiteral("main@5:E") << false << QString() << qint64(0) << dflt << QString();
    QTest::addRow("fail plain") << true << QStringLiteral("main/job@10") << true << QStringLiteral("main/job") << qint64(10) << dflt << QString();
    QTest::addRow("fail error") << true << QStringLiteral("main/job@10:ValueError") << true << QStringLiteral("main/job") << qint64(10)
                                << QStringLiteral("ValueError") << QString();
    QTest::addRow("fail message") << true << QStringLiteral("main/job@10:io.Bad:no: way @ all") << true << QStringLiteral("main/job")
                                  << qint64(10) << QStringLiteral("io.Bad") << QStringLiteral("no: way @ all");
    QTest::addRow("fail empty error") << true << QStringLiteral("main/job@10:") << false << QString() << qint64(0) << dflt << QString();
    QTest::addRow("plus sign") << false << QStringLiteral("main@+5") << false << QString() << qint64(0) << dflt << QString();
    QTest::addRow("spaces") << false << QStringLiteral("main@ 5") << false << QString() << qint64(0) << dflt << QString();
    QTest::addRow("empty time") << false << QStringLiteral("main@") << false << QString() << qint64(0) << dflt << QString();
    QTest::addRow("one year") << false << QStringLiteral("main@31536000000") << true << QStringLiteral("main") << qint64(31536000000)
                              << dflt << QString();
    QTest::addRow("over a year") << false << QStringLiteral("main@31536000001") << false << QString() << qint64(0) << dflt << QString();
}

void TestUserAction::parseAction()
{
    QFETCH(bool, fail);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    UserAction action;
    QString why;
    const bool parsed = UserAction::parse(fail ? UserAction::Kind::Fail : UserAction::Kind::Cancel, text, &action, &why);
    QCOMPARE(parsed, ok);
    if (!ok) {
        QVERIFY(!why.isEmpty());
        QVERIFY2(!why.contains(QLatin1Char('\n')), qPrintable(why));
        QVERIFY2(why.startsWith(fail ? QLatin1String("--fail") : QLatin1String("--cancel")), qPrintable(why));
        return;
    }
    QFETCH(QString, path);
    QFETCH(qint64, at);
    QFETCH(QString, error);
    QFETCH(QString, message);
    QCOMPARE(action.kind, fail ? UserAction::Kind::Fail : UserAction::Kind::Cancel);
    QCOMPARE(action.taskPath, path);
    QCOMPARE(action.at, at);
    QCOMPARE(action.error, error);
    QCOMPARE(action.message, message);
}

void TestUserAction::parseTimeoutAndShield_data()
{
    QTest::addColumn<bool>("timeout");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<qint64>("duration");

    QTest::addRow("timeout") << true << QStringLiteral("main/job@1300:500") << true << QStringLiteral("main/job") << qint64(1300) << qint64(500);
    QTest::addRow("timeout at 0") << true << QStringLiteral("main/chop[2]@0:1") << true << QStringLiteral("main/chop[2]") << qint64(0) << qint64(1);
    QTest::addRow("timeout of a year") << true << QStringLiteral("main@5:31536000000") << true << QStringLiteral("main") << qint64(5)
                                       << qint64(31536000000);
    QTest::addRow("timeout without duration") << true << QStringLiteral("main@5") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("timeout empty duration") << true << QStringLiteral("main@5:") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("timeout of 0 ms") << true << QStringLiteral("main@5:0") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("timeout over a year") << true << QStringLiteral("main@5:31536000001") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("timeout duration with unit") << true << QStringLiteral("main@5:2s") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("timeout empty path") << true << QStringLiteral("@5:10") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("shield") << false << QStringLiteral("main/job@700") << true << QStringLiteral("main/job") << qint64(700) << qint64(0);
    QTest::addRow("shield with a colon") << false << QStringLiteral("main/job@700:5") << false << QString() << qint64(0) << qint64(0);
    QTest::addRow("shield without time") << false << QStringLiteral("main/job@") << false << QString() << qint64(0) << qint64(0);
}

void TestUserAction::parseTimeoutAndShield()
{
    QFETCH(bool, timeout);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    const UserAction::Kind kind = timeout ? UserAction::Kind::Timeout : UserAction::Kind::Shield;
    UserAction action;
    QString why;
    QCOMPARE(UserAction::parse(kind, text, &action, &why), ok);
    if (!ok) {
        QVERIFY2(!why.contains(QLatin1Char('\n')), qPrintable(why));
        QVERIFY2(why.startsWith(timeout ? QLatin1String("--timeout '") : QLatin1String("--shield '")), qPrintable(why));
        return;
    }
    QFETCH(QString, path);
    QFETCH(qint64, at);
    QFETCH(qint64, duration);
    QCOMPARE(action.kind, kind);
    QCOMPARE(action.taskPath, path);
    QCOMPARE(action.at, at);
    QCOMPARE(action.durationMs, duration);
}

void TestUserAction::validatePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");  // empty: valid

    QTest::addRow("root") << QStringLiteral("main") << QString();
    QTest::addRow("spawned") << QStringLiteral("main/job") << QString();
    QTest::addRow("counted") << QStringLiteral("main/chop[2]") << QString();
    QTest::addRow("counted first") << QStringLiteral("main/chop[0]") << QString();
    QTest::addRow("grandchild") << QStringLiteral("main/job/helper") << QString();
    QTest::addRow("in repeat") << QStringLiteral("main/tick[41]") << QString();
    QTest::addRow("in try/finally") << QStringLiteral("main/cleaner") << QString();
    QTest::addRow("wait_for inner") << QStringLiteral("main/wait_for") << QString();
    QTest::addRow("wait_for child") << QStringLiteral("main/wait_for/slow") << QString();
    QTest::addRow("timeout child direct") << QStringLiteral("main/slow") << QString();
    QTest::addRow("named shield") << QStringLiteral("main/guard/saver") << QString();
    QTest::addRow("shield child direct") << QStringLiteral("main/saver") << QString();
    QTest::addRow("loop inner index reset") << QStringLiteral("main/tick[3]/sub") << QString();

    QTest::addRow("empty") << QString() << QStringLiteral("empty task path");
    QTest::addRow("wrong root") << QStringLiteral("root/job") << QStringLiteral("no task 'root' at the top; valid names there: main");
    QTest::addRow("unknown child") << QStringLiteral("main/jb")
                                   << QStringLiteral("no task 'jb' under 'main'; valid names there: job, chop[0..2], tick[i], cleaner, "
                                                     "wait_for, slow, guard, saver");
    QTest::addRow("missing index") << QStringLiteral("main/chop") << QStringLiteral("'chop' under 'main' needs an index");
    QTest::addRow("index out of range") << QStringLiteral("main/chop[3]") << QStringLiteral("index out of range");
    QTest::addRow("huge index") << QStringLiteral("main/tick[99999999999]") << QStringLiteral("index out of range");
    QTest::addRow("loop needs index") << QStringLiteral("main/tick") << QStringLiteral("started in a loop");
    QTest::addRow("no index allowed") << QStringLiteral("main/job[0]") << QStringLiteral("takes no index");
    QTest::addRow("leading zero") << QStringLiteral("main/chop[01]") << QStringLiteral("is not a task name");
    QTest::addRow("empty segment") << QStringLiteral("main//job") << QStringLiteral("'' under 'main' is not a task name");
    QTest::addRow("trailing slash") << QStringLiteral("main/job/") << QStringLiteral("is not a task name");
    QTest::addRow("no children") << QStringLiteral("main/chop[1]/x") << QStringLiteral("'main/chop[1]' starts no tasks");
    QTest::addRow("deeper unknown") << QStringLiteral("main/job/nobody") << QStringLiteral("valid names there: helper");
}

void TestUserAction::validatePath()
{
    QFETCH(QString, path);
    QFETCH(QString, problem);

    // main: spawn job (which spawns helper), group of chop x3, repeat { spawn tick { spawn sub } },
    // try { } finally { spawn cleaner }, wait_for timeout { spawn slow }, shield "guard" { spawn saver }.
    Scenario scenario;
    scenario.root = makeTask(QStringLiteral("main"));
    Step spawnHelper = makeStep(StepKind::Spawn);
    spawnHelper.tasks.push_back(makeTask(QStringLiteral("helper")));
    Step spawnJob = makeStep(StepKind::Spawn);
    spawnJob.tasks.push_back(makeTask(QStringLiteral("job"), 1, {spawnHelper}));
    Step group = makeStep(StepKind::Group);
    group.tasks.push_back(makeTask(QStringLiteral("chop"), 3));
    Step spawnSub = makeStep(StepKind::Spawn);
    spawnSub.tasks.push_back(makeTask(QStringLiteral("sub")));
    Step spawnTick = makeStep(StepKind::Spawn);
    spawnTick.tasks.push_back(makeTask(QStringLiteral("tick"), 1, {spawnSub}));
    Step repeat = makeStep(StepKind::Repeat);
    repeat.count = 100;
    repeat.body.push_back(spawnTick);
    Step spawnCleaner = makeStep(StepKind::Spawn);
    spawnCleaner.tasks.push_back(makeTask(QStringLiteral("cleaner")));
    Step tryStep = makeStep(StepKind::Try);
    tryStep.finallyBody.push_back(spawnCleaner);
    Step spawnSlow = makeStep(StepKind::Spawn);
    spawnSlow.tasks.push_back(makeTask(QStringLiteral("slow")));
    Step timeout = makeStep(StepKind::Timeout);
    timeout.timeoutStyle = TimeoutStyle::WaitFor;
    timeout.body.push_back(spawnSlow);
    Step spawnSaver = makeStep(StepKind::Spawn);
    spawnSaver.tasks.push_back(makeTask(QStringLiteral("saver")));
    Step shield = makeStep(StepKind::Shield);
    shield.target = QStringLiteral("guard");
    shield.body.push_back(spawnSaver);
    scenario.root.body = {spawnJob, group, repeat, tryStep, timeout, shield};

    QString error;
    const bool valid = validateTaskPath(scenario, path, &error);
    if (problem.isEmpty()) {
        QVERIFY2(valid, qPrintable(error));
    } else {
        QVERIFY(!valid);
        QVERIFY2(error.contains(problem), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    }
}

QTEST_MAIN(TestUserAction)
#include "tst_useraction.moc"
