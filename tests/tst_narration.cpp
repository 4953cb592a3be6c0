// Narrated lessons: the "captions" and "predict" arrays of a scenario file (loader messages, the
// writer's round trip), how a selector names one event of a run, the matcher the player feeds
// event by event, the predict score, and every built-in lesson's narration against its own runs.
#include "engine.h"
#include "jsonpointerlocator.h"
#include "lessons.h"
#include "narration.h"
#include "scenarioedit.h"
#include "scenarioloader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace cascade;
using namespace Qt::StringLiterals;

namespace {

// main starts job, cancels it at 100 ms, prints "a" twice and awaits it (asyncio and Kotlin).
const char Base[] = R"({"cascade": "scenario", "version": 1, "id": "t", "title": {"en": "T", "ko": "T"},
 "runtimes": ["asyncio", "kotlin"],
 "root": {"name": "main", "steps": [
   {"do": "spawn", "link": "unstructured", "task": {"name": "job", "steps": [{"do": "sleep", "ms": 1000}]}},
   {"do": "sleep", "ms": 100}, {"do": "cancel", "task": "job"},
   {"do": "print", "text": "a"}, {"do": "print", "text": "a"},
   {"do": "try", "steps": [{"do": "join", "task": "job"}], "catch": [{"error": "cancellation"}]}]}})";

QByteArray withNarration(const QByteArray &members)
{
    QByteArray text = Base;
    text.chop(1);  // the closing brace of the top-level object
    return text + ",\n " + members + "}";
}

QByteArray caption(const QByteArray &on, const QByteArray &extra = {})
{
    return R"({"on": )" + on + R"(, "text": {"en": "x", "ko": "엑스"})" + extra + "}";
}

QByteArray question(const QByteArray &before, const QByteArray &rest)
{
    return R"({"before": )" + before + R"(, "question": {"en": "q", "ko": "질문"}, )" + rest + "}";
}

const QByteArray TwoChoices = R"("choices": [{"en": "a", "ko": "가"}, {"en": "b", "ko": "나"}])";
const QByteArray Explained = R"("explanation": {"en": "e", "ko": "설명"})";

Scenario load(const QByteArray &text)
{
    QString error;
    const std::optional<Scenario> scenario = ScenarioLoader::parse(text, u"t.json"_s, &error);
    if (!scenario)
        qFatal("%s", qPrintable(error));
    return *scenario;
}

//! "t task ev" of an event, as the rows name the events they expect.
QString describe(const TraceEvent &event, const TaskPathResolver &path)
{
    return u"%1 %2 %3"_s.arg(event.t).arg(path(event.task), QLatin1String(eventKindName(event.kind)));
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

} // namespace

class TestNarration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void malformed_data();
    void malformed();
    void roundTrip();
    void selectors_data();
    void selectors();
    void runtimesFilter();
    void sharedEventIsAProblem();
    void matcherFeedsEventByEvent();
    void predictScore();
    void narrationFollowsEdits_data();
    void narrationFollowsEdits();
    void everyLessonIsNarrated_data();
    void everyLessonIsNarrated();
};

