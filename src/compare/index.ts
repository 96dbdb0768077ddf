// SPEC 9 and 10 (I15): comparing two runs, field by field and at a glance.
export * from "./diff.ts";
export * from "./manifest.ts";
export * from "./money.ts";
