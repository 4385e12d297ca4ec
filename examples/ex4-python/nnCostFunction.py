# ex4 in Python, as the exercise's numpy port asks for it: one hidden layer, labels 0..K-1,
# the parameters unrolled row by row (np.concatenate([Theta1.ravel(), Theta2.ravel()])).
#   npx gradcheck check examples/ex4-python --profile ex4
# gradcheck loads the definitions only: the data loading and plotting below never run.
import numpy as np
from matplotlib import pyplot
from scipy import io, optimize


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoidGradient(z):
    return sigmoid(z) * (1 - sigmoid(z))


def nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda_=0.0):
    Theta1 = np.reshape(nn_params[: hidden_layer_size * (input_layer_size + 1)], (hidden_layer_size, input_layer_size + 1))
    Theta2 = np.reshape(nn_params[hidden_layer_size * (input_layer_size + 1) :], (num_labels, hidden_layer_size + 1))
    m = y.size

    a1 = np.concatenate([np.ones((m, 1)), X], axis=1)
    z2 = a1 @ Theta1.T
    a2 = np.concatenate([np.ones((m, 1)), sigmoid(z2)], axis=1)
    a3 = sigmoid(a2 @ Theta2.T)

    y_matrix = np.eye(num_labels)[y]
    J = -np.sum(y_matrix * np.log(a3) + (1 - y_matrix) * np.log(1 - a3)) / m
    J += lambda_ / (2 * m) * (np.sum(np.square(Theta1[:, 1:])) + np.sum(np.square(Theta2[:, 1:])))

    delta_3 = a3 - y_matrix
    delta_2 = delta_3.dot(Theta2)[:, 1:] * sigmoidGradient(z2)
    Theta1_grad = delta_2.T.dot(a1) / m
    Theta2_grad = delta_3.T.dot(a2) / m
    Theta1_grad[:, 1:] += lambda_ / m * Theta1[:, 1:]
    Theta2_grad[:, 1:] += lambda_ / m * Theta2[:, 1:]

    grad = np.concatenate([Theta1_grad.ravel(), Theta2_grad.ravel()])
    return J, grad


data = io.loadmat("ex4data1.mat")
X, y = data["X"], data["y"].ravel()
y[y == 10] = 0
print("Cost at parameters (loaded from ex4weights): %.6f" % nnCostFunction(np.zeros(10285), 400, 25, 10, X, y, 1)[0])
pyplot.imshow(X[:100])
