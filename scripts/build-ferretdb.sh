#!/usr/bin/env bash
# Builds FerretDB once from the Go module proxy and caches the binary by version.
# Prints the path of the binary on the last line of stdout. Progress goes to stderr.
set -euo pipefail
VERSION="${FERRETDB_VERSION:-v1.24.2}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/forum-jst/ferretdb/$VERSION"
BIN="$CACHE_ROOT/ferretdb"
if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
command -v go >/dev/null 2>&1 || { echo "go is not on PATH: cannot build FerretDB" >&2; exit 3; }
mkdir -p "$CACHE_ROOT"
echo "[ferretdb] Pobieranie modułu FerretDB $VERSION (jednorazowo)…" >&2
MODDIR=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$MODDIR" ] || { echo "[ferretdb] go mod download failed" >&2; exit 4; }
WORK=$(mktemp -d)
cp -r "$MODDIR/." "$WORK/src"
chmod -R u+w "$WORK/src"
echo "$VERSION" > "$WORK/src/build/version/version.txt"
echo "[ferretdb] Kompilacja FerretDB (kilka minut za pierwszym razem)…" >&2
build() { (cd "$WORK/src" && CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb); }
if ! build >&2; then
  echo "[ferretdb] retrying with GOTOOLCHAIN=go1.24.3" >&2
  (cd "$WORK/src" && GOTOOLCHAIN=go1.24.3 CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb) >&2
fi
mv "$BIN.tmp" "$BIN"
rm -rf "$WORK"
echo "[ferretdb] Gotowe: $BIN" >&2
echo "$BIN"
