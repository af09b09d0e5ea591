#!/usr/bin/env bash
# Installs the Debian packages the real-BuildKit integration tests need:
#   docker.io       -> /usr/sbin/dockerd, /usr/bin/docker, containerd, runc (Docker 20.10, old BuildKit)
#   busybox-static  -> /bin/busybox, used as the base image (no registry is reachable)
# and the registry integration tests (__tests__/registry.integration.test.ts):
#   docker-registry -> /usr/bin/docker-registry (distribution 2.8), run on loopback by the tests
#   skopeo, umoci   -> push / build OCI images without a daemon
#   apache2-utils   -> /usr/bin/htpasswd for the Basic auth registry
#   openssl         -> the token service's self-signed certificate
# and the rendering tests (__tests__/rendered-reports.render.test.ts), which show the summary and the comment
# as GitHub does:
#   cmark-gfm       -> /usr/bin/cmark-gfm, GitHub's Markdown library with its GFM extensions
#   chromium        -> /usr/bin/chromium, the headless browser puppeteer-core drives
#   fonts-noto-color-emoji -> the emoji the reports start their headings and statuses with (❌, ✅, ⚠️), which GitHub
#                     shows in colour; without the font chromium draws them as empty boxes in the screenshots
# Idempotent and fast when everything is present. Starts no service: the tests run their own dockerd
# and registries.
set -euo pipefail

required=(docker.io busybox-static runc docker-registry skopeo umoci apache2-utils openssl cmark-gfm chromium fonts-noto-color-emoji)
missing=()
required_files=(/usr/sbin/dockerd /usr/bin/docker /usr/sbin/runc /bin/busybox /usr/bin/docker-registry /usr/bin/skopeo /usr/bin/umoci /usr/bin/htpasswd /usr/bin/openssl /usr/bin/cmark-gfm /usr/bin/chromium)
# (The emoji font is a data file, not an executable: its package status above is its check.)
for pkg in "${required[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [ "$status" != "installed" ]; then
    missing+=("$pkg")
  fi
done

# Also check the files themselves, in case a package is "installed" but broken.
if [ ${#missing[@]} -eq 0 ]; then
  for f in "${required_files[@]}"; do
    if [ ! -x "$f" ]; then
      missing=("${required[@]}")
      break
    fi
  done
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-test-deps: missing Debian packages: ${missing[*]} (run as root: apt-get install -y --no-install-recommends ${missing[*]})" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Never let package maintainer scripts start daemons (docker.io's postinst would try to start
# docker.service/containerd.service, docker-registry's its registry); the tests start their own.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

echo "ensure-test-deps: installing ${missing[*]}" >&2
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for f in "${required_files[@]}"; do
  if [ ! -x "$f" ]; then
    echo "ensure-test-deps: $f still missing after installing ${missing[*]}" >&2
    exit 1
  fi
done
echo "ensure-test-deps: installed ${missing[*]}" >&2
