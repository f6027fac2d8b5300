import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget } from '../../compiler/targets/target.js';
import { NeoccError } from '../../compiler/errors.js';
import {
  BlockBuilder, add, builtin, div, f32, finishKernel, ge, load, lt, min, mod, mul, sub, u32, uniform,
} from '../../compiler/ir/build.js';
import type { Expr, KernelIR } from '../../compiler/ir/ir.js';
import { foldGrid, type Launch } from '../../compiler/launch.js';
import { gelu } from '../../compiler/ir/math.js';

/**
 * The fused second half of a NeoNeXt block (after the folded NeoCell):
 *   y[n, c, p] = x[n, c, p] + b2[c] + Σ_j W2[c, j] · GELU(b1[j] + Σ_k W1[j, k] · m[n, p, k])
 * with m the channels-last NeoCell output, x the NCHW block input (residual), y NCHW. BN and LayerScale are
 * already folded into W1/b1/W2/b2 (nn/fold-neonext.ts).
 *
 * One workgroup owns a tile of `pixelTile` pixels (flattened over batch and space, so tiles cross image borders
 * and batch costs nothing extra). The 4C hidden activations never reach global memory: they are produced in
 * chunks of `workgroupSize · hiddenPerInvocation` hidden units (register blocks of pixels × units), parked in workgroup
 * memory for one barrier, and consumed at once by fc_2. fc_2's partial sums live in workgroup memory too (each
 * invocation only ever touches its own output channels there, so they need no barrier); that keeps registers at
 * `pixelTile` accumulators per invocation whatever C is. Weights are stored transposed (W1ᵀ [C, 4C],
 * W2ᵀ [4C, C]) so neighbouring invocations read neighbouring addresses; m and h reads are the same address
 * across the workgroup (broadcast).
 *
 * Baked: C, hidden size, tile sizes. Run-time: pixel counts (uniforms), so one kernel serves every batch and
 * resolution.
 */
export interface MlpTiling {
  readonly pixelTile: number;
  readonly workgroupSize: number;
  /** Hidden units per invocation per chunk (fc_1 register block); a chunk is workgroupSize · this many units. */
  readonly hiddenPerInvocation: number;
  /** Output-channel slots per invocation accumulated together (fc_2 register block). */
  readonly channelsPerInvocation: number;
}

export interface MlpKernelOptions extends MlpTiling {
  readonly channels: number;
  readonly hidden: number;
}

const H_TILE = 'h_tile';
const O_TILE = 'o_tile';

export function mlpSharedBytes(channels: number, t: MlpTiling): number {
  return 4 * t.pixelTile * (channels + t.workgroupSize * t.hiddenPerInvocation);
}

/**
 * Register blocks of 8 pixels × up to 4 hidden units (fc_1) and 8 pixels × up to 4 channels (fc_2): 12 loads per
 * 32 FMAs instead of 17 per 16 with one unit per invocation — on lavapipe every divergent storage load is a
 * per-lane gather, so loads, not FMAs, bound this kernel (bench/neonext-mlp.ts: 1.9-3.8x). The workgroup size and
 * blocks are picked so C and 4C split into whole slots and chunks where possible: a half-empty channel slot or
 * hidden chunk is idle lanes (C = 96 with 64 invocations wasted a quarter; 32 invocations measured 1.6x faster).
 * The pixel tile shrinks first when workgroup storage is short.
 */
