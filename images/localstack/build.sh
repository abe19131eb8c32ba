#!/usr/bin/env bash
# Build a Docker image that runs REAL LocalStack community code (localstack-core from PyPI),
# tagged like the official image (default localstack/localstack:4.14.0), WITHOUT any container
# registry:  debootstrap -> `docker import` base image -> Dockerfile FROM that base.
#
# Idempotent and cached:
#   * the final image carries label lab.image.inputs-hash=<sha256 of this script + Dockerfile +
#     entrypoint + constraints + version + suite + mirror>; if an image with that tag and hash
#     exists: nothing to do; if one with that hash exists under another tag/none: re-tag it.
#   * the base image lab/debian-base:<suite> carries lab.base.inputs-hash; if present (by tag, or
#     by label -> re-tag) it is reused; else the rootfs tarball in $CACHE_DIR is re-imported;
#     only else debootstrap runs.
#   * docker's own layer cache makes a re-build after a small Dockerfile change cheap.
#
# Base suite: Debian trixie (python3 3.13, like the real image's python:3.13-slim-trixie).
# bookworm's python3 3.11 installs localstack-core 4.14.0 but cannot run it: the code uses PEP 695
# generics (`class RegionBundle[BaseStoreType](dict):`, Python >= 3.12), S3 answers 500
# "invalid syntax (stores.py, line 193)" although the package declares requires-python >=3.10.
#
# Usage:  build-localstack-image.sh [--smoke] [--force] [--no-cache]
#         --smoke: start the image once and wait for /_localstack/health; --force: build even if
#         up to date; --no-cache: also bypass docker's layer cache (implies --force)
# Env:    LOCALSTACK_VERSION (4.14.0)  IMAGE_TAG (localstack/localstack:$LOCALSTACK_VERSION)
#         SUITE (trixie)  MIRROR (default: the first Debian mirror of /etc/apt/sources.list*)
#         CACHE_DIR (/var/cache/lab-images)  DOCKER (docker)
# Needs:  a running dockerd (scripts/start-dockerd.sh), debootstrap (installed via apt if missing).
set -euo pipefail

LOCALSTACK_VERSION=${LOCALSTACK_VERSION:-4.14.0}
IMAGE_TAG=${IMAGE_TAG:-localstack/localstack:${LOCALSTACK_VERSION}}
SUITE=${SUITE:-trixie}
CACHE_DIR=${CACHE_DIR:-/var/cache/lab-images}
DOCKER=${DOCKER:-docker}
BASE_TAG="lab/debian-base:${SUITE}"
SMOKE=0; FORCE=0; NOCACHE=()
for a in "$@"; do
  case "$a" in
    --smoke) SMOKE=1 ;;
    --force) FORCE=1 ;;
    --no-cache) FORCE=1; NOCACHE=(--no-cache) ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done

