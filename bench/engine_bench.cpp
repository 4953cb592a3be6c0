// engine_bench: how much one task costs the engine, in time and memory.
//
// The scenario is built in code: root "main" runs a strict group of N tasks "t[i]", each sleeping
// 1,000,000 ms; the user cancels "main" at t = 1 ms. Phase 1 (spawn) is runUntil(0): every task is
// created, started and suspended in its sleep. Phase 2 (cancel) is runToEnd(): the cancel travels
// down to every task, each unwinds and ends, then the group and main end. The trace is not stored
// (keepEvents = false) but every event is still produced and handed to a listener that counts it.
//
// Memory is measured in a separate first run: malloc's in-use bytes (mallinfo2) at the peak,
// when all tasks are alive and suspended, minus the bytes in use before the run, divided by N.
// This file also replaces operator new/delete and malloc/calloc/realloc to count allocations (the
// histogram of sizes is only kept in the memory run; the timed runs pay two increments per call).
//
// Output: `key: value` lines (read by bench/engine-vs-asyncio.sh). Exit status 1 when the run did
// not do the work it claims (too few events, tasks not all started / ended, root not cancelled).

#include "engine.h"
#include "engineimpl.h"  // only for sizeof() in the memory breakdown

#include <QFile>

#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

// ---------------------------------------------------------------- allocation counting
//
// operator new (std containers, coroutine frames) and malloc/calloc/realloc (Qt's strings and
// containers) are replaced here to count calls, requested bytes and, when asked, sizes. Both end
// in glibc's allocator (__libc_malloc...), so mallinfo2() still sees everything. Not in sanitizer
// builds (dev-asan), whose runtime owns malloc: there the counts stay 0 and are not printed.

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CASCADE_BENCH_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define CASCADE_BENCH_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef CASCADE_BENCH_COUNT_ALLOCATIONS
#define CASCADE_BENCH_COUNT_ALLOCATIONS 1
#endif

#if CASCADE_BENCH_COUNT_ALLOCATIONS
extern "C" {
void *__libc_malloc(std::size_t size);
void *__libc_calloc(std::size_t count, std::size_t size);
void *__libc_realloc(void *p, std::size_t size);
void *__libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void *p);
}

#endif

namespace {

struct AllocCounter {
    unsigned long long calls = 0;
    unsigned long long bytes = 0;  // requested, cumulative
};

struct AllocStats {
    AllocCounter cppNew;  // operator new
    AllocCounter cMalloc; // malloc, calloc, realloc
};

constexpr std::size_t HistogramSizes = 4096;  // sizes 0..4095 one by one; larger ones in the last slot
using Histogram = std::array<unsigned long long, HistogramSizes + 1>;

AllocStats g_alloc;
bool g_histogramOn = false;
Histogram g_newHistogram{};
Histogram g_mallocHistogram{};

} // namespace

