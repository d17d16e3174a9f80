#!/usr/bin/env bash
# Installs the Debian 12 packages letapis needs to build, test and run.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config clang libclang-rt-14-dev clang-format
  libsqlcipher-dev libsodium-dev libicu-dev nlohmann-json3-dev libcli11-dev
  libfmt-dev libspdlog-dev libgumbo-dev libxxhash-dev libzstd-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev python3 libpoppler-cpp-dev
  libcurl4-openssl-dev libssl-dev libexpat1-dev chromium
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "letapis: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The browser tests use npm; a Node.js from elsewhere (nodesource) already brings it.
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
