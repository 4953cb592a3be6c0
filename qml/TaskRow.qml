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
    signal failRequested(string path)

    readonly property var stateColors: ({
        "not-started": "#9e9e9e", "running": "#1e88e5", "suspended": "#8e24aa", "cpu": "#f4511e",
        "unwinding": "#fb8c00", "cleanup": "#fdd835", "completed": "#43a047", "cancelled": "#757575",
        "failed": "#e53935", "timed-out": "#6d4c41"
    })
    readonly property var stateLabels: ({
        "not-started": qsTr("not started"), "running": qsTr("running"), "suspended": qsTr("suspended"),
        "cpu": qsTr("CPU busy"), "unwinding": qsTr("unwinding"), "cleanup": qsTr("in cleanup"),
        "completed": qsTr("✔ completed"), "cancelled": qsTr("✖ cancelled"), "failed": qsTr("⚠ failed"),
        "timed-out": qsTr("⏱ timed out")
    })

    width: ListView.view ? ListView.view.width : implicitWidth
    height: 40
    onClicked: row.cancelRequested(row.path)
    ToolTip.visible: hovered
    ToolTip.delay: 600
    ToolTip.text: qsTr("Click to cancel %1; right-click for more").arg(row.path)

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: menu.popup()
    }
    Menu {
        id: menu
        MenuItem { text: qsTr("Cancel %1").arg(row.name); onTriggered: row.cancelRequested(row.path) }
        MenuItem { text: qsTr("Fail %1 with an error").arg(row.name); onTriggered: row.failRequested(row.path) }
    }

    contentItem: RowLayout {
        spacing: 8
        Item { Layout.preferredWidth: row.depth * 24 }
        Label {
            text: row.link === "child" ? "├─" : "┄┄"
            color: "#607d8b"
            ToolTip.text: row.link === "child" ? qsTr("structured child") : qsTr("unstructured: not cancelled with its creator")
        }
        Rectangle {
            Layout.preferredWidth: 14; Layout.preferredHeight: 14; radius: 7
            color: row.stateColors[row.state] || "#9e9e9e"
            border.color: row.pendingSince >= 0 ? "#d50000" : "transparent"
            border.width: 3
        }
        Label { text: row.name; font.bold: true; font.pixelSize: 15 }
        Label { text: row.stateLabels[row.state] || row.state; font.pixelSize: 14 }
        Label {
            visible: row.pendingSince >= 0
            text: qsTr("cancel requested, pending %1 ms").arg(Math.max(0, row.now - row.pendingSince))
            color: "#d50000"
            font.pixelSize: 14
        }
        Label {
            text: row.detail
            color: palette.placeholderText
            elide: Text.ElideRight
            Layout.fillWidth: true
            font.pixelSize: 13
        }
    }
}
