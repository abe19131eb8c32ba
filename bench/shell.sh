#!/usr/bin/env bash
# Benchmarks of issue 13 (the learner's own commands in a real shell), embedded engine (and issue 12: a lab
# command through the engine host's loopback door against the shims' Java client):
#   a) `awslocal s3 ls` through the lab's command, timed inside one open `lab shell` session after a
#      warm-up (≤ 200 ms), beside the real AWS CLI against the same endpoint and `aws --version` alone;
#      the shim runs the real CLI when one is installed, so LAB_AWS_CLI=builtin is timed as well.
#   b) a `{run}` block of 5 commands adds ≤ 50 ms over running them one by one: `lab run` of a lab whose
#      block has the 5 commands (T5) against the same lab with a block of one `true` (T1), whole
#      processes; the 5 commands timed one by one in a plain bash with `eval "$(lab env)"` (T_plain);
#      overhead = (T5 − T1) − T_plain, the median of the rounds' overheads. Twice: 5 `ls` (the runner's
#      own cost, nearly free commands) and 5 `awslocal s3 ls` with LAB_AWS_CLI=builtin (BLOCK_CLI=real
#      to change), since the real CLI's own spread (±0.1 s) would hide a 50 ms target.
# Medians of N runs, rounds interleaved. A report: exits 0 whatever the figures, with PASS/MISS per target.
# Needs port 4566 free (else: unshare -rn bash -c 'ip link set lo up && bench/shell.sh').
# Usage: bench/shell.sh [runs]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
block_cli="${BLOCK_CLI:-builtin}"
export LAB_HOME="$(mktemp -d)"
lab="$root/lab"
trap '"$lab" engine stop >/dev/null 2>&1 || true; rm -rf "$LAB_HOME"' EXIT
"$lab" --version >/dev/null   # builds on first use and trains the class-data archive

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v != "-" && v <= t) ? "PASS" : "MISS"}'; }
real_aws="$(command -v aws || true)"   # before any lab PATH: the user's own CLI, if any

