// neocc neocell_fwd_t: T = X · B (saved for the weight gradients)
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":384},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":384}]
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
  if ((e >= ((params.batch * 768u) * (params.in_h * params.out_w)))) {
    return;
  }
  let col = (e % params.out_w);
  let rest = (e / params.out_w);
  let row = (rest % params.in_h);
  let plane = (rest / params.in_h);
  let n = (plane / 768u);
  let c = (plane % 768u);
  if ((c < 384u)) {
    // channels [0, 384): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((c / 96u), 3u);
    let offset_b = min((c / 96u), 3u);
    let wa_base = (c * 16u);
    let wb_base = (c * 16u);
    let x_row_base = (((plane * params.in_h) + row) * params.in_w);
    let col_in_corner = (col < offset_b);
    let col_rel = select((col - offset_b), 0u, col_in_corner);
    let hit_row0 = select((offset_b + ((col_rel / 4u) * 4u)), 0u, col_in_corner);
    let hit_k_row0 = select(0u, (4u - offset_b), col_in_corner);
    let hit_k_col = select((col_rel % 4u), ((4u - offset_b) + col), col_in_corner);
    let hit_rows = select(select(0u, min(4u, (params.in_w - select(0u, hit_row0, (hit_row0 < params.in_w)))), (hit_row0 < params.in_w)), offset_b, col_in_corner);
    let x_row = (x_row_base + hit_row0);
    let wb_row = (wb_base + ((hit_k_row0 * 4u) + hit_k_col));
    var acc: f32 = 0.0f;
    if ((0u < hit_rows)) {
      acc = (acc + (x[x_row] * wb[wb_row]));
    }
    if ((1u < hit_rows)) {
      acc = (acc + (x[(x_row + 1u)] * wb[(wb_row + 4u)]));
    }
    if ((2u < hit_rows)) {
      acc = (acc + (x[(x_row + 2u)] * wb[(wb_row + 8u)]));
    }
    if ((3u < hit_rows)) {
      acc = (acc + (x[(x_row + 3u)] * wb[(wb_row + 12u)]));
    }
    t[((((plane * params.in_h) + row) * params.out_w) + col)] = acc;
  } else {
    // channels [384, 768): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (c - 384u);
    let offset_a_1 = min((local_c / 54u), 6u);
    let offset_b_1 = min((local_c / 54u), 6u);
    let wa_base_1 = (6144u + (local_c * 49u));
    let wb_base_1 = (6144u + (local_c * 49u));
    let x_row_base_1 = (((plane * params.in_h) + row) * params.in_w);
    let col_in_corner_1 = (col < offset_b_1);
    let col_rel_1 = select((col - offset_b_1), 0u, col_in_corner_1);
    let hit_row0_1 = select((offset_b_1 + ((col_rel_1 / 7u) * 7u)), 0u, col_in_corner_1);
    let hit_k_row0_1 = select(0u, (7u - offset_b_1), col_in_corner_1);
    let hit_k_col_1 = select((col_rel_1 % 7u), ((7u - offset_b_1) + col), col_in_corner_1);
    let hit_rows_1 = select(select(0u, min(7u, (params.in_w - select(0u, hit_row0_1, (hit_row0_1 < params.in_w)))), (hit_row0_1 < params.in_w)), offset_b_1, col_in_corner_1);
    let x_row_1 = (x_row_base_1 + hit_row0_1);
    let wb_row_1 = (wb_base_1 + ((hit_k_row0_1 * 7u) + hit_k_col_1));
    var acc_1: f32 = 0.0f;
    if ((0u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[x_row_1] * wb[wb_row_1]));
    }
    if ((1u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[(x_row_1 + 1u)] * wb[(wb_row_1 + 7u)]));
    }
    if ((2u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[(x_row_1 + 2u)] * wb[(wb_row_1 + 14u)]));
    }
    if ((3u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[(x_row_1 + 3u)] * wb[(wb_row_1 + 21u)]));
    }
    if ((4u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[(x_row_1 + 4u)] * wb[(wb_row_1 + 28u)]));
    }
    if ((5u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[(x_row_1 + 5u)] * wb[(wb_row_1 + 35u)]));
    }
    if ((6u < hit_rows_1)) {
      acc_1 = (acc_1 + (x[(x_row_1 + 6u)] * wb[(wb_row_1 + 42u)]));
    }
    t[((((plane * params.in_h) + row) * params.out_w) + col)] = acc_1;
  }
}
