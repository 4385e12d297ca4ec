/**
 * How deeply an answer may nest. An answer is {J, grad} with grad flat or one {W, b} per
 * layer, W as rows: five levels. Anything that recurses over a value (JSON.stringify, String,
 * a formatter) overflows the stack near 10⁴ levels, so a deeper answer is refused whole.
 */
export const maxAnswerDepth = 32;

/** Whether `value` nests deeper than `max` levels of arrays and objects, found without recursion. */
export function nestsDeeperThan(value: unknown, max = maxAnswerDepth): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** A short preview of a value for a message: never throws, never recurses without bound. */
export function preview(v: unknown, max = 60): string {
  if (nestsDeeperThan(v)) return `a value nested deeper than ${maxAnswerDepth} levels`;
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, max);
  } catch {
    return typeof v;
  }
}
