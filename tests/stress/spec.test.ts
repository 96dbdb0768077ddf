import { describe, expect, it } from "vitest";
import { resolveStressModel } from "../../src/stress/spec.ts";

const where = { source: "config stress.json", key: "model" };
const resolve = (input: unknown) => () => resolveStressModel(input, where);
const gbm = (over: Record<string, unknown>) => ({
  model: "gbm",
  symbols: ["A", "B"],
  mu: 0.05,
  sigma: 0.2,
  ...over,
});
const at = "config stress.json model (model=gbm) field=correlation";

describe("resolveStressModel()", () => {
  it("resolveStressModel() fills the defaults: identity correlation, overnight share 0.2, start price 100", () => {
    const spec = resolveStressModel(gbm({}), where);
    expect(spec.model).toBe("gbm");
    expect(spec.overnightShare).toBe(0.2);
    expect(Array.from(spec.ohlcv.startPrice)).toEqual([100, 100]);
    expect(spec.ohlcv.tickSize).toBe(null);
    if (spec.model !== "gbm") throw new Error("narrowing");
    expect(Array.from(spec.params.factor)).toEqual([1, 0, 0, 1]);
    expect(Array.from(spec.params.sigma)).toEqual([0.2, 0.2]);
    expect(spec.params.tilt).toBe(null);
  });

  it("resolveStressModel() factors the correlation: [[1, 0.6], [0.6, 1]] has L = [[1, 0], [0.6, 0.8]]", () => {
    // L21 = 0.6, L22 = sqrt(1 - 0.36) = 0.8.
    const spec = resolveStressModel(
      gbm({
        correlation: [
          [1, 0.6],
          [0.6, 1],
        ],
      }),
      where,
    );
    if (spec.model !== "gbm") throw new Error("narrowing");
    const factor = Array.from(spec.params.factor);
    for (const [k, x] of [1, 0, 0.6, 0.8].entries()) expect(factor[k]).toBeCloseTo(x, 15);
  });

  it("resolveStressModel() names the correlation matrix when it is not positive definite, symmetric, unit-diagonal or N x N", () => {
    // [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]: determinant 1 - 3(0.81) - 2(0.729) = -2.888 < 0.
    const three = { symbols: ["A", "B", "C"] };
    expect(
      resolve(
        gbm({
          ...three,
          correlation: [
            [1, 0.9, 0.9],
            [0.9, 1, -0.9],
            [0.9, -0.9, 1],
          ],
        }),
      ),
    ).toThrow(
      `${at}: must be positive definite (its Cholesky factorization fails): some combination of the assets has variance <= 0`,
    );
    expect(
      resolve(
        gbm({
          correlation: [
            [1, 0.5],
            [0.4, 1],
          ],
        }),
      ),
    ).toThrow(`${at}: must be symmetric, got [1][0] = 0.4 != [0][1] = 0.5`);
    expect(
      resolve(
        gbm({
          correlation: [
            [1, 0.5],
            [0.5, 2],
          ],
        }),
      ),
    ).toThrow(`${at}[1][1]: must be finite and in [-1, 1], got 2`);
    expect(
      resolve(
        gbm({
          correlation: [
            [0.9, 0.5],
            [0.5, 1],
          ],
        }),
      ),
    ).toThrow(`${at}: a correlation matrix has 1 on its diagonal, got [0][0] = 0.9`);
    expect(
      resolve(
        gbm({
          correlation: [
            [1, 0.5, 0],
            [0.5, 1, 0],
            [0, 0, 1],
          ],
        }),
      ),
    ).toThrow(`${at}: must have 2 rows of 2 numbers (one per symbol), got 3 rows, row 0 of length 3`);
    expect(resolve(gbm({ correlation: [[1, 0.5]] }))).toThrow(
      `${at}: must have 2 rows of 2 numbers (one per symbol), got 1 rows, row 0 of length 2`,
    );
  });

  it("resolveStressModel() rejects bad parameters, each naming its model and field", () => {
    expect(resolve(gbm({ sigma: [0.2, -0.1] }))).toThrow(
      "config stress.json model (model=gbm) field=sigma[1]: must be finite and >= 0, got -0.1",
    );
    expect(resolve(gbm({ mu: [0.1] }))).toThrow(
      "config stress.json model (model=gbm) field=mu: must be a number or an array of 2 numbers (one per symbol), got [0.1]",
    );
    expect(resolve({ model: "garch", symbols: ["A"], mu: 0, omega: 1e-6, alpha: 0.2, beta: 0.8 })).toThrow(
      "config stress.json model (model=garch) field=alpha: GARCH(1,1) needs alpha + beta < 1 (a stationary variance), got 0.2 + 0.8 = 1",
    );
    const state = { mu: 0, sigma: 0.2 };
    expect(
      resolve({
        model: "regime",
        symbols: ["A"],
        calm: state,
        crisis: state,
        calmToCrisis: 1.5,
        crisisToCalm: 0.1,
      }),
    ).toThrow(
      "config stress.json model (model=regime) field=calmToCrisis: must be finite and in [0, 1] (a probability), got 1.5",
    );
    expect(resolve(gbm({ ohlcv: { missingRate: -0.1 } }))).toThrow(
      "config stress.json model (model=gbm) field=ohlcv.missingRate: must be finite and in [0, 1] (a probability), got -0.1",
    );
    expect(
      resolve({
        model: "merton",
        symbols: ["A"],
        mu: 0,
        sigma: 0.1,
        jumpIntensity: -1,
        jumpMean: 0,
        jumpSd: 0,
      }),
    ).toThrow("config stress.json model (model=merton) field=jumpIntensity: must be finite and >= 0, got -1");
  });

  it("resolveStressModel() rejects an unknown model, an unknown key and bad symbols", () => {
    expect(resolve({ model: "heston" })).toThrow(
      'config stress.json model field=model: must be one of "gbm", "merton", "garch", "regime", "bootstrap", got "heston"',
    );
    expect(resolve(gbm({ sigmas: 0.2 }))).toThrow(
      'config stress.json model (model=gbm): unknown key "sigmas" (did you mean "sigma"?)',
    );
    expect(resolve(gbm({ symbols: ["A", "A"] }))).toThrow(
      'config stress.json model (model=gbm) field=symbols: must be a non-empty array of distinct non-empty strings, got ["A","A"]',
    );
  });
});
