#!/usr/bin/env bash
# The test command: starts a Docker engine (installing it when missing; needs root), builds the
# local images, then runs every test, the Docker tier included, then builds and tests the offline archive
# (scripts/test-archive.sh). LAB_REQUIRE_DOCKER=1 makes a
# missing daemon a failure instead of a skip. Then the tests that do not need Docker run again as
# an unprivileged user (scripts/test-nonroot.sh): lab must not need root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# tmux drives the REPL in a real terminal (ReplTerminalTest)
command -v tmux >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux; }
# headless Chromium loads the class board's instructor page (ClassBoardTest)
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
# bubblewrap confines LocalStack init hooks on the embedded engine (InitScriptsTest)
command -v bwrap >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; }
# AWS CLI v1: the built-in aws is compared with it (AwsCliParityTest)
command -v aws >/dev/null 2>&1 || python3 -m pip install -q awscli
"$root/scripts/start-dockerd.sh"
"$root/images/build.sh"
cd "$root"
LAB_REQUIRE_DOCKER=1 mvn -B verify "$@"
# The offline archive (mvn -Pdist package), unpacked and run where no JDK, network or Docker is visible
{ command -v zip && command -v unzip; } >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip unzip; }
"$root/scripts/test-archive.sh"
"$root/scripts/test-nonroot.sh" -q
