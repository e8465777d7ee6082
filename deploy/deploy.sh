#!/usr/bin/env bash
# Deploys EdgeDevice to one or more Raspberry Pis (64-bit Raspberry Pi OS) over SSH.
# Run `deploy/deploy.sh --help` for the options; deploy/README.md explains the set-up.
#
# For every host, in parallel:
#   preflight  uname -m must be aarch64, `sudo -n true` must work, rsync must exist,
#              enough free space; nothing is changed on the device
#   upload     rsync into RELEASES/VERSION.partial, hard-linking files unchanged since the
#              current release (--link-dest), so a redeploy sends and stores only what changed
#   activate   deploy/lib/activate.sh on the device (as root): user, unit, link, settings,
#              atomic switch of `current`, restart, health check, rollback on failure
# Ends with one summary line per host; exit 0 only if every host is deployed and healthy.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)

usage() {
  cat <<'EOF'
Usage: deploy/deploy.sh [options] HOST [HOST...]
       deploy/deploy.sh [--aot] --build-only DIR
  HOST is [user@]name[:port]; the user's ~/.ssh/config applies as usual.

Build
  --aot                   publish with NativeAOT instead of self-contained (smaller, faster start,
                          MemoryDenyWriteExecute on the device; needs clang and an aarch64 linker)
  --publish-dir DIR       deploy this linux-arm64 publish output; no build
  --build-only DIR        build into DIR (new or an earlier build) and stop; no host is contacted
  --skip-build            deploy the output of an earlier build of this script (out/deploy/...)
  --version NAME          release name (default: UTC time and git commit, e.g. 20261127T101500Z-1a2b3c4d)

Device paths (defaults are the Raspberry Pi's)
  --install-root DIR      /opt/edgedevice          (releases/ and the `current` link)
  --settings-dir DIR      /etc/edgedevice          (appsettings.json: created once, never overwritten)
  --unit-dir DIR          /etc/systemd/system
  --bin-link PATH         /usr/local/bin/edgedevice
  --state-dir DIR         /var/lib/edgedevice      (where the health check reads the heartbeat)
  --systemctl CMD         systemctl

Behaviour
  --keep N                releases kept on the device (default 3, at least 2 keeps a rollback target)
  --health-timeout S      seconds the new release has to become healthy (default 60)
  --dry-run               check the devices and show what would happen; change nothing, build nothing

SSH
  --user NAME             login user when HOST names none
  --port N                port when HOST names none
  --identity FILE         private key to use (only that key)
  --known-hosts FILE      pinned host keys (default: ssh's own files)
  --accept-new-host-key   trust a host seen for the first time and pin its key (never a changed key)
  --connect-timeout S     default 10

Exit status: 0 all hosts healthy, 1 a host failed, 2 bad command line, 3 the build failed.
EOF
}

die_usage() { echo "deploy: $*" >&2; echo "deploy: see deploy/deploy.sh --help" >&2; exit 2; }

# ----- options --------------------------------------------------------------------------------
aot=no
publish_dir=""
build_only=""
skip_build=no
version=""
install_root=/opt/edgedevice
settings_dir=/etc/edgedevice
unit_dir=/etc/systemd/system
bin_link=/usr/local/bin/edgedevice
state_dir=/var/lib/edgedevice
systemctl_cmd=systemctl
keep=3
health_timeout=60
dry_run=no
ssh_user=""
ssh_port=""
identity=""
known_hosts=""
accept_new=no
connect_timeout=10
hosts=()

need() { [ $# -ge 2 ] || die_usage "$1 needs a value"; }
while [ $# -gt 0 ]; do
  opt=$1
  if [[ $opt == --*=* ]]; then
    set -- "${opt%%=*}" "${opt#*=}" "${@:2}"
    opt=$1
  fi
  case "$opt" in
    -h|--help) usage; exit 0 ;;
    --aot) aot=yes; shift ;;
    --publish-dir) need "$@"; publish_dir=$2; shift 2 ;;
    --build-only) need "$@"; build_only=$2; shift 2 ;;
    --skip-build) skip_build=yes; shift ;;
    --version) need "$@"; version=$2; shift 2 ;;
    --install-root) need "$@"; install_root=$2; shift 2 ;;
    --settings-dir) need "$@"; settings_dir=$2; shift 2 ;;
    --unit-dir) need "$@"; unit_dir=$2; shift 2 ;;
    --bin-link) need "$@"; bin_link=$2; shift 2 ;;
    --state-dir) need "$@"; state_dir=$2; shift 2 ;;
    --systemctl) need "$@"; systemctl_cmd=$2; shift 2 ;;
    --keep) need "$@"; keep=$2; shift 2 ;;
    --health-timeout) need "$@"; health_timeout=$2; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    --user) need "$@"; ssh_user=$2; shift 2 ;;
    --port) need "$@"; ssh_port=$2; shift 2 ;;
    --identity) need "$@"; identity=$2; shift 2 ;;
    --known-hosts) need "$@"; known_hosts=$2; shift 2 ;;
    --accept-new-host-key) accept_new=yes; shift ;;
    --connect-timeout) need "$@"; connect_timeout=$2; shift 2 ;;
    --) shift; hosts+=("$@"); break ;;
    -*) die_usage "unknown option $opt" ;;
    *) hosts+=("$opt"); shift ;;
  esac
