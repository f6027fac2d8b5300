// neocc neocell_forward_tiles_nhwc_packed: y = NeoCell(x), NHWC output, one output block per invocation, workgroup 64, vec4 along the block columns
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":768},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":768}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32, __u_slot_tiles: u32, slots: u32): void {
  const slot: u32 = __udiv(__lidx, __u_slot_tiles);
  const tile: u32 = __umod(__lidx, __u_slot_tiles);
  const c: u32 = ((__wid_y * slots) + slot);
  if (((slot >= slots) || (c >= <u32>(1536)))) {
    return;
  }
  if ((c < <u32>(768))) {
    // channels [0, 768): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    const offset_a: u32 = min<u32>((c / <u32>(192)), <u32>(3));
    const offset_b: u32 = min<u32>((c / <u32>(192)), <u32>(3));
    const wa_base: u32 = (c * <u32>(16));
    const wb_base: u32 = (c * <u32>(16));
    const placements: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a)) + min<u32>((((__u_out_h - offset_a) + <u32>(3)) / <u32>(4)), (((__u_in_h - offset_a) + <u32>(3)) / <u32>(4))));
    const placements_1: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b)) + min<u32>((((__u_in_w - offset_b) + <u32>(3)) / <u32>(4)), (((__u_out_w - offset_b) + <u32>(3)) / <u32>(4))));
    const pa: u32 = __udiv(tile, placements_1);
    if ((pa >= placements)) {
      return;
    }
    const pb: u32 = __umod(tile, placements_1);
    const y_row_start: u32 = (offset_a + (((pa + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a))) * <u32>(4)));
    const y_row_last: u32 = (__u_out_h - <u32>(1));
    const x_row_start: u32 = (offset_a + (((pa + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a))) * <u32>(4)));
    const x_row_last: u32 = (__u_in_h - <u32>(1));
    const x_col_start: u32 = (offset_b + (((pb + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b))) * <u32>(4)));
    const x_col_last: u32 = (__u_in_w - <u32>(1));
    const y_col_start: u32 = (offset_b + (((pb + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b))) * <u32>(4)));
    const y_col_last: u32 = (__u_out_w - <u32>(1));
    // B weights: the whole 4x4 kernel of this channel as 1 vec4 per row (columns 0-3)
    const wbv_0_0: v128 = load<v128>(__p_wb + ((<usize>wb_base) << 2));
    const wbv_1_0: v128 = load<v128>(__p_wb + ((<usize>wb_base) << 2), 16);
    const wbv_2_0: v128 = load<v128>(__p_wb + ((<usize>wb_base) << 2), 32);
    const wbv_3_0: v128 = load<v128>(__p_wb + ((<usize>wb_base) << 2), 48);
    const plane: u32 = (((__wid_z * <u32>(1536)) + c) * (__u_in_h * __u_in_w));
    let acc_0_0: v128 = f32x4.splat(<f32>(0));
    let acc_1_0: v128 = f32x4.splat(<f32>(0));
    let acc_2_0: v128 = f32x4.splat(<f32>(0));
    let acc_3_0: v128 = f32x4.splat(<f32>(0));
    const x_row_ok: bool = ((x_row_start >= <u32>(4)) && (x_row_start < (__u_in_h + <u32>(4))));
    const x_row_pos: u32 = (x_row_start + <u32>(3));
    const x_row_ok_1: bool = ((x_row_pos >= <u32>(4)) && (x_row_pos < (__u_in_h + <u32>(4))));
    const x_col_ok: bool = ((x_col_start >= <u32>(4)) && (x_col_start < (__u_in_w + <u32>(4))));
    const x_col_pos: u32 = (x_col_start + <u32>(3));
    const x_col_ok_1: bool = ((x_col_pos >= <u32>(4)) && (x_col_pos < (__u_in_w + <u32>(4))));
    if (((x_row_ok && x_row_ok_1) && (x_col_ok && x_col_ok_1))) {
      const x_col_first: u32 = (x_col_start - <u32>(4));
      let __c0: usize = __p_wa + ((<usize>wa_base) << 2);
      for (let h: u32 = <u32>(0); h < <u32>(4); h += <u32>(1)) {
        // X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row
        const x_row_base: u32 = ((plane + (((x_row_start + h) - <u32>(4)) * __u_in_w)) + x_col_first);
        const x_0: f32 = load<f32>(__p_x + ((<usize>x_row_base) << 2));
        const x_1: f32 = load<f32>(__p_x + ((<usize>x_row_base) << 2), 4);
        const x_2: f32 = load<f32>(__p_x + ((<usize>x_row_base) << 2), 8);
        const x_3: f32 = load<f32>(__p_x + ((<usize>x_row_base) << 2), 12);
        const xv_0: v128 = f32x4.splat(x_0);
        const xv_1: v128 = f32x4.splat(x_1);
        const xv_2: v128 = f32x4.splat(x_2);
        const xv_3: v128 = f32x4.splat(x_3);
        const wav_0: v128 = v128.load32_splat(__c0);
        const wav_1: v128 = v128.load32_splat(__c0, 16);
        const wav_2: v128 = v128.load32_splat(__c0, 32);
        const wav_3: v128 = v128.load32_splat(__c0, 48);
        const t_0: v128 = f32x4.add(f32x4.add(f32x4.add(f32x4.mul(xv_0, wbv_0_0), f32x4.mul(xv_1, wbv_1_0)), f32x4.mul(xv_2, wbv_2_0)), f32x4.mul(xv_3, wbv_3_0));
        acc_0_0 = f32x4.add(acc_0_0, f32x4.mul(wav_0, t_0));
        acc_1_0 = f32x4.add(acc_1_0, f32x4.mul(wav_1, t_0));
        acc_2_0 = f32x4.add(acc_2_0, f32x4.mul(wav_2, t_0));
        acc_3_0 = f32x4.add(acc_3_0, f32x4.mul(wav_3, t_0));
        __c0 += 4;
      }
    } else {
      const x_col_ok_2: bool = ((x_col_start >= <u32>(4)) && (x_col_start < (__u_in_w + <u32>(4))));
      const x_col_at: u32 = min<u32>((max<u32>(x_col_start, <u32>(4)) - <u32>(4)), x_col_last);
      const x_col_pos_1: u32 = (x_col_start + <u32>(1));
      const x_col_ok_3: bool = ((x_col_pos_1 >= <u32>(4)) && (x_col_pos_1 < (__u_in_w + <u32>(4))));
      const x_col_at_1: u32 = min<u32>((max<u32>(x_col_pos_1, <u32>(4)) - <u32>(4)), x_col_last);
      const x_col_pos_2: u32 = (x_col_start + <u32>(2));
      const x_col_ok_4: bool = ((x_col_pos_2 >= <u32>(4)) && (x_col_pos_2 < (__u_in_w + <u32>(4))));
      const x_col_at_2: u32 = min<u32>((max<u32>(x_col_pos_2, <u32>(4)) - <u32>(4)), x_col_last);
      const x_col_pos_3: u32 = (x_col_start + <u32>(3));
      const x_col_ok_5: bool = ((x_col_pos_3 >= <u32>(4)) && (x_col_pos_3 < (__u_in_w + <u32>(4))));
      const x_col_at_3: u32 = min<u32>((max<u32>(x_col_pos_3, <u32>(4)) - <u32>(4)), x_col_last);
      let __c1: usize = __p_wa + ((<usize>wa_base) << 2);
      for (let h_1: u32 = <u32>(0); h_1 < <u32>(4); h_1 += <u32>(1)) {
        // X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row; a missing X row adds nothing (skipped), missing columns load as zeros
        const x_row_pos_1: u32 = (x_row_start + h_1);
        const x_row_ok_2: bool = ((x_row_pos_1 >= <u32>(4)) && (x_row_pos_1 < (__u_in_h + <u32>(4))));
        const x_row_at: u32 = min<u32>((max<u32>(x_row_pos_1, <u32>(4)) - <u32>(4)), x_row_last);
        if (x_row_ok_2) {
          const x_row_base_1: u32 = (plane + (x_row_at * __u_in_w));
          const x_0_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at)) << 2)), <f32>(0), x_col_ok_2);
          const x_1_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_1)) << 2)), <f32>(0), x_col_ok_3);
          const x_2_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_2)) << 2)), <f32>(0), x_col_ok_4);
          const x_3_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_3)) << 2)), <f32>(0), x_col_ok_5);
          const xv_0_1: v128 = f32x4.splat(x_0_1);
          const xv_1_1: v128 = f32x4.splat(x_1_1);
          const xv_2_1: v128 = f32x4.splat(x_2_1);
          const xv_3_1: v128 = f32x4.splat(x_3_1);
          const wav_0_1: v128 = v128.load32_splat(__c1);
          const wav_1_1: v128 = v128.load32_splat(__c1, 16);
          const wav_2_1: v128 = v128.load32_splat(__c1, 32);
          const wav_3_1: v128 = v128.load32_splat(__c1, 48);
          const t_0_1: v128 = f32x4.add(f32x4.add(f32x4.add(f32x4.mul(xv_0_1, wbv_0_0), f32x4.mul(xv_1_1, wbv_1_0)), f32x4.mul(xv_2_1, wbv_2_0)), f32x4.mul(xv_3_1, wbv_3_0));
          acc_0_0 = f32x4.add(acc_0_0, f32x4.mul(wav_0_1, t_0_1));
          acc_1_0 = f32x4.add(acc_1_0, f32x4.mul(wav_1_1, t_0_1));
          acc_2_0 = f32x4.add(acc_2_0, f32x4.mul(wav_2_1, t_0_1));
          acc_3_0 = f32x4.add(acc_3_0, f32x4.mul(wav_3_1, t_0_1));
        }
        __c1 += 4;
      }
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    const y_row_ok: bool = ((y_row_start >= <u32>(4)) && (y_row_start < (__u_out_h + <u32>(4))));
    const y_row_pos: u32 = (y_row_start + <u32>(3));
    const y_row_ok_1: bool = ((y_row_pos >= <u32>(4)) && (y_row_pos < (__u_out_h + <u32>(4))));
    const y_col_ok: bool = ((y_col_start >= <u32>(4)) && (y_col_start < (__u_out_w + <u32>(4))));
    const y_col_pos: u32 = (y_col_start + <u32>(3));
    const y_col_ok_1: bool = ((y_col_pos >= <u32>(4)) && (y_col_pos < (__u_out_w + <u32>(4))));
    if (((y_row_ok && y_row_ok_1) && (y_col_ok && y_col_ok_1))) {
      const y_col_first: u32 = (y_col_start - <u32>(4));
      const y_base: u32 = ((((((__wid_z * __u_out_h) + (y_row_start - <u32>(4))) * __u_out_w) + y_col_first) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base) << 2), f32x4.extract_lane(acc_0_0, 0));
      store<f32>(__p_y + ((<usize>y_base) << 2), f32x4.extract_lane(acc_0_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base) << 2), f32x4.extract_lane(acc_0_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base) << 2), f32x4.extract_lane(acc_0_0, 3), 18432);
      const y_base_1: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start + <u32>(1)) - <u32>(4))) * __u_out_w) + y_col_first) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_1) << 2), f32x4.extract_lane(acc_1_0, 0));
      store<f32>(__p_y + ((<usize>y_base_1) << 2), f32x4.extract_lane(acc_1_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_1) << 2), f32x4.extract_lane(acc_1_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_1) << 2), f32x4.extract_lane(acc_1_0, 3), 18432);
      const y_base_2: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start + <u32>(2)) - <u32>(4))) * __u_out_w) + y_col_first) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_2) << 2), f32x4.extract_lane(acc_2_0, 0));
      store<f32>(__p_y + ((<usize>y_base_2) << 2), f32x4.extract_lane(acc_2_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_2) << 2), f32x4.extract_lane(acc_2_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_2) << 2), f32x4.extract_lane(acc_2_0, 3), 18432);
      const y_base_3: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start + <u32>(3)) - <u32>(4))) * __u_out_w) + y_col_first) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_3) << 2), f32x4.extract_lane(acc_3_0, 0));
      store<f32>(__p_y + ((<usize>y_base_3) << 2), f32x4.extract_lane(acc_3_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_3) << 2), f32x4.extract_lane(acc_3_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_3) << 2), f32x4.extract_lane(acc_3_0, 3), 18432);
    } else {
      const y_row_ok_2: bool = ((y_row_start >= <u32>(4)) && (y_row_start < (__u_out_h + <u32>(4))));
      const y_row_at: u32 = min<u32>((max<u32>(y_row_start, <u32>(4)) - <u32>(4)), y_row_last);
      const y_row_pos_1: u32 = (y_row_start + <u32>(1));
      const y_row_ok_3: bool = ((y_row_pos_1 >= <u32>(4)) && (y_row_pos_1 < (__u_out_h + <u32>(4))));
      const y_row_at_1: u32 = min<u32>((max<u32>(y_row_pos_1, <u32>(4)) - <u32>(4)), y_row_last);
      const y_row_pos_2: u32 = (y_row_start + <u32>(2));
      const y_row_ok_4: bool = ((y_row_pos_2 >= <u32>(4)) && (y_row_pos_2 < (__u_out_h + <u32>(4))));
      const y_row_at_2: u32 = min<u32>((max<u32>(y_row_pos_2, <u32>(4)) - <u32>(4)), y_row_last);
      const y_row_pos_3: u32 = (y_row_start + <u32>(3));
      const y_row_ok_5: bool = ((y_row_pos_3 >= <u32>(4)) && (y_row_pos_3 < (__u_out_h + <u32>(4))));
      const y_row_at_3: u32 = min<u32>((max<u32>(y_row_pos_3, <u32>(4)) - <u32>(4)), y_row_last);
      const y_col_ok_2: bool = ((y_col_start >= <u32>(4)) && (y_col_start < (__u_out_w + <u32>(4))));
      const y_col_at: u32 = min<u32>((max<u32>(y_col_start, <u32>(4)) - <u32>(4)), y_col_last);
      const y_col_pos_1: u32 = (y_col_start + <u32>(1));
      const y_col_ok_3: bool = ((y_col_pos_1 >= <u32>(4)) && (y_col_pos_1 < (__u_out_w + <u32>(4))));
      const y_col_at_1: u32 = min<u32>((max<u32>(y_col_pos_1, <u32>(4)) - <u32>(4)), y_col_last);
      const y_col_pos_2: u32 = (y_col_start + <u32>(2));
      const y_col_ok_4: bool = ((y_col_pos_2 >= <u32>(4)) && (y_col_pos_2 < (__u_out_w + <u32>(4))));
      const y_col_at_2: u32 = min<u32>((max<u32>(y_col_pos_2, <u32>(4)) - <u32>(4)), y_col_last);
      const y_col_pos_3: u32 = (y_col_start + <u32>(3));
      const y_col_ok_5: bool = ((y_col_pos_3 >= <u32>(4)) && (y_col_pos_3 < (__u_out_w + <u32>(4))));
      const y_col_at_3: u32 = min<u32>((max<u32>(y_col_pos_3, <u32>(4)) - <u32>(4)), y_col_last);
      if (y_row_ok_2) {
        const y_base_4: u32 = (((((__wid_z * __u_out_h) + y_row_at) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_2) {
          store<f32>(__p_y + ((<usize>(y_base_4 + (y_col_at * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0, 0));
        }
        if (y_col_ok_3) {
          store<f32>(__p_y + ((<usize>(y_base_4 + (y_col_at_1 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0, 1));
        }
        if (y_col_ok_4) {
          store<f32>(__p_y + ((<usize>(y_base_4 + (y_col_at_2 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0, 2));
        }
        if (y_col_ok_5) {
          store<f32>(__p_y + ((<usize>(y_base_4 + (y_col_at_3 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0, 3));
        }
      }
      if (y_row_ok_3) {
        const y_base_5: u32 = (((((__wid_z * __u_out_h) + y_row_at_1) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_2) {
          store<f32>(__p_y + ((<usize>(y_base_5 + (y_col_at * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0, 0));
        }
        if (y_col_ok_3) {
          store<f32>(__p_y + ((<usize>(y_base_5 + (y_col_at_1 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0, 1));
        }
        if (y_col_ok_4) {
          store<f32>(__p_y + ((<usize>(y_base_5 + (y_col_at_2 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0, 2));
        }
        if (y_col_ok_5) {
          store<f32>(__p_y + ((<usize>(y_base_5 + (y_col_at_3 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0, 3));
        }
      }
      if (y_row_ok_4) {
        const y_base_6: u32 = (((((__wid_z * __u_out_h) + y_row_at_2) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_2) {
          store<f32>(__p_y + ((<usize>(y_base_6 + (y_col_at * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0, 0));
        }
        if (y_col_ok_3) {
          store<f32>(__p_y + ((<usize>(y_base_6 + (y_col_at_1 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0, 1));
        }
        if (y_col_ok_4) {
          store<f32>(__p_y + ((<usize>(y_base_6 + (y_col_at_2 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0, 2));
        }
        if (y_col_ok_5) {
          store<f32>(__p_y + ((<usize>(y_base_6 + (y_col_at_3 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0, 3));
        }
      }
      if (y_row_ok_5) {
        const y_base_7: u32 = (((((__wid_z * __u_out_h) + y_row_at_3) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_2) {
          store<f32>(__p_y + ((<usize>(y_base_7 + (y_col_at * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0, 0));
        }
        if (y_col_ok_3) {
          store<f32>(__p_y + ((<usize>(y_base_7 + (y_col_at_1 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0, 1));
        }
        if (y_col_ok_4) {
          store<f32>(__p_y + ((<usize>(y_base_7 + (y_col_at_2 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0, 2));
        }
        if (y_col_ok_5) {
          store<f32>(__p_y + ((<usize>(y_base_7 + (y_col_at_3 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0, 3));
        }
      }
    }
  } else {
    // channels [768, 1536): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const local_c: u32 = (c - <u32>(768));
    const offset_a_1: u32 = min<u32>((local_c / <u32>(109)), <u32>(6));
    const offset_b_1: u32 = min<u32>((local_c / <u32>(109)), <u32>(6));
    const wa_base_1: u32 = (<u32>(12288) + (local_c * <u32>(49)));
    const wb_base_1: u32 = (<u32>(12288) + (local_c * <u32>(49)));
    const placements_2: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1)) + min<u32>((((__u_out_h - offset_a_1) + <u32>(6)) / <u32>(7)), (((__u_in_h - offset_a_1) + <u32>(6)) / <u32>(7))));
    const placements_3: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1)) + min<u32>((((__u_in_w - offset_b_1) + <u32>(6)) / <u32>(7)), (((__u_out_w - offset_b_1) + <u32>(6)) / <u32>(7))));
    const pa_1: u32 = __udiv(tile, placements_3);
    if ((pa_1 >= placements_2)) {
      return;
    }
    const pb_1: u32 = __umod(tile, placements_3);
    const y_row_start_1: u32 = (offset_a_1 + (((pa_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1))) * <u32>(7)));
    const y_row_last_1: u32 = (__u_out_h - <u32>(1));
    const x_row_start_1: u32 = (offset_a_1 + (((pa_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1))) * <u32>(7)));
    const x_row_last_1: u32 = (__u_in_h - <u32>(1));
    const x_col_start_1: u32 = (offset_b_1 + (((pb_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1))) * <u32>(7)));
    const x_col_last_1: u32 = (__u_in_w - <u32>(1));
    const y_col_start_1: u32 = (offset_b_1 + (((pb_1 + <u32>(1)) - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1))) * <u32>(7)));
    const y_col_last_1: u32 = (__u_out_w - <u32>(1));
    // B weights: the whole 7x7 kernel of this channel as 2 vec4 per row (columns 0-3, 3-6)
    const wbv_0_0_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2));
    const wbv_0_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 12);
    const wbv_1_0_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 28);
    const wbv_1_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 40);
    const wbv_2_0_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 56);
    const wbv_2_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 68);
    const wbv_3_0_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 84);
    const wbv_3_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 96);
    const wbv_4_0: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 112);
    const wbv_4_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 124);
    const wbv_5_0: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 140);
    const wbv_5_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 152);
    const wbv_6_0: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 168);
    const wbv_6_1: v128 = load<v128>(__p_wb + ((<usize>wb_base_1) << 2), 180);
    const plane_1: u32 = (((__wid_z * <u32>(1536)) + c) * (__u_in_h * __u_in_w));
    let acc_0_0_1: v128 = f32x4.splat(<f32>(0));
    let acc_0_1: v128 = f32x4.splat(<f32>(0));
    let acc_1_0_1: v128 = f32x4.splat(<f32>(0));
    let acc_1_1: v128 = f32x4.splat(<f32>(0));
    let acc_2_0_1: v128 = f32x4.splat(<f32>(0));
    let acc_2_1: v128 = f32x4.splat(<f32>(0));
    let acc_3_0_1: v128 = f32x4.splat(<f32>(0));
    let acc_3_1: v128 = f32x4.splat(<f32>(0));
    let acc_4_0: v128 = f32x4.splat(<f32>(0));
    let acc_4_1: v128 = f32x4.splat(<f32>(0));
    let acc_5_0: v128 = f32x4.splat(<f32>(0));
    let acc_5_1: v128 = f32x4.splat(<f32>(0));
    let acc_6_0: v128 = f32x4.splat(<f32>(0));
    let acc_6_1: v128 = f32x4.splat(<f32>(0));
    const x_row_ok_3: bool = ((x_row_start_1 >= <u32>(7)) && (x_row_start_1 < (__u_in_h + <u32>(7))));
    const x_row_pos_2: u32 = (x_row_start_1 + <u32>(6));
    const x_row_ok_4: bool = ((x_row_pos_2 >= <u32>(7)) && (x_row_pos_2 < (__u_in_h + <u32>(7))));
    const x_col_ok_6: bool = ((x_col_start_1 >= <u32>(7)) && (x_col_start_1 < (__u_in_w + <u32>(7))));
    const x_col_pos_4: u32 = (x_col_start_1 + <u32>(6));
    const x_col_ok_7: bool = ((x_col_pos_4 >= <u32>(7)) && (x_col_pos_4 < (__u_in_w + <u32>(7))));
    if (((x_row_ok_3 && x_row_ok_4) && (x_col_ok_6 && x_col_ok_7))) {
      const x_col_first_1: u32 = (x_col_start_1 - <u32>(7));
      let __c2: usize = __p_wa + ((<usize>wa_base_1) << 2);
      for (let h_2: u32 = <u32>(0); h_2 < <u32>(7); h_2 += <u32>(1)) {
        // X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row
        const x_row_base_2: u32 = ((plane_1 + (((x_row_start_1 + h_2) - <u32>(7)) * __u_in_w)) + x_col_first_1);
        const x_0_2: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2));
        const x_1_2: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2), 4);
        const x_2_2: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2), 8);
        const x_3_2: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2), 12);
        const x_4: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2), 16);
        const x_5: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2), 20);
        const x_6: f32 = load<f32>(__p_x + ((<usize>x_row_base_2) << 2), 24);
        const xv_0_2: v128 = f32x4.splat(x_0_2);
        const xv_1_2: v128 = f32x4.splat(x_1_2);
        const xv_2_2: v128 = f32x4.splat(x_2_2);
        const xv_3_2: v128 = f32x4.splat(x_3_2);
        const xv_4: v128 = f32x4.splat(x_4);
        const xv_5: v128 = f32x4.splat(x_5);
        const xv_6: v128 = f32x4.splat(x_6);
        const wav_0_2: v128 = v128.load32_splat(__c2);
        const wav_1_2: v128 = v128.load32_splat(__c2, 28);
        const wav_2_2: v128 = v128.load32_splat(__c2, 56);
        const wav_3_2: v128 = v128.load32_splat(__c2, 84);
        const wav_4: v128 = v128.load32_splat(__c2, 112);
        const wav_5: v128 = v128.load32_splat(__c2, 140);
        const wav_6: v128 = v128.load32_splat(__c2, 168);
        const t_0_2: v128 = f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(xv_0_2, wbv_0_0_1), f32x4.mul(xv_1_2, wbv_1_0_1)), f32x4.mul(xv_2_2, wbv_2_0_1)), f32x4.mul(xv_3_2, wbv_3_0_1)), f32x4.mul(xv_4, wbv_4_0)), f32x4.mul(xv_5, wbv_5_0)), f32x4.mul(xv_6, wbv_6_0));
        acc_0_0_1 = f32x4.add(acc_0_0_1, f32x4.mul(wav_0_2, t_0_2));
        acc_1_0_1 = f32x4.add(acc_1_0_1, f32x4.mul(wav_1_2, t_0_2));
        acc_2_0_1 = f32x4.add(acc_2_0_1, f32x4.mul(wav_2_2, t_0_2));
        acc_3_0_1 = f32x4.add(acc_3_0_1, f32x4.mul(wav_3_2, t_0_2));
        acc_4_0 = f32x4.add(acc_4_0, f32x4.mul(wav_4, t_0_2));
        acc_5_0 = f32x4.add(acc_5_0, f32x4.mul(wav_5, t_0_2));
        acc_6_0 = f32x4.add(acc_6_0, f32x4.mul(wav_6, t_0_2));
        const t_1: v128 = f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(xv_0_2, wbv_0_1), f32x4.mul(xv_1_2, wbv_1_1)), f32x4.mul(xv_2_2, wbv_2_1)), f32x4.mul(xv_3_2, wbv_3_1)), f32x4.mul(xv_4, wbv_4_1)), f32x4.mul(xv_5, wbv_5_1)), f32x4.mul(xv_6, wbv_6_1));
        acc_0_1 = f32x4.add(acc_0_1, f32x4.mul(wav_0_2, t_1));
        acc_1_1 = f32x4.add(acc_1_1, f32x4.mul(wav_1_2, t_1));
        acc_2_1 = f32x4.add(acc_2_1, f32x4.mul(wav_2_2, t_1));
        acc_3_1 = f32x4.add(acc_3_1, f32x4.mul(wav_3_2, t_1));
        acc_4_1 = f32x4.add(acc_4_1, f32x4.mul(wav_4, t_1));
        acc_5_1 = f32x4.add(acc_5_1, f32x4.mul(wav_5, t_1));
        acc_6_1 = f32x4.add(acc_6_1, f32x4.mul(wav_6, t_1));
        __c2 += 4;
      }
    } else {
      const x_col_ok_8: bool = ((x_col_start_1 >= <u32>(7)) && (x_col_start_1 < (__u_in_w + <u32>(7))));
      const x_col_at_4: u32 = min<u32>((max<u32>(x_col_start_1, <u32>(7)) - <u32>(7)), x_col_last_1);
      const x_col_pos_5: u32 = (x_col_start_1 + <u32>(1));
      const x_col_ok_9: bool = ((x_col_pos_5 >= <u32>(7)) && (x_col_pos_5 < (__u_in_w + <u32>(7))));
      const x_col_at_5: u32 = min<u32>((max<u32>(x_col_pos_5, <u32>(7)) - <u32>(7)), x_col_last_1);
      const x_col_pos_6: u32 = (x_col_start_1 + <u32>(2));
      const x_col_ok_10: bool = ((x_col_pos_6 >= <u32>(7)) && (x_col_pos_6 < (__u_in_w + <u32>(7))));
      const x_col_at_6: u32 = min<u32>((max<u32>(x_col_pos_6, <u32>(7)) - <u32>(7)), x_col_last_1);
      const x_col_pos_7: u32 = (x_col_start_1 + <u32>(3));
      const x_col_ok_11: bool = ((x_col_pos_7 >= <u32>(7)) && (x_col_pos_7 < (__u_in_w + <u32>(7))));
      const x_col_at_7: u32 = min<u32>((max<u32>(x_col_pos_7, <u32>(7)) - <u32>(7)), x_col_last_1);
      const x_col_pos_8: u32 = (x_col_start_1 + <u32>(4));
      const x_col_ok_12: bool = ((x_col_pos_8 >= <u32>(7)) && (x_col_pos_8 < (__u_in_w + <u32>(7))));
      const x_col_at_8: u32 = min<u32>((max<u32>(x_col_pos_8, <u32>(7)) - <u32>(7)), x_col_last_1);
      const x_col_pos_9: u32 = (x_col_start_1 + <u32>(5));
      const x_col_ok_13: bool = ((x_col_pos_9 >= <u32>(7)) && (x_col_pos_9 < (__u_in_w + <u32>(7))));
      const x_col_at_9: u32 = min<u32>((max<u32>(x_col_pos_9, <u32>(7)) - <u32>(7)), x_col_last_1);
      const x_col_pos_10: u32 = (x_col_start_1 + <u32>(6));
      const x_col_ok_14: bool = ((x_col_pos_10 >= <u32>(7)) && (x_col_pos_10 < (__u_in_w + <u32>(7))));
      const x_col_at_10: u32 = min<u32>((max<u32>(x_col_pos_10, <u32>(7)) - <u32>(7)), x_col_last_1);
      let __c3: usize = __p_wa + ((<usize>wa_base_1) << 2);
      for (let h_3: u32 = <u32>(0); h_3 < <u32>(7); h_3 += <u32>(1)) {
        // X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row; a missing X row adds nothing (skipped), missing columns load as zeros
        const x_row_pos_3: u32 = (x_row_start_1 + h_3);
        const x_row_ok_5: bool = ((x_row_pos_3 >= <u32>(7)) && (x_row_pos_3 < (__u_in_h + <u32>(7))));
        const x_row_at_1: u32 = min<u32>((max<u32>(x_row_pos_3, <u32>(7)) - <u32>(7)), x_row_last_1);
        if (x_row_ok_5) {
          const x_row_base_3: u32 = (plane_1 + (x_row_at_1 * __u_in_w));
          const x_0_3: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_4)) << 2)), <f32>(0), x_col_ok_8);
          const x_1_3: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_5)) << 2)), <f32>(0), x_col_ok_9);
          const x_2_3: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_6)) << 2)), <f32>(0), x_col_ok_10);
          const x_3_3: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_7)) << 2)), <f32>(0), x_col_ok_11);
          const x_4_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_8)) << 2)), <f32>(0), x_col_ok_12);
          const x_5_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_9)) << 2)), <f32>(0), x_col_ok_13);
          const x_6_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_3 + x_col_at_10)) << 2)), <f32>(0), x_col_ok_14);
          const xv_0_3: v128 = f32x4.splat(x_0_3);
          const xv_1_3: v128 = f32x4.splat(x_1_3);
          const xv_2_3: v128 = f32x4.splat(x_2_3);
          const xv_3_3: v128 = f32x4.splat(x_3_3);
          const xv_4_1: v128 = f32x4.splat(x_4_1);
          const xv_5_1: v128 = f32x4.splat(x_5_1);
          const xv_6_1: v128 = f32x4.splat(x_6_1);
          const wav_0_3: v128 = v128.load32_splat(__c3);
          const wav_1_3: v128 = v128.load32_splat(__c3, 28);
          const wav_2_3: v128 = v128.load32_splat(__c3, 56);
          const wav_3_3: v128 = v128.load32_splat(__c3, 84);
          const wav_4_1: v128 = v128.load32_splat(__c3, 112);
          const wav_5_1: v128 = v128.load32_splat(__c3, 140);
          const wav_6_1: v128 = v128.load32_splat(__c3, 168);
          const t_0_3: v128 = f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(xv_0_3, wbv_0_0_1), f32x4.mul(xv_1_3, wbv_1_0_1)), f32x4.mul(xv_2_3, wbv_2_0_1)), f32x4.mul(xv_3_3, wbv_3_0_1)), f32x4.mul(xv_4_1, wbv_4_0)), f32x4.mul(xv_5_1, wbv_5_0)), f32x4.mul(xv_6_1, wbv_6_0));
          acc_0_0_1 = f32x4.add(acc_0_0_1, f32x4.mul(wav_0_3, t_0_3));
          acc_1_0_1 = f32x4.add(acc_1_0_1, f32x4.mul(wav_1_3, t_0_3));
          acc_2_0_1 = f32x4.add(acc_2_0_1, f32x4.mul(wav_2_3, t_0_3));
          acc_3_0_1 = f32x4.add(acc_3_0_1, f32x4.mul(wav_3_3, t_0_3));
          acc_4_0 = f32x4.add(acc_4_0, f32x4.mul(wav_4_1, t_0_3));
          acc_5_0 = f32x4.add(acc_5_0, f32x4.mul(wav_5_1, t_0_3));
          acc_6_0 = f32x4.add(acc_6_0, f32x4.mul(wav_6_1, t_0_3));
          const t_1_1: v128 = f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(xv_0_3, wbv_0_1), f32x4.mul(xv_1_3, wbv_1_1)), f32x4.mul(xv_2_3, wbv_2_1)), f32x4.mul(xv_3_3, wbv_3_1)), f32x4.mul(xv_4_1, wbv_4_1)), f32x4.mul(xv_5_1, wbv_5_1)), f32x4.mul(xv_6_1, wbv_6_1));
          acc_0_1 = f32x4.add(acc_0_1, f32x4.mul(wav_0_3, t_1_1));
          acc_1_1 = f32x4.add(acc_1_1, f32x4.mul(wav_1_3, t_1_1));
          acc_2_1 = f32x4.add(acc_2_1, f32x4.mul(wav_2_3, t_1_1));
          acc_3_1 = f32x4.add(acc_3_1, f32x4.mul(wav_3_3, t_1_1));
          acc_4_1 = f32x4.add(acc_4_1, f32x4.mul(wav_4_1, t_1_1));
          acc_5_1 = f32x4.add(acc_5_1, f32x4.mul(wav_5_1, t_1_1));
          acc_6_1 = f32x4.add(acc_6_1, f32x4.mul(wav_6_1, t_1_1));
        }
        __c3 += 4;
      }
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    const y_row_ok_6: bool = ((y_row_start_1 >= <u32>(7)) && (y_row_start_1 < (__u_out_h + <u32>(7))));
    const y_row_pos_4: u32 = (y_row_start_1 + <u32>(6));
    const y_row_ok_7: bool = ((y_row_pos_4 >= <u32>(7)) && (y_row_pos_4 < (__u_out_h + <u32>(7))));
    const y_col_ok_6: bool = ((y_col_start_1 >= <u32>(7)) && (y_col_start_1 < (__u_out_w + <u32>(7))));
    const y_col_pos_4: u32 = (y_col_start_1 + <u32>(6));
    const y_col_ok_7: bool = ((y_col_pos_4 >= <u32>(7)) && (y_col_pos_4 < (__u_out_w + <u32>(7))));
    if (((y_row_ok_6 && y_row_ok_7) && (y_col_ok_6 && y_col_ok_7))) {
      const y_col_first_1: u32 = (y_col_start_1 - <u32>(7));
      const y_base_8: u32 = ((((((__wid_z * __u_out_h) + (y_row_start_1 - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_0_1, 0));
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_0_1, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_0_1, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_0_1, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_8) << 2), f32x4.extract_lane(acc_0_1, 3), 36864);
      const y_base_9: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start_1 + <u32>(1)) - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_0_1, 0));
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_0_1, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_0_1, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_0_1, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_9) << 2), f32x4.extract_lane(acc_1_1, 3), 36864);
      const y_base_10: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start_1 + <u32>(2)) - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_0_1, 0));
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_0_1, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_0_1, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_0_1, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_10) << 2), f32x4.extract_lane(acc_2_1, 3), 36864);
      const y_base_11: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start_1 + <u32>(3)) - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_0_1, 0));
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_0_1, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_0_1, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_0_1, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_11) << 2), f32x4.extract_lane(acc_3_1, 3), 36864);
      const y_base_12: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start_1 + <u32>(4)) - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_0, 0));
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_0, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_12) << 2), f32x4.extract_lane(acc_4_1, 3), 36864);
      const y_base_13: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start_1 + <u32>(5)) - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_0, 0));
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_0, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_13) << 2), f32x4.extract_lane(acc_5_1, 3), 36864);
      const y_base_14: u32 = ((((((__wid_z * __u_out_h) + ((y_row_start_1 + <u32>(6)) - <u32>(7))) * __u_out_w) + y_col_first_1) * <u32>(1536)) + c);
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_0, 0));
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_0, 1), 6144);
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_0, 2), 12288);
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_0, 3), 18432);
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_1, 1), 24576);
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_1, 2), 30720);
      store<f32>(__p_y + ((<usize>y_base_14) << 2), f32x4.extract_lane(acc_6_1, 3), 36864);
    } else {
      const y_row_ok_8: bool = ((y_row_start_1 >= <u32>(7)) && (y_row_start_1 < (__u_out_h + <u32>(7))));
      const y_row_at_4: u32 = min<u32>((max<u32>(y_row_start_1, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_row_pos_5: u32 = (y_row_start_1 + <u32>(1));
      const y_row_ok_9: bool = ((y_row_pos_5 >= <u32>(7)) && (y_row_pos_5 < (__u_out_h + <u32>(7))));
      const y_row_at_5: u32 = min<u32>((max<u32>(y_row_pos_5, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_row_pos_6: u32 = (y_row_start_1 + <u32>(2));
      const y_row_ok_10: bool = ((y_row_pos_6 >= <u32>(7)) && (y_row_pos_6 < (__u_out_h + <u32>(7))));
      const y_row_at_6: u32 = min<u32>((max<u32>(y_row_pos_6, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_row_pos_7: u32 = (y_row_start_1 + <u32>(3));
      const y_row_ok_11: bool = ((y_row_pos_7 >= <u32>(7)) && (y_row_pos_7 < (__u_out_h + <u32>(7))));
      const y_row_at_7: u32 = min<u32>((max<u32>(y_row_pos_7, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_row_pos_8: u32 = (y_row_start_1 + <u32>(4));
      const y_row_ok_12: bool = ((y_row_pos_8 >= <u32>(7)) && (y_row_pos_8 < (__u_out_h + <u32>(7))));
      const y_row_at_8: u32 = min<u32>((max<u32>(y_row_pos_8, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_row_pos_9: u32 = (y_row_start_1 + <u32>(5));
      const y_row_ok_13: bool = ((y_row_pos_9 >= <u32>(7)) && (y_row_pos_9 < (__u_out_h + <u32>(7))));
      const y_row_at_9: u32 = min<u32>((max<u32>(y_row_pos_9, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_row_pos_10: u32 = (y_row_start_1 + <u32>(6));
      const y_row_ok_14: bool = ((y_row_pos_10 >= <u32>(7)) && (y_row_pos_10 < (__u_out_h + <u32>(7))));
      const y_row_at_10: u32 = min<u32>((max<u32>(y_row_pos_10, <u32>(7)) - <u32>(7)), y_row_last_1);
      const y_col_ok_8: bool = ((y_col_start_1 >= <u32>(7)) && (y_col_start_1 < (__u_out_w + <u32>(7))));
      const y_col_at_4: u32 = min<u32>((max<u32>(y_col_start_1, <u32>(7)) - <u32>(7)), y_col_last_1);
      const y_col_pos_5: u32 = (y_col_start_1 + <u32>(1));
      const y_col_ok_9: bool = ((y_col_pos_5 >= <u32>(7)) && (y_col_pos_5 < (__u_out_w + <u32>(7))));
      const y_col_at_5: u32 = min<u32>((max<u32>(y_col_pos_5, <u32>(7)) - <u32>(7)), y_col_last_1);
      const y_col_pos_6: u32 = (y_col_start_1 + <u32>(2));
      const y_col_ok_10: bool = ((y_col_pos_6 >= <u32>(7)) && (y_col_pos_6 < (__u_out_w + <u32>(7))));
      const y_col_at_6: u32 = min<u32>((max<u32>(y_col_pos_6, <u32>(7)) - <u32>(7)), y_col_last_1);
      const y_col_pos_7: u32 = (y_col_start_1 + <u32>(3));
      const y_col_ok_11: bool = ((y_col_pos_7 >= <u32>(7)) && (y_col_pos_7 < (__u_out_w + <u32>(7))));
      const y_col_at_7: u32 = min<u32>((max<u32>(y_col_pos_7, <u32>(7)) - <u32>(7)), y_col_last_1);
      const y_col_pos_8: u32 = (y_col_start_1 + <u32>(4));
      const y_col_ok_12: bool = ((y_col_pos_8 >= <u32>(7)) && (y_col_pos_8 < (__u_out_w + <u32>(7))));
      const y_col_at_8: u32 = min<u32>((max<u32>(y_col_pos_8, <u32>(7)) - <u32>(7)), y_col_last_1);
      const y_col_pos_9: u32 = (y_col_start_1 + <u32>(5));
      const y_col_ok_13: bool = ((y_col_pos_9 >= <u32>(7)) && (y_col_pos_9 < (__u_out_w + <u32>(7))));
      const y_col_at_9: u32 = min<u32>((max<u32>(y_col_pos_9, <u32>(7)) - <u32>(7)), y_col_last_1);
      const y_col_pos_10: u32 = (y_col_start_1 + <u32>(6));
      const y_col_ok_14: bool = ((y_col_pos_10 >= <u32>(7)) && (y_col_pos_10 < (__u_out_w + <u32>(7))));
      const y_col_at_10: u32 = min<u32>((max<u32>(y_col_pos_10, <u32>(7)) - <u32>(7)), y_col_last_1);
      if (y_row_ok_8) {
        const y_base_15: u32 = (((((__wid_z * __u_out_h) + y_row_at_4) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0_1, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0_1, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0_1, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_0_1, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_15 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_0_1, 3));
        }
      }
      if (y_row_ok_9) {
        const y_base_16: u32 = (((((__wid_z * __u_out_h) + y_row_at_5) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0_1, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0_1, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0_1, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_0_1, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_16 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_1_1, 3));
        }
      }
      if (y_row_ok_10) {
        const y_base_17: u32 = (((((__wid_z * __u_out_h) + y_row_at_6) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0_1, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0_1, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0_1, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_0_1, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_17 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_2_1, 3));
        }
      }
      if (y_row_ok_11) {
        const y_base_18: u32 = (((((__wid_z * __u_out_h) + y_row_at_7) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0_1, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0_1, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0_1, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_0_1, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_18 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_3_1, 3));
        }
      }
      if (y_row_ok_12) {
        const y_base_19: u32 = (((((__wid_z * __u_out_h) + y_row_at_8) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_0, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_0, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_0, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_0, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_19 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_4_1, 3));
        }
      }
      if (y_row_ok_13) {
        const y_base_20: u32 = (((((__wid_z * __u_out_h) + y_row_at_9) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_0, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_0, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_0, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_0, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_20 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_5_1, 3));
        }
      }
      if (y_row_ok_14) {
        const y_base_21: u32 = (((((__wid_z * __u_out_h) + y_row_at_10) * __u_out_w) * <u32>(1536)) + c);
        if (y_col_ok_8) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_4 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_0, 0));
        }
        if (y_col_ok_9) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_5 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_0, 1));
        }
        if (y_col_ok_10) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_6 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_0, 2));
        }
        if (y_col_ok_11) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_7 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_0, 3));
        }
        if (y_col_ok_12) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_8 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_1, 1));
        }
        if (y_col_ok_13) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_9 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_1, 2));
        }
        if (y_col_ok_14) {
          store<f32>(__p_y + ((<usize>(y_base_21 + (y_col_at_10 * <u32>(1536)))) << 2), f32x4.extract_lane(acc_6_1, 3));
        }
      }
    }
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32, __u_slot_tiles: u32): void {
  const slots: u32 = __udiv(<u32>(64), __u_slot_tiles);
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wa, __p_wb, __p_y, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w, __u_slot_tiles, slots);
  }
}

export function neocell_forward_tiles_nhwc_packed(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32, __u_slot_tiles: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_wa, __p_wb, __p_y, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w, __u_slot_tiles);
  }
}
