#!/usr/bin/env bash
# Builds a small emulated arm64 Debian 12 machine with real systemd: a stand-in for a
# Raspberry Pi when testing the deploy and the unit (Type=notify, watchdog, hardening).
# Run as root on Debian 12 x86-64 (no KVM needed: qemu's TCG emulation). About 4-5 minutes
# on an idle 2-core machine; about 1.5 GB of RAM while it runs.
#   deploy/vm/build-arm64-vm.sh OUTDIR [PUBLIC_KEY_FILE]
# OUTDIR receives: disk.img (ext4 root), vmlinuz, initrd, host_ed25519.pub (to pin the VM's
# host key), and boot.sh (starts the VM, SSH forwarded to 127.0.0.1:PORT, default 2223).
# The VM has a user `pi` with passwordless sudo who accepts PUBLIC_KEY_FILE, like a Pi
# set up by Raspberry Pi Imager; without one, a key pair is made: OUTDIR/id_ed25519.
# tests/Deploy.Tests uses the VM when EDGEDEVICE_ARM64_VM=OUTDIR.
set -euo pipefail

out=${1:?usage: build-arm64-vm.sh OUTDIR [PUBLIC_KEY_FILE]}
pubkey=${2:-}
[ "$(id -u)" -eq 0 ] || { echo "build-arm64-vm: run as root" >&2; exit 1; }
[ -z "$pubkey" ] || [ -r "$pubkey" ] || { echo "build-arm64-vm: cannot read $pubkey" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
need=(mmdebstrap arch-test qemu-user-static binfmt-support qemu-system-arm qemu-utils e2fsprogs kmod cpio)
missing=()
for p in "${need[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true

mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ -z "$pubkey" ]; then
  [ -f "$out/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C edgedevice-vm -f "$out/id_ed25519"
  pubkey=$out/id_ed25519.pub
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/arm64-vm.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

# --- root filesystem: mmdebstrap (debootstrap's second stage under qemu-user is far slower)
echo "build-arm64-vm: root filesystem"
mirror=http://deb.debian.org/debian
mmdebstrap --mode=root --arch=arm64 --variant=apt \
  --include=systemd-sysv,openssh-server,rsync,sudo,libicu72,libstdc++6,zlib1g,ca-certificates,udev,dbus,iproute2,python3 \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --customize-hook='echo edgepi-vm > "$1/etc/hostname"' \
  --customize-hook='printf "127.0.0.1 localhost\n127.0.1.1 edgepi-vm\n" > "$1/etc/hosts"' \
  --customize-hook='printf "/dev/vda / ext4 rw,errors=remount-ro 0 1\n" > "$1/etc/fstab"' \
  --customize-hook='printf "[Match]\nName=en* eth*\n[Network]\nDHCP=yes\n" > "$1/etc/systemd/network/20-wired.network"' \
  --customize-hook='chroot "$1" systemctl enable systemd-networkd ssh >/dev/null 2>&1' \
  --customize-hook='chroot "$1" useradd --create-home --shell /bin/bash --groups sudo pi' \
  --customize-hook='chroot "$1" usermod -p "*" pi' \
  --customize-hook='echo "pi ALL=(ALL) NOPASSWD: ALL" > "$1/etc/sudoers.d/010_pi-nopasswd"; chmod 0440 "$1/etc/sudoers.d/010_pi-nopasswd"' \
  bookworm "$rootfs" \
  "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb http://deb.debian.org/debian-security bookworm-security main"

install -d -m 0700 "$rootfs/home/pi/.ssh"
install -m 0600 "$pubkey" "$rootfs/home/pi/.ssh/authorized_keys"
chroot "$rootfs" chown -R pi:pi /home/pi/.ssh
cp "$rootfs/etc/ssh/ssh_host_ed25519_key.pub" "$out/host_ed25519.pub"

# --- kernel: Debian's arm64 kernel unpacked in a scratch folder (never straight into the root
# filesystem: the package's /lib would replace the usrmerge link and the boot would panic)
echo "build-arm64-vm: kernel"
kpkg=$(apt-cache depends linux-image-arm64:arm64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-arm64\).*/\1/p' | head -n 1)
kver=${kpkg#linux-image-}
(cd "$work" && apt-get download -qq "$kpkg:arm64" busybox-static:arm64)
dpkg-deb -x "$work"/${kpkg}_*.deb "$work/kernel"
dpkg-deb -x "$work"/busybox-static_*.deb "$work/busybox"
cp "$work/kernel/boot/vmlinuz-$kver" "$out/vmlinuz"
mkdir -p "$rootfs/usr/lib/modules"
cp -a "$work/kernel/lib/modules/$kver" "$rootfs/usr/lib/modules/"
depmod -b "$rootfs" "$kver"

# --- a tiny initrd: busybox, the virtio disk and ext4 modules (with their dependencies), /init
echo "build-arm64-vm: initrd"
ird=$work/initrd
mkdir -p "$ird"/{bin,dev,proc,sys,newroot,modules}
cp "$work/busybox/bin/busybox" "$ird/bin/busybox"
moddir=$rootfs/usr/lib/modules/$kver
order=()
add_module() {   # depth-first: dependencies before the module
  local name=$1 path dep
  path=$(modinfo -b "$rootfs" -k "$kver" -F filename "$name" 2>/dev/null) || return 0
  case "$path" in (*builtin*|"") return 0 ;; esac
  for dep in $(modinfo -b "$rootfs" -k "$kver" -F depends "$name" | tr ',' ' '); do add_module "$dep"; done
  for seen in "${order[@]:-}"; do [ "$seen" = "$path" ] && return 0; done
  order+=("$path")
}
for m in virtio_pci virtio_mmio virtio_blk ext4 crc32c_generic; do add_module "$m"; done
: >"$ird/modules/order"
for path in "${order[@]}"; do
  base=$(basename "$path")
  case "$base" in
    *.ko.xz) xz -dc "$path" >"$ird/modules/${base%.xz}"; base=${base%.xz} ;;
    *.ko.zst) zstd -qdc "$path" >"$ird/modules/${base%.zst}"; base=${base%.zst} ;;
    *) cp "$path" "$ird/modules/$base" ;;
  esac
  echo "$base" >>"$ird/modules/order"
