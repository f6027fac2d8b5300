// neocc neonext_head: logits = Linear(LayerNorm(mean_hw(x))) with C = 1536, 1000 classes, workgroups of 64 per image and 256 classes, Linear as vec4 over classes
// x [N, C, H, W] NCHW; run-time: H·W (uniform)
// AssemblyScript: workgroups of 64 run one after another, split into 4 per-invocation segment(s) at barriers; scratch 6152 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_ln_w: usize, __p_ln_b: usize, __p_fc_wt: usize, __p_fc_b: usize, __p_logits: usize, __scratch: usize, __u_plane: u32, inv_plane: f32): void {
  let __c0: usize = __scratch + ((<usize>__lidx) << 2);
  for (let i: u32 = __lidx; i < <u32>(1536); i += <u32>(64)) {
    const base: u32 = (((__wid_y * <u32>(1536)) + i) * __u_plane);
    let sum: f32 = <f32>(0);
    let __c1: usize = __p_x + ((<usize>base) << 2);
    for (let p: u32 = <u32>(0); p < __u_plane; p += <u32>(1)) {
      sum = (sum + load<f32>(__c1));
      __c1 += 4;
    }
    store<f32>(__c0, (sum * inv_plane));
    __c0 += 256;
  }
}

@inline function __segment_1(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_ln_w: usize, __p_ln_b: usize, __p_fc_wt: usize, __p_fc_b: usize, __p_logits: usize, __scratch: usize, __u_plane: u32): void {
  if ((__lidx == <u32>(0))) {
    let mean: f32 = <f32>(0);
    let __c2: usize = __scratch + ((<usize><u32>(0)) << 2);
    const __c2_end: usize = __c2 + 6144;
    do {
      mean = (mean + load<f32>(__c2));
      __c2 += 4;
    } while (__c2 != __c2_end);
    const mu: f32 = (mean / <f32>(1536));
    let variance: f32 = <f32>(0);
    let __c3: usize = __scratch + ((<usize><u32>(0)) << 2);
    const __c3_end: usize = __c3 + 6144;
    do {
      const d: f32 = (load<f32>(__c3) - mu);
      variance = (variance + (d * d));
      __c3 += 4;
    } while (__c3 != __c3_end);
    store<f32>((__scratch + 6144) + ((<usize><u32>(0)) << 2), mu);
    store<f32>((__scratch + 6144) + ((<usize><u32>(1)) << 2), (<f32>(1) / sqrt<f32>(((variance / <f32>(1536)) + <f32>(9.999999974752427e-7)))));
  }
}

@inline function __segment_2(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_ln_w: usize, __p_ln_b: usize, __p_fc_wt: usize, __p_fc_b: usize, __p_logits: usize, __scratch: usize, __u_plane: u32): void {
  const ln_mean: f32 = load<f32>((__scratch + 6144) + ((<usize><u32>(0)) << 2));
  const ln_rstd: f32 = load<f32>((__scratch + 6144) + ((<usize><u32>(1)) << 2));
  let __c4: usize = __scratch + ((<usize>__lidx) << 2);
  let __c5: usize = __p_ln_w + ((<usize>__lidx) << 2);
  let __c6: usize = __p_ln_b + ((<usize>__lidx) << 2);
  for (let i_1: u32 = __lidx; i_1 < <u32>(1536); i_1 += <u32>(64)) {
    store<f32>(__c4, ((((load<f32>(__c4) - ln_mean) * ln_rstd) * load<f32>(__c5)) + load<f32>(__c6)));
    __c4 += 256;
    __c5 += 256;
    __c6 += 256;
  }
}

@inline function __segment_3(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_ln_w: usize, __p_ln_b: usize, __p_fc_wt: usize, __p_fc_b: usize, __p_logits: usize, __scratch: usize, __u_plane: u32): void {
  const slot: u32 = ((__wid_x * <u32>(64)) + __lidx);
  const k0: u32 = (slot * <u32>(4));
  if ((k0 < <u32>(1000))) {
    let logits4: v128 = load<v128>(__p_fc_b + ((<usize>k0) << 2));
    let __c7: usize = __scratch + ((<usize><u32>(0)) << 2);
    let __c8: usize = __p_fc_wt + ((<usize>k0) << 2);
    const __c7_end: usize = __c7 + 6144;
    do {
      const pooled_c: v128 = v128.load32_splat(__c7);
      logits4 = f32x4.add(logits4, f32x4.mul(load<v128>(__c8), pooled_c));
      __c7 += 4;
      __c8 += 4000;
    } while (__c7 != __c7_end);
    store<v128>(__p_logits + ((<usize>((__wid_y * <u32>(1000)) + k0)) << 2), logits4);
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_ln_w: usize, __p_ln_b: usize, __p_fc_wt: usize, __p_fc_b: usize, __p_logits: usize, __scratch: usize, __u_plane: u32): void {
  // global average pool
  const inv_plane: f32 = (<f32>(1) / <f32>(__u_plane));
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_ln_w, __p_ln_b, __p_fc_wt, __p_fc_b, __p_logits, __scratch, __u_plane, inv_plane);
  }
  // LayerNorm statistics (two passes)
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_1(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_ln_w, __p_ln_b, __p_fc_wt, __p_fc_b, __p_logits, __scratch, __u_plane);
  }
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_2(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_ln_w, __p_ln_b, __p_fc_wt, __p_fc_b, __p_logits, __scratch, __u_plane);
  }
  // Linear C → classes: this workgroup's slice, four classes (one vec4) per invocation
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_3(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_ln_w, __p_ln_b, __p_fc_wt, __p_fc_b, __p_logits, __scratch, __u_plane);
  }
}

export function neonext_head(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_ln_w: usize, __p_ln_b: usize, __p_fc_wt: usize, __p_fc_b: usize, __p_logits: usize, __scratch: usize, __u_plane: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_ln_w, __p_ln_b, __p_fc_wt, __p_fc_b, __p_logits, __scratch, __u_plane);
  }
}
