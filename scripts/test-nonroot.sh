#!/usr/bin/env bash
# The tests that do not need Docker, again as an unprivileged user: lab must not need root (no
# real chown of another user's files, no root-only permission model). Needs root to create the
# user; runs offline on a copy of the repo and of the Maven repository the main pass filled.
# The Docker tier skips here (DOCKER_HOST names a missing socket); it runs as root in the main pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
user="${LAB_TEST_USER:-labci}"
m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
start=$SECONDS

id -u "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
work="$(mktemp -d /tmp/lab-nonroot.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo"
tar -C "$root" --exclude=./target --exclude=./.git -cf - . | tar -C "$work/repo" -xf -
cp -a "$m2" "$work/m2"
chown -R "$user": "$work"
chmod 700 "$work"

# The AWS CLI installed for root (pyenv under /root) is out of the user's reach: skip the tests
# that drive the real CLI rather than download it again; the main pass runs them. (Tests that need it
# for init hooks' awslocal, TestAwslocal, skip themselves here for the same reason.)
tests=()
runuser -u "$user" -- sh -c 'command -v aws >/dev/null 2>&1' || tests=(-Dtest='!AwsCliAgainstServeTest,!EngineHostTest,!AwsCliParityTest,!HeadlessAwsCliTest')

cd "$work/repo"
runuser -u "$user" -- env -u LAB_REQUIRE_DOCKER HOME="$(getent passwd "$user" | cut -d: -f6)" \
  DOCKER_HOST=unix:///nonexistent/docker.sock PATH="/usr/local/bin:/usr/bin:/bin" \
  mvn -o -B -Dmaven.repo.local="$work/m2" "${tests[@]}" test "$@"
echo "scripts/test-nonroot.sh: the non-Docker tests passed as $user in $((SECONDS - start)) s"
