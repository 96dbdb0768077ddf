// Golden files (shared/golden/README.md, with its Extensions): the types of one scenario file and
// a reader that checks its shape, naming the file and the JSON path of anything wrong.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Deferrals, OnInsufficient, OrderStatus, TimeInForce } from "../model/index.ts";
import { GoldenError } from "./errors.ts";
import { readExpected, readInput } from "./parse.ts";

export { FILL_FLAGS, GOLDEN_ORDER_TYPES } from "./parse.ts";

import { ShapeReader } from "./shape.ts";

export { GoldenError } from "./errors.ts";

/** One row per (date, asset). A missing bar has all five of open..volume null (SPEC 1: NaN). */
export interface GoldenBar {
  readonly date: string;
  readonly asset: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number | null;
  readonly volume: number | null;
  /** Further numeric columns (e.g. `spread`), null where absent. */
  readonly [field: string]: string | number | null;
}

export interface GoldenOrderBase {
  /** Decided at the close of this date (at its open under input.fillAt "open"). */
  readonly date: string;
  readonly asset: string;
  readonly timeInForce?: TimeInForce;
  readonly onInsufficient?: OnInsufficient;
}

/** `size` is signed units for market/limit/stop/stop-limit and the target position for target-size. */
export type GoldenOrder = GoldenOrderBase &
  (
    | { readonly type: "market"; readonly size: number }
    | { readonly type: "limit"; readonly size: number; readonly limitPrice: number }
    | { readonly type: "stop"; readonly size: number; readonly stopPrice: number }
    | {
        readonly type: "stop-limit";
        readonly size: number;
        readonly stopPrice: number;
        readonly limitPrice: number;
      }
    | { readonly type: "value"; readonly value: number }
    | { readonly type: "target-size"; readonly size: number }
    | { readonly type: "target-value"; readonly value: number }
    | { readonly type: "target-percent"; readonly percent: number }
  );

export type GoldenOrderType = GoldenOrder["type"];

export type GoldenCommission = { readonly kind: "percent"; readonly rate: number };
export type GoldenSlippage =
  | { readonly kind: "percent"; readonly rate: number }
  | { readonly kind: "bps"; readonly bps: number };

export interface GoldenCosts {
  readonly commission?: GoldenCommission;
  readonly slippage?: GoldenSlippage;
}

/** "open" (an extension of ../shared/golden's format): each order is submitted at the open of its date. */
export type GoldenFillAt = "next-open" | "close" | "open";

export interface GoldenInput {
  readonly cash: number;
  readonly assets: readonly string[];
  readonly bars: readonly GoldenBar[];
  readonly orders: readonly GoldenOrder[];
  readonly costs?: GoldenCosts;
  readonly fillAt?: GoldenFillAt;
  /** SPEC option names, applied on top of the peer's profile; checked when adapted. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Further peer settings, in words. */
  readonly other?: Readonly<Record<string, unknown>>;
}

export type FillFlag = "forced" | "zeroVolume" | "noImpactHistory";

export interface GoldenFill {
  readonly date: string;
  readonly asset: string;
  /** Signed units. */
  readonly size: number;
  /** The fill price. */
  readonly price: number;
  readonly commission: number;
  readonly orderId?: number;
  readonly reducingQty?: number;
  readonly increasingQty?: number;
  readonly basePrice?: number;
  readonly slippageCost?: number;
  readonly impactCost?: number;
  /** The adjusted price before clampToBar moved it into the bar; null when it was inside. */
  readonly unclampedPrice?: number | null;
  readonly flags?: readonly FillFlag[];
}

export interface GoldenRejection {
  readonly date: string;
  readonly asset: string;
  /** The signed rest that died. */
  readonly size: number;
  /** A SPEC reason code for assay-spec peers; the peer's status name otherwise. */
  readonly reason: string;
  readonly orderId?: number;
}

/** A golden order type, or "liquidation" for forced orders. */
export type GoldenRecordType = GoldenOrderType | "percent" | "liquidation";

export interface GoldenOrderRecord {
  readonly id: number;
  /** Decision date. */
  readonly date: string;
  readonly asset: string;
  readonly type: GoldenRecordType;
  /** Signed requested units. */
  readonly qty: number;
  readonly onInsufficient: OnInsufficient;
  readonly status: OrderStatus;
  readonly filledQty: number;
  readonly reason: string | null;
  /** The reason's fields other than its kind. */
  readonly reasonDetail?: Readonly<Record<string, number | string>>;
  /** Bars the order waited through, by cause (SPEC 5); absent causes are not compared. */
  readonly deferred?: Readonly<Partial<Deferrals>>;
}

export interface GoldenEquityRow {
  readonly date: string;
  /** Equity at the end of the bar. */
  readonly value: number;
  readonly cash: number;
}

export interface GoldenEvent {
  readonly kind: string;
  readonly date: string;
  readonly asset?: string;
  readonly [field: string]: string | number | undefined;
}

/**
 * A round-trip trade (SPEC 8), in the records' order: closed trades in closing order, then the
 * open ones in symbol order.
 */
export interface GoldenTrade {
  readonly asset: string;
  /** Signed units opened: > 0 a long trade, < 0 a short one. */
  readonly qty: number;
  readonly entryDate: string;
  /** null while the trade is open. */
  readonly exitDate: string | null;
  /** The commission allocated to the trade (pro rata by quantity). */
  readonly commission: number;
  readonly entryPrice?: number;
  /** null while nothing is closed. */
  readonly exitPrice?: number | null;
  readonly realizedPnl?: number;
  readonly pnl?: number;
}

export interface GoldenExpected {
  readonly fills?: readonly GoldenFill[];
  readonly rejected?: readonly GoldenRejection[];
  readonly orders?: readonly GoldenOrderRecord[];
  readonly equity?: readonly GoldenEquityRow[];
  readonly finalValue?: number;
  readonly finalCash?: number;
  readonly finalPositions?: Readonly<Record<string, number>>;
  readonly events?: readonly GoldenEvent[];
  /** Sum of each ledger kind other than fill notional, signed as cash changes; zeros omitted. */
  readonly ledgerTotals?: Readonly<Record<string, number>>;
  readonly trades?: readonly GoldenTrade[];
}

export interface GoldenFile {
  /** The file name it was read from (e.g. "spec-03.json"), used in every error message. */
  readonly source: string;
  readonly name: string;
  /** Engine and version that produced `expected`, e.g. "assay-spec v2 (independent oracle)". */
  readonly peer: string;
  readonly about?: string;
  readonly peerSettings?: string;
  readonly input: GoldenInput;
  readonly expected: GoldenExpected;
}

/** Reads and checks a golden file; throws a GoldenError naming the file and the JSON path. */
export function readGoldenFile(path: string): GoldenFile {
  const source = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new GoldenError(`golden ${source}: cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GoldenError(`golden ${source}: not valid JSON: ${(error as Error).message}`);
  }
  return parseGolden(json, source);
}

/** Checks the shape of an already parsed golden file. `source` names it in errors. */
export function parseGolden(json: unknown, source: string): GoldenFile {
  const r = new ShapeReader(source);
  const top = r.object(json, "");
  const name = r.string(top.name, "name");
  const peer = r.string(top.peer, "peer");
  const about = top.about === undefined ? undefined : r.string(top.about, "about");
  const peerSettings =
    top.peerSettings === undefined ? undefined : r.string(top.peerSettings, "peerSettings");
  const input = readInput(r, top.input);
  const expected = readExpected(r, top.expected, input);
  return { source, name, peer, about, peerSettings, input, expected };
}
