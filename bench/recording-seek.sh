#!/usr/bin/env bash
# Opening and seeking a recording of about a million events, against CPython's json module.
#
#   bench/recording-seek.sh [--workers N] [--iterations N] [--repeat R] [--seeks S]
#
# Builds build/bench/recording_seek (dev preset), which makes a recording of N workers x N
# iterations (default 1000 x 400: about 1.05 million events) and the JSON Lines trace of the same
# run. Then R times (default 3), each in a new process: open the recording (load + seek index)
# and seek to S random event counts (default 100, seeded); and /usr/bin/python3 loads the same
# events from the JSON Lines trace with json.loads, one record a line. load_ms and Python's time
# are medians of the R processes; seek_worst_ms is the worst seek of all of them. For reference,
# it also times QJsonDocument::fromJson of each line of the trace (one process, one run). Then,
# when xvfb-run is there, the same recording in the app's window (build/bench/window_seek on xcb
# at 1920x1080): the window started on it (to its first frame), then opened again three times in
# the running window (File > Open Recording, to the first frame that shows it, and to the end of
# the replay that checks it on another thread), then S seeded seeks to an instant, each timed from
# the scrub to the frame that shows it (the task list, the log, the console, the canvas and the
# timeline brought to the instant). For reference, the window started on a lesson's recording.
# Prints the figures, the memory in use, and as its last three lines `load_ms: X`,
# `seek_worst_ms: Y` and `speedup_vs_python_json: Z` (Python's time / ours). Targets: load under
# 1000 ms, worst seek under 50 ms; a miss is reported, not an error. The exit status is non-zero
# only when something did not build or run.
set -euo pipefail

workers=1000
iterations=400
repeat=3
seeks=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --iterations) iterations="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --seeks) seeks="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "recording-seek: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$workers" "$iterations" "$repeat" "$seeks"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "recording-seek: options take positive whole numbers" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python=/usr/bin/python3
[[ -x "$python" ]] || python="$(command -v python3 || true)"
[[ -n "$python" ]] || { echo "recording-seek: python3 not found" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ ! -f build/build.ninja ]]; then
  echo "configuring build/ (dev preset)..." >&2
  cmake --preset dev >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi
cmake --build --preset dev --target recording_seek window_seek cascade >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "recording-seek: building recording_seek failed" >&2; exit 1; }
bench=build/bench/recording_seek

"$bench" generate --dir "$work" --workers "$workers" --iterations "$iterations"
loads=()
seek_worst_ms=0
python_times=()
for ((run = 0; run < repeat; ++run)); do
  "$bench" measure --dir "$work" --repeat 1 --seeks "$seeks" >"$work/measure.txt"
  loads+=("$(sed -n 's/^load_ms: //p' "$work/measure.txt")")
  seek_worst_ms="$(awk -v a="$seek_worst_ms" -v b="$(sed -n 's/^seek_worst_ms: //p' "$work/measure.txt")" 'BEGIN { print (b > a) ? b : a }')"
  # The same events through CPython, in a process of its own too: read the file, json.loads each line.
  python_times+=("$("$python" - "$work/bench.trace.jsonl" <<'PY'
import json, sys, time
start = time.perf_counter()
with open(sys.argv[1], "rb") as f:
    events = [json.loads(line) for line in f]
elapsed = (time.perf_counter() - start) * 1000
assert events and events[-1]["seq"] == len(events) - 1
print(f"{elapsed:.1f}")
PY
)")
done
"$bench" qjson --dir "$work"
window_lines=""
if command -v xvfb-run >/dev/null; then
  window_home="$work/home"  # a fresh profile: no restore offer, no settings from earlier runs
  mkdir -p "$window_home"
  window_lines="$(HOME="$window_home" XDG_DATA_HOME="$window_home/data" xvfb-run -a -s '-screen 0 1920x1080x24' \
    env QT_QPA_PLATFORM=xcb build/bench/window_seek "$work/bench.recording.jsonl" --seeks "$seeks" 2>/dev/null)" \
    || { echo "recording-seek: window_seek failed" >&2; exit 1; }
  # For reference, the window's own start: the same, on a lesson's recording of a few dozen events.
  build/cascade run kotlin-cancel-join --record "$work/lesson.recording.jsonl" >/dev/null
  lesson_lines="$(HOME="$window_home" XDG_DATA_HOME="$window_home/data" xvfb-run -a -s '-screen 0 1920x1080x24' \
    env QT_QPA_PLATFORM=xcb build/bench/window_seek "$work/lesson.recording.jsonl" --seeks 1 2>/dev/null)" \
    || { echo "recording-seek: window_seek on a lesson failed" >&2; exit 1; }
  window_lines+=$'\n'"window_start_on_a_lesson_recording_ms: $(sed -n 's/^started the window on it and showed it in \([0-9]*\) ms$/\1/p' <<<"$lesson_lines")"
else
  echo "recording-seek: xvfb-run not found: no figures for the window (apt-get install xvfb)" >&2
fi
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
load_ms="$(median "${loads[@]}")"
python_ms="$(median "${python_times[@]}")"
# The last process's other figures (index, seeks, memory); its load time is one of those above.
grep -v -E '^(load_ms|seek_worst_ms|checksum):' "$work/measure.txt"
echo "load_ms_each_run: ${loads[*]}"
echo "python_json_load_ms_each_run: ${python_times[*]}"
echo "python_json_load_ms: $python_ms"
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "PASS" : "MISS" }'; }
if [[ -n "$window_lines" ]]; then
  echo "$window_lines"
  window_worst="$(sed -n 's/^window_seek_worst_ms: //p' <<<"$window_lines")"
  window_open_worst="$(sed -n 's/^window_open_median_ms: .*, worst \([0-9.]*\) .*/\1/p' <<<"$window_lines")"
  echo "target_window_open_worst_under_1000_ms: $(verdict "$window_open_worst" 1000)"
  echo "target_window_seek_worst_under_50_ms: $(verdict "$window_worst" 50)"
fi
echo "target_load_under_1000_ms: $(verdict "$load_ms" 1000)"
echo "target_seek_worst_under_50_ms: $(verdict "$seek_worst_ms" 50)"
echo "load_ms: $load_ms"
echo "seek_worst_ms: $seek_worst_ms"
echo "speedup_vs_python_json: $(awk -v p="$python_ms" -v o="$load_ms" 'BEGIN { printf "%.1f", p / o }')"