void TestNarration::malformed_data()
{
    QTest::addColumn<QByteArray>("members");   // added to the top-level object
    QTest::addColumn<QByteArray>("at");        // the message's line:column is where this text starts
    QTest::addColumn<QString>("expected");     // the message after "t.json:LINE:COLUMN: "

    const QByteArray jobEnd = R"({"task": "main/job", "event": "end"})";
    QTest::addRow("captions not an array") << QByteArray(R"("captions": {"on": 1})") << QByteArray(R"({"on": 1})")
        << u"/captions: must be an array of caption objects {\"on\": ..., \"text\": ...}, got an object"_s;
    QTest::addRow("caption without on") << QByteArray(R"("captions": [{"text": {"en": "x", "ko": "엑스"}}])")
        << QByteArray(R"({"text")") << u"/captions/0: missing required key \"on\" for a caption"_s;
    QTest::addRow("unknown caption key") << "\"captions\": [" + caption(jobEnd, R"(, "paws": true)") + "]"
        << QByteArray(R"("paws")") << u"/captions/0/paws: unknown key \"paws\"; expected one of: on, text, pause, runtimes, note"_s;
    QTest::addRow("unknown event kind") << "\"captions\": [" + caption(R"({"task": "main/job", "event": "cancel-requested"})") + "]"
        << QByteArray(R"("cancel-requested")") << u"/captions/0/on/event: unknown event kind \"cancel-requested\"; expected one of: spawn, start"_s;
    QTest::addRow("field of another kind") << "\"captions\": [" + caption(R"({"task": "main/job", "event": "end", "cause": "user"})") + "]"
        << QByteArray(R"("cause")") << u"/captions/0/on/cause: unknown key \"cause\"; expected one of: task, event, occurrence, outcome, error, note"_s;
    QTest::addRow("no such task") << "\"captions\": [" + caption(R"({"task": "main/jobb", "event": "end"})") + "]"
        << QByteArray(R"("main/jobb")") << u"/captions/0/on/task: task path 'main/jobb': no task 'jobb' under 'main'; valid names there: job"_s;
    QTest::addRow("bad cause") << "\"captions\": [" + caption(R"({"task": "main/job", "event": "cancel-request", "cause": "users"})") + "]"
        << QByteArray(R"("users")") << u"/captions/0/on/cause: must be \"user\", \"code\", \"parent\", \"timeout\", \"failure\", \"awaiter\" or \"shutdown\", got \"users\""_s;
    QTest::addRow("deadline cause") << "\"captions\": [" + caption(R"({"task": "main", "event": "deadline-set", "cause": "parent"})") + "]"
        << QByteArray(R"("parent")") << u"/captions/0/on/cause: must be \"code\" or \"user\", got \"parent\""_s;
    QTest::addRow("boolean field") << "\"captions\": [" + caption(R"({"task": "main/job", "event": "checkpoint", "cancelled": "yes"})") + "]"
        << QByteArray(R"("yes")") << u"/captions/0/on/cancelled: must be true or false, got \"yes\""_s;
    QTest::addRow("number field") << "\"captions\": [" + caption(R"({"task": "main/job", "event": "work", "ms": -1})") + "]"
        << QByteArray("-1") << u"/captions/0/on/ms: must be a whole number of milliseconds from 0 to 31536000000, got -1"_s;
    QTest::addRow("path field") << "\"captions\": [" + caption(R"({"task": "main/job", "event": "cancel-request", "from": "mian"})") + "]"
        << QByteArray(R"("mian")") << u"/captions/0/on/from: task path 'mian': no task 'mian' at the top; valid names there: main"_s;
    QTest::addRow("empty text field") << "\"captions\": [" + caption(R"({"task": "main", "event": "print", "text": " "})") + "]"
        << QByteArray(R"(" ")") << u"/captions/0/on/text: must not be empty"_s;
    QTest::addRow("occurrence zero") << "\"captions\": [" + caption(R"({"task": "main", "event": "print", "occurrence": 0})") + "]"
        << QByteArray(R"(0}, "text")") << u"/captions/0/on/occurrence: must be a whole number (1 for the first) from 1 to 1000000, got 0"_s;
    QTest::addRow("pause not boolean") << "\"captions\": [" + caption(jobEnd, R"(, "pause": 1)") + "]"
        << QByteArray(R"(1}])") << u"/captions/0/pause: must be true or false, got 1"_s;
    QTest::addRow("runtime of another scenario") << "\"captions\": [" + caption(jobEnd, R"(, "runtimes": ["kotlin", "swift"])") + "]"
        << QByteArray(R"("swift")") << u"/captions/0/runtimes/1: \"swift\" is not one of the scenario's runtimes (asyncio, kotlin)"_s;
    QTest::addRow("text without Korean") << QByteArray(R"("captions": [{"on": {"task": "main", "event": "start"}, "text": {"en": "x"}}])")
        << QByteArray(R"({"en": "x"})") << u"/captions/0/text: missing required key \"ko\" (text needs English \"en\" and Korean \"ko\")"_s;
    QTest::addRow("one choice") << "\"predict\": [" + question(jobEnd, R"("choices": [{"en": "a", "ko": "가"}], "answer": 0, )" + Explained) + "]"
        << QByteArray(R"([{"en": "a")") << u"/predict/0/choices: must be an array of 2 to 4 text objects {\"en\": \"...\", \"ko\": \"...\"}, got 1 choices"_s;
    QTest::addRow("answer out of range") << "\"predict\": [" + question(jobEnd, TwoChoices + R"(, "answer": 2, )" + Explained) + "]"
        << QByteArray(R"(2, ")") << u"/predict/0/answer: must be the index of the right choice (counting from 0) from 0 to 1, got 2"_s;
    QTest::addRow("no explanation") << "\"predict\": [" + question(jobEnd, TwoChoices + R"(, "answer": 1)") + "]"
        << QByteArray(R"({"before")") << u"/predict/0: missing required key \"explanation\" for a predict question"_s;
    QTest::addRow("unknown top-level key") << QByteArray(R"("caption": [])") << QByteArray(R"("caption")")
        << u"/caption: unknown key \"caption\"; expected one of: cascade, version, id, title, explanation, runtimes, root, captions, predict, note"_s;
}

