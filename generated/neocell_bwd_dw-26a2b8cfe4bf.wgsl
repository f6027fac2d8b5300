// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":128},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":128}]
// run-time: batch and spatial sizes (uniforms)

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> t: array<f32>;
@group(0) @binding(3) var<storage, read> dt: array<f32>;
@group(0) @binding(4) var<storage, read> wa: array<f32>;
@group(0) @binding(5) var<storage, read> wb: array<f32>;
@group(0) @binding(6) var<storage, read_write> gwa: array<f32>;
@group(0) @binding(7) var<storage, read_write> gwb: array<f32>;

struct Params {
  batch: u32,
  in_h: u32,
  in_w: u32,
  out_h: u32,
  out_w: u32,
}
@group(0) @binding(8) var<uniform> params: Params;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  if ((wid.x < 128u)) {
    // channels [0, 128): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((wid.x / 32u), 3u);
    let offset_b = min((wid.x / 32u), 3u);
    let wa_base = (wid.x * 16u);
    let wb_base = (wid.x * 16u);
    for (var e: u32 = lidx; e < 32u; e = e + 64u) {
      var acc: f32 = 0.0f;
      if ((e < 16u)) {
        let er = (e / 4u);
        let ec = (e % 4u);
        let placements = (select(0u, 1u, (0u < offset_a)) + min((((params.out_h - offset_a) + 3u) / 4u), (((params.in_h - offset_a) + 3u) / 4u)));
        for (var n: u32 = 0u; n < params.batch; n = n + 1u) {
          let plane = ((n * 256u) + wid.x);
          for (var blk: u32 = 0u; blk < placements; blk = blk + 1u) {
            let is_corner = ((0u < offset_a) && (blk < 1u));
            let block = select((blk - select(0u, 1u, (0u < offset_a))), 0u, is_corner);
            let row0 = select((offset_a + (block * 4u)), 0u, is_corner);
            let col0 = select((offset_a + (block * 4u)), 0u, is_corner);
            let k_row0 = select(0u, (4u - offset_a), is_corner);
            let k_col0 = select(0u, (4u - offset_a), is_corner);
            let block_rows = select(min(4u, (params.out_h - row0)), offset_a, is_corner);
            let block_cols = select(min(4u, (params.in_h - col0)), offset_a, is_corner);
            if (((er >= k_row0) && (ec >= k_col0))) {
              let in_r = (er - k_row0);
              let in_j = (ec - k_col0);
              if (((in_r < block_rows) && (in_j < block_cols))) {
                let dy_base = (((plane * params.out_h) + (row0 + in_r)) * params.out_w);
                let t_base = (((plane * params.in_h) + (col0 + in_j)) * params.out_w);
                for (var w: u32 = 0u; w < params.out_w; w = w + 1u) {
                  acc = (acc + (dy[(dy_base + w)] * t[(t_base + w)]));
                }
              }
            }
          }
        }
        gwa[(wa_base + e)] = acc;
      } else {
        let eb = (e - 16u);
        let er_1 = (eb / 4u);
        let ec_1 = (eb % 4u);
        let placements_1 = (select(0u, 1u, (0u < offset_b)) + min((((params.in_w - offset_b) + 3u) / 4u), (((params.out_w - offset_b) + 3u) / 4u)));
        for (var n_1: u32 = 0u; n_1 < params.batch; n_1 = n_1 + 1u) {
          let plane_1 = ((n_1 * 256u) + wid.x);
          for (var blk_1: u32 = 0u; blk_1 < placements_1; blk_1 = blk_1 + 1u) {
            let is_corner_1 = ((0u < offset_b) && (blk_1 < 1u));
            let block_1 = select((blk_1 - select(0u, 1u, (0u < offset_b))), 0u, is_corner_1);
            let row0_1 = select((offset_b + (block_1 * 4u)), 0u, is_corner_1);
            let col0_1 = select((offset_b + (block_1 * 4u)), 0u, is_corner_1);
            let k_row0_1 = select(0u, (4u - offset_b), is_corner_1);
            let k_col0_1 = select(0u, (4u - offset_b), is_corner_1);
            let block_rows_1 = select(min(4u, (params.in_w - row0_1)), offset_b, is_corner_1);
            let block_cols_1 = select(min(4u, (params.out_w - col0_1)), offset_b, is_corner_1);
            if (((er_1 >= k_row0_1) && (ec_1 >= k_col0_1))) {
              let in_r_1 = (er_1 - k_row0_1);
              let in_j_1 = (ec_1 - k_col0_1);
              if (((in_r_1 < block_rows_1) && (in_j_1 < block_cols_1))) {
                let x_base = ((plane_1 * (params.in_h * params.in_w)) + (row0_1 + in_r_1));
                let dt_base = ((plane_1 * (params.in_h * params.out_w)) + (col0_1 + in_j_1));
                for (var h: u32 = 0u; h < params.in_h; h = h + 1u) {
                  acc = (acc + (x[(x_base + (h * params.in_w))] * dt[(dt_base + (h * params.out_w))]));
                }
              }
            }
          }
        }
        gwb[(wb_base + eb)] = acc;
      }
    }
  } else {
    // channels [128, 256): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (wid.x - 128u);
    let offset_a_1 = min((local_c / 18u), 6u);
    let offset_b_1 = min((local_c / 18u), 6u);
    let wa_base_1 = (2048u + (local_c * 49u));
    let wb_base_1 = (2048u + (local_c * 49u));
    for (var e_1: u32 = lidx; e_1 < 98u; e_1 = e_1 + 64u) {
      var acc_1: f32 = 0.0f;
      if ((e_1 < 49u)) {
        let er_2 = (e_1 / 7u);
        let ec_2 = (e_1 % 7u);
        let placements_2 = (select(0u, 1u, (0u < offset_a_1)) + min((((params.out_h - offset_a_1) + 6u) / 7u), (((params.in_h - offset_a_1) + 6u) / 7u)));
        for (var n_2: u32 = 0u; n_2 < params.batch; n_2 = n_2 + 1u) {
          let plane_2 = ((n_2 * 256u) + wid.x);
          for (var blk_2: u32 = 0u; blk_2 < placements_2; blk_2 = blk_2 + 1u) {
            let is_corner_2 = ((0u < offset_a_1) && (blk_2 < 1u));
            let block_2 = select((blk_2 - select(0u, 1u, (0u < offset_a_1))), 0u, is_corner_2);
            let row0_2 = select((offset_a_1 + (block_2 * 7u)), 0u, is_corner_2);
            let col0_2 = select((offset_a_1 + (block_2 * 7u)), 0u, is_corner_2);
            let k_row0_2 = select(0u, (7u - offset_a_1), is_corner_2);
            let k_col0_2 = select(0u, (7u - offset_a_1), is_corner_2);
            let block_rows_2 = select(min(7u, (params.out_h - row0_2)), offset_a_1, is_corner_2);
            let block_cols_2 = select(min(7u, (params.in_h - col0_2)), offset_a_1, is_corner_2);
            if (((er_2 >= k_row0_2) && (ec_2 >= k_col0_2))) {
              let in_r_2 = (er_2 - k_row0_2);
              let in_j_2 = (ec_2 - k_col0_2);
              if (((in_r_2 < block_rows_2) && (in_j_2 < block_cols_2))) {
                let dy_base_1 = (((plane_2 * params.out_h) + (row0_2 + in_r_2)) * params.out_w);
                let t_base_1 = (((plane_2 * params.in_h) + (col0_2 + in_j_2)) * params.out_w);
                for (var w_1: u32 = 0u; w_1 < params.out_w; w_1 = w_1 + 1u) {
                  acc_1 = (acc_1 + (dy[(dy_base_1 + w_1)] * t[(t_base_1 + w_1)]));
                }
              }
            }
          }
        }
        gwa[(wa_base_1 + e_1)] = acc_1;
      } else {
        let eb_1 = (e_1 - 49u);
        let er_3 = (eb_1 / 7u);
        let ec_3 = (eb_1 % 7u);
        let placements_3 = (select(0u, 1u, (0u < offset_b_1)) + min((((params.in_w - offset_b_1) + 6u) / 7u), (((params.out_w - offset_b_1) + 6u) / 7u)));
        for (var n_3: u32 = 0u; n_3 < params.batch; n_3 = n_3 + 1u) {
          let plane_3 = ((n_3 * 256u) + wid.x);
          for (var blk_3: u32 = 0u; blk_3 < placements_3; blk_3 = blk_3 + 1u) {
            let is_corner_3 = ((0u < offset_b_1) && (blk_3 < 1u));
            let block_3 = select((blk_3 - select(0u, 1u, (0u < offset_b_1))), 0u, is_corner_3);
            let row0_3 = select((offset_b_1 + (block_3 * 7u)), 0u, is_corner_3);
            let col0_3 = select((offset_b_1 + (block_3 * 7u)), 0u, is_corner_3);
            let k_row0_3 = select(0u, (7u - offset_b_1), is_corner_3);
            let k_col0_3 = select(0u, (7u - offset_b_1), is_corner_3);
            let block_rows_3 = select(min(7u, (params.in_w - row0_3)), offset_b_1, is_corner_3);
            let block_cols_3 = select(min(7u, (params.out_w - col0_3)), offset_b_1, is_corner_3);
            if (((er_3 >= k_row0_3) && (ec_3 >= k_col0_3))) {
              let in_r_3 = (er_3 - k_row0_3);
              let in_j_3 = (ec_3 - k_col0_3);
              if (((in_r_3 < block_rows_3) && (in_j_3 < block_cols_3))) {
                let x_base_1 = ((plane_3 * (params.in_h * params.in_w)) + (row0_3 + in_r_3));
                let dt_base_1 = ((plane_3 * (params.in_h * params.out_w)) + (col0_3 + in_j_3));
                for (var h_1: u32 = 0u; h_1 < params.in_h; h_1 = h_1 + 1u) {
                  acc_1 = (acc_1 + (x[(x_base_1 + (h_1 * params.in_w))] * dt[(dt_base_1 + (h_1 * params.out_w))]));
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
