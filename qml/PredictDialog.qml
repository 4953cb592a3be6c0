import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Predict mode's question: opens while the narration asks (the run waits before the event), takes
// a choice (a click, or the keys 1 to 4), shows whether it was right and why, then goes on (Enter)
// to show what happens. Keyboard only works too, for presenter mode, where `large` makes it
// readable from the back of a room.
Popup {
    id: dialog
    required property NarrationPlayer narration
    property bool large: false

    readonly property int textSize: large ? Theme.fontSize + 2 : Theme.fontSize + 2

    modal: true
    focus: true
    closePolicy: Popup.NoAutoClose  // the question is left with Skip or after the answer
    // Where the tree the question is about stays in view: at the bottom of the workbench, over
    // the console and the log; on the right in presenter mode, where the tree keeps to the left.
    parent: Overlay.overlay
    width: parent ? Math.min(large ? parent.width * 0.48 : parent.width - 48, large ? 900 : 680) : 640
    x: parent ? (large ? parent.width - width - 16 : (parent.width - width) / 2) : 0
    y: parent ? (large ? Math.max(16, (parent.height - height) / 2) : parent.height - height - 16) : 0
    Overlay.modal: Rectangle { color: Qt.alpha("#000000", 0.12) }
    padding: large ? 20 : 16

    Connections {
        target: dialog.narration
        function onQuestionChanged() { dialog.follow() }
    }
    function follow() {
        if (narration.asking && !opened)
            open()
        else if (!narration.asking && (opened || visible))
            close()
    }
    Component.onCompleted: follow()

    function choose(index) {
        if (narration.asking && !narration.answered && index >= 0 && index < narration.choices.length)
            narration.answer(index)
    }

    background: Rectangle {
        color: Theme.panel
        border.color: Theme.accent
        border.width: dialog.large ? 4 : 2
        radius: 8
    }

    contentItem: ColumnLayout {
        id: content
        focus: true
        spacing: dialog.large ? 12 : 10
        Keys.onPressed: (event) => {
            const digit = event.key - Qt.Key_1
            if (digit >= 0 && digit < 9) {
                dialog.choose(digit)
                event.accepted = true
            } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space) {
                if (dialog.narration.answered)
                    dialog.narration.proceed()
                event.accepted = true
            } else if (event.key === Qt.Key_Escape) {
                dialog.narration.proceed()  // skip: show what happens without answering
                event.accepted = true
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Predict: what happens next?")
                font.bold: true
                font.pixelSize: dialog.textSize
                color: Theme.accent
                Layout.fillWidth: true
            }
            Label {
                objectName: "questionPosition"
                text: qsTr("question %1 of %2 · score %3/%4").arg(dialog.narration.questionNumber)
                          .arg(dialog.narration.questionTotal).arg(dialog.narration.correctCount)
                          .arg(dialog.narration.answeredCount)
                font.pixelSize: dialog.textSize - 4
                color: Theme.mutedText
            }
        }
        Label {
            objectName: "questionText"
            Layout.fillWidth: true
            text: dialog.narration.question
            wrapMode: Text.Wrap
            font.pixelSize: dialog.textSize + 2
            color: Theme.text
        }
        Repeater {
            model: dialog.narration.choices
            delegate: Button {
                id: choice
                required property int index
                required property string modelData
                objectName: "choice" + index
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus  // the keys stay with the dialog
                readonly property bool isRight: dialog.narration.answered && index === dialog.narration.rightChoice
                readonly property bool isChosen: dialog.narration.answered && index === dialog.narration.chosen
                highlighted: isRight
                contentItem: Label {
                    text: (choice.isRight ? "✔ " : choice.isChosen ? "✘ " : "") + (choice.index + 1) + ".  " + choice.modelData
                    font.pixelSize: dialog.textSize
                    font.bold: choice.isRight || choice.isChosen
                    color: choice.isChosen && !choice.isRight ? Theme.pending : Theme.text
                    wrapMode: Text.Wrap
                }
                background: Rectangle {
                    color: choice.isRight ? Qt.alpha(Theme.accent, 0.25)
                                          : choice.hovered && !dialog.narration.answered ? Qt.alpha(Theme.accent, 0.12) : "transparent"
                    border.color: choice.isChosen && !choice.isRight ? Theme.pending : Theme.border
                    border.width: choice.isRight || choice.isChosen ? 3 : 1
                    radius: 4
                }
                onClicked: dialog.choose(index)
            }
        }
        Label {
            objectName: "verdict"
            visible: dialog.narration.answered
            Layout.fillWidth: true
            text: dialog.narration.correct ? qsTr("✔ Right.")
                                           : qsTr("✘ Not this time: the answer is %1.").arg(dialog.narration.rightChoice + 1)
            font.bold: true
            font.pixelSize: dialog.textSize
            color: dialog.narration.correct ? Theme.text : Theme.pending
        }
        Label {
            objectName: "explanationText"
            visible: dialog.narration.answered
            Layout.fillWidth: true
            text: dialog.narration.explanation
            wrapMode: Text.Wrap
            font.pixelSize: dialog.textSize - 2
            color: Theme.text
        }
        Label {
            visible: dialog.narration.askedBefore
            Layout.fillWidth: true
            text: qsTr("You answered this question before: only your first answer counts for the score.")
            wrapMode: Text.Wrap
            font.pixelSize: dialog.textSize - 4
            color: Theme.mutedText
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: dialog.narration.answered ? qsTr("Enter: show what happens")
                                                : qsTr("Keys 1–%1: answer · Esc: skip").arg(dialog.narration.choices.length)
                font.pixelSize: dialog.textSize - 4
                color: Theme.mutedText
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Button {
                objectName: "skipButton"
                visible: !dialog.narration.answered
                focusPolicy: Qt.NoFocus
                text: qsTr("Skip")
                font.pixelSize: dialog.textSize - 2
                onClicked: dialog.narration.proceed()
            }
            Button {
                objectName: "proceedButton"
                visible: dialog.narration.answered
                focusPolicy: Qt.NoFocus
                highlighted: true
                text: qsTr("Show what happens")
                font.pixelSize: dialog.textSize - 2
                onClicked: dialog.narration.proceed()
            }
        }
    }
}
