import type { KernelArtifact } from '../artifact.js';
import type { KernelIR } from '../ir/ir.js';

/** The kernel languages neocc renders. A name only identifies a record; code never branches on it (see KernelTarget). */
export type TargetName = 'wgsl' | 'assemblyscript' | 'cuda';

/**
 * An engine feature beyond a target's baseline that a variant's kernels use, by asc's `--enable` name:
 * `relaxed-simd` is WebAssembly relaxed SIMD (f32x4.relaxed_madd; Chrome ≥ 114, Node ≥ 22, Node 20 behind
 * --experimental-wasm-relaxed-simd). A runtime checks it on its engine before choosing the variant.
 */
export type EngineFeature = 'relaxed-simd';

/**
 * A record that is a variant of its target (same name, renderer family and runtime): `id` is hashed into every
 * kernel key (makeArtifact), so the variants' kernels never share a cache entry or a prebuilt binary, and names the
 * variant in backend lines and bench reports; `features` are what its kernels need from the engine.
 */
export interface TargetVariant {
  readonly id: string;
  readonly features: readonly EngineFeature[];
}

/**
 * What a target's hardware allows, under WebGPU's names (so a GPUSupportedLimits can be merged in directly).
 * Kernel builders size workgroups and shared memory from these; schedules fold grids and size buffers by them.
 */
export interface TargetLimits {
  /** Invocations per workgroup. */
  readonly maxComputeInvocationsPerWorkgroup: number;
  /** Bytes of workgroup (shared) memory per workgroup. */
  readonly maxComputeWorkgroupStorageSize: number;
  /** Workgroups per grid axis; longer launches fold into the next axis. */
  readonly maxComputeWorkgroupsPerDimension: number;
  /** Bytes one buffer binding may span (the largest activation or weight buffer a dispatch may bind). */
  readonly maxStorageBufferBindingSize: number;
}

/**
 * How kernels for this target should be shaped: choices a kernel builder or schedule consults, never a target name.
 * Each value was measured (see the kernel files they select).
 */
export interface TargetPreferences {
  /**
   * `vec4f` arithmetic is native 128-bit SIMD (WebAssembly f32x4): kernels with a vec4 variant use it (the SIMD
   * NeoCell forward block kernel). GPUs keep the scalar kernels, which spread the same work over invocations instead.
   */
  readonly vec4Simd: boolean;
  /** GEMM family and tile for the MLP's two GEMMs (and the downsample conv on CPU targets). */
  readonly gemm: GemmPreference;
  /**
   * The downsample's 1x1 conv: one batched matmul launch (GPU), or the GEMM micro-kernel once per image (CPU, ~5x
   * the register-tiled matmul in V8).
   */
  readonly pointwiseConv: 'batched-matmul' | 'gemm-per-image';
}

/**
 * `register-tiles`: a GPU workgroup computes a tm x tn output tile, rm x rn per invocation
 * (kernels/neonext/unfused/linear.ts). `vec4-panels`: one CPU thread runs a SIMD micro-kernel over weights packed in
 * column panels (kernels/neonext/unfused/linear-vec4.ts) — a register budget, so it belongs to the target.
 */
export type GemmPreference =
  | { readonly family: 'register-tiles'; readonly tile: { readonly tm: number; readonly tn: number; readonly rm: number; readonly rn: number } }
  | Vec4PanelsPreference;

export interface Vec4PanelsPreference {
  readonly family: 'vec4-panels';
  /** f32x4 accumulators per tile (chooseVec4Tile picks rows x vec4 columns of that many). */
  readonly accumulators: number;
  /** The widest tile row, in vec4s (4 = 16 columns): the tile is this wide where the output width allows. */
  readonly maxColumns: number;
  /**
   * The micro-kernel accumulates with the IR's `fma` (one instruction on this target: relaxed SIMD's
   * f32x4.relaxed_madd, no temporary per product) instead of `*` then `+`.
   */
  readonly fma: boolean;
}

/**
 * A kernel target as data: its renderer and naming, its limits, its preferences. Adding a target is one renderer
 * plus one of these records (docs/ARCHITECTURE.md, "Adding a target").
 */
export interface KernelTarget {
  readonly name: TargetName;
  /** One line for logs and docs. */
  readonly description: string;
  readonly render: (ir: KernelIR) => string;
  readonly entryPoint: (ir: KernelIR) => string;
  /**
   * CPU targets: bytes of scratch memory a launch passes (workgroup arrays, values live across barriers). Absent
   * on GPU targets, whose workgroup memory the device provides.
   */
  readonly scratchBytes?: (ir: KernelIR) => number;
  /** File extension of a kernel's source in `generated/` (`neocc gen`). */
  readonly sourceExtension: string;
  /** Where `neocc gen` also writes a compiled binary per kernel (the target's loader needs it), its extension. */
  readonly binaryExtension?: string;
  /**
   * Where `neocc gen` also writes one file per output folder that covers all its kernels (CUDA: `neocc-kernels.h`
   * with every kernel's prototype and uniform struct), its name and contents from the folder's artifacts.
   */
  readonly header?: (artifacts: readonly KernelArtifact[]) => { readonly name: string; readonly content: string };
  /**
   * `neocc gen --model` also writes every kernel of each model's whole forward and a `model-<config>.ts` listing
   * them: targets whose users load kernels from generated files (the wasm runtime's prebuilt binaries; CUDA host code
   * built with nvcc). Absent for WGSL, whose runtime builds a model's kernels itself for the adapter's limits.
   */
  readonly genWholeModels?: boolean;
  /**
   * `neocc gen --torch` can wrap this target's NeoCell kernels in a PyTorch extension (compiler/gen/torch-extension.ts:
   * CUDA C++ host launchers with `<<<grid, block, 0, stream>>>`, a torch/extension.h binding, a Python module).
   */
  readonly torchExtension?: boolean;
  readonly limits: TargetLimits;
  readonly prefers: TargetPreferences;
  /** Set on a variant record (e.g. AssemblyScript with relaxed SIMD); absent on a target's baseline record, whose keys it leaves unchanged. */
  readonly variant?: TargetVariant;
}

/** `target` with some limits replaced (a device's actual limits): the record that kernels for that device consult. */
export function withLimits(target: KernelTarget, limits: Partial<TargetLimits>): KernelTarget {
  const merged: TargetLimits = {
    maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup ?? target.limits.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize ?? target.limits.maxComputeWorkgroupStorageSize,
    maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension ?? target.limits.maxComputeWorkgroupsPerDimension,
    maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize ?? target.limits.maxStorageBufferBindingSize,
  };
  return Object.freeze({ ...target, limits: Object.freeze(merged) });
}
