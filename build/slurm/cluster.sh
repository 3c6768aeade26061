#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for NasPipeline's Slurm tests (and trying the Slurm executor by hand).
#   build/slurm/cluster.sh start    install slurm-wlm + munge if missing (root), start munged/slurmctld/slurmd,
#                                   wait until the node takes jobs; safe to run twice
#   build/slurm/cluster.sh stop     scontrol shutdown, then make sure the daemons are gone
#   build/slurm/cluster.sh status   print the state; exit 1 when the cluster is not running
#   build/slurm/cluster.sh env      print `export SLURM_CONF=…` for the client commands: eval "$(… env)"
#   build/slurm/cluster.sh conf     print the config path alone (what SLURM_CONF must name)
# Everything (config, state, spool, logs, pids) lives under NAS_SLURM_DIR (default /tmp/nas-slurm); the config is
# $NAS_SLURM_DIR/etc/slurm.conf and /etc/slurm is never written. No systemd: the daemons are started directly.
# Environment: NAS_SLURM_DIR, NAS_SLURM_PORT (slurmctld port, slurmd uses the next one; default 6817),
# NAS_SLURM_TIMEOUT (seconds to wait for the node, default 60).
set -euo pipefail

base="${NAS_SLURM_DIR:-/tmp/nas-slurm}"
conf="$base/etc/slurm.conf"
port="${NAS_SLURM_PORT:-6817}"
timeout="${NAS_SLURM_TIMEOUT:-60}"
export SLURM_CONF="$conf"
node="$(hostname -s)"

say() { echo "cluster.sh: $*"; }
die() { echo "cluster.sh: $*" >&2; exit 1; }

# Daemons live in /usr/sbin, which a non-root PATH often lacks.
tool() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || true; }

# A pid runs when /proc says so and it is not a zombie: PID 1 here reaps late, so a dead daemon's pidfile can name a
# zombie that `kill -0` still accepts.
running_pid() {
  local pidfile="$1" name="$2" pid stat
  [ -s "$pidfile" ] || return 1
  pid="$(tr -dc 0-9 < "$pidfile")"
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 1
  stat="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  case "$stat" in Z|X|x|"") return 1 ;; esac
  echo "$pid"
}

ctld_pid() { running_pid "$base/run/slurmctld.pid" slurmctld; }
slurmd_pid() { running_pid "$base/run/slurmd.pid" slurmd; }

# The node's state as sinfo prints it (idle, mix, alloc, idle* = not responding, down…); empty when nobody answers.
node_state() { timeout 10 sinfo -h -n "$node" -o %t 2>/dev/null | head -n1 || true; }

node_takes_jobs() { case "$(node_state)" in idle|mix|alloc|comp) return 0 ;; *) return 1 ;; esac; }

# Right after a restart sinfo still shows the node's saved state; the node is back once the slurmd launched at
# $slurmd_launched (epoch seconds) has registered.
slurmd_launched=""
slurmd_registered() {
  [ -z "$slurmd_launched" ] && return 0
  local started
  started="$(timeout 10 scontrol show node "$node" 2>/dev/null | grep -o 'SlurmdStartTime=[^ ]*' | cut -d= -f2)"
  [ -n "$started" ] && [ "$started" != None ] && [ "$(date -d "$started" +%s)" -ge "$slurmd_launched" ]
}

log_tails() {
  local f
  for f in "$base/log/slurmctld.log" "$base/log/slurmd.log" /var/log/munge/munged.log; do
    [ -f "$f" ] && { echo "--- tail of $f"; tail -n 15 "$f"; }
  done
  true
}

install_packages() {
  [ -n "$(tool slurmctld)" ] && [ -n "$(tool slurmd)" ] && [ -n "$(tool munged)" ] && [ -n "$(tool sbatch)" ] && return
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "Slurm is not installed (slurmctld, slurmd, munged, sbatch). As root this script installs Debian's packages
itself; otherwise: sudo apt-get install -y slurm-wlm munge"
  fi
  say "installing slurm-wlm and munge with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet: update only when the first try cannot find the packages.
  apt-get install -y -qq slurm-wlm munge >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq slurm-wlm munge >/dev/null; } \
    || die "apt-get install slurm-wlm munge failed"
}

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

start_munge() {
  munge_works && return
  [ -f /etc/munge/munge.key ] || {
    say "creating /etc/munge/munge.key"
    install -d -o munge -g munge -m 0700 /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=128 count=1 status=none
    chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
  }
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge
  runuser -u munge -- "$(tool munged)"
  touch "$base/run/munged.started" # stop ends munged only when this script started it
  local deadline=$((SECONDS + 5))
  until munge_works; do
    [ "$SECONDS" -ge "$deadline" ] && break
    sleep 0.1
  done
  munge_works && return
  log_tails >&2
  die "munged does not answer"
}

