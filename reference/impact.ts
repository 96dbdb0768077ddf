// SPEC 5 and 12: market impact in bps. Temporary impact from the model (volumeShare on the bar's
// volume, sqrtImpact on trailing history only: no look-ahead) and an optional permanent part per
// asset that shifts later fills in the same direction and decays by half every halfLifeBars.
import type { ImpactModel, RunConfig } from "../src/model/index.ts";
import { BPS, type Dec, dec, maxDec, minDec, TWO, ZERO } from "./decimal.ts";
import type { RunState } from "./state.ts";

export interface TemporaryImpact {
  readonly bps: Dec;
  /** sqrtImpact without 2 returns or with ADV 0 in its window: impact 0, flagged. */
  readonly noHistory: boolean;
}

const NONE: TemporaryImpact = { bps: ZERO, noHistory: false };

export class Impact {
  private readonly model: ImpactModel;
  /** Permanent state per asset in signed bps, as of bar stateT. */
  private readonly permanent: Dec[];
  private readonly permanentT: number[];

  constructor(
    private readonly state: RunState,
    config: RunConfig,
  ) {
    this.model = config.impact;
    this.permanent = new Array(state.assets).fill(ZERO);
    this.permanentT = new Array(state.assets).fill(0);
  }

  /**
   * Temporary impact of an order of |qty| absQty on asset at bar t, after `earlier` units of the
   * asset already filled on the bar (any side): SPEC 5 prices the bar's cumulative quantity
   * (Zipline's volume_for_bar), so splitting an order does not cut its impact. Zero on a
   * zero-volume bar filled under "fill" (both models are volume-based). `volume` is the bar's (or
   * the synthetic) volume.
   */
  temporary(
    t: number,
    asset: number,
    absQty: Dec,
    earlier: Dec,
    volume: number,
    volumeBased: boolean,
  ): TemporaryImpact {
    const model = this.model;
    if (model.model === "none" || !volumeBased || absQty.isZero()) return NONE;
    const cumulative = earlier.add(absQty);
    if (model.model === "volumeShare") {
      if (volume === 0) return NONE;
      let share = cumulative.div(dec(volume));
      // SPEC 5: the share is capped at maxParticipation; assay's rule: at 1 when there is no cap
      // (as Zipline always caps it), so impact stays a bounded fraction of the price.
      share = minDec(share, dec(this.state.config.maxParticipation ?? 1));
      return { bps: BPS.mul(dec(model.k)).mul(share).mul(share), noHistory: false };
    }
    const window = this.trailing(t, asset, model.windowBars);
    if (window.closes.length < 3) return { bps: ZERO, noHistory: true };
    const adv = window.volumes.reduce((sum, v) => sum.add(v), ZERO).div(window.volumes.length);
    if (adv.isZero()) return { bps: ZERO, noHistory: true };
    const sigma = sampleStdDev(logReturns(window.closes));
    return {
      bps: BPS.mul(dec(model.y))
        .mul(sigma)
        .mul(cumulative.div(adv).pow(dec(model.e))),
      noHistory: false,
    };
  }

  /** The adverse part of the permanent state for a fill of side at bar t: max(0, side x state). */
  permanentBps(t: number, asset: number, side: 1 | -1): Dec {
    const value = this.decayed(t, asset);
    return maxDec(side > 0 ? value : value.neg(), ZERO);
  }

  /** A fill record adds side x permanentFraction x its temporary bps to the asset's state. */
  record(t: number, asset: number, side: 1 | -1, temporaryBps: Dec): void {
    const model = this.model;
    if (model.model === "none" || model.permanentFraction === 0 || temporaryBps.isZero()) return;
    const added = temporaryBps.mul(dec(model.permanentFraction));
    this.permanent[asset] = this.decayed(t, asset).add(side > 0 ? added : added.neg());
    this.permanentT[asset] = t;
  }

  private decayed(t: number, asset: number): Dec {
    const model = this.model;
    const value = this.permanent[asset];
    if (model.model === "none" || value.isZero()) return value;
    const elapsed = t - this.permanentT[asset];
    return elapsed === 0 ? value : value.mul(TWO.pow(dec(-elapsed).div(dec(model.halfLifeBars))));
  }

  /** The last `bars` present bars of an asset strictly before t (SPEC 12: use what there is). */
  private trailing(t: number, asset: number, bars: number): { closes: Dec[]; volumes: Dec[] } {
    const closes: Dec[] = [];
    const volumes: Dec[] = [];
    for (let row = t - 1; row >= 0 && closes.length < bars; row--) {
      const bar = this.state.bar(row, asset);
      if (bar === null) continue;
      closes.unshift(bar.close);
      volumes.unshift(dec(this.state.volume(row, asset)));
    }
    return { closes, volumes };
  }
}

function logReturns(closes: readonly Dec[]): Dec[] {
  const returns: Dec[] = [];
  for (let i = 1; i < closes.length; i++) returns.push(closes[i].div(closes[i - 1]).ln());
  return returns;
}

/** Sample standard deviation (n - 1). */
function sampleStdDev(values: readonly Dec[]): Dec {
  const mean = values.reduce((sum, v) => sum.add(v), ZERO).div(values.length);
  const squares = values.reduce((sum, v) => sum.add(v.sub(mean).pow(2)), ZERO);
  return squares.div(values.length - 1).sqrt();
}
