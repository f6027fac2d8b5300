// neocc neocell_forward_tiles_nchw: y = NeoCell(x), NCHW output, one output block per invocation, workgroup 64, vec4 along the block columns
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":384}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32, placements: u32, placements_1: u32, plane: u32, wa_base: u32, wb_base: u32, x_col_last: u32, x_row_last: u32, y_col_last: u32, y_row_last: u32): void {
  const tile: u32 = ((__wid_x * <u32>(64)) + __lidx);
  // channels [0, 384): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  const pa: u32 = __udiv(tile, placements_1);
  if ((pa >= placements)) {
    return;
  }
  const pb: u32 = __umod(tile, placements_1);
  const y_row_start: u32 = (pa + <u32>(1));
  const x_row_start: u32 = ((pa + <u32>(1)) * <u32>(2));
  const x_col_start: u32 = ((pb + <u32>(1)) * <u32>(2));
  const y_col_start: u32 = (pb + <u32>(1));
  // B weights: the whole 2x1 kernel of this channel as 1 vec4 per row (columns 0-3)
  const wbv_0_0: v128 = f32x4.replace_lane(f32x4.splat(<f32>(0)), 0, load<f32>(__p_wb + ((<usize>wb_base) << 2)));
  const wbv_1_0: v128 = f32x4.replace_lane(f32x4.splat(<f32>(0)), 0, load<f32>(__p_wb + ((<usize>wb_base) << 2), 4));
  let acc_0_0: v128 = f32x4.splat(<f32>(0));
  const x_row_ok: bool = ((x_row_start >= <u32>(2)) && (x_row_start < (__u_in_h + <u32>(2))));
  const x_row_pos: u32 = (x_row_start + <u32>(1));
  const x_row_ok_1: bool = ((x_row_pos >= <u32>(2)) && (x_row_pos < (__u_in_h + <u32>(2))));
  const x_col_ok: bool = ((x_col_start >= <u32>(2)) && (x_col_start < (__u_in_w + <u32>(2))));
  const x_col_pos: u32 = (x_col_start + <u32>(1));
  const x_col_ok_1: bool = ((x_col_pos >= <u32>(2)) && (x_col_pos < (__u_in_w + <u32>(2))));
  if (((x_row_ok && x_row_ok_1) && (x_col_ok && x_col_ok_1))) {
    const x_col_first: u32 = (x_col_start - <u32>(2));
    let __c0: usize = __p_wa + ((<usize>wa_base) << 2);
    for (let h: u32 = <u32>(0); h < <u32>(2); h += <u32>(1)) {
      // X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row
      const x_row_base: u32 = ((plane + (((x_row_start + h) - <u32>(2)) * __u_in_w)) + x_col_first);
      const x_0: f32 = load<f32>(__p_x + ((<usize>x_row_base) << 2));
      const x_1: f32 = load<f32>(__p_x + ((<usize>x_row_base) << 2), 4);
      const xv_0: v128 = f32x4.splat(x_0);
      const xv_1: v128 = f32x4.splat(x_1);
      const wav_0: v128 = v128.load32_splat(__c0);
      const t_0: v128 = f32x4.add(f32x4.mul(xv_0, wbv_0_0), f32x4.mul(xv_1, wbv_1_0));
      acc_0_0 = f32x4.add(acc_0_0, f32x4.mul(wav_0, t_0));
      __c0 += 4;
    }
  } else {
    const x_col_ok_2: bool = ((x_col_start >= <u32>(2)) && (x_col_start < (__u_in_w + <u32>(2))));
    const x_col_at: u32 = min<u32>((max<u32>(x_col_start, <u32>(2)) - <u32>(2)), x_col_last);
    const x_col_pos_1: u32 = (x_col_start + <u32>(1));
    const x_col_ok_3: bool = ((x_col_pos_1 >= <u32>(2)) && (x_col_pos_1 < (__u_in_w + <u32>(2))));
    const x_col_at_1: u32 = min<u32>((max<u32>(x_col_pos_1, <u32>(2)) - <u32>(2)), x_col_last);
    let __c1: usize = __p_wa + ((<usize>wa_base) << 2);
    for (let h_1: u32 = <u32>(0); h_1 < <u32>(2); h_1 += <u32>(1)) {
      // X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row; a missing X row adds nothing (skipped), missing columns load as zeros
      const x_row_pos_1: u32 = (x_row_start + h_1);
      const x_row_ok_2: bool = ((x_row_pos_1 >= <u32>(2)) && (x_row_pos_1 < (__u_in_h + <u32>(2))));
      const x_row_at: u32 = min<u32>((max<u32>(x_row_pos_1, <u32>(2)) - <u32>(2)), x_row_last);
      if (x_row_ok_2) {
        const x_row_base_1: u32 = (plane + (x_row_at * __u_in_w));
        const x_0_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at)) << 2)), <f32>(0), x_col_ok_2);
        const x_1_1: f32 = select<f32>(load<f32>(__p_x + ((<usize>(x_row_base_1 + x_col_at_1)) << 2)), <f32>(0), x_col_ok_3);
        const xv_0_1: v128 = f32x4.splat(x_0_1);
        const xv_1_1: v128 = f32x4.splat(x_1_1);
        const wav_0_1: v128 = v128.load32_splat(__c1);
        const t_0_1: v128 = f32x4.add(f32x4.mul(xv_0_1, wbv_0_0), f32x4.mul(xv_1_1, wbv_1_0));
        acc_0_0 = f32x4.add(acc_0_0, f32x4.mul(wav_0_1, t_0_1));
      }
      __c1 += 4;
    }
  }
  // store the rows and columns that exist (the last blocks may be truncated)
  const y_row_ok: bool = ((y_row_start >= <u32>(1)) && (y_row_start < (__u_out_h + <u32>(1))));
  const y_row_ok_1: bool = ((y_row_start >= <u32>(1)) && (y_row_start < (__u_out_h + <u32>(1))));
  const y_col_ok: bool = ((y_col_start >= <u32>(1)) && (y_col_start < (__u_out_w + <u32>(1))));
  const y_col_ok_1: bool = ((y_col_start >= <u32>(1)) && (y_col_start < (__u_out_w + <u32>(1))));
  if (((y_row_ok && y_row_ok_1) && (y_col_ok && y_col_ok_1))) {
    const y_col_first: u32 = (y_col_start - <u32>(1));
    const y_base: u32 = ((((((__wid_z * <u32>(384)) + __wid_y) * __u_out_h) + (y_row_start - <u32>(1))) * __u_out_w) + y_col_first);
    store<f32>(__p_y + ((<usize>y_base) << 2), f32x4.extract_lane(acc_0_0, 0));
  } else {
    const y_row_ok_2: bool = ((y_row_start >= <u32>(1)) && (y_row_start < (__u_out_h + <u32>(1))));
    const y_row_at: u32 = min<u32>((max<u32>(y_row_start, <u32>(1)) - <u32>(1)), y_row_last);
    const y_col_ok_2: bool = ((y_col_start >= <u32>(1)) && (y_col_start < (__u_out_w + <u32>(1))));
    const y_col_at: u32 = min<u32>((max<u32>(y_col_start, <u32>(1)) - <u32>(1)), y_col_last);
    if (y_row_ok_2) {
      const y_base_1: u32 = (((((__wid_z * <u32>(384)) + __wid_y) * __u_out_h) + y_row_at) * __u_out_w);
      if (y_col_ok_2) {
        store<f32>(__p_y + ((<usize>(y_base_1 + y_col_at)) << 2), f32x4.extract_lane(acc_0_0, 0));
      }
    }
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  const wa_base: u32 = (__wid_y * <u32>(2));
  const wb_base: u32 = (__wid_y * <u32>(2));
  const placements: u32 = min<u32>(__u_out_h, ((__u_in_h + <u32>(1)) / <u32>(2)));
  const placements_1: u32 = min<u32>(((__u_in_w + <u32>(1)) / <u32>(2)), __u_out_w);
  const y_row_last: u32 = (__u_out_h - <u32>(1));
  const x_row_last: u32 = (__u_in_h - <u32>(1));
  const x_col_last: u32 = (__u_in_w - <u32>(1));
  const y_col_last: u32 = (__u_out_w - <u32>(1));
  const plane: u32 = (((__wid_z * <u32>(384)) + __wid_y) * (__u_in_h * __u_in_w));
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wa, __p_wb, __p_y, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w, placements, placements_1, plane, wa_base, wb_base, x_col_last, x_row_last, y_col_last, y_row_last);
  }
}

export function neocell_forward_tiles_nchw(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wa: usize, __p_wb: usize, __p_y: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
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
