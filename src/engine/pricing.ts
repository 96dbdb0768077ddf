// SPEC 5 and 12: the price of a fill (slippage + impact in bps, per-unit slippage, clamp, limit
// cap, tick) and the commission of a fill record, in float64. Impact: volumeShare on the bar's
// volume, sqrtImpact on trailing present bars only, and a decaying permanent state per asset.
import { type CommissionModel, type Panel, type RunConfig, unreachable } from "../model/index.ts";
import { beyond, gridDivisor, offGrid, onGrid, tickSteps } from "./numeric.ts";

/** A quoted price: the fill price, whether the clamp moved it, and the unclamped moves behind it. */
export class Quote {
  price = 0;
  clamped = false;
  /** The adjusted price before the clamp, limit cap and tick. */
  unclamped = 0;
  slippageMove = 0;
  impactMove = 0;
  temporaryBps = 0;
  noImpactHistory = false;
}

export class Pricing {
  private readonly config: RunConfig;
  private readonly panel: Panel;
  private readonly assets: number;
  private readonly spread: Float64Array | undefined;
  /** Permanent impact per asset in signed bps, as of bar permanentT. */
  private readonly permanent: Float64Array;
  private readonly permanentT: Float64Array;
  /** Log returns of the sqrtImpact window, reused (two passes: mean, then squared deviations). */
  private readonly returns: Float64Array;

  constructor(config: RunConfig, panel: Panel) {
    this.config = config;
    this.panel = panel;
    this.assets = panel.symbols.length;
    this.spread = panel.extra.spread;
    this.permanent = new Float64Array(this.assets);
    this.permanentT = new Float64Array(this.assets);
    this.returns = new Float64Array(config.impact.model === "sqrtImpact" ? config.impact.windowBars : 0);
  }

  /**
   * Quotes an order of |absUnits| at base, side +1/-1, on bar t, after `earlierUnits` of the asset
   * already filled on the bar (SPEC 5: impact prices the bar's cumulative quantity). `volume` is
   * the bar's (or the synthetic) volume; `volumeBased` is false on a zero-volume bar under "fill".
   */
  quote(
    out: Quote,
    t: number,
    asset: number,
    base: number,
    side: number,
    absUnits: number,
    earlierUnits: number,
    volume: number,
    volumeBased: boolean,
    limit: number,
    tick: number,
    market: boolean,
  ): Quote {
    const { config } = this;
    const at = t * this.assets + asset;
    this.temporary(out, t, asset, absUnits, earlierUnits, volume, volumeBased);
    const impactBps = out.temporaryBps + Math.max(0, side * this.permanentAt(t, asset));
    const slippageMove = this.slippageMove(t, asset, base, market);
    const impactMove = (base * impactBps) / 1e4;
    const move = side * (slippageMove + impactMove);
    const unmoved = base + move;
    let price = unmoved;
    const low = this.panel.low[at];
    const high = this.panel.high[at];
    out.clamped = false;
    if (config.clampToBar) {
      out.clamped = beyond(low, price, high) || beyond(price, high, high);
      price = Math.min(Math.max(price, low), high);
    } else if (price < 0) price = 0; // without the clamp, a sale's price still never goes below 0
    if (!Number.isNaN(limit)) price = side > 0 ? Math.min(price, limit) : Math.max(price, limit);
    if (!Number.isNaN(tick))
      price = roundToTick(
        price,
        side,
        tick,
        config.clampToBar ? low : Number.NaN,
        config.clampToBar ? high : Number.NaN,
        limit,
        // Unclamped and uncapped: the grid steps of base + move, with the move's own precision.
        price === unmoved ? base : Number.NaN,
        move,
      );
    out.price = price;
    out.unclamped = unmoved;
    out.slippageMove = slippageMove;
    out.impactMove = impactMove;
    return out;
  }

  /**
   * The slippage model's adverse move at base on bar t (bps of the base, or money per unit).
   * slipOpen false (Backtrader's slip_open=False, `doslip=slip_open` in `_try_exec_market` and the
   * gap branches): none on a market order's fill or on a fill based at the bar's open.
   */
  slippageMove(t: number, asset: number, base: number, market: boolean): number {
    const at = t * this.assets + asset;
    if (!this.config.slipOpen && (market || base === this.panel.open[at])) return 0;
    const slippage = this.config.slippage;
    switch (slippage.model) {
      case "fixedBps":
        return (base * slippage.bps) / 1e4;
      case "perShare":
        return slippage.amount;
      case "halfSpread":
        return (base * (slippage.bps ?? this.halfSpreadBps(t, asset, at))) / 1e4;
      default:
        return unreachable(slippage);
    }
  }

  /**
   * slipMatch false (Backtrader's slip_match=False: `_slip_up`/`_slip_down` return None): the
   * slipped price, before impact, passes the bar's high (buy) or low (sale), or the limit of a
   * limit or stop-limit order (limit NaN otherwise), so the order waits. Limit orders are held only
   * under slipLimit false, and never when they fill at the limit itself inside the bar.
   */
  heldBySlippage(
    t: number,
    asset: number,
    base: number,
    side: number,
    market: boolean,
    limit: number,
  ): boolean {
    const { config } = this;
    if (config.slipMatch) return false;
    const at = t * this.assets + asset;
    const limited = !Number.isNaN(limit);
    if (limited && (config.slipLimit || (base === limit && base !== this.panel.open[at]))) return false;
    const move = this.slippageMove(t, asset, base, market);
    if (side > 0) {
      const bound = limited ? Math.min(this.panel.high[at], limit) : this.panel.high[at];
      return beyond(base + move, bound, bound);
    }
    const bound = limited ? Math.max(this.panel.low[at], limit) : this.panel.low[at];
    return beyond(bound, base - move, bound);
  }