#if CASCADE_BENCH_COUNT_ALLOCATIONS
namespace {

inline void count(AllocCounter &counter, Histogram &histogram, std::size_t size) noexcept
{
    ++counter.calls;
    counter.bytes += size;
    if (g_histogramOn)
        ++histogram[std::min(size, HistogramSizes)];
}

void *countedNew(std::size_t size)
{
    count(g_alloc.cppNew, g_newHistogram, size);
    if (void *p = __libc_malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}

void *countedAlignedNew(std::size_t size, std::align_val_t align)
{
    count(g_alloc.cppNew, g_newHistogram, size);
    if (void *p = __libc_memalign(static_cast<std::size_t>(align), size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}

} // namespace

extern "C" void *malloc(std::size_t size) noexcept
{
    count(g_alloc.cMalloc, g_mallocHistogram, size);
    return __libc_malloc(size);
}

extern "C" void *calloc(std::size_t n, std::size_t size) noexcept
{
    count(g_alloc.cMalloc, g_mallocHistogram, n * size);
    return __libc_calloc(n, size);
}

extern "C" void *realloc(void *p, std::size_t size) noexcept
{
    count(g_alloc.cMalloc, g_mallocHistogram, size);
    return __libc_realloc(p, size);
}

void *operator new(std::size_t size) { return countedNew(size); }
void *operator new[](std::size_t size) { return countedNew(size); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    try {
        return countedNew(size);
    } catch (...) {
        return nullptr;
    }
}
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept
{
    try {
        return countedNew(size);
    } catch (...) {
        return nullptr;
    }
}
void *operator new(std::size_t size, std::align_val_t align) { return countedAlignedNew(size, align); }
void *operator new[](std::size_t size, std::align_val_t align) { return countedAlignedNew(size, align); }
void operator delete(void *p) noexcept { __libc_free(p); }
void operator delete[](void *p) noexcept { __libc_free(p); }
void operator delete(void *p, std::size_t) noexcept { __libc_free(p); }
void operator delete[](void *p, std::size_t) noexcept { __libc_free(p); }
void operator delete(void *p, std::align_val_t) noexcept { __libc_free(p); }
void operator delete[](void *p, std::align_val_t) noexcept { __libc_free(p); }
void operator delete(void *p, std::size_t, std::align_val_t) noexcept { __libc_free(p); }
void operator delete[](void *p, std::size_t, std::align_val_t) noexcept { __libc_free(p); }
#endif

// ---------------------------------------------------------------- the benchmark

namespace {

using namespace cascade;
using Clock = std::chrono::steady_clock;

struct Config {
    int tasks = 100'000;
    int repeat = 5;
    Runtime runtime = Runtime::Asyncio;
};

//! What the listener saw.
struct Counts {
    qint64 events = 0;
    qint64 starts = 0;
    qint64 suspends = 0;
    qint64 ends = 0;
    qint64 cancelledEnds = 0;
    EventKind rootLast = EventKind::Start;
    quint8 rootLastCode = 0;
};

struct RunResult {
    qint64 spawnNs = 0;
    qint64 cancelNs = 0;
    qint64 teardownNs = 0;
    Counts afterSpawn;
    Counts atEnd;
};

Scenario makeScenario(int tasks)
{
    Step sleep;
    sleep.kind = StepKind::Sleep;
    sleep.ms = 1'000'000;

    TaskSpec child;
    child.name = QStringLiteral("t");
    child.count = tasks;
    child.body.push_back(sleep);

    Step group;
    group.kind = StepKind::Group;
    group.groupKind = GroupKind::Strict;
    group.tasks.push_back(child);

    Scenario scenario;
    scenario.id = QStringLiteral("bench-group-cancel");
    scenario.runtimes = {Runtime::Asyncio, Runtime::Kotlin, Runtime::Swift};
    scenario.root.name = QStringLiteral("main");
    scenario.root.body.push_back(group);
    return scenario;
}

qint64 nsSince(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(to - from).count();
}

//! Bytes malloc has handed out and not had back: arena chunks plus mmapped blocks (big vectors).
long long mallocInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<long long>(info.uordblks) + static_cast<long long>(info.hblkhd);
}

//! A field of /proc/self/status in bytes ("VmHWM", "VmRSS"), -1 when unreadable.
long long procStatusBytes(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(key)) {
            const QByteArray value = line.mid(key.size()).trimmed();  // "123456 kB"
            return value.left(value.indexOf(' ')).toLongLong() * 1024;
        }
    }
    return -1;
}

bool fail(const char *what)
{
    std::fprintf(stderr, "engine_bench: error: %s\n", what);
    return false;
}

//! Checks that the run did what it claims; prints what is wrong and returns false if not.
bool verify(const Config &config, const Engine &engine, const RunResult &r)
{
    const qint64 n = config.tasks;
    if (r.afterSpawn.starts != n + 1)
        return fail("after runUntil(0) not every task had started (expected N + 1 Start events)");
    if (r.afterSpawn.suspends < n + 1)
        return fail("after runUntil(0) not every task was suspended (expected at least N + 1 Suspend events)");
    if (r.afterSpawn.ends != 0)
        return fail("tasks ended before the cancel");
    if (!engine.abortReason().isEmpty()) {
        std::fprintf(stderr, "engine_bench: error: the run stopped early: %s\n",
                     qPrintable(engine.abortReason()));
        return false;
    }
    if (!engine.finished())
        return fail("runToEnd() returned but the engine is not finished");
    if (engine.taskCount() != n + 1)
        return fail("the engine does not have N + 1 tasks");
    if (r.atEnd.events < n * 4)
        return fail("fewer than 4 events per task: the work was not done");
    if (r.atEnd.ends != n + 1 || r.atEnd.cancelledEnds != n + 1)
        return fail("not every task ended cancelled (expected N + 1 End events with outcome cancelled)");
    if (r.atEnd.rootLast != EventKind::End || r.atEnd.rootLastCode != quint8(Outcome::Cancelled))
        return fail("the root's last event is not End (cancelled)");
    return true;
}

//! One complete run. With `memory` set it also measures and prints the memory figures.
bool runOnce(const Config &config, bool memory, RunResult *out)
{
    const Scenario scenario = makeScenario(config.tasks);
    Counts counts;
    const long long mallocBefore = mallocInUse();
    const long long hwmBefore = memory ? procStatusBytes("VmHWM") : 0;
    const long long rssBefore = memory ? procStatusBytes("VmRSS") : 0;
    const AllocStats allocBefore = g_alloc;

    auto *engine = new Engine(scenario, config.runtime, Engine::Options{.keepEvents = false,
                                                                        .maxEvents = 50LL * config.tasks + 1000});
    engine->setListener([&counts](const TraceEvent &event) {
        ++counts.events;
        switch (event.kind) {
        case EventKind::Start:
            ++counts.starts;
            break;
        case EventKind::Suspend:
            ++counts.suspends;
            break;
        case EventKind::End:
            ++counts.ends;
            if (event.code == quint8(Outcome::Cancelled))
                ++counts.cancelledEnds;
            break;
        default:
            break;
        }
        if (event.task == 0) {
            counts.rootLast = event.kind;
            counts.rootLastCode = event.code;
        }
    });
    UserAction cancel;
    cancel.kind = UserAction::Kind::Cancel;
    cancel.at = 1;
    cancel.taskPath = QStringLiteral("main");
    engine->schedule(cancel);

    if (memory) {
        g_newHistogram.fill(0);
        g_mallocHistogram.fill(0);
        g_histogramOn = true;
    }
    const AllocStats allocStart = g_alloc;
    const Clock::time_point t0 = Clock::now();
    engine->runUntil(0);
    const Clock::time_point t1 = Clock::now();
    const AllocStats allocPeak = g_alloc;
    g_histogramOn = false;
    out->afterSpawn = counts;

    const long long mallocPeak = mallocInUse();
    const long long rssPeak = memory ? procStatusBytes("VmRSS") : 0;
    Histogram spawnNew{};
    Histogram spawnMalloc{};
    if (memory) {
        spawnNew = g_newHistogram;
        spawnMalloc = g_mallocHistogram;
    }

    if (memory) {
        g_newHistogram.fill(0);
        g_mallocHistogram.fill(0);
        g_histogramOn = true;
    }
    const Clock::time_point t2 = Clock::now();
    engine->runToEnd();
    const Clock::time_point t3 = Clock::now();
    const AllocStats allocEnd = g_alloc;
    g_histogramOn = false;
    out->atEnd = counts;
    const long long mallocEnd = mallocInUse();
    const long long hwmPeak = memory ? procStatusBytes("VmHWM") : 0;

    const bool ok = verify(config, *engine, *out);
    const qint64 clockAtEnd = engine->now();
    const Clock::time_point t4 = Clock::now();
    delete engine;
    const Clock::time_point t5 = Clock::now();
    const long long mallocAfter = mallocInUse();

    out->spawnNs = nsSince(t0, t1);
    out->cancelNs = nsSince(t2, t3);
    out->teardownNs = nsSince(t4, t5);
    if (!ok || !memory)
        return ok;

    const double n = config.tasks;
    std::printf("engine_events: %lld\n", static_cast<long long>(out->atEnd.events));
    std::printf("engine_events_per_task: %.2f\n", double(out->atEnd.events) / n);
    std::printf("engine_clock_after_run: %lld ms  (virtual; the cancel is at 1 ms, the sleeps would end at 1000000)\n",
                static_cast<long long>(clockAtEnd));
    std::printf("bytes_per_task: %lld\n", (mallocPeak - mallocBefore) / config.tasks);
    std::printf("bytes_per_task_after_run: %lld  (malloc in use after runToEnd, engine still alive)\n",
                (mallocEnd - mallocBefore) / config.tasks);
    std::printf("malloc_delta_after_teardown: %lld bytes in all  (allocator caches; grows with N if ~Engine leaks)\n",
                mallocAfter - mallocBefore);
    if (hwmBefore >= 0 && hwmPeak >= 0)
        std::printf("rss_hwm_delta_per_task: %lld  (VmHWM cross-check; includes malloc slack)\n",
                    (hwmPeak - hwmBefore) / config.tasks);
    if (rssBefore >= 0 && rssPeak >= 0)
        std::printf("rss_delta_at_peak_per_task: %lld\n", (rssPeak - rssBefore) / config.tasks);
    if (!CASCADE_BENCH_COUNT_ALLOCATIONS) {
        std::printf("allocations_per_task: not counted (sanitizer build; its figures mean little)\n");
        return true;
    }
    const auto perTask = [n](unsigned long long value) { return double(value) / n; };
    const AllocCounter spawnNewCount{allocPeak.cppNew.calls - allocStart.cppNew.calls,
                                     allocPeak.cppNew.bytes - allocStart.cppNew.bytes};
    const AllocCounter spawnMallocCount{allocPeak.cMalloc.calls - allocStart.cMalloc.calls,
                                        allocPeak.cMalloc.bytes - allocStart.cMalloc.bytes};
    const AllocCounter cancelNewCount{allocEnd.cppNew.calls - allocPeak.cppNew.calls,
                                      allocEnd.cppNew.bytes - allocPeak.cppNew.bytes};
    const AllocCounter cancelMallocCount{allocEnd.cMalloc.calls - allocPeak.cMalloc.calls,
                                         allocEnd.cMalloc.bytes - allocPeak.cMalloc.bytes};
    std::printf("allocations_per_task: %.2f spawn, %.2f cancel\n",
                perTask(spawnNewCount.calls + spawnMallocCount.calls),
                perTask(cancelNewCount.calls + cancelMallocCount.calls));
    std::printf("  operator new: %.2f spawn (%.0f B), %.2f cancel (%.0f B) per task\n", perTask(spawnNewCount.calls),
                perTask(spawnNewCount.bytes), perTask(cancelNewCount.calls), perTask(cancelNewCount.bytes));
    std::printf("  malloc/realloc (Qt): %.2f spawn (%.0f B), %.2f cancel (%.0f B) per task\n",
                perTask(spawnMallocCount.calls), perTask(spawnMallocCount.bytes), perTask(cancelMallocCount.calls),
                perTask(cancelMallocCount.bytes));
    std::printf("  engine setup: %llu allocations\n", (allocStart.cppNew.calls - allocBefore.cppNew.calls)
                                                          + (allocStart.cMalloc.calls - allocBefore.cMalloc.calls));

    // Sizes allocated at least once per 10 tasks: the per-task objects (requested sizes).
    const auto printHistogram = [&](const char *label, const Histogram &histogram) {
        std::printf("  %s:", label);
        for (std::size_t size = 0; size <= HistogramSizes; ++size) {
            const unsigned long long calls = histogram[size];
            if (calls * 10 >= static_cast<unsigned long long>(config.tasks))
                std::printf(" %s%zu B x %.2f;", size == HistogramSizes ? ">=" : "", size, perTask(calls));
        }
        std::printf("\n");
    };
    printHistogram("spawn, operator new, by size, per task", spawnNew);
    printHistogram("spawn, malloc, by size, per task", spawnMalloc);
    printHistogram("cancel, operator new, by size, per task", g_newHistogram);
    printHistogram("cancel, malloc, by size, per task", g_mallocHistogram);
    std::printf("sizeof: TaskRecord %zu, QueueEntry %zu, TraceEvent %zu, Scope %zu, TaskExtras %zu\n",
                sizeof(TaskRecord), sizeof(QueueEntry), sizeof(TraceEvent), sizeof(Scope), sizeof(TaskExtras));
    return true;
}

qint64 median(std::vector<qint64> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void usage()
{
    std::fputs("usage: engine_bench [--tasks N] [--repeat R] [--runtime asyncio|kotlin|swift]\n"
               "  Times spawning N sleeping tasks in one group and cancelling them (median of R runs),\n"
               "  and measures the memory per task.\n",
               stderr);
}

bool parseArgs(int argc, char **argv, Config *config)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            usage();
            std::exit(0);
        }
        if (i + 1 >= argc)
            return false;
        const std::string value = argv[++i];
        if (arg == "--tasks" || arg == "-n") {
            config->tasks = std::atoi(value.c_str());
            if (config->tasks < 1 || config->tasks > 10'000'000)
                return false;
        } else if (arg == "--repeat") {
            config->repeat = std::atoi(value.c_str());
            if (config->repeat < 1 || config->repeat > 1000)
                return false;
        } else if (arg == "--runtime") {
            if (value == "asyncio")
                config->runtime = Runtime::Asyncio;
            else if (value == "kotlin")
                config->runtime = Runtime::Kotlin;
            else if (value == "swift")
                config->runtime = Runtime::Swift;
            else
                return false;
        } else {
            return false;
        }
    }
    return true;
}