done

if [ -n "$build_only" ]; then
  [ ${#hosts[@]} -eq 0 ] || die_usage "--build-only builds and stops: name no HOST"
  [ -z "$publish_dir" ] && [ "$skip_build" = no ] && [ "$dry_run" = no ] \
    || die_usage "--build-only excludes --publish-dir, --skip-build and --dry-run"
  # The folder is emptied before the build: only a new one or an earlier build of EdgeDevice.
  if [ -d "$build_only" ] && [ -n "$(ls -A "$build_only")" ] && [ ! -f "$build_only/EdgeDevice" ]; then
    die_usage "--build-only $build_only is a folder with other files in it, not an earlier build; name a new folder"
  fi
else
  [ ${#hosts[@]} -gt 0 ] || die_usage "name at least one HOST"
fi

# Device paths end up in a sed expression, a unit file and remote command lines: keep them plain.
for pair in "--install-root:$install_root" "--settings-dir:$settings_dir" "--unit-dir:$unit_dir" \
            "--bin-link:$bin_link" "--state-dir:$state_dir"; do
  name=${pair%%:*} value=${pair#*:}
  [[ $value =~ ^/[A-Za-z0-9._/-]*$ ]] || die_usage "$name must be an absolute path of letters, digits, . _ - and / (got '$value')"
done
[[ $systemctl_cmd =~ ^[A-Za-z0-9._/-]+$ ]] || die_usage "--systemctl must be a command name or path (got '$systemctl_cmd')"
[[ $keep =~ ^[1-9][0-9]*$ ]] || die_usage "--keep must be a whole number of at least 1 (got '$keep')"
[[ $health_timeout =~ ^[0-9]+$ ]] || die_usage "--health-timeout must be whole seconds (got '$health_timeout')"
[[ $connect_timeout =~ ^[1-9][0-9]*$ ]] || die_usage "--connect-timeout must be whole seconds (got '$connect_timeout')"
[ -z "$ssh_port" ] || [[ $ssh_port =~ ^[0-9]+$ ]] || die_usage "--port must be a number (got '$ssh_port')"
[ -z "$identity" ] || [ -r "$identity" ] || die_usage "--identity $identity cannot be read"
[ -z "$known_hosts" ] || [ -r "$known_hosts" ] || die_usage "--known-hosts $known_hosts cannot be read"
[ -z "$publish_dir" ] || [ "$skip_build" = no ] || die_usage "--publish-dir and --skip-build exclude each other"

# ----- version and build -----------------------------------------------------------------------
if [ -z "$version" ]; then
  commit=$(git -C "$repo" rev-parse --short=8 HEAD 2>/dev/null || echo nogit)
  if [ "$commit" != nogit ] && [ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit=$commit-dirty
  fi
  version=$(date -u +%Y%m%dT%H%M%SZ)-$commit
fi
[[ $version =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]] && [[ $version != *.partial ]] \
  || die_usage "--version must be letters, digits, . _ + - (got '$version')"

flavour=self-contained
[ "$aot" = no ] || flavour=aot
default_publish=$repo/out/deploy/linux-arm64-$flavour
build=no
if [ -n "$build_only" ]; then
  publish_dir=$build_only
  build=yes
elif [ -z "$publish_dir" ]; then
  publish_dir=$default_publish
  [ "$skip_build" = yes ] || build=yes
fi

# Intermediate files go to out/deploy/build, never to src/*/bin and obj: a deploy build does not
# disturb (or get disturbed by) the builds of an IDE or the tests, and the next one is quicker.
publish_cmd=(dotnet publish "$repo/src/EdgeDevice/EdgeDevice.csproj" -c Release -r linux-arm64 -o "$publish_dir"
  --artifacts-path "$repo/out/deploy/build" -p:DebugType=none)
if [ "$aot" = yes ]; then
  publish_cmd+=(-p:PublishAot=true)
else
  publish_cmd+=(--self-contained true)
fi

if [ "$build" = yes ]; then
  if [ "$dry_run" = yes ]; then
    echo "deploy: would build: ${publish_cmd[*]}"
  else
    echo "deploy: building ($flavour): ${publish_cmd[*]}"
    rm -rf "$publish_dir"
    set +e
    "${publish_cmd[@]}"
    rc=$?
    set -e
    if [ $rc -ne 0 ]; then
      echo "deploy: the build failed (dotnet publish exited $rc; its messages are above). Nothing was deployed." >&2
      exit 3
    fi
  fi
fi

# A release is only worth sending if it is an arm64 build of EdgeDevice.
if [ "$dry_run" = no ] || [ -d "$publish_dir" ]; then
  if [ ! -f "$publish_dir/EdgeDevice" ]; then
    echo "deploy: $publish_dir/EdgeDevice does not exist: not a publish output of src/EdgeDevice (build first, or drop --skip-build)" >&2
    exit 3
  fi
  # ELF header: e_machine (2 bytes at offset 18) is 183 for AArch64.
  machine=$(od -An -tu2 -j18 -N2 "$publish_dir/EdgeDevice" | tr -d ' ')
  if [ "$machine" != 183 ]; then
    echo "deploy: $publish_dir/EdgeDevice is not a linux-arm64 executable (ELF machine $machine, AArch64 is 183)" >&2
    exit 3
  fi
  release_kb=$(du -sk "$publish_dir" | cut -f1)
else
  release_kb=0
fi

if [ -n "$build_only" ]; then
  kind=self-contained
  [ ! -f "$publish_dir/EdgeDevice.nativeaot" ] || kind=NativeAOT
  echo "deploy: built $publish_dir ($kind, $((release_kb / 1024)) MB); deploy it with --publish-dir $publish_dir"
  exit 0
fi

# ----- per host ---------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/edgedevice-deploy.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Files the device needs besides the publish output travel in the release's deploy/ folder.
mkdir -p "$work/extras/deploy"
cp "$here/edgedevice.service" "$here/nativeaot.conf" "$here/appsettings.device.json" "$here/lib/activate.sh" "$work/extras/deploy/"

# Quoting for a remote shell command line.
q() { printf '%q ' "$@"; }
# Quoting for rsync's -e: rsync splits that string itself and honours single quotes only.
rsync_quote() {
  local a out=""
  for a in "$@"; do
    [[ $a != *"'"* ]] || { echo "deploy: cannot pass an argument holding a single quote to rsync: $a" >&2; return 1; }
    out+="'$a' "
  done
  printf '%s' "$out"
}

# Turns what ssh or rsync printed into one sentence saying what went wrong.
explain_ssh_failure() {
  local log=$1 host=$2 target=$3 last
  last=$(grep -v '^\s*$' "$log" | tail -n 1)
  if grep -q 'REMOTE HOST IDENTIFICATION HAS CHANGED' "$log"; then
    echo "host key mismatch: $host presented a different key than the one pinned${known_hosts:+ in $known_hosts} (reinstalled, or someone in between); if the device was reinstalled, verify its new key, then 'ssh-keygen -R $host' and pin the new one"
  elif grep -qE 'No [A-Z0-9-]+ host key is known|Host key verification failed' "$log"; then
    echo "host key unknown: $host is not in ${known_hosts:-your known_hosts}; check its fingerprint and pin it (ssh-keyscan), or pass --accept-new-host-key to trust it on first use"
  elif grep -q 'Permission denied' "$log"; then
    echo "authentication refused: $target did not accept the SSH key (install it with ssh-copy-id $target, or pass --identity)"
  elif grep -qE 'Could not resolve hostname|Name or service not known|Temporary failure in name resolution' "$log"; then
    echo "unreachable: the name $host does not resolve"
  elif grep -qE 'Connection refused|Connection timed out|No route to host|Network is unreachable|Operation timed out|Connection closed by|Connection reset' "$log"; then
    echo "unreachable: $host does not answer on SSH ($last)"
  elif grep -qE 'No space left on device' "$log"; then
    echo "no space left on the device while copying the release ($last)"
  else
    echo "ssh to $target failed: ${last:-no message}"
  fi
}

deploy_one() {
  local spec=$1 slot=$2
  local user=$ssh_user host=$spec port=$ssh_port target
  if [[ $host == *@* ]]; then user=${host%%@*}; host=${host#*@}; fi
  if [[ $host == *:* ]]; then port=${host##*:}; host=${host%:*}; fi
  target=${user:+$user@}$host

  local -a ssh_opts=(-o BatchMode=yes -o "ConnectTimeout=$connect_timeout" -o ServerAliveInterval=5 -o ServerAliveCountMax=4)
  if [ "$accept_new" = yes ]; then ssh_opts+=(-o StrictHostKeyChecking=accept-new); else ssh_opts+=(-o StrictHostKeyChecking=yes); fi
  [ -z "$known_hosts" ] || ssh_opts+=(-o "UserKnownHostsFile=$known_hosts" -o GlobalKnownHostsFile=/dev/null)
  [ -z "$identity" ] || ssh_opts+=(-i "$identity" -o IdentitiesOnly=yes)
  [ -z "$port" ] || ssh_opts+=(-p "$port")

  local log=$work/$slot.ssh.log res=$work/$slot.result
  finish() { echo "$1" >"$res"; }

  # --- preflight
  local facts
  if ! facts=$(ssh "${ssh_opts[@]}" "$target" "bash -s -- $(q "$install_root" "$systemctl_cmd" "$version")" \
                 <"$here/lib/preflight.sh" 2>"$log"); then
    finish "FAILED $(explain_ssh_failure "$log" "$host" "$target")"
    return
  fi
  fact() { sed -n "s/^$1=//p" <<<"$facts" | head -n 1; }
  local arch current free_kb
  arch=$(fact arch); current=$(fact current); free_kb=$(fact free_kb)
  # The first problem found refuses the host; nothing on it has been changed yet.
  local refusal=""
  if [ "$arch" != aarch64 ]; then
    refusal="refused: $host is ${arch:-of unknown architecture}, not aarch64; EdgeDevice needs 64-bit Raspberry Pi OS (arm64)"
  elif [ "$(fact sudo)" != yes ]; then
    refusal="refused: 'sudo -n true' fails for ${user:-the login user} on $host; the deploy needs passwordless sudo (see deploy/README.md)"
  elif [ "$(fact rsync)" != yes ]; then
    refusal="refused: rsync is not installed on $host (sudo apt install rsync)"
  elif [ "$(fact systemctl)" != yes ]; then
    refusal="refused: '$systemctl_cmd' is not found on $host"
  elif [ "$current" = "$version" ]; then
    refusal="refused: release $version is already current on $host; deploy under another --version"
  elif [ -n "$free_kb" ] && [ "$release_kb" -gt 0 ] && [ "$free_kb" -lt $((release_kb + release_kb / 10)) ]; then
    # With --link-dest most files become hard links, but a first deploy needs the whole release.
    refusal="no space left: $host has $((free_kb / 1024)) MB free in $(fact free_path), the release needs $((release_kb / 1024)) MB"
  fi
  if [ -n "$refusal" ]; then
    finish "FAILED $refusal"
    return
  fi
  echo "preflight ok: aarch64, sudo, rsync; current release ${current:-none}; ${free_kb:+$((free_kb / 1024)) MB free}"

  local releases=$install_root/releases
  local -a rsync_opts=(--recursive --links --perms --checksum --omit-dir-times --delete --chmod=go-w --stats
    --rsync-path="sudo -n mkdir -p $(q "$releases")&& sudo -n rsync"
    -e "ssh $(rsync_quote "${ssh_opts[@]}")")
  [ -z "$current" ] || rsync_opts+=(--link-dest="$releases/$current")

  if [ "$dry_run" = yes ]; then
    echo "would upload $publish_dir/ to $target:$releases/$version${current:+ (hard-linking unchanged files from $current)}"
    echo "would install $unit_dir/edgedevice.service, $bin_link -> $install_root/current/EdgeDevice, $settings_dir/appsettings.json if absent, user edgedevice"
    echo "would switch $install_root/current to releases/$version, '$systemctl_cmd restart edgedevice.service', check health for ${health_timeout}s, roll back to ${current:-nothing} on failure, keep $keep releases"
    finish "ok dry run: would deploy $version (current ${current:-none})"
    return
  fi

  # --- upload
  local stats
  if ! stats=$(rsync "${rsync_opts[@]}" "$publish_dir/" "$work/extras/" "$target:$releases/$version.partial/" 2>"$log"); then
    finish "FAILED upload: $(explain_ssh_failure "$log" "$host" "$target")"
    return
  fi
  local sent total
  sent=$(sed -n 's/^Number of regular files transferred: *\([0-9,]*\).*/\1/p' <<<"$stats" | tr -d ,)
  total=$(sed -n 's/^Number of files: *\([0-9,]*\).*/\1/p' <<<"$stats" | tr -d ,)
  echo "uploaded $version: ${sent:-?} files sent, the rest of ${total:-?} hard-linked or unchanged"

  # --- activate (the script travels inside the release)
  local out status
  set +e
  out=$(ssh "${ssh_opts[@]}" "$target" \
    "sudo -n bash $(q "$releases/$version.partial/deploy/activate.sh" \
      "root=$install_root" "settings=$settings_dir" "unitdir=$unit_dir" "binlink=$bin_link" \
      "statedir=$state_dir" "systemctl=$systemctl_cmd" "version=$version" "keep=$keep" \
      "health_timeout=$health_timeout")" 2>"$log")
  status=$?
  set -e
  grep -v '^RESULT ' <<<"$out" || true
  local verdict
  verdict=$(grep '^RESULT ' <<<"$out" | tail -n 1 || true)
  case "$verdict" in
    "RESULT ok "*)
      finish "ok $version is current and healthy (${sent:-?} of ${total:-?} files sent)" ;;
    "RESULT rolled-back "*)
      local rest=${verdict#RESULT rolled-back }
      finish "FAILED ${rest#* }; rolled back to ${rest%% *}" ;;
    "RESULT failed "*)
      finish "FAILED ${verdict#RESULT failed }" ;;
    *)
      if [ $status -eq 255 ]; then
        finish "FAILED activation: $(explain_ssh_failure "$log" "$host" "$target")"
      else
        finish "FAILED activation ended without a result (exit $status): $(tail -n 1 "$log")"
      fi ;;
  esac
}

if [ "$dry_run" = yes ]; then
  echo "deploy: dry run: release $version to ${#hosts[@]} host(s); nothing will be changed"
else
  echo "deploy: release $version to ${#hosts[@]} host(s)"
fi
pids=()
for i in "${!hosts[@]}"; do
  spec=${hosts[$i]}
  if [ ${#hosts[@]} -gt 1 ]; then
    ( deploy_one "$spec" "$i" ) 2>&1 | sed -u "s|^|[$spec] |" &
  else
    ( deploy_one "$spec" "$i" ) 2>&1 &
  fi
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

echo "deploy: summary"
failed=0
width=0
for spec in "${hosts[@]}"; do [ ${#spec} -le $width ] || width=${#spec}; done
for i in "${!hosts[@]}"; do
  line=$(cat "$work/$i.result" 2>/dev/null || echo "FAILED the deploy for this host stopped without a result")
  case "$line" in
    ok*) printf '  %-*s  ok      %s\n' "$width" "${hosts[$i]}" "${line#ok }" ;;
    *) printf '  %-*s  FAILED  %s\n' "$width" "${hosts[$i]}" "${line#FAILED }"; failed=$((failed + 1)) ;;
  esac
done
if [ $failed -gt 0 ]; then
  echo "deploy: $failed of ${#hosts[@]} host(s) failed"
  exit 1
fi
echo "deploy: all ${#hosts[@]} host(s) ok"
