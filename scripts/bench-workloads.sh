#!/usr/bin/env bash
# Runs ../shared/bench/w*.py under Kindling (and under CPython when torch and
# fastai import), from a folder holding a Kaggle-layout train.csv made from
# Fashion-MNIST's 60,000 training images, and prints a side-by-side table.
#   scripts/bench-workloads.sh [KINDLING_BINARY]
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kindling=$(realpath "${1:-$here/.build-bench/release/kindling}")
shared=${KINDLING_SHARED:-$here/../shared}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/kindling-bench}
mkdir -p "$work"

if [ ! -s "$work/train.csv" ]; then
  echo "making $work/train.csv from Fashion-MNIST (60,000 images)..." >&2
  "$kindling" data --fashion --split train -o "$work/train.csv" || { echo "could not make train.csv" >&2; exit 1; }
fi

have_torch=0
python3 -c "import torch, fastai" >/dev/null 2>&1 && have_torch=1

# run NAME CMD...: prints "seconds result peak_MiB" for one run.
run() {
  local out rss
  out=$( cd "$work" && /usr/bin/time -f 'PEAKKB %M' "$@" 2>&1 ) || { echo "failed - -"; return; }
  local secs res
  # fastprogress may leave bar text before the line on the same row: match anywhere.
  secs=$(echo "$out" | grep -oE 'BENCH [^ ]+ [0-9.]+' | awk '{print $3}' | tail -1)
  res=$(echo "$out" | grep -oE 'RESULT [^ ]+ .*' | tail -1 | cut -d' ' -f3- | tr ' ' '/')
  rss=$(echo "$out" | awk '/^PEAKKB /{printf "%d", $2/1024}' | tail -1)
  echo "${secs:-?} ${res:-?} ${rss:-?}"
}

printf '%-24s %10s %14s %9s' workload kindling_s result peak_MiB
[ $have_torch = 1 ] && printf ' %10s %14s %9s %8s' python_s result peak_MiB speedup
printf '\n'
for script in "$shared"/bench/w*.py; do
  name=$(basename "$script" .py)
  read -r ks kr km < <(run "$kindling" "$script")
  printf '%-24s %10s %14s %9s' "$name" "$ks" "$kr" "$km"
  if [ $have_torch = 1 ]; then
    read -r ps pr pm < <(run python3 -W ignore "$script")
    ratio=$(awk -v p="$ps" -v k="$ks" 'BEGIN{ if (k+0 > 0 && p+0 > 0) printf "%.1fx", p/k; else print "-" }')
    printf ' %10s %14s %9s %8s' "$ps" "$pr" "$pm" "$ratio"
  fi
  printf '\n'
done
