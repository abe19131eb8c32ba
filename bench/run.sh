#!/usr/bin/env bash
# Benchmarks, as whole-process timings (medians of N runs) unless said otherwise:
#   issue 2: `lab run persistence` headless on the embedded engine, JVM start included (≤ 3 s);
#            `lab start persistence` to the first prompt, piped input that quits (≤ 1 s);
#            a restart of the emulated LocalStack, in process (≤ 100 ms)
#   issue 3: the headless lab on the docker engine and on the embedded engine side by side, with the
#            ratio; readiness detected after LocalStack first answers healthy (≤ 200 ms); a restart of
#            real LocalStack against one of the emulator. Needs a Docker engine and images/build.sh.
#   issue 13: bench/shell.sh (the lab's awslocal from `lab shell` beside the real AWS CLI; a {run}
#            block's overhead over its commands run one by one)
# Usage: bench/run.sh [runs] [docker-runs]   (defaults 5 and 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
docker_runs="${2:-3}"
export LAB_HOME="$(mktemp -d)"
trap 'rm -rf "$LAB_HOME"' EXIT
"$root/lab" --version >/dev/null   # builds on first use and trains the class-data archive

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() {
  local s e log="$LAB_HOME/last-run.log"
  s=$(date +%s%N)
  "$@" >"$log" 2>&1 || { echo "FAILED: $*" >&2; grep -E "✗|FAILED|lab:" "$log" | head -20 >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
lab_run() { time_ms "$root/lab" run persistence --engine "$1" --edition community-4.14 --quiet; }

for edition in community-4.14 pro; do
  t=$(for i in $(seq "$runs"); do time_ms "$root/lab" run persistence --engine embedded --edition "$edition" --quiet; done | median)
  echo "headless lab, embedded, $edition: median ${t} ms over $runs runs (target ≤ 3000)"
done
t=$(for i in $(seq "$runs"); do time_ms bash -c "echo quit | '$root/lab' start persistence"; done | median)
echo "lab start to first prompt and quit: median ${t} ms over $runs runs (target ≤ 1000)"
java -cp "$root/target/lab.jar:$root/target/lib/*" dev.lab.emulator.Bench
"$root/bench/shell.sh" "$runs"

if ! docker info >/dev/null 2>&1; then
  echo "docker benchmarks skipped: no Docker engine answers (scripts/start-dockerd.sh && images/build.sh)"
  exit 0
fi
d=$(for i in $(seq "$docker_runs"); do lab_run docker; done | median)
e=$(for i in $(seq "$docker_runs"); do lab_run embedded; done | median)
awk -v d="$d" -v e="$e" -v n="$docker_runs" 'BEGIN {printf "headless lab, community: docker median %d ms, embedded median %d ms, ratio %.1fx (%d runs each)\n", d, e, d / e, n}'
java -cp "$root/target/lab.jar:$root/target/lib/*" dev.lab.bench.EngineBench "$runs"
