// neocc neocell_fwd_t: T = X · B (saved for the weight gradients)
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":192}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_fwd_t_678597c4<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, wb, t, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_fwd_t_678597c4
#define NEOCC_PARAMS_neocell_fwd_t_678597c4
struct neocell_fwd_t_678597c4_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_fwd_t_678597c4(const float* __restrict__ x, const float* __restrict__ wb, float* __restrict__ t, const neocell_fwd_t_678597c4_Params nc_u) {
  const unsigned int e = ((((blockIdx.y * gridDim.x) + blockIdx.x) * 64u) + threadIdx.x);
  if ((e >= ((nc_u.batch * 192u) * (nc_u.in_h * nc_u.out_w)))) {
    return;
  }
  const unsigned int col = nc_umod(e, nc_u.out_w);
  const unsigned int rest = nc_udiv(e, nc_u.out_w);
  const unsigned int row = nc_umod(rest, nc_u.in_h);
  const unsigned int plane = nc_udiv(rest, nc_u.in_h);
  [[maybe_unused]] const unsigned int n = (plane / 192u);
  const unsigned int c = (plane % 192u);
  // channels [0, 192): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  [[maybe_unused]] const unsigned int wa_base = (c * 2u);
  const unsigned int wb_base = (c * 2u);
  const unsigned int x_row_base = (((plane * nc_u.in_h) + row) * nc_u.in_w);
  const bool col_in_corner = ((void)(col), false);
  const unsigned int col_rel = (col_in_corner ? 0u : col);
  const unsigned int hit_row0 = (col_in_corner ? 0u : (col_rel * 2u));
  const unsigned int hit_k_row0 = (col_in_corner ? 2u : 0u);
  const unsigned int hit_k_col = (col_in_corner ? (1u + col) : (col_rel % 1u));
  const unsigned int hit_rows = (col_in_corner ? 0u : ((hit_row0 < nc_u.in_w) ? min(2u, (nc_u.in_w - ((hit_row0 < nc_u.in_w) ? hit_row0 : 0u))) : 0u));
  const unsigned int x_row = (x_row_base + hit_row0);
  const unsigned int wb_row = (wb_base + (hit_k_row0 + hit_k_col));
  float acc = 0.0f;
  if ((0u < hit_rows)) {
    acc = (acc + (x[x_row] * wb[wb_row]));
  }
  if ((1u < hit_rows)) {
    acc = (acc + (x[(x_row + 1u)] * wb[(wb_row + 1u)]));
  }
  t[((((plane * nc_u.in_h) + row) * nc_u.out_w) + col)] = acc;
}
