import type { Matrix } from "../../../src/linalg/Matrix.ts";

/** The op methods a Value and a DualMatrix share, so one program runs on the tape and in forward mode. */
export interface Ops<T> {
  add(b: T | number): T;
  sub(b: T | number): T;
  mul(b: T | number): T;
  div(b: T | number): T;
  neg(): T;
  exp(): T;
  log(): T;
  log1p(): T;
  softplus(): T;
  sigmoid(): T;
  tanh(): T;
  relu(): T;
  square(): T;
  pow(p: number): T;
  sum(): T;
  mean(): T;
  logSumExpRows(): T;
  matmul(b: T): T;
  matmulABt(b: T): T;
  matmulAtB(b: T): T;
  affine(theta: T): T;
  prependBias(): T;
  columns(from: number, to?: number): T;
}

/** A scalar function of some matrices; `lift` turns fixed data into a constant of either kind. */
export type Program = <T extends Ops<T>>(x: T[], lift: (M: Matrix) => T) => T;
