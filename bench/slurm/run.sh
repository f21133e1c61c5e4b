#!/bin/bash
# Pretokenization on a real scheduler: installs Debian's slurm-wlm and munge, starts slurmctld + slurmd on
# this machine (one node, a private config under a temporary folder), submits examples/slurm/pretokenize.sbatch
# as a job array over a small mixed dataset, waits, merges the shards, and checks the merged output equals a
# single-process run byte for byte. Prints the figures and stops the daemons it started.
#
#   bash bench/slurm/run.sh [--documents 120] [--tasks 4]
#
# Needs root (apt-get, munged). Image model: $JOINTOK_IMAGE_MODEL, else the built-in jointok-image-base, else
# (until it ships) the tiny LlamaGen test fixture, which the script then names.
set -euo pipefail

documents=120
tasks=4
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/jointok-slurm.XXXXXX)
chmod 755 "$work"  # munged runs as the munge user and must reach its log folder
export JOINTOK="node $root/packages/cli/dist/bin.js"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "== installing slurm-wlm and munge (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

if [ ! -f "$root/packages/cli/dist/bin.js" ]; then (cd "$root" && npx turbo run build --filter=@jointok/cli...); fi
if [ -z "${JOINTOK_IMAGE_MODEL:-}" ] && [ ! -f "$root/packages/image/models/jointok-image-base/jointok.json" ]; then
  export JOINTOK_IMAGE_MODEL="$root/packages/image/src/families/llamagen/__fixtures__/llamagen-tiny"
  echo "== the built-in image model is not installed: using the tiny LlamaGen fixture ($JOINTOK_IMAGE_MODEL)"
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "== munge"
mkdir -p "$work/munge"
chown munge:munge "$work/munge"
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge && chown munge:munge /run/munge
socket=/run/munge/munge.socket.2
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log"
  pids+=("$(cat "$work/munge/munged.pid")")
fi
munge -n | unmunge >/dev/null

echo "== slurmctld + slurmd ($(hostname -s))"
node=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
mkdir -p "$work/state" "$work/spool" "$work/logs"
cat > "$work/slurm.conf" <<CONF
ClusterName=jointok
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
ReturnToService=2
MpiDefault=none
NodeName=$node CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=jointok Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
sleep 1; pids+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF"
sleep 1; pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 1 30); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo

echo "== dataset: $documents mixed documents"
node "$root/bench/pretokenize/make-dataset.mjs" "$work/dataset" --documents "$documents"

echo "== single process (2 workers)"
start=$(date +%s.%N)
$JOINTOK pretokenize "$work/dataset/mixed.jsonl" --out "$work/single" --workers 2
single_s=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")

echo "== Slurm array of $tasks tasks (1 CPU, 1 worker each)"
mkdir -p "$work/logs"
start=$(date +%s.%N)
job=$(cd "$work" && sbatch --parsable --wait --array=0-$((tasks - 1)) --cpus-per-task=1 --mem-per-cpu=1500M \
  --output="$work/logs/%x-%A_%a.out" "$root/examples/slurm/pretokenize.sbatch" "$work/dataset/mixed.jsonl" "$work/shards")
array_s=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")
# What the tasks took, from Slurm's own records (sbatch --wait itself polls at growing intervals).
starts=$(scontrol -o show job "$job" | grep -o 'StartTime=[^ ]*' | cut -d= -f2 | xargs -I{} date -d {} +%s | sort -n | head -1)
ends=$(scontrol -o show job "$job" | grep -o 'EndTime=[^ ]*' | cut -d= -f2 | xargs -I{} date -d {} +%s | sort -n | tail -1)
tasks_s=$((ends - starts))
for f in "$work"/logs/jointok-pretokenize-*.out; do echo "--- $(basename "$f")"; cat "$f"; done

echo "== merge"
start=$(date +%s.%N)
$JOINTOK merge "$work"/shards/shard-* --out "$work/merged"
merge_s=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")

echo "== merged vs single process"
same=yes
for f in tokens.bin index.bin documents.jsonl manifest.json; do
  if cmp -s "$work/single/$f" "$work/merged/$f"; then echo "  $f identical ($(stat -c %s "$work/merged/$f") bytes, sha256 $(sha256sum "$work/merged/$f" | cut -c1-16)…)"; else echo "  $f DIFFERS"; same=no; fi
done

tokens=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$work/merged/manifest.json','utf8')).counts.tokens)")
echo
echo "documents            $documents"
echo "tokens               $tokens"
echo "single process       ${single_s} s (2 workers)"
echo "Slurm array          ${tasks_s} s from first task start to last task end ($tasks tasks of 1 CPU, 2 at a time); ${array_s} s until sbatch --wait returned"
echo "merge                ${merge_s} s"
echo "byte-identical       $same"
echo "load average         $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (shared machine)"
echo "work folder          $work"
[ "$same" = yes ]
