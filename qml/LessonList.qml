import QtQuick
import QtQuick.Controls
import Cascade

// The built-in lessons, titled in the UI's language; a click asks to open one.
Pane {
    id: list
    required property LessonListModel lessons
    property string currentLesson
    property bool korean: false
    signal lessonChosen(string lessonId)

    padding: 0
    background: Rectangle { color: Theme.panel; border.color: Theme.border }
    ListView {
        anchors.fill: parent
        clip: true
        model: list.lessons
        currentIndex: list.lessons.indexOf(list.currentLesson)
        header: Label { text: qsTr("Lessons"); font.bold: true; padding: 8; color: Theme.text }
        delegate: ItemDelegate {
            required property string lessonId
            required property string title
            required property string titleKo
            required property string runtimes
            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            background: Rectangle {
                color: parent.highlighted ? Qt.alpha(Theme.accent, 0.35)
                                          : parent.hovered ? Qt.alpha(Theme.accent, 0.12) : "transparent"
            }
            contentItem: Column {
                Label {
                    text: list.korean && titleKo !== "" ? titleKo : title
                    font.bold: true; wrapMode: Text.Wrap; width: parent.width; color: Theme.text
                    font.pixelSize: Theme.fontSize
                }
                Label { text: lessonId + " · " + runtimes; font.pixelSize: Theme.fontSize - 3; color: Theme.mutedText }
            }
            onClicked: list.lessonChosen(lessonId)
        }
        ScrollBar.vertical: ScrollBar {}
    }
}
