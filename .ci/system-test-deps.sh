#!/usr/bin/env bash
# Installs and prepares what the deploy system tests (tests/Deploy.Tests) need on a fresh
# Debian 12 machine, as root: arm64 user-mode emulation (qemu-user + binfmt) with the arm64
# libraries the .NET runtime loads, a private sshd and rsync as the deploy target,
# systemd-analyze for the unit checks, ansible-core for the playbook, iproute2 for the
# namespace fleet, and the cross toolchain that links the NativeAOT build (deploy.sh --aot) for
# linux-arm64. Safe to run again: every step checks or is idempotent.
# Usage: sudo .ci/system-test-deps.sh   (prints what it did; exits non-zero if a step failed)
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "system-test-deps: run this as root (it installs Debian packages and enables binfmt)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# arm64 libraries come from Debian's multiarch archive: add the architecture once.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "system-test-deps: adding the arm64 architecture"
  dpkg --add-architecture arm64
fi

packages=(
  # deploy target and transport
  openssh-server openssh-client rsync sudo
  # arm64 binaries run here through qemu-user and binfmt_misc
  qemu-user-static binfmt-support
  libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libicu72:arm64 zlib1g:arm64 libgpiod2:arm64
  # NativeAOT for linux-arm64 from this x86-64 machine: clang drives the link
  # (--target=aarch64-linux-gnu), binutils gives the aarch64 ld and objcopy, and the link needs
  # the arm64 C library and GCC's start-up files (crtbeginS.o, libgcc) of Debian 12's cross
  # packages. No gcc cross compiler, no zlib (.NET 10 carries its own).
  clang binutils-aarch64-linux-gnu libc6-dev-arm64-cross libgcc-12-dev-arm64-cross
  # unit checks (systemd-analyze verify / security), fleet namespaces, playbook
  systemd iproute2 ansible-core python3
  # the test's setup helpers (useradd --prefix, unshare, mount)
  passwd util-linux mount procps
)

missing=()
for p in "${packages[@]}"; do
  # dpkg-query reports the arm64 packages by their qualified name
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "system-test-deps: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "system-test-deps: all packages present"
fi

# A package install may start the system sshd on port 22; the tests never use it, and on a
# CI machine it should not listen. Only stop it if this script's install started it.
if printf '%s\n' "${missing[@]}" | grep -qx openssh-server; then
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    systemctl disable --now ssh.service >/dev/null 2>&1 || true
  fi
fi

# The private sshd instances need the privilege-separation folder.
mkdir -p /run/sshd
chmod 0755 /run/sshd

# binfmt_misc: mount it if the kernel has it and it is not mounted, then enable qemu-aarch64.
if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2>/dev/null || true
fi
if [ -e /proc/sys/fs/binfmt_misc/register ]; then
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
fi
if [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64; then
  echo "system-test-deps: binfmt qemu-aarch64 enabled"
else
  echo "system-test-deps: could not enable binfmt for qemu-aarch64 (is binfmt_misc available in this kernel/container?)" >&2
  exit 1
fi

# Network namespaces: check that this machine lets us make one (containers may not).
probe="edt-probe-$$"
if ip netns add "$probe" 2>/dev/null; then
  ip netns delete "$probe"
  echo "system-test-deps: network namespaces available"
else
  echo "system-test-deps: cannot create network namespaces here (ip netns add failed)" >&2
  exit 1
fi

echo "system-test-deps: ready"
