import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cascade

// The selected task: its state, what it waits on, a pending cancel, its own events, and its
// steps to edit (when the window hands over the scenario document).
Pane {
    id: inspector
    required property Session session
    // A ScenarioDocument (steps(specPath), setSteps(specPath, steps)); null: the steps are not editable.
    property var document: null
    property var info: ({})
    // The task's definition: "main/chop[2]" -> "main/chop" (indices name runtime instances). From
    // the selection, which a restart keeps, so that the run going on never reloads the steps.
    readonly property string specPath: session.selectedPath.replace(/\[\d+\]/g, "")

    //! Call when the document changed other than through this inspector (undo, another view).
    function reloadSteps() { stepEditor.reloadIfChanged() }

    function refresh() { info = session.selectedPath ? session.tasks.info(session.selectedPath) : ({}) }
    Connections {
        target: inspector.session
        function onProgressed() { inspector.refresh() }
        function onSelectedPathChanged() { inspector.refresh() }
    }
    Connections {
        target: inspector.session.tasks
        function onLanguageChanged() { inspector.refresh() }  // the warnings' words
    }
    Component.onCompleted: refresh()

    background: Rectangle { color: Theme.panel; border.color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            text: qsTr("Inspector")
            font.bold: true
            color: Theme.text
            font.pixelSize: Theme.fontSize
        }
        Label {
            visible: !inspector.info.path
            text: qsTr("Select a task in the tree (click it, or use the arrow keys) to see it here.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        GridLayout {
            visible: !!inspector.info.path
            columns: 2
            columnSpacing: 8
            Layout.fillWidth: true
            Label { text: qsTr("Task"); color: Theme.mutedText }
            Label { text: inspector.info.path || ""; font.bold: true; color: Theme.text; Layout.fillWidth: true; elide: Text.ElideLeft }
            Label { text: qsTr("State"); color: Theme.mutedText }
            Row {
                spacing: 6
                Rectangle {
                    width: 12; height: 12; radius: 6
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.stateColors[inspector.info.state] || "grey"
                }
                Label { text: Theme.stateLabels[inspector.info.state] || ""; color: Theme.text }
            }
            Label { text: qsTr("Detail"); color: Theme.mutedText }
            Label { text: inspector.info.detail || "—"; color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: qsTr("Link"); color: Theme.mutedText }
            Label {
                text: inspector.info.link === "child" ? qsTr("structured child: cancelled with its parent")
                                                      : qsTr("unstructured: its creator's cancel does not reach it")
                color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true
            }
            Label { text: qsTr("Cancel"); color: Theme.mutedText }
            Label {
                color: inspector.info.pendingSince >= 0 ? Theme.pending : Theme.text
                text: inspector.info.pendingSince >= 0
                      ? qsTr("requested at %1 ms, pending for %2 ms").arg(inspector.info.pendingSince)
                            .arg(inspector.session.now - inspector.info.pendingSince)
                      : inspector.info.delivered ? qsTr("delivered") : qsTr("none requested")
            }
        }
        RowLayout {
            visible: !!inspector.info.path
            Button {
                text: qsTr("Cancel task")
                enabled: inspector.info.state !== "completed" && inspector.info.state !== "cancelled"
                         && inspector.info.state !== "failed" && inspector.info.state !== "timed-out"
                onClicked: inspector.session.cancelTask(inspector.info.path)
            }
            Button {
                text: qsTr("Fail with an error")
                enabled: inspector.info.state !== "completed" && inspector.info.state !== "cancelled"
                         && inspector.info.state !== "failed" && inspector.info.state !== "timed-out"
                onClicked: inspector.session.failTask(inspector.info.path)
            }
        }
        // The task's warnings and why it was cancelled: scrolled when they are long, so that its
        // events and steps below keep room.
        ScrollView {
            id: teaching
            objectName: "teachingScroll"
            visible: !!inspector.info.path && ((inspector.info.warnings || []).length > 0 || whyBox.chain.explains)
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(teachingColumn.implicitHeight, inspector.height * 0.5)
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                id: teachingColumn
                width: teaching.availableWidth
                spacing: 8
                TaskWarnings {
                    id: warningBox
                    objectName: "taskWarnings"
                    Layout.fillWidth: true
                    warnings: inspector.info.warnings || []
                }
                WhyPanel {
                    id: whyBox
                    objectName: "whyPanel"
                    Layout.fillWidth: true
                    session: inspector.session
                }
            }
        }
        Item { visible: !inspector.info.path; Layout.fillHeight: true }
        TabBar {
            id: tabs
            objectName: "inspectorTabs"
            visible: !!inspector.info.path
            Layout.fillWidth: true
            TabButton { text: qsTr("Its events") }
            TabButton { objectName: "stepsTab"; text: qsTr("Steps") }
        }
        // Both pages keep their size while hidden (anchors, not a StackLayout): the step editor's
        // own layout did not lay its tree out again when a StackLayout showed it (Qt 6.4).
        Item {
            visible: !!inspector.info.path
            Layout.fillWidth: true
            Layout.fillHeight: true
            ListView {
                anchors.fill: parent
                visible: tabs.currentIndex === 0
                clip: true
                model: EventFilterModel {
                    sourceModel: inspector.session.events
                    task: inspector.session.selectedPath
                }
                delegate: Label {
                    required property var time
                    required property string task
                    required property string kind
                    required property string description
                    width: ListView.view.width
                    // Its subtree's events too: those name the task they are about.
                    readonly property string who: task === inspector.session.selectedPath
                                                  ? "" : task.substring(inspector.session.selectedPath.length + 1) + ": "
                    text: qsTr("%1 ms  %2%3").arg(time).arg(who).arg(description)
                    font.pixelSize: Theme.fontSize - 2
                    color: kind.startsWith("cancel") ? Theme.pending : Theme.text
                    wrapMode: Text.Wrap
                    bottomPadding: 2
                }
                ScrollBar.vertical: ScrollBar {}
            }
            StepEditor {
                id: stepEditor
                objectName: "stepEditor"
                anchors.fill: parent
                visible: tabs.currentIndex === 1
                document: inspector.document
                specPath: inspector.specPath
                runtime: inspector.session.runtime
            }
        }
    }
}