void TestNarration::malformed()
{
    QFETCH(QByteArray, members);
    QFETCH(QByteArray, at);
    QFETCH(QString, expected);

    const QByteArray text = withNarration(members);
    QString error;
    QVERIFY2(!ScenarioLoader::parse(text, u"t.json"_s, &error), text.constData());
    const qsizetype offset = text.indexOf(at, text.indexOf(members));
    QVERIFY(offset >= 0);
    const jsontext::TextPosition position = jsontext::positionAt(text, offset);
    const QString prefix = u"t.json:%1:%2: "_s.arg(position.line).arg(position.column);
    QVERIFY2(error.startsWith(prefix), qPrintable(u"expected prefix %1\n   got message %2"_s.arg(prefix, error)));
    QVERIFY2(error.mid(prefix.size()).startsWith(expected), qPrintable(u"expected %1\n        got %2"_s.arg(expected, error)));
}

void TestNarration::roundTrip()
{
    // Every optional part: pause, runtimes, occurrence, fields of each type, a question.
    const Scenario scenario = load(withNarration(
        R"("captions": [
            {"on": {"task": "main/job", "event": "cancel-request", "cause": "code", "from": "main"}, "pause": true, "text": {"en": "asked", "ko": "요청"}},
            {"on": {"task": "main", "event": "print", "occurrence": 2, "text": "a"}, "runtimes": ["kotlin"], "text": {"en": "second", "ko": "두 번째"}},
            {"on": {"task": "main/job", "event": "suspend", "ms": 1000, "on": "sleep"}, "text": {"en": "sleeps", "ko": "잔다"}},
            {"on": {"task": "main", "event": "catch", "rethrown": false}, "text": {"en": "caught", "ko": "잡았다"}}],
           "predict": [{"before": {"task": "main/job", "event": "cancel-deliver"}, "runtimes": ["asyncio"],
             "question": {"en": "where?", "ko": "어디서?"},
             "choices": [{"en": "sleep", "ko": "sleep"}, {"en": "join", "ko": "join"}, {"en": "never", "ko": "없음"}],
             "answer": 0, "explanation": {"en": "at the await", "ko": "await에서"}}])"));
    QCOMPARE(scenario.captions.size(), std::size_t(4));
    QCOMPARE(scenario.captions[0].on.fields, (std::vector<std::pair<QString, QString>>{{u"cause"_s, u"code"_s}, {u"from"_s, u"main"_s}}));
    QCOMPARE(scenario.captions[1].on.occurrence, 2);
    QCOMPARE(scenario.captions[1].runtimes, std::vector<Runtime>{Runtime::Kotlin});
    // Fields in trace order, whatever the file's: "on" before "ms" for a suspend.
    QCOMPARE(scenario.captions[2].on.fields, (std::vector<std::pair<QString, QString>>{{u"on"_s, u"sleep"_s}, {u"ms"_s, u"1000"_s}}));
    QCOMPARE(scenario.captions[3].on.fields.front().second, u"false"_s);
    QCOMPARE(scenario.captions[0].pointer, u"/captions/0"_s);
    QCOMPARE(scenario.questions.size(), std::size_t(1));
    QCOMPARE(scenario.questions[0].choices.size(), std::size_t(3));

    const QByteArray written = scenarioToJson(scenario);
    QVERIFY(written.contains(R"("captions": [)") && written.contains(R"("predict": [)"));
    QVERIFY2(written.indexOf(R"("root")") < written.indexOf(R"("captions")"), written.constData());
    QVERIFY(written.contains(R"("ms": 1000)") && written.contains(R"("rethrown": false)"));
    QString error;
    const std::optional<Scenario> reread = ScenarioLoader::parse(written, u"written"_s, &error);
    QVERIFY2(reread, qPrintable(error + u'\n' + QString::fromUtf8(written)));
    QVERIFY(reread->captions == scenario.captions);
    QVERIFY(reread->questions == scenario.questions);
    QCOMPARE(scenarioToJson(*reread), written);
}

