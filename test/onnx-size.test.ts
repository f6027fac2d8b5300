import { describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { exportNeoNeXtOnnx, ONNX_FORMS } from '../compiler/onnx/export-neonext.js';
import { checkOnnxSize, DEFAULT_MAX_ONNX_BYTES, onnxInitializerBytes } from '../compiler/onnx/onnx-size.js';
import { ARCHITECTURE_NAMES, modelConfig, releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { syntheticStateDict } from '../runtime/weights/synthetic.js';
import { caught } from './helpers/caught.js';

/**
 * issue 14: `export-onnx --resolution 4000 --form dense` built dense NeoCell matrices until memory ran out. The size
 * of an export is now known from the config and checked before anything is built (compiler/onnx/onnx-size.ts).
 */

const small = (resolution: number) => modelConfig({
  ...releasedConfig('neonext-t', 224), name: `small-${resolution}`, layers: [1, 1, 1, 1], dims: [8, 16, 32, 64], classes: 10, resolution, shifts: [1, 1, 0, 0],
});

describe('ONNX export size budget', () => {
  it('the estimate is the written file\'s size (within 2% + the graph\'s nodes) for every form at two resolutions', () => {
    for (const resolution of [128, 256]) {
      const config = small(resolution);
      const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
      for (const form of ONNX_FORMS) {
        const estimate = onnxInitializerBytes(config, form);
        const written = exportNeoNeXtOnnx(config, params, form).bytes.length;
        expect(written, `${form} at ${resolution}`).toBeGreaterThan(0.98 * estimate);
        expect(written, `${form} at ${resolution}`).toBeLessThan(1.02 * estimate + 64 * 1024);
      }
    }
  });

  it('lets every released configuration at 224 and 384 through in every form', () => {
    for (const arch of ARCHITECTURE_NAMES) {
      for (const resolution of [224, 384]) {
        for (const form of ONNX_FORMS) expect(() => checkOnnxSize(releasedConfig(arch, resolution), form)).not.toThrow();
      }
    }
  });

  it('refuses NeoNeXt-T dense at 4000 from the config, naming the size, the limit and what to change', () => {
    const err = caught(NeoccError, () => checkOnnxSize(releasedConfig('neonext-t', 4000), 'dense'));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(new RegExp(`^the dense ONNX export of neonext-t-4000 at resolution 4000 would hold \\d+ MiB of weights, over the ` +
      `${DEFAULT_MAX_ONNX_BYTES / 2 ** 20} MiB limit; use a smaller --resolution \\(now 4000\\), or --form blocks \\(\\d+ MiB: NeoCells without dense matrices\\)$`));
    // Over the default but under protobuf's 2 GiB: the message names the option that raises the limit.
    const raisable = caught(NeoccError, () => checkOnnxSize(releasedConfig('neonext-l', 1024), 'lean'));
    expect(raisable.message).toMatch(/, or --max-onnx-mib \d+ \(about 3x that in memory while exporting\)$/);
    expect(() => checkOnnxSize(releasedConfig('neonext-l', 1024), 'lean', 2 ** 31 - 1)).not.toThrow();
  });

  it('exportNeoNeXtOnnx checks its budget first', () => {
    const config = small(128);
    const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
    const err = caught(NeoccError, () => exportNeoNeXtOnnx(config, params, 'dense', { maxBytes: 1024 }));
    expect(err.message).toMatch(/^the dense ONNX export of small-128 at resolution 128 would hold \d+ MiB of weights, over the 1 MiB limit/);
  });
});
