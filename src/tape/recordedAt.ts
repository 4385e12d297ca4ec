import { fileURLToPath } from "node:url";

/** The tape's own machinery: frames in these files are never "where" an op was recorded (.ts in a clone, .js when built). */
const extension = import.meta.url.slice(import.meta.url.lastIndexOf("."));
const machinery = ["Value", "Tape", "evaluate", "recordedAt"].map((f) => fileURLToPath(new URL(f + extension, import.meta.url)));
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Where an op was recorded: `file:line:column` of the first caller outside the tape itself.
 * It takes an Error made at record time: V8 collects the frames then, cheaply, and formats
 * them only here, when an error needs the location.
 */
export function recordedAt(site: Error): string {
  const frames = (site.stack ?? "").split("\n").slice(1);
  const frame = frames.find((f) => !machinery.some((file) => f.includes(file)) && !f.includes("node:"));
  const location = frame && /((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(frame);
  if (!location) return "an unknown place";
  const [, file, line, column] = location;
  const path = file.startsWith("file://") ? fileURLToPath(file) : file;
  return `${path.startsWith(projectRoot) ? path.slice(projectRoot.length) : path}:${line}:${column}`;
}
