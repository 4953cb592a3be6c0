import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Renames a task. The problem with the typed name (the loader's rules, sibling names) shows
// under the field, and Rename stays disabled until there is none.
Dialog {
    id: dialog

    property ScenarioDocument document
    property string path
    readonly property string currentName: path.substring(path.lastIndexOf("/") + 1).replace(/\[\d+\]$/, "")
    readonly property alias name: nameField.text
    readonly property string problem: document && path !== "" ? document.checkNewName(path, nameField.text) : ""

    title: qsTr("Rename %1").arg(currentName)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(460, Overlay.overlay ? Overlay.overlay.width - 40 : 460)

    function start(taskPath) {
        path = taskPath
        nameField.text = currentName
        open()
    }

    onOpened: {
        nameField.selectAll()
        nameField.forceActiveFocus()
    }
    //! After a successful rename: the task's new spec path, for the selection to follow.
    signal renamed(string newPath)

    onAccepted: {
        const spec = document.taskFacts(path).specPath
        if (document.renameTask(path, nameField.text))
            renamed(spec.substring(0, spec.lastIndexOf("/") + 1) + nameField.text)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            text: qsTr("New name of %1").arg(dialog.path)
            Layout.fillWidth: true
            elide: Text.ElideMiddle
        }
        TextField {
            id: nameField
            objectName: "nameField"
            Layout.fillWidth: true
            selectByMouse: true
            onAccepted: if (dialog.problem === "") dialog.accept()
        }
        Label {
            objectName: "problem"
            Layout.fillWidth: true
            // The line stays reserved so the dialog does not jump while typing.
            text: dialog.problem !== "" ? dialog.problem : " "
            color: Theme.pending
            wrapMode: Text.Wrap
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "okButton"
            text: qsTr("Rename")
            enabled: dialog.problem === ""
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
