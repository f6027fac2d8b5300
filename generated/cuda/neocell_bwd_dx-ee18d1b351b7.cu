// neocc neocell_bwd_dx: dX = dT · Bᵀ
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":384},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":384}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_bwd_dx_00fed983<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (dt, wb, dx, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_bwd_dx_00fed983
#define NEOCC_PARAMS_neocell_bwd_dx_00fed983
struct neocell_bwd_dx_00fed983_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_bwd_dx_00fed983(const float* __restrict__ dt, const float* __restrict__ wb, float* __restrict__ dx, const neocell_bwd_dx_00fed983_Params nc_u) {
  const unsigned int e = ((((blockIdx.y * gridDim.x) + blockIdx.x) * 64u) + threadIdx.x);
  if ((e >= ((nc_u.batch * 768u) * (nc_u.in_h * nc_u.in_w)))) {
    return;
  }
  const unsigned int col = nc_umod(e, nc_u.in_w);
  const unsigned int rest = nc_udiv(e, nc_u.in_w);
  const unsigned int row = nc_umod(rest, nc_u.in_h);
  const unsigned int plane = nc_udiv(rest, nc_u.in_h);
  [[maybe_unused]] const unsigned int n = (plane / 768u);
  const unsigned int c = (plane % 768u);
  if ((c < 384u)) {
    // channels [0, 384): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    [[maybe_unused]] const unsigned int offset_a = min((c / 96u), 3u);
    const unsigned int offset_b = min((c / 96u), 3u);
    [[maybe_unused]] const unsigned int wa_base = (c * 16u);
    const unsigned int wb_base = (c * 16u);
    const bool row_in_corner = (col < offset_b);
    const unsigned int row_rel = (row_in_corner ? 0u : (col - offset_b));
    const unsigned int hit_col0 = (row_in_corner ? 0u : (offset_b + ((row_rel / 4u) * 4u)));
    const unsigned int hit_k_col0 = (row_in_corner ? (4u - offset_b) : 0u);
    const unsigned int hit_k_row = (row_in_corner ? ((4u - offset_b) + col) : (row_rel % 4u));
    const unsigned int hit_cols = (row_in_corner ? offset_b : ((hit_col0 < nc_u.out_w) ? min(4u, (nc_u.out_w - ((hit_col0 < nc_u.out_w) ? hit_col0 : 0u))) : 0u));
    const unsigned int wb_row = (wb_base + ((hit_k_row * 4u) + hit_k_col0));
    const unsigned int dt_base = ((((plane * nc_u.in_h) + row) * nc_u.out_w) + hit_col0);
    float acc = 0.0f;
    if ((0u < hit_cols)) {
      acc = (acc + (dt[dt_base] * wb[wb_row]));
    }
    if ((1u < hit_cols)) {
      acc = (acc + (dt[(dt_base + 1u)] * wb[(wb_row + 1u)]));
    }
    if ((2u < hit_cols)) {
      acc = (acc + (dt[(dt_base + 2u)] * wb[(wb_row + 2u)]));
    }
    if ((3u < hit_cols)) {
      acc = (acc + (dt[(dt_base + 3u)] * wb[(wb_row + 3u)]));
    }
    dx[((((plane * nc_u.in_h) + row) * nc_u.in_w) + col)] = acc;
  } else {
    // channels [384, 768): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const unsigned int local_c = (c - 384u);
    [[maybe_unused]] const unsigned int offset_a_1 = min((local_c / 54u), 6u);
    const unsigned int offset_b_1 = min((local_c / 54u), 6u);
    [[maybe_unused]] const unsigned int wa_base_1 = (6144u + (local_c * 49u));
    const unsigned int wb_base_1 = (6144u + (local_c * 49u));
    const bool row_in_corner_1 = (col < offset_b_1);
    const unsigned int row_rel_1 = (row_in_corner_1 ? 0u : (col - offset_b_1));
    const unsigned int hit_col0_1 = (row_in_corner_1 ? 0u : (offset_b_1 + ((row_rel_1 / 7u) * 7u)));
    const unsigned int hit_k_col0_1 = (row_in_corner_1 ? (7u - offset_b_1) : 0u);
    const unsigned int hit_k_row_1 = (row_in_corner_1 ? ((7u - offset_b_1) + col) : (row_rel_1 % 7u));
    const unsigned int hit_cols_1 = (row_in_corner_1 ? offset_b_1 : ((hit_col0_1 < nc_u.out_w) ? min(7u, (nc_u.out_w - ((hit_col0_1 < nc_u.out_w) ? hit_col0_1 : 0u))) : 0u));
    const unsigned int wb_row_1 = (wb_base_1 + ((hit_k_row_1 * 7u) + hit_k_col0_1));
    const unsigned int dt_base_1 = ((((plane * nc_u.in_h) + row) * nc_u.out_w) + hit_col0_1);
    float acc_1 = 0.0f;
    if ((0u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[dt_base_1] * wb[wb_row_1]));
    }
    if ((1u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 1u)] * wb[(wb_row_1 + 1u)]));
    }
    if ((2u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 2u)] * wb[(wb_row_1 + 2u)]));
    }
    if ((3u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 3u)] * wb[(wb_row_1 + 3u)]));
    }
    if ((4u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 4u)] * wb[(wb_row_1 + 4u)]));
    }
    if ((5u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 5u)] * wb[(wb_row_1 + 5u)]));
    }
    if ((6u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 6u)] * wb[(wb_row_1 + 6u)]));
    }
    dx[((((plane * nc_u.in_h) + row) * nc_u.in_w) + col)] = acc_1;
  }
}
