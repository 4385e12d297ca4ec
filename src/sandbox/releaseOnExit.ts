/**
 * What a sandboxed run must undo however the checker ends (staging folders, child trees,
 * cgroups). Each holder registers a synchronous release; all run on process exit, which the
 * CLI also reaches on SIGINT and SIGTERM (it turns them into process.exit). A SIGKILLed
 * checker runs nothing: its children die with it (--die-with-parent) and its staging folder
 * is removed by a later start (see stageSubmission).
 */
const live = new Set<() => void>();
let installed = false;

export function releaseOnExit(release: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once("exit", releaseAll);
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    live.delete(once);
    release();
  };
  live.add(once);
  return once;
}

/** Releases everything still held, newest first. Never throws. */
export function releaseAll(): void {
  for (const release of [...live].reverse()) {
    try {
      release();
    } catch {
      // keep releasing the rest
    }
  }
}
