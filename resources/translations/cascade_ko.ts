<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AppMenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>Add child task (structured)</source>
        <translation>자식 작업 추가 (구조화)</translation>
    </message>
    <message>
        <source>Add unstructured task</source>
        <translation>비구조화 작업 추가</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>작업 삭제</translation>
    </message>
    <message>
        <source>Remove shield</source>
        <translation>실드 제거</translation>
    </message>
    <message>
        <source>Toggle shield</source>
        <translation>실드 켜기/끄기</translation>
    </message>
    <message>
        <source>Set timeout…</source>
        <translation>타임아웃 설정…</translation>
    </message>
    <message>
        <source>Add child</source>
        <translation>자식 추가</translation>
    </message>
    <message>
        <source>Add unstructured</source>
        <translation>비구조화 추가</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Shield</source>
        <translation>실드</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>타임아웃</translation>
    </message>
    <message>
        <source>Clear timeout</source>
        <translation>타임아웃 지우기</translation>
    </message>
    <message>
        <source>Acts on the selected task, %1</source>
        <translation>선택한 작업 %1에 적용됩니다</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <source>Timeline (Ctrl+T)</source>
        <translation>타임라인 (Ctrl+T)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <source>Presenter mode (F5)</source>
        <translation>발표 모드 (F5)</translation>
    </message>
    <message>
        <source>Code (Ctrl+K)</source>
        <translation>코드 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Compare runtimes… (Ctrl+Shift+K)</source>
        <translation>런타임 비교… (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Pause at captions</source>
        <translation>자막에서 일시 정지</translation>
    </message>
    <message>
        <source>Predict mode (P)</source>
        <translation>예측 모드 (P)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>시스템 (%1)</translation>
    </message>
</context>
<context>
    <name>CaptionStrip</name>
    <message>
        <source>The previous caption</source>
        <translation>이전 자막</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The next caption shown so far</source>
        <translation>지금까지 나온 다음 자막</translation>
    </message>
    <message>
        <source>Captions appear here as the run reaches their moments (%1 in this lesson).</source>
        <translation>실행이 해당 순간에 이르면 여기에 자막이 나타납니다(이 레슨에 %1개).</translation>
    </message>
    <message>
        <source>at %1 ms, %2 · paused here · click to go back to this moment</source>
        <translation>%1ms, %2 · 여기서 일시 정지 · 클릭하면 이 순간으로 돌아감</translation>
    </message>
    <message>
        <source>at %1 ms, %2 · click to go back to this moment</source>
        <translation>%1ms, %2 · 클릭하면 이 순간으로 돌아감</translation>
    </message>
    <message>
        <source>Pause at captions</source>
        <translation>자막에서 일시 정지</translation>
    </message>
    <message>
        <source>Playing stops after the captions the lesson marks, so that there is time to read them</source>
        <translation>레슨이 표시해 둔 자막 뒤에서 재생이 멈춰, 읽을 시간을 줍니다</translation>
    </message>
    <message>
        <source>Predict mode (P)</source>
        <translation>예측 모드 (P)</translation>
    </message>
    <message>
        <source>Before each key moment the run stops and asks what happens next</source>
        <translation>중요한 순간마다 실행이 멈추고 다음에 무슨 일이 일어날지 묻습니다</translation>
    </message>
    <message>
        <source>Score: %1 of %2 right (%3 questions)</source>
        <translation>점수: %2개 중 %1개 정답 (질문 %3개)</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>The language of the runtime; it follows the runtime until you pick one</source>
        <translation>런타임의 언어입니다. 다른 언어를 고르기 전까지 런타임을 따라갑니다</translation>
    </message>
    <message>
        <source>Show the scenario in %1</source>
        <translation>시나리오를 %1 코드로 보기</translation>
    </message>
    <message>
        <source>⟲ runtime&apos;s</source>
        <translation>⟲ 런타임 언어</translation>
    </message>
    <message>
        <source>Show the language of the session&apos;s runtime again, and follow it</source>
        <translation>현재 런타임의 언어를 다시 보여 주고 따라가기</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the whole program to the clipboard</source>
        <translation>프로그램 전체를 클립보드에 복사</translation>
    </message>
    <message>
        <source>check point: a cancellation can be delivered or checked here</source>
        <translation>체크 포인트: 여기서 취소가 전달되거나 확인될 수 있습니다</translation>
    </message>
    <message>
        <source>cleanup: runs however the block is left, cancelled too</source>
        <translation>정리: 블록을 어떻게 벗어나든(취소되어도) 실행됩니다</translation>
    </message>
    <message>
        <source>no equivalent: this language has no such construct</source>
        <translation>대응 없음: 이 언어에는 이런 구문이 없습니다</translation>
    </message>
    <message>
        <source>No code: no scenario is open</source>
        <translation>코드 없음: 열린 시나리오가 없습니다</translation>
    </message>
    <message>
        <source>the selected task stands here</source>
        <translation>선택한 작업이 있는 줄</translation>
    </message>
    <message>
        <source>tasks standing on the line</source>
        <translation>이 줄에 있는 작업</translation>
    </message>
    <message>
        <source>check point</source>
        <translation>체크 포인트</translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation>정리</translation>
    </message>
    <message>
        <source>no equivalent (a comment says why)</source>
        <translation>대응 없음 (주석에 이유)</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare runtimes — %1</source>
        <translation>런타임 비교 — %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>The runtime of the left run</source>
        <translation>왼쪽 실행의 런타임</translation>
    </message>
    <message>
        <source>with</source>
        <translation>와(과)</translation>
    </message>
    <message>
        <source>The runtime of the right run</source>
        <translation>오른쪽 실행의 런타임</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 이전</translation>
    </message>
    <message>
        <source>Left arrow: the previous instant at which either run has events</source>
        <translation>왼쪽 화살표: 어느 한쪽 실행에 이벤트가 있는 이전 시점</translation>
    </message>
    <message>
        <source>❙❙ Pause</source>
        <translation>❙❙ 일시 정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Space: both runs on one clock</source>
        <translation>스페이스: 두 실행을 하나의 시계로</translation>
    </message>
    <message>
        <source>Step →</source>
        <translation>다음 →</translation>
    </message>
    <message>
        <source>Right arrow: the next instant at which either run has events</source>
        <translation>오른쪽 화살표: 어느 한쪽 실행에 이벤트가 있는 다음 시점</translation>
    </message>
    <message>
        <source>⟲ Restart</source>
        <translation>⟲ 처음부터</translation>
    </message>
    <message>
        <source>Home: both runs again from 0 with the same actions</source>
        <translation>Home: 같은 동작으로 두 실행을 0부터 다시</translation>
    </message>
    <message>
        <source>Speed %1×</source>
        <translation>속도 %1×</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>⚠ Cannot compare: %1</source>
        <translation>⚠ 비교할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>finished at %1 ms</source>
        <translation>%1 ms에 끝남</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>이벤트 %2개 중 %1개</translation>
    </message>
    <message>
        <source>Click to select · Space to run both</source>
        <translation>클릭하면 선택 · 스페이스로 두 실행 시작</translation>
    </message>
    <message>
        <source>Click to cancel in both runs · right-click for more</source>
        <translation>클릭하면 두 실행 모두에서 취소 · 오른쪽 클릭으로 더 보기</translation>
    </message>
    <message>
        <source>Cannot run under %1:
%2</source>
        <translation>%1에서 실행할 수 없습니다:
%2</translation>
    </message>
    <message>
        <source>Where they diverge (%1)</source>
        <translation>두 실행이 갈라지는 곳 (%1)</translation>
    </message>
    <message>
        <source>state</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>end time</source>
        <translation>끝난 시각</translation>
    </message>
    <message>
        <source>only in one</source>
        <translation>한쪽에만 있음</translation>
    </message>
    <message>
        <source>what it does</source>
        <translation>하는 일</translation>
    </message>
    <message>
        <source>Show both runs at %1 ms</source>
        <translation>두 실행을 %1 ms 시점으로 보기</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The two runs do not diverge: every task does the same at the same time</source>
        <translation>두 실행은 갈라지지 않습니다: 모든 작업이 같은 시각에 같은 일을 합니다</translation>
    </message>
    <message>
        <source>● reached on the clock · ○ still ahead · click one to show both runs then</source>
        <translation>● 시계가 지난 시점 · ○ 아직 오지 않은 시점 · 클릭하면 그 시점의 두 실행을 봅니다</translation>
    </message>
</context>
<context>
    <name>ConsolePanel</name>
    <message>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <source>What the tasks print appears here</source>
        <translation>작업이 출력하는 내용이 여기에 나타납니다</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy every line shown to the clipboard</source>
        <translation>보이는 모든 줄을 클립보드에 복사</translation>
    </message>
</context>
<context>
    <name>EditBar</name>
    <message>
        <source>Edit %1:</source>
        <translation>%1 편집:</translation>
    </message>
    <message>
        <source>(select a task)</source>
        <translation>(작업을 선택하세요)</translation>
    </message>
    <message>
        <source>The tree can be edited at 0 ms.</source>
        <translation>트리는 0 ms에서만 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>A structured child: TaskGroup / coroutineScope / task group</source>
        <translation>구조화된 자식: TaskGroup / coroutineScope / task group</translation>
    </message>
    <message>
        <source>An unstructured task: create_task / GlobalScope.launch / Task {}</source>
        <translation>비구조화 작업: create_task / GlobalScope.launch / Task {}</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Also removes the joins and cancels that name it</source>
        <translation>이 작업을 가리키는 join과 cancel도 함께 지웁니다</translation>
    </message>
    <message>
        <source>Wrap the whole body in a shield (asyncio.shield / NonCancellable)</source>
        <translation>본문 전체를 실드로 감쌉니다 (asyncio.shield / NonCancellable)</translation>
    </message>
    <message>
        <source>Wrap the whole body in a timeout</source>
        <translation>본문 전체를 타임아웃으로 감쌉니다</translation>
    </message>
    <message>
        <source>⟲ Back to 0 ms to edit</source>
        <translation>⟲ 0 ms로 돌아가 편집</translation>
    </message>
    <message>
        <source>Home: the run starts again from 0 (your cancels are replayed)</source>
        <translation>Home: 0부터 다시 실행합니다 (내가 한 취소는 다시 적용됩니다)</translation>
    </message>
    <message>
        <source>Undo: Ctrl+Z</source>
        <translation>실행 취소: Ctrl+Z</translation>
    </message>
</context>
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Event log (%1)</source>
        <translation>이벤트 로그 (%1)</translation>
    </message>
    <message>
        <source>selected task only</source>
        <translation>선택한 작업만</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>모든 종류</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1  %2  %3
Click: select %1 and go back to this moment</source>
        <translation>%1  %2  %3
클릭: %1을(를) 선택하고 이 순간으로 돌아갑니다</translation>
    </message>
    <message>
        <source>⚠ warnings</source>
        <translation>⚠ 경고</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ %1

%2

Click: select %3 and go back to this moment</source>
        <translation>⚠ %1

%2

클릭: %3 작업을 선택하고 이 순간으로 돌아감</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>From (ms)</source>
        <translation>시작 (ms)</translation>
    </message>
    <message>
        <source>To (ms)</source>
        <translation>끝 (ms)</translation>
    </message>
    <message>
        <source>Frames a second</source>
        <translation>초당 프레임</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>The GIF ends where it starts: give a later end</source>
        <translation>GIF가 시작한 곳에서 끝납니다: 더 나중의 끝을 정하세요</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>%1에 씁니다</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Inspector</source>
        <translation>작업 정보</translation>
    </message>
    <message>
        <source>Select a task in the tree (click it, or use the arrow keys) to see it here.</source>
        <translation>트리에서 작업을 선택하면(클릭하거나 화살표 키 사용) 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>세부</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>structured child: cancelled with its parent</source>
        <translation>구조화된 자식: 부모와 함께 취소됨</translation>
    </message>
    <message>
        <source>unstructured: its creator&apos;s cancel does not reach it</source>
        <translation>비구조화: 만든 작업의 취소가 닿지 않음</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>requested at %1 ms, pending for %2 ms</source>
        <translation>%1 ms에 요청됨, %2 ms째 대기 중</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>none requested</source>
        <translation>요청 없음</translation>
    </message>
    <message>
        <source>Cancel task</source>
        <translation>작업 취소</translation>
    </message>
    <message>
        <source>Fail with an error</source>
        <translation>오류로 실패시키기</translation>
    </message>
    <message>
        <source>Its events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>%1 ms  %2%3</source>
        <translation>%1 ms  %2%3</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>cancel requested, not delivered yet</source>
        <translation>취소 요청됨, 아직 전달 안 됨</translation>
    </message>
    <message>
        <source>├─ structured child    - - unstructured</source>
        <translation>├─ 구조화된 자식    - - 비구조화</translation>
    </message>
    <message>
        <source>shielded: requests from outside stop here</source>
        <translation>실드: 바깥에서 온 요청이 여기서 멈춤</translation>
    </message>
    <message>
        <source>deadline: the ring empties as time runs out</source>
        <translation>마감 시간: 시간이 흐르며 고리가 비워짐</translation>
    </message>
    <message>
        <source>planned, not spawned yet</source>
        <translation>예정됨, 아직 생성 안 됨</translation>
    </message>
    <message>
        <source>cancel request on its way</source>
        <translation>전파 중인 취소 요청</translation>
    </message>
    <message>
        <source>failure going up to the parent</source>
        <translation>부모로 올라가는 실패</translation>
    </message>
    <message>
        <source>request blocked (shield, not a child)</source>
        <translation>막힌 요청 (실드, 자식 아님)</translation>
    </message>
    <message>
        <source>check point passed</source>
        <translation>체크 포인트 통과</translation>
    </message>
    <message>
        <source>check point raised the cancellation</source>
        <translation>체크 포인트에서 취소 발생</translation>
    </message>
    <message>
        <source>warning: a mistake this run shows (select the task to read why)</source>
        <translation>경고: 이 실행에서 드러난 실수 (작업을 선택하면 이유를 볼 수 있음)</translation>
    </message>
</context>
<context>
    <name>LessonHeader</name>
    <message>
        <source>%1 — select a task (in the tree or under the lessons), then add children to it with the bar below or the Edit menu.</source>
        <translation>%1 — 작업을 선택한 뒤(트리나 레슨 아래 목록에서), 아래 막대나 편집 메뉴로 자식을 추가하세요.</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>접기</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>모두 보기</translation>
    </message>
</context>
<context>
    <name>LessonList</name>
    <message>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
</context>
<context>
    <name>LoaderWords</name>
    <message>
        <source>must be a whole number from 0 to %1</source>
        <translation>0부터 %1까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>an action must be an object</source>
        <translation>동작은 객체여야 합니다</translation>
    </message>
    <message>
        <source>must be &quot;cancel&quot;, &quot;fail&quot;, &quot;timeout&quot; or &quot;shield&quot;</source>
        <translation>&quot;cancel&quot;, &quot;fail&quot;, &quot;timeout&quot;, &quot;shield&quot; 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>unknown key for a %1 action (keys: %2)</source>
        <translation>%1 동작에 없는 키입니다(가능한 키: %2)</translation>
    </message>
    <message>
        <source>missing key &quot;%1&quot;</source>
        <translation>키 &quot;%1&quot;이(가) 없습니다</translation>
    </message>
    <message>
        <source>must be a whole number of ms from 0 to %1</source>
        <translation>0부터 %1까지의 정수 ms여야 합니다</translation>
    </message>
    <message>
        <source>must be a task path such as &quot;main/job&quot;</source>
        <translation>&quot;main/job&quot; 같은 작업 경로여야 합니다</translation>
    </message>
    <message>
        <source>must be an error name</source>
        <translation>오류 이름이어야 합니다</translation>
    </message>
    <message>
        <source>must be a string of at most 1000 characters</source>
        <translation>1000자 이하의 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>must be a whole number of ms from 1 to %1</source>
        <translation>1부터 %1까지의 정수 ms여야 합니다</translation>
    </message>
    <message>
        <source>the first line must be a JSON object</source>
        <translation>첫 줄은 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>must be &quot;recording&quot;: this is not a Cascade recording</source>
        <translation>&quot;recording&quot;이어야 합니다: Cascade 녹화 파일이 아닙니다</translation>
    </message>
    <message>
        <source>must be a whole number (this Cascade reads version %1)</source>
        <translation>정수여야 합니다(이 Cascade는 버전 %1을 읽습니다)</translation>
    </message>
    <message>
        <source>version %1 is not supported (this Cascade reads version %2)</source>
        <translation>버전 %1은 지원하지 않습니다(이 Cascade는 버전 %2를 읽습니다)</translation>
    </message>
    <message>
        <source>unknown key (keys: %1)</source>
        <translation>알 수 없는 키입니다(가능한 키: %1)</translation>
    </message>
    <message>
        <source>must be the version of Cascade that recorded it, such as &quot;0.1.0&quot;</source>
        <translation>녹화한 Cascade의 버전이어야 합니다(예: &quot;0.1.0&quot;)</translation>
    </message>
    <message>
        <source>must be &quot;asyncio&quot;, &quot;kotlin&quot; or &quot;swift&quot;</source>
        <translation>&quot;asyncio&quot;, &quot;kotlin&quot;, &quot;swift&quot; 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>must be an array of at most %1 actions</source>
        <translation>동작 %1개 이하의 배열이어야 합니다</translation>
    </message>
    <message>
        <source>must be the scenario&apos;s JSON text, as a string</source>
        <translation>시나리오의 JSON 텍스트를 담은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>expected key &quot;%1&quot;, found &quot;%2&quot;</source>
        <translation>키 &quot;%1&quot;이(가) 와야 하는데 &quot;%2&quot;이(가) 있습니다</translation>
    </message>
    <message>
        <source>unexpected key &quot;%1&quot;</source>
        <translation>예상하지 못한 키 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the file ends after %1 of %2 tasks (it is truncated)</source>
        <translation>작업 %2개 중 %1개 뒤에서 파일이 끝납니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>a task record is {&quot;task&quot;:ID,&quot;path&quot;:&quot;...&quot;}</source>
        <translation>작업 레코드는 {&quot;task&quot;:ID,&quot;path&quot;:&quot;...&quot;} 형식입니다</translation>
    </message>
    <message>
        <source>the file ends after %1 of %2 events (it is truncated)</source>
        <translation>이벤트 %2개 중 %1개 뒤에서 파일이 끝납니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>task %1 is spawned a second time</source>
        <translation>작업 %1이(가) 두 번 생성되었습니다</translation>
    </message>
    <message>
        <source>an event of task %1 before its spawn</source>
        <translation>작업 %1이(가) 생성되기 전의 이벤트입니다</translation>
    </message>
    <message>
        <source>the first line does not end (the file is truncated or not a recording)</source>
        <translation>첫 줄이 끝나지 않습니다(잘린 파일이거나 녹화 파일이 아닙니다)</translation>
    </message>
    <message>
        <source>the first line is longer than %1 bytes</source>
        <translation>첫 줄이 %1바이트보다 깁니다</translation>
    </message>
    <message>
        <source>more lines after the last event (the header says %1 tasks and %2 events)</source>
        <translation>마지막 이벤트 뒤에 줄이 더 있습니다(헤더에는 작업 %1개와 이벤트 %2개라고 되어 있습니다)</translation>
    </message>
    <message>
        <source>the recorded scenario does not load in this version of Cascade: %1</source>
        <translation>녹화된 시나리오를 이 버전의 Cascade에서 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>action %1 (%2): %3</source>
        <translation>동작 %1 (%2): %3</translation>
    </message>
    <message>
        <source>recorded and replayed by Cascade %1</source>
        <translation>Cascade %1에서 녹화하고 재생함</translation>
    </message>
    <message>
        <source>recorded by Cascade %1, replayed by Cascade %2</source>
        <translation>Cascade %1에서 녹화, Cascade %2에서 재생</translation>
    </message>
    <message>
        <source>the replay matches the recording: %1 events (%2)
</source>
        <translation>재생 결과가 녹화와 같습니다: 이벤트 %1개 (%2)
</translation>
    </message>
    <message>
        <source>cannot replay: %1 (%2)
</source>
        <translation>재생할 수 없습니다: %1 (%2)
</translation>
    </message>
    <message>
        <source>the traces differ at event %1 (%2):
  recorded: %3
  replayed: %4
</source>
        <translation>이벤트 %1에서 트레이스가 다릅니다 (%2):
  녹화: %3
  재생: %4
</translation>
    </message>
    <message>
        <source>the file ends here (it is truncated)</source>
        <translation>파일이 여기서 끝납니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>the file ends inside the record (it is truncated)</source>
        <translation>레코드 중간에서 파일이 끝납니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>expected &apos;{&apos; to start the record, found %1</source>
        <translation>레코드는 &apos;{&apos;로 시작해야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>too many keys (at most %1)</source>
        <translation>키가 너무 많습니다(최대 %1개)</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;, found %1</source>
        <translation>&apos;,&apos; 또는 &apos;}&apos;가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>the line does not end with a newline (the file is truncated)</source>
        <translation>줄이 줄바꿈으로 끝나지 않습니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>expected the end of the line after the record, found %1</source>
        <translation>레코드 뒤에 줄이 끝나야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected a key in quotes, found %1</source>
        <translation>따옴표로 감싼 키가 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>a key must be a short name without escapes</source>
        <translation>키는 이스케이프 없는 짧은 이름이어야 합니다</translation>
    </message>
    <message>
        <source>the file ends inside a key (it is truncated)</source>
        <translation>키 중간에서 파일이 끝납니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the key</source>
        <translation>키 뒤에는 &apos;:&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>not a value this format uses</source>
        <translation>이 형식에서 쓰지 않는 값입니다</translation>
    </message>
    <message>
        <source>nested objects and arrays have no place in this record</source>
        <translation>이 레코드에는 중첩된 객체나 배열이 올 수 없습니다</translation>
    </message>
    <message>
        <source>the line ends inside a string (the file is truncated or the string is not closed)</source>
        <translation>문자열 중간에서 줄이 끝납니다(잘린 파일이거나 문자열이 닫히지 않았습니다)</translation>
    </message>
    <message>
        <source>a control character in a string must be escaped</source>
        <translation>문자열 안의 제어 문자는 이스케이프해야 합니다</translation>
    </message>
    <message>
        <source>the file ends inside a string (it is truncated)</source>
        <translation>문자열 중간에서 파일이 끝납니다(잘린 파일입니다)</translation>
    </message>
    <message>
        <source>a string of %1 bytes (at most %2)</source>
        <translation>%1바이트 문자열(최대 %2)</translation>
    </message>
    <message>
        <source>a number with more than 18 digits</source>
        <translation>18자리가 넘는 숫자</translation>
    </message>
    <message>
        <source>expected a value, found %1</source>
        <translation>값이 와야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>a number with a leading zero</source>
        <translation>0으로 시작하는 숫자</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>정수여야 합니다</translation>
    </message>
    <message>
        <source>a string ends with a lone backslash</source>
        <translation>문자열이 짝 없는 백슬래시로 끝납니다</translation>
    </message>
    <message>
        <source>a lone low surrogate \u%1</source>
        <translation>짝 없는 하위 서로게이트 \u%1</translation>
    </message>
    <message>
        <source>a high surrogate without its low surrogate</source>
        <translation>하위 서로게이트가 없는 상위 서로게이트</translation>
    </message>
    <message>
        <source>unknown escape \%1</source>
        <translation>알 수 없는 이스케이프 \%1</translation>
    </message>
    <message>
        <source>a string that is not valid UTF-8</source>
        <translation>올바른 UTF-8이 아닌 문자열</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after an object member</source>
        <translation>객체 멤버 뒤에는 &apos;,&apos; 또는 &apos;}&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; after an array element</source>
        <translation>배열 원소 뒤에는 &apos;,&apos; 또는 &apos;]&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; between two values</source>
        <translation>두 값 사이에는 &apos;,&apos;가 와야 합니다</translation>
    </message>
    <message>
        <source>expected a value (a string, number, object, array, true, false or null)</source>
        <translation>값(문자열, 숫자, 객체, 배열, true, false, null)이 와야 합니다</translation>
    </message>
    <message>
        <source>the file ends inside a number</source>
        <translation>숫자 중간에서 파일이 끝납니다</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>잘못된 숫자</translation>
    </message>
    <message>
        <source>invalid escape sequence in a string</source>
        <translation>문자열 안의 잘못된 이스케이프 시퀀스</translation>
    </message>
    <message>
        <source>a string is not valid UTF-8</source>
        <translation>문자열이 올바른 UTF-8이 아닙니다</translation>
    </message>
    <message>
        <source>unterminated string: the closing &apos;&quot;&apos; is missing</source>
        <translation>닫히지 않은 문자열: 닫는 &apos;&quot;&apos;가 없습니다</translation>
    </message>
    <message>
        <source>a &apos;,&apos; must be followed by another member or element (trailing commas are not allowed)</source>
        <translation>&apos;,&apos; 뒤에는 다른 멤버나 원소가 와야 합니다(끝에 쉼표를 둘 수 없습니다)</translation>
    </message>
    <message>
        <source>arrays and objects are nested too deeply</source>
        <translation>배열과 객체가 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>the document is too large</source>
        <translation>문서가 너무 큽니다</translation>
    </message>
    <message>
        <source>unexpected text after the end of the JSON object</source>
        <translation>JSON 객체가 끝난 뒤에 예상하지 못한 텍스트가 있습니다</translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation>잘못된 JSON</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>the byte 0x%1</source>
        <translation>바이트 0x%1</translation>
    </message>
    <message>
        <source>the file is too large: %1 bytes, at most %2 (16 MiB) are allowed</source>
        <translation>파일이 너무 큽니다: %1바이트, 최대 %2바이트(16 MiB)까지 허용됩니다</translation>
    </message>
    <message>
        <source>the file is empty; expected a JSON object with &quot;cascade&quot;: &quot;scenario&quot;</source>
        <translation>파일이 비어 있습니다; &quot;cascade&quot;: &quot;scenario&quot;가 있는 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>the top level must be a JSON object (a scenario), got %1</source>
        <translation>최상위는 JSON 객체(시나리오)여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>arrays and objects are nested more than %1 levels deep; a scenario has at most %2 levels of tasks and steps</source>
        <translation>배열과 객체가 %1단계보다 깊게 중첩되어 있습니다; 시나리오의 작업과 단계는 최대 %2단계까지입니다</translation>
    </message>
    <message>
        <source>JSON syntax error: </source>
        <translation>JSON 문법 오류: </translation>
    </message>
    <message>
        <source>the file ends too early; </source>
        <translation>파일이 너무 일찍 끝납니다; </translation>
    </message>
    <message>
        <source>duplicate key %1 (first at line %2, column %3)</source>
        <translation>중복된 키 %1 (처음 나온 곳: %2행 %3열)</translation>
    </message>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: 파일을 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: 파일을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>must be an array of %1, got %2</source>
        <translation>%1의 배열이어야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>too many entries: %1, at most %2 are allowed</source>
        <translation>항목이 너무 많습니다: %1개, 최대 %2개까지 허용됩니다</translation>
    </message>
    <message>
        <source>caption objects {&quot;on&quot;: ..., &quot;text&quot;: ...}</source>
        <translation>캡션 객체 {&quot;on&quot;: ..., &quot;text&quot;: ...}</translation>
    </message>
    <message>
        <source>a caption object with &quot;on&quot; and &quot;text&quot;</source>
        <translation>&quot;on&quot;과 &quot;text&quot;가 있는 캡션 객체</translation>
    </message>
    <message>
        <source>for a caption</source>
        <translation>캡션</translation>
    </message>
    <message>
        <source>question objects {&quot;before&quot;: ..., &quot;question&quot;: ..., &quot;choices&quot;: ...}</source>
        <translation>질문 객체 {&quot;before&quot;: ..., &quot;question&quot;: ..., &quot;choices&quot;: ...}</translation>
    </message>
    <message>
        <source>a question object with &quot;before&quot;, &quot;question&quot;, &quot;choices&quot;, &quot;answer&quot; and &quot;explanation&quot;</source>
        <translation>&quot;before&quot;, &quot;question&quot;, &quot;choices&quot;, &quot;answer&quot;, &quot;explanation&quot;이 있는 질문 객체</translation>
    </message>
    <message>
        <source>for a predict question</source>
        <translation>예측 질문</translation>
    </message>
    <message>
        <source>must be an array of %1 to %2 text objects {&quot;en&quot;: &quot;...&quot;, &quot;ko&quot;: &quot;...&quot;}, got %3</source>
        <translation>텍스트 객체 {&quot;en&quot;: &quot;...&quot;, &quot;ko&quot;: &quot;...&quot;} %1~%2개의 배열이어야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>the index of the right choice (counting from 0)</source>
        <translation>정답 선택지의 번호(0부터 셈)</translation>
    </message>
    <message>
        <source>an event object {&quot;task&quot;: &quot;main/job&quot;, &quot;event&quot;: &quot;cancel-deliver&quot;, ...}</source>
        <translation>이벤트 객체 {&quot;task&quot;: &quot;main/job&quot;, &quot;event&quot;: &quot;cancel-deliver&quot;, ...}</translation>
    </message>
    <message>
        <source>(the event it is tied to)</source>
        <translation>연결된 이벤트</translation>
    </message>
    <message>
        <source>an event kind of the trace</source>
        <translation>트레이스의 이벤트 종류</translation>
    </message>
    <message>
        <source>unknown event kind %1; expected one of: %2</source>
        <translation>알 수 없는 이벤트 종류 %1; 가능한 종류: %2</translation>
    </message>
    <message>
        <source>a task path such as &quot;main/job&quot;</source>
        <translation>&quot;main/job&quot; 같은 작업 경로</translation>
    </message>
    <message>
        <source>a whole number (1 for the first)</source>
        <translation>정수(첫 번째는 1)</translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation>%1(이)어야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1 is not one of the scenario&apos;s runtimes (%2)</source>
        <translation>%1은(는) 이 시나리오의 런타임(%2)이 아닙니다</translation>
    </message>
    <message>
        <source>for an &quot;%1&quot; step</source>
        <translation>&quot;%1&quot; 단계</translation>
    </message>
    <message>
        <source>for a &quot;%1&quot; step</source>
        <translation>&quot;%1&quot; 단계</translation>
    </message>
    <message>
        <source>must be at most the work&apos;s &quot;ms&quot; (%1), got %2</source>
        <translation>작업의 &quot;ms&quot;(%1) 이하여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>needs &quot;checkEvery&quot; (how many milliseconds of work pass between two checks)</source>
        <translation>&quot;checkEvery&quot;(두 체크 사이에 지나는 작업 시간, 밀리초)가 필요합니다</translation>
    </message>
    <message>
        <source>is allowed only with &quot;then&quot;: &quot;raise&quot;</source>
        <translation>&quot;then&quot;: &quot;raise&quot;일 때만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>&quot;break&quot; needs an enclosing &quot;repeat&quot; or &quot;whileActive&quot; in the same task</source>
        <translation>&quot;break&quot;는 같은 작업 안에서 바깥에 &quot;repeat&quot;이나 &quot;whileActive&quot;가 있어야 합니다</translation>
    </message>
    <message>
        <source>a &quot;try&quot; step needs &quot;catch&quot;, &quot;finally&quot; or both</source>
        <translation>&quot;try&quot; 단계에는 &quot;catch&quot;나 &quot;finally&quot;, 또는 둘 다가 필요합니다</translation>
    </message>
    <message>
        <source>must be an array of catch clauses, got </source>
        <translation>catch 절의 배열이어야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>must have at least one clause (leave &quot;catch&quot; out if nothing is caught)</source>
        <translation>절이 하나 이상 있어야 합니다(잡는 것이 없으면 &quot;catch&quot;를 빼세요)</translation>
    </message>
    <message>
        <source>must be one task object: a spawn starts exactly one task (give the task a &quot;count&quot; or use a group for several)</source>
        <translation>작업 객체 하나여야 합니다: spawn은 작업을 정확히 하나 시작합니다(여러 개라면 작업에 &quot;count&quot;를 주거나 group을 쓰세요)</translation>
    </message>
    <message>
        <source>&quot;cancelChildren&quot; is allowed only inside a group&apos;s &quot;steps&quot; (it cancels that group&apos;s tasks)</source>
        <translation>&quot;cancelChildren&quot;은 group의 &quot;steps&quot; 안에서만 쓸 수 있습니다(그 그룹의 작업을 취소합니다)</translation>
    </message>
    <message>
        <source>names the inner task of &quot;style&quot;: &quot;waitFor&quot;; a &quot;block&quot; timeout has no inner task</source>
        <translation>&quot;style&quot;: &quot;waitFor&quot;의 안쪽 작업 이름입니다; &quot;block&quot; 타임아웃에는 안쪽 작업이 없습니다</translation>
    </message>
    <message>
        <source>a catch clause object with &quot;error&quot;</source>
        <translation>&quot;error&quot;가 있는 catch 절 객체</translation>
    </message>
    <message>
        <source>for a catch clause (&quot;cancellation&quot;, &quot;any&quot; or an error name)</source>
        <translation>catch 절(&quot;cancellation&quot;, &quot;any&quot; 또는 오류 이름)</translation>
    </message>
    <message>
        <source>&quot;cancellation&quot;, &quot;any&quot; or an error name</source>
        <translation>&quot;cancellation&quot;, &quot;any&quot; 또는 오류 이름</translation>
    </message>
    <message>
        <source>; %1 (at %2) is not started by a spawn step, and its group or gather awaits it</source>
        <translation>; %1(%2)은(는) spawn 단계로 시작된 작업이 아니며, 그 group이나 gather가 기다립니다</translation>
    </message>
    <message>
        <source>no task named %1 was spawned earlier in the body of %2: join and cancel take the name of a task started by an earlier &quot;spawn&quot; step of the same task%3</source>
        <translation>%2의 본문에서 앞서 생성된 %1 작업이 없습니다: join과 cancel에는 같은 작업의 앞선 &quot;spawn&quot; 단계로 시작한 작업의 이름을 씁니다%3</translation>
    </message>
    <message>
        <source>must be an array of this gather&apos;s task names, got </source>
        <translation>이 gather의 작업 이름 배열이어야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>a task name</source>
        <translation>작업 이름</translation>
    </message>
    <message>
        <source>%1 is not a task of this gather; its tasks are: %2</source>
        <translation>%1은(는) 이 gather의 작업이 아닙니다; 이 gather의 작업: %2</translation>
    </message>
    <message>
        <source>%1 is listed twice (first at %2)</source>
        <translation>%1이(가) 두 번 나옵니다(처음 나온 곳: %2)</translation>
    </message>
    <message>
        <source>must list every task of this gather exactly once; %1 is missing</source>
        <translation>이 gather의 모든 작업을 정확히 한 번씩 나열해야 합니다; %1이(가) 빠졌습니다</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 또는 </translation>
    </message>
    <message>
        <source>the top level must be a JSON object (a scenario), got </source>
        <translation>최상위는 JSON 객체(시나리오)여야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>not a Cascade scenario: missing required key &quot;cascade&quot; (it must be &quot;scenario&quot;)</source>
        <translation>Cascade 시나리오가 아닙니다: 필수 키 &quot;cascade&quot;가 없습니다(&quot;scenario&quot;여야 합니다)</translation>
    </message>
    <message>
        <source>must be &quot;scenario&quot;, got </source>
        <translation>&quot;scenario&quot;여야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>in the top-level object</source>
        <translation>최상위 객체</translation>
    </message>
    <message>
        <source>must be 1, the only version of the format this program reads; got </source>
        <translation>1이어야 합니다(이 프로그램이 읽는 유일한 형식 버전). 받은 값: </translation>
    </message>
    <message>
        <source>a string of %1 characters</source>
        <translation>%1자 문자열</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>unknown key %1; expected one of: %2, note</source>
        <translation>알 수 없는 키 %1; 가능한 키: %2, note</translation>
    </message>
    <message>
        <source>must be a string (a note for authors, ignored by the engine), got </source>
        <translation>문자열(작성자용 메모, 엔진은 무시함)이어야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>missing required key %1</source>
        <translation>필수 키 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>missing required key %1 %2</source>
        <translation>필수 키 %1이(가) 없습니다(%2)</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>is too long: %1 characters, at most %2 are allowed</source>
        <translation>너무 깁니다: %1자, 최대 %2자까지 허용됩니다</translation>
    </message>
    <message>
        <source>must be %1 from %2 to %3, got %4</source>
        <translation>%2부터 %3까지의 %1(이)어야 하는데 %4입니다</translation>
    </message>
    <message>
        <source>a whole number of milliseconds</source>
        <translation>정수 밀리초</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>must be true or false, got </source>
        <translation>true 또는 false여야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>a task name (a letter or _, then letters, digits or _; at most 64 characters)</source>
        <translation>작업 이름(글자나 _로 시작하고 글자, 숫자, _만; 최대 64자)</translation>
    </message>
    <message>
        <source>a signal name (a letter or _, then letters, digits or _; at most 64 characters)</source>
        <translation>신호 이름(글자나 _로 시작하고 글자, 숫자, _만; 최대 64자)</translation>
    </message>
    <message>
        <source>an error name (a letter or _, then letters, digits, _ or .; at most 64 characters)</source>
        <translation>오류 이름(글자나 _로 시작하고 글자, 숫자, _, .만; 최대 64자)</translation>
    </message>
    <message>
        <source>an id (a-z or 0-9, then a-z, 0-9 or -; at most 64 characters)</source>
        <translation>id(a-z나 0-9로 시작하고 a-z, 0-9, -만; 최대 64자)</translation>
    </message>
    <message>
        <source>a text object {&quot;en&quot;: &quot;...&quot;, &quot;ko&quot;: &quot;...&quot;}</source>
        <translation>텍스트 객체 {&quot;en&quot;: &quot;...&quot;, &quot;ko&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>(text needs English &quot;en&quot; and Korean &quot;ko&quot;)</source>
        <translation>텍스트에는 영어 &quot;en&quot;과 한국어 &quot;ko&quot;가 필요합니다</translation>
    </message>
    <message>
        <source>must be an array of runtime names (%1), got %2</source>
        <translation>런타임 이름(%1)의 배열이어야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>must list at least one runtime (%1)</source>
        <translation>런타임(%1)을 하나 이상 나열해야 합니다</translation>
    </message>
    <message>
        <source>a runtime name (%1)</source>
        <translation>런타임 이름(%1)</translation>
    </message>
    <message>
        <source>unknown runtime %1; expected one of: %2</source>
        <translation>알 수 없는 런타임 %1; 가능한 런타임: %2</translation>
    </message>
    <message>
        <source>a task object with &quot;name&quot; and &quot;steps&quot;</source>
        <translation>&quot;name&quot;과 &quot;steps&quot;가 있는 작업 객체</translation>
    </message>
    <message>
        <source>nesting is deeper than %1 levels (tasks and steps together)</source>
        <translation>중첩이 %1단계보다 깊습니다(작업과 단계를 합쳐서)</translation>
    </message>
    <message>
        <source>for a task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>duplicate task name %1 among the children of %2 (first at %3)</source>
        <translation>%2의 자식 중에 작업 이름 %1이(가) 중복됩니다(처음 나온 곳: %3)</translation>
    </message>
    <message>
        <source>must be an array of task objects, got </source>
        <translation>작업 객체의 배열이어야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>must list at least one task</source>
        <translation>작업을 하나 이상 나열해야 합니다</translation>
    </message>
    <message>
        <source>must be an array of steps, got </source>
        <translation>단계의 배열이어야 합니다. 받은 값: </translation>
    </message>
    <message>
        <source>a step object with &quot;do&quot;</source>
        <translation>&quot;do&quot;가 있는 단계 객체</translation>
    </message>
    <message>
        <source>too many steps: a file may have at most %1</source>
        <translation>단계가 너무 많습니다: 파일 하나에 최대 %1개까지입니다</translation>
    </message>
    <message>
        <source>(the kind of step)</source>
        <translation>단계의 종류</translation>
    </message>
    <message>
        <source>a step kind such as &quot;sleep&quot;</source>
        <translation>&quot;sleep&quot; 같은 단계 종류</translation>
    </message>
    <message>
        <source>unknown step kind %1; expected one of: %2</source>
        <translation>알 수 없는 단계 종류 %1; 가능한 종류: %2</translation>
    </message>
    <message>
        <source>an onCancel handler may contain only &quot;print&quot; and &quot;signal&quot; steps, got %1</source>
        <translation>onCancel 핸들러에는 &quot;print&quot;와 &quot;signal&quot; 단계만 넣을 수 있는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <source>%1 is not available in %2: %3</source>
        <translation>%2에서는 %1을(를) 쓸 수 없습니다: %3</translation>
    </message>
    <message>
        <source>a structured child (&quot;link&quot;: &quot;child&quot;)</source>
        <translation>구조화된 자식(&quot;link&quot;: &quot;child&quot;)</translation>
    </message>
    <message>
        <source>asyncio has no structured child outside a TaskGroup; use a group step or an unstructured create_task</source>
        <translation>asyncio에는 TaskGroup 밖의 구조화된 자식이 없습니다; group 단계나 비구조화 create_task를 쓰세요</translation>
    </message>
    <message>
        <source>a cancellation handler (onCancel)</source>
        <translation>취소 핸들러(onCancel)</translation>
    </message>
    <message>
        <source>asyncio has no cancellation handler; future callbacks run only on a later loop iteration</source>
        <translation>asyncio에는 취소 핸들러가 없습니다; future 콜백은 다음 루프 반복에서야 실행됩니다</translation>
    </message>
    <message>
        <source>a timeout</source>
        <translation>타임아웃</translation>
    </message>
    <message>
        <source>a shield</source>
        <translation>실드</translation>
    </message>
    <message>
        <source>a join with a timeout</source>
        <translation>타임아웃이 있는 join</translation>
    </message>
    <message>
        <source>a shielded join</source>
        <translation>실드된 join</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1%2 — Cascade</source>
        <translation>%1%2 — Cascade</translation>
    </message>
    <message>
        <source>Add child</source>
        <translation>자식 추가</translation>
    </message>
    <message>
        <source>Add unstructured</source>
        <translation>비구조화 추가</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Remove shield</source>
        <translation>실드 제거</translation>
    </message>
    <message>
        <source>Shield</source>
        <translation>실드</translation>
    </message>
    <message>
        <source>Timeout %1 ms…</source>
        <translation>타임아웃 %1 ms…</translation>
    </message>
    <message>
        <source>Timeout…</source>
        <translation>타임아웃…</translation>
    </message>
    <message>
        <source>Clear timeout</source>
        <translation>타임아웃 지우기</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>실행 취소: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>다시 실행: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새로 만들기</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Cascade scenario (*.json)</source>
        <translation>Cascade 시나리오 (*.json)</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 취소</translation>
    </message>
    <message>
        <source>Fail %1 with an error</source>
        <translation>%1을(를) 오류로 실패시키기</translation>
    </message>
    <message>
        <source>Click to select · right-click to edit · Space to run</source>
        <translation>클릭: 선택 · 오른쪽 클릭: 편집 · Space: 실행</translation>
    </message>
    <message>
        <source>Click to cancel · right-click for more</source>
        <translation>클릭: 취소 · 오른쪽 클릭: 더 보기</translation>
    </message>
</context>
<context>
    <name>PredictDialog</name>
    <message>
        <source>Predict: what happens next?</source>
        <translation>예측: 다음에 무슨 일이 일어날까?</translation>
    </message>
    <message>
        <source>question %1 of %2 · score %3/%4</source>
        <translation>질문 %1/%2 · 점수 %3/%4</translation>
    </message>
    <message>
        <source>✔ Right.</source>
        <translation>✔ 정답입니다.</translation>
    </message>
    <message>
        <source>✘ Not this time: the answer is %1.</source>
        <translation>✘ 이번에는 틀렸습니다. 정답은 %1번입니다.</translation>
    </message>
    <message>
        <source>You answered this question before: only your first answer counts for the score.</source>
        <translation>이전에 답한 질문입니다. 점수에는 처음 답만 반영됩니다.</translation>
    </message>
    <message>
        <source>Enter: show what happens</source>
        <translation>Enter: 무슨 일이 일어나는지 보기</translation>
    </message>
    <message>
        <source>Keys 1–%1: answer · Esc: skip</source>
        <translation>1–%1 키: 답하기 · Esc: 건너뛰기</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Show what happens</source>
        <translation>무슨 일이 일어나는지 보기</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>▶ playing</source>
        <translation>▶ 재생 중</translation>
    </message>
    <message>
        <source>■ finished</source>
        <translation>■ 끝남</translation>
    </message>
    <message>
        <source>❙❙ paused</source>
        <translation>❙❙ 일시 정지</translation>
    </message>
    <message>
        <source>speed %1×</source>
        <translation>속도 %1×</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
    <message>
        <source>%1 ms  %2: %3</source>
        <translation>%1 ms  %2: %3</translation>
    </message>
    <message>
        <source>Press Space to start</source>
        <translation>Space를 눌러 시작하세요</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>재생 / 일시 정지</translation>
    </message>
    <message>
        <source>step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>click</source>
        <translation>클릭</translation>
    </message>
    <message>
        <source>cancel a task</source>
        <translation>작업 취소</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>나가기</translation>
    </message>
    <message>
        <source>predict: %1 of %2 right</source>
        <translation>예측: %2개 중 %1개 정답</translation>
    </message>
    <message>
        <source>predict mode</source>
        <translation>예측 모드</translation>
    </message>
</context>
<context>
    <name>RecordingActions</name>
    <message>
        <source>No run to record or export</source>
        <translation>녹화하거나 내보낼 실행이 없습니다</translation>
    </message>
    <message>
        <source>Open Recording…</source>
        <translation>녹화 열기…</translation>
    </message>
    <message>
        <source>Save Recording…</source>
        <translation>녹화 저장…</translation>
    </message>
    <message>
        <source>Save the run as a recording</source>
        <translation>실행을 녹화로 저장</translation>
    </message>
    <message>
        <source>Cascade recording (*.recording.jsonl)</source>
        <translation>Cascade 녹화 (*.recording.jsonl)</translation>
    </message>
    <message>
        <source>Chrome trace (Perfetto)…</source>
        <translation>Chrome 트레이스 (Perfetto)…</translation>
    </message>
    <message>
        <source>Export the run as a Chrome trace</source>
        <translation>실행을 Chrome 트레이스로 내보내기</translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome 트레이스 (*.json)</translation>
    </message>
    <message>
        <source>PNG picture…</source>
        <translation>PNG 그림…</translation>
    </message>
    <message>
        <source>Export the tree and the timeline as a picture</source>
        <translation>트리와 타임라인을 그림으로 내보내기</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 그림 (*.png)</translation>
    </message>
    <message>
        <source>Animated GIF…</source>
        <translation>움직이는 GIF…</translation>
    </message>
    <message>
        <source>Export a stretch of the run as an animated GIF</source>
        <translation>실행의 한 구간을 움직이는 GIF로 내보내기</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF 애니메이션 (*.gif)</translation>
    </message>
    <message>
        <source>Copy picture</source>
        <translation>그림 복사</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>녹화 열기</translation>
    </message>
    <message>
        <source>Cascade recording (*.recording.jsonl *.jsonl)</source>
        <translation>Cascade 녹화 (*.recording.jsonl *.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Saved the recording to %1</source>
        <translation>녹화를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Saving the recording to %1…</source>
        <translation>녹화를 %1에 저장하는 중…</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename %1</source>
        <translation>%1 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name of %1</source>
        <translation>%1의 새 이름</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore the last session?</source>
        <translation>지난 세션을 복원할까요?</translation>
    </message>
    <message>
        <source>Cascade did not close properly last time. It had autosaved %1.
Restore it?</source>
        <translation>지난번에 Cascade가 제대로 종료되지 않았습니다. %1을(를) 자동 저장해 두었습니다.
복원할까요?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
</context>
<context>
    <name>RunToolBar</name>
    <message>
        <source>Runtime</source>
        <translation>런타임</translation>
    </message>
    <message>
        <source>Run the same tree under the rules of another runtime</source>
        <translation>같은 트리를 다른 런타임의 규칙으로 실행합니다</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 이전</translation>
    </message>
    <message>
        <source>Left arrow: the previous event (replays from 0)</source>
        <translation>왼쪽 화살표: 이전 이벤트 (0부터 다시 재생)</translation>
    </message>
    <message>
        <source>❙❙ Pause</source>
        <translation>❙❙ 일시 정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Step →</source>
        <translation>다음 →</translation>
    </message>
    <message>
        <source>Right arrow: the next event</source>
        <translation>오른쪽 화살표: 다음 이벤트</translation>
    </message>
    <message>
        <source>⟲ Restart</source>
        <translation>⟲ 처음부터</translation>
    </message>
    <message>
        <source>Home: run again from 0 with the same actions</source>
        <translation>Home: 같은 동작으로 0부터 다시 실행</translation>
    </message>
    <message>
        <source>Speed %1×</source>
        <translation>속도 %1×</translation>
    </message>
    <message>
        <source>0.1× to 10× (keys + and -)</source>
        <translation>0.1×부터 10×까지 (+, - 키)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <source>F1: what the colours, marks and lines on the tree mean</source>
        <translation>F1: 트리의 색, 표시, 선이 뜻하는 것</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>끝남</translation>
    </message>
</context>
<context>
    <name>SaveAsDialog</name>
    <message>
        <source>Save the scenario as</source>
        <translation>시나리오를 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>%1에 씁니다</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cascade scenario (*.json)</source>
        <translation>Cascade 시나리오 (*.json)</translation>
    </message>
</context>
<context>
    <name>ScenarioEdit</name>
    <message>
        <source>%1: the scenario would not be valid: %2</source>
        <translation>%1: 시나리오가 올바르지 않게 됩니다: %2</translation>
    </message>
    <message>
        <source>the name </source>
        <translation>이름 </translation>
    </message>
    <message>
        <source>: it is the root task (the program itself)</source>
        <translation>: 루트 작업(프로그램 자체)입니다</translation>
    </message>
    <message>
        <source>: it is the root task</source>
        <translation>: 루트 작업입니다</translation>
    </message>
    <message>
        <source>: it is the only task of its spawn step</source>
        <translation>: spawn 단계의 유일한 작업입니다</translation>
    </message>
    <message>
        <source> by %1: it is task %2 of %3 in its %4 step</source>
        <translation> (%1만큼): %4 단계의 작업 %3개 중 %2번째입니다</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1을(를) 지울 수 없음</translation>
    </message>
    <message>
        <source>cannot move %1</source>
        <translation>%1을(를) 옮길 수 없음</translation>
    </message>
    <message>
        <source>%1 has no timeout</source>
        <translation>%1에는 타임아웃이 없음</translation>
    </message>
    <message>
        <source>cannot add a task to %1</source>
        <translation>%1에 작업을 추가할 수 없음</translation>
    </message>
    <message>
        <source>cannot rename %1</source>
        <translation>%1의 이름을 바꿀 수 없음</translation>
    </message>
    <message>
        <source>cannot change the steps of %1</source>
        <translation>%1의 단계를 바꿀 수 없음</translation>
    </message>
    <message>
        <source>cannot shield %1</source>
        <translation>%1에 실드를 씌울 수 없음</translation>
    </message>
    <message>
        <source>cannot unshield %1</source>
        <translation>%1의 실드를 벗길 수 없음</translation>
    </message>
    <message>
        <source>cannot set a timeout on %1</source>
        <translation>%1에 타임아웃을 설정할 수 없음</translation>
    </message>
    <message>
        <source>cannot clear the timeout of %1</source>
        <translation>%1의 타임아웃을 지울 수 없음</translation>
    </message>
    <message>
        <source>: a timeout is from 0 to %1 ms, got %2</source>
        <translation>: 타임아웃은 0부터 %1 ms까지인데 %2입니다</translation>
    </message>
    <message>
        <source>cannot set the runtimes</source>
        <translation>런타임을 설정할 수 없음</translation>
    </message>
    <message>
        <source>: a scenario runs under at least one runtime</source>
        <translation>: 시나리오에는 런타임이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>: %1 is listed twice</source>
        <translation>: %1이(가) 두 번 있습니다</translation>
    </message>
    <message>
        <source>no task given</source>
        <translation>작업이 지정되지 않음</translation>
    </message>
    <message>
        <source>no task %1: the root task is %2</source>
        <translation>작업 %1이(가) 없음: 루트 작업은 %2입니다</translation>
    </message>
</context>
<context>
    <name>ScenarioOutline</name>
    <message>
        <source>Tasks in %1</source>
        <translation>%1의 작업</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>실드</translation>
    </message>
    <message>
        <source>timeout %1 ms</source>
        <translation>타임아웃 %1 ms</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>The steps can be edited here once the window hands the inspector its scenario document.</source>
        <translation>창이 시나리오 문서를 넘겨주면 여기서 단계를 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>Kind of step to add</source>
        <translation>추가할 단계의 종류</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add after the selected step, or into the selected section (Alt+Insert)</source>
        <translation>선택한 단계 뒤에, 또는 선택한 구역 안에 추가 (Alt+Insert)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected step, catch clause or finally (Alt+Delete)</source>
        <translation>선택한 단계, catch 절 또는 finally 삭제 (Alt+Delete)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move the step up (Alt+Up)</source>
        <translation>단계를 위로 이동 (Alt+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Move the step down (Alt+Down)</source>
        <translation>단계를 아래로 이동 (Alt+Down)</translation>
    </message>
    <message>
        <source>1 problem: not saved until it is fixed.</source>
        <translation>문제 1개: 고칠 때까지 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>%1 problems: not saved until they are fixed.</source>
        <translation>문제 %1개: 고칠 때까지 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>구역: %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Add a catch clause</source>
        <translation>catch 절 추가</translation>
    </message>
    <message>
        <source>Select the section and press Add to put a step into it.</source>
        <translation>구역을 선택하고 추가를 누르면 그 안에 단계가 들어갑니다.</translation>
    </message>
    <message>
        <source>Sleep (ms)</source>
        <translation>대기 (ms)</translation>
    </message>
    <message>
        <source>CPU work (ms)</source>
        <translation>CPU 작업 (ms)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>none: a plain loop; throw: a throwing check; poll: read the flag and stop</source>
        <translation>none: 그냥 도는 루프, throw: 예외를 던지는 검사, poll: 플래그를 읽고 멈춤</translation>
    </message>
    <message>
        <source>Check every (ms)</source>
        <translation>검사 간격 (ms)</translation>
    </message>
    <message>
        <source>at most the work&apos;s ms</source>
        <translation>작업 시간(ms) 이하</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>그러면</translation>
    </message>
    <message>
        <source>Error to raise</source>
        <translation>던질 오류</translation>
    </message>
    <message>
        <source>only with &quot;raise&quot;; empty: the cancellation</source>
        <translation>&quot;raise&quot;일 때만, 비우면 취소 오류</translation>
    </message>
    <message>
        <source>At most (iterations)</source>
        <translation>최대 반복 횟수</translation>
    </message>
    <message>
        <source>0: no limit</source>
        <translation>0: 제한 없음</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>{i}: the loop index, {task}: the task&apos;s name</source>
        <translation>{i}: 루프 인덱스, {task}: 작업 이름</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Has a finally block</source>
        <translation>finally 블록 있음</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>strict: a failure cancels the others; tolerant: it does not</source>
        <translation>strict: 하나가 실패하면 나머지를 취소, tolerant: 취소하지 않음</translation>
    </message>
    <message>
        <source>Run at most (tasks at once)</source>
        <translation>동시에 실행할 최대 작업 수</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>names, separated by commas; edit each as its own task</source>
        <translation>쉼표로 구분한 이름, 각각은 별도 작업으로 편집</translation>
    </message>
    <message>
        <source>Await order</source>
        <translation>await 순서</translation>
    </message>
    <message>
        <source>every task once; empty: in order</source>
        <translation>모든 작업을 한 번씩, 비우면 순서대로</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>edit its steps as its own task</source>
        <translation>단계는 별도 작업으로 편집</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>spawned earlier in this task</source>
        <translation>이 작업에서 앞서 생성한 작업</translation>
    </message>
    <message>
        <source>Through a shield</source>
        <translation>실드를 거쳐서</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>타임아웃 (ms)</translation>
    </message>
    <message>
        <source>0: none</source>
        <translation>0: 없음</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>횟수</translation>
    </message>
    <message>
        <source>First index</source>
        <translation>첫 인덱스</translation>
    </message>
    <message>
        <source>Or null (no error)</source>
        <translation>또는 null (오류 없음)</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>Inner task</source>
        <translation>안쪽 작업</translation>
    </message>
    <message>
        <source>only with &quot;waitFor&quot;; empty: wait_for</source>
        <translation>&quot;waitFor&quot;일 때만, 비우면 wait_for</translation>
    </message>
    <message>
        <source>empty: shielded</source>
        <translation>비우면 shielded</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>신호</translation>
    </message>
    <message>
        <source>Note for authors</source>
        <translation>작성자 메모</translation>
    </message>
    <message>
        <source>Catches</source>
        <translation>잡는 오류</translation>
    </message>
    <message>
        <source>cancellation, any (the runtime&apos;s catch-all), or an error name</source>
        <translation>cancellation, any(런타임의 전체 catch), 또는 오류 이름</translation>
    </message>
    <message>
        <source>Rethrow</source>
        <translation>다시 던지기</translation>
    </message>
    <message>
        <source>loop body</source>
        <translation>루프 본문</translation>
    </message>
    <message>
        <source>within the timeout</source>
        <translation>타임아웃 안</translation>
    </message>
    <message>
        <source>on cancel (print, signal)</source>
        <translation>취소될 때 (print, signal)</translation>
    </message>
    <message>
        <source>in the group</source>
        <translation>그룹 안</translation>
    </message>
    <message>
        <source>sleep %1 ms</source>
        <translation>sleep %1 ms</translation>
    </message>
    <message>
        <source>work %1 ms, no checks</source>
        <translation>work %1 ms, 검사 없음</translation>
    </message>
    <message>
        <source>work %1 ms, %2 every %3 ms</source>
        <translation>work %1 ms, %3 ms마다 %2</translation>
    </message>
    <message>
        <source>check point</source>
        <translation>체크 포인트</translation>
    </message>
    <message>
        <source>if cancelled: %1 %2</source>
        <translation>취소되었으면: %1 %2</translation>
    </message>
    <message>
        <source>if cancelled: %1</source>
        <translation>취소되었으면: %1</translation>
    </message>
    <message>
        <source>while active, at most %1 times</source>
        <translation>활성인 동안, 최대 %1번</translation>
    </message>
    <message>
        <source>while active</source>
        <translation>활성인 동안</translation>
    </message>
    <message>
        <source>print &quot;%1&quot;</source>
        <translation>print &quot;%1&quot;</translation>
    </message>
    <message>
        <source>raise %1: %2</source>
        <translation>raise %1: %2</translation>
    </message>
    <message>
        <source>raise %1</source>
        <translation>raise %1</translation>
    </message>
    <message>
        <source>1 catch</source>
        <translation>catch 1개</translation>
    </message>
    <message>
        <source>%1 catches</source>
        <translation>catch %1개</translation>
    </message>
    <message>
        <source>try (%1)</source>
        <translation>try (%1)</translation>
    </message>
    <message>
        <source>%1 group: %2</source>
        <translation>%1 그룹: %2</translation>
    </message>
    <message>
        <source> (at most %1 at once)</source>
        <translation> (동시에 최대 %1개)</translation>
    </message>
    <message>
        <source>gather %1</source>
        <translation>gather %1</translation>
    </message>
    <message>
        <source>, awaiting %1</source>
        <translation>, await 순서 %1</translation>
    </message>
    <message>
        <source>spawn %1 (%2)</source>
        <translation>spawn %1 (%2)</translation>
    </message>
    <message>
        <source>timeout %1 ms</source>
        <translation>timeout %1 ms</translation>
    </message>
    <message>
        <source>join %1</source>
        <translation>join %1</translation>
    </message>
    <message>
        <source>join %1 (%2)</source>
        <translation>join %1 (%2)</translation>
    </message>
    <message>
        <source>cancel %1</source>
        <translation>cancel %1</translation>
    </message>
    <message>
        <source>cancel the group&apos;s tasks</source>
        <translation>그룹의 작업 모두 취소</translation>
    </message>
    <message>
        <source>repeat %1 times, from %2</source>
        <translation>%1번 반복, %2부터</translation>
    </message>
    <message>
        <source>repeat %1 times</source>
        <translation>%1번 반복</translation>
    </message>
    <message>
        <source>wait_for %1 ms</source>
        <translation>wait_for %1 ms</translation>
    </message>
    <message>
        <source>, or null</source>
        <translation>, 또는 null</translation>
    </message>
    <message>
        <source>on cancel: operation and handler</source>
        <translation>취소 처리기: 작업과 핸들러</translation>
    </message>
    <message>
        <source>wait for signal %1</source>
        <translation>신호 %1 기다리기</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>신호 %1 보내기</translation>
    </message>
    <message>
        <source>(not a step)</source>
        <translation>(단계가 아님)</translation>
    </message>
    <message>
        <source>unknown step &quot;%1&quot;</source>
        <translation>알 수 없는 단계 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>catch %1, rethrow</source>
        <translation>catch %1, 다시 던짐</translation>
    </message>
    <message>
        <source>catch %1</source>
        <translation>catch %1</translation>
    </message>
</context>
<context>
    <name>StepField</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>TaskTreeCanvas</name>
    <message>
        <source>Click to cancel · right-click for more</source>
        <translation>클릭: 취소 · 오른쪽 클릭: 더 보기</translation>
    </message>
    <message>
        <source>No tasks yet</source>
        <translation>아직 작업이 없습니다</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 취소</translation>
    </message>
    <message>
        <source>Fail %1 with an error</source>
        <translation>%1을(를) 오류로 실패시키기</translation>
    </message>
    <message>
        <source>Add timeout to %1…</source>
        <translation>%1에 타임아웃 추가…</translation>
    </message>
    <message>
        <source>Toggle shield on %1</source>
        <translation>%1의 실드 켜기/끄기</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−, Ctrl+wheel)</source>
        <translation>축소 (Ctrl+−, Ctrl+휠)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, Ctrl+wheel)</source>
        <translation>확대 (Ctrl++, Ctrl+휠)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Fitting the tree as it grows; drag or zoom to take over</source>
        <translation>트리가 커지는 대로 맞추는 중, 끌거나 확대/축소하면 직접 조작</translation>
    </message>
    <message>
        <source>Show the whole tree (Ctrl+0)</source>
        <translation>트리 전체 보기 (Ctrl+0)</translation>
    </message>
    <message>
        <source>structured child</source>
        <translation>구조화된 자식</translation>
    </message>
    <message>
        <source>unstructured (not cancelled with its creator)</source>
        <translation>비구조화 (만든 작업과 함께 취소되지 않음)</translation>
    </message>
    <message>
        <source>cancel requested, not yet delivered</source>
        <translation>취소 요청됨, 아직 전달 안 됨</translation>
    </message>
</context>
<context>
    <name>TaskWarnings</name>
    <message>
        <source>⚠ Warning at %1 ms: %2</source>
        <translation>⚠ %1ms 경고: %2</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>일시 중단</translation>
    </message>
    <message>
        <source>CPU busy</source>
        <translation>CPU 사용 중</translation>
    </message>
    <message>
        <source>unwinding</source>
        <translation>되감는 중</translation>
    </message>
    <message>
        <source>in cleanup</source>
        <translation>정리 중</translation>
    </message>
    <message>
        <source>✔ completed</source>
        <translation>✔ 완료</translation>
    </message>
    <message>
        <source>✖ cancelled</source>
        <translation>✖ 취소됨</translation>
    </message>
    <message>
        <source>⚠ failed</source>
        <translation>⚠ 실패</translation>
    </message>
    <message>
        <source>◔ timed out</source>
        <translation>◔ 시간 초과</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Zoom the time axis out (Ctrl+wheel)</source>
        <translation>시간 축 축소 (Ctrl+휠)</translation>
    </message>
    <message>
        <source>Zoom the time axis in, around the playhead (Ctrl+wheel)</source>
        <translation>재생 위치를 중심으로 시간 축 확대 (Ctrl+휠)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole run, from 0 ms to its end</source>
        <translation>0 ms부터 끝까지 실행 전체 보기</translation>
    </message>
    <message>
        <source>cancel requested</source>
        <translation>취소 요청</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>check point raised</source>
        <translation>체크 포인트에서 발생</translation>
    </message>
    <message>
        <source>check point passed</source>
        <translation>체크 포인트 통과</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>타임아웃</translation>
    </message>
    <message>
        <source>blocked (shield)</source>
        <translation>막힘 (실드)</translation>
    </message>
    <message>
        <source>print</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>end</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>request from another task</source>
        <translation>다른 작업에서 온 요청</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 ms  %2: %3</source>
        <translation>%1 ms  %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 from %3 ms to %4 ms</source>
        <translation>%1: %3 ms부터 %4 ms까지 %2</translation>
    </message>
</context>
<context>
    <name>TimeoutDialog</name>
    <message>
        <source>Add a timeout now</source>
        <translation>지금 타임아웃 추가</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>타임아웃</translation>
    </message>
    <message>
        <source>From now (t = %1 ms), cancel %2 with a timeout when it has not finished after:</source>
        <translation>지금(t = %1 ms)부터 다음 시간 안에 끝나지 않으면 %2을(를) 타임아웃으로 취소:</translation>
    </message>
    <message>
        <source>Cancel %1 when it has not finished after:</source>
        <translation>다음 시간 안에 끝나지 않으면 %1 취소:</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>From %1 to %2 ms of virtual time.</source>
        <translation>가상 시간 %1부터 %2 ms까지.</translation>
    </message>
    <message>
        <source>Enter a whole number of ms from %1 to %2.</source>
        <translation>%1부터 %2까지의 정수 ms를 입력하세요.</translation>
    </message>
    <message>
        <source>Add timeout</source>
        <translation>타임아웃 추가</translation>
    </message>
    <message>
        <source>Set timeout</source>
        <translation>타임아웃 설정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>TraceCompare</name>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>일시 중단</translation>
    </message>
    <message>
        <source>doing CPU work</source>
        <translation>CPU 작업 중</translation>
    </message>
    <message>
        <source>unwinding</source>
        <translation>되감는 중</translation>
    </message>
    <message>
        <source>in cleanup</source>
        <translation>정리 중</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>타임아웃</translation>
    </message>
    <message>
        <source>%1: at %2 ms, %3</source>
        <translation>%1: %2 ms에 %3</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, 이어서 %2</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>아직 만들어지지 않음</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, a cancel request waiting</source>
        <translation>%1, 전달되지 않은 취소 요청 있음</translation>
    </message>
    <message>
        <source>%1: still %2 until %3 ms</source>
        <translation>%1: %3 ms까지 계속 %2</translation>
    </message>
    <message>
        <source>%1: still %2 to the end of the run</source>
        <translation>%1: 실행이 끝날 때까지 계속 %2</translation>
    </message>
    <message>
        <source>%1, while %2 does CPU work (%3–%4 ms)</source>
        <translation>%1, 그동안 %2이(가) CPU 작업 중 (%3–%4 ms)</translation>
    </message>
    <message>
        <source>%1: does not end in this run (it ends at %2 ms)</source>
        <translation>%1: 이 실행에서는 끝나지 않음 (실행은 %2 ms에 끝남)</translation>
    </message>
    <message>
        <source>%1: %2 at %3 ms</source>
        <translation>%1: %3 ms에 %2</translation>
    </message>
    <message>
        <source>%1: no such step in this run</source>
        <translation>%1: 이 실행에는 이런 단계가 없음</translation>
    </message>
    <message>
        <source>%1: no such task</source>
        <translation>%1: 이런 작업이 없음</translation>
    </message>
    <message>
        <source>%1 — %2; %3</source>
        <translation>%1 — %2; %3</translation>
    </message>
    <message>
        <source>both sides run under %1: choose two different runtimes</source>
        <translation>양쪽 모두 %1에서 실행됩니다: 서로 다른 런타임 두 개를 고르세요</translation>
    </message>
    <message>
        <source>this scenario cannot run under %1: %2</source>
        <translation>이 시나리오는 %1에서 실행할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TraceDescription</name>
    <message>
        <source>cancel requested by the user</source>
        <translation>사용자가 취소를 요청함</translation>
    </message>
    <message>
        <source>cancel requested by %1 (its code)</source>
        <translation>%1이(가) 취소를 요청함 (코드)</translation>
    </message>
    <message>
        <source>cancel passed down from its parent</source>
        <translation>부모로부터 취소가 전파됨</translation>
    </message>
    <message>
        <source>cancel passed down from %1</source>
        <translation>%1(으)로부터 취소가 전파됨</translation>
    </message>
    <message>
        <source>cancel requested by a timeout</source>
        <translation>타임아웃이 취소를 요청함</translation>
    </message>
    <message>
        <source>cancel requested because a sibling failed</source>
        <translation>형제 작업이 실패해서 취소가 요청됨</translation>
    </message>
    <message>
        <source>cancel requested because %1 failed</source>
        <translation>%1이(가) 실패해서 취소가 요청됨</translation>
    </message>
    <message>
        <source>cancel passed on by the task awaiting it</source>
        <translation>이 작업을 기다리던 작업이 취소를 넘겨줌</translation>
    </message>
    <message>
        <source>cancel passed on by %1, which was awaiting it</source>
        <translation>이 작업을 기다리던 %1이(가) 취소를 넘겨줌</translation>
    </message>
    <message>
        <source>cancelled at shutdown: main returned, asyncio.run() cancels what is left</source>
        <translation>종료 시 취소됨: main이 끝나자 asyncio.run()이 남은 작업을 취소함</translation>
    </message>
    <message>
        <source>cancel requested</source>
        <translation>취소 요청됨</translation>
    </message>
    <message>
        <source>a shield</source>
        <translation>실드</translation>
    </message>
    <message>
        <source>a NonCancellable context</source>
        <translation>NonCancellable 문맥</translation>
    </message>
    <message>
        <source>it is not a structured child</source>
        <translation>구조화된 자식이 아님</translation>
    </message>
    <message>
        <source>by the user</source>
        <translation>사용자가</translation>
    </message>
    <message>
        <source>by the code</source>
        <translation>코드가</translation>
    </message>
    <message>
        <source>the program starts</source>
        <translation>프로그램 시작</translation>
    </message>
    <message>
        <source>created by %1 as a structured child</source>
        <translation>%1이(가) 구조화된 자식으로 생성함</translation>
    </message>
    <message>
        <source>created by %1, unstructured (not its child)</source>
        <translation>%1이(가) 비구조화 작업으로 생성함 (자식 아님)</translation>
    </message>
    <message>
        <source>starts running</source>
        <translation>실행 시작</translation>
    </message>
    <message>
        <source>waits: %1 %2 ms</source>
        <translation>기다림: %1 %2 ms</translation>
    </message>
    <message>
        <source>waits: %1</source>
        <translation>기다림: %1</translation>
    </message>
    <message>
        <source>runs again</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>CPU work for %1 ms, without yielding</source>
        <translation>양보 없이 %1 ms 동안 CPU 작업</translation>
    </message>
    <message>
        <source>looks at its cancelled flag: it is set</source>
        <translation>취소 플래그 확인: 켜져 있음</translation>
    </message>
    <message>
        <source>looks at its cancelled flag: not set</source>
        <translation>취소 플래그 확인: 꺼져 있음</translation>
    </message>
    <message>
        <source>check point: raises the cancellation</source>
        <translation>체크 포인트: 취소 예외 발생</translation>
    </message>
    <message>
        <source>check point: passed</source>
        <translation>체크 포인트: 통과</translation>
    </message>
    <message>
        <source>cancel request stopped here: %1</source>
        <translation>취소 요청이 여기서 멈춤: %1</translation>
    </message>
    <message>
        <source>cancel request from %1 stopped here: %2</source>
        <translation>%1의 취소 요청이 여기서 멈춤: %2</translation>
    </message>
    <message>
        <source>cancellation delivered at %1</source>
        <translation>%1에서 취소가 전달됨</translation>
    </message>
    <message>
        <source>catches %1 and throws it on</source>
        <translation>%1을(를) 잡아서 다시 던짐</translation>
    </message>
    <message>
        <source>catches %1 and does not throw it on</source>
        <translation>%1을(를) 잡고 다시 던지지 않음</translation>
    </message>
    <message>
        <source>cleanup starts: %1</source>
        <translation>정리 시작: %1</translation>
    </message>
    <message>
        <source>cleanup done: %1</source>
        <translation>정리 끝: %1</translation>
    </message>
    <message>
        <source>its timeout of %1 ms expires</source>
        <translation>%1 ms 타임아웃이 만료됨</translation>
    </message>
    <message>
        <source>prints &quot;%1&quot;</source>
        <translation>출력: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>raises %1</source>
        <translation>%1 발생</translation>
    </message>
    <message>
        <source>raises %1: %2</source>
        <translation>%1 발생: %2</translation>
    </message>
    <message>
        <source>ends: completed</source>
        <translation>끝남: 완료</translation>
    </message>
    <message>
        <source>ends: cancelled</source>
        <translation>끝남: 취소됨</translation>
    </message>
    <message>
        <source>ends: cancelled (%1)</source>
        <translation>끝남: 취소됨 (%1)</translation>
    </message>
    <message>
        <source>ends: timed out (%1)</source>
        <translation>끝남: 시간 초과 (%1)</translation>
    </message>
    <message>
        <source>ends: failed (%1)</source>
        <translation>끝남: 실패 (%1)</translation>
    </message>
    <message>
        <source>ends</source>
        <translation>끝남</translation>
    </message>
    <message>
        <source>your %1 had no effect: %2</source>
        <translation>내 %1 동작은 효과가 없었음: %2</translation>
    </message>
    <message>
        <source>deadline set %1: %2 ms, at %3 ms</source>
        <translation>%1 마감 시간 설정: %2 ms, %3 ms에 만료</translation>
    </message>
    <message>
        <source>deadline of %1 ms no longer applies</source>
        <translation>%1 ms의 마감 시간이 더는 적용되지 않음</translation>
    </message>
    <message>
        <source>shield on %1: requests from outside stop here</source>
        <translation>%1 실드를 켬: 바깥에서 온 요청이 여기서 멈춤</translation>
    </message>
    <message>
        <source>shield off %1</source>
        <translation>%1 실드를 끔</translation>
    </message>
    <message>
        <source>the %1 of its child %2 is discarded: nobody awaited it</source>
        <translation>자식 %2의 %1이(가) 버려짐: 아무도 기다리지 않았음</translation>
    </message>
</context>
<context>
    <name>TreeCanvas</name>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>일시 중단</translation>
    </message>
    <message>
        <source>CPU busy</source>
        <translation>CPU 사용 중</translation>
    </message>
    <message>
        <source>unwinding</source>
        <translation>되감는 중</translation>
    </message>
    <message>
        <source>in cleanup</source>
        <translation>정리 중</translation>
    </message>
    <message>
        <source>✔ completed</source>
        <translation>✔ 완료</translation>
    </message>
    <message>
        <source>✖ cancelled</source>
        <translation>✖ 취소됨</translation>
    </message>
    <message>
        <source>⚠ failed</source>
        <translation>⚠ 실패</translation>
    </message>
    <message>
        <source>◔ timed out</source>
        <translation>◔ 시간 초과</translation>
    </message>
    <message>
        <source>cancel pending %1 ms</source>
        <translation>취소 대기 %1 ms</translation>
    </message>
    <message>
        <source>shielded</source>
        <translation>실드됨</translation>
    </message>
    <message>
        <source>deadline in %1 ms</source>
        <translation>마감까지 %1 ms</translation>
    </message>
    <message>
        <source>deadline passed</source>
        <translation>마감 지남</translation>
    </message>
    <message>
        <source>planned, not spawned yet</source>
        <translation>예정됨, 아직 생성 안 됨</translation>
    </message>
    <message>
        <source>cancel requested</source>
        <translation>취소 요청</translation>
    </message>
    <message>
        <source>cancel requested (%1)</source>
        <translation>취소 요청 (%1)</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>막힘: %1</translation>
    </message>
    <message>
        <source>failure from %1</source>
        <translation>%1의 실패</translation>
    </message>
    <message>
        <source>check raised the cancellation</source>
        <translation>검사에서 취소 발생</translation>
    </message>
    <message>
        <source>check passed</source>
        <translation>검사 통과</translation>
    </message>
    <message>
        <source>cancellation delivered</source>
        <translation>취소 전달됨</translation>
    </message>
    <message>
        <source>cancellation delivered at %1</source>
        <translation>%1에서 취소 전달됨</translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation>정리</translation>
    </message>
    <message>
        <source>%1 starts</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 끝</translation>
    </message>
    <message>
        <source>swallowed cancellation</source>
        <translation>삼켜진 취소</translation>
    </message>
    <message>
        <source>cancel not delivered</source>
        <translation>취소 전달 안 됨</translation>
    </message>
    <message>
        <source>orphan task</source>
        <translation>고아 작업</translation>
    </message>
    <message>
        <source>child error discarded</source>
        <translation>자식 에러 버려짐</translation>
    </message>
    <message>
        <source>suspended in a cancelled finally</source>
        <translation>취소된 finally에서 일시 중단</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>%1의 변경 내용을 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>UserAction</name>
    <message>
        <source>Swift has no built-in timeout; race the work against Task.sleep in a task group</source>
        <translation>Swift에는 내장 타임아웃이 없습니다. 태스크 그룹에서 작업과 Task.sleep을 경주시키세요</translation>
    </message>
    <message>
        <source>Swift has no shield; escape with Task.detached</source>
        <translation>Swift에는 실드가 없습니다. Task.detached로 벗어나세요</translation>
    </message>
</context>
<context>
    <name>WhyPanel</name>
    <message>
        <source>Why was it cancelled?</source>
        <translation>왜 취소되었나?</translation>
    </message>
    <message>
        <source>Why did it fail?</source>
        <translation>왜 실패했나?</translation>
    </message>
    <message>
        <source>Why did a cancel not stop it?</source>
        <translation>왜 취소가 이 작업을 멈추지 못했나?</translation>
    </message>
    <message>
        <source>Its cancellation so far</source>
        <translation>지금까지의 취소 경과</translation>
    </message>
    <message>
        <source>%1 ms · %2: %3</source>
        <translation>%1ms · %2: %3</translation>
    </message>
    <message>
        <source>%1 (event #%2)
Click: select it and go back to this moment</source>
        <translation>%1 (이벤트 #%2)
클릭: 이 작업을 선택하고 이 순간으로 돌아감</translation>
    </message>
</context>
<context>
    <name>cascade::Autosave</name>
    <message>
        <source>the autosave directory cannot change while the app runs</source>
        <translation>앱이 실행 중일 때는 자동 저장 폴더를 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>cannot autosave: cannot make the folder %1</source>
        <translation>자동 저장할 수 없습니다: 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>the autosave from the last run cannot be restored: %1</source>
        <translation>지난 실행의 자동 저장을 복원할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot autosave: %1</source>
        <translation>자동 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot autosave to %1: %2</source>
        <translation>%1에 자동 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (사본)</translation>
    </message>
    <message>
        <source>an untitled scenario</source>
        <translation>제목 없는 시나리오</translation>
    </message>
    <message>
        <source>%1, with unsaved edits</source>
        <translation>저장하지 않은 편집이 있는 %1</translation>
    </message>
    <message>
        <source>; its run at t = %1 ms (%2 events shown)</source>
        <translation>; 그 실행은 t = %1 ms (이벤트 %2개 표시)</translation>
    </message>
    <message>
        <source>cannot restore the run: %1</source>
        <translation>실행을 복원할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>cascade::CauseChainModel</name>
    <message>
        <source>Timed out: cancelled at %1 ms. Why:</source>
        <translation>타임아웃: %1ms에 취소되었습니다. 이유:</translation>
    </message>
    <message>
        <source>Cancelled at %1 ms. Why:</source>
        <translation>%1ms에 취소되었습니다. 이유:</translation>
    </message>
    <message>
        <source>Timed out: failed with %2 at %1 ms. Why:</source>
        <translation>타임아웃: %1ms에 %2(으)로 실패했습니다. 이유:</translation>
    </message>
    <message>
        <source>Failed with %2 at %1 ms. Why:</source>
        <translation>%1ms에 %2(으)로 실패했습니다. 이유:</translation>
    </message>
    <message>
        <source>Failed at %1 ms. Why:</source>
        <translation>%1ms에 실패했습니다. 이유:</translation>
    </message>
    <message>
        <source>Not cancelled: it completed at %1 ms, although:</source>
        <translation>취소되지 않았습니다. %1ms에 완료되었지만 그 사이에:</translation>
    </message>
    <message>
        <source>Still running. Its cancellation so far:</source>
        <translation>아직 실행 중입니다. 지금까지의 취소 경과:</translation>
    </message>
    <message>
        <source>The trace shows no cause before the end.</source>
        <translation>트레이스에는 끝나기 전의 원인이 보이지 않습니다.</translation>
    </message>
    <message>
        <source>The cancellation was never delivered: the task reached no check point after the request.</source>
        <translation>취소는 끝내 전달되지 않았습니다. 요청 뒤로 작업이 체크 포인트에 한 번도 이르지 않았습니다.</translation>
    </message>
    <message>
        <source>Not delivered yet: the task has reached no check point since the request.</source>
        <translation>아직 전달되지 않았습니다. 요청 뒤로 작업이 체크 포인트에 이르지 않았습니다.</translation>
    </message>
    <message>
        <source>cancel requested by you (a click or a menu)</source>
        <translation>사용자가 취소를 요청함 (클릭 또는 메뉴)</translation>
    </message>
    <message>
        <source>cancel requested by code in %1 (a cancel step)</source>
        <translation>%1의 코드가 취소를 요청함 (cancel 단계)</translation>
    </message>
    <message>
        <source>cancel requested, passed down from %1</source>
        <translation>%1에서 취소 요청이 내려옴</translation>
    </message>
    <message>
        <source>cancel requested because %1, which was awaiting it, was cancelled</source>
        <translation>이 작업을 기다리던 %1이(가) 취소되어 취소가 요청됨</translation>
    </message>
    <message>
        <source>cancel requested by its own timeout</source>
        <translation>자신의 타임아웃이 취소를 요청함</translation>
    </message>
    <message>
        <source>cancel requested by the timeout of %1</source>
        <translation>%1의 타임아웃이 취소를 요청함</translation>
    </message>
    <message>
        <source>cancel requested because of the failure in %1</source>
        <translation>%1의 실패 때문에 취소가 요청됨</translation>
    </message>
    <message>
        <source>cancel requested by asyncio.run() at shutdown</source>
        <translation>종료할 때 asyncio.run()이 취소를 요청함</translation>
    </message>
    <message>
        <source>your timeout of %1 ms expired</source>
        <translation>사용자가 건 %1ms 타임아웃이 만료됨</translation>
    </message>
    <message>
        <source>its timeout of %1 ms expired</source>
        <translation>%1ms 타임아웃이 만료됨</translation>
    </message>
    <message>
        <source>returned; asyncio.run() then cancels every task still running</source>
        <translation>반환함. 이어서 asyncio.run()이 아직 실행 중인 모든 작업을 취소함</translation>
    </message>
    <message>
        <source>raised %1 (your Fail action)</source>
        <translation>%1을(를) 던짐 (사용자의 실패 동작)</translation>
    </message>
    <message>
        <source>raised %1</source>
        <translation>%1을(를) 던짐</translation>
    </message>
    <message>
        <source>raised %1: %2</source>
        <translation>%1을(를) 던짐: %2</translation>
    </message>
    <message>
        <source>its await of %1 raised %2</source>
        <translation>%1을(를) await하다가 %2이(가) 던져짐</translation>
    </message>
    <message>
        <source>its child %1 ended with %2, which it takes on</source>
        <translation>자식 %1이(가) %2(으)로 끝나 그 에러를 이어받음</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>곧바로</translation>
    </message>
    <message>
        <source>%1 ms after the request</source>
        <translation>요청 %1ms 뒤</translation>
    </message>
    <message>
        <source>cancellation delivered at its check point, %1</source>
        <translation>체크 포인트에서 취소가 전달됨, %1</translation>
    </message>
    <message>
        <source>cancellation delivered in its sleep, %1</source>
        <translation>sleep 중에 취소가 전달됨, %1</translation>
    </message>
    <message>
        <source>cancellation delivered in its await of another task, %1</source>
        <translation>다른 작업을 await하던 중에 취소가 전달됨, %1</translation>
    </message>
    <message>
        <source>cancellation delivered where it tested the cancelled flag, %1</source>
        <translation>취소 표시를 확인한 곳에서 취소가 전달됨, %1</translation>
    </message>
    <message>
        <source>cancellation delivered in its wait for a signal, %1</source>
        <translation>신호를 기다리던 중에 취소가 전달됨, %1</translation>
    </message>
    <message>
        <source>cancellation delivered at %1, %2</source>
        <translation>%1에서 취소가 전달됨, %2</translation>
    </message>
    <message>
        <source>the cancellation left its timeout as %1</source>
        <translation>취소가 타임아웃을 빠져나오며 %1이(가) 됨</translation>
    </message>
    <message>
        <source>caught its cancellation (%1) and did not re-throw it</source>
        <translation>자신의 취소(%1)를 잡고 다시 던지지 않음</translation>
    </message>
    <message>
        <source>caught %1 and did not re-throw it</source>
        <translation>%1을(를) 잡고 다시 던지지 않음</translation>
    </message>
    <message>
        <source>a cancel did not reach it: it is not a child (an unstructured task)</source>
        <translation>취소가 닿지 않음: 자식이 아님 (비구조화 작업)</translation>
    </message>
    <message>
        <source>a cancel from %1 did not reach it: it is not a child (an unstructured task)</source>
        <translation>%1의 취소가 닿지 않음: 자식이 아님 (비구조화 작업)</translation>
    </message>
    <message>
        <source>a cancel stopped here: it runs in NonCancellable</source>
        <translation>취소가 여기서 멈춤: NonCancellable 안에서 실행 중</translation>
    </message>
    <message>
        <source>a cancel from %1 stopped here: it runs in NonCancellable</source>
        <translation>%1의 취소가 여기서 멈춤: NonCancellable 안에서 실행 중</translation>
    </message>
    <message>
        <source>a cancel stopped here: it is shielded</source>
        <translation>취소가 여기서 멈춤: 실드가 걸려 있음</translation>
    </message>
    <message>
        <source>a cancel from %1 stopped here: it is shielded</source>
        <translation>%1의 취소가 여기서 멈춤: 실드가 걸려 있음</translation>
    </message>
    <message>
        <source>ended cancelled before it started: its body never ran</source>
        <translation>시작하기 전에 취소된 채 끝남: 본문이 한 번도 실행되지 않음</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>ended cancelled</source>
        <translation>취소된 채 끝남</translation>
    </message>
    <message>
        <source>ended cancelled (%1)</source>
        <translation>취소된 채 끝남 (%1)</translation>
    </message>
    <message>
        <source>ended failed</source>
        <translation>실패한 채 끝남</translation>
    </message>
    <message>
        <source>ended failed (%1)</source>
        <translation>실패한 채 끝남 (%1)</translation>
    </message>
</context>
<context>
    <name>cascade::CodeViewModel</name>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>No scenario is open.</source>
        <translation>열린 시나리오가 없습니다.</translation>
    </message>
    <message>
        <source>This recording is shown as it was recorded, without the engine: where each task stood is not recorded, so no line is marked.</source>
        <translation>이 녹화는 엔진 없이 녹화된 그대로 보여 줍니다. 각 작업이 있던 위치는 녹화되지 않으므로 표시되는 줄이 없습니다.</translation>
    </message>
    <message>
        <source>This scenario cannot run under %1, so no line is marked.</source>
        <translation>이 시나리오는 %1에서 실행할 수 없으므로 표시되는 줄이 없습니다.</translation>
    </message>
    <message>
        <source>The run is under %1: the marks show where its tasks stand in this %2 version.</source>
        <translation>실행은 %1 기준입니다: 표시는 그 작업들이 이 %2 버전에서 어디에 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>The recording is being replayed to check it; lines are marked once that is done.</source>
        <translation>녹화를 다시 실행해 확인하는 중입니다. 끝나면 줄이 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>cascade::Exporter</name>
    <message>
        <source>nothing to export: no run is shown</source>
        <translation>내보낼 것이 없습니다: 표시된 실행이 없습니다</translation>
    </message>
    <message>
        <source>cannot export the Chrome trace: %1</source>
        <translation>Chrome 트레이스를 내보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot export the Chrome trace to %1: %2</source>
        <translation>Chrome 트레이스를 %1(으)로 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported the Chrome trace of %1 events to %2 (open it in ui.perfetto.dev)</source>
        <translation>이벤트 %1개의 Chrome 트레이스를 %2(으)로 내보냈습니다 (ui.perfetto.dev에서 여세요)</translation>
    </message>
    <message>
        <source>cannot export the picture: %1</source>
        <translation>그림을 내보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot export the picture to %1: %2</source>
        <translation>그림을 %1(으)로 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported the picture at t = %1 ms to %2</source>
        <translation>t = %1 ms의 그림을 %2(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>nothing to export: %1</source>
        <translation>내보낼 것이 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot export the GIF: %1</source>
        <translation>GIF를 내보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot export the GIF to %1: %2</source>
        <translation>GIF를 %1(으)로 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported a GIF of %1 frames (%2 to %3 ms) to %4</source>
        <translation>%1프레임짜리 GIF(%2~%3 ms)를 %4(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>nothing to copy: no run is shown</source>
        <translation>복사할 것이 없습니다: 표시된 실행이 없습니다</translation>
    </message>
    <message>
        <source>Copied a picture of the tree and the timeline at t = %1 ms</source>
        <translation>t = %1 ms의 트리와 타임라인 그림을 복사했습니다</translation>
    </message>
    <message>
        <source>Type a file name</source>
        <translation>파일 이름을 입력하세요</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1은(는) 폴더입니다</translation>
    </message>
    <message>
        <source>The folder %1 does not exist</source>
        <translation>폴더 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to</source>
        <translation>폴더 %1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>cascade::RunComparison</name>
    <message>
        <source>No scenario is open.</source>
        <translation>열린 시나리오가 없습니다.</translation>
    </message>
</context>
<context>
    <name>cascade::ScenarioDocument</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>New scenario: main prints and sleeps. Select a task and add children to it.</source>
        <translation>새 시나리오: main이 출력하고 잠듭니다. 작업을 선택하고 자식을 추가하세요.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (사본)</translation>
    </message>
    <message>
        <source>Lesson %1. Edits make an untitled copy; Save asks where to keep it.</source>
        <translation>레슨 %1. 편집하면 제목 없는 사본이 만들어지고, 저장할 때 위치를 묻습니다.</translation>
    </message>
    <message>
        <source>%1 has no file yet: choose one with Save As</source>
        <translation>%1에는 아직 파일이 없습니다: 다른 이름으로 저장에서 고르세요</translation>
    </message>
    <message>
        <source>cannot save: no file name given</source>
        <translation>저장할 수 없음: 파일 이름이 없습니다</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1을(를) 저장할 수 없음: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2 after %3 of %4 bytes (the old file is unchanged)</source>
        <translation>%1을(를) 저장할 수 없음: %4바이트 중 %3바이트 뒤 %2 (기존 파일은 그대로입니다)</translation>
    </message>
    <message>
        <source>cannot save %1: %2 (the old file is unchanged)</source>
        <translation>%1을(를) 저장할 수 없음: %2 (기존 파일은 그대로입니다)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Enter a file name</source>
        <translation>파일 이름을 입력하세요</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1은(는) 폴더입니다</translation>
    </message>
    <message>
        <source>The folder %1 does not exist</source>
        <translation>폴더 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>Edited: the run starts again at 0 ms; the cancels and failures of the last run are dropped.</source>
        <translation>편집됨: 실행이 0 ms부터 다시 시작되고, 지난 실행의 취소와 실패는 버려집니다.</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%2에 %1 추가</translation>
    </message>
    <message>
        <source>Add unstructured %1 to %2</source>
        <translation>%2에 비구조화 %1 추가</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 삭제</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1의 이름을 %2(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>%1을(를) 위로 이동</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>%1을(를) 아래로 이동</translation>
    </message>
    <message>
        <source>Shield %1</source>
        <translation>%1에 실드</translation>
    </message>
    <message>
        <source>Unshield %1</source>
        <translation>%1의 실드 제거</translation>
    </message>
    <message>
        <source>Timeout of %1 ms on %2</source>
        <translation>%2에 %1 ms 타임아웃</translation>
    </message>
    <message>
        <source>Clear the timeout of %1</source>
        <translation>%1의 타임아웃 지우기</translation>
    </message>
    <message>
        <source>unknown runtime &quot;%1&quot;: expected asyncio, kotlin or swift</source>
        <translation>알 수 없는 런타임 &quot;%1&quot;: asyncio, kotlin, swift 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>Runtimes %1</source>
        <translation>런타임 %1</translation>
    </message>
    <message>
        <source>Default runtime %1</source>
        <translation>기본 런타임 %1</translation>
    </message>
    <message>
        <source>Edit the steps of %1</source>
        <translation>%1의 단계 편집</translation>
    </message>
    <message>
        <source>Select a task first</source>
        <translation>먼저 작업을 선택하세요</translation>
    </message>
    <message>
        <source>cannot open %1: no session to play it</source>
        <translation>%1을(를) 열 수 없습니다: 재생할 세션이 없습니다</translation>
    </message>
</context>
<context>
    <name>cascade::Session</name>
    <message>
        <source>%1: replayed, and the trace is the recorded one (%2 events).</source>
        <translation>%1: 다시 실행했고, 트레이스가 녹화와 같습니다 (이벤트 %2개).</translation>
    </message>
    <message>
        <source>%1 is shown as it was recorded, without actions: this version of Cascade runs it differently. %2</source>
        <translation>%1은(는) 녹화된 그대로, 동작 없이 보여 줍니다: 이 버전의 Cascade는 다르게 실행합니다. %2</translation>
    </message>
    <message>
        <source>%1 is shown as it was recorded, without actions: it cannot run here (%2).</source>
        <translation>%1은(는) 녹화된 그대로, 동작 없이 보여 줍니다: 여기서는 실행할 수 없습니다 (%2).</translation>
    </message>
    <message>
        <source>timeout for %1: the duration must be 1 ms to one year, got %2 ms</source>
        <translation>%1의 타임아웃: 길이는 1 ms부터 1년까지여야 하는데 %2 ms입니다</translation>
    </message>
    <message>
        <source>nothing to record: no scenario is open</source>
        <translation>녹화할 것이 없음: 열린 시나리오가 없습니다</translation>
    </message>
    <message>
        <source>nothing to record: the scenario cannot run under %1</source>
        <translation>녹화할 것이 없음: 시나리오를 %1(으)로 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>this recording is shown as it was recorded: it takes no actions</source>
        <translation>이 녹화는 녹화된 그대로 보여 줍니다: 동작을 받지 않습니다</translation>
    </message>
    <message>
        <source>%1: replaying its %L2 events with this engine to check them; until then it is shown as recorded and takes no actions.</source>
        <translation>%1: 이 엔진으로 이벤트 %L2개를 다시 실행해 확인하는 중입니다. 그동안은 녹화된 그대로 보이며 조작할 수 없습니다.</translation>
    </message>
    <message>
        <source>this recording is still being replayed to check it: actions come once that is done</source>
        <translation>이 녹화는 아직 다시 실행해 확인하는 중입니다. 확인이 끝나면 조작할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>cascade::TaskListModel</name>
    <message>
        <source>%1 ms of CPU work</source>
        <translation>CPU 작업 %1 ms</translation>
    </message>
    <message>
        <source>delivered at %1</source>
        <translation>%1에서 전달됨</translation>
    </message>
</context>
</TS>
