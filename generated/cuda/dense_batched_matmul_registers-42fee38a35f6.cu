// neocc dense_batched_matmul: out[p] = lhs[p % lhs_mod] · rhs[p % rhs_mod], registers 32x32 tile, 4x4 per invocation
// baseline: the upstream (dense block-diagonal) NeoCell method; run-time: m, n, k and batch mapping (uniforms)
// CUDA: dense_batched_matmul_registers_b01366b3<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (lhs, rhs, out, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_dense_batched_matmul_registers_b01366b3
#define NEOCC_PARAMS_dense_batched_matmul_registers_b01366b3
struct dense_batched_matmul_registers_b01366b3_Params {
  unsigned int m;
  unsigned int n;
  unsigned int k;
  unsigned int lhs_mod;
  unsigned int rhs_mod;
};
#endif

extern "C" __global__ void __launch_bounds__(64) dense_batched_matmul_registers_b01366b3(const float* __restrict__ lhs, const float* __restrict__ rhs, float* __restrict__ out, const dense_batched_matmul_registers_b01366b3_Params nc_u) {
  const unsigned int lhs_base = (nc_umod(blockIdx.z, nc_u.lhs_mod) * (nc_u.m * nc_u.k));
  const unsigned int rhs_base = (nc_umod(blockIdx.z, nc_u.rhs_mod) * (nc_u.k * nc_u.n));
  const unsigned int row0 = (blockIdx.y * 32u);
  const unsigned int col0 = (blockIdx.x * 32u);
  const unsigned int tx = (threadIdx.x % 8u);
  const unsigned int ty = (threadIdx.x / 8u);
  const unsigned int row = (row0 + ty);
  const unsigned int row_1 = (row0 + (ty + 8u));
  const unsigned int row_2 = (row0 + (ty + 16u));
  const unsigned int row_3 = (row0 + (ty + 24u));
  const unsigned int col = (col0 + tx);
  const unsigned int col_1 = (col0 + (tx + 8u));
  const unsigned int col_2 = (col0 + (tx + 16u));
  const unsigned int col_3 = (col0 + (tx + 24u));
  float acc_0_0 = 0.0f;
  float acc_0_1 = 0.0f;
  float acc_0_2 = 0.0f;
  float acc_0_3 = 0.0f;
  float acc_1_0 = 0.0f;
  float acc_1_1 = 0.0f;
  float acc_1_2 = 0.0f;
  float acc_1_3 = 0.0f;
  float acc_2_0 = 0.0f;
  float acc_2_1 = 0.0f;
  float acc_2_2 = 0.0f;
  float acc_2_3 = 0.0f;
  float acc_3_0 = 0.0f;
  float acc_3_1 = 0.0f;
  float acc_3_2 = 0.0f;
  float acc_3_3 = 0.0f;
  const unsigned int lhs_row = (lhs_base + (min(row, (nc_u.m - 1u)) * nc_u.k));
  const unsigned int lhs_row_1 = (lhs_base + (min(row_1, (nc_u.m - 1u)) * nc_u.k));
  const unsigned int lhs_row_2 = (lhs_base + (min(row_2, (nc_u.m - 1u)) * nc_u.k));
  const unsigned int lhs_row_3 = (lhs_base + (min(row_3, (nc_u.m - 1u)) * nc_u.k));
  const unsigned int rhs_col = (rhs_base + min(col, (nc_u.n - 1u)));
  const unsigned int rhs_col_1 = (rhs_base + min(col_1, (nc_u.n - 1u)));
  const unsigned int rhs_col_2 = (rhs_base + min(col_2, (nc_u.n - 1u)));
  const unsigned int rhs_col_3 = (rhs_base + min(col_3, (nc_u.n - 1u)));
  for (unsigned int kk = 0u; kk < nc_u.k; kk += 1u) {
    const float a = lhs[(lhs_row + kk)];
    const float a_1 = lhs[(lhs_row_1 + kk)];
    const float a_2 = lhs[(lhs_row_2 + kk)];
    const float a_3 = lhs[(lhs_row_3 + kk)];
    const float b = rhs[(rhs_col + (kk * nc_u.n))];
    const float b_1 = rhs[(rhs_col_1 + (kk * nc_u.n))];
    const float b_2 = rhs[(rhs_col_2 + (kk * nc_u.n))];
    const float b_3 = rhs[(rhs_col_3 + (kk * nc_u.n))];
    acc_0_0 = (acc_0_0 + (a * b));
    acc_0_1 = (acc_0_1 + (a * b_1));
    acc_0_2 = (acc_0_2 + (a * b_2));
    acc_0_3 = (acc_0_3 + (a * b_3));
    acc_1_0 = (acc_1_0 + (a_1 * b));
    acc_1_1 = (acc_1_1 + (a_1 * b_1));
    acc_1_2 = (acc_1_2 + (a_1 * b_2));
    acc_1_3 = (acc_1_3 + (a_1 * b_3));
    acc_2_0 = (acc_2_0 + (a_2 * b));
    acc_2_1 = (acc_2_1 + (a_2 * b_1));
    acc_2_2 = (acc_2_2 + (a_2 * b_2));
    acc_2_3 = (acc_2_3 + (a_2 * b_3));
    acc_3_0 = (acc_3_0 + (a_3 * b));
    acc_3_1 = (acc_3_1 + (a_3 * b_1));
    acc_3_2 = (acc_3_2 + (a_3 * b_2));
    acc_3_3 = (acc_3_3 + (a_3 * b_3));
  }
  const unsigned int out_base = (blockIdx.z * (nc_u.m * nc_u.n));
  if (((row < nc_u.m) && (col < nc_u.n))) {
    out[(out_base + ((row * nc_u.n) + col))] = acc_0_0;
  }
  if (((row < nc_u.m) && (col_1 < nc_u.n))) {
    out[(out_base + ((row * nc_u.n) + col_1))] = acc_0_1;
  }
  if (((row < nc_u.m) && (col_2 < nc_u.n))) {
    out[(out_base + ((row * nc_u.n) + col_2))] = acc_0_2;
  }
  if (((row < nc_u.m) && (col_3 < nc_u.n))) {
    out[(out_base + ((row * nc_u.n) + col_3))] = acc_0_3;
  }
  if (((row_1 < nc_u.m) && (col < nc_u.n))) {
    out[(out_base + ((row_1 * nc_u.n) + col))] = acc_1_0;
  }
  if (((row_1 < nc_u.m) && (col_1 < nc_u.n))) {
    out[(out_base + ((row_1 * nc_u.n) + col_1))] = acc_1_1;
  }
  if (((row_1 < nc_u.m) && (col_2 < nc_u.n))) {
    out[(out_base + ((row_1 * nc_u.n) + col_2))] = acc_1_2;
  }
  if (((row_1 < nc_u.m) && (col_3 < nc_u.n))) {
    out[(out_base + ((row_1 * nc_u.n) + col_3))] = acc_1_3;
  }
  if (((row_2 < nc_u.m) && (col < nc_u.n))) {
    out[(out_base + ((row_2 * nc_u.n) + col))] = acc_2_0;
  }
  if (((row_2 < nc_u.m) && (col_1 < nc_u.n))) {
    out[(out_base + ((row_2 * nc_u.n) + col_1))] = acc_2_1;
  }
  if (((row_2 < nc_u.m) && (col_2 < nc_u.n))) {
    out[(out_base + ((row_2 * nc_u.n) + col_2))] = acc_2_2;
  }
  if (((row_2 < nc_u.m) && (col_3 < nc_u.n))) {
    out[(out_base + ((row_2 * nc_u.n) + col_3))] = acc_2_3;
  }
  if (((row_3 < nc_u.m) && (col < nc_u.n))) {
    out[(out_base + ((row_3 * nc_u.n) + col))] = acc_3_0;
  }
  if (((row_3 < nc_u.m) && (col_1 < nc_u.n))) {
    out[(out_base + ((row_3 * nc_u.n) + col_1))] = acc_3_1;
  }
  if (((row_3 < nc_u.m) && (col_2 < nc_u.n))) {
    out[(out_base + ((row_3 * nc_u.n) + col_2))] = acc_3_2;
  }
  if (((row_3 < nc_u.m) && (col_3 < nc_u.n))) {
    out[(out_base + ((row_3 * nc_u.n) + col_3))] = acc_3_3;
  }
}
