import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Cascade

// The window's recordings and exports, as actions for its menus: File > Open Recording…, Save
// Recording…, Export > Chrome trace… / PNG picture… / Animated GIF…, Edit > Copy picture
// (Ctrl+Shift+C). Also the status line's latest message, from the document, the session and the
// exports alike.
Item {
    id: root
    required property Session session
    required property ScenarioDocument document
    property string title                      // the lesson's title in the window's language
    property bool highContrast: false
    property var whenSaved: (next) => next()   // the window's guard against losing unsaved edits
    property size pictureSize: Qt.size(1280, 720)  // of the copied picture (the view's size)
    property size exportSize: Qt.size(1280, 720)   // of PNG and GIF files: a slide's size

    readonly property alias exporter: exporter
    property alias openRecordingAction: openRecordingAction
    property alias saveRecordingAction: saveRecordingAction
    property alias exportChromeAction: exportChromeAction
    property alias exportPngAction: exportPngAction
    property alias exportGifAction: exportGifAction
    property alias copyPictureAction: copyPictureAction

    // The latest message wins the status line.
    property string message
    property bool messageIsError: false
    function say(text, isError) {
        if (text === "")
            return
        message = text
        messageIsError = isError
    }
    Component.onCompleted: say(document.error !== "" ? document.error : document.status, document.error !== "")
    Connections {
        target: root.document
        function onStatusChanged() { root.say(root.document.status, false) }
        function onErrorChanged() { root.say(root.document.error, true) }
    }
    Connections {
        target: root.session
        function onErrorChanged() { root.say(root.session.error, true) }
        // A failed save said so through errorChanged already.
        function onRecordingSaved(path, error) {
            if (error === "")
                root.say(qsTr("Saved the recording to %1").arg(path), false)
        }
    }
    Connections {
        target: exporter
        function onStatusChanged() { root.say(exporter.status, false) }
        function onErrorChanged() { root.say(exporter.error, true) }
    }

    Exporter {
        id: exporter
        objectName: "exporter"
        session: root.session
        title: root.title
        highContrast: root.highContrast
        folder: root.document.folder
    }

    readonly property string nothingToRecord: session.eventCount > 0 ? "" : qsTr("No run to record or export")

    Action {
        id: openRecordingAction
        text: qsTr("Open Recording…")
        onTriggered: root.whenSaved(() => openDialog.open())
    }
    Action {
        id: saveRecordingAction
        text: qsTr("Save Recording…")
        enabled: root.nothingToRecord === ""
        onTriggered: exportDialog.start(qsTr("Save the run as a recording"), "recording.jsonl",
                                        qsTr("Cascade recording (*.recording.jsonl)"), false,
                                        (path) => {
                                            // Written on a worker thread: a million events take
                                            // over a second, and the window goes on meanwhile.
                                            if (!root.session.saveRecordingInBackground(path))
                                                return root.session.error
                                            root.say(qsTr("Saving the recording to %1…").arg(path), false)
                                            return ""
                                        })
    }
    Action {
        id: exportChromeAction
        text: qsTr("Chrome trace (Perfetto)…")
        enabled: root.nothingToRecord === ""
        onTriggered: exportDialog.start(qsTr("Export the run as a Chrome trace"), "json", qsTr("Chrome trace (*.json)"), false,
                                        (path) => exporter.exportChromeTrace(path) ? "" : exporter.error)
    }
    Action {
        id: exportPngAction
        text: qsTr("PNG picture…")
        enabled: root.nothingToRecord === ""
        onTriggered: exportDialog.start(qsTr("Export the tree and the timeline as a picture"), "png", qsTr("PNG picture (*.png)"), false,
                                        (path) => exporter.exportPng(path, root.exportSize.width, root.exportSize.height) ? "" : exporter.error)
    }
    Action {
        id: exportGifAction
        text: qsTr("Animated GIF…")
        enabled: root.nothingToRecord === ""
        onTriggered: exportDialog.start(qsTr("Export a stretch of the run as an animated GIF"), "gif", qsTr("GIF animation (*.gif)"), true,
                                        (path, o) => exporter.exportGif(path, o.from, o.to, o.fps, o.speed,
                                                                        root.exportSize.width, root.exportSize.height) ? "" : exporter.error)
    }
    Action {
        id: copyPictureAction
        text: qsTr("Copy picture")
        shortcut: "Ctrl+Shift+C"
        enabled: root.nothingToRecord === ""
        onTriggered: exporter.copyPicture(root.pictureSize.width, root.pictureSize.height)
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open a recording")
        currentFolder: root.document.folder
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Cascade recording (*.recording.jsonl *.jsonl)"), qsTr("All files (*)")]
        onAccepted: root.document.openRecording(selectedFile.toString())
    }
    ExportDialog {
        id: exportDialog
        objectName: "exportDialog"
        parent: Overlay.overlay
        exporter: exporter
        endTime: root.session.endTime
        now: root.session.now
    }
}
