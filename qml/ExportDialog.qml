import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Cascade

// Where to write a recording or an export: a path field checked as it is typed, Browse… for the
// file dialog (as Save As does: Qt 6.4's own FileDialog cannot commit a new name), and for a GIF
// the stretch of the run, the frames a second and the speed. `perform(path, options)` writes the
// file and returns "" or why it could not.
Dialog {
    id: dialog

    required property Exporter exporter
    property string extension: "png"        // added when the typed name lacks it
    property string filterName: ""
    property bool gifOptions: false
    property var perform: null              // function(path, options) -> error text
    // The run's extent and the playhead, for the GIF's defaults and limits.
    property int endTime: 0
    property int now: 0
    property string writeError

    readonly property string target: exporter.pathFor(pathField.text, extension)
    readonly property string problem: exporter.pathProblem(pathField.text)

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(640, Overlay.overlay ? Overlay.overlay.width - 40 : 640)

    function start(dialogTitle, ext, filter, withGifOptions, action) {
        title = dialogTitle
        extension = ext
        filterName = filter
        gifOptions = withGifOptions
        perform = action
        writeError = ""
        pathField.text = exporter.suggestedPath(ext)
        // A GIF of "this moment": a second either side of the playhead (the whole run when short).
        fromField.value = Math.max(0, now - 1000)
        toField.value = Math.min(endTime, Math.max(now + 1000, fromField.value + 1))
        open()
    }
    function write() {
        if (problem !== "")
            return
        const error = perform(target, {from: fromField.value, to: toField.value, fps: fpsField.value,
                                       speed: speedField.realValue})
        if (error !== "") {
            writeError = error
            return
        }
        close()
    }

    onOpened: {
        pathField.forceActiveFocus()
        pathField.select(pathField.text.lastIndexOf("/") + 1, pathField.text.length)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label { text: qsTr("File") }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: pathField
                objectName: "exportPath"
                Layout.fillWidth: true
                selectByMouse: true
                onTextChanged: dialog.writeError = ""
                onAccepted: dialog.write()
            }
            Button {
                text: qsTr("Browse…")
                onClicked: browser.open()
            }
        }
        GridLayout {
            visible: dialog.gifOptions
            columns: 4
            columnSpacing: 10
            Label { text: qsTr("From (ms)") }
            SpinBox { id: fromField; objectName: "gifFrom"; from: 0; to: Math.max(0, dialog.endTime); editable: true; stepSize: 100 }
            Label { text: qsTr("To (ms)") }
            SpinBox { id: toField; objectName: "gifTo"; from: 0; to: Math.max(0, dialog.endTime); editable: true; stepSize: 100 }
            Label { text: qsTr("Frames a second") }
            SpinBox { id: fpsField; from: 1; to: 50; value: 10; editable: true }
            Label { text: qsTr("Speed") }
            SpinBox {
                id: speedField
                // Tenths: 0.1x to 10x, as the window's speed.
                readonly property real realValue: value / 10
                from: 1; to: 100; value: 10; editable: true
                textFromValue: (v) => (v / 10).toFixed(1) + "×"
                valueFromText: (text) => Math.round(parseFloat(text) * 10)
            }
        }
        Label {
            objectName: "exportProblem"
            Layout.fillWidth: true
            text: dialog.writeError !== "" ? dialog.writeError
                : dialog.problem !== "" ? dialog.problem
                : dialog.gifOptions && toField.value <= fromField.value ? qsTr("The GIF ends where it starts: give a later end")
                : qsTr("Writes %1").arg(dialog.target)
            color: dialog.writeError !== "" || dialog.problem !== "" ? Theme.pending : Theme.mutedText
            wrapMode: Text.Wrap
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "exportButton"
            text: qsTr("Save")
            enabled: dialog.problem === "" && (!dialog.gifOptions || toField.value > fromField.value)
            onClicked: dialog.write()  // closes only once the file is written
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    FileDialog {
        id: browser
        title: dialog.title
        fileMode: FileDialog.SaveFile
        defaultSuffix: dialog.extension
        nameFilters: [dialog.filterName]
        currentFolder: dialog.exporter.folder
        onAccepted: pathField.text = dialog.exporter.pathFor(selectedFile.toString(), dialog.extension)
    }
}
