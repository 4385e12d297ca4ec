"""deeplearning.ai's notebooks, their graded functions called with the course's shapes.

Only the definitions of the student's notebook (or its .py export) are loaded; the support
modules it imports are gradcheck's (gradcheck_imports.py). The course's conventions: examples
in columns (X is n_x × m), parameters["W1"] is n_1 × n_0 (out × in), parameters["b1"] is
n_1 × 1, Y is the 1 × m row of 0/1 labels, relu hidden layers and a sigmoid output; the
L2 regulariser is (1/m)(λ/2)·ΣW², gradcheck's own, so λ travels as it is.

- step (Course 1, week 4): L_model_forward(X, parameters) → (AL, caches), compute_cost(AL, Y),
  L_model_backward(AL, Y, caches) → grads (dW1, db1, ...); any depth, λ = 0.
- regularization (Course 2, week 1): the course's 3-layer forward_propagation, the student's
  compute_cost_with_regularization(A3, Y, parameters, lambd) and
  backward_propagation_with_regularization(X, Y, cache, lambd).
- gradient-checking (Course 2, week 1): forward_propagation_n(X, Y, parameters) → (cost, cache)
  and backward_propagation_n(X, Y, cache) → gradients.
"""

import numpy as np

from gradcheck_conventions import CallError, scalar
from gradcheck_imports import course_functions
from gradcheck_load import LoadError, load_definitions

graded = {
    "step": ["L_model_forward", "compute_cost", "L_model_backward"],
    "regularization": ["compute_cost_with_regularization", "backward_propagation_with_regularization"],
    "gradient-checking": ["forward_propagation_n", "backward_propagation_n"],
}


def course_arguments(request):
    """parameters, X (n_x × m) and Y (1 × m) as the course writes them, from a wb request."""
    parameters = {}
    for l, layer in enumerate(request["params"], 1):
        W = np.array(layer["W"], dtype=np.float64).reshape(len(layer["W"]), len(layer["b"]))
        parameters[f"W{l}"] = W.T.copy()
        parameters[f"b{l}"] = np.array(layer["b"], dtype=np.float64).reshape(-1, 1)
    X = np.array(request["X"], dtype=np.float64).reshape(len(request["X"]), request["layerSizes"][0]).T.copy()
    Y = np.array(request["y"], dtype=np.float64).reshape(1, -1)
    return parameters, X, Y


def read_grads(grads, request):
    """dW{l} (out × in) and db{l} (out × 1) back as the wb protocol carries them."""
    answer = []
    for l, layer in enumerate(request["params"], 1):
        inputs, outputs = len(layer["W"]), len(layer["b"])
        for name in (f"dW{l}", f"db{l}"):
            if name not in grads:
                raise CallError(f"grads has no '{name}' (it has {', '.join(sorted(grads)) or 'nothing'})")
        dW = np.asarray(grads[f"dW{l}"], dtype=np.float64)
        db = np.asarray(grads[f"db{l}"], dtype=np.float64)
        if dW.shape != (outputs, inputs):
            raise CallError(f"grads['dW{l}'] has shape {dW.shape}, expected ({outputs}, {inputs}) like parameters['W{l}']")
        if db.size != outputs:
            raise CallError(f"grads['db{l}'] has shape {db.shape}, expected ({outputs}, 1) like parameters['b{l}']")
        answer.append({"W": dW.T.tolist(), "b": db.ravel().tolist()})
    return answer


def dlai(entry, options):
    variant = options.get("variant", "step")
    namespace, locate = load_definitions(entry)
    missing = [name for name in graded[variant] if not callable(namespace.get(name))]
    if missing:
        raise LoadError("no-export", f"{entry} defines no {', '.join(missing)} (the {variant} notebook's graded functions)")
    f = {name: namespace[name] for name in graded[variant]}
    # the course's own 3-layer forward pass, unless the student's file defines one
    forward = namespace.get("forward_propagation") or course_functions["forward_propagation"]

    def fixed_depth(request):
        if len(request["params"]) != 3:
            raise CallError(f"the {variant} notebook's model has exactly two hidden layers; the request has layer sizes {request['layerSizes']}")

    def step(request):
        parameters, X, Y = course_arguments(request)
        AL, caches = f["L_model_forward"](X, parameters)
        cost = f["compute_cost"](AL, Y)
        return scalar(cost, "cost"), read_grads(f["L_model_backward"](AL, Y, caches), request)

    def regularization(request):
        fixed_depth(request)
        parameters, X, Y = course_arguments(request)
        lambd = float(request["lambda"])
        A3, cache = forward(X, parameters)
        cost = f["compute_cost_with_regularization"](A3, Y, parameters, lambd)
        return scalar(cost, "cost"), read_grads(f["backward_propagation_with_regularization"](X, Y, cache, lambd), request)

    def gradient_checking(request):
        fixed_depth(request)
        parameters, X, Y = course_arguments(request)
        cost, cache = f["forward_propagation_n"](X, Y, parameters)
        return scalar(cost, "cost"), read_grads(f["backward_propagation_n"](X, Y, cache), request)

    calls = {"step": step, "regularization": regularization, "gradient-checking": gradient_checking}
    return calls[variant], locate
