import { BufferUsage, MapMode } from '../runtime/webgpu/constants.js';
import type { GpuContext } from '../runtime/webgpu/gpu-context.js';
import { encodeDispatches, type PreparedDispatch } from './dispatch.js';

/**
 * GPU timing as docs/DESIGN-NOTES.md §7 asks: `timestamp-query` where the device has it (timestampWrites at the start and end
 * of a compute pass, resolved and read back in ns), otherwise wall time around `queue.onSubmittedWorkDone()`.
 * Each sample is one pass holding `reps` back-to-back launches of a variant, divided by `reps`: that amortizes
 * launch and submit overhead in the fallback and any timestamp quantization (Dawn can round timestamps to tens of
 * µs) in the query path, so choose `reps` so a sample lasts a few ms (see `chooseReps`).
 */
export type TimingMethod = 'timestamp-query' | 'onSubmittedWorkDone';

/** One variant's work for a sample: its dispatches, repeated `reps` times in one pass. */
export interface TimedWork {
  readonly dispatches: readonly PreparedDispatch[];
  readonly reps: number;
}

const MAX_PASSES = 16;

export class GpuTimer {
  readonly method: TimingMethod;
  private readonly querySet?: GPUQuerySet;
  private readonly resolveBuffer?: GPUBuffer;
  private readonly readBuffer?: GPUBuffer;

  /** `forceWall` measures with onSubmittedWorkDone even when timestamps exist (a cross-check of the two). */
  constructor(private readonly ctx: GpuContext, forceWall = false) {
    this.method = ctx.timestampQuery && !forceWall ? 'timestamp-query' : 'onSubmittedWorkDone';
    if (this.method === 'timestamp-query') {
      const { device } = ctx;
      this.querySet = device.createQuerySet({ type: 'timestamp', count: 2 * MAX_PASSES });
      this.resolveBuffer = device.createBuffer({ size: 16 * MAX_PASSES, usage: BufferUsage.QUERY_RESOLVE | BufferUsage.COPY_SRC });
      this.readBuffer = device.createBuffer({ size: 16 * MAX_PASSES, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    }
  }

  /** Runs the works one after another (in this order) and returns ns per repetition of each. */
  async round(works: readonly TimedWork[]): Promise<number[]> {
    if (works.length > MAX_PASSES) throw new Error(`GpuTimer: at most ${MAX_PASSES} works per round`);
    this.ctx.assertAlive();
    return this.method === 'timestamp-query' ? this.timestampRound(works) : this.wallRound(works);
  }

  private async timestampRound(works: readonly TimedWork[]): Promise<number[]> {
    const { device } = this.ctx;
    const encoder = device.createCommandEncoder();
    works.forEach((w, i) => {
      const pass = encoder.beginComputePass({
        timestampWrites: { querySet: this.querySet!, beginningOfPassWriteIndex: 2 * i, endOfPassWriteIndex: 2 * i + 1 },
      });
      encodeDispatches(pass, w.dispatches, w.reps);
      pass.end();
    });
    encoder.resolveQuerySet(this.querySet!, 0, 2 * works.length, this.resolveBuffer!, 0);
    encoder.copyBufferToBuffer(this.resolveBuffer!, 0, this.readBuffer!, 0, 16 * works.length);
    device.queue.submit([encoder.finish()]);
    await this.readBuffer!.mapAsync(MapMode.READ, 0, 16 * works.length);
    const stamps = new BigUint64Array(this.readBuffer!.getMappedRange(0, 16 * works.length).slice(0));
    this.readBuffer!.unmap();
    return works.map((w, i) => {
      const ns = Number(stamps[2 * i + 1]! - stamps[2 * i]!);
      if (!(ns > 0)) throw new Error(`timestamp-query returned a non-positive duration (${stamps[2 * i]} → ${stamps[2 * i + 1]}); rerun with --timer wall`);
      return ns / w.reps;
    });
  }

  private async wallRound(works: readonly TimedWork[]): Promise<number[]> {
    const { device } = this.ctx;
    const out: number[] = [];
    for (const w of works) {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      encodeDispatches(pass, w.dispatches, w.reps);
      pass.end();
      const commands = encoder.finish();
      const start = performance.now();
      device.queue.submit([commands]);
      await device.queue.onSubmittedWorkDone();
      out.push(((performance.now() - start) * 1e6) / w.reps);
    }
    return out;
  }

  destroy(): void {
    this.querySet?.destroy();
    this.resolveBuffer?.destroy();
    this.readBuffer?.destroy();
  }
}

/** Repetitions per sample so one sample lasts about `targetNs`, from a single-launch estimate (at least 1). */
export function chooseReps(singleNs: number, targetNs: number, maxReps = 64): number {
  return Math.max(1, Math.min(maxReps, Math.round(targetNs / Math.max(1, singleNs))));
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
