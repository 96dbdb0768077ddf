// Declarative signals (VectorBT's from_signals): boolean entries and exits per bar and asset become
// orders decided at the close of that bar (SPEC 4 step 5), with VectorBT's conflict rules
// (signal-resolution.ts). Stops are checked on closes: a close through the stop loss or take
// profit, measured from the mark (last close) at the entry's decision, exits at the next fill.
import type { BarContext, MarketTerms, OnInsufficient, SizeType, TimeInForce } from "../model/index.ts";
import { TARGET_SIZE_TYPES } from "../model/index.ts";
import { symbolOrder } from "./declarative.ts";
import {
  type NumberMatrix,
  numberMatrix,
  type PanelShape,
  type SignalMatrix,
  signalMatrix,
} from "./declarative-input.ts";
import { type DeclarativeStrategy, fillAtFor, orderTerms } from "./from-orders.ts";
import { type BarSignals, resolveSignals } from "./signal-resolution.ts";

export type Direction = "longonly" | "shortonly" | "both";

export interface FromSignalsOptions {
  readonly entries?: SignalMatrix;
  readonly exits?: SignalMatrix;
  /** With shortEntries or shortExits, entries and exits are the long side's and direction is not given. */
  readonly shortEntries?: SignalMatrix;
  readonly shortExits?: SignalMatrix;
  /** Entry size (> 0, in sizeType) per bar and asset or one number; NaN ignores that bar's entries. */
  readonly size: number | NumberMatrix;
  /** Default "units". A target type enters by going to the target (and a reversal is one order). */
  readonly sizeType?: SizeType;
  /**
   * For entries and exits alone (default "longonly"): "shortonly" makes them the short side's;
   * "both" makes entries long entries and exits short entries, as VectorBT does.
   */
  readonly direction?: Direction;
  /** Entries on the side held add `size` (VectorBT's accumulate "addonly"); exits close it all. */
  readonly accumulate?: boolean;
  /** Fractions (> 0) of the entry's mark, per bar and asset or one number; NaN for none. */
  readonly stopLoss?: number | NumberMatrix;
  readonly takeProfit?: number | NumberMatrix;
  readonly price?: "open" | "close";
  readonly onInsufficient?: OnInsufficient;
  readonly timeInForce?: TimeInForce;
  readonly name?: string;
}

export function fromSignals(options: FromSignalsOptions): DeclarativeStrategy {
  const sizeType = options.sizeType ?? "units";
  const target = TARGET_SIZE_TYPES.has(sizeType);
  const accumulate = options.accumulate ?? false;
  if (accumulate && target)
    throw new Error(
      `fromSignals accumulate: a ${sizeType} entry goes to its target, it cannot add; use units, value or percent`,
    );
  const fillAt = fillAtFor("fromSignals", options.price);
  const sides = signalSides(options);
  const entryTerms = orderTerms("fromSignals", sizeType, options);
  const exitTerms: MarketTerms = { ...entryTerms, sizeType: closingType(sizeType) };
  // Bound to a run by its context (one per run), so the same strategy can run again.
  let run: BarContext | null = null;
  let inputs: Inputs | null = null;
  let stops = new StopBook(0);
  let order: readonly number[] = [];
  const signals: BarSignals = { longEntry: false, longExit: false, shortEntry: false, shortExit: false };
  return {
    name: options.name ?? "from-signals",
    fillAt,
    onBar(ctx: BarContext) {
      if (ctx !== run || inputs === null) {
        inputs = readInputs(options, sides, ctx);
        stops = new StopBook(ctx.symbols.length);
        order = symbolOrder(ctx.symbols);
        run = ctx;
      }
      // Symbol order (SPEC 6.4); per asset its close, then its entry. The engine fills every
      // reducing leg of the batch before any increasing one (SPEC 3), so exits fund entries.
      const at0 = ctx.t * ctx.symbols.length;
      for (const asset of order) {
        const at = at0 + asset;
        const side = Math.sign(ctx.account.position(asset));
        const close = ctx.bar("close", asset);
        const sized = !Number.isNaN(inputs.size[at]);
        signals.longEntry = sized && inputs.longEntry[at] === 1;
        signals.longExit = inputs.longExit[at] === 1;
        signals.shortEntry = sized && inputs.shortEntry[at] === 1;
        signals.shortExit = inputs.shortExit[at] === 1;
        const { close: closes, enter } = resolveSignals(
          side,
          signals,
          stops.hit(asset, side, close),
          accumulate,
        );
        if (closes) stops.clear(asset);
        if (enter !== 0 && enter !== side)
          stops.open(asset, enter, markOf(ctx, asset), inputs.stopLoss[at], inputs.takeProfit[at]);
        if (closes && !(target && enter !== 0)) ctx.submitMarket(asset, 0, exitTerms);
        if (enter !== 0) ctx.submitMarket(asset, enter * inputs.size[at], entryTerms);
      }
    },
  };
}

