import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, type KernelTarget } from '../../compiler/targets/index.js';
import { modelKernelList } from '../../compiler/gen/model-artifacts.js';
import { compileAssemblyScript } from '../../runtime/wasm/compile-assemblyscript.js';

/**
 * The wasm kernels the bench page registers before a neocc wasm row, by SIMD variant and memory kind: the committed
 * folders where they hold a kernel (generated/wasm: plain, unshared; generated/wasm-relaxed-simd-shared: relaxed,
 * shared), asc (its on-disk cache, runtime/wasm/disk-cache.ts) for the rest — notably relaxed SIMD on an unshared
 * memory, which no folder ships but is what one thread in Chromium runs best.
 */
export type KernelSetName = 'plain' | 'relaxed' | 'relaxed-shared' | 'plain-shared';

export const KERNEL_SETS: Readonly<Record<KernelSetName, { readonly target: KernelTarget; readonly shared: boolean; readonly folder?: string }>> = {
  plain: { target: ASSEMBLYSCRIPT, shared: false, folder: 'generated/wasm' },
  relaxed: { target: ASSEMBLYSCRIPT_RELAXED_SIMD, shared: false },
  'relaxed-shared': { target: ASSEMBLYSCRIPT_RELAXED_SIMD, shared: true, folder: 'generated/wasm-relaxed-simd-shared' },
  'plain-shared': { target: ASSEMBLYSCRIPT, shared: true },
};

export interface PreparedKernel {
  readonly role: string;
  readonly key: string;
  /** Served as /kernels/<set>/<file>. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface PreparedKernelSet {
  readonly kernels: readonly PreparedKernel[];
  /** How many came from a committed folder, how many from asc (cache hits included). */
  readonly committed: number;
  readonly compiled: number;
}

/**
 * Every kernel of `config`'s forward for `set`: committed binaries where present, asc otherwise; undefined when a
 * kernel is missing and `asc` is false (a quick run that skips the compile).
 */
export async function prepareKernelSet(config: NeoNeXtConfig, set: KernelSetName, asc = true): Promise<PreparedKernelSet | undefined> {
  const { target, shared, folder } = KERNEL_SETS[set];
  let committed = 0;
  let compiled = 0;
  const kernels: PreparedKernel[] = [];
  for (const { role, artifact } of modelKernelList(config, target)) {
    const file = `${artifact.name}-${artifact.key.slice(0, 12)}.wasm`;
    const path = folder ? join(folder, file) : undefined;
    let bytes: Uint8Array;
    if (path && existsSync(path)) {
      bytes = readFileSync(path);
      committed++;
    } else {
      if (!asc) return undefined;
      bytes = (await compileAssemblyScript([artifact], { sharedMemory: shared })).binary;
      compiled++;
    }
    kernels.push({ role, key: artifact.key, file, bytes });
  }
  return { kernels, committed, compiled };
}
