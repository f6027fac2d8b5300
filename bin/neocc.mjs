#!/usr/bin/env node
// The `neocc` command. Installed from npm it runs the built JavaScript (dist/cli/main.js) in plain Node. In a
// checkout of the repository (cli/main.ts next to this file) it runs dist/ too while dist/ was built from the sources
// as they are (`npm ci` builds it; scripts/dist-freshness.mjs), since that starts ~1 s sooner, and otherwise the
// TypeScript sources through tsx's loader, a dev dependency: never stale output. NEOCC_FROM_SOURCES=1 forces the sources.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// WebAssembly kernels: compile with V8's optimizing tier up front. By default V8 runs new wasm code in its baseline
// tier and tiers hot functions up later, so a one-shot `neocc infer` would run its only forward mostly unoptimized.
setFlagsFromString('--no-wasm-dynamic-tiering');

const source = new URL('../cli/main.ts', import.meta.url);
let fromSources = existsSync(source);
if (fromSources && process.env.NEOCC_FROM_SOURCES !== '1') {
  const { distIsCurrent } = await import('../scripts/dist-freshness.mjs');
  fromSources = !distIsCurrent(fileURLToPath(new URL('..', import.meta.url)));
}
if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
}
// Relaxed SIMD (the FMA kernels, runtime/wasm/simd-variant.ts): on by default from Node 22, behind a V8 flag in Node 20.
const { enableRelaxedSimdInNode } = await import(fromSources ? '../runtime/wasm/node-v8-flags.ts' : '../dist/runtime/wasm/node-v8-flags.js');
enableRelaxedSimdInNode();
const { main } = await import(fromSources ? source.href : '../dist/cli/main.js');
const code = await main(process.argv);
// Exit explicitly: GPU runtimes (dawn.node) can keep the event loop alive after their work is done.
process.exit(code);
