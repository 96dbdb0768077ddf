// A strategy's own error, said where it happened: the strategy's name, the decision bar (t and
// date) and its message, with the original error as `cause`. Wrapped once, around onBar, so
// both engines report it alike.
import { type BarContext, isoDate, type Strategy } from "../model/index.ts";

export class StrategyError extends Error {
  constructor(
    readonly strategy: string,
    readonly t: number,
    readonly tsMs: number,
    cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`strategy "${strategy}" threw at t=${t} (${isoDate(tsMs)}): ${message}`, { cause });
    this.name = "StrategyError";
  }
}

/** The same strategy, its throws turned into StrategyErrors. */
export function guardStrategy(strategy: Strategy): Strategy {
  return {
    name: strategy.name,
    onBar(ctx: BarContext) {
      try {
        strategy.onBar(ctx);
      } catch (error) {
        if (error instanceof StrategyError) throw error; // a strategy guarded twice
        throw new StrategyError(strategy.name, ctx.t, ctx.tsMs, error);
      }
    },
  };
}
