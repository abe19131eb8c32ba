#!/usr/bin/env bash
# Benchmarks, as whole-process timings (medians of N runs) unless said otherwise:
#   issue 2: `lab run persistence` headless on the embedded engine, JVM start included (≤ 3 s);
#            `lab start persistence` to the first prompt, piped input that quits (≤ 1 s);
#            a restart of the emulated LocalStack, in process (≤ 100 ms)
#   issue 3: the headless lab on the docker engine and on the embedded engine side by side, with the
#            ratio; readiness detected after LocalStack first answers healthy (≤ 200 ms); a restart of
#            real LocalStack against one of the emulator. Needs a Docker engine and images/build.sh.
#   issue 12: the same, interleaved, against ≤ 2 s / ≤ 0.4 s; Pro restarts through the embedded engine
#            with 0, 1,000 and 10,000 objects (≤ 50 ms); bench/peers.sh (S3 endpoint vs moto and LocalStack)
#   issue 12 also: bench/first-prompt.sh (cold/warm, interleaved, archive and ./lab), bench/quit.sh (quit latency)
#   issue 13: bench/shell.sh (the lab's awslocal from `lab shell` beside the real AWS CLI; a {run}
#            block's overhead over its commands run one by one)
# Usage: bench/run.sh [runs] [docker-runs]   (defaults 5 and 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
docker_runs="${2:-3}"
export LAB_HOME="$(mktemp -d)"
trap 'rm -rf "$LAB_HOME"' EXIT
"$root/lab" start --help >/dev/null   # builds on first use and trains the class-data archive (only start/run/demo/test train)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() {
  local s e log="$LAB_HOME/last-run.log"
  s=$(date +%s%N)
  "$@" >"$log" 2>&1 || { echo "FAILED: $*" >&2; grep -E "✗|FAILED|lab:" "$log" | head -20 >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
lab_run() { time_ms "$root/lab" run persistence --engine "$1" --edition community-4.14 --quiet; }

# Interleaved: one run of each edition per round, so load from elsewhere hits both alike.
comm=(); pro=(); prompt=()
# One lab home per edition: an engine host serves one edition, and each keeps its host warm between rounds.
mkdir -p "$LAB_HOME/comm" "$LAB_HOME/pro"
trap 'for h in "$LAB_HOME" "$LAB_HOME/comm" "$LAB_HOME/pro"; do LAB_HOME="$h" "$root/lab" engine stop >/dev/null 2>&1 || true; done; rm -rf "$LAB_HOME"' EXIT
for i in $(seq "$runs"); do
  comm+=("$(LAB_HOME="$LAB_HOME/comm" time_ms "$root/lab" run persistence --engine embedded --edition community-4.14 --quiet)")
  pro+=("$(LAB_HOME="$LAB_HOME/pro" time_ms "$root/lab" run persistence --engine embedded --edition pro --quiet)")
  prompt+=("$(time_ms bash -c "echo quit | '$root/lab' start persistence")")
done
echo "headless lab, embedded, community-4.14: median $(printf '%s\n' "${comm[@]}" | median) ms over $runs runs (target ≤ 2000)"
echo "headless lab, embedded, pro: median $(printf '%s\n' "${pro[@]}" | median) ms over $runs runs (target ≤ 2000)"
echo "lab start to first prompt and quit: median $(printf '%s\n' "${prompt[@]}" | median) ms over $runs runs (target ≤ 400)"
java -cp "$root/target/lab.jar:$root/target/lib/*" dev.lab.emulator.Bench
# Issue 12: emulated Pro restarts through the embedded engine (stop+start, down+up) at 0, 1,000, 10,000 objects.
java -cp "$root/target/lab.jar:$root/target/lib/*" dev.lab.bench.RestartBench "$runs" 0 1000 10000
# Issue 12: the S3 endpoint against moto and real LocalStack on the host (each skipped with a reason).
"$root/bench/peers.sh" "$runs"
"$root/bench/shell.sh" "$runs"

if ! docker info >/dev/null 2>&1; then
  echo "docker benchmarks skipped: no Docker engine answers (scripts/start-dockerd.sh && images/build.sh)"
  exit 0
fi
d=$(for i in $(seq "$docker_runs"); do lab_run docker; done | median)
e=$(for i in $(seq "$docker_runs"); do lab_run embedded; done | median)
awk -v d="$d" -v e="$e" -v n="$docker_runs" 'BEGIN {printf "headless lab, community: docker median %d ms, embedded median %d ms, ratio %.1fx (%d runs each)\n", d, e, d / e, n}'
java -cp "$root/target/lab.jar:$root/target/lib/*" dev.lab.bench.EngineBench "$runs"
