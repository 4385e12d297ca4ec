"""J and dJ/dTheta of gradcheck's benchmark networks in PyTorch, for `npm run bench`.

Usage: torch_backprop.py DIR RUNS
       torch_backprop.py DIR --serve
DIR holds meta.json ({"layerSizes", "m", "lambda", "mode"}) and X.f64, Y.f64, theta0.f64, ...
as raw little-endian float64, row-major, exactly the arrays gradcheck times (sigmoid hidden
and output units, cross-entropy). Prints one JSON object: the median milliseconds of one
forward + backward ("backward" mode) or of one torch.autograd.gradcheck of the cost against
its finite differences ("gradcheck" mode), in float64 on one thread; J (so the two sides can
be seen to compute the same thing); and which BLAS library torch calls.

With --serve it prints that object (without timings) once warmed up, then reads one number N
per line from stdin and answers each with {"times": [...]}: N more timed runs. The bench asks
for a few runs at a time, in turn with its own, so both sides meet the same load.

One thread on both levels: torch's own pool (set_num_threads) and OpenBLAS's
(OPENBLAS_NUM_THREADS, which must be set before the library loads; the caller sets it).
"""
import json
import os
import statistics
import sys
import time


def blas_in_use():
    """The BLAS shared object mapped into this process, read from /proc/self/maps."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return {"library": "unknown", "reference": False}
    blas = sorted(p for p in paths if "blas" in os.path.basename(p).lower())
    resolved = sorted({os.path.realpath(p) for p in blas})
    names = " ".join(resolved) or "none found"
    reference = bool(resolved) and not any(("openblas" in p.lower() or "mkl" in p.lower() or "blis" in p.lower()) for p in resolved)
    return {"library": names, "reference": reference}


def main():
    folder, runs = sys.argv[1], sys.argv[2]
    try:
        import numpy as np
        import torch
    except ImportError as missing:
        print(json.dumps({"error": f"not installed: {missing.name}"}))
        return
    torch.set_num_threads(1)
    meta = json.load(open(os.path.join(folder, "meta.json")))
    sizes, m, lam = meta["layerSizes"], meta["m"], meta["lambda"]
    load = lambda name, shape: torch.from_numpy(np.fromfile(os.path.join(folder, name), dtype="<f8").reshape(shape))
    X = load("X.f64", (m, sizes[0]))
    Y = load("Y.f64", (m, sizes[-1]))
    theta = [load(f"theta{l}.f64", (sizes[l + 1], sizes[l] + 1)).clone().requires_grad_(True) for l in range(len(sizes) - 1)]

    def cost():
        a = X
        for l, T in enumerate(theta):
            z = torch.addmm(T[:, 0], a, T[:, 1:].t())
            a = torch.sigmoid(z) if l + 1 < len(theta) else z
        # Cross-entropy on the output logits z, stably: softplus(z) - y*z.
        data = (torch.nn.functional.softplus(a) - Y * a).sum() / m
        reg = sum((T[:, 1:] ** 2).sum() for T in theta) * lam / (2 * m)
        return data + reg

    def gradient():
        for T in theta:
            T.grad = None
        J = cost()
        J.backward()
        return J

    def check():
        # The cost as a function of all of Θ at once, as gradcheck checks it.
        plain = [T.detach().clone().requires_grad_(True) for T in theta]

        def J_of(*thetas):
            saved = list(theta)
            theta[:] = thetas
            try:
                return cost()
            finally:
                theta[:] = saved

        assert torch.autograd.gradcheck(J_of, plain)
        return J_of(*plain)

    work = check if meta.get("mode") == "gradcheck" else gradient

    def timed(n):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            work()
            times.append((time.perf_counter() - t0) * 1000)
        return times

    # Untimed runs first, so that the allocator and the caches have settled before timing.
    for _ in range(10):
        J = work()
    about = {"J": J.item(), "torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_in_use()}
    if runs == "--serve":
        print(json.dumps(about), flush=True)
        for line in sys.stdin:
            print(json.dumps({"times": timed(int(line))}), flush=True)
        return
    times = timed(int(runs))
    print(json.dumps({"ms": statistics.median(times), "minMs": min(times), **about}))


if __name__ == "__main__":
    main()
