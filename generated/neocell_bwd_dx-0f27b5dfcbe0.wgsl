// neocc neocell_bwd_dx: dX = dT · Bᵀ
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":192}]
// run-time: batch and spatial sizes (uniforms)

@group(0) @binding(0) var<storage, read> dt: array<f32>;
@group(0) @binding(1) var<storage, read> wb: array<f32>;
@group(0) @binding(2) var<storage, read_write> dx: array<f32>;

struct Params {
  batch: u32,
  in_h: u32,
  in_w: u32,
  out_h: u32,
  out_w: u32,
}
@group(0) @binding(3) var<uniform> params: Params;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let e = ((((wid.y * nwg.x) + wid.x) * 64u) + lidx);
  if ((e >= ((params.batch * 192u) * (params.in_h * params.in_w)))) {
    return;
  }
  let col = (e % params.in_w);
  let rest = (e / params.in_w);
  let row = (rest % params.in_h);
  let plane = (rest / params.in_h);
  let n = (plane / 192u);
  let c = (plane % 192u);
  // channels [0, 192): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (c * 2u);
  let wb_base = (c * 2u);
  let row_in_corner = (col < 0u);
  let row_rel = select(col, 0u, row_in_corner);
  let hit_col0 = select((row_rel / 2u), 0u, row_in_corner);
  let hit_k_col0 = select(0u, 1u, row_in_corner);
  let hit_k_row = select((row_rel % 2u), (2u + col), row_in_corner);
  let hit_cols = select(select(0u, min(1u, (params.out_w - select(0u, hit_col0, (hit_col0 < params.out_w)))), (hit_col0 < params.out_w)), 0u, row_in_corner);
  let wb_row = (wb_base + (hit_k_row + hit_k_col0));
  let dt_base = ((((plane * params.in_h) + row) * params.out_w) + hit_col0);
  var acc: f32 = 0.0f;
  if ((0u < hit_cols)) {
    acc = (acc + (dt[dt_base] * wb[wb_row]));
  }
  dx[((((plane * params.in_h) + row) * params.in_w) + col)] = acc;
}
