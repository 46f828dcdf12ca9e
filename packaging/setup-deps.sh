#!/bin/bash
# Installs what building and testing Clipwright needs (.ci/packages.txt) plus any packages
# given as arguments, on Debian bookworm or Ubuntu 24.04. As root it runs apt-get itself (a
# minimal install has no sudo); as a user it goes through sudo. README's first command and
# CI (.ci/run) both use it.
#   packaging/setup-deps.sh [PACKAGE...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "setup-deps: installing packages needs root: run this as root (su -c ...) or install sudo" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
# shellcheck disable=SC2046
"${as_root[@]}" apt-get install -y --no-install-recommends $(cat .ci/packages.txt) "$@"
