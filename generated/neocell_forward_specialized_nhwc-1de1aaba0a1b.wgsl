// neocc neocell_forward_specialized_nhwc: y = NeoCell(x), NHWC output, tile 7x64, workgroup 64
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":48},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":48}]
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
var<workgroup> t_tile: array<f32, 448>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lidx: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let band = (wid.x / params.col_tiles);
  let tile = (wid.x % params.col_tiles);
  if ((wid.y < 48u)) {
    // channels [0, 48): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    let offset_a = min((wid.y / 12u), 3u);
    let offset_b = min((wid.y / 12u), 3u);
    let wa_base = (wid.y * 16u);
    let wb_base = (wid.y * 16u);
    let placements = (select(0u, 1u, (0u < offset_a)) + min((((params.out_h - offset_a) + 3u) / 4u), (((params.in_h - offset_a) + 3u) / 4u)));
    if ((band >= placements)) {
      return;
    }
    let is_corner = ((0u < offset_a) && (band < 1u));
    let block = select((band - select(0u, 1u, (0u < offset_a))), 0u, is_corner);
    let row0 = select((offset_a + (block * 4u)), 0u, is_corner);
    let col0 = select((offset_a + (block * 4u)), 0u, is_corner);
    let k_row0 = select(0u, (4u - offset_a), is_corner);
    let k_col0 = select(0u, (4u - offset_a), is_corner);
    let block_rows = select(min(4u, (params.out_h - row0)), offset_a, is_corner);
    let block_cols = select(min(4u, (params.in_h - col0)), offset_a, is_corner);
    let t0 = (tile * 64u);
    let tile_w = min(64u, (params.out_w - t0));
    let plane = ((wid.z * 96u) + wid.y);
    let x_base = (plane * (params.in_h * params.in_w));
    // stage 1: T tile = X · B for the input rows this A block reads
    for (var e: u32 = lidx; e < (block_cols * tile_w); e = e + 64u) {
      let j = (e / tile_w);
      let wl = (e % tile_w);
      let x_row_base = (x_base + ((col0 + j) * params.in_w));
      let col_in_corner = ((t0 + wl) < offset_b);
      let col_rel = select(((t0 + wl) - offset_b), 0u, col_in_corner);
      let hit_row0 = select((offset_b + ((col_rel / 4u) * 4u)), 0u, col_in_corner);
      let hit_k_row0 = select(0u, (4u - offset_b), col_in_corner);
      let hit_k_col = select((col_rel % 4u), ((4u - offset_b) + (t0 + wl)), col_in_corner);
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
      t_tile[((j * 64u) + wl)] = acc;
    }
    workgroupBarrier();
    // stage 2: Y rows of this A block = Wa · T tile
    for (var e_1: u32 = lidx; e_1 < (block_rows * tile_w); e_1 = e_1 + 64u) {
      let r = (e_1 / tile_w);
      let wl_1 = (e_1 % tile_w);
      let wa_row = (wa_base + (((k_row0 + r) * 4u) + k_col0));
      var acc_1: f32 = 0.0f;
      if ((0u < block_cols)) {
        acc_1 = (acc_1 + (wa[wa_row] * t_tile[wl_1]));
      }
      if ((1u < block_cols)) {
        acc_1 = (acc_1 + (wa[(wa_row + 1u)] * t_tile[(64u + wl_1)]));
      }
      if ((2u < block_cols)) {
        acc_1 = (acc_1 + (wa[(wa_row + 2u)] * t_tile[(128u + wl_1)]));
      }
      if ((3u < block_cols)) {
        acc_1 = (acc_1 + (wa[(wa_row + 3u)] * t_tile[(192u + wl_1)]));
      }
      let y_row = (row0 + r);
      let y_col = (t0 + wl_1);
      y[((((((wid.z * params.out_h) + y_row) * params.out_w) + y_col) * 96u) + wid.y)] = acc_1;
    }
  } else {
    // channels [48, 96): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    let local_c = (wid.y - 48u);
    let offset_a_1 = min((local_c / 6u), 6u);
    let offset_b_1 = min((local_c / 6u), 6u);
    let wa_base_1 = (768u + (local_c * 49u));
    let wb_base_1 = (768u + (local_c * 49u));
    let placements_1 = (select(0u, 1u, (0u < offset_a_1)) + min((((params.out_h - offset_a_1) + 6u) / 7u), (((params.in_h - offset_a_1) + 6u) / 7u)));
    if ((band >= placements_1)) {
      return;
    }
    let is_corner_1 = ((0u < offset_a_1) && (band < 1u));
    let block_1 = select((band - select(0u, 1u, (0u < offset_a_1))), 0u, is_corner_1);
    let row0_1 = select((offset_a_1 + (block_1 * 7u)), 0u, is_corner_1);
    let col0_1 = select((offset_a_1 + (block_1 * 7u)), 0u, is_corner_1);
    let k_row0_1 = select(0u, (7u - offset_a_1), is_corner_1);
    let k_col0_1 = select(0u, (7u - offset_a_1), is_corner_1);
    let block_rows_1 = select(min(7u, (params.out_h - row0_1)), offset_a_1, is_corner_1);
    let block_cols_1 = select(min(7u, (params.in_h - col0_1)), offset_a_1, is_corner_1);
    let t0_1 = (tile * 64u);
    let tile_w_1 = min(64u, (params.out_w - t0_1));
    let plane_1 = ((wid.z * 96u) + wid.y);
    let x_base_1 = (plane_1 * (params.in_h * params.in_w));
    // stage 1: T tile = X · B for the input rows this A block reads
    for (var e_2: u32 = lidx; e_2 < (block_cols_1 * tile_w_1); e_2 = e_2 + 64u) {
      let j_1 = (e_2 / tile_w_1);
      let wl_2 = (e_2 % tile_w_1);
      let x_row_base_1 = (x_base_1 + ((col0_1 + j_1) * params.in_w));
      let col_in_corner_1 = ((t0_1 + wl_2) < offset_b_1);
      let col_rel_1 = select(((t0_1 + wl_2) - offset_b_1), 0u, col_in_corner_1);
      let hit_row0_1 = select((offset_b_1 + ((col_rel_1 / 7u) * 7u)), 0u, col_in_corner_1);
      let hit_k_row0_1 = select(0u, (7u - offset_b_1), col_in_corner_1);
      let hit_k_col_1 = select((col_rel_1 % 7u), ((7u - offset_b_1) + (t0_1 + wl_2)), col_in_corner_1);
      let hit_rows_1 = select(select(0u, min(7u, (params.in_w - select(0u, hit_row0_1, (hit_row0_1 < params.in_w)))), (hit_row0_1 < params.in_w)), offset_b_1, col_in_corner_1);
      let x_row_1 = (x_row_base_1 + hit_row0_1);
      let wb_row_1 = (wb_base_1 + ((hit_k_row0_1 * 7u) + hit_k_col_1));
      var acc_2: f32 = 0.0f;
      if ((0u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[x_row_1] * wb[wb_row_1]));
      }
      if ((1u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[(x_row_1 + 1u)] * wb[(wb_row_1 + 7u)]));
      }
      if ((2u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[(x_row_1 + 2u)] * wb[(wb_row_1 + 14u)]));
      }
      if ((3u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[(x_row_1 + 3u)] * wb[(wb_row_1 + 21u)]));
      }
      if ((4u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[(x_row_1 + 4u)] * wb[(wb_row_1 + 28u)]));
      }
      if ((5u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[(x_row_1 + 5u)] * wb[(wb_row_1 + 35u)]));
      }
      if ((6u < hit_rows_1)) {
        acc_2 = (acc_2 + (x[(x_row_1 + 6u)] * wb[(wb_row_1 + 42u)]));
      }
      t_tile[((j_1 * 64u) + wl_2)] = acc_2;
    }
    workgroupBarrier();
    // stage 2: Y rows of this A block = Wa · T tile
    for (var e_3: u32 = lidx; e_3 < (block_rows_1 * tile_w_1); e_3 = e_3 + 64u) {
      let r_1 = (e_3 / tile_w_1);
      let wl_3 = (e_3 % tile_w_1);
      let wa_row_1 = (wa_base_1 + (((k_row0_1 + r_1) * 7u) + k_col0_1));
      var acc_3: f32 = 0.0f;
      if ((0u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[wa_row_1] * t_tile[wl_3]));
      }
      if ((1u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[(wa_row_1 + 1u)] * t_tile[(64u + wl_3)]));
      }
      if ((2u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[(wa_row_1 + 2u)] * t_tile[(128u + wl_3)]));
      }
      if ((3u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[(wa_row_1 + 3u)] * t_tile[(192u + wl_3)]));
      }
      if ((4u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[(wa_row_1 + 4u)] * t_tile[(256u + wl_3)]));
      }
      if ((5u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[(wa_row_1 + 5u)] * t_tile[(320u + wl_3)]));
      }
      if ((6u < block_cols_1)) {
        acc_3 = (acc_3 + (wa[(wa_row_1 + 6u)] * t_tile[(384u + wl_3)]));
      }
      let y_row_1 = (row0_1 + r_1);
      let y_col_1 = (t0_1 + wl_3);
      y[((((((wid.z * params.out_h) + y_row_1) * params.out_w) + y_col_1) * 96u) + wid.y)] = acc_3;
    }
  }
}
