// neocc linear_bias_residual_nchw_vec4: y [n, 768, plane] (NCHW) = res (NCHW) + x [n·plane, 3072] · wt [3072, 768] + bias, vec4 micro-kernel 2 rows x 16 columns per invocation, wt in 16-column panels, fma
// run-time: rows = N·H·W, plane = H·W (uniforms)
// AssemblyScript: workgroups of 1 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wt: usize, __p_bias: usize, __p_res: usize, __p_y: usize, __u_rows: u32, __u_plane: u32, col0: u32, w_panel: u32): void {
  const first_row: u32 = min<u32>((((__wid_x + (__wid_z * <u32>(65535))) + __lidx) * <u32>(2)), (__u_rows - <u32>(2)));
  const x_first: u32 = (first_row * <u32>(3072));
  let acc: v128 = load<v128>(__p_bias + ((<usize>col0) << 2));
  let acc_1: v128 = load<v128>(__p_bias + ((<usize>col0) << 2), 16);
  let acc_2: v128 = load<v128>(__p_bias + ((<usize>col0) << 2), 32);
  let acc_3: v128 = load<v128>(__p_bias + ((<usize>col0) << 2), 48);
  let acc_4: v128 = load<v128>(__p_bias + ((<usize>col0) << 2));
  let acc_5: v128 = load<v128>(__p_bias + ((<usize>col0) << 2), 16);
  let acc_6: v128 = load<v128>(__p_bias + ((<usize>col0) << 2), 32);
  let acc_7: v128 = load<v128>(__p_bias + ((<usize>col0) << 2), 48);
  let __c0: usize = __p_wt + ((<usize>w_panel) << 2);
  let __c1: usize = __p_x + ((<usize>x_first) << 2);
  const __c0_end: usize = __c0 + 196608;
  do {
    const w: v128 = load<v128>(__c0);
    const w_1: v128 = load<v128>(__c0, 16);
    const w_2: v128 = load<v128>(__c0, 32);
    const w_3: v128 = load<v128>(__c0, 48);
    const a: v128 = v128.load32_splat(__c1);
    acc = f32x4.relaxed_madd(a, w, acc);
    acc_1 = f32x4.relaxed_madd(a, w_1, acc_1);
    acc_2 = f32x4.relaxed_madd(a, w_2, acc_2);
    acc_3 = f32x4.relaxed_madd(a, w_3, acc_3);
    const a_1: v128 = v128.load32_splat(__c1, 12288);
    acc_4 = f32x4.relaxed_madd(a_1, w, acc_4);
    acc_5 = f32x4.relaxed_madd(a_1, w_1, acc_5);
    acc_6 = f32x4.relaxed_madd(a_1, w_2, acc_6);
    acc_7 = f32x4.relaxed_madd(a_1, w_3, acc_7);
    __c0 += 64;
    __c1 += 4;
  } while (__c0 != __c0_end);
  const y_first: u32 = ((first_row * <u32>(768)) + col0);
  const n_base: u32 = (__udiv(first_row, __u_plane) * <u32>(768));
  const p: u32 = __umod(first_row, __u_plane);
  const at: u32 = (((n_base + col0) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at) << 2), (load<f32>(__p_res + ((<usize>at) << 2)) + f32x4.extract_lane(acc, 0)));
  const at_1: u32 = (((n_base + (col0 + <u32>(1))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_1) << 2), (load<f32>(__p_res + ((<usize>at_1) << 2)) + f32x4.extract_lane(acc, 1)));
  const at_2: u32 = (((n_base + (col0 + <u32>(2))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_2) << 2), (load<f32>(__p_res + ((<usize>at_2) << 2)) + f32x4.extract_lane(acc, 2)));
  const at_3: u32 = (((n_base + (col0 + <u32>(3))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_3) << 2), (load<f32>(__p_res + ((<usize>at_3) << 2)) + f32x4.extract_lane(acc, 3)));
  const at_4: u32 = (((n_base + (col0 + <u32>(4))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_4) << 2), (load<f32>(__p_res + ((<usize>at_4) << 2)) + f32x4.extract_lane(acc_1, 0)));
  const at_5: u32 = (((n_base + (col0 + <u32>(5))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_5) << 2), (load<f32>(__p_res + ((<usize>at_5) << 2)) + f32x4.extract_lane(acc_1, 1)));
  const at_6: u32 = (((n_base + (col0 + <u32>(6))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_6) << 2), (load<f32>(__p_res + ((<usize>at_6) << 2)) + f32x4.extract_lane(acc_1, 2)));
  const at_7: u32 = (((n_base + (col0 + <u32>(7))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_7) << 2), (load<f32>(__p_res + ((<usize>at_7) << 2)) + f32x4.extract_lane(acc_1, 3)));
  const at_8: u32 = (((n_base + (col0 + <u32>(8))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_8) << 2), (load<f32>(__p_res + ((<usize>at_8) << 2)) + f32x4.extract_lane(acc_2, 0)));
  const at_9: u32 = (((n_base + (col0 + <u32>(9))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_9) << 2), (load<f32>(__p_res + ((<usize>at_9) << 2)) + f32x4.extract_lane(acc_2, 1)));
  const at_10: u32 = (((n_base + (col0 + <u32>(10))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_10) << 2), (load<f32>(__p_res + ((<usize>at_10) << 2)) + f32x4.extract_lane(acc_2, 2)));
  const at_11: u32 = (((n_base + (col0 + <u32>(11))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_11) << 2), (load<f32>(__p_res + ((<usize>at_11) << 2)) + f32x4.extract_lane(acc_2, 3)));
  const at_12: u32 = (((n_base + (col0 + <u32>(12))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_12) << 2), (load<f32>(__p_res + ((<usize>at_12) << 2)) + f32x4.extract_lane(acc_3, 0)));
  const at_13: u32 = (((n_base + (col0 + <u32>(13))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_13) << 2), (load<f32>(__p_res + ((<usize>at_13) << 2)) + f32x4.extract_lane(acc_3, 1)));
  const at_14: u32 = (((n_base + (col0 + <u32>(14))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_14) << 2), (load<f32>(__p_res + ((<usize>at_14) << 2)) + f32x4.extract_lane(acc_3, 2)));
  const at_15: u32 = (((n_base + (col0 + <u32>(15))) * __u_plane) + p);
  store<f32>(__p_y + ((<usize>at_15) << 2), (load<f32>(__p_res + ((<usize>at_15) << 2)) + f32x4.extract_lane(acc_3, 3)));
  const row: u32 = (first_row + <u32>(1));
  const n_base_1: u32 = (__udiv(row, __u_plane) * <u32>(768));
  const p_1: u32 = __umod(row, __u_plane);
  const at_16: u32 = (((n_base_1 + col0) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_16) << 2), (load<f32>(__p_res + ((<usize>at_16) << 2)) + f32x4.extract_lane(acc_4, 0)));
  const at_17: u32 = (((n_base_1 + (col0 + <u32>(1))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_17) << 2), (load<f32>(__p_res + ((<usize>at_17) << 2)) + f32x4.extract_lane(acc_4, 1)));
  const at_18: u32 = (((n_base_1 + (col0 + <u32>(2))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_18) << 2), (load<f32>(__p_res + ((<usize>at_18) << 2)) + f32x4.extract_lane(acc_4, 2)));
  const at_19: u32 = (((n_base_1 + (col0 + <u32>(3))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_19) << 2), (load<f32>(__p_res + ((<usize>at_19) << 2)) + f32x4.extract_lane(acc_4, 3)));
  const at_20: u32 = (((n_base_1 + (col0 + <u32>(4))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_20) << 2), (load<f32>(__p_res + ((<usize>at_20) << 2)) + f32x4.extract_lane(acc_5, 0)));
  const at_21: u32 = (((n_base_1 + (col0 + <u32>(5))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_21) << 2), (load<f32>(__p_res + ((<usize>at_21) << 2)) + f32x4.extract_lane(acc_5, 1)));
  const at_22: u32 = (((n_base_1 + (col0 + <u32>(6))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_22) << 2), (load<f32>(__p_res + ((<usize>at_22) << 2)) + f32x4.extract_lane(acc_5, 2)));
  const at_23: u32 = (((n_base_1 + (col0 + <u32>(7))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_23) << 2), (load<f32>(__p_res + ((<usize>at_23) << 2)) + f32x4.extract_lane(acc_5, 3)));
  const at_24: u32 = (((n_base_1 + (col0 + <u32>(8))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_24) << 2), (load<f32>(__p_res + ((<usize>at_24) << 2)) + f32x4.extract_lane(acc_6, 0)));
  const at_25: u32 = (((n_base_1 + (col0 + <u32>(9))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_25) << 2), (load<f32>(__p_res + ((<usize>at_25) << 2)) + f32x4.extract_lane(acc_6, 1)));
  const at_26: u32 = (((n_base_1 + (col0 + <u32>(10))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_26) << 2), (load<f32>(__p_res + ((<usize>at_26) << 2)) + f32x4.extract_lane(acc_6, 2)));
  const at_27: u32 = (((n_base_1 + (col0 + <u32>(11))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_27) << 2), (load<f32>(__p_res + ((<usize>at_27) << 2)) + f32x4.extract_lane(acc_6, 3)));
  const at_28: u32 = (((n_base_1 + (col0 + <u32>(12))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_28) << 2), (load<f32>(__p_res + ((<usize>at_28) << 2)) + f32x4.extract_lane(acc_7, 0)));
  const at_29: u32 = (((n_base_1 + (col0 + <u32>(13))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_29) << 2), (load<f32>(__p_res + ((<usize>at_29) << 2)) + f32x4.extract_lane(acc_7, 1)));
  const at_30: u32 = (((n_base_1 + (col0 + <u32>(14))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_30) << 2), (load<f32>(__p_res + ((<usize>at_30) << 2)) + f32x4.extract_lane(acc_7, 2)));
  const at_31: u32 = (((n_base_1 + (col0 + <u32>(15))) * __u_plane) + p_1);
  store<f32>(__p_y + ((<usize>at_31) << 2), (load<f32>(__p_res + ((<usize>at_31) << 2)) + f32x4.extract_lane(acc_7, 3)));
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wt: usize, __p_bias: usize, __p_res: usize, __p_y: usize, __u_rows: u32, __u_plane: u32): void {
  const col0: u32 = (__wid_y * <u32>(16));
  const w_panel: u32 = (__wid_y * <u32>(49152));
  for (let __lidx: u32 = 0; __lidx < 1; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wt, __p_bias, __p_res, __p_y, __u_rows, __u_plane, col0, w_panel);
  }
}

export function linear_bias_residual_nchw_vec4(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wt: usize, __p_bias: usize, __p_res: usize, __p_y: usize, __u_rows: u32, __u_plane: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_wt, __p_bias, __p_res, __p_y, __u_rows, __u_plane);
  }
}
