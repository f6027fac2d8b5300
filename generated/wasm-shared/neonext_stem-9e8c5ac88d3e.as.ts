// neocc neonext_stem: y = BN(conv1x1(patchify4x4(x))) with BN folded, C = 128, 8 channels per invocation, workgroup 64, vec4 over channels, weight [48, C]
// x [N, 3, R, R], y [N, C, R/4, R/4]; run-time: batch and resolution (uniforms)
// AssemblyScript: workgroups of 64 run one after another, split into 1 per-invocation segment(s) at barriers; scratch 0 bytes (workgroup arrays, then 0 carried value(s) per invocation)

@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }

@inline function __segment_0(__lidx: u32, __wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_w: usize, __p_bias: usize, __p_y: usize, __u_items: u32, __u_plane: u32, __u_out_w: u32, __u_in_w: u32): void {
  const id: u32 = (((__wid_x + (__wid_y * __nwg_x)) * <u32>(64)) + __lidx);
  if ((id >= __u_items)) {
    return;
  }
  const pixel: u32 = __umod(id, __u_plane);
  const cg: u32 = (__udiv(id, __u_plane) % <u32>(16));
  const n: u32 = __udiv(id, (__u_plane * <u32>(16)));
  const i: u32 = __udiv(pixel, __u_out_w);
  const j: u32 = __umod(pixel, __u_out_w);
  const c0: u32 = (cg * <u32>(8));
  let acc: v128 = load<v128>(__p_bias + ((<usize>c0) << 2));
  let acc_1: v128 = load<v128>(__p_bias + ((<usize>c0) << 2), 16);
  const x_row: u32 = ((((n * <u32>(3)) * __u_in_w) + (i * <u32>(4))) * __u_in_w);
  const xv: v128 = v128.load32_splat(__p_x + ((<usize>(x_row + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2)), xv));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 16), xv));
  const xv_1: v128 = v128.load32_splat(__p_x + ((<usize>(x_row + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 512), xv_1));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 528), xv_1));
  const xv_2: v128 = v128.load32_splat(__p_x + ((<usize>(x_row + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 1024), xv_2));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 1040), xv_2));
  const xv_3: v128 = v128.load32_splat(__p_x + ((<usize>(x_row + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 1536), xv_3));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 1552), xv_3));
  const x_row_1: u32 = ((((n * <u32>(3)) * __u_in_w) + ((i * <u32>(4)) + <u32>(1))) * __u_in_w);
  const xv_4: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_1 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 2048), xv_4));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 2064), xv_4));
  const xv_5: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_1 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 2560), xv_5));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 2576), xv_5));
  const xv_6: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_1 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 3072), xv_6));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 3088), xv_6));
  const xv_7: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_1 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 3584), xv_7));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 3600), xv_7));
  const x_row_2: u32 = ((((n * <u32>(3)) * __u_in_w) + ((i * <u32>(4)) + <u32>(2))) * __u_in_w);
  const xv_8: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_2 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 4096), xv_8));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 4112), xv_8));
  const xv_9: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_2 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 4608), xv_9));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 4624), xv_9));
  const xv_10: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_2 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 5120), xv_10));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 5136), xv_10));
  const xv_11: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_2 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 5632), xv_11));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 5648), xv_11));
  const x_row_3: u32 = ((((n * <u32>(3)) * __u_in_w) + ((i * <u32>(4)) + <u32>(3))) * __u_in_w);
  const xv_12: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_3 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 6144), xv_12));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 6160), xv_12));
  const xv_13: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_3 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 6656), xv_13));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 6672), xv_13));
  const xv_14: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_3 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 7168), xv_14));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 7184), xv_14));
  const xv_15: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_3 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 7680), xv_15));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 7696), xv_15));
  const x_row_4: u32 = (((((n * <u32>(3)) + <u32>(1)) * __u_in_w) + (i * <u32>(4))) * __u_in_w);
  const xv_16: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_4 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 8192), xv_16));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 8208), xv_16));
  const xv_17: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_4 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 8704), xv_17));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 8720), xv_17));
  const xv_18: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_4 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 9216), xv_18));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 9232), xv_18));
  const xv_19: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_4 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 9728), xv_19));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 9744), xv_19));
  const x_row_5: u32 = (((((n * <u32>(3)) + <u32>(1)) * __u_in_w) + ((i * <u32>(4)) + <u32>(1))) * __u_in_w);
  const xv_20: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_5 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 10240), xv_20));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 10256), xv_20));
  const xv_21: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_5 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 10752), xv_21));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 10768), xv_21));
  const xv_22: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_5 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 11264), xv_22));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 11280), xv_22));
  const xv_23: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_5 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 11776), xv_23));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 11792), xv_23));
  const x_row_6: u32 = (((((n * <u32>(3)) + <u32>(1)) * __u_in_w) + ((i * <u32>(4)) + <u32>(2))) * __u_in_w);
  const xv_24: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_6 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 12288), xv_24));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 12304), xv_24));
  const xv_25: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_6 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 12800), xv_25));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 12816), xv_25));
  const xv_26: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_6 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 13312), xv_26));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 13328), xv_26));
  const xv_27: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_6 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 13824), xv_27));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 13840), xv_27));
  const x_row_7: u32 = (((((n * <u32>(3)) + <u32>(1)) * __u_in_w) + ((i * <u32>(4)) + <u32>(3))) * __u_in_w);
  const xv_28: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_7 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 14336), xv_28));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 14352), xv_28));
  const xv_29: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_7 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 14848), xv_29));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 14864), xv_29));
  const xv_30: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_7 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 15360), xv_30));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 15376), xv_30));
  const xv_31: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_7 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 15872), xv_31));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 15888), xv_31));
  const x_row_8: u32 = (((((n * <u32>(3)) + <u32>(2)) * __u_in_w) + (i * <u32>(4))) * __u_in_w);
  const xv_32: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_8 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 16384), xv_32));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 16400), xv_32));
  const xv_33: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_8 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 16896), xv_33));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 16912), xv_33));
  const xv_34: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_8 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 17408), xv_34));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 17424), xv_34));
  const xv_35: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_8 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 17920), xv_35));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 17936), xv_35));
  const x_row_9: u32 = (((((n * <u32>(3)) + <u32>(2)) * __u_in_w) + ((i * <u32>(4)) + <u32>(1))) * __u_in_w);
  const xv_36: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_9 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 18432), xv_36));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 18448), xv_36));
  const xv_37: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_9 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 18944), xv_37));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 18960), xv_37));
  const xv_38: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_9 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 19456), xv_38));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 19472), xv_38));
  const xv_39: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_9 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 19968), xv_39));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 19984), xv_39));
  const x_row_10: u32 = (((((n * <u32>(3)) + <u32>(2)) * __u_in_w) + ((i * <u32>(4)) + <u32>(2))) * __u_in_w);
  const xv_40: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_10 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 20480), xv_40));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 20496), xv_40));
  const xv_41: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_10 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 20992), xv_41));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 21008), xv_41));
  const xv_42: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_10 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 21504), xv_42));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 21520), xv_42));
  const xv_43: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_10 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 22016), xv_43));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 22032), xv_43));
  const x_row_11: u32 = (((((n * <u32>(3)) + <u32>(2)) * __u_in_w) + ((i * <u32>(4)) + <u32>(3))) * __u_in_w);
  const xv_44: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_11 + (j * <u32>(4)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 22528), xv_44));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 22544), xv_44));
  const xv_45: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_11 + ((j * <u32>(4)) + <u32>(1)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 23040), xv_45));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 23056), xv_45));
  const xv_46: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_11 + ((j * <u32>(4)) + <u32>(2)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 23552), xv_46));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 23568), xv_46));
  const xv_47: v128 = v128.load32_splat(__p_x + ((<usize>(x_row_11 + ((j * <u32>(4)) + <u32>(3)))) << 2));
  acc = f32x4.add(acc, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 24064), xv_47));
  acc_1 = f32x4.add(acc_1, f32x4.mul(load<v128>(__p_w + ((<usize>c0) << 2), 24080), xv_47));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + c0) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc, 0));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(1))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc, 1));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(2))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc, 2));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(3))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc, 3));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(4))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc_1, 0));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(5))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc_1, 1));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(6))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc_1, 2));
  store<f32>(__p_y + ((<usize>((((n * <u32>(128)) + (c0 + <u32>(7))) * __u_plane) + pixel)) << 2), f32x4.extract_lane(acc_1, 3));
}

