from builtins import range
from builtins import object
import numpy as np

from cs231n.layers import *
from cs231n.layer_utils import *


class FullyConnectedNet(object):
    """
    A fully-connected network with any number of hidden layers, as CS231n's assignment 2 asks:
    {affine - relu} x (L - 1) - affine - softmax, with L2 regularization 0.5 * reg * sum(W * W).

      npx gradcheck check examples/cs231n-fc-net-buggy --profile cs231n --regularizer half-reg
    """

    def __init__(self, hidden_dims, input_dim=3 * 32 * 32, num_classes=10, dropout=0, use_batchnorm=False,
                 reg=0.0, weight_scale=1e-2, dtype=np.float32, seed=None):
        self.use_batchnorm = use_batchnorm
        self.use_dropout = dropout > 0
        self.reg = reg
        self.num_layers = 1 + len(hidden_dims)
        self.dtype = dtype
        self.params = {}
        dims = [input_dim] + list(hidden_dims) + [num_classes]
        for i in range(self.num_layers):
            self.params['W%d' % (i + 1)] = weight_scale * np.random.randn(dims[i], dims[i + 1])
            self.params['b%d' % (i + 1)] = np.zeros(dims[i + 1])
        for k, v in self.params.items():
            self.params[k] = v.astype(dtype)

    def loss(self, X, y=None):
        X = X.astype(self.dtype)
        caches = []
        out = X
        for i in range(1, self.num_layers):
            out, cache = affine_relu_forward(out, self.params['W%d' % i], self.params['b%d' % i])
            caches.append(cache)
        L = self.num_layers
        scores, cache = affine_forward(out, self.params['W%d' % L], self.params['b%d' % L])
        caches.append(cache)
        if y is None:
            return scores

        loss, dscores = softmax_loss(scores, y)
        grads = {}
        dout, dW, db = affine_backward(dscores, caches[L - 1])
        grads['W%d' % L] = dW + self.reg * self.params['W%d' % L]
        grads['b%d' % L] = db
        loss += 0.5 * self.reg * np.sum(self.params['W%d' % L] ** 2)
        for i in range(L - 1, 0, -1):
            dout, dW, db = affine_relu_backward(dout, caches[i - 1])
            grads['W%d' % i] = dW + self.reg * self.params['W%d' % i]
            grads['b%d' % i] = db
            loss += 0.5 * self.reg * np.sum(self.params['W%d' % i] ** 2)
        return loss, grads
