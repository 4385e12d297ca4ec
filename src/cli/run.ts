import { main } from "./main.ts";

// The command line's entry: bin/gradcheck.mjs runs the compiled copy of this file.
process.exitCode = await main(process.argv.slice(2));
