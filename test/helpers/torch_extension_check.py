"""Checks a `neocc gen --torch` extension with the system PyTorch (test/torch-extension.test.ts runs it).

usage: torch_extension_check.py refuse <gen dir> <module name>
       torch_extension_check.py golden <gen dir> <module name> <build dir> <cuda-cpu.h folder> <golden .safetensors>

`refuse`: the generated module imports without CUDA, and using it raises NeoccTorchUnavailable naming what is
missing. `golden`: the extension built by torch.utils.cpp_extension.load for the CPU (NEOCC_TORCH_CPU: the
binding as generated, the launchers' .cu text compiled by g++ after runtime/cuda-cpu/cuda-cpu.h), then the
nn.Module's forward and autograd backward against upstream's golden data; prints one JSON line of relative L2
errors and the binding's messages for bad inputs. Exits non-zero on any mismatch.
"""
import importlib.util
import json
import struct
import sys

import torch


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_safetensors(path):
    """The golden files' F32 tensors (safetensors: u64 header length, JSON header, little-endian data)."""
    with open(path, 'rb') as f:
        data = f.read()
    (length,) = struct.unpack('<Q', data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    out = {}
    for name, info in header.items():
        if name == '__metadata__' or info['dtype'] != 'F32':
            continue
        start, end = info['data_offsets']
        out[name] = torch.frombuffer(bytearray(body[start:end]), dtype=torch.float32).reshape(info['shape'])
    return out


def rel_l2(got, want):
    return float(torch.linalg.norm((got - want).double()) / torch.linalg.norm(want.double()))


def refuse(gen_dir, name):
    module = load_module(f'{gen_dir}/{name}.py', name)
    reason = module.missing_cuda()
    assert reason is not None, 'this check expects a machine without CUDA'
    cell = module.NeoCell()
    x = torch.zeros((1, module.CHANNELS, module.IN_H, module.IN_W))
    try:
        cell(x)
    except module.NeoccTorchUnavailable as err:
        print(json.dumps({'refused': str(err)}))
        return
    raise AssertionError('NeoCell ran without CUDA instead of refusing')


def build_cpu(gen_dir, name, build_dir, cuda_cpu_dir):
    from torch.utils.cpp_extension import load
    wrapper = f'{build_dir}/{name}_kernels_cpu.cpp'
    with open(wrapper, 'w') as f:
        f.write(f'#include "cuda-cpu.h"\n#include "{gen_dir}/{name}_kernels.cu"\n')
    # std::barrier (cuda-cpu.h) needs C++20; given after torch's own -std=c++14, it wins.
    return load(name=name, sources=[f'{gen_dir}/{name}_binding.cpp', wrapper], extra_cflags=['-O2', '-std=c++20', '-DNEOCC_TORCH_CPU'],
                extra_include_paths=[cuda_cpu_dir, gen_dir], build_directory=build_dir, verbose=False)


def golden(gen_dir, name, build_dir, cuda_cpu_dir, fixture):
    module = load_module(f'{gen_dir}/{name}.py', name)
    module.use_extension(build_cpu(gen_dir, name, build_dir, cuda_cpu_dir))
    g = read_safetensors(fixture)
    groups = len(module.WEIGHT_A_SHAPES)
    cell = module.NeoCell()
    # Upstream's state-dict names load as they are.
    cell.load_state_dict({**{f'weight_a.{j}': g[f'weight_a.{j}'] for j in range(groups)},
                          **{f'weight_b.{j}': g[f'weight_b.{j}'] for j in range(groups)}})
    x = g['x'].clone().requires_grad_(True)
    y = cell(x)
    y.backward(g['grad_y'])
    errors = {'y': rel_l2(y.detach(), g['y']), 'grad_x': rel_l2(x.grad, g['grad_x'])}
    for j in range(groups):
        errors[f'grad_weight_a.{j}'] = rel_l2(cell.weight_a[j].grad, g[f'grad_weight_a.{j}'])
        errors[f'grad_weight_b.{j}'] = rel_l2(cell.weight_b[j].grad, g[f'grad_weight_b.{j}'])
    # The binding's checks: one clear error each.
    messages = []
    strided = x.detach().transpose(2, 3).contiguous().transpose(2, 3)
    for bad in (x.detach().double(), x.detach()[:, :-1], x.detach()[:, :, :-1], strided):
        try:
            module.NeoCellFunction.apply(bad, *[torch.cat([w.reshape(-1) for w in ws]) for ws in (cell.weight_a, cell.weight_b)])
            messages.append(None)
        except RuntimeError as err:
            messages.append(str(err).splitlines()[0])
    print(json.dumps({'errors': errors, 'batch': x.shape[0], 'messages': messages}))
    worst = max(errors.values())
    if not worst <= 1e-5:
        sys.exit(f'relative L2 error {worst} > 1e-5: {errors}')


if __name__ == '__main__':
    if sys.argv[1] == 'refuse':
        refuse(*sys.argv[2:4])
    else:
        golden(*sys.argv[2:7])
