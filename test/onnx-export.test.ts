import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type onnxProto from 'onnx-proto';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { ONNX_FORMS, exportNeoNeXtOnnx, type OnnxExport, type OnnxForm } from '../compiler/onnx/export-neonext.js';
import { decodeOnnxModel } from '../compiler/onnx/graph-builder.js';
import { modelConfig, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams, type NeoNeXtParams } from '../nn/neonext-params.js';
import { relativeL2Error, Tensor } from '../nn/tensor.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { readTensorFile } from '../runtime/weights/read-tensor-file.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { runCli } from './helpers/run-cli.js';

const MINI = 'test/fixtures/model/neonext-mini.safetensors';
const MINI_GOLDEN = 'test/fixtures/model/neonext-mini.golden.safetensors';
/** Whole-network float32 logits (design: golden/README.md "Tolerances"). */
const LOGITS_BOUND = 1e-4;

interface Mini {
  config: NeoNeXtConfig;
  params: NeoNeXtParams;
  input: Tensor;
  logits: Tensor;
}

async function mini(): Promise<Mini> {
  const weights = await readTensorFile(MINI);
  const config = resolveModelConfig({ resolution: 128 }, weights);
  const golden = await readTensorFile(MINI_GOLDEN);
  return { config, params: neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))), input: golden.tensor('input'), logits: golden.tensor('logits') };
}

async function runNode(model: Uint8Array, input: Tensor): Promise<{ dims: readonly number[]; data: Float32Array }> {
  const session = await ortNode.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const out = await session.run({ input: new ortNode.Tensor('float32', Float32Array.from(input.data), [...input.shape]) });
    const logits = out.logits!;
    return { dims: logits.dims, data: logits.data as Float32Array };
  } finally {
    await session.release();
  }
}

describe('ONNX export of NeoNeXt (neonext-mini, shifts 1,1,1,0, vs upstream golden logits)', () => {
  const exports = new Map<OnnxForm, OnnxExport>();
  const get = async (form: OnnxForm): Promise<{ m: Mini; e: OnnxExport }> => {
    const m = await mini();
    if (!exports.has(form)) exports.set(form, exportNeoNeXtOnnx(m.config, m.params, form));
    return { m, e: exports.get(form)! };
  };

  for (const form of ONNX_FORMS) {
    it(`${form}: onnxruntime-node (CPU, 1 thread) matches the golden logits`, async () => {
      const { m, e } = await get(form);
      const out = await runNode(e.bytes, m.input);
      expect(out.dims).toEqual([2, 10]);
      const err = relativeL2Error(out.data, m.logits.data);
      expect(err).toBeLessThanOrEqual(LOGITS_BOUND);
    });

    it(`${form}: onnxruntime-web (wasm, 1 thread) matches the golden logits`, async () => {
      const { m, e } = await get(form);
      ortWeb.env.wasm.numThreads = 1;
      const session = await ortWeb.InferenceSession.create(e.bytes, { executionProviders: ['wasm'] });
      const out = await session.run({ input: new ortWeb.Tensor('float32', Float32Array.from(m.input.data), [...m.input.shape]) });
      await session.release();
      expect(out.logits!.dims).toEqual([2, 10]);
      expect(relativeL2Error(out.logits!.data as Float32Array, m.logits.data)).toBeLessThanOrEqual(LOGITS_BOUND);
    });

    it(`${form}: the batch dimension is dynamic (one image gives golden row 0)`, async () => {
      const { m, e } = await get(form);
      const one = new Tensor([1, 3, 128, 128], m.input.data.slice(0, m.input.size / 2));
      const out = await runNode(e.bytes, one);
      expect(out.dims).toEqual([1, 10]);
      expect(relativeL2Error(out.data, m.logits.data.subarray(0, 10))).toBeLessThanOrEqual(LOGITS_BOUND);
    });

    it(`${form}: the decoded model round-trips (opset, io, node count, initializer names/shapes/bytes)`, async () => {
      const { m, e } = await get(form);
      const model = decodeOnnxModel(e.bytes);
      expect(Number(model.irVersion)).toBe(8);
      expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
      const graph = model.graph as onnxProto.onnx.GraphProto;
      expect(graph.node.length).toBe(e.nodeCount);
      expect(graph.initializer.length).toBe(e.initializerCount);
      expect(graph.input.map((i) => i.name)).toEqual(['input']);
      expect(graph.output.map((o) => o.name)).toEqual(['logits']);
      const dims = (v: onnxProto.onnx.IValueInfoProto): (string | number)[] =>
        v.type!.tensorType!.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue));
      expect(dims(graph.input[0]!)).toEqual(['N', 3, 128, 128]);
      expect(dims(graph.output[0]!)).toEqual(['N', 10]);
      const inits = graph.initializer.map((t) => ({
        name: t.name ?? '', dataType: t.dataType ?? 0, dims: (t.dims ?? []).map(Number), rawData: t.rawData ?? new Uint8Array(),
      }));
      const names = inits.map((t) => t.name);
      expect(new Set(names).size).toBe(names.length);
      for (const t of inits) {
        const count = t.dims.reduce((a, d) => a * d, 1);
        expect(t.rawData.length, t.name).toBe(count * (t.dataType === 7 ? 8 : 4));
      }
      // Every node input is the graph input, an initializer or an earlier node's output.
      const known = new Set<string>(['input', ...names]);
      for (const node of graph.node) {
        for (const i of node.input ?? []) expect(known.has(i), `${node.opType} input ${i}`).toBe(true);
        for (const o of node.output ?? []) known.add(o);
      }
      expect(graph.node.at(-1)!.output).toEqual(['logits']);
      // The head's Linear weight is stored exactly (float32 little-endian raw_data).
      const fc = inits.find((t) => t.name === 'head.fc.weight')!;
      expect(fc.dims).toEqual([10, 128]);
      const stored = new Float32Array(Uint8Array.from(fc.rawData).buffer);
      expect(Array.from(stored)).toEqual(Array.from(Float32Array.from(m.params.head.fc.weight.data)));
      const ops = new Set(graph.node.map((n) => n.opType ?? ''));
      if (form === 'dense') {
        expect(names).toContain('stage_1.0.neocell.A');
        expect(inits.find((t) => t.name === 'stage_1.0.neocell.A')!.dims).toEqual([16, 32, 32]);
        expect(ops).toContain('Transpose');
        expect(ops).not.toContain('BatchNormalization');
      } else {
        expect(ops.has('Transpose')).toBe(form === 'blocks');
        expect(names.some((n) => n.endsWith('.neocell.A'))).toBe(form === 'lean');
        expect(names.some((n) => n.endsWith('.M'))).toBe(form === 'blocks');
        expect(inits.find((t) => t.name === 'downsample_1.weight')!.dims).toEqual([32, 16, 2, 2]);
        if (form === 'lean') expect(e.nodeCount).toBeLessThan(exports.get('dense')?.nodeCount ?? Infinity);
      }
    });
  }

  it('the golden comparison sees the shifts: the same weights exported without shifts miss the logits', async () => {
    const m = await mini();
    const unshifted = modelConfig({ ...m.config, shifts: [0, 0, 0, 0] });
    const out = await runNode(exportNeoNeXtOnnx(unshifted, m.params, 'lean').bytes, m.input);
    expect(relativeL2Error(out.data, m.logits.data)).toBeGreaterThan(1e-2);
  });
});

