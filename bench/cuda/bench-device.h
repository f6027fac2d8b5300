// bench-device.h — what nc-bench (bench-main.h) needs from the machine, for the two builds of the same runner:
//  - nvcc (__CUDACC__, the lent GPU): device memory, CUDA events on the legacy default stream, cudaMemcpy
//    device-to-device bandwidth, and cuBLAS loaded with dlopen (this repository's machines have nvcc but no cuBLAS
//    headers, so the four prototypes below are declared by hand from cuBLAS's documented C ABI);
//  - g++ against runtime/cuda-cpu/cuda-cpu.h (the check on machines without a GPU): host memory, std::chrono,
//    memcpy, and a plain column-major SGEMM with cuBLAS's exact argument convention, so the dense baseline's
//    row-major → column-major call mapping is exercised (and checked against the NeoCell kernel) without a GPU.
// Timings of the g++ build measure the CPU emulation and mean nothing for a GPU; the report says so.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#ifdef __CUDACC__
#include <dlfcn.h>
#endif

namespace nc_bench {

[[noreturn]] inline void die(const std::string& what, int status = 3) {
  std::fprintf(stderr, "nc-bench: %s\n", what.c_str());
  std::exit(status);
}

// cuBLAS's C ABI (cublas_api.h): status 0 is CUBLAS_STATUS_SUCCESS, CUBLAS_OP_N = 0, the handle is an opaque pointer,
// strides are long long. Column-major: C[m x n] = alpha · op(A)[m x k] · op(B)[k x n] + beta · C, per batch entry.
using blas_handle = void*;
using sgemm_strided_batched_fn = int (*)(blas_handle, int transa, int transb, int m, int n, int k, const float* alpha,
                                         const float* a, int lda, long long strideA, const float* b, int ldb,
                                         long long strideB, const float* beta, float* c, int ldc, long long strideC,
                                         int batchCount);
constexpr int BLAS_OP_N = 0;

/** The dense baseline's GEMM: cuBLAS on the GPU build, the reference below on the CPU build; `why` when missing. */
struct Blas {
  sgemm_strided_batched_fn sgemm = nullptr;
  blas_handle handle = nullptr;
  int (*destroy)(blas_handle) = nullptr;
  std::string what;  // "cuBLAS 130000 (/path/libcublas.so.13)" or "CPU reference SGEMM"
  std::string why;   // set when sgemm is null: why the dense baseline is skipped
};

#ifdef __CUDACC__

inline void check(cudaError_t e, const std::string& step) {
  if (e != cudaSuccess) die("CUDA error in " + step + ": " + cudaGetErrorString(e) + " (" + cudaGetErrorName(e) + ")");
}

constexpr bool ON_GPU = true;

inline std::string deviceDescription() {
  int device = 0;
  check(cudaGetDevice(&device), "cudaGetDevice");
  cudaDeviceProp p{};
  check(cudaGetDeviceProperties(&p, device), "cudaGetDeviceProperties");
  char text[320];
  std::snprintf(text, sizeof text, "%s (sm_%d%d, %d SMs, %.1f GiB)", p.name, p.major, p.minor, p.multiProcessorCount,
                (double)p.totalGlobalMem / (1024.0 * 1024.0 * 1024.0));
  return text;
}

/** `elements` floats of device memory with a 64-byte tail (kernels may read aligned float4s), zeroed. */
inline float* allocate(size_t elements) {
  const size_t bytes = ((4 * elements + 63) / 64) * 64 + 64;
  float* p = nullptr;
  check(cudaMalloc(reinterpret_cast<void**>(&p), bytes), "cudaMalloc of " + std::to_string(bytes) + " bytes");
  check(cudaMemset(p, 0, bytes), "cudaMemset");
  return p;
}
inline void release(float* p) { check(cudaFree(p), "cudaFree"); }
inline void upload(float* device, const float* host, size_t n) { check(cudaMemcpy(device, host, 4 * n, cudaMemcpyHostToDevice), "upload"); }
inline void download(float* host, const float* device, size_t n) { check(cudaMemcpy(host, device, 4 * n, cudaMemcpyDeviceToHost), "download"); }
inline void copyOnDevice(float* to, const float* from, size_t n) { check(cudaMemcpy(to, from, 4 * n, cudaMemcpyDeviceToDevice), "device copy"); }
inline void synchronize(const std::string& step) { check(cudaDeviceSynchronize(), step); }
/** After a launch: configuration errors surface here (faults inside a kernel at the next synchronize). */
inline void checkLaunch(const std::string& step) { check(cudaGetLastError(), step); }

/** GPU time between start() and stopMs(), from CUDA events on the legacy default stream (kernels and cuBLAS use it). */
class Timer {
 public:
  Timer() {
    check(cudaEventCreate(&begin_), "cudaEventCreate");
    check(cudaEventCreate(&end_), "cudaEventCreate");
  }
  ~Timer() {
    cudaEventDestroy(begin_);
    cudaEventDestroy(end_);
  }
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;
  void start() { check(cudaEventRecord(begin_, 0), "cudaEventRecord"); }
  double stopMs() {
    check(cudaEventRecord(end_, 0), "cudaEventRecord");
    check(cudaEventSynchronize(end_), "the timed work (cudaEventSynchronize)");
    float ms = 0.0f;
    check(cudaEventElapsedTime(&ms, begin_, end_), "cudaEventElapsedTime");
    return ms;
  }

