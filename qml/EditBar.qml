import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// The edit bar above the tree: the task edits while the run is at 0 ms (each with a tooltip that
// says why it is disabled), and a way back to 0 ms later in a run.
Pane {
    id: root

    property bool atStart: true
    property string selectedName
    property bool canUndo: false
    //! Why each edit is unavailable, by edit name ("" or missing: available).
    property var reasons: ({})
    property Action addChildAction
    property Action addUnstructuredAction
    property Action renameAction
    property Action deleteAction
    property Action shieldAction
    property Action timeoutAction

    signal restartRequested()

    objectName: "editBar"
    padding: 2
    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    RowLayout {
        width: parent.width
        spacing: 2
        Label {
            text: root.atStart ? qsTr("Edit %1:").arg(root.selectedName || qsTr("(select a task)"))
                               : qsTr("The tree can be edited at 0 ms.")
            color: Theme.text
            leftPadding: 6
            rightPadding: 6
        }
        Repeater {
            model: root.atStart ? [
                {action: root.addChildAction, edit: "addChild", hint: qsTr("A structured child: TaskGroup / coroutineScope / task group")},
                {action: root.addUnstructuredAction, edit: "addUnstructured", hint: qsTr("An unstructured task: create_task / GlobalScope.launch / Task {}")},
                {action: root.renameAction, edit: "rename", hint: qsTr("F2")},
                {action: root.deleteAction, edit: "remove", hint: qsTr("Also removes the joins and cancels that name it")},
                {action: root.shieldAction, edit: "shield", hint: qsTr("Wrap the whole body in a shield (asyncio.shield / NonCancellable)")},
                {action: root.timeoutAction, edit: "timeout", hint: qsTr("Wrap the whole body in a timeout")}
            ] : []
            EditToolButton {
                required property var modelData
                objectName: "edit-" + modelData.edit
                action: modelData.action
                reason: root.reasons[modelData.edit] || ""
                hint: modelData.hint
            }
        }
        Button {
            objectName: "backToStart"
            visible: !root.atStart
            text: qsTr("⟲ Back to 0 ms to edit")
            onClicked: root.restartRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Home: the run starts again from 0 (your cancels are replayed)")
        }
        Item { Layout.fillWidth: true }
        Label {
            text: qsTr("Undo: Ctrl+Z")
            visible: root.canUndo
            color: Theme.mutedText
            rightPadding: 6
        }
    }
}
