// SPEC 1 (instruments) and 3.3 (futures margins): per-asset contract terms.

export type InstrumentKind = "equity" | "future";

/** A futures margin per contract: money, or a rate of the notional at the mark. */
export type ContractMargin =
  | { readonly kind: "money"; readonly amount: number }
  | { readonly kind: "rate"; readonly rate: number };

export interface Instrument {
  readonly symbol: string;
  readonly kind: InstrumentKind;
  /** Money per price point per unit: 1 for stocks. */
  readonly multiplier: number;
  /** Quantity step: 1 share by default; 1e-8 allows fractional crypto. */
  readonly lotSize: number;
  /** Price grid; null means no grid. */
  readonly tickSize: number | null;
  /** Futures only (null for equities). */
  readonly initialMargin: ContractMargin | null;
  readonly maintenanceMargin: ContractMargin | null;
  /** Borrow fee on shorts, fraction per year (SPEC 3.2); the run's borrowRate unless overridden. */
  readonly borrowRate: number;
}
