#!/usr/bin/env bash
# Installs every Debian 12 package Cascade needs to build, test and run.
# Idempotent: when everything is already there it only checks and returns.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git
  # Qt 6.4 and QCoro 0.8
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qcoro-qt6-dev
  # QRhi headers (private in 6.4): the canvas overview texture uploads only changed rows
  qt6-base-private-dev
  libgl-dev libopengl-dev libglx-dev libvulkan-dev libxkbcommon-dev
  qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtquick
  qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-dialogs qml6-module-qtqml-models
  qml6-module-qttest qml6-module-qtquick-shapes qml6-module-qt-labs-platform
  qml6-module-qt-labs-folderlistmodel qml6-module-qtcore qml6-module-qt-labs-settings
  qt6-qpa-plugins qt6-translations-l10n
  # animated GIF export (giflib)
  libgif-dev
  # fuzzing (libFuzzer ships in clang's runtime)
  clang libclang-rt-14-dev
  # headless display, screenshots, fonts (Korean needs a CJK font)
  xvfb xauth x11-utils imagemagick xdotool fonts-noto-cjk fonts-dejavu-core
  # benchmark baseline and fidelity tests
  python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or with sudo) to install them" >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
