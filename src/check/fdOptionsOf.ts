import { fixedStep, type FdOptions } from "../numeric/index.ts";

/** The finite-difference options a check's `eps` and `fd` options ask for; a bad eps throws here, before anything runs. */
export function fdOptionsOf(options: { readonly fd?: FdOptions; readonly eps?: number }): FdOptions {
  return options.eps === undefined ? (options.fd ?? {}) : { ...options.fd, method: fixedStep(options.eps) };
}
