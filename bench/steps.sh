#!/usr/bin/env bash
# Issue 12: where the headless persistence lab's time goes, from LAB_TRACE spans (medians of N runs). Per step: its
# time, the host side of its lab commands (each docker/aws/awslocal as the engine host ran it), its checks, and the
# rest (bash, the shims' process starts, curl, the variant swap); then the engine host's start, the resets, hooks and
# healthcheck probes, and the whole process. Each run has a fresh lab home and, where `unshare -n` works, its own
# loopback (so port 4566 is free).
# Usage: bench/steps.sh [runs] [lab run options...]     e.g. bench/steps.sh 5 --edition pro
# Default LAB_AWS_CLI=builtin (the lab's own aws, not the Python AWS CLI).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
shift || true
export LAB_AWS_CLI="${LAB_AWS_CLI:-builtin}" LAB_TRACE=1
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
LAB_HOME="$out/build" "$root/lab" --version >/dev/null   # builds on first use and trains the class-data archive

one_run() {  # $1: folder of this run, then lab run's options
  local dir="$1" home="$1/home"
  shift
  mkdir -p "$home"
  local cmd="cd '$root'; s=\$(date +%s%N); LAB_HOME='$home' ./lab run persistence --quiet $* >'$dir/out' 2>'$dir/err';"
  cmd+=" rc=\$?; e=\$(date +%s%N); LAB_HOME='$home' ./lab engine stop >/dev/null 2>&1; echo \$(( (e - s) / 1000000 )) >'$dir/total'; exit \$rc"
  if unshare -n true 2>/dev/null; then unshare -n bash -c "ip link set lo up; $cmd"; else bash -c "$cmd"; fi \
    || { echo "FAILED run:" >&2; tail -20 "$dir/out" "$dir/err" >&2; exit 1; }
  cat "$dir/err" "$home/state/engine/host.log" 2>/dev/null | grep '^lab-trace ' >"$dir/trace" || true
}

for i in $(seq "$runs"); do one_run "$out/run$i" "$@"; done

python3 - "$out" "$runs" <<'PY'
import re, statistics, sys
from collections import defaultdict
out, runs = sys.argv[1], int(sys.argv[2])
LINE = re.compile(r"lab-trace (\d+) -?\d+ (\d+) (.*) (\d+\.\d) ms$")
per_run = []
for i in range(1, runs + 1):
    spans, first = [], None
    for line in open(f"{out}/run{i}/trace", encoding="utf-8"):
        m = LINE.match(line.strip())
        if not m: continue
        pid, wall, what, ms = m.groups()
        first = int(wall) if first is None else first
        # The wall clock is printed mod 100 s: times relative to the lab's first line, within ±50 s of it.
        end = (int(wall) - first + 50_000) % 100_000 - 50_000
        spans.append((end - float(ms), end, what, float(ms)))
    steps = {}
    for start, end, what, ms in spans:
        m = re.fullmatch(r"step (\d+)", what)
        if m: steps[int(m.group(1))] = (start, end, ms)
    row = defaultdict(float)
    for n, (s0, s1, ms) in steps.items():
        row[(n, "step")] = ms
        for start, end, what, d in spans:
            if not (s0 - 1 <= end <= s1 + 1): continue
            if what.startswith("command "): row[(n, "commands")] += d
            elif what.startswith("check "): row[(n, "checks")] += d
        row[(n, "rest")] = ms - row[(n, "commands")] - row[(n, "checks")]
    for start, end, what, d in spans:
        for key in ("run open engine", "run reset before", "run reset after"):
            if what == key: row[key] += d
        if what.startswith("hook "): row["hooks"] += d
        if what.startswith("healthcheck "): row["healthcheck probes"] += d
    row["whole process"] = float(open(f"{out}/run{i}/total").read())
    row["steps"] = len(steps)
    per_run.append(row)
med = lambda key: statistics.median(r.get(key, 0.0) for r in per_run)
n_steps = int(max(r["steps"] for r in per_run))
print(f"headless persistence lab, medians of {runs} run(s), ms (LAB_TRACE spans)")
print(f"{'step':>4} {'total':>7} {'commands':>9} {'checks':>7} {'rest':>7}")
for n in range(1, n_steps + 1):
    print(f"{n:>4} {med((n,'step')):>7.0f} {med((n,'commands')):>9.0f} {med((n,'checks')):>7.0f} {med((n,'rest')):>7.0f}")
sums = {k: statistics.median(sum(r.get((n, k), 0.0) for n in range(1, n_steps + 1)) for r in per_run) for k in ("step", "commands", "checks", "rest")}
print(f"{'all':>4} {sums['step']:>7.0f} {sums['commands']:>9.0f} {sums['checks']:>7.0f} {sums['rest']:>7.0f}")
for key in ("run open engine", "run reset before", "run reset after", "hooks", "healthcheck probes", "whole process"):
    print(f"{key}: {med(key):.0f}")
PY
