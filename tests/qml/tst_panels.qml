import QtQuick
import QtTest
import Cascade

// The panels around the tree: Legend, Inspector, EventLogPanel, and the Theme they share.
TestCase {
    id: testCase
    name: "Panels"
    when: windowShown
    visible: true  // TestCase is hidden by default; the panels' `visible` is what is tested
    width: 800
    height: 600

    Component { id: sessionComponent; Session {} }
    Component { id: legendComponent; Legend { width: 600 } }
    Component { id: inspectorComponent; Inspector { width: 400; height: 500 } }
    Component { id: logComponent; EventLogPanel { width: 700; height: 500 } }
    Component { id: filterComponent; EventFilterModel {} }
    Component { id: spyComponent; SignalSpy {} }

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

    function openSession(lesson) {
        const s = newSession()
        verify(s.open(lesson), "open " + lesson + ": " + s.error)
        return s
    }

    // Depth-first search of the visual item tree below `item`.
    function findAll(item, predicate, out) {
        out = out || []
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (predicate(child))
                out.push(child)
            findAll(child, predicate, out)
        }
        return out
    }
    function findOne(item, predicate, what) {
        const found = findAll(item, predicate)
        compare(found.length, 1, "exactly one " + what)
        return found[0]
    }
    function isLabelWith(text) {
        return (child) => child.text !== undefined && typeof child.text === "string"
                          && child.text.indexOf(text) >= 0 && child.font !== undefined
    }

    function cleanup() {
        Theme.highContrast = false
    }

    // Legend

    function test_legend_oneEntryPerState() {
        const legend = createTemporaryObject(legendComponent, testCase)
        verify(legend !== null)
        const entries = findAll(legend, (child) => child.modelData !== undefined)
        compare(entries.length, Theme.stateOrder.length)
        for (let i = 0; i < entries.length; ++i)
            compare(entries[i].modelData, Theme.stateOrder[i], "entry " + i + " in Theme.stateOrder")
    }

    function test_legend_labels_data() {
        return Theme.stateOrder.map((state) => ({ tag: state, state: state }))
    }
    function test_legend_labels(data) {
        const legend = createTemporaryObject(legendComponent, testCase)
        const entry = findOne(legend, (child) => child.modelData === data.state, "entry for " + data.state)
        const label = findOne(entry, isLabelWith(Theme.stateLabels[data.state]), "label")
        compare(label.text, Theme.stateLabels[data.state])
        const swatch = findOne(entry, (child) => child.radius === 6, "swatch")
        verify(Qt.colorEqual(swatch.color, Theme.stateColors[data.state]), data.state + " colour")
    }

    // Inspector

    function test_inspector_hintThenTask_data() {
        return [
            { tag: "kotlin-cancel-join", lesson: "kotlin-cancel-join", path: "main/job" },
            { tag: "swift-make-soup", lesson: "swift-make-soup", path: "" },
            { tag: "asyncio-shield", lesson: "asyncio-shield", path: "" },
        ]
    }
    function test_inspector_hintThenTask(data) {
        const s = openSession(data.lesson)
        const inspector = createTemporaryObject(inspectorComponent, testCase, { session: s })
        verify(inspector !== null)
        const hint = findOne(inspector, isLabelWith("Select a task in the tree"), "hint")
        verify(hint.visible, "hint shown with nothing selected")
        compare(inspector.info.path, undefined)

        // Step until the task exists; default to the deepest task there is after some steps.
        for (let i = 0; i < 30 && !s.finished; ++i)
            s.stepEvent()
        let path = data.path
        if (path === "")
            path = s.tasks.data(s.tasks.index(s.tasks.rowCount() - 1, 0), Qt.UserRole + 2)
        verify(s.tasks.rowOfPath(path) >= 0, path + " exists")

        s.selectedPath = path
        compare(inspector.info.path, path)
        verify(!hint.visible, "hint hidden once a task is selected")
        const pathLabel = findOne(inspector, (child) => child.text === path && child.font !== undefined,
                                  "path label")
        verify(pathLabel.visible, "path label shown")
        compare(pathLabel.font.bold, true)

        s.selectedPath = ""
        verify(hint.visible, "hint back when the selection is cleared")
        verify(!pathLabel.visible)
    }

    // Event log panel

    function logParts(panel) {
        const list = findOne(panel, (child) => child.positionViewAtEnd !== undefined
                                               && child.count !== undefined, "ListView")
        const box = findOne(panel, (child) => child.currentIndex !== undefined
                                              && child.currentText !== undefined
                                              && child.popup !== undefined, "ComboBox")
        return { list: list, box: box }
    }

    function test_eventLog_followsEvents() {
        const s = openSession("kotlin-cancel-join")
        const panel = createTemporaryObject(logComponent, testCase, { session: s })
        verify(panel !== null)
        const parts = logParts(panel)
        compare(parts.box.currentIndex, 0)
        tryCompare(parts.list, "count", s.events.rowCount())
        const counted = createTemporaryObject(spyComponent, testCase,
                                              { target: parts.list, signalName: "countChanged" })
        for (let i = 0; i < 10; ++i) {
            s.stepEvent()
            tryCompare(parts.list, "count", s.events.rowCount())
            counted.wait(5000)  // the list announces each new count
            counted.clear()
        }
        // The header counts what the list shows (ListView reports its count once laid out).
        const label = findOne(panel, isLabelWith("Event log ("), "count in the title")
        tryCompare(label, "text", "Event log (" + s.events.rowCount() + ")")
    }

    // Each entry reads as a sentence, with the other task and the cause in words.
    function test_eventLog_entriesInWords() {
        const s = openSession("kotlin-cancel-join")
        const panel = createTemporaryObject(logComponent, testCase, { session: s })
        const parts = logParts(panel)
        for (let i = 0; i < 200 && !s.finished && s.now < 500; ++i)
            s.stepEvent()
        s.cancelTask("main/job")
        tryCompare(parts.list, "count", s.events.rowCount())
        parts.list.positionViewAtEnd()
        wait(0)
        findOne(panel, isLabelWith("cancel requested by the user"), "the user's cancel in words")
        verify(findAll(panel, isLabelWith("\"cause\"")).length === 0, "no raw JSON field names")
    }

    // Clicking an entry selects its task and goes back to the moment right after it; hovering one
    // explains it in a tooltip.
    function test_eventLog_clickGoesBackToTheEntry() {
        const s = openSession("kotlin-cancel-join")
        const panel = createTemporaryObject(logComponent, testCase, { session: s })
        const parts = logParts(panel)
        for (let i = 0; i < 12 && !s.finished; ++i)
            s.stepEvent()
        tryCompare(parts.list, "count", s.events.rowCount())
        parts.list.positionViewAtEnd()
        waitForRendering(panel)
        const entries = findAll(parts.list, (child) => child.seq !== undefined && child.task !== undefined && child.visible)
        verify(entries.length > 2, "entries in view")
        const entry = entries.reduce((a, b) => a.seq < b.seq ? a : b)  // the earliest in view
        verify(entry.seq < s.shownEvents - 1, "an entry before the last")
        mouseMove(entry, entry.width / 2, entry.height / 2)
        tryVerify(() => parts.list.hoveredEntry === entry)
        mouseClick(entry, entry.width / 2, entry.height / 2)
        compare(s.selectedPath, entry.task)
        compare(s.shownEvents, entry.seq + 1)
    }

    function test_eventLog_filtersByKind_data() {
        return [
            { tag: "spawn", kind: "spawn" },
            { tag: "start", kind: "start" },
            { tag: "suspend", kind: "suspend" },
            { tag: "print", kind: "print" },
            { tag: "end", kind: "end" },
            { tag: "cancel-request", kind: "cancel-request" },
        ]
    }
    function test_eventLog_filtersByKind(data) {
        const s = openSession("kotlin-cancel-join")
        const panel = createTemporaryObject(logComponent, testCase, { session: s })
        const parts = logParts(panel)
        for (let i = 0; i < 200 && !s.finished && s.now < 500; ++i)
            s.stepEvent()
        verify(s.tasks.rowOfPath("main/job") >= 0)
        s.cancelTask("main/job")  // so cancel-request rows exist
        for (let i = 0; i < 20 && !s.finished; ++i)
            s.stepEvent()
        const reference = createTemporaryObject(filterComponent, testCase,
                                                { sourceModel: s.events, kind: data.kind })
        const index = parts.box.find(data.kind)
        verify(index > 0, data.kind + " is in the kind box")
        parts.box.currentIndex = index
        compare(parts.box.currentText, data.kind)
        verify(reference.rowCount() > 0, "some " + data.kind + " events")
        verify(reference.rowCount() < s.events.rowCount(), "the filter drops something")
        tryCompare(parts.list, "count", reference.rowCount())

        // Back to all kinds.
        parts.box.currentIndex = 0
        tryCompare(parts.list, "count", s.events.rowCount())
    }

    // Theme

    function test_theme_highContrast_data() {
        return [
            { tag: "normal", on: false, window: "#f5f6f8", text: "#1c1f24" },
            { tag: "highContrast", on: true, window: "#000000", text: "#ffffff" },
        ]
    }
    function test_theme_highContrast(data) {
        Theme.highContrast = data.on
        verify(Qt.colorEqual(Theme.window, data.window), "window " + Theme.window)
        verify(Qt.colorEqual(Theme.text, data.text), "text " + Theme.text)
    }

    function test_theme_toggleChangesWindow() {
        const before = String(Theme.window)  // a copy: a read colour is a live reference
        const fontBefore = Theme.fontSize
        Theme.highContrast = !Theme.highContrast
        verify(!Qt.colorEqual(Theme.window, before), "window colour changes")
        verify(Theme.fontSize !== fontBefore)
        Theme.highContrast = !Theme.highContrast
        verify(Qt.colorEqual(Theme.window, before), "and changes back")
    }
}
