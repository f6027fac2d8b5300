// neocc neocell_forward_tiles_nhwc: y = NeoCell(x), NHWC output, one output block per invocation, workgroup 64
// baked spec: [{"hIn":2,"hOut":1,"wIn":2,"wOut":1,"shiftA":0,"shiftB":0,"channels":1024}]
// run-time: batch and spatial sizes (uniforms)
// CUDA: neocell_forward_tiles_nhwc_cb6451b2<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, wa, wb, y, params by value).

#ifndef NEOCC_CUDA_DIVISION
#define NEOCC_CUDA_DIVISION
__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }
__device__ __forceinline__ unsigned int nc_umod(unsigned int a, unsigned int b) { return b == 0u ? 0u : a % b; }
__device__ __forceinline__ int nc_idiv(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b; }
__device__ __forceinline__ int nc_imod(int a, int b) { return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? 0 : a % b; }
#endif

#ifndef NEOCC_PARAMS_neocell_forward_tiles_nhwc_cb6451b2
#define NEOCC_PARAMS_neocell_forward_tiles_nhwc_cb6451b2
struct neocell_forward_tiles_nhwc_cb6451b2_Params {
  unsigned int batch;
  unsigned int in_h;
  unsigned int in_w;
  unsigned int out_h;
  unsigned int out_w;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neocell_forward_tiles_nhwc_cb6451b2(const float* __restrict__ x, const float* __restrict__ wa, const float* __restrict__ wb, float* __restrict__ y, const neocell_forward_tiles_nhwc_cb6451b2_Params nc_u) {
  const unsigned int tile = ((blockIdx.x * 64u) + threadIdx.x);
  // channels [0, 1024): weight_a 1x2 shift 0, weight_b 2x1 shift 0
  const unsigned int wa_base = (blockIdx.y * 2u);
  const unsigned int wb_base = (blockIdx.y * 2u);
  const unsigned int placements = min(nc_u.out_h, ((nc_u.in_h + 1u) / 2u));
  const unsigned int placements_1 = min(((nc_u.in_w + 1u) / 2u), nc_u.out_w);
  const unsigned int pa = nc_udiv(tile, placements_1);
  if ((pa >= placements)) {
    return;
  }
  const unsigned int pb = nc_umod(tile, placements_1);
  const unsigned int y_row_start = (pa + 1u);
  const unsigned int y_row_last = (nc_u.out_h - 1u);
  const bool y_row_ok = ((y_row_start >= 1u) && (y_row_start < (nc_u.out_h + 1u)));
  const unsigned int y_row_at = min((max(y_row_start, 1u) - 1u), y_row_last);
  const unsigned int x_row_start = ((pa + 1u) * 2u);
  const unsigned int x_row_last = (nc_u.in_h - 1u);
  const unsigned int x_col_start = ((pb + 1u) * 2u);
  const unsigned int x_col_last = (nc_u.in_w - 1u);
  const bool x_col_ok = ((x_col_start >= 2u) && (x_col_start < (nc_u.in_w + 2u)));
  const unsigned int x_col_at = min((max(x_col_start, 2u) - 2u), x_col_last);
  const unsigned int x_col_pos = (x_col_start + 1u);
  const bool x_col_ok_1 = ((x_col_pos >= 2u) && (x_col_pos < (nc_u.in_w + 2u)));
  const unsigned int x_col_at_1 = min((max(x_col_pos, 2u) - 2u), x_col_last);
  const unsigned int y_col_start = (pb + 1u);
  const unsigned int y_col_last = (nc_u.out_w - 1u);
  const bool y_col_ok = ((y_col_start >= 1u) && (y_col_start < (nc_u.out_w + 1u)));
  const unsigned int y_col_at = min((max(y_col_start, 1u) - 1u), y_col_last);
  // B weights: the whole 2x1 kernel of this channel (the same for all its blocks: uniform loads)
  const float wb_0_0 = wb[wb_base];
  const float wb_1_0 = wb[(wb_base + 1u)];
  const unsigned int plane = (((blockIdx.z * 1024u) + blockIdx.y) * (nc_u.in_h * nc_u.in_w));
  float acc_0_0 = 0.0f;
  for (unsigned int h = 0u; h < 2u; h += 1u) {
    // X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row
    const unsigned int x_row_pos = (x_row_start + h);
    const bool x_row_ok = ((x_row_pos >= 2u) && (x_row_pos < (nc_u.in_h + 2u)));
    const unsigned int x_row_at = min((max(x_row_pos, 2u) - 2u), x_row_last);
    const unsigned int x_row_base = (plane + (x_row_at * nc_u.in_w));
    const float x_0 = ((x_row_ok && x_col_ok) ? x[(x_row_base + x_col_at)] : 0.0f);
    const float x_1 = ((x_row_ok && x_col_ok_1) ? x[(x_row_base + x_col_at_1)] : 0.0f);
    const float wa_0 = wa[(wa_base + h)];
    const float t_0 = ((x_0 * wb_0_0) + (x_1 * wb_1_0));
    acc_0_0 = (acc_0_0 + (wa_0 * t_0));
  }
  // store the rows and columns that exist (the last blocks may be truncated)
  if ((y_row_ok && y_col_ok)) {
    y[((((((blockIdx.z * nc_u.out_h) + y_row_at) * nc_u.out_w) + y_col_at) * 1024u) + blockIdx.y)] = acc_0_0;
  }
}
