// `assay run <built-in> --param k=v`: the example strategies of examples/built-ins made from the
// run's --param values, which are checked here: an unknown key, a value of the wrong type or a
// missing required one is an error naming the built-in and the param.
import { futuresTrend } from "../../examples/built-ins/futures-trend.ts";
import { maCrossover } from "../../examples/built-ins/ma-crossover.ts";
import { targetWeightsFromCsv } from "../../examples/built-ins/target-weights.ts";
import type { Panel, Strategy } from "../model/index.ts";
import type { StrategyParams } from "./strategy-file.ts";

export function maCrossoverFromParams(params: StrategyParams): Strategy {
  return maCrossover(paramsOf("ma-crossover", params, { fast: "number", slow: "number", weight: "number" }));
}

export function targetWeightsFromParams(params: StrategyParams, panel: Panel): Strategy {
  const { file } = paramsOf("target-weights", params, { file: "string" });
  if (file === undefined)
    throw new Error(
      "--param file: target-weights needs the weights CSV (date,symbol,weight): --param file=weights.csv",
    );
  return targetWeightsFromCsv(file, panel);
}

export function futuresTrendFromParams(params: StrategyParams): Strategy {
  return futuresTrend(paramsOf("futures-trend", params, { lookback: "number", contracts: "number" }));
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
