import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { NeoccError } from '../../compiler/errors.js';
import { relativeL2Error, type Tensor } from '../../nn/tensor.js';
import type { Backend } from '../backends/backend.js';
import { parseSafetensors } from '../weights/safetensors.js';
import { readGoldenCase, type GoldenCase } from './golden-case.js';

/** Relative L2 errors of one case; gradients only for NeoCell cases. */
export interface CaseErrors {
  readonly y: number;
  readonly gradX?: number;
  readonly gradA?: number;
  readonly gradB?: number;
}

export interface ConformanceRow {
  readonly name: string;
  readonly op: GoldenCase['op'];
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly errors: CaseErrors;
  /** Largest of the errors (NaN if any is NaN). */
  readonly maxError: number;
  readonly pass: boolean;
  readonly ms: number;
}

export interface ConformanceReport {
  readonly directory: string;
  readonly backend: string;
  readonly backendDescription: string;
  readonly tolerance: number;
  readonly rows: readonly ConformanceRow[];
  readonly passed: number;
  readonly failed: number;
}

/** Every `*.safetensors` golden case in `directory`, sorted by name. */
export async function listGoldenCases(directory: string): Promise<string[]> {
  const info = await stat(directory).catch(() => undefined);
  if (!info?.isDirectory()) throw new NeoccError('not-found', `conformance: "${directory}" is not a directory`);
  const files = (await readdir(directory)).filter((f) => f.endsWith('.safetensors')).sort();
  if (files.length === 0) throw new NeoccError('not-found', `conformance: no *.safetensors golden cases in "${directory}"`);
  return files.map((f) => join(directory, f));
}

/** Concatenated rel. L2 error over several tensors (all groups' weight gradients count as one gradient). */
function errorOver(out: readonly Tensor[], ref: readonly Tensor[]): number {
  const flat = (ts: readonly Tensor[]): number[] => ts.flatMap((t) => Array.from(t.data));
  return relativeL2Error(flat(out), flat(ref));
}

async function runCase(c: GoldenCase, backend: Backend): Promise<CaseErrors> {
  if (c.op === 'neo_bottleneck') {
    return { y: relativeL2Error((await backend.neoNeXtBlock(c.plan, c.x, c.params)).data, c.y.data) };
  }
  const y = await backend.neoCellForward(c.plan, c.x, c.weights);
  const grads = await backend.neoCellBackward(c.plan, c.x, c.weights, c.gradY);
  return {
    y: relativeL2Error(y.data, c.y.data),
    gradX: relativeL2Error(grads.gradX.data, c.gradX.data),
    gradA: errorOver(grads.gradA, c.gradA),
    gradB: errorOver(grads.gradB, c.gradB),
  };
}

/** Runs every golden case of `directory` on `backend`; a case passes when every error is <= tolerance. */
export async function runConformance(
  directory: string, backend: Backend,
  options: { tolerance?: number; onRow?: (row: ConformanceRow) => void } = {},
): Promise<ConformanceReport> {
  const tolerance = options.tolerance ?? backend.conformanceTolerance;
  const rows: ConformanceRow[] = [];
  for (const path of await listGoldenCases(directory)) {
    const goldenCase = readGoldenCase(basename(path, '.safetensors'), parseSafetensors(await readFile(path), path));
    const start = performance.now();
    const errors = await runCase(goldenCase, backend);
    const values = Object.values(errors) as number[];
    const maxError = values.some(Number.isNaN) ? NaN : Math.max(...values);
    const row: ConformanceRow = {
      name: goldenCase.name,
      op: goldenCase.op,
      inputShape: goldenCase.plan.inputShape,
      outputShape: goldenCase.plan.outputShape,
      errors,
      maxError,
      pass: maxError <= tolerance,
      ms: performance.now() - start,
    };
    rows.push(row);
    options.onRow?.(row);
  }
  const passed = rows.filter((r) => r.pass).length;
  return {
    directory, backend: backend.name, backendDescription: backend.description, tolerance, rows, passed, failed: rows.length - passed,
  };
}
