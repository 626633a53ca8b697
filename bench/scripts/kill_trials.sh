#!/usr/bin/env bash
# kill -9 trials (issue 18): an ingest killed at a random moment, N times, then one clean run; a server killed while
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

ingest 2026-12-01; wait "$PID"
echo "first snapshot: $(current)"

ingest_ok=0
for trial in $(seq 1 "$INGEST_TRIALS"); do
  before=$(current)
  ingest "2026-12-$(printf %02d $((trial + 1)))"; pid=$PID  # a new as-of date: something new to publish
  delay=$(( (RANDOM % 25) + 3 ))
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  after=$(current)
  # CURRENT is the snapshot before, or (if the run published before the kill) a whole new one with its manifest
  if [[ "$after" == "$before" || -f "$WAREHOUSE/snapshots/$after/manifest.json" ]]; then ingest_ok=$((ingest_ok + 1)); verdict=intact; else verdict=BROKEN; fi
  echo "ingest trial $trial: killed after ${delay} s; CURRENT $before -> $after ($verdict); staging folders left: $(staging)"
done
ingest 2026-12-20; wait "$PID" || true
echo "ingest kill -9: $ingest_ok/$INGEST_TRIALS intact; after one more run: CURRENT $(current), staging folders left: $(staging)"

serve() { # port -> starts a server in the background; its pid in PID (its temp folder: see ServerTempFolderTest)
  local temp="$WORK/server-tmp"; mkdir -p "$temp"
  java -Xmx1g -Djava.io.tmpdir="$temp" -cp "$SERVE_CP" org.jijukirwa.dashboard.Application --warehouse "$WAREHOUSE" --port "$1" >"$WORK/serve.log" 2>&1 &
  PID=$!
}
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
  echo "serve trial $trial: killed while answering, restarted: figures $verdict"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "serve kill -9: $serve_ok/$SERVE_TRIALS same figures after restart"
rm -rf "$WORK"
