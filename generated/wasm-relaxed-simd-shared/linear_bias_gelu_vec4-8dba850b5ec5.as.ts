// neocc linear_bias_gelu_vec4: y [rows, 1024] = GELU(x [rows, 256] · wt [256, 1024] + bias), vec4 micro-kernel 2 rows x 16 columns per invocation, wt in 16-column panels, fma
// run-time: rows = N·H·W (uniform)
// AssemblyScript: workgroups of 1 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wt: usize, __p_bias: usize, __p_y: usize, __u_rows: u32, col0: u32, w_panel: u32): void {
  const first_row: u32 = min<u32>((((__wid_x + (__wid_z * <u32>(65535))) + __lidx) * <u32>(2)), (__u_rows - <u32>(2)));
  const x_first: u32 = (first_row * <u32>(256));
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
  const __c0_end: usize = __c0 + 16384;
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
    const a_1: v128 = v128.load32_splat(__c1, 1024);
    acc_4 = f32x4.relaxed_madd(a_1, w, acc_4);
    acc_5 = f32x4.relaxed_madd(a_1, w_1, acc_5);
    acc_6 = f32x4.relaxed_madd(a_1, w_2, acc_6);
    acc_7 = f32x4.relaxed_madd(a_1, w_3, acc_7);
    __c0 += 64;
    __c1 += 4;
  } while (__c0 != __c0_end);
  const y_first: u32 = ((first_row * <u32>(1024)) + col0);
  const erf_x: v128 = f32x4.min(f32x4.max(f32x4.mul(acc, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2: v128 = f32x4.mul(erf_x, erf_x);
  const erf: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2), f32x4.splat(<f32>(-0.01609603315591812))), erf_x), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc), f32x4.add(f32x4.splat(<f32>(1)), erf)));
  const erf_x_1: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_1, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_1: v128 = f32x4.mul(erf_x_1, erf_x_1);
  const erf_1: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_1), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_1), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_1), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_1), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_1), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_1), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_1), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_1), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_1), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_1), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_1), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_1), f32x4.add(f32x4.splat(<f32>(1)), erf_1)), 16);
  const erf_x_2: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_2, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_2: v128 = f32x4.mul(erf_x_2, erf_x_2);
  const erf_2: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_2), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_2), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_2), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_2), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_2), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_2), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_2), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_2), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_2), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_2), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_2), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_2), f32x4.add(f32x4.splat(<f32>(1)), erf_2)), 32);
  const erf_x_3: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_3, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_3: v128 = f32x4.mul(erf_x_3, erf_x_3);
  const erf_3: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_3), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_3), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_3), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_3), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_3), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_3), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_3), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_3), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_3), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_3), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_3), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_3), f32x4.add(f32x4.splat(<f32>(1)), erf_3)), 48);
  const row: u32 = (first_row + <u32>(1));
  const erf_x_4: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_4, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_4: v128 = f32x4.mul(erf_x_4, erf_x_4);
  const erf_4: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_4), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_4), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_4), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_4), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_4), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_4), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_4), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_4), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_4), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_4), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_4), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_4), f32x4.add(f32x4.splat(<f32>(1)), erf_4)), 4096);
  const erf_x_5: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_5, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_5: v128 = f32x4.mul(erf_x_5, erf_x_5);
  const erf_5: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_5), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_5), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_5), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_5), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_5), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_5), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_5), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_5), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_5), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_5), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_5), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_5), f32x4.add(f32x4.splat(<f32>(1)), erf_5)), 4112);
  const erf_x_6: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_6, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_6: v128 = f32x4.mul(erf_x_6, erf_x_6);
  const erf_6: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_6), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_6), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_6), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_6), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_6), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_6), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_6), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_6), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_6), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_6), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_6), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_6), f32x4.add(f32x4.splat(<f32>(1)), erf_6)), 4128);
  const erf_x_7: v128 = f32x4.min(f32x4.max(f32x4.mul(acc_7, f32x4.splat(<f32>(0.7071067690849304))), f32x4.splat(<f32>(-4))), f32x4.splat(<f32>(4)));
  const erf_x2_7: v128 = f32x4.mul(erf_x_7, erf_x_7);
  const erf_7: v128 = f32x4.div(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-2.726142367404094e-10)), erf_x2_7), f32x4.splat(<f32>(2.7706814620387377e-8))), erf_x2_7), f32x4.splat(<f32>(-0.000002101023937939317))), erf_x2_7), f32x4.splat(<f32>(-0.00005692506238119677))), erf_x2_7), f32x4.splat(<f32>(-0.0007349906372837722))), erf_x2_7), f32x4.splat(<f32>(-0.0029545999132096767))), erf_x2_7), f32x4.splat(<f32>(-0.01609603315591812))), erf_x_7), f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(<f32>(-0.000014566071513399947)), erf_x2_7), f32x4.splat(<f32>(-0.00021337404905352741))), erf_x2_7), f32x4.splat(<f32>(-0.001682827016338706))), erf_x2_7), f32x4.splat(<f32>(-0.007373329252004623))), erf_x2_7), f32x4.splat(<f32>(-0.014264739118516445))));
  store<v128>(__p_y + ((<usize>y_first) << 2), f32x4.mul(f32x4.mul(f32x4.splat(<f32>(0.5)), acc_7), f32x4.add(f32x4.splat(<f32>(1)), erf_7)), 4144);
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_wt: usize, __p_bias: usize, __p_y: usize, __u_rows: u32): void {
  const col0: u32 = (__wid_y * <u32>(16));
  const w_panel: u32 = (__wid_y * <u32>(4096));
  for (let __lidx: u32 = 0; __lidx < 1; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_wt, __p_bias, __p_y, __u_rows, col0, w_panel);
  }
}

export function linear_bias_gelu_vec4(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_wt: usize, __p_bias: usize, __p_y: usize, __u_rows: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_wt, __p_bias, __p_y, __u_rows);
  }
}