export function chooseMlpTiling(channels: number, limits: { maxComputeWorkgroupStorageSize: number }): MlpTiling {
  const workgroupSize = channels % 64 === 0 || channels % 32 !== 0 ? 64 : 32;
  const chunks = Math.ceil((4 * channels) / workgroupSize);
  const slots = Math.ceil(channels / workgroupSize);
  const hiddenPerInvocation = [4, 2].find((r) => chunks % r === 0) ?? Math.min(4, chunks);
  const channelsPerInvocation = [4, 3, 2].find((r) => slots % r === 0) ?? Math.min(4, slots);
  for (const pixelTile of [8, 4, 2, 1]) {
    const t = { pixelTile, workgroupSize, hiddenPerInvocation, channelsPerInvocation };
    if (mlpSharedBytes(channels, t) <= limits.maxComputeWorkgroupStorageSize) return t;
  }
  const smallest = { pixelTile: 1, workgroupSize, hiddenPerInvocation: 1, channelsPerInvocation };
  if (mlpSharedBytes(channels, smallest) <= limits.maxComputeWorkgroupStorageSize) return smallest;
  throw new NeoccError('adapter-limits-exceeded',
    `the fused MLP kernel for C = ${channels} needs ${mlpSharedBytes(channels, smallest)} bytes of workgroup storage; ` +
    `the adapter allows ${limits.maxComputeWorkgroupStorageSize} (maxComputeWorkgroupStorageSize)`);
}

