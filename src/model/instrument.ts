// SPEC 1 (instruments): per-asset contract terms. Futures arrive with the realism issue.

export type InstrumentKind = "equity";

export interface Instrument {
  readonly symbol: string;
  readonly kind: InstrumentKind;
  /** Money per price point per unit: 1 for stocks. */
  readonly multiplier: number;
  /** Quantity step: 1 share by default; 1e-8 allows fractional crypto. */
  readonly lotSize: number;
  /** Price grid; null means no grid. */
  readonly tickSize: number | null;
}
