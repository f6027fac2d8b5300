import type { KernelArtifact, KernelTarget } from '../artifact.js';
import { PORTABLE_LIMITS, chooseTiling, compileNeoCellBackward, compileNeoCellForward } from '../compile-neocell.js';
import type { NeoCellSpec } from '../spec/neocell-spec.js';
import { BACKWARD_KERNEL_NAMES } from '../../kernels/neocell/backward-kernels.js';
import { NAME_HASH_DIGITS } from './collect-specs.js';
import type { GenTarget } from './gen-request.js';

/** One kernel of a generated module: the name it is exported under and the artifact. */
export interface NamedArtifact {
  readonly exportName: string;
  readonly artifact: KernelArtifact;
}

/**
 * Every kernel generated for one spec, in a fixed order: forward with NCHW and NHWC output, then the four backward
 * kernels in BACKWARD_KERNEL_NAMES order. The forward is tiled for WebGPU's guaranteed minimum limits so the shipped
 * kernels run on every adapter (runtimes may still compile a wider tiling for a roomier device).
 */
export function specArtifacts(spec: NeoCellSpec, target: GenTarget): NamedArtifact[] {
  const tiling = chooseTiling(spec, PORTABLE_LIMITS);
  const backward = compileNeoCellBackward(spec, undefined, target);
  return [
    { exportName: 'forwardNchw', artifact: compileNeoCellForward(spec, { layout: 'nchw', tiling, target }) },
    { exportName: 'forwardNhwc', artifact: compileNeoCellForward(spec, { layout: 'nhwc', tiling, target }) },
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

/**
 * Source file extension per target. AssemblyScript sources end in `.as.ts` because asc only reads `.ts` files; the
 * `.as` keeps them apart from the TypeScript modules (exclude `*.as.ts` from an app's tsc: they use asc's types).
 */
export const SOURCE_EXTENSION: Readonly<Record<KernelTarget, string>> = { wgsl: '.wgsl', assemblyscript: '.as.ts' };

/** `<name>-<first 12 hex of the key>`: unique per artifact, and names change exactly when the kernel does. */
function baseName(artifact: KernelArtifact): string {
  return `${artifact.name}-${artifact.key.slice(0, NAME_HASH_DIGITS)}`;
}

/** The kernel's source file: `<name>-<key12>.wgsl` or `<name>-<key12>.as.ts`. */
export function kernelFileName(artifact: KernelArtifact): string {
  return `${baseName(artifact)}${SOURCE_EXTENSION[artifact.target]}`;
}

/** `<name>-<first 12 hex of the key>.wgsl`: unique per artifact, and names change exactly when the kernel does. */
export function wgslFileName(artifact: KernelArtifact): string {
  return `${baseName(artifact)}.wgsl`;
}

/** The compiled WebAssembly of an AssemblyScript kernel: `<name>-<key12>.wasm`. */
export function wasmFileName(artifact: KernelArtifact): string {
  return `${baseName(artifact)}.wasm`;
}
