"""What a course's notebook imports besides the student's own code.

Course support modules (deeplearning.ai's dnn_utils, reg_utils, gc_utils, ...) are gradcheck's
own implementation of the same functions, whatever copy the student's folder holds: they
are not what is graded, and a student's copy may plot, download or be from another year.
`past.builtins` (Python 2 names) and scipy.special's expit are real; any other module the
sandbox lacks (matplotlib, h5py, sklearn, PIL, IPython, ...) is a stub whose every attribute
is a do-nothing callable, so `import matplotlib.pyplot as plt` and `plt.plot(...)` cost nothing.
"""

import builtins
import importlib.abc
import importlib.machinery
import sys
import types

import numpy as np


def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    return A, Z


def relu(Z):
    A = np.maximum(0, Z)
    return A, Z


def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dZ


def dictionary_to_vector(parameters):
    keys = []
    count = 0
    for key in sorted(k for k in parameters if k[0] in "Wb"):
        new_vector = np.reshape(parameters[key], (-1, 1))
        keys += [key] * new_vector.shape[0]
        theta = new_vector if count == 0 else np.concatenate((theta, new_vector), axis=0)
        count += 1
    return theta, keys


def compute_cost(a3, Y):
    """reg_utils' cross-entropy cost (the regularization notebook's, without its L2 term)."""
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1.0 / m * np.nansum(logprobs)


def forward_propagation(X, parameters):
    """reg_utils' LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, and the cache its backward pass unpacks."""
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    z1 = np.dot(W1, X) + b1
    a1, _ = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2, _ = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3, _ = sigmoid(z3)
    return a3, (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)


course_functions = {
    "compute_cost": compute_cost,
    "forward_propagation": forward_propagation,
    "sigmoid": sigmoid,
    "relu": relu,
    "sigmoid_backward": sigmoid_backward,
    "relu_backward": relu_backward,
    "dictionary_to_vector": dictionary_to_vector,
    "np": np,
}

def gradients_to_vector(gradients):
    """gc_utils': dW1, db1, dW2, db2, dW3, db3 as one column."""
    keys = [k for k in ("dW1", "db1", "dW2", "db2", "dW3", "db3") if k in gradients]
    return np.concatenate([np.reshape(gradients[k], (-1, 1)) for k in keys], axis=0)


def vector_to_dictionary(theta):
    """gc_utils': the column back as the notebook's 4-5-3-1 parameters (its own shapes, as the course wrote it)."""
    shapes = [("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]
    parameters, at = {}, 0
    for key, shape in shapes:
        size = shape[0] * shape[1]
        parameters[key] = theta[at : at + size].reshape(shape)
        at += size
    return parameters


# Course 2's reg_utils and gc_utils return the activation alone; Course 1's dnn_utils return (A, cache)
course2_functions = {
    **course_functions,
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "relu": lambda x: np.maximum(0, x),
    "gradients_to_vector": gradients_to_vector,
    "vector_to_dictionary": vector_to_dictionary,
}
course2_module_names = ["reg_utils", "gc_utils"]

# deeplearning.ai's support modules over the years, and its test-case modules (whose cases are never used)
course_module_names = [
    "dnn_utils",
    "dnn_utils_v2",
    "dnn_app_utils",
    "dnn_app_utils_v2",
    "dnn_app_utils_v3",
    "reg_utils",
    "gc_utils",
    "testCases",
    "testCases_v2",
    "testCases_v3",
    "testCases_v4",
    "testCases_v4a",
    "public_tests",
    "test_utils",
]


def expit(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


provided = {
    "past": {},
    "past.builtins": {"xrange": range, "basestring": str, "unicode": str, "long": int, "raw_input": builtins.input},
    "scipy": {},
    "scipy.special": {"expit": expit},
}


class Stub:
    """Anything a missing plotting or data library is asked for: callable, indexable, empty."""

    def __call__(self, *args, **kwargs):
        return Stub()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Stub()

    def __getitem__(self, key):
        return Stub()

    def __iter__(self):
        return iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class StubModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Stub()


class Provided(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, modules, stub):
        self.modules, self.stub = modules, stub

    def find_spec(self, name, path=None, target=None):
        if self.stub or name in self.modules:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        module = StubModule(spec.name) if self.stub else types.ModuleType(spec.name)
        module.__path__ = []
        module.__all__ = [k for k in self.modules.get(spec.name, {}) if k != "np"]
        module.__dict__.update(self.modules.get(spec.name, {}))
        return module

    def exec_module(self, module):
        pass


def install_import_fallbacks(extra_names=()):
    ours = {name: course2_functions if name in course2_module_names else course_functions for name in [*course_module_names, *extra_names]}
    try:
        import scipy.special  # noqa: F401  a real scipy wins
    except ImportError:
        ours.update({k: v for k, v in provided.items() if k.startswith("scipy")})
    ours.update({k: v for k, v in provided.items() if k.startswith("past")})
    # gradcheck's modules first (they replace the student's copies), stubs last (after every real finder)
    sys.meta_path.insert(0, Provided(ours, stub=False))
    sys.meta_path.append(Provided({}, stub=True))