# --- a) single commands inside one `lab shell` session ---------------------------------------------
times="$LAB_HOME/shell-times"
# The session prints "<label> <µs>" per timed command; a failed command prints FAILED and its output.
session=$(cat <<EOF
set -u
out=\$(mktemp)
t() { local label=\$1; shift; local s=\$EPOCHREALTIME rc
  "\$@" >"\$out" 2>&1 && rc=0 || rc=\$?
  local e=\$EPOCHREALTIME
  [ \$rc -eq 0 ] || { echo "FAILED \$label (exit \$rc): \$(cat "\$out")" >&2; return 0; }
  echo "\$label \$(( \${e/./} - \${s/./} ))"; }
docker compose up -d localstack >/dev/null 2>&1 || { echo "FAILED docker compose up -d localstack" >&2; exit 1; }
awslocal s3 mb s3://bench-bucket >/dev/null
for i in 1 2 3; do   # warm-up: the shims' class-data archive, the engine's S3 paths, the CLI's imports
  awslocal s3 ls >/dev/null; LAB_AWS_CLI=builtin awslocal s3 ls >/dev/null
  ${real_aws:+"$real_aws" --version >/dev/null 2>&1}
done
alt=\$(dirname "\$LAB_ENGINE_SOCKET")//host.sock   # the same socket by another name: the shim takes its Java client
for i in \$(seq $runs); do
  t shim-door docker ps
  t shim-java env LAB_ENGINE_SOCKET="\$alt" docker ps
  LAB_AWS_CLI=builtin t shim-builtin awslocal s3 ls
  ${real_aws:+t shim-real awslocal s3 ls}
  ${real_aws:+t real-endpoint "$real_aws" --endpoint-url http://localhost:4566 s3 ls}
  ${real_aws:+t real-version "$real_aws" --version}
done
docker compose down -v >/dev/null 2>&1; rm -f "\$out"
EOF
)
echo "$session" | "$lab" shell persistence >"$times" 2>"$LAB_HOME/shell-errors" || true
grep FAILED "$LAB_HOME/shell-errors" >&2 || true
ms() { grep "^$1 " "$times" | awk '{printf "%.0f\n", $2 / 1000}' | median; }
door_ms=$(ms shim-door); java_ms=$(ms shim-java); builtin_ms=$(ms shim-builtin); shim_real_ms=$(ms shim-real); endpoint_ms=$(ms real-endpoint); version_ms=$(ms real-version)

# --- b) a block of 5 commands against one command ---------------------------------------------------
labs="$LAB_HOME/bench-labs"
compose="$LAB_HOME/bench-compose.yml"
cat >"$compose" <<'EOF'
services:
  localstack:
    image: localstack/localstack:4.14.0
    ports:
      - "127.0.0.1:4566:4566"
EOF
write_lab() {   # write_lab <id> <block lines>
  mkdir -p "$labs/labs/$1" "$labs/compose-variants/$1"
  cp "$compose" "$labs/compose-variants/$1/plain.yml"
  printf -- '---\nlab: %s\ntitle: 벤치마크 블록\nvariants: { plain: %s/plain.yml }\n---\n## 1. 시작 {#up variant=plain}\n\n```bash {run}\ndocker compose up -d localstack\n```\n\n## 2. 블록 {#block}\n\n```bash {run}\n%s\n```\n' "$1" "$1" "$2" \
    >"$labs/labs/$1/lab.ko.md"
}
write_lab block1 "true"
write_lab block5-ls "$(for i in 1 2 3 4 5; do echo "ls >/dev/null"; done)"
write_lab block5-aws "$(for i in 1 2 3 4 5; do echo "awslocal s3 ls"; done)"
plain="$LAB_HOME/plain"
mkdir -p "$plain" && cp "$compose" "$plain/docker-compose.yml"

aws_cli=$([ "$block_cli" = builtin ] && echo builtin || echo "")
run_ms() {   # whole `lab run` of a bench lab, in ms
  local s e log="$LAB_HOME/last-run.log"
  s=$(date +%s%N)
  LAB_AWS_CLI="$aws_cli" "$lab" run "$labs/labs/$1" --engine embedded --quiet >"$log" 2>&1 \
    || { echo "FAILED: lab run $1" >&2; tail -20 "$log" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
plain_ms() {   # plain_ms <command>: the command 5 times one by one in a plain bash with the lab's commands; the sum, in ms
  (cd "$plain" && LAB_AWS_CLI="$aws_cli" bash -c '
    set -e; eval "$("$0" env)"; docker compose up -d localstack >/dev/null 2>&1
    total=0
    for i in 1 2 3 4 5; do s=$EPOCHREALTIME; eval "$1" >/dev/null; e=$EPOCHREALTIME; total=$(( total + ${e/./} - ${s/./} )); done
    docker compose down -v >/dev/null 2>&1
    echo $(( total / 1000 ))' "$lab" "$1")
}
run_ms block1 >/dev/null; run_ms block5-aws >/dev/null; plain_ms "awslocal s3 ls" >/dev/null   # warm-up
t1=(); tl=(); ta=(); pl=(); pa=()
for i in $(seq "$runs"); do
  t1+=("$(run_ms block1)"); tl+=("$(run_ms block5-ls)"); ta+=("$(run_ms block5-aws)")
  pl+=("$(plain_ms "ls")"); pa+=("$(plain_ms "awslocal s3 ls")")
done
med() { printf '%s\n' "$@" | median; }
# The overhead per round, then its median: a round's runs share the machine's load of that moment.
overhead() { local -n t5=$1 tp=$2; for i in "${!t1[@]}"; do echo $(( t5[i] - t1[i] - tp[i] )); done | median; }
over_ls=$(overhead tl pl); over_aws=$(overhead ta pa)

echo
echo "issue 13 — lab shell and {run} blocks, embedded engine, medians of $runs runs ($(nproc) cores)"
printf '%-70s %8s  %s\n' "measure" "median" "target"
row() { printf '%-70s %6s ms  %s\n' "$1" "$2" "${3:-}"; }
row "docker ps, lab's shim through the host's loopback door (bash only)" "$door_ms" "(reference)"
row "docker ps, lab's shim through its Java client (docker exec's path)" "$java_ms" "(reference)"
row "awslocal s3 ls, lab's shim, LAB_AWS_CLI=builtin (lab shell)" "$builtin_ms" "≤ 200  $(verdict "$builtin_ms" 200)"
if [ -n "$real_aws" ]; then
  row "awslocal s3 ls, lab's shim running the real AWS CLI" "$shim_real_ms" "(reference)"
  row "aws --endpoint-url http://localhost:4566 s3 ls (real CLI)" "$endpoint_ms" "(reference)"
  row "aws --version (real CLI, $("$real_aws" --version 2>&1 | cut -d' ' -f1))" "$version_ms" "(reference)"
else
  echo "  (no AWS CLI on PATH: the real CLI's rows are skipped)"
fi
row "lab run, block of 1 \`true\` (T1)" "$(med "${t1[@]}")"
row "lab run, block of 5 \`ls\` (T5)" "$(med "${tl[@]}")"
row "  5 \`ls\` one by one, plain bash + lab env (T_plain)" "$(med "${pl[@]}")"
row "  block overhead (T5 - T1) - T_plain" "$over_ls" "≤ 50  $(verdict "$over_ls" 50)"
row "lab run, block of 5 \`awslocal s3 ls\` (T5), LAB_AWS_CLI=${aws_cli:-real}" "$(med "${ta[@]}")"
row "  5 \`awslocal s3 ls\` one by one, plain bash + lab env (T_plain)" "$(med "${pa[@]}")"
row "  block overhead (T5 - T1) - T_plain" "$over_aws" "≤ 50  $(verdict "$over_aws" 50)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
