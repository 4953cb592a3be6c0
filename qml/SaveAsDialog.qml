import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Cascade

// Save As: a path field checked as it is typed, and Browse… for the file dialog. The field is
// there because Qt 6.4's own (non-native) FileDialog, used when the desktop offers none, cannot
// commit a new file name in SaveFile mode; picking an existing file works in both.
Dialog {
    id: dialog

    property ScenarioDocument document
    //! Run once the file is written (the unsaved-changes prompt continues with it).
    property var after: null
    readonly property string typedPath: pathField.text
    readonly property string problem: document ? document.savePathProblem(pathField.text) : ""
    readonly property string target: document ? document.savePathFor(pathField.text) : ""
    property string saveError

    title: qsTr("Save the scenario as")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, Overlay.overlay ? Overlay.overlay.width - 40 : 620)

    function start(next) {
        after = next || null
        saveError = ""
        pathField.text = document.suggestedSavePath()
        open()
    }
    function save() {
        if (problem !== "")
            return
        if (!document.saveAs(target)) {
            saveError = document.error
            return
        }
        const next = after
        after = null
        close()
        if (next)
            next()
    }

    onOpened: {
        pathField.forceActiveFocus()
        pathField.select(pathField.text.lastIndexOf("/") + 1, pathField.text.length)
    }
    onRejected: after = null

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label { text: qsTr("File") }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: pathField
                objectName: "pathField"
                Layout.fillWidth: true
                selectByMouse: true
                onTextChanged: dialog.saveError = ""
                onAccepted: dialog.save()
            }
            Button {
                text: qsTr("Browse…")
                onClicked: browser.open()
            }
        }
        Label {
            objectName: "problem"
            Layout.fillWidth: true
            text: dialog.saveError !== "" ? dialog.saveError
                : dialog.problem !== "" ? dialog.problem
                : qsTr("Writes %1").arg(dialog.target)
            color: dialog.saveError !== "" || dialog.problem !== "" ? Theme.pending : Theme.mutedText
            wrapMode: Text.Wrap
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveButton"
            text: qsTr("Save")
            enabled: dialog.problem === ""
            // Not AcceptRole: the dialog closes only once the file is written.
            onClicked: dialog.save()
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    FileDialog {
        id: browser
        title: qsTr("Save the scenario as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Cascade scenario (*.json)")]
        currentFolder: dialog.document ? dialog.document.folder : ""
        onAccepted: pathField.text = dialog.document.savePathFor(selectedFile.toString())
    }
}
