from __future__ import print_function

from builtins import range
from past.builtins import xrange

import numpy as np
import matplotlib.pyplot as plt


class TwoLayerNet(object):
    """
    A two-layer fully-connected neural network, written the way CS231n's assignment 1 asks:
    input - fully connected layer - ReLU - fully connected layer - softmax, trained with a
    softmax loss and L2 regularization reg * sum(W * W) on the weight matrices.

      npx gradcheck check examples/cs231n-two-layer --profile cs231n
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        # forward pass
        hidden = np.maximum(0, X.dot(W1) + b1)
        scores = hidden.dot(W2) + b2
        if y is None:
            return scores

        # softmax loss from log-probabilities, shifted for numeric stability
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        probs = np.exp(log_probs)
        loss = -np.sum(log_probs[np.arange(N), y]) / N
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        # backward pass
        grads = {}
        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads['W2'] = hidden.T.dot(dscores) + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        dhidden = dscores.dot(W2.T)
        dhidden[hidden <= 0] = 0
        grads['W1'] = X.T.dot(dhidden) + 2 * reg * W1
        grads['b1'] = np.sum(dhidden, axis=0)
        return loss, grads

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)


if __name__ == '__main__':
    net = TwoLayerNet(4, 10, 3, std=1e-1)
    X = np.random.randn(5, 4)
    print(net.loss(X, np.array([0, 1, 2, 2, 1]), reg=0.05))
    plt.plot([1, 2, 3])
