import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Cascade

// Compare runtimes: the window's scenario run under two runtimes at once, on one clock, with one
// set of user actions (a click on either tree acts on both runs at the same virtual time), and
// the moments the runs diverge, task by task. A click on a divergence shows both runs then.
ApplicationWindow {
    id: compareWindow
    required property Session source
    readonly property alias comparison: comparison

    title: qsTr("Compare runtimes — %1").arg(Localization.language === "ko" && source.titleKo !== "" ? source.titleKo : source.title)
    color: Theme.window
    minimumWidth: 900
    minimumHeight: 560

    RunComparison {
        id: comparison
        objectName: "comparison"
        source: compareWindow.source
    }

    readonly property bool atStart: comparison.now === 0 && !comparison.playing
    readonly property bool refused: comparison.refusal !== ""
    function runtimeTitle(name) { return ({asyncio: "asyncio", kotlin: "Kotlin", swift: "Swift"})[name] || name }

    Shortcut { sequence: "Space"; onActivated: comparison.playing = !comparison.playing }
    Shortcut { sequence: "Right"; onActivated: comparison.stepForward() }
    Shortcut { sequence: "Left"; onActivated: comparison.stepBack() }
    Shortcut { sequence: "Home"; onActivated: comparison.restart() }
    Shortcut { sequences: ["+", "="]; onActivated: comparison.speed = Math.min(10, comparison.speed * 2) }
    Shortcut { sequence: "-"; onActivated: comparison.speed = Math.max(0.1, comparison.speed / 2) }
    Shortcut { sequence: "Delete"; onActivated: if (comparison.selectedPath !== "") comparison.cancelTask(comparison.selectedPath) }
    Shortcut { sequences: ["Escape", "Ctrl+W"]; onActivated: compareWindow.close() }

    TimeoutDialog { id: timeoutDialog; session: comparison }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            spacing: 6
            Label { text: qsTr("Compare"); font.bold: true }
            ComboBox {
                objectName: "leftRuntime"
                model: compareWindow.source.runtimes
                currentIndex: model.indexOf(comparison.leftRuntime)
                onActivated: comparison.leftRuntime = currentText
                ToolTip.visible: hovered; ToolTip.text: qsTr("The runtime of the left run")
            }
            Label { text: qsTr("with") }
            ComboBox {
                objectName: "rightRuntime"
                model: compareWindow.source.runtimes
                currentIndex: model.indexOf(comparison.rightRuntime)
                onActivated: comparison.rightRuntime = currentText
                ToolTip.visible: hovered; ToolTip.text: qsTr("The runtime of the right run")
            }
            ToolSeparator {}
            Button {
                text: qsTr("← Back")
                enabled: comparison.now > 0
                onClicked: comparison.stepBack()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Left arrow: the previous instant at which either run has events")
            }
            Button {
                text: comparison.playing ? qsTr("❙❙ Pause") : qsTr("▶ Play")
                enabled: !compareWindow.refused && (!comparison.finished || comparison.playing)
                highlighted: true
                onClicked: comparison.playing = !comparison.playing
                ToolTip.visible: hovered; ToolTip.text: qsTr("Space: both runs on one clock")
            }
            Button {
                text: qsTr("Step →")
                enabled: !compareWindow.refused && !comparison.finished
                onClicked: comparison.stepForward()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Right arrow: the next instant at which either run has events")
            }
            Button {
                text: qsTr("⟲ Restart")
                onClicked: comparison.restart()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Home: both runs again from 0 with the same actions")
            }
            Label { text: qsTr("Speed %1×").arg(comparison.speed < 1 ? comparison.speed.toFixed(2) : comparison.speed.toFixed(1)) }
            Slider {
                from: -1; to: 1; value: Math.log(comparison.speed) / Math.LN10
                onMoved: comparison.speed = Math.pow(10, value)
                Layout.preferredWidth: 100
            }
            Item { Layout.fillWidth: true }
            Label {
                text: qsTr("t = %1 ms").arg(comparison.now)
                font.pixelSize: 22
                font.bold: true
                font.family: "monospace"
            }
            Button {
                text: qsTr("Close")
                onClicked: compareWindow.close()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Esc")
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // A pair the scenario cannot run under, or the same runtime twice: why, instead of a comparison.
        Pane {
            objectName: "refusal"
            visible: compareWindow.refused
            Layout.fillWidth: true
            padding: 8
            background: Rectangle { color: Theme.panel; border.color: Theme.pending; border.width: 2 }
            Label {
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("⚠ Cannot compare: %1").arg(comparison.refusal)
                color: Theme.text
            }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Vertical

            RowLayout {
                SplitView.fillHeight: true
                SplitView.minimumHeight: 240
                spacing: 0
                Repeater {
                    model: [{run: comparison.left, runtime: comparison.leftRuntime},
                            {run: comparison.right, runtime: comparison.rightRuntime}]
                    ColumnLayout {
                        id: side
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1  // two equal halves
                        spacing: 0
                        Pane {
                            Layout.fillWidth: true
                            padding: 6
                            background: Rectangle { color: Theme.panel; border.color: Theme.border }
                            RowLayout {
                                width: parent.width
                                Label {
                                    objectName: "runtimeTitle" + side.index
                                    text: compareWindow.runtimeTitle(side.modelData.runtime)
                                    font.pixelSize: Theme.fontSize + 6
                                    font.bold: true
                                    color: Theme.text
                                }
                                Label {
                                    Layout.fillWidth: true
                                    elide: Text.ElideRight
                                    text: side.modelData.run.finished ? qsTr("finished at %1 ms").arg(side.modelData.run.endTime)
                                                                      : qsTr("%1 of %2 events").arg(side.modelData.run.shownEvents).arg(side.modelData.run.eventCount)
                                    color: Theme.mutedText
                                }
                            }
                        }
                        TaskTreeCanvas {
                            objectName: "compareTree" + side.index
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            model: side.modelData.run.tasks
                            events: side.modelData.run.events
                            now: comparison.now
                            speed: comparison.speed
                            highContrast: Theme.contrast
                            showLegend: false
                            selectedPath: comparison.selectedPath
                            onSelectedPathChanged: comparison.selectedPath = selectedPath
                            runMenuEnabled: !compareWindow.atStart
                            clickHint: compareWindow.atStart ? qsTr("Click to select · Space to run both")
                                                             : qsTr("Click to cancel in both runs · right-click for more")
                            timeoutUnavailable: { comparison.leftRuntime; comparison.rightRuntime; return comparison.actionUnavailable("timeout") }
                            shieldUnavailable: { comparison.leftRuntime; comparison.rightRuntime; return comparison.actionUnavailable("shield") }
                            onTaskClicked: (path, button) => {
                                comparison.selectedPath = path
                                if (button === Qt.LeftButton && !comparison.finished && !compareWindow.atStart)
                                    comparison.cancelTask(path)
                            }
                            onCancelRequested: (path) => { comparison.selectedPath = path; comparison.cancelTask(path) }
                            onFailRequested: (path) => { comparison.selectedPath = path; comparison.failTask(path) }
                            onTimeoutRequested: (path) => { comparison.selectedPath = path; timeoutDialog.start(path, -1) }
                            onShieldRequested: (path) => { comparison.selectedPath = path; comparison.toggleShield(path) }
                            Label {
                                anchors.centerIn: parent
                                width: parent.width - 40
                                visible: side.modelData.run.unavailable !== ""
                                wrapMode: Text.Wrap
                                horizontalAlignment: Text.AlignHCenter
                                text: qsTr("Cannot run under %1:\n%2").arg(compareWindow.runtimeTitle(side.modelData.runtime)).arg(side.modelData.run.unavailable)
                                color: Theme.text
                            }
                        }
                    }
                }
            }

            // Where the two runs differ, in time order; a click shows both runs at that moment.
            Pane {
                SplitView.preferredHeight: Math.max(260, compareWindow.height * 0.35)
                SplitView.minimumHeight: 120
                padding: 4
                background: Rectangle { color: Theme.panel; border.color: Theme.border }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4
                    Label {
                        text: qsTr("Where they diverge (%1)").arg(divergenceList.count)
                        font.bold: true
                        color: Theme.text
                    }
                    ListView {
                        id: divergenceList
                        objectName: "divergences"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: comparison.divergences
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            id: item
                            required property var at
                            required property string task
                            required property string kind
                            required property string first
                            required property string second
                            width: divergenceList.width
                            readonly property bool reached: at <= comparison.now
                            readonly property var kindWords: ({state: qsTr("state"), outcome: qsTr("outcome"),
                                                               "end-time": qsTr("end time"), "only-in": qsTr("only in one"),
                                                               course: qsTr("what it does")})
                            onClicked: {
                                comparison.selectedPath = task
                                comparison.seekToTime(at)
                            }
                            ToolTip.visible: hovered
                            ToolTip.delay: 600
                            ToolTip.text: qsTr("Show both runs at %1 ms").arg(at)
                            contentItem: RowLayout {
                                spacing: 10
                                Label {
                                    Layout.alignment: Qt.AlignTop
                                    Layout.preferredWidth: timeMetrics.width + 24
                                    text: (item.reached ? "● " : "○ ") + qsTr("%1 ms").arg(item.at)
                                    font.family: "monospace"
                                    font.bold: item.reached
                                    color: item.reached ? Theme.text : Theme.mutedText
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 1
                                    Label {
                                        Layout.fillWidth: true
                                        text: item.task + "  ·  " + item.kindWords[item.kind]
                                        font.bold: true
                                        color: Theme.text
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: item.first
                                        wrapMode: Text.Wrap
                                        color: item.reached ? Theme.text : Theme.mutedText
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: item.second
                                        wrapMode: Text.Wrap
                                        color: item.reached ? Theme.text : Theme.mutedText
                                    }
                                }
                            }
                        }
                        Label {
                            anchors.centerIn: parent
                            visible: divergenceList.count === 0 && !compareWindow.refused
                            text: qsTr("The two runs do not diverge: every task does the same at the same time")
                            color: Theme.mutedText
                        }
                    }
                    TextMetrics {
                        id: timeMetrics
                        font.family: "monospace"
                        text: "○ 00000 ms"
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("● reached on the clock · ○ still ahead · click one to show both runs then")
                        font.pixelSize: Theme.fontSize - 3
                        color: Theme.mutedText
                    }
                }
            }
        }
    }
}
