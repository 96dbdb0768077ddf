// The Piscina worker of `assay check`: a worker thread does not inherit the main thread's tsx
// loader, so this plain module registers tsx in the thread, then serves task.ts's runChunk (the
// default task) and describe. The registry module (workerData.registry) starts loading at once.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const task = await import("./task.ts");
task.preload(workerData?.registry, workerData?.engine);

export default task.default;
export const describe = task.describe;
