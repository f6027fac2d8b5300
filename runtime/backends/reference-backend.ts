import { neoCellBackward, neoCellForward } from '../../nn/reference/neocell.js';
import { neoNeXtBlock, neoNeXtForward } from '../../nn/reference/neonext.js';
import type { Backend } from './backend.js';

/** The float64 CPU reference in plain TypeScript: the oracle every other backend is checked against. */
export function createReferenceBackend(): Backend {
  return {
    name: 'reference',
    description: 'float64 CPU reference (TypeScript)',
    conformanceTolerance: 1e-6,
    neoCellForward: async (plan, x, weights) => neoCellForward(plan, x, weights),
    neoCellBackward: async (plan, x, weights, gradY) => neoCellBackward(plan, x, weights, gradY),
    neoNeXtBlock: async (plan, x, params) => neoNeXtBlock(plan, x, params),
    loadModel: async (config, params) => ({
      config,
      forward: async (input, observe) => neoNeXtForward(config, params, input, observe),
      dispose: () => {},
    }),
    dispose: async () => {},
  };
}
