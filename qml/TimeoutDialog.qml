import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Puts a timeout around a task's whole body (or changes it): a whole number of virtual ms.
Dialog {
    id: dialog

    property ScenarioDocument document
    // Set at run time: the deadline is given to the running task from now (Session.addTimeout)
    // instead of being written around its body in the scenario.
    property var session: null
    property string path
    readonly property int minimumMs: 0
    readonly property int maximumMs: document ? document.maxTimeoutMs : 2147483647
    readonly property alias ms: spin.value
    readonly property bool valid: spin.contentItem.acceptableInput

    title: session ? qsTr("Add a timeout now") : qsTr("Timeout")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(460, Overlay.overlay ? Overlay.overlay.width - 40 : 460)

    function start(taskPath, currentMs) {
        path = taskPath
        spin.value = currentMs >= 0 ? currentMs : 1000
        open()
    }

    onOpened: {
        spin.contentItem.selectAll()
        spin.forceActiveFocus()
    }
    // What is typed counts, even if the field has not been left yet (the spin box takes its
    // value from the text only then).
    onAccepted: {
        const ms = spin.valueFromText(spin.contentItem.text, spin.locale)
        if (session)
            session.addTimeout(path, ms)
        else
            document.setTimeout(path, ms)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            Layout.fillWidth: true
            text: dialog.session ? qsTr("From now (t = %1 ms), cancel %2 with a timeout when it has not finished after:")
                                       .arg(dialog.session.now).arg(dialog.path)
                                 : qsTr("Cancel %1 when it has not finished after:").arg(dialog.path)
            wrapMode: Text.Wrap
        }
        RowLayout {
            SpinBox {
                id: spin
                objectName: "msSpinBox"
                from: dialog.minimumMs
                to: dialog.maximumMs
                stepSize: 100
                editable: true
                Layout.preferredWidth: 180
                // Plain digits: a locale's group separators ("1,500") would be one more thing to parse.
                textFromValue: (value) => value.toString()
                valueFromText: (text) => parseInt(text, 10)
                validator: IntValidator { bottom: spin.from; top: spin.to }
                Keys.onReturnPressed: if (dialog.valid) dialog.accept()
            }
            Label { text: qsTr("ms") }
        }
        Label {
            objectName: "range"
            Layout.fillWidth: true
            text: dialog.valid ? qsTr("From %1 to %2 ms of virtual time.").arg(dialog.minimumMs).arg(dialog.maximumMs)
                               : qsTr("Enter a whole number of ms from %1 to %2.").arg(dialog.minimumMs).arg(dialog.maximumMs)
            color: dialog.valid ? Theme.mutedText : Theme.pending
            wrapMode: Text.Wrap
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "okButton"
            text: dialog.session ? qsTr("Add timeout") : qsTr("Set timeout")
            enabled: dialog.valid
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
