/**
 * WebGPU flag values from the spec. Using the numbers (instead of the GPUBufferUsage globals) keeps the runtime
 * independent of whether the host installed the globals: dawn.node exports them separately from navigator.gpu.
 */
export const BufferUsage = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
  QUERY_RESOLVE: 0x0200,
} as const;

export const MapMode = { READ: 0x0001 } as const;
export const ShaderStage = { COMPUTE: 0x4 } as const;
