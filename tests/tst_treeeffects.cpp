// The tree canvas's animation layer without any GUI: which trace event starts which effect, the
// way a pulse takes through the tree, its pace, the cap, and what it draws. QtCore and QtTest only.

#include "treeeffects.h"

#include <QTest>

#include <algorithm>
#include <limits>

Q_DECLARE_METATYPE(cascade::TreeEventRecord)

using namespace cascade;

namespace {

// main(0) ─ a(1) ─ a1(2)
//         │       └ a2(3)
//         └ b(4) ─ b1(5)
// other(6)            (a second root: unrelated to the rest)
TreeLayout sampleTree()
{
    TreeLayout layout;
    QList<TreeNode> nodes;
    for (auto [path, depth] : {std::pair{"main", 0}, {"main/a", 1}, {"main/a/a1", 2}, {"main/a/a2", 2}, {"main/b", 1},
                               {"main/b/b1", 2}, {"other", 0}}) {
        TreeNode node;
        node.path = QString::fromLatin1(path);
        node.name = node.path.mid(node.path.lastIndexOf(QLatin1Char('/')) + 1);
        node.depth = depth;
        node.state = QStringLiteral("suspended");
        nodes.append(node);
    }
    layout.reset(nodes);
    return layout;
}

TreeEventRecord traceEvent(const char *kind, const char *task, const char *from = "", const char *cause = "")
{
    TreeEventRecord e;
    e.kind = QLatin1String(kind);
    e.task = QLatin1String(task);
    e.from = QLatin1String(from);
    e.cause = QLatin1String(cause);
    return e;
}

QList<int> ints(std::initializer_list<int> list)
{
    return QList<int>(list);
}

} // namespace

