import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// One field of the step form: its label, the control that suits its type, its validation
// message in red and a short hint. Changes go to the model; the model decides what is valid.
ColumnLayout {
    id: field
    required property var spec         // {key, label, type, min, max, options, optional, help}
    required property var value        // the field's current value in the step (undefined when absent)
    required property string message   // the validation message about this field, or ""
    signal edited(var newValue)

    readonly property string type: spec.type
    // SpinBox counts in int: the largest duration it can reach is about 24 days.
    readonly property int spinMax: Math.min(spec.max, 2147483647)

    spacing: 2
    Layout.fillWidth: true

    Label {
        text: field.spec.label
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        visible: field.type !== "bool"
    }
    SpinBox {
        objectName: visible ? "field-" + field.spec.key : ""
        visible: field.type === "ms" || field.type === "count"
        editable: true
        from: field.spec.min
        to: field.spinMax
        stepSize: field.type === "ms" ? 100 : 1
        value: typeof field.value === "number" ? field.value : 0
        Layout.fillWidth: true
        onValueModified: field.edited(value)
    }
    ComboBox {
        objectName: visible ? "field-" + field.spec.key : ""
        visible: field.type === "choice"
        model: field.spec.options
        currentIndex: field.spec.options.indexOf(field.value === undefined ? field.spec.options[0] : field.value)
        Layout.fillWidth: true
        onActivated: field.edited(currentText)
    }
    ComboBox {
        // "cancellation", "any", "timeout" to pick, or an error name to type.
        objectName: visible ? "field-" + field.spec.key : ""
        visible: field.type === "catchError"
        editable: true
        model: field.spec.options
        editText: field.value === undefined ? "" : String(field.value)
        Layout.fillWidth: true
        onActivated: field.edited(currentText)
        onAccepted: field.edited(editText)
    }
    CheckBox {
        objectName: visible ? "field-" + field.spec.key : ""
        visible: field.type === "bool"
        text: field.spec.label
        checked: field.value === true
        Layout.fillWidth: true
        onToggled: field.edited(checked)
    }
    TextField {
        objectName: visible ? "field-" + field.spec.key : ""
        visible: field.type === "text" || field.type === "name" || field.type === "names"
        text: field.value === undefined ? "" : Array.isArray(field.value) ? field.value.join(", ") : String(field.value)
        placeholderText: field.spec.optional ? qsTr("(none)") : ""
        selectByMouse: true
        Layout.fillWidth: true
        onEditingFinished: if (text !== (field.value === undefined ? "" : Array.isArray(field.value)
                                                                     ? field.value.join(", ") : String(field.value)))
                               field.edited(text)
    }
    Label {
        objectName: "error-" + field.spec.key
        visible: field.message !== ""
        text: field.message
        color: Theme.pending  // the theme's red
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: field.spec.help !== ""
        text: field.spec.help
        color: Theme.mutedText
        font.pixelSize: Theme.fontSize - 3
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
