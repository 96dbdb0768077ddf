// assay's fast engine behind the engine process protocol (`assay check --engine-cmd`): one golden
// `input` per line on stdin, one `expected` per line on stdout. What an engine in another language
// does, here in TypeScript, so the protocol itself is tested on an engine that must pass:
//   npm run assay -- check --engine-cmd "node --import tsx examples/engines/fast-process.ts"
import { createInterface } from "node:readline";
import { fastEngine } from "../../src/engine/index.ts";
import { readInput } from "../../src/golden/parse.ts";
import { runGoldenInput } from "../../src/golden/run-input.ts";
import { ShapeReader } from "../../src/golden/shape.ts";
import { scenarioExpected } from "../../src/harness/scenario.ts";

if (process.argv.includes("--describe")) {
  // The whole model: no capabilities restrict the cases.
  process.stdout.write(`${JSON.stringify({ name: "assay fast engine (process)", capabilities: {} })}\n`);
  process.exit(0);
}

for await (const line of createInterface({ input: process.stdin })) {
  const { records, dates } = runGoldenInput(
    fastEngine,
    readInput(new ShapeReader("stdin"), JSON.parse(line)),
    "stdin",
  );
  process.stdout.write(`${JSON.stringify(scenarioExpected(records, dates))}\n`);
}
