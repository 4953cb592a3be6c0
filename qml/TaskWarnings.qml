import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// The warnings shown on the selected task, in the inspector: each one's summary and its paragraph
// (why it is a problem in this runtime and what to do), from TaskListModel's info().warnings.
ColumnLayout {
    id: box
    property var warnings: []
    readonly property color ink: TreeStyle.colors(Theme.contrast).warningInk

    visible: warnings !== undefined && warnings.length > 0
    spacing: 4

    Repeater {
        model: box.warnings
        delegate: Rectangle {
            id: card
            required property var modelData
            required property int index
            objectName: "warning" + index
            Layout.fillWidth: true
            implicitHeight: column.implicitHeight + 12
            color: Theme.contrast ? Theme.panel : Qt.alpha(TreeStyle.colors(false).warning, 0.14)
            border.color: box.ink
            border.width: 2
            radius: 4
            ColumnLayout {
                id: column
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 6 }
                spacing: 4
                Label {
                    objectName: "warningSummary"
                    Layout.fillWidth: true
                    text: qsTr("⚠ Warning at %1 ms: %2").arg(card.modelData.t).arg(card.modelData.summary)
                    font.bold: true
                    wrapMode: Text.Wrap
                    color: box.ink
                    font.pixelSize: Theme.fontSize - 1
                }
                Label {
                    objectName: "warningExplanation"
                    Layout.fillWidth: true
                    text: card.modelData.explanation
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontSize - 2
                }
            }
        }
    }
}
