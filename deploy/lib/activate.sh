#!/usr/bin/env bash
# Runs ON THE DEVICE as root (sudo), from the uploaded release's deploy/ folder. Makes the
# uploaded release current and proves it healthy, or puts the previous release back.
#   1. releases/VERSION.partial -> releases/VERSION (a half-copied release is never current)
#   2. the edgedevice user and its groups, the settings folder (the user's file is never
#      overwritten), the unit file (plus, for a NativeAOT release, the drop-in that adds
#      MemoryDenyWriteExecute=yes; removed for any other release), the /usr/local/bin link
#   3. `current` switched atomically (a new link renamed over the old one)
#   4. restart, then health: active in systemd AND `edgedevice info --health` sees a fresh
#      heartbeat, retried until HEALTH_TIMEOUT seconds have passed
#   5. healthy: prune old releases; unhealthy: switch back, restart the previous release
#      (with the previous release's unit and drop-in)
# The last line is machine-readable for deploy.sh:
#   RESULT ok VERSION PREVIOUS | RESULT failed WHY | RESULT rolled-back PREVIOUS WHY
# Arguments: key=value (root, settings, unitdir, binlink, statedir, systemctl, version,
# keep, health_timeout).
set -uo pipefail
exec </dev/null

for arg in "$@"; do
  case "$arg" in
    root=*) root=${arg#*=} ;;
    settings=*) settings=${arg#*=} ;;
    unitdir=*) unitdir=${arg#*=} ;;
    binlink=*) binlink=${arg#*=} ;;
    statedir=*) statedir=${arg#*=} ;;
    systemctl=*) read -r -a systemctl_cmd <<<"${arg#*=}" ;;
    version=*) version=${arg#*=} ;;
    keep=*) keep=${arg#*=} ;;
    health_timeout=*) health_timeout=${arg#*=} ;;
    *) echo "activate: unknown argument $arg" >&2; echo "RESULT failed internal error: unknown argument $arg"; exit 2 ;;
  esac
done

unit_name=edgedevice.service
service_user=edgedevice
service_groups=(gpio spi i2c video)
releases=$root/releases
new=$releases/$version

say() { echo "device: $*"; }
result() { echo "RESULT $*"; }
# The lock stays with this script: nothing the service manager starts may inherit it.
sysctl() { "${systemctl_cmd[@]}" "$@" 9>&-; }

# One deploy at a time per device.
mkdir -p "$root"
exec 9>"$root/.deploy.lock"
if ! flock -n 9; then
  result failed "another deploy to this device is running (lock $root/.deploy.lock)"
  exit 1
fi

# --- 1. the uploaded release gets its final name ----------------------------------------
previous=""
if [ -L "$root/current" ]; then
  previous=$(basename "$(readlink "$root/current")")
fi
if [ "$previous" = "$version" ]; then
  result failed "release $version is already the current release; deploy under another --version"
  exit 1
fi
if [ ! -d "$new.partial" ]; then
  result failed "the upload $new.partial is missing"
  exit 1
fi
rm -rf "$new"
mv -T "$new.partial" "$new"
touch "$new"   # release age for pruning = when it was deployed

# --- 2. account, settings, unit, command link --------------------------------------------
for g in "${service_groups[@]}"; do
  if ! getent group "$g" >/dev/null; then
    say "creating group $g"
    groupadd --system "$g"
  fi
done
if ! getent group "$service_user" >/dev/null; then
  groupadd --system "$service_user"
fi
if ! getent passwd "$service_user" >/dev/null; then
  say "creating user $service_user"
  useradd --system --gid "$service_user" --no-create-home --home-dir /var/lib/edgedevice \
    --shell /usr/sbin/nologin --comment "EdgeDevice service" "$service_user"
fi
usermod --append --groups "$(IFS=,; echo "${service_groups[*]}")" "$service_user"

mkdir -p "$settings"
if [ ! -e "$settings/appsettings.json" ]; then
  say "creating $settings/appsettings.json (yours from now on: later deploys leave it alone)"
  install -m 0644 "$new/deploy/appsettings.device.json" "$settings/appsettings.json"
fi