void TestNarration::selectors_data()
{
    QTest::addColumn<QByteArray>("selector");
    QTest::addColumn<QString>("expected");  // "t task ev" of the event it names, or part of the problem

    QTest::addRow("unique") << QByteArray(R"({"task": "main/job", "event": "cancel-deliver"})") << u"100 main/job cancel-deliver"_s;
    QTest::addRow("two match") << QByteArray(R"({"task": "main", "event": "print"})") << u"2 events match; give an \"occurrence\""_s;
    QTest::addRow("occurrence") << QByteArray(R"({"task": "main", "event": "print", "occurrence": 2})") << u"100 main print"_s;
    QTest::addRow("occurrence too far") << QByteArray(R"({"task": "main", "event": "print", "occurrence": 3})")
                                        << u"occurrence 3, but only 2 events match"_s;
    QTest::addRow("enum and path fields") << QByteArray(R"({"task": "main/job", "event": "cancel-request", "cause": "code", "from": "main"})")
                                          << u"100 main/job cancel-request"_s;
    QTest::addRow("a field that differs") << QByteArray(R"({"task": "main/job", "event": "cancel-request", "cause": "user"})")
                                          << u"no event of this run matches"_s;
    QTest::addRow("number field") << QByteArray(R"({"task": "main/job", "event": "suspend", "ms": 1000})") << u"0 main/job suspend"_s;
    QTest::addRow("number field differs") << QByteArray(R"({"task": "main/job", "event": "suspend", "ms": 999})")
                                          << u"no event of this run matches"_s;
    QTest::addRow("boolean field") << QByteArray(R"({"task": "main", "event": "catch", "rethrown": false})") << u"100 main catch"_s;
    QTest::addRow("text fields") << QByteArray(R"({"task": "main/job", "event": "end", "outcome": "cancelled", "error": "CancelledError"})")
                                 << u"100 main/job end"_s;
    QTest::addRow("another task") << QByteArray(R"({"task": "main", "event": "cancel-deliver"})") << u"no event of this run matches"_s;
}

void TestNarration::selectors()
{
    QFETCH(QByteArray, selector);
    QFETCH(QString, expected);

    const Scenario scenario = load(withNarration("\"captions\": [" + caption(selector) + "]"));
    Engine engine(scenario, Runtime::Asyncio);
    engine.runToEnd();
    const TaskPathResolver path = engine.pathResolver();
    const NarrationPlan plan = planNarration(scenario, Runtime::Asyncio, engine.events(), path);
    QCOMPARE(plan.captions.size(), std::size_t(1));
    const NarrationPlacement &placement = plan.captions.front();
    if (placement.seq >= 0) {
        QCOMPARE(placement.problem, QString());
        QCOMPARE(describe(engine.events()[std::size_t(placement.seq)], path), expected);
        QCOMPARE(plan.captionsAt(placement.seq), std::vector<int>{0});
        QVERIFY(plan.problems().isEmpty());
    } else {
        QVERIFY2(placement.problem.contains(expected), qPrintable(placement.problem));
        QVERIFY2(placement.problem.startsWith(u"/captions/0 (main"_s), qPrintable(placement.problem));
        QCOMPARE(plan.problems(), QStringList{placement.problem});
    }
}

