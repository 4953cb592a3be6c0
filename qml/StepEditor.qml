import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Edits one task's steps: the step tree (StepListModel), a toolbar to add, delete and move
// steps, and the form of the selected row with each field's validation message. Every valid
// change is handed to the document (setSteps); an invalid body stays here, marked, until fixed.
ColumnLayout {
    id: editor
    // A ScenarioDocument: steps(specPath) -> array, setSteps(specPath, steps) -> "" or an error.
    property var document: null
    property string specPath: ""     // "main/chop": a task definition (runtime indices dropped)
    property string runtime: ""      // marks the steps this runtime cannot run
    property string currentPointer: ""  // the selected row, by its JSON pointer in the body
    property string documentError: ""   // what the document said about the last change
    readonly property alias model: stepModel
    readonly property bool ready: document !== null && document !== undefined && specPath !== ""

    // The selected row as the form shows it; refreshed on every change of the model.
    property var current: ({})
    property var currentFields: []

    readonly property color unavailableColor: Theme.contrast ? "#ffa040" : "#a04a00"

    spacing: 6

    function pointerOf(index) { return stepModel.data(index, StepListModel.PointerRole) || "" }
    function currentIndex() { return stepModel.rowOfPointer(currentPointer) }
    function select(index) { currentPointer = index && index.valid ? pointerOf(index) : "" }

    // The steps as last loaded from or saved to the document.
    property var synced: []

    // Not through `ready`: a change handler may run before that binding is updated.
    function hasDocument() { return !!editor.document && editor.specPath !== "" }
    function load() {
        currentPointer = ""
        documentError = ""
        synced = hasDocument() ? editor.document.steps(specPath) : []
        stepModel.steps = synced
    }
    // For a change made elsewhere (an undo, another view): reloads only if the document's steps
    // are not the ones this editor last loaded or saved, so an edit in progress survives a save.
    function reloadIfChanged() {
        if (!hasDocument())
            return
        const steps = editor.document.steps(specPath)
        if (JSON.stringify(steps) === JSON.stringify(synced))
            return
        const selected = currentPointer
        synced = steps
        stepModel.steps = steps
        documentError = ""
        currentPointer = stepModel.rowOfPointer(selected).valid ? selected : ""
    }
    function save(steps) {
        if (!hasDocument())
            return
        const problem = editor.document.setSteps(specPath, steps)
        documentError = problem ? problem : ""
        if (!problem)
            synced = steps
    }
    function refresh() {
        const index = currentIndex()
        if (!index.valid) {
            current = {}
            currentFields = []
            return
        }
        const role = (r) => stepModel.data(index, r)
        current = {
            kind: role(StepListModel.KindRole), params: role(StepListModel.ParamsRole),
            paramErrors: role(StepListModel.ParamErrorsRole), error: role(StepListModel.ErrorRole),
            unavailable: role(StepListModel.UnavailableRole), isSection: role(StepListModel.IsSectionRole),
            section: role(StepListModel.SectionRole), summary: role(StepListModel.SummaryRole)
        }
        // Rebuilt only when the form's shape changes, so a control is not replaced under the hand.
        const fields = stepModel.fields(index)
        if (JSON.stringify(fields) !== JSON.stringify(currentFields))
            currentFields = fields
    }
    function relayout() {
        tree.expandRecursively()
        tree.forceLayout()
    }

    // Where a new step goes: after the selected step, into the selected section, or at the end.
    function addStep(kind) {
        const index = currentIndex()
        let added
        if (!index.valid)
            added = stepModel.insertStep(stepModel.index(-1, 0), stepModel.rowCount(), kind)
        else if (current.isSection)
            added = stepModel.insertStep(index, stepModel.rowCount(index), kind)
        else
            added = stepModel.insertStep(index.parent, index.row + 1, kind)
        select(added)
    }
    function deleteCurrent() {
        const index = currentIndex()
        if (!index.valid)
            return
        const parent = index.parent
        const row = index.row
        if (!stepModel.removeStep(index))
            return
        const count = stepModel.rowCount(parent)
        select(count > row ? stepModel.index(row, 0, parent) : row > 0 ? stepModel.index(row - 1, 0, parent) : parent)
    }
    function move(delta) {
        const index = currentIndex()
        if (index.valid && !current.isSection)
            select(stepModel.moveStep(index, delta))
    }
    function setParam(key, value) { stepModel.setParam(currentIndex(), key, value) }

    onCurrentPointerChanged: {
        refresh()
        Qt.callLater(showCurrent, false)
    }
    // Scrolls the selected row into view. A row that is not loaded yet is first brought near by
    // an estimate, then exactly. Not positionViewAtRow: in Qt 6.4.2 it crashes in
    // QQuickTableViewPrivate::scrollToRow when called from here.
    function showCurrent(estimated) {
        const index = currentIndex()
        if (!index.valid || !tree.visible)
            return
        tree.expandToIndex(index)
        const cell = tree.cellAtIndex(index)
        if (cell.y < 0)
            return
        const item = tree.itemAtCell(Qt.point(0, cell.y))
        if (!item) {
            if (estimated)
                return
            const perRow = tree.contentHeight / Math.max(1, tree.rows)
            tree.contentY = Math.max(0, Math.min(tree.contentHeight - tree.height, cell.y * perRow - tree.height / 2))
            Qt.callLater(editor.showCurrent, true)
            return
        }
        if (item.y < tree.contentY)
            tree.contentY = item.y
        else if (item.y + item.height > tree.contentY + tree.height)
            tree.contentY = item.y + item.height - tree.height
    }
    onSpecPathChanged: load()
    onDocumentChanged: load()
    Component.onCompleted: load()

    StepListModel {
        id: stepModel
        taskName: editor.specPath.split("/").pop()
        runtime: editor.runtime
        onEdited: (steps) => editor.save(steps)
        onDataChanged: { editor.refresh(); Qt.callLater(editor.relayout) }
        onRowsInserted: { editor.refresh(); Qt.callLater(editor.relayout) }
        onRowsRemoved: { editor.refresh(); Qt.callLater(editor.relayout) }
        onRowsMoved: { editor.refresh(); Qt.callLater(editor.relayout) }
        onModelReset: { editor.refresh(); Qt.callLater(editor.relayout) }
    }

    Shortcut { sequence: "Alt+Insert"; enabled: editor.ready && editor.visible; onActivated: editor.addStep(kindPicker.currentText) }
    Shortcut { sequence: "Alt+Delete"; enabled: editor.ready && editor.visible; onActivated: editor.deleteCurrent() }
    Shortcut { sequence: "Alt+Up"; enabled: editor.ready && editor.visible; onActivated: editor.move(-1) }
    Shortcut { sequence: "Alt+Down"; enabled: editor.ready && editor.visible; onActivated: editor.move(1) }

    Label {
        visible: !editor.ready
        text: qsTr("The steps can be edited here once the window hands the inspector its scenario document.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // Two rows: the column is narrow (about 300 px).
    GridLayout {
        visible: editor.ready
        columns: 3
        rowSpacing: 4
        columnSpacing: 4
        Layout.fillWidth: true
        ComboBox {
            id: kindPicker
            objectName: "kindPicker"
            model: stepModel.kinds
            Layout.columnSpan: 2
            Layout.fillWidth: true
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Kind of step to add")
        }
        Button {
            objectName: "addButton"
            Layout.fillWidth: true
            text: qsTr("Add")
            onClicked: editor.addStep(kindPicker.currentText)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Add after the selected step, or into the selected section (Alt+Insert)")
        }
        Button {
            objectName: "deleteButton"
            Layout.fillWidth: true
            text: qsTr("Delete")
            enabled: editor.current.kind !== undefined
                     && (!editor.current.isSection || editor.current.section === "finally"
                         || String(editor.current.section).startsWith("catch"))
            onClicked: editor.deleteCurrent()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Delete the selected step, catch clause or finally (Alt+Delete)")
        }
        Button {
            objectName: "moveUpButton"
            Layout.fillWidth: true
            text: qsTr("Up")
            enabled: editor.current.kind !== undefined && !editor.current.isSection
            onClicked: editor.move(-1)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Move the step up (Alt+Up)")
        }
        Button {
            objectName: "moveDownButton"
            Layout.fillWidth: true
            text: qsTr("Down")
            enabled: editor.current.kind !== undefined && !editor.current.isSection
            onClicked: editor.move(1)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Move the step down (Alt+Down)")
        }
    }

    Label {
        id: problemSummary
        objectName: "problemSummary"
        // Bound explicitly: the layout missed the second line when the text wrapped after it appeared.
        Layout.preferredHeight: problemSummary.contentHeight
        visible: editor.ready && (!stepModel.valid || editor.documentError !== "")
        text: editor.documentError !== "" ? editor.documentError
              : stepModel.errors.length === 1
                ? qsTr("1 problem: not saved until it is fixed.")
                : qsTr("%1 problems: not saved until they are fixed.")
                  .arg(stepModel.errors.length)
        color: Theme.pending
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    TreeView {
        id: tree
        objectName: "stepTree"
        visible: editor.ready
        model: stepModel
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: false  // a reused row would keep the height of the text it showed before
        columnWidthProvider: () => tree.width
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        onWidthChanged: Qt.callLater(editor.relayout)
        ScrollBar.vertical: ScrollBar {}

        delegate: Rectangle {
            id: row
            required property TreeView treeView
            required property int depth
            required property string kind
            required property string summary
            required property string error
            required property string unavailable
            required property bool isSection
            required property string pointer
            readonly property bool selected: pointer === editor.currentPointer

            implicitWidth: treeView.width
            implicitHeight: content.implicitHeight + 8
            color: selected ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.18) : "transparent"
            border.color: selected ? Theme.accent : "transparent"

            // Positioners, not layouts: the tree measures a row when it loads it, before a
            // layout would have wrapped its text.
            Column {
                id: content
                x: 4 + row.depth * 12
                y: 4
                width: row.treeView.width - x - 4
                spacing: 1
                Item {
                    width: content.width
                    height: Math.max(chip.visible ? chip.implicitHeight : 0, summaryText.implicitHeight)
                    Label {
                        // The kind as a chip; a section row shows its label in italics instead.
                        id: chip
                        visible: !row.isSection
                        text: row.kind
                        font.pixelSize: Theme.fontSize - 3
                        font.bold: true
                        color: Theme.panel
                        leftPadding: 4; rightPadding: 4
                        background: Rectangle { color: row.unavailable !== "" ? editor.unavailableColor : Theme.accent; radius: 3 }
                    }
                    Label {
                        id: summaryText
                        x: chip.visible ? chip.width + 6 : 0
                        width: parent.width - x
                        text: row.isSection ? row.summary + ":" : row.summary
                        font.italic: row.isSection
                        color: row.isSection ? Theme.mutedText : Theme.text
                        wrapMode: Text.Wrap
                    }
                }
                Label {
                    visible: row.error !== ""
                    width: content.width
                    text: row.error
                    color: Theme.pending
                    font.pixelSize: Theme.fontSize - 2
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: row.unavailable !== ""
                    width: content.width
                    text: row.unavailable  // the engine's words: "... is not available in swift: ..."
                    color: editor.unavailableColor
                    font.pixelSize: Theme.fontSize - 2
                    wrapMode: Text.Wrap
                }
            }
            TapHandler { onTapped: editor.currentPointer = row.pointer }
        }
    }

    ScrollView {
        id: formScroll
        objectName: "stepForm"
        visible: editor.ready && editor.current.kind !== undefined
        contentWidth: availableWidth
        clip: true
        // As tall as the form, up to half the editor; the tree takes the rest.
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(form.implicitHeight, editor.height / 2)
        Layout.minimumHeight: Math.min(form.implicitHeight, 120)

        ColumnLayout {
            id: form
            width: formScroll.availableWidth
            spacing: 8

            Label {
                text: editor.current.isSection ? qsTr("Section: %1").arg(editor.current.section) : qsTr("Step")
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ComboBox {
                objectName: "kindField"
                visible: !editor.current.isSection
                model: stepModel.kinds
                currentIndex: stepModel.kinds.indexOf(editor.current.kind)
                Layout.fillWidth: true
                onActivated: stepModel.setKind(editor.currentIndex(), currentText)
            }
            Button {
                objectName: "addCatchButton"
                visible: editor.current.kind === "try"
                text: qsTr("Add a catch clause")
                onClicked: editor.select(stepModel.addCatch(editor.currentIndex(), "cancellation"))
            }
            Label {
                // A problem about the row itself (not one of its fields).
                visible: text !== ""
                text: {
                    const error = editor.current.error || ""
                    const errors = editor.current.paramErrors || {}
                    return Object.keys(errors).some((key) => error === key + ": " + errors[key]) ? "" : error
                }
                color: Theme.pending
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: !!editor.current.unavailable
                text: editor.current.unavailable || ""
                color: editor.unavailableColor
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: editor.currentFields
                delegate: StepField {
                    required property var modelData
                    spec: modelData
                    value: editor.current.params ? editor.current.params[modelData.key] : undefined
                    message: editor.current.paramErrors && editor.current.paramErrors[modelData.key]
                             ? editor.current.paramErrors[modelData.key] : ""
                    onEdited: (newValue) => editor.setParam(modelData.key, newValue)
                }
            }
            Label {
                visible: !!editor.current.isSection && !String(editor.current.section).startsWith("catch")
                         && editor.current.section !== "finally"
                text: qsTr("Select the section and press Add to put a step into it.")
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
