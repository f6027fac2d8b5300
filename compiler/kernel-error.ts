import { NeoccError } from './errors.js';
import type { KernelArtifact } from './artifact.js';

/** Source with line numbers, so a compiler message's line:column can be found. */
export function numberedSource(source: string): string {
  const lines = source.split('\n');
  const width = String(lines.length).length;
  return lines.map((line, i) => `${String(i + 1).padStart(width)} | ${line}`).join('\n');
}

/**
 * A kernel the device refused (WGSL compilation or pipeline validation): carries the compiler log, the baked spec,
 * the cache key and the numbered source — everything needed to reproduce it.
 */
export class KernelCompileError extends NeoccError {
  readonly artifact: KernelArtifact;
  readonly log: string;

  constructor(artifact: KernelArtifact, log: string) {
    super('kernel-compile-error', [
      `kernel ${artifact.name} (key ${artifact.key.slice(0, 16)}…) failed to compile on this device:`,
      log,
      `baked: ${JSON.stringify(artifact.baked)}`,
      'source:',
      numberedSource(artifact.source),
    ].join('\n'));
    this.artifact = artifact;
    this.log = log;
  }
}
