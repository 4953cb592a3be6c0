import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

ApplicationWindow {
    id: window
    width: 1280
    height: 720
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    color: Theme.window
    title: session.title ? qsTr("Cascade — %1").arg(session.title) : qsTr("Cascade")

    Session {
        id: session
        objectName: "session"  // found by the end-to-end test
        Component.onCompleted: {
            if (!(initialScenario && open(initialScenario)))
                open("kotlin-cancel-join")
        }
    }
    LessonListModel { id: lessons }

    Shortcut { sequence: "Space"; onActivated: session.playing = !session.playing }
    Shortcut { sequence: "Right"; onActivated: session.stepEvent() }
    Shortcut { sequence: "Left"; onActivated: session.stepBack() }
    Shortcut { sequence: "Home"; onActivated: session.restart() }
    Shortcut { sequences: ["+", "="]; onActivated: session.speed = Math.min(10, session.speed * 2) }
    Shortcut { sequence: "-"; onActivated: session.speed = Math.max(0.1, session.speed / 2) }
    Shortcut { sequence: "Down"; onActivated: tree.canvas.selectNext() }
    Shortcut { sequence: "Up"; onActivated: tree.canvas.selectPrevious() }
    Shortcut { sequence: "Shift+Left"; onActivated: tree.canvas.selectParent() }
    Shortcut { sequence: "Shift+Right"; onActivated: tree.canvas.selectFirstChild() }
    Shortcut { sequence: "Delete"; onActivated: if (session.selectedPath) session.cancelTask(session.selectedPath) }
    Shortcut { sequence: "Ctrl+H"; onActivated: Theme.highContrast = !Theme.highContrast }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            spacing: 6
            Label { text: qsTr("Runtime") }
            ComboBox {
                model: session.runtimes
                currentIndex: session.runtimes.indexOf(session.runtime)
                onActivated: session.runtime = currentText
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Run the same tree under the rules of another runtime")
            }
            ToolSeparator {}
            Button {
                text: qsTr("← Back")
                enabled: session.shownEvents > 1
                onClicked: session.stepBack()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Left arrow: the previous event (replays from 0)")
            }
            Button {
                text: session.playing ? qsTr("⏸ Pause") : qsTr("▶ Play")
                enabled: !session.finished || session.playing
                highlighted: true
                onClicked: session.playing = !session.playing
                ToolTip.visible: hovered; ToolTip.text: qsTr("Space")
            }
            Button {
                text: qsTr("Step →")
                enabled: !session.finished
                onClicked: session.stepEvent()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Right arrow: the next event")
            }
            Button {
                text: qsTr("⟲ Restart")
                onClicked: session.restart()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Home: run again from 0 with the same actions")
            }
            ToolSeparator {}
            Label { text: qsTr("Speed %1×").arg(session.speed < 1 ? session.speed.toFixed(2) : session.speed.toFixed(1)) }
            Slider {
                from: -1; to: 1; value: Math.log(session.speed) / Math.LN10
                onMoved: session.speed = Math.pow(10, value)
                Layout.preferredWidth: 120
                ToolTip.visible: hovered; ToolTip.text: qsTr("0.1× to 10× (keys + and -)")
            }
            Item { Layout.fillWidth: true }
            Switch {
                text: qsTr("High contrast")
                checked: Theme.highContrast
                onToggled: Theme.highContrast = checked
            }
            Label {
                text: qsTr("t = %1 ms").arg(session.now)
                font.pixelSize: 22
                font.bold: true
                font.family: "monospace"
            }
            Label { text: session.finished ? qsTr("finished") : ""; color: Theme.mutedText }
        }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        // Lessons
        Pane {
            SplitView.preferredWidth: 260
            SplitView.minimumWidth: 170
            padding: 0
            background: Rectangle { color: Theme.panel; border.color: Theme.border }
            ListView {
                anchors.fill: parent
                clip: true
                model: lessons
                currentIndex: lessons.indexOf(session.scenarioId)
                header: Label { text: qsTr("Lessons"); font.bold: true; padding: 8; color: Theme.text }
                delegate: ItemDelegate {
                    required property string lessonId
                    required property string title
                    required property string runtimes
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    background: Rectangle {
                        color: parent.highlighted ? Qt.alpha(Theme.accent, 0.35)
                                                  : parent.hovered ? Qt.alpha(Theme.accent, 0.12) : "transparent"
                    }
                    contentItem: Column {
                        Label { text: title; font.bold: true; wrapMode: Text.Wrap; width: parent.width; color: Theme.text }
                        Label { text: lessonId + " · " + runtimes; font.pixelSize: 11; color: Theme.mutedText }
                    }
                    onClicked: session.open(lessonId)
                }
                ScrollBar.vertical: ScrollBar {}
            }
        }

        // Explanation, tree, console and log
        SplitView {
            orientation: Qt.Vertical
            SplitView.fillWidth: true
            SplitView.minimumWidth: 420

            ColumnLayout {
                SplitView.fillHeight: true
                SplitView.minimumHeight: 240
                spacing: 0
                Pane {
                    Layout.fillWidth: true
                    padding: 8
                    background: Rectangle { color: Theme.panel; border.color: Theme.border }
                    ColumnLayout {
                        width: parent.width
                        Label {
                            Layout.fillWidth: true
                            text: session.explanation
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontSize
                            maximumLineCount: 4
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: session.explanationKo
                            wrapMode: Text.Wrap
                            color: Theme.mutedText
                            font.pixelSize: Theme.fontSize - 1
                            maximumLineCount: 3
                            elide: Text.ElideRight
                        }
                        Label {
                            visible: session.unavailable !== "" || session.error !== ""
                            Layout.fillWidth: true
                            text: session.error !== "" ? session.error : session.unavailable
                            color: Theme.pending
                            wrapMode: Text.Wrap
                        }
                    }
                }
                TaskTreeCanvas {
                    id: tree
                    objectName: "tree"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: session.tasks
                    now: session.now
                    highContrast: Theme.highContrast
                    showLegend: false
                    selectedPath: session.selectedPath
                    onSelectedPathChanged: session.selectedPath = selectedPath
                    // A click on a running task cancels it (the way to try cancellation); the
                    // context menu also offers a failure.
                    onTaskClicked: (path, button) => {
                        session.selectedPath = path
                        if (button === Qt.LeftButton && !session.finished)
                            session.cancelTask(path)
                    }
                    onCancelRequested: (path) => { session.selectedPath = path; session.cancelTask(path) }
                    onFailRequested: (path) => { session.selectedPath = path; session.failTask(path) }
                }
                Pane {
                    Layout.fillWidth: true
                    padding: 6
                    background: Rectangle { color: Theme.panel; border.color: Theme.border }
                    Legend { width: parent.width }
                }
            }

            SplitView {
                orientation: Qt.Horizontal
                SplitView.preferredHeight: 220
                SplitView.minimumHeight: 120
                Pane {
                    SplitView.preferredWidth: parent.width * 0.4
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
                                text: session.console
                                font.family: "monospace"
                                font.pixelSize: Theme.fontSize - 2
                                color: Theme.text
                                placeholderText: qsTr("What the tasks print appears here")
                                background: null
                            }
                        }
                    }
                }
                EventLogPanel {
                    session: session
                    SplitView.fillWidth: true
                }
            }
        }

        Inspector {
            session: session
            SplitView.preferredWidth: 320
            SplitView.minimumWidth: 240
        }
    }
}
