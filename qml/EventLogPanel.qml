import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Trace events as they happen. Filter by task and kind; click an entry to select its task and
// go back to that moment.
Pane {
    id: panel
    required property Session session
    padding: 4
    clip: true  // nothing of it ever draws over the pane beside it
    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                // The count of the entries shown (filtered): part of the title, which always fits.
                text: qsTr("Event log (%1)").arg(log.count)
                font.bold: true
                color: Theme.text
            }
            CheckBox {
                id: onlySelected
                text: qsTr("selected task only")
                enabled: panel.session.selectedPath !== ""
                // In a narrow pane (1280x720) its words give way (elided), not the pane's edge.
                Layout.fillWidth: true
                Layout.minimumWidth: indicator.width + leftPadding + rightPadding
                Layout.maximumWidth: implicitWidth
                ToolTip.visible: hovered && implicitWidth > width
                ToolTip.text: text
            }
            ComboBox {
                id: kindBox
                Layout.preferredWidth: 160
                Layout.minimumWidth: 100
                // The first two entries are not kinds: every event, and the warnings only.
                model: [qsTr("all kinds"), qsTr("⚠ warnings"), "spawn", "start", "suspend", "resume", "work", "checkpoint",
                        "cancel-request", "cancel-blocked", "cancel-deliver", "catch", "cleanup-enter",
                        "cleanup-exit", "timeout", "deadline-set", "deadline-clear", "shield-on", "shield-off",
                        "print", "raise", "end", "action-ignored"]
            }
        }
        TextMetrics {
            id: timeMetrics
            font.family: "monospace"
            font.pixelSize: Theme.fontSize - 2
            text: "000000 ms"
        }
        ListView {
            id: log
            reuseItems: true  // rows scrolled or stepped past come back in the same delegates
            // Delegates only for the rows in view: a seek makes them all anew (twice: at the top,
            // then at the end), and the default buffer of 320 px above and below quadrupled that.
            cacheBuffer: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: EventFilterModel {
                sourceModel: panel.session.events
                resetsOnSeek: true  // it follows the end: a seek changes every row in view
                task: onlySelected.checked ? panel.session.selectedPath : ""
                kind: kindBox.currentIndex > 1 ? kindBox.currentText : ""
                warningsOnly: kindBox.currentIndex === 1
            }
            // Following the end: after a seek (a reset) at once, so that its frame shows it; after
            // rows appended only once they are in. Positioned from within the insert, ListView
            // (Qt 6.4) made a delegate for every row inserted (4,000 when a large recording
            // opened, seconds of work).
            readonly property bool follows: !panel.session.playing || atYEnd
            function followEnd() { positionViewAtEnd() }
            Connections {
                target: log.model
                function onModelReset() {
                    if (!log.follows)
                        return
                    log.positionViewAtEnd()
                    // And again once ListView has taken the reset in: when the count stays the
                    // same (a checked recording's run replacing the recorded one), it goes back
                    // to the top after this handler.
                    Qt.callLater(log.followEnd)
                }
                function onRowsInserted() { if (log.follows) Qt.callLater(log.followEnd) }
            }
            // The entry under the mouse: one tooltip for the whole list, not one per delegate.
            property Item hoveredEntry: null
            ToolTip {
                parent: log.hoveredEntry ?? log
                visible: log.hoveredEntry !== null
                delay: 800
                text: !log.hoveredEntry ? ""
                      : log.hoveredEntry.warning !== ""
                        ? qsTr("⚠ %1\n\n%2\n\nClick: select %3 and go back to this moment")
                              .arg(log.hoveredEntry.warning).arg(log.hoveredEntry.warningExplanation).arg(log.hoveredEntry.task)
                        : qsTr("%1  %2  %3\nClick: select %1 and go back to this moment")
                              .arg(log.hoveredEntry.task).arg(log.hoveredEntry.kind).arg(log.hoveredEntry.detail)
            }
            // Plain items, not a control with layouts: a seek makes every entry in view anew, and
            // an ItemDelegate with two layouts cost most of a seek's time in a million-event run.
            delegate: Rectangle {
                id: entry
                required property int seq
                required property var time
                required property string task
                required property string kind
                required property string detail
                required property string description
                required property string warning
                required property string warningExplanation
                readonly property bool highlighted: task === panel.session.selectedPath
                width: ListView.view.width
                // A fixed height (the warning on one more line) keeps the list at its end as it grows.
                height: Math.max(22, Theme.fontSize + 8) + (warning !== "" ? Theme.fontSize + 4 : 0)
                color: highlighted ? Qt.alpha(Theme.accent, 0.25) : hover.hovered ? Qt.alpha(Theme.accent, 0.1) : "transparent"
                // Cancellation is what the app is about: its steps stand out in the pending colour.
                readonly property color ink: kind.startsWith("cancel") ? Theme.pending
                                             : kind === "print" ? Theme.mutedText : Theme.text
                readonly property int lineHeight: Math.max(22, Theme.fontSize + 8) - 4
                HoverHandler {
                    id: hover
                    onHoveredChanged: {
                        if (hovered)
                            log.hoveredEntry = entry
                        else if (log.hoveredEntry === entry)
                            log.hoveredEntry = null
                    }
                }
                TapHandler {
                    onTapped: {
                        panel.session.selectedPath = entry.task
                        panel.session.seekToEvent(entry.seq)
                    }
                }
                Text {
                    id: timeText
                    x: 2
                    y: 2
                    width: timeMetrics.width
                    height: entry.lineHeight
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignRight
                    text: qsTr("%1 ms").arg(entry.time)
                    font.family: "monospace"
                    font.pixelSize: Theme.fontSize - 2
                    color: Theme.mutedText
                }
                Text {
                    id: taskText
                    x: timeText.x + timeText.width + 8
                    y: 2
                    width: Math.min(implicitWidth, entry.width * 0.3)
                    height: entry.lineHeight
                    verticalAlignment: Text.AlignVCenter
                    text: entry.task
                    font.bold: true
                    font.pixelSize: Theme.fontSize - 2
                    color: Theme.text
                    elide: Text.ElideMiddle
                }
                Text {
                    x: taskText.x + taskText.width + 8
                    y: 2
                    width: Math.max(0, entry.width - x - 2)
                    height: entry.lineHeight
                    verticalAlignment: Text.AlignVCenter
                    text: entry.description
                    font.pixelSize: Theme.fontSize - 2
                    color: entry.ink
                    elide: Text.ElideRight
                }
                // A warning becomes true at this event: marked with a sign and its words.
                Text {
                    objectName: "warningLine"
                    visible: entry.warning !== ""
                    x: taskText.x
                    y: 2 + entry.lineHeight + 2
                    width: Math.max(0, entry.width - x - 2)
                    text: visible ? qsTr("⚠ %1").arg(entry.warning) : ""
                    font.bold: true
                    font.pixelSize: Theme.fontSize - 2
                    color: TreeStyle.colors(Theme.contrast).warningInk
                    elide: Text.ElideRight
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
    }
}