class TestTreeEffects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeFollowsTheEdges_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QList<int>>("route");
        QTest::addColumn<int>("upLegs");
        QTest::addRow("parent to child") << 0 << 1 << ints({0, 1}) << 0;
        QTest::addRow("down two levels") << 0 << 5 << ints({0, 4, 5}) << 0;
        QTest::addRow("child to parent") << 2 << 1 << ints({2, 1}) << 1;
        QTest::addRow("sibling to sibling") << 2 << 3 << ints({2, 1, 3}) << 1;
        QTest::addRow("cousins, through main") << 3 << 5 << ints({3, 1, 0, 4, 5}) << 2;
        QTest::addRow("unrelated: straight across") << 1 << 6 << ints({1, 6}) << 0;
    }
    void routeFollowsTheEdges()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QList<int>, route);
        QFETCH(int, upLegs);
        int up = -1;
        QCOMPARE(TreeEffects::route(sampleTree(), from, to, &up), route);
        QCOMPARE(up, upLegs);
    }

    void eventsStartEffects_data()
    {
        QTest::addColumn<TreeEventRecord>("event");
        QTest::addColumn<bool>("starts");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<int>>("route");
        QTest::addColumn<int>("upLegs");
        QTest::addColumn<bool>("failure");
        QTest::addColumn<QString>("label");
        using K = TreeEffectKind;
        TreeEventRecord blocked = traceEvent("cancel-blocked", "main/b", "main");
        blocked.blockedBy = QStringLiteral("shield");
        TreeEventRecord failed = traceEvent("end", "main/a/a2");
        failed.outcome = QStringLiteral("failed");
        TreeEventRecord completed = traceEvent("end", "main/a/a2");
        completed.outcome = QStringLiteral("completed");
        TreeEventRecord passed = traceEvent("checkpoint", "main/a");
        TreeEventRecord raised = traceEvent("checkpoint", "main/a");
        raised.cancelled = true;
        TreeEventRecord delivered = traceEvent("cancel-deliver", "main/a");
        delivered.at = QStringLiteral("sleep");
        TreeEventRecord cleanup = traceEvent("cleanup-enter", "main/a");
        cleanup.cleanup = QStringLiteral("finally");
        TreeEventRecord cleanupDone = traceEvent("cleanup-exit", "main/a");
        cleanupDone.cleanup = QStringLiteral("defer");
        QTest::addRow("parent's request travels down")
            << traceEvent("cancel-request", "main/a", "main", "parent") << true << int(K::Pulse) << ints({0, 1}) << 0 << false
            << "cancel requested (parent)";
        QTest::addRow("a user's request is on the task") << traceEvent("cancel-request", "main/a", "", "user") << true
                                                          << int(K::Request) << ints({1}) << 0 << false
                                                          << "cancel requested (user)";
        QTest::addRow("a sibling's failure: up to the group, then down")
            << traceEvent("cancel-request", "main/a/a1", "main/a/a2", "failure") << true << int(K::Pulse) << ints({3, 1, 2}) << 1
            << false << "cancel requested (failure)";
        QTest::addRow("code cancelling a cousin: all one colour")
            << traceEvent("cancel-request", "main/b/b1", "main/a/a1", "code") << true << int(K::Pulse) << ints({2, 1, 0, 4, 5}) << 0
            << false << "cancel requested (code)";
        QTest::addRow("blocked at a shield") << blocked << true << int(K::Blocked) << ints({0, 4}) << 0 << false
                                             << "blocked: shield";
        QTest::addRow("a failure goes up") << failed << true << int(K::Pulse) << ints({3, 1}) << 1 << true
                                           << "failure from a2";
        QTest::addRow("a completion does nothing") << completed << false << 0 << QList<int>() << 0 << false << "";
        QTest::addRow("check passed") << passed << true << int(K::CheckPassed) << ints({1}) << 0 << false << "check passed";
        QTest::addRow("check raised") << raised << true << int(K::CheckRaised) << ints({1}) << 0 << false
                                      << "check raised the cancellation";
        QTest::addRow("delivered") << delivered << true << int(K::Delivered) << ints({1}) << 0 << false
                                   << "cancellation delivered at sleep";
        QTest::addRow("cleanup starts") << cleanup << true << int(K::CleanupStarted) << ints({1}) << 0 << false
                                        << "finally starts";
        QTest::addRow("cleanup ends") << cleanupDone << true << int(K::CleanupEnded) << ints({1}) << 0 << false
                                      << "defer done";
        QTest::addRow("a print does nothing") << traceEvent("print", "main") << false << 0 << QList<int>() << 0 << false << "";
        QTest::addRow("an unknown task does nothing") << traceEvent("checkpoint", "main/zz") << false << 0 << QList<int>() << 0
                                                      << false << "";
    }
    void eventsStartEffects()
    {
        QFETCH(TreeEventRecord, event);
        QFETCH(bool, starts);
        QFETCH(int, kind);
        QFETCH(QList<int>, route);
        QFETCH(int, upLegs);
        QFETCH(bool, failure);
        QFETCH(QString, label);
        TreeEffects effects;
        QCOMPARE(effects.add(event, sampleTree(), 1000), starts);
        QCOMPARE(effects.effects().size(), starts ? 1 : 0);
        if (!starts)
            return;
        const TreeEffect &e = effects.effects().constFirst();
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.route, route);
        QCOMPARE(e.upLegs, upLegs);
        QCOMPARE(e.failure, failure);
        QCOMPARE(e.label, label);
        QCOMPARE(e.startMs, 1000);
    }

    void paceFollowsTheSpeed()
    {
        QVERIFY(TreeEffects::durationMs(0.1) >= 1000);  // a class can follow it
        QVERIFY(TreeEffects::durationMs(10) <= 200);    // short at 10x, but still seen
        QVERIFY(TreeEffects::durationMs(10) >= 100);
        int previous = std::numeric_limits<int>::max();
        for (double speed = 0.1; speed <= 10; speed *= 1.25) {
            QVERIFY(TreeEffects::durationMs(speed) <= previous);
            previous = TreeEffects::durationMs(speed);
        }
        TreeEffects effects;
        effects.setSpeed(10);
        QVERIFY(effects.add(traceEvent("checkpoint", "main"), sampleTree(), 0));
        QVERIFY(effects.effects().constFirst().durationMs <= TreeEffects::durationMs(10));
    }

    void phaseRunsFromStartToEnd()
    {
        TreeEffect effect;
        effect.startMs = 100;
        effect.durationMs = 400;
        QCOMPARE(TreeEffects::phase(effect, 50), 0.0);
        QCOMPARE(TreeEffects::phase(effect, 300), 0.5);
        QCOMPARE(TreeEffects::phase(effect, 900), 1.0);
        QCOMPARE(TreeEffects::phase(effect, 300, 0.8), 0.8);  // a fixed phase wins over the clock

        TreeEffects effects;
        QVERIFY(effects.add(traceEvent("cancel-request", "main", "", "user"), sampleTree(), 0));
        effects.expire(TreeEffects::durationMs(1) - 1);
        QCOMPARE(effects.effects().size(), 1);
        effects.expire(TreeEffects::durationMs(1));
        QVERIFY(effects.isEmpty());
    }

    void theOldestMakeRoom()
    {
        TreeEffects effects;
        const TreeLayout layout = sampleTree();
        for (int i = 0; i < TreeEffects::MaxConcurrent + 3; ++i)
            QVERIFY(effects.add(traceEvent("checkpoint", "main"), layout, i));
        QCOMPARE(effects.effects().size(), TreeEffects::MaxConcurrent);
        QCOMPARE(effects.effects().constFirst().startMs, 3);
        QCOMPARE(effects.effects().constLast().startMs, TreeEffects::MaxConcurrent + 2);
    }

    void effectsStayOnTheirRows()
    {
        TreeEffects effects;
        QVERIFY(effects.add(traceEvent("cancel-request", "main/b/b1", "main", "parent"), sampleTree(), 0));  // 0, 4, 5
        QVERIFY(effects.add(traceEvent("checkpoint", "main/a"), sampleTree(), 0));                           // 1
        effects.rowsInserted(2, 3);  // three rows under a
        QCOMPARE(effects.effects().at(0).route, ints({0, 7, 8}));
        QCOMPARE(effects.effects().at(1).route, ints({1}));
        effects.rowsRemoved(7, 7);  // b goes: the pulse through it has lost its way
        QCOMPARE(effects.effects().size(), 1);
        effects.rowsRemoved(0, 0);  // main goes: a moves up
        QCOMPARE(effects.effects().at(0).route, ints({0}));
        effects.rowsRemoved(0, 0);
        QVERIFY(effects.isEmpty());
    }

    void drawsEachEffectAtItsPhase()
    {
        const TreeLayout layout = sampleTree();
        const TreePalette &palette = treePalette();
        TreeEffects effects;
        QVERIFY(effects.add(traceEvent("cancel-request", "main/b/b1", "main", "parent"), layout, 0));
        TreeSceneOptions options;
        options.measure = [](const QString &text, bool, double px) { return text.size() * px * 0.6; };
        const TreeViewport view{1, -24, -24, 1200, 600};
        auto cancelShapes = [&](double phase, TreeScene *scene) {
            buildEffectScene(layout, view, effects.effects(), 0, phase, options, scene);
            return std::count_if(scene->rects.cbegin(), scene->rects.cend(),
                                 [&](const TreeSceneRect &r) { return r.argb == palette.cancelPulse; });
        };
        TreeScene start, middle, end;
        const auto atStart = cancelShapes(0, &start);
        const auto atMiddle = cancelShapes(0.35, &middle);
        const auto atEnd = cancelShapes(1, &end);
        QVERIFY(atStart >= 1);       // the head, at main
        QVERIFY(atMiddle > atStart); // and its trail
        QVERIFY(atEnd > atMiddle);   // and the ring round b1
        QCOMPARE(end.texts.size(), 1);
        QCOMPARE(end.texts.constFirst().text, QStringLiteral("cancel requested (parent)"));  // never colour alone
        // Zoomed out too far for labels: the shapes still show, with no words.
        TreeScene far;
        buildEffectScene(layout, TreeViewport{0.2, -24, -24, 1200, 600}, effects.effects(), 0, 1, options, &far);
        QVERIFY(!far.rects.isEmpty());
        QVERIFY(far.texts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTreeEffects)
#include "tst_treeeffects.moc"
