// Issue 15: `assay check --engine-cmd "<command>"`, an engine in any language held to the reference.
// Each generated case goes to the engine process as a golden file's `input` (one JSON line,
// ../shared/golden/README.md); the `expected` object it prints back is compared with the
// reference's records by the golden comparator, on the fields it returns (counted as coverage
// `returned.<field>`, so the report says what was compared). With `--capabilities` the engine's
// `--describe` says what it implements and the cases are drawn within that scope.
import type fc from "fast-check";
import { referenceEngine } from "../reference/engine.ts";
import type { CommissionInput, ConfigInput, SlippageInput } from "../src/config/input.ts";
import { goldenDivergences, renderDivergenceAs } from "../src/golden/compare.ts";
import { readExpected, readInput } from "../src/golden/parse.ts";
import { runGoldenInput } from "../src/golden/run-input.ts";
import { ShapeReader } from "../src/golden/shape.ts";
import { scenarioInput } from "../src/harness/scenario.ts";
import type { AccountType, FillAt, OrderRequest, OrderType, SizeType } from "../src/model/index.ts";
import { describeEngine, type EngineCommand, EngineProcess } from "../src/protocol/engine-process.ts";
import { toleratingKnownIssues } from "./known-issues.ts";
import { type Property, property } from "./property.ts";
import { type RunCase, runInput } from "./run-input.ts";

/**
 * What an engine says it implements (`--describe` prints `{ name, capabilities }`). A list
 * restricts a rule to its values; `false` leaves that part of the model out; absent, all of it.
 */
export interface Capabilities {
  readonly accounts?: readonly AccountType[];
  readonly fillAt?: readonly FillAt[];
  readonly orderTypes?: readonly OrderType[];
  readonly sizeTypes?: readonly SizeType[];
  /** Commission models (SPEC 5 names). */
  readonly commission?: readonly CommissionInput["model"][];
  readonly slippage?: readonly SlippageInput["model"][];
  /** false: no volume participation cap, and zero-volume bars fill like any other. */
  readonly volumeRules?: boolean;
  readonly missingBars?: boolean;
  /** false: no invalid requests (NaN sizes, unknown assets...) among the orders. */
  readonly invalidOrders?: boolean;
  /**
   * false: everything else at assay's defaults: financing, settlement, impact, leverage caps,
   * instruments, cash flows, the peers' rules, per-order policies and lives, cancels.
   */
  readonly extras?: boolean;
}

const CAPABILITY_KEYS = [
  "accounts",
  "fillAt",
  "orderTypes",
  "sizeTypes",
  "commission",
  "slippage",
  "volumeRules",
  "missingBars",
  "invalidOrders",
  "extras",
];

/** A model's stand-in when the drawn one is out of scope: the first the engine lists, at a usual rate. */
const COMMISSION_OF: Readonly<Record<CommissionInput["model"], CommissionInput>> = {
  percent: { model: "percent", rate: 0.001 },
  perShare: { model: "perShare", rate: 0.005 },
  perContract: { model: "perContract", rate: 1 },
  fixedPerOrder: { model: "fixedPerOrder", amount: 1 },
  tiered: { model: "tiered", bands: [{ upTo: null, rate: 0.005 }] },
};
const SLIPPAGE_OF: Readonly<Record<SlippageInput["model"], SlippageInput>> = {
  fixedBps: { model: "fixedBps", bps: 5 },
  perShare: { model: "perShare", amount: 0.01 },
  halfSpread: { model: "halfSpread", bps: 5 },
};

/** The reply is the golden file's `expected` here, the reference's records the actual run. */
const SIDES = { expected: "the engine returned", actual: "the reference has" };

/** The engine process of this thread, by command: started once, reused for every case. */
const processes = new Map<string, EngineProcess>();

/** The property: the engine's `expected` on each case equals the reference's records. */
export function engineCommandMatchesReference(
  engine: EngineCommand,
  /** Told each case and the fields the engine returned on it (coverage). */
  onReply: (runCase: RunCase, fields: readonly string[]) => void = () => {},
): Property<RunCase> {
  const described = engine.capabilities ? describeEngine(engine.command, engine.timeoutMs) : {};
  const capabilities = readCapabilities(engine.command, described.capabilities ?? {});
  const name = typeof described.name === "string" ? described.name : engine.command;
  const scope = engine.capabilities ? ` within its capabilities ${JSON.stringify(capabilities)}` : "";
  const p = property(
    `engine process "${name}" (${engine.command}) == reference engine on the fields it returns${scope}`,
    casesWithin(capabilities),
    (runCase) => {
      // Both sides run the case as the engine receives it: a golden input (cancels and requests
      // a golden file cannot state left out, as `assay replay` writes a case).
      const { golden } = scenarioInput(runCase);
      const input = readInput(new ShapeReader("generated case"), golden);
      const { records, dates } = runGoldenInput(referenceEngine, input, "generated case");
      const running = processes.get(engine.command) ?? new EngineProcess(engine.command, engine.timeoutMs);
      processes.set(engine.command, running);
      const reply = running.ask(golden);
      const expected = readExpected(new ShapeReader(`engine reply (${engine.command})`), reply, input);
      onReply(runCase, Object.keys(expected));
      const [first] = goldenDivergences(expected, records, dates, 1);
      if (first !== undefined) throw new Error(`engine process: ${renderDivergenceAs(first, SIDES)}`);
    },
  );
  return toleratingKnownIssues(p);
}

