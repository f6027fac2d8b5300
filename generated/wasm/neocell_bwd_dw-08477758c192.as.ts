// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions (dWa: vec4 along W')
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":1024}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_dy: usize, __p_t: usize, __p_dt: usize, __p_wa: usize, __p_wb: usize, __p_gwa: usize, __p_gwb: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32, wa_base: u32, wb_base: u32): void {
  let __c0: usize = __p_gwa + ((<usize>(wa_base + __lidx)) << 2);
  for (let e: u32 = __lidx; e < <u32>(4); e += <u32>(64)) {
    let acc: f32 = <f32>(0);
    if ((e < <u32>(2))) {
      let acc4: v128 = f32x4.splat(<f32>(0));
      const er: u32 = (e / <u32>(2));
      const ec: u32 = (e % <u32>(2));
      const placements: u32 = min<u32>(__u_out_h, ((__u_in_h + <u32>(1)) / <u32>(2)));
      for (let n: u32 = <u32>(0); n < __u_batch; n += <u32>(1)) {
        const plane: u32 = ((n * <u32>(1024)) + __wid_x);
        for (let blk: u32 = <u32>(0); blk < placements; blk += <u32>(1)) {
          const col0: u32 = (blk * <u32>(2));
          const block_rows: u32 = min<u32>(<u32>(1), (__u_out_h - blk));
          const block_cols: u32 = min<u32>(<u32>(2), (__u_in_h - col0));
          if (((er >= <u32>(0)) && (ec >= <u32>(0)))) {
            if (((er < block_rows) && (ec < block_cols))) {
              const dy_base: u32 = (((plane * __u_out_h) + (blk + er)) * __u_out_w);
              const t_base: u32 = (((plane * __u_in_h) + (col0 + ec)) * __u_out_w);
              const w_tail: u32 = ((__u_out_w / <u32>(4)) * <u32>(4));
              let __c1: usize = __p_dy + ((<usize>dy_base) << 2);
              let __c2: usize = __p_t + ((<usize>t_base) << 2);
              for (let w4: u32 = <u32>(0); w4 < w_tail; w4 += <u32>(4)) {
                acc4 = f32x4.add(acc4, f32x4.mul(load<v128>(__c1), load<v128>(__c2)));
                __c1 += 16;
                __c2 += 16;
              }
              let __c3: usize = __p_dy + ((<usize>(dy_base + w_tail)) << 2);
              let __c4: usize = __p_t + ((<usize>(t_base + w_tail)) << 2);
              for (let w: u32 = w_tail; w < __u_out_w; w += <u32>(1)) {
                acc = (acc + (load<f32>(__c3) * load<f32>(__c4)));
                __c3 += 4;
                __c4 += 4;
              }
            }
          }
        }
      }
      store<f32>(__c0, (acc + ((f32x4.extract_lane(acc4, 0) + f32x4.extract_lane(acc4, 1)) + (f32x4.extract_lane(acc4, 2) + f32x4.extract_lane(acc4, 3)))));
    } else {
      const eb: u32 = (e - <u32>(2));
      const ec_1: u32 = (eb % <u32>(1));
      const placements_1: u32 = min<u32>(((__u_in_w + <u32>(1)) / <u32>(2)), __u_out_w);
      for (let n_1: u32 = <u32>(0); n_1 < __u_batch; n_1 += <u32>(1)) {
        const plane_1: u32 = ((n_1 * <u32>(1024)) + __wid_x);
        for (let blk_1: u32 = <u32>(0); blk_1 < placements_1; blk_1 += <u32>(1)) {
          const row0: u32 = (blk_1 * <u32>(2));
          const block_rows_1: u32 = min<u32>(<u32>(2), (__u_in_w - row0));
          const block_cols_1: u32 = min<u32>(<u32>(1), (__u_out_w - blk_1));
          if (((eb >= <u32>(0)) && (ec_1 >= <u32>(0)))) {
            if (((eb < block_rows_1) && (ec_1 < block_cols_1))) {
              const x_base: u32 = ((plane_1 * (__u_in_h * __u_in_w)) + (row0 + eb));
              const dt_base: u32 = ((plane_1 * (__u_in_h * __u_out_w)) + (blk_1 + ec_1));
              for (let h: u32 = <u32>(0); h < __u_in_h; h += <u32>(1)) {
                acc = (acc + (load<f32>(__p_x + ((<usize>(x_base + (h * __u_in_w))) << 2)) * load<f32>(__p_dt + ((<usize>(dt_base + (h * __u_out_w))) << 2))));
              }
            }
          }
        }
      }
      store<f32>(__p_gwb + ((<usize>(wb_base + eb)) << 2), acc);
    }
    __c0 += 256;
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_dy: usize, __p_t: usize, __p_dt: usize, __p_wa: usize, __p_wb: usize, __p_gwa: usize, __p_gwb: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  // channels [0, 1024): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  const wa_base: u32 = (__wid_x * <u32>(2));
  const wb_base: u32 = (__wid_x * <u32>(2));
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_dy, __p_t, __p_dt, __p_wa, __p_wb, __p_gwa, __p_gwb, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w, wa_base, wb_base);
  }
}

export function neocell_bwd_dw(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_dy: usize, __p_t: usize, __p_dt: usize, __p_wa: usize, __p_wb: usize, __p_gwa: usize, __p_gwb: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_dy, __p_t, __p_dt, __p_wa, __p_wb, __p_gwa, __p_gwb, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
  }
}
