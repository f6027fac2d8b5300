// neocc neocell_forward_tiles_nhwc: y = NeoCell(x), NHWC output, one output block per invocation, workgroup 64
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":96},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":96}]
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
}
@group(0) @binding(4) var<uniform> params: Params;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let tile = ((wid.x * 64u) + lidx);
  if ((wid.y < 96u)) {
    // channels [0, 96): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((wid.y / 24u), 3u);
    let offset_b = min((wid.y / 24u), 3u);
    let wa_base = (wid.y * 16u);
    let wb_base = (wid.y * 16u);
    let placements = (select(0u, 1u, (0u < offset_a)) + min((((params.out_h - offset_a) + 3u) / 4u), (((params.in_h - offset_a) + 3u) / 4u)));
    let placements_1 = (select(0u, 1u, (0u < offset_b)) + min((((params.in_w - offset_b) + 3u) / 4u), (((params.out_w - offset_b) + 3u) / 4u)));
    let pa = (tile / placements_1);
    if ((pa >= placements)) {
      return;
    }
    let pb = (tile % placements_1);
    let y_row_start = (offset_a + (((pa + 1u) - select(0u, 1u, (0u < offset_a))) * 4u));
    let y_row_last = (params.out_h - 1u);
    let y_row_ok = ((y_row_start >= 4u) && (y_row_start < (params.out_h + 4u)));
    let y_row_at = min((max(y_row_start, 4u) - 4u), y_row_last);
    let y_row_pos = (y_row_start + 1u);
    let y_row_ok_1 = ((y_row_pos >= 4u) && (y_row_pos < (params.out_h + 4u)));
    let y_row_at_1 = min((max(y_row_pos, 4u) - 4u), y_row_last);
    let y_row_pos_1 = (y_row_start + 2u);
    let y_row_ok_2 = ((y_row_pos_1 >= 4u) && (y_row_pos_1 < (params.out_h + 4u)));
    let y_row_at_2 = min((max(y_row_pos_1, 4u) - 4u), y_row_last);
    let y_row_pos_2 = (y_row_start + 3u);
    let y_row_ok_3 = ((y_row_pos_2 >= 4u) && (y_row_pos_2 < (params.out_h + 4u)));
    let y_row_at_3 = min((max(y_row_pos_2, 4u) - 4u), y_row_last);
    let x_row_start = (offset_a + (((pa + 1u) - select(0u, 1u, (0u < offset_a))) * 4u));
    let x_row_last = (params.in_h - 1u);
    let x_col_start = (offset_b + (((pb + 1u) - select(0u, 1u, (0u < offset_b))) * 4u));
    let x_col_last = (params.in_w - 1u);
    let x_col_ok = ((x_col_start >= 4u) && (x_col_start < (params.in_w + 4u)));
    let x_col_at = min((max(x_col_start, 4u) - 4u), x_col_last);
    let x_col_pos = (x_col_start + 1u);
    let x_col_ok_1 = ((x_col_pos >= 4u) && (x_col_pos < (params.in_w + 4u)));
    let x_col_at_1 = min((max(x_col_pos, 4u) - 4u), x_col_last);
    let x_col_pos_1 = (x_col_start + 2u);
    let x_col_ok_2 = ((x_col_pos_1 >= 4u) && (x_col_pos_1 < (params.in_w + 4u)));
    let x_col_at_2 = min((max(x_col_pos_1, 4u) - 4u), x_col_last);
    let x_col_pos_2 = (x_col_start + 3u);
    let x_col_ok_3 = ((x_col_pos_2 >= 4u) && (x_col_pos_2 < (params.in_w + 4u)));
    let x_col_at_3 = min((max(x_col_pos_2, 4u) - 4u), x_col_last);
    let y_col_start = (offset_b + (((pb + 1u) - select(0u, 1u, (0u < offset_b))) * 4u));
    let y_col_last = (params.out_w - 1u);
    let y_col_ok = ((y_col_start >= 4u) && (y_col_start < (params.out_w + 4u)));
    let y_col_at = min((max(y_col_start, 4u) - 4u), y_col_last);
    let y_col_pos = (y_col_start + 1u);
    let y_col_ok_1 = ((y_col_pos >= 4u) && (y_col_pos < (params.out_w + 4u)));
    let y_col_at_1 = min((max(y_col_pos, 4u) - 4u), y_col_last);
    let y_col_pos_1 = (y_col_start + 2u);
    let y_col_ok_2 = ((y_col_pos_1 >= 4u) && (y_col_pos_1 < (params.out_w + 4u)));
    let y_col_at_2 = min((max(y_col_pos_1, 4u) - 4u), y_col_last);
    let y_col_pos_2 = (y_col_start + 3u);
    let y_col_ok_3 = ((y_col_pos_2 >= 4u) && (y_col_pos_2 < (params.out_w + 4u)));
    let y_col_at_3 = min((max(y_col_pos_2, 4u) - 4u), y_col_last);
    // B weights: the whole 4x4 kernel of this channel (the same for all its blocks: uniform loads)
    let wb_0_0 = wb[wb_base];
    let wb_0_1 = wb[(wb_base + 1u)];
    let wb_0_2 = wb[(wb_base + 2u)];
    let wb_0_3 = wb[(wb_base + 3u)];
    let wb_1_0 = wb[(wb_base + 4u)];
    let wb_1_1 = wb[(wb_base + 5u)];
    let wb_1_2 = wb[(wb_base + 6u)];
    let wb_1_3 = wb[(wb_base + 7u)];
    let wb_2_0 = wb[(wb_base + 8u)];
    let wb_2_1 = wb[(wb_base + 9u)];
    let wb_2_2 = wb[(wb_base + 10u)];
    let wb_2_3 = wb[(wb_base + 11u)];
    let wb_3_0 = wb[(wb_base + 12u)];
    let wb_3_1 = wb[(wb_base + 13u)];
    let wb_3_2 = wb[(wb_base + 14u)];
    let wb_3_3 = wb[(wb_base + 15u)];
    let plane = (((wid.z * 192u) + wid.y) * (params.in_h * params.in_w));
    var acc_0_0: f32 = 0.0f;
    var acc_0_1: f32 = 0.0f;
    var acc_0_2: f32 = 0.0f;
    var acc_0_3: f32 = 0.0f;
    var acc_1_0: f32 = 0.0f;
    var acc_1_1: f32 = 0.0f;
    var acc_1_2: f32 = 0.0f;
    var acc_1_3: f32 = 0.0f;
    var acc_2_0: f32 = 0.0f;
    var acc_2_1: f32 = 0.0f;
    var acc_2_2: f32 = 0.0f;
    var acc_2_3: f32 = 0.0f;
    var acc_3_0: f32 = 0.0f;
    var acc_3_1: f32 = 0.0f;
    var acc_3_2: f32 = 0.0f;
    var acc_3_3: f32 = 0.0f;
    for (var h: u32 = 0u; h < 4u; h = h + 1u) {
      // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
      let x_row_pos = (x_row_start + h);
      let x_row_ok = ((x_row_pos >= 4u) && (x_row_pos < (params.in_h + 4u)));
      let x_row_at = min((max(x_row_pos, 4u) - 4u), x_row_last);
      let x_row_base = (plane + (x_row_at * params.in_w));
      let x_0 = select(0.0f, x[(x_row_base + x_col_at)], (x_row_ok && x_col_ok));
      let x_1 = select(0.0f, x[(x_row_base + x_col_at_1)], (x_row_ok && x_col_ok_1));
      let x_2 = select(0.0f, x[(x_row_base + x_col_at_2)], (x_row_ok && x_col_ok_2));
      let x_3 = select(0.0f, x[(x_row_base + x_col_at_3)], (x_row_ok && x_col_ok_3));
      let wa_0 = wa[(wa_base + h)];
      let wa_1 = wa[(wa_base + (4u + h))];
      let wa_2 = wa[(wa_base + (8u + h))];
      let wa_3 = wa[(wa_base + (12u + h))];
      let t_0 = ((((x_0 * wb_0_0) + (x_1 * wb_1_0)) + (x_2 * wb_2_0)) + (x_3 * wb_3_0));
      acc_0_0 = (acc_0_0 + (wa_0 * t_0));
      acc_1_0 = (acc_1_0 + (wa_1 * t_0));
      acc_2_0 = (acc_2_0 + (wa_2 * t_0));
      acc_3_0 = (acc_3_0 + (wa_3 * t_0));
      let t_1 = ((((x_0 * wb_0_1) + (x_1 * wb_1_1)) + (x_2 * wb_2_1)) + (x_3 * wb_3_1));
      acc_0_1 = (acc_0_1 + (wa_0 * t_1));
      acc_1_1 = (acc_1_1 + (wa_1 * t_1));
      acc_2_1 = (acc_2_1 + (wa_2 * t_1));
      acc_3_1 = (acc_3_1 + (wa_3 * t_1));
      let t_2 = ((((x_0 * wb_0_2) + (x_1 * wb_1_2)) + (x_2 * wb_2_2)) + (x_3 * wb_3_2));
      acc_0_2 = (acc_0_2 + (wa_0 * t_2));
      acc_1_2 = (acc_1_2 + (wa_1 * t_2));
      acc_2_2 = (acc_2_2 + (wa_2 * t_2));
      acc_3_2 = (acc_3_2 + (wa_3 * t_2));
      let t_3 = ((((x_0 * wb_0_3) + (x_1 * wb_1_3)) + (x_2 * wb_2_3)) + (x_3 * wb_3_3));
      acc_0_3 = (acc_0_3 + (wa_0 * t_3));
      acc_1_3 = (acc_1_3 + (wa_1 * t_3));
      acc_2_3 = (acc_2_3 + (wa_2 * t_3));
      acc_3_3 = (acc_3_3 + (wa_3 * t_3));
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    if ((y_row_ok && y_col_ok)) {
      y[((((((wid.z * params.out_h) + y_row_at) * params.out_w) + y_col_at) * 192u) + wid.y)] = acc_0_0;
    }
    if ((y_row_ok && y_col_ok_1)) {
      y[((((((wid.z * params.out_h) + y_row_at) * params.out_w) + y_col_at_1) * 192u) + wid.y)] = acc_0_1;
    }
    if ((y_row_ok && y_col_ok_2)) {
      y[((((((wid.z * params.out_h) + y_row_at) * params.out_w) + y_col_at_2) * 192u) + wid.y)] = acc_0_2;
    }
    if ((y_row_ok && y_col_ok_3)) {
      y[((((((wid.z * params.out_h) + y_row_at) * params.out_w) + y_col_at_3) * 192u) + wid.y)] = acc_0_3;
    }
    if ((y_row_ok_1 && y_col_ok)) {
      y[((((((wid.z * params.out_h) + y_row_at_1) * params.out_w) + y_col_at) * 192u) + wid.y)] = acc_1_0;
    }
    if ((y_row_ok_1 && y_col_ok_1)) {
      y[((((((wid.z * params.out_h) + y_row_at_1) * params.out_w) + y_col_at_1) * 192u) + wid.y)] = acc_1_1;
    }
    if ((y_row_ok_1 && y_col_ok_2)) {
      y[((((((wid.z * params.out_h) + y_row_at_1) * params.out_w) + y_col_at_2) * 192u) + wid.y)] = acc_1_2;
    }
    if ((y_row_ok_1 && y_col_ok_3)) {
      y[((((((wid.z * params.out_h) + y_row_at_1) * params.out_w) + y_col_at_3) * 192u) + wid.y)] = acc_1_3;
    }
    if ((y_row_ok_2 && y_col_ok)) {
      y[((((((wid.z * params.out_h) + y_row_at_2) * params.out_w) + y_col_at) * 192u) + wid.y)] = acc_2_0;
    }
    if ((y_row_ok_2 && y_col_ok_1)) {
      y[((((((wid.z * params.out_h) + y_row_at_2) * params.out_w) + y_col_at_1) * 192u) + wid.y)] = acc_2_1;
    }
    if ((y_row_ok_2 && y_col_ok_2)) {
      y[((((((wid.z * params.out_h) + y_row_at_2) * params.out_w) + y_col_at_2) * 192u) + wid.y)] = acc_2_2;
    }
    if ((y_row_ok_2 && y_col_ok_3)) {
      y[((((((wid.z * params.out_h) + y_row_at_2) * params.out_w) + y_col_at_3) * 192u) + wid.y)] = acc_2_3;
    }
    if ((y_row_ok_3 && y_col_ok)) {
      y[((((((wid.z * params.out_h) + y_row_at_3) * params.out_w) + y_col_at) * 192u) + wid.y)] = acc_3_0;
    }
    if ((y_row_ok_3 && y_col_ok_1)) {
      y[((((((wid.z * params.out_h) + y_row_at_3) * params.out_w) + y_col_at_1) * 192u) + wid.y)] = acc_3_1;
    }
    if ((y_row_ok_3 && y_col_ok_2)) {
      y[((((((wid.z * params.out_h) + y_row_at_3) * params.out_w) + y_col_at_2) * 192u) + wid.y)] = acc_3_2;
    }
    if ((y_row_ok_3 && y_col_ok_3)) {
      y[((((((wid.z * params.out_h) + y_row_at_3) * params.out_w) + y_col_at_3) * 192u) + wid.y)] = acc_3_3;
    }
  } else {
    // channels [96, 192): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (wid.y - 96u);
    let offset_a_1 = min((local_c / 13u), 6u);
    let offset_b_1 = min((local_c / 13u), 6u);
    let wa_base_1 = (1536u + (local_c * 49u));
    let wb_base_1 = (1536u + (local_c * 49u));
    let placements_2 = (select(0u, 1u, (0u < offset_a_1)) + min((((params.out_h - offset_a_1) + 6u) / 7u), (((params.in_h - offset_a_1) + 6u) / 7u)));
    let placements_3 = (select(0u, 1u, (0u < offset_b_1)) + min((((params.in_w - offset_b_1) + 6u) / 7u), (((params.out_w - offset_b_1) + 6u) / 7u)));
    let pa_1 = (tile / placements_3);
    if ((pa_1 >= placements_2)) {
      return;
    }
    let pb_1 = (tile % placements_3);
    let y_row_start_1 = (offset_a_1 + (((pa_1 + 1u) - select(0u, 1u, (0u < offset_a_1))) * 7u));
    let y_row_last_1 = (params.out_h - 1u);
    let y_row_ok_4 = ((y_row_start_1 >= 7u) && (y_row_start_1 < (params.out_h + 7u)));
    let y_row_at_4 = min((max(y_row_start_1, 7u) - 7u), y_row_last_1);
    let y_row_pos_3 = (y_row_start_1 + 1u);
    let y_row_ok_5 = ((y_row_pos_3 >= 7u) && (y_row_pos_3 < (params.out_h + 7u)));
    let y_row_at_5 = min((max(y_row_pos_3, 7u) - 7u), y_row_last_1);
    let y_row_pos_4 = (y_row_start_1 + 2u);
    let y_row_ok_6 = ((y_row_pos_4 >= 7u) && (y_row_pos_4 < (params.out_h + 7u)));
    let y_row_at_6 = min((max(y_row_pos_4, 7u) - 7u), y_row_last_1);
    let y_row_pos_5 = (y_row_start_1 + 3u);
    let y_row_ok_7 = ((y_row_pos_5 >= 7u) && (y_row_pos_5 < (params.out_h + 7u)));
    let y_row_at_7 = min((max(y_row_pos_5, 7u) - 7u), y_row_last_1);
    let y_row_pos_6 = (y_row_start_1 + 4u);
    let y_row_ok_8 = ((y_row_pos_6 >= 7u) && (y_row_pos_6 < (params.out_h + 7u)));
    let y_row_at_8 = min((max(y_row_pos_6, 7u) - 7u), y_row_last_1);
    let y_row_pos_7 = (y_row_start_1 + 5u);
    let y_row_ok_9 = ((y_row_pos_7 >= 7u) && (y_row_pos_7 < (params.out_h + 7u)));
    let y_row_at_9 = min((max(y_row_pos_7, 7u) - 7u), y_row_last_1);
    let y_row_pos_8 = (y_row_start_1 + 6u);
    let y_row_ok_10 = ((y_row_pos_8 >= 7u) && (y_row_pos_8 < (params.out_h + 7u)));
    let y_row_at_10 = min((max(y_row_pos_8, 7u) - 7u), y_row_last_1);
    let x_row_start_1 = (offset_a_1 + (((pa_1 + 1u) - select(0u, 1u, (0u < offset_a_1))) * 7u));
    let x_row_last_1 = (params.in_h - 1u);
    let x_col_start_1 = (offset_b_1 + (((pb_1 + 1u) - select(0u, 1u, (0u < offset_b_1))) * 7u));
    let x_col_last_1 = (params.in_w - 1u);
    let x_col_ok_4 = ((x_col_start_1 >= 7u) && (x_col_start_1 < (params.in_w + 7u)));
    let x_col_at_4 = min((max(x_col_start_1, 7u) - 7u), x_col_last_1);
    let x_col_pos_3 = (x_col_start_1 + 1u);
    let x_col_ok_5 = ((x_col_pos_3 >= 7u) && (x_col_pos_3 < (params.in_w + 7u)));
    let x_col_at_5 = min((max(x_col_pos_3, 7u) - 7u), x_col_last_1);
    let x_col_pos_4 = (x_col_start_1 + 2u);
    let x_col_ok_6 = ((x_col_pos_4 >= 7u) && (x_col_pos_4 < (params.in_w + 7u)));
    let x_col_at_6 = min((max(x_col_pos_4, 7u) - 7u), x_col_last_1);
    let x_col_pos_5 = (x_col_start_1 + 3u);
    let x_col_ok_7 = ((x_col_pos_5 >= 7u) && (x_col_pos_5 < (params.in_w + 7u)));
    let x_col_at_7 = min((max(x_col_pos_5, 7u) - 7u), x_col_last_1);
    let x_col_pos_6 = (x_col_start_1 + 4u);
    let x_col_ok_8 = ((x_col_pos_6 >= 7u) && (x_col_pos_6 < (params.in_w + 7u)));
    let x_col_at_8 = min((max(x_col_pos_6, 7u) - 7u), x_col_last_1);
    let x_col_pos_7 = (x_col_start_1 + 5u);
    let x_col_ok_9 = ((x_col_pos_7 >= 7u) && (x_col_pos_7 < (params.in_w + 7u)));
    let x_col_at_9 = min((max(x_col_pos_7, 7u) - 7u), x_col_last_1);
    let x_col_pos_8 = (x_col_start_1 + 6u);
    let x_col_ok_10 = ((x_col_pos_8 >= 7u) && (x_col_pos_8 < (params.in_w + 7u)));
    let x_col_at_10 = min((max(x_col_pos_8, 7u) - 7u), x_col_last_1);
    let y_col_start_1 = (offset_b_1 + (((pb_1 + 1u) - select(0u, 1u, (0u < offset_b_1))) * 7u));
    let y_col_last_1 = (params.out_w - 1u);
    let y_col_ok_4 = ((y_col_start_1 >= 7u) && (y_col_start_1 < (params.out_w + 7u)));
    let y_col_at_4 = min((max(y_col_start_1, 7u) - 7u), y_col_last_1);
    let y_col_pos_3 = (y_col_start_1 + 1u);
    let y_col_ok_5 = ((y_col_pos_3 >= 7u) && (y_col_pos_3 < (params.out_w + 7u)));
    let y_col_at_5 = min((max(y_col_pos_3, 7u) - 7u), y_col_last_1);
    let y_col_pos_4 = (y_col_start_1 + 2u);
    let y_col_ok_6 = ((y_col_pos_4 >= 7u) && (y_col_pos_4 < (params.out_w + 7u)));
    let y_col_at_6 = min((max(y_col_pos_4, 7u) - 7u), y_col_last_1);
    let y_col_pos_5 = (y_col_start_1 + 3u);
    let y_col_ok_7 = ((y_col_pos_5 >= 7u) && (y_col_pos_5 < (params.out_w + 7u)));
    let y_col_at_7 = min((max(y_col_pos_5, 7u) - 7u), y_col_last_1);
    let y_col_pos_6 = (y_col_start_1 + 4u);
    let y_col_ok_8 = ((y_col_pos_6 >= 7u) && (y_col_pos_6 < (params.out_w + 7u)));
    let y_col_at_8 = min((max(y_col_pos_6, 7u) - 7u), y_col_last_1);
    let y_col_pos_7 = (y_col_start_1 + 5u);
    let y_col_ok_9 = ((y_col_pos_7 >= 7u) && (y_col_pos_7 < (params.out_w + 7u)));
    let y_col_at_9 = min((max(y_col_pos_7, 7u) - 7u), y_col_last_1);
    let y_col_pos_8 = (y_col_start_1 + 6u);
    let y_col_ok_10 = ((y_col_pos_8 >= 7u) && (y_col_pos_8 < (params.out_w + 7u)));
    let y_col_at_10 = min((max(y_col_pos_8, 7u) - 7u), y_col_last_1);
    // B weights: the whole 7x7 kernel of this channel (the same for all its blocks: uniform loads)
    let wb_0_0_1 = wb[wb_base_1];
    let wb_0_1_1 = wb[(wb_base_1 + 1u)];
    let wb_0_2_1 = wb[(wb_base_1 + 2u)];
    let wb_0_3_1 = wb[(wb_base_1 + 3u)];
    let wb_0_4 = wb[(wb_base_1 + 4u)];
    let wb_0_5 = wb[(wb_base_1 + 5u)];
    let wb_0_6 = wb[(wb_base_1 + 6u)];
    let wb_1_0_1 = wb[(wb_base_1 + 7u)];
    let wb_1_1_1 = wb[(wb_base_1 + 8u)];
    let wb_1_2_1 = wb[(wb_base_1 + 9u)];
    let wb_1_3_1 = wb[(wb_base_1 + 10u)];
    let wb_1_4 = wb[(wb_base_1 + 11u)];
    let wb_1_5 = wb[(wb_base_1 + 12u)];
    let wb_1_6 = wb[(wb_base_1 + 13u)];
    let wb_2_0_1 = wb[(wb_base_1 + 14u)];
    let wb_2_1_1 = wb[(wb_base_1 + 15u)];
    let wb_2_2_1 = wb[(wb_base_1 + 16u)];
    let wb_2_3_1 = wb[(wb_base_1 + 17u)];
    let wb_2_4 = wb[(wb_base_1 + 18u)];
    let wb_2_5 = wb[(wb_base_1 + 19u)];
    let wb_2_6 = wb[(wb_base_1 + 20u)];
    let wb_3_0_1 = wb[(wb_base_1 + 21u)];
    let wb_3_1_1 = wb[(wb_base_1 + 22u)];
    let wb_3_2_1 = wb[(wb_base_1 + 23u)];
    let wb_3_3_1 = wb[(wb_base_1 + 24u)];
    let wb_3_4 = wb[(wb_base_1 + 25u)];
    let wb_3_5 = wb[(wb_base_1 + 26u)];
    let wb_3_6 = wb[(wb_base_1 + 27u)];
    let wb_4_0 = wb[(wb_base_1 + 28u)];
    let wb_4_1 = wb[(wb_base_1 + 29u)];
    let wb_4_2 = wb[(wb_base_1 + 30u)];
    let wb_4_3 = wb[(wb_base_1 + 31u)];
    let wb_4_4 = wb[(wb_base_1 + 32u)];
    let wb_4_5 = wb[(wb_base_1 + 33u)];
    let wb_4_6 = wb[(wb_base_1 + 34u)];
    let wb_5_0 = wb[(wb_base_1 + 35u)];
    let wb_5_1 = wb[(wb_base_1 + 36u)];
    let wb_5_2 = wb[(wb_base_1 + 37u)];
    let wb_5_3 = wb[(wb_base_1 + 38u)];
    let wb_5_4 = wb[(wb_base_1 + 39u)];
    let wb_5_5 = wb[(wb_base_1 + 40u)];
    let wb_5_6 = wb[(wb_base_1 + 41u)];
    let wb_6_0 = wb[(wb_base_1 + 42u)];
    let wb_6_1 = wb[(wb_base_1 + 43u)];
    let wb_6_2 = wb[(wb_base_1 + 44u)];
    let wb_6_3 = wb[(wb_base_1 + 45u)];
    let wb_6_4 = wb[(wb_base_1 + 46u)];
    let wb_6_5 = wb[(wb_base_1 + 47u)];
    let wb_6_6 = wb[(wb_base_1 + 48u)];
    let plane_1 = (((wid.z * 192u) + wid.y) * (params.in_h * params.in_w));
    var acc_0_0_1: f32 = 0.0f;
    var acc_0_1_1: f32 = 0.0f;
    var acc_0_2_1: f32 = 0.0f;
    var acc_0_3_1: f32 = 0.0f;
    var acc_0_4: f32 = 0.0f;
    var acc_0_5: f32 = 0.0f;
    var acc_0_6: f32 = 0.0f;
    var acc_1_0_1: f32 = 0.0f;
    var acc_1_1_1: f32 = 0.0f;
    var acc_1_2_1: f32 = 0.0f;
    var acc_1_3_1: f32 = 0.0f;
    var acc_1_4: f32 = 0.0f;
    var acc_1_5: f32 = 0.0f;
    var acc_1_6: f32 = 0.0f;
    var acc_2_0_1: f32 = 0.0f;
    var acc_2_1_1: f32 = 0.0f;
    var acc_2_2_1: f32 = 0.0f;
    var acc_2_3_1: f32 = 0.0f;
    var acc_2_4: f32 = 0.0f;
    var acc_2_5: f32 = 0.0f;
    var acc_2_6: f32 = 0.0f;
    var acc_3_0_1: f32 = 0.0f;
    var acc_3_1_1: f32 = 0.0f;
    var acc_3_2_1: f32 = 0.0f;
    var acc_3_3_1: f32 = 0.0f;
    var acc_3_4: f32 = 0.0f;
    var acc_3_5: f32 = 0.0f;
    var acc_3_6: f32 = 0.0f;
    var acc_4_0: f32 = 0.0f;
    var acc_4_1: f32 = 0.0f;
    var acc_4_2: f32 = 0.0f;
    var acc_4_3: f32 = 0.0f;
    var acc_4_4: f32 = 0.0f;
    var acc_4_5: f32 = 0.0f;
    var acc_4_6: f32 = 0.0f;
    var acc_5_0: f32 = 0.0f;
    var acc_5_1: f32 = 0.0f;
    var acc_5_2: f32 = 0.0f;
    var acc_5_3: f32 = 0.0f;
    var acc_5_4: f32 = 0.0f;
    var acc_5_5: f32 = 0.0f;
    var acc_5_6: f32 = 0.0f;
    var acc_6_0: f32 = 0.0f;
    var acc_6_1: f32 = 0.0f;
    var acc_6_2: f32 = 0.0f;
    var acc_6_3: f32 = 0.0f;
    var acc_6_4: f32 = 0.0f;
    var acc_6_5: f32 = 0.0f;
    var acc_6_6: f32 = 0.0f;
    for (var h_1: u32 = 0u; h_1 < 7u; h_1 = h_1 + 1u) {
      // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
      let x_row_pos_1 = (x_row_start_1 + h_1);
      let x_row_ok_1 = ((x_row_pos_1 >= 7u) && (x_row_pos_1 < (params.in_h + 7u)));
      let x_row_at_1 = min((max(x_row_pos_1, 7u) - 7u), x_row_last_1);
      let x_row_base_1 = (plane_1 + (x_row_at_1 * params.in_w));
      let x_0_1 = select(0.0f, x[(x_row_base_1 + x_col_at_4)], (x_row_ok_1 && x_col_ok_4));
      let x_1_1 = select(0.0f, x[(x_row_base_1 + x_col_at_5)], (x_row_ok_1 && x_col_ok_5));
      let x_2_1 = select(0.0f, x[(x_row_base_1 + x_col_at_6)], (x_row_ok_1 && x_col_ok_6));
      let x_3_1 = select(0.0f, x[(x_row_base_1 + x_col_at_7)], (x_row_ok_1 && x_col_ok_7));
      let x_4 = select(0.0f, x[(x_row_base_1 + x_col_at_8)], (x_row_ok_1 && x_col_ok_8));
      let x_5 = select(0.0f, x[(x_row_base_1 + x_col_at_9)], (x_row_ok_1 && x_col_ok_9));
      let x_6 = select(0.0f, x[(x_row_base_1 + x_col_at_10)], (x_row_ok_1 && x_col_ok_10));
      let wa_0_1 = wa[(wa_base_1 + h_1)];
      let wa_1_1 = wa[(wa_base_1 + (7u + h_1))];
      let wa_2_1 = wa[(wa_base_1 + (14u + h_1))];
      let wa_3_1 = wa[(wa_base_1 + (21u + h_1))];
      let wa_4 = wa[(wa_base_1 + (28u + h_1))];
      let wa_5 = wa[(wa_base_1 + (35u + h_1))];
      let wa_6 = wa[(wa_base_1 + (42u + h_1))];
      let t_0_1 = (((((((x_0_1 * wb_0_0_1) + (x_1_1 * wb_1_0_1)) + (x_2_1 * wb_2_0_1)) + (x_3_1 * wb_3_0_1)) + (x_4 * wb_4_0)) + (x_5 * wb_5_0)) + (x_6 * wb_6_0));
      acc_0_0_1 = (acc_0_0_1 + (wa_0_1 * t_0_1));
      acc_1_0_1 = (acc_1_0_1 + (wa_1_1 * t_0_1));
      acc_2_0_1 = (acc_2_0_1 + (wa_2_1 * t_0_1));
      acc_3_0_1 = (acc_3_0_1 + (wa_3_1 * t_0_1));
      acc_4_0 = (acc_4_0 + (wa_4 * t_0_1));
      acc_5_0 = (acc_5_0 + (wa_5 * t_0_1));
      acc_6_0 = (acc_6_0 + (wa_6 * t_0_1));
      let t_1_1 = (((((((x_0_1 * wb_0_1_1) + (x_1_1 * wb_1_1_1)) + (x_2_1 * wb_2_1_1)) + (x_3_1 * wb_3_1_1)) + (x_4 * wb_4_1)) + (x_5 * wb_5_1)) + (x_6 * wb_6_1));
      acc_0_1_1 = (acc_0_1_1 + (wa_0_1 * t_1_1));
      acc_1_1_1 = (acc_1_1_1 + (wa_1_1 * t_1_1));
      acc_2_1_1 = (acc_2_1_1 + (wa_2_1 * t_1_1));
      acc_3_1_1 = (acc_3_1_1 + (wa_3_1 * t_1_1));
      acc_4_1 = (acc_4_1 + (wa_4 * t_1_1));
      acc_5_1 = (acc_5_1 + (wa_5 * t_1_1));
      acc_6_1 = (acc_6_1 + (wa_6 * t_1_1));
      let t_2_1 = (((((((x_0_1 * wb_0_2_1) + (x_1_1 * wb_1_2_1)) + (x_2_1 * wb_2_2_1)) + (x_3_1 * wb_3_2_1)) + (x_4 * wb_4_2)) + (x_5 * wb_5_2)) + (x_6 * wb_6_2));
      acc_0_2_1 = (acc_0_2_1 + (wa_0_1 * t_2_1));
      acc_1_2_1 = (acc_1_2_1 + (wa_1_1 * t_2_1));
      acc_2_2_1 = (acc_2_2_1 + (wa_2_1 * t_2_1));
      acc_3_2_1 = (acc_3_2_1 + (wa_3_1 * t_2_1));
      acc_4_2 = (acc_4_2 + (wa_4 * t_2_1));
      acc_5_2 = (acc_5_2 + (wa_5 * t_2_1));
      acc_6_2 = (acc_6_2 + (wa_6 * t_2_1));
      let t_3_1 = (((((((x_0_1 * wb_0_3_1) + (x_1_1 * wb_1_3_1)) + (x_2_1 * wb_2_3_1)) + (x_3_1 * wb_3_3_1)) + (x_4 * wb_4_3)) + (x_5 * wb_5_3)) + (x_6 * wb_6_3));
      acc_0_3_1 = (acc_0_3_1 + (wa_0_1 * t_3_1));
      acc_1_3_1 = (acc_1_3_1 + (wa_1_1 * t_3_1));
      acc_2_3_1 = (acc_2_3_1 + (wa_2_1 * t_3_1));
      acc_3_3_1 = (acc_3_3_1 + (wa_3_1 * t_3_1));
      acc_4_3 = (acc_4_3 + (wa_4 * t_3_1));
      acc_5_3 = (acc_5_3 + (wa_5 * t_3_1));
      acc_6_3 = (acc_6_3 + (wa_6 * t_3_1));
      let t_4 = (((((((x_0_1 * wb_0_4) + (x_1_1 * wb_1_4)) + (x_2_1 * wb_2_4)) + (x_3_1 * wb_3_4)) + (x_4 * wb_4_4)) + (x_5 * wb_5_4)) + (x_6 * wb_6_4));
      acc_0_4 = (acc_0_4 + (wa_0_1 * t_4));
      acc_1_4 = (acc_1_4 + (wa_1_1 * t_4));
      acc_2_4 = (acc_2_4 + (wa_2_1 * t_4));
      acc_3_4 = (acc_3_4 + (wa_3_1 * t_4));
      acc_4_4 = (acc_4_4 + (wa_4 * t_4));
      acc_5_4 = (acc_5_4 + (wa_5 * t_4));
      acc_6_4 = (acc_6_4 + (wa_6 * t_4));
      let t_5 = (((((((x_0_1 * wb_0_5) + (x_1_1 * wb_1_5)) + (x_2_1 * wb_2_5)) + (x_3_1 * wb_3_5)) + (x_4 * wb_4_5)) + (x_5 * wb_5_5)) + (x_6 * wb_6_5));
      acc_0_5 = (acc_0_5 + (wa_0_1 * t_5));
      acc_1_5 = (acc_1_5 + (wa_1_1 * t_5));
      acc_2_5 = (acc_2_5 + (wa_2_1 * t_5));
      acc_3_5 = (acc_3_5 + (wa_3_1 * t_5));
      acc_4_5 = (acc_4_5 + (wa_4 * t_5));
      acc_5_5 = (acc_5_5 + (wa_5 * t_5));
      acc_6_5 = (acc_6_5 + (wa_6 * t_5));
      let t_6 = (((((((x_0_1 * wb_0_6) + (x_1_1 * wb_1_6)) + (x_2_1 * wb_2_6)) + (x_3_1 * wb_3_6)) + (x_4 * wb_4_6)) + (x_5 * wb_5_6)) + (x_6 * wb_6_6));
      acc_0_6 = (acc_0_6 + (wa_0_1 * t_6));
      acc_1_6 = (acc_1_6 + (wa_1_1 * t_6));
      acc_2_6 = (acc_2_6 + (wa_2_1 * t_6));
      acc_3_6 = (acc_3_6 + (wa_3_1 * t_6));
      acc_4_6 = (acc_4_6 + (wa_4 * t_6));
      acc_5_6 = (acc_5_6 + (wa_5 * t_6));
      acc_6_6 = (acc_6_6 + (wa_6 * t_6));
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    if ((y_row_ok_4 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_0_0_1;
    }
    if ((y_row_ok_4 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_0_1_1;
    }
    if ((y_row_ok_4 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_0_2_1;
    }
    if ((y_row_ok_4 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_0_3_1;
    }
    if ((y_row_ok_4 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_0_4;
    }
    if ((y_row_ok_4 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_0_5;
    }
    if ((y_row_ok_4 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_4) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_0_6;
    }
    if ((y_row_ok_5 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_1_0_1;
    }
    if ((y_row_ok_5 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_1_1_1;
    }
    if ((y_row_ok_5 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_1_2_1;
    }
    if ((y_row_ok_5 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_1_3_1;
    }
    if ((y_row_ok_5 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_1_4;
    }
    if ((y_row_ok_5 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_1_5;
    }
    if ((y_row_ok_5 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_5) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_1_6;
    }
    if ((y_row_ok_6 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_2_0_1;
    }
    if ((y_row_ok_6 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_2_1_1;
    }
    if ((y_row_ok_6 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_2_2_1;
    }
    if ((y_row_ok_6 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_2_3_1;
    }
    if ((y_row_ok_6 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_2_4;
    }
    if ((y_row_ok_6 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_2_5;
    }
    if ((y_row_ok_6 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_6) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_2_6;
    }
    if ((y_row_ok_7 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_3_0_1;
    }
    if ((y_row_ok_7 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_3_1_1;
    }
    if ((y_row_ok_7 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_3_2_1;
    }
    if ((y_row_ok_7 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_3_3_1;
    }
    if ((y_row_ok_7 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_3_4;
    }
    if ((y_row_ok_7 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_3_5;
    }
    if ((y_row_ok_7 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_7) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_3_6;
    }
    if ((y_row_ok_8 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_4_0;
    }
    if ((y_row_ok_8 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_4_1;
    }
    if ((y_row_ok_8 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_4_2;
    }
    if ((y_row_ok_8 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_4_3;
    }
    if ((y_row_ok_8 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_4_4;
    }
    if ((y_row_ok_8 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_4_5;
    }
    if ((y_row_ok_8 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_8) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_4_6;
    }
    if ((y_row_ok_9 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_5_0;
    }
    if ((y_row_ok_9 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_5_1;
    }
    if ((y_row_ok_9 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_5_2;
    }
    if ((y_row_ok_9 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_5_3;
    }
    if ((y_row_ok_9 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_5_4;
    }
    if ((y_row_ok_9 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_5_5;
    }
    if ((y_row_ok_9 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_9) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_5_6;
    }
    if ((y_row_ok_10 && y_col_ok_4)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_4) * 192u) + wid.y)] = acc_6_0;
    }
    if ((y_row_ok_10 && y_col_ok_5)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_5) * 192u) + wid.y)] = acc_6_1;
    }
    if ((y_row_ok_10 && y_col_ok_6)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_6) * 192u) + wid.y)] = acc_6_2;
    }
    if ((y_row_ok_10 && y_col_ok_7)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_7) * 192u) + wid.y)] = acc_6_3;
    }
    if ((y_row_ok_10 && y_col_ok_8)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_8) * 192u) + wid.y)] = acc_6_4;
    }
    if ((y_row_ok_10 && y_col_ok_9)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_9) * 192u) + wid.y)] = acc_6_5;
    }
    if ((y_row_ok_10 && y_col_ok_10)) {
      y[((((((wid.z * params.out_h) + y_row_at_10) * params.out_w) + y_col_at_10) * 192u) + wid.y)] = acc_6_6;
    }
  }
}
