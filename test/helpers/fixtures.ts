import { readFileSync } from 'node:fs';
import { parseSafetensors, type SafetensorsFile } from '../../runtime/weights/safetensors.js';

export const FIXTURES = 'test/fixtures';
export const MODEL_DIR = `${FIXTURES}/model`;

export function readFixture(path: string): SafetensorsFile {
  return parseSafetensors(readFileSync(`${FIXTURES}/${path}`), path);
}

/** Golden NeoNeXt-T-224 synthetic results: logits and per-module statistics from upstream. */
export interface SyntheticGolden {
  config: { per_stage_layers: number[]; dims: number[]; shifts: number[]; kernel_spec: string; num_classes: number };
  logits: number[];
  stages: Record<string, { shape: number[]; mean: number; std: number; first8: number[] }>;
}

export function readSyntheticGolden(): SyntheticGolden {
  return JSON.parse(readFileSync(`${MODEL_DIR}/neonext-t-224.synthetic.json`, 'utf8')) as SyntheticGolden;
}
