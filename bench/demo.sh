#!/usr/bin/env bash
# Issue 9: `lab demo` moving between steps on the embedded engine. Drives a real demo in tmux
# (--typing off) and times each move from the key to the demo being ready for the next key, as the
# demo itself records them (<state>/demo/<lab>.jumps: key, step, ms until it takes keys again,
# snapshot|replay, ms until the engine is back too: a snapshot's containers come back on another
# thread while the presenter types; the demo waits for them before it runs anything). The same keys
# run twice: restoring step-boundary snapshots (default) and replaying from a clean slate as a
# `goto` does (--replay, what the docker engine does). Goal: snapshot medians ≤ 100 ms.
#   r    reset step 7 (#down-v) after its `down -v` ran: the containers come back from the snapshot
#   p    from step 7 to step 6
#   g 3  from step 6 to step 3
#   g 7  from step 3 to step 7 (boundaries kept from the way there)
# Usage: bench/demo.sh [rounds]   (default 5; run it in its own network namespace if 4566 is taken:
#        unshare -n bash -c 'ip link set lo up; bench/demo.sh')
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-5}"
command -v tmux >/dev/null || { echo "bench/demo.sh needs tmux" >&2; exit 1; }
export LAB_HOME="$(mktemp -d)"
sock="lab-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; "$root/lab" engine stop >/dev/null 2>&1 || true; rm -rf "$LAB_HOME"' EXIT
"$root/lab" --version >/dev/null
jumps="$LAB_HOME/state/demo/persistence.jumps"
status="$LAB_HOME/state/demo/persistence.properties"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
moves() { [ -f "$jumps" ] && wc -l <"$jumps" || echo 0; }
# Sends keys and waits until the demo recorded one more move.
move() {
  local before; before=$(moves)
  tmux -L "$sock" send-keys -t 0 "$@"
  for _ in $(seq 1 1200); do [ "$(moves)" -gt "$before" ] && return 0; sleep 0.05; done
  echo "no move after keys $*" >&2; tmux -L "$sock" capture-pane -p -t 0 >&2; exit 1
}
until_step() { for _ in $(seq 1 1200); do grep -q "^stepId=$1$" "$status" 2>/dev/null && return 0; sleep 0.1; done; echo "never reached $1" >&2; exit 1; }

bench() {
  local mode="$1"; shift
  rm -f "$jumps"
  tmux -L "$sock" new-session -d -x 120 -y 40 "LAB_HOME=$LAB_HOME $root/lab demo persistence --lang en --typing off --step down-v $*"
  until_step down-v
  sleep 1
  for _ in $(seq 1 "$rounds"); do
    tmux -L "$sock" send-keys -t 0 Enter   # docker compose down -v: the step has changed the state
    sleep 3
    move r
    move p
    tmux -L "$sock" send-keys -t 0 g; sleep 0.3; tmux -L "$sock" send-keys -t 0 -l 3; move Enter
    tmux -L "$sock" send-keys -t 0 g; sleep 0.3; tmux -L "$sock" send-keys -t 0 -l 7; move Enter
  done
  tmux -L "$sock" send-keys -t 0 q
  sleep 1
  tmux -L "$sock" kill-server 2>/dev/null || true
  for key in "r 7" "p 6" "g 3" "g 7"; do
    printf '%-9s %-5s median %6s ms to the next key, %6s ms until the engine is back too (%s moves)\n' "$mode" "$key" \
      "$(grep "^$key " "$jumps" | awk '{print $3}' | median)" "$(grep "^$key " "$jumps" | awk '{print $5}' | median)" \
      "$(grep -c "^$key " "$jumps")"
  done
}

bench snapshot
bench replay --replay
