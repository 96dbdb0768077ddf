// Stress model "regime": a two-state Markov regime switch shared by all assets. Parameters:
// calm and crisis, each { mu, sigma, correlation } as gbm; calmToCrisis and crisisToCalm, the
// transition probabilities per bar. Bar 0's state is drawn from the stationary distribution,
// P(crisis) = calmToCrisis / (calmToCrisis + crisisToCalm) (calm when both are 0); bar t > 0
// moves with those probabilities. Within a bar the state's gbm step applies:
//   r_i = (mu_i^s - (sigma_i^s)^2 / 2) d + sigma_i^s sqrt(d) (L^s z)_i.
// One uniform per bar decides the state, drawn every bar.
import { field, noUnknownKeys, plainObject } from "../../config/check.ts";
import type { ConfigPlace } from "../../config/errors.ts";
import { probability } from "../check.ts";
import { BARS_PER_YEAR, type PathModel } from "../path-model.ts";
import { diffusionScratch, diffusionStep, gbmLogDrift, writeDiffusion } from "./diffusion.ts";
import { DIFFUSION_KEYS, resolveDiffusion } from "./gbm.ts";

interface RegimeState {
  readonly mu: Float64Array;
  readonly sigma: Float64Array;
  readonly factor: Float64Array;
}

export interface RegimeParams {
  readonly calm: RegimeState;
  readonly crisis: RegimeState;
  readonly calmToCrisis: number;
  readonly crisisToCalm: number;
}

export const REGIME_KEYS = ["calm", "crisis", "calmToCrisis", "crisisToCalm"] as const;

export function resolveRegime(at: ConfigPlace, obj: Record<string, unknown>, n: number): RegimeParams {
  const state = (name: string) => {
    const [place, value] = field(at, obj, name);
    const stateObj = plainObject(place, value);
    noUnknownKeys(place, stateObj, DIFFUSION_KEYS);
    return resolveDiffusion(place, stateObj, n);
  };
  return {
    calm: state("calm"),
    crisis: state("crisis"),
    calmToCrisis: probability(at, obj, "calmToCrisis"),
    crisisToCalm: probability(at, obj, "crisisToCalm"),
  };
}

export function regimeModel(params: RegimeParams, overnightShare: number): PathModel {
  const { calm, crisis, calmToCrisis, crisisToCalm } = params;
  const n = calm.mu.length;
  const scratch = diffusionScratch(n);
  const durations = [overnightShare / BARS_PER_YEAR, (1 - overnightShare) / BARS_PER_YEAR];
  const states = [calm, crisis].map((s) => ({ ...s, logDrift: gbmLogDrift(s.mu, s.sigma) }));
  const leave = [calmToCrisis, crisisToCalm];
  const switching = calmToCrisis + crisisToCalm;
  const crisisShare = switching === 0 ? 0 : calmToCrisis / switching;
  const intradayVariance = states.map((s) => Float64Array.from(s.sigma, (x) => x * x * durations[1]));
  return {
    referenceVariance: intradayVariance[0],
    simulate(stream, out) {
      let state = 0;
      for (let t = 0; t < out.bars; t++) {
        const u = stream.uniform();
        if (t === 0) state = u < crisisShare ? 1 : 0;
        else if (u < leave[state]) state = 1 - state;
        const { logDrift, sigma, factor } = states[state];
        const row = t * n;
        for (let part = 0; part < 2; part++) {
          const d = durations[part];
          diffusionStep(stream, factor, null, d, scratch);
          writeDiffusion(part === 0 ? out.overnight : out.intraday, row, logDrift, sigma, d, scratch.y);
        }
        out.intradayVariance.set(intradayVariance[state], row);
      }
      return 0;
    },
  };
}
