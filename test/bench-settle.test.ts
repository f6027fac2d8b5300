import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { settleUntilQuiet } from '../bench/settle.js';

/** A thread of this process that keeps one core busy for `ms` from when the returned promise resolves. */
async function spinningThread(ms: number): Promise<Worker> {
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    parentPort.postMessage('spinning');
    const end = Date.now() + workerData.ms;
    let x = 0;
    while (Date.now() < end) x += Math.sqrt(x + 1);
  `, { eval: true, workerData: { ms } });
  await new Promise((resolve) => worker.once('message', resolve));
  return worker;
}

describe('bench/settle.ts: a timed run waits until no thread of the process spins', () => {
  it('waits while another thread of the process is busy, and until then only', async () => {
    const worker = await spinningThread(300);
    const waited = await settleUntilQuiet(5000);
    await worker.terminate();
    // The worker spun for 300 ms; allow for a host that starves it now and then, but not for a gate that never waited.
    expect(waited).toBeGreaterThan(150);
    expect(waited).toBeLessThan(5000);
  });

  it('gives up after maxMs when the process never goes quiet', async () => {
    const worker = await spinningThread(3000);
    const waited = await settleUntilQuiet(100);
    await worker.terminate();
    expect(waited).toBeGreaterThanOrEqual(100);
    expect(waited).toBeLessThan(1000);
  });
});
