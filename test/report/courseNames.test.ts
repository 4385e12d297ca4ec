import { describe, expect, it } from "vitest";
import { courseNamesFor } from "../../src/report/courseNames.ts";

const message =
  "2 of 9 entries differ (Θ⁽¹⁾: bias column only; Θ⁽²⁾: weights only; Θ⁽³⁾ right); the largest at Θ⁽¹⁾[1,0] (bias column): got 1, expected 2; Θ⁽²⁾[2,1] and Θ⁽¹²⁾[3,4] too; λ = 0";

describe("entry names in the course's own words", () => {
  it("CS231n: grads['Wl'] is in × out, so Θ⁽ˡ⁾[i,j] is dWl[j−1,i−1], its bias column dbl[i−1]", () => {
    expect(courseNamesFor("cs231n two-layer neural_net.py")!(message)).toBe(
      "2 of 9 entries differ (db1 only; dW2 only; dW3, db3 right); the largest at db1[0] (bias column): got 1, expected 2; dW2[0,1] and dW12[3,2] too; λ = 0",
    );
  });
  it("deeplearning.ai: grads['dWl'] is out × in, so dWl[i−1,j−1]; λ is the notebook's lambd", () => {
    expect(courseNamesFor("dlai gradient-checking Gradient_Checking.py")!(message)).toBe(
      "2 of 9 entries differ (db1 only; dW2 only; dW3, db3 right); the largest at db1[0] (bias column): got 1, expected 2; dW2[1,0] and dW12[2,3] too; lambd = 0",
    );
  });
  it("the lecture's own code keeps the lecture's names", () => {
    for (const submission of ["Octave nnCostFunction.m", "Python nnCostFunction.py", "module nnCostFunction.mjs", "process python3 nn.py"])
      expect(courseNamesFor(submission)).toBeUndefined();
  });
});