/** The generated cases, drawn within `capabilities` and then cut to them. */
export function casesWithin(capabilities: Capabilities): fc.Arbitrary<RunCase> {
  const extras = capabilities.extras !== false;
  return runInput({
    panel: capabilities.missingBars === false ? { missingRate: 0 } : {},
    orders: capabilities.invalidOrders === false ? { invalidWeight: 0 } : {},
    config: {
      ...(capabilities.accounts === undefined ? {} : { accounts: capabilities.accounts }),
      ...(capabilities.fillAt === undefined ? {} : { fillAts: capabilities.fillAt }),
      ...(capabilities.volumeRules === false ? { onZeroVolumes: ["fill" as const] } : {}),
      realism: extras,
    },
    scenarios: extras,
  }).map((runCase) => withinCapabilities(runCase, capabilities));
}

/** A case cut to what the engine implements: orders it has no type for left out, other rules at their defaults. */
export function withinCapabilities(runCase: RunCase, capabilities: Capabilities): RunCase {
  const input = runCase.configInput;
  const extras = capabilities.extras !== false;
  const configInput: ConfigInput = {
    ...(extras
      ? input
      : {
          initialCash: input.initialCash,
          account: input.account,
          fillAt: input.fillAt,
          maxParticipation: input.maxParticipation,
          onZeroVolume: input.onZeroVolume,
          syntheticVolume: input.syntheticVolume,
          commission: withoutFixedPart(input.commission),
          slippage: input.slippage,
        }),
    commission: inScope(
      extras ? input.commission : withoutFixedPart(input.commission),
      capabilities.commission,
      COMMISSION_OF,
    ),
    slippage: inScope(input.slippage, capabilities.slippage, SLIPPAGE_OF),
    ...(capabilities.volumeRules === false ? { maxParticipation: null, onZeroVolume: "fill" } : {}),
  };
  const supported = (request: OrderRequest) =>
    (capabilities.orderTypes?.includes(request.type ?? "market") ?? true) &&
    (capabilities.sizeTypes?.includes(request.sizeType ?? "units") ?? true);
  const plain = (request: OrderRequest): OrderRequest => {
    if (extras) return request;
    const { onInsufficient: _policy, timeInForce: _life, ...rest } = request;
    return rest;
  };
  const ordersByBar = new Map(
    [...runCase.ordersByBar].map(([t, requests]) => [t, requests.filter(supported).map(plain)]),
  );
  return {
    ...runCase,
    configInput,
    ordersByBar,
    ...(extras ? {} : { cancelsByBar: undefined }),
  };
}

function withoutFixedPart(commission: CommissionInput | undefined): CommissionInput | undefined {
  return commission?.model === "percent" ? { model: "percent", rate: commission.rate } : commission;
}

function inScope<M extends { readonly model: string }>(
  drawn: M | undefined,
  allowed: readonly string[] | undefined,
  standIns: Readonly<Record<string, M>>,
): M | undefined {
  if (allowed === undefined || (drawn !== undefined && allowed.includes(drawn.model))) return drawn;
  return standIns[allowed[0]];
}

/** The capabilities an engine printed, checked: a key the harness does not know is an error. */
function readCapabilities(command: string, value: unknown): Capabilities {
  const r = new ShapeReader(`engine "${command} --describe"`);
  const o = r.object(value, "capabilities", CAPABILITY_KEYS);
  const lists = {
    accounts: ["cash", "margin", "futures"],
    fillAt: ["next-open", "close", "open"],
    orderTypes: ["market", "limit", "stop", "stop-limit"],
    sizeTypes: ["units", "value", "percent", "targetUnits", "targetValue", "targetPercent"],
    commission: Object.keys(COMMISSION_OF),
    slippage: Object.keys(SLIPPAGE_OF),
  } as const;
  for (const [key, known] of Object.entries(lists)) {
    if (o[key] === undefined) continue;
    const values = r.array(o[key], `capabilities.${key}`);
    if (values.length === 0) r.fail(`capabilities.${key}`, "lists nothing: leave the key out for all of it");
    values.forEach((v, i) => {
      if (!(known as readonly unknown[]).includes(v))
        r.fail(
          `capabilities.${key}[${i}]`,
          `must be one of ${known.map((k) => JSON.stringify(k)).join(", ")}, got ${JSON.stringify(v)}`,
        );
    });
  }
  for (const key of ["volumeRules", "missingBars", "invalidOrders", "extras"])
    if (o[key] !== undefined && typeof o[key] !== "boolean")
      r.fail(`capabilities.${key}`, `must be true or false, got ${JSON.stringify(o[key])}`);
  return o as Capabilities;
}
