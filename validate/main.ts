// `npm run validate`: writes reports/VALIDATION.md (validate/render.ts) from the golden files
// and the seed's study, run on every engine now.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { engines, loadEngine } from "../src/cli/engines.ts";
import { goldenVerdicts } from "../src/cli/golden.ts";
import { SUPERSEDED_GOLDENS } from "../src/golden/superseded.ts";
import { type GoldenFolder, renderValidation } from "./render.ts";
import { bench250Panel, peerResults, replay } from "./replay.ts";

const ROOT = new URL("../", import.meta.url);
const FOLDERS: readonly { readonly folder: string; readonly path: URL; readonly profile: string }[] = [
  {
    folder: "shared/golden/assay-spec",
    path: new URL("../shared/golden/assay-spec/", ROOT),
    profile: "assay's own rules",
  },
  {
    folder: "shared/golden/backtrader",
    path: new URL("../shared/golden/backtrader/", ROOT),
    profile: "compat backtrader",
  },
  {
    folder: "shared/golden/vectorbt",
    path: new URL("../shared/golden/vectorbt/", ROOT),
    profile: "compat vectorbt",
  },
  { folder: "scenarios", path: new URL("scenarios/", ROOT), profile: "assay's own rules (input.options)" },
];

const names = Object.keys(engines);
const folders: GoldenFolder[] = [];
for (const { folder, path, profile } of FOLDERS) {
  const byEngine: Record<string, Awaited<ReturnType<typeof goldenVerdicts>>> = {};
  for (const name of names)
    byEngine[name] = await goldenVerdicts([fileURLToPath(path)], () => loadEngine(name));
  folders.push({ folder, profile, byEngine });
  console.error(`validate: ${folder} done`);
}
const panel = bench250Panel();
const replays = [];
for (const profile of ["backtrader", "vectorbt", "default"] as const)
  for (const name of names) replays.push(replay(panel, profile, await loadEngine(name)));
console.error("validate: bench250 done");
const markdown = renderValidation({
  date: new Date().toISOString().slice(0, 10),
  folders,
  superseded: SUPERSEDED_GOLDENS,
  replays,
  peers: peerResults(),
});
mkdirSync(new URL("reports/", ROOT), { recursive: true });
writeFileSync(new URL("reports/VALIDATION.md", ROOT), markdown);
process.stdout.write(markdown);
