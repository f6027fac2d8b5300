import { STAGE_COUNT, blockSpec, downsampleSpec, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import type { NeoCellSpec } from '../compiler/spec/neocell-spec.js';
import type { BatchNormParams, LinearParams } from './reference/ops.js';
import type { NeoCellWeights } from './reference/neocell.js';
import type { Tensor } from './tensor.js';

/**
 * Typed parameters of the NeoNeXt network, decoupled from upstream's key names: kernels take these structs,
 * and this module is the one place that knows how the state dict names them.
 */
export interface BlockParams {
  readonly neocell: NeoCellWeights;
  readonly norm: BatchNormParams;
  readonly fc1: LinearParams;
  readonly fc2: LinearParams;
  /** LayerScale; absent when the block was built without it. */
  readonly gamma?: Tensor;
}

export interface DownsampleParams {
  readonly conv: Tensor;
  readonly neocell: NeoCellWeights;
  readonly norm: BatchNormParams;
}

export interface NeoNeXtParams {
  readonly stem: { readonly conv: Tensor; readonly norm: BatchNormParams };
  /** stages[s][b]: block b of stage s. */
  readonly stages: readonly (readonly BlockParams[])[];
  /** downsamples[s - 1]: the downsample in front of stage s (s = 1..3). */
  readonly downsamples: readonly DownsampleParams[];
  readonly head: { readonly ln: { readonly weight: Tensor; readonly bias: Tensor }; readonly fc: LinearParams };
}

type Lookup = (key: string) => Tensor;

function lookupIn(dict: ReadonlyMap<string, Tensor>): Lookup {
  return (key) => {
    const t = dict.get(key);
    if (!t) throw new RangeError(`state dict has no tensor "${key}"`);
    return t;
  };
}

function batchNorm(get: Lookup, prefix: string): BatchNormParams {
  return {
    weight: get(`${prefix}weight`),
    bias: get(`${prefix}bias`),
    runningMean: get(`${prefix}running_mean`),
    runningVar: get(`${prefix}running_var`),
  };
}

function neoCell(get: Lookup, prefix: string, spec: NeoCellSpec): NeoCellWeights {
  return {
    a: spec.groups.map((_, j) => get(`${prefix}weight_a.${j}`)),
    b: spec.groups.map((_, j) => get(`${prefix}weight_b.${j}`)),
  };
}

/** One `NeoBottleNeck` under `prefix` ("stage_1.0." in a network, "" for a standalone block). */
export function blockParams(
  dict: ReadonlyMap<string, Tensor>, prefix: string, spec: NeoCellSpec, layerScale: boolean, linearBias: boolean,
): BlockParams {
  const get = lookupIn(dict);
  const c = `${prefix}ops.content.`;
  return {
    neocell: neoCell(get, `${c}neocell.`, spec),
    norm: batchNorm(get, `${c}norm.`),
    fc1: { weight: get(`${c}fc_1.weight`), ...(linearBias ? { bias: get(`${c}fc_1.bias`) } : {}) },
    fc2: { weight: get(`${c}fc_2.weight`), ...(linearBias ? { bias: get(`${c}fc_2.bias`) } : {}) },
    ...(layerScale ? { gamma: get(`${c}layer_scale.gamma`) } : {}),
  };
}

/** The whole network's parameters from a state dict validated against `neoNeXtSchema(config)`. */
export function neoNeXtParams(config: NeoNeXtConfig, dict: ReadonlyMap<string, Tensor>): NeoNeXtParams {
  const get = lookupIn(dict);
  const stages: BlockParams[][] = [];
  const downsamples: DownsampleParams[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    if (s > 0) {
      downsamples.push({
        conv: get(`downsample_${s}.conv.weight`),
        neocell: neoCell(get, `downsample_${s}.neocell.`, downsampleSpec(config.dims[s]!)),
        norm: batchNorm(get, `downsample_${s}.norm_1.`),
      });
    }
    const spec = blockSpec(config, s);
    stages.push(Array.from({ length: config.layers[s]! }, (_, b) =>
      blockParams(dict, `stage_${s + 1}.${b}.`, spec, config.layerScale, config.linearBias)));
  }
  return {
    stem: { conv: get('stem.conv.weight'), norm: batchNorm(get, 'stem.norm.') },
    stages,
    downsamples,
    head: { ln: { weight: get('head.ln.weight'), bias: get('head.ln.bias') }, fc: { weight: get('head.fc.weight'), bias: get('head.fc.bias') } },
  };
}
