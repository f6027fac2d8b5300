// neocc neocell_bwd_dt: dT = Aᵀ · dY
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":768}]
// run-time: batch and spatial sizes (uniforms)

@group(0) @binding(0) var<storage, read> dy: array<f32>;
@group(0) @binding(1) var<storage, read> wa: array<f32>;
@group(0) @binding(2) var<storage, read_write> dt: array<f32>;

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
  if ((e >= ((params.batch * 768u) * (params.in_h * params.out_w)))) {
    return;
  }
  let col = (e % params.out_w);
  let rest = (e / params.out_w);
  let row = (rest % params.in_h);
  let plane = (rest / params.in_h);
  let n = (plane / 768u);
  let c = (plane % 768u);
  // channels [0, 768): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (c * 2u);
  let wb_base = (c * 2u);
  let col_in_corner = (row < 0u);
  let col_rel = select(row, 0u, col_in_corner);
  let hit_row0 = select((col_rel / 2u), 0u, col_in_corner);
  let hit_k_row0 = select(0u, 1u, col_in_corner);
  let hit_k_col = select((col_rel % 2u), (2u + row), col_in_corner);
  let hit_rows = select(select(0u, min(1u, (params.out_h - select(0u, hit_row0, (hit_row0 < params.out_h)))), (hit_row0 < params.out_h)), 0u, col_in_corner);
  let wa_col = (wa_base + ((hit_k_row0 * 2u) + hit_k_col));
  let dy_base = ((((plane * params.out_h) + hit_row0) * params.out_w) + col);
  var acc: f32 = 0.0f;
  if ((0u < hit_rows)) {
    acc = (acc + (wa[wa_col] * dy[dy_base]));
  }
  dt[((((plane * params.in_h) + row) * params.out_w) + col)] = acc;
}
