#!/usr/bin/env bash
# kill -9 trials (issue 18): an ingest killed N times (odd trials: as soon as its staging folder exists, plus 0-1.5 s,
# so that the kill lands while staging is being written; even trials: at a random moment over the span a whole run
# took), then one clean run; a server killed while
# answering, M times, then restarted. After each: CURRENT names a whole snapshot whose figures are those served before,
# and after the next run or start nothing is left behind (.staging-* folders, jijukirwa-server temp folders).
#
#   bench/scripts/kill_trials.sh [INGEST_TRIALS=10] [SERVE_TRIALS=5]
# Needs the built classes (./mvnw -o -pl ingest,dashboard -am verify -DskipTests): runs them with java directly.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
INGEST_TRIALS="${1:-10}"
SERVE_TRIALS="${2:-5}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kill-trials-XXXXXX")"
WAREHOUSE="$WORK/warehouse"
echo "kill-trials-key" > "$WORK/key"
INGEST_CP="$ROOT/ingest/target/classes:$(cat "$ROOT/ingest/target/runtime-classpath.txt")"
SERVE_CP="$ROOT/dashboard/target/classes:$(cat "$ROOT/dashboard/target/runtime-classpath.txt")"

ingest() { # as-of date -> runs one ingest in the background; its pid in PID
  SPARK_LOCAL_IP=127.0.0.1 java @"$ROOT/ingest/spark-jvm.options" -Xmx1g -cp "$INGEST_CP" org.jijukirwa.ingest.IngestMain \
    --input "$ROOT/data-samples" --warehouse "$WAREHOUSE" --hmac-key-file "$WORK/key" --as-of "$1" --brief >"$WORK/ingest.log" 2>&1 &
  PID=$!
}
current() { cat "$WAREHOUSE/CURRENT" 2>/dev/null || echo none; }
staging() { find "$WAREHOUSE/snapshots" -maxdepth 1 -name '.staging-*' 2>/dev/null | wc -l; }
staging_names() { find "$WAREHOUSE/snapshots" -maxdepth 1 -name '.staging-*' 2>/dev/null | sort; }

started=$(date +%s.%N)
ingest 2026-12-01; wait "$PID"
span=$(python3 -c "import sys; print(max(3, round($(date +%s.%N) - $started)))")
echo "first snapshot: $(current); a whole run took ${span} s (load: $(cut -d' ' -f1-3 /proc/loadavg))"

ingest_ok=0
for trial in $(seq 1 "$INGEST_TRIALS"); do
  before=$(current)
  before_staging=$(staging_names)
  ingest "2026-12-$(printf %02d $((trial + 1)))"; pid=$PID  # a new as-of date: something new to publish
  t0=$(date +%s.%N)
  if (( trial % 2 == 1 )); then
    # wait (up to twice a run's span) until this run's own staging folder exists (one not there at its start: a dead
    # run's is removed by this one), then kill it while staging is written
    for _ in $(seq 1 $((span * 20))); do
      comm -13 <(echo "$before_staging") <(staging_names) | grep -q . && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    sleep "$(python3 -c 'import random; print(round(random.uniform(0, 1.5), 2))')"
    when="after its staging folder appeared"
  else
    sleep "$(python3 -c "import random; print(round(random.uniform(1, $span), 2))")"
    when="at random over the run's span"
  fi
  staging_at_kill=$(staging)
  kill -9 "$pid" 2>/dev/null || true
  delay=$(python3 -c "print(round($(date +%s.%N) - $t0, 1))")
  wait "$pid" 2>/dev/null || true
  after=$(current)
  # CURRENT is the snapshot before, or (if the run published before the kill) a whole new one with its manifest
  if [[ "$after" == "$before" || -f "$WAREHOUSE/snapshots/$after/manifest.json" ]]; then ingest_ok=$((ingest_ok + 1)); verdict=intact; else verdict=BROKEN; fi
  echo "ingest trial $trial: killed after ${delay} s ($when; staging folders at the kill: $staging_at_kill); CURRENT $before -> $after ($verdict); staging folders left: $(staging); load $(cut -d' ' -f1 /proc/loadavg)"
done
ingest 2026-12-20; wait "$PID" || true
echo "ingest kill -9: $ingest_ok/$INGEST_TRIALS intact; after one more run: CURRENT $(current), staging folders left: $(staging)"

serve() { # port -> starts a server in the background; its pid in PID
  # its own temp folder, as the launcher makes it (<tmp>/jijukirwa-server/<random>, see ServerTempFolder): a start
  # removes those of killed servers (older than a minute: a younger one may be a server still starting)
  local base="$WORK/tmp/jijukirwa-server"; mkdir -p "$base"
  local temp; temp="$(mktemp -d "$base/XXXXXXXX")"
  java -Xmx1g -Djava.io.tmpdir="$temp" -cp "$SERVE_CP" org.jijukirwa.dashboard.Application --warehouse "$WAREHOUSE" --port "$1" >"$WORK/serve.log" 2>&1 &
  PID=$!
}
temp_folders() { find "$WORK/tmp/jijukirwa-server" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
wait_up() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/api/v1/health" >/dev/null && return 0; sleep 0.5; done; return 1; }
figure() { curl -sf "http://127.0.0.1:$1/api/v1/indicators/coops_formed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rows"])'; }

serve_ok=0
port=18431
serve $port; pid=$PID; wait_up $port
reference=$(figure $port)
for trial in $(seq 1 "$SERVE_TRIALS"); do
  # killed while answering: a burst of exports under way
  for _ in $(seq 1 8); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/export/members_active.csv?by=district,value_chain,sex&grain=month" & done
  sleep 0.3
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  serve $port; pid=$PID; wait_up $port
  if [[ "$(figure $port)" == "$reference" ]]; then serve_ok=$((serve_ok + 1)); verdict=same; else verdict=DIFFERENT; fi
  echo "serve trial $trial: killed while answering, restarted: figures $verdict; server temp folders: $(temp_folders) (the live one included); load $(cut -d' ' -f1 /proc/loadavg)"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "serve kill -9: $serve_ok/$SERVE_TRIALS same figures after restart; server temp folders after a clean stop: $(temp_folders)"
sleep 61  # past the start's grace for young folders
serve $port; pid=$PID; wait_up $port; kill "$pid"; wait "$pid" 2>/dev/null || true
echo "after one more start and stop: server temp folders left: $(temp_folders); other files in the temp folder: $(find "$WORK/tmp" -maxdepth 1 -type f | wc -l)"
rm -rf "$WORK"
