import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// Above the tree: the lesson's explanation in the UI's language (three lines, or all of it),
// and why the scenario cannot run under this runtime when it cannot.
Pane {
    id: header
    required property Session session
    property bool korean: false

    padding: 8
    background: Rectangle { color: Theme.panel; border.color: Theme.border }
    ColumnLayout {
        width: parent.width
        Label {
            id: explanationLabel
            objectName: "explanation"
            Layout.fillWidth: true
            // The lesson in the UI's language (the other one when it has none).
            readonly property string lesson: header.korean && header.session.explanationKo !== ""
                                             ? header.session.explanationKo : header.session.explanation
            property bool expanded: false
            text: lesson !== "" ? lesson
                  : qsTr("%1 — select a task (in the tree or under the lessons), then add children to it with the bar below or the Edit menu.")
                        .arg(header.korean && header.session.titleKo !== "" ? header.session.titleKo : header.session.title)
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontSize
            maximumLineCount: expanded ? 40 : 3
            elide: Text.ElideRight
        }
        Label {
            visible: explanationLabel.truncated || explanationLabel.expanded
            text: explanationLabel.expanded ? qsTr("Show less") : qsTr("Show all")
            color: Theme.accent
            font.underline: moreArea.containsMouse
            MouseArea {
                id: moreArea
                anchors.fill: parent
                hoverEnabled: true
                cursorShape: Qt.PointingHandCursor
                onClicked: explanationLabel.expanded = !explanationLabel.expanded
            }
        }
        Label {
            visible: header.session.unavailable !== "" || header.session.error !== ""
            Layout.fillWidth: true
            text: header.session.error !== "" ? header.session.error : header.session.unavailable
            color: Theme.pending
            wrapMode: Text.Wrap
        }
    }
}
