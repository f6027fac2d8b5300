// cuda-cpu-main.h — the `main` of a cuda-cpu binary (runtime/cuda-cpu/source.ts includes it last, after the
// kernel table `nc_kernels` / `nc_kernel_count`). It executes one program sent on stdin and writes the buffers asked
// for to stdout. stdin: the program protocol (runtime/cuda-common/nc-protocol.h); stdout: the f32 data of every
// read, in order. Malformed input ends the process with a message on stderr and exit status 2.
#pragma once

#include <cstdlib>
#include <limits>

#define NC_RUNTIME "cuda-cpu"
#include "nc-protocol.h"

int main() {
  using namespace nc_main;
  Reader in = readStdin();
  std::vector<Buffer> buffers(in.word());
  for (auto& b : buffers) {
    b.elements = in.word();
    const Fill fill = readFill(in);
    // 64-byte aligned and rounded up: kernels may read 16-byte float4s at any aligned element offset.
    const size_t bytes = ((4 * (size_t)b.elements + 63) / 64) * 64 + 64;
    b.data = static_cast<float*>(std::aligned_alloc(64, bytes));
    if (!b.data) fail("out of memory");
    std::memset(b.data, 0, bytes);
    if (fill.kind == FILL_DATA) std::memcpy(b.data, in.floats(b.elements), 4 * (size_t)b.elements);
    else if (fill.kind == FILL_NAN) for (unsigned int i = 0; i < b.elements; ++i) b.data[i] = std::numeric_limits<float>::quiet_NaN();
    else if (fill.kind == FILL_DETERMINISTIC) fillDeterministic(b.data, b.elements, fill.seed, fill.scale);
  }
  const std::vector<Dispatch> list = readDispatches(in, buffers);
  const std::vector<Read> reads = readReads(in, list.size(), buffers);
  size_t next = 0;
  const auto readAt = [&](size_t done) {
    for (; next < reads.size() && reads[next].after == done; ++next) {
      const Read& r = reads[next];
      if (std::fwrite(buffers[r.buffer].data, 4, r.elements, stdout) != r.elements) fail("write failed");
    }
  };
  readAt(0);
  for (size_t i = 0; i < list.size(); ++i) {
    const Dispatch& d = list[i];
    nc_kernels[d.kernel].run(d.grid, d.pointers.data(), d.uniforms.data());
    readAt(i + 1);
  }
  if (next != reads.size()) fail("reads not sorted by `after`");
  std::fflush(stdout);
  return 0;
}
