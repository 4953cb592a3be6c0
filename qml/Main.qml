import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import QtQuick.Window
import Qt.labs.settings
import Cascade

ApplicationWindow {
    id: window
    // Most of the screen on first start (a projector's 1280x720 or a 1920x1080 desk), then where
    // the user left it.
    width: Math.max(minimumWidth, Math.min(1920, Screen.desktopAvailableWidth - 48))
    height: Math.max(minimumHeight, Math.min(1200, Screen.desktopAvailableHeight - 48))
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    color: Theme.window
    title: qsTr("%1%2 — Cascade").arg(document.displayName).arg(document.modified ? "*" : "")

    Session {
        id: session
        objectName: "session"  // found by the end-to-end test
        tasks.language: Localization.language   // the warnings' words
        events.language: Localization.language
    }
    // The lesson's captions and predict questions over the run (CaptionStrip, PredictDialog).
    NarrationPlayer {
        id: narration
        objectName: "narration"
        session: session
        language: Localization.language
    }
    // The scenario being edited; every new version of it restarts the session at t = 0.
    ScenarioDocument {
        id: document
        objectName: "document"
        session: session
        Component.onCompleted: {
            if (!(initialScenario && openLessonOrFile(initialScenario)))
                openLesson("kotlin-cancel-join")
        }
    }
    LessonListModel { id: lessons }
    // A new run (an open above all: a long recording fills every model) leaves megabytes of
    // JavaScript garbage. Collected while the window is idle after it, not in the middle of the
    // first scrub, where a collection of the whole heap took 50 ms.
    Timer {
        id: collectAfterRun
        interval: 500
        onTriggered: if (session.playing) restart(); else gc()
    }
    Connections {
        target: session
        function onRunChanged() { collectAfterRun.restart() }
    }

    // ------------------------------------------------------------ recordings, exports, autosave
    RecordingActions {
        id: recordingActions
        session: session
        document: document
        title: window.korean && session.titleKo !== "" ? session.titleKo : session.title
        highContrast: Theme.contrast
        whenSaved: window.whenSaved
        // The copied picture is the size of the tree and the timeline as they are on screen.
        pictureSize: Qt.size(Math.max(640, tree.width), Math.max(480, tree.height + (timeline.visible ? timeline.height : 0)))
    }
    Autosave {
        id: autosave
        objectName: "autosave"
        document: document
        session: session
        // main.cpp names the folder (the user's data directory); without it nothing is autosaved.
        directory: typeof autosaveDirectory === "string" ? autosaveDirectory : ""
        Component.onCompleted: if (directory !== "" && start() && restoreOffered) restoreDialog.open()
    }
    RestoreDialog { id: restoreDialog; objectName: "restoreDialog"; autosave: autosave }
    // Under the tree by default where the tree keeps its room (not in a 720 px window); Ctrl+T
    // decides from then on, remembered (-1: not chosen yet).
    readonly property bool timelineShown: windowSettings.timelineChoice < 0 ? height >= 760 : windowSettings.timelineChoice === 1
    function setTimelineShown(on) { windowSettings.timelineChoice = on ? 1 : 0 }
    Shortcut { sequence: "Ctrl+T"; onActivated: window.setTimelineShown(!window.timelineShown) }

    // ------------------------------------------------------------ editing
    // The tree can be edited while the run has not started; the menu bar's entries work at any
    // time (an edit restarts the run anyway).
    readonly property bool atStart: session.now === 0 && !session.playing
    readonly property bool korean: Localization.language === "ko"
    readonly property string selectedTask: session.selectedPath
    readonly property string selectedName: selectedTask.substring(selectedTask.lastIndexOf("/") + 1)
    // Why each edit of the selected task is unavailable ("" when it is), asked of core.
    property var editReasons: ({})
    property var selectedFacts: ({})
    property string editRuntime
    function refreshEditState() {
        editReasons = document.editAvailability(selectedTask, session.runtime)
        selectedFacts = document.taskFacts(selectedTask)
    }
    function editReason(edit) { return editReasons[edit] || "" }
    Connections {
        target: document
        function onScenarioChanged() {
            // A path of the previous scenario (after New or Open) means nothing here: select the
            // root, so that the edits have a task to act on.
            if (!document.taskFacts(window.selectedTask).valid)
                session.selectedPath = document.outline.length > 0 ? document.outline[0].specPath : ""
            window.refreshEditState()
            inspector.reloadSteps()  // undo, redo, an edit from the menu or a new file
        }
    }
    Connections {
        target: session
        function onSelectedPathChanged() { window.refreshEditState() }
        // Also emitted on every restart and step back: ask core again only for a new runtime.
        function onRuntimeChanged() {
            if (session.runtime !== window.editRuntime) {
                window.editRuntime = session.runtime
                window.refreshEditState()
            }
        }
    }
    function selectAfterEdit(path) {
        if (path !== "")
            session.selectedPath = path
    }

    Action {
        id: addChildAction
        text: qsTr("Add child")
        enabled: window.editReason("addChild") === ""
        onTriggered: window.selectAfterEdit(document.addChild(window.selectedTask, true))
    }
    Action {
        id: addUnstructuredAction
        text: qsTr("Add unstructured")
        enabled: window.editReason("addUnstructured") === ""
        onTriggered: window.selectAfterEdit(document.addChild(window.selectedTask, false))
    }
    Action {
        id: renameAction
        text: qsTr("Rename…")
        shortcut: "F2"
        enabled: window.editReason("rename") === ""
        onTriggered: renameDialog.start(window.selectedTask)
    }
    Action {
        id: deleteAction
        text: qsTr("Delete")
        enabled: window.editReason("remove") === ""
        onTriggered: {
            const parentPath = window.selectedTask.substring(0, window.selectedTask.lastIndexOf("/"))
            if (document.removeTask(window.selectedTask))
                session.selectedPath = parentPath
        }
    }
    Action {
        id: moveUpAction
        text: qsTr("Move up")
        enabled: window.editReason("moveUp") === ""
        onTriggered: document.moveTask(window.selectedTask, -1)
    }
    Action {
        id: moveDownAction
        text: qsTr("Move down")
        enabled: window.editReason("moveDown") === ""
        onTriggered: document.moveTask(window.selectedTask, 1)
    }
    Action {
        id: shieldAction
        text: window.selectedFacts.shielded ? qsTr("Remove shield") : qsTr("Shield")
        enabled: window.editReason("shield") === ""
        onTriggered: document.setShield(window.selectedTask, !window.selectedFacts.shielded)
    }
    Action {
        id: timeoutAction
        text: window.selectedFacts.timeoutMs >= 0 ? qsTr("Timeout %1 ms…").arg(window.selectedFacts.timeoutMs)
                                                  : qsTr("Timeout…")
        enabled: window.editReason("timeout") === ""
        onTriggered: timeoutDialog.start(window.selectedTask, window.selectedFacts.timeoutMs)
    }
    Action {
        id: clearTimeoutAction
        text: qsTr("Clear timeout")
        enabled: window.editReason("clearTimeout") === ""
        onTriggered: document.clearTimeout(window.selectedTask)
    }
    Action {
        id: undoAction
        text: document.undoText !== "" ? qsTr("Undo %1").arg(document.undoText) : qsTr("Undo")
        shortcut: "Ctrl+Z"
        enabled: document.canUndo
        onTriggered: document.undo()
    }
    Action {
        id: redoAction
        text: document.redoText !== "" ? qsTr("Redo %1").arg(document.redoText) : qsTr("Redo")
        shortcut: "Ctrl+Shift+Z"
        enabled: document.canRedo
        onTriggered: document.redo()
    }

    // ------------------------------------------------------------ files
    // Runs `next` when the document has no unsaved edits, or once the user saved or discarded them.
    function whenSaved(next) {
        if (document.modified)
            unsavedDialog.ask(next)
        else
            next()
    }
    function saveDocument(after) {
        if (document.untitled)
            saveAsDialog.start(after)
        else if (document.save() && after)
            after()
    }
    Settings {
        id: windowSettings
        category: "window"
        property int width: 0
        property int height: 0
        property bool maximized: false
        property int timelineChoice: -1
    }
    Component.onCompleted: {
        if (windowSettings.width >= minimumWidth && windowSettings.height >= minimumHeight) {
            width = Math.min(windowSettings.width, Screen.desktopAvailableWidth)
            height = Math.min(windowSettings.height, Screen.desktopAvailableHeight)
        }
        if (windowSettings.maximized)
            showMaximized()
    }
    Component.onDestruction: {
        windowSettings.maximized = visibility === Window.Maximized
        if (visibility === Window.Windowed) {
            windowSettings.width = width
            windowSettings.height = height
        }
    }
    property bool closeConfirmed: false
    onClosing: (close) => {
        if (document.modified && !closeConfirmed) {
            close.accepted = false
            whenSaved(() => { window.closeConfirmed = true; window.close() })
        }
    }

    Action {
        id: newAction
        text: qsTr("New")
        shortcut: "Ctrl+N"
        onTriggered: window.whenSaved(() => document.newScenario())
    }
    Action {
        id: openAction
        text: qsTr("Open…")
        shortcut: "Ctrl+O"
        onTriggered: window.whenSaved(() => openDialog.open())
    }
    Action {
        id: saveAction
        text: qsTr("Save")
        shortcut: "Ctrl+S"
        onTriggered: window.saveDocument(null)
    }
    Action {
        id: saveAsAction
        text: qsTr("Save As…")
        shortcut: "Ctrl+Shift+S"
        onTriggered: saveAsDialog.start(null)
    }
    Action {
        id: quitAction
        text: qsTr("Quit")
        shortcut: "Ctrl+Q"
        onTriggered: window.close()
    }

    FileDialog {
        id: openDialog
        currentFolder: document.folder
        title: qsTr("Open a scenario")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Cascade scenario (*.json)")]
        onAccepted: document.open(selectedFile.toString())
    }
    SaveAsDialog {
        id: saveAsDialog
        document: document
    }
    UnsavedChangesDialog {
        id: unsavedDialog
        objectName: "unsavedDialog"
        documentName: document.displayName
        onSaveRequested: window.saveDocument(() => unsavedDialog.proceed())
    }
    RenameDialog {
        id: renameDialog
        document: document
        onRenamed: (newPath) => session.selectedPath = newPath
    }
    TimeoutDialog { id: timeoutDialog; document: document }
    TimeoutDialog { id: runTimeoutDialog; document: document; session: session }

    // The run-time context menu of the canvas stays as it is; at t = 0 this one replaces it and
    // keeps its Cancel and Fail entries.
    Menu {
        id: editContextMenu
        property string path
        MenuItem { action: addChildAction }
        MenuItem { action: addUnstructuredAction }
        MenuItem { action: renameAction }
        MenuItem { action: deleteAction }
        MenuItem { action: shieldAction }
        MenuItem { action: timeoutAction }
        MenuItem { action: clearTimeoutAction }
        MenuSeparator {}
        MenuItem {
            text: qsTr("Cancel %1").arg(window.selectedName)
            onTriggered: session.cancelTask(editContextMenu.path)
        }
        MenuItem {
            text: qsTr("Fail %1 with an error").arg(window.selectedName)
            onTriggered: session.failTask(editContextMenu.path)
        }
    }
    Connections {
        target: tree.canvas
        function onTaskContextMenu(path, x, y) {
            if (!window.atStart)
                return  // the canvas's own run-time menu
            session.selectedPath = path
            editContextMenu.path = path
            editContextMenu.popup(tree.canvas, x, y)
        }
    }

    menuBar: AppMenuBar {
        workbench: window
        recordingActions: recordingActions
        narration: narration
        actions: ({newFile: newAction, open: openAction, save: saveAction, saveAs: saveAsAction, quit: quitAction,
                   undo: undoAction, redo: redoAction, addChild: addChildAction, addUnstructured: addUnstructuredAction,
                   rename: renameAction, remove: deleteAction, moveUp: moveUpAction, moveDown: moveDownAction,
                   shield: shieldAction, timeout: timeoutAction, clearTimeout: clearTimeoutAction})
    }

    footer: Pane {
        visible: !window.presenting
        padding: 4
        background: Rectangle { color: Theme.panel; border.color: Theme.border }
        Label {
            objectName: "statusLine"
            width: parent.width
            text: recordingActions.message
            color: recordingActions.messageIsError ? Theme.pending : Theme.mutedText
            elide: Text.ElideRight
        }
    }

    Shortcut { sequence: "Space"; onActivated: session.playing = !session.playing }
    Shortcut { sequence: "Right"; onActivated: session.stepEvent() }
    Shortcut { sequence: "Left"; onActivated: session.stepBack() }
    Shortcut { sequence: "Home"; onActivated: session.restart() }
    Shortcut { sequences: ["+", "="]; onActivated: session.speed = Math.min(10, session.speed * 2) }
    Shortcut { sequence: "-"; onActivated: session.speed = Math.max(0.1, session.speed / 2) }
    Shortcut { sequence: "Down"; onActivated: tree.canvas.selectNext() }
    Shortcut { sequence: "Up"; onActivated: tree.canvas.selectPrevious() }
    Shortcut { sequence: "Shift+Left"; onActivated: tree.canvas.selectParent() }
    Shortcut { sequence: "Shift+Right"; onActivated: tree.canvas.selectFirstChild() }
    Shortcut { sequence: "Delete"; onActivated: if (session.selectedPath) session.cancelTask(session.selectedPath) }
    Shortcut { sequence: "Ctrl+H"; onActivated: Theme.highContrast = !Theme.highContrast }
    Shortcut { sequence: "F1"; onActivated: window.legendChoice = window.legendShown ? 0 : 1 }
    Shortcut { sequence: "P"; onActivated: narration.predictMode = !narration.predictMode }
    PredictDialog {
        objectName: "predictDialog"
        narration: narration
        large: window.presenting
    }
    // The legend wraps onto many lines in a narrow centre: shown by default only where the tree
    // keeps its room (a wide window without the code beside the tree); the switch (F1) decides
    // from then on (-1: not chosen yet).
    property int legendChoice: -1
    readonly property bool legendShown: legendChoice < 0 ? width >= 1600 && !codeShown : legendChoice === 1

    // ------------------------------------------------------------ code view and compare window
    // The code beside the tree takes about 500 px: shown by default where the tree keeps its room
    // (not at 1280 px); the switch (Ctrl+K) decides from then on (-1: not chosen yet).
    property int codeChoice: -1
    readonly property bool codeShown: codeChoice < 0 ? width >= 1600 : codeChoice === 1
    Shortcut { sequence: "Ctrl+K"; onActivated: window.codeChoice = window.codeShown ? 0 : 1 }
    Shortcut { sequence: "Ctrl+Shift+K"; onActivated: window.openComparison() }
    function openComparison() {
        if (comparisonLoader.active)
            comparisonLoader.item.requestActivate()
        comparisonLoader.active = true
    }
    Loader {
        id: comparisonLoader
        objectName: "comparisonLoader"
        active: false
        sourceComponent: CompareWindow {
            source: session
            // Over the main window, as large: a mode of its own, which the main window stays behind.
            Component.onCompleted: {
                x = window.x
                y = window.y
                width = window.width
                height = window.height
                visible = true
            }
            onClosing: comparisonLoader.active = false
        }
    }

    // ------------------------------------------------------------ presenter mode
    property bool presenting: false
    property int visibilityBeforePresenting: Window.Windowed
    function setPresenting(on) {
        if (on === presenting)
            return
        if (on) {
            visibilityBeforePresenting = visibility
            presenting = true
            showFullScreen()
        } else {
            presenting = false
            if (visibilityBeforePresenting === Window.Maximized)
                showMaximized()
            else
                showNormal()
        }
    }
    Binding { target: Theme; property: "presenter"; value: window.presenting }
    Shortcut { sequence: "F5"; onActivated: window.setPresenting(!window.presenting) }
    Shortcut { sequence: "Escape"; enabled: window.presenting; onActivated: window.setPresenting(false) }
    // 1 to 9: a speed each, slowest to fastest (keyboard-only control for a class).
    readonly property var speedKeys: [0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10]
    Repeater {
        model: 9
        Item {
            required property int index
            Shortcut { sequence: String(index + 1); onActivated: session.speed = window.speedKeys[index] }
        }
    }
    PresenterView {
        objectName: "presenter"
        anchors.fill: parent
        visible: window.presenting
        session: session
        narration: narration
        title: window.korean && session.titleKo !== "" ? session.titleKo : session.title
        onTimeoutRequested: (path) => runTimeoutDialog.start(path, -1)
    }

    header: RunToolBar {
        visible: !window.presenting
        session: session
        legendShown: window.legendShown
        onLegendToggled: (shown) => window.legendChoice = shown ? 1 : 0
    }

    SplitView {
        id: workbench
        anchors.fill: parent
        visible: !window.presenting
        orientation: Qt.Horizontal

        // Lessons, and the tasks of the scenario being edited
        SplitView {
            orientation: Qt.Vertical
            SplitView.preferredWidth: 260
            SplitView.minimumWidth: 170
        LessonList {
            SplitView.fillHeight: true
            SplitView.minimumHeight: 120
            lessons: lessons
            currentLesson: session.scenarioId
            korean: window.korean
            onLessonChosen: (lessonId) => window.whenSaved(() => document.openLesson(lessonId))
        }
        ScenarioOutline {
            SplitView.preferredHeight: 230
            SplitView.minimumHeight: 100
            document: document
            session: session
            selectedSpecPath: window.selectedFacts.valid ? window.selectedFacts.specPath : ""
        }
        }

        // Explanation, tree, console and log
        SplitView {
            id: centre
            orientation: Qt.Vertical
            SplitView.fillWidth: true
            SplitView.minimumWidth: 420

            ColumnLayout {
                SplitView.fillHeight: true
                SplitView.minimumHeight: 240
                spacing: 0
                LessonHeader {
                    Layout.fillWidth: true
                    session: session
                    korean: window.korean
                }
                CaptionStrip {
                    objectName: "captionStrip"
                    Layout.fillWidth: true
                    narration: narration
                    session: session
                }
                EditBar {
                    Layout.fillWidth: true
                    atStart: window.atStart
                    selectedName: window.selectedName
                    canUndo: document.canUndo
                    reasons: window.editReasons
                    addChildAction: addChildAction
                    addUnstructuredAction: addUnstructuredAction
                    renameAction: renameAction
                    deleteAction: deleteAction
                    shieldAction: shieldAction
                    timeoutAction: timeoutAction
                    onRestartRequested: session.restart()
                }
                TaskTreeCanvas {
                    id: tree
                    objectName: "tree"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: session.tasks
                    now: session.now
                    highContrast: Theme.contrast
                    showLegend: false
                    events: session.events
                    speed: session.speed
                    selectedPath: session.selectedPath
                    onSelectedPathChanged: session.selectedPath = selectedPath
                    // Before the run starts a click selects (the tree is being built) and the
                    // window's edit menu replaces the run-time one.
                    runMenuEnabled: !window.atStart
                    clickHint: session.readOnly ? session.actionUnavailable("cancel")
                             : window.atStart ? qsTr("Click to select · right-click to edit · Space to run")
                                              : qsTr("Click to cancel · right-click for more")
                    timeoutUnavailable: { session.runtime; return session.actionUnavailable("timeout") }
                    shieldUnavailable: { session.runtime; return session.actionUnavailable("shield") }
                    // A click on a running task cancels it (the way to try cancellation); the
                    // context menu also offers a failure, a timeout and a shield.
                    onTaskClicked: (path, button) => {
                        session.selectedPath = path
                        if (button === Qt.LeftButton && !session.finished && !window.atStart)
                            session.cancelTask(path)
                    }
                    onCancelRequested: (path) => { session.selectedPath = path; session.cancelTask(path) }
                    onFailRequested: (path) => { session.selectedPath = path; session.failTask(path) }
                    onTimeoutRequested: (path) => { session.selectedPath = path; runTimeoutDialog.start(path, -1) }
                    onShieldRequested: (path) => { session.selectedPath = path; session.toggleShield(path) }
                }
                Pane {
                    objectName: "legendPane"
                    visible: window.legendShown
                    Layout.fillWidth: true
                    padding: 6
                    background: Rectangle { color: Theme.panel; border.color: Theme.border }
                    Legend { width: parent.width }
                }
            }

            Timeline {
                id: timeline
                objectName: "timeline"
                visible: window.timelineShown
                // The tree keeps most of the height: at 720 px the timeline and the log share a third.
                SplitView.preferredHeight: Math.round(Math.max(110, Math.min(220, centre.height * 0.22)))
                SplitView.minimumHeight: 90
                session: session
                highContrast: Theme.contrast
            }

            SplitView {
                orientation: Qt.Horizontal
                SplitView.preferredHeight: Math.round(Math.max(120, Math.min(220, centre.height * (window.timelineShown ? 0.24 : 0.33))))
                SplitView.minimumHeight: 120
                ConsolePanel {
                    SplitView.preferredWidth: parent.width * 0.4
                    session: session
                }
                EventLogPanel {
                    session: session
                    SplitView.fillWidth: true
                }
            }
        }

        CodeView {
            objectName: "codeView"
            visible: window.codeShown
            session: session
            // Below 1600 px the inspector and the tree keep their room: the code scrolls sideways.
            SplitView.preferredWidth: window.width >= 1600 ? 500 : 280
            SplitView.minimumWidth: 240
        }

        Inspector {
            id: inspector
            session: session
            document: document
            SplitView.preferredWidth: 320
            SplitView.minimumWidth: 240
        }
    }
}
