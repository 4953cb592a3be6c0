#!/usr/bin/env bash
# Frame times of the task tree canvas on a 10,000-task lesson, against one QML Rectangle per task.
#
#   bench/canvas-frames.sh [--lesson ID] [--runtime asyncio|kotlin|swift] [--speed X] [--rounds N]
#
# Builds build/bench/canvas_frames with the dev preset, runs it on xcb under Xvfb at 1920x1080
# (the offscreen platform would use the software scene graph, where the canvas paints an image),
# and passes its output through: the scenario (default bench/scale-10k.json, not a lesson: it
# is too big for the lesson tests) is opened with the whole tree in
# view and played through main's cancel of every task; each rendered frame's sync + render time
# (QQuickWindow::beforeSynchronizing to afterRendering) is measured for the canvas and for the
# baseline (bench/CanvasBaseline.qml), then of a floor (one Rectangle changing colour in an empty
# window: no scene renders a changed frame for less). The canvas shows neither legend nor zoom
# controls: the baseline has no such chrome. The three take turns --rounds times (3 by default,
# about two minutes) and each one's frames are pooled; a line per round shows its medians. The
# last two lines are `median_frame_ms: X` (the canvas) and `speedup_vs_rectangles: Y` (baseline
# median / canvas median). Targets: X <= 16.7 and Y >= 10;
# a miss is reported, not an error. The exit status is non-zero only when something did not build
# or run.
set -euo pipefail

args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --lesson|--runtime|--speed|--rounds) [[ $# -ge 2 ]] || { echo "canvas-frames: $1 needs a value" >&2; exit 2; }
                                args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "canvas-frames: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v xvfb-run >/dev/null || { echo "canvas-frames: xvfb-run not found (apt-get install xvfb)" >&2; exit 1; }

# --- 1. build (the build's output is shown only when it fails)
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
if [[ ! -f build/build.ninja ]]; then
  echo "configuring build/ (dev preset)..." >&2
  cmake --preset dev >"$build_log" 2>&1 \
    || { cat "$build_log" >&2; echo "canvas-frames: cmake --preset dev failed" >&2; exit 1; }
fi
cmake --build --preset dev --target canvas_frames >"$build_log" 2>&1 \
  || { cat "$build_log" >&2; echo "canvas-frames: building canvas_frames failed; run: cmake --build --preset dev --target canvas_frames" >&2; exit 1; }

# --- 2. run on xcb under Xvfb
TARGET_MEDIAN_MS=16.7
TARGET_SPEEDUP=10
out_file="$(mktemp)"
trap 'rm -f "$build_log" "$out_file"' EXIT
status=0
xvfb-run -a -s '-screen 0 1920x1080x24' env QT_QPA_PLATFORM=xcb \
  build/bench/canvas_frames "${args[@]}" >"$out_file" || status=$?
if [[ $status -ne 0 ]]; then
  cat "$out_file"
  echo "canvas-frames: canvas_frames failed (exit $status)" >&2
  exit 1
fi

field() {  # field KEY: the first word after "KEY: " in the output
  awk -v key="$1:" '$1 == key { print $2; exit }' "$out_file"
}
median=$(field median_frame_ms)
speedup=$(field speedup_vs_rectangles)
[[ -n "$median" && -n "$speedup" ]] || { cat "$out_file"; echo "canvas-frames: missing figures in the output" >&2; exit 1; }

# --- 3. report: the program's figures, the verdicts, and its last two lines last
grep -v -E '^(median_frame_ms|speedup_vs_rectangles):' "$out_file"
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "PASS" : "MISS") }'; }
echo "target: median_frame_ms <= $TARGET_MEDIAN_MS: $(verdict "$(awk -v m="$median" -v t="$TARGET_MEDIAN_MS" 'BEGIN { print (m <= t) }')")"
echo "target: speedup_vs_rectangles >= $TARGET_SPEEDUP: $(verdict "$(awk -v s="$speedup" -v t="$TARGET_SPEEDUP" 'BEGIN { print (s >= t) }')")"
echo "median_frame_ms: $median"
echo "speedup_vs_rectangles: $speedup"
