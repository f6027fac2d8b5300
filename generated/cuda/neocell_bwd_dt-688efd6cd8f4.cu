// neocc neocell_bwd_dt: dT = Aᵀ · dY
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":0,"shiftB":0,"channels":384},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":0,"shiftB":0,"channels":384}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_bwd_dt_eb752f6f<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (dy, wa, dt, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_bwd_dt_eb752f6f
#define NEOCC_PARAMS_neocell_bwd_dt_eb752f6f
struct neocell_bwd_dt_eb752f6f_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_bwd_dt_eb752f6f(const float* __restrict__ dy, const float* __restrict__ wa, float* __restrict__ dt, const neocell_bwd_dt_eb752f6f_Params nc_u) {
  const unsigned int e = ((((blockIdx.y * gridDim.x) + blockIdx.x) * 64u) + threadIdx.x);
  if ((e >= ((nc_u.batch * 768u) * (nc_u.in_h * nc_u.out_w)))) {
    return;
  }
  const unsigned int col = nc_umod(e, nc_u.out_w);
  const unsigned int rest = nc_udiv(e, nc_u.out_w);
  const unsigned int row = nc_umod(rest, nc_u.in_h);
  const unsigned int plane = nc_udiv(rest, nc_u.in_h);
  [[maybe_unused]] const unsigned int n = (plane / 768u);
  const unsigned int c = (plane % 768u);
  if ((c < 384u)) {
    // channels [0, 384): weight_a 4x4 shift 0, weight_b 4x4 shift 0
    const unsigned int wa_base = (c * 16u);
    [[maybe_unused]] const unsigned int wb_base = (c * 16u);
    const bool col_in_corner = ((void)(row), false);
    const unsigned int col_rel = (col_in_corner ? 0u : row);
    const unsigned int hit_row0 = (col_in_corner ? 0u : ((col_rel / 4u) * 4u));
    const unsigned int hit_k_row0 = (col_in_corner ? 4u : 0u);
    const unsigned int hit_k_col = (col_in_corner ? (4u + row) : (col_rel % 4u));
    const unsigned int hit_rows = (col_in_corner ? 0u : ((hit_row0 < nc_u.out_h) ? min(4u, (nc_u.out_h - ((hit_row0 < nc_u.out_h) ? hit_row0 : 0u))) : 0u));
    const unsigned int wa_col = (wa_base + ((hit_k_row0 * 4u) + hit_k_col));
    const unsigned int dy_base = ((((plane * nc_u.out_h) + hit_row0) * nc_u.out_w) + col);
    float acc = 0.0f;
    if ((0u < hit_rows)) {
      acc = (acc + (wa[wa_col] * dy[dy_base]));
    }
    if ((1u < hit_rows)) {
      acc = (acc + (wa[(wa_col + 4u)] * dy[(dy_base + nc_u.out_w)]));
    }
    if ((2u < hit_rows)) {
      acc = (acc + (wa[(wa_col + 8u)] * dy[(dy_base + (2u * nc_u.out_w))]));
    }
    if ((3u < hit_rows)) {
      acc = (acc + (wa[(wa_col + 12u)] * dy[(dy_base + (3u * nc_u.out_w))]));
    }
    dt[((((plane * nc_u.in_h) + row) * nc_u.out_w) + col)] = acc;
  } else {
    // channels [384, 768): weight_a 7x7 shift 0, weight_b 7x7 shift 0
    const unsigned int local_c = (c - 384u);
    const unsigned int wa_base_1 = (6144u + (local_c * 49u));
    [[maybe_unused]] const unsigned int wb_base_1 = (6144u + (local_c * 49u));
    const bool col_in_corner_1 = ((void)(row), false);
    const unsigned int col_rel_1 = (col_in_corner_1 ? 0u : row);
    const unsigned int hit_row0_1 = (col_in_corner_1 ? 0u : ((col_rel_1 / 7u) * 7u));
    const unsigned int hit_k_row0_1 = (col_in_corner_1 ? 7u : 0u);
    const unsigned int hit_k_col_1 = (col_in_corner_1 ? (7u + row) : (col_rel_1 % 7u));
    const unsigned int hit_rows_1 = (col_in_corner_1 ? 0u : ((hit_row0_1 < nc_u.out_h) ? min(7u, (nc_u.out_h - ((hit_row0_1 < nc_u.out_h) ? hit_row0_1 : 0u))) : 0u));
    const unsigned int wa_col_1 = (wa_base_1 + ((hit_k_row0_1 * 7u) + hit_k_col_1));
    const unsigned int dy_base_1 = ((((plane * nc_u.out_h) + hit_row0_1) * nc_u.out_w) + col);
    float acc_1 = 0.0f;
    if ((0u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[wa_col_1] * dy[dy_base_1]));
    }
    if ((1u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 7u)] * dy[(dy_base_1 + nc_u.out_w)]));
    }
    if ((2u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 14u)] * dy[(dy_base_1 + (2u * nc_u.out_w))]));
    }
    if ((3u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 21u)] * dy[(dy_base_1 + (3u * nc_u.out_w))]));
    }
    if ((4u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 28u)] * dy[(dy_base_1 + (4u * nc_u.out_w))]));
    }
    if ((5u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 35u)] * dy[(dy_base_1 + (5u * nc_u.out_w))]));
    }
    if ((6u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 42u)] * dy[(dy_base_1 + (6u * nc_u.out_w))]));
    }
    dt[((((plane * nc_u.in_h) + row) * nc_u.out_w) + col)] = acc_1;
  }
}
