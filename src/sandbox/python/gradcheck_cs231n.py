"""CS231n's classifiers, called as the course's own notebooks call them.

The student's TwoLayerNet (assignment 1's neural_net.py, or fc_net.py in later years) or
FullyConnectedNet (assignment 2's fc_net.py, with their layers.py and layer_utils.py) is
imported unchanged, built with the case's sizes in float64, given the case's parameters in
`params` (W1 in × out, b1, W2, b2, ...), and asked `loss(X, y, reg)`; `grads` is read back in
the same order. gradcheck's λ travels as the course's reg: its regulariser (λ/2m)·ΣW² is
reg·ΣW² with reg = λ/2m (the default), or 0.5·reg·ΣW² with reg = λ/m (older years).
"""

import importlib
import inspect
import os
import traceback

import numpy as np

from gradcheck_conventions import CallError, examples, scalar
from gradcheck_load import LoadError, python2_hint

classes = {"two-layer": "TwoLayerNet", "fc-net": "FullyConnectedNet"}


def locate(filename, line):
    return f"{os.path.relpath(filename)}, line {line}"


def import_entry(entry):
    """The student's module, imported as the course's package would import it (relative imports work)."""
    try:
        return importlib.import_module(entry[: -len(".py")].replace("/", "."))
    except SyntaxError as e:
        where = locate(e.filename or entry, e.lineno or 0)
        raise LoadError("syntax-error", f"{where}: {e.msg}{python2_hint(e)}\n    {(e.text or '').rstrip()}")
    except Exception as e:
        frames = [f for f in traceback.extract_tb(e.__traceback__) if os.path.abspath(f.filename).startswith(os.getcwd() + os.sep)]
        where = f"{locate(frames[-1].filename, frames[-1].lineno)}: " if frames else f"{entry}: "
        raise LoadError("import-failed", f"{where}{type(e).__name__}: {e}")


def strength(request, options):
    m = len(request["X"])
    return request["lambda"] / m if options.get("regularizer") == "half-reg" else request["lambda"] / (2 * m)


def build(cls, sizes, reg):
    """The model with the case's sizes, whatever the year named them; float64, not fc_net's float32."""
    given = {
        "input_size": sizes[0],
        "input_dim": sizes[0],
        "hidden_size": sizes[1],
        "hidden_dim": sizes[1],
        "hidden_dims": list(sizes[1:-1]),
        "output_size": sizes[-1],
        "num_classes": sizes[-1],
        "dtype": np.float64,
        "reg": reg,
    }
    names = inspect.signature(cls.__init__).parameters
    return cls(**{name: value for name, value in given.items() if name in names})


def set_params(model, layers):
    for l, layer in enumerate(layers, 1):
        W = np.array(layer["W"], dtype=np.float64).reshape(len(layer["W"]), len(layer["b"]))
        b = np.array(layer["b"], dtype=np.float64)
        # b as the student's constructor made it: (C,) or (1, C)
        shape = np.shape(model.params.get(f"b{l}", b))
        model.params[f"W{l}"] = W
        model.params[f"b{l}"] = b.reshape(shape) if np.size(np.zeros(shape)) == b.size else b


def read_grads(grads, layers):
    """grads as the wb protocol carries them: per layer {W: in rows of out numbers, b: out numbers}."""
    answer = []
    for l, layer in enumerate(layers, 1):
        inputs, outputs = len(layer["W"]), len(layer["b"])
        read = {}
        for name, size in ((f"W{l}", inputs * outputs), (f"b{l}", outputs)):
            if name not in grads:
                raise CallError(f"grads has no '{name}' (it has {', '.join(sorted(grads)) or 'nothing'})")
            g = np.asarray(grads[name], dtype=np.float64)
            if g.size != size or (name[0] == "W" and g.shape != (inputs, outputs)):
                want = f"({inputs}, {outputs})" if name[0] == "W" else f"({outputs},) or (1, {outputs})"
                raise CallError(f"grads['{name}'] has shape {g.shape}, expected {want} like params['{name}']")
            read[name[0]] = g.reshape(inputs, outputs).tolist() if name[0] == "W" else g.ravel().tolist()
        answer.append(read)
    return answer


def cs231n(entry, options):
    variant = options.get("variant", "two-layer")
    module = import_entry(entry)
    cls = getattr(module, classes[variant], None)
    if not inspect.isclass(cls):
        raise LoadError("no-export", f"{entry} defines no class {classes[variant]}")

    def call(request):
        layers = request["params"]
        sizes = request["layerSizes"]
        if variant == "two-layer" and len(layers) != 2:
            raise CallError(f"TwoLayerNet has exactly one hidden layer; the request has layer sizes {sizes}")
        reg = strength(request, options)
        model = build(cls, sizes, reg)
        set_params(model, layers)
        X, y = examples(request)
        loss_parameters = inspect.signature(model.loss).parameters
        if "reg" in loss_parameters:
            out = model.loss(X, y, reg=reg)
        else:
            model.reg = reg
            out = model.loss(X, y)
        if not (isinstance(out, tuple) and len(out) == 2 and isinstance(out[1], dict)):
            raise CallError(f"loss(X, y) returned {type(out).__name__}; expected (loss, grads) with grads a dict")
        return scalar(out[0], "loss"), read_grads(out[1], layers)

    return call, locate
