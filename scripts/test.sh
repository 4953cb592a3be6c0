#!/usr/bin/env bash
# Installs what is missing, then configures, builds and runs every test with the dev preset.
#   scripts/test.sh        dev workflow (build/)
#   scripts/test.sh asan   dev-asan workflow: AddressSanitizer + UBSan (build-asan/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

preset=dev
case "${1:-}" in
  "") ;;
  asan) preset=dev-asan ;;
  *) echo "test.sh: unknown argument '$1' (use no argument, or 'asan')" >&2; exit 2 ;;
esac

scripts/install-deps.sh
exec cmake --workflow --preset "$preset"
