// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":192}]
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
  // channels [0, 192): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (wid.x * 2u);
  let wb_base = (wid.x * 2u);
  for (var e: u32 = lidx; e < 4u; e = e + 64u) {
    var acc: f32 = 0.0f;
    if ((e < 2u)) {
      let er = (e / 2u);
      let ec = (e % 2u);
      let placements = min(params.out_h, ((params.in_h + 1u) / 2u));
      for (var n: u32 = 0u; n < params.batch; n = n + 1u) {
        let plane = ((n * 192u) + wid.x);
        for (var blk: u32 = 0u; blk < placements; blk = blk + 1u) {
          let col0 = (blk * 2u);
          let block_rows = min(1u, (params.out_h - blk));
          let block_cols = min(2u, (params.in_h - col0));
          if (((er >= 0u) && (ec >= 0u))) {
            if (((er < block_rows) && (ec < block_cols))) {
              let dy_base = (((plane * params.out_h) + (blk + er)) * params.out_w);
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
      let eb = (e - 2u);
      let ec_1 = (eb % 1u);
      let placements_1 = min(((params.in_w + 1u) / 2u), params.out_w);
      for (var n_1: u32 = 0u; n_1 < params.batch; n_1 = n_1 + 1u) {
        let plane_1 = ((n_1 * 192u) + wid.x);
        for (var blk_1: u32 = 0u; blk_1 < placements_1; blk_1 = blk_1 + 1u) {
          let row0 = (blk_1 * 2u);
          let block_rows_1 = min(2u, (params.in_w - row0));
          let block_cols_1 = min(1u, (params.out_w - blk_1));
          if (((eb >= 0u) && (ec_1 >= 0u))) {
            if (((eb < block_rows_1) && (ec_1 < block_cols_1))) {
              let x_base = ((plane_1 * (params.in_h * params.in_w)) + (row0 + eb));
              let dt_base = ((plane_1 * (params.in_h * params.out_w)) + (blk_1 + ec_1));
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
}
