"""Batch gradient descent steps of gradcheck train's network in PyTorch, float64, one thread.

Reads X (m x n), Y (m x K) and the initial Theta matrices as raw float64 from the file named
on the command line (layout in bench/train.ts), times `steps` steps of
theta := theta - rate * dJ/dtheta with autograd, and prints one JSON line.
"""
import json
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)


def main():
    path, sizes, m, lam, rate, steps = sys.argv[1], [int(s) for s in sys.argv[2].split(",")], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
    raw = np.fromfile(path, dtype=np.float64)
    at = 0

    def take(rows, cols):
        nonlocal at
        block = torch.from_numpy(raw[at:at + rows * cols].reshape(rows, cols).copy())
        at += rows * cols
        return block

    X, Y = take(m, sizes[0]), take(m, sizes[-1])
    theta = [take(sizes[l + 1], sizes[l] + 1).requires_grad_(True) for l in range(len(sizes) - 1)]

    def cost():
        a = X
        for l, T in enumerate(theta):
            z = a @ T[:, 1:].T + T[:, 0]
            a = torch.sigmoid(z) if l + 1 < len(theta) else z
        # softplus(z) - y*z: the same stable cross-entropy as gradcheck's
        data = (torch.nn.functional.softplus(a) - Y * a).sum() / m
        reg = sum((T[:, 1:] ** 2).sum() for T in theta) * (lam / (2 * m))
        return data + reg

    J0 = cost().item()
    times, cpu = [], []
    for _ in range(steps):
        t0, c0 = time.perf_counter(), time.process_time()
        J = cost()
        grads = torch.autograd.grad(J, theta)
        with torch.no_grad():
            for T, D in zip(theta, grads):
                T -= rate * D
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    with torch.no_grad():
        J_end = cost().item()
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "J0": J0, "J": J_end, "ms": sorted(times)[len(times) // 2], "cpuMs": sorted(cpu)[len(cpu) // 2]}))


main()
