// Writes every example that copies another (scripts/exampleCopies.ts) from its original, so a fix
// to the shared part is made once, in the original:
//     npx tsx scripts/syncExamples.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { copyText, exampleCopies } from "./exampleCopies.ts";

const examples = new URL("../examples/", import.meta.url);

let written = 0;
for (const copy of exampleCopies) {
  const made = copyText(copy, readFileSync(new URL(copy.of, examples), "utf8"));
  if ("problem" in made) throw new Error(made.problem);
  const target = new URL(copy.copy, examples);
  // a copy newly declared in the table is made here too, folder and all
  if (existsSync(target) && readFileSync(target, "utf8") === made.text) continue;
  mkdirSync(dirname(fileURLToPath(target)), { recursive: true });
  writeFileSync(target, made.text);
  console.log(`wrote examples/${copy.copy}`);
  written++;
}
console.log(`${written} of ${exampleCopies.length} copies written; the rest were in step`);
