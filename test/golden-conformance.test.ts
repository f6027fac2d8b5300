import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../runtime/backends/reference-backend.js';
import type { Backend } from '../runtime/backends/backend.js';
import { runConformance } from '../runtime/conformance/run-conformance.js';

const NEOCELL = 'test/fixtures/neocell';
const BLOCK = 'test/fixtures/block';

describe('float64 reference on the upstream golden data', () => {
  it('passes every NeoCell case, forward and all gradients, at rel. L2 <= 1e-6', async () => {
    const report = await runConformance(NEOCELL, createReferenceBackend(), { tolerance: 1e-6 });
    expect(report.rows).toHaveLength(15);
    for (const row of report.rows) {
      expect(row.op).toBe('neocell');
      for (const value of [row.errors.y, row.errors.gradX, row.errors.gradA, row.errors.gradB]) {
        expect(value, row.name).toBeLessThanOrEqual(1e-6);
      }
    }
    expect(report.failed).toBe(0);
  });

  it('passes every NeoNeXt block case at rel. L2 <= 1e-6', async () => {
    const report = await runConformance(BLOCK, createReferenceBackend(), { tolerance: 1e-6 });
    expect(report.rows.map((r) => r.name)).toEqual(['block_k4p7_s1_c24_14x14', 'block_k7_s0_c16_7x7_nols']);
    for (const row of report.rows) expect(row.errors.y, row.name).toBeLessThanOrEqual(1e-6);
  });

  it('fails a backend that is slightly wrong (the runner can fail)', async () => {
    const reference = createReferenceBackend();
    const offByOneInAMillion: Backend = {
      ...reference,
      neoCellForward: async (plan, x, w) => {
        const y = await reference.neoCellForward(plan, x, w);
        for (let i = 0; i < y.size; i++) y.data[i] *= 1 + 3e-6;
        return y;
      },
    };
    const report = await runConformance(NEOCELL, offByOneInAMillion, { tolerance: 1e-6 });
    expect(report.failed).toBe(report.rows.length);
    expect(report.rows.every((r) => r.errors.y > 1e-6 && r.errors.gradX! < 1e-6)).toBe(true);
  });

  it('fails a backend that ignores the shift', async () => {
    const reference = createReferenceBackend();
    const { parseNeoCellSpec } = await import('../compiler/spec/neocell-spec.js');
    const { planNeoCell } = await import('../compiler/plan/neocell-plan.js');
    const unshifted: Backend = {
      ...reference,
      neoCellForward: (plan, x, w) => {
        const groups = plan.spec.groups.map((g) => ({ h_in: g.hIn, h_out: g.hOut, w_in: g.wIn, w_out: g.wOut, channels: g.channels }));
        return reference.neoCellForward(planNeoCell(parseNeoCellSpec(groups), plan.inputShape), x, w);
      },
    };
    const report = await runConformance(NEOCELL, unshifted);
    const shifted = report.rows.filter((r) => /_s[12]|sa1/.test(r.name));
    expect(shifted.length).toBeGreaterThan(5);
    expect(shifted.every((r) => !r.pass)).toBe(true);
  });
});
