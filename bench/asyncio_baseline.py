#!/usr/bin/env python3
"""The CPython asyncio program that bench/engine_bench.cpp simulates, timed the same way.

A TaskGroup of N tasks, each awaiting asyncio.sleep(1000). The group runs in a task `runner`;
main yields until every child has taken its first step (spawn phase), then cancels `runner` and
awaits it (cancel phase: the cancellation reaches every child, each unwinds, the group exits).

Prints `key: value` lines (read by bench/engine-vs-asyncio.sh); exits 1 if the run did not do
the work (not every task started, or not every task was cancelled).
"""

import argparse
import asyncio
import gc
import statistics
import sys
import time
import tracemalloc


class Counters:
    def __init__(self):
        self.started = 0
        self.cancelled = 0


async def sleeper(counters):
    counters.started += 1
    try:
        await asyncio.sleep(1000)
    except asyncio.CancelledError:
        counters.cancelled += 1
        raise


async def group(n, counters):
    async with asyncio.TaskGroup() as tg:
        for _ in range(n):
            tg.create_task(sleeper(counters))


async def one_run(n, peak_hook=None):
    """Returns (spawn_ns, cancel_ns)."""
    counters = Counters()
    t0 = time.perf_counter_ns()
    runner = asyncio.create_task(group(n, counters))
    # The first yield runs `runner` (it creates the N tasks); the next one runs their first steps.
    await asyncio.sleep(0)
    yields = 1
    while counters.started < n and yields < 10:
        await asyncio.sleep(0)
        yields += 1
    t1 = time.perf_counter_ns()
    if counters.started != n:
        raise SystemExit(f"asyncio_baseline: error: only {counters.started} of {n} tasks started")
    if peak_hook:
        peak_hook()

    t2 = time.perf_counter_ns()
    runner.cancel()
    try:
        await runner
    except asyncio.CancelledError:
        pass
    t3 = time.perf_counter_ns()
    if not runner.cancelled() or counters.cancelled != n:
        raise SystemExit(f"asyncio_baseline: error: {counters.cancelled} of {n} tasks were cancelled, "
                         f"runner cancelled: {runner.cancelled()}")
    return t1 - t0, t3 - t2


def memory_per_task(n):
    """Python heap bytes per task at the peak (all tasks suspended), by tracemalloc."""
    result = {}

    async def run():
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        result["base"] = base

        def at_peak():
            result["peak"] = tracemalloc.get_traced_memory()[0]

        await one_run(n, at_peak)
        tracemalloc.stop()

    asyncio.run(run())
    return (result["peak"] - result["base"]) // n


def timed_runs(n, repeat):
    spawn, cancel, total = [], [], []
    for _ in range(repeat):
        gc.collect()
        s, c = asyncio.run(one_run(n))
        spawn.append(s)
        cancel.append(c)
        total.append(s + c)
    return spawn, cancel, total


def report(prefix, runs, n):
    spawn, cancel, total = runs
    print(f"{prefix}_spawn_ns_per_task: {statistics.median(spawn) / n:.1f}")
    print(f"{prefix}_cancel_ns_per_task: {statistics.median(cancel) / n:.1f}")
    print(f"{prefix}_total_ns_per_task: {statistics.median(total) / n:.1f}")
    print(f"{prefix}_total_ms: {statistics.median(total) / 1e6:.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", "-n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--gc-off-too", action="store_true",
                        help="also time the runs with the cyclic garbage collector disabled")
    args = parser.parse_args()
    n = args.tasks
    if n < 1 or args.repeat < 1:
        parser.error("--tasks and --repeat must be at least 1")

    print(f"asyncio_python: {sys.version.split()[0]} ({sys.executable})")
    print(f"asyncio_tasks: {n}")
    print(f"asyncio_repeat: {args.repeat}")
    # As a program runs by default: the cyclic GC on (it walks the live tasks as they pile up).
    report("asyncio", timed_runs(n, args.repeat), n)
    if args.gc_off_too:
        gc.disable()
        try:
            report("asyncio_gc_off", timed_runs(n, args.repeat), n)
        finally:
            gc.enable()
    if not args.no_memory:
        print(f"asyncio_bytes_per_task: {memory_per_task(n)}  (tracemalloc, Python heap only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
