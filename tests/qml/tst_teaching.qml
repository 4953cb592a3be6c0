import QtQuick
import QtTest
import Cascade

// The teaching layer's panels: the predict question (keys and clicks), the caption strip, the
// warnings and "why was I cancelled" in the inspector, and the warnings in the event log.
TestCase {
    id: testCase
    name: "Teaching"
    when: windowShown
    visible: true
    width: 1000
    height: 700

    Component { id: sessionComponent; Session {} }
    Component { id: narrationComponent; NarrationPlayer {} }
    Component { id: dialogComponent; PredictDialog {} }
    Component { id: stripComponent; CaptionStrip { width: 900 } }
    Component { id: inspectorComponent; Inspector { width: 400; height: 680 } }
    Component { id: logComponent; EventLogPanel { width: 900; height: 500 } }

    // Sessions and players outlive what is made on them (see tst_panels.qml).
    property var sessions: []
    function openSession(lesson) {
        const s = sessionComponent.createObject(testCase)
        verify(s !== null)
        sessions.push(s)
        verify(s.open(lesson), "open " + lesson + ": " + s.error)
        return s
    }
    function newNarration(properties) {
        const narration = narrationComponent.createObject(testCase, properties)
        verify(narration !== null)
        sessions.push(narration)
        return narration
    }
    function init() {
        for (const s of sessions)
            s.destroy()
        sessions = []
    }
    function cleanupTestCase() { init() }

    function findAll(item, predicate, out) {
        out = out || []
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (predicate(child))
                out.push(child)
            findAll(child, predicate, out)
        }
        return out
    }
    function byName(item, name) {
        const found = findAll(item, (child) => child.objectName === name)
        verify(found.length >= 1, "an item named " + name)
        return found[0]
    }

    // A session held before its first question, with the player and the dialog over it.
    function asked(lesson) {
        const s = openSession(lesson)
        const narration = newNarration({ session: s, predictMode: true })
        const dialog = createTemporaryObject(dialogComponent, testCase, { narration: narration })
        for (let i = 0; i < 1000 && !narration.asking && !s.finished; ++i)
            s.stepEvent()
        verify(narration.asking, "a question is asked")
        tryCompare(dialog, "opened", true)
        waitForItemPolished(dialog.contentItem)
        return { session: s, narration: narration, dialog: dialog, seq: s.shownEvents }
    }

    function test_theQuestionIsAnsweredWithTheKeyboard() {
        const q = asked("swift-make-soup")
        compare(byName(q.dialog.contentItem, "questionText").text, q.narration.question)
        compare(q.narration.choices.length, 3)
        verify(byName(q.dialog.contentItem, "skipButton").visible)
        verify(!byName(q.dialog.contentItem, "verdict").visible)

        keyClick(Qt.Key_2)  // the second choice: marinate sleeps on (wrong)
        verify(q.narration.answered)
        compare(q.narration.chosen, 1)
        verify(!q.narration.correct)
        const verdict = byName(q.dialog.contentItem, "verdict")
        verify(verdict.visible)
        verify(verdict.text.indexOf("1") >= 0, "names the right answer: " + verdict.text)
        compare(byName(q.dialog.contentItem, "explanationText").text, q.narration.explanation)
        verify(byName(q.dialog.contentItem, "proceedButton").visible)
        keyClick(Qt.Key_3)  // a second answer changes nothing
        compare(q.narration.chosen, 1)

        keyClick(Qt.Key_Return)  // show what happens
        tryCompare(q.dialog, "opened", false)
        verify(!q.narration.asking)
        compare(q.session.shownEvents, q.seq + 1)
        compare(q.narration.answeredCount, 1)
        compare(q.narration.correctCount, 0)
    }

    function test_theQuestionIsAnsweredWithTheMouse() {
        const q = asked("kotlin-cancel-join")
        mouseClick(byName(q.dialog.contentItem, "choice0"))
        verify(q.narration.answered)
        compare(q.narration.chosen, 0)
        const rightButton = byName(q.dialog.contentItem, "choice" + q.narration.rightChoice)
        verify(rightButton.highlighted, "the right answer is marked")
        mouseClick(byName(q.dialog.contentItem, "proceedButton"))
        tryCompare(q.dialog, "opened", false)
        compare(q.session.shownEvents, q.seq + 1)
    }

    function test_escapeSkipsTheQuestion() {
        const q = asked("kotlin-cancel-join")
        keyClick(Qt.Key_Escape)
        tryCompare(q.dialog, "opened", false)
        compare(q.narration.answeredCount, 0)
        compare(q.session.shownEvents, q.seq + 1)
    }

    function test_theCaptionStripFollowsTheRun() {
        const s = openSession("swift-make-soup")
        const narration = newNarration({ session: s })
        const strip = createTemporaryObject(stripComponent, testCase, { narration: narration, session: s })
        verify(strip.visible)
        const text = byName(strip, "captionText")
        while (narration.captionCount < 3 && !s.finished)
            s.stepEvent()
        compare(text.text, narration.currentCaption)
        verify(text.font.bold)
        compare(byName(strip, "captionPosition").text, "3 / 8")

        // Back to the previous caption, and forward again to the latest.
        mouseClick(byName(strip, "previousCaption"))
        compare(text.text, narration.captions.get(1).text)
        verify(!text.font.bold)
        compare(byName(strip, "captionPosition").text, "2 / 8")
        mouseClick(byName(strip, "nextCaption"))
        compare(text.text, narration.currentCaption)

        // Its moment is a link back to its event.
        const seq = narration.currentCaptionSeq
        s.stepEvent(); s.stepEvent()
        mouseClick(byName(strip, "captionMoment"))
        compare(s.shownEvents, seq + 1)

        // The switches are the player's.
        mouseClick(byName(strip, "predictMode"))
        verify(narration.predictMode)
        verify(byName(strip, "score").visible)
        mouseClick(byName(strip, "pauseAtCaptions"))
        verify(!narration.pauseAtCaptions)
    }

    function test_theInspectorShowsTheWarningAndWhy() {
        const s = openSession("asyncio-swallow")
        const inspector = createTemporaryObject(inspectorComponent, testCase, { session: s })
        s.selectedPath = "main/long_task"
        const scroll = byName(inspector, "teachingScroll")
        verify(!scroll.visible, "nothing to say at the start")
        s.seekToTime(s.endTime)
        tryVerify(() => scroll.visible)
        const warnings = inspector.info.warnings
        compare(warnings.length, 1)
        compare(byName(inspector, "warningExplanation").text, warnings[0].explanation)
        verify(byName(inspector, "warningSummary").text.indexOf(warnings[0].summary) >= 0)
        // Not cancelled: why the cancel did not stop it.
        const why = byName(inspector, "whyPanel")
        verify(why.visible)
        verify(byName(inspector, "whyHeadline").text.indexOf("Not cancelled") === 0)
    }

    function test_aLinkOfTheChainGoesToItsMoment() {
        const s = openSession("swift-make-soup")
        const inspector = createTemporaryObject(inspectorComponent, testCase, { session: s })
        s.selectedPath = "main/makeSoup/chopIngredients/chop[2]"
        s.seekToTime(s.endTime)
        const why = byName(inspector, "whyPanel")
        tryVerify(() => why.visible)
        waitForRendering(inspector)
        compare(why.chain.verdict, "cancelled")
        compare(why.chain.rowCount(), 5)
        const origin = byName(inspector, "whyLink0")
        mouseClick(origin)
        compare(s.selectedPath, "main/makeSoup")
        compare(s.shownEvents, origin.seq + 1)
    }

    function test_theLogMarksTheWarning() {
        const s = openSession("asyncio-swallow")
        const log = createTemporaryObject(logComponent, testCase, { session: s })
        s.seekToTime(s.endTime)
        tryVerify(() => findAll(log, (child) => child.objectName === "warningLine" && child.visible).length === 1)
        const line = findAll(log, (child) => child.objectName === "warningLine" && child.visible)[0]
        verify(line.text.indexOf("main/long_task") >= 0, line.text)
        verify(line.text.indexOf("⚠") === 0)
    }
}
