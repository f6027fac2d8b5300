// neocc neocell_forward_tiles_nchw: y = NeoCell(x), NCHW output, one output block per invocation, workgroup 64
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":1024}]
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
  // channels [0, 1024): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (wid.y * 2u);
  let wb_base = (wid.y * 2u);
  let placements = min(params.out_h, ((params.in_h + 1u) / 2u));
  let placements_1 = min(((params.in_w + 1u) / 2u), params.out_w);
  let pa = (tile / placements_1);
  if ((pa >= placements)) {
    return;
  }
  let col0 = (pa * 2u);
  let block_rows = min(1u, (params.out_h - pa));
  let block_cols = min(2u, (params.in_h - col0));
  let pb = (tile % placements_1);
  let row0 = (pb * 2u);
  let block_rows_1 = min(2u, (params.in_w - row0));
  let block_cols_1 = min(1u, (params.out_w - pb));
  // weights: A block 1x2 (columns past the block zeroed), B block 2x1 (rows past the block zeroed)
  let a_col_last = (block_cols - 1u);
  let a_col_1 = min(1u, a_col_last);
  let a_row_last = (block_rows - 1u);
  let b_row_last = (block_rows_1 - 1u);
  let b_row_1 = min(1u, b_row_last);
  let b_col_last = (block_cols_1 - 1u);
  let wb_row_1 = (wb_base + b_row_1);
  let wa_0_0 = wa[wa_base];
  let wa_0_1 = select(0.0f, wa[(wa_base + a_col_1)], (1u < block_cols));
  let wb_0_0 = wb[wb_base];
  let wb_1_0 = select(0.0f, wb[wb_row_1], (1u < block_rows_1));
  let plane = ((wid.z * 1024u) + wid.y);
  let x_block = ((plane * (params.in_h * params.in_w)) + ((col0 * params.in_w) + row0));
  var acc_0_0: f32 = 0.0f;
  // X row 0 of the block: T row = X row · B block, then Y block += A column 0 ⊗ T row
  let x_0 = x[x_block];
  let x_1 = x[(x_block + b_row_1)];
  let t_0 = ((x_0 * wb_0_0) + (x_1 * wb_1_0));
  acc_0_0 = (acc_0_0 + (wa_0_0 * t_0));
  // X row 1 of the block: T row = X row · B block, then Y block += A column 1 ⊗ T row
  let x_row = (x_block + (a_col_1 * params.in_w));
  let x_0_1 = x[x_row];
  let x_1_1 = x[(x_row + b_row_1)];
  let t_0_1 = ((x_0_1 * wb_0_0) + (x_1_1 * wb_1_0));
  acc_0_0 = (acc_0_0 + (wa_0_1 * t_0_1));
  // store the rows and columns that exist (the last blocks may be truncated)
  if (((0u < block_rows) && (0u < block_cols_1))) {
    y[((((((wid.z * 1024u) + wid.y) * params.out_h) + pa) * params.out_w) + pb)] = acc_0_0;
  }
}
