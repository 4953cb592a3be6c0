import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// What the tasks print, as the program's own output: a line a row (Session.consoleLines), so a run
// of a million events scrolls and seeks without laying out all its text again. It follows the
// newest line, like a terminal, until the user scrolls up; Copy puts every line shown on the
// clipboard.
Pane {
    id: console
    required property Session session

    padding: 4
    background: Rectangle { color: Theme.panel; border.color: Theme.border }
    ColumnLayout {
        anchors.fill: parent
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Console")
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "copyConsole"
                text: qsTr("Copy")
                enabled: lines.count > 0
                font.pixelSize: Theme.fontSize - 2
                onClicked: console.session.copyConsole()
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Copy every line shown to the clipboard")
            }
        }
        ListView {
            id: lines
            reuseItems: true  // lines scrolled or stepped past come back in the same delegates
            cacheBuffer: 0    // delegates only for the lines in view: a long seek makes them anew
            objectName: "consoleLines"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: console.session.consoleLines
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            // Follow the newest line unless the user has scrolled up to read.
            property bool following: true
            onMovementEnded: following = atYEnd
            // Once the lines are in, as in the event log: not from within the insert.
            function followEnd() { positionViewAtEnd() }
            onCountChanged: if (following) Qt.callLater(followEnd)
            delegate: Text {
                required property var model
                width: ListView.view.width
                text: model.text
                font.family: "monospace"
                font.pixelSize: Theme.fontSize - 2
                color: Theme.text
                elide: Text.ElideRight
            }
            Label {
                anchors.fill: parent
                anchors.margins: 4
                visible: lines.count === 0
                text: qsTr("What the tasks print appears here")
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSize - 2
            }
        }
    }
}
