#!/usr/bin/env bash
# Builds the images the labs' compose files name, locally (no registry is needed): the LocalStack
# image from localstack-core on PyPI, and the tutorial's blog-service. Cached: a run with nothing
# changed takes well under a second.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOCKER=${DOCKER:-docker}

"$here/localstack/build.sh" >/dev/null

# blog-service: rebuilt only when its files or the base image change
base_id=$("$DOCKER" image inspect --format '{{.Id}}' lab/debian-base:trixie)
hash=$( { cat "$here/blog-service/Dockerfile" "$here/blog-service/app.py"; echo "$base_id"; } | sha256sum | cut -c1-64)
tag=portal-universe/blog-service:latest
current=$("$DOCKER" image inspect --format '{{ index .Config.Labels "lab.image.inputs-hash" }}' "$tag" 2>/dev/null || true)
if [[ "$current" != "$hash" ]]; then
  echo "[images] docker build $tag" >&2
  DOCKER_BUILDKIT=0 "$DOCKER" build -q --label lab.image.inputs-hash="$hash" -t "$tag" "$here/blog-service" >/dev/null
fi
"$DOCKER" image inspect --format '{{index .RepoTags 0}} {{.Size}}' localstack/localstack:4.14.0 "$tag" \
  | awk '{printf "[images] %s (%.0f MB)\n", $1, $2/1e6}' >&2
