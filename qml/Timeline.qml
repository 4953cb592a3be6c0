import QtQuick
import QtQuick.Controls
import Cascade

// The timeline panel: TimelineView (one lane per task, states as spans, marks, arrows, the
// playhead) with zoom buttons, a scroll bar for the lanes, a tooltip for what the pointer is on,
// and a key to the marks' shapes. Drag on it to scrub; Left / Right step events while it has the
// focus (Shift: ten); Ctrl+wheel zooms, Shift+wheel pans.
FocusScope {
    id: root
    required property Session session
    property alias view: view
    property alias highContrast: view.highContrast
    property alias laneHeight: view.laneHeight
    property bool showKey: true
    readonly property var colors: { view.highContrast; return TreeStyle.colors(view.highContrast) }

    implicitHeight: 220

    TimelineView {
        id: view
        objectName: "timelineView"
        anchors { left: parent.left; right: vbar.visible ? vbar.left : parent.right; top: parent.top
                  bottom: key.visible ? key.top : parent.bottom }
        focus: true
        session: root.session
        // The selected task's lane scrolls into view, as the tree's box does.
        Connections {
            target: root.session
            function onSelectedPathChanged() { view.ensureVisible(root.session.selectedPath) }
        }
    }

    ScrollBar {
        id: vbar
        anchors { top: parent.top; topMargin: view.axisHeight; right: parent.right; bottom: view.bottom }
        orientation: Qt.Vertical
        readonly property real room: Math.max(1, view.height - view.axisHeight)
        size: Math.min(1, room / Math.max(1, view.contentHeight))
        visible: size < 1
        policy: ScrollBar.AlwaysOn
        onPositionChanged: if (pressed) view.contentY = position * view.contentHeight
        Binding on position { value: view.contentY / Math.max(1, view.contentHeight); when: !vbar.pressed }
    }

    // Zoom and fit, in the corner above the task names.
    Row {
        anchors { left: parent.left; top: parent.top; leftMargin: 4 }
        height: view.axisHeight
        spacing: 0
        visible: view.labelWidth >= 110
        component ZoomButton: ToolButton {
            height: parent.height
            width: Math.max(implicitWidth, height + 6)
            padding: 2
            font.pixelSize: Math.max(11, view.axisHeight * 0.5)
            palette.buttonText: root.colors.text
        }
        ZoomButton {
            text: "−"
            onClicked: view.zoomBy(0.66, view.xOfTime(root.session.now))
            ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom the time axis out (Ctrl+wheel)")
        }
        ZoomButton {
            text: "+"
            onClicked: view.zoomBy(1.5, Math.max(view.labelWidth, Math.min(view.width, view.xOfTime(root.session.now))))
            ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom the time axis in, around the playhead (Ctrl+wheel)")
        }
        ZoomButton {
            objectName: "timelineFit"
            text: qsTr("Fit")
            font.bold: view.fitted
            font.underline: view.fitted
            onClicked: view.fit()
            ToolTip.visible: hovered; ToolTip.text: qsTr("Show the whole run, from 0 ms to its end")
        }
    }

    ToolTip {
        parent: view
        visible: hover.hovered && view.hoverText !== "" && !view.scrubbing
        delay: 300
        x: Math.min(hover.point.position.x + 14, view.width - width)
        y: hover.point.position.y + 18 + height > view.height ? hover.point.position.y - height - 8 : hover.point.position.y + 18
        text: view.hoverText
    }
    HoverHandler { id: hover; target: view; blocking: false }

    // What each shape means: the marks never speak by colour alone.
    Rectangle {
        id: key
        objectName: "timelineKey"
        // Only while three lanes stay in view above it (the tooltip names a mark as well).
        visible: root.showKey && root.height >= keyFlow.implicitHeight + 6 + view.axisHeight + 3 * view.laneHeight
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: visible ? keyFlow.implicitHeight + 6 : 0
        color: root.colors.background
        Rectangle { width: parent.width; height: 1; color: root.colors.mutedText; opacity: 0.4 }
        Flow {
            id: keyFlow
            anchors { fill: parent; leftMargin: 8; rightMargin: 8; topMargin: 3 }
            spacing: 14
            Repeater {
                model: [
                    {glyph: "▼", color: root.colors.pendingRing, what: qsTr("cancel requested")},
                    {glyph: "●", color: root.colors.cancelPulse, what: qsTr("delivered")},
                    {glyph: "◆", color: root.colors.checkRaised, what: qsTr("check point raised")},
                    {glyph: "◇", color: root.colors.checkPassed, what: qsTr("check point passed")},
                    {glyph: "⧗", color: root.colors.deadline, what: qsTr("timeout")},
                    {glyph: "▮", color: root.colors.blocked, what: qsTr("blocked (shield)")},
                    {glyph: "□", color: root.colors.text, what: qsTr("print")},
                    {glyph: "]", color: root.colors.text, what: qsTr("end")},
                    {glyph: "↓", color: root.colors.cancelPulse, what: qsTr("request from another task")},
                ]
                Row {
                    required property var modelData
                    spacing: 4
                    Label { text: modelData.glyph; color: modelData.color; font.pixelSize: 12; font.bold: true }
                    Label { text: modelData.what; color: root.colors.mutedText; font.pixelSize: 11 }
                }
            }
        }
    }
}
