import { cacheKey } from './cache-key.js';
import type { KernelIR, UniformField } from './ir/ir.js';
import type { KernelTarget, TargetName } from './targets/target.js';

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
  readonly target: TargetName;
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
  /**
   * Engine features the source needs beyond its target's baseline (a variant record's, e.g. `relaxed-simd`: asc
   * compiles it with --enable relaxed-simd, and only engines that validate it can load it); absent when none.
   * Spelled out rather than EngineFeature (compiler/targets/target.ts) so the copy of this type in a generated folder
   * outside the repository (compiler/gen/artifact-type.ts) stays self-contained.
   */
  readonly features?: readonly 'relaxed-simd'[];
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

/**
 * Renders `ir` with `target`'s renderer and wraps it with its cache key (sha256 of {compiler version, target name,
 * baked}, plus the variant id for a variant record: a baseline record's keys do not change when variants are added).
 */
export function makeArtifact(ir: KernelIR, target: KernelTarget, baked: unknown): KernelArtifact {
  const bindings: BindingInfo[] = [
    ...ir.buffers.map((b): BindingInfo => ({ name: b.name, kind: b.access === 'read' ? 'read-only-storage' : 'storage' })),
    ...(ir.uniforms.length > 0 ? [{ name: 'params', kind: 'uniform' } as const] : []),
  ];
  const artifact: KernelArtifact = Object.freeze({
    key: cacheKey(target.name, { kernel: ir.name, baked, variant: target.variant?.id }),
    target: target.name,
    name: ir.name,
    entryPoint: target.entryPoint(ir),
    source: target.render(ir),
    workgroupSize: ir.workgroupSize,
    sharedBytes: ir.shared.reduce((s, d) => s + 4 * d.length, 0),
    bindings: Object.freeze(bindings),
    uniforms: Object.freeze([...ir.uniforms]),
    baked,
    ...(target.scratchBytes ? { scratchBytes: target.scratchBytes(ir) } : {}),
    ...(target.variant && target.variant.features.length > 0 ? { features: Object.freeze([...target.variant.features]) } : {}),
  });
  IR_OF.set(artifact, ir);
  return artifact;
}
