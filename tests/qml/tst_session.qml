import QtQuick
import QtTest
import Cascade

// Session driven from QML: opening lessons, stepping, a user cancel, playing to the end.
TestCase {
    id: testCase
    name: "Session"
    when: windowShown

    readonly property int pathRole: Qt.UserRole + 2   // TaskListModel::PathRole
    readonly property int stateRole: Qt.UserRole + 4  // TaskListModel::StateRole
    readonly property int detailRole: Qt.UserRole + 5 // EventLogModel::DetailRole

    Component {
        id: sessionComponent
        Session {}
    }
    Component {
        id: filterComponent
        EventFilterModel {}
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function openSession(lesson) {
        const s = createTemporaryObject(sessionComponent, testCase)
        verify(s !== null, "Session created")
        verify(s.open(lesson), "open " + lesson + ": " + s.error)
        compare(s.error, "")
        return s
    }

    // The first task that has started and not ended, deepest-first so a child is preferred.
    function liveTask(s) {
        let found = ""
        for (let row = 0; row < s.tasks.rowCount(); ++row) {
            const index = s.tasks.index(row, 0)
            const state = s.tasks.data(index, stateRole)
            if (state === "running" || state === "suspended" || state === "cpu")
                found = s.tasks.data(index, pathRole)
        }
        return found
    }

    function lessonRows() {
        return [
            { tag: "kotlin-cancel-join", lesson: "kotlin-cancel-join", runtime: "kotlin" },
            { tag: "asyncio-shield", lesson: "asyncio-shield", runtime: "asyncio" },
            { tag: "swift-make-soup", lesson: "swift-make-soup", runtime: "swift" },
        ]
    }

    function test_lessons_open(data) {
        const s = openSession(data.lesson)
        compare(s.scenarioId, data.lesson)
        verify(s.title.length > 0, "title is non-empty")
        compare(s.runtime, data.runtime)
        compare(s.unavailable, "")
        verify(s.runtimes.indexOf(data.runtime) >= 0)
        verify(s.tasks.rowCount() > 0, "the tasks that start at 0 are shown")
        compare(s.playing, false)
    }
    function test_lessons_open_data() { return lessonRows() }

    function test_stepEvent_data() { return lessonRows() }
    function test_stepEvent(data) {
        const s = openSession(data.lesson)
        const spy = createTemporaryObject(spyComponent, testCase, { target: s, signalName: "progressed" })
        verify(spy.valid)
        for (let i = 0; i < 5; ++i) {
            const before = s.events.rowCount()
            const shownBefore = s.shownEvents
            s.stepEvent()
            compare(s.events.rowCount(), before + 1, "step " + i + " shows one more event")
            compare(s.shownEvents, shownBefore + 1)
            compare(spy.count, i + 1, "one progressed per step")
        }
    }

    function test_cancelTask_data() { return lessonRows() }
    function test_cancelTask(data) {
        const s = openSession(data.lesson)
        // Step until some task is live (started and not ended).
        let path = liveTask(s)
        for (let i = 0; path === "" && !s.finished && i < 200; ++i) {
            s.stepEvent()
            path = liveTask(s)
        }
        verify(path !== "", "a running task exists")
        const requests = createTemporaryObject(filterComponent, testCase,
                                               { sourceModel: s.events, kind: "cancel-request" })
        const userRequests = () => {
            let n = 0
            for (let row = 0; row < requests.rowCount(); ++row) {
                const detail = requests.data(requests.index(row, 0), detailRole)
                if (detail.indexOf("user") >= 0)
                    ++n
            }
            return n
        }
        compare(userRequests(), 0, "no user cancel before the click")
        const spy = createTemporaryObject(spyComponent, testCase, { target: s, signalName: "progressed" })
        s.cancelTask(path)
        verify(spy.count > 0, "progressed after the cancel")
        verify(requests.rowCount() > 0, "a cancel-request row for " + path)
        compare(userRequests(), 1, "one cancel-request caused by the user")
        // A task filter on the same model narrows to the cancelled task's subtree.
        const ofTask = createTemporaryObject(filterComponent, testCase,
                                             { sourceModel: s.events, kind: "cancel-request", task: path })
        verify(ofTask.rowCount() >= 1)
    }

    function test_playToEnd_data() { return lessonRows() }
    function test_playToEnd(data) {
        const s = openSession(data.lesson)
        compare(s.finished, false)
        s.speed = 10
        compare(s.speed, 10)
        const playing = createTemporaryObject(spyComponent, testCase, { target: s, signalName: "playingChanged" })
        s.playing = true
        compare(s.playing, true)
        tryCompare(s, "finished", true, 20000)
        tryCompare(s, "playing", false, 5000)
        compare(playing.count, 2, "started, then stopped at the end")
        compare(s.shownEvents, s.events.rowCount())
        // Everything ended: no task left running.
        compare(liveTask(s), "")
    }

    function test_openUnknownLessonKeepsTheCurrentOne() {
        const s = openSession("kotlin-cancel-join")
        const errors = createTemporaryObject(spyComponent, testCase, { target: s, signalName: "errorChanged" })
        verify(!s.open("no-such-lesson"))
        verify(errors.count > 0)
        verify(s.error.length > 0)
        compare(s.scenarioId, "kotlin-cancel-join")
    }
}
