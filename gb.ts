import { gradeBench } from "./bench/grade.ts";
console.log(JSON.stringify(await gradeBench(), null, 1));