export function mlpResidualKernel(o: MlpKernelOptions): KernelIR {
  const { channels: C, hidden: Hd, pixelTile: TP, workgroupSize: wg, hiddenPerInvocation: RJ, channelsPerInvocation: RC } = o;
  const HC = wg * RJ;
  const pixels = uniform('pixels');
  const plane = uniform('plane');
  const lidx = builtin('local_index');
  const b = new BlockBuilder();
  const tile = b.let('tile', add(builtin('workgroup_id.x'), mul(builtin('workgroup_id.y'), builtin('num_workgroups.x'))));
  const q0 = b.let('q0', mul(tile, u32(TP)));
  b.if(ge(q0, pixels), (r) => r.return());
  const slots = Math.ceil(C / wg);
  // Channel slot s of this invocation: c = lidx + s·wg; only the last slot can run past C.
  const channelOf = (s: number): Expr => add(lidx, u32(s * wg));
  const inC = (s: number, body: (g: BlockBuilder) => void): void => {
    if ((s + 1) * wg <= C) body(b);
    else b.if(lt(channelOf(s), u32(C)), body);
  };
  const pix = Array.from({ length: TP }, (_, p) => p);

  b.comment('fc_2 accumulators start at the folded bias b2');
  for (let s = 0; s < slots; s++) {
    inC(s, (g) => {
      const c = g.let('c', channelOf(s));
      const bias = g.let('bias2', load('b2', c));
      for (const p of pix) g.store(O_TILE, add(u32(p * C), c), bias);
    });
  }
  // Rows past the last pixel read the last pixel (clamped); their results are never stored.
  const mRow = pix.map((p) => b.let('m_row', mul(min(add(q0, u32(p)), sub(pixels, u32(1))), u32(C))));

  const units = Array.from({ length: RJ }, (_, r) => r);
  b.for('j0', u32(0), u32(Hd), (g, j0) => {
    g.comment(`fc_1 + GELU: hidden units j0 + lidx + r·${wg} (r < ${RJ}) for every pixel of the tile, into workgroup memory`);
    // Units past the hidden size compute a clamped (valid) unit; fc_2 never reads them.
    const j = units.map((r) => g.let('j', min(add(j0, add(lidx, u32(r * wg))), u32(Hd - 1))));
    const acc = units.map(() => pix.map(() => g.var('h_acc', f32(0))));
    g.for('k', u32(0), u32(C), (s, k) => {
      const row = s.let('w1_row', mul(k, u32(Hd)));
      const w = units.map((r) => s.let('w1', load('w1t', add(row, j[r]!))));
      const mv = pix.map((p) => s.let('mv', load('m', add(mRow[p]!, k))));
      for (const r of units) for (const p of pix) s.assign(acc[r]![p]!.name, add(acc[r]![p]!.ref, mul(mv[p]!, w[r]!)));
    });
    for (const r of units) {
      const b1 = g.let('bias1', load('b1', j[r]!));
      for (const p of pix) g.store(H_TILE, add(u32(p * HC + r * wg), lidx), gelu(g, add(acc[r]![p]!.ref, b1)));
    }
    g.barrier();

    g.comment('fc_2: this chunk of hidden units into the output channels this invocation owns');
    const chunk = Hd % HC === 0 ? u32(HC) : g.let('chunk', min(u32(HC), sub(u32(Hd), j0)));
    for (let s0 = 0; s0 < slots; s0 += RC) {
      const group = Array.from({ length: Math.min(RC, slots - s0) }, (_, i) => s0 + i);
      const c = group.map((sl) => g.let('c', min(channelOf(sl), u32(C - 1))));
      const part = group.map(() => pix.map(() => g.var('o_acc', f32(0))));
      g.for('jj', u32(0), chunk, (s, jj) => {
        const row = s.let('w2_row', mul(add(j0, jj), u32(C)));
        const w = c.map((ci) => s.let('w2', load('w2t', add(row, ci))));
        const hv = pix.map((p) => s.let('hv', load(H_TILE, add(u32(p * HC), jj))));
        group.forEach((_, i) => { for (const p of pix) s.assign(part[i]![p]!.name, add(part[i]![p]!.ref, mul(hv[p]!, w[i]!))); });
      });
      group.forEach((sl, i) => {
        const store = (s: BlockBuilder): void => {
          for (const p of pix) {
            const at = s.let('o_at', add(u32(p * C), c[i]!));
            s.store(O_TILE, at, add(load(O_TILE, at), part[i]![p]!.ref));
          }
        };
        if ((sl + 1) * wg <= C) store(g);
        else g.if(lt(channelOf(sl), u32(C)), store);
      });
    }
    g.barrier();
    // Kept a loop: unrolling 4C/HC chunks only bloats the shader (and lavapipe's compile time).
  }, { step: u32(HC), unrollLimit: 1 });

  b.comment('epilogue: residual add, NCHW store');
  for (let s = 0; s < slots; s++) {
    inC(s, (g) => {
      const c = g.let('c', channelOf(s));
      for (const p of pix) {
        const q = g.let('q', add(q0, u32(p)));
        g.if(lt(q, pixels), (t) => {
          const idx = t.let('y_at', add(mul(add(mul(div(q, plane), u32(C)), c), plane), mod(q, plane)));
          t.store('y', idx, add(load('x', idx), load(O_TILE, add(u32(p * C), c))));
        });
      }
    });
  }

  return finishKernel({
    name: 'neonext_mlp_residual',
    workgroupSize: wg,
    buffers: [
      { name: 'm', access: 'read', elem: 'f32' },
      { name: 'x', access: 'read', elem: 'f32' },
      { name: 'w1t', access: 'read', elem: 'f32' },
      { name: 'b1', access: 'read', elem: 'f32' },
      { name: 'w2t', access: 'read', elem: 'f32' },
      { name: 'b2', access: 'read', elem: 'f32' },
      { name: 'y', access: 'read_write', elem: 'f32' },
    ],
    uniforms: [{ name: 'pixels', type: 'u32' }, { name: 'plane', type: 'u32' }],
    shared: [{ name: H_TILE, elem: 'f32', length: TP * HC }, { name: O_TILE, elem: 'f32', length: TP * C }],
    body: b.stmts,
    doc: [
      `neocc neonext_mlp_residual: y = x + fc_2(GELU(fc_1(m))) with C = ${C}, hidden ${Hd} (never stored), ${TP} pixels per workgroup, workgroup ${wg}, register blocks ${TP}x${RJ} (fc_1) and ${TP}x${RC} (fc_2)`,
      'm channels-last [N, H, W, C], x and y NCHW; BN and LayerScale folded into the weights',
      'run-time: pixels = N·H·W, plane = H·W (uniforms)',
    ],
  });
}

export function compileMlpResidual(o: MlpKernelOptions, target: KernelTarget): KernelArtifact {
  return makeArtifact(mlpResidualKernel(o), target, { op: 'neonext-mlp-residual', ...o });
}

/** Grid: one workgroup per pixel tile, folded into 2D under the per-dimension limit. */
export function mlpLaunch(o: MlpTiling, batch: number, plane: number, maxPerDimension: number): Launch {
  return { grid: foldGrid(Math.ceil((batch * plane) / o.pixelTile), maxPerDimension), uniforms: { pixels: batch * plane, plane } };
}
