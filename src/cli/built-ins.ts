// `assay run <built-in> --param k=v`: the example strategies of examples/built-ins made from the
// run's --param values, which are checked here: an unknown key, a value of the wrong type or a
// missing required one is an error naming the built-in and the param. Each built-in's module
// loads when it is asked for: ma-crossover's indicators and target-weights' CSV reader stay out
// of a stress worker that runs levered-long-short.
import type { Panel, Strategy } from "../model/index.ts";
import { momentum, rankLongShort, type Signal } from "../strategy/rank-long-short.ts";
import { loadStrategyFile, type StrategyParams } from "./strategy-file.ts";

/** The built-ins by name, each made from --param values and the run's data alone. */
const FROM_PARAMS: Readonly<Record<string, (params: StrategyParams, panel: Panel) => Promise<Strategy>>> = {
  "rank-long-short": async (params, panel) => rankLongShortFromParams(params, panel),
  "ma-crossover": async (params) => {
    const { maCrossover } = await import("../../examples/built-ins/ma-crossover.ts");
    return maCrossover(
      paramsOf("ma-crossover", params, { fast: "number", slow: "number", weight: "number" }),
    );
  },
  "target-weights": async (params, panel) => {
    const { file } = paramsOf("target-weights", params, { file: "string" });
    if (file === undefined)
      throw new Error(
        "--param file: target-weights needs the weights CSV (date,symbol,weight): --param file=weights.csv",
      );
    const { targetWeightsFromCsv } = await import("../../examples/built-ins/target-weights.ts");
    return targetWeightsFromCsv(file, panel);
  },
  "futures-trend": async (params) => {
    const { futuresTrend } = await import("../../examples/built-ins/futures-trend.ts");
    return futuresTrend(paramsOf("futures-trend", params, { lookback: "number", contracts: "number" }));
  },
  "buy-and-hold": async (params) => {
    const { buyAndHold } = await import("../../examples/built-ins/buy-and-hold.ts");
    return buyAndHold(paramsOf("buy-and-hold", params, { leverage: "number" }));
  },
  "levered-long-short": async (params, panel) => {
    const { leveredLongShort } = await import("../../examples/built-ins/levered-long-short.ts");
    return leveredLongShort(
      paramsOf("levered-long-short", params, {
        lookback: "number",
        longs: "number",
        shorts: "number",
        leverage: "number",
      }),
      panel,
    );
  },
};

export const BUILT_IN_NAMES: readonly string[] = Object.keys(FROM_PARAMS);

/** A built-in by name, else a strategy file (`instance`: loadStrategyFile's), made from params. */
export async function strategyFromParams(
  name: string,
  params: StrategyParams,
  panel: Panel,
  instance?: string,
): Promise<Strategy> {
  if (Object.hasOwn(FROM_PARAMS, name)) return FROM_PARAMS[name](params, panel);
  return loadStrategyFile(
    name,
    params,
    panel,
    `, and not a built-in (${BUILT_IN_NAMES.join(", ")})`,
    instance,
  );
}

/** rank-long-short from --param (longs, shorts, targetValue, signal), the flags' defaults for the rest. */
export function rankLongShortFromParams(params: StrategyParams, panel: Panel): Strategy {
  const given = paramsOf("rank-long-short", params, {
    signal: "string",
    longs: "number",
    shorts: "number",
    targetValue: "number",
  });
  const longs = given.longs ?? 5;
  const shorts = given.shorts ?? 5;
  const targetValue = given.targetValue ?? 100_000;
  for (const [key, value] of [
    ["longs", longs],
    ["shorts", shorts],
  ] as const)
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--param ${key}: rank-long-short needs a whole number >= 0, got ${value}`);
  if (!(targetValue > 0))
    throw new Error(`--param targetValue: rank-long-short needs money > 0, got ${targetValue}`);
  const assets = panel.symbols.length;
  if (longs + shorts > assets)
    throw new Error(
      `--param longs ${longs} + shorts ${shorts} = ${longs + shorts} positions, but the data has ${assets} assets; ask for at most ${assets}`,
    );
  return rankLongShort({
    signal: rankSignalOf(given.signal, panel, "--param signal"),
    longs,
    shorts,
    targetValue,
  });
}

/** rank-long-short's signal: an extra column or "momentum:N" (`flag` names where it came from). */
export function rankSignalOf(name: string | undefined, panel: Panel, flag: string): string | Signal {
  const chosen = name ?? ("score" in panel.extra ? "score" : "momentum:20");
  const match = /^momentum:(\d+)$/.exec(chosen);
  if (match !== null) {
    const lookback = Number(match[1]);
    if (lookback < 1)
      throw new Error(
        `${flag} ${chosen}: the lookback must be >= 1 (momentum:0 compares each close with itself: an all-zero signal)`,
      );
    enoughBars(
      panel,
      `${flag} ${chosen}`,
      lookback + 2,
      `${lookback} bars of history, a decision bar and a bar to fill on`,
    );
    return momentum(lookback);
  }
  if (!(chosen in panel.extra))
    throw new Error(
      `${flag}: no column "${chosen}" in the data (columns: ${Object.keys(panel.extra).join(", ") || "none"}) and not momentum:N`,
    );
  enoughBars(panel, `${flag} ${chosen}`, 2, "a decision bar and a bar to fill on");
  return chosen;
}

/** A panel shorter than the signal needs runs to the end with 0 orders: say so instead. */
function enoughBars(panel: Panel, signal: string, needed: number, why: string): void {
  const bars = panel.times.length;
  if (bars < needed)
    throw new Error(`${signal} needs at least ${needed} bars (${why}), but the data has ${bars}`);
}

type ParamType = "number" | "string";
type Typed<Spec extends Record<string, ParamType>> = {
  [Key in keyof Spec]?: Spec[Key] extends "number" ? number : string;
};

/** The params `spec` names, each of its type (a string param takes any plain value as text). */
function paramsOf<Spec extends Record<string, ParamType>>(
  builtIn: string,
  params: StrategyParams,
  spec: Spec,
): Typed<Spec> {
  const typed: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(params)) {
    const type = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (type === undefined)
      throw new Error(
        `--param ${key}: ${builtIn} takes no param "${key}"; its params: ${Object.keys(spec).join(", ")}`,
      );
    if (type === "number" && typeof value !== "number")
      throw new Error(`--param ${key}: ${builtIn} needs a number, got ${JSON.stringify(value)}`);
    if (type === "string" && (value === null || typeof value === "object"))
      throw new Error(`--param ${key}: ${builtIn} needs text, got ${JSON.stringify(value)}`);
    typed[key] = type === "number" ? (value as number) : String(value);
  }
  return typed as Typed<Spec>;
}