log() { printf '[build-localstack-image %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

detect_mirror() {
  # first Debian (non-security) URI of the host's apt sources, deb822 or one-line format
  local m=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    m=$(awk '/^URIs:/ {for (i=2;i<=NF;i++) if ($i !~ /security/) {print $i; exit}}' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
  fi
  if [[ -z "$m" && -f /etc/apt/sources.list ]]; then
    m=$(awk '$1=="deb" && $0 !~ /security/ {for (i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list | head -n1)
  fi
  [[ -n "$m" ]] || { echo "no Debian mirror found in /etc/apt/sources.list*; set MIRROR" >&2; exit 1; }
  echo "$m"
}
MIRROR=${MIRROR:-$(detect_mirror)}
MIRROR=${MIRROR%/}
SECURITY_MIRROR=${SECURITY_MIRROR:-${MIRROR%/debian}/debian-security}

mkdir -p "$CACHE_DIR"
exec 9>"$CACHE_DIR/.lock"
flock 9   # one build at a time

"$DOCKER" info >/dev/null 2>&1 || { echo "docker daemon not reachable (run scripts/start-dockerd.sh)" >&2; exit 1; }

label_of() { # image label
  "$DOCKER" image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# 1. build context (everything generated here, so this one script is the single source)
# ---------------------------------------------------------------------------------------------
CTX="$CACHE_DIR/context-localstack"
rm -rf "$CTX.new"; mkdir -p "$CTX.new/extra-ca"

cat > "$CTX.new/Dockerfile" <<'DOCKERFILE'
# Local stand-in for the official localstack/localstack image: same layout (venv in
# /opt/code/localstack/.venv, docker-entrypoint.sh -> localstack-supervisor ->
# python -m localstack.runtime.main), same volume and init-hook folders, built from PyPI.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
SHELL ["/bin/bash", "-c"]
ENV LANG=C.UTF-8

# CA certificates of the build machine (e.g. an egress proxy's CA), so pip can reach PyPI over
# TLS; the folder is empty where none are needed.
COPY extra-ca/ /usr/local/share/ca-certificates/lab-build/

# Runtime OS packages (a subset of the real image's list; no nodejs, no Java).
RUN export DEBIAN_FRONTEND=noninteractive \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates curl python3 python3-venv python3-pip \
      procps iproute2 iputils-ping groff-base less zip unzip xz-utils openssl tar \
 && update-ca-certificates \
 && apt-get clean && rm -rf /var/lib/apt/lists/*

RUN mkdir -p /opt/code/localstack
WORKDIR /opt/code/localstack/

# Same users/folders/permissions as the real Dockerfile, plus the init-hook folders.
RUN chmod 777 . && \
    useradd -ms /bin/bash localstack && \
    mkdir -p /var/lib/localstack && \
    chmod -R 777 /var/lib/localstack && \
    mkdir -p /usr/lib/localstack && \
    mkdir /tmp/localstack && \
    chmod -R 777 /tmp/localstack && \
    touch /tmp/localstack/.marker && \
    mkdir -p /.npm && \
    chmod 755 /root && \
    chmod -R 777 /.npm && \
    mkdir -p /etc/localstack/init/boot.d /etc/localstack/init/start.d \
             /etc/localstack/init/ready.d /etc/localstack/init/shutdown.d

ARG LOCALSTACK_VERSION
# awslocal as it was when 4.14.0 was released (2026-02-26): awscli-local 0.22.2 (2025-08),
# localstack-client 2.11 (2026-01). awscli-local 0.23.0 (2026-10) prints a deprecation banner
# ("'awslocal' is deprecated. Use 'lstk aws' instead.") into the init-script output.
ARG AWSCLI_LOCAL_VERSION=0.22.2
ARG LOCALSTACK_CLIENT_VERSION=2.11
# localstack-core[runtime] is what the real image installs (pip install -e .[runtime]), with the
# dependency pins of that release (constraints.txt); awscli comes with it (aws), awscli-local
# brings awslocal.
COPY constraints.txt /opt/code/localstack/constraints.txt
RUN python3 -m venv .venv \
 && . .venv/bin/activate \
 && export PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 \
 && pip install --upgrade pip wheel setuptools \
 && pip install -c constraints.txt "localstack-core[runtime]==${LOCALSTACK_VERSION}" \
      "awscli-local==${AWSCLI_LOCAL_VERSION}" "localstack-client==${LOCALSTACK_CLIENT_VERSION}" \
 && python -c 'import localstack.version as v; print("localstack-core", v.__version__)' \
 && for b in aws awslocal localstack; do ln -sf /opt/code/localstack/.venv/bin/$b /usr/local/bin/$b; done

# Generate service catalog cache in static libs dir (as the real image does)
RUN . .venv/bin/activate && python3 -m localstack.aws.spec

# link the python package installer virtual environments into the localstack venv (real image
# does this for python3.13; here the interpreter is Debian's python3)
RUN PYV=$(.venv/bin/python -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")') && \
    SP=$(echo .venv/lib/python*/site-packages) && \
    echo /var/lib/localstack/lib/python-packages/lib/$PYV/site-packages > $SP/localstack-var-python-packages-venv.pth && \
    echo /usr/lib/localstack/python-packages/lib/$PYV/site-packages > $SP/localstack-static-python-packages-venv.pth && \
    chown -R localstack:localstack /usr/lib/localstack && chmod -R 777 /usr/lib/localstack && \
    touch /usr/lib/localstack/.community-version
# (/usr/lib/localstack/.community-version marks the image; LocalStack's in_docker() checks it)

COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh

ENV USER=localstack
ENV PYTHONUNBUFFERED=1
ENV LOCALSTACK_BUILD_VERSION=${LOCALSTACK_VERSION}
# No analytics calls to the internet from this sandboxed build (real image: events enabled).
ENV DISABLE_EVENTS=1

EXPOSE 4566 4510-4559

HEALTHCHECK --interval=10s --start-period=15s --retries=5 --timeout=10s \
  CMD curl -fsS http://localhost:4566/_localstack/health >/dev/null || exit 1

# default volume directory (declared after the last RUN: with the classic builder a RUN after
# VOLUME leaves an anonymous volume behind per build)
VOLUME /var/lib/localstack

LABEL description="LocalStack community (localstack-core from PyPI) built locally without a registry; NOT the official image"

ENTRYPOINT ["docker-entrypoint.sh"]
DOCKERFILE

# Pins of localstack v4.14.0's requirements-runtime.txt (pip-compile lock used by the real
# Dockerfile's builder stage), as pip constraints: without them pip takes today's newest
# dependencies and LocalStack 4.14.0 breaks (e.g. cbor2 6.x has no cbor2._decoder).
cat > "$CTX.new/constraints.txt" <<'CONSTRAINTS'
airspeed-ext==0.6.9
annotated-types==0.7.0
antlr4-python3-runtime==4.13.2
apispec==6.9.0
argparse==1.4.0
asn1crypto==1.5.1
attrs==25.4.0
aws-sam-translator==1.107.0
aws-xray-sdk==2.15.0
awscli==1.44.44
awscrt==0.31.2
boto3==1.42.54
botocore==1.42.54
cachetools==7.0.1
cbor2==5.8.0
certifi==2026.1.4
cffi==2.0.0
cfn-lint==1.45.0
charset-normalizer==3.4.4
click==8.3.1
colorama==0.4.6
constantly==23.10.4
crontab==1.0.5
cryptography==46.0.5
decorator==5.2.1
dill==0.3.6
dnslib==0.9.26
dnspython==2.8.0
docker==7.1.0
docutils==0.19
events==0.5
graphql-core==3.2.7
grpcio==1.78.1
h11==0.16.0
h2==4.3.0
hpack==4.1.0
hypercorn==0.18.0
hyperframe==6.1.0
hyperlink==21.0.0
idna==3.11
incremental==24.11.0
isodate==0.7.2
jinja2==3.1.6
jmespath==1.1.0
joserfc==1.6.2
jpype1==1.6.0
jsonpatch==1.33
jsonpath-ng==1.7.0
jsonpath-rw==1.4.0
jsonpointer==3.0.0
jsonschema==4.26.0
jsonschema-path==0.3.4
jsonschema-specifications==2025.9.1
kclpy-ext==3.0.5
lazy-object-proxy==1.12.0
localstack-twisted==25.5.0
markdown-it-py==4.0.0
markupsafe==3.0.3
mdurl==0.1.2
more-itertools==10.8.0
moto-ext==5.1.24
mpmath==1.3.0
multipart==1.3.0
networkx==3.6.1
openapi-core==0.22.0
openapi-schema-validator==0.6.3
openapi-spec-validator==0.7.2
opensearch-protobufs==0.19.0
opensearch-py==3.1.0
packaging==26.0
pathable==0.4.4
plux==1.14.0
ply==3.11
priority==1.3.0
protobuf==6.33.5
psutil==7.2.2
py-partiql-parser==0.6.3
pyasn1==0.6.2
pycparser==3.0
pydantic==2.12.5
pydantic-core==2.41.5
pygments==2.19.2
pymongo==4.16.0
pyopenssl==25.3.0
pyparsing==3.3.2
python-dateutil==2.9.0.post0
python-dotenv==1.2.1
pyyaml==6.0.3
readerwriterlock==1.0.9
referencing==0.36.2
regex==2026.2.19
requests==2.32.5
requests-aws4auth==1.3.1
responses==0.26.0
rfc3339-validator==0.1.4
rich==14.3.3
rolo==0.8.1
rpds-py==0.30.0
rsa==4.7.2
s3transfer==0.16.0
semver==3.0.4
six==1.17.0
sympy==1.14.0
typing-extensions==4.15.0
typing-inspection==0.4.2
urllib3==2.6.3
werkzeug==3.1.6
wrapt==2.1.1
wsproto==1.3.2
xmltodict==1.0.4
zope-interface==8.2
CONSTRAINTS

# The image's entrypoint, written for this build: the steps the official image's entrypoint takes
# (a notice without a token, LOCALSTACK_<X> also read as <X>, create the log folder, BOOT hooks,
# then the supervisor), so a container user that cannot write the volume fails where it would there.
cat > "$CTX.new/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/bash
set -eo pipefail
shopt -s nullglob

if [ -z "$LOCALSTACK_AUTH_TOKEN" ]; then
    echo "WARNING"
    echo "================================================================================"
    echo "  You are starting the LocalStack Community Docker image."
    echo "  We move towards a unified LocalStack for AWS image in March 2026."
    echo "  Go to this page for more infos: https://localstack.cloud/2026-updates"
    echo "================================================================================"
    echo ""
fi

for name in $(env | sed -n 's/^LOCALSTACK_\([A-Z_][A-Z0-9_]*\)=.*/\1/p'); do
    case "$name" in HOST|HOSTNAME|AUTH_TOKEN|API_KEY) continue ;; esac
    export "$name=$(printenv "LOCALSTACK_$name")"
done

mkdir -p /var/lib/localstack/logs

source /opt/code/localstack/.venv/bin/activate
if [ -d /etc/localstack/init/boot.d ]; then python3 -m localstack.runtime.init BOOT; fi
exec localstack-supervisor
ENTRYPOINT

# Inputs hash: this script (which contains the Dockerfile and entrypoint), the generated files,
# and the parameters.  The CA certificates are NOT part of it (build-time transport only).
HASH=$( { cat "$0"; cat "$CTX.new/Dockerfile" "$CTX.new/docker-entrypoint.sh" "$CTX.new/constraints.txt";
          echo "version=$LOCALSTACK_VERSION suite=$SUITE mirror=$MIRROR"; } | sha256sum | cut -c1-64)

by_label() { # id of THE image carrying label=value. Images built FROM it inherit the label, so
              # take the one with the fewest layers (newest on a tie).
  local ids
  ids=$("$DOCKER" images -q --no-trunc --filter "label=$1=$2" | sort -u)
  [[ -n "$ids" ]] || return 0
  # shellcheck disable=SC2086
  "$DOCKER" image inspect --format '{{len .RootFS.Layers}} {{.Created}} {{.Id}}' $ids \
    | sort -k1,1n -k2,2r | head -n1 | awk '{print $3}'
}

if [[ $FORCE -eq 0 && "$(label_of "$IMAGE_TAG" lab.image.inputs-hash)" == "$HASH" ]]; then
  log "up to date: $IMAGE_TAG (inputs-hash ${HASH:0:12}), nothing to build"
  rm -rf "$CTX.new"
  BUILT=0
elif [[ $FORCE -eq 0 && -n "$(by_label lab.image.inputs-hash "$HASH")" ]]; then
  # an image built from the same inputs exists but lost its tag: re-tag it
  "$DOCKER" tag "$(by_label lab.image.inputs-hash "$HASH")" "$IMAGE_TAG"
  log "re-tagged existing image with inputs-hash ${HASH:0:12} as $IMAGE_TAG"
  rm -rf "$CTX.new"
  BUILT=0
else
  BUILT=1
  # CA certs: copy the host's locally added CAs (if any) into the context
  for c in /usr/local/share/ca-certificates/*.crt; do
    [[ -f "$c" ]] && cp "$c" "$CTX.new/extra-ca/"
  done
  rm -rf "$CTX"; mv "$CTX.new" "$CTX"

  # -------------------------------------------------------------------------------------------
  # 2. base image: debootstrap --variant=minbase  ->  docker import
  # -------------------------------------------------------------------------------------------
  BASE_HASH=$(echo "debootstrap minbase suite=$SUITE mirror=$MIRROR security=$SECURITY_MIRROR v1" | sha256sum | cut -c1-64)
  BASE_TAR="$CACHE_DIR/debian-$SUITE-minbase-${BASE_HASH:0:12}.tar"
  if [[ "$(label_of "$BASE_TAG" lab.base.inputs-hash)" == "$BASE_HASH" ]]; then
    log "base image $BASE_TAG present"
  elif [[ -n "$(by_label lab.base.inputs-hash "$BASE_HASH")" ]]; then
    # re-tag rather than re-import: `docker import` makes a new image id each time, which would
    # invalidate the layer cache of the build below
    "$DOCKER" tag "$(by_label lab.base.inputs-hash "$BASE_HASH")" "$BASE_TAG"
    log "re-tagged existing base image as $BASE_TAG"
  else
    if [[ ! -s "$BASE_TAR" ]]; then
      command -v debootstrap >/dev/null || { apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap; }
      ROOTFS="$CACHE_DIR/rootfs-$SUITE"
      rm -rf "$ROOTFS"
      log "debootstrap --variant=minbase $SUITE $ROOTFS $MIRROR"
      debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR" > "$CACHE_DIR/debootstrap-$SUITE.log" 2>&1 \
        || { tail -n 30 "$CACHE_DIR/debootstrap-$SUITE.log" >&2; exit 1; }
      cat > "$ROOTFS/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
      # like the official debian images: no apt caches / docs bloat
      rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
      tar -C "$ROOTFS" --numeric-owner -cf "$BASE_TAR.tmp" .
      mv "$BASE_TAR.tmp" "$BASE_TAR"
      rm -rf "$ROOTFS"
    fi
    log "docker import $BASE_TAR -> $BASE_TAG"
    "$DOCKER" import \
      --change "LABEL lab.base.inputs-hash=$BASE_HASH" \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' \
      "$BASE_TAR" "$BASE_TAG" >/dev/null
  fi

  # -------------------------------------------------------------------------------------------
  # 3. the LocalStack image
  # -------------------------------------------------------------------------------------------
  log "docker build $IMAGE_TAG (localstack-core==$LOCALSTACK_VERSION, inputs-hash ${HASH:0:12})"
  # DOCKER_BUILDKIT=0: the classic builder works with any client/daemon pair here (a newer
  # docker CLI without the buildx plugin refuses BuildKit builds).
  DOCKER_BUILDKIT=0 "$DOCKER" build "${NOCACHE[@]}" \
    --build-arg BASE_IMAGE="$BASE_TAG" \
    --build-arg LOCALSTACK_VERSION="$LOCALSTACK_VERSION" \
    --label lab.image.inputs-hash="$HASH" \
    --label lab.localstack-core.version="$LOCALSTACK_VERSION" \
    --label lab.base.image="$BASE_TAG" \
    -t "$IMAGE_TAG" "$CTX" > "$CACHE_DIR/docker-build.log" 2>&1 \
    || { tail -n 40 "$CACHE_DIR/docker-build.log" >&2; log "build failed, full log: $CACHE_DIR/docker-build.log"; exit 1; }
  "$DOCKER" image prune -f --filter "label=lab.base.image=$BASE_TAG" >/dev/null 2>&1 || true
  log "built $IMAGE_TAG ($("$DOCKER" image inspect --format '{{.Size}}' "$IMAGE_TAG" | awk '{printf "%.0f MB", $1/1e6}'))"
fi

# ---------------------------------------------------------------------------------------------
# 4. optional smoke test: start, wait for health, stop
# ---------------------------------------------------------------------------------------------
if [[ $SMOKE -eq 1 ]]; then
  name="lab-smoke-$$"
  "$DOCKER" run -d --name "$name" -p 127.0.0.1::4566 "$IMAGE_TAG" >/dev/null
  trap '"$DOCKER" rm -f -v "$name" >/dev/null 2>&1 || true' EXIT
  port=$("$DOCKER" port "$name" 4566/tcp | head -n1 | sed 's/.*://')
  ok=0
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/_localstack/health" >/dev/null 2>&1; then ok=1; break; fi
    [[ "$("$DOCKER" inspect -f '{{.State.Running}}' "$name")" == true ]] || break
    sleep 0.5
  done
  if [[ $ok -eq 1 ]]; then
    log "smoke: $(curl -fsS "http://127.0.0.1:$port/_localstack/health" | head -c 200)..."
  else
    "$DOCKER" logs "$name" >&2 || true
    log "smoke test FAILED"; exit 1
  fi
fi
echo "$IMAGE_TAG"
