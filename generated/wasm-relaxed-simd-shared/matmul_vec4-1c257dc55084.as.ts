// neocc matmul_vec4: y [rows, 3136] = x [rows, 192] · wt [192, 3136], vec4 micro-kernel 2 rows x 16 columns per invocation, fma
// run-time: rows = N·H·W (uniform)
// AssemblyScript: workgroups of 1 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wt: usize, __p_y: usize, __u_rows: u32, col0: u32): void {
  const first_row: u32 = min<u32>((((__wid_x + (__wid_z * <u32>(65535))) + __lidx) * <u32>(2)), (__u_rows - <u32>(2)));
  const x_first: u32 = (first_row * <u32>(192));
  let acc: v128 = f32x4.splat(<f32>(0));
  let acc_1: v128 = f32x4.splat(<f32>(0));
  let acc_2: v128 = f32x4.splat(<f32>(0));
  let acc_3: v128 = f32x4.splat(<f32>(0));
  let acc_4: v128 = f32x4.splat(<f32>(0));
  let acc_5: v128 = f32x4.splat(<f32>(0));
  let acc_6: v128 = f32x4.splat(<f32>(0));
  let acc_7: v128 = f32x4.splat(<f32>(0));
  let __c0: usize = __p_wt + ((<usize>col0) << 2);
  let __c1: usize = __p_x + ((<usize>x_first) << 2);
  const __c0_end: usize = __c0 + 2408448;
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
    const a_1: v128 = v128.load32_splat(__c1, 768);
    acc_4 = f32x4.relaxed_madd(a_1, w, acc_4);
    acc_5 = f32x4.relaxed_madd(a_1, w_1, acc_5);
    acc_6 = f32x4.relaxed_madd(a_1, w_2, acc_6);
    acc_7 = f32x4.relaxed_madd(a_1, w_3, acc_7);
    __c0 += 12544;
    __c1 += 4;
  } while (__c0 != __c0_end);
  const y_first: u32 = ((first_row * <u32>(3136)) + col0);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_1, 16);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_2, 32);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_3, 48);
  const row: u32 = (first_row + <u32>(1));
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_4, 12544);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_5, 12560);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_6, 12576);
  store<v128>(__p_y + ((<usize>y_first) << 2), acc_7, 12592);
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wt: usize, __p_y: usize, __u_rows: u32): void {
  const col0: u32 = (__wid_y * <u32>(16));
  for (let __lidx: u32 = 0; __lidx < 1; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wt, __p_y, __u_rows, col0);
  }
}

export function matmul_vec4(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wt: usize, __p_y: usize, __u_rows: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_wt, __p_y, __u_rows);
  }
}
