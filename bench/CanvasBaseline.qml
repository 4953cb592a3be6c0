import QtQuick
import Cascade

// The baseline of bench/canvas_frames.cpp: the same task tree drawn the plain QML way, one
// Rectangle per task (a Repeater over Session.tasks), placed where TreeCanvas puts each box at the
// same zoom. At the whole-tree zoom of a 10,000-task lesson TreeCanvas draws no labels (a box is a
// pixel or two high), so neither does the baseline; it draws no edges either, which only favours it.
// The C++ side sets `ready` after Session.open(), so the delegates are created in one pass.
Window {
    id: root
    width: 1920
    height: 1080
    visible: true
    color: "#f6f7f9"  // the canvas's background (treePalette)

    property bool ready: false
    // The canvas's view for the same window (TreeCanvas: item = content * zoom - content{X,Y}).
    property real zoom: 1
    property real contentX: -24
    property real contentY: -24
    // state -> the canvas's accent colour for it (treeStateStyle), filled in from C++.
    property var stateColors: ({})
    // TreeMetrics: indent, row height, box width and height, the box's offset inside its row.
    readonly property real indent: 42
    readonly property real rowHeight: 44
    readonly property real boxWidth: 264
    readonly property real boxHeight: 32
    readonly property real boxTop: (rowHeight - boxHeight) / 2

    Session { id: session; objectName: "session" }

    Item {
        anchors.fill: parent
        clip: true
        Repeater {
            model: root.ready ? session.tasks : null
            delegate: Rectangle {
                // Context properties (index, model.*): "state" would clash with Item.state as a
                // required property.
                x: Math.round(model.depth * root.indent * root.zoom - root.contentX)
                y: Math.round((index * root.rowHeight + root.boxTop) * root.zoom - root.contentY)
                width: Math.max(1, Math.round(root.boxWidth * root.zoom))
                height: Math.max(1, Math.round(root.boxHeight * root.zoom))
                color: root.stateColors[model.state] || "#888888"
            }
        }
    }
}
