#!/usr/bin/env python3
"""Runs programs that Cascade generated (cascade code --lang python) on CPython's asyncio under
virtual time, and prints what happened to every task as JSON Lines, for tst_fidelity to compare
with the engine's trace. docs/fidelity.md explains what is recorded and why.

    python3 harness.py MANIFEST.json > results.jsonl

The manifest lists the cases: {"cases": [{"name", "module" (a .py file), "root" (the root task's
name), "functions" ({function: {"task": name, "indexed": bool}}), "actions" ([{"at": ms, "kind":
"cancel", "path": "main/job"}])}]}. Each output line is one case: {"name", "events": [...],
"error": null or a message}. An event is {"t", "task", "ev"} plus "cause" (cancel-request),
"outcome" and "error" (end) or "text" (print); "task" is the task's path, with "@N" for the N-th
later task of the same path.

What is real and what is instrumented:
- The programs run unchanged on the real asyncio (Runner, TaskGroup, gather, timeout, wait_for,
  shield, Queue) with the pure-Python Task (asyncio.tasks._PyTask) subclassed to watch its steps.
- The event loop is a SelectorEventLoop whose clock is virtual: select() never sleeps; when nothing
  is ready it moves the clock to the next timer. Timers are kept on whole milliseconds and fire in
  the order they were made when they fall on the same millisecond.
- cpu_work(ms), the program's one CPU-bound function, is replaced by "advance the clock by ms"
  without yielding.
- A user action at time T is handed to the loop as call_soon_threadsafe would from another thread
  at wall time T: at once if the loop is idle, during a step if a task is busy with CPU work then.
- Two places where CPython iterates a set of tasks (TaskGroup's tasks, asyncio.run's shutdown)
  iterate them in creation order instead: one of the orders CPython may produce, the engine's.
"""

import asyncio
import asyncio.runners
import asyncio.taskgroups
import asyncio.tasks
import asyncio.timeouts
import builtins
import importlib.util
import heapq
import inspect
import json
import signal
import sys
import traceback

MAX_ITERATIONS = 2_000_000     # loop iterations per case before it counts as endless
MAX_VIRTUAL_MS = 10 ** 13
WALL_SECONDS_PER_CASE = 20


class CaseAborted(Exception):
    """The case did not finish: deadlock, endless loop, or out of wall-clock time."""


# ---------------------------------------------------------------- the recorder

class Recorder:
    """The events of one case, with the tasks it has seen."""

    def __init__(self, case):
        self.case = case
        self.module_file = None
        self.events = []
        self.sequence = 0          # creation order of tasks
        self.path_counts = {}      # path -> how many tasks had it
        self.by_path = {}          # path -> newest task with it (user actions)
        self.loop = None

    def now(self):
        return self.loop.now_ms if self.loop is not None else 0

    def add(self, task, ev, **fields):
        if getattr(task, "_h_key", None) is None:
            return
        record = {"t": self.now(), "task": task._h_key, "ev": ev}
        record.update(fields)
        self.events.append(record)

    def name_task(self, task, coro):
        """The path of a task made by the generated program, or None for asyncio's own tasks."""
        code = getattr(coro, "cr_code", None)
        if code is None or code.co_filename != self.module_file:
            return None
        function = self.case["functions"].get(code.co_name)
        if function is None:
            return None
        name = function["task"]
        if function.get("indexed"):
            name = "%s[%s]" % (name, coro.cr_frame.f_locals.get("index"))
        creator = asyncio.tasks.current_task(self.loop)
        parent = getattr(creator, "_h_path", None)
        if parent is None:
            return name  # the root: made by asyncio.run
        return parent + "/" + name


RECORDER = None  # the case being run


# ---------------------------------------------------------------- the task

def _raises_cancelled(future):
    if not future.done():
        return False
    if future.cancelled():
        return True
    return isinstance(future.exception(), asyncio.CancelledError)


def _classify_cancel(frame):
    """Who called Task.cancel(): the cause the engine would give the request."""
    code = frame.f_code
    name = code.co_name
    owner = frame.f_locals.get("self")
    if name in ("cancel", "__step") and isinstance(owner, asyncio.tasks._PyTask):
        return "awaiter"       # the task that awaits this one was cancelled
    if name == "cancel" and type(owner).__name__ == "_GatheringFuture":
        return "parent"
    if name == "_abort" and isinstance(owner, asyncio.taskgroups.TaskGroup):
        return "failure" if frame.f_back.f_code.co_name == "_on_task_done" else "parent"
    if name == "_on_task_done" and isinstance(owner, asyncio.taskgroups.TaskGroup):
        return "failure"
    if name == "_on_timeout" and isinstance(owner, asyncio.timeouts.Timeout):
        return "timeout"
    if name == "_cancel_and_wait":
        # wait_for cancels its inner work in three places: at once for timeout <= 0, after its
        # timer released it, and in `except CancelledError` when the waiting task was cancelled.
        caller = frame.f_back
        if caller is not None and caller.f_code is asyncio.tasks.wait_for.__code__:
            return "parent" if caller.f_lineno == _WAIT_FOR_CANCELLED_LINE else "timeout"
        return "unknown:_cancel_and_wait"
    if name == "_cancel_all_tasks":
        return "shutdown"
    if name == "_apply_user_action":
        return "user"
    if RECORDER is not None and code.co_filename == RECORDER.module_file:
        return "code"
    return "unknown:" + name


