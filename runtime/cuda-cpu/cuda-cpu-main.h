// cuda-cpu-main.h — the `main` of a cuda-cpu binary (runtime/cuda-cpu/source.ts includes it last, after the
// kernel table `nc_kernels` / `nc_kernel_count`). It executes one program sent on stdin and writes the buffers asked
// for to stdout. Protocol (little-endian 32-bit words; runtime/cuda-cpu/protocol.ts writes and reads it):
//
//   stdin:  'NCC1'
//           buffers: count, then per buffer: elements, fill (0: data follows, 1: NaN, 2: left as is), [data]
//           dispatches: count, then per dispatch: kernel, grid x, y, z, then per binding: buffer, offset (elements),
//                       then the uniform words (the counts are the kernel's, from the table)
//           reads: count, then per read: after (dispatches done), buffer, elements   (sorted by `after`)
//   stdout: the f32 data of every read, in order.
//
// Malformed input ends the process with a message on stderr and exit status 2.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <limits>

namespace nc_main {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "cuda-cpu: %s\n", what);
  std::exit(2);
}

struct Reader {
  std::vector<unsigned char> bytes;
  size_t at = 0;
  unsigned int word() {
    if (at + 4 > bytes.size()) fail("truncated input");
    unsigned int w;
    std::memcpy(&w, bytes.data() + at, 4);
    at += 4;
    return w;
  }
  void floats(float* to, size_t n) {
    if (n > (bytes.size() - at) / 4) fail("truncated buffer data");
    std::memcpy(to, bytes.data() + at, 4 * n);
    at += 4 * n;
  }
};

struct Buffer {
  float* data;
  unsigned int elements;
};

}  // namespace nc_main

int main() {
  using namespace nc_main;
  Reader in;
  {
    unsigned char chunk[1 << 16];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) in.bytes.insert(in.bytes.end(), chunk, chunk + n);
  }
  if (in.word() != 0x3143434eu) fail("bad magic (expected NCC1)");
  std::vector<Buffer> buffers(in.word());
  for (auto& b : buffers) {
    b.elements = in.word();
    const unsigned int fill = in.word();
    // 64-byte aligned and rounded up: kernels may read 16-byte float4s at any aligned element offset.
    const size_t bytes = ((4 * (size_t)b.elements + 63) / 64) * 64 + 64;
    b.data = static_cast<float*>(std::aligned_alloc(64, bytes));
    if (!b.data) fail("out of memory");
    std::memset(b.data, 0, bytes);
    if (fill == 0) in.floats(b.data, b.elements);
    else if (fill == 1) for (unsigned int i = 0; i < b.elements; ++i) b.data[i] = std::numeric_limits<float>::quiet_NaN();
  }
  const unsigned int dispatches = in.word();
  struct Dispatch { unsigned int kernel; uint3 grid; std::vector<void*> pointers; std::vector<unsigned int> uniforms; };
  std::vector<Dispatch> list(dispatches);
  for (auto& d : list) {
    d.kernel = in.word();
    if (d.kernel >= nc_kernel_count) fail("kernel index out of range");
    d.grid.x = in.word();
    d.grid.y = in.word();
    d.grid.z = in.word();
    const nc_kernel& k = nc_kernels[d.kernel];
    for (unsigned int i = 0; i < k.buffers; ++i) {
      const unsigned int buffer = in.word();
      const unsigned int offset = in.word();
      if (buffer >= buffers.size() || offset > buffers[buffer].elements) fail("binding out of range");
      d.pointers.push_back(buffers[buffer].data + offset);
    }
    for (unsigned int i = 0; i < k.uniforms; ++i) d.uniforms.push_back(in.word());
    d.uniforms.push_back(0u);  // never empty: .data() is then a valid pointer
  }
  struct Read { unsigned int after, buffer, elements; };
  std::vector<Read> reads(in.word());
  for (auto& r : reads) {
    r.after = in.word();
    r.buffer = in.word();
    r.elements = in.word();
    if (r.after > dispatches || r.buffer >= buffers.size() || r.elements > buffers[r.buffer].elements) fail("read out of range");
  }
  size_t next = 0;
  const auto readAt = [&](unsigned int done) {
    for (; next < reads.size() && reads[next].after == done; ++next) {
      const Read& r = reads[next];
      if (std::fwrite(buffers[r.buffer].data, 4, r.elements, stdout) != r.elements) fail("write failed");
    }
  };
  readAt(0);
  for (unsigned int i = 0; i < dispatches; ++i) {
    const Dispatch& d = list[i];
    nc_kernels[d.kernel].run(d.grid, d.pointers.data(), d.uniforms.data());
    readAt(i + 1);
  }
  if (next != reads.size()) fail("reads not sorted by `after`");
  std::fflush(stdout);
  return 0;
}
