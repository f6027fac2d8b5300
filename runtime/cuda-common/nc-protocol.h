// nc-protocol.h — the input side of the program protocol both CUDA kernel binaries speak (cuda-cpu-main.h on the
// CPU, cuda-gpu-main.h on a device; runtime/cuda-common/protocol.ts writes it). Little-endian 32-bit words on stdin:
//
//   'NCC1'
//   buffers: count, then per buffer: elements, fill (0: data follows, 1: NaN, 2: left as is / zero,
//            3: deterministic values, followed by a seed word and a scale (f32 bits): see fillDeterministic), [data]
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

/** All of `stream`, unchecked. */
inline Reader readAll(std::FILE* stream) {
  Reader in;
  unsigned char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, stream)) > 0) in.bytes.insert(in.bytes.end(), chunk, chunk + n);
  return in;
}

/** All of `stream`, checked for the magic word. */
inline Reader readStream(std::FILE* stream) {
  Reader in = readAll(stream);
  if (in.word() != 0x3143434eu) fail("bad magic (expected NCC1)");
  return in;
}

/** All of stdin (the kernel binaries' mains), checked for the magic word. */
inline Reader readStdin() { return readStream(stdin); }

enum FillKind : unsigned int { FILL_DATA = 0, FILL_NAN = 1, FILL_NONE = 2, FILL_DETERMINISTIC = 3 };

/** How a buffer starts: its fill word and, for FILL_DETERMINISTIC, the seed and scale that follow it. */
struct Fill {
  unsigned int kind;
  unsigned int seed = 0;
  float scale = 0.0f;
};

inline Fill readFill(Reader& in) {
  Fill f{in.word()};
  if (f.kind > FILL_DETERMINISTIC) fail("unknown buffer fill");
  if (f.kind == FILL_DETERMINISTIC) {
    f.seed = in.word();
    const unsigned int bits = in.word();
    std::memcpy(&f.scale, &bits, 4);
  }
  return f;
}

/**
 * FILL_DETERMINISTIC: element i = scale * (2u - 1), u in [0, 1) from a 32-bit integer hash of (seed, i), so a
 * program's large inputs (a whole model's weights, a batch of images) are made where it runs instead of being sent,
 * identically on every machine. For timing: no kernel's speed depends on the values. runtime/cuda-common/protocol.ts
 * (deterministicFill) computes the same values.
 */
inline unsigned int fillHash(unsigned int seed, unsigned int i) {
  unsigned int x = i * 0x9e3779b9u ^ seed * 0x85ebca6bu;
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}
inline void fillDeterministic(float* out, size_t n, unsigned int seed, float scale) {
  for (size_t i = 0; i < n; ++i) {
    const float u = (float)(fillHash(seed, (unsigned int)i) >> 8) * (1.0f / 16777216.0f);
    out[i] = scale * (2.0f * u - 1.0f);
  }
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
