"""A buggy nnCostFunction (labels not one-hot) as a process submission, in plain Python.

Reads one JSON request per line on stdin, answers one JSON line on stdout.
    npx gradcheck check examples/python-labels
"""
import json
import math
import sys

ONE_HOT = False  # BUG: every output unit is compared with the label itself


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def softplus(z):
    # -[y log s(z) + (1 - y) log(1 - s(z))] = softplus(z) - y z, finite when s(z) rounds to 1
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def nn_cost_function(params, layer_sizes, X, y, lam):
    L, m, K = len(layer_sizes), len(X), layer_sizes[-1]
    shapes, offsets, n = [], [], 0
    for l in range(L - 1):
        shapes.append((layer_sizes[l + 1], layer_sizes[l] + 1))
        offsets.append(n)
        n += layer_sizes[l + 1] * (layer_sizes[l] + 1)
    Delta = [0.0] * n
    J = 0.0
    for i in range(m):
        a, z = [[1.0] + list(X[i])], [[]]
        for l, (rows, cols) in enumerate(shapes):
            o = offsets[l]
            zl = [sum(params[o + r * cols + c] * a[l][c] for c in range(cols)) for r in range(rows)]
            z.append(zl)
            a.append([1.0] + [sigmoid(v) for v in zl])
        if ONE_HOT:
            t = [float(y[i])] if K == 1 else [1.0 if y[i] == k else 0.0 for k in range(K)]
        else:
            t = [float(y[i])] * K
        J += sum(softplus(z[-1][k]) - t[k] * z[-1][k] for k in range(K))
        delta = [a[-1][k + 1] - t[k] for k in range(K)]
        for l in range(L - 2, -1, -1):
            rows, cols = shapes[l]
            o = offsets[l]
            for r in range(rows):
                for c in range(cols):
                    Delta[o + r * cols + c] += delta[r] * a[l][c]
            if l == 0:
                break
            delta = [
                sum(params[o + r * cols + c] * delta[r] for r in range(rows)) * a[l][c] * (1 - a[l][c])
                for c in range(1, cols)
            ]
    J /= m
    grad = [d / m for d in Delta]
    for l, (rows, cols) in enumerate(shapes):
        o = offsets[l]
        for r in range(rows):
            for c in range(1, cols):
                q = o + r * cols + c
                J += lam / (2 * m) * params[q] ** 2
                grad[q] += lam / m * params[q]
    return J, grad


for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    J, grad = nn_cost_function(req["params"], req["layerSizes"], req["X"], req["y"], req["lambda"])
    print(json.dumps({"id": req["id"], "J": J, "grad": grad}), flush=True)
