import type { Command } from 'commander';
import { createBackend } from '../../runtime/backends/create-backend.js';
import { runConformance, type ConformanceRow } from '../../runtime/conformance/run-conformance.js';
import { formatError, formatShape, formatTable } from '../format.js';
import { positiveNumber, WASM_SIMD_HELP, wasmSimdMode } from '../options.js';
import type { WasmSimdMode } from '../../runtime/wasm/simd-variant.js';

interface ConformanceOptions {
  backend: string;
  wasmSimd?: WasmSimdMode;
  json?: boolean;
  tolerance?: number;
}

export function registerConformance(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('conformance')
    .description('check a backend against golden NeoCell / NeoNeXt-block cases (forward and gradients); exits 1 if any case fails')
    .argument('<dir>', 'directory of golden *.safetensors cases (e.g. test/fixtures/neocell or test/fixtures/block)')
    .option('--backend <name>', 'backend to check: auto (WebGPU on a hardware adapter, else wasm) | reference | webgpu | wasm | cuda-cpu (CUDA kernels via g++ on the CPU) | cuda (CUDA kernels via nvcc on an NVIDIA GPU)', 'auto')
    .option('--wasm-simd <mode>', WASM_SIMD_HELP, wasmSimdMode)
    .option('--tolerance <x>', 'largest allowed relative L2 error (default: 1e-6 for reference, 1e-5 for float32 backends)', positiveNumber)
    .option('--json', 'print a JSON report instead of a table')
    .action(async (dir: string, options: ConformanceOptions) => {
      const backend = await createBackend(options.backend, { report: (line) => process.stderr.write(`${line}\n`), wasmSimd: options.wasmSimd });
      try {
        const report = await runConformance(dir, backend, {
          ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
          onRow: options.json || !process.stderr.isTTY ? undefined : (row) => process.stderr.write(`  ${row.name}: ${row.pass ? 'pass' : 'FAIL'}\n`),
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          process.stdout.write(`${conformanceTable(report.rows)}\n\n`);
          process.stdout.write(`${report.passed}/${report.rows.length} cases passed at rel. L2 error <= ${report.tolerance.toExponential()} ` +
            `on backend ${report.backend} (${report.backendDescription})\n`);
        }
        setExitCode(report.failed > 0 ? 1 : 0);
      } finally {
        await backend.dispose();
      }
    });
}

function conformanceTable(rows: readonly ConformanceRow[]): string {
  return formatTable(
    ['case', 'op', 'input', 'output', 'y', 'grad_x', 'grad_w_a', 'grad_w_b', 'ms', 'result'],
    rows.map((r) => [
      r.name, r.op, formatShape(r.inputShape), formatShape(r.outputShape),
      formatError(r.errors.y), formatError(r.errors.gradX), formatError(r.errors.gradA), formatError(r.errors.gradB),
      r.ms.toFixed(0), r.pass ? 'pass' : 'FAIL',
    ]),
  );
}