def _wait_for_cancelled_line():
    """The line of wait_for's `await _cancel_and_wait(...)` inside `except CancelledError`."""
    lines, first = inspect.getsourcelines(asyncio.tasks.wait_for)
    in_except = False
    for offset, line in enumerate(lines):
        if line.strip() == "except exceptions.CancelledError:":
            in_except = True
        if in_except and "await _cancel_and_wait(" in line:
            return first + offset
    raise RuntimeError("asyncio.tasks.wait_for has no _cancel_and_wait in its except CancelledError")


_WAIT_FOR_CANCELLED_LINE = _wait_for_cancelled_line()


class HarnessTask(asyncio.tasks._PyTask):
    """asyncio's own pure-Python Task, watched: start, end, cancel requests and deliveries."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        recorder = RECORDER
        self._h_path = recorder.name_task(self, coro) if recorder is not None else None
        self._h_key = None
        self._h_started = False
        self._h_ended = False
        self._h_pending = False        # a cancel request not delivered yet
        self._h_cancelled_for = []     # futures cancelled on behalf of this task's request
        self._h_sequence = recorder.sequence if recorder is not None else -1
        if recorder is not None:
            recorder.sequence += 1
        if self._h_path is not None:
            count = recorder.path_counts.get(self._h_path, 0)
            recorder.path_counts[self._h_path] = count + 1
            self._h_key = self._h_path if count == 0 else "%s@%d" % (self._h_path, count)
            recorder.by_path[self._h_path] = self
            recorder.add(self, "spawn")
        super().__init__(coro, loop=loop, name=name, context=context)

    def cancel(self, msg=None):
        if not self.done():
            if self._h_key is not None:
                RECORDER.add(self, "cancel-request", cause=_classify_cancel(sys._getframe(1)))
            self._h_pending = True
            if self._fut_waiter is not None:
                self._h_cancelled_for.append(self._fut_waiter)
        return super().cancel(msg)

    def _Task__step(self, exc=None):
        if self.done():
            return super()._Task__step(exc)
        coro = self._coro
        fresh = inspect.getcoroutinestate(coro) == inspect.CORO_CREATED
        must_cancel = self._must_cancel
        if fresh:
            if exc is None and not must_cancel:
                RECORDER.add(self, "start")
                self._h_started = True
        elif must_cancel and self._h_pending:
            self._deliver()
        try:
            return super()._Task__step(exc)
        finally:
            if must_cancel and not self._must_cancel and self._fut_waiter is not None:
                # __step passed the pending cancel on to the future the task now awaits.
                self._h_cancelled_for.append(self._fut_waiter)
            if self.done() and not self._h_ended:
                self._h_ended = True
                self._record_end()

    def _Task__wakeup(self, future):
        if self._h_pending and any(f is future for f in self._h_cancelled_for) and _raises_cancelled(future):
            if inspect.getcoroutinestate(self._coro) != inspect.CORO_CREATED:
                self._deliver()
        self._h_cancelled_for = [f for f in self._h_cancelled_for if f is not future]
        return super()._Task__wakeup(future)

    def _deliver(self):
        self._h_pending = False
        self._h_cancelled_for = []
        RECORDER.add(self, "cancel-deliver")

    def _record_end(self):
        if self.cancelled():
            RECORDER.add(self, "end", outcome="cancelled", error="CancelledError")
            return
        error = self.exception()
        if error is None:
            RECORDER.add(self, "end", outcome="completed")
        else:
            RECORDER.add(self, "end", outcome="failed", error=type(error).__name__)


def _task_factory(loop, coro, context=None):
    return HarnessTask(coro, loop=loop, context=context)


# ---------------------------------------------------------------- virtual time

class TimerHandle(asyncio.TimerHandle):
    """Ordered by (when, creation order): timers on the same millisecond fire in the order made."""

    __slots__ = ("_h_order",)

    def __lt__(self, other):
        return (self._when, self._h_order) < (other._when, other._h_order)


class VirtualSelector:
    """The real selector (the loop's self-pipe is registered there), polled without waiting."""

    def __init__(self, real, loop):
        self._real = real
        self._loop = loop

    def select(self, timeout=None):
        if timeout is None or timeout > 0:
            self._loop.idle()
        return self._real.select(0)

    def __getattr__(self, name):
        return getattr(self._real, name)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self, actions):
        super().__init__()
        self._selector = VirtualSelector(self._selector, self)
        self.now_ms = 0
        self._timer_order = 0
        self._actions = sorted(actions, key=lambda a: a["at"])  # stable: equal times keep their order
        self._iterations = 0
        self.set_task_factory(_task_factory)

    def time(self):
        return self.now_ms / 1000

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        when = round(when * 1000) / 1000
        timer = TimerHandle(when, callback, args, self, context)
        timer._h_order = self._timer_order
        self._timer_order += 1
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _run_once(self):
        self._iterations += 1
        if self._iterations > MAX_ITERATIONS:
            raise CaseAborted("more than %d loop iterations: the program does not end" % MAX_ITERATIONS)
        super()._run_once()

    def advance(self, ms):
        """CPU work: the clock moves on; actions that fall due meanwhile are handed in as they come
        (one due when the work ends comes after it, as the engine has it: after what is due then)."""
        end = self.now_ms + ms
        while self._actions and self._actions[0]["at"] < end:
            action = self._actions.pop(0)
            self.now_ms = max(self.now_ms, action["at"])
            self.call_soon(_apply_user_action, action)
        self.now_ms = end

    def idle(self):
        """Nothing is ready: hand in the due actions, or move the clock to the next timer or action."""
        if self._actions and self._actions[0]["at"] <= self.now_ms:
            self._hand_in_due()
            return
        next_timer = None
        while self._scheduled and self._scheduled[0]._cancelled:
            heapq.heappop(self._scheduled)._scheduled = False
            self._timer_cancelled_count = max(0, self._timer_cancelled_count - 1)
        if self._scheduled:
            next_timer = round(self._scheduled[0]._when * 1000)
        next_action = self._actions[0]["at"] if self._actions else None
        if next_action is not None and (next_timer is None or next_action < next_timer):
            self.now_ms = max(self.now_ms, next_action)
            self._hand_in_due()
        elif next_timer is not None:
            self.now_ms = max(self.now_ms, next_timer)
        else:
            raise CaseAborted("deadlock: no task is ready and no timer is set")
        if self.now_ms > MAX_VIRTUAL_MS:
            raise CaseAborted("the virtual clock passed %d ms" % MAX_VIRTUAL_MS)

    def _hand_in_due(self):
        while self._actions and self._actions[0]["at"] <= self.now_ms:
            self.call_soon(_apply_user_action, self._actions.pop(0))


