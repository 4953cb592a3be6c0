// The teaching layer's models in the window: warnings on the task list and in the event log (as
// their events are shown, in both languages, through steps back), the log's warnings filter, and
// CauseChainModel ("why was I cancelled") over the events shown so far.

#include "causechainmodel.h"
#include "eventfiltermodel.h"
#include "modeltesthelpers.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace cascade;

namespace {

constexpr int MaxSteps = 100'000;

//! Steps the session until `done` holds (checked before each step); false if the run ends first.
template<typename Done>
bool stepUntil(Session &session, Done done)
{
    for (int i = 0; i < MaxSteps; ++i) {
        if (done())
            return true;
        if (session.finished())
            return false;
        session.stepEvent();
    }
    return false;
}

QString roleOf(Session &session, const QString &path, int role)
{
    const int row = session.tasks()->rowOfPath(path);
    return row < 0 ? QStringLiteral("<no row>") : session.tasks()->index(row).data(role).toString();
}

//! The warnings the log shows, as "seq: summary".
QStringList logWarnings(const QAbstractItemModel &log)
{
    QStringList out;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex at = log.index(row, 0);
        if (!at.data(EventLogModel::WarningRole).toString().isEmpty())
            out << QStringLiteral("%1: %2").arg(at.data(EventLogModel::SeqRole).toLongLong())
                       .arg(at.data(EventLogModel::WarningRole).toString());
    }
    return out;
}

QStringList chainRows(const CauseChainModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex at = model.index(row);
        rows << QStringLiteral("%1 %2: %3").arg(at.data(CauseChainModel::TimeRole).toLongLong())
                    .arg(at.data(CauseChainModel::TaskRole).toString(), at.data(CauseChainModel::TextRole).toString());
    }
    return rows;
}

} // namespace

class TestTeachingModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aWarningShowsOnItsTaskWhenItsEventIs();
    void everyLessonShowsItsWarnings_data() { testing::addLessonRuntimeRows(); }
    void everyLessonShowsItsWarnings();
    void theLogFiltersItsWarnings();
    void whyFollowsTheEventsShown();
    void whyExplainsAFailureAndACompletion();
    void whySpeaksKorean();
};

void TestTeachingModels::aWarningShowsOnItsTaskWhenItsEventIs()
{
    Session session;
    QAbstractItemModelTester tasks(session.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester log(session.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(session.open("asyncio-swallow"));
    const QString task = "main/long_task";
    const std::vector<TraceWarning> warnings = findWarnings(session.trace(), Runtime::Asyncio, session.paths());
    QCOMPARE(warnings.size(), std::size_t(1));
    const qint64 seq = warnings.front().seq;
    QSignalSpy changed(session.tasks(), &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());

    QVERIFY(stepUntil(session, [&] { return session.shownEvents() == seq; }));
    QCOMPARE(roleOf(session, task, TaskListModel::WarningRole), QString());
    QCOMPARE(roleOf(session, task, TaskListModel::WarningKindRole), QString());
    QVERIFY(session.tasks()->info(task).value("warnings").toList().isEmpty());
    changed.clear();
    session.stepEvent();  // the catch that swallows it
    QCOMPARE(roleOf(session, task, TaskListModel::WarningKindRole), "swallowed-cancellation");
    QCOMPARE(roleOf(session, task, TaskListModel::WarningRole), warnings.front().summary.en);
    const bool announced = std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &args) {
        return args.at(0).toModelIndex().row() == session.tasks()->rowOfPath(task)
            && args.at(2).value<QList<int>>().contains(TaskListModel::WarningRole);
    });
    QVERIFY(announced);
    QCOMPARE(roleOf(session, "main", TaskListModel::WarningRole), QString());  // on that task only

    // The inspector's view: the summary and the paragraph, with the moment.
    const QVariantList listed = session.tasks()->info(task).value("warnings").toList();
    QCOMPARE(listed.size(), 1);
    const QVariantMap warning = listed.front().toMap();
    QCOMPARE(warning.value("kind").toString(), "swallowed-cancellation");
    QCOMPARE(warning.value("explanation").toString(), warnings.front().explanation.en);
    QCOMPARE(warning.value("seq").toLongLong(), seq);
    QCOMPARE(warning.value("t").toLongLong(), 500);

    // The log marks the row of the catch.
    QCOMPARE(logWarnings(*session.events()), QStringList{QStringLiteral("%1: %2").arg(seq).arg(warnings.front().summary.en)});
    QCOMPARE(session.events()->index(int(seq)).data(EventLogModel::WarningExplanationRole).toString(),
             warnings.front().explanation.en);
    QCOMPARE(session.events()->get(int(seq)).value("warning").toString(), warnings.front().summary.en);

    // Korean: both models say it again, and say so.
    changed.clear();
    QSignalSpy logChanged(session.events(), &QAbstractItemModel::dataChanged);
    QVERIFY(logChanged.isValid());
    session.tasks()->setLanguage("ko");
    session.events()->setLanguage("ko");
    QCOMPARE(roleOf(session, task, TaskListModel::WarningRole), warnings.front().summary.ko);
    QCOMPARE(session.tasks()->info(task).value("warnings").toList().front().toMap().value("explanation").toString(),
             warnings.front().explanation.ko);
    QCOMPARE(session.events()->index(int(seq)).data(EventLogModel::WarningRole).toString(), warnings.front().summary.ko);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(logChanged.size(), 1);

    // A step back before it takes it away; a seek past it brings it back (both from the seek index).
    session.stepBack();
    QCOMPARE(roleOf(session, task, TaskListModel::WarningRole), QString());
    QVERIFY(logWarnings(*session.events()).isEmpty());
    session.seekToEvent(int(seq + 1));
    QCOMPARE(roleOf(session, task, TaskListModel::WarningKindRole), "swallowed-cancellation");

    // A user action makes the run again with the same prefix: the warning shown stays.
    session.cancelTask("main");
    QCOMPARE(roleOf(session, task, TaskListModel::WarningKindRole), "swallowed-cancellation");
    session.restart();
    QCOMPARE(roleOf(session, task, TaskListModel::WarningKindRole), QString());
}

