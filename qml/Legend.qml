import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// What the colours and marks on the tree mean: every state and mark by its shape and its words,
// never by colour alone. The marks are drawn in the canvas's own colours (TreeStyle).
Flow {
    id: legend
    spacing: 12
    readonly property var colors: TreeStyle.colors(Theme.contrast)

    // A small drawing of one of the canvas's marks.
    component Mark: Canvas {
        property string kind
        property var colors
        width: 22; height: 14
        onKindChanged: requestPaint()
        onColorsChanged: requestPaint()
        onPaint: {
            const c = colors
            const g = getContext("2d")
            g.reset()
            g.lineWidth = 2
            switch (kind) {
            case "shield":
                g.fillStyle = c.shield
                g.beginPath(); g.moveTo(6, 1); g.lineTo(16, 1); g.lineTo(16, 8); g.lineTo(11, 13); g.lineTo(6, 8)
                g.closePath(); g.fill()
                break
            case "deadline":
                g.strokeStyle = c.deadlineTrack; g.lineWidth = 3
                g.beginPath(); g.arc(11, 7, 5, 0, 2 * Math.PI); g.stroke()
                g.strokeStyle = c.deadline
                g.beginPath(); g.arc(11, 7, 5, -Math.PI / 2, Math.PI * 0.8); g.stroke()
                break
            case "planned":
                g.strokeStyle = c.mutedText; g.setLineDash([3, 2])
                g.strokeRect(1, 2, 20, 10)
                break
            case "pulse":
            case "failure":
                g.strokeStyle = kind === "pulse" ? c.cancelPulse : c.failurePulse
                g.fillStyle = g.strokeStyle
                g.beginPath(); g.moveTo(1, 7); g.lineTo(14, 7); g.stroke()
                g.beginPath(); g.arc(16, 7, 5, 0, 2 * Math.PI); g.fill()
                break
            case "blocked":
                g.strokeStyle = c.cancelPulse
                g.beginPath(); g.moveTo(1, 7); g.lineTo(12, 7); g.stroke()
                g.fillStyle = c.blocked
                g.fillRect(13, 0, 4, 14)
                break
            case "passed":
                g.strokeStyle = c.checkPassed
                g.strokeRect(2, 2, 18, 10)
                break
            case "raised":
                g.strokeStyle = c.checkRaised; g.lineWidth = 4
                g.strokeRect(3, 3, 16, 8)
                break
            case "warning":
                g.fillStyle = c.warning
                g.beginPath(); g.moveTo(11, 0); g.lineTo(19, 14); g.lineTo(3, 14); g.closePath(); g.fill()
                g.fillStyle = c.warningMark
                g.fillRect(10, 4, 2, 5); g.fillRect(10, 11, 2, 2)
                break
            }
        }
    }

    Repeater {
        model: Theme.stateOrder
        delegate: Row {
            required property string modelData
            spacing: 4
            Rectangle {
                width: 12; height: 12; radius: 6
                anchors.verticalCenter: parent.verticalCenter
                color: Theme.stateColors[modelData]
                border.color: Theme.border
            }
            Label { text: Theme.stateLabels[modelData]; color: Theme.text; font.pixelSize: Theme.fontSize - 2 }
        }
    }
    Row {
        spacing: 4
        Rectangle {
            width: 12; height: 12; radius: 6; color: "transparent"
            anchors.verticalCenter: parent.verticalCenter
            border.color: Theme.pending; border.width: 3
        }
        Label { text: qsTr("cancel requested, not delivered yet"); color: Theme.text; font.pixelSize: Theme.fontSize - 2 }
    }
    Label { text: qsTr("├─ structured child    - - unstructured"); color: Theme.text; font.pixelSize: Theme.fontSize - 2 }
    Repeater {
        objectName: "marks"
        model: [
            { kind: "shield", text: qsTr("shielded: requests from outside stop here") },
            { kind: "deadline", text: qsTr("deadline: the ring empties as time runs out") },
            { kind: "planned", text: qsTr("planned, not spawned yet") },
            { kind: "pulse", text: qsTr("cancel request on its way") },
            { kind: "failure", text: qsTr("failure going up to the parent") },
            { kind: "blocked", text: qsTr("request blocked (shield, not a child)") },
            { kind: "passed", text: qsTr("check point passed") },
            { kind: "raised", text: qsTr("check point raised the cancellation") },
            { kind: "warning", text: qsTr("warning: a mistake this run shows (select the task to read why)") },
        ]
        // The entry as a plain property: `modelData` on an item marks the state entries above.
        delegate: Row {
            readonly property var mark: modelData
            spacing: 4
            Mark {
                anchors.verticalCenter: parent.verticalCenter
                kind: parent.mark.kind
                colors: legend.colors
            }
            Label { text: parent.mark.text; color: Theme.text; font.pixelSize: Theme.fontSize - 2 }
        }
    }
}
