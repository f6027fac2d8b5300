"""A stand-in for the few torch APIs bench/cuda/torch_upstream.py uses, on numpy, so its timing path (loops, shapes,
broadcasting, JSON) runs on machines without torch (test/cuda-bench.test.ts). It checks the script's plumbing, not
torch: the layers are plain numpy (BatchNorm an identity affine, GELU the tanh form), events report a fixed 10 ms."""
import contextlib
import types

import numpy as np

__version__ = "0.0-fake"


class Tensor(np.ndarray):
    def to(self, device):
        return self

    def view(self, *shape):  # torch's view is a reshape (numpy's would reinterpret the dtype)
        return self.reshape(*shape)

    def permute(self, *dims):
        return self.transpose(*dims)


def _wrap(a):
    return np.ndarray.view(np.asarray(a), Tensor)


def from_numpy(a):
    return _wrap(a)


class Generator:
    def __init__(self, device=None):
        self.rng = np.random.default_rng(0)

    def manual_seed(self, seed):
        self.rng = np.random.default_rng(seed)
        return self


def device(name):
    return name


def rand(*shape, generator=None, device=None):
    rng = generator.rng if generator else np.random.default_rng(0)
    return _wrap(rng.random(shape, dtype=np.float32))


def zeros(n, device=None):
    return _wrap(np.zeros(n, dtype=np.float32))


def full(shape, value, device=None):
    return _wrap(np.full(shape, value, dtype=np.float32))


def matmul(a, b):
    return _wrap(np.matmul(a, b))


no_grad = contextlib.nullcontext


class _Event:
    def __init__(self, enable_timing=False):
        pass

    def record(self):
        pass

    def synchronize(self):
        pass

    def elapsed_time(self, other):
        return 10.0


cuda = types.SimpleNamespace(is_available=lambda: True, synchronize=lambda: None, get_device_name=lambda: "fake (numpy)", Event=_Event)
backends = types.SimpleNamespace(cuda=types.SimpleNamespace(matmul=types.SimpleNamespace(allow_tf32=True)),
                                 cudnn=types.SimpleNamespace(allow_tf32=True))


class _Module:
    def to(self, device):
        return self

    def eval(self):
        return self

    def __call__(self, x):
        return self.forward(x)


class Sequential(_Module):
    def __init__(self, *layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class Conv2d(_Module):
    """Kernel == stride (patchify) or 1x1 only: what NeoNeXt uses."""

    def __init__(self, cin, cout, k, stride=1, bias=True):
        assert k == stride or k == 1
        self.k = k
        self.w = np.random.default_rng(1).random((cout, cin * k * k), dtype=np.float32) - 0.5

    def forward(self, x):
        n, c, h, w = x.shape
        k = self.k
        patches = x.reshape(n, c, h // k, k, w // k, k).transpose(0, 2, 4, 1, 3, 5).reshape(n, h // k, w // k, c * k * k)
        return _wrap((patches @ self.w.T).transpose(0, 3, 1, 2))


class BatchNorm2d(_Module):
    def __init__(self, c):
        self.c = c

    def forward(self, x):
        assert x.shape[1] == self.c
        return x


class Linear(_Module):
    def __init__(self, cin, cout):
        self.w = np.random.default_rng(2).random((cout, cin), dtype=np.float32) - 0.5

    def forward(self, x):
        assert x.shape[-1] == self.w.shape[1]
        return _wrap(x @ self.w.T)


class GELU(_Module):
    def forward(self, x):
        return _wrap(0.5 * x * (1 + np.tanh(0.7978845608 * (x + 0.044715 * x ** 3))))


class LayerNorm(_Module):
    def __init__(self, d, eps=1e-5):
        self.d, self.eps = d, eps

    def forward(self, x):
        assert x.shape[-1] == self.d
        m = x.mean(-1, keepdims=True)
        return _wrap((x - m) / np.sqrt(((x - m) ** 2).mean(-1, keepdims=True) + self.eps))


nn = types.SimpleNamespace(Sequential=Sequential, Conv2d=Conv2d, BatchNorm2d=BatchNorm2d, Linear=Linear, GELU=GELU,
                           LayerNorm=LayerNorm, functional=types.SimpleNamespace())
