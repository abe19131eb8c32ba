#!/usr/bin/env bash
# Issue 11: the offline archive against ./lab from the repository, side by side in one run (medians of N):
#   first prompt (`echo quit | lab start persistence`, the whole process, as in bench/run.sh):
#     cold = the first start after unpacking the archive into a new folder, with a new lab home
#            (for ./lab: a new lab home; its class-data archive is already trained);
#     warm = the next starts from the same folder and lab home (targets: ≤ 1 s cold, ≤ 0.5 s warm);
#   the headless lab (`lab run persistence --quiet`) and, after it, the peak RSS of the lab process and
#   the RSS of the engine host that serves the embedded engine.
# Usage: bench/archive.sh [runs] [archive.tar.gz]   (default 5; the archive of target/, built with -Pdist if missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# Its own network namespace when allowed: port 4566 must not clash with another lab on this machine.
if [ -z "${LAB_BENCH_NS:-}" ] && unshare -n true 2>/dev/null; then
  exec env LAB_BENCH_NS=1 unshare -n bash -c 'ip link set lo up; exec "$0" "$@"' "$0" "$@"
fi
runs="${1:-5}"
archive="${2:-$(ls "$root"/target/lab-*-linux-x64.tar.gz 2>/dev/null | head -1)}"
if [ -z "$archive" ]; then (cd "$root" && mvn -B -q -Pdist -DskipTests package); archive="$(ls "$root"/target/lab-*-linux-x64.tar.gz)"; fi
"$root/lab" start --help >/dev/null   # builds ./lab's jar and trains its class-data archive, outside the timings
scratch="$(mktemp -d)"
# Every engine host this run started goes with it (they idle otherwise, holding port 4566).
cleanup() { for h in "$scratch"/home.*; do [ -d "$h" ] && LAB_HOME="$h" "$root/lab" engine stop >/dev/null 2>&1; done; rm -rf "$scratch"; }
trap cleanup EXIT
export LANG=en_US.UTF-8

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ms() { local s e; s=$(date +%s%N); "$@" >"$scratch/out.log" 2>&1 || { echo "FAILED: $*" >&2; tail -5 "$scratch/out.log" >&2; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# Wall time, and the lab process's CPU time (user + system) appended to $scratch/cpu: on a loaded machine the
# CPU time says what the wall time cannot.
prompt() { LAB_HOME="$2" ms bash -c "echo quit | /usr/bin/time -f '%U %S' -o '$scratch/t' '$1' start persistence"
  awk '{print int(($1 + $2) * 1000)}' "$scratch/t" >>"$scratch/cpu.$3"; }
stop() { LAB_HOME="$2" "$1" engine stop >/dev/null 2>&1 || true; }
unpack() { local d; d="$(mktemp -d "$scratch/unpacked.XXXX")"; tar -C "$d" -xzf "$archive"; echo "$d"/lab-*/bin/lab; }

declare -A cold warm headless rss host
for side in archive repo; do
  c=(); w=(); h=(); r=(); hr=()
  for i in $(seq "$runs"); do
    if [ "$side" = archive ]; then lab="$(unpack)"; else lab="$root/lab"; fi
    home="$(mktemp -d "$scratch/home.XXXX")"
    c+=("$(prompt "$lab" "$home" "$side.cold")")
    w+=("$(prompt "$lab" "$home" "$side.warm")")
    s=$(date +%s%N)
    LAB_HOME="$home" /usr/bin/time -f %M -o "$scratch/rss" "$lab" run persistence --quiet >"$scratch/out.log" 2>&1 \
      || { echo "FAILED: $side lab run" >&2; tail -5 "$scratch/out.log" >&2; exit 1; }
    h+=($(( ($(date +%s%N) - s) / 1000000 )))
    r+=($(( $(tail -1 "$scratch/rss") / 1024 )))
    pid="$(LAB_HOME="$home" "$lab" engine status 2>/dev/null | sed -n 's/^engine host: pid \([0-9]*\).*/\1/p' || true)"
    [ -n "$pid" ] && hr+=($(( $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) / 1024 )))
    stop "$lab" "$home"
    if [ "$side" = archive ] && [ "$i" -lt "$runs" ]; then rm -rf "$(dirname "$(dirname "$(dirname "$lab")")")"; fi
  done
  for i in $(seq 2 "$runs"); do w+=("$(prompt "$lab" "$home" "$side.warm")"); done   # more warm starts from the last folder
  stop "$lab" "$home"
  cold[$side]=$(printf '%s\n' "${c[@]}" | median); warm[$side]=$(printf '%s\n' "${w[@]}" | median)
  headless[$side]=$(printf '%s\n' "${h[@]}" | median); rss[$side]=$(printf '%s\n' "${r[@]}" | median)
  host[$side]=$( [ "${#hr[@]}" -gt 0 ] && printf '%s\n' "${hr[@]}" | median || echo "?")
done
echo "offline archive ($(basename "$archive"), $(du -m "$archive" | cut -f1) MB) vs ./lab from the repository, medians of $runs:"
printf '%-34s %12s %12s\n' "" "archive" "./lab"
printf '%-34s %9s ms %9s ms\n' "first prompt, cold (target ≤ 1000)" "${cold[archive]}" "${cold[repo]}"
printf '%-34s %9s ms %9s ms\n' "first prompt, warm (target ≤ 500)" "${warm[archive]}" "${warm[repo]}"
printf '%-34s %9s ms %9s ms\n' "  CPU of that, cold" "$(median <"$scratch/cpu.archive.cold")" "$(median <"$scratch/cpu.repo.cold")"
printf '%-34s %9s ms %9s ms\n' "  CPU of that, warm" "$(median <"$scratch/cpu.archive.warm")" "$(median <"$scratch/cpu.repo.warm")"
printf '%-34s %9s ms %9s ms\n' "headless lab run persistence" "${headless[archive]}" "${headless[repo]}"
printf '%-34s %9s MB %9s MB\n' "peak RSS of the lab process" "${rss[archive]}" "${rss[repo]}"
printf '%-34s %9s MB %9s MB\n' "RSS of the engine host after it" "${host[archive]}" "${host[repo]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
