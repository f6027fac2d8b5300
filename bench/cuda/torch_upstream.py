"""PyTorch eager with upstream NeoNeXt's method, the peer bench/cuda/run.sh times next to nc-bench on a lent GPU.

Upstream (csrc/neocell.cpp, NeoCellMatrices in neonext_utils.py; docs/DESIGN-NOTES.md section 2) assembles every
channel's dense block-diagonal A_c [H', H] and B_c [W, W'] from the small kernels on each forward and multiplies
densely: y = (A @ x) @ B with A broadcast over the batch. Here the assembly is one scatter on the GPU from index
tables made once (numpy, below: the rules of test/oracles/upstream-neocell.ts), so Python loops are never timed.

  python3 bench/cuda/torch_upstream.py [--json FILE] [--neocc-json FILE] [--samples N] [--batches 1,64] [--resolutions 224,384]
  python3 bench/cuda/torch_upstream.py --self-check test/fixtures/neocell   # numpy only: the matrices vs golden y

Timed with CUDA events (median of --samples, warm-up first), torch.no_grad, float32, TF32 off (as cuBLAS SGEMM).
"""
import argparse
import json
import math
import os
import struct
import sys

import numpy as np

RELEASED = {"layers": [3, 3, 9, 3], "dims": [96, 192, 384, 768], "shifts": [1, 1, 1, 0], "spec": [4, 7], "classes": 1000}


