// SPEC 2 and 3.2: valuation of an account at given marks: equity, exposures, Reg T initial
// margin and maintenance margin (FINRA 4210 short floors by default).
import type { RunConfig } from "../src/model/index.ts";
import { type Dec, dec, maxDec, ZERO } from "./decimal.ts";

export interface Valuation {
  readonly equity: Dec;
  /** Sum of |market value|. */
  readonly gross: Dec;
  /** Sum of signed market value. */
  readonly net: Dec;
  readonly im: Dec;
  readonly mm: Dec;
}

export class MarginTerms {
  private readonly initialRate: Dec;
  private readonly maintLong: Dec;
  private readonly maintShort: Dec;
  private readonly finraShortFloors: boolean;
  private static readonly FLOOR_PRICE = dec(5);
  private static readonly FLOOR_HIGH = dec(5);
  private static readonly FLOOR_LOW = dec(2.5);
  private static readonly RATE_LOW = dec(1);

  constructor(config: RunConfig) {
    this.initialRate = dec(config.initialRate);
    this.maintLong = dec(config.maintLong);
    this.maintShort = dec(config.maintShort);
    this.finraShortFloors = config.finraShortFloors;
  }

  /**
   * Values cash plus holdings (asset, signed qty) at marks. Multipliers per asset.
   * IM = |mv| x initialRate; MM long = |mv| x maintLong; MM short = FINRA 4210:
   * max(30% |mv|, $5 |q|) at a mark >= $5, max(100% |mv|, $2.50 |q|) below.
   */
  value(
    cash: Dec,
    holdings: Iterable<readonly [number, Dec]>,
    markOf: (asset: number) => Dec,
    multipliers: readonly Dec[],
  ): Valuation {
    let positions = ZERO;
    let gross = ZERO;
    let mm = ZERO;
    for (const [asset, qty] of holdings) {
      if (qty.isZero()) continue;
      const mark = markOf(asset);
      const marketValue = qty.mul(mark).mul(multipliers[asset]);
      const absValue = marketValue.abs();
      positions = positions.add(marketValue);
      gross = gross.add(absValue);
      mm = mm.add(
        qty.isPositive() ? absValue.mul(this.maintLong) : this.shortMaintenance(qty.abs(), mark, absValue),
      );
    }
    return { equity: cash.add(positions), gross, net: positions, im: gross.mul(this.initialRate), mm };
  }

  private shortMaintenance(absQty: Dec, mark: Dec, absValue: Dec): Dec {
    if (!this.finraShortFloors) return absValue.mul(this.maintShort);
    if (mark.gte(MarginTerms.FLOOR_PRICE)) {
      return maxDec(absValue.mul(this.maintShort), absQty.mul(MarginTerms.FLOOR_HIGH));
    }
    return maxDec(absValue.mul(MarginTerms.RATE_LOW), absQty.mul(MarginTerms.FLOOR_LOW));
  }
}
