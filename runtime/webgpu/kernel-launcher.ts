import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import type { Grid, UniformValues } from '../../compiler/launch.js';
import { BufferUsage } from './constants.js';
import type { GpuContext } from './gpu-context.js';
import { PipelineCache } from './pipeline-cache.js';
import { packUniforms } from './transfers.js';

/**
 * Records kernel dispatches into one command encoder: binds buffers in the artifact's binding order, packs its
 * uniform struct, checks the grid against the adapter, and turns validation / out-of-memory errors into NeoccErrors
 * that name the kernel. One launcher per submission.
 */
export class KernelLauncher {
  readonly encoder: GPUCommandEncoder;
  private readonly temporaries: GPUBuffer[] = [];
  private readonly names: string[] = [];

  constructor(private readonly ctx: GpuContext, private readonly pipelines: PipelineCache) {
    ctx.assertAlive();
    ctx.device.pushErrorScope('out-of-memory');
    ctx.device.pushErrorScope('validation');
    this.encoder = ctx.device.createCommandEncoder();
  }

  /** Binds `buffers` (whole buffers, or from a byte offset) in the artifact's binding order and records the dispatch. */
  async dispatch(artifact: KernelArtifact, buffers: readonly (GPUBuffer | GPUBufferBinding)[], uniforms: UniformValues, grid: Grid): Promise<void> {
    const { device, limits } = this.ctx;
    const max = limits.maxComputeWorkgroupsPerDimension;
    if (grid.some((g) => g > max)) {
      throw new NeoccError('adapter-limits-exceeded',
        `kernel ${artifact.name} needs a grid of ${grid.join('x')} workgroups; this adapter allows ${max} per dimension (maxComputeWorkgroupsPerDimension)`);
    }
    const storageCount = artifact.bindings.filter((b) => b.kind !== 'uniform').length;
    if (buffers.length !== storageCount) throw new Error(`kernel ${artifact.name}: ${buffers.length} buffers for ${storageCount} bindings`);
    const kernel = await this.pipelines.get(artifact);
    // A GPUBuffer has mapAsync; a GPUBufferBinding is a plain { buffer, offset } record.
    const entries: GPUBindGroupEntry[] = buffers.map((b, binding) => ({ binding, resource: 'mapAsync' in b ? { buffer: b } : b }));
    if (artifact.uniforms.length > 0) {
      const data = packUniforms(artifact.uniforms, uniforms);
      const uniformBuffer = device.createBuffer({ size: data.byteLength, usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST });
      device.queue.writeBuffer(uniformBuffer, 0, data);
      this.temporaries.push(uniformBuffer);
      entries.push({ binding: buffers.length, resource: { buffer: uniformBuffer } });
    }
    const pass = this.encoder.beginComputePass({ label: artifact.name });
    pass.setPipeline(kernel.pipeline);
    pass.setBindGroup(0, device.createBindGroup({ layout: kernel.layout, entries }));
    pass.dispatchWorkgroups(...grid);
    pass.end();
    this.names.push(artifact.name);
  }

  /** Submits, waits for the GPU, and reports any error the recorded work raised. */
  async submit(): Promise<void> {
    const { device } = this.ctx;
    device.queue.submit([this.encoder.finish()]);
    const validation = await device.popErrorScope();
    const oom = await device.popErrorScope();
    await device.queue.onSubmittedWorkDone();
    for (const b of this.temporaries) b.destroy();
    const error = validation ?? oom;
    if (error) {
      throw new NeoccError(validation ? 'webgpu-validation' : 'webgpu-out-of-memory',
        `WebGPU rejected the work of ${this.names.join(', ')}: ${error.message}`);
    }
    this.ctx.assertAlive();
  }
}
