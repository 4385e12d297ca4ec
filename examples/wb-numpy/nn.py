"""The lecture's network in numpy, written with per-layer W (in x out) and b: z = a W + b.

A process submission with the wb layout (docs/protocol.md): each request's "params" is
[{"W": [[...]], "b": [...]}, ...], and the answer's "grad" has the same shape.
    npx gradcheck check examples/wb-numpy --layout wb
"""
import json
import sys

import numpy as np

SLIP = "none"  # the tests plant bugs here: "dW-transposed", "db-not-divided-by-m", "b-regularized"


def sigmoid(z):
    # 1 / (1 + e^-z) without overflow for large |z|
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softplus(z):
    # -[y log s(z) + (1 - y) log(1 - s(z))] = softplus(z) - y z, finite when s(z) rounds to 1
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def nn_cost_function(params, layer_sizes, X, y, lam):
    Ws = [np.array(p["W"], dtype=float).reshape(layer_sizes[l], layer_sizes[l + 1]) for l, p in enumerate(params)]
    bs = [np.array(p["b"], dtype=float) for p in params]
    X = np.array(X, dtype=float).reshape(-1, layer_sizes[0])
    m, K = X.shape[0], layer_sizes[-1]
    y = np.array(y, dtype=int)
    T = y.reshape(m, 1).astype(float) if K == 1 else np.eye(K)[y]
    A, Z = [X], [None]
    for W, b in zip(Ws, bs):
        Z.append(A[-1] @ W + b)
        A.append(sigmoid(Z[-1]))
    J = np.sum(softplus(Z[-1]) - T * Z[-1]) / m + lam / (2 * m) * sum(np.sum(W * W) for W in Ws)
    if SLIP == "b-regularized":
        J += lam / (2 * m) * sum(np.sum(b * b) for b in bs)
    delta = A[-1] - T
    grad = [None] * len(Ws)
    for l in range(len(Ws) - 1, -1, -1):
        dW = A[l].T @ delta / m + lam / m * Ws[l]
        db = delta.sum(axis=0) if SLIP == "db-not-divided-by-m" else delta.sum(axis=0) / m
        if SLIP == "b-regularized":
            db = db + lam / m * bs[l]
        grad[l] = {"W": (dW.T if SLIP == "dW-transposed" else dW).tolist(), "b": db.tolist()}
        if l > 0:
            delta = (delta @ Ws[l].T) * A[l] * (1 - A[l])
    return float(J), grad


for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    J, grad = nn_cost_function(req["params"], req["layerSizes"], req["X"], req["y"], req["lambda"])
    print(json.dumps({"id": req["id"], "J": J, "grad": grad}), flush=True)
