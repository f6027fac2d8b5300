// neocc neocell_fwd_t: T = X · B (saved for the weight gradients)
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":192}]
// run-time: batch and spatial sizes (uniforms)

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wb: array<f32>;
@group(0) @binding(2) var<storage, read_write> t: array<f32>;

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
  if ((e >= ((params.batch * 192u) * (params.in_h * params.out_w)))) {
    return;
  }
  let col = (e % params.out_w);
  let rest = (e / params.out_w);
  let row = (rest % params.in_h);
  let plane = (rest / params.in_h);
  let n = (plane / 192u);
  let c = (plane % 192u);
  // channels [0, 192): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (c * 2u);
  let wb_base = (c * 2u);
  let x_row_base = (((plane * params.in_h) + row) * params.in_w);
  let col_in_corner = (col < 0u);
  let col_rel = select(col, 0u, col_in_corner);
  let hit_row0 = select((col_rel * 2u), 0u, col_in_corner);
  let hit_k_row0 = select(0u, 2u, col_in_corner);
  let hit_k_col = select((col_rel % 1u), (1u + col), col_in_corner);
  let hit_rows = select(select(0u, min(2u, (params.in_w - select(0u, hit_row0, (hit_row0 < params.in_w)))), (hit_row0 < params.in_w)), 0u, col_in_corner);
  let x_row = (x_row_base + hit_row0);
  let wb_row = (wb_base + (hit_k_row0 + hit_k_col));
  var acc: f32 = 0.0f;
  if ((0u < hit_rows)) {
    acc = (acc + (x[x_row] * wb[wb_row]));
  }
  if ((1u < hit_rows)) {
    acc = (acc + (x[(x_row + 1u)] * wb[(wb_row + 1u)]));
  }
  t[((((plane * params.in_h) + row) * params.out_w) + col)] = acc;
}
