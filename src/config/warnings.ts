// SPEC 3.1-3.2, 6.3: a resolved config that is legal but odd: an option the account ignores, or a
// rate that reads like a percent. Each is a warning, not an error: a config may be shared between
// account types, and a hard-to-borrow stock can cost 100%+ a year.
import type { RunConfig } from "../model/index.ts";
import { show } from "./errors.ts";
import { DEFAULT_CONFIG_INPUT } from "./input.ts";

/** Rates above this, in fraction per year, are far from any broker's cash rate: likely a percent. */
export const HIGH_RATE_PER_YEAR = 1;

/** One line per odd option, naming the key and its value; `source` labels them like the errors. */
export function configWarnings(config: RunConfig, source = "config"): string[] {
  const warnings: string[] = [];
  if (config.account !== "cash")
    for (const key of CASH_ACCOUNT_ONLY)
      if (config[key] !== DEFAULT_CONFIG_INPUT[key])
        warnings.push(
          `${source} ${key}: ${show(config[key])} has no effect: it applies to account "cash" only (account is ${show(config.account)})`,
        );
  if (config.onZeroVolume !== "synthetic" && config.syntheticVolume !== DEFAULT_CONFIG_INPUT.syntheticVolume)
    warnings.push(
      `${source} syntheticVolume: ${config.syntheticVolume} has no effect: it is used only under onZeroVolume "synthetic" (onZeroVolume is ${show(config.onZeroVolume)})`,
    );
  for (const key of ["debitRate", "creditRate", "shortRebateRate"] as const)
    if (config[key] > HIGH_RATE_PER_YEAR) warnings.push(`${source} ${key}: ${highRate(config[key])}`);
  // One line for all assets: a top-level borrowRate of 5 sets it on every instrument.
  const borrowing = config.instruments.filter((i) => i.borrowRate > HIGH_RATE_PER_YEAR);
  if (borrowing.length > 0) {
    const symbols = borrowing.slice(0, 5).map((i) => i.symbol);
    const more = borrowing.length > 5 ? `, ... (${borrowing.length} assets)` : "";
    const top = Math.max(...borrowing.map((i) => i.borrowRate));
    warnings.push(`${source} borrowRate of ${symbols.join(", ")}${more}: ${highRate(top)}`);
  }
  return warnings;
}

const CASH_ACCOUNT_ONLY = ["settlement", "unsettledFunds", "gfvLimit"] as const;

function highRate(rate: number): string {
  return `${rate} is ${(rate * 100).toFixed(0)}% a year; rates are fractions per year (0.05 is 5%)`;
}
