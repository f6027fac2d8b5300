import type { KernelArtifact } from '../artifact.js';
import { chooseTiling, compileNeoCellBackward, compileNeoCellForward } from '../../kernels/neocell/compile.js';
import type { NeoCellSpec } from '../spec/neocell-spec.js';
import { BACKWARD_KERNEL_NAMES } from '../../kernels/neocell/backward-kernels.js';
import { NAME_HASH_DIGITS } from './collect-specs.js';
import { targetByName, type KernelTarget } from '../targets/index.js';

/** One kernel of a generated module: the name it is exported under and the artifact. */
export interface NamedArtifact {
  readonly exportName: string;
  readonly artifact: KernelArtifact;
}

/**
 * Every kernel generated for one spec, in a fixed order: forward with NCHW and NHWC output, then the four backward
 * kernels in BACKWARD_KERNEL_NAMES order. The forward is tiled for the target record's limits (for WGSL, WebGPU's
 * guaranteed minimums, so the shipped kernels run on every adapter; runtimes may compile a wider tiling for a roomier
 * device).
 */
export function specArtifacts(spec: NeoCellSpec, target: KernelTarget): NamedArtifact[] {
  const tiling = chooseTiling(spec, target.limits);
  const backward = compileNeoCellBackward(spec, target);
  return [
    { exportName: 'forwardNchw', artifact: compileNeoCellForward(spec, target, { layout: 'nchw', tiling }) },
    { exportName: 'forwardNhwc', artifact: compileNeoCellForward(spec, target, { layout: 'nhwc', tiling }) },
    ...BACKWARD_KERNEL_NAMES.map((name) => ({ exportName: camelCase(name.replace(/^neocell_/, '')), artifact: backward[name] })),
  ];
}

/** "bwd_dx" → "bwdDx". */
function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** What a kernel computes: the first line of its source ("// neocc <name>: <what>"), which the IR's doc starts with. */
export function artifactSummary(artifact: KernelArtifact): string {
  const first = artifact.source.split('\n', 1)[0] ?? '';
  return first.startsWith('// neocc ') ? first.slice('// neocc '.length) : artifact.name;
}

/** `<name>-<first 12 hex of the key>`: unique per artifact, and names change exactly when the kernel does. */
function baseName(artifact: KernelArtifact): string {
  return `${artifact.name}-${artifact.key.slice(0, NAME_HASH_DIGITS)}`;
}

/**
 * The kernel's source file: `<name>-<key12>` plus the target's source extension (`.wgsl`; `.as.ts` for
 * AssemblyScript, because asc only reads `.ts` files and the `.as` keeps them apart from TypeScript modules).
 */
export function kernelFileName(artifact: KernelArtifact): string {
  return `${baseName(artifact)}${targetByName(artifact.target).sourceExtension}`;
}

/** The compiled binary of a kernel whose target ships one: `<name>-<key12>.wasm` for AssemblyScript. */
export function wasmFileName(artifact: KernelArtifact): string {
  const extension = targetByName(artifact.target).binaryExtension;
  if (extension === undefined) throw new Error(`neocc gen: target ${artifact.target} ships no compiled binaries`);
  return `${baseName(artifact)}${extension}`;
}
