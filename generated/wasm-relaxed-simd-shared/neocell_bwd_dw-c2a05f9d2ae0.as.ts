// neocc neocell_bwd_dw: grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions (dWa: vec4 along W')
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":48},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":48}]
// run-time: batch and spatial sizes (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_dy: usize, __p_t: usize, __p_dt: usize, __p_wa: usize, __p_wb: usize, __p_gwa: usize, __p_gwb: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  if ((__wid_x < <u32>(48))) {
    // channels [0, 48): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    const offset_a: u32 = min<u32>((__wid_x / <u32>(12)), <u32>(3));
    const offset_b: u32 = min<u32>((__wid_x / <u32>(12)), <u32>(3));
    const wa_base: u32 = (__wid_x * <u32>(16));
    const wb_base: u32 = (__wid_x * <u32>(16));
    let __c0: usize = __p_gwa + ((<usize>(wa_base + __lidx)) << 2);
    for (let e: u32 = __lidx; e < <u32>(32); e += <u32>(64)) {
      let acc: f32 = <f32>(0);
      if ((e < <u32>(16))) {
        let acc4: v128 = f32x4.splat(<f32>(0));
        const er: u32 = (e / <u32>(4));
        const ec: u32 = (e % <u32>(4));
        const placements: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a)) + min<u32>((((__u_out_h - offset_a) + <u32>(3)) / <u32>(4)), (((__u_in_h - offset_a) + <u32>(3)) / <u32>(4))));
        for (let n: u32 = <u32>(0); n < __u_batch; n += <u32>(1)) {
          const plane: u32 = ((n * <u32>(96)) + __wid_x);
          for (let blk: u32 = <u32>(0); blk < placements; blk += <u32>(1)) {
            const is_corner: bool = ((<u32>(0) < offset_a) && (blk < <u32>(1)));
            const block: u32 = select<u32>(<u32>(0), (blk - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a))), is_corner);
            const row0: u32 = select<u32>(<u32>(0), (offset_a + (block * <u32>(4))), is_corner);
            const col0: u32 = select<u32>(<u32>(0), (offset_a + (block * <u32>(4))), is_corner);
            const k_row0: u32 = select<u32>((<u32>(4) - offset_a), <u32>(0), is_corner);
            const k_col0: u32 = select<u32>((<u32>(4) - offset_a), <u32>(0), is_corner);
            const block_rows: u32 = select<u32>(offset_a, min<u32>(<u32>(4), (__u_out_h - row0)), is_corner);
            const block_cols: u32 = select<u32>(offset_a, min<u32>(<u32>(4), (__u_in_h - col0)), is_corner);
            if (((er >= k_row0) && (ec >= k_col0))) {
              const in_r: u32 = (er - k_row0);
              const in_j: u32 = (ec - k_col0);
              if (((in_r < block_rows) && (in_j < block_cols))) {
                const dy_base: u32 = (((plane * __u_out_h) + (row0 + in_r)) * __u_out_w);
                const t_base: u32 = (((plane * __u_in_h) + (col0 + in_j)) * __u_out_w);
                const w_tail: u32 = ((__u_out_w / <u32>(4)) * <u32>(4));
                let __c1: usize = __p_dy + ((<usize>dy_base) << 2);
                let __c2: usize = __p_t + ((<usize>t_base) << 2);
                for (let w4: u32 = <u32>(0); w4 < w_tail; w4 += <u32>(4)) {
                  acc4 = f32x4.relaxed_madd(load<v128>(__c1), load<v128>(__c2), acc4);
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
        const eb: u32 = (e - <u32>(16));
        const er_1: u32 = (eb / <u32>(4));
        const ec_1: u32 = (eb % <u32>(4));
        const placements_1: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b)) + min<u32>((((__u_in_w - offset_b) + <u32>(3)) / <u32>(4)), (((__u_out_w - offset_b) + <u32>(3)) / <u32>(4))));
        for (let n_1: u32 = <u32>(0); n_1 < __u_batch; n_1 += <u32>(1)) {
          const plane_1: u32 = ((n_1 * <u32>(96)) + __wid_x);
          for (let blk_1: u32 = <u32>(0); blk_1 < placements_1; blk_1 += <u32>(1)) {
            const is_corner_1: bool = ((<u32>(0) < offset_b) && (blk_1 < <u32>(1)));
            const block_1: u32 = select<u32>(<u32>(0), (blk_1 - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b))), is_corner_1);
            const row0_1: u32 = select<u32>(<u32>(0), (offset_b + (block_1 * <u32>(4))), is_corner_1);
            const col0_1: u32 = select<u32>(<u32>(0), (offset_b + (block_1 * <u32>(4))), is_corner_1);
            const k_row0_1: u32 = select<u32>((<u32>(4) - offset_b), <u32>(0), is_corner_1);
            const k_col0_1: u32 = select<u32>((<u32>(4) - offset_b), <u32>(0), is_corner_1);
            const block_rows_1: u32 = select<u32>(offset_b, min<u32>(<u32>(4), (__u_in_w - row0_1)), is_corner_1);
            const block_cols_1: u32 = select<u32>(offset_b, min<u32>(<u32>(4), (__u_out_w - col0_1)), is_corner_1);
            if (((er_1 >= k_row0_1) && (ec_1 >= k_col0_1))) {
              const in_r_1: u32 = (er_1 - k_row0_1);
              const in_j_1: u32 = (ec_1 - k_col0_1);
              if (((in_r_1 < block_rows_1) && (in_j_1 < block_cols_1))) {
                const x_base: u32 = ((plane_1 * (__u_in_h * __u_in_w)) + (row0_1 + in_r_1));
                const dt_base: u32 = ((plane_1 * (__u_in_h * __u_out_w)) + (col0_1 + in_j_1));
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
  } else {
    // channels [48, 96): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const local_c: u32 = (__wid_x - <u32>(48));
    const offset_a_1: u32 = min<u32>((local_c / <u32>(6)), <u32>(6));
    const offset_b_1: u32 = min<u32>((local_c / <u32>(6)), <u32>(6));
    const wa_base_1: u32 = (<u32>(768) + (local_c * <u32>(49)));
    const wb_base_1: u32 = (<u32>(768) + (local_c * <u32>(49)));
    let __c5: usize = __p_gwa + ((<usize>(wa_base_1 + __lidx)) << 2);
    for (let e_1: u32 = __lidx; e_1 < <u32>(98); e_1 += <u32>(64)) {
      let acc_1: f32 = <f32>(0);
      if ((e_1 < <u32>(49))) {
        let acc4_1: v128 = f32x4.splat(<f32>(0));
        const er_2: u32 = (e_1 / <u32>(7));
        const ec_2: u32 = (e_1 % <u32>(7));
        const placements_2: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1)) + min<u32>((((__u_out_h - offset_a_1) + <u32>(6)) / <u32>(7)), (((__u_in_h - offset_a_1) + <u32>(6)) / <u32>(7))));
        for (let n_2: u32 = <u32>(0); n_2 < __u_batch; n_2 += <u32>(1)) {
          const plane_2: u32 = ((n_2 * <u32>(96)) + __wid_x);
          for (let blk_2: u32 = <u32>(0); blk_2 < placements_2; blk_2 += <u32>(1)) {
            const is_corner_2: bool = ((<u32>(0) < offset_a_1) && (blk_2 < <u32>(1)));
            const block_2: u32 = select<u32>(<u32>(0), (blk_2 - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_a_1))), is_corner_2);
            const row0_2: u32 = select<u32>(<u32>(0), (offset_a_1 + (block_2 * <u32>(7))), is_corner_2);
            const col0_2: u32 = select<u32>(<u32>(0), (offset_a_1 + (block_2 * <u32>(7))), is_corner_2);
            const k_row0_2: u32 = select<u32>((<u32>(7) - offset_a_1), <u32>(0), is_corner_2);
            const k_col0_2: u32 = select<u32>((<u32>(7) - offset_a_1), <u32>(0), is_corner_2);
            const block_rows_2: u32 = select<u32>(offset_a_1, min<u32>(<u32>(7), (__u_out_h - row0_2)), is_corner_2);
            const block_cols_2: u32 = select<u32>(offset_a_1, min<u32>(<u32>(7), (__u_in_h - col0_2)), is_corner_2);
            if (((er_2 >= k_row0_2) && (ec_2 >= k_col0_2))) {
              const in_r_2: u32 = (er_2 - k_row0_2);
              const in_j_2: u32 = (ec_2 - k_col0_2);
              if (((in_r_2 < block_rows_2) && (in_j_2 < block_cols_2))) {
                const dy_base_1: u32 = (((plane_2 * __u_out_h) + (row0_2 + in_r_2)) * __u_out_w);
                const t_base_1: u32 = (((plane_2 * __u_in_h) + (col0_2 + in_j_2)) * __u_out_w);
                const w_tail_1: u32 = ((__u_out_w / <u32>(4)) * <u32>(4));
                let __c6: usize = __p_dy + ((<usize>dy_base_1) << 2);
                let __c7: usize = __p_t + ((<usize>t_base_1) << 2);
                for (let w4_1: u32 = <u32>(0); w4_1 < w_tail_1; w4_1 += <u32>(4)) {
                  acc4_1 = f32x4.relaxed_madd(load<v128>(__c6), load<v128>(__c7), acc4_1);
                  __c6 += 16;
                  __c7 += 16;
                }
                let __c8: usize = __p_dy + ((<usize>(dy_base_1 + w_tail_1)) << 2);
                let __c9: usize = __p_t + ((<usize>(t_base_1 + w_tail_1)) << 2);
                for (let w_1: u32 = w_tail_1; w_1 < __u_out_w; w_1 += <u32>(1)) {
                  acc_1 = (acc_1 + (load<f32>(__c8) * load<f32>(__c9)));
                  __c8 += 4;
                  __c9 += 4;
                }
              }
            }
          }
        }
        store<f32>(__c5, (acc_1 + ((f32x4.extract_lane(acc4_1, 0) + f32x4.extract_lane(acc4_1, 1)) + (f32x4.extract_lane(acc4_1, 2) + f32x4.extract_lane(acc4_1, 3)))));
      } else {
        const eb_1: u32 = (e_1 - <u32>(49));
        const er_3: u32 = (eb_1 / <u32>(7));
        const ec_3: u32 = (eb_1 % <u32>(7));
        const placements_3: u32 = (select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1)) + min<u32>((((__u_in_w - offset_b_1) + <u32>(6)) / <u32>(7)), (((__u_out_w - offset_b_1) + <u32>(6)) / <u32>(7))));
        for (let n_3: u32 = <u32>(0); n_3 < __u_batch; n_3 += <u32>(1)) {
          const plane_3: u32 = ((n_3 * <u32>(96)) + __wid_x);
          for (let blk_3: u32 = <u32>(0); blk_3 < placements_3; blk_3 += <u32>(1)) {
            const is_corner_3: bool = ((<u32>(0) < offset_b_1) && (blk_3 < <u32>(1)));
            const block_3: u32 = select<u32>(<u32>(0), (blk_3 - select<u32>(<u32>(1), <u32>(0), (<u32>(0) < offset_b_1))), is_corner_3);
            const row0_3: u32 = select<u32>(<u32>(0), (offset_b_1 + (block_3 * <u32>(7))), is_corner_3);
            const col0_3: u32 = select<u32>(<u32>(0), (offset_b_1 + (block_3 * <u32>(7))), is_corner_3);
            const k_row0_3: u32 = select<u32>((<u32>(7) - offset_b_1), <u32>(0), is_corner_3);
            const k_col0_3: u32 = select<u32>((<u32>(7) - offset_b_1), <u32>(0), is_corner_3);
            const block_rows_3: u32 = select<u32>(offset_b_1, min<u32>(<u32>(7), (__u_in_w - row0_3)), is_corner_3);
            const block_cols_3: u32 = select<u32>(offset_b_1, min<u32>(<u32>(7), (__u_out_w - col0_3)), is_corner_3);
            if (((er_3 >= k_row0_3) && (ec_3 >= k_col0_3))) {
              const in_r_3: u32 = (er_3 - k_row0_3);
              const in_j_3: u32 = (ec_3 - k_col0_3);
              if (((in_r_3 < block_rows_3) && (in_j_3 < block_cols_3))) {
                const x_base_1: u32 = ((plane_3 * (__u_in_h * __u_in_w)) + (row0_3 + in_r_3));
                const dt_base_1: u32 = ((plane_3 * (__u_in_h * __u_out_w)) + (col0_3 + in_j_3));
                for (let h_1: u32 = <u32>(0); h_1 < __u_in_h; h_1 += <u32>(1)) {
                  acc_1 = (acc_1 + (load<f32>(__p_x + ((<usize>(x_base_1 + (h_1 * __u_in_w))) << 2)) * load<f32>(__p_dt + ((<usize>(dt_base_1 + (h_1 * __u_out_w))) << 2))));
                }
              }
            }
          }
        }
        store<f32>(__p_gwb + ((<usize>(wb_base_1 + eb_1)) << 2), acc_1);
      }
      __c5 += 256;
    }
  }
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_dy: usize, __p_t: usize, __p_dt: usize, __p_wa: usize, __p_wb: usize, __p_gwa: usize, __p_gwb: usize, __u_batch: u32, __u_in_h: u32, __u_in_w: u32, __u_out_h: u32, __u_out_w: u32): void {
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_dy, __p_t, __p_dt, __p_wa, __p_wb, __p_gwa, __p_gwb, __u_batch, __u_in_h, __u_in_w, __u_out_h, __u_out_w);
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
