// The log's filter (EventFilterModel) and the console's lines (ConsoleModel) follow the session
// through steps, seeks both ways and restarts, each under QAbstractItemModelTester, and always
// show what a filter written out by hand over the log shows.

#include "announceddata.h"
#include "consolemodel.h"
#include "eventfiltermodel.h"
#include "eventlogmodel.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <functional>

using namespace cascade;

namespace {

//! The seqs a filter must show: every row of the log, tested through its roles.
QList<qint64> expectedSeqs(const EventLogModel &log, const QString &task, const QString &kind, bool warningsOnly)
{
    QList<qint64> seqs;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex at = log.index(row);
        const QString path = at.data(EventLogModel::TaskRole).toString();
        if (warningsOnly && at.data(EventLogModel::WarningRole).toString().isEmpty())
            continue;
        if (!kind.isEmpty() && at.data(EventLogModel::KindRole).toString() != kind)
            continue;
        if (!task.isEmpty() && path != task && !path.startsWith(task + u'/'))
            continue;
        seqs << at.data(EventLogModel::SeqRole).toLongLong();
    }
    return seqs;
}

QList<qint64> shownSeqs(const QAbstractItemModel &model, int role)
{
    QList<qint64> seqs;
    for (int row = 0; row < model.rowCount(); ++row)
        seqs << model.index(row, 0).data(role).toLongLong();
    return seqs;
}

//! What the console must show: each print among the events shown, as a line.
QStringList expectedLines(const Session &session)
{
    QStringList lines;
    for (qint64 i = 0; i < session.shownEvents(); ++i) {
        const TraceEvent &event = session.trace()[std::size_t(i)];
        if (event.kind == EventKind::Print)
            lines << QStringLiteral("%1 ms  %2: %3").arg(event.t).arg(session.paths()(event.task), event.text);
    }
    return lines;
}

//! The moves a learner makes: steps, seeks back and forward, to the end, a restart, another runtime.
QList<std::pair<QString, std::function<void(Session &)>>> moves()
{
    return {
        {"steps", [](Session &s) { for (int i = 0; i < 12; ++i) s.stepEvent(); }},
        {"seek to the end", [](Session &s) { s.seekToTime(s.endTime()); }},
        {"seek back", [](Session &s) { s.seekToTime(s.endTime() / 3); }},
        {"step back", [](Session &s) { s.stepBack(); }},
        {"seek forward", [](Session &s) { s.seekToTime(s.endTime() * 2 / 3); }},
        {"seek to an event", [](Session &s) { s.seekToEvent(int(s.eventCount() / 2)); }},
        {"seek back to the start", [](Session &s) { s.seekToTime(0); }},
        {"steps again", [](Session &s) { for (int i = 0; i < 6; ++i) s.stepEvent(); }},
        // The run is made again with the user's cancel: the rows shown stay, what follows differs.
        {"cancel by the user", [](Session &s) { s.cancelTask(QStringLiteral("main")); }},
        {"steps after the cancel", [](Session &s) { for (int i = 0; i < 20; ++i) s.stepEvent(); }},
        {"restart", [](Session &s) { s.restart(); }},
        {"seek to the end again", [](Session &s) { s.seekToTime(s.endTime()); }},
    };
}

} // namespace

class TestLogModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterFollowsTheLog_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("warningsOnly");
        QTest::addColumn<bool>("resetsOnSeek");
        for (const bool resets : {false, true}) {
            const char *mode = resets ? "resets on seek" : "keeps rows on seek";
            QTest::addRow("no filter, %s", mode) << "swift-make-soup" << "" << "" << false << resets;
            QTest::addRow("a subtree, %s", mode) << "swift-make-soup" << "main/makeSoup/chopIngredients" << "" << false << resets;
            QTest::addRow("one task, %s", mode) << "swift-make-soup" << "main/makeSoup/chopIngredients/chop[1]"
                                                << "" << false << resets;
            QTest::addRow("a kind, %s", mode) << "swift-make-soup" << "" << "cancel-request" << false << resets;
            QTest::addRow("a kind in a subtree, %s", mode) << "swift-make-soup" << "main/makeSoup" << "checkpoint" << false << resets;
            QTest::addRow("an unknown kind, %s", mode) << "swift-make-soup" << "" << "no-such-kind" << false << resets;
            QTest::addRow("warnings, %s", mode) << "swift-task-group-cancel-all" << "" << "" << true << resets;
            QTest::addRow("warnings in a subtree, %s", mode) << "swift-task-group-cancel-all" << "main/group" << "" << true << resets;
        }
    }
    void filterFollowsTheLog()
    {
        QFETCH(QString, lesson);
        QFETCH(QString, task);
        QFETCH(QString, kind);
        QFETCH(bool, warningsOnly);
        QFETCH(bool, resetsOnSeek);
        Session session;
        EventFilterModel filter;
        filter.setResetsOnSeek(resetsOnSeek);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        testing::AnnouncedData announced(&filter);  // what a view of it sees
        filter.setSourceModel(session.events());
        filter.setTask(task);
        filter.setKind(kind);
        filter.setWarningsOnly(warningsOnly);
        QVERIFY(session.open(lesson));
        bool showedSome = false;
        for (const auto &[name, move] : moves()) {
            move(session);
            const QList<qint64> expected = expectedSeqs(*session.events(), task, kind, warningsOnly);
            QVERIFY2(shownSeqs(filter, EventLogModel::SeqRole) == expected, qPrintable(name));
            QVERIFY2(announced.announced() == announced.now(), qPrintable(name));
            showedSome |= !expected.isEmpty();
        }
        QCOMPARE(showedSome, kind != u"no-such-kind");
        // A filter changed midway starts from the rows shown.
        filter.setTask(QString());
        filter.setKind(QString());
        filter.setWarningsOnly(false);
        QCOMPARE(filter.rowCount(), session.events()->rowCount());
    }

    void consoleFollowsTheRun()
    {
        Session session;
        QAbstractItemModelTester tester(session.consoleLines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(session.open("asyncio-shield"));
        for (const auto &[name, move] : moves()) {
            move(session);
            QStringList shown;
            for (int row = 0; row < session.consoleLines()->rowCount(); ++row)
                shown << session.consoleLines()->index(row).data(ConsoleModel::TextRole).toString();
            QVERIFY2(shown == expectedLines(session), qPrintable(name));
            QCOMPARE(session.console(), shown.isEmpty() ? QString() : shown.join(u'\n') + u'\n');
        }
        QVERIFY(session.consoleLines()->rowCount() > 0);
    }
};

QTEST_MAIN(TestLogModels)
#include "tst_logmodels.moc"
