// neocc neocell_bwd_dx: dX = dT · Bᵀ
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":384}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_bwd_dx_7463416e<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (dt, wb, dx, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_bwd_dx_7463416e
#define NEOCC_PARAMS_neocell_bwd_dx_7463416e
struct neocell_bwd_dx_7463416e_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_bwd_dx_7463416e(const float* __restrict__ dt, const float* __restrict__ wb, float* __restrict__ dx, const neocell_bwd_dx_7463416e_Params nc_u) {
  const unsigned int e = ((((blockIdx.y * gridDim.x) + blockIdx.x) * 64u) + threadIdx.x);
  if ((e >= ((nc_u.batch * 384u) * (nc_u.in_h * nc_u.in_w)))) {
    return;
  }
  const unsigned int col = nc_umod(e, nc_u.in_w);
  const unsigned int rest = nc_udiv(e, nc_u.in_w);
  const unsigned int row = nc_umod(rest, nc_u.in_h);
  const unsigned int plane = nc_udiv(rest, nc_u.in_h);
  [[maybe_unused]] const unsigned int n = (plane / 384u);
  const unsigned int c = (plane % 384u);
  // channels [0, 384): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  [[maybe_unused]] const unsigned int wa_base = (c * 2u);
  const unsigned int wb_base = (c * 2u);
  const bool row_in_corner = ((void)(col), false);
  const unsigned int row_rel = (row_in_corner ? 0u : col);
  const unsigned int hit_col0 = (row_in_corner ? 0u : (row_rel / 2u));
  const unsigned int hit_k_col0 = (row_in_corner ? 1u : 0u);
  const unsigned int hit_k_row = (row_in_corner ? (2u + col) : (row_rel % 2u));
  const unsigned int hit_cols = (row_in_corner ? 0u : ((hit_col0 < nc_u.out_w) ? min(1u, (nc_u.out_w - ((hit_col0 < nc_u.out_w) ? hit_col0 : 0u))) : 0u));
  const unsigned int wb_row = (wb_base + (hit_k_row + hit_k_col0));
  const unsigned int dt_base = ((((plane * nc_u.in_h) + row) * nc_u.out_w) + hit_col0);
  float acc = 0.0f;
  if ((0u < hit_cols)) {
    acc = (acc + (dt[dt_base] * wb[wb_row]));
  }
  dx[((((plane * nc_u.in_h) + row) * nc_u.in_w) + col)] = acc;
}