void TestTeachingModels::everyLessonShowsItsWarnings()
{
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QVERIFY(runtime >= 0);
    Session session;
    QVERIFY(session.open(lesson));
    session.setRuntime(runtimeName(Runtime(runtime)));
    const std::vector<TraceWarning> expected = findWarnings(session.trace(), Runtime(runtime), session.paths());
    session.seekToTime(session.endTime());
    QVERIFY(session.finished());
    // Each task's row names exactly the kinds core finds on it; the log marks exactly their events.
    QHash<QString, QStringList> kinds;
    QStringList events;
    for (const TraceWarning &warning : expected) {
        kinds[session.paths()(warning.task)] << QString::fromLatin1(warningKindName(warning.kind));
        events << QStringLiteral("%1: %2").arg(warning.seq).arg(warning.summary.en);
    }
    for (int row = 0; row < session.tasks()->rowCount(); ++row) {
        const QModelIndex at = session.tasks()->index(row);
        const QString path = at.data(TaskListModel::PathRole).toString();
        QCOMPARE(at.data(TaskListModel::WarningKindRole).toString(), kinds.value(path).join(u' '));
    }
    QCOMPARE(logWarnings(*session.events()), events);
}

void TestTeachingModels::theLogFiltersItsWarnings()
{
    Session session;
    QVERIFY(session.open("swift-task-group-cancel-all"));
    session.seekToTime(session.endTime());
    EventFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(session.events());
    QSignalSpy filterChanged(&filter, &EventFilterModel::filterChanged);
    QVERIFY(filterChanged.isValid());
    filter.setWarningsOnly(true);
    QCOMPARE(filterChanged.size(), 1);
    QCOMPARE(filter.rowCount(), 3);  // three tasks never reach a check point in 500 ms of work
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(filter.index(row, 0).data(EventLogModel::WarningRole).toString().contains("not delivered"));
    filter.setTask("main/group");
    QCOMPARE(filter.rowCount(), 1);
    filter.setWarningsOnly(false);
    QVERIFY(filter.rowCount() > 1);
}

