import QtQuick
import QtQuick.Controls
import Cascade

// The task tree canvas and what a user needs around it: zoom buttons, scroll bars, a legend of
// states and edge styles, a tooltip, and a context menu to cancel or fail a task.
FocusScope {
    id: root

    property alias model: canvas.model
    // Trace events to animate (Session.events) and the playback speed that paces the animation.
    property alias events: canvas.events
    property alias speed: canvas.speed
    property alias now: canvas.now
    property alias selectedPath: canvas.selectedPath
    property alias canvas: canvas
    property alias highContrast: canvas.highContrast
    property bool showLegend: true
    // The zoom controls over the top right corner (−, the zoom, +, Fit); the keys and wheel work without.
    property bool showZoomBar: true
    // The run-time context menu (cancel, fail, timeout, shield); off while the window offers its
    // own editing menu instead (at t = 0).
    property bool runMenuEnabled: true
    // Why the running task cannot get a timeout / a shield under this runtime ("" when it can).
    property string timeoutUnavailable
    property string shieldUnavailable
    // What a click and a right-click do, for the tooltip.
    property string clickHint: qsTr("Click to cancel · right-click for more")
    // The canvas's colours, for the chrome around it (re-read when the theme changes).
    readonly property var colors: { canvas.highContrast; return canvas.colors() }

    signal taskClicked(string path, int button)
    signal taskActivated(string path)
    signal cancelRequested(string path)
    signal failRequested(string path)
    signal timeoutRequested(string path)
    signal shieldRequested(string path)

    function leaf(path) { return path.substring(path.lastIndexOf("/") + 1) }

    TreeCanvas {
        id: canvas
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: legend.visible ? legend.top : parent.bottom }
        focus: true
        onTaskClicked: (path, button) => root.taskClicked(path, button)
        onTaskActivated: (path) => root.taskActivated(path)
        onTaskContextMenu: (path, x, y) => {
            if (!root.runMenuEnabled)
                return
            menu.path = path
            menu.popup(canvas, x, y)
        }

        // A focused tree owns its arrow keys, even where the window binds them to shortcuts.
        Keys.onShortcutOverride: (event) => event.accepted = root.handleKey(event, false)
        Keys.onPressed: (event) => event.accepted = root.handleKey(event, true)

        WheelHandler {
            target: null
            onWheel: (event) => {
                if (event.modifiers & Qt.ControlModifier) {
                    canvas.zoomBy(Math.pow(1.0015, event.angleDelta.y), point.position)
                    return
                }
                const pixels = event.pixelDelta.x !== 0 || event.pixelDelta.y !== 0
                let dx = pixels ? event.pixelDelta.x : event.angleDelta.x / 2
                let dy = pixels ? event.pixelDelta.y : event.angleDelta.y / 2
                if (event.modifiers & Qt.ShiftModifier)
                    [dx, dy] = [dy, dx]
                canvas.contentX -= dx
                canvas.contentY -= dy
            }
        }
        DragHandler {
            target: null
            acceptedButtons: Qt.LeftButton | Qt.MiddleButton
            property point start
            onActiveChanged: if (active) start = Qt.point(canvas.contentX, canvas.contentY)
            onTranslationChanged: if (active) {
                canvas.contentX = start.x - translation.x
                canvas.contentY = start.y - translation.y
            }
            cursorShape: active ? Qt.ClosedHandCursor : undefined
        }
    }

    // Up and Down walk the rows, Shift+Left goes to the parent and Shift+Right to the first child
    // (plain Left and Right step the run backwards and forwards, window-wide); Return
    // activates, the Menu key opens the context menu; Ctrl with +, - or 0 zooms or fits.
    function handleKey(event, act) {
        const ctrl = event.modifiers & Qt.ControlModifier
        const plain = (event.modifiers & ~Qt.KeypadModifier) === Qt.NoModifier
        const shift = (event.modifiers & ~Qt.KeypadModifier) === Qt.ShiftModifier
        const selected = canvas.selectedPath
        const actions = {
            [Qt.Key_Up]: plain ? () => canvas.selectPrevious() : null,
            [Qt.Key_Down]: plain ? () => canvas.selectNext() : null,
            [Qt.Key_Left]: shift ? () => canvas.selectParent() : null,
            [Qt.Key_Right]: shift ? () => canvas.selectFirstChild() : null,
            [Qt.Key_Return]: selected !== "" ? () => root.taskActivated(selected) : null,
            [Qt.Key_Enter]: selected !== "" ? () => root.taskActivated(selected) : null,
            [Qt.Key_Menu]: selected !== "" ? () => {
                const box = canvas.taskRect(selected)
                canvas.taskContextMenu(selected, box.x + 16, box.y + box.height)
            } : null,
            [Qt.Key_Plus]: ctrl ? () => canvas.zoomBy(1.25, Qt.point(canvas.width / 2, canvas.height / 2)) : null,
            [Qt.Key_Equal]: ctrl ? () => canvas.zoomBy(1.25, Qt.point(canvas.width / 2, canvas.height / 2)) : null,
            [Qt.Key_Minus]: ctrl ? () => canvas.zoomBy(0.8, Qt.point(canvas.width / 2, canvas.height / 2)) : null,
            [Qt.Key_0]: ctrl ? () => canvas.fit() : null,
        }
        const action = actions[event.key]
        if (!action)
            return false
        if (act)
            action()
        return true
    }

    Label {
        anchors.centerIn: parent
        visible: canvas.count === 0
        text: qsTr("No tasks yet")
        color: root.colors.mutedText
        font.pixelSize: 16
    }

    Menu {
        id: menu
        property string path
        MenuItem {
            text: qsTr("Cancel %1").arg(root.leaf(menu.path))
            onTriggered: root.cancelRequested(menu.path)
        }
        MenuItem {
            text: qsTr("Fail %1 with an error").arg(root.leaf(menu.path))
            onTriggered: root.failRequested(menu.path)
        }
        MenuItem {
            text: qsTr("Add timeout to %1…").arg(root.leaf(menu.path))
            enabled: root.timeoutUnavailable === ""
            onTriggered: root.timeoutRequested(menu.path)
        }
        MenuItem {
            text: qsTr("Toggle shield on %1").arg(root.leaf(menu.path))
            enabled: root.shieldUnavailable === ""
            onTriggered: root.shieldRequested(menu.path)
        }
        // A disabled entry gets no hover, so no tooltip: say why here.
        Label {
            visible: text !== ""
            height: visible ? implicitHeight : 0  // a hidden item still takes its row in a Menu
            width: menu.availableWidth
            padding: 8
            wrapMode: Text.Wrap
            color: root.colors.mutedText
            text: [root.timeoutUnavailable, root.shieldUnavailable].filter((why, i, all) => why !== "" && all.indexOf(why) === i).join("\n")
        }
    }

    ToolTip {
        id: tip
        parent: canvas
        readonly property rect box: {
            canvas.zoom, canvas.contentX, canvas.contentY  // taskRect() moves with the view
            return canvas.hoveredPath !== "" ? canvas.taskRect(canvas.hoveredPath) : Qt.rect(0, 0, 0, 0)
        }
        visible: canvas.hoveredPath !== "" && !menu.visible
        delay: 700
        x: box.x + 24
        y: box.y + box.height + 6
        // The task's warnings too: the badge's words are short, the summaries say what happened.
        readonly property string warning: canvas.hoveredPath !== "" ? canvas.taskWarning(canvas.hoveredPath) : ""
        text: canvas.hoveredPath + (warning !== "" ? "\n⚠ " + warning.split("\n").join("\n⚠ ") : "") + "\n" + root.clickHint
    }

    Pane {
        id: zoomBar
        objectName: "zoomBar"
        visible: root.showZoomBar
        anchors { top: parent.top; right: parent.right; margins: 8; rightMargin: 8 + (vbar.visible ? vbar.width : 0) }
        padding: 2
        opacity: 0.92
        palette.buttonText: root.colors.text
        palette.windowText: root.colors.text
        background: Rectangle { color: root.colors.background; border.color: root.colors.mutedText; radius: 4 }
        Row {
            spacing: 2
            ToolButton {
                text: "−"
                onClicked: canvas.zoomBy(0.8, Qt.point(canvas.width / 2, canvas.height / 2))
                ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom out (Ctrl+−, Ctrl+wheel)")
            }
            Label {
                width: 48
                height: parent.height
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: qsTr("%1%").arg(canvas.zoom < 0.1 ? (canvas.zoom * 100).toFixed(1) : Math.round(canvas.zoom * 100))
            }
            ToolButton {
                text: "+"
                onClicked: canvas.zoomBy(1.25, Qt.point(canvas.width / 2, canvas.height / 2))
                ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom in (Ctrl++, Ctrl+wheel)")
            }
            ToolButton {
                text: qsTr("Fit")
                font.bold: canvas.autoFit
                font.underline: canvas.autoFit
                onClicked: canvas.fit()
                ToolTip.visible: hovered
                ToolTip.text: canvas.autoFit ? qsTr("Fitting the tree as it grows; drag or zoom to take over")
                                             : qsTr("Show the whole tree (Ctrl+0)")
            }
        }
    }

    ScrollBar {
        id: vbar
        anchors { top: canvas.top; right: canvas.right; bottom: hbar.visible ? hbar.top : canvas.bottom }
        orientation: Qt.Vertical
        readonly property real span: canvas.contentHeight + 2 * canvas.margin
        size: Math.min(1, canvas.height / span)
        visible: size < 1
        policy: ScrollBar.AlwaysOn
        onPositionChanged: if (pressed) canvas.contentY = position * span - canvas.margin
        Binding on position { value: (canvas.contentY + canvas.margin) / vbar.span; when: !vbar.pressed }
    }
    ScrollBar {
        id: hbar
        anchors { left: canvas.left; right: vbar.visible ? vbar.left : canvas.right; bottom: canvas.bottom }
        orientation: Qt.Horizontal
        readonly property real span: canvas.contentWidth + 2 * canvas.margin
        size: Math.min(1, canvas.width / span)
        visible: size < 1
        policy: ScrollBar.AlwaysOn
        onPositionChanged: if (pressed) canvas.contentX = position * span - canvas.margin
        Binding on position { value: (canvas.contentX + canvas.margin) / hbar.span; when: !hbar.pressed }
    }

    // What the colours, rings and edge styles mean: a teacher's class should not need to guess.
    Rectangle {
        id: legend
        visible: root.showLegend && canvas.count > 0
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: legendFlow.implicitHeight + 12
        color: root.colors.background
        Rectangle { width: parent.width; height: 1; color: root.colors.mutedText; opacity: 0.4 }
        Flow {
            id: legendFlow
            anchors { fill: parent; leftMargin: 10; rightMargin: 10; topMargin: 6 }
            spacing: 14
            Repeater {
                model: ["not-started", "running", "suspended", "cpu", "unwinding", "cleanup",
                        "completed", "cancelled", "failed", "timed-out"]
                delegate: Row {
                    required property string modelData
                    readonly property var style: { canvas.highContrast; return canvas.stateStyle(modelData) }
                    spacing: 5
                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: 14; height: 12; radius: 3
                        color: parent.style.fill
                        border.color: parent.style.accent
                        Rectangle { width: 4; height: parent.height; radius: 2; color: parent.border.color }
                    }
                    Label { text: parent.style.word; font.pixelSize: 12; color: parent.style.ink }
                }
            }
            Row {
                spacing: 5
                Rectangle { anchors.verticalCenter: parent.verticalCenter; width: 26; height: 2; color: root.colors.edge }
                Label { text: qsTr("structured child"); font.pixelSize: 12; color: root.colors.text }
            }
            Row {
                spacing: 5
                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 3
                    Repeater {
                        model: 3
                        Rectangle { width: 6; height: 2; color: root.colors.detachedEdge }
                    }
                }
                Label { text: qsTr("unstructured (not cancelled with its creator)"); font.pixelSize: 12; color: root.colors.text }
            }
            Row {
                spacing: 5
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 18; height: 12; radius: 4
                    color: "transparent"
                    border.color: root.colors.pendingRing
                    border.width: 2
                }
                Label { text: qsTr("cancel requested, not yet delivered"); font.pixelSize: 12; color: root.colors.text }
            }
        }
    }
}