void TestNarration::runtimesFilter()
{
    // Written for Kotlin only: skipped under asyncio (no problem), placed under Kotlin.
    const Scenario scenario = load(withNarration(
        "\"captions\": [" + caption(R"({"task": "main/job", "event": "cancel-deliver"})", R"(, "runtimes": ["kotlin"])") + "]"));
    for (Runtime runtime : {Runtime::Asyncio, Runtime::Kotlin}) {
        Engine engine(scenario, runtime);
        engine.runToEnd();
        const NarrationPlan plan = planNarration(scenario, runtime, engine.events(), engine.pathResolver());
        QCOMPARE(plan.captions.front().applies, runtime == Runtime::Kotlin);
        QCOMPARE(plan.captions.front().seq >= 0, runtime == Runtime::Kotlin);
        QVERIFY(plan.problems().isEmpty());
        NarrationMatcher matcher(scenario, runtime);
        int cues = 0;
        for (const TraceEvent &event : engine.events())
            cues += int(matcher.feed(event, engine.pathResolver()).captions.size());
        QCOMPARE(cues, runtime == Runtime::Kotlin ? 1 : 0);
    }
}

void TestNarration::sharedEventIsAProblem()
{
    const QByteArray on = R"({"task": "main/job", "event": "end"})";
    const Scenario scenario = load(withNarration("\"captions\": [" + caption(on) + ", " + caption(on) + "]"));
    Engine engine(scenario, Runtime::Asyncio);
    engine.runToEnd();
    const NarrationPlan plan = planNarration(scenario, Runtime::Asyncio, engine.events(), engine.pathResolver());
    QCOMPARE(plan.problems().size(), 1);
    QVERIFY2(plan.problems().front().startsWith(u"/captions/0 and /captions/1 are on the same event"_s),
             qPrintable(plan.problems().front()));
}

void TestNarration::matcherFeedsEventByEvent()
{
    // A question before the delivery, a pausing caption with it, another caption later.
    const Scenario scenario = load(withNarration(
        "\"captions\": [" + caption(R"({"task": "main/job", "event": "cancel-deliver"})", R"(, "pause": true)") + ", "
        + caption(R"({"task": "main", "event": "print", "occurrence": 2})") + "], \"predict\": ["
        + question(R"({"task": "main/job", "event": "cancel-deliver"})", TwoChoices + R"(, "answer": 0, )" + Explained) + "]"));
    Engine engine(scenario, Runtime::Asyncio);
    engine.runToEnd();
    const TaskPathResolver path = engine.pathResolver();
    NarrationMatcher matcher(scenario, Runtime::Asyncio);
    for (int pass = 0; pass < 2; ++pass) {  // the second pass after reset(): a replay from 0
        QStringList cues;
        for (const TraceEvent &event : engine.events()) {
            const NarrationMatcher::Cue cue = matcher.feed(event, path);
            if (cue.isEmpty())
                continue;
            cues << u"%1: questions %2, captions %3%4"_s.arg(describe(event, path))
                        .arg(cue.questionsBefore.size())
                        .arg(cue.captions.size())
                        .arg(cue.pause ? u", pause"_s : QString());
        }
        QCOMPARE(cues, (QStringList{u"100 main print: questions 0, captions 1"_s,
                                    u"100 main/job cancel-deliver: questions 1, captions 1, pause"_s}));
        matcher.reset();
    }
}

void TestNarration::predictScore()
{
    const Scenario scenario = load(withNarration(
        "\"predict\": [" + question(R"({"task": "main/job", "event": "end"})", TwoChoices + R"(, "answer": 1, )" + Explained) + ", "
        + question(R"({"task": "main", "event": "end"})", TwoChoices + R"(, "answer": 0, )" + Explained) + "]"));
    PredictScore score;
    QVERIFY(score.answer(scenario, 0, 1));
    QVERIFY(!score.answer(scenario, 1, 1));
    QVERIFY(score.answer(scenario, 1, 0));  // right, but the first answer counts
    QCOMPARE(score.answeredCount(), 2);
    QCOMPARE(score.correctCount(), 1);
    QCOMPARE(score.chosen(1), 1);
    QVERIFY(!score.answer(scenario, 7, 0));  // no such question: nothing recorded
    QCOMPARE(score.answeredCount(), 2);
    score.clear();
    QCOMPARE(score.answeredCount(), 0);
    QCOMPARE(score.correctCount(), 0);
    QVERIFY(!score.answered(0));
}

