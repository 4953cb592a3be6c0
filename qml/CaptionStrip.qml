import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Above the tree: the lesson's captions as the run reaches them, the latest in large type (or an
// earlier one, chosen with ‹ ›), and the narration's switches: pause at captions, predict mode and
// its score. Shown when the lesson has captions or questions for this runtime.
Pane {
    id: strip
    required property NarrationPlayer narration
    required property Session session

    // The caption row on screen: -1 follows the latest one.
    property int viewed: -1
    readonly property int shownRow: viewed >= 0 ? viewed : narration.captionCount - 1
    readonly property var caption: { narration.captionCount; narration.currentCaption; return narration.captions.get(shownRow) }
    Connections {
        target: strip.narration
        // A new caption (or fewer, after a step back) brings the strip back to the latest one.
        function onCaptionsChanged() { strip.viewed = -1 }
    }

    visible: narration.captionTotal > 0 || narration.questionTotal > 0
    padding: 6
    background: Rectangle {
        color: Theme.contrast ? Theme.panel : Qt.alpha(Theme.accent, 0.07)
        border.color: Theme.accent
    }

    RowLayout {
        width: parent.width
        spacing: 8

        ToolButton {
            objectName: "previousCaption"
            text: "‹"
            font.pixelSize: Theme.fontSize + 6
            enabled: strip.shownRow > 0
            onClicked: strip.viewed = strip.shownRow - 1
            ToolTip.visible: hovered; ToolTip.text: qsTr("The previous caption")
        }
        Label {
            objectName: "captionPosition"
            text: qsTr("%1 / %2").arg(Math.max(0, strip.shownRow + 1)).arg(strip.narration.captionTotal)
            color: Theme.mutedText
            font.pixelSize: Theme.fontSize - 2
        }
        ToolButton {
            objectName: "nextCaption"
            text: "›"
            font.pixelSize: Theme.fontSize + 6
            enabled: strip.viewed >= 0 && strip.viewed < strip.narration.captionCount - 1
            onClicked: strip.viewed = strip.viewed + 1 >= strip.narration.captionCount - 1 ? -1 : strip.viewed + 1
            ToolTip.visible: hovered; ToolTip.text: qsTr("The next caption shown so far")
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "captionText"
                Layout.fillWidth: true
                text: strip.caption.text !== undefined ? strip.caption.text
                      : qsTr("Captions appear here as the run reaches their moments (%1 in this lesson).").arg(strip.narration.captionTotal)
                color: strip.caption.text !== undefined ? Theme.text : Theme.mutedText
                font.pixelSize: Theme.fontSize + 2
                font.bold: strip.caption.text !== undefined && strip.viewed < 0
                wrapMode: Text.Wrap
                maximumLineCount: 4
                elide: Text.ElideRight
            }
            Label {
                objectName: "captionMoment"
                visible: strip.caption.time !== undefined
                text: strip.caption.pause ? qsTr("at %1 ms, %2 · paused here · click to go back to this moment").arg(strip.caption.time).arg(strip.caption.task)
                                          : qsTr("at %1 ms, %2 · click to go back to this moment").arg(strip.caption.time).arg(strip.caption.task)
                color: Theme.accent
                font.pixelSize: Theme.fontSize - 3
                font.underline: momentArea.containsMouse
                elide: Text.ElideRight
                Layout.fillWidth: true
                MouseArea {
                    id: momentArea
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: strip.session.seekToEvent(strip.caption.seq)
                }
            }
        }

        ColumnLayout {
            spacing: 0
            CheckBox {
                objectName: "pauseAtCaptions"
                text: qsTr("Pause at captions")
                checked: strip.narration.pauseAtCaptions
                onToggled: strip.narration.pauseAtCaptions = checked
                padding: 2
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Playing stops after the captions the lesson marks, so that there is time to read them")
            }
            CheckBox {
                objectName: "predictMode"
                text: qsTr("Predict mode (P)")
                enabled: strip.narration.questionTotal > 0
                checked: strip.narration.predictMode
                onToggled: strip.narration.predictMode = checked
                padding: 2
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Before each key moment the run stops and asks what happens next")
            }
            Label {
                objectName: "score"
                visible: strip.narration.predictMode
                text: qsTr("Score: %1 of %2 right (%3 questions)").arg(strip.narration.correctCount)
                          .arg(strip.narration.answeredCount).arg(strip.narration.questionTotal)
                color: Theme.text
                font.pixelSize: Theme.fontSize - 2
                leftPadding: 6
            }
        }
    }
}
