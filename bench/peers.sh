#!/usr/bin/env bash
# Issue 12: the lab's S3 endpoint (`lab engine serve`) beside moto (`moto_server`) and real LocalStack 4.14.0
# (localstack-core[runtime] on the host, with the pins images/localstack uses, on Python 3.13), driven by
# boto3 in interleaved rounds (bench/peers.py): 1 KiB PUT, 1 KiB GET, listing 1,000 keys, 10 MiB PUT. Prints
# per workload and peer the median time per operation with its spread, the lab/LocalStack ratio per round, the
# server's CPU time per operation, and each server's RSS after the workload.
# A peer that cannot be installed or started is skipped with the reason, never silently.
# Usage: bench/peers.sh [rounds]   (venvs are kept in ${LAB_PEERS_HOME:-~/.cache/lab-peers};
#        LAB_PEERS=lab,localstack compares a subset)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-9}"
wanted="${LAB_PEERS:-lab,moto,localstack}"
wants() { [[ ",$wanted," == *",$1,"* ]]; }
home="${LAB_PEERS_HOME:-$HOME/.cache/lab-peers}"
mkdir -p "$home"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT

py313() {
  if command -v pyenv >/dev/null && pyenv prefix 3.13 >/dev/null 2>&1; then echo "$(pyenv prefix 3.13)/bin/python3"
  elif command -v python3.13 >/dev/null; then command -v python3.13
  else return 1; fi
}
# venv NAME PACKAGES...: creates and fills it once; prints the reason and fails when it cannot.
venv() {
  local name="$1"; shift
  local dir="$home/$name"
  [ -x "$dir/bin/python" ] && [ -f "$dir/.ok" ] && return 0
  local py; py="$(py313)" || { echo "skipped $name: no Python 3.13 (pyenv install 3.13)"; return 1; }
  "$py" -m venv "$dir" >"$work/$name.log" 2>&1 \
    && "$dir/bin/pip" install -q --disable-pip-version-check "$@" >>"$work/$name.log" 2>&1 \
    && touch "$dir/.ok" \
    || { echo "skipped $name: pip install failed: $(tail -1 "$work/$name.log")"; return 1; }
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await_http() {  # url seconds
  for _ in $(seq $(( $2 * 10 ))); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; return 1
}

peers=()
if wants lab; then
  port=$(free_port)
  LAB_HOME="$work/lab-home" "$root/lab" engine serve --port "$port" >"$work/lab.log" 2>&1 &
  pids+=($!)
  if await_http "http://127.0.0.1:$port/_localstack/health" 60; then peers+=("lab=http://127.0.0.1:$port=$!")
  else echo "skipped lab: engine serve did not answer: $(tail -1 "$work/lab.log")"; fi
fi

if wants moto && venv moto 'moto[server]' boto3; then
  port=$(free_port)
  "$home/moto/bin/moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  pids+=($!)
  if await_http "http://127.0.0.1:$port/" 60; then peers+=("moto=http://127.0.0.1:$port=$!")
  else echo "skipped moto: moto_server did not answer: $(tail -1 "$work/moto.log")"; fi
fi

# The pins images/localstack/build.sh gives the image (a heredoc in that script).
sed -n "/constraints.txt\" <<'CONSTRAINTS'/,/^CONSTRAINTS\$/p" "$root/images/localstack/build.sh" | sed '1d;$d' >"$work/constraints.txt"
if wants localstack && venv localstack -c "$work/constraints.txt" 'localstack-core[runtime]==4.14.0' boto3; then
  port=$(free_port)
  ( cd "$work" && GATEWAY_LISTEN="127.0.0.1:$port" SERVICES=s3 FILESYSTEM_ROOT="$work/ls-fs" LOCALSTACK_VOLUME_DIR="$work/ls-vol" \
      DISABLE_EVENTS=1 exec "$home/localstack/bin/python" -m localstack.runtime.main >"$work/localstack.log" 2>&1 ) &
  pids+=($!)
  if await_http "http://127.0.0.1:$port/_localstack/health" 120; then peers+=("localstack=http://127.0.0.1:$port=$!")
  else echo "skipped localstack: localstack.runtime.main did not answer: $(grep -m1 -iE 'error|denied' "$work/localstack.log" || tail -1 "$work/localstack.log")"; fi
fi

[ "${#peers[@]}" -gt 0 ] || { echo "peer table skipped: nothing to compare"; exit 0; }
driver_py="$home/moto/bin/python"; [ -x "$driver_py" ] || driver_py=python3
"$driver_py" "$root/bench/peers.py" "$rounds" "${peers[@]}"
