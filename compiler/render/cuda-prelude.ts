/**
 * Device helpers a CUDA kernel file starts with: what WGSL (the IR's reference semantics, compiler/ir/ir.ts) has
 * built in and CUDA C++ lacks or does differently. Only the groups a kernel uses are printed, and each group sits in
 * its own include guard so that several kernel files (and `neocc-kernels.h`) can share one translation unit.
 * Every helper name starts with `nc_`, a prefix IR names may not use (checked by the renderer).
 */

/**
 * WGSL defines integer division and remainder by zero (x / 0 = x, x % 0 = 0) and i32 MIN / -1 = MIN, MIN % -1 = 0;
 * in C++ all of these are undefined behaviour (the GPU returns garbage rather than trapping, and the optimizer may
 * assume they never happen). Divisors that are not literals known to be safe go through these.
 */
const DIVISION = `
#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif`;

/**
 * i32 + - * and negation wrap in the IR (two's complement); signed overflow is undefined in C++, so they are computed
 * on unsigned int (which wraps by definition) and converted back (modular since C++20, and always so in nvcc).
 */
const I32_WRAP = `
#ifndef NEOCC_CUDA_I32_WRAP
#define NEOCC_CUDA_I32_WRAP
__device__ __forceinline__ int nc_iadd(int a, int b) { return (int)((unsigned int)a + (unsigned int)b); }
__device__ __forceinline__ int nc_isub(int a, int b) { return (int)((unsigned int)a - (unsigned int)b); }
__device__ __forceinline__ int nc_imul(int a, int b) { return (int)((unsigned int)a * (unsigned int)b); }
__device__ __forceinline__ int nc_ineg(int a) { return (int)(0u - (unsigned int)a); }
#endif`;

/**
 * vec4f as float4: lane-wise arithmetic with the f32 rules per lane, and the unaligned gather/scatter of 4
 * consecutive elements (aligned accesses are printed inline as one 16-byte float4 access).
 */
const VEC4 = `
#ifndef NEOCC_CUDA_VEC4
#define NEOCC_CUDA_VEC4
__device__ __forceinline__ float4 nc_splat4(float a) { return make_float4(a, a, a, a); }
__device__ __forceinline__ float4 nc_add4(float4 a, float4 b) { return make_float4(a.x + b.x, a.y + b.y, a.z + b.z, a.w + b.w); }
__device__ __forceinline__ float4 nc_sub4(float4 a, float4 b) { return make_float4(a.x - b.x, a.y - b.y, a.z - b.z, a.w - b.w); }
__device__ __forceinline__ float4 nc_mul4(float4 a, float4 b) { return make_float4(a.x * b.x, a.y * b.y, a.z * b.z, a.w * b.w); }
__device__ __forceinline__ float4 nc_div4(float4 a, float4 b) { return make_float4(a.x / b.x, a.y / b.y, a.z / b.z, a.w / b.w); }
__device__ __forceinline__ float4 nc_neg4(float4 a) { return make_float4(-a.x, -a.y, -a.z, -a.w); }
__device__ __forceinline__ float4 nc_min4(float4 a, float4 b) { return make_float4(fminf(a.x, b.x), fminf(a.y, b.y), fminf(a.z, b.z), fminf(a.w, b.w)); }
__device__ __forceinline__ float4 nc_max4(float4 a, float4 b) { return make_float4(fmaxf(a.x, b.x), fmaxf(a.y, b.y), fmaxf(a.z, b.z), fmaxf(a.w, b.w)); }
__device__ __forceinline__ float4 nc_sqrt4(float4 a) { return make_float4(sqrtf(a.x), sqrtf(a.y), sqrtf(a.z), sqrtf(a.w)); }
__device__ __forceinline__ float4 nc_fma4(float4 a, float4 b, float4 c) { return make_float4(fmaf(a.x, b.x, c.x), fmaf(a.y, b.y, c.y), fmaf(a.z, b.z, c.z), fmaf(a.w, b.w, c.w)); }
__device__ __forceinline__ float4 nc_gather4(const float* p, unsigned int i) { return make_float4(p[i], p[i + 1u], p[i + 2u], p[i + 3u]); }
__device__ __forceinline__ void nc_scatter4(float* p, unsigned int i, float4 v) { p[i] = v.x; p[i + 1u] = v.y; p[i + 2u] = v.z; p[i + 3u] = v.w; }
#endif`;

/** Which helper groups a kernel calls. */
export interface CudaPreludeUses {
  readonly division: boolean;
  readonly i32Wrap: boolean;
  readonly vec4: boolean;
}

/** The helper source for one kernel file: only the groups it uses, in a fixed order (renders are pure). */
export function cudaPrelude(uses: CudaPreludeUses): string {
  return [uses.division ? DIVISION : '', uses.i32Wrap ? I32_WRAP : '', uses.vec4 ? VEC4 : '']
    .filter((s) => s !== '').map((s) => s.trim()).join('\n');
}
