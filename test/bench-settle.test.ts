import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { settleUntilQuiet, type ProcessClock } from '../bench/settle.js';

/**
 * A scripted process: sleep() advances time exactly, and the process burns `coresAt(t)` cores at time t. Scripted
 * because a real spinning thread is starved now and then while other test files load the two cores, and then looks
 * quiet for a window (a real-thread version of these tests failed 3 runs in 5 that way).
 */
function scriptedClock(coresAt: (ms: number) => number): ProcessClock {
  let now = 0;
  let cpu = 0;
  return {
    nowMs: () => now,
    cpuMs: () => cpu,
    sleep: async (ms) => {
      for (let step = 0; step < ms; step++) cpu += coresAt(now + step);
      now += ms;
    },
  };
}

/** CPU milliseconds the process spends on `run`, sampled around it (the main thread may sleep meanwhile). */
async function processCpuMs(run: () => Promise<void> | void): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const SPIN = `let x = 0; for (let i = 0; i < 3e7; i++) x += Math.sqrt(x + i); globalThis.sink = x;`;

describe('bench/settle.ts: a timed run waits until no thread of the process spins', () => {
  it('waits while the process keeps a core busy, and until then only', async () => {
    expect(await settleUntilQuiet(5000, scriptedClock((t) => (t < 300 ? 1 : 0.02)))).toBe(305);
    // Half a core (a pool thread spinning on and off) is not quiet either; 5% of one is.
    expect(await settleUntilQuiet(5000, scriptedClock((t) => (t < 100 ? 0.5 : 0.05)))).toBe(105);
    expect(await settleUntilQuiet(5000, scriptedClock(() => 0.05))).toBe(5);
  });

  it('gives up after maxMs when the process never goes quiet', async () => {
    expect(await settleUntilQuiet(100, scriptedClock(() => 1))).toBe(100);
  });

  it('reads the whole process: a worker thread\'s CPU time counts while the main thread sleeps', async () => {
    const onMain = await processCpuMs(() => new Function(SPIN)());
    const inWorker = await processCpuMs(() => new Promise((resolve, reject) => {
      const worker = new Worker(SPIN, { eval: true });
      worker.once('exit', resolve);
      worker.once('error', reject);
    }));
    // The same work in a worker: at least about its cost on the main thread (CPU time, not wall, so load does not matter).
    expect(onMain).toBeGreaterThan(10);
    expect(inWorker).toBeGreaterThan(0.7 * onMain);
  });

  it('returns after a window or a few on the real process when nothing spins', async () => {
    const waited = await settleUntilQuiet(2000);
    expect(waited).toBeGreaterThanOrEqual(4);
    expect(waited).toBeLessThan(2000);
  });
});
