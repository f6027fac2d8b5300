import type { KernelArtifact } from '../artifact.js';
import { planNeoCell } from '../plan/neocell-plan.js';
import { cudaParamsStruct } from '../render/cuda.js';
import { MAX_TENSOR_ELEMENTS, canonicalSpec, type NeoCellSpec } from '../spec/neocell-spec.js';
import type { KernelTarget } from '../targets/target.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../../schedule/neocell.js';
import { describeSpec } from './collect-specs.js';
import { GENERATED_HEADER } from './render-modules.js';
import { kernelFileName } from './spec-artifacts.js';
import { batchProgram, type BatchGrid, type BatchLaunch, type BatchProgram } from './torch-launch.js';

/**
 * `neocc gen --target cuda --torch`: a PyTorch extension for one NeoCell spec at one plane size (the batch is free).
 * Three files next to the kernels:
 * - `neocc_torch_<id>_kernels.cu`: #includes the kernel files and defines one `extern "C"` host launcher per program
 *   (forward, backward) that launches the schedule's dispatches in order (neoCellForwardProgram /
 *   neoCellBackwardProgram, read through batchProgram, which checks the grids and uniforms it derives against
 *   the schedule at several batch sizes). Compiled by nvcc; with NEOCC_TORCH_CPU defined and runtime/cuda-cpu's
 *   cuda-cpu.h included first, the same text compiles with g++ and runs on the CPU (the tests' numeric check).
 * - `neocc_torch_<id>_binding.cpp`: torch/extension.h only (no CUDA syntax or headers): checks the tensors,
 *   allocates outputs and scratch, calls the launchers on the stream Python passes as an integer.
 * - `neocc_torch_<id>.py`: loads both with torch.utils.cpp_extension.load on first use; `NeoCellFunction`
 *   (autograd) and `NeoCell` (nn.Module, parameters `weight_a.j` [c_j, h_out, h_in] and `weight_b.j`
 *   [c_j, w_in, w_out] as in upstream's state dicts). Without CUDA it imports and refuses on use, naming what is missing.
 */

export interface TorchExtension {
  /** Every kernel the launchers include (the program's, which may differ from the spec module's forward). */
  readonly kernels: readonly KernelArtifact[];
  readonly files: ReadonlyArray<{ readonly name: string; readonly content: string }>;
}

/** The stem of the three files and the Python/C symbol prefix: `neocc_torch_<spec id>`. */
export const torchExtensionName = (specId: string): string => `neocc_torch_${specId}`;

/** Input tensors of the programs with their shapes, as C++ expressions over the batch `n`. */
type Shapes = Readonly<Record<string, readonly (number | 'n')[]>>;

