#!/usr/bin/env bash
# Sets up a modern Docker stack with buildx (BuildKit build history, --progress=rawjson) for the
# tests, without installing anything into the system and without touching the system's apt sources:
#
#   bash scripts/setup-modern-buildkit.sh [DIR]     # DIR defaults to .cache/modern-buildkit
#
# Downloads the current Debian unstable (sid) packages docker.io (dockerd), docker-cli, docker-buildx,
# containerd and tini-static with apt-get using a private sources list and private state dirs under
# DIR/apt, unpacks them with `dpkg -x` into DIR/root and lays out:
#   DIR/bin/                 put first on PATH: dockerd, docker-proxy, docker, containerd,
#                            containerd-shim-runc-v2, ctr, docker-init (-> tini-static) and
#                            runc (-> Debian 12's /usr/sbin/runc: sid's runc needs glibc 2.38)
#   DIR/docker-config/       a DOCKER_CONFIG whose cli-plugins/docker-buildx is the unpacked buildx
#   DIR/versions             KEY=VALUE stamp with the versions obtained (written last)
# and prints DIR (absolute) as the only line on stdout. Progress goes to stderr, apt's own output to
# DIR/setup.log. When the stamp and the files are there it does nothing else (a few milliseconds);
# BXD_MODERN_BUILDKIT_REFRESH=1 checks sid for newer versions. Concurrent runs wait on a lock.
#
# Overrides: BXD_MODERN_BUILDKIT_DIR (default DIR), BXD_DEBIAN_MIRROR (default
# http://deb.debian.org/debian), BXD_DEBIAN_SUITE (default sid).
#
# Needs: apt-get, dpkg, flock (Debian 12 base) and runc at /usr/sbin/runc (installed with docker.io by
# scripts/ensure-test-deps.sh). Runs as root on CI; no daemon is started here.
set -euo pipefail

