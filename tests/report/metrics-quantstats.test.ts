// The common metrics on one small series, each against the hand arithmetic and against the number
// quantstats' own code gives for the same series: commit fbd10daed0227aa0d10da6513f1b15e7e98d7fae
// (0.0.78), on Debian's pandas 1.5.3 / numpy 1.24.2 / scipy 1.10.1, run by
// tests/report/quantstats-reference.py (which names each function called, and how it was run).
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/report/metrics/index.ts";
import { equityOf, testRecords, timesOf } from "../helpers/records.ts";

// 8 weekdays, Mon 2024-01-01 .. Wed 2024-01-10: daily bars, 252 periods a year.
const RETURNS = [0.05, -0.01, 0.02, -0.02, 0.01, 0.0, -0.05, 0.04];
const DATES = [
  "2024-01-01",
  "2024-01-02",
  "2024-01-03",
  "2024-01-04",
  "2024-01-05",
  "2024-01-08",
  "2024-01-09",
  "2024-01-10",
];
const metrics = computeMetrics(testRecords(equityOf(RETURNS)), timesOf(DATES), { initialEquity: 100 });

// mean = 0.04 / 8 = 0.005; deviations .045 -.015 .015 -.025 .005 -.005 -.055 .035
// sum of squares = (2025+225+225+625+25+25+3025+1225)e-6 = 7400e-6; sd = sqrt(7400e-6 / 7) = 0.0325137334
// sqrt(252) = 15.8745079
describe("computeMetrics() against quantstats", () => {
  it("periodsPerYear is 252 for weekday daily bars", () => {
    expect(metrics.periodsPerYear).toBe(252);
  });

  it("totalReturn: 1.05 x .99 x 1.02 x .98 x 1.01 x 1 x .95 x 1.04 - 1 (quantstats comp)", () => {
    expect(metrics.totalReturn).toBeCloseTo(0.03688134149600031, 12);
  });

  it("cagr: 1.0368813^(252 / 8) - 1 = 2.12943 (quantstats cagr, periods=252)", () => {
    expect(metrics.cagr).toBeCloseTo(2.129430954266184, 10);
  });

  it("volatility: 0.0325137 x 15.8745 = 0.516140 (quantstats volatility)", () => {
    expect(metrics.volatility).toBeCloseTo(0.5161395160225576, 12);
  });

  it("sharpe: 0.005 / 0.0325137 x 15.8745 = 2.44120 (quantstats sharpe)", () => {
    expect(metrics.sharpe).toBeCloseTo(2.441200413620205, 12);
  });

  it("sharpe with riskFree 0.04: per bar 1.04^(1/252) - 1 = 0.00015565 off each return (quantstats sharpe rf=0.04)", () => {
    // (0.005 - 0.00015565) / 0.0325137 x 15.8745 = 2.36521: the shift leaves the sd as it is.
    const withRiskFree = computeMetrics(testRecords(equityOf(RETURNS)), timesOf(DATES), {
      initialEquity: 100,
      riskFree: 0.04,
    });
    expect(withRiskFree.sharpe).toBeCloseTo(2.3652059117350133, 12);
    expect(withRiskFree.volatility).toBeCloseTo(0.5161395160225576, 12);
  });

  it("sortino: downside sqrt((.01^2 + .02^2 + .05^2) / 8) = 0.0193649; 0.005 / 0.0193649 x 15.8745 = 4.09878 (quantstats sortino)", () => {
    expect(metrics.sortino).toBeCloseTo(4.09878030638384, 12);
  });

  it("maxDrawdown: peak 1.06029 at bar 2, trough x .98 x 1.01 x 1 x .95 = 0.940310 of it: 0.05969 (quantstats max_drawdown, negative)", () => {
    expect(metrics.maxDrawdown).toBeCloseTo(0.05968999999999991, 12);
  });

  it("calmar: 2.129431 / 0.05969 = 35.6748 (quantstats calmar)", () => {
    expect(metrics.calmar).toBeCloseTo(35.67483588986744, 10);
  });

  it("omega: gains .05+.02+.01+.04 = .12 over losses .01+.02+.05 = .08: 1.5 (quantstats omega)", () => {
    expect(metrics.omega).toBeCloseTo(1.5, 12);
  });

  it("valueAtRisk: 0.005 + Phi^-1(0.05) x 0.0325137 = 0.005 - 1.6448536 x 0.0325137 = -0.0484803 (quantstats value_at_risk)", () => {
    expect(metrics.valueAtRisk).toBeCloseTo(-0.04848033224641167, 12);
  });

  it("expectedShortfall: the one return under -0.04848 is -0.05 (quantstats conditional_value_at_risk)", () => {
    expect(metrics.expectedShortfall).toBeCloseTo(-0.05, 12);
  });

  it("skew: 8 / (7 x 6) x sum d^3 / sd^3 = 0.190476 x (-48e-6 / 3.43718e-5) = -0.266000 (quantstats skew)", () => {
    // sum d^3 = (91.125 - 3.375 + 3.375 - 15.625 + .125 - .125 - 166.375 + 42.875)e-6 = -48e-6
    expect(metrics.skew).toBeCloseTo(-0.2659998638829167, 12);
  });

  it("kurtosis: 7 / (6 x 5) x (8 x 9 x sum d^4 / (sum d^2)^2 - 3 x 7) = -0.222936 (quantstats kurtosis)", () => {
    // sum d^4 = (4.100625 + 2 x .050625 + .390625 + 2 x .000625 + 9.150625 + 1.500625)e-6 = 15.245e-6;
    // 72 x 15.245e-6 / (7400e-6)^2 = 20.04456; 7/30 x (20.04456 - 21) = -0.222937
    expect(metrics.kurtosis).toBeCloseTo(-0.22293644996347695, 12);
  });

  it("tailRatio: sorted -.05 -.02 -.01 0 .01 .02 .04 .05; q95 at 6.65 = .0465, q05 at 0.35 = -.0395: 1.17722 (quantstats tail_ratio)", () => {
    expect(metrics.tailRatio).toBeCloseTo(1.177215189873418, 12);
  });

  it("winRate: 4 gains of 7 non-zero returns = 0.571429 (quantstats win_rate)", () => {
    expect(metrics.winRate).toBeCloseTo(0.5714285714285714, 12);
  });

  it("profitFactor: .12 / .08 = 1.5 (quantstats profit_factor)", () => {
    expect(metrics.profitFactor).toBeCloseTo(1.5, 12);
  });

  // quantstats' probabilistic_sharpe_ratio gives 0.6554896 here: its standard error has
  // (kurtosis - 3) / 4 with pandas' kurtosis, already excess, so 3 comes off twice. The paper's
  // (gamma4 - 1) / 4 is (excess + 2) / 4: SR = 0.005 / 0.0325137 = 0.153781 per bar,
  // 1 - (-0.266)(0.153781) + (-0.222936 + 2) / 4 x 0.153781^2 = 1.051412,
  // z = 0.153781 x sqrt(7) / sqrt(1.051412) = 0.396795, Phi(z) = 0.654241.
  it("probabilisticSharpe follows Bailey and Lopez de Prado, not quantstats' double-counted 3", () => {
    expect(metrics.probabilisticSharpe).toBeCloseTo(0.6542405181119025, 10);
    // quantstats' term: 1 + 0.5 SR^2 - skew SR + (kurtosis - 3) / 4 SR^2 = 1.033676; Phi(0.153781 sqrt 7 / sqrt 1.033676)
    expect(0.6554896152027277).not.toBeCloseTo(metrics.probabilisticSharpe as number, 3);
  });
});
