import { expect, it } from "vitest";
import { terminalColour } from "../../src/cli/terminalColour.ts";

const line = "FAIL: 38 entries compared; the corrected D: PASS";
const esc = String.fromCharCode(27);

it("colours verdicts only on a terminal, and never when NO_COLOR is set", () => {
  expect(terminalColour({ isTTY: true }, {})(line)).toContain(`${esc}[1;31mFAIL${esc}[0m`);
  expect(terminalColour({ isTTY: true }, {})(line)).toContain(`${esc}[34mPASS${esc}[0m`);
  expect(terminalColour({ isTTY: false }, {})(line)).toBe(line);
  expect(terminalColour({}, {})(line)).toBe(line);
  expect(terminalColour({ isTTY: true }, { NO_COLOR: "1" })(line)).toBe(line);
  // An empty NO_COLOR does not count (no-color.org).
  expect(terminalColour({ isTTY: true }, { NO_COLOR: "" })(line)).not.toBe(line);
});
