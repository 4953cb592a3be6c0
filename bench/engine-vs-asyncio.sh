#!/usr/bin/env bash
# Cost per task of the Cascade engine against CPython asyncio, on the same program:
# a strict group of N tasks that each sleep 1000 s, cancelled from outside once all are suspended.
#
#   bench/engine-vs-asyncio.sh [--tasks N] [--repeat R] [--runtime asyncio|kotlin|swift]
#
# Builds build/bench/engine_bench with the dev preset when needed, runs it and
# bench/asyncio_baseline.py (median of R runs each), and prints the per-task costs, the memory per
# task and, as its last line, `speedup_vs_asyncio: X` (asyncio ns/task / engine ns/task).
# Targets: speedup >= 50 and bytes_per_task <= 400; a miss is reported, not an error. The exit
# status is non-zero only when something did not build or run correctly.
set -euo pipefail

TARGET_SPEEDUP=50
TARGET_BYTES=400

tasks=100000
repeat=5
runtime=asyncio
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tasks|-n) tasks="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --runtime) runtime="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "engine-vs-asyncio: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$tasks" =~ ^[1-9][0-9]*$ && "$repeat" =~ ^[1-9][0-9]*$ ]] \
  || { echo "engine-vs-asyncio: --tasks and --repeat take positive whole numbers" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -x /usr/bin/python3 ]]; then python=/usr/bin/python3; else python="$(command -v python3)"; fi
[[ -n "$python" ]] || { echo "engine-vs-asyncio: python3 not found" >&2; exit 1; }

# --- 1. build (the build's output is shown only when it fails)
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
if grep -Eq '^[[:space:]]*add_subdirectory\(bench\)' CMakeLists.txt; then
  bench_bin=build/bench/engine_bench
  if [[ ! -f build/build.ninja ]]; then
    echo "configuring build/ (dev preset)..." >&2
    cmake --preset dev >"$build_log" 2>&1 \
      || { cat "$build_log" >&2; echo "engine-vs-asyncio: cmake --preset dev failed" >&2; exit 1; }
  fi
  cmake --build --preset dev --target engine_bench >"$build_log" 2>&1 \
    || { cat "$build_log" >&2; echo "engine-vs-asyncio: building engine_bench failed; run: cmake --build --preset dev --target engine_bench" >&2; exit 1; }
else
  # The top-level CMakeLists.txt does not include bench/ yet: build core + bench alone, in build-bench/,
  # from a copy of the top-level file without the GUI and the tests.
  echo "note: CMakeLists.txt has no add_subdirectory(bench); building in build-bench/ instead" >&2
  top=build-bench/top
  mkdir -p "$top"
  for d in core bench; do ln -sfn "../../$d" "$top/$d"; done
  if [[ -f resources/lessons/index.txt ]]; then
    [[ -L "$top/resources" ]] || rm -rf "$top/resources"
    ln -sfn ../../resources "$top/resources"
  else  # the lessons are not written yet: core only needs an index to compile its resources
    rm -f "$top/resources"; mkdir -p "$top/resources/lessons"; touch "$top/resources/lessons/index.txt"
  fi
  sed -E -e '/^[[:space:]]*add_subdirectory\((qml|app|tests)\)/d' CMakeLists.txt >"$top/CMakeLists.txt.new"
  echo 'add_subdirectory(bench)' >>"$top/CMakeLists.txt.new"
  if ! cmp -s "$top/CMakeLists.txt.new" "$top/CMakeLists.txt"; then mv "$top/CMakeLists.txt.new" "$top/CMakeLists.txt"
  else rm "$top/CMakeLists.txt.new"; fi
  if [[ ! -f build-bench/out/build.ninja ]]; then
    cmake -S "$top" -B build-bench/out -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCASCADE_WARNINGS_AS_ERRORS=ON -DCASCADE_BUILD_TESTS=OFF >"$build_log" 2>&1 \
      || { cat "$build_log" >&2; echo "engine-vs-asyncio: configuring build-bench/out failed" >&2; exit 1; }
  fi
  cmake --build build-bench/out --target engine_bench >"$build_log" 2>&1 \
    || { cat "$build_log" >&2; echo "engine-vs-asyncio: building engine_bench failed; run: cmake --build build-bench/out --target engine_bench" >&2; exit 1; }
  bench_bin=build-bench/out/bench/engine_bench
