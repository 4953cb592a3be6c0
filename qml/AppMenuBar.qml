import QtQuick
import QtQuick.Controls
import Cascade

// The window's menus. Main.qml owns the actions and the state they act on and hands them in.
MenuBar {
    id: bar
    //! The workbench window: its view switches (legend, timeline, code), presenter mode, the
    //! comparison, and why each edit of the selected task is unavailable.
    required property var workbench
    //! {newFile, open, save, saveAs, quit, undo, redo, addChild, addUnstructured, rename, remove,
    //! moveUp, moveDown, shield, timeout, clearTimeout}: Main.qml's Actions.
    required property var actions
    required property RecordingActions recordingActions
    required property NarrationPlayer narration

    visible: !bar.workbench.presenting
    Menu {
        title: qsTr("&File")
        MenuItem { action: bar.actions.newFile }
        MenuItem { action: bar.actions.open }
        MenuItem { action: bar.actions.save }
        MenuItem { action: bar.actions.saveAs }
        MenuSeparator {}
        MenuItem { action: bar.recordingActions.openRecordingAction }
        MenuItem { action: bar.recordingActions.saveRecordingAction }
        Menu {
            title: qsTr("Export")
            MenuItem { action: bar.recordingActions.exportChromeAction }
            MenuItem { action: bar.recordingActions.exportPngAction }
            MenuItem { action: bar.recordingActions.exportGifAction }
        }
        MenuSeparator {}
        MenuItem { action: bar.actions.quit }
    }
    Menu {
        id: editMenu
        title: qsTr("&Edit")
        width: 400  // room for the command texts and the reasons below
        MenuItem { action: bar.actions.undo }
        MenuItem { action: bar.actions.redo }
        MenuItem { action: bar.recordingActions.copyPictureAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.addChild; text: qsTr("Add child task (structured)") }
        MenuItem { action: bar.actions.addUnstructured; text: qsTr("Add unstructured task") }
        MenuItem { action: bar.actions.rename }
        MenuItem { action: bar.actions.remove; text: qsTr("Delete task") }
        MenuItem { action: bar.actions.moveUp }
        MenuItem { action: bar.actions.moveDown }
        MenuSeparator {}
        MenuItem { action: bar.actions.shield; text: bar.workbench.selectedFacts.shielded ? qsTr("Remove shield") : qsTr("Toggle shield") }
        MenuItem { action: bar.actions.timeout; text: qsTr("Set timeout…") }
        MenuItem { action: bar.actions.clearTimeout }
        MenuSeparator {}
        // A disabled entry gets no hover, so no tooltip: the reasons are listed here instead.
        Label {
            objectName: "editReasons"
            width: editMenu.availableWidth
            padding: 8
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.fontSize - 2
            text: {
                const names = {addChild: qsTr("Add child"), addUnstructured: qsTr("Add unstructured"),
                               remove: qsTr("Delete"), moveUp: qsTr("Move up"), moveDown: qsTr("Move down"),
                               shield: qsTr("Shield"), timeout: qsTr("Timeout"), clearTimeout: qsTr("Clear timeout")}
                const lines = []
                const seen = {}
                for (const key in names) {
                    const why = bar.workbench.editReason(key)
                    if (why !== "" && !seen[why]) {
                        seen[why] = true
                        lines.push(names[key] + ": " + why)
                    }
                }
                return lines.length > 0 ? lines.join("\n") : qsTr("Acts on the selected task, %1").arg(bar.workbench.selectedTask)
            }
        }
    }
    Menu {
        title: qsTr("&View")
        width: 400  // the widest entry with its shortcut (Compare runtimes…) was cut off at the right
        MenuItem {
            text: qsTr("Legend")
            checkable: true
            checked: bar.workbench.legendShown
            onTriggered: bar.workbench.legendChoice = checked ? 1 : 0
        }
        MenuItem {
            text: qsTr("Timeline (Ctrl+T)")
            checkable: true
            checked: bar.workbench.timelineShown
            onTriggered: bar.workbench.setTimelineShown(checked)
        }
        MenuItem {
            text: qsTr("High contrast")
            checkable: true
            checked: Theme.highContrast
            onTriggered: Theme.highContrast = checked
        }
        MenuItem {
            text: qsTr("Presenter mode (F5)")
            onTriggered: bar.workbench.setPresenting(true)
        }
        MenuItem {
            objectName: "codeViewItem"
            text: qsTr("Code (Ctrl+K)")
            checkable: true
            checked: bar.workbench.codeShown
            onTriggered: bar.workbench.codeChoice = checked ? 1 : 0
        }
        MenuItem {
            text: qsTr("Compare runtimes… (Ctrl+Shift+K)")
            onTriggered: bar.workbench.openComparison()
        }
        MenuSeparator {}
        MenuItem {
            text: qsTr("Pause at captions")
            checkable: true
            checked: bar.narration.pauseAtCaptions
            onTriggered: bar.narration.pauseAtCaptions = checked
        }
        MenuItem {
            text: qsTr("Predict mode (P)")
            checkable: true
            checked: bar.narration.predictMode
            onTriggered: bar.narration.predictMode = checked
        }
        MenuSeparator {}
        Menu {
            title: qsTr("Language")
            // Each language in its own words, so that it can be found in either.
            Repeater {
                model: [{choice: "", name: qsTr("System (%1)").arg(Localization.systemLanguage === "ko" ? "한국어" : "English")},
                        {choice: "en", name: "English"}, {choice: "ko", name: "한국어"}]
                MenuItem {
                    required property var modelData
                    text: modelData.name
                    checkable: true
                    autoExclusive: true
                    checked: Localization.choice === modelData.choice
                    onTriggered: Localization.choice = modelData.choice
                }
            }
        }
    }

}
