import QtQuick
import QtQuick.Controls
import Cascade

// Asked before the document is replaced or the window closes with unsaved edits. The caller
// passes what to do next; Save runs it once the save succeeded (saveRequested must call
// proceed() then), Discard runs it at once, Cancel drops it.
Dialog {
    id: dialog

    property string documentName
    property var pending: null

    signal saveRequested()

    title: qsTr("Unsaved changes")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(480, Overlay.overlay ? Overlay.overlay.width - 40 : 480)

    function ask(next) {
        pending = next
        open()
    }
    function proceed() {
        const next = pending
        pending = null
        if (next)
            next()
    }

    onAccepted: saveRequested()
    onDiscarded: {
        close()
        proceed()
    }
    onRejected: pending = null

    Label {
        width: dialog.availableWidth
        text: qsTr("Save the changes to %1 first?").arg(dialog.documentName)
        wrapMode: Text.Wrap
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveButton"
            text: qsTr("Save")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "discardButton"
            text: qsTr("Discard")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
        }
        Button {
            objectName: "cancelButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
