// neocc neocell_forward_tiles_nhwc: y = NeoCell(x), NHWC output, one output block per invocation, workgroup 64
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":192},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":192}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  const tile: u32 = ((__wid_x * <u32>(64)) + __lidx);
  if ((__wid_y < <u32>(192))) {
    // channels [0, 192): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    const offset_a: u32 = min<u32>((__wid_y / <u32>(48)), <u32>(3));
    const offset_b: u32 = min<u32>((__wid_y / <u32>(48)), <u32>(3));
    const wa_base: u32 = (__wid_y * <u32>(16));
    const wb_base: u32 = (__wid_y * <u32>(16));
    const placements: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a)) + min<u32>((((__u_out_h - offset_a) + <u32>(3)) / <u32>(4)), (((__u_in_h - offset_a) + <u32>(3)) / <u32>(4))));
    const placements_1: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b)) + min<u32>((((__u_in_w - offset_b) + <u32>(3)) / <u32>(4)), (((__u_out_w - offset_b) + <u32>(3)) / <u32>(4))));
    const pa: u32 = __udiv(tile, placements_1);
    if ((pa >= placements)) {
      return;
    }
    const pb: u32 = __umod(tile, placements_1);
    const y_row_start: u32 = (offset_a + (((pa + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a))) * <u32>(4)));
    const y_row_last: u32 = (__u_out_h - <u32>(1));
    const y_row_ok: bool = ((y_row_start >= <u32>(4)) && (y_row_start < (__u_out_h + <u32>(4))));
    const y_row_at: u32 = min<u32>((max<u32>(y_row_start, <u32>(4)) - <u32>(4)), y_row_last);
    const y_row_pos: u32 = (y_row_start + <u32>(1));
    const y_row_ok_1: bool = ((y_row_pos >= <u32>(4)) && (y_row_pos < (__u_out_h + <u32>(4))));
    const y_row_at_1: u32 = min<u32>((max<u32>(y_row_pos, <u32>(4)) - <u32>(4)), y_row_last);
    const y_row_pos_1: u32 = (y_row_start + <u32>(2));
    const y_row_ok_2: bool = ((y_row_pos_1 >= <u32>(4)) && (y_row_pos_1 < (__u_out_h + <u32>(4))));
    const y_row_at_2: u32 = min<u32>((max<u32>(y_row_pos_1, <u32>(4)) - <u32>(4)), y_row_last);
    const y_row_pos_2: u32 = (y_row_start + <u32>(3));
    const y_row_ok_3: bool = ((y_row_pos_2 >= <u32>(4)) && (y_row_pos_2 < (__u_out_h + <u32>(4))));
    const y_row_at_3: u32 = min<u32>((max<u32>(y_row_pos_2, <u32>(4)) - <u32>(4)), y_row_last);
    const x_row_start: u32 = (offset_a + (((pa + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a))) * <u32>(4)));
    const x_row_last: u32 = (__u_in_h - <u32>(1));
    const x_col_start: u32 = (offset_b + (((pb + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b))) * <u32>(4)));
    const x_col_last: u32 = (__u_in_w - <u32>(1));
    const x_col_ok: bool = ((x_col_start >= <u32>(4)) && (x_col_start < (__u_in_w + <u32>(4))));
    const x_col_at: u32 = min<u32>((max<u32>(x_col_start, <u32>(4)) - <u32>(4)), x_col_last);
    const x_col_pos: u32 = (x_col_start + <u32>(1));
    const x_col_ok_1: bool = ((x_col_pos >= <u32>(4)) && (x_col_pos < (__u_in_w + <u32>(4))));
    const x_col_at_1: u32 = min<u32>((max<u32>(x_col_pos, <u32>(4)) - <u32>(4)), x_col_last);
    const x_col_pos_1: u32 = (x_col_start + <u32>(2));
    const x_col_ok_2: bool = ((x_col_pos_1 >= <u32>(4)) && (x_col_pos_1 < (__u_in_w + <u32>(4))));
    const x_col_at_2: u32 = min<u32>((max<u32>(x_col_pos_1, <u32>(4)) - <u32>(4)), x_col_last);
    const x_col_pos_2: u32 = (x_col_start + <u32>(3));
    const x_col_ok_3: bool = ((x_col_pos_2 >= <u32>(4)) && (x_col_pos_2 < (__u_in_w + <u32>(4))));
    const x_col_at_3: u32 = min<u32>((max<u32>(x_col_pos_2, <u32>(4)) - <u32>(4)), x_col_last);
    const y_col_start: u32 = (offset_b + (((pb + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b))) * <u32>(4)));
    const y_col_last: u32 = (__u_out_w - <u32>(1));
    const y_col_ok: bool = ((y_col_start >= <u32>(4)) && (y_col_start < (__u_out_w + <u32>(4))));
    const y_col_at: u32 = min<u32>((max<u32>(y_col_start, <u32>(4)) - <u32>(4)), y_col_last);
    const y_col_pos: u32 = (y_col_start + <u32>(1));
    const y_col_ok_1: bool = ((y_col_pos >= <u32>(4)) && (y_col_pos < (__u_out_w + <u32>(4))));
    const y_col_at_1: u32 = min<u32>((max<u32>(y_col_pos, <u32>(4)) - <u32>(4)), y_col_last);
    const y_col_pos_1: u32 = (y_col_start + <u32>(2));
    const y_col_ok_2: bool = ((y_col_pos_1 >= <u32>(4)) && (y_col_pos_1 < (__u_out_w + <u32>(4))));
    const y_col_at_2: u32 = min<u32>((max<u32>(y_col_pos_1, <u32>(4)) - <u32>(4)), y_col_last);
    const y_col_pos_2: u32 = (y_col_start + <u32>(3));
    const y_col_ok_3: bool = ((y_col_pos_2 >= <u32>(4)) && (y_col_pos_2 < (__u_out_w + <u32>(4))));
    const y_col_at_3: u32 = min<u32>((max<u32>(y_col_pos_2, <u32>(4)) - <u32>(4)), y_col_last);
    // B weights: the whole 4x4 kernel of this channel (the same for all its blocks: uniform loads)
    const wb_0_0: f32 = load<f32>(__p_wb + ((<usize>wb_base) << 2));
    const wb_0_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(1))) << 2));
    const wb_0_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(2))) << 2));
    const wb_0_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(3))) << 2));
    const wb_1_0: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(4))) << 2));
    const wb_1_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(5))) << 2));
    const wb_1_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(6))) << 2));
    const wb_1_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(7))) << 2));
    const wb_2_0: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(8))) << 2));
    const wb_2_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(9))) << 2));
    const wb_2_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(10))) << 2));
    const wb_2_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(11))) << 2));
    const wb_3_0: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(12))) << 2));
    const wb_3_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(13))) << 2));
    const wb_3_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(14))) << 2));
    const wb_3_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base + <u32>(15))) << 2));
    const plane: u32 = (((__wid_z * <u32>(384)) + __wid_y) * (__u_in_h * __u_in_w));
    let acc_0_0: f32 = <f32>(0);
    let acc_0_1: f32 = <f32>(0);
    let acc_0_2: f32 = <f32>(0);
    let acc_0_3: f32 = <f32>(0);
    let acc_1_0: f32 = <f32>(0);
    let acc_1_1: f32 = <f32>(0);
    let acc_1_2: f32 = <f32>(0);
    let acc_1_3: f32 = <f32>(0);
    let acc_2_0: f32 = <f32>(0);
    let acc_2_1: f32 = <f32>(0);
    let acc_2_2: f32 = <f32>(0);
    let acc_2_3: f32 = <f32>(0);
    let acc_3_0: f32 = <f32>(0);
    let acc_3_1: f32 = <f32>(0);
    let acc_3_2: f32 = <f32>(0);
    let acc_3_3: f32 = <f32>(0);
    for (let h: u32 = <u32>(0); h < <u32>(4); h += <u32>(1)) {
      // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
      const x_row_pos: u32 = (x_row_start + h);
      const x_row_ok: bool = ((x_row_pos >= <u32>(4)) && (x_row_pos < (__u_in_h + <u32>(4))));
      const x_row_at: u32 = min<u32>((max<u32>(x_row_pos, <u32>(4)) - <u32>(4)), x_row_last);
      const x_row_base: u32 = (plane + (x_row_at * __u_in_w));
      const x_0: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base + x_col_at)) << 2)), <f32>(0), (x_row_ok && x_col_ok));
      const x_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base + x_col_at_1)) << 2)), <f32>(0), (x_row_ok && x_col_ok_1));
      const x_2: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base + x_col_at_2)) << 2)), <f32>(0), (x_row_ok && x_col_ok_2));
      const x_3: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base + x_col_at_3)) << 2)), <f32>(0), (x_row_ok && x_col_ok_3));
      const wa_0: f32 = load<f32>(__p_wa + ((<usize>(wa_base + h)) << 2));
      const wa_1: f32 = load<f32>(__p_wa + ((<usize>(wa_base + (<u32>(4) + h))) << 2));
      const wa_2: f32 = load<f32>(__p_wa + ((<usize>(wa_base + (<u32>(8) + h))) << 2));
      const wa_3: f32 = load<f32>(__p_wa + ((<usize>(wa_base + (<u32>(12) + h))) << 2));
      const t_0: f32 = ((((x_0 * wb_0_0) + (x_1 * wb_1_0)) + (x_2 * wb_2_0)) + (x_3 * wb_3_0));
      acc_0_0 = (acc_0_0 + (wa_0 * t_0));
      acc_1_0 = (acc_1_0 + (wa_1 * t_0));
      acc_2_0 = (acc_2_0 + (wa_2 * t_0));
      acc_3_0 = (acc_3_0 + (wa_3 * t_0));
      const t_1: f32 = ((((x_0 * wb_0_1) + (x_1 * wb_1_1)) + (x_2 * wb_2_1)) + (x_3 * wb_3_1));
      acc_0_1 = (acc_0_1 + (wa_0 * t_1));
      acc_1_1 = (acc_1_1 + (wa_1 * t_1));
      acc_2_1 = (acc_2_1 + (wa_2 * t_1));
      acc_3_1 = (acc_3_1 + (wa_3 * t_1));
      const t_2: f32 = ((((x_0 * wb_0_2) + (x_1 * wb_1_2)) + (x_2 * wb_2_2)) + (x_3 * wb_3_2));
      acc_0_2 = (acc_0_2 + (wa_0 * t_2));
      acc_1_2 = (acc_1_2 + (wa_1 * t_2));
      acc_2_2 = (acc_2_2 + (wa_2 * t_2));
      acc_3_2 = (acc_3_2 + (wa_3 * t_2));
      const t_3: f32 = ((((x_0 * wb_0_3) + (x_1 * wb_1_3)) + (x_2 * wb_2_3)) + (x_3 * wb_3_3));
      acc_0_3 = (acc_0_3 + (wa_0 * t_3));
      acc_1_3 = (acc_1_3 + (wa_1 * t_3));
      acc_2_3 = (acc_2_3 + (wa_2 * t_3));
      acc_3_3 = (acc_3_3 + (wa_3 * t_3));
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    if ((y_row_ok && y_col_ok)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at) * __u_out_w) + y_col_at) * <u32>(384)) + __wid_y)) << 2), acc_0_0);
    }
    if ((y_row_ok && y_col_ok_1)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at) * __u_out_w) + y_col_at_1) * <u32>(384)) + __wid_y)) << 2), acc_0_1);
    }
    if ((y_row_ok && y_col_ok_2)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at) * __u_out_w) + y_col_at_2) * <u32>(384)) + __wid_y)) << 2), acc_0_2);
    }
    if ((y_row_ok && y_col_ok_3)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at) * __u_out_w) + y_col_at_3) * <u32>(384)) + __wid_y)) << 2), acc_0_3);
    }
    if ((y_row_ok_1 && y_col_ok)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_1) * __u_out_w) + y_col_at) * <u32>(384)) + __wid_y)) << 2), acc_1_0);
    }
    if ((y_row_ok_1 && y_col_ok_1)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_1) * __u_out_w) + y_col_at_1) * <u32>(384)) + __wid_y)) << 2), acc_1_1);
    }
    if ((y_row_ok_1 && y_col_ok_2)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_1) * __u_out_w) + y_col_at_2) * <u32>(384)) + __wid_y)) << 2), acc_1_2);
    }
    if ((y_row_ok_1 && y_col_ok_3)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_1) * __u_out_w) + y_col_at_3) * <u32>(384)) + __wid_y)) << 2), acc_1_3);
    }
    if ((y_row_ok_2 && y_col_ok)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_2) * __u_out_w) + y_col_at) * <u32>(384)) + __wid_y)) << 2), acc_2_0);
    }
    if ((y_row_ok_2 && y_col_ok_1)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_2) * __u_out_w) + y_col_at_1) * <u32>(384)) + __wid_y)) << 2), acc_2_1);
    }
    if ((y_row_ok_2 && y_col_ok_2)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_2) * __u_out_w) + y_col_at_2) * <u32>(384)) + __wid_y)) << 2), acc_2_2);
    }
    if ((y_row_ok_2 && y_col_ok_3)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_2) * __u_out_w) + y_col_at_3) * <u32>(384)) + __wid_y)) << 2), acc_2_3);
    }
    if ((y_row_ok_3 && y_col_ok)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_3) * __u_out_w) + y_col_at) * <u32>(384)) + __wid_y)) << 2), acc_3_0);
    }
    if ((y_row_ok_3 && y_col_ok_1)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_3) * __u_out_w) + y_col_at_1) * <u32>(384)) + __wid_y)) << 2), acc_3_1);
    }
    if ((y_row_ok_3 && y_col_ok_2)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_3) * __u_out_w) + y_col_at_2) * <u32>(384)) + __wid_y)) << 2), acc_3_2);
    }
    if ((y_row_ok_3 && y_col_ok_3)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_3) * __u_out_w) + y_col_at_3) * <u32>(384)) + __wid_y)) << 2), acc_3_3);
    }
  } else {
    // channels [192, 384): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const local_c: u32 = (__wid_y - <u32>(192));
    const offset_a_1: u32 = min<u32>((local_c / <u32>(27)), <u32>(6));
    const offset_b_1: u32 = min<u32>((local_c / <u32>(27)), <u32>(6));
    const wa_base_1: u32 = (<u32>(3072) + (local_c * <u32>(49)));
    const wb_base_1: u32 = (<u32>(3072) + (local_c * <u32>(49)));
    const placements_2: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1)) + min<u32>((((__u_out_h - offset_a_1) + <u32>(6)) / <u32>(7)), (((__u_in_h - offset_a_1) + <u32>(6)) / <u32>(7))));
    const placements_3: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1)) + min<u32>((((__u_in_w - offset_b_1) + <u32>(6)) / <u32>(7)), (((__u_out_w - offset_b_1) + <u32>(6)) / <u32>(7))));
    const pa_1: u32 = __udiv(tile, placements_3);
    if ((pa_1 >= placements_2)) {
      return;
    }
    const pb_1: u32 = __umod(tile, placements_3);
    const y_row_start_1: u32 = (offset_a_1 + (((pa_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1))) * <u32>(7)));
    const y_row_last_1: u32 = (__u_out_h - <u32>(1));
    const y_row_ok_4: bool = ((y_row_start_1 >= <u32>(7)) && (y_row_start_1 < (__u_out_h + <u32>(7))));
    const y_row_at_4: u32 = min<u32>((max<u32>(y_row_start_1, <u32>(7)) - <u32>(7)), y_row_last_1);
    const y_row_pos_3: u32 = (y_row_start_1 + <u32>(1));
    const y_row_ok_5: bool = ((y_row_pos_3 >= <u32>(7)) && (y_row_pos_3 < (__u_out_h + <u32>(7))));
    const y_row_at_5: u32 = min<u32>((max<u32>(y_row_pos_3, <u32>(7)) - <u32>(7)), y_row_last_1);
    const y_row_pos_4: u32 = (y_row_start_1 + <u32>(2));
    const y_row_ok_6: bool = ((y_row_pos_4 >= <u32>(7)) && (y_row_pos_4 < (__u_out_h + <u32>(7))));
    const y_row_at_6: u32 = min<u32>((max<u32>(y_row_pos_4, <u32>(7)) - <u32>(7)), y_row_last_1);
    const y_row_pos_5: u32 = (y_row_start_1 + <u32>(3));
    const y_row_ok_7: bool = ((y_row_pos_5 >= <u32>(7)) && (y_row_pos_5 < (__u_out_h + <u32>(7))));
    const y_row_at_7: u32 = min<u32>((max<u32>(y_row_pos_5, <u32>(7)) - <u32>(7)), y_row_last_1);
    const y_row_pos_6: u32 = (y_row_start_1 + <u32>(4));
    const y_row_ok_8: bool = ((y_row_pos_6 >= <u32>(7)) && (y_row_pos_6 < (__u_out_h + <u32>(7))));
    const y_row_at_8: u32 = min<u32>((max<u32>(y_row_pos_6, <u32>(7)) - <u32>(7)), y_row_last_1);
    const y_row_pos_7: u32 = (y_row_start_1 + <u32>(5));
    const y_row_ok_9: bool = ((y_row_pos_7 >= <u32>(7)) && (y_row_pos_7 < (__u_out_h + <u32>(7))));
    const y_row_at_9: u32 = min<u32>((max<u32>(y_row_pos_7, <u32>(7)) - <u32>(7)), y_row_last_1);
    const y_row_pos_8: u32 = (y_row_start_1 + <u32>(6));
    const y_row_ok_10: bool = ((y_row_pos_8 >= <u32>(7)) && (y_row_pos_8 < (__u_out_h + <u32>(7))));
    const y_row_at_10: u32 = min<u32>((max<u32>(y_row_pos_8, <u32>(7)) - <u32>(7)), y_row_last_1);
    const x_row_start_1: u32 = (offset_a_1 + (((pa_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1))) * <u32>(7)));
    const x_row_last_1: u32 = (__u_in_h - <u32>(1));
    const x_col_start_1: u32 = (offset_b_1 + (((pb_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1))) * <u32>(7)));
    const x_col_last_1: u32 = (__u_in_w - <u32>(1));
    const x_col_ok_4: bool = ((x_col_start_1 >= <u32>(7)) && (x_col_start_1 < (__u_in_w + <u32>(7))));
    const x_col_at_4: u32 = min<u32>((max<u32>(x_col_start_1, <u32>(7)) - <u32>(7)), x_col_last_1);
    const x_col_pos_3: u32 = (x_col_start_1 + <u32>(1));
    const x_col_ok_5: bool = ((x_col_pos_3 >= <u32>(7)) && (x_col_pos_3 < (__u_in_w + <u32>(7))));
    const x_col_at_5: u32 = min<u32>((max<u32>(x_col_pos_3, <u32>(7)) - <u32>(7)), x_col_last_1);
    const x_col_pos_4: u32 = (x_col_start_1 + <u32>(2));
    const x_col_ok_6: bool = ((x_col_pos_4 >= <u32>(7)) && (x_col_pos_4 < (__u_in_w + <u32>(7))));
    const x_col_at_6: u32 = min<u32>((max<u32>(x_col_pos_4, <u32>(7)) - <u32>(7)), x_col_last_1);
    const x_col_pos_5: u32 = (x_col_start_1 + <u32>(3));
    const x_col_ok_7: bool = ((x_col_pos_5 >= <u32>(7)) && (x_col_pos_5 < (__u_in_w + <u32>(7))));
    const x_col_at_7: u32 = min<u32>((max<u32>(x_col_pos_5, <u32>(7)) - <u32>(7)), x_col_last_1);
    const x_col_pos_6: u32 = (x_col_start_1 + <u32>(4));
    const x_col_ok_8: bool = ((x_col_pos_6 >= <u32>(7)) && (x_col_pos_6 < (__u_in_w + <u32>(7))));
    const x_col_at_8: u32 = min<u32>((max<u32>(x_col_pos_6, <u32>(7)) - <u32>(7)), x_col_last_1);
    const x_col_pos_7: u32 = (x_col_start_1 + <u32>(5));
    const x_col_ok_9: bool = ((x_col_pos_7 >= <u32>(7)) && (x_col_pos_7 < (__u_in_w + <u32>(7))));
    const x_col_at_9: u32 = min<u32>((max<u32>(x_col_pos_7, <u32>(7)) - <u32>(7)), x_col_last_1);
    const x_col_pos_8: u32 = (x_col_start_1 + <u32>(6));
    const x_col_ok_10: bool = ((x_col_pos_8 >= <u32>(7)) && (x_col_pos_8 < (__u_in_w + <u32>(7))));
    const x_col_at_10: u32 = min<u32>((max<u32>(x_col_pos_8, <u32>(7)) - <u32>(7)), x_col_last_1);
    const y_col_start_1: u32 = (offset_b_1 + (((pb_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1))) * <u32>(7)));
    const y_col_last_1: u32 = (__u_out_w - <u32>(1));
    const y_col_ok_4: bool = ((y_col_start_1 >= <u32>(7)) && (y_col_start_1 < (__u_out_w + <u32>(7))));
    const y_col_at_4: u32 = min<u32>((max<u32>(y_col_start_1, <u32>(7)) - <u32>(7)), y_col_last_1);
    const y_col_pos_3: u32 = (y_col_start_1 + <u32>(1));
    const y_col_ok_5: bool = ((y_col_pos_3 >= <u32>(7)) && (y_col_pos_3 < (__u_out_w + <u32>(7))));
    const y_col_at_5: u32 = min<u32>((max<u32>(y_col_pos_3, <u32>(7)) - <u32>(7)), y_col_last_1);
    const y_col_pos_4: u32 = (y_col_start_1 + <u32>(2));
    const y_col_ok_6: bool = ((y_col_pos_4 >= <u32>(7)) && (y_col_pos_4 < (__u_out_w + <u32>(7))));
    const y_col_at_6: u32 = min<u32>((max<u32>(y_col_pos_4, <u32>(7)) - <u32>(7)), y_col_last_1);
    const y_col_pos_5: u32 = (y_col_start_1 + <u32>(3));
    const y_col_ok_7: bool = ((y_col_pos_5 >= <u32>(7)) && (y_col_pos_5 < (__u_out_w + <u32>(7))));
    const y_col_at_7: u32 = min<u32>((max<u32>(y_col_pos_5, <u32>(7)) - <u32>(7)), y_col_last_1);
    const y_col_pos_6: u32 = (y_col_start_1 + <u32>(4));
    const y_col_ok_8: bool = ((y_col_pos_6 >= <u32>(7)) && (y_col_pos_6 < (__u_out_w + <u32>(7))));
    const y_col_at_8: u32 = min<u32>((max<u32>(y_col_pos_6, <u32>(7)) - <u32>(7)), y_col_last_1);
    const y_col_pos_7: u32 = (y_col_start_1 + <u32>(5));
    const y_col_ok_9: bool = ((y_col_pos_7 >= <u32>(7)) && (y_col_pos_7 < (__u_out_w + <u32>(7))));
    const y_col_at_9: u32 = min<u32>((max<u32>(y_col_pos_7, <u32>(7)) - <u32>(7)), y_col_last_1);
    const y_col_pos_8: u32 = (y_col_start_1 + <u32>(6));
    const y_col_ok_10: bool = ((y_col_pos_8 >= <u32>(7)) && (y_col_pos_8 < (__u_out_w + <u32>(7))));
    const y_col_at_10: u32 = min<u32>((max<u32>(y_col_pos_8, <u32>(7)) - <u32>(7)), y_col_last_1);
    // B weights: the whole 7x7 kernel of this channel (the same for all its blocks: uniform loads)
    const wb_0_0_1: f32 = load<f32>(__p_wb + ((<usize>wb_base_1) << 2));
    const wb_0_1_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(1))) << 2));
    const wb_0_2_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(2))) << 2));
    const wb_0_3_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(3))) << 2));
    const wb_0_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(4))) << 2));
    const wb_0_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(5))) << 2));
    const wb_0_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(6))) << 2));
    const wb_1_0_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(7))) << 2));
    const wb_1_1_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(8))) << 2));
    const wb_1_2_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(9))) << 2));
    const wb_1_3_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(10))) << 2));
    const wb_1_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(11))) << 2));
    const wb_1_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(12))) << 2));
    const wb_1_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(13))) << 2));
    const wb_2_0_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(14))) << 2));
    const wb_2_1_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(15))) << 2));
    const wb_2_2_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(16))) << 2));
    const wb_2_3_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(17))) << 2));
    const wb_2_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(18))) << 2));
    const wb_2_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(19))) << 2));
    const wb_2_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(20))) << 2));
    const wb_3_0_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(21))) << 2));
    const wb_3_1_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(22))) << 2));
    const wb_3_2_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(23))) << 2));
    const wb_3_3_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(24))) << 2));
    const wb_3_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(25))) << 2));
    const wb_3_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(26))) << 2));
    const wb_3_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(27))) << 2));
    const wb_4_0: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(28))) << 2));
    const wb_4_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(29))) << 2));
    const wb_4_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(30))) << 2));
    const wb_4_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(31))) << 2));
    const wb_4_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(32))) << 2));
    const wb_4_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(33))) << 2));
    const wb_4_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(34))) << 2));
    const wb_5_0: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(35))) << 2));
    const wb_5_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(36))) << 2));
    const wb_5_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(37))) << 2));
    const wb_5_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(38))) << 2));
    const wb_5_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(39))) << 2));
    const wb_5_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(40))) << 2));
    const wb_5_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(41))) << 2));
    const wb_6_0: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(42))) << 2));
    const wb_6_1: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(43))) << 2));
    const wb_6_2: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(44))) << 2));
    const wb_6_3: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(45))) << 2));
    const wb_6_4: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(46))) << 2));
    const wb_6_5: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(47))) << 2));
    const wb_6_6: f32 = load<f32>(__p_wb + ((<usize>(wb_base_1 + <u32>(48))) << 2));
    const plane_1: u32 = (((__wid_z * <u32>(384)) + __wid_y) * (__u_in_h * __u_in_w));
    let acc_0_0_1: f32 = <f32>(0);
    let acc_0_1_1: f32 = <f32>(0);
    let acc_0_2_1: f32 = <f32>(0);
    let acc_0_3_1: f32 = <f32>(0);
    let acc_0_4: f32 = <f32>(0);
    let acc_0_5: f32 = <f32>(0);
    let acc_0_6: f32 = <f32>(0);
    let acc_1_0_1: f32 = <f32>(0);
    let acc_1_1_1: f32 = <f32>(0);
    let acc_1_2_1: f32 = <f32>(0);
    let acc_1_3_1: f32 = <f32>(0);
    let acc_1_4: f32 = <f32>(0);
    let acc_1_5: f32 = <f32>(0);
    let acc_1_6: f32 = <f32>(0);
    let acc_2_0_1: f32 = <f32>(0);
    let acc_2_1_1: f32 = <f32>(0);
    let acc_2_2_1: f32 = <f32>(0);
    let acc_2_3_1: f32 = <f32>(0);
    let acc_2_4: f32 = <f32>(0);
    let acc_2_5: f32 = <f32>(0);
    let acc_2_6: f32 = <f32>(0);
    let acc_3_0_1: f32 = <f32>(0);
    let acc_3_1_1: f32 = <f32>(0);
    let acc_3_2_1: f32 = <f32>(0);
    let acc_3_3_1: f32 = <f32>(0);
    let acc_3_4: f32 = <f32>(0);
    let acc_3_5: f32 = <f32>(0);
    let acc_3_6: f32 = <f32>(0);
    let acc_4_0: f32 = <f32>(0);
    let acc_4_1: f32 = <f32>(0);
    let acc_4_2: f32 = <f32>(0);
    let acc_4_3: f32 = <f32>(0);
    let acc_4_4: f32 = <f32>(0);
    let acc_4_5: f32 = <f32>(0);
    let acc_4_6: f32 = <f32>(0);
    let acc_5_0: f32 = <f32>(0);
    let acc_5_1: f32 = <f32>(0);
    let acc_5_2: f32 = <f32>(0);
    let acc_5_3: f32 = <f32>(0);
    let acc_5_4: f32 = <f32>(0);
    let acc_5_5: f32 = <f32>(0);
    let acc_5_6: f32 = <f32>(0);
    let acc_6_0: f32 = <f32>(0);
    let acc_6_1: f32 = <f32>(0);
    let acc_6_2: f32 = <f32>(0);
    let acc_6_3: f32 = <f32>(0);
    let acc_6_4: f32 = <f32>(0);
    let acc_6_5: f32 = <f32>(0);
    let acc_6_6: f32 = <f32>(0);
    for (let h_1: u32 = <u32>(0); h_1 < <u32>(7); h_1 += <u32>(1)) {
      // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
      const x_row_pos_1: u32 = (x_row_start_1 + h_1);
      const x_row_ok_1: bool = ((x_row_pos_1 >= <u32>(7)) && (x_row_pos_1 < (__u_in_h + <u32>(7))));
      const x_row_at_1: u32 = min<u32>((max<u32>(x_row_pos_1, <u32>(7)) - <u32>(7)), x_row_last_1);
      const x_row_base_1: u32 = (plane_1 + (x_row_at_1 * __u_in_w));
      const x_0_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_4)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_4));
      const x_1_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_5)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_5));
      const x_2_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_6)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_6));
      const x_3_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_7)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_7));
      const x_4: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_8)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_8));
      const x_5: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_9)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_9));
      const x_6: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_10)) << 2)), <f32>(0), (x_row_ok_1 && x_col_ok_10));
      const wa_0_1: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + h_1)) << 2));
      const wa_1_1: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + (<u32>(7) + h_1))) << 2));
      const wa_2_1: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + (<u32>(14) + h_1))) << 2));
      const wa_3_1: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + (<u32>(21) + h_1))) << 2));
      const wa_4: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + (<u32>(28) + h_1))) << 2));
      const wa_5: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + (<u32>(35) + h_1))) << 2));
      const wa_6: f32 = load<f32>(__p_wa + ((<usize>(wa_base_1 + (<u32>(42) + h_1))) << 2));
      const t_0_1: f32 = (((((((x_0_1 * wb_0_0_1) + (x_1_1 * wb_1_0_1)) + (x_2_1 * wb_2_0_1)) + (x_3_1 * wb_3_0_1)) + (x_4 * wb_4_0)) + (x_5 * wb_5_0)) + (x_6 * wb_6_0));
      acc_0_0_1 = (acc_0_0_1 + (wa_0_1 * t_0_1));
      acc_1_0_1 = (acc_1_0_1 + (wa_1_1 * t_0_1));
      acc_2_0_1 = (acc_2_0_1 + (wa_2_1 * t_0_1));
      acc_3_0_1 = (acc_3_0_1 + (wa_3_1 * t_0_1));
      acc_4_0 = (acc_4_0 + (wa_4 * t_0_1));
      acc_5_0 = (acc_5_0 + (wa_5 * t_0_1));
      acc_6_0 = (acc_6_0 + (wa_6 * t_0_1));
      const t_1_1: f32 = (((((((x_0_1 * wb_0_1_1) + (x_1_1 * wb_1_1_1)) + (x_2_1 * wb_2_1_1)) + (x_3_1 * wb_3_1_1)) + (x_4 * wb_4_1)) + (x_5 * wb_5_1)) + (x_6 * wb_6_1));
      acc_0_1_1 = (acc_0_1_1 + (wa_0_1 * t_1_1));
      acc_1_1_1 = (acc_1_1_1 + (wa_1_1 * t_1_1));
      acc_2_1_1 = (acc_2_1_1 + (wa_2_1 * t_1_1));
      acc_3_1_1 = (acc_3_1_1 + (wa_3_1 * t_1_1));
      acc_4_1 = (acc_4_1 + (wa_4 * t_1_1));
      acc_5_1 = (acc_5_1 + (wa_5 * t_1_1));
      acc_6_1 = (acc_6_1 + (wa_6 * t_1_1));
      const t_2_1: f32 = (((((((x_0_1 * wb_0_2_1) + (x_1_1 * wb_1_2_1)) + (x_2_1 * wb_2_2_1)) + (x_3_1 * wb_3_2_1)) + (x_4 * wb_4_2)) + (x_5 * wb_5_2)) + (x_6 * wb_6_2));
      acc_0_2_1 = (acc_0_2_1 + (wa_0_1 * t_2_1));
      acc_1_2_1 = (acc_1_2_1 + (wa_1_1 * t_2_1));
      acc_2_2_1 = (acc_2_2_1 + (wa_2_1 * t_2_1));
      acc_3_2_1 = (acc_3_2_1 + (wa_3_1 * t_2_1));
      acc_4_2 = (acc_4_2 + (wa_4 * t_2_1));
      acc_5_2 = (acc_5_2 + (wa_5 * t_2_1));
      acc_6_2 = (acc_6_2 + (wa_6 * t_2_1));
      const t_3_1: f32 = (((((((x_0_1 * wb_0_3_1) + (x_1_1 * wb_1_3_1)) + (x_2_1 * wb_2_3_1)) + (x_3_1 * wb_3_3_1)) + (x_4 * wb_4_3)) + (x_5 * wb_5_3)) + (x_6 * wb_6_3));
      acc_0_3_1 = (acc_0_3_1 + (wa_0_1 * t_3_1));
      acc_1_3_1 = (acc_1_3_1 + (wa_1_1 * t_3_1));
      acc_2_3_1 = (acc_2_3_1 + (wa_2_1 * t_3_1));
      acc_3_3_1 = (acc_3_3_1 + (wa_3_1 * t_3_1));
      acc_4_3 = (acc_4_3 + (wa_4 * t_3_1));
      acc_5_3 = (acc_5_3 + (wa_5 * t_3_1));
      acc_6_3 = (acc_6_3 + (wa_6 * t_3_1));
      const t_4: f32 = (((((((x_0_1 * wb_0_4) + (x_1_1 * wb_1_4)) + (x_2_1 * wb_2_4)) + (x_3_1 * wb_3_4)) + (x_4 * wb_4_4)) + (x_5 * wb_5_4)) + (x_6 * wb_6_4));
      acc_0_4 = (acc_0_4 + (wa_0_1 * t_4));
      acc_1_4 = (acc_1_4 + (wa_1_1 * t_4));
      acc_2_4 = (acc_2_4 + (wa_2_1 * t_4));
      acc_3_4 = (acc_3_4 + (wa_3_1 * t_4));
      acc_4_4 = (acc_4_4 + (wa_4 * t_4));
      acc_5_4 = (acc_5_4 + (wa_5 * t_4));
      acc_6_4 = (acc_6_4 + (wa_6 * t_4));
      const t_5: f32 = (((((((x_0_1 * wb_0_5) + (x_1_1 * wb_1_5)) + (x_2_1 * wb_2_5)) + (x_3_1 * wb_3_5)) + (x_4 * wb_4_5)) + (x_5 * wb_5_5)) + (x_6 * wb_6_5));
      acc_0_5 = (acc_0_5 + (wa_0_1 * t_5));
      acc_1_5 = (acc_1_5 + (wa_1_1 * t_5));
      acc_2_5 = (acc_2_5 + (wa_2_1 * t_5));
      acc_3_5 = (acc_3_5 + (wa_3_1 * t_5));
      acc_4_5 = (acc_4_5 + (wa_4 * t_5));
      acc_5_5 = (acc_5_5 + (wa_5 * t_5));
      acc_6_5 = (acc_6_5 + (wa_6 * t_5));
      const t_6: f32 = (((((((x_0_1 * wb_0_6) + (x_1_1 * wb_1_6)) + (x_2_1 * wb_2_6)) + (x_3_1 * wb_3_6)) + (x_4 * wb_4_6)) + (x_5 * wb_5_6)) + (x_6 * wb_6_6));
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
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_0_0_1);
    }
    if ((y_row_ok_4 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_0_1_1);
    }
    if ((y_row_ok_4 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_0_2_1);
    }
    if ((y_row_ok_4 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_0_3_1);
    }
    if ((y_row_ok_4 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_0_4);
    }
    if ((y_row_ok_4 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_0_5);
    }
    if ((y_row_ok_4 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_0_6);
    }
    if ((y_row_ok_5 && y_col_ok_4)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_1_0_1);
    }
    if ((y_row_ok_5 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_1_1_1);
    }
    if ((y_row_ok_5 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_1_2_1);
    }
    if ((y_row_ok_5 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_1_3_1);
    }
    if ((y_row_ok_5 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_1_4);
    }
    if ((y_row_ok_5 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_1_5);
    }
    if ((y_row_ok_5 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_1_6);
    }
    if ((y_row_ok_6 && y_col_ok_4)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_2_0_1);
    }
    if ((y_row_ok_6 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_2_1_1);
    }
    if ((y_row_ok_6 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_2_2_1);
    }
    if ((y_row_ok_6 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_2_3_1);
    }
    if ((y_row_ok_6 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_2_4);
    }
    if ((y_row_ok_6 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_2_5);
    }
    if ((y_row_ok_6 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_2_6);
    }
    if ((y_row_ok_7 && y_col_ok_4)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_3_0_1);
    }
    if ((y_row_ok_7 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_3_1_1);
    }
    if ((y_row_ok_7 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_3_2_1);
    }
    if ((y_row_ok_7 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_3_3_1);
    }
    if ((y_row_ok_7 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_3_4);
    }
    if ((y_row_ok_7 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_3_5);
    }
    if ((y_row_ok_7 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_3_6);
    }
    if ((y_row_ok_8 && y_col_ok_4)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_4_0);
    }
    if ((y_row_ok_8 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_4_1);
    }
    if ((y_row_ok_8 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_4_2);
    }
    if ((y_row_ok_8 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_4_3);
    }
    if ((y_row_ok_8 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_4_4);
    }
    if ((y_row_ok_8 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_4_5);
    }
    if ((y_row_ok_8 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_4_6);
    }
    if ((y_row_ok_9 && y_col_ok_4)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_5_0);
    }
    if ((y_row_ok_9 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_5_1);
    }
    if ((y_row_ok_9 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_5_2);
    }
    if ((y_row_ok_9 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_5_3);
    }
    if ((y_row_ok_9 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_5_4);
    }
    if ((y_row_ok_9 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_5_5);
    }
    if ((y_row_ok_9 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_5_6);
    }
    if ((y_row_ok_10 && y_col_ok_4)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_4) * <u32>(384)) + __wid_y)) << 2), acc_6_0);
    }
    if ((y_row_ok_10 && y_col_ok_5)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_5) * <u32>(384)) + __wid_y)) << 2), acc_6_1);
    }
    if ((y_row_ok_10 && y_col_ok_6)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_6) * <u32>(384)) + __wid_y)) << 2), acc_6_2);
    }
    if ((y_row_ok_10 && y_col_ok_7)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_7) * <u32>(384)) + __wid_y)) << 2), acc_6_3);
    }
    if ((y_row_ok_10 && y_col_ok_8)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_8) * <u32>(384)) + __wid_y)) << 2), acc_6_4);
    }
    if ((y_row_ok_10 && y_col_ok_9)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_9) * <u32>(384)) + __wid_y)) << 2), acc_6_5);
    }
    if ((y_row_ok_10 && y_col_ok_10)) {
      store<f32>(__p_y + ((<usize>((((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) + y_col_at_10) * <u32>(384)) + __wid_y)) << 2), acc_6_6);
    }
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wa, __p_wb, __p_y, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
  }
}

export function neocell_forward_tiles_nhwc(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_wa, __p_wb, __p_y, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
  }
}
