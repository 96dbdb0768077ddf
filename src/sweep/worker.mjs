// The Piscina worker of `assay sweep`: a worker thread does not inherit the main thread's tsx
// loader, and a sweep's strategy may be a TypeScript file, so the thread registers tsx first.
// (The build emits this file beside trial.js, with the import below rewritten to it.)
import { register } from "tsx/esm/api";

register();
const trial = await import("./trial.ts");

export default trial.default;
