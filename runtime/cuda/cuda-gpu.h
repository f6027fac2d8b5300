// cuda-gpu.h — the prelude of a CUDA kernel binary for a real device (runtime/cuda/, compiled by nvcc). The kernels'
// .cu text follows verbatim; nvcc supplies CUDA itself, so this only adds what the generated launchers use.
#pragma once

#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

// A pointer argument that converts to whatever buffer pointer type a kernel's parameter has (float*, const
// unsigned int*, …): the generated launchers pass untyped device addresses (runtime/cuda-common/source.ts).
struct nc_arg {
  void* p;
  template <class T>
  operator T*() const { return static_cast<T*>(p); }
};
