import { collectSpecs, type CollectedSpec } from './collect-specs.js';
import type { GenRequest } from './gen-request.js';
import { renderGenerated, type GeneratedFile } from './render-modules.js';

export { GenOptionError } from './gen-error.js';
export { resolveGenRequest, resolveOutDir, describeRequest, type GenRequest, type RawGenOptions } from './gen-request.js';
export { collectSpecs, describeSpec, type CollectedSpec } from './collect-specs.js';
export { diffGenerated, isUpToDate, writeGenerated, type OutputDiff, type WriteReport } from './output-dir.js';
export { GENERATED_HEADER, moduleFileName, type GeneratedFile } from './render-modules.js';

export interface Generated {
  readonly specs: readonly CollectedSpec[];
  readonly files: readonly GeneratedFile[];
}

/**
 * Everything `neocc gen` writes for `request` into `outDir`, rendered in memory (pure apart from reading the
 * compiler's type declarations): pass the files to writeGenerated, or to diffGenerated for `--check`.
 */
export function generate(request: GenRequest, outDir: string, onSpec?: (spec: CollectedSpec, kernels: number) => void): Generated {
  const specs = collectSpecs(request.source);
  return { specs, files: renderGenerated(request, specs, outDir, onSpec) };
}
