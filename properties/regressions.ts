// Failures the properties found and that are now fixed: their minimal cases stay as inputs that
// must pass every check, so a regression fails by name before any random search. Each names the
// commit that fixed it.
import { flatPanel } from "./cases/flat-panel.ts";
import type { RunCase } from "./run-input.ts";

export interface Regression {
  readonly id: string;
  /** What went wrong and how it was resolved. */
  readonly summary: string;
  readonly runCase: RunCase;
  /** It made the engine loop forever: run it in a child process with this timeout (isolated.ts). */
  readonly hungFor?: number;
}

export const REGRESSIONS: readonly Regression[] = [
  {
    id: "I4-sale-commission-above-proceeds",
    summary:
      "cash account, a sale whose fixed commission exceeds its proceeds with cash at 0: the reference threw " +
      "I4 (cash < 0). Resolved in 3ff8ef1: sales are never rejected, the excess is a debit; buys never go below 0",
    runCase: {
      panel: flatPanel(["A"], "2024-01-02", 3, 1),
      // t=1 open: buy 100 x 1 + 6 = 106, cash 0; t=2 open: sell 1: cash 0 + 1 - 6 = -5 (the broker's bill).
      configInput: {
        initialCash: 106,
        account: "cash",
        maxParticipation: null,
        commission: { model: "fixedPerOrder", amount: 6 },
      },
      ordersByBar: new Map([
        [0, [{ asset: "A", size: 100 }]],
        [1, [{ asset: "A", size: -1 }]],
      ]),
    },
  },
  {
    id: "I1-stale-ledger-after-financing-same-bar",
    summary:
      "fillAt close with a financing rate: the step-5 batch compared equity with a ledger sum that missed the " +
      "close's interest entry (I1 false alarm). Resolved in 3ff8ef1: checkIdentity refreshes the ledger sum first",
    runCase: {
      panel: flatPanel(["A"], "2024-01-02", 2, 1),
      // No orders: credit interest at close t=1 is 0.036 / 360 x 1 day x 1000 = 0.1.
      configInput: { initialCash: 1_000, account: "margin", fillAt: "close", creditRate: 0.036 },
      ordersByBar: new Map(),
    },
  },
  {
    id: "settlement-onSale-loops-on-partial-lot",
    summary:
      "cash account with settlement != 0: selling part of a FIFO lot never returned; onSale looped on " +
      "`left.isPositive()`, true for +0 in decimal.js. Resolved in eff3132 (explicit sign comparisons)",
    runCase: {
      panel: flatPanel(["A"], "2024-01-02", 3, 10),
      // t=1 open: buy 5 (one lot of 5); t=2 open: sell 3 -> onSale takes 3 and must stop with a lot of 2 left.
      configInput: { initialCash: 1_000, account: "cash", settlement: 2, maxParticipation: null },
      ordersByBar: new Map([
        [0, [{ asset: "A", size: 5 }]],
        [1, [{ asset: "A", size: -3 }]],
      ]),
    },
    hungFor: 5_000,
  },
  {
    id: "I13-liquidation-with-a-missing-asset",
    summary:
      "a margin call liquidated at an open where a held asset's bar is missing: the target cannot be met (a " +
      "missing asset is never liquidated) and the reference's I13 threw. Resolved in 127c487: I13 accepts a " +
      "held asset missing at that open",
    runCase: {
      panel: {
        symbols: ["A", "B"],
        times: Float64Array.from([0, 1, 2], (t) => Date.UTC(2024, 0, 2) + t * 86_400_000),
        // Rows t0, t1, t2 of columns A, B; A is missing at t2.
        open: Float64Array.from([1, 1, 1, 1, Number.NaN, 1]),
        high: Float64Array.from([1, 1, 1.6, 1, Number.NaN, 1]),
        low: Float64Array.from([1, 1, 1, 1, Number.NaN, 1]),
        close: Float64Array.from([1, 1, 1.6, 1, Number.NaN, 1]),
        volume: Float64Array.from([1e6, 1e6, 1e6, 1e6, Number.NaN, 1e6]),
        extra: {},
      },
      // t1 open: short 1000 A at 1, buy 100 B at 1: cash 1900. t1 close A 1.6: equity 1900 - 1600 + 100
      // = 400 < MM 0.3 x 1600 + 0.25 x 100 = 505: call. t2 open: A missing, B sold: equity 400 < MM 480.
      configInput: { initialCash: 1_000, account: "margin", maxParticipation: null, finraShortFloors: false },
      ordersByBar: new Map([
        [
          0,
          [
            { asset: "A", size: -1_000 },
            { asset: "B", size: 100 },
          ],
        ],
      ]),
    },
  },
  {
    id: "negative-fill-price-without-clamp",
    summary:
      "clampToBar false: volumeShare k 0.5 on 3 units of a bar of volume 1 is 1e4 x 0.5 x 3^2 = 45000 bps, a " +
      "sale at 10 x (1 - 4.5) = -35: selling cost cash (and with settlement and 'forbid' a buy then took cash " +
      "below 0, I4). Resolved in 127c487: without the clamp a sale's price stops at 0",
    runCase: {
      panel: flatPanel(["A"], "2024-01-02", 3, 10, 1),
      // t=1 open: buy 1 at 10 x (1 + 0.5) = 15. t=2 open: sell 3 (1 reduces, 2 would short: shortInCashAccount);
      // the price is fixed on the whole rest of 3: 10 x (1 - 0.5 x 9) = -35, floored at 0.
      configInput: {
        initialCash: 1_000,
        account: "cash",
        maxParticipation: null,
        clampToBar: false,
        impact: { model: "volumeShare", k: 0.5 },
      },
      ordersByBar: new Map([
        [0, [{ asset: "A", size: 1 }]],
        [1, [{ asset: "A", size: -3 }]],
      ]),
    },
  },
  {
    id: "scale-group-tiered-commission",
    summary:
      "a 'scale' group was checked with each leg's tiered commission at the month's quantity before the batch; " +
      "the fills moved the tier and broke I5 (equity 9000 < IM 10000). Resolved in 127c487: the legs are " +
      "checked as they will be charged, in order",
    runCase: {
      panel: flatPanel(["A", "B"], "2024-01-02", 2, 10, 1e6),
      // A 1000 and B 1000 at 10 on equity 10000: IM 0.5 x 20000 = 10000. A's record at rate 0 (month quantity
      // 0 < 1), B's at rate 1 (month quantity 1000): commission 1000, so the group cannot fill whole.
      configInput: {
        initialCash: 10_000,
        account: "margin",
        maxParticipation: null,
        commission: {
          model: "tiered",
          bands: [
            { upTo: 1, rate: 0 },
            { upTo: null, rate: 1 },
          ],
        },
      },
      ordersByBar: new Map([
        [
          0,
          [
            { asset: "A", size: 1_000, onInsufficient: "scale" },
            { asset: "B", size: 1_000, onInsufficient: "scale" },
          ],
        ],
      ]),
    },
  },
  {
    id: "financing-base-includes-short-proceeds",
    summary:
      "both engines paid credit (or charged debit) interest on the whole cash, short proceeds included, as SPEC " +
      "v2.2 read; cashIsTheLedger recomputes financing by SPEC v2.3 (3.2) and told them apart. Resolved in the " +
      "commit that follows SPEC v2.3 item 10: interest is on cash minus the short equities' value at the previous close",
    runCase: {
      panel: flatPanel(["A"], "2024-01-02", 3, 10),
      // t1 open: short 100 A at 10: cash 2000. t1 close, on t0's cash 1000: credit 0.036 / 360 x 1 day x 1000 = 0.1.
      // t2 close: balance 2000.1 - 100 x 10 = 1000.1, credit 0.0001 x 1000.1 = 0.10001: cash 2000.20001
      // (v2.2's reading credited 0.0001 x 2000.1 = 0.20001: cash 2000.30001).
      configInput: { initialCash: 1_000, account: "margin", maxParticipation: null, creditRate: 0.036 },
      ordersByBar: new Map([[0, [{ asset: "A", size: -100 }]]]),
    },
  },
  {
    id: "cash-account-spent-to-the-cent-in-float",
    summary:
      "cash account: a partial buy that spends cash to the cent leaves the fast engine's float cash at -1.8e-14 " +
      "where the exact sum is 0, and cashAccountIsLongAndSolvent read it as below 0. Resolved by judging the " +
      "float records within SPEC 9's money tolerance of the cash moved, as the other record checks do",
    runCase: {
      panel: flatPanel(["A"], "2014-01-01", 2, 0.02, 1),
      // t1 open: 15000 x 0.02 + 0.01 = 300.01, cash 699.99; the partial order fits
      // (699.99 - 0.01) / 0.02 = 34999 shares: 699.98 + 0.01, cash 0 (float: -1.8e-14).
      configInput: {
        initialCash: 1_000,
        account: "cash",
        onInsufficient: "partial",
        maxParticipation: null,
        commission: { model: "perShare", rate: 0, min: 0.01, max: null },
      },
      ordersByBar: new Map([
        [
          0,
          [
            { asset: "A", sizeType: "targetPercent", size: 0.3 },
            { asset: "A", sizeType: "percent", size: 5 },
          ],
        ],
      ]),
    },
  },
];
