// Runs inside the sandboxed child: loads one module submission and answers requests.
// Plain JavaScript on purpose: it runs under node directly, with the permission model on.
//
// Everything the harness relies on is captured before the submission's code runs, so a
// submission that monkeypatches globals (JSON, Array, Number, fs) changes only its own
// answers. Answers go out on fd 3 tagged with a key the submission never sees: stdout is
// just noise to the parent, and the key is the channel's first line, read before the import.
import { readSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";

const stringify = JSON.stringify;
const parse = JSON.parse;
const F64 = Float64Array;
const isArray = Array.isArray;
const isFinite = Number.isFinite;
const ObjectIs = Object.is;
const bufferFrom = Buffer.from.bind(Buffer);
const CHANNEL = 3;

// Requests arrive on fd 3 as JSON lines; read synchronously so no stream object the
// submission could patch sits between the channel and the harness.
const buffer = Buffer.alloc(1 << 16);
let pending = "";
/** The next line from the channel, or undefined when the parent closed it. */
async function nextLine() {
  for (;;) {
    const nl = pending.indexOf("\n");
    if (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      return line;
    }
    let n;
    try {
      n = readSync(CHANNEL, buffer, 0, buffer.length, null);
    } catch (e) {
      if (e.code === "EAGAIN") {
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      throw e;
    }
    if (n === 0) return undefined;
    pending += buffer.toString("utf8", 0, n);
  }
}

const key = (await nextLine()) ?? "";

function send(message) {
  message.key = key;
  const bytes = bufferFrom(stringify(message) + "\n", "utf8");
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(CHANNEL, bytes, at, bytes.length - at);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
  }
}

/** JSON has no NaN or ±Infinity; they travel as strings and become numbers again in the parent. */
function encodeNumber(x) {
  return isFinite(x) ? x : String(x);
}

const entry = process.argv[2];
let fn;
try {
  const mod = await import(pathToFileURL(entry).href);
  const d = mod.default;
  fn =
    typeof mod.nnCostFunction === "function"
      ? mod.nnCostFunction
      : d && typeof d.nnCostFunction === "function"
        ? d.nnCostFunction
        : typeof d === "function"
          ? d
          : undefined;
  if (fn === undefined) {
    send({
      type: "load-error",
      kind: "no-export",
      message: `exports: ${
        Object.keys(mod)
          .filter((k) => k !== "module.exports")
          .join(", ") || "(none)"
      }`,
    });
    process.exit(0);
  }
} catch (e) {
  const syntax = e instanceof SyntaxError || /Transform failed|Unexpected token|SyntaxError/.test(String(e && e.message));
  send({
    type: "load-error",
    kind: syntax ? "syntax-error" : "import-failed",
    message: String((e && e.stack) || e)
      .split("\n")
      .slice(0, 6)
      .join("\n"),
  });
  process.exit(0);
}
send({ type: "ready" });

/** The `wb` layout: one {W, b} per layer, W as rows on the wire (docs/protocol.md). */
function isWb(params) {
  return isArray(params) && params.length > 0 && typeof params[0] === "object" && params[0] !== null;
}

/** A module gets W row-major in a Float64Array with its shape [in, out], and b as a Float64Array. */
function copyParams(params) {
  if (!isWb(params)) return F64.from(params);
  return params.map(({ W, b }) => ({ W: F64.from(W.flat()), shape: [W.length, b.length], b: F64.from(b) }));
}

/** Every number of params in one list, to compare before and after the call; null when not even the shape is left. */
function flatParams(params) {
  if (!isArray(params) || !isWb(params)) return params;
  const out = [];
  for (const layer of params) {
    if (layer === null || typeof layer !== "object" || !layer.W || !layer.b) return null;
    for (let i = 0; i < layer.W.length; i++) out.push(layer.W[i]);
    for (let i = 0; i < layer.b.length; i++) out.push(layer.b[i]);
  }
  return out;
}

function copyRequest(r) {
  return {
    params: copyParams(r.params),
    layerSizes: r.layerSizes.slice(),
    X: r.X.map((row) => row.slice()),
    y: r.y.slice(),
    lambda: r.lambda,
  };
}

function sameNumbers(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!ObjectIs(a[i], b[i])) return false;
  return true;
}

