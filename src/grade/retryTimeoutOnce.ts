import type { Implementation } from "../sandbox/Implementation.ts";

/**
 * A timed-out call is tried once more, so a neighbour that keeps the machine busy cannot push
 * a correct submission past the wall-clock limit. Once a retry has timed out too, the
 * submission really hangs, and later timeouts are final: a hang costs one limit per test.
 */
export function retryTimeoutOnce(implementation: Implementation): Implementation {
  let hangs = false;
  return {
    description: implementation.description,
    warnings: implementation.warnings,
    async call(request) {
      const first = await implementation.call(request);
      if (first.kind !== "timeout" || hangs) return first;
      const again = await implementation.call(request);
      if (again.kind === "timeout") hangs = true;
      return again;
    },
    close: () => implementation.close(),
  };
}
