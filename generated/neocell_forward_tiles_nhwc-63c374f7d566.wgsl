// neocc neocell_forward_tiles_nhwc: y = NeoCell(x), NHWC output, one output block per invocation, workgroup 64
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
}
@group(0) @binding(4) var<uniform> params: Params;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let tile = ((wid.x * 64u) + lidx);
  // channels [0, 512): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  let wa_base = (wid.y * 2u);
  let wb_base = (wid.y * 2u);
  let placements = min(params.out_h, ((params.in_h + 1u) / 2u));
  let placements_1 = min(((params.in_w + 1u) / 2u), params.out_w);
  let pa = (tile / placements_1);
  if ((pa >= placements)) {
    return;
  }
  let pb = (tile % placements_1);
  let y_row_start = (pa + 1u);
  let y_row_last = (params.out_h - 1u);
  let y_row_ok = ((y_row_start >= 1u) && (y_row_start < (params.out_h + 1u)));
  let y_row_at = min((max(y_row_start, 1u) - 1u), y_row_last);
  let x_row_start = ((pa + 1u) * 2u);
  let x_row_last = (params.in_h - 1u);
  let x_col_start = ((pb + 1u) * 2u);
  let x_col_last = (params.in_w - 1u);
  let x_col_ok = ((x_col_start >= 2u) && (x_col_start < (params.in_w + 2u)));
  let x_col_at = min((max(x_col_start, 2u) - 2u), x_col_last);
  let x_col_pos = (x_col_start + 1u);
  let x_col_ok_1 = ((x_col_pos >= 2u) && (x_col_pos < (params.in_w + 2u)));
  let x_col_at_1 = min((max(x_col_pos, 2u) - 2u), x_col_last);
  let y_col_start = (pb + 1u);
  let y_col_last = (params.out_w - 1u);
  let y_col_ok = ((y_col_start >= 1u) && (y_col_start < (params.out_w + 1u)));
  let y_col_at = min((max(y_col_start, 1u) - 1u), y_col_last);
  // B weights: the whole 2x1 kernel of this channel (the same for all its blocks: uniform loads)
  let wb_0_0 = wb[wb_base];
  let wb_1_0 = wb[(wb_base + 1u)];
  let plane = (((wid.z * 512u) + wid.y) * (params.in_h * params.in_w));
  var acc_0_0: f32 = 0.0f;
  for (var h: u32 = 0u; h < 2u; h = h + 1u) {
    // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
    let x_row_pos = (x_row_start + h);
    let x_row_ok = ((x_row_pos >= 2u) && (x_row_pos < (params.in_h + 2u)));
    let x_row_at = min((max(x_row_pos, 2u) - 2u), x_row_last);
    let x_row_base = (plane + (x_row_at * params.in_w));
    let x_0 = select(0.0f, x[(x_row_base + x_col_at)], (x_row_ok && x_col_ok));
    let x_1 = select(0.0f, x[(x_row_base + x_col_at_1)], (x_row_ok && x_col_ok_1));
    let wa_0 = wa[(wa_base + h)];
    let t_0 = ((x_0 * wb_0_0) + (x_1 * wb_1_0));
    acc_0_0 = (acc_0_0 + (wa_0 * t_0));
  }
  // store the rows and columns that exist (the last blocks may be truncated)
  if ((y_row_ok && y_col_ok)) {
    y[((((((wid.z * params.out_h) + y_row_at) * params.out_w) + y_col_at) * 512u) + wid.y)] = acc_0_0;
  }
}
