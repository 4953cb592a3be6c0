import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

ApplicationWindow {
    id: window
    width: 1280
    height: 720
    visible: true
    title: session.title ? qsTr("Cascade — %1").arg(session.title) : qsTr("Cascade")

    Session {
        id: session
        Component.onCompleted: {
            if (!(initialScenario && open(initialScenario)))
                open("kotlin-cancel-join")
        }
    }
    LessonListModel { id: lessons }

    Shortcut { sequence: "Space"; onActivated: session.playing = !session.playing }
    Shortcut { sequence: "Right"; onActivated: session.stepEvent() }
    Shortcut { sequence: "Home"; onActivated: session.restart() }
    Shortcut { sequence: "+"; onActivated: session.speed = Math.min(10, session.speed * 2) }
    Shortcut { sequence: "-"; onActivated: session.speed = Math.max(0.1, session.speed / 2) }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            spacing: 8
            Label { text: qsTr("Runtime"); }
            ComboBox {
                id: runtimeBox
                model: session.runtimes
                currentIndex: session.runtimes.indexOf(session.runtime)
                onActivated: session.runtime = currentText
            }
            ToolSeparator {}
            Button {
                text: session.playing ? qsTr("⏸ Pause") : qsTr("▶ Play")
                enabled: !session.finished || session.playing
                onClicked: session.playing = !session.playing
                ToolTip.visible: hovered; ToolTip.text: qsTr("Space")
            }
            Button {
                text: qsTr("Step →"); onClicked: session.stepEvent()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Right arrow: the next event")
            }
            Button {
                text: qsTr("⟲ Restart"); onClicked: session.restart()
                ToolTip.visible: hovered; ToolTip.text: qsTr("Home: run again from 0 with the same actions")
            }
            ToolSeparator {}
            Label { text: qsTr("Speed %1×").arg(session.speed.toFixed(1)) }
            Slider {
                from: -1; to: 1; value: Math.log(session.speed) / Math.LN10
                onMoved: session.speed = Math.pow(10, value)
                Layout.preferredWidth: 140
            }
            Item { Layout.fillWidth: true }
            Label {
                text: qsTr("t = %1 ms").arg(session.now)
                font.pixelSize: 20
                font.bold: true
                font.family: "monospace"
            }
            Label { text: session.finished ? qsTr("(finished)") : "" }
        }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        ListView {
            id: lessonList
            SplitView.preferredWidth: 280
            SplitView.minimumWidth: 180
            clip: true
            model: lessons
            currentIndex: lessons.indexOf(session.scenarioId)
            header: Label { text: qsTr("Lessons"); font.bold: true; padding: 8 }
            delegate: ItemDelegate {
                required property string lessonId
                required property string title
                required property string runtimes
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                contentItem: Column {
                    Label { text: title; font.bold: true; wrapMode: Text.Wrap; width: parent.width }
                    Label { text: lessonId + " · " + runtimes; font.pixelSize: 11; opacity: 0.7 }
                }
                onClicked: session.open(lessonId)
            }
            ScrollBar.vertical: ScrollBar {}
        }

        SplitView {
            orientation: Qt.Vertical
            SplitView.fillWidth: true

            ColumnLayout {
                SplitView.fillHeight: true
                spacing: 4
                Label {
                    Layout.fillWidth: true
                    Layout.margins: 8
                    text: session.explanation
                    wrapMode: Text.Wrap
                    font.pixelSize: 14
                }
                Label {
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    text: session.explanationKo
                    wrapMode: Text.Wrap
                    font.pixelSize: 13
                    opacity: 0.8
                }
                Label {
                    visible: session.unavailable !== "" || session.error !== ""
                    Layout.fillWidth: true
                    Layout.margins: 8
                    text: session.error !== "" ? session.error : session.unavailable
                    color: "#c62828"
                    wrapMode: Text.Wrap
                }
                ListView {
                    id: taskList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: session.tasks
                    delegate: TaskRow {
                        now: session.now
                        onCancelRequested: (path) => session.cancelTask(path)
                        onFailRequested: (path) => session.failTask(path)
                    }
                    ScrollBar.vertical: ScrollBar {}
                }
            }

            SplitView {
                orientation: Qt.Horizontal
                SplitView.preferredHeight: 240
                ScrollView {
                    SplitView.preferredWidth: parent.width / 2
                    TextArea {
                        readOnly: true
                        text: session.console
                        font.family: "monospace"
                        placeholderText: qsTr("Console: what the tasks print")
                    }
                }
                ListView {
                    id: eventList
                    SplitView.fillWidth: true
                    clip: true
                    model: session.events
                    onCountChanged: positionViewAtEnd()
                    header: Label { text: qsTr("Event log"); font.bold: true; padding: 4 }
                    delegate: Label {
                        required property var time
                        required property string task
                        required property string kind
                        required property string detail
                        width: ListView.view.width
                        text: "%1 ms  %2  %3  %4".arg(time).arg(task).arg(kind).arg(detail)
                        font.family: "monospace"
                        font.pixelSize: 12
                        elide: Text.ElideRight
                    }
                    ScrollBar.vertical: ScrollBar {}
                }
            }
        }
    }
}
