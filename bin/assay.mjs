#!/usr/bin/env node
// The `assay` command. In a checkout (src/ present) it runs the TypeScript sources through tsx,
// so no build step is needed and an edit shows at once; an installed package ships no src/ and
// runs the build in dist/. tsx is registered either way: `assay run ./strategy.ts` loads the
// user's TypeScript.
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

register();
const source = new URL("../src/cli/main.ts", import.meta.url);
const entry = existsSync(source) ? source : new URL("../dist/src/cli/main.js", import.meta.url);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