def _apply_user_action(action):
    task = RECORDER.by_path.get(action["path"])
    if task is None or task.done():
        return  # the engine says action-ignored; nothing to compare
    if action["kind"] == "cancel":
        task.cancel()


# ---------------------------------------------------------------- determinism of set iteration

class _OrderedTaskSet:
    """A set of tasks that iterates in insertion order (TaskGroup._tasks)."""

    def __init__(self):
        self._items = {}

    def add(self, task):
        self._items[task] = None

    def discard(self, task):
        self._items.pop(task, None)

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)


_original_taskgroup_init = asyncio.taskgroups.TaskGroup.__init__


def _taskgroup_init(self):
    _original_taskgroup_init(self)
    self._tasks = _OrderedTaskSet()


_original_all_tasks = asyncio.tasks.all_tasks


def _all_tasks_in_creation_order(loop=None):
    return sorted(_original_all_tasks(loop), key=lambda t: getattr(t, "_h_sequence", -1))


asyncio.taskgroups.TaskGroup.__init__ = _taskgroup_init
asyncio.tasks.all_tasks = _all_tasks_in_creation_order


# ---------------------------------------------------------------- running a case

def _on_alarm(signum, frame):
    raise CaseAborted("more than %d s of wall-clock time" % WALL_SECONDS_PER_CASE)


def run_case(case, index):
    global RECORDER
    recorder = Recorder(case)
    RECORDER = recorder
    spec = importlib.util.spec_from_file_location("cascade_case_%d" % index, case["module"])
    module = importlib.util.module_from_spec(spec)
    recorder.module_file = case["module"]
    error = None
    loop_holder = {}

    def make_loop():
        loop = VirtualLoop(case.get("actions", []))
        recorder.loop = loop
        loop_holder["loop"] = loop
        return loop

    def record_print(*args, sep=" ", end="\n", file=None, flush=False):
        task = asyncio.tasks.current_task(recorder.loop) if recorder.loop is not None else None
        if task is not None:
            recorder.add(task, "print", text=sep.join(str(a) for a in args))

    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(WALL_SECONDS_PER_CASE)
    try:
        spec.loader.exec_module(module)
        module.print = record_print
        if hasattr(module, "cpu_work"):
            module.cpu_work = lambda ms: recorder.loop.advance(ms)
        main = getattr(module, case["main"])
        with asyncio.Runner(loop_factory=make_loop) as runner:
            try:
                runner.run(main())
            except (Exception, asyncio.CancelledError):
                pass  # main's own end is in the events
    except CaseAborted as aborted:
        error = str(aborted)
    except BaseException:
        error = "harness error: " + traceback.format_exc(limit=8)
    finally:
        signal.alarm(0)
        RECORDER = None
    return {"name": case["name"], "events": recorder.events, "error": error}


def main(argv):
    if len(argv) != 2:
        print("usage: harness.py MANIFEST.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    out = sys.stdout
    for index, case in enumerate(manifest["cases"]):
        result = run_case(case, index)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
