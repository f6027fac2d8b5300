// cuda-gpu-main.h — the `main` of a CUDA kernel binary that runs on a CUDA device (runtime/cuda-common/source.ts
// includes it last, after the kernel table `nc_kernels` / `nc_kernel_count`). It reads the same stdin as a cuda-cpu
// binary (the protocol of runtime/cuda-common/nc-protocol.h: buffers, dispatches, reads) and writes
//   stdout: the f32 data of every read, in order, then ONE f32: the program's time in milliseconds (cudaEvents
//           around the dispatches and the reads' device-to-host copies; not the upload of the inputs).
// Every buffer is cudaMalloc'ed; inputs are copied in, the others NaN-filled (fill 1) or zeroed (fill 2: CUDA does
// not clear memory, and a zero is deterministic); fill 3's deterministic values are made on the host and uploaded.
// A CUDA error ends the process with exit status 3 and a message on stderr naming the step (dispatch index and
// kernel table index) and cudaGetErrorString; malformed input: status 2.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <limits>

#define NC_RUNTIME "cuda"
#include "nc-protocol.h"

namespace nc_main {

// `step` says what was being done ("dispatch 3 (kernel 7)", "cudaMalloc of buffer 2").
inline void check(cudaError_t e, const char* step, long long a = -1, long long b = -1) {
  if (e == cudaSuccess) return;
  char what[160];
  std::snprintf(what, sizeof what, step, a, b);
  std::fprintf(stderr, "cuda: %s failed: %s (%s)\n", what, cudaGetErrorString(e), cudaGetErrorName(e));
  std::exit(3);
}

}  // namespace nc_main

int main() {
  using namespace nc_main;
  Reader in = readStdin();
  std::vector<Buffer> buffers(in.word());
  std::vector<float> staging;
  for (size_t i = 0; i < buffers.size(); ++i) {
    Buffer& b = buffers[i];
    b.elements = in.word();
    const Fill fill = readFill(in);
    // Rounded up with a 64-byte tail, as cuda-cpu: kernels may read 16-byte float4s at any aligned element offset.
    const size_t bytes = ((4 * (size_t)b.elements + 63) / 64) * 64 + 64;
    check(cudaMalloc(reinterpret_cast<void**>(&b.data), bytes), "cudaMalloc of buffer %lld (%lld bytes)", (long long)i, (long long)bytes);
    check(cudaMemset(b.data, 0, bytes), "cudaMemset of buffer %lld", (long long)i);
    if (fill.kind == FILL_DATA) {
      // The input bytes may be unaligned for float: cudaMemcpy takes any host address.
      check(cudaMemcpy(b.data, in.floats(b.elements), 4 * (size_t)b.elements, cudaMemcpyHostToDevice), "upload of buffer %lld", (long long)i);
    } else if (fill.kind == FILL_NAN || fill.kind == FILL_DETERMINISTIC) {
      staging.resize(b.elements);
      if (fill.kind == FILL_NAN) std::fill(staging.begin(), staging.end(), std::numeric_limits<float>::quiet_NaN());
      else fillDeterministic(staging.data(), b.elements, fill.seed, fill.scale);
      check(cudaMemcpy(b.data, staging.data(), 4 * (size_t)b.elements, cudaMemcpyHostToDevice), "fill of buffer %lld", (long long)i);
    }
  }
  const std::vector<Dispatch> list = readDispatches(in, buffers);
  const size_t dispatches = list.size();
  const std::vector<Read> reads = readReads(in, dispatches, buffers);
  cudaEvent_t start, stop;
  check(cudaEventCreate(&start), "cudaEventCreate");
  check(cudaEventCreate(&stop), "cudaEventCreate");
  std::vector<float> host;
  size_t next = 0;
  // A read is a blocking copy: it waits for every dispatch before it, so its data is that point of the program.
  const auto readAt = [&](size_t done) {
    for (; next < reads.size() && reads[next].after == done; ++next) {
      const Read& r = reads[next];
      host.resize(r.elements);
      check(cudaMemcpy(host.data(), buffers[r.buffer].data, 4 * (size_t)r.elements, cudaMemcpyDeviceToHost),
            "read of buffer %lld after %lld dispatches", (long long)r.buffer, (long long)done);
      if (std::fwrite(host.data(), 4, r.elements, stdout) != r.elements) fail("write failed");
    }
  };
  check(cudaEventRecord(start), "cudaEventRecord");
  readAt(0);
  for (size_t i = 0; i < dispatches; ++i) {
    const Dispatch& d = list[i];
    // CUDA rejects an empty grid (invalid configuration); a program's empty dispatch does nothing, as on cuda-cpu.
    if ((unsigned long long)d.grid.x * d.grid.y * d.grid.z > 0) {
      nc_kernels[d.kernel].run(d.grid, d.pointers.data(), d.uniforms.data());
      // Launch errors (bad configuration, too many resources) surface here; faults inside the kernel surface at the
      // next synchronizing call, which then names its own step, so NEOCC_CUDA_SYNC=1 syncs after every dispatch.
      check(cudaGetLastError(), "launch of dispatch %lld (kernel %lld)", (long long)i, (long long)d.kernel);
      static const bool syncEach = std::getenv("NEOCC_CUDA_SYNC") != nullptr && std::getenv("NEOCC_CUDA_SYNC")[0] == '1';
      if (syncEach) check(cudaDeviceSynchronize(), "dispatch %lld (kernel %lld)", (long long)i, (long long)d.kernel);
    }
    readAt(i + 1);
  }
  if (next != reads.size()) fail("reads not sorted by `after`");
  check(cudaEventRecord(stop), "cudaEventRecord");
  check(cudaDeviceSynchronize(), "the program (%lld dispatches; set NEOCC_CUDA_SYNC=1 to name the failing one)", (long long)dispatches);
  float ms = 0.0f;
  check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
  if (std::fwrite(&ms, 4, 1, stdout) != 1) fail("write failed");
  std::fflush(stdout);
  return 0;
}
