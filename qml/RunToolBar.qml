import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// The run controls over the window: runtime, back / play / step / restart, speed, the legend and
// theme switches, and the clock.
ToolBar {
    id: bar
    required property Session session
    property bool legendShown: true
    signal legendToggled(bool shown)

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 6
        Label { text: qsTr("Runtime") }
        ComboBox {
            model: bar.session.runtimes
            currentIndex: bar.session.runtimes.indexOf(bar.session.runtime)
            onActivated: bar.session.runtime = currentText
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Run the same tree under the rules of another runtime")
        }
        ToolSeparator {}
        Button {
            text: qsTr("← Back")
            enabled: bar.session.shownEvents > 1
            onClicked: bar.session.stepBack()
            ToolTip.visible: hovered; ToolTip.text: qsTr("Left arrow: the previous event (replays from 0)")
        }
        Button {
            text: bar.session.playing ? qsTr("❙❙ Pause") : qsTr("▶ Play")
            enabled: !bar.session.finished || bar.session.playing
            highlighted: true
            onClicked: bar.session.playing = !bar.session.playing
            ToolTip.visible: hovered; ToolTip.text: qsTr("Space")
        }
        Button {
            text: qsTr("Step →")
            enabled: !bar.session.finished
            onClicked: bar.session.stepEvent()
            ToolTip.visible: hovered; ToolTip.text: qsTr("Right arrow: the next event")
        }
        Button {
            text: qsTr("⟲ Restart")
            onClicked: bar.session.restart()
            ToolTip.visible: hovered; ToolTip.text: qsTr("Home: run again from 0 with the same actions")
        }
        ToolSeparator {}
        Label { text: qsTr("Speed %1×").arg(bar.session.speed < 1 ? bar.session.speed.toFixed(2) : bar.session.speed.toFixed(1)) }
        Slider {
            from: -1; to: 1; value: Math.log(bar.session.speed) / Math.LN10
            onMoved: bar.session.speed = Math.pow(10, value)
            // Gives way first when the window is narrow (1280x720 and smaller).
            Layout.fillWidth: true
            Layout.preferredWidth: 120
            Layout.maximumWidth: 120
            Layout.minimumWidth: 60
            ToolTip.visible: hovered; ToolTip.text: qsTr("0.1× to 10× (keys + and -)")
        }
        Item { Layout.fillWidth: true }
        Switch {
            objectName: "legendSwitch"
            text: qsTr("Legend")
            checked: bar.legendShown
            onToggled: bar.legendToggled(checked)
            ToolTip.visible: hovered; ToolTip.text: qsTr("F1: what the colours, marks and lines on the tree mean")
        }
        Switch {
            text: qsTr("High contrast")
            checked: Theme.highContrast
            onToggled: Theme.highContrast = checked
        }
        Label {
            text: qsTr("t = %1 ms").arg(bar.session.now)
            font.pixelSize: 22
            font.bold: true
            font.family: "monospace"
        }
        Label { text: bar.session.finished ? qsTr("finished") : ""; color: Theme.mutedText }
    }
}
