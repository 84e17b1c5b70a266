#!/usr/bin/env bash
# A private PostgreSQL for the cluster tests: Debian's `postgresql` package, one server instance owned by this
# project under a folder of its own, listening on 127.0.0.1 only. Idempotent; no hand steps.
#
#   scripts/postgres.sh start [--dir DIR] [--port PORT] [--db NAME] [--user NAME] [--password PW] [--recreate-db]
#   scripts/postgres.sh stop  [--dir DIR]
#   scripts/postgres.sh status [--dir DIR]
#   scripts/postgres.sh install            (only installs the package; for CI set-up scripts)
#
# start: installs `postgresql` with apt-get when no PostgreSQL server binaries exist (root only; `apt-get update`
#   only when the package cannot be found otherwise), initialises the instance in DIR/data on first use, starts it
#   (unless it already runs), creates the login role and the database (dropped first with --recreate-db), and
#   prints KEY=VALUE lines (PG_STARTED=true when this call started the server, false when it already ran), the
#   last one being JDBC_URL=jdbc:postgresql://127.0.0.1:PORT/NAME.
#   PORT defaults to the port the instance used before, else 55432 when free, else a free port.
# stop: stops the instance by the PID in DIR/data/postmaster.pid (fast shutdown, bounded wait, then SIGKILL).
#
# PostgreSQL refuses to run as root, so as root every server command runs as the OS user `postgres` (created by
# the Debian package) and DIR belongs to it; as any other user the instance belongs to that user.
# Defaults: DIR=/tmp/kcscim-pg, db/user/password keycloak/keycloak/keycloak (a throw-away test database bound to
# loopback; the superuser can only connect through the Unix socket in DIR, which only its owner can open).
set -euo pipefail

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

command=${1:-}
[ -n "$command" ] || usage
shift
DIR=/tmp/kcscim-pg
PORT=
DB=keycloak
DB_USER=keycloak
DB_PASSWORD=keycloak
RECREATE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --user) DB_USER=$2; shift 2 ;;
    --password) DB_PASSWORD=$2; shift 2 ;;
    --recreate-db) RECREATE=true; shift ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
for name in "$DB" "$DB_USER"; do
  [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "invalid identifier: $name" >&2; exit 2; }
done
[[ "$DB_PASSWORD" != *"'"* ]] || { echo "the password must not contain a quote" >&2; exit 2; }
[ "$command" != start ] || mkdir -p "$DIR"
[ ! -d "$DIR" ] || DIR=$(cd "$DIR" && pwd)
START_TIMEOUT=60
log() { echo "[postgres.sh] $*" >&2; }

pg_bindir() {
  local dir
  dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [ -x "$dir/initdb" ] && echo "$dir"
}

install_postgres() {
  if pg_bindir >/dev/null; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL server binaries not found; run this once as root (it installs Debian's 'postgresql')" >&2
    exit 1
  fi
  log "installing Debian package postgresql"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends postgresql >/dev/null; then
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends postgresql >/dev/null
  fi
  pg_bindir >/dev/null || { echo "postgresql installed but no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
  # The package may have started its default cluster (port 5432, 'localhost'); it is not ours and not needed.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r version cluster; do
      log "stopping the package's default cluster $version/$cluster"
      pg_ctlcluster "$version" "$cluster" stop || true
    done
  fi
}

# As root the instance belongs to `postgres`, which must be able to enter DIR. A DIR under a folder closed to
# others (a clone under /root, say) is replaced by a folder under /tmp named after it, the same on every call.
resolve_dir() {
  if [ -d "$DIR" ] && [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$DIR"; then
    DIR=/tmp/kcscim-pg-$(echo "$DIR" | md5sum | cut -c1-12)
    mkdir -p "$DIR"
  fi
  DATA=$DIR/data
  LOG=$DIR/postgres.log
}

# Runs a command as the instance owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

owner_name() {
  if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

choose_port() {
  if [ -n "$PORT" ]; then echo "$PORT"; return; fi
  if [ -f "$DIR/port" ]; then cat "$DIR/port"; return; fi
  local candidate
  for candidate in 55432 $(shuf -i 20000-32000 -n 40); do
    if port_free "$candidate"; then echo "$candidate"; return; fi
  done
  echo "no free port found on 127.0.0.1" >&2
  exit 1
}

running_pid() {
  [ -f "$DATA/postmaster.pid" ] || return 1
  local pid
  pid=$(head -n 1 "$DATA/postmaster.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Unix socket paths are limited to 107 bytes: a deep DIR gets its socket in a short folder under /tmp instead.
socket_dir() {
  if [ ${#DIR} -le 80 ]; then
    echo "$DIR"
  else
    echo "/tmp/kcscim-pgsock-$(echo "$DIR" | md5sum | cut -c1-12)"
  fi
}

psql_admin() {
  as_owner env PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "$PORT" -U "$SUPERUSER" -d postgres "$@"
}

start_server() {
  local sockets
  sockets=$(socket_dir)
  if [ "$sockets" != "$DIR" ]; then
    mkdir -p "$sockets"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$sockets"
    chmod 700 "$sockets"
  fi
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t "$START_TIMEOUT" start \
    -o "-c listen_addresses=127.0.0.1 -p $1 -c unix_socket_directories=$sockets -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null
}

do_start() {
  install_postgres
  resolve_dir
  BIN=$(pg_bindir)
  SUPERUSER=$(owner_name)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$DIR"
  fi
  chmod 700 "$DIR"
  as_owner test -w "$DIR" || { echo "$(owner_name) cannot write $DIR" >&2; exit 1; }
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initialising $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  local started=false explicit_port=$PORT
  if pid=$(running_pid); then
    PORT=$(cat "$DIR/port")
    log "already running (pid $pid, port $PORT)"
  else
    PORT=$(choose_port)
    if ! port_free "$PORT" || ! start_server "$PORT"; then
      # another instance took the port between the check and the start: once more on a random free port
      [ -z "$explicit_port" ] || { tail -n 40 "$LOG" >&2 || true; echo "cannot start on port $PORT" >&2; exit 1; }
      PORT=$(shuf -i 20000-32000 -n 1)
      start_server "$PORT" || { tail -n 40 "$LOG" >&2; exit 1; }
    fi
    echo "$PORT" >"$DIR/port"
    started=true
    log "started (pid $(running_pid), port $PORT, log $LOG)"
  fi
  if [ "$RECREATE" = true ]; then
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  fi
  if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
    psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
  else
    psql_admin -c "ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
  fi
  if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DB OWNER $DB_USER ENCODING 'UTF8'"
  fi
  echo "PG_DIR=$DIR"
  echo "PG_STARTED=$started"
  echo "PG_PORT=$PORT"
  echo "PG_PID=$(running_pid)"
  echo "DB_USER=$DB_USER"
  echo "DB_NAME=$DB"
  echo "JDBC_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB"
}

do_stop() {
  local pid
  resolve_dir
  if ! pid=$(running_pid); then
    log "not running"
    return
  fi
  kill -INT "$pid" # fast shutdown: roll back open transactions, then exit
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { log "stopped (pid $pid)"; return; }
    sleep 0.5
  done
  log "pid $pid did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

do_status() {
  local pid
  resolve_dir
  if pid=$(running_pid); then
    echo "running pid=$pid port=$(cat "$DIR/port")"
  else
    echo "stopped"
    return 3
  fi
}

case "$command" in
  start) do_start ;;
  install) install_postgres; echo "PG_BIN=$(pg_bindir)" ;;
  stop) do_stop ;;
  status) do_status ;;
  *) usage ;;
esac
