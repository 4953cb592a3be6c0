// The words of the warnings: a one-line summary with the task's figures and a paragraph for each
// kind and runtime, in English and Korean. Teaching text stays data here, not UI strings: the
// Korean follows the lesson articles' terms (취소 요청, 협조적 취소, 체크 포인트, 고아 코루틴).
#include "warnings.h"

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

LocalizedText filled(LocalizedText text, const QStringList &figures)
{
    for (qsizetype i = 0; i < figures.size(); ++i) {
        const QString marker = u'%' + QString::number(i + 1);
        text.en.replace(marker, figures.at(i));
        text.ko.replace(marker, figures.at(i));
    }
    return text;
}

} // namespace

LocalizedText warningSummary(WarningKind kind, Runtime runtime, const QStringList &figures)
{
    switch (kind) {
    case WarningKind::SwallowedCancellation:
        // %1 task, %2 error, %3 time
        return filled({u"%1 caught its own cancellation (%2) at %3 ms and did not re-throw it"_s,
                       u"%1: %3ms에 자신에게 전달된 취소(%2)를 잡고 다시 던지지 않았습니다"_s},
                      figures);
    case WarningKind::UndeliveredCancel:
        // %1 task, %2 time of the request, %3 CPU ms
        return filled({u"%1: cancel requested at %2 ms, still not delivered after %3 ms of CPU work without a "
                       "check point"_s,
                       u"%1: %2ms에 취소가 요청됐지만, 체크 포인트 없는 CPU 작업이 %3ms 이어지는 동안 전달되지 "
                       "않았습니다"_s},
                      figures);
    case WarningKind::OrphanTask:
        // %1 task, %2 the task that made it, %3 time
        return filled({u"%1 is still running after %2, the task that started it, ended at %3 ms"_s,
                       u"%1: 자신을 시작한 %2 작업이 %3ms에 끝난 뒤에도 계속 실행 중입니다"_s},
                      figures);
    case WarningKind::DiscardedChildError:
        // %1 child, %2 error, %3 parent
        return filled({u"the error %2 of %1 was discarded: %3 never received it by awaiting it"_s,
                       u"%1에서 난 에러 %2는 버려졌습니다: 부모 %3 쪽에서 await로 이 에러를 받지 않았습니다"_s},
                      figures);
    case WarningKind::SuspendInCancelledFinally:
        // %1 task, %2 the suspending call, %3 time
        return filled({u"%1: a suspending call (%2) in finally threw CancellationException at once, at %3 ms: "
                       "the coroutine is cancelled"_s,
                       u"%1: %3ms, 취소된 코루틴의 finally 안에서 부른 일시 중단 함수(%2)가 곧바로 "
                       "CancellationException을 던졌습니다"_s},
                      figures);
    }
    Q_UNUSED(runtime)
    return {};
}

