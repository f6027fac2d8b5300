// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":512}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_bwd_dw_1dc7b157<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, dy, t, dt, wa, wb, gwa, gwb, params by value).

#ifndef NEOCC_PARAMS_neocell_bwd_dw_1dc7b157
#define NEOCC_PARAMS_neocell_bwd_dw_1dc7b157
struct neocell_bwd_dw_1dc7b157_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_bwd_dw_1dc7b157(const float* __restrict__ x, const float* __restrict__ dy, const float* __restrict__ t, const float* __restrict__ dt, const float* __restrict__ /* wa (unused) */, const float* __restrict__ /* wb (unused) */, float* __restrict__ gwa, float* __restrict__ gwb, const neocell_bwd_dw_1dc7b157_Params nc_u) {
  // channels [0, 512): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  const unsigned int wa_base = (blockIdx.x * 2u);
  const unsigned int wb_base = (blockIdx.x * 2u);
  for (unsigned int e = threadIdx.x; e < 4u; e += 64u) {
    float acc = 0.0f;
    if ((e < 2u)) {
      const unsigned int er = (e / 2u);
      const unsigned int ec = (e % 2u);
      const unsigned int placements = min(nc_u.out_h, ((nc_u.in_h + 1u) / 2u));
      for (unsigned int n = 0u; n < nc_u.batch; n += 1u) {
        const unsigned int plane = ((n * 512u) + blockIdx.x);
        for (unsigned int blk = 0u; blk < placements; blk += 1u) {
          const unsigned int col0 = (blk * 2u);
          const unsigned int block_rows = min(1u, (nc_u.out_h - blk));
          const unsigned int block_cols = min(2u, (nc_u.in_h - col0));
          if ((((void)(er), true) && ((void)(ec), true))) {
            if (((er < block_rows) && (ec < block_cols))) {
              const unsigned int dy_base = (((plane * nc_u.out_h) + (blk + er)) * nc_u.out_w);
              const unsigned int t_base = (((plane * nc_u.in_h) + (col0 + ec)) * nc_u.out_w);
              for (unsigned int w = 0u; w < nc_u.out_w; w += 1u) {
                acc = (acc + (dy[(dy_base + w)] * t[(t_base + w)]));
              }
            }
          }
        }
      }
      gwa[(wa_base + e)] = acc;
    } else {
      const unsigned int eb = (e - 2u);
      const unsigned int ec_1 = (eb % 1u);
      const unsigned int placements_1 = min(((nc_u.in_w + 1u) / 2u), nc_u.out_w);
      for (unsigned int n_1 = 0u; n_1 < nc_u.batch; n_1 += 1u) {
        const unsigned int plane_1 = ((n_1 * 512u) + blockIdx.x);
        for (unsigned int blk_1 = 0u; blk_1 < placements_1; blk_1 += 1u) {
          const unsigned int row0 = (blk_1 * 2u);
          const unsigned int block_rows_1 = min(2u, (nc_u.in_w - row0));
          const unsigned int block_cols_1 = min(1u, (nc_u.out_w - blk_1));
          if ((((void)(eb), true) && ((void)(ec_1), true))) {
            if (((eb < block_rows_1) && (ec_1 < block_cols_1))) {
              const unsigned int x_base = ((plane_1 * (nc_u.in_h * nc_u.in_w)) + (row0 + eb));
              const unsigned int dt_base = ((plane_1 * (nc_u.in_h * nc_u.out_w)) + (blk_1 + ec_1));
              for (unsigned int h = 0u; h < nc_u.in_h; h += 1u) {
                acc = (acc + (x[(x_base + (h * nc_u.in_w))] * dt[(dt_base + (h * nc_u.out_w))]));
              }
            }
          }
        }
      }
      gwb[(wb_base + eb)] = acc;
    }
  }
}