def offsets(channels, k, shift):
    """Per-channel shift offset: floor((k-1)/shift)+1 sub-groups of floor(channels/num), the last takes the rest."""
    num = (k - 1) // shift + 1 if shift > 0 else 1
    size = channels // num
    return [min(c // size, num - 1) * shift if size > 0 else (num - 1) * shift for c in range(channels)]


def placements(rows, cols, k_rows, k_cols, shift):
    """(matrix row, matrix col, kernel row, kernel col) of every element upstream's assign_blocks_forward writes."""
    out = []
    if shift:
        out += [(i, j, k_rows - shift + i, k_cols - shift + j) for i in range(shift) for j in range(shift)]
    repeats = max(math.ceil((rows - shift) / k_rows), math.ceil((cols - shift) / k_cols))
    for i in range(repeats):
        rem_h = k_rows - max(0, (i + 1) * k_rows - (rows - shift))
        rem_w = k_cols - max(0, (i + 1) * k_cols - (cols - shift))
        out += [(shift + i * k_rows + r, shift + i * k_cols + c, r, c) for r in range(rem_h) for c in range(rem_w)]
    return out


def group_sizes(spec, channels):
    """Spec code "4+7" over C channels: floor(C/n) each, the last group takes the remainder."""
    n = len(spec)
    return [channels // n] * (n - 1) + [channels - (channels // n) * (n - 1)]


def scatter_tables(groups, h, w):
    """Index tables (dense flat index, weight flat index) for A [C, H', H] and B [C, W, W'] over concatenated weights.

    groups: list of dicts k_a=(h_out, h_in), k_b=(w_in, w_out), shift_a, shift_b, channels.
    """
    out_h = max(h if g["h_out"] == g["h_in"] else (h * g["h_out"]) // g["h_in"] for g in groups)
    out_w = max(w if g["w_in"] == g["w_out"] else (w * g["w_out"]) // g["w_in"] for g in groups)
    a_dst, a_src, b_dst, b_src = [], [], [], []
    channel = wa_base = wb_base = 0
    for g in groups:
        off_a = offsets(g["channels"], g["h_out"], g["shift_a"])
        off_b = offsets(g["channels"], g["w_in"], g["shift_b"])
        for c in range(g["channels"]):
            for (r, q, kr, kq) in placements(out_h, h, g["h_out"], g["h_in"], off_a[c]):
                a_dst.append((channel * out_h + r) * h + q)
                a_src.append(wa_base + (c * g["h_out"] + kr) * g["h_in"] + kq)
            for (r, q, kr, kq) in placements(w, out_w, g["w_in"], g["w_out"], off_b[c]):
                b_dst.append((channel * w + r) * out_w + q)
                b_src.append(wb_base + (c * g["w_in"] + kr) * g["w_out"] + kq)
            channel += 1
        wa_base += g["channels"] * g["h_out"] * g["h_in"]
        wb_base += g["channels"] * g["w_in"] * g["w_out"]
    tables = [np.asarray(t, dtype=np.int64) for t in (a_dst, a_src, b_dst, b_src)]
    return out_h, out_w, channel, tables


def dense_numpy(groups, wa, wb, h, w):
    out_h, out_w, channels, (a_dst, a_src, b_dst, b_src) = scatter_tables(groups, h, w)
    a = np.zeros(channels * out_h * h, dtype=np.float64)
    b = np.zeros(channels * w * out_w, dtype=np.float64)
    a[a_dst] = wa[a_src]
    b[b_dst] = wb[b_src]
    return a.reshape(channels, out_h, h), b.reshape(channels, w, out_w)


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        assert t["dtype"] == "F32", f"{path}: {name} is {t['dtype']}"
        s, e = t["data_offsets"]
        out[name] = np.frombuffer(data[s:e], dtype="<f4").reshape(t["shape"]).astype(np.float64)
    return header.get("__metadata__", {}), out


def groups_of(channel_specs):
    groups = []
    for s in channel_specs:
        # "kernel" (square A and B), "kernel_a" / "kernel_b" (square each), or h_in, h_out, w_in, w_out.
        ka, kb = s.get("kernel_a", s.get("kernel")), s.get("kernel_b", s.get("kernel"))
        h_in, h_out = (ka, ka) if ka is not None else (s["h_in"], s["h_out"])
        w_in, w_out = (kb, kb) if kb is not None else (s["w_in"], s["w_out"])
        shift = s.get("shift", 0)
        groups.append({"h_in": h_in, "h_out": h_out, "w_in": w_in, "w_out": w_out, "channels": s["channels"],
                       "shift_a": s.get("shift_a", shift), "shift_b": s.get("shift_b", shift)})
    return groups


def self_check(directory):
    """numpy: the scatter tables' matrices give every golden case's y (the port is upstream's, not ours)."""
    cases = json.load(open(os.path.join(directory, "index.json")))
    worst = 0.0
    for case in cases:
        meta, t = read_safetensors(os.path.join(directory, case["file"]))
        groups = groups_of(case["channel_specs"])
        wa = np.concatenate([t[f"weight_a.{j}"].ravel() for j in range(len(groups))])
        wb = np.concatenate([t[f"weight_b.{j}"].ravel() for j in range(len(groups))])
        x = t["x"]
        a, b = dense_numpy(groups, wa, wb, x.shape[2], x.shape[3])
        y = np.matmul(np.matmul(a, x), b)
        err = float(np.linalg.norm(y - t["y"]) / np.linalg.norm(t["y"]))
        worst = max(worst, err)
        print(f"  {case['name']:28s} rel. L2 {err:.2e}")
    print(f"self-check: {len(cases)} cases, worst rel. L2 {worst:.2e}")
    return worst <= 1e-5


def time_ms(fn, samples, torch):
    """Median ms per call: CUDA events around enough calls to last ~2 ms, after a warm-up."""
    fn()
    torch.cuda.synchronize()
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record(); fn(); stop.record(); stop.synchronize()
    reps = max(1, min(2000, math.ceil(2.0 / max(start.elapsed_time(stop), 1e-4))))
    times = []
    for s in range(samples + 3):
        start.record()
        for _ in range(reps):
            fn()
        stop.record()
        stop.synchronize()
        if s >= 3:
            times.append(start.elapsed_time(stop) / reps)
    times.sort()
    return times[len(times) // 2], reps


class DenseNeoCell:
    """Upstream's NeoCell on torch: weights, scatter tables, and forward = rebuild matrices + two broadcast matmuls."""

    def __init__(self, torch, groups, h, w, device, gen):
        self.torch = torch
        self.out_h, self.out_w, self.channels, tables = scatter_tables(groups, h, w)
        self.a_dst, self.a_src, self.b_dst, self.b_src = [torch.from_numpy(t).to(device) for t in tables]
        n_a = sum(g["channels"] * g["h_out"] * g["h_in"] for g in groups)
        n_b = sum(g["channels"] * g["w_in"] * g["w_out"] for g in groups)
        self.wa = torch.rand(n_a, generator=gen, device=device) - 0.5
        self.wb = torch.rand(n_b, generator=gen, device=device) - 0.5
        self.h, self.w = h, w
        self.a, self.b = self.matrices()

    def matrices(self):
        t = self.torch
        a = t.zeros(self.channels * self.out_h * self.h, device=self.wa.device)
        b = t.zeros(self.channels * self.w * self.out_w, device=self.wa.device)
        a[self.a_dst] = self.wa[self.a_src]
        b[self.b_dst] = self.wb[self.b_src]
        return a.view(self.channels, self.out_h, self.h), b.view(self.channels, self.w, self.out_w)

    def forward(self, x, rebuild=True):
        a, b = self.matrices() if rebuild else (self.a, self.b)
        return self.torch.matmul(self.torch.matmul(a, x), b)


def block_groups(spec, channels, shift):
    return [{"h_in": k, "h_out": k, "w_in": k, "w_out": k, "channels": c, "shift_a": shift, "shift_b": shift}
            for k, c in zip(spec, group_sizes(spec, channels))]


def down_groups(channels):
    return [{"h_in": 2, "h_out": 1, "w_in": 2, "w_out": 1, "channels": channels, "shift_a": 0, "shift_b": 0}]


class NeoNeXt:
    """NeoNeXt-T eval forward, upstream's way (docs/DESIGN-NOTES.md section 3), random weights, BN as affine."""

    def __init__(self, torch, resolution, device, gen):
        nn, f = torch.nn, torch.nn.functional
        self.torch, self.f = torch, f
        dims, r = RELEASED["dims"], resolution // 4
        mk = lambda m: m.to(device).eval()
        self.stem = mk(nn.Sequential(nn.Conv2d(3, dims[0], 4, stride=4), nn.BatchNorm2d(dims[0])))
        self.stages, self.downs = [], []
        for s, (layers, c) in enumerate(zip(RELEASED["layers"], dims)):
            if s > 0:
                conv = mk(nn.Conv2d(dims[s - 1], c, 1, bias=False))
                self.downs.append((conv, DenseNeoCell(torch, down_groups(c), r * 2, r * 2, device, gen), mk(nn.BatchNorm2d(c))))
            blocks = []
            for _ in range(layers):
                cell = DenseNeoCell(torch, block_groups(RELEASED["spec"], c, RELEASED["shifts"][s]), r, r, device, gen)
                mlp = mk(nn.Sequential(nn.Linear(c, 4 * c), nn.GELU(), nn.Linear(4 * c, c)))
                blocks.append((cell, mk(nn.BatchNorm2d(c)), mlp, torch.full((c,), 1e-6, device=device)))
            self.stages.append(blocks)
            r //= 2
        self.norm = mk(nn.LayerNorm(dims[-1], eps=1e-6))
        self.head = mk(nn.Linear(dims[-1], RELEASED["classes"]))

    def forward(self, x):
        x = self.stem(x)
        for s, blocks in enumerate(self.stages):
            if s > 0:
                conv, cell, bn = self.downs[s - 1]
                x = bn(cell.forward(conv(x)))
            for cell, bn, mlp, gamma in blocks:
                y = bn(cell.forward(x)).permute(0, 2, 3, 1)
                x = x + (gamma * mlp(y)).permute(0, 3, 1, 2)
        return self.head(self.norm(x.mean((2, 3))))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--json")
    p.add_argument("--neocc-json")
    p.add_argument("--samples", type=int, default=21)
    p.add_argument("--batches", default="1,64")
    p.add_argument("--resolutions", default="224,384", help="NeoCell shapes of NeoNeXt-T at these resolutions")
    p.add_argument("--self-check")
    args = p.parse_args()
    if args.self_check:
        sys.exit(0 if self_check(args.self_check) else 1)
    import torch
    if not torch.cuda.is_available():
        print("torch_upstream.py: torch sees no CUDA device: skipped")
        return
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    device = torch.device("cuda")
    gen = torch.Generator(device=device).manual_seed(0)
    batches = [int(b) for b in args.batches.split(",")]
    neocc = {}
    if args.neocc_json and os.path.exists(args.neocc_json):
        data = json.load(open(args.neocc_json))
        neocc = {r["id"]: r for r in data.get("neocell", []) + data.get("models", [])}
    print(f"\nPyTorch {torch.__version__} eager, upstream's dense method, on {torch.cuda.get_device_name()} "
          f"(median of {args.samples}; 'rebuild' includes assembling A and B, as upstream does every forward)")
    rows, models = [], []

    def save():
        """Rewritten after every row: a run stopped at its time limit keeps what it measured."""
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"torch": torch.__version__, "device": torch.cuda.get_device_name(), "samples": args.samples,
                           "neocell": rows, "models": models}, f, indent=1)

    with torch.no_grad():
        for resolution in [int(r) for r in args.resolutions.split(",")]:
            shifts = RELEASED["shifts"] if resolution == 224 else [1, 1, 1, 1]
            for batch in batches:
                r = resolution // 4
                for s, c in enumerate(RELEASED["dims"]):
                    shapes = [(f"t{resolution}-s{s + 1}-b{batch}", block_groups(RELEASED["spec"], c, shifts[s]), c, r)]
                    if s > 0:
                        shapes.append((f"t{resolution}-d{s}-b{batch}", down_groups(c), c, 2 * r))
                    for id_, groups, channels, size in shapes:
                        cell = DenseNeoCell(torch, groups, size, size, device, gen)
                        x = torch.rand(batch, channels, size, size, generator=gen, device=device)
                        dense, _ = time_ms(lambda: cell.forward(x, rebuild=False), args.samples, torch)
                        rebuild, _ = time_ms(lambda: cell.forward(x), args.samples, torch)
                        ours = neocc.get(id_, {}).get("medianMs")
                        rows.append({"id": id_, "batch": batch, "matmulMs": dense, "rebuildMs": rebuild, "neoccMs": ours})
                        ratio = f"  neocc {rebuild / ours:6.2f}x faster than rebuild" if ours else ""
                        print(f"  {id_:14s} matmuls {dense * 1e3:9.2f} us  rebuild+matmuls {rebuild * 1e3:9.2f} us{ratio}")
                        save()
                    r //= 2
        model = NeoNeXt(torch, 224, device, gen)
        for batch in batches:
            x = torch.rand(batch, 3, 224, 224, generator=gen, device=device)
            ms, _ = time_ms(lambda: model.forward(x), args.samples, torch)
            ours = neocc.get(f"t224-model-b{batch}", {}).get("medianMs")
            models.append({"id": f"t224-model-b{batch}", "batch": batch, "medianMs": ms, "imagesPerSecond": batch / (ms * 1e-3), "neoccMs": ours})
            ratio = f"  neocc {ms / ours:6.2f}x faster" if ours else ""
            print(f"  neonext-t-224 batch {batch:3d}: {ms:9.3f} ms  {batch / (ms * 1e-3):9.1f} images/s{ratio}")
            save()


if __name__ == "__main__":
    main()
