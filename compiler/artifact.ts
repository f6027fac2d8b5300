import { cacheKey } from './cache-key.js';
import type { KernelIR, UniformField } from './ir/ir.js';
import { WGSL_ENTRY_POINT, renderWgsl } from './render/wgsl.js';
import { assemblyScriptEntryPoint, assemblyScriptScratchBytes, renderAssemblyScript } from './render/assemblyscript.js';

/** Kernel languages: WGSL for WebGPU, AssemblyScript compiled to WebAssembly for the CPU path (runtime/wasm). */
export type KernelTarget = 'wgsl' | 'assemblyscript';

/** How each target prints a kernel and names its entry point: the only place makeArtifact branches on the target. */
const RENDERERS: Readonly<Record<KernelTarget, {
  render(ir: KernelIR): string;
  entryPoint(ir: KernelIR): string;
  /** Scratch memory a CPU launch passes (workgroup arrays + per-invocation carried values); absent on GPU targets. */
  scratchBytes?(ir: KernelIR): number;
}>> = {
  wgsl: { render: renderWgsl, entryPoint: () => WGSL_ENTRY_POINT },
  assemblyscript: { render: renderAssemblyScript, entryPoint: assemblyScriptEntryPoint, scratchBytes: assemblyScriptScratchBytes },
};

/** How one binding of group 0 is used; the order is the binding number (buffers, then the uniform struct). */
export interface BindingInfo {
  readonly name: string;
  readonly kind: 'read-only-storage' | 'storage' | 'uniform';
}

/**
 * A compiled kernel: everything the runtime needs and nothing it must recompute. Immutable; shared by the compiler,
 * `generated/` modules and runtime/webgpu. `baked` is exactly what the source was specialized on (hashed into `key`).
 */
export interface KernelArtifact {
  readonly key: string;
  readonly target: KernelTarget;
  readonly name: string;
  readonly entryPoint: string;
  readonly source: string;
  readonly workgroupSize: number;
  readonly sharedBytes: number;
  readonly bindings: readonly BindingInfo[];
  readonly uniforms: readonly UniformField[];
  readonly baked: unknown;
  /**
   * CPU targets only (assemblyscript): bytes of scratch memory a launch passes after the buffer pointers — the
   * workgroup arrays, then per-invocation values live across barriers; 0 means no scratch parameter.
   */
  readonly scratchBytes?: number;
}

/**
 * The IR each artifact of this process was rendered from. A side table, not a field: artifacts stay plain data that
 * `generated/` modules serialize, while the IR interpreter and verifier (compiler/ir) can still reach the exact IR.
 * Artifacts loaded from generated modules have none.
 */
const IR_OF = new WeakMap<KernelArtifact, KernelIR>();

/** The IR `artifact` was rendered from, when it was made in this process by makeArtifact. */
export function kernelIR(artifact: KernelArtifact): KernelIR | undefined {
  return IR_OF.get(artifact);
}

/** Renders `ir` for `target` and wraps it with its cache key (sha256 of {compiler version, target, baked}). */
export function makeArtifact(ir: KernelIR, target: KernelTarget, baked: unknown): KernelArtifact {
  const bindings: BindingInfo[] = [
    ...ir.buffers.map((b): BindingInfo => ({ name: b.name, kind: b.access === 'read' ? 'read-only-storage' : 'storage' })),
    ...(ir.uniforms.length > 0 ? [{ name: 'params', kind: 'uniform' } as const] : []),
  ];
  const artifact: KernelArtifact = Object.freeze({
    key: cacheKey(target, { kernel: ir.name, baked }),
    target,
    name: ir.name,
    entryPoint: RENDERERS[target].entryPoint(ir),
    source: RENDERERS[target].render(ir),
    workgroupSize: ir.workgroupSize,
    sharedBytes: ir.shared.reduce((s, d) => s + 4 * d.length, 0),
    bindings: Object.freeze(bindings),
    uniforms: Object.freeze([...ir.uniforms]),
    baked,
    ...(RENDERERS[target].scratchBytes ? { scratchBytes: RENDERERS[target].scratchBytes(ir) } : {}),
  });
  IR_OF.set(artifact, ir);
  return artifact;
}
