#!/usr/bin/env node
// The CLI is written in TypeScript and runs through tsx's loader: no build step, no stale output.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// WebAssembly kernels: compile with V8's optimizing tier up front. By default V8 runs new wasm code in its baseline
// tier and tiers hot functions up later, so a one-shot `neocc infer` would run its only forward mostly unoptimized.
setFlagsFromString('--no-wasm-dynamic-tiering');

register();
// Relaxed SIMD (the FMA kernels, runtime/wasm/simd-variant.ts): on by default from Node 22, behind a V8 flag in Node 20.
const { enableRelaxedSimdInNode } = await import('../runtime/wasm/node-v8-flags.ts');
enableRelaxedSimdInNode();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv);
// Exit explicitly: GPU runtimes (dawn.node) can keep the event loop alive after their work is done.
process.exit(code);
