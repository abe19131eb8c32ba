#!/usr/bin/env bash
# Issue 10: the class board under a workshop's load, on loopback, bounded in time. A board in its own
# JVM (as `lab class serve` runs), N simulated learners each posting one event a second for S seconds
# (dev.lab.bench.ClassBench): events lost, post latency p99, page (stream) update delay, the board's RSS.
# Usage: bench/class.sh [learners] [seconds]   (defaults 500 and 60; seconds at most 600)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
learners="${1:-500}"
seconds="${2:-60}"
[ "$seconds" -le 600 ] || { echo "bench/class.sh: at most 600 seconds" >&2; exit 2; }
work="$(mktemp -d)"
jar="$root/target/lab.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -o -DskipTests package)
java -Dlab.home="$work" -jar "$jar" class serve --port 0 --db "$work/board.db" >"$work/serve.log" 2>&1 &
board=$!
trap 'kill "$board" 2>/dev/null || true; wait "$board" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q '/board?token=' "$work/serve.log" && break; sleep 0.2; done
join="$(grep -o 'http://[^ ]*/join/[^ ]*' "$work/serve.log")"
instructor="$(grep -o 'http://[^ ]*/board?token=[^ ]*' "$work/serve.log" | head -1)"
peak=0
( while kill -0 "$board" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$board/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak"
    sleep 0.5
  done ) &
java -cp "$jar" dev.lab.bench.ClassBench "$join" "$instructor" "$learners" "$seconds"
echo "board RSS: peak $(( $(cat "$work/peak" 2>/dev/null || echo 0) / 1024 )) MiB, now $(( $(awk '/VmRSS/ {print $2}' "/proc/$board/status") / 1024 )) MiB"