function mutatedInputs(given, pristine) {
  const out = [];
  const params = flatParams(given.params);
  if (params === null || !sameNumbers(params, flatParams(pristine.params))) out.push("params");
  if (!isArray(given.layerSizes) || !sameNumbers(given.layerSizes, pristine.layerSizes)) out.push("layerSizes");
  if (!isArray(given.X) || given.X.length !== pristine.X.length || given.X.some((row, i) => !sameNumbers(row, pristine.X[i])))
    out.push("X");
  if (!isArray(given.y) || !sameNumbers(given.y, pristine.y)) out.push("y");
  return out;
}

async function answer(request) {
  const pristine = copyRequest(request);
  const given = copyRequest(request);
  let result;
  try {
    result = await fn(given.params, given.layerSizes, given.X, given.y, given.lambda);
  } catch (e) {
    return {
      type: "threw",
      message: String((e && e.stack) || e)
        .split("\n")
        .slice(0, 4)
        .join("\n"),
    };
  }
  const mutated = mutatedInputs(given, pristine);
  if (result === null || typeof result !== "object")
    return { type: "bad-return", message: `returned ${result === null ? "null" : typeof result}, expected an object { J, grad }`, mutated };
  const J = result.J,
    grad = result.grad;
  if (typeof J !== "number")
    return {
      type: "bad-return",
      message: `J is ${J === undefined ? "missing" : `a ${typeof J} (${String(J).slice(0, 40)})`}, expected a number`,
      mutated,
    };
  if (isWb(request.params)) return wbAnswer(J, grad, mutated);
  if (grad === null || typeof grad !== "object" || typeof grad.length !== "number") {
    return {
      type: "bad-return",
      message: `grad is ${grad === undefined ? "missing" : grad === null ? "null" : `a ${typeof grad}`}, expected an array of ${given.params.length} numbers`,
      mutated,
    };
  }
  const values = encodedGradient(grad, mutated);
  if (!isArray(values)) return values;
  return { type: "result", J: encodeNumber(J), grad: values, mutated };
}

/** grad's entries encoded for the answer line, or the bad-return naming the first entry that is not a number. */
function encodedGradient(grad, mutated) {
  const n = grad.length;
  const values = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    if (typeof g !== "number") {
      const what =
        isArray(g) || ArrayBuffer.isView(g)
          ? "an array: grad must be unrolled into one flat list of params.length numbers"
          : `a ${typeof g} (${String(g).slice(0, 40)}), expected a number`;
      return { type: "bad-return", message: `grad[${i}] is ${what}`, mutated };
    }
    values[i] = encodeNumber(g);
  }
  return values;
}

/**
 * A `wb` gradient goes out as it came, one {W, b} per layer with W flat or as rows, numbers
 * encoded; its shape is judged in the parent, where a process's answer is judged too.
 */
function wbAnswer(J, grad, mutated) {
  if (grad === null || typeof grad !== "object" || typeof grad.length !== "number")
    return {
      type: "bad-return",
      message: `grad is ${grad === undefined ? "missing" : grad === null ? "null" : `a ${typeof grad}`}, expected one {W, b} per layer, like params`,
      mutated,
    };
  const layers = new Array(grad.length);
  for (let l = 0; l < grad.length; l++) {
    const layer = grad[l];
    layers[l] =
      layer === null || typeof layer !== "object"
        ? null
        : { W: layer.W === undefined ? undefined : wireList(layer.W), b: layer.b === undefined ? undefined : wireList(layer.b) };
  }
  return { type: "result", J: encodeNumber(J), grad: layers, mutated };
}

/** An array-like of numbers (or of rows of numbers) as JSON can carry it; anything else described in a string. */
function wireList(v) {
  if (typeof v === "number") return encodeNumber(v);
  if (v === null || typeof v !== "object" || typeof v.length !== "number") return `(a ${v === null ? "null" : typeof v})`;
  const out = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] =
      typeof x === "number"
        ? encodeNumber(x)
        : x !== null && typeof x === "object" && typeof x.length === "number"
          ? wireList(x)
          : `(a ${x === null ? "null" : typeof x}: ${String(x).slice(0, 40)})`;
  }
  return out;
}

for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
  const request = parse(line);
  const reply = await answer(request);
  reply.id = request.id;
  send(reply);
}
process.exit(0);
