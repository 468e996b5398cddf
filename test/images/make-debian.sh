#!/usr/bin/env bash
# Makes orchest-desktop-test/debian:2: Debian bookworm (debootstrap minbase) with redis-server, python3, python3-redis and
# python3-websockets, for services that behave as real ones do. Takes a few minutes once per machine;
# does nothing when the tag exists; one build at a time on the machine (flock).
set -euo pipefail
TAG=orchest-desktop-test/debian:2
LOCK=/tmp/orchest-desktop-test-images.lock
LOG=/tmp/orchest-desktop-debootstrap.log
docker image inspect "$TAG" >/dev/null 2>&1 && exit 0
exec 9>>"$LOCK"
flock 9
docker image inspect "$TAG" >/dev/null 2>&1 && exit 0

export DEBIAN_FRONTEND=noninteractive
if ! command -v debootstrap >/dev/null; then
  apt-get install -y -qq debootstrap >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
fi
# The Debian mirror apt uses on this machine (its main suite, not -security/-updates), as apt reads its
# sources (one-line or deb822, disabled files skipped); Debian's own redirector if apt names none.
mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' 2>/dev/null |
  awk '$1 ~ /\/debian\/?$/ && $2 !~ /-(security|updates|backports|proposed-updates)$/ { print $1; exit }' || true)
mirror=${mirror:-http://deb.debian.org/debian/}

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
echo "make-debian: debootstrap bookworm from $mirror (a few minutes; log in $LOG)"
debootstrap --variant=minbase --include=redis-server,python3,python3-websockets,python3-redis,procps \
  bookworm "$root" "$mirror" >"$LOG" 2>&1 ||
  { tail -n 30 "$LOG" >&2; exit 1; }
# No package caches or lists in the image; `apt-get update` in a docker build fetches them again.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
  "$root"/var/log/apt/* "$root"/var/log/dpkg.log "$root"/var/log/bootstrap.log
chmod 755 "$root" # mktemp makes 0700: the redis user could not reach /
tar -C "$root" -c . | docker import --change 'CMD ["bash"]' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$TAG" >/dev/null
echo "made $TAG"