done
cat >"$ird/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
while read -r m; do insmod "/modules/$m" 2>/dev/null; done </modules/order
for i in $(seq 50); do [ -b /dev/vda ] && break; sleep 0.2; done
mount -t ext4 -o rw /dev/vda /newroot || { echo "initrd: cannot mount /dev/vda"; exec sh; }
umount /proc /sys; mount --move /dev /newroot/dev
exec switch_root /newroot /sbin/init
EOF
chmod +x "$ird/init"
(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) >"$out/initrd"

# --- disk
echo "build-arm64-vm: disk image"
rm -f "$out/disk.img"
mkfs.ext4 -q -L root -d "$rootfs" "$out/disk.img" 2G

cat >"$out/boot.sh" <<'EOF'
#!/usr/bin/env bash
# Boots the VM in the foreground (SSH on 127.0.0.1:${1:-2223}); stop it by killing this process.
here=$(cd "$(dirname "$0")" && pwd)
exec qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 2048 -accel tcg,thread=multi \
  -nographic -no-reboot -kernel "$here/vmlinuz" -initrd "$here/initrd" \
  -append 'root=/dev/vda console=ttyAMA0 panic=1' \
  -drive "file=$here/disk.img,format=raw,if=virtio,cache=unsafe" \
  -netdev "user,id=n,hostfwd=tcp:127.0.0.1:${1:-2223}-:22" -device virtio-net-pci,netdev=n,romfile=
EOF
chmod +x "$out/boot.sh"
echo "build-arm64-vm: done: $out (kernel $kver)"
