#!/usr/bin/env bash
# Throwaway test database: PostgreSQL (in a temp dir, loopback only, no fsync) behind FerretDB's
# `postgresql` handler, for running the suites (or a benchmark) the way a PostgreSQL-backed
# deployment answers: `export MONGODB_URI=$(scripts/ferretdb-postgres.sh <ferretdb binary> | sed -n 's/^MONGODB_URI=//p')`.
# Prints `MONGODB_URI=…` as its last line; `scripts/ferretdb-postgres.sh stop` stops what it started.
# Not used by .ci/run: per-file test databases made the typical suite slower there (README, "Test run speed").
set -euo pipefail

STATE_DIR="${TMPDIR:-/tmp}/forum-jst-ferretdb-postgres"

stop_previous() {
  if [ -f "$STATE_DIR/ferretdb.pid" ]; then kill "$(cat "$STATE_DIR/ferretdb.pid")" 2>/dev/null || true; fi
  if [ -f "$STATE_DIR/pgdata/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$STATE_DIR/pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE_DIR"
}

# initdb and postgres refuse to run as root.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "${1:-}" = "stop" ]; then
  [ -n "$PG_BIN" ] && stop_previous
  exit 0
fi
FERRETDB_BIN="$1"
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL not found under /usr/lib/postgresql" >&2
  exit 1
fi

stop_previous
mkdir -p "$STATE_DIR/pgdata"
chmod 755 "$STATE_DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$STATE_DIR/pgdata"; fi
as_postgres "$PG_BIN/initdb" -D "$STATE_DIR/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null

PG_PORT=$(free_port)
# Throwaway data: durability settings off (a crash loses the run, never anything kept).
as_postgres "$PG_BIN/pg_ctl" -D "$STATE_DIR/pgdata" -w -l "$STATE_DIR/pgdata/postgres.log" \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$STATE_DIR/pgdata \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
      -c shared_buffers=256MB" start >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ferretdb

MONGO_PORT=$(free_port)
mkdir -p "$STATE_DIR/ferretdb"
nohup "$FERRETDB_BIN" --handler=postgresql \
  "--postgresql-url=postgres://postgres@127.0.0.1:$PG_PORT/ferretdb" \
  "--listen-addr=127.0.0.1:$MONGO_PORT" --debug-addr=- "--state-dir=$STATE_DIR/ferretdb" \
  --telemetry=disable --log-level=error >"$STATE_DIR/ferretdb.log" 2>&1 &
echo $! >"$STATE_DIR/ferretdb.pid"
for _ in $(seq 1 100); do
  if (echo >"/dev/tcp/127.0.0.1/$MONGO_PORT") 2>/dev/null; then
    # One connection per client: FerretDB 1.24 updates documents as read-modify-write, so
    # concurrent updates of one document from several connections would lose writes.
    echo "MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT/?maxPoolSize=1"
    exit 0
  fi
  sleep 0.1
done
echo "FerretDB (postgresql) did not start: $(tail -n 5 "$STATE_DIR/ferretdb.log")" >&2
exit 1
