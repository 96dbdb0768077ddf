// SPEC 2, 3.2, 3.3: an account's value at marks, as running sums that a check can adjust for a
// few legs without revaluing every position. Equities: Reg T IM, maintenance with FINRA 4210
// short floors; futures: per-contract margins, notional in the exposures, and to equity only their
// unsettled variation q x (m - m_ref) x mult, which the caller adds (it needs the lots' references).
import type { ContractMargin, RunConfig } from "../model/index.ts";

export class MarginRules {
  readonly initialRate: number;
  readonly maintLong: number;
  readonly maintShort: number;
  readonly floors: boolean;
  readonly multiplier: Float64Array;
  readonly future: Uint8Array;
  /** Whether any instrument is a future (most runs have none: their per-bar futures steps are skipped). */
  readonly anyFuture: boolean;
  /** Futures margins: kind 0 = money per contract, 1 = rate of notional. */
  readonly imKind: Uint8Array;
  readonly imValue: Float64Array;
  readonly mmKind: Uint8Array;
  readonly mmValue: Float64Array;

  constructor(config: RunConfig) {
    const n = config.instruments.length;
    // shortCash (Backtrader's broker): equities carry no margin at all (SPEC 3.2).
    const equityMargin = !config.shortCash;
    this.initialRate = equityMargin ? config.initialRate : 0;
    this.maintLong = equityMargin ? config.maintLong : 0;
    this.maintShort = equityMargin ? config.maintShort : 0;
    this.floors = equityMargin && config.finraShortFloors;
    this.multiplier = Float64Array.from(config.instruments, (i) => i.multiplier);
    this.future = Uint8Array.from(config.instruments, (i) => (i.kind === "future" ? 1 : 0));
    this.anyFuture = this.future.includes(1);
    this.imKind = new Uint8Array(n);
    this.imValue = new Float64Array(n);
    this.mmKind = new Uint8Array(n);
    this.mmValue = new Float64Array(n);
    config.instruments.forEach((instrument, i) => {
      setMargin(instrument.initialMargin, i, this.imKind, this.imValue);
      setMargin(instrument.maintenanceMargin, i, this.mmKind, this.mmValue);
    });
  }
}

function setMargin(margin: ContractMargin | null, i: number, kinds: Uint8Array, values: Float64Array): void {
  if (margin === null) return;
  kinds[i] = margin.kind === "money" ? 0 : 1;
  values[i] = margin.kind === "money" ? margin.amount : margin.rate;
}

/**
 * Running sums of an account's positions at marks; equity = cash + positions, where positions are
 * the equities' market values plus the futures' unsettled variation (`addUnsettled`).
 */
export class Valuation {
  /** Sum of equity positions' market value, Neumaier-compensated (it cancels against cash). */
  private positionsSum = 0;
  private positionsError = 0;
  gross = 0;
  net = 0;
  im = 0;
  mm = 0;
  /** Sum of magnitudes, the scale of the tie rule. */
  scale = 0;

  constructor(private readonly rules: MarginRules) {}

  get positions(): number {
    return this.positionsSum + this.positionsError;
  }

  clear(): void {
    this.positionsSum = 0;
    this.positionsError = 0;
    this.gross = 0;
    this.net = 0;
    this.im = 0;
    this.mm = 0;
    this.scale = 0;
  }

  copyFrom(other: Valuation): void {
    this.positionsSum = other.positionsSum;
    this.positionsError = other.positionsError;
    this.gross = other.gross;
    this.net = other.net;
    this.im = other.im;
    this.mm = other.mm;
    this.scale = other.scale;
  }

  /** Adds (sign +1) or removes (sign -1) the contribution of `units` of an asset at `mark`. */
  add(asset: number, units: number, mark: number, sign: number): void {
    if (units === 0) return;
    const rules = this.rules;
    const value = units * mark * rules.multiplier[asset];
    const absValue = Math.abs(value);
    this.gross += sign * absValue;
    this.net += sign * value;
    if (rules.future[asset] === 1) {
      const absUnits = Math.abs(units);
      const im =
        rules.imKind[asset] === 0 ? absUnits * rules.imValue[asset] : absValue * rules.imValue[asset];
      const mm =
        rules.mmKind[asset] === 0 ? absUnits * rules.mmValue[asset] : absValue * rules.mmValue[asset];
      this.im += sign * im;
      this.mm += sign * mm;
      // A future's notional enters neither equity nor (with money margins) its requirement: its
      // margins are the size of what it adds to the amounts compared. Leverage checks add gross.
      this.scale += im + mm;
      return;
    }
    this.scale += absValue;
    this.addToPositions(sign * value);
    this.im += sign * absValue * rules.initialRate;
    this.mm +=
      sign *
      (units > 0
        ? absValue * rules.maintLong
        : shortMaintenance(rules, Math.abs(units) * rules.multiplier[asset], mark, absValue));
  }

  /**
   * SPEC 2: a future's unsettled variation at the marks joins equity between closes (0 right
   * after a close). Its size joins the tie scale: it cancels against the cash it will settle into.
   */
  addUnsettled(amount: number): void {
    if (amount === 0) return;
    this.scale += Math.abs(amount);
    this.addToPositions(amount);
  }

  /** Neumaier-compensated: positions of 1e9 net against cash to an equity of 1e3. */
  private addToPositions(term: number): void {
    const sum = this.positionsSum + term;
    this.positionsError +=
      Math.abs(this.positionsSum) >= Math.abs(term)
        ? this.positionsSum - sum + term
        : term - sum + this.positionsSum;
    this.positionsSum = sum;
  }
}

/** FINRA 4210 short maintenance; its floors are per share, and a unit of multiplier m is m shares. */
function shortMaintenance(rules: MarginRules, shares: number, mark: number, absValue: number): number {
  if (!rules.floors) return absValue * rules.maintShort;
  if (mark >= 5) return Math.max(absValue * rules.maintShort, shares * 5);
  return Math.max(absValue, shares * 2.5);
}