/** The last close of an asset up to t (SPEC 2's mark, which sized the entry); NaN before its first. */
function markOf(ctx: BarContext, asset: number): number {
  for (let lag = 0; lag <= ctx.t; lag++) {
    const close = ctx.bar("close", asset, lag);
    if (!Number.isNaN(close)) return close;
  }
  return Number.NaN;
}

/** The argument each of the four sides reads, per direction (VectorBT's mapping). */
interface SignalSides {
  readonly longEntry?: keyof FromSignalsOptions;
  readonly longExit?: keyof FromSignalsOptions;
  readonly shortEntry?: keyof FromSignalsOptions;
  readonly shortExit?: keyof FromSignalsOptions;
}

function signalSides(options: FromSignalsOptions): SignalSides {
  const shortGiven = options.shortEntries !== undefined || options.shortExits !== undefined;
  if (shortGiven && options.direction !== undefined)
    throw new Error(
      `fromSignals direction: "${options.direction}" applies to entries and exits alone; with shortEntries or shortExits each side has its own signals, so leave direction out`,
    );
  if (shortGiven)
    return { longEntry: "entries", longExit: "exits", shortEntry: "shortEntries", shortExit: "shortExits" };
  const direction = options.direction ?? "longonly";
  switch (direction) {
    case "longonly":
      return { longEntry: "entries", longExit: "exits" };
    case "shortonly":
      return { shortEntry: "entries", shortExit: "exits" };
    case "both":
      return { longEntry: "entries", shortEntry: "exits" };
    default:
      throw new Error(
        `fromSignals direction: "${String(direction)}"; expected "longonly", "shortonly" or "both"`,
      );
  }
}

/** The target type whose 0 closes a position entered with sizeType (SPEC 6.4: exactly -q). */
function closingType(sizeType: SizeType): SizeType {
  if (sizeType === "units") return "targetUnits";
  if (sizeType === "value") return "targetValue";
  if (sizeType === "percent") return "targetPercent";
  return sizeType;
}

interface Inputs {
  readonly longEntry: Float64Array;
  readonly longExit: Float64Array;
  readonly shortEntry: Float64Array;
  readonly shortExit: Float64Array;
  readonly size: Float64Array;
  readonly stopLoss: Float64Array;
  readonly takeProfit: Float64Array;
}

function readInputs(options: FromSignalsOptions, sides: SignalSides, shape: PanelShape): Inputs {
  const signal = (arg: keyof FromSignalsOptions | undefined) =>
    signalMatrix(
      { api: "fromSignals", arg: arg ?? "" },
      arg === undefined ? undefined : (options[arg] as SignalMatrix | undefined),
      shape,
    );
  const positive = (value: number) => (value > 0 ? null : "must be > 0");
  const number = (arg: "size" | "stopLoss" | "takeProfit") =>
    numberMatrix({ api: "fromSignals", arg }, options[arg] ?? Number.NaN, shape, positive);
  return {
    longEntry: signal(sides.longEntry),
    longExit: signal(sides.longExit),
    shortEntry: signal(sides.shortEntry),
    shortExit: signal(sides.shortExit),
    size: number("size"),
    stopLoss: number("stopLoss"),
    takeProfit: number("takeProfit"),
  };
}

/** Per asset: the side and entry mark a stop is measured from, and its fractions (NaN: none). */
class StopBook {
  readonly #side: Int8Array;
  readonly #entryMark: Float64Array;
  readonly #stopLoss: Float64Array;
  readonly #takeProfit: Float64Array;

  constructor(assets: number) {
    this.#side = new Int8Array(assets);
    this.#entryMark = new Float64Array(assets).fill(Number.NaN);
    this.#stopLoss = new Float64Array(assets).fill(Number.NaN);
    this.#takeProfit = new Float64Array(assets).fill(Number.NaN);
  }

  open(asset: number, side: number, entryMark: number, stopLoss: number, takeProfit: number): void {
    this.#side[asset] = side;
    this.#entryMark[asset] = entryMark;
    this.#stopLoss[asset] = stopLoss;
    this.#takeProfit[asset] = takeProfit;
  }

  clear(asset: number): void {
    this.#side[asset] = 0;
  }

  /**
   * Whether `close` went through a stop of the position held on `side`. A position on another side
   * than the stop's (flat: the exit filled, or the entry did not) drops the stop.
   */
  hit(asset: number, side: number, close: number): boolean {
    if (this.#side[asset] !== side || side === 0) {
      this.#side[asset] = 0;
      return false;
    }
    const entry = this.#entryMark[asset];
    const loss = this.#stopLoss[asset];
    const profit = this.#takeProfit[asset];
    if (side > 0) return close <= entry * (1 - loss) || close >= entry * (1 + profit);
    return close >= entry * (1 + loss) || close <= entry * (1 - profit);
  }
}