void TestNarration::narrationFollowsEdits_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QStringList>("captions");  // "task event" of each caption left, in order
    QTest::addColumn<int>("questions");

    const QString soup = u"swift-make-soup"_s;
    QTest::addRow("rename a counted task") << soup << u"rename main/makeSoup/chopIngredients/chop cut"_s
        << QStringList{u"main/makeSoup/chopIngredients/cut[0] work"_s, u"main/makeSoup cancel-request"_s,
                       u"main/makeSoup/chopIngredients/cut[3] cancel-request"_s, u"main/makeSoup/marinate cancel-deliver"_s,
                       u"main/makeSoup/boil end"_s, u"main/makeSoup/chopIngredients/cut[2] checkpoint"_s,
                       u"main/makeSoup end"_s, u"main catch"_s} << 2;
    QTest::addRow("rename a task with children") << soup << u"rename main/makeSoup soup"_s
        << QStringList{u"main/soup/chopIngredients/chop[0] work"_s, u"main/soup cancel-request"_s,
                       u"main/soup/chopIngredients/chop[3] cancel-request"_s, u"main/soup/marinate cancel-deliver"_s,
                       u"main/soup/boil end"_s, u"main/soup/chopIngredients/chop[2] checkpoint"_s,
                       u"main/soup end"_s, u"main catch"_s} << 2;
    QTest::addRow("remove a task") << soup << u"remove main/makeSoup/marinate"_s
        << QStringList{u"main/makeSoup/chopIngredients/chop[0] work"_s, u"main/makeSoup cancel-request"_s,
                       u"main/makeSoup/chopIngredients/chop[3] cancel-request"_s, u"main/makeSoup/boil end"_s,
                       u"main/makeSoup/chopIngredients/chop[2] checkpoint"_s, u"main/makeSoup end"_s, u"main catch"_s} << 1;
    QTest::addRow("steps without the group") << soup << u"steps main/makeSoup"_s
        << QStringList{u"main/makeSoup cancel-request"_s, u"main/makeSoup end"_s, u"main catch"_s} << 0;
    QTest::addRow("another child") << soup << u"add main/makeSoup/boil"_s
        << QStringList{u"main/makeSoup/chopIngredients/chop[0] work"_s, u"main/makeSoup cancel-request"_s,
                       u"main/makeSoup/chopIngredients/chop[3] cancel-request"_s, u"main/makeSoup/marinate cancel-deliver"_s,
                       u"main/makeSoup/boil end"_s, u"main/makeSoup/chopIngredients/chop[2] checkpoint"_s,
                       u"main/makeSoup end"_s, u"main catch"_s} << 2;
    // Written for Kotlin and Swift only: gone with those runtimes.
    QTest::addRow("fewer runtimes") << u"contrast-catch-all"_s << u"runtimes asyncio"_s
        << QStringList{u"main/worker suspend"_s, u"main/worker cancel-request"_s, u"main/worker cancel-deliver"_s,
                       u"main/worker end"_s, u"main catch"_s} << 1;
}