const char *runtimeLabel(Runtime runtime)
{
    switch (runtime) {
    case Runtime::Asyncio:
        return "asyncio";
    case Runtime::Kotlin:
        return "kotlin";
    case Runtime::Swift:
        return "swift";
    }
    return "?";
}

} // namespace

int main(int argc, char **argv)
{
    Config config;
    if (!parseArgs(argc, argv, &config)) {
        usage();
        return 2;
    }
    std::printf("engine_runtime: %s\n", runtimeLabel(config.runtime));
    std::printf("engine_tasks: %d\n", config.tasks);
    std::printf("engine_repeat: %d\n", config.repeat);

    // The memory run comes first, so that VmHWM has not been raised by an earlier run.
    RunResult result;
    if (!runOnce(config, true, &result))
        return 1;

    std::vector<qint64> spawn, cancel, total, teardown;
    for (int i = 0; i < config.repeat; ++i) {
        if (!runOnce(config, false, &result))
            return 1;
        spawn.push_back(result.spawnNs);
        cancel.push_back(result.cancelNs);
        total.push_back(result.spawnNs + result.cancelNs);
        teardown.push_back(result.teardownNs);
    }
    const double n = config.tasks;
    std::printf("engine_spawn_ns_per_task: %.1f\n", double(median(spawn)) / n);
    std::printf("engine_cancel_ns_per_task: %.1f\n", double(median(cancel)) / n);
    std::printf("engine_total_ns_per_task: %.1f\n", double(median(total)) / n);
    std::printf("engine_total_ms: %.3f\n", double(median(total)) / 1e6);
    std::printf("engine_teardown_ns_per_task: %.1f  (~Engine, not in the total)\n", double(median(teardown)) / n);
    return 0;
}
