import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// The scenario as code (Python asyncio, Kotlin, Swift) beside the tree, following the run: the
// line each task stands on is highlighted (the selected task's strongly, the others' faintly,
// with their names at the line's end); check points, cleanup and constructs the language lacks
// are marked in the gutter with a shape, named in the legend below.
Pane {
    id: panel
    required property Session session
    // The model, for tests and for the window (the language the user picked).
    readonly property alias code: codeModel

    padding: 0
    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    CodeViewModel {
        id: codeModel
        session: panel.session
    }

    readonly property int codeSize: Theme.fontSize - 1
    // Narrow (beside the tree at 1280 px): the names at the lines' ends would cover the code, so
    // only the selected task's is shown; the others' lines keep their faint colour.
    readonly property bool narrow: width < 400
    readonly property color strongFill: Theme.contrast ? "#003a4a" : "#cfe0f7"
    readonly property color faintFill: Theme.contrast ? "#262626" : "#f1f4f9"
    readonly property color noEquivalentFill: Theme.contrast ? "#1a1a00" : "#fbf6e6"

    FontMetrics {
        id: metrics
        font.family: "monospace"
        font.pixelSize: panel.codeSize
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 4
            spacing: 4
            Label {
                visible: !panel.narrow
                text: qsTr("Code")
                font.bold: true
                color: Theme.text
            }
            // The three languages; the one of the session's runtime is picked until the user picks one.
            Repeater {
                model: [{name: "python", title: "Python"}, {name: "kotlin", title: "Kotlin"}, {name: "swift", title: "Swift"}]
                Button {
                    required property var modelData
                    objectName: "language-" + modelData.name
                    text: modelData.title
                    checkable: true
                    checked: codeModel.language === modelData.name
                    flat: !checked
                    font.bold: checked
                    leftPadding: panel.narrow ? 5 : 8
                    rightPadding: panel.narrow ? 5 : 8
                    onClicked: codeModel.language = modelData.name
                    ToolTip.visible: hovered
                    ToolTip.text: codeModel.followsRuntime && checked
                                  ? qsTr("The language of the runtime; it follows the runtime until you pick one")
                                  : qsTr("Show the scenario in %1").arg(modelData.title)
                }
            }
            ToolButton {
                objectName: "followRuntime"
                visible: !codeModel.followsRuntime
                text: qsTr("⟲ runtime's")
                onClicked: codeModel.followsRuntime = true
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Show the language of the session's runtime again, and follow it")
            }
            Item { Layout.fillWidth: true }
            ToolButton {
                objectName: "copyCode"
                visible: !panel.narrow
                text: copied.running ? "✓" : qsTr("Copy")
                leftPadding: panel.narrow ? 4 : 8
                rightPadding: panel.narrow ? 4 : 8
                enabled: lines.count > 0
                onClicked: {
                    codeModel.copyToClipboard()
                    copied.restart()
                }
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Copy the whole program to the clipboard")
                Timer { id: copied; interval: 1500 }
            }
        }

        Label {
            objectName: "codeStatus"
            Layout.fillWidth: true
            Layout.leftMargin: 6
            Layout.rightMargin: 6
            Layout.bottomMargin: 4
            visible: codeModel.status !== ""
            text: codeModel.status
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.fontSize - 2
        }

        ListView {
            id: lines
            objectName: "codeLines"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: codeModel
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.AutoFlickIfNeeded
            readonly property real gutterWidth: metrics.advanceWidth("0000") + 34
            contentWidth: Math.max(width, gutterWidth + metrics.advanceWidth("M") * (codeModel.longestLine + 2))
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}

            delegate: Rectangle {
                id: line
                required property int index
                required property string text
                required property int lineNumber
                required property bool checkPoint
                required property bool cleanup
                required property bool noEquivalent
                required property bool selectedHere
                required property bool occupied
                required property string tasksText
                width: lines.contentWidth
                height: metrics.height + 4
                color: selectedHere ? panel.strongFill : occupied ? panel.faintFill
                     : noEquivalent ? panel.noEquivalentFill : "transparent"
                border.width: selectedHere && Theme.contrast ? 2 : 0
                border.color: Theme.accent

                // Where the selected task stands: a bar and an arrow as well as the colour.
                Rectangle {
                    visible: line.selectedHere || line.occupied
                    width: line.selectedHere ? 4 : 2
                    height: parent.height
                    color: line.selectedHere ? Theme.accent : Theme.mutedText
                }
                Label {
                    x: 6
                    width: metrics.advanceWidth("0000")
                    anchors.verticalCenter: parent.verticalCenter
                    horizontalAlignment: Text.AlignRight
                    text: line.lineNumber
                    font.family: "monospace"
                    font.pixelSize: panel.codeSize
                    color: Theme.mutedText
                }
                // The gutter's marks: ▶ the selected task, ◆ check point, ▣ cleanup, ⊘ no equivalent.
                Label {
                    id: mark
                    x: metrics.advanceWidth("0000") + 10
                    width: 24
                    anchors.verticalCenter: parent.verticalCenter
                    text: (line.selectedHere ? "▶" : "") + (line.checkPoint ? "◆" : line.cleanup ? "▣" : line.noEquivalent ? "⊘" : "")
                    font.pixelSize: panel.codeSize - 1
                    color: line.selectedHere ? Theme.accent : line.checkPoint ? Theme.pending : Theme.mutedText
                    HoverHandler { id: markHover }
                    ToolTip.visible: markHover.hovered && ToolTip.text !== ""
                    ToolTip.text: [line.checkPoint ? qsTr("check point: a cancellation can be delivered or checked here") : "",
                                   line.cleanup ? qsTr("cleanup: runs however the block is left, cancelled too") : "",
                                   line.noEquivalent ? qsTr("no equivalent: this language has no such construct") : ""]
                                  .filter(text => text !== "").join("\n")
                }
                Text {
                    id: codeText
                    x: lines.gutterWidth
                    anchors.verticalCenter: parent.verticalCenter
                    text: line.text.replace(/\n$/, "")
                    textFormat: Text.PlainText
                    font.family: "monospace"
                    font.pixelSize: panel.codeSize
                    font.italic: line.noEquivalent
                    font.bold: line.selectedHere
                    color: line.noEquivalent ? Theme.mutedText : Theme.text
                }
                // The names of the tasks standing here: after the code when it fits, else kept at the
                // panel's right edge (over the line's end, which scrolls into view sideways).
                Label {
                    visible: line.occupied && (line.selectedHere || !panel.narrow)
                    x: Math.max(lines.gutterWidth, Math.min(codeText.x + codeText.implicitWidth + 12,
                                                           lines.contentX + lines.width - width - 14))
                    anchors.verticalCenter: parent.verticalCenter
                    leftPadding: 6
                    rightPadding: 6
                    text: "◀ " + line.tasksText
                    font.pixelSize: panel.codeSize - 1
                    font.bold: line.selectedHere
                    color: line.selectedHere ? Theme.text : Theme.mutedText
                    background: Rectangle {
                        color: line.selectedHere ? panel.strongFill : panel.faintFill
                        border.color: line.selectedHere ? Theme.accent : Theme.border
                        radius: 3
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: lines.count === 0
                text: qsTr("No code: no scenario is open")
                color: Theme.mutedText
            }
        }

        // What the gutter's shapes mean.
        Flow {
            objectName: "codeLegend"
            Layout.fillWidth: true
            Layout.margins: 6
            spacing: 12
            Repeater {
                model: [{mark: "▶", words: qsTr("the selected task stands here")},
                        {mark: "◀", words: qsTr("tasks standing on the line")},
                        {mark: "◆", words: qsTr("check point")},
                        {mark: "▣", words: qsTr("cleanup")},
                        {mark: "⊘", words: qsTr("no equivalent (a comment says why)")}]
                Label {
                    required property var modelData
                    text: modelData.mark + " " + modelData.words
                    font.pixelSize: Theme.fontSize - 3
                    color: Theme.mutedText
                }
            }
        }
    }

    // Keeps the selected task's line in view as it moves.
    function showSelectedLine() {
        if (codeModel.selectedLine > 0)
            lines.positionViewAtIndex(codeModel.selectedLine - 1, ListView.Contain)
    }
    Connections {
        target: codeModel
        function onSelectedLineChanged() { panel.showSelectedLine() }
        function onCodeChanged() { Qt.callLater(panel.showSelectedLine) }
    }
}
