#!/usr/bin/env node
// The `assay` command. In a checkout (src/ present) it runs the TypeScript sources through tsx,
// so no build step is needed and an edit shows at once; an installed package ships no src/ and
// runs the build in dist/. tsx is registered either way: `assay run ./strategy.ts` loads the
// user's TypeScript. V8's inlining budgets are raised first (src/runtime/inlining.ts).
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

register();
const inCheckout = existsSync(new URL("../src/cli/main.ts", import.meta.url));
const sourceOf = (path) =>
  new URL(inCheckout ? `../src/${path}.ts` : `../dist/src/${path}.js`, import.meta.url).href;
// Before any engine code runs hot: V8 reads its inlining budgets at each optimization.
const { raiseInliningBudget } = await import(sourceOf("runtime/inlining"));
raiseInliningBudget();
const { main } = await import(sourceOf("cli/main"));
process.exitCode = await main(process.argv.slice(2));
