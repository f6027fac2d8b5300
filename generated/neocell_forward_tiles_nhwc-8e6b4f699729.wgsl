// neocc neocell_forward_tiles_nhwc: y = NeoCell(x), NHWC output, one output block per invocation, workgroup 64
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":512},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":512}]
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
  if ((wid.y < 512u)) {
    // channels [0, 512): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((wid.y / 128u), 3u);
    let offset_b = min((wid.y / 128u), 3u);
    let wa_base = (wid.y * 16u);
    let wb_base = (wid.y * 16u);
    let placements = (select(0u, 1u, (0u < offset_a)) + min((((params.out_h - offset_a) + 3u) / 4u), (((params.in_h - offset_a) + 3u) / 4u)));
    let placements_1 = (select(0u, 1u, (0u < offset_b)) + min((((params.in_w - offset_b) + 3u) / 4u), (((params.out_w - offset_b) + 3u) / 4u)));
    let pa = (tile / placements_1);
    if ((pa >= placements)) {
      return;
    }
    let is_corner = ((0u < offset_a) && (pa < 1u));
    let block = select((pa - select(0u, 1u, (0u < offset_a))), 0u, is_corner);
    let row0 = select((offset_a + (block * 4u)), 0u, is_corner);
    let col0 = select((offset_a + (block * 4u)), 0u, is_corner);
    let k_row0 = select(0u, (4u - offset_a), is_corner);
    let k_col0 = select(0u, (4u - offset_a), is_corner);
    let block_rows = select(min(4u, (params.out_h - row0)), offset_a, is_corner);
    let block_cols = select(min(4u, (params.in_h - col0)), offset_a, is_corner);
    let pb = (tile % placements_1);
    let is_corner_1 = ((0u < offset_b) && (pb < 1u));
    let block_1 = select((pb - select(0u, 1u, (0u < offset_b))), 0u, is_corner_1);
    let row0_1 = select((offset_b + (block_1 * 4u)), 0u, is_corner_1);
    let col0_1 = select((offset_b + (block_1 * 4u)), 0u, is_corner_1);
    let k_row0_1 = select(0u, (4u - offset_b), is_corner_1);
    let k_col0_1 = select(0u, (4u - offset_b), is_corner_1);
    let block_rows_1 = select(min(4u, (params.in_w - row0_1)), offset_b, is_corner_1);
    let block_cols_1 = select(min(4u, (params.out_w - col0_1)), offset_b, is_corner_1);
    // weights: A block 4x4 (columns past the block zeroed), B block 4x4 (rows past the block zeroed)
    let a_col_last = (block_cols - 1u);
    let a_col_1 = min(1u, a_col_last);
    let a_col_2 = min(2u, a_col_last);
    let a_col_3 = min(3u, a_col_last);
    let a_row_last = (block_rows - 1u);
    let a_row_1 = min(1u, a_row_last);
    let a_row_2 = min(2u, a_row_last);
    let a_row_3 = min(3u, a_row_last);
    let b_row_last = (block_rows_1 - 1u);
    let b_row_1 = min(1u, b_row_last);
    let b_row_2 = min(2u, b_row_last);
    let b_row_3 = min(3u, b_row_last);
    let b_col_last = (block_cols_1 - 1u);
    let b_col_1 = min(1u, b_col_last);
    let b_col_2 = min(2u, b_col_last);
    let b_col_3 = min(3u, b_col_last);
    let wa_row_0 = (wa_base + ((k_row0 * 4u) + k_col0));
    let wa_row_1 = (wa_base + (((k_row0 + a_row_1) * 4u) + k_col0));
    let wa_row_2 = (wa_base + (((k_row0 + a_row_2) * 4u) + k_col0));
    let wa_row_3 = (wa_base + (((k_row0 + a_row_3) * 4u) + k_col0));
    let wb_row_0 = (wb_base + ((k_row0_1 * 4u) + k_col0_1));
    let wb_row_1 = (wb_base + (((k_row0_1 + b_row_1) * 4u) + k_col0_1));
    let wb_row_2 = (wb_base + (((k_row0_1 + b_row_2) * 4u) + k_col0_1));
    let wb_row_3 = (wb_base + (((k_row0_1 + b_row_3) * 4u) + k_col0_1));
    let wa_0_0 = wa[wa_row_0];
    let wa_0_1 = select(0.0f, wa[(wa_row_0 + a_col_1)], (1u < block_cols));
    let wa_0_2 = select(0.0f, wa[(wa_row_0 + a_col_2)], (2u < block_cols));
    let wa_0_3 = select(0.0f, wa[(wa_row_0 + a_col_3)], (3u < block_cols));
    let wa_1_0 = wa[wa_row_1];
    let wa_1_1 = select(0.0f, wa[(wa_row_1 + a_col_1)], (1u < block_cols));
    let wa_1_2 = select(0.0f, wa[(wa_row_1 + a_col_2)], (2u < block_cols));
    let wa_1_3 = select(0.0f, wa[(wa_row_1 + a_col_3)], (3u < block_cols));
    let wa_2_0 = wa[wa_row_2];
    let wa_2_1 = select(0.0f, wa[(wa_row_2 + a_col_1)], (1u < block_cols));
    let wa_2_2 = select(0.0f, wa[(wa_row_2 + a_col_2)], (2u < block_cols));
    let wa_2_3 = select(0.0f, wa[(wa_row_2 + a_col_3)], (3u < block_cols));
    let wa_3_0 = wa[wa_row_3];
    let wa_3_1 = select(0.0f, wa[(wa_row_3 + a_col_1)], (1u < block_cols));
    let wa_3_2 = select(0.0f, wa[(wa_row_3 + a_col_2)], (2u < block_cols));
    let wa_3_3 = select(0.0f, wa[(wa_row_3 + a_col_3)], (3u < block_cols));
    let wb_0_0 = wb[wb_row_0];
    let wb_0_1 = wb[(wb_row_0 + b_col_1)];
    let wb_0_2 = wb[(wb_row_0 + b_col_2)];
    let wb_0_3 = wb[(wb_row_0 + b_col_3)];
    let wb_1_0 = select(0.0f, wb[wb_row_1], (1u < block_rows_1));
    let wb_1_1 = select(0.0f, wb[(wb_row_1 + b_col_1)], (1u < block_rows_1));
    let wb_1_2 = select(0.0f, wb[(wb_row_1 + b_col_2)], (1u < block_rows_1));
    let wb_1_3 = select(0.0f, wb[(wb_row_1 + b_col_3)], (1u < block_rows_1));
    let wb_2_0 = select(0.0f, wb[wb_row_2], (2u < block_rows_1));
    let wb_2_1 = select(0.0f, wb[(wb_row_2 + b_col_1)], (2u < block_rows_1));
    let wb_2_2 = select(0.0f, wb[(wb_row_2 + b_col_2)], (2u < block_rows_1));
    let wb_2_3 = select(0.0f, wb[(wb_row_2 + b_col_3)], (2u < block_rows_1));
    let wb_3_0 = select(0.0f, wb[wb_row_3], (3u < block_rows_1));
    let wb_3_1 = select(0.0f, wb[(wb_row_3 + b_col_1)], (3u < block_rows_1));
    let wb_3_2 = select(0.0f, wb[(wb_row_3 + b_col_2)], (3u < block_rows_1));
    let wb_3_3 = select(0.0f, wb[(wb_row_3 + b_col_3)], (3u < block_rows_1));
    let plane = ((wid.z * 1024u) + wid.y);
    let x_block = ((plane * (params.in_h * params.in_w)) + ((col0 * params.in_w) + row0_1));
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
    // X row 0 of the block: T row = X row · B block, then Y block += A column 0 ⊗ T row
    let x_0 = x[x_block];
    let x_1 = x[(x_block + b_row_1)];
    let x_2 = x[(x_block + b_row_2)];
    let x_3 = x[(x_block + b_row_3)];
    let t_0 = ((((x_0 * wb_0_0) + (x_1 * wb_1_0)) + (x_2 * wb_2_0)) + (x_3 * wb_3_0));
    acc_0_0 = (acc_0_0 + (wa_0_0 * t_0));
    acc_1_0 = (acc_1_0 + (wa_1_0 * t_0));
    acc_2_0 = (acc_2_0 + (wa_2_0 * t_0));
    acc_3_0 = (acc_3_0 + (wa_3_0 * t_0));
    let t_1 = ((((x_0 * wb_0_1) + (x_1 * wb_1_1)) + (x_2 * wb_2_1)) + (x_3 * wb_3_1));
    acc_0_1 = (acc_0_1 + (wa_0_0 * t_1));
    acc_1_1 = (acc_1_1 + (wa_1_0 * t_1));
    acc_2_1 = (acc_2_1 + (wa_2_0 * t_1));
    acc_3_1 = (acc_3_1 + (wa_3_0 * t_1));
    let t_2 = ((((x_0 * wb_0_2) + (x_1 * wb_1_2)) + (x_2 * wb_2_2)) + (x_3 * wb_3_2));
    acc_0_2 = (acc_0_2 + (wa_0_0 * t_2));
    acc_1_2 = (acc_1_2 + (wa_1_0 * t_2));
    acc_2_2 = (acc_2_2 + (wa_2_0 * t_2));
    acc_3_2 = (acc_3_2 + (wa_3_0 * t_2));
    let t_3 = ((((x_0 * wb_0_3) + (x_1 * wb_1_3)) + (x_2 * wb_2_3)) + (x_3 * wb_3_3));
    acc_0_3 = (acc_0_3 + (wa_0_0 * t_3));
    acc_1_3 = (acc_1_3 + (wa_1_0 * t_3));
    acc_2_3 = (acc_2_3 + (wa_2_0 * t_3));
    acc_3_3 = (acc_3_3 + (wa_3_0 * t_3));
    // X row 1 of the block: T row = X row · B block, then Y block += A column 1 ⊗ T row
    let x_row = (x_block + (a_col_1 * params.in_w));
    let x_0_1 = x[x_row];
    let x_1_1 = x[(x_row + b_row_1)];
    let x_2_1 = x[(x_row + b_row_2)];
    let x_3_1 = x[(x_row + b_row_3)];
    let t_0_1 = ((((x_0_1 * wb_0_0) + (x_1_1 * wb_1_0)) + (x_2_1 * wb_2_0)) + (x_3_1 * wb_3_0));
    acc_0_0 = (acc_0_0 + (wa_0_1 * t_0_1));
    acc_1_0 = (acc_1_0 + (wa_1_1 * t_0_1));
    acc_2_0 = (acc_2_0 + (wa_2_1 * t_0_1));
    acc_3_0 = (acc_3_0 + (wa_3_1 * t_0_1));
    let t_1_1 = ((((x_0_1 * wb_0_1) + (x_1_1 * wb_1_1)) + (x_2_1 * wb_2_1)) + (x_3_1 * wb_3_1));
    acc_0_1 = (acc_0_1 + (wa_0_1 * t_1_1));
    acc_1_1 = (acc_1_1 + (wa_1_1 * t_1_1));
    acc_2_1 = (acc_2_1 + (wa_2_1 * t_1_1));
    acc_3_1 = (acc_3_1 + (wa_3_1 * t_1_1));
    let t_2_1 = ((((x_0_1 * wb_0_2) + (x_1_1 * wb_1_2)) + (x_2_1 * wb_2_2)) + (x_3_1 * wb_3_2));
    acc_0_2 = (acc_0_2 + (wa_0_1 * t_2_1));
    acc_1_2 = (acc_1_2 + (wa_1_1 * t_2_1));
    acc_2_2 = (acc_2_2 + (wa_2_1 * t_2_1));
    acc_3_2 = (acc_3_2 + (wa_3_1 * t_2_1));
    let t_3_1 = ((((x_0_1 * wb_0_3) + (x_1_1 * wb_1_3)) + (x_2_1 * wb_2_3)) + (x_3_1 * wb_3_3));
    acc_0_3 = (acc_0_3 + (wa_0_1 * t_3_1));
    acc_1_3 = (acc_1_3 + (wa_1_1 * t_3_1));
    acc_2_3 = (acc_2_3 + (wa_2_1 * t_3_1));
    acc_3_3 = (acc_3_3 + (wa_3_1 * t_3_1));
    // X row 2 of the block: T row = X row · B block, then Y block += A column 2 ⊗ T row
    let x_row_1 = (x_block + (a_col_2 * params.in_w));
    let x_0_2 = x[x_row_1];
    let x_1_2 = x[(x_row_1 + b_row_1)];
    let x_2_2 = x[(x_row_1 + b_row_2)];
    let x_3_2 = x[(x_row_1 + b_row_3)];
    let t_0_2 = ((((x_0_2 * wb_0_0) + (x_1_2 * wb_1_0)) + (x_2_2 * wb_2_0)) + (x_3_2 * wb_3_0));
    acc_0_0 = (acc_0_0 + (wa_0_2 * t_0_2));
    acc_1_0 = (acc_1_0 + (wa_1_2 * t_0_2));
    acc_2_0 = (acc_2_0 + (wa_2_2 * t_0_2));
    acc_3_0 = (acc_3_0 + (wa_3_2 * t_0_2));
    let t_1_2 = ((((x_0_2 * wb_0_1) + (x_1_2 * wb_1_1)) + (x_2_2 * wb_2_1)) + (x_3_2 * wb_3_1));
    acc_0_1 = (acc_0_1 + (wa_0_2 * t_1_2));
    acc_1_1 = (acc_1_1 + (wa_1_2 * t_1_2));
    acc_2_1 = (acc_2_1 + (wa_2_2 * t_1_2));
    acc_3_1 = (acc_3_1 + (wa_3_2 * t_1_2));
    let t_2_2 = ((((x_0_2 * wb_0_2) + (x_1_2 * wb_1_2)) + (x_2_2 * wb_2_2)) + (x_3_2 * wb_3_2));
    acc_0_2 = (acc_0_2 + (wa_0_2 * t_2_2));
    acc_1_2 = (acc_1_2 + (wa_1_2 * t_2_2));
    acc_2_2 = (acc_2_2 + (wa_2_2 * t_2_2));
    acc_3_2 = (acc_3_2 + (wa_3_2 * t_2_2));
    let t_3_2 = ((((x_0_2 * wb_0_3) + (x_1_2 * wb_1_3)) + (x_2_2 * wb_2_3)) + (x_3_2 * wb_3_3));
    acc_0_3 = (acc_0_3 + (wa_0_2 * t_3_2));
    acc_1_3 = (acc_1_3 + (wa_1_2 * t_3_2));
    acc_2_3 = (acc_2_3 + (wa_2_2 * t_3_2));
    acc_3_3 = (acc_3_3 + (wa_3_2 * t_3_2));
    // X row 3 of the block: T row = X row · B block, then Y block += A column 3 ⊗ T row
    let x_row_2 = (x_block + (a_col_3 * params.in_w));
    let x_0_3 = x[x_row_2];
    let x_1_3 = x[(x_row_2 + b_row_1)];
    let x_2_3 = x[(x_row_2 + b_row_2)];
    let x_3_3 = x[(x_row_2 + b_row_3)];
    let t_0_3 = ((((x_0_3 * wb_0_0) + (x_1_3 * wb_1_0)) + (x_2_3 * wb_2_0)) + (x_3_3 * wb_3_0));
    acc_0_0 = (acc_0_0 + (wa_0_3 * t_0_3));
    acc_1_0 = (acc_1_0 + (wa_1_3 * t_0_3));
    acc_2_0 = (acc_2_0 + (wa_2_3 * t_0_3));
    acc_3_0 = (acc_3_0 + (wa_3_3 * t_0_3));
    let t_1_3 = ((((x_0_3 * wb_0_1) + (x_1_3 * wb_1_1)) + (x_2_3 * wb_2_1)) + (x_3_3 * wb_3_1));
    acc_0_1 = (acc_0_1 + (wa_0_3 * t_1_3));
    acc_1_1 = (acc_1_1 + (wa_1_3 * t_1_3));
    acc_2_1 = (acc_2_1 + (wa_2_3 * t_1_3));
    acc_3_1 = (acc_3_1 + (wa_3_3 * t_1_3));
    let t_2_3 = ((((x_0_3 * wb_0_2) + (x_1_3 * wb_1_2)) + (x_2_3 * wb_2_2)) + (x_3_3 * wb_3_2));
    acc_0_2 = (acc_0_2 + (wa_0_3 * t_2_3));
    acc_1_2 = (acc_1_2 + (wa_1_3 * t_2_3));
    acc_2_2 = (acc_2_2 + (wa_2_3 * t_2_3));
    acc_3_2 = (acc_3_2 + (wa_3_3 * t_2_3));
    let t_3_3 = ((((x_0_3 * wb_0_3) + (x_1_3 * wb_1_3)) + (x_2_3 * wb_2_3)) + (x_3_3 * wb_3_3));
    acc_0_3 = (acc_0_3 + (wa_0_3 * t_3_3));
    acc_1_3 = (acc_1_3 + (wa_1_3 * t_3_3));
    acc_2_3 = (acc_2_3 + (wa_2_3 * t_3_3));
    acc_3_3 = (acc_3_3 + (wa_3_3 * t_3_3));
    // store the rows and columns that exist (the last blocks may be truncated)
    if (((0u < block_rows) && (0u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + row0) * params.out_w) + col0_1) * 1024u) + wid.y)] = acc_0_0;
    }
    if (((0u < block_rows) && (1u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + row0) * params.out_w) + (col0_1 + 1u)) * 1024u) + wid.y)] = acc_0_1;
    }
    if (((0u < block_rows) && (2u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + row0) * params.out_w) + (col0_1 + 2u)) * 1024u) + wid.y)] = acc_0_2;
    }
    if (((0u < block_rows) && (3u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + row0) * params.out_w) + (col0_1 + 3u)) * 1024u) + wid.y)] = acc_0_3;
    }
    if (((1u < block_rows) && (0u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 1u)) * params.out_w) + col0_1) * 1024u) + wid.y)] = acc_1_0;
    }
    if (((1u < block_rows) && (1u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 1u)) * params.out_w) + (col0_1 + 1u)) * 1024u) + wid.y)] = acc_1_1;
    }
    if (((1u < block_rows) && (2u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 1u)) * params.out_w) + (col0_1 + 2u)) * 1024u) + wid.y)] = acc_1_2;
    }
    if (((1u < block_rows) && (3u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 1u)) * params.out_w) + (col0_1 + 3u)) * 1024u) + wid.y)] = acc_1_3;
    }
    if (((2u < block_rows) && (0u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 2u)) * params.out_w) + col0_1) * 1024u) + wid.y)] = acc_2_0;
    }
    if (((2u < block_rows) && (1u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 2u)) * params.out_w) + (col0_1 + 1u)) * 1024u) + wid.y)] = acc_2_1;
    }
    if (((2u < block_rows) && (2u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 2u)) * params.out_w) + (col0_1 + 2u)) * 1024u) + wid.y)] = acc_2_2;
    }
    if (((2u < block_rows) && (3u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 2u)) * params.out_w) + (col0_1 + 3u)) * 1024u) + wid.y)] = acc_2_3;
    }
    if (((3u < block_rows) && (0u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 3u)) * params.out_w) + col0_1) * 1024u) + wid.y)] = acc_3_0;
    }
    if (((3u < block_rows) && (1u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 3u)) * params.out_w) + (col0_1 + 1u)) * 1024u) + wid.y)] = acc_3_1;
    }
    if (((3u < block_rows) && (2u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 3u)) * params.out_w) + (col0_1 + 2u)) * 1024u) + wid.y)] = acc_3_2;
    }
    if (((3u < block_rows) && (3u < block_cols_1))) {
      y[((((((wid.z * params.out_h) + (row0 + 3u)) * params.out_w) + (col0_1 + 3u)) * 1024u) + wid.y)] = acc_3_3;
    }
  } else {
    // channels [512, 1024): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (wid.y - 512u);
    let offset_a_1 = min((local_c / 73u), 6u);
    let offset_b_1 = min((local_c / 73u), 6u);
    let wa_base_1 = (8192u + (local_c * 49u));
    let wb_base_1 = (8192u + (local_c * 49u));
    let placements_2 = (select(0u, 1u, (0u < offset_a_1)) + min((((params.out_h - offset_a_1) + 6u) / 7u), (((params.in_h - offset_a_1) + 6u) / 7u)));
    let placements_3 = (select(0u, 1u, (0u < offset_b_1)) + min((((params.in_w - offset_b_1) + 6u) / 7u), (((params.out_w - offset_b_1) + 6u) / 7u)));
    let pa_1 = (tile / placements_3);
    if ((pa_1 >= placements_2)) {
      return;
    }
    let is_corner_2 = ((0u < offset_a_1) && (pa_1 < 1u));
    let block_2 = select((pa_1 - select(0u, 1u, (0u < offset_a_1))), 0u, is_corner_2);
    let row0_2 = select((offset_a_1 + (block_2 * 7u)), 0u, is_corner_2);
    let col0_2 = select((offset_a_1 + (block_2 * 7u)), 0u, is_corner_2);
    let k_row0_2 = select(0u, (7u - offset_a_1), is_corner_2);
    let k_col0_2 = select(0u, (7u - offset_a_1), is_corner_2);
    let block_rows_2 = select(min(7u, (params.out_h - row0_2)), offset_a_1, is_corner_2);
    let block_cols_2 = select(min(7u, (params.in_h - col0_2)), offset_a_1, is_corner_2);
    let pb_1 = (tile % placements_3);
    let is_corner_3 = ((0u < offset_b_1) && (pb_1 < 1u));
    let block_3 = select((pb_1 - select(0u, 1u, (0u < offset_b_1))), 0u, is_corner_3);
    let row0_3 = select((offset_b_1 + (block_3 * 7u)), 0u, is_corner_3);
    let col0_3 = select((offset_b_1 + (block_3 * 7u)), 0u, is_corner_3);
    let k_row0_3 = select(0u, (7u - offset_b_1), is_corner_3);
    let k_col0_3 = select(0u, (7u - offset_b_1), is_corner_3);
    let block_rows_3 = select(min(7u, (params.in_w - row0_3)), offset_b_1, is_corner_3);
    let block_cols_3 = select(min(7u, (params.out_w - col0_3)), offset_b_1, is_corner_3);
    // weights: A block 7x7 (columns past the block zeroed), B block 7x7 (rows past the block zeroed)
    let a_col_last_1 = (block_cols_2 - 1u);
    let a_col_1_1 = min(1u, a_col_last_1);
    let a_col_2_1 = min(2u, a_col_last_1);
    let a_col_3_1 = min(3u, a_col_last_1);
    let a_col_4 = min(4u, a_col_last_1);
    let a_col_5 = min(5u, a_col_last_1);
    let a_col_6 = min(6u, a_col_last_1);
    let a_row_last_1 = (block_rows_2 - 1u);
    let a_row_1_1 = min(1u, a_row_last_1);
    let a_row_2_1 = min(2u, a_row_last_1);
    let a_row_3_1 = min(3u, a_row_last_1);
    let a_row_4 = min(4u, a_row_last_1);
    let a_row_5 = min(5u, a_row_last_1);
    let a_row_6 = min(6u, a_row_last_1);
    let b_row_last_1 = (block_rows_3 - 1u);
    let b_row_1_1 = min(1u, b_row_last_1);
    let b_row_2_1 = min(2u, b_row_last_1);
    let b_row_3_1 = min(3u, b_row_last_1);
    let b_row_4 = min(4u, b_row_last_1);
    let b_row_5 = min(5u, b_row_last_1);
    let b_row_6 = min(6u, b_row_last_1);
    let b_col_last_1 = (block_cols_3 - 1u);
    let b_col_1_1 = min(1u, b_col_last_1);
    let b_col_2_1 = min(2u, b_col_last_1);
    let b_col_3_1 = min(3u, b_col_last_1);
    let b_col_4 = min(4u, b_col_last_1);
    let b_col_5 = min(5u, b_col_last_1);
    let b_col_6 = min(6u, b_col_last_1);
    let wa_row_0_1 = (wa_base_1 + ((k_row0_2 * 7u) + k_col0_2));
    let wa_row_1_1 = (wa_base_1 + (((k_row0_2 + a_row_1_1) * 7u) + k_col0_2));
    let wa_row_2_1 = (wa_base_1 + (((k_row0_2 + a_row_2_1) * 7u) + k_col0_2));
    let wa_row_3_1 = (wa_base_1 + (((k_row0_2 + a_row_3_1) * 7u) + k_col0_2));
    let wa_row_4 = (wa_base_1 + (((k_row0_2 + a_row_4) * 7u) + k_col0_2));
    let wa_row_5 = (wa_base_1 + (((k_row0_2 + a_row_5) * 7u) + k_col0_2));
    let wa_row_6 = (wa_base_1 + (((k_row0_2 + a_row_6) * 7u) + k_col0_2));
    let wb_row_0_1 = (wb_base_1 + ((k_row0_3 * 7u) + k_col0_3));
    let wb_row_1_1 = (wb_base_1 + (((k_row0_3 + b_row_1_1) * 7u) + k_col0_3));
    let wb_row_2_1 = (wb_base_1 + (((k_row0_3 + b_row_2_1) * 7u) + k_col0_3));
    let wb_row_3_1 = (wb_base_1 + (((k_row0_3 + b_row_3_1) * 7u) + k_col0_3));
    let wb_row_4 = (wb_base_1 + (((k_row0_3 + b_row_4) * 7u) + k_col0_3));
    let wb_row_5 = (wb_base_1 + (((k_row0_3 + b_row_5) * 7u) + k_col0_3));
    let wb_row_6 = (wb_base_1 + (((k_row0_3 + b_row_6) * 7u) + k_col0_3));
    let wa_0_0_1 = wa[wa_row_0_1];
    let wa_0_1_1 = select(0.0f, wa[(wa_row_0_1 + a_col_1_1)], (1u < block_cols_2));
    let wa_0_2_1 = select(0.0f, wa[(wa_row_0_1 + a_col_2_1)], (2u < block_cols_2));
    let wa_0_3_1 = select(0.0f, wa[(wa_row_0_1 + a_col_3_1)], (3u < block_cols_2));
    let wa_0_4 = select(0.0f, wa[(wa_row_0_1 + a_col_4)], (4u < block_cols_2));
    let wa_0_5 = select(0.0f, wa[(wa_row_0_1 + a_col_5)], (5u < block_cols_2));
    let wa_0_6 = select(0.0f, wa[(wa_row_0_1 + a_col_6)], (6u < block_cols_2));
    let wa_1_0_1 = wa[wa_row_1_1];
    let wa_1_1_1 = select(0.0f, wa[(wa_row_1_1 + a_col_1_1)], (1u < block_cols_2));
    let wa_1_2_1 = select(0.0f, wa[(wa_row_1_1 + a_col_2_1)], (2u < block_cols_2));
    let wa_1_3_1 = select(0.0f, wa[(wa_row_1_1 + a_col_3_1)], (3u < block_cols_2));
    let wa_1_4 = select(0.0f, wa[(wa_row_1_1 + a_col_4)], (4u < block_cols_2));
    let wa_1_5 = select(0.0f, wa[(wa_row_1_1 + a_col_5)], (5u < block_cols_2));
    let wa_1_6 = select(0.0f, wa[(wa_row_1_1 + a_col_6)], (6u < block_cols_2));
    let wa_2_0_1 = wa[wa_row_2_1];
    let wa_2_1_1 = select(0.0f, wa[(wa_row_2_1 + a_col_1_1)], (1u < block_cols_2));
    let wa_2_2_1 = select(0.0f, wa[(wa_row_2_1 + a_col_2_1)], (2u < block_cols_2));
    let wa_2_3_1 = select(0.0f, wa[(wa_row_2_1 + a_col_3_1)], (3u < block_cols_2));
    let wa_2_4 = select(0.0f, wa[(wa_row_2_1 + a_col_4)], (4u < block_cols_2));
    let wa_2_5 = select(0.0f, wa[(wa_row_2_1 + a_col_5)], (5u < block_cols_2));
    let wa_2_6 = select(0.0f, wa[(wa_row_2_1 + a_col_6)], (6u < block_cols_2));
    let wa_3_0_1 = wa[wa_row_3_1];
    let wa_3_1_1 = select(0.0f, wa[(wa_row_3_1 + a_col_1_1)], (1u < block_cols_2));
    let wa_3_2_1 = select(0.0f, wa[(wa_row_3_1 + a_col_2_1)], (2u < block_cols_2));
    let wa_3_3_1 = select(0.0f, wa[(wa_row_3_1 + a_col_3_1)], (3u < block_cols_2));
    let wa_3_4 = select(0.0f, wa[(wa_row_3_1 + a_col_4)], (4u < block_cols_2));
    let wa_3_5 = select(0.0f, wa[(wa_row_3_1 + a_col_5)], (5u < block_cols_2));
    let wa_3_6 = select(0.0f, wa[(wa_row_3_1 + a_col_6)], (6u < block_cols_2));
    let wa_4_0 = wa[wa_row_4];
    let wa_4_1 = select(0.0f, wa[(wa_row_4 + a_col_1_1)], (1u < block_cols_2));
    let wa_4_2 = select(0.0f, wa[(wa_row_4 + a_col_2_1)], (2u < block_cols_2));
    let wa_4_3 = select(0.0f, wa[(wa_row_4 + a_col_3_1)], (3u < block_cols_2));
    let wa_4_4 = select(0.0f, wa[(wa_row_4 + a_col_4)], (4u < block_cols_2));
    let wa_4_5 = select(0.0f, wa[(wa_row_4 + a_col_5)], (5u < block_cols_2));
    let wa_4_6 = select(0.0f, wa[(wa_row_4 + a_col_6)], (6u < block_cols_2));
    let wa_5_0 = wa[wa_row_5];
    let wa_5_1 = select(0.0f, wa[(wa_row_5 + a_col_1_1)], (1u < block_cols_2));
    let wa_5_2 = select(0.0f, wa[(wa_row_5 + a_col_2_1)], (2u < block_cols_2));
    let wa_5_3 = select(0.0f, wa[(wa_row_5 + a_col_3_1)], (3u < block_cols_2));
    let wa_5_4 = select(0.0f, wa[(wa_row_5 + a_col_4)], (4u < block_cols_2));
    let wa_5_5 = select(0.0f, wa[(wa_row_5 + a_col_5)], (5u < block_cols_2));
    let wa_5_6 = select(0.0f, wa[(wa_row_5 + a_col_6)], (6u < block_cols_2));
    let wa_6_0 = wa[wa_row_6];
    let wa_6_1 = select(0.0f, wa[(wa_row_6 + a_col_1_1)], (1u < block_cols_2));
    let wa_6_2 = select(0.0f, wa[(wa_row_6 + a_col_2_1)], (2u < block_cols_2));
    let wa_6_3 = select(0.0f, wa[(wa_row_6 + a_col_3_1)], (3u < block_cols_2));
    let wa_6_4 = select(0.0f, wa[(wa_row_6 + a_col_4)], (4u < block_cols_2));
    let wa_6_5 = select(0.0f, wa[(wa_row_6 + a_col_5)], (5u < block_cols_2));
    let wa_6_6 = select(0.0f, wa[(wa_row_6 + a_col_6)], (6u < block_cols_2));
    let wb_0_0_1 = wb[wb_row_0_1];
    let wb_0_1_1 = wb[(wb_row_0_1 + b_col_1_1)];
    let wb_0_2_1 = wb[(wb_row_0_1 + b_col_2_1)];
    let wb_0_3_1 = wb[(wb_row_0_1 + b_col_3_1)];
    let wb_0_4 = wb[(wb_row_0_1 + b_col_4)];
    let wb_0_5 = wb[(wb_row_0_1 + b_col_5)];
    let wb_0_6 = wb[(wb_row_0_1 + b_col_6)];
    let wb_1_0_1 = select(0.0f, wb[wb_row_1_1], (1u < block_rows_3));
    let wb_1_1_1 = select(0.0f, wb[(wb_row_1_1 + b_col_1_1)], (1u < block_rows_3));
    let wb_1_2_1 = select(0.0f, wb[(wb_row_1_1 + b_col_2_1)], (1u < block_rows_3));
    let wb_1_3_1 = select(0.0f, wb[(wb_row_1_1 + b_col_3_1)], (1u < block_rows_3));
    let wb_1_4 = select(0.0f, wb[(wb_row_1_1 + b_col_4)], (1u < block_rows_3));
    let wb_1_5 = select(0.0f, wb[(wb_row_1_1 + b_col_5)], (1u < block_rows_3));
    let wb_1_6 = select(0.0f, wb[(wb_row_1_1 + b_col_6)], (1u < block_rows_3));
    let wb_2_0_1 = select(0.0f, wb[wb_row_2_1], (2u < block_rows_3));
    let wb_2_1_1 = select(0.0f, wb[(wb_row_2_1 + b_col_1_1)], (2u < block_rows_3));
    let wb_2_2_1 = select(0.0f, wb[(wb_row_2_1 + b_col_2_1)], (2u < block_rows_3));
    let wb_2_3_1 = select(0.0f, wb[(wb_row_2_1 + b_col_3_1)], (2u < block_rows_3));
    let wb_2_4 = select(0.0f, wb[(wb_row_2_1 + b_col_4)], (2u < block_rows_3));
    let wb_2_5 = select(0.0f, wb[(wb_row_2_1 + b_col_5)], (2u < block_rows_3));
    let wb_2_6 = select(0.0f, wb[(wb_row_2_1 + b_col_6)], (2u < block_rows_3));
    let wb_3_0_1 = select(0.0f, wb[wb_row_3_1], (3u < block_rows_3));
    let wb_3_1_1 = select(0.0f, wb[(wb_row_3_1 + b_col_1_1)], (3u < block_rows_3));
    let wb_3_2_1 = select(0.0f, wb[(wb_row_3_1 + b_col_2_1)], (3u < block_rows_3));
    let wb_3_3_1 = select(0.0f, wb[(wb_row_3_1 + b_col_3_1)], (3u < block_rows_3));
    let wb_3_4 = select(0.0f, wb[(wb_row_3_1 + b_col_4)], (3u < block_rows_3));
    let wb_3_5 = select(0.0f, wb[(wb_row_3_1 + b_col_5)], (3u < block_rows_3));
    let wb_3_6 = select(0.0f, wb[(wb_row_3_1 + b_col_6)], (3u < block_rows_3));
    let wb_4_0 = select(0.0f, wb[wb_row_4], (4u < block_rows_3));
    let wb_4_1 = select(0.0f, wb[(wb_row_4 + b_col_1_1)], (4u < block_rows_3));
    let wb_4_2 = select(0.0f, wb[(wb_row_4 + b_col_2_1)], (4u < block_rows_3));
    let wb_4_3 = select(0.0f, wb[(wb_row_4 + b_col_3_1)], (4u < block_rows_3));
    let wb_4_4 = select(0.0f, wb[(wb_row_4 + b_col_4)], (4u < block_rows_3));
    let wb_4_5 = select(0.0f, wb[(wb_row_4 + b_col_5)], (4u < block_rows_3));
    let wb_4_6 = select(0.0f, wb[(wb_row_4 + b_col_6)], (4u < block_rows_3));
    let wb_5_0 = select(0.0f, wb[wb_row_5], (5u < block_rows_3));
    let wb_5_1 = select(0.0f, wb[(wb_row_5 + b_col_1_1)], (5u < block_rows_3));
    let wb_5_2 = select(0.0f, wb[(wb_row_5 + b_col_2_1)], (5u < block_rows_3));
    let wb_5_3 = select(0.0f, wb[(wb_row_5 + b_col_3_1)], (5u < block_rows_3));
    let wb_5_4 = select(0.0f, wb[(wb_row_5 + b_col_4)], (5u < block_rows_3));
    let wb_5_5 = select(0.0f, wb[(wb_row_5 + b_col_5)], (5u < block_rows_3));
    let wb_5_6 = select(0.0f, wb[(wb_row_5 + b_col_6)], (5u < block_rows_3));
    let wb_6_0 = select(0.0f, wb[wb_row_6], (6u < block_rows_3));
    let wb_6_1 = select(0.0f, wb[(wb_row_6 + b_col_1_1)], (6u < block_rows_3));
    let wb_6_2 = select(0.0f, wb[(wb_row_6 + b_col_2_1)], (6u < block_rows_3));
    let wb_6_3 = select(0.0f, wb[(wb_row_6 + b_col_3_1)], (6u < block_rows_3));
    let wb_6_4 = select(0.0f, wb[(wb_row_6 + b_col_4)], (6u < block_rows_3));
    let wb_6_5 = select(0.0f, wb[(wb_row_6 + b_col_5)], (6u < block_rows_3));
    let wb_6_6 = select(0.0f, wb[(wb_row_6 + b_col_6)], (6u < block_rows_3));
    let plane_1 = ((wid.z * 1024u) + wid.y);
    let x_block_1 = ((plane_1 * (params.in_h * params.in_w)) + ((col0_2 * params.in_w) + row0_3));
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
    // X row 0 of the block: T row = X row · B block, then Y block += A column 0 ⊗ T row
    let x_0_4 = x[x_block_1];
    let x_1_4 = x[(x_block_1 + b_row_1_1)];
    let x_2_4 = x[(x_block_1 + b_row_2_1)];
    let x_3_4 = x[(x_block_1 + b_row_3_1)];
    let x_4 = x[(x_block_1 + b_row_4)];
    let x_5 = x[(x_block_1 + b_row_5)];
    let x_6 = x[(x_block_1 + b_row_6)];
    let t_0_4 = (((((((x_0_4 * wb_0_0_1) + (x_1_4 * wb_1_0_1)) + (x_2_4 * wb_2_0_1)) + (x_3_4 * wb_3_0_1)) + (x_4 * wb_4_0)) + (x_5 * wb_5_0)) + (x_6 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_0_1 * t_0_4));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_0_1 * t_0_4));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_0_1 * t_0_4));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_0_1 * t_0_4));
    acc_4_0 = (acc_4_0 + (wa_4_0 * t_0_4));
    acc_5_0 = (acc_5_0 + (wa_5_0 * t_0_4));
    acc_6_0 = (acc_6_0 + (wa_6_0 * t_0_4));
    let t_1_4 = (((((((x_0_4 * wb_0_1_1) + (x_1_4 * wb_1_1_1)) + (x_2_4 * wb_2_1_1)) + (x_3_4 * wb_3_1_1)) + (x_4 * wb_4_1)) + (x_5 * wb_5_1)) + (x_6 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_0_1 * t_1_4));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_0_1 * t_1_4));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_0_1 * t_1_4));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_0_1 * t_1_4));
    acc_4_1 = (acc_4_1 + (wa_4_0 * t_1_4));
    acc_5_1 = (acc_5_1 + (wa_5_0 * t_1_4));
    acc_6_1 = (acc_6_1 + (wa_6_0 * t_1_4));
    let t_2_4 = (((((((x_0_4 * wb_0_2_1) + (x_1_4 * wb_1_2_1)) + (x_2_4 * wb_2_2_1)) + (x_3_4 * wb_3_2_1)) + (x_4 * wb_4_2)) + (x_5 * wb_5_2)) + (x_6 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_0_1 * t_2_4));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_0_1 * t_2_4));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_0_1 * t_2_4));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_0_1 * t_2_4));
    acc_4_2 = (acc_4_2 + (wa_4_0 * t_2_4));
    acc_5_2 = (acc_5_2 + (wa_5_0 * t_2_4));
    acc_6_2 = (acc_6_2 + (wa_6_0 * t_2_4));
    let t_3_4 = (((((((x_0_4 * wb_0_3_1) + (x_1_4 * wb_1_3_1)) + (x_2_4 * wb_2_3_1)) + (x_3_4 * wb_3_3_1)) + (x_4 * wb_4_3)) + (x_5 * wb_5_3)) + (x_6 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_0_1 * t_3_4));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_0_1 * t_3_4));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_0_1 * t_3_4));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_0_1 * t_3_4));
    acc_4_3 = (acc_4_3 + (wa_4_0 * t_3_4));
    acc_5_3 = (acc_5_3 + (wa_5_0 * t_3_4));
    acc_6_3 = (acc_6_3 + (wa_6_0 * t_3_4));
    let t_4 = (((((((x_0_4 * wb_0_4) + (x_1_4 * wb_1_4)) + (x_2_4 * wb_2_4)) + (x_3_4 * wb_3_4)) + (x_4 * wb_4_4)) + (x_5 * wb_5_4)) + (x_6 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_0_1 * t_4));
    acc_1_4 = (acc_1_4 + (wa_1_0_1 * t_4));
    acc_2_4 = (acc_2_4 + (wa_2_0_1 * t_4));
    acc_3_4 = (acc_3_4 + (wa_3_0_1 * t_4));
    acc_4_4 = (acc_4_4 + (wa_4_0 * t_4));
    acc_5_4 = (acc_5_4 + (wa_5_0 * t_4));
    acc_6_4 = (acc_6_4 + (wa_6_0 * t_4));
    let t_5 = (((((((x_0_4 * wb_0_5) + (x_1_4 * wb_1_5)) + (x_2_4 * wb_2_5)) + (x_3_4 * wb_3_5)) + (x_4 * wb_4_5)) + (x_5 * wb_5_5)) + (x_6 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_0_1 * t_5));
    acc_1_5 = (acc_1_5 + (wa_1_0_1 * t_5));
    acc_2_5 = (acc_2_5 + (wa_2_0_1 * t_5));
    acc_3_5 = (acc_3_5 + (wa_3_0_1 * t_5));
    acc_4_5 = (acc_4_5 + (wa_4_0 * t_5));
    acc_5_5 = (acc_5_5 + (wa_5_0 * t_5));
    acc_6_5 = (acc_6_5 + (wa_6_0 * t_5));
    let t_6 = (((((((x_0_4 * wb_0_6) + (x_1_4 * wb_1_6)) + (x_2_4 * wb_2_6)) + (x_3_4 * wb_3_6)) + (x_4 * wb_4_6)) + (x_5 * wb_5_6)) + (x_6 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_0_1 * t_6));
    acc_1_6 = (acc_1_6 + (wa_1_0_1 * t_6));
    acc_2_6 = (acc_2_6 + (wa_2_0_1 * t_6));
    acc_3_6 = (acc_3_6 + (wa_3_0_1 * t_6));
    acc_4_6 = (acc_4_6 + (wa_4_0 * t_6));
    acc_5_6 = (acc_5_6 + (wa_5_0 * t_6));
    acc_6_6 = (acc_6_6 + (wa_6_0 * t_6));
    // X row 1 of the block: T row = X row · B block, then Y block += A column 1 ⊗ T row
    let x_row_3 = (x_block_1 + (a_col_1_1 * params.in_w));
    let x_0_5 = x[x_row_3];
    let x_1_5 = x[(x_row_3 + b_row_1_1)];
    let x_2_5 = x[(x_row_3 + b_row_2_1)];
    let x_3_5 = x[(x_row_3 + b_row_3_1)];
    let x_4_1 = x[(x_row_3 + b_row_4)];
    let x_5_1 = x[(x_row_3 + b_row_5)];
    let x_6_1 = x[(x_row_3 + b_row_6)];
    let t_0_5 = (((((((x_0_5 * wb_0_0_1) + (x_1_5 * wb_1_0_1)) + (x_2_5 * wb_2_0_1)) + (x_3_5 * wb_3_0_1)) + (x_4_1 * wb_4_0)) + (x_5_1 * wb_5_0)) + (x_6_1 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_1_1 * t_0_5));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_1_1 * t_0_5));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_1_1 * t_0_5));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_1_1 * t_0_5));
    acc_4_0 = (acc_4_0 + (wa_4_1 * t_0_5));
    acc_5_0 = (acc_5_0 + (wa_5_1 * t_0_5));
    acc_6_0 = (acc_6_0 + (wa_6_1 * t_0_5));
    let t_1_5 = (((((((x_0_5 * wb_0_1_1) + (x_1_5 * wb_1_1_1)) + (x_2_5 * wb_2_1_1)) + (x_3_5 * wb_3_1_1)) + (x_4_1 * wb_4_1)) + (x_5_1 * wb_5_1)) + (x_6_1 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_1_1 * t_1_5));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_1_1 * t_1_5));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_1_1 * t_1_5));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_1_1 * t_1_5));
    acc_4_1 = (acc_4_1 + (wa_4_1 * t_1_5));
    acc_5_1 = (acc_5_1 + (wa_5_1 * t_1_5));
    acc_6_1 = (acc_6_1 + (wa_6_1 * t_1_5));
    let t_2_5 = (((((((x_0_5 * wb_0_2_1) + (x_1_5 * wb_1_2_1)) + (x_2_5 * wb_2_2_1)) + (x_3_5 * wb_3_2_1)) + (x_4_1 * wb_4_2)) + (x_5_1 * wb_5_2)) + (x_6_1 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_1_1 * t_2_5));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_1_1 * t_2_5));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_1_1 * t_2_5));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_1_1 * t_2_5));
    acc_4_2 = (acc_4_2 + (wa_4_1 * t_2_5));
    acc_5_2 = (acc_5_2 + (wa_5_1 * t_2_5));
    acc_6_2 = (acc_6_2 + (wa_6_1 * t_2_5));
    let t_3_5 = (((((((x_0_5 * wb_0_3_1) + (x_1_5 * wb_1_3_1)) + (x_2_5 * wb_2_3_1)) + (x_3_5 * wb_3_3_1)) + (x_4_1 * wb_4_3)) + (x_5_1 * wb_5_3)) + (x_6_1 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_1_1 * t_3_5));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_1_1 * t_3_5));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_1_1 * t_3_5));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_1_1 * t_3_5));
    acc_4_3 = (acc_4_3 + (wa_4_1 * t_3_5));
    acc_5_3 = (acc_5_3 + (wa_5_1 * t_3_5));
    acc_6_3 = (acc_6_3 + (wa_6_1 * t_3_5));
    let t_4_1 = (((((((x_0_5 * wb_0_4) + (x_1_5 * wb_1_4)) + (x_2_5 * wb_2_4)) + (x_3_5 * wb_3_4)) + (x_4_1 * wb_4_4)) + (x_5_1 * wb_5_4)) + (x_6_1 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_1_1 * t_4_1));
    acc_1_4 = (acc_1_4 + (wa_1_1_1 * t_4_1));
    acc_2_4 = (acc_2_4 + (wa_2_1_1 * t_4_1));
    acc_3_4 = (acc_3_4 + (wa_3_1_1 * t_4_1));
    acc_4_4 = (acc_4_4 + (wa_4_1 * t_4_1));
    acc_5_4 = (acc_5_4 + (wa_5_1 * t_4_1));
    acc_6_4 = (acc_6_4 + (wa_6_1 * t_4_1));
    let t_5_1 = (((((((x_0_5 * wb_0_5) + (x_1_5 * wb_1_5)) + (x_2_5 * wb_2_5)) + (x_3_5 * wb_3_5)) + (x_4_1 * wb_4_5)) + (x_5_1 * wb_5_5)) + (x_6_1 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_1_1 * t_5_1));
    acc_1_5 = (acc_1_5 + (wa_1_1_1 * t_5_1));
    acc_2_5 = (acc_2_5 + (wa_2_1_1 * t_5_1));
    acc_3_5 = (acc_3_5 + (wa_3_1_1 * t_5_1));
    acc_4_5 = (acc_4_5 + (wa_4_1 * t_5_1));
    acc_5_5 = (acc_5_5 + (wa_5_1 * t_5_1));
    acc_6_5 = (acc_6_5 + (wa_6_1 * t_5_1));
    let t_6_1 = (((((((x_0_5 * wb_0_6) + (x_1_5 * wb_1_6)) + (x_2_5 * wb_2_6)) + (x_3_5 * wb_3_6)) + (x_4_1 * wb_4_6)) + (x_5_1 * wb_5_6)) + (x_6_1 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_1_1 * t_6_1));
    acc_1_6 = (acc_1_6 + (wa_1_1_1 * t_6_1));
    acc_2_6 = (acc_2_6 + (wa_2_1_1 * t_6_1));
    acc_3_6 = (acc_3_6 + (wa_3_1_1 * t_6_1));
    acc_4_6 = (acc_4_6 + (wa_4_1 * t_6_1));
    acc_5_6 = (acc_5_6 + (wa_5_1 * t_6_1));
    acc_6_6 = (acc_6_6 + (wa_6_1 * t_6_1));
    // X row 2 of the block: T row = X row · B block, then Y block += A column 2 ⊗ T row
    let x_row_4 = (x_block_1 + (a_col_2_1 * params.in_w));
    let x_0_6 = x[x_row_4];
    let x_1_6 = x[(x_row_4 + b_row_1_1)];
    let x_2_6 = x[(x_row_4 + b_row_2_1)];
    let x_3_6 = x[(x_row_4 + b_row_3_1)];
    let x_4_2 = x[(x_row_4 + b_row_4)];
    let x_5_2 = x[(x_row_4 + b_row_5)];
    let x_6_2 = x[(x_row_4 + b_row_6)];
    let t_0_6 = (((((((x_0_6 * wb_0_0_1) + (x_1_6 * wb_1_0_1)) + (x_2_6 * wb_2_0_1)) + (x_3_6 * wb_3_0_1)) + (x_4_2 * wb_4_0)) + (x_5_2 * wb_5_0)) + (x_6_2 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_2_1 * t_0_6));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_2_1 * t_0_6));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_2_1 * t_0_6));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_2_1 * t_0_6));
    acc_4_0 = (acc_4_0 + (wa_4_2 * t_0_6));
    acc_5_0 = (acc_5_0 + (wa_5_2 * t_0_6));
    acc_6_0 = (acc_6_0 + (wa_6_2 * t_0_6));
    let t_1_6 = (((((((x_0_6 * wb_0_1_1) + (x_1_6 * wb_1_1_1)) + (x_2_6 * wb_2_1_1)) + (x_3_6 * wb_3_1_1)) + (x_4_2 * wb_4_1)) + (x_5_2 * wb_5_1)) + (x_6_2 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_2_1 * t_1_6));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_2_1 * t_1_6));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_2_1 * t_1_6));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_2_1 * t_1_6));
    acc_4_1 = (acc_4_1 + (wa_4_2 * t_1_6));
    acc_5_1 = (acc_5_1 + (wa_5_2 * t_1_6));
    acc_6_1 = (acc_6_1 + (wa_6_2 * t_1_6));
    let t_2_6 = (((((((x_0_6 * wb_0_2_1) + (x_1_6 * wb_1_2_1)) + (x_2_6 * wb_2_2_1)) + (x_3_6 * wb_3_2_1)) + (x_4_2 * wb_4_2)) + (x_5_2 * wb_5_2)) + (x_6_2 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_2_1 * t_2_6));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_2_1 * t_2_6));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_2_1 * t_2_6));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_2_1 * t_2_6));
    acc_4_2 = (acc_4_2 + (wa_4_2 * t_2_6));
    acc_5_2 = (acc_5_2 + (wa_5_2 * t_2_6));
    acc_6_2 = (acc_6_2 + (wa_6_2 * t_2_6));
    let t_3_6 = (((((((x_0_6 * wb_0_3_1) + (x_1_6 * wb_1_3_1)) + (x_2_6 * wb_2_3_1)) + (x_3_6 * wb_3_3_1)) + (x_4_2 * wb_4_3)) + (x_5_2 * wb_5_3)) + (x_6_2 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_2_1 * t_3_6));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_2_1 * t_3_6));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_2_1 * t_3_6));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_2_1 * t_3_6));
    acc_4_3 = (acc_4_3 + (wa_4_2 * t_3_6));
    acc_5_3 = (acc_5_3 + (wa_5_2 * t_3_6));
    acc_6_3 = (acc_6_3 + (wa_6_2 * t_3_6));
    let t_4_2 = (((((((x_0_6 * wb_0_4) + (x_1_6 * wb_1_4)) + (x_2_6 * wb_2_4)) + (x_3_6 * wb_3_4)) + (x_4_2 * wb_4_4)) + (x_5_2 * wb_5_4)) + (x_6_2 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_2_1 * t_4_2));
    acc_1_4 = (acc_1_4 + (wa_1_2_1 * t_4_2));
    acc_2_4 = (acc_2_4 + (wa_2_2_1 * t_4_2));
    acc_3_4 = (acc_3_4 + (wa_3_2_1 * t_4_2));
    acc_4_4 = (acc_4_4 + (wa_4_2 * t_4_2));
    acc_5_4 = (acc_5_4 + (wa_5_2 * t_4_2));
    acc_6_4 = (acc_6_4 + (wa_6_2 * t_4_2));
    let t_5_2 = (((((((x_0_6 * wb_0_5) + (x_1_6 * wb_1_5)) + (x_2_6 * wb_2_5)) + (x_3_6 * wb_3_5)) + (x_4_2 * wb_4_5)) + (x_5_2 * wb_5_5)) + (x_6_2 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_2_1 * t_5_2));
    acc_1_5 = (acc_1_5 + (wa_1_2_1 * t_5_2));
    acc_2_5 = (acc_2_5 + (wa_2_2_1 * t_5_2));
    acc_3_5 = (acc_3_5 + (wa_3_2_1 * t_5_2));
    acc_4_5 = (acc_4_5 + (wa_4_2 * t_5_2));
    acc_5_5 = (acc_5_5 + (wa_5_2 * t_5_2));
    acc_6_5 = (acc_6_5 + (wa_6_2 * t_5_2));
    let t_6_2 = (((((((x_0_6 * wb_0_6) + (x_1_6 * wb_1_6)) + (x_2_6 * wb_2_6)) + (x_3_6 * wb_3_6)) + (x_4_2 * wb_4_6)) + (x_5_2 * wb_5_6)) + (x_6_2 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_2_1 * t_6_2));
    acc_1_6 = (acc_1_6 + (wa_1_2_1 * t_6_2));
    acc_2_6 = (acc_2_6 + (wa_2_2_1 * t_6_2));
    acc_3_6 = (acc_3_6 + (wa_3_2_1 * t_6_2));
    acc_4_6 = (acc_4_6 + (wa_4_2 * t_6_2));
    acc_5_6 = (acc_5_6 + (wa_5_2 * t_6_2));
    acc_6_6 = (acc_6_6 + (wa_6_2 * t_6_2));
    // X row 3 of the block: T row = X row · B block, then Y block += A column 3 ⊗ T row
    let x_row_5 = (x_block_1 + (a_col_3_1 * params.in_w));
    let x_0_7 = x[x_row_5];
    let x_1_7 = x[(x_row_5 + b_row_1_1)];
    let x_2_7 = x[(x_row_5 + b_row_2_1)];
    let x_3_7 = x[(x_row_5 + b_row_3_1)];
    let x_4_3 = x[(x_row_5 + b_row_4)];
    let x_5_3 = x[(x_row_5 + b_row_5)];
    let x_6_3 = x[(x_row_5 + b_row_6)];
    let t_0_7 = (((((((x_0_7 * wb_0_0_1) + (x_1_7 * wb_1_0_1)) + (x_2_7 * wb_2_0_1)) + (x_3_7 * wb_3_0_1)) + (x_4_3 * wb_4_0)) + (x_5_3 * wb_5_0)) + (x_6_3 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_3_1 * t_0_7));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_3_1 * t_0_7));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_3_1 * t_0_7));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_3_1 * t_0_7));
    acc_4_0 = (acc_4_0 + (wa_4_3 * t_0_7));
    acc_5_0 = (acc_5_0 + (wa_5_3 * t_0_7));
    acc_6_0 = (acc_6_0 + (wa_6_3 * t_0_7));
    let t_1_7 = (((((((x_0_7 * wb_0_1_1) + (x_1_7 * wb_1_1_1)) + (x_2_7 * wb_2_1_1)) + (x_3_7 * wb_3_1_1)) + (x_4_3 * wb_4_1)) + (x_5_3 * wb_5_1)) + (x_6_3 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_3_1 * t_1_7));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_3_1 * t_1_7));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_3_1 * t_1_7));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_3_1 * t_1_7));
    acc_4_1 = (acc_4_1 + (wa_4_3 * t_1_7));
    acc_5_1 = (acc_5_1 + (wa_5_3 * t_1_7));
    acc_6_1 = (acc_6_1 + (wa_6_3 * t_1_7));
    let t_2_7 = (((((((x_0_7 * wb_0_2_1) + (x_1_7 * wb_1_2_1)) + (x_2_7 * wb_2_2_1)) + (x_3_7 * wb_3_2_1)) + (x_4_3 * wb_4_2)) + (x_5_3 * wb_5_2)) + (x_6_3 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_3_1 * t_2_7));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_3_1 * t_2_7));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_3_1 * t_2_7));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_3_1 * t_2_7));
    acc_4_2 = (acc_4_2 + (wa_4_3 * t_2_7));
    acc_5_2 = (acc_5_2 + (wa_5_3 * t_2_7));
    acc_6_2 = (acc_6_2 + (wa_6_3 * t_2_7));
    let t_3_7 = (((((((x_0_7 * wb_0_3_1) + (x_1_7 * wb_1_3_1)) + (x_2_7 * wb_2_3_1)) + (x_3_7 * wb_3_3_1)) + (x_4_3 * wb_4_3)) + (x_5_3 * wb_5_3)) + (x_6_3 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_3_1 * t_3_7));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_3_1 * t_3_7));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_3_1 * t_3_7));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_3_1 * t_3_7));
    acc_4_3 = (acc_4_3 + (wa_4_3 * t_3_7));
    acc_5_3 = (acc_5_3 + (wa_5_3 * t_3_7));
    acc_6_3 = (acc_6_3 + (wa_6_3 * t_3_7));
    let t_4_3 = (((((((x_0_7 * wb_0_4) + (x_1_7 * wb_1_4)) + (x_2_7 * wb_2_4)) + (x_3_7 * wb_3_4)) + (x_4_3 * wb_4_4)) + (x_5_3 * wb_5_4)) + (x_6_3 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_3_1 * t_4_3));
    acc_1_4 = (acc_1_4 + (wa_1_3_1 * t_4_3));
    acc_2_4 = (acc_2_4 + (wa_2_3_1 * t_4_3));
    acc_3_4 = (acc_3_4 + (wa_3_3_1 * t_4_3));
    acc_4_4 = (acc_4_4 + (wa_4_3 * t_4_3));
    acc_5_4 = (acc_5_4 + (wa_5_3 * t_4_3));
    acc_6_4 = (acc_6_4 + (wa_6_3 * t_4_3));
    let t_5_3 = (((((((x_0_7 * wb_0_5) + (x_1_7 * wb_1_5)) + (x_2_7 * wb_2_5)) + (x_3_7 * wb_3_5)) + (x_4_3 * wb_4_5)) + (x_5_3 * wb_5_5)) + (x_6_3 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_3_1 * t_5_3));
    acc_1_5 = (acc_1_5 + (wa_1_3_1 * t_5_3));
    acc_2_5 = (acc_2_5 + (wa_2_3_1 * t_5_3));
    acc_3_5 = (acc_3_5 + (wa_3_3_1 * t_5_3));
    acc_4_5 = (acc_4_5 + (wa_4_3 * t_5_3));
    acc_5_5 = (acc_5_5 + (wa_5_3 * t_5_3));
    acc_6_5 = (acc_6_5 + (wa_6_3 * t_5_3));
    let t_6_3 = (((((((x_0_7 * wb_0_6) + (x_1_7 * wb_1_6)) + (x_2_7 * wb_2_6)) + (x_3_7 * wb_3_6)) + (x_4_3 * wb_4_6)) + (x_5_3 * wb_5_6)) + (x_6_3 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_3_1 * t_6_3));
    acc_1_6 = (acc_1_6 + (wa_1_3_1 * t_6_3));
    acc_2_6 = (acc_2_6 + (wa_2_3_1 * t_6_3));
    acc_3_6 = (acc_3_6 + (wa_3_3_1 * t_6_3));
    acc_4_6 = (acc_4_6 + (wa_4_3 * t_6_3));
    acc_5_6 = (acc_5_6 + (wa_5_3 * t_6_3));
    acc_6_6 = (acc_6_6 + (wa_6_3 * t_6_3));
    // X row 4 of the block: T row = X row · B block, then Y block += A column 4 ⊗ T row
    let x_row_6 = (x_block_1 + (a_col_4 * params.in_w));
    let x_0_8 = x[x_row_6];
    let x_1_8 = x[(x_row_6 + b_row_1_1)];
    let x_2_8 = x[(x_row_6 + b_row_2_1)];
    let x_3_8 = x[(x_row_6 + b_row_3_1)];
    let x_4_4 = x[(x_row_6 + b_row_4)];
    let x_5_4 = x[(x_row_6 + b_row_5)];
    let x_6_4 = x[(x_row_6 + b_row_6)];
    let t_0_8 = (((((((x_0_8 * wb_0_0_1) + (x_1_8 * wb_1_0_1)) + (x_2_8 * wb_2_0_1)) + (x_3_8 * wb_3_0_1)) + (x_4_4 * wb_4_0)) + (x_5_4 * wb_5_0)) + (x_6_4 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_4 * t_0_8));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_4 * t_0_8));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_4 * t_0_8));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_4 * t_0_8));
    acc_4_0 = (acc_4_0 + (wa_4_4 * t_0_8));
    acc_5_0 = (acc_5_0 + (wa_5_4 * t_0_8));
    acc_6_0 = (acc_6_0 + (wa_6_4 * t_0_8));
    let t_1_8 = (((((((x_0_8 * wb_0_1_1) + (x_1_8 * wb_1_1_1)) + (x_2_8 * wb_2_1_1)) + (x_3_8 * wb_3_1_1)) + (x_4_4 * wb_4_1)) + (x_5_4 * wb_5_1)) + (x_6_4 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_4 * t_1_8));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_4 * t_1_8));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_4 * t_1_8));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_4 * t_1_8));
    acc_4_1 = (acc_4_1 + (wa_4_4 * t_1_8));
    acc_5_1 = (acc_5_1 + (wa_5_4 * t_1_8));
    acc_6_1 = (acc_6_1 + (wa_6_4 * t_1_8));
    let t_2_8 = (((((((x_0_8 * wb_0_2_1) + (x_1_8 * wb_1_2_1)) + (x_2_8 * wb_2_2_1)) + (x_3_8 * wb_3_2_1)) + (x_4_4 * wb_4_2)) + (x_5_4 * wb_5_2)) + (x_6_4 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_4 * t_2_8));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_4 * t_2_8));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_4 * t_2_8));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_4 * t_2_8));
    acc_4_2 = (acc_4_2 + (wa_4_4 * t_2_8));
    acc_5_2 = (acc_5_2 + (wa_5_4 * t_2_8));
    acc_6_2 = (acc_6_2 + (wa_6_4 * t_2_8));
    let t_3_8 = (((((((x_0_8 * wb_0_3_1) + (x_1_8 * wb_1_3_1)) + (x_2_8 * wb_2_3_1)) + (x_3_8 * wb_3_3_1)) + (x_4_4 * wb_4_3)) + (x_5_4 * wb_5_3)) + (x_6_4 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_4 * t_3_8));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_4 * t_3_8));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_4 * t_3_8));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_4 * t_3_8));
    acc_4_3 = (acc_4_3 + (wa_4_4 * t_3_8));
    acc_5_3 = (acc_5_3 + (wa_5_4 * t_3_8));
    acc_6_3 = (acc_6_3 + (wa_6_4 * t_3_8));
    let t_4_4 = (((((((x_0_8 * wb_0_4) + (x_1_8 * wb_1_4)) + (x_2_8 * wb_2_4)) + (x_3_8 * wb_3_4)) + (x_4_4 * wb_4_4)) + (x_5_4 * wb_5_4)) + (x_6_4 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_4 * t_4_4));
    acc_1_4 = (acc_1_4 + (wa_1_4 * t_4_4));
    acc_2_4 = (acc_2_4 + (wa_2_4 * t_4_4));
    acc_3_4 = (acc_3_4 + (wa_3_4 * t_4_4));
    acc_4_4 = (acc_4_4 + (wa_4_4 * t_4_4));
    acc_5_4 = (acc_5_4 + (wa_5_4 * t_4_4));
    acc_6_4 = (acc_6_4 + (wa_6_4 * t_4_4));
    let t_5_4 = (((((((x_0_8 * wb_0_5) + (x_1_8 * wb_1_5)) + (x_2_8 * wb_2_5)) + (x_3_8 * wb_3_5)) + (x_4_4 * wb_4_5)) + (x_5_4 * wb_5_5)) + (x_6_4 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_4 * t_5_4));
    acc_1_5 = (acc_1_5 + (wa_1_4 * t_5_4));
    acc_2_5 = (acc_2_5 + (wa_2_4 * t_5_4));
    acc_3_5 = (acc_3_5 + (wa_3_4 * t_5_4));
    acc_4_5 = (acc_4_5 + (wa_4_4 * t_5_4));
    acc_5_5 = (acc_5_5 + (wa_5_4 * t_5_4));
    acc_6_5 = (acc_6_5 + (wa_6_4 * t_5_4));
    let t_6_4 = (((((((x_0_8 * wb_0_6) + (x_1_8 * wb_1_6)) + (x_2_8 * wb_2_6)) + (x_3_8 * wb_3_6)) + (x_4_4 * wb_4_6)) + (x_5_4 * wb_5_6)) + (x_6_4 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_4 * t_6_4));
    acc_1_6 = (acc_1_6 + (wa_1_4 * t_6_4));
    acc_2_6 = (acc_2_6 + (wa_2_4 * t_6_4));
    acc_3_6 = (acc_3_6 + (wa_3_4 * t_6_4));
    acc_4_6 = (acc_4_6 + (wa_4_4 * t_6_4));
    acc_5_6 = (acc_5_6 + (wa_5_4 * t_6_4));
    acc_6_6 = (acc_6_6 + (wa_6_4 * t_6_4));
    // X row 5 of the block: T row = X row · B block, then Y block += A column 5 ⊗ T row
    let x_row_7 = (x_block_1 + (a_col_5 * params.in_w));
    let x_0_9 = x[x_row_7];
    let x_1_9 = x[(x_row_7 + b_row_1_1)];
    let x_2_9 = x[(x_row_7 + b_row_2_1)];
    let x_3_9 = x[(x_row_7 + b_row_3_1)];
    let x_4_5 = x[(x_row_7 + b_row_4)];
    let x_5_5 = x[(x_row_7 + b_row_5)];
    let x_6_5 = x[(x_row_7 + b_row_6)];
    let t_0_9 = (((((((x_0_9 * wb_0_0_1) + (x_1_9 * wb_1_0_1)) + (x_2_9 * wb_2_0_1)) + (x_3_9 * wb_3_0_1)) + (x_4_5 * wb_4_0)) + (x_5_5 * wb_5_0)) + (x_6_5 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_5 * t_0_9));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_5 * t_0_9));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_5 * t_0_9));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_5 * t_0_9));
    acc_4_0 = (acc_4_0 + (wa_4_5 * t_0_9));
    acc_5_0 = (acc_5_0 + (wa_5_5 * t_0_9));
    acc_6_0 = (acc_6_0 + (wa_6_5 * t_0_9));
    let t_1_9 = (((((((x_0_9 * wb_0_1_1) + (x_1_9 * wb_1_1_1)) + (x_2_9 * wb_2_1_1)) + (x_3_9 * wb_3_1_1)) + (x_4_5 * wb_4_1)) + (x_5_5 * wb_5_1)) + (x_6_5 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_5 * t_1_9));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_5 * t_1_9));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_5 * t_1_9));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_5 * t_1_9));
    acc_4_1 = (acc_4_1 + (wa_4_5 * t_1_9));
    acc_5_1 = (acc_5_1 + (wa_5_5 * t_1_9));
    acc_6_1 = (acc_6_1 + (wa_6_5 * t_1_9));
    let t_2_9 = (((((((x_0_9 * wb_0_2_1) + (x_1_9 * wb_1_2_1)) + (x_2_9 * wb_2_2_1)) + (x_3_9 * wb_3_2_1)) + (x_4_5 * wb_4_2)) + (x_5_5 * wb_5_2)) + (x_6_5 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_5 * t_2_9));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_5 * t_2_9));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_5 * t_2_9));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_5 * t_2_9));
    acc_4_2 = (acc_4_2 + (wa_4_5 * t_2_9));
    acc_5_2 = (acc_5_2 + (wa_5_5 * t_2_9));
    acc_6_2 = (acc_6_2 + (wa_6_5 * t_2_9));
    let t_3_9 = (((((((x_0_9 * wb_0_3_1) + (x_1_9 * wb_1_3_1)) + (x_2_9 * wb_2_3_1)) + (x_3_9 * wb_3_3_1)) + (x_4_5 * wb_4_3)) + (x_5_5 * wb_5_3)) + (x_6_5 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_5 * t_3_9));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_5 * t_3_9));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_5 * t_3_9));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_5 * t_3_9));
    acc_4_3 = (acc_4_3 + (wa_4_5 * t_3_9));
    acc_5_3 = (acc_5_3 + (wa_5_5 * t_3_9));
    acc_6_3 = (acc_6_3 + (wa_6_5 * t_3_9));
    let t_4_5 = (((((((x_0_9 * wb_0_4) + (x_1_9 * wb_1_4)) + (x_2_9 * wb_2_4)) + (x_3_9 * wb_3_4)) + (x_4_5 * wb_4_4)) + (x_5_5 * wb_5_4)) + (x_6_5 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_5 * t_4_5));
    acc_1_4 = (acc_1_4 + (wa_1_5 * t_4_5));
    acc_2_4 = (acc_2_4 + (wa_2_5 * t_4_5));
    acc_3_4 = (acc_3_4 + (wa_3_5 * t_4_5));
    acc_4_4 = (acc_4_4 + (wa_4_5 * t_4_5));
    acc_5_4 = (acc_5_4 + (wa_5_5 * t_4_5));
    acc_6_4 = (acc_6_4 + (wa_6_5 * t_4_5));
    let t_5_5 = (((((((x_0_9 * wb_0_5) + (x_1_9 * wb_1_5)) + (x_2_9 * wb_2_5)) + (x_3_9 * wb_3_5)) + (x_4_5 * wb_4_5)) + (x_5_5 * wb_5_5)) + (x_6_5 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_5 * t_5_5));
    acc_1_5 = (acc_1_5 + (wa_1_5 * t_5_5));
    acc_2_5 = (acc_2_5 + (wa_2_5 * t_5_5));
    acc_3_5 = (acc_3_5 + (wa_3_5 * t_5_5));
    acc_4_5 = (acc_4_5 + (wa_4_5 * t_5_5));
    acc_5_5 = (acc_5_5 + (wa_5_5 * t_5_5));
    acc_6_5 = (acc_6_5 + (wa_6_5 * t_5_5));
    let t_6_5 = (((((((x_0_9 * wb_0_6) + (x_1_9 * wb_1_6)) + (x_2_9 * wb_2_6)) + (x_3_9 * wb_3_6)) + (x_4_5 * wb_4_6)) + (x_5_5 * wb_5_6)) + (x_6_5 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_5 * t_6_5));
    acc_1_6 = (acc_1_6 + (wa_1_5 * t_6_5));
    acc_2_6 = (acc_2_6 + (wa_2_5 * t_6_5));
    acc_3_6 = (acc_3_6 + (wa_3_5 * t_6_5));
    acc_4_6 = (acc_4_6 + (wa_4_5 * t_6_5));
    acc_5_6 = (acc_5_6 + (wa_5_5 * t_6_5));
    acc_6_6 = (acc_6_6 + (wa_6_5 * t_6_5));
    // X row 6 of the block: T row = X row · B block, then Y block += A column 6 ⊗ T row
    let x_row_8 = (x_block_1 + (a_col_6 * params.in_w));
    let x_0_10 = x[x_row_8];
    let x_1_10 = x[(x_row_8 + b_row_1_1)];
    let x_2_10 = x[(x_row_8 + b_row_2_1)];
    let x_3_10 = x[(x_row_8 + b_row_3_1)];
    let x_4_6 = x[(x_row_8 + b_row_4)];
    let x_5_6 = x[(x_row_8 + b_row_5)];
    let x_6_6 = x[(x_row_8 + b_row_6)];
    let t_0_10 = (((((((x_0_10 * wb_0_0_1) + (x_1_10 * wb_1_0_1)) + (x_2_10 * wb_2_0_1)) + (x_3_10 * wb_3_0_1)) + (x_4_6 * wb_4_0)) + (x_5_6 * wb_5_0)) + (x_6_6 * wb_6_0));
    acc_0_0_1 = (acc_0_0_1 + (wa_0_6 * t_0_10));
    acc_1_0_1 = (acc_1_0_1 + (wa_1_6 * t_0_10));
    acc_2_0_1 = (acc_2_0_1 + (wa_2_6 * t_0_10));
    acc_3_0_1 = (acc_3_0_1 + (wa_3_6 * t_0_10));
    acc_4_0 = (acc_4_0 + (wa_4_6 * t_0_10));
    acc_5_0 = (acc_5_0 + (wa_5_6 * t_0_10));
    acc_6_0 = (acc_6_0 + (wa_6_6 * t_0_10));
    let t_1_10 = (((((((x_0_10 * wb_0_1_1) + (x_1_10 * wb_1_1_1)) + (x_2_10 * wb_2_1_1)) + (x_3_10 * wb_3_1_1)) + (x_4_6 * wb_4_1)) + (x_5_6 * wb_5_1)) + (x_6_6 * wb_6_1));
    acc_0_1_1 = (acc_0_1_1 + (wa_0_6 * t_1_10));
    acc_1_1_1 = (acc_1_1_1 + (wa_1_6 * t_1_10));
    acc_2_1_1 = (acc_2_1_1 + (wa_2_6 * t_1_10));
    acc_3_1_1 = (acc_3_1_1 + (wa_3_6 * t_1_10));
    acc_4_1 = (acc_4_1 + (wa_4_6 * t_1_10));
    acc_5_1 = (acc_5_1 + (wa_5_6 * t_1_10));
    acc_6_1 = (acc_6_1 + (wa_6_6 * t_1_10));
    let t_2_10 = (((((((x_0_10 * wb_0_2_1) + (x_1_10 * wb_1_2_1)) + (x_2_10 * wb_2_2_1)) + (x_3_10 * wb_3_2_1)) + (x_4_6 * wb_4_2)) + (x_5_6 * wb_5_2)) + (x_6_6 * wb_6_2));
    acc_0_2_1 = (acc_0_2_1 + (wa_0_6 * t_2_10));
    acc_1_2_1 = (acc_1_2_1 + (wa_1_6 * t_2_10));
    acc_2_2_1 = (acc_2_2_1 + (wa_2_6 * t_2_10));
    acc_3_2_1 = (acc_3_2_1 + (wa_3_6 * t_2_10));
    acc_4_2 = (acc_4_2 + (wa_4_6 * t_2_10));
    acc_5_2 = (acc_5_2 + (wa_5_6 * t_2_10));
    acc_6_2 = (acc_6_2 + (wa_6_6 * t_2_10));
    let t_3_10 = (((((((x_0_10 * wb_0_3_1) + (x_1_10 * wb_1_3_1)) + (x_2_10 * wb_2_3_1)) + (x_3_10 * wb_3_3_1)) + (x_4_6 * wb_4_3)) + (x_5_6 * wb_5_3)) + (x_6_6 * wb_6_3));
    acc_0_3_1 = (acc_0_3_1 + (wa_0_6 * t_3_10));
    acc_1_3_1 = (acc_1_3_1 + (wa_1_6 * t_3_10));
    acc_2_3_1 = (acc_2_3_1 + (wa_2_6 * t_3_10));
    acc_3_3_1 = (acc_3_3_1 + (wa_3_6 * t_3_10));
    acc_4_3 = (acc_4_3 + (wa_4_6 * t_3_10));
    acc_5_3 = (acc_5_3 + (wa_5_6 * t_3_10));
    acc_6_3 = (acc_6_3 + (wa_6_6 * t_3_10));
    let t_4_6 = (((((((x_0_10 * wb_0_4) + (x_1_10 * wb_1_4)) + (x_2_10 * wb_2_4)) + (x_3_10 * wb_3_4)) + (x_4_6 * wb_4_4)) + (x_5_6 * wb_5_4)) + (x_6_6 * wb_6_4));
    acc_0_4 = (acc_0_4 + (wa_0_6 * t_4_6));
    acc_1_4 = (acc_1_4 + (wa_1_6 * t_4_6));
    acc_2_4 = (acc_2_4 + (wa_2_6 * t_4_6));
    acc_3_4 = (acc_3_4 + (wa_3_6 * t_4_6));
    acc_4_4 = (acc_4_4 + (wa_4_6 * t_4_6));
    acc_5_4 = (acc_5_4 + (wa_5_6 * t_4_6));
    acc_6_4 = (acc_6_4 + (wa_6_6 * t_4_6));
    let t_5_6 = (((((((x_0_10 * wb_0_5) + (x_1_10 * wb_1_5)) + (x_2_10 * wb_2_5)) + (x_3_10 * wb_3_5)) + (x_4_6 * wb_4_5)) + (x_5_6 * wb_5_5)) + (x_6_6 * wb_6_5));
    acc_0_5 = (acc_0_5 + (wa_0_6 * t_5_6));
    acc_1_5 = (acc_1_5 + (wa_1_6 * t_5_6));
    acc_2_5 = (acc_2_5 + (wa_2_6 * t_5_6));
    acc_3_5 = (acc_3_5 + (wa_3_6 * t_5_6));
    acc_4_5 = (acc_4_5 + (wa_4_6 * t_5_6));
    acc_5_5 = (acc_5_5 + (wa_5_6 * t_5_6));
    acc_6_5 = (acc_6_5 + (wa_6_6 * t_5_6));
    let t_6_6 = (((((((x_0_10 * wb_0_6) + (x_1_10 * wb_1_6)) + (x_2_10 * wb_2_6)) + (x_3_10 * wb_3_6)) + (x_4_6 * wb_4_6)) + (x_5_6 * wb_5_6)) + (x_6_6 * wb_6_6));
    acc_0_6 = (acc_0_6 + (wa_0_6 * t_6_6));
    acc_1_6 = (acc_1_6 + (wa_1_6 * t_6_6));
    acc_2_6 = (acc_2_6 + (wa_2_6 * t_6_6));
    acc_3_6 = (acc_3_6 + (wa_3_6 * t_6_6));
    acc_4_6 = (acc_4_6 + (wa_4_6 * t_6_6));
    acc_5_6 = (acc_5_6 + (wa_5_6 * t_6_6));
    acc_6_6 = (acc_6_6 + (wa_6_6 * t_6_6));
    // store the rows and columns that exist (the last blocks may be truncated)
    if (((0u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_0_0_1;
    }
    if (((0u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_0_1_1;
    }
    if (((0u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_0_2_1;
    }
    if (((0u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_0_3_1;
    }
    if (((0u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_0_4;
    }
    if (((0u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_0_5;
    }
    if (((0u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + row0_2) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_0_6;
    }
    if (((1u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_1_0_1;
    }
    if (((1u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_1_1_1;
    }
    if (((1u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_1_2_1;
    }
    if (((1u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_1_3_1;
    }
    if (((1u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_1_4;
    }
    if (((1u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_1_5;
    }
    if (((1u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 1u)) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_1_6;
    }
    if (((2u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_2_0_1;
    }
    if (((2u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_2_1_1;
    }
    if (((2u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_2_2_1;
    }
    if (((2u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_2_3_1;
    }
    if (((2u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_2_4;
    }
    if (((2u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_2_5;
    }
    if (((2u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 2u)) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_2_6;
    }
    if (((3u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_3_0_1;
    }
    if (((3u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_3_1_1;
    }
    if (((3u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_3_2_1;
    }
    if (((3u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_3_3_1;
    }
    if (((3u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_3_4;
    }
    if (((3u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_3_5;
    }
    if (((3u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 3u)) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_3_6;
    }
    if (((4u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_4_0;
    }
    if (((4u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_4_1;
    }
    if (((4u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_4_2;
    }
    if (((4u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_4_3;
    }
    if (((4u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_4_4;
    }
    if (((4u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_4_5;
    }
    if (((4u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 4u)) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_4_6;
    }
    if (((5u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_5_0;
    }
    if (((5u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_5_1;
    }
    if (((5u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_5_2;
    }
    if (((5u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_5_3;
    }
    if (((5u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_5_4;
    }
    if (((5u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_5_5;
    }
    if (((5u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 5u)) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_5_6;
    }
    if (((6u < block_rows_2) && (0u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + col0_3) * 1024u) + wid.y)] = acc_6_0;
    }
    if (((6u < block_rows_2) && (1u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + (col0_3 + 1u)) * 1024u) + wid.y)] = acc_6_1;
    }
    if (((6u < block_rows_2) && (2u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + (col0_3 + 2u)) * 1024u) + wid.y)] = acc_6_2;
    }
    if (((6u < block_rows_2) && (3u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + (col0_3 + 3u)) * 1024u) + wid.y)] = acc_6_3;
    }
    if (((6u < block_rows_2) && (4u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + (col0_3 + 4u)) * 1024u) + wid.y)] = acc_6_4;
    }
    if (((6u < block_rows_2) && (5u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + (col0_3 + 5u)) * 1024u) + wid.y)] = acc_6_5;
    }
    if (((6u < block_rows_2) && (6u < block_cols_3))) {
      y[((((((wid.z * params.out_h) + (row0_2 + 6u)) * params.out_w) + (col0_3 + 6u)) * 1024u) + wid.y)] = acc_6_6;
    }
  }
}
