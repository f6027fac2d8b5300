// neocc neocell_fwd_t: T = X · B (saved for the weight gradients)
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":512},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":512}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wb: usize, __p_t: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  const e: u32 = ((((__wid_y * __nwg_x) + __wid_x) * <u32>(64)) + __lidx);
  if ((e >= ((__u_batch * <u32>(1024)) * (__u_in_h * __u_out_w)))) {
    return;
  }
  const col: u32 = __umod(e, __u_out_w);
  const rest: u32 = __udiv(e, __u_out_w);
  const row: u32 = __umod(rest, __u_in_h);
  const plane: u32 = __udiv(rest, __u_in_h);
  const n: u32 = (plane / <u32>(1024));
  const c: u32 = (plane % <u32>(1024));
  if ((c < <u32>(512))) {
    // channels [0, 512): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    const offset_a: u32 = min<u32>((c / <u32>(128)), <u32>(3));
    const offset_b: u32 = min<u32>((c / <u32>(128)), <u32>(3));
    const wa_base: u32 = (c * <u32>(16));
    const wb_base: u32 = (c * <u32>(16));
    const x_row_base: u32 = (((plane * __u_in_h) + row) * __u_in_w);
    const col_in_corner: bool = (col < offset_b);
    const col_rel: u32 = select<u32>(<u32>(0), (col - offset_b), col_in_corner);
    const hit_row0: u32 = select<u32>(<u32>(0), (offset_b + ((col_rel / <u32>(4)) * <u32>(4))), col_in_corner);
    const hit_k_row0: u32 = select<u32>((<u32>(4) - offset_b), <u32>(0), col_in_corner);
    const hit_k_col: u32 = select<u32>(((<u32>(4) - offset_b) + col), (col_rel % <u32>(4)), col_in_corner);
    const hit_rows: u32 = select<u32>(offset_b, select<u32>(min<u32>(<u32>(4), (__u_in_w - select<u32>(hit_row0, <u32>(0), (hit_row0 < __u_in_w)))), <u32>(0), (hit_row0 < __u_in_w)), col_in_corner);
    const x_row: u32 = (x_row_base + hit_row0);
    const wb_row: u32 = (wb_base + ((hit_k_row0 * <u32>(4)) + hit_k_col));
    let acc: f32 = <f32>(0);
    if ((<u32>(0) < hit_rows)) {
      acc = (acc + (load<f32>(__p_x + ((<usize>x_row) << 2)) * load<f32>(__p_wb + ((<usize>wb_row) << 2))));
    }
    if ((<u32>(1) < hit_rows)) {
      acc = (acc + (load<f32>(__p_x + ((<usize>x_row) << 2), 4) * load<f32>(__p_wb + ((<usize>wb_row) << 2), 16)));
    }
    if ((<u32>(2) < hit_rows)) {
      acc = (acc + (load<f32>(__p_x + ((<usize>x_row) << 2), 8) * load<f32>(__p_wb + ((<usize>wb_row) << 2), 32)));
    }
    if ((<u32>(3) < hit_rows)) {
      acc = (acc + (load<f32>(__p_x + ((<usize>x_row) << 2), 12) * load<f32>(__p_wb + ((<usize>wb_row) << 2), 48)));
    }
    store<f32>(__p_t + ((<usize>((((plane * __u_in_h) + row) * __u_out_w) + col)) << 2), acc);
  } else {
    // channels [512, 1024): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const local_c: u32 = (c - <u32>(512));
    const offset_a_1: u32 = min<u32>((local_c / <u32>(73)), <u32>(6));
    const offset_b_1: u32 = min<u32>((local_c / <u32>(73)), <u32>(6));
    const wa_base_1: u32 = (<u32>(8192) + (local_c * <u32>(49)));
    const wb_base_1: u32 = (<u32>(8192) + (local_c * <u32>(49)));
    const x_row_base_1: u32 = (((plane * __u_in_h) + row) * __u_in_w);
    const col_in_corner_1: bool = (col < offset_b_1);
    const col_rel_1: u32 = select<u32>(<u32>(0), (col - offset_b_1), col_in_corner_1);
    const hit_row0_1: u32 = select<u32>(<u32>(0), (offset_b_1 + ((col_rel_1 / <u32>(7)) * <u32>(7))), col_in_corner_1);
    const hit_k_row0_1: u32 = select<u32>((<u32>(7) - offset_b_1), <u32>(0), col_in_corner_1);
    const hit_k_col_1: u32 = select<u32>(((<u32>(7) - offset_b_1) + col), (col_rel_1 % <u32>(7)), col_in_corner_1);
    const hit_rows_1: u32 = select<u32>(offset_b_1, select<u32>(min<u32>(<u32>(7), (__u_in_w - select<u32>(hit_row0_1, <u32>(0), (hit_row0_1 < __u_in_w)))), <u32>(0), (hit_row0_1 < __u_in_w)), col_in_corner_1);
    const x_row_1: u32 = (x_row_base_1 + hit_row0_1);
    const wb_row_1: u32 = (wb_base_1 + ((hit_k_row0_1 * <u32>(7)) + hit_k_col_1));
    let acc_1: f32 = <f32>(0);
    if ((<u32>(0) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2)) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2))));
    }
    if ((<u32>(1) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2), 4) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2), 28)));
    }
    if ((<u32>(2) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2), 8) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2), 56)));
    }
    if ((<u32>(3) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2), 12) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2), 84)));
    }
    if ((<u32>(4) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2), 16) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2), 112)));
    }
    if ((<u32>(5) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2), 20) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2), 140)));
    }
    if ((<u32>(6) < hit_rows_1)) {
      acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>x_row_1) << 2), 24) * load<f32>(__p_wb + ((<usize>wb_row_1) << 2), 168)));
    }
    store<f32>(__p_t + ((<usize>((((plane * __u_in_h) + row) * __u_out_w) + col)) << 2), acc_1);
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wb: usize, __p_t: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wb, __p_t, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
  }
}

export function neocell_fwd_t(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wb: usize, __p_t: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_wb, __p_t, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
  }
}
