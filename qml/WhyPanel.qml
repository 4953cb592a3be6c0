import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// "Why was I cancelled?" for the selected task, in the inspector: the chain of causes from the
// origin (a click, a cancel step, a timeout, a failure) through every task it passed to the
// delivery and the end, over the events shown so far (CauseChainModel). A click on a link selects
// its task and goes back to its moment.
ColumnLayout {
    id: why
    required property Session session
    property alias path: chain.path
    readonly property alias chain: chain

    visible: chain.explains
    spacing: 4

    CauseChainModel {
        id: chain
        session: why.session
        path: why.session.selectedPath
        language: Localization.language
    }

    Label {
        text: chain.verdict === "cancelled" ? qsTr("Why was it cancelled?")
              : chain.verdict === "failed" ? qsTr("Why did it fail?")
              : chain.verdict === "completed" ? qsTr("Why did a cancel not stop it?")
              : qsTr("Its cancellation so far")
        font.bold: true
        color: Theme.text
        font.pixelSize: Theme.fontSize
    }
    Label {
        objectName: "whyHeadline"
        Layout.fillWidth: true
        text: chain.headline
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontSize - 1
    }
    Repeater {
        id: links
        model: chain
        delegate: ItemDelegate {
            id: link
            required property int index
            required property var seq
            required property var time
            required property string task
            required property string name
            required property string kind
            required property string words
            required property bool origin
            objectName: "whyLink" + index
            Layout.fillWidth: true
            padding: 2
            leftPadding: 22
            // A vertical line of dots: the first is the origin, each one led to the next.
            Rectangle {
                x: 8; width: 2
                y: link.origin ? link.height / 2 : 0
                height: link.index === links.count - 1 ? link.height / 2 - y : link.height - y
                color: Theme.pending
            }
            Rectangle {
                x: 3; y: link.height / 2 - 6
                width: 12; height: 12; radius: 6
                color: link.origin ? Theme.accent : link.kind === "delivered" || link.kind === "ended" ? Theme.pending : Theme.panel
                border.color: link.origin ? Theme.accent : Theme.pending
                border.width: 2
            }
            contentItem: Label {
                text: qsTr("%1 ms · %2: %3").arg(link.time).arg(link.name).arg(link.words)
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontSize - 2
            }
            background: Rectangle { color: link.hovered ? Qt.alpha(Theme.accent, 0.12) : "transparent" }
            onClicked: {
                // Both change the chain (and remove this row): take what is needed first.
                const session = why.session
                const task = link.task
                const seq = link.seq
                session.selectedPath = task
                session.seekToEvent(seq)
            }
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("%1 (event #%2)\nClick: select it and go back to this moment").arg(link.task).arg(link.seq)
        }
    }
    Label {
        objectName: "whyNote"
        visible: chain.note !== ""
        Layout.fillWidth: true
        text: chain.note
        wrapMode: Text.Wrap
        color: Theme.mutedText
        font.pixelSize: Theme.fontSize - 2
    }
}
