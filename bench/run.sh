#!/usr/bin/env bash
# Benchmarks of issue #2, as whole-process timings (medians of N runs):
#   1. `lab run persistence` headless on the embedded engine, JVM start included (target ≤ 3 s)
#   2. `lab start persistence` to the first prompt, with piped input that quits at once (target ≤ 1 s)
#   3. a restart of the emulated LocalStack (in-process median, target ≤ 100 ms)
# Usage: bench/run.sh [runs]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
export LAB_HOME="$(mktemp -d)"
trap 'rm -rf "$LAB_HOME"' EXIT
"$root/lab" --version >/dev/null   # builds on first use and writes the class-data archive

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

for edition in community-4.14 pro; do
  t=$(for i in $(seq "$runs"); do time_ms "$root/lab" run persistence --engine embedded --edition "$edition" --quiet; done | median)
  echo "headless lab, embedded, $edition: median ${t} ms over $runs runs (target ≤ 3000)"
done
t=$(for i in $(seq "$runs"); do time_ms bash -c "echo quit | '$root/lab' start persistence"; done | median)
echo "lab start to first prompt and quit: median ${t} ms over $runs runs (target ≤ 1000)"
java -cp "$root/target/lab.jar:$root/target/lib/*" dev.lab.emulator.Bench
