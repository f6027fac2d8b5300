// neocc neonext_head: logits = Linear(LayerNorm(mean_hw(x))) with C = 1024, 1000 classes, workgroups of 64 per image and 64 classes
// x [N, C, H, W] NCHW; run-time: H·W (uniform)
// CUDA: neonext_head_eed62815<<<grid (x, y, z workgroups), 64 threads>>>; parameters in binding order (x, ln_w, ln_b, fc_wt, fc_b, logits, params by value).

#ifndef NEOCC_PARAMS_neonext_head_eed62815
#define NEOCC_PARAMS_neonext_head_eed62815
struct neonext_head_eed62815_Params {
  unsigned int plane;
};
#endif

extern "C" __global__ void __launch_bounds__(64) neonext_head_eed62815(const float* __restrict__ x, const float* __restrict__ ln_w, const float* __restrict__ ln_b, const float* __restrict__ fc_wt, const float* __restrict__ fc_b, float* __restrict__ logits, const neonext_head_eed62815_Params nc_u) {
  __shared__ __align__(16) float pooled[1024];
  __shared__ __align__(16) float stats[2];
  // global average pool
  const float inv_plane = (1.0f / __uint2float_rn(nc_u.plane));
  for (unsigned int i = threadIdx.x; i < 1024u; i += 64u) {
    const unsigned int base = (((blockIdx.y * 1024u) + i) * nc_u.plane);
    float sum = 0.0f;
    for (unsigned int p = 0u; p < nc_u.plane; p += 1u) {
      sum = (sum + x[(base + p)]);
    }
    pooled[i] = (sum * inv_plane);
  }
  __syncthreads();
  // LayerNorm statistics (two passes)
  if ((threadIdx.x == 0u)) {
    float mean = 0.0f;
    for (unsigned int c = 0u; c < 1024u; c += 1u) {
      mean = (mean + pooled[c]);
    }
    const float mu = (mean / 1024.0f);
    float variance = 0.0f;
    for (unsigned int c_1 = 0u; c_1 < 1024u; c_1 += 1u) {
      const float d = (pooled[c_1] - mu);
      variance = (variance + (d * d));
    }
    stats[0u] = mu;
    stats[1u] = (1.0f / sqrtf(((variance / 1024.0f) + 0.000001f)));
  }
  __syncthreads();
  const float ln_mean = stats[0u];
  const float ln_rstd = stats[1u];
  for (unsigned int i_1 = threadIdx.x; i_1 < 1024u; i_1 += 64u) {
    pooled[i_1] = ((((pooled[i_1] - ln_mean) * ln_rstd) * ln_w[i_1]) + ln_b[i_1]);
  }
  __syncthreads();
  // Linear C → classes: this workgroup's slice, one class per invocation
  const unsigned int slot = ((blockIdx.x * 64u) + threadIdx.x);
  if ((slot < 1000u)) {
    float logit = fc_b[slot];
    for (unsigned int c_2 = 0u; c_2 < 1024u; c_2 += 1u) {
      logit = (logit + (fc_wt[((c_2 * 1000u) + slot)] * pooled[c_2]));
    }
    logits[((blockIdx.y * 1000u) + slot)] = logit;
  }
}
