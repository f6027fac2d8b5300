import type { NeoCellWeights } from '../../nn/reference/neocell.js';
import type { NeoCellPlan } from '../plan/neocell-plan.js';
import type { OnnxGraphBuilder } from './graph-builder.js';

/**
 * NeoCell without dense matrices, for the lean ONNX form. Per shift sub-group (channels [c0, c1), offset o, square
 * kernel k) every k×k output block is a linear map of its k×k input block: Y_blk = K_a · X_blk · K_b, i.e.
 * vec(Y_blk) = vec(X_blk) · M_c with M_c[(a,b),(i,j)] = K_a[i,a]·K_b[b,j] — ONE batched MatMul per sub-group
 * ([N, cs, blocks, k²] @ [cs, k², k²]): k² MACs per pixel instead of H + W (16 vs 112 at 56×56 with k = 4).
 *
 * Shift offsets become zero padding (docs/DESIGN-NOTES.md §2): the o×o corner that holds the kernel's bottom-right corner is
 * the tail of a full block whose first k−o rows/cols are padding, and the truncated last block is a full block
 * over zero padding whose extra outputs are cropped. So: pad the whole input by k on each side once, take each
 * sub-group's window (Slice: channels and the block-aligned rows/cols), Reshape/Transpose to blocks, MatMul,
 * back, crop (Slice), and Concat the sub-groups along C.
 *
 * Returns undefined when the plan has a group this does not cover (non-square kernels, A and B sub-groups that
 * differ): the caller keeps the dense form for that NeoCell.
 */
export function blockNeoCell(g: OnnxGraphBuilder, name: string, plan: NeoCellPlan, w: NeoCellWeights, x: string): string | undefined {
  const [, , h, wd] = plan.inputShape;
  const kMax = Math.max(...plan.groups.map((gp) => gp.group.hIn));
  if (blockMatrixElements(plan) === undefined) return undefined;
  const padded = g.node('Pad', [x, g.int64(`${name}.pads`, [0, 0, kMax, kMax, 0, 0, kMax, kMax])]);
  const parts: string[] = [];
  for (const gp of plan.groups) {
    const k = gp.group.hIn;
    const wa = w.a[gp.index]!.data;
    const wb = w.b[gp.index]!.data;
    gp.a.forEach((sg, si) => {
      const sgName = `${name}.g${gp.index}s${si}`;
      const cs = sg.channelEnd - sg.channelStart;
      const front = (k - sg.offset) % k;
      const start = kMax - front;
      const nbH = Math.ceil((front + h) / k);
      const nbW = Math.ceil((front + wd) / k);
      const win = g.node('Slice', [padded,
        g.int64(`${sgName}.starts`, [sg.channelStart, start, start]),
        g.int64(`${sgName}.ends`, [sg.channelEnd, start + nbH * k, start + nbW * k]),
        g.int64(`${sgName}.axes`, [1, 2, 3])]);
      const six = g.node('Reshape', [win, g.int64(`${sgName}.shape6`, [0, cs, nbH, k, nbW, k])]);
      const blocks = g.node('Reshape', [g.node('Transpose', [six], { perm: [0, 1, 2, 4, 3, 5] }),
        g.int64(`${sgName}.shape4`, [0, cs, nbH * nbW, k * k])]);
      const m = new Float32Array(cs * k ** 4);
      const k2 = k * k;
      for (let c = 0; c < cs; c++) {
        const local = sg.channelStart - gp.channelStart + c;
        const ka = local * k2;
        for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
          m[c * k2 * k2 + (a * k + b) * k2 + i * k + j] = wa[ka + i * k + a]! * wb[ka + b * k + j]!;
        }
      }
      const y = g.node('MatMul', [blocks, g.float(`${sgName}.M`, { shape: [cs, k2, k2], data: m })]);
      const back = g.node('Reshape', [g.node('Transpose', [g.node('Reshape', [y, g.int64(`${sgName}.shape6b`, [0, cs, nbH, nbW, k, k])])],
        { perm: [0, 1, 2, 4, 3, 5] }), g.int64(`${sgName}.shape4b`, [0, cs, nbH * k, nbW * k])]);
      parts.push(g.node('Slice', [back, g.int64(`${sgName}.crop_starts`, [front, front]), g.int64(`${sgName}.crop_ends`, [front + h, front + wd]),
        g.int64(`${sgName}.crop_axes`, [2, 3])]));
    });
  }
  return parts.length === 1 ? parts[0]! : g.node('Concat', parts, { axis: 1 });
}

/**
 * float32 elements of the per-sub-group matrices M [cs, k², k²] blockNeoCell writes for `plan` (k⁴ per channel, not
 * growing with the resolution), or undefined when it does not cover the plan (the caller then writes the dense form).
 */
export function blockMatrixElements(plan: NeoCellPlan): number | undefined {
  let elements = 0;
  for (const gp of plan.groups) {
    const gr = gp.group;
    if (!(gr.hIn === gr.hOut && gr.wIn === gr.wOut && gr.hIn === gr.wIn)) return undefined;
    if (gp.a.length !== gp.b.length || gp.a.some((s, i) => s.channelStart !== gp.b[i]!.channelStart || s.channelEnd !== gp.b[i]!.channelEnd || s.offset !== gp.b[i]!.offset)) return undefined;
    for (const sg of gp.a) elements += (sg.channelEnd - sg.channelStart) * gr.hIn ** 4;
  }
  return elements;
}
