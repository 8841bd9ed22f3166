#!/usr/bin/env bash
# The Jest suite as if today were another day (issue 9: no test may depend on the date it runs):
#   bash scripts/test-on-date.sh 2026-12-24        (or 2027-01-01, the 1st of any month, …)
# Debian's libfaketime (`apt-get install faketime`) moves the clock of the Node processes and of a PostgreSQL server
# started for the run (its own cluster in a temporary directory, port 5499 or MOPS_DATE_PG_PORT) by the same offset. The engine host runs on
# the machine's clock — a JVM is about ten times slower under libfaketime — and its test clock starts at the app's
# date (the app passes its time at launch: engine-host.yaml `mops.test-clock.app-epoch-ms`). Chromium runs on the
# machine's clock too (it aborts under libfaketime); it is only the client. Needs root (the cluster runs as `postgres`).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/test-on-date.sh YYYY-MM-DD}"
command -v faketime >/dev/null || { echo "brak faketime: apt-get install faketime"; exit 1; }
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# whole days from now to the target's current time of day (the run keeps the time of day, on the target date)
days=$(( ( $(date -u -d "$target $(date -u +%H:%M:%S)" +%s) - $(date -u +%s) ) / 86400 ))
offset="${days}d"; [ "$days" -ge 0 ] && offset="+${offset}"
port="${MOPS_DATE_PG_PORT:-5499}"
cluster="$(mktemp -d /tmp/mops-pg-on-date.XXXXXX)"
chown postgres "$cluster"
su postgres -c "$pgbin/initdb -D $cluster -A trust -U postgres" >/dev/null
# the server itself, not pg_ctl (whose wait for it hangs under libfaketime); ready when it answers
su postgres -c "FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f '$offset' setsid $pgbin/postgres -D $cluster -p $port -k /tmp -c listen_addresses=127.0.0.1 > $cluster/server.log 2>&1 &"
stop() { su postgres -c "$pgbin/pg_ctl -D $cluster -m fast stop" >/dev/null 2>&1 || true; rm -rf "$cluster"; }
trap stop EXIT
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
psql -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE mops_on_date_test'
browser="$(mktemp /tmp/mops-chromium.XXXXXX)"
printf '#!/bin/sh\nunset LD_PRELOAD FAKETIME FAKETIME_SKIP_CMDS FAKETIME_DONT_FAKE_MONOTONIC\nexec /usr/bin/chromium "$@"\n' > "$browser"
chmod +x "$browser"
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/mops_on_date_test"
export MOPS_TEST_PORT_OFFSET="${MOPS_TEST_PORT_OFFSET:-200}" ENGINE_START_TIMEOUT_S=300 CHROMIUM_PATH="$browser"
export FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_SKIP_CMDS=java
rm -rf "data/test-$MOPS_TEST_PORT_OFFSET"
echo "== Jest z datą $target (przesunięcie $offset): aplikacja $(faketime -f "$offset" date -u +%FT%TZ), baza: $(faketime -f "$offset" psql "$DATABASE_URL" -tAc 'select now()')"
status=0
faketime -f "$offset" npx jest --runInBand || status=$?
rm -f "$browser"
exit "$status"
