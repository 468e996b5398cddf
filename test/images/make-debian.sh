#!/usr/bin/env bash
# Makes orchest-desktop-test/debian:1: Debian bookworm (debootstrap minbase) with redis-server, python3 and
# python3-websockets, for services that behave as real ones do. Takes a few minutes once per machine;
# does nothing when the tag exists.
set -euo pipefail
TAG=orchest-desktop-test/debian:1
docker image inspect "$TAG" >/dev/null 2>&1 && exit 0

command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
# The mirror apt already uses on this machine (deb822 or one-line sources).
mirror=$({ grep -rhE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true; } |
  grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n 1 | tr -d ' ')
mirror=${mirror:-http://deb.debian.org/debian}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=redis-server,python3,python3-websockets,procps \
  bookworm "$root" "$mirror" >/tmp/orchest-desktop-debootstrap.log 2>&1 ||
  { tail -n 30 /tmp/orchest-desktop-debootstrap.log; exit 1; }
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
chmod 755 "$root" # mktemp makes 0700: the redis user could not reach /
tar -C "$root" -c . | docker import --change 'CMD ["bash"]' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$TAG" >/dev/null
echo "made $TAG"
