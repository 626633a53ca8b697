#!/usr/bin/env bash
# Starts a one-machine Spark standalone cluster (a master and one worker) from the
# ingest module's own jars, so the cluster mode of the ingest can be tried without
# a Spark download:
#
#   scripts/local-spark-cluster.sh start     # master on spark://127.0.0.1:7077
#   ./jijukirwa ingest --master spark://127.0.0.1:7077 --input data-samples --warehouse /tmp/wh --as-of 2020-12-31
#   scripts/local-spark-cluster.sh stop
#
# A real cluster runs Spark 4.1.3 for Scala 2.13; only the master URL changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${SPARK_CLUSTER_STATE:-/tmp/jijukirwa-spark-cluster}"
WORKER_CORES="${WORKER_CORES:-2}"
WORKER_MEMORY="${WORKER_MEMORY:-2g}"

start() {
  [[ -f "$ROOT/ingest/target/runtime-classpath.txt" ]] || (cd "$ROOT" && ./jijukirwa build)
  mkdir -p "$STATE/spark-home/jars" "$STATE/work"
  # The worker builds executor classpaths from $SPARK_HOME/jars: link the runtime jars there.
  tr ':' '\n' < "$ROOT/ingest/target/runtime-classpath.txt" | while read -r jar || [[ -n "$jar" ]]; do
    ln -sf "$jar" "$STATE/spark-home/jars/$(basename "$jar")"
  done
  export SPARK_HOME="$STATE/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  local classpath; classpath="$(cat "$ROOT/ingest/target/runtime-classpath.txt")"
  java @"$ROOT/ingest/spark-jvm.options" -Xmx512m -cp "$classpath" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8090 \
    > "$STATE/master.log" 2>&1 &
  echo $! > "$STATE/master.pid"
  sleep 5
  java @"$ROOT/ingest/spark-jvm.options" -Xmx512m -cp "$classpath" \
    org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 --host 127.0.0.1 \
    --cores "$WORKER_CORES" --memory "$WORKER_MEMORY" --work-dir "$STATE/work" --webui-port 8091 \
    > "$STATE/worker.log" 2>&1 &
  echo $! > "$STATE/worker.pid"
  for _ in $(seq 1 30); do
    if grep -q "Successfully registered with master" "$STATE/worker.log" 2>/dev/null; then
      echo "Spark master spark://127.0.0.1:7077 with one worker ($WORKER_CORES cores, $WORKER_MEMORY); logs in $STATE"
      return 0
    fi
    sleep 1
  done
  echo "the worker did not register; see $STATE/worker.log" >&2
  stop
  return 1
}

stop() {
  for role in worker master; do
    if [[ -f "$STATE/$role.pid" ]]; then
      kill "$(cat "$STATE/$role.pid")" 2>/dev/null || true
      rm -f "$STATE/$role.pid"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
