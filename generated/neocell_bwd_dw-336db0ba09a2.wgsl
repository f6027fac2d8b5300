// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":0,"shiftB":0,"channels":512},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":0,"shiftB":0,"channels":512}]
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
  if ((wid.x < 512u)) {
    // channels [0, 512): weight_a 4x4 shift 0, weight_b 4x4 shift 0
    let wa_base = (wid.x * 16u);
    let wb_base = (wid.x * 16u);
    for (var e: u32 = lidx; e < 32u; e = e + 64u) {
      var acc: f32 = 0.0f;
      if ((e < 16u)) {
        let er = (e / 4u);
        let ec = (e % 4u);
        let placements = min(((params.out_h + 3u) / 4u), ((params.in_h + 3u) / 4u));
        for (var n: u32 = 0u; n < params.batch; n = n + 1u) {
          let plane = ((n * 1024u) + wid.x);
          for (var blk: u32 = 0u; blk < placements; blk = blk + 1u) {
            let row0 = (blk * 4u);
            let col0 = (blk * 4u);
            let block_rows = min(4u, (params.out_h - row0));
            let block_cols = min(4u, (params.in_h - col0));
            if (((er >= 0u) && (ec >= 0u))) {
              if (((er < block_rows) && (ec < block_cols))) {
                let dy_base = (((plane * params.out_h) + (row0 + er)) * params.out_w);
                let t_base = (((plane * params.in_h) + (col0 + ec)) * params.out_w);
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
        let placements_1 = min(((params.in_w + 3u) / 4u), ((params.out_w + 3u) / 4u));
        for (var n_1: u32 = 0u; n_1 < params.batch; n_1 = n_1 + 1u) {
          let plane_1 = ((n_1 * 1024u) + wid.x);
          for (var blk_1: u32 = 0u; blk_1 < placements_1; blk_1 = blk_1 + 1u) {
            let row0_1 = (blk_1 * 4u);
            let col0_1 = (blk_1 * 4u);
            let block_rows_1 = min(4u, (params.in_w - row0_1));
            let block_cols_1 = min(4u, (params.out_w - col0_1));
            if (((er_1 >= 0u) && (ec_1 >= 0u))) {
              if (((er_1 < block_rows_1) && (ec_1 < block_cols_1))) {
                let x_base = ((plane_1 * (params.in_h * params.in_w)) + (row0_1 + er_1));
                let dt_base = ((plane_1 * (params.in_h * params.out_w)) + (col0_1 + ec_1));
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
    // channels [512, 1024): weight_a 7x7 shift 0, weight_b 7x7 shift 0
    let local_c = (wid.x - 512u);
    let wa_base_1 = (8192u + (local_c * 49u));
    let wb_base_1 = (8192u + (local_c * 49u));
    for (var e_1: u32 = lidx; e_1 < 98u; e_1 = e_1 + 64u) {
      var acc_1: f32 = 0.0f;
      if ((e_1 < 49u)) {
        let er_2 = (e_1 / 7u);
        let ec_2 = (e_1 % 7u);
        let placements_2 = min(((params.out_h + 6u) / 7u), ((params.in_h + 6u) / 7u));
        for (var n_2: u32 = 0u; n_2 < params.batch; n_2 = n_2 + 1u) {
          let plane_2 = ((n_2 * 1024u) + wid.x);
          for (var blk_2: u32 = 0u; blk_2 < placements_2; blk_2 = blk_2 + 1u) {
            let row0_2 = (blk_2 * 7u);
            let col0_2 = (blk_2 * 7u);
            let block_rows_2 = min(7u, (params.out_h - row0_2));
            let block_cols_2 = min(7u, (params.in_h - col0_2));
            if (((er_2 >= 0u) && (ec_2 >= 0u))) {
              if (((er_2 < block_rows_2) && (ec_2 < block_cols_2))) {
                let dy_base_1 = (((plane_2 * params.out_h) + (row0_2 + er_2)) * params.out_w);
                let t_base_1 = (((plane_2 * params.in_h) + (col0_2 + ec_2)) * params.out_w);
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
        let placements_3 = min(((params.in_w + 6u) / 7u), ((params.out_w + 6u) / 7u));
        for (var n_3: u32 = 0u; n_3 < params.batch; n_3 = n_3 + 1u) {
          let plane_3 = ((n_3 * 1024u) + wid.x);
          for (var blk_3: u32 = 0u; blk_3 < placements_3; blk_3 = blk_3 + 1u) {
            let row0_3 = (blk_3 * 7u);
            let col0_3 = (blk_3 * 7u);
            let block_rows_3 = min(7u, (params.in_w - row0_3));
            let block_cols_3 = min(7u, (params.out_w - col0_3));
            if (((er_3 >= 0u) && (ec_3 >= 0u))) {
              if (((er_3 < block_rows_3) && (ec_3 < block_cols_3))) {
                let x_base_1 = ((plane_3 * (params.in_h * params.in_w)) + (row0_3 + er_3));
                let dt_base_1 = ((plane_3 * (params.in_h * params.out_w)) + (col0_3 + ec_3));
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
