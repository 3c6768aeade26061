#!/usr/bin/env bash
# Ours (`nas bench`, TorchSharp) against the same supernet step in PyTorch eager (bench/pytorch/nb201_supernet_step.py,
# Debian's python3-torch 1.13), side by side on this machine.
#
#   bench/compare.sh [--trainer darts|drnas|gdas|snas|rsws] [--size small|paper] [--runs 5] [--threads 2]
#                    [--steps N] [--warmup N]
#   bench/compare.sh --all [--runs N] ...     every trainer at both sizes, as a Markdown table
#
# Sizes: small = NB201 supernet C=8, N=1, batch 64 of 28×28×1, 10 classes; paper = C=16, N=5, batch 64 of 32×32×3,
# 10 classes. Both sides train on synthetic data built once per process.
#
# What is compared: the IN-PROCESS median milliseconds per training step (the method's α step + the weight step) that
# each program prints as `median_ms_per_step=`, each step timed from the end of the one before; process start-up,
# library loading, model construction, data generation and the warm-up steps are excluded on both sides. Runs
# alternate ours, PyTorch, ours, PyTorch … so drift of the machine's speed hits both; the ratio is ours / PyTorch per
# pair of runs, and its median is reported (< 1: ours is faster). Absolute times depend on the machine and its load:
# quote ratios from a quiet machine. The two programs also print their parameter counts, which must be equal.
#
# Needs the .NET SDK; installs python3-torch with apt-get when it is missing (as root). Builds the tool in Release once.
set -euo pipefail
cd "$(dirname "$0")/.."

trainer=darts size=small runs=5 threads=2 steps="" warmup=3 all=false
usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --trainer) trainer="$2"; shift 2 ;;
        --size) size="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --steps) steps="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --all) all=true; shift ;;
        -h|--help) usage 0 ;;
        *) echo "compare.sh: unknown argument $1" >&2; usage 2 ;;
    esac
done

python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "compare.sh: PyTorch is missing; run as root, or: apt-get install -y python3-torch" >&2
        exit 1
    fi
    echo "compare.sh: installing python3-torch (Debian's PyTorch) ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null
fi

echo "compare.sh: building the tool (Release) ..." >&2
dotnet build src/NasPipeline.Tool -c Release -v q -nologo -p:SkipManifestValidation=true \
    >/dev/null
nas=src/NasPipeline.Tool/bin/Release/net10.0/nas.dll

shape() {  # size → the options both programs take
    case "$1" in
        small) echo "--channels 8 --cells 1 --image-size 28 --in-channels 1 --classes 10 --batch 64" ;;
        paper) echo "--channels 16 --cells 5 --image-size 32 --in-channels 3 --classes 10 --batch 64" ;;
        *) echo "compare.sh: --size is small or paper, not $1" >&2; exit 2 ;;
    esac
}

field() { grep -m1 "^$1=" | cut -d= -f2; }
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# compare TRAINER SIZE: prints the runs, and sets OURS, PEER and RATIO (medians) and PARAMS.
compare() {
    local trainer=$1 size=$2 n=${steps:-}
    [[ -n $n ]] || { [[ $size == paper ]] && n=10 || n=20; }
    local common
    common="$(shape "$size") --trainer $trainer --threads $threads --steps $n --warmup $warmup"
    echo "== $trainer, $size ($common), $runs runs each, alternating"
    local ours=() peer=() ratios=() out a b params_a params_b
    for ((r = 1; r <= runs; r++)); do
        # shellcheck disable=SC2086
        out=$(dotnet "$nas" bench --dataset synthetic $common) || { echo "$out" >&2; exit 1; }
        a=$(field median_ms_per_step <<<"$out"); params_a=$(field parameters <<<"$out")
        # shellcheck disable=SC2086
        out=$("$python" bench/pytorch/nb201_supernet_step.py $common) || { echo "$out" >&2; exit 1; }
        b=$(field median_ms_per_step <<<"$out"); params_b=$(field parameters <<<"$out")
        if [[ $params_a != "$params_b" ]]; then
            echo "compare.sh: parameter counts differ: ours $params_a, PyTorch $params_b" >&2
            exit 1
        fi
        ours+=("$a"); peer+=("$b"); ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')")
        printf 'run %d: ours %8.1f ms/step   pytorch %8.1f ms/step   ratio %s\n' "$r" "$a" "$b" "${ratios[-1]}"
    done
    OURS=$(printf '%s\n' "${ours[@]}" | median)
    PEER=$(printf '%s\n' "${peer[@]}" | median)
    RATIO=$(printf '%s\n' "${ratios[@]}" | median)
    PARAMS=$params_a
    printf 'median: ours %.1f ms/step, pytorch %.1f ms/step, ratio ours/pytorch %.3f (parameters %s)\n' \
        "$OURS" "$PEER" "$RATIO" "$PARAMS"
}

if [[ $all == false ]]; then
    compare "$trainer" "$size"
    exit 0
fi

rows=()
for size in small paper; do
    for trainer in darts drnas gdas snas rsws; do
        compare "$trainer" "$size"
        rows+=("$(printf '| %s | %s | %s | %.1f | %.1f | %.3f |' \
            "$trainer" "$size" "$PARAMS" "$OURS" "$PEER" "$RATIO")")
    done
done
echo
echo "In-process median ms/step, $runs alternating runs each, $threads thread(s), $(nproc) cores:"
echo
echo "| trainer | size | parameters | ours ms/step | PyTorch ms/step | ours / PyTorch |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
