// bench-program.h — one prepared request of nc-bench: a program in the kernel binaries' protocol
// (runtime/cuda-common/nc-protocol.h, read from a file instead of stdin), its buffers allocated and filled once, its
// dispatch list launched as often as the timing wants, its reads (all at the end of the program) copied back.
// Also the upstream dense baseline of a NeoCell request (a `.dense` file): the block-diagonal matrices A_c [H', H]
// and B_c [W, W'] assembled from the request's own weights, then Y = (A·X)·B as two strided-batched SGEMMs.
#pragma once

#include <cmath>
#include <limits>

#define NC_RUNTIME "nc-bench"
#include "nc-protocol.h"
#include "bench-device.h"

namespace nc_bench {

/** A file's bytes, or a one-line error naming it; `magic`: the first word it must start with. */
inline nc_main::Reader readFile(const std::string& path, unsigned int magic, const char* what) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) die("cannot open " + path, 2);
  nc_main::Reader in = nc_main::readAll(f);
  std::fclose(f);
  if (in.bytes.size() < 4 || in.word() != magic) die(path + ": bad magic (expected " + what + ")", 2);
  return in;
}

class Program {
 public:
  explicit Program(const std::string& path) {
    using namespace nc_main;
    Reader in = readFile(path, 0x3143434eu, "NCC1");
    buffers_.resize(in.word());
    std::vector<float> staging;
    for (Buffer& b : buffers_) {
      b.elements = in.word();
      const Fill fill = readFill(in);
      b.data = allocate(b.elements);
      if (fill.kind == FILL_NONE) continue;
      staging.resize(b.elements);
      // Data is copied out of the byte stream first: it may sit at any byte offset.
      if (fill.kind == FILL_DATA) std::memcpy(staging.data(), in.floats(b.elements), 4 * (size_t)b.elements);
      else if (fill.kind == FILL_NAN) std::fill(staging.begin(), staging.end(), std::numeric_limits<float>::quiet_NaN());
      else fillDeterministic(staging.data(), b.elements, fill.seed, fill.scale);
      upload(b.data, staging.data(), b.elements);
    }
    dispatches_ = readDispatches(in, buffers_);
    reads_ = readReads(in, dispatches_.size(), buffers_);
    for (const Read& r : reads_) if (r.after != dispatches_.size()) die(path + ": nc-bench reads buffers at the end of the program only", 2);
  }
  ~Program() {
    for (nc_main::Buffer& b : buffers_) release(b.data);
  }
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  /** Launches every dispatch once, in order (asynchronous on the GPU). */
  void run() const {
    for (size_t i = 0; i < dispatches_.size(); ++i) {
      const nc_main::Dispatch& d = dispatches_[i];
      // CUDA rejects an empty grid; a program's empty dispatch does nothing (as in runtime/cuda).
      if ((unsigned long long)d.grid.x * d.grid.y * d.grid.z == 0) continue;
      nc_kernels[d.kernel].run(d.grid, d.pointers.data(), d.uniforms.data());
      checkLaunch("launch of dispatch " + std::to_string(i) + " (kernel " + std::to_string(d.kernel) + ")");
    }
  }

  /** The reads' data after a run, in the request's order. */
  std::vector<std::vector<float>> reads() const {
    synchronize("the program");
    std::vector<std::vector<float>> out;
    for (const nc_main::Read& r : reads_) {
      out.emplace_back(r.elements);
      download(out.back().data(), buffers_[r.buffer].data, r.elements);
    }
    return out;
  }

  size_t dispatchCount() const { return dispatches_.size(); }
  const nc_main::Buffer& buffer(unsigned int index) const {
    if (index >= buffers_.size()) die("buffer index out of range", 2);
    return buffers_[index];
  }

 private:
  std::vector<nc_main::Buffer> buffers_;
  std::vector<nc_main::Dispatch> dispatches_;
  std::vector<nc_main::Read> reads_;
};

/** Relative L2 error ||got − want|| / ||want|| in double (nn/tensor.ts relativeL2Error); NaN anywhere gives NaN. */
inline double relativeL2(const std::vector<float>& got, const float* want, size_t n) {
  if (got.size() != n) return std::numeric_limits<double>::quiet_NaN();
  double diff = 0.0, norm = 0.0;
  for (size_t i = 0; i < n; ++i) {
    const double d = (double)got[i] - (double)want[i];
    diff += d * d;
    norm += (double)want[i] * (double)want[i];
  }
  return norm == 0.0 ? std::sqrt(diff) : std::sqrt(diff / norm);
}

/**
 * Upstream's method for one NeoCell request (a `.dense` file written by bench/cuda/requests.ts): little-endian words
 *   'NCD1', n, c, h, w, h', w', x buffer, y buffer, weight_a buffer, weight_b buffer,
 *   then per channel, for A and then B: kernel base (elements into weight_a / weight_b), kernel row length,
 *   block count, and per block row0, col0, kRow0, kCol0, rows, cols (compiler/plan/block-layout.ts placements).
 * The dense matrices are assembled once on the host from the weights the program holds, and repeated for every
 * image as torch.matmul's broadcasting materializes them; neither step is timed (upstream rebuilds them on every
 * forward, so this favours the baseline).
 */