fi

# --- 2. engine, 3. asyncio
engine_out="$("$bench_bin" --tasks "$tasks" --repeat "$repeat" --runtime "$runtime")" \
  || { printf '%s\n' "$engine_out"; echo "engine-vs-asyncio: engine_bench failed" >&2; exit 1; }
asyncio_out="$("$python" bench/asyncio_baseline.py --tasks "$tasks" --repeat "$repeat" --gc-off-too)" \
  || { printf '%s\n' "$asyncio_out"; echo "engine-vs-asyncio: asyncio_baseline.py failed" >&2; exit 1; }

field() {  # field KEY TEXT: the first word after "KEY: "
  awk -v key="$1:" '$1 == key { print $2; exit }' <<<"$2"
}
e_spawn=$(field engine_spawn_ns_per_task "$engine_out")
e_cancel=$(field engine_cancel_ns_per_task "$engine_out")
e_total=$(field engine_total_ns_per_task "$engine_out")
e_bytes=$(field bytes_per_task "$engine_out")
a_spawn=$(field asyncio_spawn_ns_per_task "$asyncio_out")
a_cancel=$(field asyncio_cancel_ns_per_task "$asyncio_out")
a_total=$(field asyncio_total_ns_per_task "$asyncio_out")
g_spawn=$(field asyncio_gc_off_spawn_ns_per_task "$asyncio_out")
g_cancel=$(field asyncio_gc_off_cancel_ns_per_task "$asyncio_out")
g_total=$(field asyncio_gc_off_total_ns_per_task "$asyncio_out")
for v in e_spawn e_cancel e_total e_bytes a_spawn a_cancel a_total g_spawn g_cancel g_total; do
  [[ -n "${!v}" ]] || { echo "engine-vs-asyncio: missing figure $v in the output" >&2; exit 1; }
done

# --- 4. report
echo "== engine ($runtime profile), N = $tasks, median of $repeat"
grep -v -E '^engine_(spawn|cancel|total)_ns_per_task:|^bytes_per_task:' <<<"$engine_out" | sed 's/^/  /'
echo "== asyncio (CPython), N = $tasks, median of $repeat"
grep -v -E '^asyncio_(gc_off_)?(spawn|cancel|total)_ns_per_task:' <<<"$asyncio_out" | sed 's/^/  /'
echo "== per task (ns)           spawn      cancel       total"
printf '  engine            %10s  %10s  %10s\n' "$e_spawn" "$e_cancel" "$e_total"
printf '  asyncio           %10s  %10s  %10s\n' "$a_spawn" "$a_cancel" "$a_total"
printf '  asyncio, GC off   %10s  %10s  %10s   (information: gc.disable())\n' "$g_spawn" "$g_cancel" "$g_total"
speedup=$(awk -v a="$a_total" -v e="$e_total" 'BEGIN { printf "%.1f", a / e }')
speedup_gc_off=$(awk -v a="$g_total" -v e="$e_total" 'BEGIN { printf "%.1f", a / e }')
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "PASS" : "MISS") }'; }
bytes_verdict=$(verdict "$(awk -v b="$e_bytes" -v t="$TARGET_BYTES" 'BEGIN { print (b <= t) }')")
speed_verdict=$(verdict "$(awk -v s="$speedup" -v t="$TARGET_SPEEDUP" 'BEGIN { print (s >= t) }')")
echo "bytes_per_task: $e_bytes   (target <= $TARGET_BYTES: $bytes_verdict)"
echo "speedup_vs_asyncio_gc_off: $speedup_gc_off   (information)"
echo "speedup: $speedup   (target >= $TARGET_SPEEDUP: $speed_verdict)"
echo "speedup_vs_asyncio: $speedup"
