import QtQuick
import QtTest
import Cascade

// The tree canvas wrapper over a playing session: one box per task, a click on a box, fitting.
TestCase {
    id: testCase
    name: "TaskTreeCanvas"
    when: windowShown
    visible: true  // TestCase is hidden by default; the canvas must be visible to take clicks
    width: 900
    height: 700

    readonly property int pathRole: Qt.UserRole + 2  // TaskListModel::PathRole

    Component { id: sessionComponent; Session {} }
    Component {
        id: canvasComponent
        TaskTreeCanvas { width: 800; height: 600 }
    }
    Component { id: spyComponent; SignalSpy {} }
    Component { id: legendComponent; Legend {} }

    // Sessions outlive the panels made on them: a test's temporary objects are deleted first
    // (deferred, in creation order), its sessions only at the next init().
    property var sessions: []
    function newSession() {
        const s = sessionComponent.createObject(testCase)
        verify(s !== null, "Session created")
        sessions.push(s)
        return s
    }
    function retireSessions() {
        for (const s of sessions)
            s.destroy()
        sessions = []
    }
    function init() { retireSessions() }
    function cleanupTestCase() { retireSessions() }

    // swift-make-soup played (at speed 10) to about 1300 ms, with a canvas showing it.
    function playedCanvas() {
        const s = newSession()
        verify(s.open("swift-make-soup"), s.error)
        const canvas = createTemporaryObject(canvasComponent, testCase, { model: s.tasks })
        verify(canvas !== null)
        canvas.now = Qt.binding(() => s.now)
        s.speed = 10
        s.playing = true
        tryVerify(() => s.now >= 1300 || s.finished, 20000, "played to 1300 ms")
        verify(s.now >= 1300, "still running at " + s.now + " ms")
        s.playing = false
        verify(!s.playing)
        return { s: s, canvas: canvas }
    }

    function taskPaths(s) {
        const paths = []
        for (let row = 0; row < s.tasks.rowCount(); ++row)
            paths.push(s.tasks.data(s.tasks.index(row, 0), pathRole))
        return paths
    }

    function test_countFollowsTasks() {
        const f = playedCanvas()
        verify(f.s.tasks.rowCount() > 1, "several tasks by 1300 ms")
        tryCompare(f.canvas.canvas, "count", f.s.tasks.rowCount())
        compare(f.canvas.now, f.s.now)
        // Every task has a box.
        const paths = taskPaths(f.s)
        for (let i = 0; i < paths.length; ++i) {
            const box = f.canvas.canvas.taskRect(paths[i])
            verify(box.width > 0 && box.height > 0, "a box for " + paths[i])
        }
        verify(!f.canvas.canvas.taskRect("no/such/task").width, "no box for an unknown path")
    }

    function test_clickEmitsTaskClicked_data() {
        return [
            { tag: "first", pick: 0 },
            { tag: "second", pick: 1 },
            { tag: "last", pick: -1 },
        ]
    }
    function test_clickEmitsTaskClicked(data) {
        const f = playedCanvas()
        tryCompare(f.canvas.canvas, "count", f.s.tasks.rowCount())
        const paths = taskPaths(f.s)
        const path = paths[data.pick < 0 ? paths.length + data.pick : data.pick]
        f.canvas.canvas.ensureVisible(path)
        waitForRendering(f.canvas)
        const box = f.canvas.canvas.taskRect(path)
        verify(box.width > 0, "a box for " + path)
        const centre = f.canvas.canvas.mapToItem(testCase, box.x + box.width / 2, box.y + box.height / 2)
        compare(f.canvas.canvas.taskAt(box.x + box.width / 2, box.y + box.height / 2), path)

        const clicked = createTemporaryObject(spyComponent, testCase, { target: f.canvas, signalName: "taskClicked" })
        verify(clicked.valid)
        mouseClick(testCase, centre.x, centre.y, Qt.LeftButton)
        compare(clicked.count, 1)
        compare(clicked.signalArguments[0][0], path)
        compare(clicked.signalArguments[0][1], Qt.LeftButton)
        compare(f.canvas.selectedPath, path, "the click selects the task")
    }

    function test_clickOnEmptySpaceClearsSelection() {
        const f = playedCanvas()
        tryCompare(f.canvas.canvas, "count", f.s.tasks.rowCount())
        const path = taskPaths(f.s)[0]
        f.canvas.selectedPath = path
        compare(f.canvas.canvas.selectedPath, path)
        const clicked = createTemporaryObject(spyComponent, testCase, { target: f.canvas, signalName: "taskClicked" })
        // Find a point of the canvas with no task: scan a coarse grid.
        let point = null
        for (let y = 5; y < f.canvas.canvas.height && !point; y += 10)
            for (let x = 5; x < f.canvas.canvas.width && !point; x += 10)
                if (f.canvas.canvas.taskAt(x, y) === "")
                    point = Qt.point(x, y)
        verify(point !== null, "some empty space")
        const at = f.canvas.canvas.mapToItem(testCase, point.x, point.y)
        mouseClick(testCase, at.x, at.y, Qt.LeftButton)
        compare(clicked.count, 0)
        compare(f.canvas.canvas.selectedPath, "")
    }

    function test_fitKeepsZoomInRange_data() {
        return [
            { tag: "as is", factor: 1 },
            { tag: "zoomed in", factor: 3 },
            { tag: "zoomed out", factor: 0.2 },
        ]
    }
    function test_fitKeepsZoomInRange(data) {
        const f = playedCanvas()
        tryCompare(f.canvas.canvas, "count", f.s.tasks.rowCount())
        const inner = f.canvas.canvas
        inner.zoomBy(data.factor, Qt.point(inner.width / 2, inner.height / 2))
        verify(inner.zoom > 0)
        inner.fit()
        verify(inner.zoom > 0 && inner.zoom <= 1, "zoom " + inner.zoom + " within (0, 1]")
        // Every task's box is inside the view after a fit.
        const paths = taskPaths(f.s)
        for (let i = 0; i < paths.length; ++i) {
            const box = inner.taskRect(paths[i])
            verify(box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= inner.width + 0.5
                   && box.y + box.height <= inner.height + 0.5,
                   paths[i] + " visible after fit: " + box)
        }
    }

    // The animation, driven by a playing session's event log and paced by its speed.

    function test_zoomBarCanBeHidden() {
        const shown = createTemporaryObject(canvasComponent, testCase)
        const bar = findChild(shown, "zoomBar")
        verify(bar !== null, "the canvas has a zoom bar")
        verify(bar.visible, "shown by default")
        compare(findChild(createTemporaryObject(canvasComponent, testCase, { showZoomBar: false }), "zoomBar").visible, false)
    }

    function test_speedIsClamped_data() {
        return [
            { tag: "slowest", speed: 0.1, expected: 0.1 },
            { tag: "normal", speed: 1, expected: 1 },
            { tag: "fastest", speed: 10, expected: 10 },
            { tag: "below the range", speed: 0.01, expected: 0.1 },
            { tag: "above the range", speed: 50, expected: 10 },
        ]
    }
    function test_speedIsClamped(data) {
        const canvas = createTemporaryObject(canvasComponent, testCase)
        compare(canvas.speed, 1, "a sensible default before it is bound")
        canvas.speed = data.speed
        compare(canvas.speed, data.expected)
    }

    function test_playingAnimatesTheCancellation() {
        const s = newSession()
        verify(s.open("kotlin-cancel-join"), s.error)
        const canvas = createTemporaryObject(canvasComponent, testCase, { model: s.tasks, events: s.events })
        canvas.speed = Qt.binding(() => s.speed)
        canvas.canvas.animationPhase = 0.5  // hold what starts
        compare(canvas.canvas.activeEffects, 0, "opening the lesson animates nothing")
        // Step until main cancels job: a pulse from main down to job. Each step is looked at at
        // the end of the event loop's turn in which it arrived.
        while (!s.finished && canvas.canvas.activeEffects === 0) {
            s.stepEvent()
            wait(0)
        }
        verify(canvas.canvas.activeEffects >= 1, "a step with a cancellation animates")
        s.seekToEvent(0)
        wait(0)
        compare(canvas.canvas.activeEffects, 0, "seeking back replays nothing")
    }

    function test_legendExplainsBadgesAndMarks_data() {
        return [
            { tag: "shield", words: "shielded" },
            { tag: "deadline", words: "deadline" },
            { tag: "planned", words: "not spawned yet" },
            { tag: "pulse", words: "cancel request on its way" },
            { tag: "failure", words: "failure going up" },
            { tag: "blocked", words: "blocked" },
            { tag: "check passed", words: "check point passed" },
            { tag: "check raised", words: "raised the cancellation" },
        ]
    }
    function test_legendExplainsBadgesAndMarks(data) {
        const legend = createTemporaryObject(legendComponent, testCase, { width: 800 })
        verify(legend !== null)
        const found = []
        const visit = (item) => {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (typeof child.text === "string" && child.text.indexOf(data.words) >= 0)
                    found.push(child)
                visit(child)
            }
        }
        visit(legend)
        compare(found.length, 1, "one entry says \"" + data.words + "\"")
    }
}