  /** A fill record adds side x permanentFraction x its temporary bps to the asset's state. */
  recordPermanent(t: number, asset: number, side: number, temporaryBps: number): void {
    const impact = this.config.impact;
    if (impact.model === "none" || impact.permanentFraction === 0 || temporaryBps === 0) return;
    this.permanent[asset] = this.permanentAt(t, asset) + side * impact.permanentFraction * temporaryBps;
    this.permanentT[asset] = t;
  }

  private permanentAt(t: number, asset: number): number {
    const impact = this.config.impact;
    const value = this.permanent[asset];
    if (impact.model === "none" || value === 0) return value;
    const elapsed = t - this.permanentT[asset];
    return elapsed === 0 ? value : value * 2 ** (-elapsed / impact.halfLifeBars);
  }

  private temporary(
    out: Quote,
    t: number,
    asset: number,
    absUnits: number,
    earlierUnits: number,
    volume: number,
    volumeBased: boolean,
  ): void {
    out.temporaryBps = 0;
    out.noImpactHistory = false;
    const impact = this.config.impact;
    if (impact.model === "none" || !volumeBased || absUnits === 0) return;
    const cumulative = earlierUnits + absUnits;
    if (impact.model === "volumeShare") {
      if (volume === 0) return;
      // Capped at maxParticipation, or at 1 with no cap (assay's rule, as Zipline always caps it).
      const share = Math.min(cumulative / volume, this.config.maxParticipation ?? 1);
      out.temporaryBps = 1e4 * impact.k * share * share;
      return;
    }
    // sqrtImpact over the last windowBars present bars strictly before t (SPEC 12).
    const { close, volume: volumes } = this.panel;
    const n = this.assets;
    const returns = this.returns;
    let count = 0;
    let sumVolume = 0;
    let sum = 0;
    let later = Number.NaN;
    for (let row = t - 1; row >= 0 && count < impact.windowBars; row--) {
      const c = close[row * n + asset];
      if (Number.isNaN(c)) continue;
      if (!Number.isNaN(later)) {
        returns[count - 1] = Math.log(later / c);
        sum += returns[count - 1];
      }
      later = c;
      sumVolume += volumes[row * n + asset];
      count++;
    }
    const m = count - 1;
    const adv = count > 0 ? sumVolume / count : 0;
    if (m < 2 || adv === 0) {
      out.noImpactHistory = true;
      return;
    }
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (returns[i] - mean) ** 2;
    out.temporaryBps = 1e4 * impact.y * Math.sqrt(squares / (m - 1)) * (cumulative / adv) ** impact.e;
  }

  private halfSpreadBps(t: number, asset: number, at: number): number {
    const spread = this.spread?.[at];
    if (spread === undefined || !Number.isFinite(spread) || spread < 0) {
      throw new Error(
        `bar t=${t} asset=${this.panel.symbols[asset]} field=spread: halfSpread slippage without bps needs a spread >= 0 on every bar it fills, got ${spread} [SPEC 12]`,
      );
    }
    return (spread * 1e4) / 2;
  }
}

/**
 * Ticks of a price rounded up or down. A price that is an on-grid base plus a move (no clamp or
 * limit changed it; base NaN otherwise) is rounded by the move alone: the base's whole ticks plus
 * the move's, so a move of 1e-15 of the price (an impact of a tiny order on a deep bar) still
 * leaves the grid, where base + move in float64 would land back on it.
 */
function gridSteps(price: number, tick: number, up: boolean, base: number, move: number): number {
  if (Number.isNaN(base) || offGrid(base, tick)) return tickSteps(price, tick, up);
  return tickSteps(base, tick, up) + tickSteps(move, tick, up);
}

/** Buys round up, sells down; the other way when that would leave the clamp or pass the limit. */
function roundToTick(
  price: number,
  side: number,
  tick: number,
  low: number,
  high: number,
  limit: number,
  base: number,
  move: number,
): number {
  const divisor = gridDivisor(tick);
  const up = onGrid(gridSteps(price, tick, true, base, move), tick, divisor);
  const down = onGrid(gridSteps(price, tick, false, base, move), tick, divisor);
  if (side > 0) {
    const ceiling = Math.min(Number.isNaN(high) ? Infinity : high, Number.isNaN(limit) ? Infinity : limit);
    return beyond(up, ceiling, up) ? down : up;
  }
  const floor = Math.max(Number.isNaN(low) ? -Infinity : low, Number.isNaN(limit) ? -Infinity : limit);
  return beyond(floor, down, up) ? up : down;
}

/**
 * Commission of one fill record of `absUnits` at price (SPEC 5, 12); a leg is charged the
 * difference between the record with and without it.
 */
export function recordCommission(
  model: CommissionModel,
  absUnits: number,
  price: number,
  multiplier: number,
  orderHadFill: boolean,
  monthUnitsBefore: number,
): number {
  if (absUnits === 0) return 0;
  switch (model.model) {
    case "percent":
      return absUnits * price * multiplier * model.rate + (orderHadFill ? 0 : model.fixed);
    case "perShare": {
      const raw = Math.max(absUnits * model.rate, model.min);
      return model.max === null ? raw : Math.min(raw, model.max);
    }
    case "perContract":
      return absUnits * model.rate;
    case "fixedPerOrder":
      return orderHadFill ? 0 : model.amount;
    case "tiered": {
      for (const band of model.bands)
        if (band.upTo === null || band.upTo > monthUnitsBefore) return absUnits * band.rate;
      return absUnits * model.bands[model.bands.length - 1].rate;
    }
    default:
      return unreachable(model);
  }
}