 private:
  cudaEvent_t begin_{}, end_{};
};

/**
 * cuBLAS by dlopen: NC_CUBLAS (a file), then each folder of NC_CUBLAS_DIRS (colon-separated; run.sh adds the pip
 * package nvidia-cublas' lib folder), /usr/local/cuda/lib64, /usr/local/cuda/targets/x86_64-linux/lib, then the
 * loader's own search. libcublasLt is opened first from the same folder (libcublas needs it).
 */
inline Blas loadCublas() {
  Blas blas;
  std::vector<std::string> candidates;
  if (const char* file = std::getenv("NC_CUBLAS"); file && *file) candidates.push_back(file);
  std::string dirs = std::getenv("NC_CUBLAS_DIRS") ? std::getenv("NC_CUBLAS_DIRS") : "";
  dirs += ":/usr/local/cuda/lib64:/usr/local/cuda/targets/x86_64-linux/lib";
  for (size_t at = 0; at <= dirs.size();) {
    const size_t end = dirs.find(':', at) == std::string::npos ? dirs.size() : dirs.find(':', at);
    if (end > at) {
      for (const char* soname : {"libcublas.so.13", "libcublas.so.12", "libcublas.so"}) candidates.push_back(dirs.substr(at, end - at) + "/" + soname);
    }
    at = end + 1;
  }
  for (const char* soname : {"libcublas.so.13", "libcublas.so.12", "libcublas.so"}) candidates.push_back(soname);
  std::string looked;
  void* lib = nullptr;
  std::string found;
  for (const std::string& path : candidates) {
    const size_t slash = path.rfind('/');
    if (slash != std::string::npos) {
      const std::string lt = path.substr(0, slash + 1) + "libcublasLt" + path.substr(path.find(".so", slash));
      dlopen(lt.c_str(), RTLD_NOW | RTLD_GLOBAL);  // may be absent: libcublas' own RUNPATH may find it
    }
    lib = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
    if (lib) {
      found = path;
      break;
    }
    looked += (looked.empty() ? "" : ", ") + path;
  }
  if (!lib) {
    blas.why = "libcublas not found (looked in " + looked + ")";
    return blas;
  }
  using create_fn = int (*)(blas_handle*);
  using set_stream_fn = int (*)(blas_handle, cudaStream_t);
  using version_fn = int (*)(blas_handle, int*);
  const auto create = reinterpret_cast<create_fn>(dlsym(lib, "cublasCreate_v2"));
  const auto setStream = reinterpret_cast<set_stream_fn>(dlsym(lib, "cublasSetStream_v2"));
  const auto version = reinterpret_cast<version_fn>(dlsym(lib, "cublasGetVersion_v2"));
  const auto sgemm = reinterpret_cast<sgemm_strided_batched_fn>(dlsym(lib, "cublasSgemmStridedBatched"));
  blas.destroy = reinterpret_cast<int (*)(blas_handle)>(dlsym(lib, "cublasDestroy_v2"));
  if (!create || !setStream || !sgemm || !blas.destroy) {
    blas.why = found + " lacks cublasCreate_v2 / cublasSetStream_v2 / cublasSgemmStridedBatched / cublasDestroy_v2";
    return blas;
  }
  // cublasCreate initializes CUDA: without a device it fails here (status 1, CUBLAS_STATUS_NOT_INITIALIZED).
  if (const int status = create(&blas.handle); status != 0) {
    blas.why = "cublasCreate_v2 failed with status " + std::to_string(status) + " (" + found + ")";
    return blas;
  }
  // The legacy default stream: the kernels' launches and the Timer's events use it too.
  if (const int status = setStream(blas.handle, nullptr); status != 0) {
    blas.why = "cublasSetStream_v2 failed with status " + std::to_string(status);
    return blas;
  }
  int v = 0;
  if (version) version(blas.handle, &v);
  blas.sgemm = sgemm;
  blas.what = "cuBLAS " + std::to_string(v) + " (" + found + ")";
  return blas;
}

/** Frees the cuBLAS handle (cublasDestroy_v2) before the process ends. */
inline void unloadBlas(Blas& blas) {
  if (blas.handle && blas.destroy) blas.destroy(blas.handle);
  blas.handle = nullptr;
}

#else  // g++ against cuda-cpu.h

constexpr bool ON_GPU = false;

inline std::string deviceDescription() { return "CPU emulation (runtime/cuda-cpu/cuda-cpu.h): timings are not GPU numbers"; }

inline float* allocate(size_t elements) {
  const size_t bytes = ((4 * elements + 63) / 64) * 64 + 64;
  float* p = static_cast<float*>(std::aligned_alloc(64, bytes));
  if (!p) die("out of memory");
  std::memset(p, 0, bytes);
  return p;
}
inline void release(float* p) { std::free(p); }
inline void upload(float* device, const float* host, size_t n) { std::memcpy(device, host, 4 * n); }
inline void download(float* host, const float* device, size_t n) { std::memcpy(host, device, 4 * n); }
inline void copyOnDevice(float* to, const float* from, size_t n) { std::memcpy(to, from, 4 * n); }
inline void synchronize(const std::string&) {}
inline void checkLaunch(const std::string&) {}

class Timer {
 public:
  void start() { begin_ = std::chrono::steady_clock::now(); }
  double stopMs() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin_).count(); }

 private:
  std::chrono::steady_clock::time_point begin_{};
};

