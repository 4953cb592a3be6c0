import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One task in the tree list: indentation, name, and its state in words and colour (never colour alone).
ItemDelegate {
    id: row
    required property string name
    required property string path
    required property int depth
    required property string state
    required property string detail
    required property string link
    required property var pendingSince
    required property bool delivered
    property real now: 0

    signal cancelRequested(string path)
    signal inspectRequested(string path)
    signal failRequested(string path)

    property bool selected: false

    width: ListView.view ? ListView.view.width : implicitWidth
    height: 40
    highlighted: selected
    background: Rectangle {
        color: row.selected ? Qt.alpha(Theme.accent, 0.18) : (row.hovered ? Qt.alpha(Theme.accent, 0.08) : "transparent")
        border.color: row.selected ? Theme.accent : "transparent"
    }
    onClicked: row.cancelRequested(row.path)
    ToolTip.visible: hovered
    ToolTip.delay: 600
    ToolTip.text: qsTr("Click to cancel %1 now; right-click to inspect or fail it").arg(row.path)

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: menu.popup()
    }
    Menu {
        id: menu
        MenuItem { text: qsTr("Inspect %1").arg(row.name); onTriggered: row.inspectRequested(row.path) }
        MenuItem { text: qsTr("Cancel %1").arg(row.name); onTriggered: row.cancelRequested(row.path) }
        MenuItem { text: qsTr("Fail %1 with an error").arg(row.name); onTriggered: row.failRequested(row.path) }
    }

    contentItem: RowLayout {
        spacing: 8
        Item { Layout.preferredWidth: row.depth * 24 }
        Label {
            text: row.link === "child" ? "├─" : "- -"
            color: Theme.mutedText
            ToolTip.text: row.link === "child" ? qsTr("structured child") : qsTr("unstructured: not cancelled with its creator")
        }
        Rectangle {
            Layout.preferredWidth: 14; Layout.preferredHeight: 14; radius: 7
            color: Theme.stateColors[row.state] || "#9e9e9e"
            border.color: row.pendingSince >= 0 ? Theme.pending : "transparent"
            border.width: 3
        }
        Label { text: row.name; font.bold: true; font.pixelSize: Theme.fontSize + 1; color: Theme.text }
        Label { text: Theme.stateLabels[row.state] || row.state; font.pixelSize: Theme.fontSize; color: Theme.text }
        Label {
            visible: row.pendingSince >= 0
            text: qsTr("cancel requested, pending %1 ms").arg(Math.max(0, row.now - row.pendingSince))
            color: Theme.pending
            font.pixelSize: Theme.fontSize
        }
        Label {
            text: row.detail
            color: Theme.mutedText
            elide: Text.ElideRight
            Layout.fillWidth: true
            font.pixelSize: 13
        }
    }
}