# The unit as this device needs it: the template's default paths replaced by this device's.
render_unit() {
  sed -e "s|/opt/edgedevice|$root|g" -e "s|/etc/edgedevice|$settings|g" "$1/deploy/$unit_name"
}
# NativeAOT releases (they hold EdgeDevice.nativeaot) also get the drop-in deploy/nativeaot.conf:
# MemoryDenyWriteExecute=yes, which would stop the JIT of any other release from starting.
dropin=$unitdir/$unit_name.d/nativeaot.conf
# Sets dropin_changed=yes when it wrote or removed the drop-in; returns 1 if it could not.
install_dropin() {
  local release=$1 conf
  dropin_changed=no
  if [ -e "$release/EdgeDevice.nativeaot" ]; then
    conf=$release/deploy/nativeaot.conf
    [ -f "$conf" ] || conf=$new/deploy/nativeaot.conf
    if ! cmp -s "$conf" "$dropin"; then
      say "installing $dropin (release $(basename "$release") is NativeAOT: MemoryDenyWriteExecute=yes)"
      mkdir -p "$(dirname "$dropin")" && install -m 0644 "$conf" "$dropin" || return 1
      dropin_changed=yes
    fi
  elif [ -e "$dropin" ]; then
    say "removing $dropin (release $(basename "$release") runs with the JIT)"
    rm -f "$dropin" || return 1
    rmdir "$(dirname "$dropin")" 2>/dev/null || true
    dropin_changed=yes
  fi
}
# The unit (and drop-in) of RELEASE as this device needs them; daemon-reload if either changed.
install_unit() {
  local release=$1 rendered changed=no
  rendered=$(mktemp)
  render_unit "$release" >"$rendered"
  mkdir -p "$unitdir"
  if cmp -s "$rendered" "$unitdir/$unit_name"; then
    rm -f "$rendered"
  else
    say "installing $unitdir/$unit_name"
    chmod 0644 "$rendered"
    mv -f "$rendered" "$unitdir/$unit_name" || return 1
    changed=yes
  fi
  install_dropin "$release" || return 1
  [ "$dropin_changed" = no ] || changed=yes
  [ "$changed" = no ] || sysctl daemon-reload
}
install_unit "$new" || { result failed "could not install the unit file (or its drop-in) into $unitdir"; exit 1; }
sysctl enable "$unit_name" >/dev/null 2>&1 || say "warning: '${systemctl_cmd[*]} enable $unit_name' failed"

mkdir -p "$(dirname "$binlink")"
ln -sfn "$root/current/EdgeDevice" "$binlink.new.$$"
mv -T "$binlink.new.$$" "$binlink"

# --- 3. switch -----------------------------------------------------------------------------
switch_to() {
  ln -sfn "releases/$1" "$root/current.new.$$"
  mv -T "$root/current.new.$$" "$root/current"
}

# --- 4. restart and health -----------------------------------------------------------------
health_detail=""
healthy_within() {
  local deadline=$((SECONDS + $1)) state out
  while :; do
    state=$(sysctl is-active "$unit_name" 2>/dev/null)
    if [ "$state" = "active" ]; then
      if out=$(STATE_DIRECTORY=$statedir "$binlink" info --health 2>&1); then
        say "health: $out"
        return 0
      fi
      health_detail="service active but 'edgedevice info --health' says: ${out##*$'\n'}"
    else
      health_detail="service is ${state:-unknown} in systemd, not active"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 2
  done
}

restart_and_check() {
  if ! sysctl restart "$unit_name"; then
    health_detail="'systemctl restart $unit_name' failed"
    return 1
  fi
  healthy_within "$health_timeout"
}

say "switching current to $version${previous:+ (was $previous)}"
switch_to "$version"
if restart_and_check; then
  # --- 5a. prune: keep the newest $keep releases, never the current one --------------------
  n=0
  while IFS= read -r dir; do
    n=$((n + 1))
    name=$(basename "$dir")
    if [ "$n" -gt "$keep" ] && [ "$name" != "$version" ]; then
      say "removing old release $name"
      rm -rf "$dir"
    fi
  done < <(find "$releases" -mindepth 1 -maxdepth 1 -type d ! -name '*.partial' -printf '%T@ %p\n' | sort -rn | cut -d' ' -f2-)
  # Uploads that never got activated (a broken connection, say) are of no further use.
  find "$releases" -mindepth 1 -maxdepth 1 -type d -name '*.partial' -exec rm -rf {} +
  result ok "$version" "${previous:--}"
  exit 0
fi

why="release $version is not healthy after ${health_timeout}s: $health_detail (see journalctl -u edgedevice -n 50)"
say "$why"

# --- 5b. rollback --------------------------------------------------------------------------
if [ -z "$previous" ] || [ ! -d "$releases/$previous" ]; then
  say "no previous release to go back to; stopping the service"
  sysctl stop "$unit_name" || true
  result failed "$why; there was no previous release to roll back to"
  exit 1
fi
say "rolling back to $previous"
switch_to "$previous"
install_unit "$releases/$previous" || true
if restart_and_check; then
  result rolled-back "$previous" "$why"
else
  result rolled-back "$previous" "$why; the previous release $previous is not healthy either: $health_detail"
fi
exit 1
