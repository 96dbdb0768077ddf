// An engine plugin for `assay check --engine`, with a bug planted on purpose: it is assay's fast
// engine run as if commission were free. The differential property must catch it:
//   npm run assay -- check --engine examples/engines/fast-without-commission.ts --properties engine-equals-reference
import { type Engine, fastEngine } from "../../src/index.ts";

const engine: Engine = {
  name: "fast-without-commission",
  run: (panel, config, strategy) =>
    fastEngine.run(panel, { ...config, commission: { model: "percent", rate: 0, fixed: 0 } }, strategy),
};

export default engine;
