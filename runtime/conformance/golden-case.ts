import { NeoccError } from '../../compiler/errors.js';
import { planNeoCell, type NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import { blockSchema } from '../../compiler/spec/neonext-state-dict.js';
import { parseNeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { withinSpec } from '../../compiler/spec/spec-error.js';
import { blockParams, type BlockParams } from '../../nn/neonext-params.js';
import type { NeoCellWeights } from '../../nn/reference/neocell.js';
import type { Tensor } from '../../nn/tensor.js';
import type { SafetensorsFile } from '../weights/safetensors.js';
import { loadStateDict } from '../weights/state-dict.js';

/** One NeoCell case: inputs, weights, and the upstream forward and backward results. */
export interface NeoCellCase {
  readonly op: 'neocell';
  readonly name: string;
  readonly plan: NeoCellPlan;
  readonly x: Tensor;
  readonly weights: NeoCellWeights;
  readonly y: Tensor;
  readonly gradY: Tensor;
  readonly gradX: Tensor;
  readonly gradA: readonly Tensor[];
  readonly gradB: readonly Tensor[];
}

/** One NeoBottleNeck case (eval mode): parameters, input and the upstream output. */
export interface BlockCase {
  readonly op: 'neo_bottleneck';
  readonly name: string;
  readonly plan: NeoCellPlan;
  readonly x: Tensor;
  readonly params: BlockParams;
  readonly y: Tensor;
}

export type GoldenCase = NeoCellCase | BlockCase;
export const GOLDEN_OPS = ['neocell', 'neo_bottleneck'] as const;

/**
 * Reads a golden case from a safetensors file whose `__metadata__` describes it (`op`, `channel_specs`, and for
 * blocks `c_outer`, `layer_scale`, `linear_bias`), as in golden/README.md.
 */
export function readGoldenCase(name: string, file: SafetensorsFile): GoldenCase {
  const meta = file.metadata;
  const fail = (message: string): never => {
    throw new NeoccError('bad-golden-case', `${file.source}: ${message}`);
  };
  if (meta.op !== 'neocell' && meta.op !== 'neo_bottleneck') {
    fail(`__metadata__.op is ${JSON.stringify(meta.op)}; allowed: ${GOLDEN_OPS.join(', ')}`);
  }
  if (meta.channel_specs === undefined) fail('__metadata__.channel_specs is missing');
  const spec = withinSpec(file.source, () => parseNeoCellSpec(meta.channel_specs!));
  const x = file.tensor('x');
  const plan = withinSpec(file.source, () => planNeoCell(spec, x.shape));

  if (meta.op === 'neocell') {
    // Every tensor checked against the spec and x's shape like a checkpoint (names, shapes, nothing extra), so a file
    // whose metadata disagrees with its weights fails here, naming the tensor, not deep inside a kernel.
    const schema = new Map<string, number[]>([['x', [...plan.inputShape]], ['y', [...plan.outputShape]], ['grad_y', [...plan.outputShape]], ['grad_x', [...plan.inputShape]]]);
    spec.groups.forEach((g, j) => {
      for (const prefix of ['weight_a', 'grad_weight_a']) schema.set(`${prefix}.${j}`, [g.channels, g.hOut, g.hIn]);
      for (const prefix of ['weight_b', 'grad_weight_b']) schema.set(`${prefix}.${j}`, [g.channels, g.wIn, g.wOut]);
    });
    const dict = loadStateDict(file, schema);
    const perGroup = (prefix: string): Tensor[] => spec.groups.map((_, j) => dict.get(`${prefix}.${j}`)!);
    return {
      op: 'neocell', name, plan, x: dict.get('x')!,
      weights: { a: perGroup('weight_a'), b: perGroup('weight_b') },
      y: dict.get('y')!,
      gradY: dict.get('grad_y')!,
      gradX: dict.get('grad_x')!,
      gradA: perGroup('grad_weight_a'),
      gradB: perGroup('grad_weight_b'),
    };
  }
  const flag = (key: string): boolean => {
    const v = meta[key];
    if (v !== 'true' && v !== 'false') fail(`__metadata__.${key} is ${JSON.stringify(v)}; allowed: "true", "false"`);
    return v === 'true';
  };
  const layerScale = flag('layer_scale');
  const linearBias = flag('linear_bias');
  const channels = x.shape[1]!;
  if (meta.c_outer !== undefined && Number(meta.c_outer) !== channels) {
    fail(`__metadata__.c_outer is ${meta.c_outer} but x has ${channels} channels`);
  }
  // Check the block's tensors like a checkpoint: names, shapes, nothing extra besides x and y.
  const schema = new Map([...blockSchema('', spec, channels, layerScale, linearBias), ['x', [...x.shape]], ['y', [...x.shape]]]);
  const dict = loadStateDict(file, schema);
  return { op: 'neo_bottleneck', name, plan, x, params: blockParams(dict, '', spec, layerScale, linearBias), y: file.tensor('y') };
}
