import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Every task the scenario defines, indented by depth, including those a run has not started yet
// (a new child of main appears here at once, on the canvas only when it starts). A click selects
// the task for editing.
Pane {
    id: root

    property ScenarioDocument document
    property Session session
    // The spec path of the selected task ("main/chop" for "main/chop[2]"), "" for none.
    property string selectedSpecPath

    padding: 0
    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    ListView {
        id: list
        objectName: "outlineList"
        anchors.fill: parent
        clip: true
        model: root.document ? root.document.outline : []
        header: Label {
            width: ListView.view.width
            text: qsTr("Tasks in %1").arg(root.document ? root.document.displayName : "")
            font.bold: true
            padding: 8
            elide: Text.ElideRight
            color: Theme.text
        }
        delegate: ItemDelegate {
            id: row
            required property var modelData
            width: ListView.view.width
            highlighted: modelData.specPath === root.selectedSpecPath
            leftPadding: 8 + 14 * modelData.depth
            topPadding: 3
            bottomPadding: 3
            background: Rectangle {
                color: row.highlighted ? Qt.alpha(Theme.accent, 0.35)
                                       : row.hovered ? Qt.alpha(Theme.accent, 0.12) : "transparent"
            }
            contentItem: RowLayout {
                spacing: 6
                Label {
                    text: row.modelData.name + (row.modelData.count > 1 ? " ×" + row.modelData.count : "")
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.maximumWidth: row.availableWidth * 0.6
                }
                Label {
                    Layout.fillWidth: true
                    text: [row.modelData.startedBy,
                           row.modelData.shielded ? qsTr("shield") : "",
                           row.modelData.timeoutMs >= 0 ? qsTr("timeout %1 ms").arg(row.modelData.timeoutMs) : ""]
                          .filter(s => s !== "").join(" · ")
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSize - 3
                    elide: Text.ElideRight
                }
            }
            onClicked: root.session.selectedPath = modelData.specPath
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: modelData.specPath
        }
        ScrollBar.vertical: ScrollBar {}
    }
}
