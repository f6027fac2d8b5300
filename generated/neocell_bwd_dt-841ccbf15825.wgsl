// neocc neocell_bwd_dt: dT = Aᵀ · dY
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":192},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":192}]
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
  if ((e >= ((params.batch * 384u) * (params.in_h * params.out_w)))) {
    return;
  }
  let col = (e % params.out_w);
  let rest = (e / params.out_w);
  let row = (rest % params.in_h);
  let plane = (rest / params.in_h);
  let n = (plane / 384u);
  let c = (plane % 384u);
  if ((c < 192u)) {
    // channels [0, 192): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((c / 48u), 3u);
    let offset_b = min((c / 48u), 3u);
    let wa_base = (c * 16u);
    let wb_base = (c * 16u);
    let col_in_corner = (row < offset_a);
    let col_rel = select((row - offset_a), 0u, col_in_corner);
    let hit_row0 = select((offset_a + ((col_rel / 4u) * 4u)), 0u, col_in_corner);
    let hit_k_row0 = select(0u, (4u - offset_a), col_in_corner);
    let hit_k_col = select((col_rel % 4u), ((4u - offset_a) + row), col_in_corner);
    let hit_rows = select(select(0u, min(4u, (params.out_h - select(0u, hit_row0, (hit_row0 < params.out_h)))), (hit_row0 < params.out_h)), offset_a, col_in_corner);
    let wa_col = (wa_base + ((hit_k_row0 * 4u) + hit_k_col));
    let dy_base = ((((plane * params.out_h) + hit_row0) * params.out_w) + col);
    var acc: f32 = 0.0f;
    if ((0u < hit_rows)) {
      acc = (acc + (wa[wa_col] * dy[dy_base]));
    }
    if ((1u < hit_rows)) {
      acc = (acc + (wa[(wa_col + 4u)] * dy[(dy_base + params.out_w)]));
    }
    if ((2u < hit_rows)) {
      acc = (acc + (wa[(wa_col + 8u)] * dy[(dy_base + (2u * params.out_w))]));
    }
    if ((3u < hit_rows)) {
      acc = (acc + (wa[(wa_col + 12u)] * dy[(dy_base + (3u * params.out_w))]));
    }
    dt[((((plane * params.in_h) + row) * params.out_w) + col)] = acc;
  } else {
    // channels [192, 384): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (c - 192u);
    let offset_a_1 = min((local_c / 27u), 6u);
    let offset_b_1 = min((local_c / 27u), 6u);
    let wa_base_1 = (3072u + (local_c * 49u));
    let wb_base_1 = (3072u + (local_c * 49u));
    let col_in_corner_1 = (row < offset_a_1);
    let col_rel_1 = select((row - offset_a_1), 0u, col_in_corner_1);
    let hit_row0_1 = select((offset_a_1 + ((col_rel_1 / 7u) * 7u)), 0u, col_in_corner_1);
    let hit_k_row0_1 = select(0u, (7u - offset_a_1), col_in_corner_1);
    let hit_k_col_1 = select((col_rel_1 % 7u), ((7u - offset_a_1) + row), col_in_corner_1);
    let hit_rows_1 = select(select(0u, min(7u, (params.out_h - select(0u, hit_row0_1, (hit_row0_1 < params.out_h)))), (hit_row0_1 < params.out_h)), offset_a_1, col_in_corner_1);
    let wa_col_1 = (wa_base_1 + ((hit_k_row0_1 * 7u) + hit_k_col_1));
    let dy_base_1 = ((((plane * params.out_h) + hit_row0_1) * params.out_w) + col);
    var acc_1: f32 = 0.0f;
    if ((0u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[wa_col_1] * dy[dy_base_1]));
    }
    if ((1u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 7u)] * dy[(dy_base_1 + params.out_w)]));
    }
    if ((2u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 14u)] * dy[(dy_base_1 + (2u * params.out_w))]));
    }
    if ((3u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 21u)] * dy[(dy_base_1 + (3u * params.out_w))]));
    }
    if ((4u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 28u)] * dy[(dy_base_1 + (4u * params.out_w))]));
    }
    if ((5u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 35u)] * dy[(dy_base_1 + (5u * params.out_w))]));
    }
    if ((6u < hit_rows_1)) {
      acc_1 = (acc_1 + (wa[(wa_col_1 + 42u)] * dy[(dy_base_1 + (6u * params.out_w))]));
    }
    dt[((((plane * params.in_h) + row) * params.out_w) + col)] = acc_1;
  }
}
