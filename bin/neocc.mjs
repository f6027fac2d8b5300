#!/usr/bin/env node
// The CLI is written in TypeScript and runs through tsx's loader: no build step, no stale output.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv);
// Exit explicitly: GPU runtimes (dawn.node) can keep the event loop alive after their work is done.
process.exit(code);
