// neocc linear_bias_gelu: y [rows, 4096] = GELU(x [rows, 1024] · wt [1024, 4096] + bias), register tile 64x64, 8x8 per invocation
// run-time: rows = N·H·W (uniform)
// CUDA: linear_bias_gelu_04fc03c1<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, wt, bias, y, params by value).

#ifndef NEOCC_PARAMS_linear_bias_gelu_04fc03c1
#define NEOCC_PARAMS_linear_bias_gelu_04fc03c1
struct linear_bias_gelu_04fc03c1_Params {
  unsigned int rows;
};
#endif

extern "C" __global__ void __launch_bounds__(64) linear_bias_gelu_04fc03c1(const float* __restrict__ x, const float* __restrict__ wt, const float* __restrict__ bias, float* __restrict__ y, const linear_bias_gelu_04fc03c1_Params nc_u) {
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
  const unsigned int in_row = (min(row, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_1 = (min(row_1, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_2 = (min(row_2, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_3 = (min(row_3, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_4 = (min(row_4, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_5 = (min(row_5, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_6 = (min(row_6, (nc_u.rows - 1u)) * 1024u);
  const unsigned int in_row_7 = (min(row_7, (nc_u.rows - 1u)) * 1024u);
  const unsigned int w_col = min(col, 4095u);
  const unsigned int w_col_1 = min(col_1, 4095u);
  const unsigned int w_col_2 = min(col_2, 4095u);
  const unsigned int w_col_3 = min(col_3, 4095u);
  const unsigned int w_col_4 = min(col_4, 4095u);
  const unsigned int w_col_5 = min(col_5, 4095u);
  const unsigned int w_col_6 = min(col_6, 4095u);
  const unsigned int w_col_7 = min(col_7, 4095u);
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
  for (unsigned int k = 0u; k < 1024u; k += 1u) {
    const float a = x[(in_row + k)];
    const float a_1 = x[(in_row_1 + k)];
    const float a_2 = x[(in_row_2 + k)];
    const float a_3 = x[(in_row_3 + k)];
    const float a_4 = x[(in_row_4 + k)];
    const float a_5 = x[(in_row_5 + k)];
    const float a_6 = x[(in_row_6 + k)];
    const float a_7 = x[(in_row_7 + k)];
    const float w = wt[((k * 4096u) + w_col)];
    const float w_1 = wt[((k * 4096u) + w_col_1)];
    const float w_2 = wt[((k * 4096u) + w_col_2)];
    const float w_3 = wt[((k * 4096u) + w_col_3)];
    const float w_4 = wt[((k * 4096u) + w_col_4)];
    const float w_5 = wt[((k * 4096u) + w_col_5)];
    const float w_6 = wt[((k * 4096u) + w_col_6)];
    const float w_7 = wt[((k * 4096u) + w_col_7)];
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
  if (((row < nc_u.rows) && (col < 4096u))) {
    const float erf_x = fminf(fmaxf((acc * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2 = (erf_x * erf_x);
    const float erf = (((((((((((((((-2.7261424e-10f) * erf_x2) + 2.7706815e-8f) * erf_x2) + (-0.000002101024f)) * erf_x2) + (-0.000056925062f)) * erf_x2) + (-0.00073499064f)) * erf_x2) + (-0.0029546f)) * erf_x2) + (-0.016096033f)) * erf_x) / (((((((((-0.0000145660715f) * erf_x2) + (-0.00021337405f)) * erf_x2) + (-0.001682827f)) * erf_x2) + (-0.0073733293f)) * erf_x2) + (-0.014264739f)));
    y[((row * 4096u) + col)] = ((0.5f * acc) * (1.0f + erf));
  }
  if (((row < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_1 = fminf(fmaxf((acc_1 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_1 = (erf_x_1 * erf_x_1);
    const float erf_1 = (((((((((((((((-2.7261424e-10f) * erf_x2_1) + 2.7706815e-8f) * erf_x2_1) + (-0.000002101024f)) * erf_x2_1) + (-0.000056925062f)) * erf_x2_1) + (-0.00073499064f)) * erf_x2_1) + (-0.0029546f)) * erf_x2_1) + (-0.016096033f)) * erf_x_1) / (((((((((-0.0000145660715f) * erf_x2_1) + (-0.00021337405f)) * erf_x2_1) + (-0.001682827f)) * erf_x2_1) + (-0.0073733293f)) * erf_x2_1) + (-0.014264739f)));
    y[((row * 4096u) + col_1)] = ((0.5f * acc_1) * (1.0f + erf_1));
  }
  if (((row < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_2 = fminf(fmaxf((acc_2 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_2 = (erf_x_2 * erf_x_2);
    const float erf_2 = (((((((((((((((-2.7261424e-10f) * erf_x2_2) + 2.7706815e-8f) * erf_x2_2) + (-0.000002101024f)) * erf_x2_2) + (-0.000056925062f)) * erf_x2_2) + (-0.00073499064f)) * erf_x2_2) + (-0.0029546f)) * erf_x2_2) + (-0.016096033f)) * erf_x_2) / (((((((((-0.0000145660715f) * erf_x2_2) + (-0.00021337405f)) * erf_x2_2) + (-0.001682827f)) * erf_x2_2) + (-0.0073733293f)) * erf_x2_2) + (-0.014264739f)));
    y[((row * 4096u) + col_2)] = ((0.5f * acc_2) * (1.0f + erf_2));
  }
  if (((row < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_3 = fminf(fmaxf((acc_3 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_3 = (erf_x_3 * erf_x_3);
    const float erf_3 = (((((((((((((((-2.7261424e-10f) * erf_x2_3) + 2.7706815e-8f) * erf_x2_3) + (-0.000002101024f)) * erf_x2_3) + (-0.000056925062f)) * erf_x2_3) + (-0.00073499064f)) * erf_x2_3) + (-0.0029546f)) * erf_x2_3) + (-0.016096033f)) * erf_x_3) / (((((((((-0.0000145660715f) * erf_x2_3) + (-0.00021337405f)) * erf_x2_3) + (-0.001682827f)) * erf_x2_3) + (-0.0073733293f)) * erf_x2_3) + (-0.014264739f)));
    y[((row * 4096u) + col_3)] = ((0.5f * acc_3) * (1.0f + erf_3));
  }
  if (((row < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_4 = fminf(fmaxf((acc_4 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_4 = (erf_x_4 * erf_x_4);
    const float erf_4 = (((((((((((((((-2.7261424e-10f) * erf_x2_4) + 2.7706815e-8f) * erf_x2_4) + (-0.000002101024f)) * erf_x2_4) + (-0.000056925062f)) * erf_x2_4) + (-0.00073499064f)) * erf_x2_4) + (-0.0029546f)) * erf_x2_4) + (-0.016096033f)) * erf_x_4) / (((((((((-0.0000145660715f) * erf_x2_4) + (-0.00021337405f)) * erf_x2_4) + (-0.001682827f)) * erf_x2_4) + (-0.0073733293f)) * erf_x2_4) + (-0.014264739f)));
    y[((row * 4096u) + col_4)] = ((0.5f * acc_4) * (1.0f + erf_4));
  }
  if (((row < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_5 = fminf(fmaxf((acc_5 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_5 = (erf_x_5 * erf_x_5);
    const float erf_5 = (((((((((((((((-2.7261424e-10f) * erf_x2_5) + 2.7706815e-8f) * erf_x2_5) + (-0.000002101024f)) * erf_x2_5) + (-0.000056925062f)) * erf_x2_5) + (-0.00073499064f)) * erf_x2_5) + (-0.0029546f)) * erf_x2_5) + (-0.016096033f)) * erf_x_5) / (((((((((-0.0000145660715f) * erf_x2_5) + (-0.00021337405f)) * erf_x2_5) + (-0.001682827f)) * erf_x2_5) + (-0.0073733293f)) * erf_x2_5) + (-0.014264739f)));
    y[((row * 4096u) + col_5)] = ((0.5f * acc_5) * (1.0f + erf_5));
  }
  if (((row < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_6 = fminf(fmaxf((acc_6 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_6 = (erf_x_6 * erf_x_6);
    const float erf_6 = (((((((((((((((-2.7261424e-10f) * erf_x2_6) + 2.7706815e-8f) * erf_x2_6) + (-0.000002101024f)) * erf_x2_6) + (-0.000056925062f)) * erf_x2_6) + (-0.00073499064f)) * erf_x2_6) + (-0.0029546f)) * erf_x2_6) + (-0.016096033f)) * erf_x_6) / (((((((((-0.0000145660715f) * erf_x2_6) + (-0.00021337405f)) * erf_x2_6) + (-0.001682827f)) * erf_x2_6) + (-0.0073733293f)) * erf_x2_6) + (-0.014264739f)));
    y[((row * 4096u) + col_6)] = ((0.5f * acc_6) * (1.0f + erf_6));
  }
  if (((row < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_7 = fminf(fmaxf((acc_7 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_7 = (erf_x_7 * erf_x_7);
    const float erf_7 = (((((((((((((((-2.7261424e-10f) * erf_x2_7) + 2.7706815e-8f) * erf_x2_7) + (-0.000002101024f)) * erf_x2_7) + (-0.000056925062f)) * erf_x2_7) + (-0.00073499064f)) * erf_x2_7) + (-0.0029546f)) * erf_x2_7) + (-0.016096033f)) * erf_x_7) / (((((((((-0.0000145660715f) * erf_x2_7) + (-0.00021337405f)) * erf_x2_7) + (-0.001682827f)) * erf_x2_7) + (-0.0073733293f)) * erf_x2_7) + (-0.014264739f)));
    y[((row * 4096u) + col_7)] = ((0.5f * acc_7) * (1.0f + erf_7));
  }
  if (((row_1 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_8 = fminf(fmaxf((acc_8 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_8 = (erf_x_8 * erf_x_8);
    const float erf_8 = (((((((((((((((-2.7261424e-10f) * erf_x2_8) + 2.7706815e-8f) * erf_x2_8) + (-0.000002101024f)) * erf_x2_8) + (-0.000056925062f)) * erf_x2_8) + (-0.00073499064f)) * erf_x2_8) + (-0.0029546f)) * erf_x2_8) + (-0.016096033f)) * erf_x_8) / (((((((((-0.0000145660715f) * erf_x2_8) + (-0.00021337405f)) * erf_x2_8) + (-0.001682827f)) * erf_x2_8) + (-0.0073733293f)) * erf_x2_8) + (-0.014264739f)));
    y[((row_1 * 4096u) + col)] = ((0.5f * acc_8) * (1.0f + erf_8));
  }
  if (((row_1 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_9 = fminf(fmaxf((acc_9 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_9 = (erf_x_9 * erf_x_9);
    const float erf_9 = (((((((((((((((-2.7261424e-10f) * erf_x2_9) + 2.7706815e-8f) * erf_x2_9) + (-0.000002101024f)) * erf_x2_9) + (-0.000056925062f)) * erf_x2_9) + (-0.00073499064f)) * erf_x2_9) + (-0.0029546f)) * erf_x2_9) + (-0.016096033f)) * erf_x_9) / (((((((((-0.0000145660715f) * erf_x2_9) + (-0.00021337405f)) * erf_x2_9) + (-0.001682827f)) * erf_x2_9) + (-0.0073733293f)) * erf_x2_9) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_1)] = ((0.5f * acc_9) * (1.0f + erf_9));
  }
  if (((row_1 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_10 = fminf(fmaxf((acc_10 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_10 = (erf_x_10 * erf_x_10);
    const float erf_10 = (((((((((((((((-2.7261424e-10f) * erf_x2_10) + 2.7706815e-8f) * erf_x2_10) + (-0.000002101024f)) * erf_x2_10) + (-0.000056925062f)) * erf_x2_10) + (-0.00073499064f)) * erf_x2_10) + (-0.0029546f)) * erf_x2_10) + (-0.016096033f)) * erf_x_10) / (((((((((-0.0000145660715f) * erf_x2_10) + (-0.00021337405f)) * erf_x2_10) + (-0.001682827f)) * erf_x2_10) + (-0.0073733293f)) * erf_x2_10) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_2)] = ((0.5f * acc_10) * (1.0f + erf_10));
  }
  if (((row_1 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_11 = fminf(fmaxf((acc_11 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_11 = (erf_x_11 * erf_x_11);
    const float erf_11 = (((((((((((((((-2.7261424e-10f) * erf_x2_11) + 2.7706815e-8f) * erf_x2_11) + (-0.000002101024f)) * erf_x2_11) + (-0.000056925062f)) * erf_x2_11) + (-0.00073499064f)) * erf_x2_11) + (-0.0029546f)) * erf_x2_11) + (-0.016096033f)) * erf_x_11) / (((((((((-0.0000145660715f) * erf_x2_11) + (-0.00021337405f)) * erf_x2_11) + (-0.001682827f)) * erf_x2_11) + (-0.0073733293f)) * erf_x2_11) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_3)] = ((0.5f * acc_11) * (1.0f + erf_11));
  }
  if (((row_1 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_12 = fminf(fmaxf((acc_12 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_12 = (erf_x_12 * erf_x_12);
    const float erf_12 = (((((((((((((((-2.7261424e-10f) * erf_x2_12) + 2.7706815e-8f) * erf_x2_12) + (-0.000002101024f)) * erf_x2_12) + (-0.000056925062f)) * erf_x2_12) + (-0.00073499064f)) * erf_x2_12) + (-0.0029546f)) * erf_x2_12) + (-0.016096033f)) * erf_x_12) / (((((((((-0.0000145660715f) * erf_x2_12) + (-0.00021337405f)) * erf_x2_12) + (-0.001682827f)) * erf_x2_12) + (-0.0073733293f)) * erf_x2_12) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_4)] = ((0.5f * acc_12) * (1.0f + erf_12));
  }
  if (((row_1 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_13 = fminf(fmaxf((acc_13 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_13 = (erf_x_13 * erf_x_13);
    const float erf_13 = (((((((((((((((-2.7261424e-10f) * erf_x2_13) + 2.7706815e-8f) * erf_x2_13) + (-0.000002101024f)) * erf_x2_13) + (-0.000056925062f)) * erf_x2_13) + (-0.00073499064f)) * erf_x2_13) + (-0.0029546f)) * erf_x2_13) + (-0.016096033f)) * erf_x_13) / (((((((((-0.0000145660715f) * erf_x2_13) + (-0.00021337405f)) * erf_x2_13) + (-0.001682827f)) * erf_x2_13) + (-0.0073733293f)) * erf_x2_13) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_5)] = ((0.5f * acc_13) * (1.0f + erf_13));
  }
  if (((row_1 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_14 = fminf(fmaxf((acc_14 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_14 = (erf_x_14 * erf_x_14);
    const float erf_14 = (((((((((((((((-2.7261424e-10f) * erf_x2_14) + 2.7706815e-8f) * erf_x2_14) + (-0.000002101024f)) * erf_x2_14) + (-0.000056925062f)) * erf_x2_14) + (-0.00073499064f)) * erf_x2_14) + (-0.0029546f)) * erf_x2_14) + (-0.016096033f)) * erf_x_14) / (((((((((-0.0000145660715f) * erf_x2_14) + (-0.00021337405f)) * erf_x2_14) + (-0.001682827f)) * erf_x2_14) + (-0.0073733293f)) * erf_x2_14) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_6)] = ((0.5f * acc_14) * (1.0f + erf_14));
  }
  if (((row_1 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_15 = fminf(fmaxf((acc_15 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_15 = (erf_x_15 * erf_x_15);
    const float erf_15 = (((((((((((((((-2.7261424e-10f) * erf_x2_15) + 2.7706815e-8f) * erf_x2_15) + (-0.000002101024f)) * erf_x2_15) + (-0.000056925062f)) * erf_x2_15) + (-0.00073499064f)) * erf_x2_15) + (-0.0029546f)) * erf_x2_15) + (-0.016096033f)) * erf_x_15) / (((((((((-0.0000145660715f) * erf_x2_15) + (-0.00021337405f)) * erf_x2_15) + (-0.001682827f)) * erf_x2_15) + (-0.0073733293f)) * erf_x2_15) + (-0.014264739f)));
    y[((row_1 * 4096u) + col_7)] = ((0.5f * acc_15) * (1.0f + erf_15));
  }
  if (((row_2 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_16 = fminf(fmaxf((acc_16 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_16 = (erf_x_16 * erf_x_16);
    const float erf_16 = (((((((((((((((-2.7261424e-10f) * erf_x2_16) + 2.7706815e-8f) * erf_x2_16) + (-0.000002101024f)) * erf_x2_16) + (-0.000056925062f)) * erf_x2_16) + (-0.00073499064f)) * erf_x2_16) + (-0.0029546f)) * erf_x2_16) + (-0.016096033f)) * erf_x_16) / (((((((((-0.0000145660715f) * erf_x2_16) + (-0.00021337405f)) * erf_x2_16) + (-0.001682827f)) * erf_x2_16) + (-0.0073733293f)) * erf_x2_16) + (-0.014264739f)));
    y[((row_2 * 4096u) + col)] = ((0.5f * acc_16) * (1.0f + erf_16));
  }
  if (((row_2 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_17 = fminf(fmaxf((acc_17 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_17 = (erf_x_17 * erf_x_17);
    const float erf_17 = (((((((((((((((-2.7261424e-10f) * erf_x2_17) + 2.7706815e-8f) * erf_x2_17) + (-0.000002101024f)) * erf_x2_17) + (-0.000056925062f)) * erf_x2_17) + (-0.00073499064f)) * erf_x2_17) + (-0.0029546f)) * erf_x2_17) + (-0.016096033f)) * erf_x_17) / (((((((((-0.0000145660715f) * erf_x2_17) + (-0.00021337405f)) * erf_x2_17) + (-0.001682827f)) * erf_x2_17) + (-0.0073733293f)) * erf_x2_17) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_1)] = ((0.5f * acc_17) * (1.0f + erf_17));
  }
  if (((row_2 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_18 = fminf(fmaxf((acc_18 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_18 = (erf_x_18 * erf_x_18);
    const float erf_18 = (((((((((((((((-2.7261424e-10f) * erf_x2_18) + 2.7706815e-8f) * erf_x2_18) + (-0.000002101024f)) * erf_x2_18) + (-0.000056925062f)) * erf_x2_18) + (-0.00073499064f)) * erf_x2_18) + (-0.0029546f)) * erf_x2_18) + (-0.016096033f)) * erf_x_18) / (((((((((-0.0000145660715f) * erf_x2_18) + (-0.00021337405f)) * erf_x2_18) + (-0.001682827f)) * erf_x2_18) + (-0.0073733293f)) * erf_x2_18) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_2)] = ((0.5f * acc_18) * (1.0f + erf_18));
  }
  if (((row_2 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_19 = fminf(fmaxf((acc_19 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_19 = (erf_x_19 * erf_x_19);
    const float erf_19 = (((((((((((((((-2.7261424e-10f) * erf_x2_19) + 2.7706815e-8f) * erf_x2_19) + (-0.000002101024f)) * erf_x2_19) + (-0.000056925062f)) * erf_x2_19) + (-0.00073499064f)) * erf_x2_19) + (-0.0029546f)) * erf_x2_19) + (-0.016096033f)) * erf_x_19) / (((((((((-0.0000145660715f) * erf_x2_19) + (-0.00021337405f)) * erf_x2_19) + (-0.001682827f)) * erf_x2_19) + (-0.0073733293f)) * erf_x2_19) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_3)] = ((0.5f * acc_19) * (1.0f + erf_19));
  }
  if (((row_2 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_20 = fminf(fmaxf((acc_20 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_20 = (erf_x_20 * erf_x_20);
    const float erf_20 = (((((((((((((((-2.7261424e-10f) * erf_x2_20) + 2.7706815e-8f) * erf_x2_20) + (-0.000002101024f)) * erf_x2_20) + (-0.000056925062f)) * erf_x2_20) + (-0.00073499064f)) * erf_x2_20) + (-0.0029546f)) * erf_x2_20) + (-0.016096033f)) * erf_x_20) / (((((((((-0.0000145660715f) * erf_x2_20) + (-0.00021337405f)) * erf_x2_20) + (-0.001682827f)) * erf_x2_20) + (-0.0073733293f)) * erf_x2_20) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_4)] = ((0.5f * acc_20) * (1.0f + erf_20));
  }
  if (((row_2 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_21 = fminf(fmaxf((acc_21 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_21 = (erf_x_21 * erf_x_21);
    const float erf_21 = (((((((((((((((-2.7261424e-10f) * erf_x2_21) + 2.7706815e-8f) * erf_x2_21) + (-0.000002101024f)) * erf_x2_21) + (-0.000056925062f)) * erf_x2_21) + (-0.00073499064f)) * erf_x2_21) + (-0.0029546f)) * erf_x2_21) + (-0.016096033f)) * erf_x_21) / (((((((((-0.0000145660715f) * erf_x2_21) + (-0.00021337405f)) * erf_x2_21) + (-0.001682827f)) * erf_x2_21) + (-0.0073733293f)) * erf_x2_21) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_5)] = ((0.5f * acc_21) * (1.0f + erf_21));
  }
  if (((row_2 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_22 = fminf(fmaxf((acc_22 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_22 = (erf_x_22 * erf_x_22);
    const float erf_22 = (((((((((((((((-2.7261424e-10f) * erf_x2_22) + 2.7706815e-8f) * erf_x2_22) + (-0.000002101024f)) * erf_x2_22) + (-0.000056925062f)) * erf_x2_22) + (-0.00073499064f)) * erf_x2_22) + (-0.0029546f)) * erf_x2_22) + (-0.016096033f)) * erf_x_22) / (((((((((-0.0000145660715f) * erf_x2_22) + (-0.00021337405f)) * erf_x2_22) + (-0.001682827f)) * erf_x2_22) + (-0.0073733293f)) * erf_x2_22) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_6)] = ((0.5f * acc_22) * (1.0f + erf_22));
  }
  if (((row_2 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_23 = fminf(fmaxf((acc_23 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_23 = (erf_x_23 * erf_x_23);
    const float erf_23 = (((((((((((((((-2.7261424e-10f) * erf_x2_23) + 2.7706815e-8f) * erf_x2_23) + (-0.000002101024f)) * erf_x2_23) + (-0.000056925062f)) * erf_x2_23) + (-0.00073499064f)) * erf_x2_23) + (-0.0029546f)) * erf_x2_23) + (-0.016096033f)) * erf_x_23) / (((((((((-0.0000145660715f) * erf_x2_23) + (-0.00021337405f)) * erf_x2_23) + (-0.001682827f)) * erf_x2_23) + (-0.0073733293f)) * erf_x2_23) + (-0.014264739f)));
    y[((row_2 * 4096u) + col_7)] = ((0.5f * acc_23) * (1.0f + erf_23));
  }
  if (((row_3 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_24 = fminf(fmaxf((acc_24 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_24 = (erf_x_24 * erf_x_24);
    const float erf_24 = (((((((((((((((-2.7261424e-10f) * erf_x2_24) + 2.7706815e-8f) * erf_x2_24) + (-0.000002101024f)) * erf_x2_24) + (-0.000056925062f)) * erf_x2_24) + (-0.00073499064f)) * erf_x2_24) + (-0.0029546f)) * erf_x2_24) + (-0.016096033f)) * erf_x_24) / (((((((((-0.0000145660715f) * erf_x2_24) + (-0.00021337405f)) * erf_x2_24) + (-0.001682827f)) * erf_x2_24) + (-0.0073733293f)) * erf_x2_24) + (-0.014264739f)));
    y[((row_3 * 4096u) + col)] = ((0.5f * acc_24) * (1.0f + erf_24));
  }
  if (((row_3 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_25 = fminf(fmaxf((acc_25 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_25 = (erf_x_25 * erf_x_25);
    const float erf_25 = (((((((((((((((-2.7261424e-10f) * erf_x2_25) + 2.7706815e-8f) * erf_x2_25) + (-0.000002101024f)) * erf_x2_25) + (-0.000056925062f)) * erf_x2_25) + (-0.00073499064f)) * erf_x2_25) + (-0.0029546f)) * erf_x2_25) + (-0.016096033f)) * erf_x_25) / (((((((((-0.0000145660715f) * erf_x2_25) + (-0.00021337405f)) * erf_x2_25) + (-0.001682827f)) * erf_x2_25) + (-0.0073733293f)) * erf_x2_25) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_1)] = ((0.5f * acc_25) * (1.0f + erf_25));
  }
  if (((row_3 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_26 = fminf(fmaxf((acc_26 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_26 = (erf_x_26 * erf_x_26);
    const float erf_26 = (((((((((((((((-2.7261424e-10f) * erf_x2_26) + 2.7706815e-8f) * erf_x2_26) + (-0.000002101024f)) * erf_x2_26) + (-0.000056925062f)) * erf_x2_26) + (-0.00073499064f)) * erf_x2_26) + (-0.0029546f)) * erf_x2_26) + (-0.016096033f)) * erf_x_26) / (((((((((-0.0000145660715f) * erf_x2_26) + (-0.00021337405f)) * erf_x2_26) + (-0.001682827f)) * erf_x2_26) + (-0.0073733293f)) * erf_x2_26) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_2)] = ((0.5f * acc_26) * (1.0f + erf_26));
  }
  if (((row_3 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_27 = fminf(fmaxf((acc_27 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_27 = (erf_x_27 * erf_x_27);
    const float erf_27 = (((((((((((((((-2.7261424e-10f) * erf_x2_27) + 2.7706815e-8f) * erf_x2_27) + (-0.000002101024f)) * erf_x2_27) + (-0.000056925062f)) * erf_x2_27) + (-0.00073499064f)) * erf_x2_27) + (-0.0029546f)) * erf_x2_27) + (-0.016096033f)) * erf_x_27) / (((((((((-0.0000145660715f) * erf_x2_27) + (-0.00021337405f)) * erf_x2_27) + (-0.001682827f)) * erf_x2_27) + (-0.0073733293f)) * erf_x2_27) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_3)] = ((0.5f * acc_27) * (1.0f + erf_27));
  }
  if (((row_3 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_28 = fminf(fmaxf((acc_28 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_28 = (erf_x_28 * erf_x_28);
    const float erf_28 = (((((((((((((((-2.7261424e-10f) * erf_x2_28) + 2.7706815e-8f) * erf_x2_28) + (-0.000002101024f)) * erf_x2_28) + (-0.000056925062f)) * erf_x2_28) + (-0.00073499064f)) * erf_x2_28) + (-0.0029546f)) * erf_x2_28) + (-0.016096033f)) * erf_x_28) / (((((((((-0.0000145660715f) * erf_x2_28) + (-0.00021337405f)) * erf_x2_28) + (-0.001682827f)) * erf_x2_28) + (-0.0073733293f)) * erf_x2_28) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_4)] = ((0.5f * acc_28) * (1.0f + erf_28));
  }
  if (((row_3 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_29 = fminf(fmaxf((acc_29 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_29 = (erf_x_29 * erf_x_29);
    const float erf_29 = (((((((((((((((-2.7261424e-10f) * erf_x2_29) + 2.7706815e-8f) * erf_x2_29) + (-0.000002101024f)) * erf_x2_29) + (-0.000056925062f)) * erf_x2_29) + (-0.00073499064f)) * erf_x2_29) + (-0.0029546f)) * erf_x2_29) + (-0.016096033f)) * erf_x_29) / (((((((((-0.0000145660715f) * erf_x2_29) + (-0.00021337405f)) * erf_x2_29) + (-0.001682827f)) * erf_x2_29) + (-0.0073733293f)) * erf_x2_29) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_5)] = ((0.5f * acc_29) * (1.0f + erf_29));
  }
  if (((row_3 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_30 = fminf(fmaxf((acc_30 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_30 = (erf_x_30 * erf_x_30);
    const float erf_30 = (((((((((((((((-2.7261424e-10f) * erf_x2_30) + 2.7706815e-8f) * erf_x2_30) + (-0.000002101024f)) * erf_x2_30) + (-0.000056925062f)) * erf_x2_30) + (-0.00073499064f)) * erf_x2_30) + (-0.0029546f)) * erf_x2_30) + (-0.016096033f)) * erf_x_30) / (((((((((-0.0000145660715f) * erf_x2_30) + (-0.00021337405f)) * erf_x2_30) + (-0.001682827f)) * erf_x2_30) + (-0.0073733293f)) * erf_x2_30) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_6)] = ((0.5f * acc_30) * (1.0f + erf_30));
  }
  if (((row_3 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_31 = fminf(fmaxf((acc_31 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_31 = (erf_x_31 * erf_x_31);
    const float erf_31 = (((((((((((((((-2.7261424e-10f) * erf_x2_31) + 2.7706815e-8f) * erf_x2_31) + (-0.000002101024f)) * erf_x2_31) + (-0.000056925062f)) * erf_x2_31) + (-0.00073499064f)) * erf_x2_31) + (-0.0029546f)) * erf_x2_31) + (-0.016096033f)) * erf_x_31) / (((((((((-0.0000145660715f) * erf_x2_31) + (-0.00021337405f)) * erf_x2_31) + (-0.001682827f)) * erf_x2_31) + (-0.0073733293f)) * erf_x2_31) + (-0.014264739f)));
    y[((row_3 * 4096u) + col_7)] = ((0.5f * acc_31) * (1.0f + erf_31));
  }
  if (((row_4 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_32 = fminf(fmaxf((acc_32 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_32 = (erf_x_32 * erf_x_32);
    const float erf_32 = (((((((((((((((-2.7261424e-10f) * erf_x2_32) + 2.7706815e-8f) * erf_x2_32) + (-0.000002101024f)) * erf_x2_32) + (-0.000056925062f)) * erf_x2_32) + (-0.00073499064f)) * erf_x2_32) + (-0.0029546f)) * erf_x2_32) + (-0.016096033f)) * erf_x_32) / (((((((((-0.0000145660715f) * erf_x2_32) + (-0.00021337405f)) * erf_x2_32) + (-0.001682827f)) * erf_x2_32) + (-0.0073733293f)) * erf_x2_32) + (-0.014264739f)));
    y[((row_4 * 4096u) + col)] = ((0.5f * acc_32) * (1.0f + erf_32));
  }
  if (((row_4 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_33 = fminf(fmaxf((acc_33 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_33 = (erf_x_33 * erf_x_33);
    const float erf_33 = (((((((((((((((-2.7261424e-10f) * erf_x2_33) + 2.7706815e-8f) * erf_x2_33) + (-0.000002101024f)) * erf_x2_33) + (-0.000056925062f)) * erf_x2_33) + (-0.00073499064f)) * erf_x2_33) + (-0.0029546f)) * erf_x2_33) + (-0.016096033f)) * erf_x_33) / (((((((((-0.0000145660715f) * erf_x2_33) + (-0.00021337405f)) * erf_x2_33) + (-0.001682827f)) * erf_x2_33) + (-0.0073733293f)) * erf_x2_33) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_1)] = ((0.5f * acc_33) * (1.0f + erf_33));
  }
  if (((row_4 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_34 = fminf(fmaxf((acc_34 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_34 = (erf_x_34 * erf_x_34);
    const float erf_34 = (((((((((((((((-2.7261424e-10f) * erf_x2_34) + 2.7706815e-8f) * erf_x2_34) + (-0.000002101024f)) * erf_x2_34) + (-0.000056925062f)) * erf_x2_34) + (-0.00073499064f)) * erf_x2_34) + (-0.0029546f)) * erf_x2_34) + (-0.016096033f)) * erf_x_34) / (((((((((-0.0000145660715f) * erf_x2_34) + (-0.00021337405f)) * erf_x2_34) + (-0.001682827f)) * erf_x2_34) + (-0.0073733293f)) * erf_x2_34) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_2)] = ((0.5f * acc_34) * (1.0f + erf_34));
  }
  if (((row_4 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_35 = fminf(fmaxf((acc_35 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_35 = (erf_x_35 * erf_x_35);
    const float erf_35 = (((((((((((((((-2.7261424e-10f) * erf_x2_35) + 2.7706815e-8f) * erf_x2_35) + (-0.000002101024f)) * erf_x2_35) + (-0.000056925062f)) * erf_x2_35) + (-0.00073499064f)) * erf_x2_35) + (-0.0029546f)) * erf_x2_35) + (-0.016096033f)) * erf_x_35) / (((((((((-0.0000145660715f) * erf_x2_35) + (-0.00021337405f)) * erf_x2_35) + (-0.001682827f)) * erf_x2_35) + (-0.0073733293f)) * erf_x2_35) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_3)] = ((0.5f * acc_35) * (1.0f + erf_35));
  }
  if (((row_4 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_36 = fminf(fmaxf((acc_36 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_36 = (erf_x_36 * erf_x_36);
    const float erf_36 = (((((((((((((((-2.7261424e-10f) * erf_x2_36) + 2.7706815e-8f) * erf_x2_36) + (-0.000002101024f)) * erf_x2_36) + (-0.000056925062f)) * erf_x2_36) + (-0.00073499064f)) * erf_x2_36) + (-0.0029546f)) * erf_x2_36) + (-0.016096033f)) * erf_x_36) / (((((((((-0.0000145660715f) * erf_x2_36) + (-0.00021337405f)) * erf_x2_36) + (-0.001682827f)) * erf_x2_36) + (-0.0073733293f)) * erf_x2_36) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_4)] = ((0.5f * acc_36) * (1.0f + erf_36));
  }
  if (((row_4 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_37 = fminf(fmaxf((acc_37 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_37 = (erf_x_37 * erf_x_37);
    const float erf_37 = (((((((((((((((-2.7261424e-10f) * erf_x2_37) + 2.7706815e-8f) * erf_x2_37) + (-0.000002101024f)) * erf_x2_37) + (-0.000056925062f)) * erf_x2_37) + (-0.00073499064f)) * erf_x2_37) + (-0.0029546f)) * erf_x2_37) + (-0.016096033f)) * erf_x_37) / (((((((((-0.0000145660715f) * erf_x2_37) + (-0.00021337405f)) * erf_x2_37) + (-0.001682827f)) * erf_x2_37) + (-0.0073733293f)) * erf_x2_37) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_5)] = ((0.5f * acc_37) * (1.0f + erf_37));
  }
  if (((row_4 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_38 = fminf(fmaxf((acc_38 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_38 = (erf_x_38 * erf_x_38);
    const float erf_38 = (((((((((((((((-2.7261424e-10f) * erf_x2_38) + 2.7706815e-8f) * erf_x2_38) + (-0.000002101024f)) * erf_x2_38) + (-0.000056925062f)) * erf_x2_38) + (-0.00073499064f)) * erf_x2_38) + (-0.0029546f)) * erf_x2_38) + (-0.016096033f)) * erf_x_38) / (((((((((-0.0000145660715f) * erf_x2_38) + (-0.00021337405f)) * erf_x2_38) + (-0.001682827f)) * erf_x2_38) + (-0.0073733293f)) * erf_x2_38) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_6)] = ((0.5f * acc_38) * (1.0f + erf_38));
  }
  if (((row_4 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_39 = fminf(fmaxf((acc_39 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_39 = (erf_x_39 * erf_x_39);
    const float erf_39 = (((((((((((((((-2.7261424e-10f) * erf_x2_39) + 2.7706815e-8f) * erf_x2_39) + (-0.000002101024f)) * erf_x2_39) + (-0.000056925062f)) * erf_x2_39) + (-0.00073499064f)) * erf_x2_39) + (-0.0029546f)) * erf_x2_39) + (-0.016096033f)) * erf_x_39) / (((((((((-0.0000145660715f) * erf_x2_39) + (-0.00021337405f)) * erf_x2_39) + (-0.001682827f)) * erf_x2_39) + (-0.0073733293f)) * erf_x2_39) + (-0.014264739f)));
    y[((row_4 * 4096u) + col_7)] = ((0.5f * acc_39) * (1.0f + erf_39));
  }
  if (((row_5 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_40 = fminf(fmaxf((acc_40 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_40 = (erf_x_40 * erf_x_40);
    const float erf_40 = (((((((((((((((-2.7261424e-10f) * erf_x2_40) + 2.7706815e-8f) * erf_x2_40) + (-0.000002101024f)) * erf_x2_40) + (-0.000056925062f)) * erf_x2_40) + (-0.00073499064f)) * erf_x2_40) + (-0.0029546f)) * erf_x2_40) + (-0.016096033f)) * erf_x_40) / (((((((((-0.0000145660715f) * erf_x2_40) + (-0.00021337405f)) * erf_x2_40) + (-0.001682827f)) * erf_x2_40) + (-0.0073733293f)) * erf_x2_40) + (-0.014264739f)));
    y[((row_5 * 4096u) + col)] = ((0.5f * acc_40) * (1.0f + erf_40));
  }
  if (((row_5 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_41 = fminf(fmaxf((acc_41 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_41 = (erf_x_41 * erf_x_41);
    const float erf_41 = (((((((((((((((-2.7261424e-10f) * erf_x2_41) + 2.7706815e-8f) * erf_x2_41) + (-0.000002101024f)) * erf_x2_41) + (-0.000056925062f)) * erf_x2_41) + (-0.00073499064f)) * erf_x2_41) + (-0.0029546f)) * erf_x2_41) + (-0.016096033f)) * erf_x_41) / (((((((((-0.0000145660715f) * erf_x2_41) + (-0.00021337405f)) * erf_x2_41) + (-0.001682827f)) * erf_x2_41) + (-0.0073733293f)) * erf_x2_41) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_1)] = ((0.5f * acc_41) * (1.0f + erf_41));
  }
  if (((row_5 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_42 = fminf(fmaxf((acc_42 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_42 = (erf_x_42 * erf_x_42);
    const float erf_42 = (((((((((((((((-2.7261424e-10f) * erf_x2_42) + 2.7706815e-8f) * erf_x2_42) + (-0.000002101024f)) * erf_x2_42) + (-0.000056925062f)) * erf_x2_42) + (-0.00073499064f)) * erf_x2_42) + (-0.0029546f)) * erf_x2_42) + (-0.016096033f)) * erf_x_42) / (((((((((-0.0000145660715f) * erf_x2_42) + (-0.00021337405f)) * erf_x2_42) + (-0.001682827f)) * erf_x2_42) + (-0.0073733293f)) * erf_x2_42) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_2)] = ((0.5f * acc_42) * (1.0f + erf_42));
  }
  if (((row_5 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_43 = fminf(fmaxf((acc_43 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_43 = (erf_x_43 * erf_x_43);
    const float erf_43 = (((((((((((((((-2.7261424e-10f) * erf_x2_43) + 2.7706815e-8f) * erf_x2_43) + (-0.000002101024f)) * erf_x2_43) + (-0.000056925062f)) * erf_x2_43) + (-0.00073499064f)) * erf_x2_43) + (-0.0029546f)) * erf_x2_43) + (-0.016096033f)) * erf_x_43) / (((((((((-0.0000145660715f) * erf_x2_43) + (-0.00021337405f)) * erf_x2_43) + (-0.001682827f)) * erf_x2_43) + (-0.0073733293f)) * erf_x2_43) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_3)] = ((0.5f * acc_43) * (1.0f + erf_43));
  }
  if (((row_5 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_44 = fminf(fmaxf((acc_44 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_44 = (erf_x_44 * erf_x_44);
    const float erf_44 = (((((((((((((((-2.7261424e-10f) * erf_x2_44) + 2.7706815e-8f) * erf_x2_44) + (-0.000002101024f)) * erf_x2_44) + (-0.000056925062f)) * erf_x2_44) + (-0.00073499064f)) * erf_x2_44) + (-0.0029546f)) * erf_x2_44) + (-0.016096033f)) * erf_x_44) / (((((((((-0.0000145660715f) * erf_x2_44) + (-0.00021337405f)) * erf_x2_44) + (-0.001682827f)) * erf_x2_44) + (-0.0073733293f)) * erf_x2_44) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_4)] = ((0.5f * acc_44) * (1.0f + erf_44));
  }
  if (((row_5 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_45 = fminf(fmaxf((acc_45 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_45 = (erf_x_45 * erf_x_45);
    const float erf_45 = (((((((((((((((-2.7261424e-10f) * erf_x2_45) + 2.7706815e-8f) * erf_x2_45) + (-0.000002101024f)) * erf_x2_45) + (-0.000056925062f)) * erf_x2_45) + (-0.00073499064f)) * erf_x2_45) + (-0.0029546f)) * erf_x2_45) + (-0.016096033f)) * erf_x_45) / (((((((((-0.0000145660715f) * erf_x2_45) + (-0.00021337405f)) * erf_x2_45) + (-0.001682827f)) * erf_x2_45) + (-0.0073733293f)) * erf_x2_45) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_5)] = ((0.5f * acc_45) * (1.0f + erf_45));
  }
  if (((row_5 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_46 = fminf(fmaxf((acc_46 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_46 = (erf_x_46 * erf_x_46);
    const float erf_46 = (((((((((((((((-2.7261424e-10f) * erf_x2_46) + 2.7706815e-8f) * erf_x2_46) + (-0.000002101024f)) * erf_x2_46) + (-0.000056925062f)) * erf_x2_46) + (-0.00073499064f)) * erf_x2_46) + (-0.0029546f)) * erf_x2_46) + (-0.016096033f)) * erf_x_46) / (((((((((-0.0000145660715f) * erf_x2_46) + (-0.00021337405f)) * erf_x2_46) + (-0.001682827f)) * erf_x2_46) + (-0.0073733293f)) * erf_x2_46) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_6)] = ((0.5f * acc_46) * (1.0f + erf_46));
  }
  if (((row_5 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_47 = fminf(fmaxf((acc_47 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_47 = (erf_x_47 * erf_x_47);
    const float erf_47 = (((((((((((((((-2.7261424e-10f) * erf_x2_47) + 2.7706815e-8f) * erf_x2_47) + (-0.000002101024f)) * erf_x2_47) + (-0.000056925062f)) * erf_x2_47) + (-0.00073499064f)) * erf_x2_47) + (-0.0029546f)) * erf_x2_47) + (-0.016096033f)) * erf_x_47) / (((((((((-0.0000145660715f) * erf_x2_47) + (-0.00021337405f)) * erf_x2_47) + (-0.001682827f)) * erf_x2_47) + (-0.0073733293f)) * erf_x2_47) + (-0.014264739f)));
    y[((row_5 * 4096u) + col_7)] = ((0.5f * acc_47) * (1.0f + erf_47));
  }
  if (((row_6 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_48 = fminf(fmaxf((acc_48 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_48 = (erf_x_48 * erf_x_48);
    const float erf_48 = (((((((((((((((-2.7261424e-10f) * erf_x2_48) + 2.7706815e-8f) * erf_x2_48) + (-0.000002101024f)) * erf_x2_48) + (-0.000056925062f)) * erf_x2_48) + (-0.00073499064f)) * erf_x2_48) + (-0.0029546f)) * erf_x2_48) + (-0.016096033f)) * erf_x_48) / (((((((((-0.0000145660715f) * erf_x2_48) + (-0.00021337405f)) * erf_x2_48) + (-0.001682827f)) * erf_x2_48) + (-0.0073733293f)) * erf_x2_48) + (-0.014264739f)));
    y[((row_6 * 4096u) + col)] = ((0.5f * acc_48) * (1.0f + erf_48));
  }
  if (((row_6 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_49 = fminf(fmaxf((acc_49 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_49 = (erf_x_49 * erf_x_49);
    const float erf_49 = (((((((((((((((-2.7261424e-10f) * erf_x2_49) + 2.7706815e-8f) * erf_x2_49) + (-0.000002101024f)) * erf_x2_49) + (-0.000056925062f)) * erf_x2_49) + (-0.00073499064f)) * erf_x2_49) + (-0.0029546f)) * erf_x2_49) + (-0.016096033f)) * erf_x_49) / (((((((((-0.0000145660715f) * erf_x2_49) + (-0.00021337405f)) * erf_x2_49) + (-0.001682827f)) * erf_x2_49) + (-0.0073733293f)) * erf_x2_49) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_1)] = ((0.5f * acc_49) * (1.0f + erf_49));
  }
  if (((row_6 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_50 = fminf(fmaxf((acc_50 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_50 = (erf_x_50 * erf_x_50);
    const float erf_50 = (((((((((((((((-2.7261424e-10f) * erf_x2_50) + 2.7706815e-8f) * erf_x2_50) + (-0.000002101024f)) * erf_x2_50) + (-0.000056925062f)) * erf_x2_50) + (-0.00073499064f)) * erf_x2_50) + (-0.0029546f)) * erf_x2_50) + (-0.016096033f)) * erf_x_50) / (((((((((-0.0000145660715f) * erf_x2_50) + (-0.00021337405f)) * erf_x2_50) + (-0.001682827f)) * erf_x2_50) + (-0.0073733293f)) * erf_x2_50) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_2)] = ((0.5f * acc_50) * (1.0f + erf_50));
  }
  if (((row_6 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_51 = fminf(fmaxf((acc_51 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_51 = (erf_x_51 * erf_x_51);
    const float erf_51 = (((((((((((((((-2.7261424e-10f) * erf_x2_51) + 2.7706815e-8f) * erf_x2_51) + (-0.000002101024f)) * erf_x2_51) + (-0.000056925062f)) * erf_x2_51) + (-0.00073499064f)) * erf_x2_51) + (-0.0029546f)) * erf_x2_51) + (-0.016096033f)) * erf_x_51) / (((((((((-0.0000145660715f) * erf_x2_51) + (-0.00021337405f)) * erf_x2_51) + (-0.001682827f)) * erf_x2_51) + (-0.0073733293f)) * erf_x2_51) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_3)] = ((0.5f * acc_51) * (1.0f + erf_51));
  }
  if (((row_6 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_52 = fminf(fmaxf((acc_52 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_52 = (erf_x_52 * erf_x_52);
    const float erf_52 = (((((((((((((((-2.7261424e-10f) * erf_x2_52) + 2.7706815e-8f) * erf_x2_52) + (-0.000002101024f)) * erf_x2_52) + (-0.000056925062f)) * erf_x2_52) + (-0.00073499064f)) * erf_x2_52) + (-0.0029546f)) * erf_x2_52) + (-0.016096033f)) * erf_x_52) / (((((((((-0.0000145660715f) * erf_x2_52) + (-0.00021337405f)) * erf_x2_52) + (-0.001682827f)) * erf_x2_52) + (-0.0073733293f)) * erf_x2_52) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_4)] = ((0.5f * acc_52) * (1.0f + erf_52));
  }
  if (((row_6 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_53 = fminf(fmaxf((acc_53 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_53 = (erf_x_53 * erf_x_53);
    const float erf_53 = (((((((((((((((-2.7261424e-10f) * erf_x2_53) + 2.7706815e-8f) * erf_x2_53) + (-0.000002101024f)) * erf_x2_53) + (-0.000056925062f)) * erf_x2_53) + (-0.00073499064f)) * erf_x2_53) + (-0.0029546f)) * erf_x2_53) + (-0.016096033f)) * erf_x_53) / (((((((((-0.0000145660715f) * erf_x2_53) + (-0.00021337405f)) * erf_x2_53) + (-0.001682827f)) * erf_x2_53) + (-0.0073733293f)) * erf_x2_53) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_5)] = ((0.5f * acc_53) * (1.0f + erf_53));
  }
  if (((row_6 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_54 = fminf(fmaxf((acc_54 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_54 = (erf_x_54 * erf_x_54);
    const float erf_54 = (((((((((((((((-2.7261424e-10f) * erf_x2_54) + 2.7706815e-8f) * erf_x2_54) + (-0.000002101024f)) * erf_x2_54) + (-0.000056925062f)) * erf_x2_54) + (-0.00073499064f)) * erf_x2_54) + (-0.0029546f)) * erf_x2_54) + (-0.016096033f)) * erf_x_54) / (((((((((-0.0000145660715f) * erf_x2_54) + (-0.00021337405f)) * erf_x2_54) + (-0.001682827f)) * erf_x2_54) + (-0.0073733293f)) * erf_x2_54) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_6)] = ((0.5f * acc_54) * (1.0f + erf_54));
  }
  if (((row_6 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_55 = fminf(fmaxf((acc_55 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_55 = (erf_x_55 * erf_x_55);
    const float erf_55 = (((((((((((((((-2.7261424e-10f) * erf_x2_55) + 2.7706815e-8f) * erf_x2_55) + (-0.000002101024f)) * erf_x2_55) + (-0.000056925062f)) * erf_x2_55) + (-0.00073499064f)) * erf_x2_55) + (-0.0029546f)) * erf_x2_55) + (-0.016096033f)) * erf_x_55) / (((((((((-0.0000145660715f) * erf_x2_55) + (-0.00021337405f)) * erf_x2_55) + (-0.001682827f)) * erf_x2_55) + (-0.0073733293f)) * erf_x2_55) + (-0.014264739f)));
    y[((row_6 * 4096u) + col_7)] = ((0.5f * acc_55) * (1.0f + erf_55));
  }
  if (((row_7 < nc_u.rows) && (col < 4096u))) {
    const float erf_x_56 = fminf(fmaxf((acc_56 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_56 = (erf_x_56 * erf_x_56);
    const float erf_56 = (((((((((((((((-2.7261424e-10f) * erf_x2_56) + 2.7706815e-8f) * erf_x2_56) + (-0.000002101024f)) * erf_x2_56) + (-0.000056925062f)) * erf_x2_56) + (-0.00073499064f)) * erf_x2_56) + (-0.0029546f)) * erf_x2_56) + (-0.016096033f)) * erf_x_56) / (((((((((-0.0000145660715f) * erf_x2_56) + (-0.00021337405f)) * erf_x2_56) + (-0.001682827f)) * erf_x2_56) + (-0.0073733293f)) * erf_x2_56) + (-0.014264739f)));
    y[((row_7 * 4096u) + col)] = ((0.5f * acc_56) * (1.0f + erf_56));
  }
  if (((row_7 < nc_u.rows) && (col_1 < 4096u))) {
    const float erf_x_57 = fminf(fmaxf((acc_57 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_57 = (erf_x_57 * erf_x_57);
    const float erf_57 = (((((((((((((((-2.7261424e-10f) * erf_x2_57) + 2.7706815e-8f) * erf_x2_57) + (-0.000002101024f)) * erf_x2_57) + (-0.000056925062f)) * erf_x2_57) + (-0.00073499064f)) * erf_x2_57) + (-0.0029546f)) * erf_x2_57) + (-0.016096033f)) * erf_x_57) / (((((((((-0.0000145660715f) * erf_x2_57) + (-0.00021337405f)) * erf_x2_57) + (-0.001682827f)) * erf_x2_57) + (-0.0073733293f)) * erf_x2_57) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_1)] = ((0.5f * acc_57) * (1.0f + erf_57));
  }
  if (((row_7 < nc_u.rows) && (col_2 < 4096u))) {
    const float erf_x_58 = fminf(fmaxf((acc_58 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_58 = (erf_x_58 * erf_x_58);
    const float erf_58 = (((((((((((((((-2.7261424e-10f) * erf_x2_58) + 2.7706815e-8f) * erf_x2_58) + (-0.000002101024f)) * erf_x2_58) + (-0.000056925062f)) * erf_x2_58) + (-0.00073499064f)) * erf_x2_58) + (-0.0029546f)) * erf_x2_58) + (-0.016096033f)) * erf_x_58) / (((((((((-0.0000145660715f) * erf_x2_58) + (-0.00021337405f)) * erf_x2_58) + (-0.001682827f)) * erf_x2_58) + (-0.0073733293f)) * erf_x2_58) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_2)] = ((0.5f * acc_58) * (1.0f + erf_58));
  }
  if (((row_7 < nc_u.rows) && (col_3 < 4096u))) {
    const float erf_x_59 = fminf(fmaxf((acc_59 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_59 = (erf_x_59 * erf_x_59);
    const float erf_59 = (((((((((((((((-2.7261424e-10f) * erf_x2_59) + 2.7706815e-8f) * erf_x2_59) + (-0.000002101024f)) * erf_x2_59) + (-0.000056925062f)) * erf_x2_59) + (-0.00073499064f)) * erf_x2_59) + (-0.0029546f)) * erf_x2_59) + (-0.016096033f)) * erf_x_59) / (((((((((-0.0000145660715f) * erf_x2_59) + (-0.00021337405f)) * erf_x2_59) + (-0.001682827f)) * erf_x2_59) + (-0.0073733293f)) * erf_x2_59) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_3)] = ((0.5f * acc_59) * (1.0f + erf_59));
  }
  if (((row_7 < nc_u.rows) && (col_4 < 4096u))) {
    const float erf_x_60 = fminf(fmaxf((acc_60 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_60 = (erf_x_60 * erf_x_60);
    const float erf_60 = (((((((((((((((-2.7261424e-10f) * erf_x2_60) + 2.7706815e-8f) * erf_x2_60) + (-0.000002101024f)) * erf_x2_60) + (-0.000056925062f)) * erf_x2_60) + (-0.00073499064f)) * erf_x2_60) + (-0.0029546f)) * erf_x2_60) + (-0.016096033f)) * erf_x_60) / (((((((((-0.0000145660715f) * erf_x2_60) + (-0.00021337405f)) * erf_x2_60) + (-0.001682827f)) * erf_x2_60) + (-0.0073733293f)) * erf_x2_60) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_4)] = ((0.5f * acc_60) * (1.0f + erf_60));
  }
  if (((row_7 < nc_u.rows) && (col_5 < 4096u))) {
    const float erf_x_61 = fminf(fmaxf((acc_61 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_61 = (erf_x_61 * erf_x_61);
    const float erf_61 = (((((((((((((((-2.7261424e-10f) * erf_x2_61) + 2.7706815e-8f) * erf_x2_61) + (-0.000002101024f)) * erf_x2_61) + (-0.000056925062f)) * erf_x2_61) + (-0.00073499064f)) * erf_x2_61) + (-0.0029546f)) * erf_x2_61) + (-0.016096033f)) * erf_x_61) / (((((((((-0.0000145660715f) * erf_x2_61) + (-0.00021337405f)) * erf_x2_61) + (-0.001682827f)) * erf_x2_61) + (-0.0073733293f)) * erf_x2_61) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_5)] = ((0.5f * acc_61) * (1.0f + erf_61));
  }
  if (((row_7 < nc_u.rows) && (col_6 < 4096u))) {
    const float erf_x_62 = fminf(fmaxf((acc_62 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_62 = (erf_x_62 * erf_x_62);
    const float erf_62 = (((((((((((((((-2.7261424e-10f) * erf_x2_62) + 2.7706815e-8f) * erf_x2_62) + (-0.000002101024f)) * erf_x2_62) + (-0.000056925062f)) * erf_x2_62) + (-0.00073499064f)) * erf_x2_62) + (-0.0029546f)) * erf_x2_62) + (-0.016096033f)) * erf_x_62) / (((((((((-0.0000145660715f) * erf_x2_62) + (-0.00021337405f)) * erf_x2_62) + (-0.001682827f)) * erf_x2_62) + (-0.0073733293f)) * erf_x2_62) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_6)] = ((0.5f * acc_62) * (1.0f + erf_62));
  }
  if (((row_7 < nc_u.rows) && (col_7 < 4096u))) {
    const float erf_x_63 = fminf(fmaxf((acc_63 * 0.70710677f), (-4.0f)), 4.0f);
    const float erf_x2_63 = (erf_x_63 * erf_x_63);
    const float erf_63 = (((((((((((((((-2.7261424e-10f) * erf_x2_63) + 2.7706815e-8f) * erf_x2_63) + (-0.000002101024f)) * erf_x2_63) + (-0.000056925062f)) * erf_x2_63) + (-0.00073499064f)) * erf_x2_63) + (-0.0029546f)) * erf_x2_63) + (-0.016096033f)) * erf_x_63) / (((((((((-0.0000145660715f) * erf_x2_63) + (-0.00021337405f)) * erf_x2_63) + (-0.001682827f)) * erf_x2_63) + (-0.0073733293f)) * erf_x2_63) + (-0.014264739f)));
    y[((row_7 * 4096u) + col_7)] = ((0.5f * acc_63) * (1.0f + erf_63));
  }
}
