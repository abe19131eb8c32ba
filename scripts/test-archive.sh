#!/usr/bin/env bash
# Done-when test of the offline archive: builds it (mvn -Pdist package, unless an archive is given),
# unpacks it into a new folder and there, in a mount namespace with no network, the system JDKs hidden
# (a tmpfs over /usr/lib/jvm and over the JDK of the java on PATH) and no Docker socket, passes
# `bin/lab run persistence` and `bin/lab test persistence --lang en`. Needs root (unshare -m -n).
# Usage: scripts/test-archive.sh [lab-<version>-linux-x64.tar.gz]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
archive="${1:-}"
if [ -z "$archive" ]; then
  (cd "$root" && mvn -B -q -Pdist -DskipTests package)
  archive="$(ls "$root"/target/lab-*-linux-x64.tar.gz)"
fi
place="$(mktemp -d /tmp/lab-archive-test.XXXXXX)"
trap 'rm -rf "$place"' EXIT
tar -C "$place" -xzf "$archive"
lab="$(echo "$place"/lab-*/bin/lab)"
mkdir "$place/work" "$place/home"
hide=(/usr/lib/jvm)
if command -v java >/dev/null 2>&1; then
  home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  case "$home" in /usr/lib/jvm/*) ;; *) hide+=("$home") ;; esac
fi
[ -n "${JAVA_HOME:-}" ] && [ -d "$JAVA_HOME" ] && hide+=("$JAVA_HOME")
export LAB="$lab" WORK="$place/work" LAB_HOME="$place/home" HIDE="${hide[*]}"
unshare -m -n bash -euo pipefail -c '
  mount --make-rprivate /
  for d in $HIDE; do mount -t tmpfs none "$d"; done
  for s in /var/run/docker.sock /run/docker.sock; do [ -e "$s" ] && mount --bind /dev/null "$s"; done
  ip link set lo up
  if java -version >/dev/null 2>&1; then echo "test-archive: a JDK is still visible: $(command -v java)" >&2; exit 1; fi
  if getent hosts repo.maven.apache.org >/dev/null 2>&1 && curl -sfm 3 https://repo.maven.apache.org >/dev/null 2>&1; then
    echo "test-archive: the network is still reachable" >&2; exit 1
  fi
  cd "$WORK"
  # The class-data archive survives the move to this folder, for lab (-jar) and for its engine host (-cp):
  # -Xshare:on refuses to start otherwise.
  app="$(dirname "$LAB")/../app"
  for form in "-jar $app/lab.jar" "-cp $app/lab.jar dev.lab.cli.Main"; do
    "$(dirname "$LAB")/../runtime/bin/java" -XX:SharedArchiveFile="$app/lab.jsa" -Xshare:on -XX:+UseSerialGC $form --version >/dev/null \
      || { echo "test-archive: the class-data archive is unusable here ($form)" >&2; exit 1; }
  done
  status=0
  LAB_ENGINE_IDLE=0 "$LAB" run persistence --lang en || status=$?
  [ "$status" = 0 ] && { LAB_ENGINE_IDLE=0 "$LAB" test persistence --lang en || status=$?; }
  "$LAB" engine stop >/dev/null 2>&1 || true
  [ "$status" = 0 ] || exit "$status"
  # The engine host was started with that archive (its command line, as the starter wrote it down).
  grep -qx -- "-XX:SharedArchiveFile=$(cd "$app" && pwd)/lab.jsa" "$LAB_HOME/state/engine/host.args" \
    || { echo "test-archive: the engine host did not get the class-data archive: $(tr "\n" " " <"$LAB_HOME/state/engine/host.args")" >&2; exit 1; }
  # An author'"'"'s ./labs comes first: a broken copy there must be the one reported.
  mkdir -p author/labs && cp -r "$(dirname "$LAB")/../labs/persistence" author/labs/
  printf "# broken\n" > author/labs/persistence/lab.en.md
  out="$(cd author && "$LAB" run persistence --lang en 2>&1)" && { echo "test-archive: a broken ./labs lab ran" >&2; exit 1; }
  case "$out" in *"$WORK/author/labs/persistence/lab.en.md:1:"*) ;; *) echo "test-archive: ./labs not used: $out" >&2; exit 1 ;; esac
'
echo "test-archive: $(basename "$archive") passed run and test of persistence with no JDK, no network and no Docker; ./labs comes first"
