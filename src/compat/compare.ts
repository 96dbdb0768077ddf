// `assay compare --profiles`: one input run under several profiles (assay's own, "default", and
// the peers' of src/compat/), and for each profile against the first, where the records first
// part and which config keys explain it. A key "explains" the first divergence when setting it
// alone to the other profile's value moves that divergence later (or removes it); its money
// effect is what that one change does to the first profile's final equity.
import { type Result, runBacktest } from "../api/backtest.ts";
import { type RunHeadline, runHeadline } from "../api/headline.ts";
import { runConfigFor } from "../api/run.ts";
import { diffRecords, type RecordDivergence } from "../compare/index.ts";
import type { ConfigInput } from "../config/input.ts";
import type { CompatProfile, Engine, Panel, Records, RunConfig, Strategy } from "../model/index.ts";
import { COMPAT_PROFILES } from "./index.ts";

/** A profile as `--profiles` names it: a peer's, or "default" for assay's own rules. */
export type ProfileName = CompatProfile | "default";

export interface CompareInputs {
  readonly panel: Panel;
  /** The user's config (file and --set), under which each profile's defaults go. */
  readonly configInput: ConfigInput;
  readonly labels: { readonly config: string; readonly data: string };
  readonly profiles: readonly ProfileName[];
  /** A fresh strategy for each run (a strategy may keep state). */
  readonly build: () => Promise<Strategy>;
  readonly engine: Engine;
}

export interface ProfileRun extends RunHeadline {
  /** The profile's name (`assay compare`), or the config's (`assay diff`). */
  readonly profile: string;
  readonly commission: number;
}

export interface KeyEffect {
  readonly key: string;
  readonly a: unknown;
  readonly b: unknown;
  /** The first profile with only this key set to the second's value, or why it cannot be. */
  readonly alone:
    | { readonly finalEquityChange: number; readonly explainsFirst: boolean }
    | { readonly error: string };
}

export interface ProfilePair {
  readonly a: string;
  readonly b: string;
  readonly first: RecordDivergence | null;
  readonly finalEquityDifference: number;
  readonly keys: readonly KeyEffect[];
}

export interface ProfileComparison {
  readonly runs: readonly ProfileRun[];
  readonly pairs: readonly ProfilePair[];
}

/** The profiles a name list gives, or an error naming the unknown one. */
export function parseProfiles(list: string): ProfileName[] {
  const known = [...Object.keys(COMPAT_PROFILES), "default"];
  const names = list.split(",").map((name) => name.trim());
  for (const name of names)
    if (!known.includes(name))
      throw new Error(`--profiles: no profile "${name}" (known: ${known.join(", ")})`);
  if (names.length < 2 || new Set(names).size !== names.length)
    throw new Error(`--profiles: name two or more different profiles, got "${list}"`);
  return names as ProfileName[];
}

export async function compareProfiles(inputs: CompareInputs): Promise<ProfileComparison> {
  const { configInput, profiles } = inputs;
  return compareConfigs(
    inputs,
    profiles.map((profile) => ({
      name: profile,
      configInput: { ...configInput, compat: profile === "default" ? null : profile },
    })),
  );
}

/** One side of a comparison: a named config, on the run's engine or its own. */
export interface ConfigVariant {
  readonly name: string;
  readonly configInput: ConfigInput;
  readonly engine?: Engine;
}

/**
 * Runs each variant, then for each against the first: the first record where they part, and
 * every config key on which they differ with what that key alone does to the first.
 */
export async function compareConfigs(
  inputs: Omit<CompareInputs, "configInput" | "profiles">,
  variants: readonly ConfigVariant[],
): Promise<ProfileComparison> {
  const { panel, labels } = inputs;
  const run = async (input: ConfigInput, engine = inputs.engine) => {
    const config = runConfigFor(panel, input, labels);
    return { config, result: runBacktest(panel, config, await inputs.build(), engine) };
  };
  const done = [];
  for (const variant of variants) {
    const { config, result } = await run(variant.configInput, variant.engine);
    done.push({ variant, config, records: result.records, headline: profileRun(variant.name, result) });
  }
  const [base, ...others] = done;
  const pairs: ProfilePair[] = [];
  for (const other of others) {
    const names: [string, string] = [base.variant.name, other.variant.name];
    const first = diffRecords(base.records, other.records, { names });
    const keys: KeyEffect[] = [];
    for (const { key, a, b: value } of differingKeys(base.config, other.config)) {
      let alone: KeyEffect["alone"];
      try {
        const flipped = (await run({ ...base.variant.configInput, [key]: value }, base.variant.engine))
          .result;
        const next = diffRecords(flipped.records, other.records);
        alone = {
          finalEquityChange: finalEquity(flipped.records) - finalEquity(base.records),
          explainsFirst: first !== null && (next === null || later(next, first)),
        };
      } catch (error) {
        alone = { error: (error as Error).message };
      }
      keys.push({ key, a, b: value, alone });
    }
    pairs.push({
      a: base.variant.name,
      b: other.variant.name,
      first,
      finalEquityDifference: finalEquity(other.records) - finalEquity(base.records),
      keys,
    });
  }
  return { runs: done.map(({ headline }) => headline), pairs };
}

/** An instrument term a profile may set for every asset (a config key of that name). */
const INSTRUMENT_TERMS = ["multiplier", "lotSize", "tickSize", "borrowRate"] as const;

/**
 * The config keys on which two resolved configs differ (compat itself aside), with each one's
 * values as an input key takes them: a term every instrument shares (a profile's lotSize) as
 * that term's key, not as the resolved per-asset list.
 */
function differingKeys(a: RunConfig, b: RunConfig): { key: string; a: unknown; b: unknown }[] {
  const keys: { key: string; a: unknown; b: unknown }[] = [];
  for (const key of Object.keys(a) as (keyof RunConfig)[]) {
    if (key === "compat" || JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    if (key !== "instruments") {
      keys.push({ key, a: a[key], b: b[key] });
      continue;
    }
    const shared = (config: RunConfig, term: (typeof INSTRUMENT_TERMS)[number]) => {
      const values = new Set(config.instruments.map((i) => i[term]));
      return values.size === 1 ? [...values][0] : undefined;
    };
    let rest = { a: a.instruments, b: b.instruments };
    for (const term of INSTRUMENT_TERMS) {
      const [va, vb] = [shared(a, term), shared(b, term)];
      if (va === undefined || vb === undefined || va === vb) continue;
      keys.push({ key: term, a: va, b: vb });
      rest = { a: rest.a.map((i) => ({ ...i, [term]: vb })), b: rest.b };
    }
    // What the shared terms do not account for: instruments set asset by asset.
    if (JSON.stringify(rest.a) !== JSON.stringify(rest.b))
      keys.push({ key: "instruments", a: "per asset", b: "per asset" });
  }
  return keys;
}

function later(next: RecordDivergence, first: RecordDivergence): boolean {
  return next.t !== null && first.t !== null && next.t > first.t;
}

function finalEquity(records: Records): number {
  return records.series.equity.at(-1) ?? Number.NaN;
}

function profileRun(name: string, result: Result): ProfileRun {
  return { profile: name, ...runHeadline(result), commission: result.records.totals.commission };
}
