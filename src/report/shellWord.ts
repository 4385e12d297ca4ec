/** A path or argument as a shell command line needs it: as given when it is plain, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The replay command of a check, runnable where the user ran it (paths as given, through npx). */
export function checkReplay(submission: string, seed: number, runs: number): string {
  return `npx gradcheck check ${shellWord(submission)} --seed ${seed} --runs ${runs}`;
}
