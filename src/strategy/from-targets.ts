// The hybrid API: the positions to hold per bar and asset (weights of equity, money values or
// units), NaN to leave an asset alone. Each bar's targets go in as target orders in symbol order
// (SPEC 6.4); the engine fills their reducing legs first and scales the increasing ones together
// (onInsufficient "scale", the target orders' default, SPEC 6.1 and 6.5).
import type { OnInsufficient, TimeInForce } from "../model/index.ts";
import type { NumberMatrix } from "./declarative-input.ts";
import { type DeclarativeStrategy, ordersStrategy } from "./from-orders.ts";

/** Exactly one of weights (targetPercent), values (targetValue) or units (targetUnits). */
export type Targets =
  | { readonly weights: number | NumberMatrix; readonly values?: never; readonly units?: never }
  | { readonly values: number | NumberMatrix; readonly weights?: never; readonly units?: never }
  | { readonly units: number | NumberMatrix; readonly weights?: never; readonly values?: never };

export type FromTargetsOptions = Targets & {
  readonly price?: "open" | "close";
  /** Default: the run's onInsufficient, else "scale". */
  readonly onInsufficient?: OnInsufficient;
  readonly timeInForce?: TimeInForce;
  readonly name?: string;
};

export function fromTargets(options: FromTargetsOptions): DeclarativeStrategy {
  const given = (["weights", "values", "units"] as const).filter((key) => options[key] !== undefined);
  if (given.length !== 1)
    throw new Error(
      `fromTargets: give exactly one of weights, values or units, got ${given.length === 0 ? "none" : given.join(" and ")}`,
    );
  const [key] = given;
  const sizeType = key === "weights" ? "targetPercent" : key === "values" ? "targetValue" : "targetUnits";
  const { price, onInsufficient, timeInForce } = options;
  const size = options[key] as number | NumberMatrix;
  return ordersStrategy(
    { api: "fromTargets", arg: key },
    { size, sizeType, price, onInsufficient, timeInForce },
    options.name ?? "from-targets",
  );
}
