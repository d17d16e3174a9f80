#!/usr/bin/env bash
# Runs the browser tests: installs playwright-core from the lock file, then drives Debian's
# chromium (headless) against a fresh `letapis serve`.
# Usage: run.sh LETAPIS_BINARY SOURCE_DIR ARTIFACTS_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
LETAPIS_BIN="$1" LETAPIS_SOURCE="$2" ARTIFACTS="$3" node ui.test.js
