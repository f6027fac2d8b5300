import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportNeoNeXtOnnx, type OnnxForm } from '../../compiler/onnx/export-neonext.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { NeoNeXtParams } from '../../nn/neonext-params.js';
import { ISOLATION_HEADERS, type Route } from '../../test/helpers/chromium-page.js';
import { bundlePage } from './bundle.js';
import { prepareKernelSet, type KernelSetName } from './kernels.js';
import type { BenchPageConfig } from './protocol.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ORT_DIST = join(ROOT, 'node_modules/onnxruntime-web/dist');

/** Cross-origin isolation (SharedArrayBuffer, so wasm threads) for every answer of the bench server. */
export const BENCH_HEADERS: Readonly<Record<string, string>> = { ...ISOLATION_HEADERS, 'cache-control': 'no-store' };

export interface BenchAssets {
  readonly route: Route;
  readonly exports: Record<string, { bytes: number; nodes: number }>;
  /** Per kernel set: where its binaries came from. */
  readonly kernels: Record<string, string>;
  /** Filled by the driver once it knows the cold rows (the page reads it on each load). */
  pageConfig: BenchPageConfig;
}

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const typeOf = (name: string): string => TYPES[/\.[a-z]+$/.exec(name)?.[0] ?? ''] ?? 'application/octet-stream';

/**
 * Everything the page fetches, prepared in Node before the browser starts: the esbuild bundle (into `workDir`), the
 * ONNX exports of `forms`, neocc's kernel sets, and onnxruntime-web's own dist files (served as the package ships them).
 */
export async function prepareAssets(o: {
  config: NeoNeXtConfig; params: NeoNeXtParams; forms: readonly OnnxForm[]; kernelSets: readonly KernelSetName[];
  /** Sets built only from committed binaries (no asc): left out when a kernel is missing. */
  committedOnly: ReadonlySet<KernelSetName>;
  workDir: string; log: (line: string) => void;
}): Promise<BenchAssets> {
  const bundleDir = join(o.workDir, 'bundle');
  const files = await bundlePage(bundleDir);
  o.log(`bundled the page: ${files.length} files`);
  const onnx = new Map<string, Uint8Array>();
  const exports: BenchAssets['exports'] = {};
  for (const form of o.forms) {
    const e = exportNeoNeXtOnnx(o.config, o.params, form);
    onnx.set(form, e.bytes);
    exports[form] = { bytes: e.bytes.length, nodes: e.nodeCount };
    o.log(`exported ONNX ${form}: ${(e.bytes.length / 2 ** 20).toFixed(1)} MiB, ${e.nodeCount} nodes`);
  }
  const kernelFiles = new Map<string, Uint8Array>();
  const kernelIndex = new Map<string, string>();
  const kernels: Record<string, string> = {};
  for (const set of o.kernelSets) {
    const t = performance.now();
    const prepared = await prepareKernelSet(o.config, set, !o.committedOnly.has(set));
    if (!prepared) {
      kernels[set] = 'not prepared (no committed binaries for this model; asc skipped)';
      o.log(`kernels ${set}: ${kernels[set]}`);
      continue;
    }
    for (const k of prepared.kernels) kernelFiles.set(`${set}/${k.file}`, k.bytes);
    kernelIndex.set(set, JSON.stringify(prepared.kernels.map((k) => ({ role: k.role, key: k.key, file: k.file }))));
    kernels[set] = `${prepared.committed} committed, ${prepared.compiled} built with asc`;
    o.log(`kernels ${set}: ${kernels[set]} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const html = '<!doctype html><meta charset="utf-8"><title>neocc browser bench</title><script type="module" src="/page.js"></script>';
  const assets: BenchAssets = {
    exports, kernels, pageConfig: { config: o.config, coldRows: [] },
    route: (url) => {
      const path = url.split('?')[0]!;
      if (path === '/') return { type: 'text/html', body: html };
      if (path === '/bench-config.json') return { type: 'application/json', body: JSON.stringify(assets.pageConfig) };
      let m = /^\/onnx\/(\w+)\.onnx$/.exec(path);
      if (m && onnx.has(m[1]!)) return { type: 'application/octet-stream', body: Buffer.from(onnx.get(m[1]!)!) };
      m = /^\/kernels\/([\w-]+)\/index\.json$/.exec(path);
      if (m && kernelIndex.has(m[1]!)) return { type: 'application/json', body: kernelIndex.get(m[1]!)! };
      m = /^\/kernels\/([\w-]+\/[\w-]+\.wasm)$/.exec(path);
      if (m && kernelFiles.has(m[1]!)) return { type: 'application/wasm', body: Buffer.from(kernelFiles.get(m[1]!)!) };
      m = /^\/ort\/([\w.-]+\.(?:mjs|wasm))$/.exec(path);
      if (m && existsSync(join(ORT_DIST, m[1]!))) return { type: typeOf(m[1]!), body: readFileSync(join(ORT_DIST, m[1]!)) };
      const name = basename(path);
      if (`/${name}` === path && files.includes(name)) return { type: typeOf(name), body: readFileSync(join(bundleDir, name)) };
      // The runtime's own look-up of the committed plain kernels (runtime/wasm/prebuilt-released.ts) fetches them next to the chunks.
      if (/^\/[a-z0-9_]+-[0-9a-f]{12}\.wasm$/.test(path) && existsSync(join(ROOT, 'generated/wasm', name))) return { type: 'application/wasm', body: readFileSync(join(ROOT, 'generated/wasm', name)) };
      return undefined;
    },
  };
  return assets;
}
