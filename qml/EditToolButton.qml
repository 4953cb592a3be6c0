import QtQuick
import QtQuick.Controls

// A tool button for a task edit whose tooltip says why it is disabled. The hover is caught by
// this wrapper: a disabled button receives no hover events itself.
Item {
    id: root

    property alias action: button.action
    property string reason
    property string hint

    implicitWidth: button.implicitWidth
    implicitHeight: button.implicitHeight

    ToolButton {
        id: button
        anchors.fill: parent
        display: AbstractButton.TextOnly
    }
    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && (root.reason !== "" || root.hint !== "")
    ToolTip.text: root.reason !== "" ? root.reason : root.hint
    ToolTip.delay: 400
}
