// One measurement in this (fresh) process, so that its peak RSS is the case's own:
//   node --expose-gc --import tsx bench/run-one.ts <case> <engine> <runs> [--quick] [--warmup N]
// prints one JSON line (a Measurement) on stdout.
import { parseArgs } from "node:util";
import { loadEngine } from "../src/cli/engines.ts";
import { benchCase, CASE_NAMES, isCaseName } from "./cases.ts";
import { measureCase } from "./measure.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: "boolean", default: false }, warmup: { type: "string" } },
});
const [name, engineName, runsText] = positionals;
if (positionals.length !== 3 || !isCaseName(name)) {
  throw new Error(`usage: run-one.ts <${CASE_NAMES.join("|")}> <engine> <runs> [--quick] [--warmup N]`);
}
const wholeNumber = (text: string, what: string, least: number): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least)
    throw new Error(`${what} must be a whole number >= ${least}, got "${text}"`);
  return n;
};
const engine = await loadEngine(engineName);
const measurement = await measureCase(benchCase(name, { quick: values.quick }), engine, {
  engineName,
  runs: wholeNumber(runsText, "runs", 1),
  warmup: values.warmup === undefined ? undefined : wholeNumber(values.warmup, "--warmup", 0),
});
process.stdout.write(`${JSON.stringify(measurement)}\n`);