write_config() {
  local cpus mem
  cpus="$(nproc)"
  mem="$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.85 }' /proc/meminfo)"
  mkdir -p "$base"/{etc,state,spool/slurmd,log,run}
  # Recipe and reasons: ../shared/notes/ENVIRONMENT.md ("A real cluster engine on one machine").
  # No DependencyParameters=kill_invalid_depend: real clusters rarely set it, and an afterok child of a failed job
  # would then pend forever; NasPipeline's jobs ask for --kill-on-invalid-dep=yes themselves, and the tests prove it.
  # cred_expire=5: a requeued job waits about this long before it may run again (default 120 s).
  # MinJobAge=3600: there is no accounting (sacct), so finished jobs stay visible in squeue for an hour.
  # bf_interval/sched_interval: a requeued job is otherwise picked up by the next 30-60 s scheduling pass.
  cat > "$conf.tmp" <<EOF
# Written by build/slurm/cluster.sh for $node; rewritten on every start.
ClusterName=nas-local
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
AuthType=auth/munge
AuthInfo=cred_expire=5
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,bf_interval=1,sched_interval=2
MpiDefault=none
ReturnToService=2
MinJobAge=3600
MailProg=/bin/true
JobCompType=jobcomp/filetxt
JobCompLoc=$base/log/jobcomp.log
StateSaveLocation=$base/state
SlurmdSpoolDir=$base/spool/slurmd
SlurmctldLogFile=$base/log/slurmctld.log
SlurmdLogFile=$base/log/slurmd.log
SlurmctldPidFile=$base/run/slurmctld.pid
SlurmdPidFile=$base/run/slurmd.pid
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.tmp" "$conf"
}

# The daemons fork and return before the child writes its pidfile: wait for the pidfile before judging.
start_daemon() {
  local name="$1" pid_of="$2" deadline=$((SECONDS + 10))
  rm -f "$base/run/$name.pid"
  "$(tool "$name")" -f "$conf" || { log_tails >&2; die "$name did not start (logs above; config $conf)"; }
  until [ -n "$($pid_of)" ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tails >&2
      die "$name exited right after starting (logs above; config $conf)"
    fi
    sleep 0.1
  done
}

wait_for_node() {
  local deadline=$((SECONDS + timeout))
  until node_takes_jobs && slurmd_registered; do
    if [ -z "$(ctld_pid)" ] || [ -z "$(slurmd_pid)" ]; then
      log_tails >&2
      die "a Slurm daemon exited during start (logs above; config $conf)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tails >&2
      die "node $node is not ready after ${timeout}s (state: '$(node_state)'; logs above; config $conf)"
    fi
    sleep 0.2
  done
}

start() {
  if [ -n "$(ctld_pid)" ] && [ -n "$(slurmd_pid)" ] && node_takes_jobs; then
    say "already running (node $node: $(node_state)); export SLURM_CONF=$conf"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    [ -z "$(tool slurmd)" ] && install_packages # prints how to install and exits
    die "starting the cluster needs root (slurmd runs as root); try: sudo $0 start"
  fi
  install_packages
  mkdir -p "$base/run"
  start_munge
  if [ -z "$(ctld_pid)" ]; then
    write_config
    start_daemon slurmctld ctld_pid
  fi
  if [ -z "$(slurmd_pid)" ]; then
    slurmd_launched="$(date +%s)"
    start_daemon slurmd slurmd_pid
  fi
  wait_for_node
  say "started: node $node $(node_state), $(nproc) CPUs; export SLURM_CONF=$conf"
}

# Waits until none of the given pids runs (zombies count as gone); returns 1 on timeout.
wait_gone() {
  local pid alive end=$((SECONDS + $1))
  shift
  while :; do
    alive=""
    for pid in "$@"; do
      [ -r "/proc/$pid/stat" ] && case "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" in
        Z|X|x|"") ;; *) alive=1 ;; esac
    done
    [ -z "$alive" ] && return 0
    [ "$SECONDS" -ge "$end" ] && return 1
    sleep 0.1
  done
}

stop() {
  local pids=() pid
  pid="$(ctld_pid)" && [ -n "$pid" ] && pids+=("$pid")
  pid="$(slurmd_pid)" && [ -n "$pid" ] && pids+=("$pid")
  if [ "${#pids[@]}" = 0 ]; then
    say "not running"
  else
    timeout 10 scontrol shutdown >/dev/null 2>&1 || true
    if ! wait_gone 15 "${pids[@]}"; then
      say "daemons still up after scontrol shutdown: sending TERM to ${pids[*]}"
      kill -TERM "${pids[@]}" 2>/dev/null || true
      wait_gone 5 "${pids[@]}" || { kill -KILL "${pids[@]}" 2>/dev/null || true; wait_gone 5 "${pids[@]}" || true; }
    fi
    say "stopped"
  fi
  if [ -f "$base/run/munged.started" ]; then
    pid="$(running_pid /run/munge/munged.pid munged || true)"
    [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait_gone 5 "$pid" || true; }
    rm -f "$base/run/munged.started"
  fi
}

status() {
  local ctld slurmd state
  ctld="$(ctld_pid || true)"
  slurmd="$(slurmd_pid || true)"
  state="$(node_state)"
  echo "slurmctld: ${ctld:-not running}; slurmd: ${slurmd:-not running}; node $node: ${state:-no answer}"
  echo "config: $conf (export SLURM_CONF=$conf)"
  [ -n "$ctld" ] && [ -n "$slurmd" ] && [ -n "$state" ]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) printf 'export SLURM_CONF=%q\n' "$conf" ;;
  conf) echo "$conf" ;;
  *) echo "usage: $0 start|stop|status|env|conf" >&2; exit 2 ;;
esac
