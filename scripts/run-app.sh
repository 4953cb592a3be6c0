#!/usr/bin/env bash
# Installs what is missing, builds with the dev preset and starts the app (it opens on a built-in
# lesson). Arguments are passed to build/cascade. Without a display it says how to run headless.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev

# Platforms that need no X11 or Wayland server.
headless_platform() {
  case "${QT_QPA_PLATFORM:-}" in
    offscreen*|minimal*|vnc*|linuxfb*|eglfs*|vkkhrdisplay*) return 0 ;;
    *) return 1 ;;
  esac
}

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]] && ! headless_platform; then
  echo "run-app: no display (DISPLAY and WAYLAND_DISPLAY are unset); run 'xvfb-run -a scripts/run-app.sh', or headless 'build/cascade run <lesson>' (list: 'build/cascade lessons')" >&2
  exit 1
fi

exec build/cascade "$@"
