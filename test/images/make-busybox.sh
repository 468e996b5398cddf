#!/usr/bin/env bash
# Makes orchest-desktop-test/busybox:1 from Debian's busybox-static: a shell, nc, wget and httpd in 2 MB
# that start in well under a second. No registry is needed. Does nothing when the tag exists.
set -euo pipefail
TAG=orchest-desktop-test/busybox:1
docker image inspect "$TAG" >/dev/null 2>&1 && exit 0

if [ ! -x /bin/busybox ] || ! /bin/busybox --list | grep -qx httpd; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,etc,tmp,root,www}
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
chmod 1777 "$root/tmp"
chmod 755 "$root" # mktemp makes 0700: other users in the image could not reach /
tar -C "$root" -c . | docker import --change 'CMD ["sh"]' --change 'ENV PATH=/bin' - "$TAG" >/dev/null
echo "made $TAG"
