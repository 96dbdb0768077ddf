// The thread that owns an engine process (src/protocol/engine-process.ts): a worker thread does
// not inherit the main thread's tsx loader, so this plain module registers tsx, then runs host.ts.
import { register } from "tsx/esm/api";

register();
await import("./host.ts");
