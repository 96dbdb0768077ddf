// The shared assay-spec golden files (made under SPEC v2.2) that exercise a rule SPEC v2.3
// changed. SPEC v2.3 wins: each file must still fail, at the divergence the changed rule
// explains, under both engines (tests/golden/assay-spec.test.ts; reports/VALIDATION.md lists them). A file that starts to pass, or
// fails elsewhere, turns that test red: then the table is wrong, not the engine.

export interface SupersededGolden {
  /** The file name under shared/golden/assay-spec, without .json. */
  readonly name: string;
  /** The SPEC v2.3 rule that changed, with its section and the issue item. */
  readonly rule: string;
  /** The first divergence the changed rule produces, as `assay golden` prints it. */
  readonly divergence: RegExp;
}

export const SUPERSEDED_GOLDENS: readonly SupersededGolden[] = [
  {
    name: "realism-03-financing",
    rule:
      "SPEC v2.3 section 5, cumulative impact (issue 10 item 14): volumeShare prices the bar's units " +
      "already filled plus this order, so KO's second sale on 2024-01-12 fills lower",
    divergence: /^fills\[6\] \(2024-01-12 KO\) price: expected 81\.99972471483666, got 81\.9962082976019\d/,
  },
];
