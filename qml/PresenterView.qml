import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Presenter mode (F5, Esc to leave): for a class in front of a projector (designed for 1280x720).
// Only the tree, as large as it fits, in high contrast; what just happened in large words at the
// bottom; keyboard only, with the keys on screen; and a ring that follows the mouse pointer, so
// that the class sees what the teacher points at.
FocusScope {
    id: presenter
    required property Session session
    property string title
    // The lesson's narration: its caption joins what just happened, in larger type; P switches
    // predict mode (a window shortcut) and the score shows at the top.
    property NarrationPlayer narration: null
    readonly property string narrationCaption: narration ? narration.currentCaption : ""
    // The window's own run-time actions (timeout dialog...), as in the workbench.
    signal timeoutRequested(string path)

    readonly property var latest: { presenter.session.shownEvents; return presenter.session.events.get(presenter.session.events.rowCount() - 1) }

    Rectangle { anchors.fill: parent; color: Theme.window }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 24
            Label {
                text: presenter.title
                font.pixelSize: Theme.fontSize + 4
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label { text: presenter.session.runtime; font.pixelSize: Theme.fontSize; color: Theme.mutedText }
            Label {
                objectName: "presenterScore"
                visible: !!presenter.narration && presenter.narration.predictMode
                text: visible ? qsTr("predict: %1 of %2 right").arg(presenter.narration.correctCount)
                                    .arg(presenter.narration.answeredCount) : ""
                font.pixelSize: Theme.fontSize
                color: Theme.accent
            }
            Label {
                text: presenter.session.playing ? qsTr("▶ playing") : presenter.session.finished ? qsTr("■ finished") : qsTr("❙❙ paused")
                font.pixelSize: Theme.fontSize
                color: Theme.accent
            }
            Label { text: qsTr("speed %1×").arg(presenter.session.speed.toFixed(presenter.session.speed < 1 ? 1 : 0)); font.pixelSize: Theme.fontSize; color: Theme.text }
            Label {
                objectName: "presenterClock"
                text: qsTr("t = %1 ms").arg(presenter.session.now)
                font.family: "monospace"
                font.pixelSize: Theme.fontSize + 6
                font.bold: true
                color: Theme.text
            }
        }

        TaskTreeCanvas {
            id: tree
            objectName: "presenterTree"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            model: presenter.session.tasks
            events: presenter.session.events
            speed: presenter.session.speed
            now: presenter.session.now
            highContrast: true
            showLegend: false
            canvas.fitZoomLimit: 2
            selectedPath: presenter.session.selectedPath
            onSelectedPathChanged: presenter.session.selectedPath = selectedPath
            timeoutUnavailable: { presenter.session.runtime; return presenter.session.actionUnavailable("timeout") }
            shieldUnavailable: { presenter.session.runtime; return presenter.session.actionUnavailable("shield") }
            onTaskClicked: (path, button) => {
                presenter.session.selectedPath = path
                if (button === Qt.LeftButton && !presenter.session.finished && presenter.session.now > 0)
                    presenter.session.cancelTask(path)
            }
            onCancelRequested: (path) => presenter.session.cancelTask(path)
            onFailRequested: (path) => presenter.session.failTask(path)
            onTimeoutRequested: (path) => presenter.timeoutRequested(path)
            onShieldRequested: (path) => presenter.session.toggleShield(path)
        }

        // What just happened, large enough for the back row.
        Rectangle {
            objectName: "presenterCaption"
            Layout.fillWidth: true
            Layout.preferredHeight: captionColumn.implicitHeight + 20
            color: Theme.panel
            border.color: presenter.narrationCaption !== "" ? Theme.accent : Theme.border
            border.width: 2
            radius: 6
            ColumnLayout {
                id: captionColumn
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 10 }
                spacing: 6
                Label {
                    objectName: "presenterNarration"
                    visible: presenter.narrationCaption !== ""
                    Layout.fillWidth: true
                    text: presenter.narrationCaption
                    font.pixelSize: Theme.fontSize + 8
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
                Label {
                    id: captionText
                    Layout.fillWidth: true
                    text: presenter.latest.task !== undefined
                          ? qsTr("%1 ms  %2: %3").arg(presenter.latest.time).arg(presenter.latest.task).arg(presenter.latest.description)
                          : qsTr("Press Space to start")
                    // Under a caption, what just happened steps back to a smaller size.
                    font.pixelSize: presenter.narrationCaption !== "" ? Theme.fontSize : Theme.fontSize + 6
                    color: presenter.latest.kind !== undefined && presenter.latest.kind.startsWith("cancel") ? Theme.pending : Theme.text
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
            }
        }

        Flow {
            objectName: "keyHints"
            Layout.fillWidth: true
            spacing: 18
            Repeater {
                model: [
                    {key: "Space", what: qsTr("play / pause")},
                    {key: "← →", what: qsTr("step")},
                    {key: "Home", what: qsTr("restart")},
                    {key: "1–9", what: qsTr("speed")},
                    {key: "P", what: qsTr("predict mode")},
                    {key: qsTr("click"), what: qsTr("cancel a task")},
                    {key: "Esc", what: qsTr("leave")},
                ]
                Row {
                    required property var modelData
                    spacing: 6
                    Rectangle {
                        width: keyLabel.implicitWidth + 14
                        height: keyLabel.implicitHeight + 6
                        radius: 4
                        color: "transparent"
                        border.color: Theme.text
                        border.width: 2
                        Label {
                            id: keyLabel
                            anchors.centerIn: parent
                            text: modelData.key
                            font.pixelSize: Theme.fontSize - 4
                            font.bold: true
                            color: Theme.text
                        }
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: modelData.what
                        font.pixelSize: Theme.fontSize - 4
                        color: Theme.mutedText
                    }
                }
            }
        }
    }

    // The pointer, ringed, for the class to follow. The handler sits above everything and does not
    // block: the tree below still gets its hover and clicks.
    Item {
        anchors.fill: parent
        z: 10
        HoverHandler { id: pointer; blocking: false }
    }
    Rectangle {
        z: 11
        objectName: "pointerRing"
        visible: pointer.hovered
        width: 56
        height: 56
        radius: 28
        x: pointer.point.position.x - width / 2
        y: pointer.point.position.y - height / 2
        color: Qt.alpha("#ffff00", 0.18)
        border.color: "#ffff00"
        border.width: 4
    }
}