void TestTeachingModels::whyFollowsTheEventsShown()
{
    Session session;
    CauseChainModel why;
    QAbstractItemModelTester tester(&why, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy chainChanged(&why, &CauseChainModel::chainChanged);
    QVERIFY(chainChanged.isValid());
    QVERIFY(session.open("swift-make-soup"));
    why.setSession(&session);
    const QString chop2 = "main/makeSoup/chopIngredients/chop[2]";
    why.setPath(chop2);
    QVERIFY(!why.explains());  // running, nothing asked of it yet
    QCOMPARE(why.verdict(), "running");

    // The request has reached chop[2], and it has not acted on it yet: pending.
    QVERIFY(stepUntil(session, [&] { return session.tasks()->info(chop2).value("pendingSince").toLongLong() >= 0; }));
    QVERIFY(why.explains());
    QCOMPARE(why.verdict(), "running");
    QCOMPARE(chainRows(why), (QStringList{
        "1200 main/makeSoup: cancel requested by code in main (a cancel step)",
        "1200 main/makeSoup/chopIngredients: cancel requested, passed down from main/makeSoup",
        "1200 main/makeSoup/chopIngredients/chop[2]: cancel requested, passed down from main/makeSoup/chopIngredients"}));
    QVERIFY(why.note().contains("Not delivered yet"));
    QVERIFY(why.index(0).data(CauseChainModel::OriginRole).toBool());
    QCOMPARE(why.index(0).data(CauseChainModel::KindRole).toString(), "request");
    QCOMPARE(why.index(2).data(CauseChainModel::NameRole).toString(), "chop[2]");

    // Played on to its end, it explains the end (the chain `cascade why` prints).
    const int before = int(chainChanged.size());
    QVERIFY(stepUntil(session, [&] { return session.tasks()->info(chop2).value("state").toString() == "cancelled"; }));
    QVERIFY(chainChanged.size() > before);
    QCOMPARE(why.verdict(), "cancelled");
    QCOMPARE(why.headline(), "Cancelled at 1500 ms. Why:");
    QCOMPARE(chainRows(why).mid(3), (QStringList{
        "1500 main/makeSoup/chopIngredients/chop[2]: cancellation delivered at its check point, 300 ms after the request",
        "1500 main/makeSoup/chopIngredients/chop[2]: ended cancelled (CancellationError)"}));
    QVERIFY(why.note().isEmpty());
    // The seqs are core's, over the whole run.
    const CauseChain core = explainTask(session.trace(), taskWithPath(session.trace(), session.paths(), chop2), session.paths());
    QCOMPARE(why.rowCount(), int(core.links.size()));
    for (int row = 0; row < why.rowCount(); ++row)
        QCOMPARE(why.index(row).data(CauseChainModel::SeqRole).toLongLong(), core.links[std::size_t(row)].seq);

    // Later events do not explain it again; a step back to before its end does.
    const int settled = int(chainChanged.size());
    session.stepEvent();
    QCOMPARE(int(chainChanged.size()), settled);
    session.seekToEvent(int(core.links.back().seq) - 1);
    QCOMPARE(why.verdict(), "running");
    why.setPath("main/makeSoup/marinate");
    QCOMPARE(why.verdict(), "cancelled");  // at once, in its sleep
    QVERIFY(chainRows(why).join('\n').contains("cancellation delivered in its sleep, at once"));
}

void TestTeachingModels::whyExplainsAFailureAndACompletion()
{
    Session session;
    CauseChainModel why;
    why.setSession(&session);
    QVERIFY(session.open("asyncio-swallow"));
    why.setPath("main/long_task");
    session.seekToTime(session.endTime());
    // Not cancelled: the request it swallowed.
    QCOMPARE(why.verdict(), "completed");
    QVERIFY(why.explains());
    QVERIFY(why.headline().startsWith("Not cancelled: it completed at"));
    QVERIFY(chainRows(why).join('\n').contains("caught its cancellation (CancelledError) and did not re-throw it"));

    // The learner's Fail is said to be theirs.
    QVERIFY(session.open("kotlin-cancel-join"));
    session.stepEvent();
    session.failTask("main/job");
    session.seekToTime(session.endTime());
    why.setPath("main/job");
    QCOMPARE(why.verdict(), "failed");
    QVERIFY2(chainRows(why).join('\n').contains("raised UserError (your Fail action)"), qPrintable(chainRows(why).join('\n')));
    QVERIFY(why.headline().startsWith("Failed with UserError at"));

    why.setPath("main/nothing-of-the-kind");
    QVERIFY(!why.explains());
    QCOMPARE(why.verdict(), "not-spawned");
    QCOMPARE(why.rowCount(), 0);
}

void TestTeachingModels::whySpeaksKorean()
{
    QTranslator korean;
    QVERIFY(korean.load(":/i18n/cascade_ko.qm"));
    Session session;
    CauseChainModel why;
    why.setSession(&session);
    why.setLanguage("en");
    QVERIFY(session.open("swift-make-soup"));
    why.setPath("main/makeSoup/chopIngredients/chop[2]");
    session.seekToTime(session.endTime());
    const QStringList english = chainRows(why);
    QVERIFY(QCoreApplication::installTranslator(&korean));
    QSignalSpy changed(&why, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());
    why.setLanguage("ko");
    QCOMPARE(changed.size(), 1);
    const QStringList words = chainRows(why);
    QCoreApplication::removeTranslator(&korean);
    QCOMPARE(words.size(), english.size());
    for (qsizetype i = 0; i < words.size(); ++i)
        QVERIFY2(words[i] != english[i], qPrintable(words[i]));
    QVERIFY2(words.join('\n').contains("체크 포인트"), qPrintable(words.join('\n')));
    QVERIFY(why.headline().contains("1500"));
}

QTEST_MAIN(TestTeachingModels)

#include "tst_teaching_models.moc"
