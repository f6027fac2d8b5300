// neocc neocell_bwd_dx: dX = dT · Bᵀ
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":64},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":64}]
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
  if ((e >= ((params.batch * 128u) * (params.in_h * params.in_w)))) {
    return;
  }
  let col = (e % params.in_w);
  let rest = (e / params.in_w);
  let row = (rest % params.in_h);
  let plane = (rest / params.in_h);
  let n = (plane / 128u);
  let c = (plane % 128u);
  if ((c < 64u)) {
    // channels [0, 64): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((c / 16u), 3u);
    let offset_b = min((c / 16u), 3u);
    let wa_base = (c * 16u);
    let wb_base = (c * 16u);
    let row_in_corner = (col < offset_b);
    let row_rel = select((col - offset_b), 0u, row_in_corner);
    let hit_col0 = select((offset_b + ((row_rel / 4u) * 4u)), 0u, row_in_corner);
    let hit_k_col0 = select(0u, (4u - offset_b), row_in_corner);
    let hit_k_row = select((row_rel % 4u), ((4u - offset_b) + col), row_in_corner);
    let hit_cols = select(select(0u, min(4u, (params.out_w - select(0u, hit_col0, (hit_col0 < params.out_w)))), (hit_col0 < params.out_w)), offset_b, row_in_corner);
    let wb_row = (wb_base + ((hit_k_row * 4u) + hit_k_col0));
    let dt_base = ((((plane * params.in_h) + row) * params.out_w) + hit_col0);
    var acc: f32 = 0.0f;
    if ((0u < hit_cols)) {
      acc = (acc + (dt[dt_base] * wb[wb_row]));
    }
    if ((1u < hit_cols)) {
      acc = (acc + (dt[(dt_base + 1u)] * wb[(wb_row + 1u)]));
    }
    if ((2u < hit_cols)) {
      acc = (acc + (dt[(dt_base + 2u)] * wb[(wb_row + 2u)]));
    }
    if ((3u < hit_cols)) {
      acc = (acc + (dt[(dt_base + 3u)] * wb[(wb_row + 3u)]));
    }
    dx[((((plane * params.in_h) + row) * params.in_w) + col)] = acc;
  } else {
    // channels [64, 128): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (c - 64u);
    let offset_a_1 = min((local_c / 9u), 6u);
    let offset_b_1 = min((local_c / 9u), 6u);
    let wa_base_1 = (1024u + (local_c * 49u));
    let wb_base_1 = (1024u + (local_c * 49u));
    let row_in_corner_1 = (col < offset_b_1);
    let row_rel_1 = select((col - offset_b_1), 0u, row_in_corner_1);
    let hit_col0_1 = select((offset_b_1 + ((row_rel_1 / 7u) * 7u)), 0u, row_in_corner_1);
    let hit_k_col0_1 = select(0u, (7u - offset_b_1), row_in_corner_1);
    let hit_k_row_1 = select((row_rel_1 % 7u), ((7u - offset_b_1) + col), row_in_corner_1);
    let hit_cols_1 = select(select(0u, min(7u, (params.out_w - select(0u, hit_col0_1, (hit_col0_1 < params.out_w)))), (hit_col0_1 < params.out_w)), offset_b_1, row_in_corner_1);
    let wb_row_1 = (wb_base_1 + ((hit_k_row_1 * 7u) + hit_k_col0_1));
    let dt_base_1 = ((((plane * params.in_h) + row) * params.out_w) + hit_col0_1);
    var acc_1: f32 = 0.0f;
    if ((0u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[dt_base_1] * wb[wb_row_1]));
    }
    if ((1u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 1u)] * wb[(wb_row_1 + 1u)]));
    }
    if ((2u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 2u)] * wb[(wb_row_1 + 2u)]));
    }
    if ((3u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 3u)] * wb[(wb_row_1 + 3u)]));
    }
    if ((4u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 4u)] * wb[(wb_row_1 + 4u)]));
    }
    if ((5u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 5u)] * wb[(wb_row_1 + 5u)]));
    }
    if ((6u < hit_cols_1)) {
      acc_1 = (acc_1 + (dt[(dt_base_1 + 6u)] * wb[(wb_row_1 + 6u)]));
    }
    dx[((((plane * params.in_h) + row) * params.in_w) + col)] = acc_1;
  }
}
