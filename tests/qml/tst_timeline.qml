import QtQuick
import QtTest
import Cascade

// The Timeline wrapper over a session, driven from QML as Main.qml and the presenter use it: a
// lane per task, the Fit and zoom buttons, a drag that scrubs, a click that selects, the key to
// the marks, and the tooltip text of what the pointer is on.
TestCase {
    id: testCase
    name: "Timeline"
    when: windowShown
    visible: true
    width: 1000
    height: 400

    Component { id: sessionComponent; Session {} }
    Component {
        id: timelineComponent
        Timeline { width: 960; height: 360 }
    }

    Component {
        id: presenterComponent
        PresenterView { width: 1280; height: 720 }
    }

    property var sessions: []
    function newSession(lesson) {
        const s = sessionComponent.createObject(testCase)
        verify(s !== null)
        verify(s.open(lesson), s.error)
        sessions.push(s)
        return s
    }
    function init() {
        for (const s of sessions)
            s.destroy()
        sessions = []
    }

    function makeTimeline(lesson) {
        const s = newSession(lesson)
        const timeline = createTemporaryObject(timelineComponent, testCase, {session: s})
        verify(timeline !== null)
        tryCompare(timeline.view, "laneCount", s.tasks.rowCount())
        return {s: s, timeline: timeline, view: timeline.view}
    }

    function test_aLanePerTaskAndTheWholeRunFitted() {
        const t = makeTimeline("swift-make-soup")
        verify(t.view.laneCount > 5)
        verify(t.view.fitted)
        compare(t.view.viewStart, 0)
        verify(t.view.xOfTime(t.s.endTime) <= t.view.width)
        verify(t.view.laneCenter("main") < t.view.laneCenter("main/makeSoup"))
        compare(t.view.taskAt(t.view.laneCenter("main/makeSoup")), "main/makeSoup")
        verify(findChild(t.timeline, "timelineKey").visible)
    }

    function test_zoomButtonsAndFit() {
        const t = makeTimeline("kotlin-cancel-join")
        const fitted = t.view.msPerPixel
        t.view.zoomBy(4, t.view.xOfTime(600))
        verify(!t.view.fitted)
        fuzzyCompare(t.view.msPerPixel, fitted / 4, fitted / 100)
        fuzzyCompare(t.view.timeAt(t.view.xOfTime(600)), 600, 0.5)
        const fit = findChild(t.timeline, "timelineFit")
        verify(fit !== null)
        mouseClick(fit)
        verify(t.view.fitted)
        compare(t.view.msPerPixel, fitted)
    }

    // Ctrl+wheel zooms around the pointer, Shift+wheel pans, and Fit undoes both.
    function test_wheelZoomsAndPans() {
        const t = makeTimeline("swift-make-soup")
        const fitted = t.view.msPerPixel
        const x = t.view.xOfTime(1000)
        mouseWheel(t.view, x, t.view.height / 2, 0, 240, Qt.NoButton, Qt.ControlModifier)
        verify(t.view.msPerPixel < fitted / 1.3, "zoomed to " + t.view.msPerPixel)  // 1.0015 a wheel unit
        fuzzyCompare(t.view.timeAt(x), 1000, 2 * t.view.msPerPixel)
        const start = t.view.viewStart
        mouseWheel(t.view, x, t.view.height / 2, 0, -120, Qt.NoButton, Qt.ShiftModifier)
        verify(t.view.viewStart > start, "panned from " + start + " to " + t.view.viewStart)
        verify(!t.view.fitted)
        t.view.fit()
        compare(t.view.msPerPixel, fitted)
        compare(t.view.viewStart, 0)
    }

    function test_dragScrubsAndClickSelects() {
        const t = makeTimeline("kotlin-cancel-join")
        const y = t.view.laneCenter("main/job")
        const x0 = t.view.xOfTime(200)
        const x1 = t.view.xOfTime(1100)  // the run ends at 1300 ms
        mousePress(t.view, x0, y)
        for (let i = 1; i <= 8; ++i)
            mouseMove(t.view, x0 + (x1 - x0) * i / 8, y)
        mouseRelease(t.view, x1, y)
        verify(Math.abs(t.s.now - 1100) <= 2, "scrubbed to " + t.s.now)
        verify(!t.s.playing)

        mouseClick(t.view, t.view.width - 30, t.view.laneCenter("main"))
        compare(t.s.selectedPath, "main")
        verify(Math.abs(t.s.now - 1100) <= 2)  // a click does not move the playhead
    }

    function test_keysStepWhenFocused() {
        const t = makeTimeline("kotlin-cancel-join")
        t.s.seekToEvent(15)
        const before = t.s.shownEvents
        t.view.forceActiveFocus()
        keyClick(Qt.Key_Right)
        compare(t.s.shownEvents, before + 1)
        keyClick(Qt.Key_Left, Qt.ShiftModifier)
        compare(t.s.shownEvents, before + 1 - 10)
    }

    function test_hoverTextNamesTheStateOrTheEvent() {
        const t = makeTimeline("kotlin-cancel-join")
        t.s.seekToTime(t.s.endTime)
        const y = t.view.laneCenter("main/job")
        mouseMove(t.view, t.view.xOfTime(250), y)
        tryVerify(() => t.view.hoverText.indexOf("main/job") === 0, 2000, "hover over a span: " + t.view.hoverText)
        verify(t.view.hoverText.indexOf(" ms") > 0)
        mouseMove(t.view, 5, t.view.height - 5)
        tryCompare(t.view, "hoverText", "")
    }

    // Presenter mode at a projector's 1280x720: the timeline between the tree and the caption,
    // large and in high contrast, and a drag on it scrubs as in the workbench.
    function test_presenterShowsTheTimeline() {
        const s = newSession("asyncio-shield")
        const presenter = createTemporaryObject(presenterComponent, testCase, {session: s, title: "shield"})
        verify(presenter !== null)
        const timeline = findChild(presenter, "presenterTimeline")
        verify(timeline !== null)
        verify(timeline.visible)
        verify(timeline.height >= 150, "height " + timeline.height)
        verify(timeline.view.highContrast)
        verify(!findChild(timeline, "timelineKey").visible)
        tryCompare(timeline.view, "laneCount", s.tasks.rowCount())
        const view = timeline.view
        const y = view.laneCenter("main/critical")
        mousePress(view, view.xOfTime(100), y)
        for (let i = 1; i <= 4; ++i)
            mouseMove(view, view.xOfTime(100 + 350 * i), y)
        mouseRelease(view, view.xOfTime(1500), y)
        verify(Math.abs(s.now - 1500) <= 5, "scrubbed to " + s.now)
        // Past 1000 ms: the timeout, the cancel stopped at the shield and main's print are shown.
        verify(s.console.indexOf("1000 ms") >= 0, s.console)
        compare(s.events.rowCount(), s.shownEvents)
    }

    function test_highContrastFollowsTheWrapper() {
        const t = makeTimeline("kotlin-cancel-join")
        t.timeline.highContrast = true
        verify(t.view.highContrast)
        compare(String(t.timeline.colors.background), String(TreeStyle.colors(true).background))
    }
}