FORMAT=1
PACKAGES=(docker.io docker-cli docker-buildx containerd tini-static)
MIRROR=${BXD_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=${BXD_DEBIAN_SUITE:-sid}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
SYSTEM_RUNC=/usr/sbin/runc

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${1:-${BXD_MODERN_BUILDKIT_DIR:-$repo_root/.cache/modern-buildkit}}

die() {
  echo "setup-modern-buildkit: $*" >&2
  exit 1
}
note() { echo "setup-modern-buildkit: $*" >&2; }

mkdir -p "$dir" || die "cannot create $dir"
dir=$(cd "$dir" && pwd)
root=$dir/root
bin=$dir/bin
config=$dir/docker-config
stamp=$dir/versions
log=$dir/setup.log

# Relative links (so DIR can move): name in bin/ -> target below DIR.
declare -A LINKS=(
  [dockerd]=../root/usr/sbin/dockerd
  [docker-proxy]=../root/usr/sbin/docker-proxy
  [docker]=../root/usr/bin/docker
  [containerd]=../root/usr/bin/containerd
  [containerd-shim-runc-v2]=../root/usr/bin/containerd-shim-runc-v2
  [ctr]=../root/usr/bin/ctr
  [docker-init]=../root/usr/bin/tini-static
  [runc]=$SYSTEM_RUNC
)
PLUGIN_TARGET=../../root/usr/libexec/docker/cli-plugins/docker-buildx

is_complete() {
  [ -f "$stamp" ] || return 1
  grep -qx "FORMAT=$FORMAT" "$stamp" || return 1
  grep -qx "SUITE=$SUITE" "$stamp" || return 1
  local name
  for name in "${!LINKS[@]}"; do
    [ -x "$bin/$name" ] || return 1
  done
  [ -x "$config/cli-plugins/docker-buildx" ] || return 1
}

if [ "${BXD_MODERN_BUILDKIT_REFRESH:-}" != 1 ] && is_complete; then
  echo "$dir"
  exit 0
fi

command -v flock >/dev/null || die "flock is missing (util-linux)"
exec 9>"$dir/.lock"
flock -w 900 9 || die "another setup holds $dir/.lock for more than 15 minutes"
# Someone else may have finished while we waited.
if [ "${BXD_MODERN_BUILDKIT_REFRESH:-}" != 1 ] && is_complete; then
  echo "$dir"
  exit 0
fi

[ -x "$SYSTEM_RUNC" ] || die "$SYSTEM_RUNC is missing (sid's runc needs glibc 2.38); run scripts/ensure-test-deps.sh as root (docker.io brings runc)"
[ -r "$KEYRING" ] || die "$KEYRING is missing (package debian-archive-keyring)"
for tool in apt-get apt-cache dpkg dpkg-deb; do
  command -v "$tool" >/dev/null || die "$tool is missing: this needs a Debian system"
done

apt_dir=$dir/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/state" "$apt_dir/debs"
: >"$apt_dir/status" # an empty dpkg status: the system's installed versions play no part
arch=$(dpkg --print-architecture)
echo "deb [arch=$arch signed-by=$KEYRING] $MIRROR $SUITE main" >"$apt_dir/sources.list"
apt_opts=(
  -q
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o Dir::Etc::SourceParts=/dev/null
  -o Dir::Etc::Preferences=/dev/null
  -o Dir::Etc::PreferencesParts=/dev/null
  -o "Dir::State=$apt_dir/state"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::State::status=$apt_dir/status"
  -o "Dir::Cache=$apt_dir/cache"
  -o "APT::Architecture=$arch"
  -o "APT::Architectures=$arch"
  -o Acquire::Languages=none
  -o Acquire::Retries=3
  -o Acquire::http::Timeout=60
  -o APT::Sandbox::User=root
)
# As non-root apt cannot drop privileges; the private dirs are ours anyway.
[ "$(id -u)" -eq 0 ] || apt_opts+=(-o Debug::NoLocking=1)

: >"$log"
apt_error() { # the first apt error line, or the last line of the log
  local line
  # "Err:1 URL" is followed by the reason on an indented line; "E:"/"W: Failed" lines say it all.
  line=$(awk '
    /^E: / || /^W: Failed to fetch/ { if (!first) first = $0 }
    err == 1 { sub(/^[ \t]+/, ""); errline = errline ": " $0; err = 2 }
    /^Err:/ && !errline { errline = $0; err = 1 }
    NF { last = $0 }
    END { if (errline) print errline; else if (first) print first; else print last }' "$log")
  line=${line//$'\t'/ }
  printf '%s' "${line:-no output}"
}

t0=$(date +%s.%N)
note "fetching the $SUITE package list from $MIRROR (log: $log)"
if ! apt-get "${apt_opts[@]}" update >>"$log" 2>&1 || grep -qE '^(E|Err):' "$log"; then
  die "apt-get update of $SUITE from $MIRROR failed: $(apt_error) (full log: $log)"
fi

declare -A WANT=()
for pkg in "${PACKAGES[@]}"; do
  v=$(apt-cache "${apt_opts[@]}" show --no-all-versions "$pkg" 2>>"$log" | sed -n 's/^Version: //p;T;q' || true)
  [ -n "$v" ] || die "package $pkg not found in $SUITE at $MIRROR (full log: $log)"
  WANT[$pkg]=$v
done

if [ -f "$stamp" ] && grep -qx "FORMAT=$FORMAT" "$stamp" && grep -qx "SUITE=$SUITE" "$stamp"; then
  same=1
  for pkg in "${PACKAGES[@]}"; do grep -qxF "$pkg=${WANT[$pkg]}" "$stamp" || same=0; done
  if [ "$same" = 1 ] && is_complete; then
    note "already up to date"
    rm -rf "$apt_dir/lists" "$apt_dir/cache"
    echo "$dir"
    exit 0
  fi
fi

debs=$apt_dir/debs
rm -f "$debs"/*.deb
specs=()
for pkg in "${PACKAGES[@]}"; do specs+=("$pkg=${WANT[$pkg]}"); done
note "downloading ${specs[*]}"
if ! (cd "$debs" && apt-get "${apt_opts[@]}" download "${specs[@]}") >>"$log" 2>&1; then
  die "apt-get download from $MIRROR failed: $(apt_error) (full log: $log)"
fi
t1=$(date +%s.%N)

note "unpacking into $root"
rm -rf "$root.new"
mkdir -p "$root.new"
for pkg in "${PACKAGES[@]}"; do
  deb=
  for f in "$debs/${pkg}_"*.deb; do [ -f "$f" ] && deb=$f; done
  [ -n "$deb" ] || die "apt-get download left no .deb for $pkg (full log: $log)"
  dpkg-deb -x "$deb" "$root.new" 2>>"$log" || die "dpkg-deb -x $deb failed (full log: $log)"
done
# Documentation, man pages, init scripts: not needed to run anything.
rm -rf "$root.new/usr/share/doc" "$root.new/usr/share/man" "$root.new/etc/init.d" "$root.new/etc/init" "$root.new/lib/systemd" "$root.new/usr/lib/systemd"
# containerd's failpoint test shims and CNI plugin: never used here.
rm -rf "$root.new/usr/lib/cni" "$root.new/usr/lib/containerd"
rm -rf "$root"
mv "$root.new" "$root"

rm -rf "$bin" "$config/cli-plugins"
mkdir -p "$bin" "$config/cli-plugins"
for name in "${!LINKS[@]}"; do
  target=${LINKS[$name]}
  ln -s "$target" "$bin/$name"
  [ -x "$bin/$name" ] || die "$bin/$name -> $target: not an executable (package layout changed?)"
done
ln -s "$PLUGIN_TARGET" "$config/cli-plugins/docker-buildx"
[ -x "$config/cli-plugins/docker-buildx" ] || die "$config/cli-plugins/docker-buildx -> $PLUGIN_TARGET: not an executable (package layout changed?)"

# Each binary must run on this system's glibc (a rebuild in sid may need a newer one).
first_line() { printf '%s' "${1%%$'\n'*}"; }
check() { # name, command...
  local name=$1 out
  shift
  if ! out=$("$@" 2>&1); then
    die "the unpacked $name does not run here: $(first_line "$out")"
  fi
  first_line "$out"
}
dockerd_v=$(check dockerd "$bin/dockerd" --version)
docker_v=$(check docker "$bin/docker" --version)
containerd_v=$(check containerd "$bin/containerd" --version)
check containerd-shim-runc-v2 "$bin/containerd-shim-runc-v2" -v >/dev/null
buildx_v=$(check docker-buildx "$config/cli-plugins/docker-buildx" version)
runc_v=$(check runc "$bin/runc" --version)
check docker-init "$bin/docker-init" --version >/dev/null
t2=$(date +%s.%N)

{
  echo "FORMAT=$FORMAT"
  echo "SUITE=$SUITE"
  echo "MIRROR=$MIRROR"
  for pkg in "${PACKAGES[@]}"; do echo "$pkg=${WANT[$pkg]}"; done
  echo "runc=$(dpkg-query -W -f='${Version}' runc 2>/dev/null || echo unknown) ($SYSTEM_RUNC, Debian $(cat /etc/debian_version 2>/dev/null || echo '?'))"
  echo "DOCKERD_VERSION=$dockerd_v"
  echo "DOCKER_VERSION=$docker_v"
  echo "CONTAINERD_VERSION=$containerd_v"
  echo "BUILDX_VERSION=$buildx_v"
  echo "RUNC_VERSION=$runc_v"
  echo "DOWNLOAD_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
  echo "UNPACK_SECONDS=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.1f", b - a }')"
  echo "SETUP_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$stamp.new"
mv "$stamp.new" "$stamp"
rm -rf "$debs" "$apt_dir/lists" "$apt_dir/cache"

note "ready: $(grep -E '^(docker.io|docker-cli|docker-buildx|containerd|tini-static)=' "$stamp" | tr '\n' ' ')($(du -sh "$dir" | cut -f1))"
echo "$dir"
