#!/usr/bin/env bash
# Builds the self-contained archive from the packaged jar (mvn -Pdist package runs it):
#   target/lab-<version>-<platform>.tar.gz and .zip (linux-x64 here), each holding lab-<version>/ with
#   bin/lab, runtime/ (a Java runtime trimmed by jlink to the modules jdeps finds), app/ (the jar,
#   its libraries in app/lib and app/lab.jsa, the class-data archive trained here for lab and its engine host), labs/ and
#   compose-variants/. The code is compiled for Java 17; the runtime is a newer JDK because a
#   Java 17 class-data archive does not survive being moved to another folder (JDK 20 made it relocatable).
# Usage: scripts/dist.sh <version>   (LAB_DIST_JDK: the JDK whose jlink and modules are used)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$1"
jdk="${LAB_DIST_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$jdk/bin/jlink" ] || { echo "dist: no JDK with jlink at $jdk (set LAB_DIST_JDK)" >&2; exit 2; }
name="lab-$version"
os="$(uname -s | tr '[:upper:]' '[:lower:]')"; arch="$(uname -m)"
case "$os" in darwin) os=macos ;; mingw*|msys*|cygwin*) os=windows ;; esac
case "$arch" in x86_64|amd64) arch=x64 ;; arm64) arch=aarch64 ;; esac
platform="${LAB_DIST_PLATFORM:-$os-$arch}"
dist="$root/target/dist"
out="$dist/$name"
rm -rf "$dist" && mkdir -p "$out/app/lib" "$out/bin"

# Only the libraries the jar's manifest names: target/lib can hold jars of earlier builds.
classpath="$(unzip -p "$root/target/lab.jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Class-Path:/,/^[A-Z]/p' \
  | sed -e 's/^Class-Path: //' -e 's/^ //' -e '/^[A-Z][A-Za-z-]*:/d' | tr -d '\n')"
cp "$root/target/lab.jar" "$out/app/"
for entry in $classpath; do cp "$root/target/$entry" "$out/app/lib/"; done
# sqlite-jdbc carries its native library for 20-odd platforms (12 MB); keep only this archive's own.
native="$(case "$platform" in linux-x64) echo Linux/x86_64 ;; linux-aarch64) echo Linux/aarch64 ;;
  macos-x64) echo Mac/x86_64 ;; macos-aarch64) echo Mac/aarch64 ;; windows-x64) echo Windows/x86_64 ;; esac)"
for jar in "$out"/app/lib/sqlite-jdbc-*.jar; do
  [ -f "$jar" ] && [ -n "$native" ] || continue
  unzip -Z1 "$jar" 'org/sqlite/native/*' | grep -v -e '/$' -e "^org/sqlite/native/$native/" | xargs -r zip -q -d "$jar"
done
# JNA (docker-java's Unix socket) too: 5 MB of libjnidispatch for 40 platforms.
jna="$(case "$platform" in linux-x64) echo linux-x86-64 ;; linux-aarch64) echo linux-aarch64 ;;
  macos-*) echo darwin ;; windows-x64) echo win32-x86-64 ;; esac)"
for jar in "$out"/app/lib/jna-[0-9]*.jar; do
  [ -f "$jar" ] && [ -n "$jna" ] || continue
  unzip -Z1 "$jar" | grep -E '^com/sun/jna/[^/]+/[^/]*(jnidispatch|\.a$)' | grep -v "^com/sun/jna/$jna" | xargs -r zip -q -d "$jar"
done

modules="$("$jdk/bin/jdeps" --ignore-missing-deps -q --multi-release 17 --print-module-deps \
  --class-path "$out/app/lib/*" "$out/app/lab.jar" "$out"/app/lib/*.jar)"
# Found at run time, not by jdeps: TLS curves, charsets, and the Korean and English locale data.
# java.desktop (AWT, 15 MB) goes: the libraries only touch java.beans optionally and fall back without it.
modules="$(echo "$modules,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.zipfs" | tr , '\n' | grep -vx java.desktop | paste -sd,)"
# --generate-cds-archive: the JVMs lab spawns (engine host, docker/aws shims) get the runtime's default CDS.
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,ko --strip-debug --no-man-pages --generate-cds-archive \
  --no-header-files --output "$out/runtime"
# The archive for a heap of 32 GB or more (no compressed oops): never lab's case, and 4 MB.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

cp -r "$root/labs" "$root/compose-variants" "$out/"
cp "$root/scripts/dist/lab" "$out/bin/lab"

echo "dist: training the class-data archive (modules: $modules)" >&2
"$root/scripts/train-cds.sh" "$out" "$out/runtime/bin/java" "$out/app/lab.jsa" "$out/app/lab.jar" >"$dist/train.log" 2>&1 \
  || { echo "dist: training made no archive; see $dist/train.log" >&2; exit 1; }
# -Xshare:on refuses to start when the archive cannot be used: the build fails rather than ship a useless one.
# Both ways the archive is used: lab itself (-jar) and the engine host it starts (-cp, HostLauncher).
"$out/runtime/bin/java" -XX:SharedArchiveFile="$out/app/lab.jsa" -Xshare:on -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xlog:disable -Xlog:all=off -jar "$out/app/lab.jar" --version >/dev/null
"$out/runtime/bin/java" -XX:SharedArchiveFile="$out/app/lab.jsa" -Xshare:on -XX:+UseSerialGC \
  -Xlog:disable -Xlog:all=off -cp "$out/app/lab.jar" dev.lab.cli.Main --version >/dev/null

# gzip -9: the archive must stay under 80 MB (issue 11).
tar -C "$dist" -cf - "$name" | gzip -9 >"$root/target/$name-$platform.tar.gz"
rm -f "$root/target/$name-$platform.zip"
if command -v zip >/dev/null 2>&1; then
  (cd "$dist" && zip -9qry "$root/target/$name-$platform.zip" "$name")
else
  echo "dist: no zip command; the .zip is made by jar and loses the executable bits (the .tar.gz keeps them)" >&2
  "$jdk/bin/jar" --create --no-manifest --file "$root/target/$name-$platform.zip" -C "$dist" "$name"
fi
ls -l "$root/target/$name-$platform.tar.gz" "$root/target/$name-$platform.zip" >&2
