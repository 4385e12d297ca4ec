import * as tf from "@tensorflow/tfjs";
import type { Problem, Theta } from "../src/network/Network.ts";

/**
 * The same network, cost and batch in TensorFlow.js on its pure-JavaScript CPU backend.
 * tfjs computes in float32, so its figures buy half the precision of gradcheck's float64.
 * Returns a function computing J and ∂J/∂Θ once (the data is uploaded once, outside it).
 */
export async function tfjsGradient(problem: Problem, theta: Theta): Promise<() => Promise<void>> {
  // tfjs advertises its native backend on its first tensor; keep the report clean.
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await prepare(problem, theta);
  } finally {
    console.warn = warn;
  }
}

async function prepare(problem: Problem, theta: Theta): Promise<() => Promise<void>> {
  await tf.setBackend("cpu");
  await tf.ready();
  const m = problem.X.rows;
  const X = tf.tensor2d(Float32Array.from(problem.X.data), [m, problem.X.cols]);
  const Y = tf.tensor2d(Float32Array.from(problem.Y.data), [m, problem.Y.cols]);
  const ones = tf.ones([m, 1]);
  // Θ⁽ˡ⁾ is stored transposed, (s_l + 1) × s_{l+1}, so that z = [1 a]·Θᵀ is one matMul.
  const thetaT = theta.map((T) => tf.variable(tf.tensor2d(Float32Array.from(T.data), [T.rows, T.cols]).transpose()));
  const J = (): tf.Scalar =>
    tf.tidy(() => {
      let a: tf.Tensor2D = X;
      let z: tf.Tensor2D = X;
      thetaT.forEach((T, l) => {
        z = tf.concat([ones, a], 1).matMul(T as tf.Tensor2D) as tf.Tensor2D;
        if (l + 1 < thetaT.length) a = tf.sigmoid(z);
      });
      // softplus(z) − y·z: the same stable data term as gradcheck's.
      const data = tf.sum(tf.sub(tf.softplus(z), tf.mul(Y, z))).div(m);
      const reg = thetaT.map((T) => tf.sum(tf.square(T.slice([1, 0])))).reduce((s, t) => s.add(t), tf.scalar(0));
      return data.add(reg.mul(problem.lambda / (2 * m))) as tf.Scalar;
    });
  const gradient = async () => {
    const { value, grads } = tf.variableGrads(J);
    await Promise.all(Object.values(grads).map((g) => g.data()));
    tf.dispose([value, ...Object.values(grads)]);
  };
  return gradient;
}
