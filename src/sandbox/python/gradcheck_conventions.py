"""How each kind of Python submission is called: one row per convention.

A convention loads the student's entry (with the profile's options) and returns a function
from one gradcheck request ({params, layerSizes, X, y, lambda}, labels 0-based) to (J, grad),
grad flat in the order of params. gradcheck's side encodes params and labels for the
assignment (docs/protocol.md): unrolled row-major Θ for nnCostFunction, per-layer {W, b}
(W in × out, z = a·W + b) for CS231n.
"""

import inspect

import numpy as np


class CallError(Exception):
    """The call itself cannot be made: said to the student as it is, without a traceback."""




def load_error(message):
    from gradcheck_load import LoadError

    return LoadError("no-export", message)


def scalar(J, what="J"):
    a = np.asarray(J, dtype=float)
    if a.size != 1:
        raise CallError(f"{what} has shape {a.shape}, expected a number")
    return float(a.reshape(-1)[0])


def flat(grad):
    """An array of any shape, or a list of arrays (one per layer), as one list of numbers."""
    if isinstance(grad, (list, tuple)) and any(np.ndim(g) > 0 for g in grad):
        return np.concatenate([np.asarray(g, dtype=float).ravel() for g in grad]).tolist()
    return np.asarray(grad, dtype=float).ravel().tolist()


def cost_and_gradient(out):
    if isinstance(out, dict) and "J" in out and "grad" in out:
        return scalar(out["J"]), flat(out["grad"])
    if isinstance(out, (tuple, list)) and len(out) == 2:
        return scalar(out[0]), flat(out[1])
    raise CallError(f"nnCostFunction returned {type(out).__name__}; expected (J, grad) or {{'J': ..., 'grad': ...}}")


def examples(request):
    """X as an m × s_1 float64 array (one example per row), y as an int array."""
    X = np.array(request["X"], dtype=float).reshape(len(request["X"]), request["layerSizes"][0])
    return X, np.array(request["y"], dtype=int)


def nn_cost_function(entry, options):
    """nnCostFunction with ex4's numpy signature or the lecture's; which one, from its parameters."""
    from gradcheck_load import load_definitions

    namespace, locate = load_definitions(entry)
    return nn_cost_function_call(namespace), locate


def nn_cost_function_call(namespace):
    fn = namespace.get("nnCostFunction")
    if not callable(fn):
        raise load_error("no function nnCostFunction is defined")
    try:
        positional = [
            p for p in inspect.signature(fn).parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        positional = []
    if len(positional) == 7:
        # nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda_)
        def ex4(request):
            sizes = request["layerSizes"]
            if len(sizes) != 3:
                raise CallError(f"this nnCostFunction handles exactly one hidden layer; the request has layerSizes {sizes}")
            X, y = examples(request)
            params = np.array(request["params"], dtype=float)
            return cost_and_gradient(fn(params, sizes[0], sizes[1], sizes[2], X, y, float(request["lambda"])))

        return ex4
    if len(positional) == 5:
        # nnCostFunction(params, layerSizes, X, y, lambda)
        def lecture(request):
            X, y = examples(request)
            params = np.array(request["params"], dtype=float)
            return cost_and_gradient(fn(params, list(request["layerSizes"]), X, y, float(request["lambda"])))

        return lecture
    names = ", ".join(p.name for p in positional)
    raise load_error(
        f"nnCostFunction({names}) takes {len(positional)} parameters; expected ex4's "
        "nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda_) "
        "or nnCostFunction(params, layerSizes, X, y, lambda)"
    )


def cs231n(entry, options):
    from gradcheck_cs231n import cs231n as convention

    return convention(entry, options)


def dlai(entry, options):
    from gradcheck_dlai import dlai as convention

    return convention(entry, options)


conventions = {
    "nnCostFunction": nn_cost_function,
    "cs231n": cs231n,
    "dlai": dlai,
}
