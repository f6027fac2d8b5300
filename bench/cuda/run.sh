#!/usr/bin/env bash
# bench/cuda/run.sh — the prepared CUDA benchmark, one command for a lent GPU machine (the `device` tool; see
# bench/README.md, "CUDA on a lent GPU"). Needs only what that machine has: nvcc, a CUDA device, bash; python3 with
# torch for the PyTorch eager baseline and pip's nvidia-cublas for the dense baseline are used when present.
#
#   bench/cuda/run.sh [--cpu] [nc-bench options: --only ID,… --samples N --warmup N --sample-ms MS --copy-mib MIB]
#
# 1. builds nc-bench from bench/cuda/prepared (written by `npm run bench:cuda:prepare` where node is): nvcc -O3 with
#    the flags runtime/cuda uses, one translation unit; --cpu builds the same runner with g++ against cuda-cpu.h
#    instead (the check on machines without a GPU: timings are then meaningless);
# 2. runs it: golden conformance, NeoCell forward at every NeoNeXt-T shape against the upstream dense method
#    (cuBLAS), the whole NeoNeXt-T-224 forward, copy bandwidth; table on stdout, JSON in $OUT (else bench/results);
# 3. runs bench/cuda/torch_upstream.py (PyTorch eager, upstream's dense method) when torch sees a CUDA device.
# Exit status: nc-bench's (1 when a check failed), or 2 when something is missing.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=gpu
if [ "${1:-}" = "--cpu" ]; then
  mode=cpu
  shift
fi
prepared=${NC_BENCH_PREPARED:-$here/prepared}
out=${OUT:-$root/bench/results}
if [ ! -f "$prepared/manifest.txt" ]; then
  echo "run.sh: $prepared/manifest.txt is missing: run 'npm run bench:cuda:prepare' where node is and carry bench/cuda/prepared" >&2
  exit 2
fi
mkdir -p "$out"
# NC_BENCH_BUILD keeps the binary in a folder of the caller's (the test reruns it); else a temporary folder.
if [ -n "${NC_BENCH_BUILD:-}" ]; then
  build=$NC_BENCH_BUILD
  mkdir -p "$build"
else
  build=$(mktemp -d)
  trap 'rm -rf "$build"' EXIT
fi
began=$(date +%s)

if [ "$mode" = gpu ]; then
  nvcc=${NEOCC_NVCC:-/usr/local/cuda/bin/nvcc}
  [ -x "$nvcc" ] || nvcc=$(command -v nvcc || true)
  if [ -z "$nvcc" ]; then
    echo "run.sh: nvcc not found (/usr/local/cuda/bin/nvcc, PATH or NEOCC_NVCC)" >&2
    exit 2
  fi
  arch=${NEOCC_CUDA_ARCH:-sm_90}
  echo "run.sh: building nc-bench with $nvcc -arch=$arch ($(grep -c '^static void nc_run_' "$prepared/bench-gpu.cu") kernels, one translation unit)"
  # shellcheck disable=SC2046  # the flags file holds several words
  if ! "$nvcc" $(cat "$prepared/nvcc-flags.txt") "-arch=$arch" -o "$build/nc-bench" "$prepared/bench-gpu.cu" -ldl 2>"$build/build.log"; then
    head -40 "$build/build.log" >&2
    echo "run.sh: nvcc failed" >&2
    exit 2
  fi
  # pip's nvidia-cublas keeps libcublas.so.13 in its package folder; nc-bench also looks in /usr/local/cuda/lib64.
  cublas_dir=$(python3 -c 'import nvidia.cublas, os; print(os.path.join(list(nvidia.cublas.__path__)[0], "lib"))' 2>/dev/null || true)
  export NC_CUBLAS_DIRS="${cublas_dir}${NC_CUBLAS_DIRS:+:$NC_CUBLAS_DIRS}"
else
  gxx=${NEOCC_GXX:-g++}
  echo "run.sh --cpu: building nc-bench with $gxx against cuda-cpu.h (CPU emulation: a check, not a benchmark)"
  # shellcheck disable=SC2046
  if ! "$gxx" $(cat "$prepared/gxx-flags.txt") -o "$build/nc-bench" "$prepared/bench-cpu.cpp" 2>"$build/build.log"; then
    head -40 "$build/build.log" >&2
    echo "run.sh: $gxx failed" >&2
    exit 2
  fi
fi
echo "run.sh: built in $(( $(date +%s) - began )) s"

# Time limits, so the device tool's 8 minutes always leave the PyTorch part and the output: nc-bench is expected to
# take well under a minute, torch_upstream.py about as long. nc-bench rewrites its JSON after every row.
limit() {
  if command -v timeout >/dev/null; then timeout "$@"; else shift; "$@"; fi
}
limit "${NC_BENCH_TIMEOUT:-300}" "$build/nc-bench" "$prepared" --json "$out/nc-bench-$mode.json" "$@"
status=$?
[ "$status" = 124 ] && echo "run.sh: nc-bench stopped after ${NC_BENCH_TIMEOUT:-300} s (NC_BENCH_TIMEOUT); its JSON holds the rows it finished"
echo "run.sh: nc-bench exited with $status after $(( $(date +%s) - began )) s; JSON: $out/nc-bench-$mode.json"

reason=$(python3 -c 'import torch, sys; print("" if torch.cuda.is_available() else "torch " + torch.__version__ + " sees no CUDA device")' 2>&1 | tail -1 || true)
if [ "$mode" = gpu ] && [ -z "$reason" ]; then
  limit "${NC_TORCH_TIMEOUT:-150}" python3 "$here/torch_upstream.py" --json "$out/torch-upstream.json" --neocc-json "$out/nc-bench-$mode.json" \
    || echo "run.sh: torch_upstream.py failed or was stopped (exit $?; NC_TORCH_TIMEOUT ${NC_TORCH_TIMEOUT:-150} s)"
else
  echo "PyTorch eager baseline skipped: ${reason:-not run with --cpu}"
fi
echo "run.sh: done in $(( $(date +%s) - began )) s"
exit $status