@inline function __workgroup(__wid_x: u32, __wid_y: u32, __wid_z: u32, __nwg_x: u32, __p_x: usize, __p_w: usize, __p_bias: usize, __p_y: usize, __u_items: u32, __u_plane: u32, __u_out_w: u32, __u_in_w: u32): void {
  for (let __lidx: u32 = 0; __lidx < 64; __lidx++) {
    __segment_0(__lidx, __wid_x, __wid_y, __wid_z, __nwg_x, __p_x, __p_w, __p_bias, __p_y, __u_items, __u_plane, __u_out_w, __u_in_w);
  }
}

export function neonext_stem(__gx: u32, __gy: u32, __gz: u32, __first: u32, __count: u32, __p_x: usize, __p_w: usize, __p_bias: usize, __p_y: usize, __u_items: u32, __u_plane: u32, __u_out_w: u32, __u_in_w: u32): void {
  // One division per row of workgroups, not per workgroup: x runs fastest.
  let __i: u32 = __first;
  const __end: u32 = __first + __count;
  while (__i < __end) {
    const __row: u32 = __i / __gx;
    const __y: u32 = __row % __gy;
    const __z: u32 = __row / __gy;
    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);
    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(__x, __y, __z, __gx, __p_x, __p_w, __p_bias, __p_y, __u_items, __u_plane, __u_out_w, __u_in_w);
  }
}
