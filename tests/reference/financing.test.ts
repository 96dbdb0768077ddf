import { describe, expect, it } from "vitest";
import { dec } from "../../reference/decimal.ts";
import { financingEntries } from "../../reference/financing.ts";

// SPEC 3.2: the reference's financing at one close, as ledger entries. Golden files and scenarios
// are daily, so two bars of one date (intraday data: 0 calendar days) are pinned here.
const rates = { debitRate: 0.072, creditRate: 0, shortRebateRate: 0.018 };
const snapshot = { cash: dec(-5_000), shorts: [{ value: dec(2_000), borrowRate: 0.036 }] };
const amounts = (entries: ReturnType<typeof financingEntries>) =>
  entries.map(({ kind, amount }) => [kind, amount.toNumber()]);

describe("financingEntries", () => {
  it("accrues nothing between two bars of one calendar date", () => {
    expect(financingEntries(snapshot, rates, 0)).toEqual([]);
  });

  it("posts only the accruals that are not zero, for the days since the last bar", () => {
    // The balance leaves out the short proceeds: -5,000 - 2,000 = -7,000. Over 3 days:
    // debit 0.072 / 360 x 3 x 7,000 = 4.2; borrow 0.036 / 360 x 3 x 2,000 = 0.6; rebate 0.018 /
    // 360 x 3 x 2,000 = 0.3. Credit interest is 0 at a creditRate of 0 and is no entry.
    expect(amounts(financingEntries(snapshot, rates, 3))).toEqual([
      ["debitInterest", -4.2],
      ["borrowFee", -0.6],
      ["shortRebate", 0.3],
    ]);
    // A balance of +1,000 after the shorts at creditRate 0 earns 0: no interest entry at all.
    const flush = { cash: dec(3_000), shorts: snapshot.shorts };
    expect(amounts(financingEntries(flush, rates, 3))).toEqual([
      ["borrowFee", -0.6],
      ["shortRebate", 0.3],
    ]);
  });
});
