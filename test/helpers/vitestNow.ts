/**
 * vitest as a doc's code block sees it when the docs test runs the block: the block is already
 * inside a test, where `it` cannot be called, so `it` and `test` run their body at once and the
 * docs test awaits it (`settle`). Everything else is vitest's own.
 */
export * from "vitest";

const pending: Promise<unknown>[] = [];

export function it(_name: string, body: () => unknown): void {
  pending.push(Promise.resolve().then(body));
}
export { it as test };

/** Waits for every body started since the last call; the first failure rejects. */
export async function settle(): Promise<void> {
  await Promise.all(pending.splice(0));
}