void TestNarration::narrationFollowsEdits()
{
    QFETCH(QString, lesson);
    QFETCH(QString, edit);
    QFETCH(QStringList, captions);
    QFETCH(int, questions);
    QString error;
    const std::optional<Scenario> scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    const QStringList words = edit.split(u' ');
    EditResult result;
    if (words[0] == "rename"_L1)
        result = ScenarioEdit::renameTask(*scenario, words[1], words[2]);
    else if (words[0] == "remove"_L1)
        result = ScenarioEdit::removeTask(*scenario, words[1]);
    else if (words[0] == "add"_L1)
        result = ScenarioEdit::addChild(*scenario, words[1], ChildLink::Structured);
    else if (words[0] == "runtimes"_L1)
        result = ScenarioEdit::setRuntimes(*scenario, {Runtime::Asyncio});
    else
        result = ScenarioEdit::setSteps(*scenario, words[1], QJsonArray{QJsonObject{{u"do"_s, u"sleep"_s}, {u"ms"_s, 3000}}});
    QVERIFY2(result, qPrintable(result.error));

    QStringList left;
    for (const Caption &caption : result.scenario->captions)
        left << caption.on.task + u' ' + caption.on.event;
    QCOMPARE(left, captions);
    QCOMPARE(int(result.scenario->questions.size()), questions);
    for (std::size_t i = 0; i < result.scenario->captions.size(); ++i)
        QCOMPARE(result.scenario->captions[i].pointer, u"/captions/%1"_s.arg(i));
    // What is left is a valid file: written and read back unchanged.
    const QByteArray written = scenarioToJson(*result.scenario);
    const std::optional<Scenario> reread = ScenarioLoader::parse(written, u"edited"_s, &error);
    QVERIFY2(reread, qPrintable(error));
    QVERIFY(reread->captions == result.scenario->captions);
    QVERIFY(reread->questions == result.scenario->questions);
}

void TestNarration::everyLessonIsNarrated_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    const QStringList ids = Lessons::ids();
    QCOMPARE(ids.size(), 24);
    for (const QString &id : ids) {
        QString error;
        const std::optional<Scenario> scenario = Lessons::load(id, &error);
        QVERIFY2(scenario, qPrintable(error));
        for (Runtime runtime : scenario->runtimes)
            QTest::addRow("%s/%s", qPrintable(id), qPrintable(runtimeName(runtime))) << id << int(runtime);
    }
}

void TestNarration::everyLessonIsNarrated()
{
    // Every caption and question written for this runtime names exactly one event of the lesson's
    // own run, and the matcher the player uses finds the same events.
    QFETCH(QString, lesson);
    QFETCH(int, runtime);
    QString error;
    const std::optional<Scenario> scenario = Lessons::load(lesson, &error);
    QVERIFY2(scenario, qPrintable(error));
    Engine engine(*scenario, Runtime(runtime));
    engine.runToEnd();
    const TaskPathResolver path = engine.pathResolver();
    const NarrationPlan plan = planNarration(*scenario, Runtime(runtime), engine.events(), path);
    QVERIFY2(plan.problems().isEmpty(), qPrintable(plan.problems().join(u'\n')));

    const auto applying = [](const std::vector<NarrationPlacement> &list) {
        return std::count_if(list.begin(), list.end(), [](const NarrationPlacement &p) { return p.applies; });
    };
    QVERIFY2(applying(plan.captions) >= 3 && applying(plan.captions) <= 8, qPrintable(QString::number(applying(plan.captions))));
    QVERIFY(applying(plan.questions) >= 1);
    for (const Caption &caption : scenario->captions)
        QVERIFY2(hasHangul(caption.text.ko), qPrintable(caption.pointer));
    for (const PredictQuestion &question : scenario->questions) {
        QVERIFY2(hasHangul(question.question.ko) && hasHangul(question.explanation.ko), qPrintable(question.pointer));
        QVERIFY(question.answer >= 0 && std::size_t(question.answer) < question.choices.size());
    }

    NarrationMatcher matcher(*scenario, Runtime(runtime));
    for (const TraceEvent &event : engine.events()) {
        const NarrationMatcher::Cue cue = matcher.feed(event, path);
        QCOMPARE(cue.captions, plan.captionsAt(event.seq));
        QCOMPARE(cue.questionsBefore, plan.questionsBefore(event.seq));
        const bool pause = std::any_of(cue.captions.begin(), cue.captions.end(),
                                       [&](int i) { return scenario->captions[std::size_t(i)].pause; });
        QCOMPARE(cue.pause, pause);
    }
}

QTEST_GUILESS_MAIN(TestNarration)
#include "tst_narration.moc"
