#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and exports its URL as NEWSGRAPH_TEST_PG.
# Source it, then call `start_test_postgres`; the server stops when the calling shell exits.
# PostgreSQL comes from Debian's packages (installed with apt-get when missing).

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_test_postgres() {
  local bin port dir run_as=()
  bin=$(pg_bin_dir)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "== installing postgresql (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin_dir)
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: no PostgreSQL binaries under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  port=${NEWSGRAPH_PG_PORT:-55432}
  dir=$(mktemp -d /tmp/newsgraph-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    # initdb and postgres refuse to run as root.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    return 1
  }
  NEWSGRAPH_PG_DIR=$dir
  NEWSGRAPH_PG_BIN=$bin
  export NEWSGRAPH_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres"
  trap stop_test_postgres EXIT
  echo "== $("$bin/postgres" --version) on port $port: NEWSGRAPH_TEST_PG=$NEWSGRAPH_TEST_PG"
}

stop_test_postgres() {
  if [ -n "${NEWSGRAPH_PG_DIR:-}" ] && [ -d "$NEWSGRAPH_PG_DIR/data" ]; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$NEWSGRAPH_PG_BIN/pg_ctl" -D "$NEWSGRAPH_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    else
      "$NEWSGRAPH_PG_BIN/pg_ctl" -D "$NEWSGRAPH_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$NEWSGRAPH_PG_DIR"
  fi
}
