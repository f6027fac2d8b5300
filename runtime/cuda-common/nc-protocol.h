// nc-protocol.h — the input side of the program protocol both CUDA kernel binaries speak (cuda-cpu-main.h on the
// CPU, cuda-gpu-main.h on a device; runtime/cuda-common/protocol.ts writes it). Little-endian 32-bit words on stdin:
//
//   'NCC1'
//   buffers: count, then per buffer: elements, fill (0: data follows, 1: NaN, 2: left as is / zero), [data]
//   dispatches: count, then per dispatch: kernel, grid x, y, z, then per binding: buffer, offset (elements),
//               then the uniform words (the counts are the kernel's, from the table)
//   reads: count, then per read: after (dispatches done), buffer, elements   (sorted by `after`)
//
// Included by a main after the kernel table (`nc_kernels` / `nc_kernel_count`) and after NC_RUNTIME (the name
// messages start with) is defined. Malformed input ends the process with a message on stderr and exit status 2.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace nc_main {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "%s: %s\n", NC_RUNTIME, what);
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
  /** The next `n` floats' bytes (possibly unaligned for float: copy them with memcpy / cudaMemcpy). */
  const unsigned char* floats(size_t n) {
    if (n > (bytes.size() - at) / 4) fail("truncated buffer data");
    const unsigned char* p = bytes.data() + at;
    at += 4 * n;
    return p;
  }
};

/** All of stdin, checked for the magic word. */
inline Reader readStdin() {
  Reader in;
  unsigned char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) in.bytes.insert(in.bytes.end(), chunk, chunk + n);
  if (in.word() != 0x3143434eu) fail("bad magic (expected NCC1)");
  return in;
}

/** A program buffer: host memory on cuda-cpu, device memory on cuda. */
struct Buffer {
  float* data;
  unsigned int elements;
};

struct Dispatch {
  unsigned int kernel;
  uint3 grid;
  std::vector<void*> pointers;
  std::vector<unsigned int> uniforms;
};

/** The dispatch list, every binding checked against the buffers and every kernel index against the table. */
inline std::vector<Dispatch> readDispatches(Reader& in, const std::vector<Buffer>& buffers) {
  std::vector<Dispatch> list(in.word());
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
  return list;
}

struct Read {
  unsigned int after, buffer, elements;
};

/** The reads, each within its buffer and the dispatch count. */
inline std::vector<Read> readReads(Reader& in, size_t dispatches, const std::vector<Buffer>& buffers) {
  std::vector<Read> reads(in.word());
  for (auto& r : reads) {
    r.after = in.word();
    r.buffer = in.word();
    r.elements = in.word();
    if (r.after > dispatches || r.buffer >= buffers.size() || r.elements > buffers[r.buffer].elements) fail("read out of range");
  }
  return reads;
}

}  // namespace nc_main
