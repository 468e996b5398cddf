#!/usr/bin/env bash
# Makes orchest-desktop-test/busybox:1 from Debian's busybox-static: a shell, nc, wget and httpd in 2 MB
# that start in well under a second. No registry is needed. Does nothing when the tag exists; one build
# at a time on the machine (flock), so callers in parallel wait for the first and then find the tag.
set -euo pipefail
TAG=orchest-desktop-test/busybox:1
LOCK=/tmp/orchest-desktop-test-images.lock
docker image inspect "$TAG" >/dev/null 2>&1 && exit 0
exec 9>>"$LOCK"
flock 9
docker image inspect "$TAG" >/dev/null 2>&1 && exit 0

# A static busybox with the applets the tests use; Debian's dynamic `busybox` would not run alone.
usable() { [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1 && /bin/busybox --list | grep -qx httpd; }
if ! usable; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq busybox-static >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq busybox-static >/dev/null; }
fi
for applet in sh nc wget httpd sleep; do
  /bin/busybox --list | grep -qx "$applet" || { echo "make-busybox: /bin/busybox has no $applet applet" >&2; exit 1; }
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,etc,tmp,root,www}
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"
chmod 1777 "$root/tmp"
chmod 755 "$root" # mktemp makes 0700: other users in the image could not reach /
tar -C "$root" -c . | docker import --change 'CMD ["sh"]' --change 'ENV PATH=/bin' - "$TAG" >/dev/null
echo "made $TAG"
