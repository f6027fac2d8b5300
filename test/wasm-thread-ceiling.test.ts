import { describe, expect, it } from 'vitest';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';
import { threadCeiling } from '../bench/thread-ceiling.js';

/**
 * bench/thread-ceiling.ts, the host's own 1→N reference that bench:onnx prints beside neocc's scaling: it must run
 * through the real pool and give a plausible ratio (no timing claim here: that is the bench's job).
 */
describe('thread ceiling probe (bench:onnx)', () => {
  it('times the same compute-bound kernel on 1 thread and through a 2-thread pool', async () => {
    const probe = await threadCeiling(ASSEMBLYSCRIPT, 2, 5);
    try {
      const ratio = probe.round();
      expect(Number.isFinite(ratio)).toBe(true);
      // Two threads can be no more than ~2x one (a little over with timer noise), and never ~0.
      expect(ratio).toBeGreaterThan(0.3);
      expect(ratio).toBeLessThan(3);
    } finally {
      await probe.dispose();
    }
  }, 60_000);
});