describe('neocc export-onnx', () => {
  it('writes a model onnxruntime runs, and reports size, node count and path', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'neocc-onnx-')), 'sub', 'mini.onnx');
    const r = await runCli(['export-onnx', '--weights', MINI, '--resolution', '128', '--form', 'dense', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/checkpoint-128 \(layers 1,1,2,1, dims 16,32,64,128.*form dense · opset 17/);
    const bytes = readFileSync(out);
    expect(r.stdout).toContain(`wrote ${out}: 1.3 MiB (${bytes.length} bytes), ${decodeOnnxModel(bytes).graph!.node!.length} nodes`);
    const m = await mini();
    expect(relativeL2Error((await runNode(bytes, m.input)).data, m.logits.data)).toBeLessThanOrEqual(LOGITS_BOUND);
    const json = await runCli(['export-onnx', '--weights', MINI, '--resolution', '128', '--out', out, '--json']);
    const report = JSON.parse(json.stdout) as { form: string; nodes: number; bytes: number };
    expect(report.form).toBe('lean');
    expect(report.bytes).toBe(readFileSync(out).length);
  });

  it('says what is wrong: missing --out, unknown form, unsupported config, missing weights', async () => {
    let r = await runCli(['export-onnx', '--weights', MINI]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out <file> is required');
    r = await runCli(['export-onnx', '--weights', MINI, '--out', '/tmp/x.onnx', '--form', 'sparse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--form sparse; allowed: dense | lean | blocks');
    r = await runCli(['export-onnx', '--arch', 'neonext-t', '--resolution', '96', '--shifts', '1,1,1,1', '--weights', 'synthetic', '--out', '/tmp/x.onnx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stage_4.channel_specs[1].shift_a');
    r = await runCli(['export-onnx', '--weights', 'synthetic', '--out', '/tmp/x.onnx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('synthetic weights need --arch');
    r = await runCli(['export-onnx', '--weights', 'no/such.pt', '--out', '/tmp/x.onnx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such.pt: cannot read: ENOENT');
  });
});
