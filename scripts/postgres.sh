#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks: Debian's package, a new cluster in a
# temporary directory, listening on 127.0.0.1 only, on a free port. Trust authentication is safe
# here because nothing but this machine's loopback can reach it and it dies with the run.
#
#   source scripts/postgres.sh && start_test_postgres   # exports CITYSCREEN_TEST_POSTGRES
#   stop_test_postgres                                   # (test.sh does this on exit)

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (Debian package 'postgresql')" >&2; return 1; }
  echo "$dir"
}

free_port() {
  python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

start_test_postgres() {
  local bin port as_pg=()
  bin=$(pg_bindir)
  port=$(free_port)
  CITYSCREEN_PG_DIR=$(mktemp -d -t cityscreen-pg-XXXXXX)
  # PostgreSQL refuses to run as root: run it as the package's own user.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$CITYSCREEN_PG_DIR"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$CITYSCREEN_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$CITYSCREEN_PG_DIR/data" -l "$CITYSCREEN_PG_DIR/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $CITYSCREEN_PG_DIR -c max_connections=300" start >/dev/null
  export CITYSCREEN_PG_DIR
  export CITYSCREEN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL for the tests on 127.0.0.1:$port ($CITYSCREEN_PG_DIR)"
}

stop_test_postgres() {
  [ -n "${CITYSCREEN_PG_DIR:-}" ] || return 0
  local bin as_pg=()
  bin=$(pg_bindir)
  [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$bin/pg_ctl" -D "$CITYSCREEN_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$CITYSCREEN_PG_DIR"
  unset CITYSCREEN_PG_DIR CITYSCREEN_TEST_POSTGRES
}
