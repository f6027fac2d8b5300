import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { planNeoCell } from '../../compiler/plan/neocell-plan.js';
import { specFromCode } from '../../compiler/spec/neocell-spec.js';
import { encodeRun } from '../../runtime/cuda-common/protocol.js';
import { cudaKernelTable, cudaSource } from '../../runtime/cuda-common/source.js';
import { GXX_FLAGS } from '../../runtime/cuda-cpu/compile.js';
import { nvccFlags } from '../../runtime/cuda/compile.js';
import {
  conformanceRequests, denseFile, miniModelRequest, neoCellTimeRequest, neoNeXtModelRequests, neoNeXtTNeoCellRequests, requestArtifacts,
  type BenchRequest,
} from './requests.js';

/**
 * `npm run bench:cuda:prepare`: writes the self-contained folder bench/cuda/run.sh builds and runs on a lent GPU
 * machine (which has nvcc and python but no node): the kernels' .cu text in one translation unit per build
 * (bench-gpu.cu for nvcc, bench-cpu.cpp for g++ against cuda-cpu.h), the runner's headers, the compiler flags the
 * runtimes use, manifest.txt, and the requests (program files in the kernel binaries' protocol, expected outputs,
 * dense-baseline layouts). Nothing large is shipped: timed programs' inputs and weights are filled by the runner.
 */

/** `full`: everything issue 11 asks for. `test`: the conformance checks and one tiny timed NeoCell (the CPU check). */
export type RequestSet = 'full' | 'test';

export interface PrepareOptions {
  readonly out: string;
  readonly set: RequestSet;
}

export interface PreparedFolder {
  readonly out: string;
  readonly kernels: number;
  readonly checks: number;
  readonly timed: number;
  readonly bytes: number;
}

/** The device tool carries at most 64 MiB; leave room for the rest of the working tree. */
export const PREPARED_BYTE_LIMIT = 48 << 20;

const HERE = new URL('.', import.meta.url);
const RUNNER_HEADERS = ['bench-main.h', 'bench-program.h', 'bench-device.h', 'bench-report.h'];
const RUNTIME_HEADERS = ['../../runtime/cuda-common/nc-protocol.h', '../../runtime/cuda/cuda-gpu.h', '../../runtime/cuda-cpu/cuda-cpu.h'];

/** The tiny timed NeoCell of the `test` set: a 4+7 cell, batch 2, 14x14 (seconds on the CPU emulation). */
export const TINY_TIME_ID = 'tiny-4p7-b2';

async function requestsOf(set: RequestSet): Promise<BenchRequest[]> {
  const checks = [...await conformanceRequests(), miniModelRequest()];
  if (set === 'test') {
    const plan = planNeoCell(specFromCode('4+7', 24, 1), [2, 24, 14, 14]);
    return [...checks, neoCellTimeRequest(TINY_TIME_ID, '4+7 shift 1, 24x14x14', plan)];
  }
  return [...checks, ...neoNeXtTNeoCellRequests(), ...neoNeXtModelRequests()];
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

export async function prepareBench(options: PrepareOptions): Promise<PreparedFolder> {
  const { out } = options;
  const requests = await requestsOf(options.set);
  const table = cudaKernelTable(requestArtifacts(requests), 'nc-bench');
  const kernelIndex = new Map(table.map((a, i) => [a.entryPoint, i]));
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['requests', 'expected', 'dense']) mkdirSync(join(out, dir), { recursive: true });

  writeFileSync(join(out, 'bench-gpu.cu'), cudaSource(table, 'gpu', 'bench-main.h'));
  writeFileSync(join(out, 'bench-cpu.cpp'), cudaSource(table, 'cpu', 'bench-main.h'));
  for (const h of [...RUNNER_HEADERS, ...RUNTIME_HEADERS]) copyFileSync(new URL(h, HERE), join(out, h.replace(/^.*\//, '')));
  // The runtimes' own flags (runtime/cuda/compile.ts, runtime/cuda-cpu/compile.ts); run.sh appends -arch.
  writeFileSync(join(out, 'nvcc-flags.txt'), `${nvccFlags('sm_90').filter((f) => !f.startsWith('-arch=')).join(' ')}\n`);
  writeFileSync(join(out, 'gxx-flags.txt'), `${GXX_FLAGS.join(' ')}\n`);

  const lines = ['# nc-bench manifest (bench/cuda/prepare.ts); directives in bench/cuda/bench-main.h'];
  requests.forEach((r, i) => {
    const file = `${String(i).padStart(3, '0')}-${r.id.replace(/[^A-Za-z0-9_.-]+/g, '_')}`;
    const outputs = r.program.buffers.filter((b) => b.role === 'output');
    const reads = outputs.map((b) => ({ after: r.program.dispatches.length, buffer: b.name, elements: b.elements }));
    const fills = r.kind === 'time' ? r.fills : {};
    writeFileSync(join(out, 'requests', `${file}.ncc`), encodeRun(r.program, r.kind === 'check' ? r.data : {}, true, kernelIndex, reads, 'nc-bench', fills));
    if (r.kind === 'check') {
      const expected = Buffer.concat(r.expected.map((e) => Buffer.from(e.buffer, e.byteOffset, e.byteLength)));
      writeFileSync(join(out, 'expected', `${file}.f32`), expected);
      lines.push(`check ${r.id} requests/${file}.ncc expected/${file}.f32 ${r.tolerance} ${outputs.map((b) => b.name).join(',')}`);
    } else {
      let dense = '-';
      if (r.plan) {
        dense = `dense/${file}.ncd`;
        writeFileSync(join(out, dense), denseFile(r.plan, r.program));
      }
      lines.push(`time ${r.id} ${r.what} requests/${file}.ncc ${dense} ${r.batch} ${r.bytes} ${r.label}`);
    }
  });
  // The issue's targets, at NeoNeXt-T-224's stage-1 NeoCell (96 channels, 56x56, "4+7", shift 1).
  lines.push(options.set === 'full' ? 'target t224-s1- 5 0.6' : `target ${TINY_TIME_ID} 5 0.6`);
  writeFileSync(join(out, 'manifest.txt'), `${lines.join('\n')}\n`);

  const bytes = folderBytes(out);
  if (bytes > PREPARED_BYTE_LIMIT) throw new Error(`bench:cuda:prepare: ${out} holds ${bytes} bytes, over the ${PREPARED_BYTE_LIMIT}-byte budget for the device tool's carry`);
  const timed = requests.filter((r) => r.kind === 'time').length;
  return { out, kernels: table.length, checks: requests.length - timed, timed, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'bench/cuda/prepared' }, set: { type: 'string', default: 'full' } } });
  if (values.set !== 'full' && values.set !== 'test') {
    console.error(`bench:cuda:prepare: --set ${values.set}; allowed: full, test`);
    process.exit(2);
  }
  const start = performance.now();
  const r = await prepareBench({ out: values.out!, set: values.set });
  console.log(`bench:cuda:prepare: ${r.out}: ${r.kernels} kernels, ${r.checks} checks, ${r.timed} timed requests, ${(r.bytes / 2 ** 20).toFixed(1)} MiB in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
