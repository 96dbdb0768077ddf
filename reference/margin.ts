// SPEC 2, 3.2 and 3.3: valuation of an account at given marks: equity, exposures, initial and
// maintenance margin. Equities: Reg T rates, FINRA 4210 short floors by default. Futures:
// per-contract margins, their unsettled variation q x (m - m_ref) x mult to equity (0 right after
// a close: the rest of their P&L reached cash as variation margin), notional in the exposures.
import type { ContractMargin, Instrument, RunConfig } from "../src/model/index.ts";
import { type Dec, dec, maxDec, ZERO } from "./decimal.ts";
import type { VariationMargin } from "./futures.ts";

export interface Valuation {
  readonly equity: Dec;
  /** Sum of |market value| (futures at notional). */
  readonly gross: Dec;
  /** Sum of signed market value (futures at notional). */
  readonly net: Dec;
  readonly im: Dec;
  readonly mm: Dec;
}

/** FINRA 4210: the $5.00 price threshold and per-share floors above ($5.00) and below ($2.50) it. */
const FLOOR_PRICE = dec(5);
const FLOOR_HIGH = dec(5);
const FLOOR_LOW = dec(2.5);

export class MarginTerms {
  private readonly initialRate: Dec;
  private readonly maintLong: Dec;
  private readonly maintShort: Dec;
  private readonly finraShortFloors: boolean;
  /** shortCash: equities carry no margin at all (SPEC 3.2, Backtrader's broker). */
  private readonly equityMargin: boolean;
  private readonly multipliers: Dec[];
  private readonly futures: boolean[];
  private readonly initialMargins: (ContractMargin | null)[];
  private readonly maintenanceMargins: (ContractMargin | null)[];

  /** `variation` holds the futures' lots and references: their unsettled variation (SPEC 2). */
  constructor(
    config: RunConfig,
    private readonly variation: VariationMargin,
  ) {
    this.initialRate = dec(config.initialRate);
    this.maintLong = dec(config.maintLong);
    this.maintShort = dec(config.maintShort);
    this.finraShortFloors = config.finraShortFloors;
    this.equityMargin = !config.shortCash;
    const instruments: readonly Instrument[] = config.instruments;
    this.multipliers = instruments.map((i) => dec(i.multiplier));
    this.futures = instruments.map((i) => i.kind === "future");
    this.initialMargins = instruments.map((i) => i.initialMargin);
    this.maintenanceMargins = instruments.map((i) => i.maintenanceMargin);
  }

  isFuture(asset: number): boolean {
    return this.futures[asset];
  }

  /**
   * Values cash plus holdings (asset, signed qty) at marks. Equities: IM = |mv| x initialRate,
   * MM long = |mv| x maintLong, MM short = max(maintShort |mv|, $5 |q| mult) at a mark >= $5 and
   * max(100% |mv|, $2.50 |q| mult) below (FINRA 4210: per share, a unit of multiplier m being m
   * shares), or maintShort |mv| without the floors.
   * Futures add their unsettled variation at the marks, for the holdings given: a hypothetical
   * position (after a leg or a liquidation) keeps the lots FIFO would leave it (SPEC 2, 3, 12).
   */
  value(cash: Dec, holdings: Iterable<readonly [number, Dec]>, markOf: (asset: number) => Dec): Valuation {
    let positions = ZERO;
    let gross = ZERO;
    let net = ZERO;
    let im = ZERO;
    let mm = ZERO;
    for (const [asset, qty] of holdings) {
      if (qty.isZero()) continue;
      const mark = markOf(asset);
      const marketValue = qty.mul(mark).mul(this.multipliers[asset]);
      const absValue = marketValue.abs();
      gross = gross.add(absValue);
      net = net.add(marketValue);
      if (this.futures[asset]) {
        im = im.add(contractMargin(this.initialMargins[asset], qty.abs(), absValue));
        mm = mm.add(contractMargin(this.maintenanceMargins[asset], qty.abs(), absValue));
        positions = positions.add(this.variation.unsettled(asset, qty, mark));
        continue;
      }
      positions = positions.add(marketValue);
      if (!this.equityMargin) continue;
      im = im.add(absValue.mul(this.initialRate));
      mm = mm.add(
        qty.gt(0)
          ? absValue.mul(this.maintLong)
          : this.shortMaintenance(qty.abs().mul(this.multipliers[asset]), mark, absValue),
      );
    }
    return { equity: cash.add(positions), gross, net, im, mm };
  }

  private shortMaintenance(shares: Dec, mark: Dec, absValue: Dec): Dec {
    if (!this.finraShortFloors) return absValue.mul(this.maintShort);
    if (mark.gte(FLOOR_PRICE)) return maxDec(absValue.mul(this.maintShort), shares.mul(FLOOR_HIGH));
    return maxDec(absValue, shares.mul(FLOOR_LOW));
  }
}

/** A futures margin for |qty| contracts: money per contract, or a rate of the notional. */
function contractMargin(margin: ContractMargin | null, absQty: Dec, notional: Dec): Dec {
  if (margin === null) throw new Error("reference: a future without a margin (the config must give one)");
  return margin.kind === "money" ? absQty.mul(dec(margin.amount)) : notional.mul(dec(margin.rate));
}
