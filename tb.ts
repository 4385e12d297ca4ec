import { trainBench } from "./bench/train.ts";
for (const s of await trainBench()) console.log(JSON.stringify(s, null, 1));
