import QtQuick
import QtQuick.Controls
import QtTest
import Cascade

// The editing dialogs: rename with inline validation, the timeout spin box, the unsaved-changes
// prompt; and the edit bar above the tree. Each acts on a real ScenarioDocument.
TestCase {
    id: testCase
    name: "EditDialogs"
    when: windowShown
    visible: true
    width: 800
    height: 600

    Component { id: documentComponent; ScenarioDocument {} }
    Component { id: renameComponent; RenameDialog {} }
    Component { id: timeoutComponent; TimeoutDialog {} }
    Component { id: unsavedComponent; UnsavedChangesDialog {} }
    Component { id: saveAsComponent; SaveAsDialog {} }
    Component { id: spyComponent; SignalSpy {} }
    Component { id: editBarComponent; EditBar { width: 900 } }
    Component { id: actionComponent; Action {} }

    // A new document with main's children a and b.
    function newDocument() {
        const d = createTemporaryObject(documentComponent, testCase)
        verify(d !== null)
        compare(d.addChild("main", true, "a"), "main/a")
        compare(d.addChild("main", true, "b"), "main/b")
        return d
    }

    function openDialog(component, document) {
        const dialog = createTemporaryObject(component, testCase, {document: document})
        verify(dialog !== null)
        return dialog
    }

    function okButton(dialog) {
        const button = findChild(dialog.footer, "okButton")
        verify(button !== null, "the dialog's OK button")
        return button
    }

    function test_rename_data() {
        return [
            {tag: "a free name", name: "alpha", problem: "", renamed: "main/alpha"},
            {tag: "unchanged", name: "a", problem: "", renamed: "main/a"},
            {tag: "a sibling's name", name: "b", problem: "main already has a task named \"b\""},
            {tag: "not an identifier", name: "2x",
             problem: "the name must be a task name (a letter or _, then letters, digits or _; at most 64 characters), got \"2x\""},
            {tag: "empty", name: "",
             problem: "the name must be a task name (a letter or _, then letters, digits or _; at most 64 characters), got \"\""},
        ]
    }
    function test_rename(data) {
        const document = newDocument()
        const dialog = openDialog(renameComponent, document)
        dialog.start("main/a")
        tryCompare(dialog, "opened", true)
        const field = findChild(dialog.contentItem, "nameField")
        compare(field.text, "a", "the field starts with the current name")
        field.text = data.name
        compare(dialog.problem, data.problem)
        compare(findChild(dialog.contentItem, "problem").text, data.problem === "" ? " " : data.problem)
        compare(okButton(dialog).enabled, data.problem === "")
        if (data.problem !== "") {
            dialog.reject()
            compare(document.undoText, "Add b to main")
            return
        }
        const renamedSpy = createTemporaryObject(spyComponent, testCase, {target: dialog, signalName: "renamed"})
        mouseClick(okButton(dialog))
        tryCompare(dialog, "visible", false)
        verify(document.taskFacts(data.renamed).valid, data.renamed + " exists")
        compare(renamedSpy.count, 1)
        compare(renamedSpy.signalArguments[0][0], data.renamed)
    }

    function test_renameWithTheKeyboard() {
        const document = newDocument()
        const dialog = openDialog(renameComponent, document)
        dialog.start("main/b[0]")  // a runtime path names its definition
        tryCompare(dialog, "opened", true)
        keySequence("Ctrl+A")
        keyClick(Qt.Key_B)
        keyClick(Qt.Key_E)
        keyClick(Qt.Key_E)
        compare(dialog.name, "bee")
        keyClick(Qt.Key_Return)
        tryCompare(dialog, "visible", false)
        compare(document.undoText, "Rename b to bee")
    }

    function test_timeout_data() {
        return [
            {tag: "a valid value", text: "250", valid: true, timeoutMs: 250},
            {tag: "zero", text: "0", valid: true, timeoutMs: 0},
            {tag: "negative", text: "-5", valid: false},
            {tag: "not a number", text: "soon", valid: false},
            {tag: "too large", text: "2147483648", valid: false},
        ]
    }
    function test_timeout(data) {
        const document = newDocument()
        const dialog = openDialog(timeoutComponent, document)
        dialog.start("main/a", -1)
        tryCompare(dialog, "opened", true)
        const spin = findChild(dialog.contentItem, "msSpinBox")
        compare(spin.value, 1000, "a task without a timeout starts at 1000 ms")
        compare(spin.contentItem.text, "1000")
        compare(spin.to, document.maxTimeoutMs)
        spin.contentItem.text = data.text
        compare(dialog.valid, data.valid)
        compare(okButton(dialog).enabled, data.valid)
        const range = findChild(dialog.contentItem, "range")
        verify(range.text.indexOf(data.valid ? "From 0 to" : "Enter a whole number") === 0, range.text)
        if (!data.valid) {
            dialog.reject()
            compare(document.taskFacts("main/a").timeoutMs, -1)
            return
        }
        mouseClick(okButton(dialog))
        tryCompare(dialog, "visible", false)
        compare(document.taskFacts("main/a").timeoutMs, data.timeoutMs)
    }

    function test_timeoutStartsAtTheCurrentValue() {
        const document = newDocument()
        verify(document.setTimeout("main/b", 420))
        const dialog = openDialog(timeoutComponent, document)
        dialog.start("main/b", document.taskFacts("main/b").timeoutMs)
        compare(findChild(dialog.contentItem, "msSpinBox").value, 420)
        dialog.reject()
    }

    function test_unsavedChanges_data() {
        return [
            {tag: "save", answer: "save", proceeds: true, saveRequests: 1},
            {tag: "discard", answer: "discard", proceeds: true, saveRequests: 0},
            {tag: "cancel", answer: "cancel", proceeds: false, saveRequests: 0},
        ]
    }
    function test_unsavedChanges(data) {
        const dialog = createTemporaryObject(unsavedComponent, testCase, {documentName: "tree.json"})
        const saveSpy = createTemporaryObject(spyComponent, testCase, {target: dialog, signalName: "saveRequested"})
        let proceeded = false
        dialog.ask(() => { proceeded = true })
        tryCompare(dialog, "opened", true)
        if (data.answer === "save") {
            mouseClick(findChild(dialog.footer, "saveButton"))
            compare(proceeded, false, "waits for the save")
            dialog.proceed()  // what the window does once the file is written
        } else if (data.answer === "discard") {
            mouseClick(findChild(dialog.footer, "discardButton"))
        } else {
            mouseClick(findChild(dialog.footer, "cancelButton"))
            dialog.proceed()  // nothing is pending any more
        }
        tryCompare(dialog, "visible", false)
        compare(proceeded, data.proceeds)
        compare(saveSpy.count, data.saveRequests)
    }

    function test_editBar_data() {
        return [
            {tag: "at 0 ms", atStart: true, buttons: 6, back: false},
            {tag: "later in a run", atStart: false, buttons: 0, back: true},
        ]
    }
    function test_editBar(data) {
        const actions = {}
        for (const name of ["addChild", "addUnstructured", "rename", "remove", "shield", "timeout"])
            actions[name] = createTemporaryObject(actionComponent, testCase, {text: name})
        actions.shield.enabled = false
        const bar = createTemporaryObject(editBarComponent, testCase, {
            atStart: data.atStart, selectedName: "main",
            reasons: {shield: "Swift has no shield; escape with Task.detached"},
            addChildAction: actions.addChild, addUnstructuredAction: actions.addUnstructured,
            renameAction: actions.rename, deleteAction: actions.remove,
            shieldAction: actions.shield, timeoutAction: actions.timeout})
        verify(bar !== null)
        const restartSpy = createTemporaryObject(spyComponent, testCase, {target: bar, signalName: "restartRequested"})
        const shield = findChild(bar, "edit-shield")
        compare(shield !== null, data.buttons > 0)
        compare(findChild(bar, "backToStart").visible, data.back)
        if (data.back) {
            mouseClick(findChild(bar, "backToStart"))
            compare(restartSpy.count, 1)
            return
        }
        compare(shield.reason, "Swift has no shield; escape with Task.detached")
        compare(findChild(bar, "edit-addChild").reason, "")
        const triggered = createTemporaryObject(spyComponent, testCase, {target: actions.addChild, signalName: "triggered"})
        mouseClick(findChild(bar, "edit-addChild"))
        compare(triggered.count, 1)
    }

    function test_saveAs_data() {
        return [
            {tag: "missing folder", typed: "/nonexistent-cascade/x", problem: "The folder /nonexistent-cascade does not exist"},
            {tag: "empty", typed: "", problem: "Enter a file name"},
            // /proc exists, but no file can be made there: the write fails and says why.
            {tag: "write fails", typed: "/proc/cascade-test", problem: "", error: "cannot save /proc/cascade-test.json: "},
        ]
    }
    function test_saveAs(data) {
        const document = newDocument()
        const dialog = openDialog(saveAsComponent, document)
        let proceeded = false
        dialog.start(() => { proceeded = true })
        tryCompare(dialog, "opened", true)
        const field = findChild(dialog.contentItem, "pathField")
        verify(field.text.endsWith("/untitled.json"), field.text)
        field.text = data.typed
        compare(dialog.problem, data.problem)
        const save = findChild(dialog.footer, "saveButton")
        compare(save.enabled, data.problem === "")
        if (data.problem !== "") {
            compare(findChild(dialog.contentItem, "problem").text, data.problem)
            dialog.reject()
            return
        }
        mouseClick(save)
        verify(dialog.visible, "a failed save keeps the dialog open")
        verify(dialog.saveError.indexOf(data.error) === 0, dialog.saveError)
        compare(findChild(dialog.contentItem, "problem").text, dialog.saveError)
        compare(proceeded, false)
        compare(document.untitled, true)
        dialog.reject()
    }
}
