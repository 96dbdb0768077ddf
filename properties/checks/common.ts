// SPEC 9 and 10: what every post-run check shares: the run it reads, its error, how it names
// orders and fills, and the money tolerance a float64 record is read to.
import { Decimal } from "decimal.js";
import { MONEY_TOLERANCE } from "../../src/compare/index.ts";
import type {
  FillAt,
  FillRecord,
  OrderRecord,
  OrderRequest,
  Panel,
  Records,
  RunConfig,
} from "../../src/model/index.ts";

/**
 * SPEC 9's money tolerance for amounts of this size (the sum of the magnitudes compared): records
 * round each number to float64, so two money amounts that close are equal.
 */
export function moneyAllowance(size: Decimal.Value): Decimal {
  return Decimal.max(new Decimal(size).mul(MONEY_TOLERANCE.relative), MONEY_TOLERANCE.absolute);
}

export class RecordCheckError extends Error {
  constructor(
    readonly check: string,
    message: string,
  ) {
    super(`${check}: ${message}`);
    this.name = "RecordCheckError";
  }
}

/** What a post-run check reads. */
export interface FinishedRun {
  readonly panel: Panel;
  readonly config: RunConfig;
  readonly ordersByBar: ReadonlyMap<number, readonly OrderRequest[]>;
  readonly records: Records;
}

export type RecordCheck = (run: FinishedRun) => void;

export function fail(check: string, message: string): never {
  throw new RecordCheckError(check, message);
}

/**
 * I6: the first bar an order may fill on. Same-bar market orders fill at their decision close,
 * every order decided at an open (fillAt "open") works from that open, liquidations are made at
 * the open they fill at; everything else fills from the bar after its decision.
 */
export function firstFillBar(o: OrderRecord, fillAt: FillAt): number {
  const sameBar =
    fillAt === "open" || (o.type === "market" && fillAt === "close") || o.type === "liquidation";
  return sameBar ? o.t : o.t + 1;
}

export function orderTag(o: OrderRecord): string {
  return `order ${o.id} (${o.type} ${o.sizeType} ${o.size} of ${o.asset}, decided t=${o.t})`;
}

export function fillTag(f: FillRecord): string {
  return `fill of order ${f.orderId} at t=${f.t} (${f.asset} qty ${f.qty})`;
}

/** The bar of the bankrupt event, or Infinity. */
export function bankruptcyBar(records: Records): number {
  return records.events.find((e) => e.kind === "bankrupt")?.t ?? Number.POSITIVE_INFINITY;
}
