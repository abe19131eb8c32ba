#!/usr/bin/env bash
# What lab's start-up is trained on, in one place: a piped REPL session that walks the persistence
# lab (run, solve, check, next for every step; the archive's build), or only step 1 (LAB_TRAIN=short;
# ./lab's first start), in a throw-away lab home, with no network of its own
# when the kernel allows it (the engine's port 4566 then never clashes with another lab).
# Usage: scripts/train-cds.sh <lab root (holds labs/)> <java> <JVM options…> -- <jar>
# The JVM options say which archive to write (-XX:ArchiveClassesAtExit=… on Java 17, -XX:AOTCacheOutput=… on 25).
set -uo pipefail
root="$1"; java="$2"; shift 2
opts=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
shift
jar="$1"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# LAB_TRAIN=short (./lab's first start, where the learner waits): step 1's run, then quit.
if [ "${LAB_TRAIN:-full}" = short ]; then
  input="$(printf 'run\nquit\n')"
else
  steps=$(grep -c '^## ' "$root/labs/persistence/lab.en.md" || echo 8)
  input="$(for _ in $(seq "$steps"); do printf 'run\nsolve\ncheck\nnext\n'; done; printf 'quit\n')"
fi
train() {
  # LAB_ENGINE_IDLE=0: the engine host the training starts must not outlive it (it would hold port 4566).
  printf '%s\n' "$input" | LAB_ENGINE_IDLE=0 LANG=en_US.UTF-8 "$java" "${opts[@]}" -XX:TieredStopAtLevel=1 \
    -XX:+UseSerialGC -Xlog:disable -Xlog:all=off -Dlab.home="$home" -Dlab.root="$root" -jar "$jar" start persistence
  "$java" -Dlab.home="$home" -jar "$jar" engine stop
}
export -f train 2>/dev/null
if unshare -n true 2>/dev/null; then
  export input java jar home root
  unshare -n bash -c "ip link set lo up 2>/dev/null; $(declare -p opts); $(declare -f train); train"
else
  train
fi
