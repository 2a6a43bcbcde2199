#!/usr/bin/env bash
# Installs the schemathesis API fuzzer from PyPI into a venv in the cache, once per pinned version.
# Prints the path of the `schemathesis` executable on the last line of stdout. Progress goes to stderr.
# Exit 3: python3 (with its venv module) is missing.
set -euo pipefail
VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/forum-jst/schemathesis/$VERSION"
BIN="$VENV/bin/schemathesis"
# The marker is written last, so an interrupted install is redone rather than half-used.
if [ -x "$BIN" ] && [ -f "$VENV/.installed" ]; then echo "$BIN"; exit 0; fi
PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1 || ! "$PYTHON" -c "import venv, ensurepip" >/dev/null 2>&1; then
  echo "[schemathesis] python3 with the venv module is required (Debian: apt-get install python3 python3-venv)" >&2
  exit 3
fi
echo "[schemathesis] Instalacja schemathesis $VERSION z PyPI (jednorazowo)…" >&2
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV" >&2
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
touch "$VENV/.installed"
echo "[schemathesis] Gotowe: $BIN" >&2
echo "$BIN"
