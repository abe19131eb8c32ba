#!/usr/bin/env bash
# Issue 12: how long `quit` takes after a step, the whole process: `lab start persistence` in a terminal (script(1)
# gives it one, as a learner has), `solve` of step 1 (LocalStack up, checks), and once the prompt is back, `quit`:
# the time from writing `quit` to the process's exit (target ≤ 50 ms). Each round uses a new lab home; the labs
# compared take turns (interleaved), medians of N.
# Usage: bench/quit.sh [rounds] [lab launcher…]   (default 5 rounds; ./lab, and the unpacked archive's bin/lab when
#                                                  target/ has an archive)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${LAB_BENCH_NS:-}" ] && unshare -n true 2>/dev/null; then
  exec env LAB_BENCH_NS=1 unshare -n bash -c 'ip link set lo up; exec "$0" "$@"' "$0" "$@"
fi
rounds="${1:-5}"; shift || true
scratch="$(mktemp -d)"
trap 'for h in "$scratch"/home.*; do [ -d "$h" ] && LAB_HOME="$h" "$root/lab" engine stop >/dev/null 2>&1; done; rm -rf "$scratch"' EXIT
labs=("$@")
if [ "${#labs[@]}" = 0 ]; then
  labs=("$root/lab")
  archive="$(ls "$root"/target/lab-*-linux-x64.tar.gz 2>/dev/null | head -1 || true)"
  if [ -n "$archive" ]; then mkdir "$scratch/a" && tar -C "$scratch/a" -xzf "$archive" && labs+=("$(echo "$scratch"/a/lab-*/bin/lab)"); fi
fi
"$root/lab" start --help >/dev/null   # builds ./lab's jar and trains its class-data archive, outside the timings
export LANG=en_US.UTF-8
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One round: prints the ms from writing `quit` to the process's exit.
quit_ms() {
  local lab="$1" home out fifo pid t0 t1
  home="$(mktemp -d "$scratch/home.XXXX")"; out="$scratch/out"; fifo="$scratch/in"
  rm -f "$fifo"; mkfifo "$fifo"
  # A terminal of a usual size: script's has none, and JLine then cuts its prompt to nothing.
  LAB_HOME="$home" TERM=xterm SHELL=/bin/bash script -qfec "stty cols 120 rows 40; exec '$lab' start persistence" /dev/null \
    <"$fifo" >"$out" 2>&1 &
  pid=$!
  exec 7>"$fifo"
  until grep -q ']> ' "$out"; do kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }; sleep 0.02; done
  printf 'solve\n' >&7
  # The prompt again after the step's output: the step is done.
  until [ "$(grep -o ']> ' "$out" | wc -l)" -ge 2 ]; do kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }; sleep 0.02; done
  sleep 0.3
  t0=$(date +%s%N); printf 'quit\n' >&7; wait "$pid"; t1=$(date +%s%N)
  exec 7>&-
  LAB_HOME="$home" "$lab" engine stop >/dev/null 2>&1 || true
  echo $(( (t1 - t0) / 1000000 ))
}

declare -A all
for _ in $(seq "$rounds"); do for lab in "${labs[@]}"; do all[$lab]+="$(quit_ms "$lab") "; done; done
echo "quit after a step (solve of step 1, in a terminal), ms from writing quit to the process's exit, medians of $rounds:"
for lab in "${labs[@]}"; do
  printf '  %-60s %6s ms   (%s)\n' "$lab" "$(printf '%s\n' ${all[$lab]} | median)" "${all[$lab]% }"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
