// The seed's study (../shared/golden/bench250) under each profile, beside each peer's own result.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runBacktest } from "../src/api/backtest.ts";
import { runConfigFor } from "../src/api/run.ts";
import type { ProfileName } from "../src/compat/compare.ts";
import { loadCsvPanel } from "../src/data/index.ts";
import { type Engine, endedByRule, type Panel } from "../src/model/index.ts";
import { rankLongShort } from "../src/strategy/rank-long-short.ts";

const FOLDER = new URL("../../shared/golden/bench250/", import.meta.url);

export interface Replay {
  /** A peer's profile, or "default" (assay's own rules). */
  readonly profile: string;
  readonly engine: string;
  readonly fills: number;
  readonly refused: number;
  readonly finalValue: number;
}

export interface PeerResult {
  readonly peer: string;
  readonly fills: number;
  readonly finalValue: number;
}

/** Each peer's recorded result on bench250 (backtrader.json, vectorbt.json). */
export function peerResults(): PeerResult[] {
  return ["backtrader", "vectorbt"].map((name) => {
    const json = JSON.parse(readFileSync(new URL(`${name}.json`, FOLDER), "utf8"));
    return { peer: json.peer, fills: json.fills, finalValue: json.finalValue };
  });
}

/** bench250's bars, to replay under each profile and engine. */
export function bench250Panel(): Panel {
  return loadCsvPanel(fileURLToPath(new URL("bars.csv", FOLDER)));
}

/** bench250 under `profile` on `engine`: 25 + 25 target values of $20k by score, 0.1% commission, 5 bps slippage. */
export function replay(panel: Panel, profile: ProfileName, engine: Engine): Replay {
  const config = runConfigFor(
    panel,
    {
      compat: profile === "default" ? null : profile,
      // VectorBT's run used call_seq="auto": a row's sales before its buys.
      ...(profile === "vectorbt" ? { exitsFirst: true } : {}),
      initialCash: 1_000_000,
      commission: { model: "percent", rate: 0.001 },
      slippage: { model: "fixedBps", bps: 5 },
    },
    { config: `bench250 ${profile}`, data: "bench250" },
  );
  const strategy = rankLongShort({ signal: "score", longs: 25, shorts: 25, targetValue: 20_000 });
  const { records } = runBacktest(panel, config, strategy, engine);
  return {
    profile,
    engine: engine.name,
    fills: records.fills.length,
    refused: records.orders.filter(endedByRule).length,
    finalValue: records.series.equity.at(-1) ?? Number.NaN,
  };
}
