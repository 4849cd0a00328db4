#!/usr/bin/env bash
# What docs/operations.md tells an operator to do, done for real (scripts/test.sh runs it):
#  1. dotnet publish; deploy/install.sh puts the output in place (into a scratch tree, DESTDIR);
#     the unit's stop timeout outlasts the host's shutdown timeout;
#  2. the installed program starts with --urls and environment configuration alone and becomes
#     ready (/healthz);
#  3. `backup FILE` copies the SQLite store while events are being posted: the copy holds exactly
#     a prefix of what was posted (no hole), a fresh server restored from it starts, and once the
#     sender resends everything (as upstream systems do after a restore) its root area shows the
#     same indicators as the server the backup was taken from.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
pids=()
cleanup() {
  # A server's pid is in a file: start_server runs in a command substitution, whose variables are lost.
  for f in "$work"/*.pid; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "install-check: $*"; }
fail() { echo "install-check: FAILED: $*" >&2; for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -40 "$f" >&2; }; done; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Publish and install.
# scripts/test.sh has just built everything: it passes --no-build, and the publish only copies.
dotnet publish src/CityScreen.Server -c Release -o "$work/publish" -v q -nologo "$@" >"$work/publish.log" 2>&1 || fail "dotnet publish"
DESTDIR="$work/root" deploy/install.sh "$work/publish" >/dev/null
app="$work/root/opt/cityscreen"
for f in "$app/CityScreen.Server.dll" "$app/seed-data" "$app/dashboards" "$work/root/etc/systemd/system/cityscreen.service" "$work/root/etc/cityscreen/cityscreen.env"; do
  [ -e "$f" ] || fail "install.sh did not put $f in place"
done
unit="$work/root/etc/systemd/system/cityscreen.service"
drain=$(sed -n 's/^Environment=DOTNET_shutdownTimeoutSeconds=//p' "$unit")
stop=$(sed -n 's/^TimeoutStopSec=//p' "$unit")
grep -q '^Restart=always' "$unit" || fail "the unit does not restart always"
[ -n "$drain" ] && [ -n "$stop" ] && [ "$stop" -gt "$drain" ] || fail "TimeoutStopSec ($stop) must outlast the host's shutdown timeout ($drain)"
say "published and installed; the unit drains ${drain}s within a stop timeout of ${stop}s"

# 2. Start it as the unit does: the program's directory as content root, settings from the environment.
key="ci-$(date +%s%N)"
password="install-check-$(date +%s%N)"
start_server() { # name, store file
  local port; port=$(free_port)
  ( cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production \
      CityScreen__Storage__SqlitePath="$2" \
      CityScreen__Ingest__ApiKeys__0="$key" \
      CityScreen__Auth__Admin__Password="$password" \
      CityScreen__Cluster__SiloPort="$(free_port)" \
      CityScreen__Cluster__ClusterId="install-check-$1" \
      CityScreen__Ingest__RateLimit__RequestsPerSecond=100000 CityScreen__Ingest__RateLimit__Burst=100000 \
      DOTNET_shutdownTimeoutSeconds="$drain" \
      dotnet "$app/CityScreen.Server.dll" --contentRoot "$app" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1 ) &
  echo $! >"$work/$1.pid"
  echo "http://127.0.0.1:$port"
}
wait_ready() { # url, name
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/healthz")" = 200 ] && return 0
    sleep 0.5
  done
  fail "$2 did not become ready at $1/healthz"
}
mkdir -p "$work/data"
a=$(start_server a "$work/data/a.db")
wait_ready "$a" a
say "the published build is ready at $a"

# 3. Post batches one after another (a checkin and a reported case each) while a backup is taken.
grid=610602001001001 city=610600
batch() { # n
  local at; at=$(date -u +%Y-%m-%dT%H:%M:%S.000+00:00)
  printf '[{"id":"ci-c-%s","type":"member.checkin","occurredAt":"%s","gridId":"%s","source":"install-check","memberId":"m-%s","unitId":"u1"},' "$1" "$at" "$grid" "$1"
  printf '{"id":"ci-r-%s","type":"case.reported","occurredAt":"%s","gridId":"%s","source":"install-check","caseId":"CI-%s","kind":"event","category":"市容环境","level":"normal","title":"垃圾堆积"}]\n' "$1" "$at" "$grid" "$1"
}
post() { curl -s -o /dev/null -w '%{http_code}' -X POST "$1/api/events" -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary @"$2"; }
mkdir -p "$work/sent"
(
  n=0
  while [ ! -f "$work/stop" ]; do
    n=$((n + 1))
    batch "$n" >"$work/sent/$n.json"
    code=$(post "$a" "$work/sent/$n.json")
    [ "$code" = 202 ] || { echo "batch $n: $code" >"$work/poster-failed"; exit 1; }
  done
) &
poster=$!
pids+=($poster)
while [ "$(ls "$work/sent" | wc -l)" -lt 40 ]; do sleep 0.2; done
( cd "$work" && dotnet "$app/CityScreen.Server.dll" backup "$work/backup.db" --contentRoot "$app" \
    --CityScreen:Storage:SqlitePath "$work/data/a.db" >"$work/backup.log" 2>&1 ) || fail "backup"
while [ "$(ls "$work/sent" | wc -l)" -lt 80 ]; do sleep 0.2; done
touch "$work/stop"
wait "$poster" || true
[ ! -f "$work/poster-failed" ] || fail "posting: $(cat "$work/poster-failed")"
sent=$(ls "$work/sent" | wc -l)

# The copy is a prefix of what was posted: its events are the first k batches, whole.
stored=$(sqlite3 "$work/backup.db" "SELECT count(*) FROM events")
k=$((stored / 2))
[ $((stored % 2)) -eq 0 ] && [ "$k" -ge 1 ] && [ "$k" -lt "$sent" ] || fail "the backup holds $stored events of $sent batches: not a consistent copy taken under load"
expected=$(for i in $(seq 1 "$k"); do echo "ci-c-$i"; echo "ci-r-$i"; done | sort | md5sum)
actual=$(sqlite3 "$work/backup.db" "SELECT id FROM events" | sort | md5sum)
[ "$expected" = "$actual" ] || fail "the backup's $stored events are not the first $k batches"
say "backup taken under load: $k of $sent batches, no hole"

# Restore into a fresh server: the copy in place of its store, started as usual.
cp "$work/backup.db" "$work/data/b.db"
b=$(start_server b "$work/data/b.db")
wait_ready "$b" b
for i in $(seq 1 "$sent"); do
  code=$(post "$b" "$work/sent/$i.json")
  [ "$code" = 202 ] || fail "resending batch $i to the restored server answered $code"
done
indicators() { curl -s -u "admin:$password" "$1/api/areas/$city" | jq -S '{indicators, counts, categories}'; }
for _ in $(seq 1 120); do
  if [ "$(indicators "$a")" = "$(indicators "$b")" ] && [ "$(indicators "$a" | jq '.indicators | length')" -gt 0 ]; then
    say "the restored server shows the same indicators for $city as the original"
    exit 0
  fi
  sleep 0.5
done
diff <(indicators "$a") <(indicators "$b") >&2 || true
fail "the restored server's indicators for $city differ from the original's"
