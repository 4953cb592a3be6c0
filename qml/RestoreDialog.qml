import QtQuick
import QtQuick.Controls
import Cascade

// Offered at start when the last run of the app did not end cleanly (a crash, a kill) and left an
// autosave: Restore brings back the scenario and the run at its recorded point; Discard forgets it.
Dialog {
    id: dialog
    required property Autosave autosave

    title: qsTr("Restore the last session?")
    modal: true
    closePolicy: Popup.NoAutoClose
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, Overlay.overlay ? Overlay.overlay.width - 40 : 560)

    onAccepted: autosave.restore()
    onDiscarded: {
        autosave.discard()
        close()
    }

    Label {
        width: dialog.availableWidth
        wrapMode: Text.Wrap
        text: qsTr("Cascade did not close properly last time. It had autosaved %1.\nRestore it?")
                  .arg(dialog.autosave.restoreSummary)
    }

    footer: DialogButtonBox {
        Button {
            objectName: "restoreButton"
            text: qsTr("Restore")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "discardButton"
            text: qsTr("Discard")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
        }
    }
}
