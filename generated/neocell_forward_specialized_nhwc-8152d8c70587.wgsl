// neocc neocell_forward_specialized_nhwc: y = NeoCell(x), NHWC output, tile 2x64, workgroup 64
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":512}]
// run-time: batch and spatial sizes (uniforms)

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wa: array<f32>;
@group(0) @binding(2) var<storage, read> wb: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

struct Params {
  batch: u32,
  in_h: u32,
  in_w: u32,
  out_h: u32,
  out_w: u32,
  col_tiles: u32,
}
@group(0) @binding(4) var<uniform> params: Params;
var<workgroup> t_tile: array<f32, 128>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let band = (wid.x / params.col_tiles);
  let tile = (wid.x % params.col_tiles);
  // channels [0, 512): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (wid.y * 2u);
  let wb_base = (wid.y * 2u);
  let placements = min(params.out_h, ((params.in_h + 1u) / 2u));
  if ((band >= placements)) {
    return;
  }
  let col0 = (band * 2u);
  let block_rows = min(1u, (params.out_h - band));
  let block_cols = min(2u, (params.in_h - col0));
  let t0 = (tile * 64u);
  let tile_w = min(64u, (params.out_w - t0));
  let plane = ((wid.z * 512u) + wid.y);
  let x_base = (plane * (params.in_h * params.in_w));
  // stage 1: T tile = X · B for the input rows this A block reads
  for (var e: u32 = lidx; e < (block_cols * tile_w); e = e + 64u) {
    let j = (e / tile_w);
    let wl = (e % tile_w);
    let x_row_base = (x_base + ((col0 + j) * params.in_w));
    let col_in_corner = ((t0 + wl) < 0u);
    let col_rel = select((t0 + wl), 0u, col_in_corner);
    let hit_row0 = select((col_rel * 2u), 0u, col_in_corner);
    let hit_k_row0 = select(0u, 2u, col_in_corner);
    let hit_k_col = select((col_rel % 1u), (1u + (t0 + wl)), col_in_corner);
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
    t_tile[((j * 64u) + wl)] = acc;
  }
  workgroupBarrier();
  // stage 2: Y rows of this A block = Wa · T tile
  for (var e_1: u32 = lidx; e_1 < (block_rows * tile_w); e_1 = e_1 + 64u) {
    let r = (e_1 / tile_w);
    let wl_1 = (e_1 % tile_w);
    let wa_row = (wa_base + (r * 2u));
    var acc_1: f32 = 0.0f;
    if ((0u < block_cols)) {
      acc_1 = (acc_1 + (wa[wa_row] * t_tile[wl_1]));
    }
    if ((1u < block_cols)) {
      acc_1 = (acc_1 + (wa[(wa_row + 1u)] * t_tile[(64u + wl_1)]));
    }
    let y_row = (band + r);
    let y_col = (t0 + wl_1);
    y[((((((wid.z * params.out_h) + y_row) * params.out_w) + y_col) * 512u) + wid.y)] = acc_1;
  }
}
