// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":64},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":64}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_bwd_dw_0e2a43e4<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, dy, t, dt, wa, wb, gwa, gwb, params by value).

#ifndef NEOCC_PARAMS_neocell_bwd_dw_0e2a43e4
#define NEOCC_PARAMS_neocell_bwd_dw_0e2a43e4
struct neocell_bwd_dw_0e2a43e4_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_bwd_dw_0e2a43e4(const float* __restrict__ x, const float* __restrict__ dy, const float* __restrict__ t, const float* __restrict__ dt, const float* __restrict__ /* wa (unused) */, const float* __restrict__ /* wb (unused) */, float* __restrict__ gwa, float* __restrict__ gwb, const neocell_bwd_dw_0e2a43e4_Params nc_u) {
  if ((blockIdx.x < 64u)) {
    // channels [0, 64): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    const unsigned int offset_a = min((blockIdx.x / 16u), 3u);
    const unsigned int offset_b = min((blockIdx.x / 16u), 3u);
    const unsigned int wa_base = (blockIdx.x * 16u);
    const unsigned int wb_base = (blockIdx.x * 16u);
    for (unsigned int e = threadIdx.x; e < 32u; e += 64u) {
      float acc = 0.0f;
      if ((e < 16u)) {
        const unsigned int er = (e / 4u);
        const unsigned int ec = (e % 4u);
        const unsigned int placements = (((0u < offset_a) ? 1u : 0u) + min((((nc_u.out_h - offset_a) + 3u) / 4u), (((nc_u.in_h - offset_a) + 3u) / 4u)));
        for (unsigned int n = 0u; n < nc_u.batch; n += 1u) {
          const unsigned int plane = ((n * 128u) + blockIdx.x);
          for (unsigned int blk = 0u; blk < placements; blk += 1u) {
            const bool is_corner = ((0u < offset_a) && (blk < 1u));
            const unsigned int block = (is_corner ? 0u : (blk - ((0u < offset_a) ? 1u : 0u)));
            const unsigned int row0 = (is_corner ? 0u : (offset_a + (block * 4u)));
            const unsigned int col0 = (is_corner ? 0u : (offset_a + (block * 4u)));
            const unsigned int k_row0 = (is_corner ? (4u - offset_a) : 0u);
            const unsigned int k_col0 = (is_corner ? (4u - offset_a) : 0u);
            const unsigned int block_rows = (is_corner ? offset_a : min(4u, (nc_u.out_h - row0)));
            const unsigned int block_cols = (is_corner ? offset_a : min(4u, (nc_u.in_h - col0)));
            if (((er >= k_row0) && (ec >= k_col0))) {
              const unsigned int in_r = (er - k_row0);
              const unsigned int in_j = (ec - k_col0);
              if (((in_r < block_rows) && (in_j < block_cols))) {
                const unsigned int dy_base = (((plane * nc_u.out_h) + (row0 + in_r)) * nc_u.out_w);
                const unsigned int t_base = (((plane * nc_u.in_h) + (col0 + in_j)) * nc_u.out_w);
                for (unsigned int w = 0u; w < nc_u.out_w; w += 1u) {
                  acc = (acc + (dy[(dy_base + w)] * t[(t_base + w)]));
                }
              }
            }
          }
        }
        gwa[(wa_base + e)] = acc;
      } else {
        const unsigned int eb = (e - 16u);
        const unsigned int er_1 = (eb / 4u);
        const unsigned int ec_1 = (eb % 4u);
        const unsigned int placements_1 = (((0u < offset_b) ? 1u : 0u) + min((((nc_u.in_w - offset_b) + 3u) / 4u), (((nc_u.out_w - offset_b) + 3u) / 4u)));
        for (unsigned int n_1 = 0u; n_1 < nc_u.batch; n_1 += 1u) {
          const unsigned int plane_1 = ((n_1 * 128u) + blockIdx.x);
          for (unsigned int blk_1 = 0u; blk_1 < placements_1; blk_1 += 1u) {
            const bool is_corner_1 = ((0u < offset_b) && (blk_1 < 1u));
            const unsigned int block_1 = (is_corner_1 ? 0u : (blk_1 - ((0u < offset_b) ? 1u : 0u)));
            const unsigned int row0_1 = (is_corner_1 ? 0u : (offset_b + (block_1 * 4u)));
            const unsigned int col0_1 = (is_corner_1 ? 0u : (offset_b + (block_1 * 4u)));
            const unsigned int k_row0_1 = (is_corner_1 ? (4u - offset_b) : 0u);
            const unsigned int k_col0_1 = (is_corner_1 ? (4u - offset_b) : 0u);
            const unsigned int block_rows_1 = (is_corner_1 ? offset_b : min(4u, (nc_u.in_w - row0_1)));
            const unsigned int block_cols_1 = (is_corner_1 ? offset_b : min(4u, (nc_u.out_w - col0_1)));
            if (((er_1 >= k_row0_1) && (ec_1 >= k_col0_1))) {
              const unsigned int in_r_1 = (er_1 - k_row0_1);
              const unsigned int in_j_1 = (ec_1 - k_col0_1);
              if (((in_r_1 < block_rows_1) && (in_j_1 < block_cols_1))) {
                const unsigned int x_base = ((plane_1 * (nc_u.in_h * nc_u.in_w)) + (row0_1 + in_r_1));
                const unsigned int dt_base = ((plane_1 * (nc_u.in_h * nc_u.out_w)) + (col0_1 + in_j_1));
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
  } else {
    // channels [64, 128): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const unsigned int local_c = (blockIdx.x - 64u);
    const unsigned int offset_a_1 = min((local_c / 9u), 6u);
    const unsigned int offset_b_1 = min((local_c / 9u), 6u);
    const unsigned int wa_base_1 = (1024u + (local_c * 49u));
    const unsigned int wb_base_1 = (1024u + (local_c * 49u));
    for (unsigned int e_1 = threadIdx.x; e_1 < 98u; e_1 += 64u) {
      float acc_1 = 0.0f;
      if ((e_1 < 49u)) {
        const unsigned int er_2 = (e_1 / 7u);
        const unsigned int ec_2 = (e_1 % 7u);
        const unsigned int placements_2 = (((0u < offset_a_1) ? 1u : 0u) + min((((nc_u.out_h - offset_a_1) + 6u) / 7u), (((nc_u.in_h - offset_a_1) + 6u) / 7u)));
        for (unsigned int n_2 = 0u; n_2 < nc_u.batch; n_2 += 1u) {
          const unsigned int plane_2 = ((n_2 * 128u) + blockIdx.x);
          for (unsigned int blk_2 = 0u; blk_2 < placements_2; blk_2 += 1u) {
            const bool is_corner_2 = ((0u < offset_a_1) && (blk_2 < 1u));
            const unsigned int block_2 = (is_corner_2 ? 0u : (blk_2 - ((0u < offset_a_1) ? 1u : 0u)));
            const unsigned int row0_2 = (is_corner_2 ? 0u : (offset_a_1 + (block_2 * 7u)));
            const unsigned int col0_2 = (is_corner_2 ? 0u : (offset_a_1 + (block_2 * 7u)));
            const unsigned int k_row0_2 = (is_corner_2 ? (7u - offset_a_1) : 0u);
            const unsigned int k_col0_2 = (is_corner_2 ? (7u - offset_a_1) : 0u);
            const unsigned int block_rows_2 = (is_corner_2 ? offset_a_1 : min(7u, (nc_u.out_h - row0_2)));
            const unsigned int block_cols_2 = (is_corner_2 ? offset_a_1 : min(7u, (nc_u.in_h - col0_2)));
            if (((er_2 >= k_row0_2) && (ec_2 >= k_col0_2))) {
              const unsigned int in_r_2 = (er_2 - k_row0_2);
              const unsigned int in_j_2 = (ec_2 - k_col0_2);
              if (((in_r_2 < block_rows_2) && (in_j_2 < block_cols_2))) {
                const unsigned int dy_base_1 = (((plane_2 * nc_u.out_h) + (row0_2 + in_r_2)) * nc_u.out_w);
                const unsigned int t_base_1 = (((plane_2 * nc_u.in_h) + (col0_2 + in_j_2)) * nc_u.out_w);
                for (unsigned int w_1 = 0u; w_1 < nc_u.out_w; w_1 += 1u) {
                  acc_1 = (acc_1 + (dy[(dy_base_1 + w_1)] * t[(t_base_1 + w_1)]));
                }
              }
            }
          }
        }
        gwa[(wa_base_1 + e_1)] = acc_1;
      } else {
        const unsigned int eb_1 = (e_1 - 49u);
        const unsigned int er_3 = (eb_1 / 7u);
        const unsigned int ec_3 = (eb_1 % 7u);
        const unsigned int placements_3 = (((0u < offset_b_1) ? 1u : 0u) + min((((nc_u.in_w - offset_b_1) + 6u) / 7u), (((nc_u.out_w - offset_b_1) + 6u) / 7u)));
        for (unsigned int n_3 = 0u; n_3 < nc_u.batch; n_3 += 1u) {
          const unsigned int plane_3 = ((n_3 * 128u) + blockIdx.x);
          for (unsigned int blk_3 = 0u; blk_3 < placements_3; blk_3 += 1u) {
            const bool is_corner_3 = ((0u < offset_b_1) && (blk_3 < 1u));
            const unsigned int block_3 = (is_corner_3 ? 0u : (blk_3 - ((0u < offset_b_1) ? 1u : 0u)));
            const unsigned int row0_3 = (is_corner_3 ? 0u : (offset_b_1 + (block_3 * 7u)));
            const unsigned int col0_3 = (is_corner_3 ? 0u : (offset_b_1 + (block_3 * 7u)));
            const unsigned int k_row0_3 = (is_corner_3 ? (7u - offset_b_1) : 0u);
            const unsigned int k_col0_3 = (is_corner_3 ? (7u - offset_b_1) : 0u);
            const unsigned int block_rows_3 = (is_corner_3 ? offset_b_1 : min(7u, (nc_u.in_w - row0_3)));
            const unsigned int block_cols_3 = (is_corner_3 ? offset_b_1 : min(7u, (nc_u.out_w - col0_3)));
            if (((er_3 >= k_row0_3) && (ec_3 >= k_col0_3))) {
              const unsigned int in_r_3 = (er_3 - k_row0_3);
              const unsigned int in_j_3 = (ec_3 - k_col0_3);
              if (((in_r_3 < block_rows_3) && (in_j_3 < block_cols_3))) {
                const unsigned int x_base_1 = ((plane_3 * (nc_u.in_h * nc_u.in_w)) + (row0_3 + in_r_3));
                const unsigned int dt_base_1 = ((plane_3 * (nc_u.in_h * nc_u.out_w)) + (col0_3 + in_j_3));
                for (unsigned int h_1 = 0u; h_1 < nc_u.in_h; h_1 += 1u) {
                  acc_1 = (acc_1 + (x[(x_base_1 + (h_1 * nc_u.in_w))] * dt[(dt_base_1 + (h_1 * nc_u.out_w))]));
                }
              }
            }
          }
        }
        gwb[(wb_base_1 + eb_1)] = acc_1;
      }
    }
  }
}