LocalizedText warningExplanation(WarningKind kind, Runtime runtime)
{
    switch (kind) {
    case WarningKind::SwallowedCancellation:
        switch (runtime) {
        case Runtime::Asyncio:
            return {u"In asyncio, task.cancel() is delivered as a CancelledError raised at the await where the task "
                    "waits. Catching it and not raising it again cancels the cancellation: the task carries on as if "
                    "nothing had happened and may even return a value, so whoever cancelled it (a TaskGroup, "
                    "asyncio.timeout, wait_for, gather) cannot tell that it happened, and a timeout then raises no "
                    "TimeoutError. Put cleanup in finally, or end the except block with a bare raise."_s,
                    u"asyncio에서 task.cancel()은 태스크가 기다리던 await 자리에서 CancelledError로 전달된다. 이 "
                    "예외를 잡고 다시 던지지 않으면 취소 자체가 없던 일이 된다. 태스크는 아무 일 없었다는 듯 계속 "
                    "진행하고 값을 돌려줄 수도 있어서, 취소를 건 쪽(TaskGroup, asyncio.timeout, wait_for, gather)은 "
                    "취소가 있었다는 사실을 알 수 없고, 타임아웃도 TimeoutError를 내지 못한다. 정리 코드는 finally에 "
                    "두거나, except 블록 끝에서 raise로 다시 던지자."_s};
        case Runtime::Kotlin:
            return {u"In Kotlin a cancelled coroutine gets a CancellationException at its suspension points, and "
                    "catch (e: Exception) catches it too. Swallowing it does not make the job active again: it stays "
                    "cancelled, so every later delay, join or other suspending call throws again at once, and a loop "
                    "around the try races through its remaining turns instead of stopping. Catch narrower exceptions, "
                    "or rethrow CancellationException (catch (e: CancellationException) { throw e } before the general "
                    "catch), and clean up in finally."_s,
                    u"코틀린에서 취소된 코루틴은 일시 중단 지점에서 CancellationException을 받는데, catch (e: Exception)은 "
                    "이것까지 잡아 버린다. 예외를 삼켜도 job이 다시 활성 상태가 되지는 않는다. job은 여전히 취소 "
                    "상태라서 이후의 delay나 join 같은 일시 중단 함수는 모두 곧바로 다시 예외를 던지고, try를 감싼 "
                    "반복문은 멈추지 않고 남은 반복을 순식간에 지나가 버린다. 더 좁은 예외만 잡거나, 일반 catch 앞에 "
                    "catch (e: CancellationException) { throw e }를 두어 다시 던지고, 정리는 finally에서 하자."_s};
        case Runtime::Swift:
            return {u"In Swift a plain catch also catches CancellationError. The task's cancelled flag stays set, so "
                    "the next Task.sleep or Task.checkCancellation() throws again, but the code between the catch and "
                    "that next check runs as if the task had not been cancelled, and a function that returns normally "
                    "hides the cancellation from its caller. Catch specific errors, or rethrow when the error is a "
                    "CancellationError, and put cleanup in defer."_s,
                    u"Swift에서는 그냥 catch만 써도 CancellationError까지 잡힌다. 작업의 취소 표시는 그대로 남아 있어서 "
                    "다음 Task.sleep이나 Task.checkCancellation()은 다시 에러를 던지지만, catch부터 그 검사까지의 "
                    "코드는 취소되지 않은 것처럼 실행되고, 함수가 정상적으로 반환하면 호출한 쪽은 취소가 있었다는 "
                    "것을 알 수 없다. 특정 에러만 잡거나 CancellationError일 때는 다시 던지고, 정리 코드는 defer에 "
                    "두자."_s};
        }
        break;
    case WarningKind::UndeliveredCancel:
        switch (runtime) {
        case Runtime::Asyncio:
            return {u"A cancel is only a request: asyncio raises CancelledError at the task's next await. This task "
                    "keeps running CPU work without awaiting, so the request waits, and on asyncio's single thread "
                    "nothing else runs meanwhile either: no other task, no timer. Break long CPU work into pieces with "
                    "await asyncio.sleep(0) between them, or run it in a thread or a process with asyncio.to_thread or "
                    "run_in_executor."_s,
                    u"취소는 요청일 뿐이고, asyncio는 태스크의 다음 await 지점에서 CancelledError를 일으킨다. 이 "
                    "태스크는 await 없이 CPU 작업을 계속하고 있어 취소 요청이 전달되지 못한 채 기다리고, 스레드가 "
                    "하나뿐인 asyncio에서는 그동안 다른 태스크도 타이머도 돌지 못한다. 긴 CPU 작업은 조각으로 나누어 "
                    "사이사이에 await asyncio.sleep(0)을 넣거나, asyncio.to_thread나 run_in_executor로 다른 스레드나 "
                    "프로세스에서 돌리자."_s};
        case Runtime::Kotlin:
            return {u"Cancellation is cooperative: job.cancel() only marks the job as cancelling, and the "
                    "CancellationException is thrown when the coroutine reaches a suspending function or a check. A "
                    "loop of plain CPU work never gets there, so it runs on to its end although it was cancelled long "
                    "ago, and cancelAndJoin waits for all of it. Check isActive in the loop condition, or call "
                    "ensureActive() or yield() between pieces of work."_s,
                    u"취소는 협조적이다. job.cancel()은 job을 취소 중 상태로 표시할 뿐이고, CancellationException은 "
                    "코루틴이 일시 중단 함수나 취소 확인 지점에 닿았을 때 발생한다. 순수한 CPU 연산 루프는 그런 지점을 "
                    "만나지 않으므로 오래전에 취소됐는데도 끝까지 실행되고, cancelAndJoin도 그 끝을 기다린다. 루프 "
                    "조건에서 isActive를 확인하거나, 작업 사이사이에 ensureActive()나 yield()를 호출하자."_s};
        case Runtime::Swift:
            return {u"task.cancel() only sets the cancelled flag; Swift never stops a task by itself. This task does "
                    "CPU work without looking at the flag, so it runs on as if nothing had happened. Call try "
                    "Task.checkCancellation() (or test Task.isCancelled) before each unit of work and inside long "
                    "loops, so that the cancel takes effect at the next check point."_s,
                    u"task.cancel()은 취소 표시만 설정할 뿐이고, Swift는 작업을 스스로 멈추지 않는다. 이 작업은 취소 "
                    "표시를 확인하지 않고 CPU 작업을 계속하므로 아무 일 없었다는 듯 진행된다. 각 작업 단위 앞과 긴 "
                    "반복문 안에서 try Task.checkCancellation()을 호출하거나 Task.isCancelled를 확인해서, 다음 체크 "
                    "포인트에서 취소가 효과를 내도록 하자."_s};
        }
        break;
    case WarningKind::OrphanTask:
        switch (runtime) {
        case Runtime::Asyncio:
            return {u"A task made with asyncio.create_task outside a TaskGroup is not a child of the task that made "
                    "it: that task's end or cancellation does not touch it, so it runs on with nobody responsible for "
                    "it. Its errors go unnoticed unless someone awaits it, and when main returns, asyncio.run() cancels "
                    "it wherever it is. Create it in an async with asyncio.TaskGroup() block, or keep the handle and "
                    "await or cancel it before the creator ends."_s,
                    u"TaskGroup 밖에서 asyncio.create_task로 만든 태스크는 그것을 만든 태스크의 자식이 아니다. 만든 "
                    "쪽이 끝나거나 취소되어도 영향이 없어서, 책임지는 곳 없이 계속 실행된다. 누군가 await하지 않으면 "
                    "에러도 알아차릴 수 없고, main이 끝나면 asyncio.run()이 하던 일과 상관없이 취소해 버린다. async "
                    "with asyncio.TaskGroup() 블록 안에서 만들거나, 핸들을 보관해 두었다가 만든 태스크가 끝나기 전에 "
                    "await하거나 취소하자."_s};
        case Runtime::Kotlin:
            return {u"GlobalScope.launch (or a launch in a scope of its own) makes a coroutine that is not a child of "
                    "the caller. Structured concurrency does not apply: the caller's end or cancellation leaves it "
                    "running, an orphan coroutine that nobody waits for. Launch it in the caller's scope "
                    "(coroutineScope { launch { } }) so that the parent waits for it and cancels it along with itself, "
                    "or keep its Job and cancel or join it."_s,
                    u"GlobalScope.launch(또는 별도 스코프에서의 launch)로 만든 코루틴은 호출한 쪽의 자식이 아니다. "
                    "구조화된 동시성이 적용되지 않으므로 호출한 쪽이 끝나거나 취소되어도 계속 실행되는, 아무도 기다려 "
                    "주지 않는 고아 코루틴이 된다. 호출한 쪽의 스코프 안에서(coroutineScope { launch { } }) 실행해 "
                    "부모가 기다리고 함께 취소하도록 하거나, Job을 보관해 두었다가 취소하거나 join하자."_s};
        case Runtime::Swift:
            return {u"Task { } and Task.detached { } make unstructured tasks: they are not children of the code that "
                    "made them, so its end or cancellation never reaches them. This one keeps running, and keeps its "
                    "resources, after its creator is gone. Use async let or a task group when the work belongs to the "
                    "caller, or keep the Task handle and cancel or await it."_s,
                    u"Task { }와 Task.detached { }는 구조화되지 않은 작업을 만든다. 만든 코드의 자식이 아니므로 그 "
                    "코드가 끝나거나 취소되어도 전파되지 않는다. 이 작업은 만든 쪽이 사라진 뒤에도 자원을 붙든 채 계속 "
                    "실행된다. 호출한 쪽에 속한 작업이라면 async let이나 태스크 그룹을 쓰고, 그렇지 않다면 Task 핸들을 "
                    "보관해 두었다가 취소하거나 await하자."_s};
        }
        break;
    case WarningKind::DiscardedChildError:
        return {u"In Swift a child task's error reaches its parent only when the parent awaits that child: try await "
                "on an async let, or next() / for try await on a task group. A child that fails after the parent has "
                "already left with another error, or that the parent never awaits, is still awaited when the scope "
                "ends, but its error is thrown away and nobody ever sees it. Await every async let you start, and "
                "collect a group's results with for try await when their errors matter."_s,
                u"Swift에서 자식 작업의 에러는 부모가 그 자식을 await할 때만 부모에게 전달된다. async let에 대한 try "
                "await, 태스크 그룹의 next()나 for try await가 그 지점이다. 부모가 이미 다른 에러로 빠져나간 뒤에 "
                "실패한 자식이나, 부모가 끝내 await하지 않은 자식은 스코프가 끝날 때 기다려지기는 하지만, 그 에러는 "
                "버려져 아무도 보지 못한다. 시작한 async let은 모두 await하고, 에러가 중요하다면 그룹의 결과를 for "
                "try await로 모으자."_s};
    case WarningKind::SuspendInCancelledFinally:
        return {u"A cancelled coroutine stays cancelled while its finally block runs, so every suspending function "
                "called there (delay, join, a channel's send...) throws CancellationException at once instead of "
                "doing its work, and the rest of the cleanup is skipped. Keep finally to cleanup that does not "
                "suspend, or wrap the suspending part in withContext(NonCancellable) { ... }."_s,
                u"취소된 코루틴은 finally 블록을 실행하는 동안에도 취소 상태이므로, 그 안에서 부른 일시 중단 "
                "함수(delay, join, 채널의 send 등)는 할 일을 하지 않고 곧바로 CancellationException을 던지고, 나머지 "
                "정리 코드는 건너뛰게 된다. finally에는 일시 중단하지 않는 정리만 두거나, 일시 중단이 필요한 부분을 "
                "withContext(NonCancellable) { ... }로 감싸자."_s};
    }
    return {};
}

} // namespace cascade
