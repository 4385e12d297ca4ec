import cliProgress from "cli-progress";

export interface Progress {
  step(iteration: number, J: number): void;
  /** a line that must not be overwritten by the bar */
  log(line: string): void;
  stop(): void;
}

/**
 * A progress bar (iteration, J, elapsed time) on an interactive terminal; elsewhere (CI,
 * pipes, files) plain lines at every tenth of the run, so logs stay readable.
 */
export function progress(total: number, out: (line: string) => void, interactive = Boolean(process.stderr.isTTY)): Progress {
  const t0 = performance.now();
  if (!interactive) {
    const every = Math.max(1, Math.round(total / 10));
    return {
      step(i, J) {
        if ((i + 1) % every === 0 || i + 1 === total)
          out(
            `  iteration ${String(i + 1).padStart(String(total).length)}/${total}  J ${J.toFixed(4)}  ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          );
      },
      log: out,
      stop() {},
    };
  }
  // A SingleBar redraws synchronously on update: training never yields to the event loop, so
  // a timer-driven redraw (MultiBar's) would show nothing until the end.
  const bar = new cliProgress.SingleBar(
    {
      format: "  {bar} {value}/{total}  J {J}  {duration_formatted}",
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
      synchronousUpdate: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { J: "…" });
  return {
    step: (i, J) => bar.update(i + 1, { J: J.toFixed(4) }),
    log(line) {
      process.stderr.write("\r\x1b[2K"); // clear the bar's line, print above it, draw the bar again
      out(line);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