export function torchExtension(spec: NeoCellSpec, inputShape: readonly number[], specId: string, request: string, target: KernelTarget): TorchExtension {
  const plan = planNeoCell(spec, inputShape);
  const [, c, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const wa = spec.groups.reduce((s, g) => s + g.channels * g.hOut * g.hIn, 0);
  const wb = spec.groups.reduce((s, g) => s + g.channels * g.wIn * g.wOut, 0);
  const shapes: Shapes = {
    x: ['n', c, inH, inW], grad_x: ['n', c, inH, inW], y: ['n', c, outH, outW], grad_y: ['n', c, outH, outW],
    weight_a: [wa], grad_weight_a: [wa], weight_b: [wb], grad_weight_b: [wb],
  };
  const programs = {
    forward: batchProgram(inputShape, spec, target, neoCellForwardProgram),
    backward: batchProgram(inputShape, spec, target, neoCellBackwardProgram),
  };
  const kernels = new Map<string, KernelArtifact>();
  for (const p of Object.values(programs)) for (const l of p.launches) kernels.set(l.artifact.entryPoint, l.artifact);
  // The largest per-image tensor bounds the batch: kernels index with 32-bit integers, and grid z holds the batch
  // in the forward (at most 65535 blocks on that axis).
  const perImage = Math.max(...Object.values(programs).flatMap((p) => p.buffers.filter((b) => b.perBatch).map((b) => b.elements)));
  const maxBatch = Math.min(target.limits.maxComputeWorkgroupsPerDimension, Math.floor(MAX_TENSOR_ELEMENTS / perImage));
  const name = torchExtensionName(specId);
  const about = `NeoCell ${describeSpec(spec)} on ${inH}x${inW} planes (output ${outH}x${outW}), any batch up to ${maxBatch}`;
  return {
    kernels: [...kernels.values()],
    files: [
      { name: `${name}_kernels.cu`, content: launchersSource(name, about, request, programs, [...kernels.values()], shapes) },
      { name: `${name}_binding.cpp`, content: bindingSource(name, about, request, programs, shapes, maxBatch, `${c}, ${inH}, ${inW}`) },
      { name: `${name}.py`, content: pythonModule(name, about, request, spec, programs, [inH, inW, outH, outW]) },
    ],
  };
}

type Programs = Readonly<Record<'forward' | 'backward', BatchProgram>>;

/** Launcher parameters: every buffer of the program in program order (inputs read-only), then the batch and the stream. */
function launcherParams(p: BatchProgram): string {
  return [...p.buffers.map((b) => `${b.role === 'input' ? 'const float*' : 'float*'} ${b.name}`), 'unsigned int n', 'void* stream'].join(', ');
}

function gridExpression(g: BatchGrid): string[] {
  if (g.kind === 'fixed') return [`    const unsigned int gx = ${g.grid[0]}u, gy = ${g.grid[1]}u, gz = ${g.grid[2]}u;`];
  if (g.kind === 'z-batch') return [`    const unsigned int gx = ${g.x}u, gy = ${g.y}u, gz = n;`];
  // foldGrid(ceil(n·perImage / workgroup)) (compiler/launch.ts): x up to the limit, the rest in y.
  return [
    `    const unsigned long long groups = ((unsigned long long)n * ${g.perImage}ull + ${g.workgroupSize - 1}ull) / ${g.workgroupSize}ull;`,
    `    const unsigned int gx = (unsigned int)(groups < 1ull ? 1ull : groups < ${g.maxPerDimension}ull ? groups : ${g.maxPerDimension}ull);`,
    '    const unsigned int gy = (unsigned int)((groups + gx - 1ull) / gx), gz = 1u;',
  ];
}

function launchStatement(l: BatchLaunch, index: number): string[] {
  const a = l.artifact;
  const args: string[] = [...l.buffers];
  const lines = [`  { // dispatch ${index}: ${a.name}`, ...gridExpression(l.grid)];
  if (a.uniforms.length > 0) {
    const struct = cudaParamsStruct(a.entryPoint);
    lines.push(`    ${struct} u;`);
    for (const u of l.uniforms) {
      const field = a.uniforms.find((f) => f.name === u.name)!;
      // The renderer prints plain identifiers for these fields; a renamed one would not compile here, so check.
      if (!a.source.includes(`  ${field.type === 'f32' ? 'float' : 'unsigned int'} ${u.name};`)) throw new Error(`not supported: ${a.name}'s uniform ${u.name} is renamed in CUDA`);
      lines.push(`    u.${u.name} = ${u.value === 'batch' ? 'n' : field.type === 'f32' ? `${u.value}f` : `${u.value}u`};`);
    }
    args.push('u');
  }
  lines.push(`    NEOCC_LAUNCH(${a.entryPoint}, gx, gy, gz, ${a.workgroupSize}u, stream, ${args.join(', ')});`, '    NEOCC_CHECK();', '  }');
  return lines;
}

function launchersSource(name: string, about: string, request: string, programs: Programs, kernels: readonly KernelArtifact[], shapes: Shapes): string {
  const launcher = (which: 'forward' | 'backward'): string[] => {
    const p = programs[which];
    for (const b of p.buffers) if (b.role !== 'activation' && !(b.name in shapes)) throw new Error(`not supported: the NeoCell ${which} program's buffer ${b.name}`);
    return [
      `// The ${which} program (schedule/neocell.ts neoCell${which === 'forward' ? 'Forward' : 'Backward'}Program), dispatch by dispatch. Buffers: ${p.buffers.map((b) => `${b.name} (${b.role}${b.perBatch ? ', per image' : ''}: ${b.elements} f32)`).join(', ')}.`,
      `extern "C" int ${name}_${which}(${launcherParams(p)}) {`,
      '  (void)stream;',
      ...p.launches.flatMap((l, i) => launchStatement(l, i)),
      '  return 0;',
      '}',
      '',
    ];
  };
  return [
    `${GENERATED_HEADER}`,
    `// Host launchers of the PyTorch extension ${name}: ${about}.`,
    `// Request: neocc gen ${request}`,
    '// Compiled by nvcc (torch.utils.cpp_extension.load; -Werror all-warnings clean for sm_90). Test-only: with',
    '// NEOCC_TORCH_CPU defined and runtime/cuda-cpu/cuda-cpu.h included first, g++ compiles the same text and runs',
    '// each launch on the CPU (nc_launch: every block\'s threads as real threads).',
    '#ifdef NEOCC_TORCH_CPU',
    '#define NEOCC_LAUNCH(kernel, gx, gy, gz, block, stream, ...) nc_launch(uint3{gx, gy, gz}, block, [&] { kernel(__VA_ARGS__); })',
    '#define NEOCC_CHECK() ((void)0)',
    '#else',
    '#include <cuda_runtime.h>',
    '#define NEOCC_LAUNCH(kernel, gx, gy, gz, block, stream, ...) kernel<<<dim3(gx, gy, gz), dim3(block), 0, static_cast<cudaStream_t>(stream)>>>(__VA_ARGS__)',
    '// Launch errors (bad configuration, no kernel image for this GPU) surface here; faults inside a kernel surface at',
    '// PyTorch\'s next synchronizing call, as for its own kernels.',
    '#define NEOCC_CHECK() do { const cudaError_t e = cudaGetLastError(); if (e != cudaSuccess) return (int)e; } while (0)',
    '#endif',
    '',
    ...kernels.map((a) => `#include "${kernelFileName(a)}"`),
    '',
    `extern "C" const char* ${name}_error(int code) {`,
    '#ifdef NEOCC_TORCH_CPU',
    '  return code == 0 ? "no error" : "error";',
    '#else',
    '  return cudaGetErrorString(static_cast<cudaError_t>(code));',
    '#endif',
    '}',
    '',
    ...launcher('forward'),
    ...launcher('backward'),
  ].join('\n');
}

const cppShape = (shape: readonly (number | 'n')[]): string => `{${shape.map((d) => (d === 'n' ? 'n' : `${d}`)).join(', ')}}`;

function bindingSource(name: string, about: string, request: string, programs: Programs, shapes: Shapes, maxBatch: number, chw: string): string {
  const fn = (which: 'forward' | 'backward'): string[] => {
    const p = programs[which];
    const inputs = p.buffers.filter((b) => b.role === 'input');
    const outputs = p.buffers.filter((b) => b.role === 'output');
    const lines = [
      `std::vector<torch::Tensor> ${which}(${[...inputs.map((b) => `const torch::Tensor& ${b.name}`), 'int64_t stream'].join(', ')}) {`,
      '  const int64_t n = check_x(x);',
      ...inputs.filter((b) => b.name !== 'x').map((b) => `  check(${b.name}, "${b.name}", ${cppShape(shapes[b.name]!)}, x);`),
      ...p.buffers.filter((b) => b.role !== 'input').map((b) => (b.role === 'output'
        ? `  torch::Tensor ${b.name} = torch::empty(${cppShape(shapes[b.name]!)}, x.options());`
        : `  torch::Tensor ${b.name} = torch::empty({n * ${b.elements}}, x.options()); // ${b.label}`)),
      `  const int status = ${name}_${which}(${[...p.buffers.map((b) => `${b.name}.data_ptr<float>()`), 'static_cast<unsigned int>(n)', 'reinterpret_cast<void*>(stream)'].join(', ')});`,
      `  TORCH_CHECK(status == 0, "neocc NeoCell ${which}: kernel launch failed: ", ${name}_error(status));`,
      `  return {${outputs.map((b) => b.name).join(', ')}};`,
      '}',
      '',
    ];
    return lines;
  };
  const decl = (which: 'forward' | 'backward'): string => `extern "C" int ${name}_${which}(${launcherParams(programs[which])});`;
  return [
    GENERATED_HEADER,
    `// PyTorch binding of ${name}: ${about}.`,
    `// Request: neocc gen ${request}`,
    `// No CUDA syntax or headers here: the launchers are in ${name}_kernels.cu; the stream comes from Python as an integer.`,
    '#include <torch/extension.h>',
    '',
    '#include <cstdint>',
    '#include <vector>',
    '',
    decl('forward'),
    decl('backward'),
    `extern "C" const char* ${name}_error(int code);`,
    '',
    'namespace {',
    '',
    `constexpr int64_t MAX_BATCH = ${maxBatch};`,
    '',
    '// One clear error per misuse: dtype, device, shape, layout.',
    'void check(const torch::Tensor& t, const char* what, std::vector<int64_t> shape, const torch::Tensor& x) {',
    '  TORCH_CHECK(t.scalar_type() == torch::kFloat, "neocc NeoCell: ", what, " must be float32, got ", t.scalar_type());',
    '#ifdef NEOCC_TORCH_CPU',
    '  TORCH_CHECK(t.device().is_cpu(), "neocc NeoCell (CPU test build): ", what, " must be a CPU tensor, got one on ", t.device());',
    '#else',
    '  TORCH_CHECK(t.is_cuda(), "neocc NeoCell: ", what, " must be a CUDA tensor, got one on ", t.device());',
    '#endif',
    '  TORCH_CHECK(t.device() == x.device(), "neocc NeoCell: ", what, " is on ", t.device(), " but x is on ", x.device());',
    '  TORCH_CHECK(t.sizes() == c10::IntArrayRef(shape), "neocc NeoCell: ", what, " must have shape ", c10::IntArrayRef(shape), ", got ", t.sizes());',
    '  TORCH_CHECK(t.is_contiguous(), "neocc NeoCell: ", what, " must be contiguous (call .contiguous() first)");',
    '}',
    '',
    `// x is [N, ${chw}]: the plane size is baked into the kernels' launch geometry, the batch is free.`,
    'int64_t check_x(const torch::Tensor& x) {',
    `  TORCH_CHECK(x.dim() == 4 && x.size(1) == ${chw.split(', ')[0]} && x.size(2) == ${chw.split(', ')[1]} && x.size(3) == ${chw.split(', ')[2]}, "neocc NeoCell: x must be [N, ${chw}] ",`,
    `    "(this extension was generated for that channel count and plane size; run neocc gen --torch with --input-shape N,C,H,W for another), got ", x.sizes());`,
    '  const int64_t n = x.size(0);',
    '  TORCH_CHECK(n >= 1 && n <= MAX_BATCH, "neocc NeoCell: the batch must be 1..", MAX_BATCH, " (32-bit indices, grid z), got ", n);',
    `  check(x, "x", {n, ${chw}}, x);`,
    '  return n;',
    '}',
    '',
    ...fn('forward'),
    ...fn('backward'),
    '}  // namespace',
    '',
    'PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {',
    `  m.doc() = "${name}: ${about} (neocc gen)";`,
    `  m.def("forward", &forward, "y = NeoCell(x): ${programs.forward.buffers.filter((b) => b.role === 'input').map((b) => b.name).join(', ')}, stream -> [y]");`,
    `  m.def("backward", &backward, "${programs.backward.buffers.filter((b) => b.role === 'input').map((b) => b.name).join(', ')}, stream -> [${programs.backward.buffers.filter((b) => b.role === 'output').map((b) => b.name).join(', ')}]");`,
    '}',
    '',
  ].join('\n');
}

function pythonModule(name: string, about: string, request: string, spec: NeoCellSpec, programs: Programs, planes: readonly number[]): string {
  const forwardInputs = programs.forward.buffers.filter((b) => b.role === 'input').map((b) => b.name);
  const backwardInputs = programs.backward.buffers.filter((b) => b.role === 'input').map((b) => b.name);
  const backwardOutputs = programs.backward.buffers.filter((b) => b.role === 'output').map((b) => b.name);
  // The Function's inputs are (x, weight_a, weight_b); backward returns their gradients in that order.
  if (forwardInputs.join() !== 'x,weight_a,weight_b' || backwardOutputs.join() !== 'grad_x,grad_weight_a,grad_weight_b') {
    throw new Error(`not supported: NeoCell programs with buffers ${forwardInputs.join(', ')} -> ${backwardOutputs.join(', ')}`);
  }
  const canonical = JSON.stringify(canonicalSpec(spec));
  const tuple = (xs: readonly number[]): string => `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`;
  return `${GENERATED_HEADER.replace(/^\/\//, '#')}
# PyTorch extension ${name}: ${about}.
# Request: neocc gen ${request}
"""NeoCell on neocc's generated CUDA kernels, as a PyTorch autograd Function and an nn.Module.

${about}.
Built on first use with torch.utils.cpp_extension.load from ${name}_binding.cpp and ${name}_kernels.cu (next to
this file; nvcc compiles the kernels with --fmad=false, the IR's one rounding per operation). Importing this module
needs only torch; using it on a machine without a CUDA build of PyTorch, a CUDA device or nvcc raises
NeoccTorchUnavailable naming what is missing.
"""
import json
import os
import shutil

import torch
from torch.autograd.function import once_differentiable

#: The baked NeoCell: canonical channel_specs (every group in h/w form with both shifts).
SPEC = json.loads('${canonical}')
CHANNELS = ${spec.channels}
#: The plane size the launch geometry is baked for (the batch is free).
IN_H, IN_W, OUT_H, OUT_W = ${planes.join(', ')}
WEIGHT_A_SHAPES = [${spec.groups.map((g) => tuple([g.channels, g.hOut, g.hIn])).join(', ')}]
WEIGHT_B_SHAPES = [${spec.groups.map((g) => tuple([g.channels, g.wIn, g.wOut])).join(', ')}]

_DIR = os.path.dirname(os.path.abspath(__file__))
SOURCES = [os.path.join(_DIR, '${name}_binding.cpp'), os.path.join(_DIR, '${name}_kernels.cu')]


class NeoccTorchUnavailable(RuntimeError):
    """This machine cannot build or run the extension (no CUDA build of PyTorch, no CUDA device or no nvcc)."""


def missing_cuda():
    """None when the extension can be built and run here, else what is missing (one sentence)."""
    if torch.version.cuda is None:
        return (f'this PyTorch ({torch.__version__}) was built without CUDA (torch.version.cuda is None); '
                'install a CUDA build of PyTorch')
    if not torch.cuda.is_available():
        return 'no CUDA device is available (torch.cuda.is_available() is False): check the NVIDIA driver and CUDA_VISIBLE_DEVICES'
    from torch.utils.cpp_extension import CUDA_HOME
    nvcc = os.path.join(CUDA_HOME, 'bin', 'nvcc') if CUDA_HOME else shutil.which('nvcc')
    if not nvcc or not os.path.exists(nvcc):
        return 'nvcc was not found (set CUDA_HOME to the CUDA toolkit, e.g. /usr/local/cuda, or put nvcc on PATH)'
    return None


_extension = None


def load_extension(**load_options):
    """The compiled extension, built on first use (options go to torch.utils.cpp_extension.load)."""
    global _extension
    if _extension is None:
        reason = missing_cuda()
        if reason is not None:
            raise NeoccTorchUnavailable(f'${name}: cannot run the NeoCell CUDA kernels: {reason}')
        from torch.utils.cpp_extension import load
        load_options.setdefault('extra_cuda_cflags', ['-O3', '-std=c++17', '--fmad=false'])
        _extension = load(name='${name}', sources=SOURCES, **load_options)
    return _extension


def use_extension(extension):
    """Use an extension built elsewhere from the same sources (the tests' CPU build) instead of building one."""
    global _extension
    _extension = extension


def _call(op, x, *tensors):
    ext = load_extension()
    if x.is_cuda:
        # Kernels launch on the current device and stream: make them x's.
        with torch.cuda.device(x.device):
            return op(ext)(x, *tensors, torch.cuda.current_stream(x.device).cuda_stream)
    return op(ext)(x, *tensors, 0)


class NeoCellFunction(torch.autograd.Function):
    """y = NeoCell(x) with weight_a / weight_b each group's kernels flattened back to back (torch.cat order)."""

    @staticmethod
    def forward(ctx, x, weight_a, weight_b):
        (y,) = _call(lambda ext: ext.forward, x, weight_a, weight_b)
        ctx.save_for_backward(x, weight_a, weight_b)
        return y

    @staticmethod
    @once_differentiable  # the backward kernels are not differentiated again: double backward raises
    def backward(ctx, grad_y):
        x, weight_a, weight_b = ctx.saved_tensors
        inputs = {'x': x, 'grad_y': grad_y.contiguous(), 'weight_a': weight_a, 'weight_b': weight_b}
        order = ${JSON.stringify(backwardInputs.slice(1)).replace(/"/g, "'")}
        grad_x, grad_weight_a, grad_weight_b = _call(lambda ext: ext.backward, x, *[inputs[k] for k in order])
        return grad_x, grad_weight_a, grad_weight_b


def _canonical(channel_specs):
    """Upstream's channel_specs forms (kernel | kernel_a + kernel_b | h_in, h_out, w_in, w_out; shift | shift_a + shift_b)."""
    out = []
    for g in channel_specs:
        if 'kernel' in g:
            h_in = h_out = w_in = w_out = g['kernel']
        elif 'kernel_a' in g:
            h_in = h_out = g['kernel_a']
            w_in = w_out = g['kernel_b']
        else:
            h_in, h_out, w_in, w_out = g['h_in'], g['h_out'], g['w_in'], g['w_out']
        shift_a = g.get('shift_a', g.get('shift', 0))
        shift_b = g.get('shift_b', g.get('shift', 0))
        out.append({'channels': g['channels'], 'h_in': h_in, 'h_out': h_out, 'shift_a': shift_a, 'shift_b': shift_b,
                    'w_in': w_in, 'w_out': w_out})
    return out


class NeoCell(torch.nn.Module):
    """Drop-in for upstream's NeoCell of this spec: parameters weight_a.j [c_j, h_out, h_in] and weight_b.j
    [c_j, w_in, w_out] per channel group j (upstream's state-dict names), forward and backward on the generated kernels.
    channel_specs (upstream's list of dicts) may be given: it must describe the baked spec."""

    def __init__(self, channel_specs=None):
        super().__init__()
        if channel_specs is not None and _canonical(channel_specs) != SPEC:
            raise ValueError(f'${name} is generated for channel_specs {SPEC}; got {channel_specs} (run neocc gen --torch for that spec)')
        self.channel_specs = SPEC if channel_specs is None else channel_specs
        self.weight_a = torch.nn.ParameterList([torch.nn.Parameter(torch.empty(s)) for s in WEIGHT_A_SHAPES])
        self.weight_b = torch.nn.ParameterList([torch.nn.Parameter(torch.empty(s)) for s in WEIGHT_B_SHAPES])
        self.reset_parameters()

    def reset_parameters(self):
        # Uniform with variance 1 / fan-in per matrix (neocc's synthetic weights; upstream's own init is not known here).
        with torch.no_grad():
            for w in self.weight_a:
                bound = (3.0 / w.shape[2]) ** 0.5
                w.uniform_(-bound, bound)
            for w in self.weight_b:
                bound = (3.0 / w.shape[1]) ** 0.5
                w.uniform_(-bound, bound)

    def forward(self, x):
        weight_a = torch.cat([w.reshape(-1) for w in self.weight_a])
        weight_b = torch.cat([w.reshape(-1) for w in self.weight_b])
        return NeoCellFunction.apply(x.contiguous(), weight_a, weight_b)
`;
}
