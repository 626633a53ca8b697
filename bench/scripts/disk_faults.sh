#!/usr/bin/env bash
# A warehouse on a small tmpfs (root: mount): one ingest publishes, then the disk is filled and the next run must end
# with one line and CURRENT intact; then the file system is remounted read-only and the next run must do the same.
# (RunFailureTest runs the full-disk case in the normal suite.)   bench/scripts/disk_faults.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/disk-faults-XXXXXX")"
DISK="$WORK/disk"; mkdir -p "$DISK"
mount -t tmpfs -o size=4m tmpfs "$DISK"
trap 'umount -l "$DISK"; rm -rf "$WORK"' EXIT
echo "disk-faults-key" > "$WORK/key"
CP="$ROOT/ingest/target/classes:$(cat "$ROOT/ingest/target/runtime-classpath.txt")"
ingest() { # as-of -> exit code; stderr lines (progress aside) printed
  local code=0
  SPARK_LOCAL_IP=127.0.0.1 java @"$ROOT/ingest/spark-jvm.options" -Xmx1g -cp "$CP" org.jijukirwa.ingest.IngestMain \
    --input "$ROOT/data-samples/cooperatives" --warehouse "$DISK/warehouse" --hmac-key-file "$WORK/key" --as-of "$1" --brief \
    >/dev/null 2>"$WORK/err" || code=$?
  grep -v '^\[ingest\]' "$WORK/err" | sed 's/^/    stderr: /' || true
  echo "    exit $code; CURRENT $(cat "$DISK/warehouse/CURRENT"); snapshots: $(ls "$DISK/warehouse/snapshots" | wc -l); staging left: $(find "$DISK/warehouse/snapshots" -maxdepth 1 -name '.staging-*' | wc -l)"
}
echo "1. a run on a 4 MB tmpfs:"; ingest 2026-12-01
dd if=/dev/zero of="$DISK/filler" bs=64k 2>/dev/null || true
echo "2. the disk filled ($(df -h --output=avail "$DISK" | tail -1 | tr -d ' ') left), a run with a new as-of date:"; ingest 2026-12-02
rm -f "$DISK/filler"; mount -o remount,ro "$DISK"
echo "3. the file system read-only, a run with a new as-of date:"; ingest 2026-12-03