class DenseBaseline {
 public:
  DenseBaseline(const std::string& path, const Program& program) {
    nc_main::Reader in = readFile(path, 0x3144434eu, "NCD1");
    n_ = in.word(), c_ = in.word(), h_ = in.word(), w_ = in.word(), oh_ = in.word(), ow_ = in.word();
    x_ = &program.buffer(in.word());
    y_ = &program.buffer(in.word());
    const nc_main::Buffer& wa = program.buffer(in.word());
    const nc_main::Buffer& wb = program.buffer(in.word());
    if ((size_t)n_ * c_ * h_ * w_ != x_->elements || (size_t)n_ * c_ * oh_ * ow_ != y_->elements) die(path + ": shape does not match the program's x and y", 2);
    std::vector<float> weightA(wa.elements), weightB(wb.elements);
    download(weightA.data(), wa.data, wa.elements);
    download(weightB.data(), wb.data, wb.elements);
    std::vector<float> a((size_t)c_ * oh_ * h_, 0.0f), b((size_t)c_ * w_ * ow_, 0.0f);
    for (unsigned int ch = 0; ch < c_; ++ch) {
      place(in, a.data() + (size_t)ch * oh_ * h_, oh_, h_, weightA, path);
      place(in, b.data() + (size_t)ch * w_ * ow_, w_, ow_, weightB, path);
    }
    if (in.at != in.bytes.size()) die(path + ": trailing bytes", 2);
    a_ = allocate(a.size() * n_);
    b_ = allocate(b.size() * n_);
    t_ = allocate((size_t)n_ * c_ * oh_ * w_);
    out_ = allocate(y_->elements);
    for (unsigned int img = 0; img < n_; ++img) {
      upload(a_ + img * a.size(), a.data(), a.size());
      upload(b_ + img * b.size(), b.data(), b.size());
    }
  }
  ~DenseBaseline() {
    for (float* p : {a_, b_, t_, out_}) release(p);
  }
  DenseBaseline(const DenseBaseline&) = delete;
  DenseBaseline& operator=(const DenseBaseline&) = delete;

  /**
   * Y = (A·X)·B for all n·c planes, row-major, through the column-major GEMM: a row-major [r x q] matrix is its
   * column-major transpose, so T = A·X is computed as Tᵀ = Xᵀ·Aᵀ (m = W, n = H', k = H) and Y = T·B as
   * Yᵀ = Bᵀ·Tᵀ (m = W', n = H', k = W).
   */
  void run(const Blas& blas) const {
    const float one = 1.0f, zero = 0.0f;
    const int batch = (int)(n_ * c_);
    int s = blas.sgemm(blas.handle, BLAS_OP_N, BLAS_OP_N, (int)w_, (int)oh_, (int)h_, &one, x_->data, (int)w_, (long long)h_ * w_,
                       a_, (int)h_, (long long)oh_ * h_, &zero, t_, (int)w_, (long long)oh_ * w_, batch);
    if (s != 0) die("SGEMM T = A·X failed with status " + std::to_string(s));
    s = blas.sgemm(blas.handle, BLAS_OP_N, BLAS_OP_N, (int)ow_, (int)oh_, (int)w_, &one, b_, (int)ow_, (long long)w_ * ow_,
                   t_, (int)w_, (long long)oh_ * w_, &zero, out_, (int)ow_, (long long)oh_ * ow_, batch);
    if (s != 0) die("SGEMM Y = T·B failed with status " + std::to_string(s));
    checkLaunch("the dense SGEMMs");
  }

  /** Relative L2 of the dense Y against the NeoCell kernel's y (both left on the device by their last runs). */
  double agreement() const {
    synchronize("the dense baseline");
    std::vector<float> dense(y_->elements), neocell(y_->elements);
    download(dense.data(), out_, dense.size());
    download(neocell.data(), y_->data, neocell.size());
    return relativeL2(dense, neocell.data(), neocell.size());
  }

  /** Multiply-adds the dense method executes. */
  double macs() const { return (double)n_ * c_ * ((double)oh_ * h_ * w_ + (double)oh_ * w_ * ow_); }

 private:
  static void place(nc_main::Reader& in, float* matrix, unsigned int rows, unsigned int cols, const std::vector<float>& kernel, const std::string& path) {
    const unsigned int base = in.word(), kCols = in.word(), count = in.word();
    for (unsigned int k = 0; k < count; ++k) {
      const unsigned int row0 = in.word(), col0 = in.word(), kRow0 = in.word(), kCol0 = in.word(), r = in.word(), q = in.word();
      if (row0 + r > rows || col0 + q > cols) die(path + ": block outside its matrix", 2);
      for (unsigned int i = 0; i < r; ++i) {
        for (unsigned int j = 0; j < q; ++j) {
          const size_t at = (size_t)base + (size_t)(kRow0 + i) * kCols + kCol0 + j;
          if (at >= kernel.size()) die(path + ": block outside its weights", 2);
          matrix[(size_t)(row0 + i) * cols + col0 + j] = kernel[at];
        }
      }
    }
  }

  unsigned int n_ = 0, c_ = 0, h_ = 0, w_ = 0, oh_ = 0, ow_ = 0;
  const nc_main::Buffer* x_ = nullptr;
  const nc_main::Buffer* y_ = nullptr;
  float* a_ = nullptr;
  float* b_ = nullptr;
  float* t_ = nullptr;
  float* out_ = nullptr;
};

}  // namespace nc_bench
