// neocc linear_bias_residual_nchw: y [n, 192, plane] (NCHW) = res (NCHW) + x [n·plane, 768] · wt [768, 192] + bias, register tile 64x64, 8x8 per invocation
// run-time: rows = N·H·W, plane = H·W (uniforms)
// CUDA: linear_bias_residual_nchw_51fc8402<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, wt, bias, res, y, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_linear_bias_residual_nchw_51fc8402
#define NEOCC_PARAMS_linear_bias_residual_nchw_51fc8402
struct linear_bias_residual_nchw_51fc8402_Params {
  unsigned int rows;
  unsigned int plane;
};
#endif

extern "C" __global__ void __launch_bounds__(64) linear_bias_residual_nchw_51fc8402(const float* __restrict__ x, const float* __restrict__ wt, const float* __restrict__ bias, const float* __restrict__ res, float* __restrict__ y, const linear_bias_residual_nchw_51fc8402_Params nc_u) {
  const unsigned int row0 = ((blockIdx.y + (blockIdx.z * 65535u)) * 64u);
  const unsigned int col0 = (blockIdx.x * 64u);
  const unsigned int tx = (threadIdx.x % 8u);
  const unsigned int ty = (threadIdx.x / 8u);
  const unsigned int row = (row0 + ty);
  const unsigned int row_1 = (row0 + (ty + 8u));
  const unsigned int row_2 = (row0 + (ty + 16u));
  const unsigned int row_3 = (row0 + (ty + 24u));
  const unsigned int row_4 = (row0 + (ty + 32u));
  const unsigned int row_5 = (row0 + (ty + 40u));
  const unsigned int row_6 = (row0 + (ty + 48u));
  const unsigned int row_7 = (row0 + (ty + 56u));
  const unsigned int col = (col0 + tx);
  const unsigned int col_1 = (col0 + (tx + 8u));
  const unsigned int col_2 = (col0 + (tx + 16u));
  const unsigned int col_3 = (col0 + (tx + 24u));
  const unsigned int col_4 = (col0 + (tx + 32u));
  const unsigned int col_5 = (col0 + (tx + 40u));
  const unsigned int col_6 = (col0 + (tx + 48u));
  const unsigned int col_7 = (col0 + (tx + 56u));
  const unsigned int in_row = (min(row, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_1 = (min(row_1, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_2 = (min(row_2, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_3 = (min(row_3, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_4 = (min(row_4, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_5 = (min(row_5, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_6 = (min(row_6, (nc_u.rows - 1u)) * 768u);
  const unsigned int in_row_7 = (min(row_7, (nc_u.rows - 1u)) * 768u);
  const unsigned int w_col = min(col, 191u);
  const unsigned int w_col_1 = min(col_1, 191u);
  const unsigned int w_col_2 = min(col_2, 191u);
  const unsigned int w_col_3 = min(col_3, 191u);
  const unsigned int w_col_4 = min(col_4, 191u);
  const unsigned int w_col_5 = min(col_5, 191u);
  const unsigned int w_col_6 = min(col_6, 191u);
  const unsigned int w_col_7 = min(col_7, 191u);
  float acc = bias[w_col];
  float acc_1 = bias[w_col_1];
  float acc_2 = bias[w_col_2];
  float acc_3 = bias[w_col_3];
  float acc_4 = bias[w_col_4];
  float acc_5 = bias[w_col_5];
  float acc_6 = bias[w_col_6];
  float acc_7 = bias[w_col_7];
  float acc_8 = bias[w_col];
  float acc_9 = bias[w_col_1];
  float acc_10 = bias[w_col_2];
  float acc_11 = bias[w_col_3];
  float acc_12 = bias[w_col_4];
  float acc_13 = bias[w_col_5];
  float acc_14 = bias[w_col_6];
  float acc_15 = bias[w_col_7];
  float acc_16 = bias[w_col];
  float acc_17 = bias[w_col_1];
  float acc_18 = bias[w_col_2];
  float acc_19 = bias[w_col_3];
  float acc_20 = bias[w_col_4];
  float acc_21 = bias[w_col_5];
  float acc_22 = bias[w_col_6];
  float acc_23 = bias[w_col_7];
  float acc_24 = bias[w_col];
  float acc_25 = bias[w_col_1];
  float acc_26 = bias[w_col_2];
  float acc_27 = bias[w_col_3];
  float acc_28 = bias[w_col_4];
  float acc_29 = bias[w_col_5];
  float acc_30 = bias[w_col_6];
  float acc_31 = bias[w_col_7];
  float acc_32 = bias[w_col];
  float acc_33 = bias[w_col_1];
  float acc_34 = bias[w_col_2];
  float acc_35 = bias[w_col_3];
  float acc_36 = bias[w_col_4];
  float acc_37 = bias[w_col_5];
  float acc_38 = bias[w_col_6];
  float acc_39 = bias[w_col_7];
  float acc_40 = bias[w_col];
  float acc_41 = bias[w_col_1];
  float acc_42 = bias[w_col_2];
  float acc_43 = bias[w_col_3];
  float acc_44 = bias[w_col_4];
  float acc_45 = bias[w_col_5];
  float acc_46 = bias[w_col_6];
  float acc_47 = bias[w_col_7];
  float acc_48 = bias[w_col];
  float acc_49 = bias[w_col_1];
  float acc_50 = bias[w_col_2];
  float acc_51 = bias[w_col_3];
  float acc_52 = bias[w_col_4];
  float acc_53 = bias[w_col_5];
  float acc_54 = bias[w_col_6];
  float acc_55 = bias[w_col_7];
  float acc_56 = bias[w_col];
  float acc_57 = bias[w_col_1];
  float acc_58 = bias[w_col_2];
  float acc_59 = bias[w_col_3];
  float acc_60 = bias[w_col_4];
  float acc_61 = bias[w_col_5];
  float acc_62 = bias[w_col_6];
  float acc_63 = bias[w_col_7];
  for (unsigned int k = 0u; k < 768u; k += 1u) {
    const float a = x[(in_row + k)];
    const float a_1 = x[(in_row_1 + k)];
    const float a_2 = x[(in_row_2 + k)];
    const float a_3 = x[(in_row_3 + k)];
    const float a_4 = x[(in_row_4 + k)];
    const float a_5 = x[(in_row_5 + k)];
    const float a_6 = x[(in_row_6 + k)];
    const float a_7 = x[(in_row_7 + k)];
    const float w = wt[((k * 192u) + w_col)];
    const float w_1 = wt[((k * 192u) + w_col_1)];
    const float w_2 = wt[((k * 192u) + w_col_2)];
    const float w_3 = wt[((k * 192u) + w_col_3)];
    const float w_4 = wt[((k * 192u) + w_col_4)];
    const float w_5 = wt[((k * 192u) + w_col_5)];
    const float w_6 = wt[((k * 192u) + w_col_6)];
    const float w_7 = wt[((k * 192u) + w_col_7)];
    acc = (acc + (a * w));
    acc_1 = (acc_1 + (a * w_1));
    acc_2 = (acc_2 + (a * w_2));
    acc_3 = (acc_3 + (a * w_3));
    acc_4 = (acc_4 + (a * w_4));
    acc_5 = (acc_5 + (a * w_5));
    acc_6 = (acc_6 + (a * w_6));
    acc_7 = (acc_7 + (a * w_7));
    acc_8 = (acc_8 + (a_1 * w));
    acc_9 = (acc_9 + (a_1 * w_1));
    acc_10 = (acc_10 + (a_1 * w_2));
    acc_11 = (acc_11 + (a_1 * w_3));
    acc_12 = (acc_12 + (a_1 * w_4));
    acc_13 = (acc_13 + (a_1 * w_5));
    acc_14 = (acc_14 + (a_1 * w_6));
    acc_15 = (acc_15 + (a_1 * w_7));
    acc_16 = (acc_16 + (a_2 * w));
    acc_17 = (acc_17 + (a_2 * w_1));
    acc_18 = (acc_18 + (a_2 * w_2));
    acc_19 = (acc_19 + (a_2 * w_3));
    acc_20 = (acc_20 + (a_2 * w_4));
    acc_21 = (acc_21 + (a_2 * w_5));
    acc_22 = (acc_22 + (a_2 * w_6));
    acc_23 = (acc_23 + (a_2 * w_7));
    acc_24 = (acc_24 + (a_3 * w));
    acc_25 = (acc_25 + (a_3 * w_1));
    acc_26 = (acc_26 + (a_3 * w_2));
    acc_27 = (acc_27 + (a_3 * w_3));
    acc_28 = (acc_28 + (a_3 * w_4));
    acc_29 = (acc_29 + (a_3 * w_5));
    acc_30 = (acc_30 + (a_3 * w_6));
    acc_31 = (acc_31 + (a_3 * w_7));
    acc_32 = (acc_32 + (a_4 * w));
    acc_33 = (acc_33 + (a_4 * w_1));
    acc_34 = (acc_34 + (a_4 * w_2));
    acc_35 = (acc_35 + (a_4 * w_3));
    acc_36 = (acc_36 + (a_4 * w_4));
    acc_37 = (acc_37 + (a_4 * w_5));
    acc_38 = (acc_38 + (a_4 * w_6));
    acc_39 = (acc_39 + (a_4 * w_7));
    acc_40 = (acc_40 + (a_5 * w));
    acc_41 = (acc_41 + (a_5 * w_1));
    acc_42 = (acc_42 + (a_5 * w_2));
    acc_43 = (acc_43 + (a_5 * w_3));
    acc_44 = (acc_44 + (a_5 * w_4));
    acc_45 = (acc_45 + (a_5 * w_5));
    acc_46 = (acc_46 + (a_5 * w_6));
    acc_47 = (acc_47 + (a_5 * w_7));
    acc_48 = (acc_48 + (a_6 * w));
    acc_49 = (acc_49 + (a_6 * w_1));
    acc_50 = (acc_50 + (a_6 * w_2));
    acc_51 = (acc_51 + (a_6 * w_3));
    acc_52 = (acc_52 + (a_6 * w_4));
    acc_53 = (acc_53 + (a_6 * w_5));
    acc_54 = (acc_54 + (a_6 * w_6));
    acc_55 = (acc_55 + (a_6 * w_7));
    acc_56 = (acc_56 + (a_7 * w));
    acc_57 = (acc_57 + (a_7 * w_1));
    acc_58 = (acc_58 + (a_7 * w_2));
    acc_59 = (acc_59 + (a_7 * w_3));
    acc_60 = (acc_60 + (a_7 * w_4));
    acc_61 = (acc_61 + (a_7 * w_5));
    acc_62 = (acc_62 + (a_7 * w_6));
    acc_63 = (acc_63 + (a_7 * w_7));
  }
  const unsigned int n_base = (nc_udiv(row, nc_u.plane) * 192u);
  const unsigned int p = nc_umod(row, nc_u.plane);
  const unsigned int n_base_1 = (nc_udiv(row_1, nc_u.plane) * 192u);
  const unsigned int p_1 = nc_umod(row_1, nc_u.plane);
  const unsigned int n_base_2 = (nc_udiv(row_2, nc_u.plane) * 192u);
  const unsigned int p_2 = nc_umod(row_2, nc_u.plane);
  const unsigned int n_base_3 = (nc_udiv(row_3, nc_u.plane) * 192u);
  const unsigned int p_3 = nc_umod(row_3, nc_u.plane);
  const unsigned int n_base_4 = (nc_udiv(row_4, nc_u.plane) * 192u);
  const unsigned int p_4 = nc_umod(row_4, nc_u.plane);
  const unsigned int n_base_5 = (nc_udiv(row_5, nc_u.plane) * 192u);
  const unsigned int p_5 = nc_umod(row_5, nc_u.plane);
  const unsigned int n_base_6 = (nc_udiv(row_6, nc_u.plane) * 192u);
  const unsigned int p_6 = nc_umod(row_6, nc_u.plane);
  const unsigned int n_base_7 = (nc_udiv(row_7, nc_u.plane) * 192u);
  const unsigned int p_7 = nc_umod(row_7, nc_u.plane);
  if (((row < nc_u.rows) && (col < 192u))) {
    const unsigned int at = (((n_base + col) * nc_u.plane) + p);
    y[at] = (res[at] + acc);
  }
  if (((row < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_1 = (((n_base + col_1) * nc_u.plane) + p);
    y[at_1] = (res[at_1] + acc_1);
  }
  if (((row < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_2 = (((n_base + col_2) * nc_u.plane) + p);
    y[at_2] = (res[at_2] + acc_2);
  }
  if (((row < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_3 = (((n_base + col_3) * nc_u.plane) + p);
    y[at_3] = (res[at_3] + acc_3);
  }
  if (((row < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_4 = (((n_base + col_4) * nc_u.plane) + p);
    y[at_4] = (res[at_4] + acc_4);
  }
  if (((row < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_5 = (((n_base + col_5) * nc_u.plane) + p);
    y[at_5] = (res[at_5] + acc_5);
  }
  if (((row < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_6 = (((n_base + col_6) * nc_u.plane) + p);
    y[at_6] = (res[at_6] + acc_6);
  }
  if (((row < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_7 = (((n_base + col_7) * nc_u.plane) + p);
    y[at_7] = (res[at_7] + acc_7);
  }
  if (((row_1 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_8 = (((n_base_1 + col) * nc_u.plane) + p_1);
    y[at_8] = (res[at_8] + acc_8);
  }
  if (((row_1 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_9 = (((n_base_1 + col_1) * nc_u.plane) + p_1);
    y[at_9] = (res[at_9] + acc_9);
  }
  if (((row_1 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_10 = (((n_base_1 + col_2) * nc_u.plane) + p_1);
    y[at_10] = (res[at_10] + acc_10);
  }
  if (((row_1 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_11 = (((n_base_1 + col_3) * nc_u.plane) + p_1);
    y[at_11] = (res[at_11] + acc_11);
  }
  if (((row_1 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_12 = (((n_base_1 + col_4) * nc_u.plane) + p_1);
    y[at_12] = (res[at_12] + acc_12);
  }
  if (((row_1 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_13 = (((n_base_1 + col_5) * nc_u.plane) + p_1);
    y[at_13] = (res[at_13] + acc_13);
  }
  if (((row_1 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_14 = (((n_base_1 + col_6) * nc_u.plane) + p_1);
    y[at_14] = (res[at_14] + acc_14);
  }
  if (((row_1 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_15 = (((n_base_1 + col_7) * nc_u.plane) + p_1);
    y[at_15] = (res[at_15] + acc_15);
  }
  if (((row_2 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_16 = (((n_base_2 + col) * nc_u.plane) + p_2);
    y[at_16] = (res[at_16] + acc_16);
  }
  if (((row_2 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_17 = (((n_base_2 + col_1) * nc_u.plane) + p_2);
    y[at_17] = (res[at_17] + acc_17);
  }
  if (((row_2 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_18 = (((n_base_2 + col_2) * nc_u.plane) + p_2);
    y[at_18] = (res[at_18] + acc_18);
  }
  if (((row_2 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_19 = (((n_base_2 + col_3) * nc_u.plane) + p_2);
    y[at_19] = (res[at_19] + acc_19);
  }
  if (((row_2 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_20 = (((n_base_2 + col_4) * nc_u.plane) + p_2);
    y[at_20] = (res[at_20] + acc_20);
  }
  if (((row_2 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_21 = (((n_base_2 + col_5) * nc_u.plane) + p_2);
    y[at_21] = (res[at_21] + acc_21);
  }
  if (((row_2 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_22 = (((n_base_2 + col_6) * nc_u.plane) + p_2);
    y[at_22] = (res[at_22] + acc_22);
  }
  if (((row_2 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_23 = (((n_base_2 + col_7) * nc_u.plane) + p_2);
    y[at_23] = (res[at_23] + acc_23);
  }
  if (((row_3 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_24 = (((n_base_3 + col) * nc_u.plane) + p_3);
    y[at_24] = (res[at_24] + acc_24);
  }
  if (((row_3 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_25 = (((n_base_3 + col_1) * nc_u.plane) + p_3);
    y[at_25] = (res[at_25] + acc_25);
  }
  if (((row_3 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_26 = (((n_base_3 + col_2) * nc_u.plane) + p_3);
    y[at_26] = (res[at_26] + acc_26);
  }
  if (((row_3 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_27 = (((n_base_3 + col_3) * nc_u.plane) + p_3);
    y[at_27] = (res[at_27] + acc_27);
  }
  if (((row_3 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_28 = (((n_base_3 + col_4) * nc_u.plane) + p_3);
    y[at_28] = (res[at_28] + acc_28);
  }
  if (((row_3 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_29 = (((n_base_3 + col_5) * nc_u.plane) + p_3);
    y[at_29] = (res[at_29] + acc_29);
  }
  if (((row_3 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_30 = (((n_base_3 + col_6) * nc_u.plane) + p_3);
    y[at_30] = (res[at_30] + acc_30);
  }
  if (((row_3 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_31 = (((n_base_3 + col_7) * nc_u.plane) + p_3);
    y[at_31] = (res[at_31] + acc_31);
  }
  if (((row_4 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_32 = (((n_base_4 + col) * nc_u.plane) + p_4);
    y[at_32] = (res[at_32] + acc_32);
  }
  if (((row_4 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_33 = (((n_base_4 + col_1) * nc_u.plane) + p_4);
    y[at_33] = (res[at_33] + acc_33);
  }
  if (((row_4 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_34 = (((n_base_4 + col_2) * nc_u.plane) + p_4);
    y[at_34] = (res[at_34] + acc_34);
  }
  if (((row_4 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_35 = (((n_base_4 + col_3) * nc_u.plane) + p_4);
    y[at_35] = (res[at_35] + acc_35);
  }
  if (((row_4 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_36 = (((n_base_4 + col_4) * nc_u.plane) + p_4);
    y[at_36] = (res[at_36] + acc_36);
  }
  if (((row_4 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_37 = (((n_base_4 + col_5) * nc_u.plane) + p_4);
    y[at_37] = (res[at_37] + acc_37);
  }
  if (((row_4 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_38 = (((n_base_4 + col_6) * nc_u.plane) + p_4);
    y[at_38] = (res[at_38] + acc_38);
  }
  if (((row_4 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_39 = (((n_base_4 + col_7) * nc_u.plane) + p_4);
    y[at_39] = (res[at_39] + acc_39);
  }
  if (((row_5 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_40 = (((n_base_5 + col) * nc_u.plane) + p_5);
    y[at_40] = (res[at_40] + acc_40);
  }
  if (((row_5 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_41 = (((n_base_5 + col_1) * nc_u.plane) + p_5);
    y[at_41] = (res[at_41] + acc_41);
  }
  if (((row_5 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_42 = (((n_base_5 + col_2) * nc_u.plane) + p_5);
    y[at_42] = (res[at_42] + acc_42);
  }
  if (((row_5 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_43 = (((n_base_5 + col_3) * nc_u.plane) + p_5);
    y[at_43] = (res[at_43] + acc_43);
  }
  if (((row_5 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_44 = (((n_base_5 + col_4) * nc_u.plane) + p_5);
    y[at_44] = (res[at_44] + acc_44);
  }
  if (((row_5 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_45 = (((n_base_5 + col_5) * nc_u.plane) + p_5);
    y[at_45] = (res[at_45] + acc_45);
  }
  if (((row_5 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_46 = (((n_base_5 + col_6) * nc_u.plane) + p_5);
    y[at_46] = (res[at_46] + acc_46);
  }
  if (((row_5 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_47 = (((n_base_5 + col_7) * nc_u.plane) + p_5);
    y[at_47] = (res[at_47] + acc_47);
  }
  if (((row_6 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_48 = (((n_base_6 + col) * nc_u.plane) + p_6);
    y[at_48] = (res[at_48] + acc_48);
  }
  if (((row_6 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_49 = (((n_base_6 + col_1) * nc_u.plane) + p_6);
    y[at_49] = (res[at_49] + acc_49);
  }
  if (((row_6 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_50 = (((n_base_6 + col_2) * nc_u.plane) + p_6);
    y[at_50] = (res[at_50] + acc_50);
  }
  if (((row_6 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_51 = (((n_base_6 + col_3) * nc_u.plane) + p_6);
    y[at_51] = (res[at_51] + acc_51);
  }
  if (((row_6 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_52 = (((n_base_6 + col_4) * nc_u.plane) + p_6);
    y[at_52] = (res[at_52] + acc_52);
  }
  if (((row_6 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_53 = (((n_base_6 + col_5) * nc_u.plane) + p_6);
    y[at_53] = (res[at_53] + acc_53);
  }
  if (((row_6 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_54 = (((n_base_6 + col_6) * nc_u.plane) + p_6);
    y[at_54] = (res[at_54] + acc_54);
  }
  if (((row_6 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_55 = (((n_base_6 + col_7) * nc_u.plane) + p_6);
    y[at_55] = (res[at_55] + acc_55);
  }
  if (((row_7 < nc_u.rows) && (col < 192u))) {
    const unsigned int at_56 = (((n_base_7 + col) * nc_u.plane) + p_7);
    y[at_56] = (res[at_56] + acc_56);
  }
  if (((row_7 < nc_u.rows) && (col_1 < 192u))) {
    const unsigned int at_57 = (((n_base_7 + col_1) * nc_u.plane) + p_7);
    y[at_57] = (res[at_57] + acc_57);
  }
  if (((row_7 < nc_u.rows) && (col_2 < 192u))) {
    const unsigned int at_58 = (((n_base_7 + col_2) * nc_u.plane) + p_7);
    y[at_58] = (res[at_58] + acc_58);
  }
  if (((row_7 < nc_u.rows) && (col_3 < 192u))) {
    const unsigned int at_59 = (((n_base_7 + col_3) * nc_u.plane) + p_7);
    y[at_59] = (res[at_59] + acc_59);
  }
  if (((row_7 < nc_u.rows) && (col_4 < 192u))) {
    const unsigned int at_60 = (((n_base_7 + col_4) * nc_u.plane) + p_7);
    y[at_60] = (res[at_60] + acc_60);
  }
  if (((row_7 < nc_u.rows) && (col_5 < 192u))) {
    const unsigned int at_61 = (((n_base_7 + col_5) * nc_u.plane) + p_7);
    y[at_61] = (res[at_61] + acc_61);
  }
  if (((row_7 < nc_u.rows) && (col_6 < 192u))) {
    const unsigned int at_62 = (((n_base_7 + col_6) * nc_u.plane) + p_7);
    y[at_62] = (res[at_62] + acc_62);
  }
  if (((row_7 < nc_u.rows) && (col_7 < 192u))) {
    const unsigned int at_63 = (((n_base_7 + col_7) * nc_u.plane) + p_7);
    y[at_63] = (res[at_63] + acc_63);
  }
}
