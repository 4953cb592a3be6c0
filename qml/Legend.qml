import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What the colours and marks on the tree mean.
Flow {
    spacing: 12
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
}
