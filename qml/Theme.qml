pragma Singleton
import QtQuick

// Colours and sizes of the two themes. State colours always come with a word or an icon.
QtObject {
    property bool highContrast: false
    // Presenter mode (F5): high contrast and large type for a projector, whatever the switch says.
    property bool presenter: false
    readonly property bool contrast: highContrast || presenter

    readonly property color window: contrast ? "#000000" : "#f5f6f8"
    readonly property color panel: contrast ? "#000000" : "#ffffff"
    readonly property color text: contrast ? "#ffffff" : "#1c1f24"
    readonly property color mutedText: contrast ? "#ffff00" : "#5f6773"
    readonly property color border: contrast ? "#ffffff" : "#d5d9e0"
    readonly property color accent: contrast ? "#00ffff" : "#1565c0"
    readonly property color pending: contrast ? "#ff4040" : "#d50000"
    readonly property int fontSize: presenter ? 24 : highContrast ? 17 : 14

    readonly property var stateColors: contrast ? ({
        "not-started": "#bdbdbd", "running": "#40c4ff", "suspended": "#e040fb", "cpu": "#ff9100",
        "unwinding": "#ffea00", "cleanup": "#fff176", "completed": "#76ff03", "cancelled": "#ffffff",
        "failed": "#ff1744", "timed-out": "#ff9e80"
    }) : ({
        "not-started": "#9e9e9e", "running": "#1e88e5", "suspended": "#8e24aa", "cpu": "#f4511e",
        "unwinding": "#fb8c00", "cleanup": "#fdd835", "completed": "#43a047", "cancelled": "#757575",
        "failed": "#e53935", "timed-out": "#6d4c41"
    })
    readonly property var stateLabels: ({
        "not-started": qsTr("not started"), "running": qsTr("running"), "suspended": qsTr("suspended"),
        "cpu": qsTr("CPU busy"), "unwinding": qsTr("unwinding"), "cleanup": qsTr("in cleanup"),
        "completed": qsTr("✔ completed"), "cancelled": qsTr("✖ cancelled"), "failed": qsTr("⚠ failed"),
        "timed-out": qsTr("◔ timed out")
    })
    readonly property var stateOrder: ["not-started", "running", "suspended", "cpu", "unwinding", "cleanup",
                                       "completed", "cancelled", "failed", "timed-out"]
}
