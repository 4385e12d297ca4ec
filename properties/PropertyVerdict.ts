/** What a property says about one case: it holds, it is skipped (with why), or it fails (with where). */
export type PropertyVerdict = { readonly ok: true; readonly skipped?: string } | { readonly ok: false; readonly message: string };

/**
 * For fast-check predicates: throws on a failure so fast-check prints the message beside the
 * seed and path; a skip counts as holding (the caller reports skips it collects).
 */
export function holds(v: PropertyVerdict): true {
  if (!v.ok) throw new Error(v.message);
  return true;
}
