// neocc neocell_bwd_dt: dT = Aᵀ · dY
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":1024}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_bwd_dt_e19abfcf<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (dy, wa, dt, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_bwd_dt_e19abfcf
#define NEOCC_PARAMS_neocell_bwd_dt_e19abfcf
struct neocell_bwd_dt_e19abfcf_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_bwd_dt_e19abfcf(const float* __restrict__ dy, const float* __restrict__ wa, float* __restrict__ dt, const neocell_bwd_dt_e19abfcf_Params nc_u) {
  const unsigned int e = ((((blockIdx.y * gridDim.x) + blockIdx.x) * 64u) + threadIdx.x);
  if ((e >= ((nc_u.batch * 1024u) * (nc_u.in_h * nc_u.out_w)))) {
    return;
  }
  const unsigned int col = nc_umod(e, nc_u.out_w);
  const unsigned int rest = nc_udiv(e, nc_u.out_w);
  const unsigned int row = nc_umod(rest, nc_u.in_h);
  const unsigned int plane = nc_udiv(rest, nc_u.in_h);
  [[maybe_unused]] const unsigned int n = (plane / 1024u);
  const unsigned int c = (plane % 1024u);
  // channels [0, 1024): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  const unsigned int wa_base = (c * 2u);
  [[maybe_unused]] const unsigned int wb_base = (c * 2u);
  const bool col_in_corner = ((void)(row), false);
  const unsigned int col_rel = (col_in_corner ? 0u : row);
  const unsigned int hit_row0 = (col_in_corner ? 0u : (col_rel / 2u));
  const unsigned int hit_k_row0 = (col_in_corner ? 1u : 0u);
  const unsigned int hit_k_col = (col_in_corner ? (2u + row) : (col_rel % 2u));
  const unsigned int hit_rows = (col_in_corner ? 0u : ((hit_row0 < nc_u.out_h) ? min(1u, (nc_u.out_h - ((hit_row0 < nc_u.out_h) ? hit_row0 : 0u))) : 0u));
  const unsigned int wa_col = (wa_base + ((hit_k_row0 * 2u) + hit_k_col));
  const unsigned int dy_base = ((((plane * nc_u.out_h) + hit_row0) * nc_u.out_w) + col);
  float acc = 0.0f;
  if ((0u < hit_rows)) {
    acc = (acc + (wa[wa_col] * dy[dy_base]));
  }
  dt[((((plane * nc_u.in_h) + row) * nc_u.out_w) + col)] = acc;
}
