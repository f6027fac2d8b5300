import type { KernelArtifact } from '../../compiler/artifact.js';
import { ShaderStage } from './constants.js';
import { KernelCompileError } from '../../compiler/kernel-error.js';

export interface KernelPipeline {
  readonly artifact: KernelArtifact;
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

/**
 * Compute pipelines keyed by artifact key: each distinct kernel is compiled once per device. Bind-group layouts are
 * explicit, built from the artifact's binding list (never `layout: 'auto'`), so the runtime and the kernel agree on
 * binding numbers by construction.
 */
export class PipelineCache {
  private readonly pipelines = new Map<string, Promise<KernelPipeline>>();

  constructor(private readonly device: GPUDevice) {}

  get size(): number {
    return this.pipelines.size;
  }

  get(artifact: KernelArtifact): Promise<KernelPipeline> {
    let entry = this.pipelines.get(artifact.key);
    if (!entry) {
      entry = this.create(artifact);
      // A failed compile is not cached: the caller sees the error, a retry recompiles.
      entry.catch(() => this.pipelines.delete(artifact.key));
      this.pipelines.set(artifact.key, entry);
    }
    return entry;
  }

  private async create(artifact: KernelArtifact): Promise<KernelPipeline> {
    const { device } = this;
    const module = device.createShaderModule({ code: artifact.source, label: artifact.name });
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      throw new KernelCompileError(artifact, errors.map((m) => `  ${m.lineNum}:${m.linePos} ${m.type}: ${m.message}`).join('\n'));
    }
    const layout = device.createBindGroupLayout({
      label: artifact.name,
      entries: artifact.bindings.map((b, binding) => ({
        binding,
        visibility: ShaderStage.COMPUTE,
        buffer: { type: b.kind },
      })),
    });
    try {
      const pipeline = await device.createComputePipelineAsync({
        label: artifact.name,
        layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
        compute: { module, entryPoint: artifact.entryPoint },
      });
      return { artifact, pipeline, layout };
    } catch (err) {
      throw new KernelCompileError(artifact, `  pipeline creation: ${(err as Error).message}`);
    }
  }
}
