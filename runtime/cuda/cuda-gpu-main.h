// cuda-gpu-main.h — the `main` of a CUDA kernel binary that runs on a CUDA device (runtime/cuda-common/source.ts
// includes it last, after the kernel table `nc_kernels` / `nc_kernel_count`). It reads the same stdin as a cuda-cpu
// binary (protocol documented in runtime/cuda-cpu/cuda-cpu-main.h: buffers, dispatches, reads) and writes
//   stdout: the f32 data of every read, in order, then ONE f32: the program's time in milliseconds (cudaEvents
//           around the dispatches and the reads' device-to-host copies; not the upload of the inputs).
// Every buffer is cudaMalloc'ed; inputs are copied in, the others NaN-filled (fill 1) or zeroed (fill 2: CUDA does
// not clear memory, and a zero is deterministic). A CUDA error ends the process with exit status 3 and a message on
// stderr naming the step (dispatch index and kernel table index) and cudaGetErrorString; malformed input: status 2.
#pragma once

namespace nc_main {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "cuda: %s\n", what);
  std::exit(2);
}

// `step` says what was being done ("dispatch 3 (kernel 7)", "cudaMalloc of buffer 2").
inline void check(cudaError_t e, const char* step, long long a = -1, long long b = -1) {
  if (e == cudaSuccess) return;
  char what[160];
  std::snprintf(what, sizeof what, step, a, b);
  std::fprintf(stderr, "cuda: %s failed: %s (%s)\n", what, cudaGetErrorString(e), cudaGetErrorName(e));
  std::exit(3);
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
  const float* floats(size_t n) {
    if (n > (bytes.size() - at) / 4) fail("truncated buffer data");
    const float* p = reinterpret_cast<const float*>(bytes.data() + at);
    at += 4 * n;
    return p;
  }
};

struct Buffer {
  float* data;  // device memory
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
  std::vector<float> staging;
  for (size_t i = 0; i < buffers.size(); ++i) {
    Buffer& b = buffers[i];
    b.elements = in.word();
    const unsigned int fill = in.word();
    // Rounded up with a 64-byte tail, as cuda-cpu: kernels may read 16-byte float4s at any aligned element offset.
    const size_t bytes = ((4 * (size_t)b.elements + 63) / 64) * 64 + 64;
    check(cudaMalloc(reinterpret_cast<void**>(&b.data), bytes), "cudaMalloc of buffer %lld (%lld bytes)", (long long)i, (long long)bytes);
    check(cudaMemset(b.data, 0, bytes), "cudaMemset of buffer %lld", (long long)i);
    if (fill == 0) {
      // The input bytes may be unaligned for float: cudaMemcpy takes any host address.
      check(cudaMemcpy(b.data, in.floats(b.elements), 4 * (size_t)b.elements, cudaMemcpyHostToDevice), "upload of buffer %lld", (long long)i);
    } else if (fill == 1) {
      staging.assign(b.elements, std::numeric_limits<float>::quiet_NaN());
      check(cudaMemcpy(b.data, staging.data(), 4 * (size_t)b.elements, cudaMemcpyHostToDevice), "NaN fill of buffer %lld", (long long)i);
    }
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
  cudaEvent_t start, stop;
  check(cudaEventCreate(&start), "cudaEventCreate");
  check(cudaEventCreate(&stop), "cudaEventCreate");
  std::vector<float> host;
  size_t next = 0;
  // A read is a blocking copy: it waits for every dispatch before it, so its data is that point of the program.
  const auto readAt = [&](unsigned int done) {
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
  for (unsigned int i = 0; i < dispatches; ++i) {
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
