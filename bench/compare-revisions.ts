/**
 * Whole-model forward of this working tree against another git revision, in one process and interleaved rounds
 * (docs/DESIGN-NOTES.md §7: ratios from the same run), so a refactor can show "no slowdown beyond noise".
 *
 *   npm run bench:compare -- --base <rev> [--backend wasm|webgpu] [--threads N] [--arch neonext-t] [--resolution 224]
 *                             [--batch 1] [--rounds 10] [--out bench/results/compare-revisions-<backend>.json]
 *
 * The base revision is checked out into a temporary git worktree (node_modules linked from this tree) and both
 * trees are driven through their public entry point, `loadNeoNeXt` (runtime/model/load-neonext.ts), with the same
 * synthetic weights and input; the logits of both are compared too. Each round times one forward of each tree, in
 * alternating order. WebAssembly modules are compiled straight to V8's optimizing tier for both, as bench:onnx does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { benchArgs } from './cli-args.js';
import { median } from './timing.js';

setFlagsFromString('--no-wasm-dynamic-tiering');

const args = benchArgs('npm run bench:compare -- --base <rev> [--backend wasm|webgpu] [--threads N] [--arch neonext-t] [--resolution 224] [--batch 1] [--rounds 10] [--out FILE]', {
  options: {
    base: { type: 'string' },
    backend: { type: 'string', default: 'wasm' },
    threads: { type: 'string', default: '1' },
    arch: { type: 'string', default: 'neonext-t' },
    resolution: { type: 'string', default: '224' },
    batch: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '10' },
    out: { type: 'string' },
  },
});

/** The part of loadNeoNeXt's surface this bench uses (stable across revisions). */
interface Model {
  readonly backend: string;
  forward(input: { shape: readonly number[]; data: Float32Array }): Promise<{ data: Float32Array }>;
  dispose(): Promise<void>;
}
interface Tree {
  readonly label: string;
  readonly root: string;
  model?: Model;
  readonly ms: number[];
  logits?: Float32Array;
}

async function loadTree(tree: Tree, options: Record<string, unknown>): Promise<void> {
  const url = (path: string): string => pathToFileURL(join(tree.root, path)).href;
  const { loadNeoNeXt } = (await import(url('runtime/model/load-neonext.ts'))) as { loadNeoNeXt: (o: Record<string, unknown>) => Promise<Model> };
  tree.model = await loadNeoNeXt(options);
}

async function main(): Promise<void> {
  if (!args.base) throw new Error('--base <git revision> is required (e.g. --base HEAD~1)');
  const [threads, resolution, batch, rounds] = [args.threads, args.resolution, args.batch, args.rounds].map(Number) as [number, number, number, number];
  const here = resolve(dirname(new URL(import.meta.url).pathname), '..');
  const baseRev = execFileSync('git', ['rev-parse', '--short', args.base], { cwd: here, encoding: 'utf8' }).trim();
  const headRev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: here, encoding: 'utf8' }).trim() !== '';
  const worktree = mkdtempSync(join(tmpdir(), 'neocc-base-'));
  execFileSync('git', ['worktree', 'add', '--detach', '--force', worktree, baseRev], { cwd: here, stdio: 'ignore' });
  symlinkSync(join(here, 'node_modules'), join(worktree, 'node_modules'));
  const trees: Tree[] = [
    { label: `base ${baseRev}`, root: worktree, ms: [] },
    { label: `this tree (${headRev}${dirty ? '+changes' : ''})`, root: here, ms: [] },
  ];
  try {
    for (const tree of trees) {
      // Each tree's own backend: WasmBackend at the requested thread count, or createBackend(name).
      const module = (path: string): string => pathToFileURL(join(tree.root, path)).href;
      const instance = args.backend === 'wasm'
        ? new ((await import(module('runtime/wasm/wasm-backend.ts'))) as { WasmBackend: new (o: { threads: number }) => unknown }).WasmBackend({ threads })
        : await ((await import(module('runtime/backends/create-backend.ts'))) as { createBackend: (name: string) => Promise<unknown> }).createBackend(args.backend!);
      await loadTree(tree, { weights: 'synthetic', arch: args.arch, resolution, backend: instance });
      console.error(`${tree.label}: loaded on ${tree.model!.backend}`);
    }
    const size = batch * 3 * resolution * resolution;
    const data = Float32Array.from({ length: size }, (_, i) => Math.sin(0.37 * i) * 0.5);
    const input = { shape: [batch, 3, resolution, resolution], data };
    // Two warm-up forwards each (pipeline and tier-up), then interleaved timed rounds.
    for (const tree of trees) for (let w = 0; w < 2; w++) tree.logits = (await tree.model!.forward(input)).data;
    for (let r = 0; r < rounds; r++) {
      for (const tree of r % 2 === 0 ? trees : [...trees].reverse()) {
        const t0 = performance.now();
        await tree.model!.forward(input);
        tree.ms.push(performance.now() - t0);
      }
    }
    const [base, head] = trees as [Tree, Tree];
    let maxDiff = 0;
    base.logits!.forEach((v, i) => { maxDiff = Math.max(maxDiff, Math.abs(v - head.logits![i]!)); });
    const perRound = base.ms.map((b, i) => b / head.ms[i]!);
    const result = {
      bench: 'compare-revisions',
      model: `${args.arch}-${resolution}`, batch, backend: args.backend, threads: args.backend === 'wasm' ? threads : undefined,
      host: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}`,
      adapter: head.model!.backend,
      rounds,
      base: { revision: baseRev, medianMs: median(base.ms), samplesMs: base.ms },
      head: { revision: `${headRev}${dirty ? '+changes' : ''}`, medianMs: median(head.ms), samplesMs: head.ms },
      /** > 1: this tree is faster. Median of per-round ratios (each round times both trees back to back). */
      speedup: median(perRound),
      maxAbsLogitDifference: maxDiff,
    };
    console.log(`${result.model} batch ${batch}, ${args.backend}${args.backend === 'wasm' ? ` ${threads} thread(s)` : ''}, ${rounds} interleaved rounds · ${result.host} · ${result.adapter}`);
    for (const tree of trees) console.log(`  ${tree.label.padEnd(28)} median ${median(tree.ms).toFixed(1).padStart(9)} ms`);
    console.log(`  base/this per round (median): ${result.speedup.toFixed(3)}x   max |logit difference|: ${maxDiff.toExponential(2)}`);
    const out = args.out ?? `bench/results/compare-revisions-${args.backend}.json`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${out}`);
  } finally {
    for (const tree of trees) await tree.model?.dispose();
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: here, stdio: 'ignore' });
    rmSync(worktree, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
