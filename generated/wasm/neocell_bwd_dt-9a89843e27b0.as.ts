// neocc neocell_bwd_dt: dT = Aᵀ · dY (vec4 over 4 columns per invocation)
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":0,"shiftB":0,"channels":768},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":0,"shiftB":0,"channels":768}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_dy: usize, __p_wa: usize, __p_dt: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32, quads: u32): void {
  const e: u32 = ((((__wid_y * __nwg_x) + __wid_x) * <u32>(64)) + __lidx);
  if ((e >= ((__u_batch * <u32>(1536)) * (__u_in_h * quads)))) {
    return;
  }
  const col: u32 = __umod(e, quads);
  const rest: u32 = __udiv(e, quads);
  const row: u32 = __umod(rest, __u_in_h);
  const plane: u32 = __udiv(rest, __u_in_h);
  const n: u32 = (plane / <u32>(1536));
  const c: u32 = (plane % <u32>(1536));
  if ((c < <u32>(768))) {
    // channels [0, 768): weight_a 4x4 shift 0, weight_b 4x4 shift 0
    const wa_base: u32 = (c * <u32>(16));
    const wb_base: u32 = (c * <u32>(16));
    const col_in_corner: bool = (row < <u32>(0));
    const col_rel: u32 = select<u32>(<u32>(0), row, col_in_corner);
    const hit_row0: u32 = select<u32>(<u32>(0), ((col_rel / <u32>(4)) * <u32>(4)), col_in_corner);
    const hit_k_row0: u32 = select<u32>(<u32>(4), <u32>(0), col_in_corner);
    const hit_k_col: u32 = select<u32>((<u32>(4) + row), (col_rel % <u32>(4)), col_in_corner);
    const hit_rows: u32 = select<u32>(<u32>(0), select<u32>(min<u32>(<u32>(4), (__u_out_h - select<u32>(hit_row0, <u32>(0), (hit_row0 < __u_out_h)))), <u32>(0), (hit_row0 < __u_out_h)), col_in_corner);
    const wa_col: u32 = (wa_base + ((hit_k_row0 * <u32>(4)) + hit_k_col));
    const col0: u32 = (col * <u32>(4));
    const dy_base: u32 = ((((plane * __u_out_h) + hit_row0) * __u_out_w) + col0);
    const dt_at: u32 = ((((plane * __u_in_h) + row) * __u_out_w) + col0);
    const lanes: u32 = min<u32>(<u32>(4), (__u_out_w - col0));
    if ((lanes == <u32>(4))) {
      let acc: v128 = f32x4.splat(<f32>(0));
      if ((<u32>(0) < hit_rows)) {
        acc = f32x4.add(acc, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col) << 2)), load<v128>(__p_dy + ((<usize>dy_base) << 2))));
      }
      if ((<u32>(1) < hit_rows)) {
        acc = f32x4.add(acc, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col) << 2), 16), load<v128>(__p_dy + ((<usize>(dy_base + __u_out_w)) << 2))));
      }
      if ((<u32>(2) < hit_rows)) {
        acc = f32x4.add(acc, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col) << 2), 32), load<v128>(__p_dy + ((<usize>(dy_base + (<u32>(2) * __u_out_w))) << 2))));
      }
      if ((<u32>(3) < hit_rows)) {
        acc = f32x4.add(acc, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col) << 2), 48), load<v128>(__p_dy + ((<usize>(dy_base + (<u32>(3) * __u_out_w))) << 2))));
      }
      store<v128>(__p_dt + ((<usize>dt_at) << 2), acc);
    } else {
      // the last 1-3 columns of a row whose width is not a multiple of 4
      let __c0: usize = __p_dy + ((<usize>dy_base) << 2);
      let __c1: usize = __p_dy + ((<usize>(dy_base + __u_out_w)) << 2);
      let __c2: usize = __p_dy + ((<usize>(dy_base + (<u32>(2) * __u_out_w))) << 2);
      let __c3: usize = __p_dy + ((<usize>(dy_base + (<u32>(3) * __u_out_w))) << 2);
      for (let l: u32 = <u32>(0); l < lanes; l += <u32>(1)) {
        let acc_1: f32 = <f32>(0);
        if ((<u32>(0) < hit_rows)) {
          acc_1 = (acc_1 + (load<f32>(__p_wa + ((<usize>wa_col) << 2)) * load<f32>(__c0)));
        }
        if ((<u32>(1) < hit_rows)) {
          acc_1 = (acc_1 + (load<f32>(__p_wa + ((<usize>wa_col) << 2), 16) * load<f32>(__c1)));
        }
        if ((<u32>(2) < hit_rows)) {
          acc_1 = (acc_1 + (load<f32>(__p_wa + ((<usize>wa_col) << 2), 32) * load<f32>(__c2)));
        }
        if ((<u32>(3) < hit_rows)) {
          acc_1 = (acc_1 + (load<f32>(__p_wa + ((<usize>wa_col) << 2), 48) * load<f32>(__c3)));
        }
        store<f32>(__p_dt + ((<usize>(dt_at + l)) << 2), acc_1);
        __c0 += 4;
        __c1 += 4;
        __c2 += 4;
        __c3 += 4;
      }
    }
  } else {
    // channels [768, 1536): weight_a 7x7 shift 0, weight_b 7x7 shift 0
    const local_c: u32 = (c - <u32>(768));
    const wa_base_1: u32 = (<u32>(12288) + (local_c * <u32>(49)));
    const wb_base_1: u32 = (<u32>(12288) + (local_c * <u32>(49)));
    const col_in_corner_1: bool = (row < <u32>(0));
    const col_rel_1: u32 = select<u32>(<u32>(0), row, col_in_corner_1);
    const hit_row0_1: u32 = select<u32>(<u32>(0), ((col_rel_1 / <u32>(7)) * <u32>(7)), col_in_corner_1);
    const hit_k_row0_1: u32 = select<u32>(<u32>(7), <u32>(0), col_in_corner_1);
    const hit_k_col_1: u32 = select<u32>((<u32>(7) + row), (col_rel_1 % <u32>(7)), col_in_corner_1);
    const hit_rows_1: u32 = select<u32>(<u32>(0), select<u32>(min<u32>(<u32>(7), (__u_out_h - select<u32>(hit_row0_1, <u32>(0), (hit_row0_1 < __u_out_h)))), <u32>(0), (hit_row0_1 < __u_out_h)), col_in_corner_1);
    const wa_col_1: u32 = (wa_base_1 + ((hit_k_row0_1 * <u32>(7)) + hit_k_col_1));
    const col0_1: u32 = (col * <u32>(4));
    const dy_base_1: u32 = ((((plane * __u_out_h) + hit_row0_1) * __u_out_w) + col0_1);
    const dt_at_1: u32 = ((((plane * __u_in_h) + row) * __u_out_w) + col0_1);
    const lanes_1: u32 = min<u32>(<u32>(4), (__u_out_w - col0_1));
    if ((lanes_1 == <u32>(4))) {
      let acc_2: v128 = f32x4.splat(<f32>(0));
      if ((<u32>(0) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2)), load<v128>(__p_dy + ((<usize>dy_base_1) << 2))));
      }
      if ((<u32>(1) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2), 28), load<v128>(__p_dy + ((<usize>(dy_base_1 + __u_out_w)) << 2))));
      }
      if ((<u32>(2) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2), 56), load<v128>(__p_dy + ((<usize>(dy_base_1 + (<u32>(2) * __u_out_w))) << 2))));
      }
      if ((<u32>(3) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2), 84), load<v128>(__p_dy + ((<usize>(dy_base_1 + (<u32>(3) * __u_out_w))) << 2))));
      }
      if ((<u32>(4) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2), 112), load<v128>(__p_dy + ((<usize>(dy_base_1 + (<u32>(4) * __u_out_w))) << 2))));
      }
      if ((<u32>(5) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2), 140), load<v128>(__p_dy + ((<usize>(dy_base_1 + (<u32>(5) * __u_out_w))) << 2))));
      }
      if ((<u32>(6) < hit_rows_1)) {
        acc_2 = f32x4.add(acc_2, f32x4.mul(v128.load32_splat(__p_wa + ((<usize>wa_col_1) << 2), 168), load<v128>(__p_dy + ((<usize>(dy_base_1 + (<u32>(6) * __u_out_w))) << 2))));
      }
      store<v128>(__p_dt + ((<usize>dt_at_1) << 2), acc_2);
    } else {
      // the last 1-3 columns of a row whose width is not a multiple of 4
      let __c4: usize = __p_dy + ((<usize>dy_base_1) << 2);
      let __c5: usize = __p_dy + ((<usize>(dy_base_1 + __u_out_w)) << 2);
      let __c6: usize = __p_dy + ((<usize>(dy_base_1 + (<u32>(2) * __u_out_w))) << 2);
      let __c7: usize = __p_dy + ((<usize>(dy_base_1 + (<u32>(3) * __u_out_w))) << 2);
      for (let l_1: u32 = <u32>(0); l_1 < lanes_1; l_1 += <u32>(1)) {
        let acc_3: f32 = <f32>(0);
        if ((<u32>(0) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2)) * load<f32>(__c4)));
        }
        if ((<u32>(1) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2), 28) * load<f32>(__c5)));
        }
        if ((<u32>(2) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2), 56) * load<f32>(__c6)));
        }
        if ((<u32>(3) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2), 84) * load<f32>(__c7)));
        }
        if ((<u32>(4) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2), 112) * load<f32>(__p_dy + ((<usize>((dy_base_1 + l_1) + (<u32>(4) * __u_out_w))) << 2))));
        }
        if ((<u32>(5) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2), 140) * load<f32>(__p_dy + ((<usize>((dy_base_1 + l_1) + (<u32>(5) * __u_out_w))) << 2))));
        }
        if ((<u32>(6) < hit_rows_1)) {
          acc_3 = (acc_3 + (load<f32>(__p_wa + ((<usize>wa_col_1) << 2), 168) * load<f32>(__p_dy + ((<usize>((dy_base_1 + l_1) + (<u32>(6) * __u_out_w))) << 2))));
        }
        store<f32>(__p_dt + ((<usize>(dt_at_1 + l_1)) << 2), acc_3);
        __c4 += 4;
        __c5 += 4;
        __c6 += 4;
        __c7 += 4;
      }
    }
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_dy: usize, __p_wa: usize, __p_dt: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  const quads: u32 = ((__u_out_w + <u32>(3)) / <u32>(4));
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_dy, __p_wa, __p_dt, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w, quads);
  }
}

export function neocell_bwd_dt(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_dy: usize, __p_wa: usize, __p_dt: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_dy, __p_wa, __p_dt, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
  }
}
