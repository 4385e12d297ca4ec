export * from "./Matrix.ts";
export * from "./gemm.ts";
export * from "./products.ts";
export * from "./elementwise.ts";
