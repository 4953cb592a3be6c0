import QtQuick
import QtQuick.Controls
import QtTest
import Cascade

// The step editor as a user drives it: select a row, add a step, type an impossible value and
// read the message, fix it, delete, move. The document is a test double with the two calls the
// editor uses; it records what the editor saves.
TestCase {
    id: testCase
    name: "StepEditor"
    when: windowShown
    visible: true
    width: 340   // the inspector column is this narrow
    height: 700

    Component {
        id: documentComponent
        QtObject {
            property var store: ({})
            property var saved: []       // [specPath, steps] of every setSteps call
            property var asked: []       // specPaths of every steps call
            property string refusal: ""  // what setSteps answers
            function steps(specPath) {
                asked.push(specPath)
                return store[specPath] || []
            }
            function setSteps(specPath, steps) {
                saved.push([specPath, steps])
                store[specPath] = steps
                return refusal
            }
        }
    }
    Component { id: editorComponent; StepEditor { width: 340; height: 700 } }
    Component { id: sessionComponent; Session {} }
    Component { id: inspectorComponent; Inspector { width: 340; height: 700 } }

    // Sessions outlive the panels made on them: temporary objects are deleted first (deferred),
    // sessions only at the next init().
    property var sessions: []
    function init() {
        for (const s of sessions)
            s.destroy()
        sessions = []
    }
    // Lets the last test's deferred deletions run while the window is still there: without it,
    // LeakSanitizer reports the image textures of its controls, released through the scene graph.
    function cleanupTestCase() {
        init()
        wait(50)
    }

    function makeEditor(steps, runtime) {
        const document = createTemporaryObject(documentComponent, testCase, { store: { "main/worker": steps } })
        const editor = createTemporaryObject(editorComponent, testCase,
                                             { document: document, specPath: "main/worker", runtime: runtime || "" })
        verify(editor !== null)
        waitForRendering(editor)
        return editor
    }
    function control(editor, name) {
        const found = findChild(editor, name)
        verify(found !== null, name + " exists")
        return found
    }
    function summaries(editor) {
        const m = editor.model
        const out = []
        for (let i = 0; i < m.rowCount(); ++i)
            out.push(m.data(m.index(i, 0), StepListModel.SummaryRole))
        return out
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
    function typeInto(field, text) {
        field.forceActiveFocus()
        verify(field.activeFocus)
        field.selectAll()
        keyClick(Qt.Key_Backspace)
        for (const c of text)
            keyClick(c)
        keyClick(Qt.Key_Return)
    }
    function clickRow(editor, rowNumber) {
        const tree = control(editor, "stepTree")
        tryVerify(() => tree.rows > rowNumber, 2000, "row " + rowNumber + " is shown")
        const item = tree.itemAtCell(Qt.point(0, rowNumber))
        verify(item !== null, "delegate of row " + rowNumber)
        mouseClick(item, 20, 8)
    }

    function test_addStepAfterTheSelectedOne() {
        const editor = makeEditor([{ "do": "print", "text": "one" }, { "do": "print", "text": "two" }])
        clickRow(editor, 0)
        compare(editor.currentPointer, "/0")
        const picker = control(editor, "kindPicker")
        picker.currentIndex = picker.model.indexOf("sleep")
        mouseClick(control(editor, "addButton"))

        compare(summaries(editor), ["print \"one\"", "sleep 1000 ms", "print \"two\""])
        compare(editor.currentPointer, "/1", "the new step is selected")
        compare(editor.document.saved.length, 1)
        compare(editor.document.saved[0][0], "main/worker")
        compare(editor.document.saved[0][1][1], { "do": "sleep", "ms": 1000 })
        compare(editor.model.toJson(), editor.document.saved[0][1])
    }

    function test_invalidValueShowsItsMessageUntilFixed() {
        const editor = makeEditor([{ "do": "raise", "error": "ValueError" }])
        clickRow(editor, 0)
        const field = control(editor, "field-error")
        verify(field instanceof TextField)
        compare(field.text, "ValueError")

        typeInto(field, "Value Error")
        const message = control(editor, "error-error")
        tryVerify(() => message.visible)
        verify(message.text.indexOf("must be an error name") >= 0, message.text)
        verify(Qt.colorEqual(message.color, Theme.pending), "in red")
        verify(!editor.model.valid)
        compare(editor.document.saved.length, 0, "an invalid body is not saved")
        verify(control(editor, "problemSummary").visible)

        typeInto(field, "KeyError")
        tryVerify(() => !message.visible)
        verify(editor.model.valid)
        compare(editor.document.saved.length, 1)
        compare(editor.document.saved[0][1], [{ "do": "raise", "error": "KeyError" }])
        verify(!control(editor, "problemSummary").visible)
    }

    function test_numberAndChoiceFields() {
        const editor = makeEditor([{ "do": "work", "ms": 300 }])
        clickRow(editor, 0)
        const check = control(editor, "field-check")
        compare(check.currentText, "none")
        check.currentIndex = check.model.indexOf("poll")
        check.activated(check.currentIndex)
        const every = control(editor, "field-checkEvery")
        tryCompare(every, "value", 100)
        every.increase()
        every.valueModified()
        compare(editor.document.saved.length, 2)
        compare(editor.document.saved[1][1], [{ "do": "work", "ms": 300, "check": "poll", "checkEvery": 200 }])
    }

    function test_deleteSelectsTheNextStep() {
        const editor = makeEditor([{ "do": "print", "text": "a" }, { "do": "print", "text": "b" }])
        clickRow(editor, 0)
        mouseClick(control(editor, "deleteButton"))
        compare(summaries(editor), ["print \"b\""])
        compare(editor.currentPointer, "/0")
        compare(editor.document.saved[0][1], [{ "do": "print", "text": "b" }])
    }

    function test_moveUpAndDown() {
        const editor = makeEditor([{ "do": "print", "text": "a" }, { "do": "print", "text": "b" },
                                   { "do": "print", "text": "c" }])
        clickRow(editor, 2)
        mouseClick(control(editor, "moveUpButton"))
        compare(summaries(editor), ["print \"a\"", "print \"c\"", "print \"b\""])
        compare(editor.currentPointer, "/1", "the moved step stays selected")
        mouseClick(control(editor, "moveUpButton"))
        compare(summaries(editor), ["print \"c\"", "print \"a\"", "print \"b\""])
        mouseClick(control(editor, "moveDownButton"))
        compare(summaries(editor), ["print \"a\"", "print \"c\"", "print \"b\""])
        compare(editor.document.saved.length, 3)
    }

    function test_nestedStepsAndSections() {
        const editor = makeEditor([{ "do": "try", "steps": [{ "do": "sleep", "ms": 5 }],
                                     "catch": [{ "error": "cancellation" }] }])
        const tree = control(editor, "stepTree")
        tryCompare(tree, "rows", 4)  // try, its body section, the sleep, the catch section
        clickRow(editor, 3)
        compare(editor.currentPointer, "/0/catch/0")
        const picker = control(editor, "kindPicker")
        picker.currentIndex = picker.model.indexOf("print")
        mouseClick(control(editor, "addButton"))
        compare(editor.currentPointer, "/0/catch/0/steps/0", "added into the selected section")
        tryCompare(tree, "rows", 5)
        verify(editor.model.valid)
    }

    function test_selectedRowIsScrolledIntoView() {
        const steps = []
        for (let i = 0; i < 80; ++i)
            steps.push({ "do": "print", "text": "line " + i })
        const editor = makeEditor(steps)
        const tree = control(editor, "stepTree")
        tryCompare(tree, "rows", 80)
        editor.currentPointer = "/70"
        tryVerify(() => {
            const item = tree.itemAtCell(Qt.point(0, 70))
            return item !== null && item.y >= tree.contentY && item.y + item.height <= tree.contentY + tree.height + 0.5
        }, 2000, "row 70 is in view")
        editor.currentPointer = "/2"
        tryVerify(() => {
            const item = tree.itemAtCell(Qt.point(0, 2))
            return item !== null && item.y >= tree.contentY - 0.5
        }, 2000, "row 2 is in view again")
    }

    function test_unavailableStepsAreMarked() {
        const editor = makeEditor([{ "do": "timeout", "ms": 100, "steps": [] }], "swift")
        const marks = findAll(editor, (child) => typeof child.text === "string" && child.visible
                                                 && child.text.indexOf("is not available in swift") >= 0)
        compare(marks.length, 1)
        verify(marks[0].text.indexOf("Swift has no built-in timeout") >= 0, marks[0].text)
    }

    function test_documentRefusalIsShown() {
        const editor = makeEditor([{ "do": "print", "text": "a" }])
        editor.document.refusal = "main/worker: the document is read-only"
        clickRow(editor, 0)
        mouseClick(control(editor, "addButton"))
        const summary = control(editor, "problemSummary")
        verify(summary.visible)
        compare(summary.text, "main/worker: the document is read-only")
    }

    function test_wrappedRowsDoNotOverlap() {
        const longText = "a line long enough to wrap three times in a column as narrow as the inspector's, " +
                     "which is about three hundred pixels wide"
        const editor = makeEditor([{ "do": "print", "text": longText }, { "do": "print", "text": "short" },
                                   { "do": "raise", "error": "Bad Name" }, { "do": "print", "text": longText }])
        const tree = control(editor, "stepTree")
        tryCompare(tree, "rows", 4)
        wait(50)  // the relayout after loading is queued
        const items = []
        for (let r = 0; r < tree.rows; ++r)
            items.push(tree.itemAtCell(Qt.point(0, r)))
        verify(items[0].height > 3 * items[1].height / 2, "the long row is taller: " + items[0].height)
        for (let r = 0; r + 1 < items.length; ++r)
            verify(items[r].y + items[r].height <= items[r + 1].y + 0.5, "row " + r + " ends before row " + (r + 1))
    }

    // In a column about 300 px wide, every text that does not wrap fits.
    function test_narrowColumnClipsNoText() {
        const editor = makeEditor([{ "do": "work", "ms": 2000, "checkEvery": 100, "check": "poll" },
                                   { "do": "timeout", "ms": 100, "style": "waitFor", "name": "inner", "steps": [] }],
                                  "kotlin")
        editor.width = 300
        clickRow(editor, 0)
        wait(50)
        // Texts that neither wrap nor scroll (labels, button and check box captions, chips).
        const texts = findAll(editor, (child) => child.visible && typeof child.text === "string" && child.text !== ""
                                                  && (child.wrapMode === undefined || child.wrapMode === Text.NoWrap)
                                                  && child.echoMode === undefined && child.width > 0)
        verify(texts.length > 10, "texts found: " + texts.length)
        for (const t of texts) {
            verify(t.implicitWidth <= t.width + 0.5, "\"" + t.text + "\" fits its box: " + t.implicitWidth + " > " + t.width)
            const right = t.mapToItem(editor, t.width, 0).x
            verify(right <= editor.width + 0.5, "\"" + t.text + "\" ends at " + right)
        }
    }

    function test_changeElsewhereIsReloadedAndAnEditInProgressIsKept() {
        const editor = makeEditor([{ "do": "raise", "error": "ValueError" }])
        clickRow(editor, 0)
        const field = control(editor, "field-error")
        typeInto(field, "Bad Name")
        verify(!editor.model.valid)

        editor.reloadIfChanged()  // the document still holds what was loaded: the edit stays
        compare(field.text, "Bad Name")
        verify(!editor.model.valid)

        editor.document.store["main/worker"] = [{ "do": "raise", "error": "Undone" }]
        editor.reloadIfChanged()
        verify(editor.model.valid)
        compare(summaries(editor), ["raise Undone"])
        compare(editor.currentPointer, "/0", "the selection is kept where it still exists")
        compare(editor.document.saved.length, 0, "a reload is not saved back")
    }

    function test_withoutADocumentNothingIsEditable() {
        const editor = createTemporaryObject(editorComponent, testCase, { specPath: "main" })
        verify(!editor.ready)
        verify(!control(editor, "stepTree").visible)
        verify(!control(editor, "addButton").visible)
    }

    function test_inspectorEditsTheTaskDefinition() {
        const session = sessionComponent.createObject(testCase)
        sessions.push(session)
        verify(session.open("swift-make-soup"), session.error)
        const document = createTemporaryObject(documentComponent, testCase)
        const inspector = createTemporaryObject(inspectorComponent, testCase,
                                                { session: session, document: document })
        for (let i = 0; i < 200 && !session.finished; ++i)
            session.stepEvent()
        let instance = ""
        for (let row = 0; row < session.tasks.rowCount() && instance === ""; ++row) {
            const path = session.tasks.data(session.tasks.index(row, 0), Qt.UserRole + 2)
            if (path.indexOf("[") >= 0)
                instance = path
        }
        verify(instance !== "", "the lesson has a counted task")
        session.selectedPath = instance
        const specPath = instance.replace(/\[\d+\]/g, "")
        compare(inspector.specPath, specPath)
        compare(document.asked[document.asked.length - 1], specPath)
        compare(control(inspector, "stepEditor").runtime, session.runtime)

        // The run going on does not reload the steps (an edit in progress would be lost).
        const asked = document.asked.length
        session.restart()
        for (let i = 0; i < 50 && !session.finished; ++i)
            session.stepEvent()
        compare(inspector.specPath, specPath)
        compare(document.asked.length, asked)
    }
}