/** cublasSgemmStridedBatched's semantics (column-major, op N or T), in plain loops. */
inline int referenceSgemm(blas_handle, int transa, int transb, int m, int n, int k, const float* alpha, const float* a,
                          int lda, long long strideA, const float* b, int ldb, long long strideB, const float* beta,
                          float* c, int ldc, long long strideC, int batchCount) {
  for (int p = 0; p < batchCount; ++p) {
    const float* A = a + p * strideA;
    const float* B = b + p * strideB;
    float* C = c + p * strideC;
    for (int j = 0; j < n; ++j) {
      for (int i = 0; i < m; ++i) {
        float acc = 0.0f;
        for (int q = 0; q < k; ++q) {
          const float av = transa == BLAS_OP_N ? A[i + (long long)q * lda] : A[q + (long long)i * lda];
          const float bv = transb == BLAS_OP_N ? B[q + (long long)j * ldb] : B[j + (long long)q * ldb];
          acc += av * bv;
        }
        C[i + (long long)j * ldc] = *alpha * acc + (*beta == 0.0f ? 0.0f : *beta * C[i + (long long)j * ldc]);
      }
    }
  }
  return 0;
}

inline Blas loadCublas() {
  Blas blas;
  blas.sgemm = referenceSgemm;
  blas.what = "CPU reference SGEMM with cuBLAS's column-major convention (not cuBLAS)";
  return blas;
}
inline void unloadBlas(Blas&) {}

#endif

/** Device-to-device copy bandwidth in GB/s (bytes read + bytes written per second): the median of `samples`. */
inline double copyBandwidth(size_t mib, int samples, std::vector<double>* timesMs) {
  const size_t elements = mib * (1u << 20) / 4;
  float* from = allocate(elements);
  float* to = allocate(elements);
  Timer timer;
  copyOnDevice(to, from, elements);  // warm-up
  synchronize("the copy warm-up");
  for (int s = 0; s < samples; ++s) {
    timer.start();
    copyOnDevice(to, from, elements);
    timesMs->push_back(timer.stopMs());
  }
  release(from);
  release(to);
  std::vector<double> sorted = *timesMs;
  std::sort(sorted.begin(), sorted.end());
  const double ms = sorted[sorted.size() / 2];
  return 2.0 * 4.0 * (double)elements / (ms * 1e-3) / 1e9;
}

}  // namespace nc_bench
