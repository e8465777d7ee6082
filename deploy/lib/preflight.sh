#!/usr/bin/env bash
# Runs ON THE DEVICE as the login user (read-only: changes nothing), fed to `bash -s` by
# deploy.sh. Prints one key=value line per fact; deploy.sh decides what is acceptable.
# Arguments: INSTALL_ROOT SYSTEMCTL VERSION
set -u
install_root=$1
systemctl_cmd=$2
version=$3

# stdin is this script's own text (bash -s): commands below get </dev/null where they could read it.

echo "arch=$(uname -m)"

if sudo -n true </dev/null 2>/dev/null; then echo "sudo=yes"; else echo "sudo=no"; fi

# Run it, not just look it up: bash's `command -v` also names a file it cannot execute.
if rsync --version </dev/null >/dev/null 2>&1; then echo "rsync=yes"; else echo "rsync=no"; fi

found=$(command -v "$systemctl_cmd" 2>/dev/null)
if [ -n "$found" ] && [ -x "$found" ]; then echo "systemctl=yes"; else echo "systemctl=no"; fi

current=""
if [ -L "$install_root/current" ]; then
  current=$(basename "$(readlink "$install_root/current")")
fi
echo "current=$current"

if [ -d "$install_root/releases/$version" ]; then echo "version_exists=yes"; else echo "version_exists=no"; fi

# Free space where the release will land: the nearest folder of the install root that exists.
probe=$install_root
while [ ! -d "$probe" ] && [ "$probe" != "/" ]; do probe=$(dirname "$probe"); done
echo "free_kb=$(df -Pk "$probe" 2>/dev/null | awk 'NR == 2 { print $4 }')"
echo "free_path=$probe"
