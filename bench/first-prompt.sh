#!/usr/bin/env bash
# Issues 11 and 12: time to the first prompt (`echo quit | lab start persistence`, the whole process), the labs
# compared taking turns in each round (interleaved, so the machine's load hits them alike), medians of N:
#   cold = a new lab home (its engine host starts too); for an archive, also the first start after unpacking it
#          into a new folder (targets: archive ≤ 1000 ms);
#   warm = the next start from the same folder and home (targets: archive ≤ 500 ms, ./lab ≤ 400 ms);
# with the CPU time (user + system) of the lab process, which says on a loaded machine what wall time cannot.
# Usage: bench/first-prompt.sh [rounds] [lab…]   (a lab is a launcher such as ./lab, or an archive .tar.gz;
#                                                default: ./lab and the archive in target/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${LAB_BENCH_NS:-}" ] && unshare -n true 2>/dev/null; then
  exec env LAB_BENCH_NS=1 unshare -n bash -c 'ip link set lo up; exec "$0" "$@"' "$0" "$@"
fi
rounds="${1:-5}"; shift || true
labs=("$@")
[ "${#labs[@]}" -gt 0 ] || labs=("$root/lab" $(ls "$root"/target/lab-*-linux-x64.tar.gz 2>/dev/null | head -1))
scratch="$(mktemp -d)"
trap 'for h in "$scratch"/home.*; do [ -d "$h" ] && LAB_HOME="$h" "$root/lab" engine stop >/dev/null 2>&1; done; rm -rf "$scratch"' EXIT
for lab in "${labs[@]}"; do case "$lab" in *.tar.gz) ;; *) "$lab" start --help >/dev/null ;; esac; done   # build, train
export LANG=en_US.UTF-8
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Prints "wall cpu" in ms of one first prompt.
prompt() {
  local s e
  s=$(date +%s%N)
  echo quit | LAB_HOME="$2" /usr/bin/time -f '%U %S' -o "$scratch/t" "$1" start persistence >"$scratch/out" 2>&1 \
    || { echo "FAILED: $1" >&2; tail -5 "$scratch/out" >&2; exit 1; }
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(awk '{print int(($1 + $2) * 1000)}' "$scratch/t")"
}
declare -A res
for _ in $(seq "$rounds"); do
  for i in "${!labs[@]}"; do
    lab="${labs[$i]}"
    if [[ "$lab" == *.tar.gz ]]; then
      d="$(mktemp -d "$scratch/unpacked.XXXX")"; tar -C "$d" -xzf "$lab"; lab="$(echo "$d"/lab-*/bin/lab)"
    fi
    home="$(mktemp -d "$scratch/home.XXXX")"
    res[$i.cold]+="$(prompt "$lab" "$home")"$'\n'
    res[$i.warm]+="$(prompt "$lab" "$home")"$'\n'
    LAB_HOME="$home" "$lab" engine stop >/dev/null 2>&1 || true
    [ -n "${d:-}" ] && rm -rf "$d"; d=
  done
done
echo "first prompt, whole process, ms (wall / CPU of the lab process), medians of $rounds interleaved rounds:"
printf '  %-70s %14s %14s\n' "" "cold" "warm"
for i in "${!labs[@]}"; do
  col() { printf '%s' "${res[$i.$1]}" | awk 'NF' >"$scratch/col"
    echo "$(cut -d' ' -f1 "$scratch/col" | median) / $(cut -d' ' -f2 "$scratch/col" | median)"; }
  printf '  %-70s %14s %14s\n' "${labs[$i]}" "$(col cold)" "$(col warm)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
