export * from "./config.ts";
export * from "./engine.ts";
export * from "./instrument.ts";
export * from "./order.ts";
export * from "./panel.ts";
export * from "./reason.ts";
export * from "./records.ts";
export * from "./strategy.ts";
