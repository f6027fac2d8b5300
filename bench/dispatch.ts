import type { KernelArtifact } from '../compiler/artifact.js';
import type { Grid, UniformValues } from '../compiler/launch.js';
import type { Program } from '../schedule/program.js';
import { BufferUsage } from '../runtime/webgpu/constants.js';
import type { GpuContext } from '../runtime/webgpu/gpu-context.js';
import type { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { packUniforms } from '../runtime/webgpu/transfers.js';

/**
 * A dispatch with everything created up front (pipeline, bind group, uniform buffer), so a timed pass records only
 * setPipeline / setBindGroup / dispatchWorkgroups. KernelLauncher creates a uniform buffer and bind group per call,
 * which is right for one-shot runs but would put allocation into every benchmark sample.
 */
export interface PreparedDispatch {
  readonly name: string;
  readonly pipeline: GPUComputePipeline;
  readonly bindGroup: GPUBindGroup;
  readonly grid: Grid;
}

/** `buffers`: whole buffers, or `{ buffer, offset }` bindings from a byte offset (as KernelLauncher.dispatch takes). */
export async function prepareDispatch(
  ctx: GpuContext, pipelines: PipelineCache, artifact: KernelArtifact,
  buffers: readonly (GPUBuffer | GPUBufferBinding)[], uniforms: UniformValues, grid: Grid,
): Promise<PreparedDispatch> {
  const { device, limits } = ctx;
  if (grid.some((g) => g > limits.maxComputeWorkgroupsPerDimension)) throw new Error(`${artifact.name}: grid ${grid.join('x')} exceeds the adapter's limit`);
  const storage = artifact.bindings.filter((b) => b.kind !== 'uniform').length;
  if (buffers.length !== storage) throw new Error(`${artifact.name}: ${buffers.length} buffers for ${storage} storage bindings`);
  const kernel = await pipelines.get(artifact);
  // A GPUBuffer has mapAsync; a GPUBufferBinding is a plain { buffer, offset } record.
  const entries: GPUBindGroupEntry[] = buffers.map((b, binding) => ({ binding, resource: 'mapAsync' in b ? { buffer: b } : b }));
  if (artifact.uniforms.length > 0) {
    const data = packUniforms(artifact.uniforms, uniforms);
    const buffer = device.createBuffer({ size: data.byteLength, usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST, label: `${artifact.name} params` });
    device.queue.writeBuffer(buffer, 0, data);
    entries.push({ binding: buffers.length, resource: { buffer } });
  }
  const bindGroup = device.createBindGroup({ layout: kernel.layout, entries, label: artifact.name });
  return { name: artifact.name, pipeline: kernel.pipeline, bindGroup, grid };
}

/**
 * A schedule's dispatches (schedule/program.ts) prepared as runtime/webgpu/program-runner.ts binds them: each
 * binding's named buffer from `buffers`, at its element offset. `range` picks dispatches [from, to) (a module).
 */
export async function prepareProgram(
  ctx: GpuContext, pipelines: PipelineCache, program: Program, buffers: ReadonlyMap<string, GPUBuffer>,
  range: { from?: number; to?: number } = {},
): Promise<PreparedDispatch[]> {
  const out: PreparedDispatch[] = [];
  for (const d of program.dispatches.slice(range.from ?? 0, range.to ?? program.dispatches.length)) {
    const bound = d.bindings.map((b) => {
      const buffer = buffers.get(b.buffer);
      if (!buffer) throw new Error(`${d.artifact.name}: no GPU buffer for program buffer "${b.buffer}"`);
      return { buffer, offset: 4 * b.offset };
    });
    out.push(await prepareDispatch(ctx, pipelines, d.artifact, bound, d.uniforms, d.grid));
  }
  return out;
}

/** Records `dispatches` `reps` times into an open pass (WebGPU orders dispatches in a pass, so chains stay valid). */
export function encodeDispatches(pass: GPUComputePassEncoder, dispatches: readonly PreparedDispatch[], reps = 1): void {
  for (let r = 0; r < reps; r++) {
    for (const d of dispatches) {
      pass.setPipeline(d.pipeline);
      pass.setBindGroup(0, d.bindGroup);
      pass.dispatchWorkgroups(...d.grid);
    }
  }
}

/** Runs `dispatches` once and waits; throws with WebGPU's message if the work was rejected. */
export async function runOnce(ctx: GpuContext, dispatches: readonly PreparedDispatch[]): Promise<void> {
  const { device } = ctx;
  ctx.assertAlive();
  device.pushErrorScope('validation');
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  encodeDispatches(pass, dispatches);
  pass.end();
  device.queue.submit([encoder.finish()]);
  const error = await device.popErrorScope();
  await device.queue.onSubmittedWorkDone();
  if (error) throw new Error(`WebGPU rejected ${dispatches.map((d) => d.name).join(' + ')}: ${error.message}`);
  ctx.assertAlive();
}
