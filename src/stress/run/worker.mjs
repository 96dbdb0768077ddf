// The Piscina worker of `assay stress`: a worker thread does not inherit the main thread's tsx
// loader, and the strategy may be a TypeScript file, so the thread registers tsx first. (The
// build emits this file beside chunk-task.js, with the import below rewritten to it.)
import { register } from "tsx/esm/api";

register();
const task = await import("./chunk-task.ts");

export default task.default;
