import type { FindingKind } from "./FindingKind.ts";

/** A kind that two vocabularies named apart, merged under one name. */
export interface FormerName {
  readonly former: string;
  readonly kind: FindingKind;
  /** where the former name was used */
  readonly where: string;
  /** true where a public output still writes the former name, so what reads it keeps working */
  readonly stillWritten: boolean;
}

/** The merges, old name → new; docs/findings.md shows this table. */
export const formerNames: readonly FormerName[] = [
  {
    former: "no-entry",
    kind: "no-entry-file",
    where:
      "`gradcheck check`'s JSON `problem` and JUnit error type (still written there); the library's `CheckReport.problem` now says `no-entry-file`",
    stillWritten: true,
  },
  {
    former: "wrong-entries",
    kind: "gradient-mismatch",
    where: "the library's `Finding.kind` (`checkGradient`, `compareGradients`, …)",
    stillWritten: false,
  },
  { former: "non-finite-gradient", kind: "non-finite", where: "the library's `Finding.kind`", stillWritten: false },
  { former: "wrong-length", kind: "wrong-gradient-length", where: "the library's `Finding.kind`", stillWritten: false },
];

const written = new Map(formerNames.filter((n) => n.stillWritten).map((n) => [n.kind as string, n.former]));

/** The name `gradcheck check`'s JSON and JUnit reports write for a kind: the former one where the merge kept it. */
export const checkReportName = (kind: FindingKind): string => written.get(kind) ?? kind;
