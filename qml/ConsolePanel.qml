import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// What the tasks print, as the program's own output.
Pane {
    id: console
    property string text

    padding: 4
    background: Rectangle { color: Theme.panel; border.color: Theme.border }
    ColumnLayout {
        anchors.fill: parent
        Label { text: qsTr("Console"); font.bold: true; color: Theme.text }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            TextArea {
                readOnly: true
                text: console.text
                font.family: "monospace"
                font.pixelSize: Theme.fontSize - 2
                color: Theme.text
                placeholderText: qsTr("What the tasks print appears here")
                background: null
            }
        }
    }
}
