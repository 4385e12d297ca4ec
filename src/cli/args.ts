/** Command-line words split into positional arguments and `--flag value` options. */
export interface Args {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/**
 * `valued` names the options that take a value; any other `--x` is a switch. An unknown
 * option is an error rather than a silently ignored word.
 */
export function parseArgs(words: readonly string[], valued: readonly string[], switches: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith("--")) {
      positional.push(w);
      continue;
    }
    const eq = w.indexOf("=");
    const name = w.slice(2, eq < 0 ? undefined : eq);
    if (valued.includes(name)) {
      const value = eq >= 0 ? w.slice(eq + 1) : words[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else if (switches.includes(name)) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options };
}

export class UsageError extends Error {}

export function integerOption(args: Args, name: string, fallback: number, min: number): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < min) throw new UsageError(`--${name} expects an integer ≥ ${min}, got ${v}`);
  return n;
}

/** A finite number ≥ min (or > min when `strict`). */
export function numberOption(args: Args, name: string, fallback: number, min: number, strict = false): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || v.trim() === "" || !Number.isFinite(n) || n < min || (strict && n === min)) {
    throw new UsageError(`--${name} expects a number ${strict ? ">" : "≥"} ${min}, got ${v}`);
  }
  return n;
}
