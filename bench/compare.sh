#!/usr/bin/env bash
# The headless persistence lab, this checkout against a baseline checkout (e.g. `git worktree add /tmp/base <rev>`),
# interleaved run by run so load from elsewhere hits both alike: whole-process wall times with a warm engine host each
# (one lab home per checkout), sorted, their medians and the ratio. Each in its own loopback when `unshare -n` works.
# Usage: bench/compare.sh <baseline checkout> [runs] [edition]     e.g. bench/compare.sh /tmp/base 7 pro
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="$(cd "${1:?usage: bench/compare.sh <baseline checkout> [runs] [edition]}" && pwd)"
runs="${2:-7}"
edition="${3:-community-4.14}"
hb="$(mktemp -d)"; hn="$(mktemp -d)"
trap 'rm -rf "$hb" "$hn"' EXIT
body="$(cat <<EOF
export LAB_AWS_CLI=builtin
one() { local s e; s=\$(date +%s%N); LAB_HOME="\$2" "\$1/lab" run persistence --edition $edition --quiet >"\$2/out" 2>&1 \
  || { echo "FAILED: \$1" >&2; tail -5 "\$2/out" >&2; exit 1; }; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 )); }
one '$base' '$hb' >/dev/null; one '$root' '$hn' >/dev/null   # builds, trains, starts the hosts
b=(); n=()
for i in \$(seq $runs); do b+=(\$(one '$base' '$hb')); n+=(\$(one '$root' '$hn')); done
LAB_HOME='$hb' '$base/lab' engine stop >/dev/null 2>&1 || true; LAB_HOME='$hn' '$root/lab' engine stop >/dev/null 2>&1 || true
printf '%s\n' "\${b[@]}" | sort -n | tr '\n' ' ' | sed 's/^/baseline: /'; echo
printf '%s\n' "\${n[@]}" | sort -n | tr '\n' ' ' | sed 's/^/this:     /'; echo
med() { sort -n | awk '{a[NR]=\$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mb=\$(printf '%s\n' "\${b[@]}" | med); mn=\$(printf '%s\n' "\${n[@]}" | med)
awk -v b="\$mb" -v n="\$mn" -v r=$runs -v e=$edition 'BEGIN {printf "headless lab (%s), medians of %d interleaved runs: baseline %d ms, this %d ms, ratio %.2f\n", e, r, b, n, n / b}'
EOF
)"
if unshare -n true 2>/dev/null; then unshare -n bash -c "ip link set lo up; $body"; else bash -c "$body"; fi
