#!/usr/bin/env bash
# Install (if needed) and start a Docker engine in the background, without systemd.
# Idempotent: does nothing if `docker info` already answers.
# Log: /var/log/dockerd.log   Storage driver: overlay2, falling back to vfs.
set -euo pipefail

LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
DOCKER=/usr/bin/docker   # Debian's client matches Debian's daemon (20.10)

if ! command -v dockerd >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io
fi
# debootstrap builds the base image (images/localstack/build.sh)
for p in debootstrap; do
  dpkg -s "$p" >/dev/null 2>&1 || { apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y "$p"; }
done

if "$DOCKER" info >/dev/null 2>&1; then
  echo "dockerd already running: $("$DOCKER" info --format '{{.ServerVersion}} storage={{.Driver}}')"
  exit 0
fi

wait_up() {
  local pid=$1
  for _ in $(seq 1 60); do
    if "$DOCKER" info >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

start() {
  local driver=$1
  echo "starting dockerd --storage-driver=$driver (log: $LOG)"
  # setsid: its own session, so it survives the shell that started it
  setsid nohup dockerd --storage-driver="$driver" >>"$LOG" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > /var/run/dockerd-lab.pid
  if wait_up "$pid"; then
    echo "dockerd up (pid $pid): $("$DOCKER" info --format '{{.ServerVersion}} storage={{.Driver}} cgroup={{.CgroupDriver}}/{{.CgroupVersion}}')"
    return 0
  fi
  echo "dockerd with $driver did not come up; last log lines:" >&2
  tail -n 15 "$LOG" >&2 || true
  kill "$pid" 2>/dev/null || true
  sleep 1
  return 1
}

rm -f /var/run/docker.pid
start overlay2 || start vfs
