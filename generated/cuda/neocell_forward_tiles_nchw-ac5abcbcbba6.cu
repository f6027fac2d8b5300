// neocc neocell_forward_tiles_nchw: y = NeoCell(x), NCHW output, one output block per invocation, workgroup 64
// baked spec: [{"hIn":4,"hOut":4,"wIn":4,"wOut":4,"shiftA":1,"shiftB":1,"channels":192},{"hIn":7,"hOut":7,"wIn":7,"wOut":7,"shiftA":1,"shiftB":1,"channels":192}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_forward_tiles_nchw_8a18cb9a<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, wa, wb, y, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_forward_tiles_nchw_8a18cb9a
#define NEOCC_PARAMS_neocell_forward_tiles_nchw_8a18cb9a
struct neocell_forward_tiles_nchw_8a18cb9a_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_forward_tiles_nchw_8a18cb9a(const float* __restrict__ x, const float* __restrict__ wa, const float* __restrict__ wb, float* __restrict__ y, const neocell_forward_tiles_nchw_8a18cb9a_Params nc_u) {
  const unsigned int tile = ((blockIdx.x * 64u) + threadIdx.x);
  if ((blockIdx.y < 192u)) {
    // channels [0, 192): weight_a 4x4 shift 1, weight_b 4x4 shift 1
    const unsigned int offset_a = min((blockIdx.y / 48u), 3u);
    const unsigned int offset_b = min((blockIdx.y / 48u), 3u);
    const unsigned int wa_base = (blockIdx.y * 16u);
    const unsigned int wb_base = (blockIdx.y * 16u);
    const unsigned int placements = (((0u < offset_a) ? 1u : 0u) + min((((nc_u.out_h - offset_a) + 3u) / 4u), (((nc_u.in_h - offset_a) + 3u) / 4u)));
    const unsigned int placements_1 = (((0u < offset_b) ? 1u : 0u) + min((((nc_u.in_w - offset_b) + 3u) / 4u), (((nc_u.out_w - offset_b) + 3u) / 4u)));
    const unsigned int pa = nc_udiv(tile, placements_1);
    if ((pa >= placements)) {
      return;
    }
    const unsigned int pb = nc_umod(tile, placements_1);
    const unsigned int y_row_start = (offset_a + (((pa + 1u) - ((0u < offset_a) ? 1u : 0u)) * 4u));
    const unsigned int y_row_last = (nc_u.out_h - 1u);
    const bool y_row_ok = ((y_row_start >= 4u) && (y_row_start < (nc_u.out_h + 4u)));
    const unsigned int y_row_at = min((max(y_row_start, 4u) - 4u), y_row_last);
    const unsigned int y_row_pos = (y_row_start + 1u);
    const bool y_row_ok_1 = ((y_row_pos >= 4u) && (y_row_pos < (nc_u.out_h + 4u)));
    const unsigned int y_row_at_1 = min((max(y_row_pos, 4u) - 4u), y_row_last);
    const unsigned int y_row_pos_1 = (y_row_start + 2u);
    const bool y_row_ok_2 = ((y_row_pos_1 >= 4u) && (y_row_pos_1 < (nc_u.out_h + 4u)));
    const unsigned int y_row_at_2 = min((max(y_row_pos_1, 4u) - 4u), y_row_last);
    const unsigned int y_row_pos_2 = (y_row_start + 3u);
    const bool y_row_ok_3 = ((y_row_pos_2 >= 4u) && (y_row_pos_2 < (nc_u.out_h + 4u)));
    const unsigned int y_row_at_3 = min((max(y_row_pos_2, 4u) - 4u), y_row_last);
    const unsigned int x_row_start = (offset_a + (((pa + 1u) - ((0u < offset_a) ? 1u : 0u)) * 4u));
    const unsigned int x_row_last = (nc_u.in_h - 1u);
    const unsigned int x_col_start = (offset_b + (((pb + 1u) - ((0u < offset_b) ? 1u : 0u)) * 4u));
    const unsigned int x_col_last = (nc_u.in_w - 1u);
    const bool x_col_ok = ((x_col_start >= 4u) && (x_col_start < (nc_u.in_w + 4u)));
    const unsigned int x_col_at = min((max(x_col_start, 4u) - 4u), x_col_last);
    const unsigned int x_col_pos = (x_col_start + 1u);
    const bool x_col_ok_1 = ((x_col_pos >= 4u) && (x_col_pos < (nc_u.in_w + 4u)));
    const unsigned int x_col_at_1 = min((max(x_col_pos, 4u) - 4u), x_col_last);
    const unsigned int x_col_pos_1 = (x_col_start + 2u);
    const bool x_col_ok_2 = ((x_col_pos_1 >= 4u) && (x_col_pos_1 < (nc_u.in_w + 4u)));
    const unsigned int x_col_at_2 = min((max(x_col_pos_1, 4u) - 4u), x_col_last);
    const unsigned int x_col_pos_2 = (x_col_start + 3u);
    const bool x_col_ok_3 = ((x_col_pos_2 >= 4u) && (x_col_pos_2 < (nc_u.in_w + 4u)));
    const unsigned int x_col_at_3 = min((max(x_col_pos_2, 4u) - 4u), x_col_last);
    const unsigned int y_col_start = (offset_b + (((pb + 1u) - ((0u < offset_b) ? 1u : 0u)) * 4u));
    const unsigned int y_col_last = (nc_u.out_w - 1u);
    const bool y_col_ok = ((y_col_start >= 4u) && (y_col_start < (nc_u.out_w + 4u)));
    const unsigned int y_col_at = min((max(y_col_start, 4u) - 4u), y_col_last);
    const unsigned int y_col_pos = (y_col_start + 1u);
    const bool y_col_ok_1 = ((y_col_pos >= 4u) && (y_col_pos < (nc_u.out_w + 4u)));
    const unsigned int y_col_at_1 = min((max(y_col_pos, 4u) - 4u), y_col_last);
    const unsigned int y_col_pos_1 = (y_col_start + 2u);
    const bool y_col_ok_2 = ((y_col_pos_1 >= 4u) && (y_col_pos_1 < (nc_u.out_w + 4u)));
    const unsigned int y_col_at_2 = min((max(y_col_pos_1, 4u) - 4u), y_col_last);
    const unsigned int y_col_pos_2 = (y_col_start + 3u);
    const bool y_col_ok_3 = ((y_col_pos_2 >= 4u) && (y_col_pos_2 < (nc_u.out_w + 4u)));
    const unsigned int y_col_at_3 = min((max(y_col_pos_2, 4u) - 4u), y_col_last);
    // B weights: the whole 4x4 kernel of this channel (the same for all its blocks: uniform loads)
    const float wb_0_0 = wb[wb_base];
    const float wb_0_1 = wb[(wb_base + 1u)];
    const float wb_0_2 = wb[(wb_base + 2u)];
    const float wb_0_3 = wb[(wb_base + 3u)];
    const float wb_1_0 = wb[(wb_base + 4u)];
    const float wb_1_1 = wb[(wb_base + 5u)];
    const float wb_1_2 = wb[(wb_base + 6u)];
    const float wb_1_3 = wb[(wb_base + 7u)];
    const float wb_2_0 = wb[(wb_base + 8u)];
    const float wb_2_1 = wb[(wb_base + 9u)];
    const float wb_2_2 = wb[(wb_base + 10u)];
    const float wb_2_3 = wb[(wb_base + 11u)];
    const float wb_3_0 = wb[(wb_base + 12u)];
    const float wb_3_1 = wb[(wb_base + 13u)];
    const float wb_3_2 = wb[(wb_base + 14u)];
    const float wb_3_3 = wb[(wb_base + 15u)];
    const unsigned int plane = (((blockIdx.z * 384u) + blockIdx.y) * (nc_u.in_h * nc_u.in_w));
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
    for (unsigned int h = 0u; h < 4u; h += 1u) {
      // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
      const unsigned int x_row_pos = (x_row_start + h);
      const bool x_row_ok = ((x_row_pos >= 4u) && (x_row_pos < (nc_u.in_h + 4u)));
      const unsigned int x_row_at = min((max(x_row_pos, 4u) - 4u), x_row_last);
      const unsigned int x_row_base = (plane + (x_row_at * nc_u.in_w));
      const float x_0 = ((x_row_ok && x_col_ok) ? x[(x_row_base + x_col_at)] : 0.0f);
      const float x_1 = ((x_row_ok && x_col_ok_1) ? x[(x_row_base + x_col_at_1)] : 0.0f);
      const float x_2 = ((x_row_ok && x_col_ok_2) ? x[(x_row_base + x_col_at_2)] : 0.0f);
      const float x_3 = ((x_row_ok && x_col_ok_3) ? x[(x_row_base + x_col_at_3)] : 0.0f);
      const float wa_0 = wa[(wa_base + h)];
      const float wa_1 = wa[(wa_base + (4u + h))];
      const float wa_2 = wa[(wa_base + (8u + h))];
      const float wa_3 = wa[(wa_base + (12u + h))];
      const float t_0 = ((((x_0 * wb_0_0) + (x_1 * wb_1_0)) + (x_2 * wb_2_0)) + (x_3 * wb_3_0));
      acc_0_0 = (acc_0_0 + (wa_0 * t_0));
      acc_1_0 = (acc_1_0 + (wa_1 * t_0));
      acc_2_0 = (acc_2_0 + (wa_2 * t_0));
      acc_3_0 = (acc_3_0 + (wa_3 * t_0));
      const float t_1 = ((((x_0 * wb_0_1) + (x_1 * wb_1_1)) + (x_2 * wb_2_1)) + (x_3 * wb_3_1));
      acc_0_1 = (acc_0_1 + (wa_0 * t_1));
      acc_1_1 = (acc_1_1 + (wa_1 * t_1));
      acc_2_1 = (acc_2_1 + (wa_2 * t_1));
      acc_3_1 = (acc_3_1 + (wa_3 * t_1));
      const float t_2 = ((((x_0 * wb_0_2) + (x_1 * wb_1_2)) + (x_2 * wb_2_2)) + (x_3 * wb_3_2));
      acc_0_2 = (acc_0_2 + (wa_0 * t_2));
      acc_1_2 = (acc_1_2 + (wa_1 * t_2));
      acc_2_2 = (acc_2_2 + (wa_2 * t_2));
      acc_3_2 = (acc_3_2 + (wa_3 * t_2));
      const float t_3 = ((((x_0 * wb_0_3) + (x_1 * wb_1_3)) + (x_2 * wb_2_3)) + (x_3 * wb_3_3));
      acc_0_3 = (acc_0_3 + (wa_0 * t_3));
      acc_1_3 = (acc_1_3 + (wa_1 * t_3));
      acc_2_3 = (acc_2_3 + (wa_2 * t_3));
      acc_3_3 = (acc_3_3 + (wa_3 * t_3));
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    if ((y_row_ok && y_col_ok)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at) * nc_u.out_w) + y_col_at)] = acc_0_0;
    }
    if ((y_row_ok && y_col_ok_1)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at) * nc_u.out_w) + y_col_at_1)] = acc_0_1;
    }
    if ((y_row_ok && y_col_ok_2)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at) * nc_u.out_w) + y_col_at_2)] = acc_0_2;
    }
    if ((y_row_ok && y_col_ok_3)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at) * nc_u.out_w) + y_col_at_3)] = acc_0_3;
    }
    if ((y_row_ok_1 && y_col_ok)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_1) * nc_u.out_w) + y_col_at)] = acc_1_0;
    }
    if ((y_row_ok_1 && y_col_ok_1)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_1) * nc_u.out_w) + y_col_at_1)] = acc_1_1;
    }
    if ((y_row_ok_1 && y_col_ok_2)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_1) * nc_u.out_w) + y_col_at_2)] = acc_1_2;
    }
    if ((y_row_ok_1 && y_col_ok_3)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_1) * nc_u.out_w) + y_col_at_3)] = acc_1_3;
    }
    if ((y_row_ok_2 && y_col_ok)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_2) * nc_u.out_w) + y_col_at)] = acc_2_0;
    }
    if ((y_row_ok_2 && y_col_ok_1)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_2) * nc_u.out_w) + y_col_at_1)] = acc_2_1;
    }
    if ((y_row_ok_2 && y_col_ok_2)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_2) * nc_u.out_w) + y_col_at_2)] = acc_2_2;
    }
    if ((y_row_ok_2 && y_col_ok_3)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_2) * nc_u.out_w) + y_col_at_3)] = acc_2_3;
    }
    if ((y_row_ok_3 && y_col_ok)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_3) * nc_u.out_w) + y_col_at)] = acc_3_0;
    }
    if ((y_row_ok_3 && y_col_ok_1)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_3) * nc_u.out_w) + y_col_at_1)] = acc_3_1;
    }
    if ((y_row_ok_3 && y_col_ok_2)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_3) * nc_u.out_w) + y_col_at_2)] = acc_3_2;
    }
    if ((y_row_ok_3 && y_col_ok_3)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_3) * nc_u.out_w) + y_col_at_3)] = acc_3_3;
    }
  } else {
    // channels [192, 384): weight_a 7x7 shift 1, weight_b 7x7 shift 1
    const unsigned int local_c = (blockIdx.y - 192u);
    const unsigned int offset_a_1 = min((local_c / 27u), 6u);
    const unsigned int offset_b_1 = min((local_c / 27u), 6u);
    const unsigned int wa_base_1 = (3072u + (local_c * 49u));
    const unsigned int wb_base_1 = (3072u + (local_c * 49u));
    const unsigned int placements_2 = (((0u < offset_a_1) ? 1u : 0u) + min((((nc_u.out_h - offset_a_1) + 6u) / 7u), (((nc_u.in_h - offset_a_1) + 6u) / 7u)));
    const unsigned int placements_3 = (((0u < offset_b_1) ? 1u : 0u) + min((((nc_u.in_w - offset_b_1) + 6u) / 7u), (((nc_u.out_w - offset_b_1) + 6u) / 7u)));
    const unsigned int pa_1 = nc_udiv(tile, placements_3);
    if ((pa_1 >= placements_2)) {
      return;
    }
    const unsigned int pb_1 = nc_umod(tile, placements_3);
    const unsigned int y_row_start_1 = (offset_a_1 + (((pa_1 + 1u) - ((0u < offset_a_1) ? 1u : 0u)) * 7u));
    const unsigned int y_row_last_1 = (nc_u.out_h - 1u);
    const bool y_row_ok_4 = ((y_row_start_1 >= 7u) && (y_row_start_1 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_4 = min((max(y_row_start_1, 7u) - 7u), y_row_last_1);
    const unsigned int y_row_pos_3 = (y_row_start_1 + 1u);
    const bool y_row_ok_5 = ((y_row_pos_3 >= 7u) && (y_row_pos_3 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_5 = min((max(y_row_pos_3, 7u) - 7u), y_row_last_1);
    const unsigned int y_row_pos_4 = (y_row_start_1 + 2u);
    const bool y_row_ok_6 = ((y_row_pos_4 >= 7u) && (y_row_pos_4 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_6 = min((max(y_row_pos_4, 7u) - 7u), y_row_last_1);
    const unsigned int y_row_pos_5 = (y_row_start_1 + 3u);
    const bool y_row_ok_7 = ((y_row_pos_5 >= 7u) && (y_row_pos_5 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_7 = min((max(y_row_pos_5, 7u) - 7u), y_row_last_1);
    const unsigned int y_row_pos_6 = (y_row_start_1 + 4u);
    const bool y_row_ok_8 = ((y_row_pos_6 >= 7u) && (y_row_pos_6 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_8 = min((max(y_row_pos_6, 7u) - 7u), y_row_last_1);
    const unsigned int y_row_pos_7 = (y_row_start_1 + 5u);
    const bool y_row_ok_9 = ((y_row_pos_7 >= 7u) && (y_row_pos_7 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_9 = min((max(y_row_pos_7, 7u) - 7u), y_row_last_1);
    const unsigned int y_row_pos_8 = (y_row_start_1 + 6u);
    const bool y_row_ok_10 = ((y_row_pos_8 >= 7u) && (y_row_pos_8 < (nc_u.out_h + 7u)));
    const unsigned int y_row_at_10 = min((max(y_row_pos_8, 7u) - 7u), y_row_last_1);
    const unsigned int x_row_start_1 = (offset_a_1 + (((pa_1 + 1u) - ((0u < offset_a_1) ? 1u : 0u)) * 7u));
    const unsigned int x_row_last_1 = (nc_u.in_h - 1u);
    const unsigned int x_col_start_1 = (offset_b_1 + (((pb_1 + 1u) - ((0u < offset_b_1) ? 1u : 0u)) * 7u));
    const unsigned int x_col_last_1 = (nc_u.in_w - 1u);
    const bool x_col_ok_4 = ((x_col_start_1 >= 7u) && (x_col_start_1 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_4 = min((max(x_col_start_1, 7u) - 7u), x_col_last_1);
    const unsigned int x_col_pos_3 = (x_col_start_1 + 1u);
    const bool x_col_ok_5 = ((x_col_pos_3 >= 7u) && (x_col_pos_3 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_5 = min((max(x_col_pos_3, 7u) - 7u), x_col_last_1);
    const unsigned int x_col_pos_4 = (x_col_start_1 + 2u);
    const bool x_col_ok_6 = ((x_col_pos_4 >= 7u) && (x_col_pos_4 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_6 = min((max(x_col_pos_4, 7u) - 7u), x_col_last_1);
    const unsigned int x_col_pos_5 = (x_col_start_1 + 3u);
    const bool x_col_ok_7 = ((x_col_pos_5 >= 7u) && (x_col_pos_5 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_7 = min((max(x_col_pos_5, 7u) - 7u), x_col_last_1);
    const unsigned int x_col_pos_6 = (x_col_start_1 + 4u);
    const bool x_col_ok_8 = ((x_col_pos_6 >= 7u) && (x_col_pos_6 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_8 = min((max(x_col_pos_6, 7u) - 7u), x_col_last_1);
    const unsigned int x_col_pos_7 = (x_col_start_1 + 5u);
    const bool x_col_ok_9 = ((x_col_pos_7 >= 7u) && (x_col_pos_7 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_9 = min((max(x_col_pos_7, 7u) - 7u), x_col_last_1);
    const unsigned int x_col_pos_8 = (x_col_start_1 + 6u);
    const bool x_col_ok_10 = ((x_col_pos_8 >= 7u) && (x_col_pos_8 < (nc_u.in_w + 7u)));
    const unsigned int x_col_at_10 = min((max(x_col_pos_8, 7u) - 7u), x_col_last_1);
    const unsigned int y_col_start_1 = (offset_b_1 + (((pb_1 + 1u) - ((0u < offset_b_1) ? 1u : 0u)) * 7u));
    const unsigned int y_col_last_1 = (nc_u.out_w - 1u);
    const bool y_col_ok_4 = ((y_col_start_1 >= 7u) && (y_col_start_1 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_4 = min((max(y_col_start_1, 7u) - 7u), y_col_last_1);
    const unsigned int y_col_pos_3 = (y_col_start_1 + 1u);
    const bool y_col_ok_5 = ((y_col_pos_3 >= 7u) && (y_col_pos_3 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_5 = min((max(y_col_pos_3, 7u) - 7u), y_col_last_1);
    const unsigned int y_col_pos_4 = (y_col_start_1 + 2u);
    const bool y_col_ok_6 = ((y_col_pos_4 >= 7u) && (y_col_pos_4 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_6 = min((max(y_col_pos_4, 7u) - 7u), y_col_last_1);
    const unsigned int y_col_pos_5 = (y_col_start_1 + 3u);
    const bool y_col_ok_7 = ((y_col_pos_5 >= 7u) && (y_col_pos_5 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_7 = min((max(y_col_pos_5, 7u) - 7u), y_col_last_1);
    const unsigned int y_col_pos_6 = (y_col_start_1 + 4u);
    const bool y_col_ok_8 = ((y_col_pos_6 >= 7u) && (y_col_pos_6 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_8 = min((max(y_col_pos_6, 7u) - 7u), y_col_last_1);
    const unsigned int y_col_pos_7 = (y_col_start_1 + 5u);
    const bool y_col_ok_9 = ((y_col_pos_7 >= 7u) && (y_col_pos_7 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_9 = min((max(y_col_pos_7, 7u) - 7u), y_col_last_1);
    const unsigned int y_col_pos_8 = (y_col_start_1 + 6u);
    const bool y_col_ok_10 = ((y_col_pos_8 >= 7u) && (y_col_pos_8 < (nc_u.out_w + 7u)));
    const unsigned int y_col_at_10 = min((max(y_col_pos_8, 7u) - 7u), y_col_last_1);
    // B weights: the whole 7x7 kernel of this channel (the same for all its blocks: uniform loads)
    const float wb_0_0_1 = wb[wb_base_1];
    const float wb_0_1_1 = wb[(wb_base_1 + 1u)];
    const float wb_0_2_1 = wb[(wb_base_1 + 2u)];
    const float wb_0_3_1 = wb[(wb_base_1 + 3u)];
    const float wb_0_4 = wb[(wb_base_1 + 4u)];
    const float wb_0_5 = wb[(wb_base_1 + 5u)];
    const float wb_0_6 = wb[(wb_base_1 + 6u)];
    const float wb_1_0_1 = wb[(wb_base_1 + 7u)];
    const float wb_1_1_1 = wb[(wb_base_1 + 8u)];
    const float wb_1_2_1 = wb[(wb_base_1 + 9u)];
    const float wb_1_3_1 = wb[(wb_base_1 + 10u)];
    const float wb_1_4 = wb[(wb_base_1 + 11u)];
    const float wb_1_5 = wb[(wb_base_1 + 12u)];
    const float wb_1_6 = wb[(wb_base_1 + 13u)];
    const float wb_2_0_1 = wb[(wb_base_1 + 14u)];
    const float wb_2_1_1 = wb[(wb_base_1 + 15u)];
    const float wb_2_2_1 = wb[(wb_base_1 + 16u)];
    const float wb_2_3_1 = wb[(wb_base_1 + 17u)];
    const float wb_2_4 = wb[(wb_base_1 + 18u)];
    const float wb_2_5 = wb[(wb_base_1 + 19u)];
    const float wb_2_6 = wb[(wb_base_1 + 20u)];
    const float wb_3_0_1 = wb[(wb_base_1 + 21u)];
    const float wb_3_1_1 = wb[(wb_base_1 + 22u)];
    const float wb_3_2_1 = wb[(wb_base_1 + 23u)];
    const float wb_3_3_1 = wb[(wb_base_1 + 24u)];
    const float wb_3_4 = wb[(wb_base_1 + 25u)];
    const float wb_3_5 = wb[(wb_base_1 + 26u)];
    const float wb_3_6 = wb[(wb_base_1 + 27u)];
    const float wb_4_0 = wb[(wb_base_1 + 28u)];
    const float wb_4_1 = wb[(wb_base_1 + 29u)];
    const float wb_4_2 = wb[(wb_base_1 + 30u)];
    const float wb_4_3 = wb[(wb_base_1 + 31u)];
    const float wb_4_4 = wb[(wb_base_1 + 32u)];
    const float wb_4_5 = wb[(wb_base_1 + 33u)];
    const float wb_4_6 = wb[(wb_base_1 + 34u)];
    const float wb_5_0 = wb[(wb_base_1 + 35u)];
    const float wb_5_1 = wb[(wb_base_1 + 36u)];
    const float wb_5_2 = wb[(wb_base_1 + 37u)];
    const float wb_5_3 = wb[(wb_base_1 + 38u)];
    const float wb_5_4 = wb[(wb_base_1 + 39u)];
    const float wb_5_5 = wb[(wb_base_1 + 40u)];
    const float wb_5_6 = wb[(wb_base_1 + 41u)];
    const float wb_6_0 = wb[(wb_base_1 + 42u)];
    const float wb_6_1 = wb[(wb_base_1 + 43u)];
    const float wb_6_2 = wb[(wb_base_1 + 44u)];
    const float wb_6_3 = wb[(wb_base_1 + 45u)];
    const float wb_6_4 = wb[(wb_base_1 + 46u)];
    const float wb_6_5 = wb[(wb_base_1 + 47u)];
    const float wb_6_6 = wb[(wb_base_1 + 48u)];
    const unsigned int plane_1 = (((blockIdx.z * 384u) + blockIdx.y) * (nc_u.in_h * nc_u.in_w));
    float acc_0_0_1 = 0.0f;
    float acc_0_1_1 = 0.0f;
    float acc_0_2_1 = 0.0f;
    float acc_0_3_1 = 0.0f;
    float acc_0_4 = 0.0f;
    float acc_0_5 = 0.0f;
    float acc_0_6 = 0.0f;
    float acc_1_0_1 = 0.0f;
    float acc_1_1_1 = 0.0f;
    float acc_1_2_1 = 0.0f;
    float acc_1_3_1 = 0.0f;
    float acc_1_4 = 0.0f;
    float acc_1_5 = 0.0f;
    float acc_1_6 = 0.0f;
    float acc_2_0_1 = 0.0f;
    float acc_2_1_1 = 0.0f;
    float acc_2_2_1 = 0.0f;
    float acc_2_3_1 = 0.0f;
    float acc_2_4 = 0.0f;
    float acc_2_5 = 0.0f;
    float acc_2_6 = 0.0f;
    float acc_3_0_1 = 0.0f;
    float acc_3_1_1 = 0.0f;
    float acc_3_2_1 = 0.0f;
    float acc_3_3_1 = 0.0f;
    float acc_3_4 = 0.0f;
    float acc_3_5 = 0.0f;
    float acc_3_6 = 0.0f;
    float acc_4_0 = 0.0f;
    float acc_4_1 = 0.0f;
    float acc_4_2 = 0.0f;
    float acc_4_3 = 0.0f;
    float acc_4_4 = 0.0f;
    float acc_4_5 = 0.0f;
    float acc_4_6 = 0.0f;
    float acc_5_0 = 0.0f;
    float acc_5_1 = 0.0f;
    float acc_5_2 = 0.0f;
    float acc_5_3 = 0.0f;
    float acc_5_4 = 0.0f;
    float acc_5_5 = 0.0f;
    float acc_5_6 = 0.0f;
    float acc_6_0 = 0.0f;
    float acc_6_1 = 0.0f;
    float acc_6_2 = 0.0f;
    float acc_6_3 = 0.0f;
    float acc_6_4 = 0.0f;
    float acc_6_5 = 0.0f;
    float acc_6_6 = 0.0f;
    for (unsigned int h_1 = 0u; h_1 < 7u; h_1 += 1u) {
      // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
      const unsigned int x_row_pos_1 = (x_row_start_1 + h_1);
      const bool x_row_ok_1 = ((x_row_pos_1 >= 7u) && (x_row_pos_1 < (nc_u.in_h + 7u)));
      const unsigned int x_row_at_1 = min((max(x_row_pos_1, 7u) - 7u), x_row_last_1);
      const unsigned int x_row_base_1 = (plane_1 + (x_row_at_1 * nc_u.in_w));
      const float x_0_1 = ((x_row_ok_1 && x_col_ok_4) ? x[(x_row_base_1 + x_col_at_4)] : 0.0f);
      const float x_1_1 = ((x_row_ok_1 && x_col_ok_5) ? x[(x_row_base_1 + x_col_at_5)] : 0.0f);
      const float x_2_1 = ((x_row_ok_1 && x_col_ok_6) ? x[(x_row_base_1 + x_col_at_6)] : 0.0f);
      const float x_3_1 = ((x_row_ok_1 && x_col_ok_7) ? x[(x_row_base_1 + x_col_at_7)] : 0.0f);
      const float x_4 = ((x_row_ok_1 && x_col_ok_8) ? x[(x_row_base_1 + x_col_at_8)] : 0.0f);
      const float x_5 = ((x_row_ok_1 && x_col_ok_9) ? x[(x_row_base_1 + x_col_at_9)] : 0.0f);
      const float x_6 = ((x_row_ok_1 && x_col_ok_10) ? x[(x_row_base_1 + x_col_at_10)] : 0.0f);
      const float wa_0_1 = wa[(wa_base_1 + h_1)];
      const float wa_1_1 = wa[(wa_base_1 + (7u + h_1))];
      const float wa_2_1 = wa[(wa_base_1 + (14u + h_1))];
      const float wa_3_1 = wa[(wa_base_1 + (21u + h_1))];
      const float wa_4 = wa[(wa_base_1 + (28u + h_1))];
      const float wa_5 = wa[(wa_base_1 + (35u + h_1))];
      const float wa_6 = wa[(wa_base_1 + (42u + h_1))];
      const float t_0_1 = (((((((x_0_1 * wb_0_0_1) + (x_1_1 * wb_1_0_1)) + (x_2_1 * wb_2_0_1)) + (x_3_1 * wb_3_0_1)) + (x_4 * wb_4_0)) + (x_5 * wb_5_0)) + (x_6 * wb_6_0));
      acc_0_0_1 = (acc_0_0_1 + (wa_0_1 * t_0_1));
      acc_1_0_1 = (acc_1_0_1 + (wa_1_1 * t_0_1));
      acc_2_0_1 = (acc_2_0_1 + (wa_2_1 * t_0_1));
      acc_3_0_1 = (acc_3_0_1 + (wa_3_1 * t_0_1));
      acc_4_0 = (acc_4_0 + (wa_4 * t_0_1));
      acc_5_0 = (acc_5_0 + (wa_5 * t_0_1));
      acc_6_0 = (acc_6_0 + (wa_6 * t_0_1));
      const float t_1_1 = (((((((x_0_1 * wb_0_1_1) + (x_1_1 * wb_1_1_1)) + (x_2_1 * wb_2_1_1)) + (x_3_1 * wb_3_1_1)) + (x_4 * wb_4_1)) + (x_5 * wb_5_1)) + (x_6 * wb_6_1));
      acc_0_1_1 = (acc_0_1_1 + (wa_0_1 * t_1_1));
      acc_1_1_1 = (acc_1_1_1 + (wa_1_1 * t_1_1));
      acc_2_1_1 = (acc_2_1_1 + (wa_2_1 * t_1_1));
      acc_3_1_1 = (acc_3_1_1 + (wa_3_1 * t_1_1));
      acc_4_1 = (acc_4_1 + (wa_4 * t_1_1));
      acc_5_1 = (acc_5_1 + (wa_5 * t_1_1));
      acc_6_1 = (acc_6_1 + (wa_6 * t_1_1));
      const float t_2_1 = (((((((x_0_1 * wb_0_2_1) + (x_1_1 * wb_1_2_1)) + (x_2_1 * wb_2_2_1)) + (x_3_1 * wb_3_2_1)) + (x_4 * wb_4_2)) + (x_5 * wb_5_2)) + (x_6 * wb_6_2));
      acc_0_2_1 = (acc_0_2_1 + (wa_0_1 * t_2_1));
      acc_1_2_1 = (acc_1_2_1 + (wa_1_1 * t_2_1));
      acc_2_2_1 = (acc_2_2_1 + (wa_2_1 * t_2_1));
      acc_3_2_1 = (acc_3_2_1 + (wa_3_1 * t_2_1));
      acc_4_2 = (acc_4_2 + (wa_4 * t_2_1));
      acc_5_2 = (acc_5_2 + (wa_5 * t_2_1));
      acc_6_2 = (acc_6_2 + (wa_6 * t_2_1));
      const float t_3_1 = (((((((x_0_1 * wb_0_3_1) + (x_1_1 * wb_1_3_1)) + (x_2_1 * wb_2_3_1)) + (x_3_1 * wb_3_3_1)) + (x_4 * wb_4_3)) + (x_5 * wb_5_3)) + (x_6 * wb_6_3));
      acc_0_3_1 = (acc_0_3_1 + (wa_0_1 * t_3_1));
      acc_1_3_1 = (acc_1_3_1 + (wa_1_1 * t_3_1));
      acc_2_3_1 = (acc_2_3_1 + (wa_2_1 * t_3_1));
      acc_3_3_1 = (acc_3_3_1 + (wa_3_1 * t_3_1));
      acc_4_3 = (acc_4_3 + (wa_4 * t_3_1));
      acc_5_3 = (acc_5_3 + (wa_5 * t_3_1));
      acc_6_3 = (acc_6_3 + (wa_6 * t_3_1));
      const float t_4 = (((((((x_0_1 * wb_0_4) + (x_1_1 * wb_1_4)) + (x_2_1 * wb_2_4)) + (x_3_1 * wb_3_4)) + (x_4 * wb_4_4)) + (x_5 * wb_5_4)) + (x_6 * wb_6_4));
      acc_0_4 = (acc_0_4 + (wa_0_1 * t_4));
      acc_1_4 = (acc_1_4 + (wa_1_1 * t_4));
      acc_2_4 = (acc_2_4 + (wa_2_1 * t_4));
      acc_3_4 = (acc_3_4 + (wa_3_1 * t_4));
      acc_4_4 = (acc_4_4 + (wa_4 * t_4));
      acc_5_4 = (acc_5_4 + (wa_5 * t_4));
      acc_6_4 = (acc_6_4 + (wa_6 * t_4));
      const float t_5 = (((((((x_0_1 * wb_0_5) + (x_1_1 * wb_1_5)) + (x_2_1 * wb_2_5)) + (x_3_1 * wb_3_5)) + (x_4 * wb_4_5)) + (x_5 * wb_5_5)) + (x_6 * wb_6_5));
      acc_0_5 = (acc_0_5 + (wa_0_1 * t_5));
      acc_1_5 = (acc_1_5 + (wa_1_1 * t_5));
      acc_2_5 = (acc_2_5 + (wa_2_1 * t_5));
      acc_3_5 = (acc_3_5 + (wa_3_1 * t_5));
      acc_4_5 = (acc_4_5 + (wa_4 * t_5));
      acc_5_5 = (acc_5_5 + (wa_5 * t_5));
      acc_6_5 = (acc_6_5 + (wa_6 * t_5));
      const float t_6 = (((((((x_0_1 * wb_0_6) + (x_1_1 * wb_1_6)) + (x_2_1 * wb_2_6)) + (x_3_1 * wb_3_6)) + (x_4 * wb_4_6)) + (x_5 * wb_5_6)) + (x_6 * wb_6_6));
      acc_0_6 = (acc_0_6 + (wa_0_1 * t_6));
      acc_1_6 = (acc_1_6 + (wa_1_1 * t_6));
      acc_2_6 = (acc_2_6 + (wa_2_1 * t_6));
      acc_3_6 = (acc_3_6 + (wa_3_1 * t_6));
      acc_4_6 = (acc_4_6 + (wa_4 * t_6));
      acc_5_6 = (acc_5_6 + (wa_5 * t_6));
      acc_6_6 = (acc_6_6 + (wa_6 * t_6));
    }
    // store the rows and columns that exist (the last blocks may be truncated)
    if ((y_row_ok_4 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_4)] = acc_0_0_1;
    }
    if ((y_row_ok_4 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_5)] = acc_0_1_1;
    }
    if ((y_row_ok_4 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_6)] = acc_0_2_1;
    }
    if ((y_row_ok_4 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_7)] = acc_0_3_1;
    }
    if ((y_row_ok_4 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_8)] = acc_0_4;
    }
    if ((y_row_ok_4 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_9)] = acc_0_5;
    }
    if ((y_row_ok_4 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_4) * nc_u.out_w) + y_col_at_10)] = acc_0_6;
    }
    if ((y_row_ok_5 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_4)] = acc_1_0_1;
    }
    if ((y_row_ok_5 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_5)] = acc_1_1_1;
    }
    if ((y_row_ok_5 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_6)] = acc_1_2_1;
    }
    if ((y_row_ok_5 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_7)] = acc_1_3_1;
    }
    if ((y_row_ok_5 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_8)] = acc_1_4;
    }
    if ((y_row_ok_5 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_9)] = acc_1_5;
    }
    if ((y_row_ok_5 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_5) * nc_u.out_w) + y_col_at_10)] = acc_1_6;
    }
    if ((y_row_ok_6 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_4)] = acc_2_0_1;
    }
    if ((y_row_ok_6 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_5)] = acc_2_1_1;
    }
    if ((y_row_ok_6 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_6)] = acc_2_2_1;
    }
    if ((y_row_ok_6 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_7)] = acc_2_3_1;
    }
    if ((y_row_ok_6 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_8)] = acc_2_4;
    }
    if ((y_row_ok_6 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_9)] = acc_2_5;
    }
    if ((y_row_ok_6 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_6) * nc_u.out_w) + y_col_at_10)] = acc_2_6;
    }
    if ((y_row_ok_7 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_4)] = acc_3_0_1;
    }
    if ((y_row_ok_7 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_5)] = acc_3_1_1;
    }
    if ((y_row_ok_7 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_6)] = acc_3_2_1;
    }
    if ((y_row_ok_7 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_7)] = acc_3_3_1;
    }
    if ((y_row_ok_7 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_8)] = acc_3_4;
    }
    if ((y_row_ok_7 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_9)] = acc_3_5;
    }
    if ((y_row_ok_7 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_7) * nc_u.out_w) + y_col_at_10)] = acc_3_6;
    }
    if ((y_row_ok_8 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_4)] = acc_4_0;
    }
    if ((y_row_ok_8 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_5)] = acc_4_1;
    }
    if ((y_row_ok_8 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_6)] = acc_4_2;
    }
    if ((y_row_ok_8 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_7)] = acc_4_3;
    }
    if ((y_row_ok_8 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_8)] = acc_4_4;
    }
    if ((y_row_ok_8 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_9)] = acc_4_5;
    }
    if ((y_row_ok_8 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_8) * nc_u.out_w) + y_col_at_10)] = acc_4_6;
    }
    if ((y_row_ok_9 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_4)] = acc_5_0;
    }
    if ((y_row_ok_9 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_5)] = acc_5_1;
    }
    if ((y_row_ok_9 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_6)] = acc_5_2;
    }
    if ((y_row_ok_9 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_7)] = acc_5_3;
    }
    if ((y_row_ok_9 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_8)] = acc_5_4;
    }
    if ((y_row_ok_9 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_9)] = acc_5_5;
    }
    if ((y_row_ok_9 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_9) * nc_u.out_w) + y_col_at_10)] = acc_5_6;
    }
    if ((y_row_ok_10 && y_col_ok_4)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_4)] = acc_6_0;
    }
    if ((y_row_ok_10 && y_col_ok_5)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_5)] = acc_6_1;
    }
    if ((y_row_ok_10 && y_col_ok_6)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_6)] = acc_6_2;
    }
    if ((y_row_ok_10 && y_col_ok_7)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_7)] = acc_6_3;
    }
    if ((y_row_ok_10 && y_col_ok_8)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_8)] = acc_6_4;
    }
    if ((y_row_ok_10 && y_col_ok_9)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_9)] = acc_6_5;
    }
    if ((y_row_ok_10 && y_col_ok_10)) {
      y[((((((blockIdx.z * 384u) + blockIdx.y) * nc_u.out_h) + y_row_at_10) * nc_u.out_w) + y_col_at_10)] = acc_6_6;
    }
  }
}
