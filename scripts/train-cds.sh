#!/usr/bin/env bash
# lab's class-data archive, in one place: one archive for a lab process AND the engine host it starts (same class
# path), so the host's first start is as quick as lab's. Two training runs in a throw-away lab home, with no network
# of its own when the kernel allows it (the engine's port 4566 then never clashes with another lab):
#   1. a piped REPL session that walks the persistence lab (run, solve, check, next for every step; the archive's
#      build), or its first steps (LAB_TRAIN=short; ./lab after a build, where the learner waits);
#   2. an interactive REPL session in a pseudo-terminal (script(1)): hint, check, quit, as a learner types them;
#      a terminal loads what a pipe never does (JLine's terminal, signals, the prompt's line editing).
# Each lab JVM and each host JVM writes the classes it loaded (-XX:DumpLoadedClassList; the host through
# -Dlab.host.classlist, see HostLauncher); the lists are merged and dumped into a static archive (-Xshare:dump,
# with -XX:+AOTClassLinking on a JDK that has it). A static archive, not a dynamic one: it is the one kind both
# JVMs can share, and Java 17's dynamic archive skips picocli's Java 5 class files.
# Usage: scripts/train-cds.sh <lab root (holds labs/)> <java> <archive to write> <jar>
set -uo pipefail
root="$1"; java="$2"; archive="$3"; jar="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
home="$work/home"
steps=3
[ "${LAB_TRAIN:-full}" = short ] || steps=$(grep -c '^## ' "$root/labs/persistence/lab.en.md" || echo 8)
walk="$(for _ in $(seq "$steps"); do printf 'run\nsolve\ncheck\nnext\n'; done; printf 'quit\n')"
export java jar home root work walk

# One lab JVM with the launchers' options; $1 names its class lists, the rest are lab's arguments.
lab() {
  local name="$1"; shift
  LAB_ENGINE_IDLE=0 LANG=en_US.UTF-8 "$java" -XX:DumpLoadedClassList="$work/$name.lab.classlist" \
    -Dlab.host.classlist="$work/$name.host.classlist" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=off \
    -Dlab.home="$home" -Dlab.root="$root" -jar "$jar" "$@"
}
# The host writes its list until it exits, a moment after its socket is gone.
host_gone() {
  "$java" -Dlab.home="$home" -jar "$jar" engine stop >/dev/null 2>&1
  for _ in $(seq 100); do pgrep -f "lab.home=$home .*engine host" >/dev/null || return 0; sleep 0.1; done
}
train() {
  printf '%s\n' "$walk" | lab piped start persistence
  host_gone
  if command -v script >/dev/null 2>&1; then
    export -f lab
    # Typed ahead into the terminal: JLine reads each line when its prompt is up.
    printf 'hint\ncheck\nquit\n' | SHELL=/bin/bash script -qec 'lab tty start persistence' /dev/null
    host_gone
  fi
}
export -f lab host_gone train
if unshare -n true 2>/dev/null; then
  unshare -n bash -c 'ip link set lo up 2>/dev/null; train'
else
  train
fi

lists=("$work"/*.classlist)
[ -e "${lists[0]}" ] || { echo "train-cds: the training runs wrote no class list" >&2; exit 1; }
# One list: each class once; the second and later lists' ids (which only tie classes of other loaders to their
# super types) moved out of the first list's range. Without the lambdas that implement or call picocli's types:
# archiving them links picocli's Java 5 classes at dump time, and Java 17 then skips them ("Old class has been
# linked"), so picocli.CommandLine (~40 ms to load and verify) loaded from its jar at every start.
awk 'FNR == 1 { file++ }
  /^#/ { next }
  /^@lambda-proxy/ && /picocli\// { next }
  /^@/ { if (!seen[$0]++) print; next }
  ($1 in names) { next }
  { names[$1] = 1
    if (file > 1 && match($0, /id: [0-9]+/)) {
      $0 = substr($0, 1, RSTART - 1) "id: " (substr($0, RSTART + 4, RLENGTH - 4) + file * 1000000) substr($0, RSTART + RLENGTH)
    }
    print }' "${lists[@]}" >"$work/all.classlist"
linking=()
"$java" -XX:+AOTClassLinking -version >/dev/null 2>&1 && linking=(-XX:+AOTClassLinking)
rm -f "$archive"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:SharedArchiveFile="$archive" "${linking[@]}" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" >"$work/dump.log" 2>&1 \
  || { cat "$work/dump.log" >&2; echo "train-cds: dumping $archive failed" >&2; exit 1; }
[ -f "$archive" ]
