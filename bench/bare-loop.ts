// The seed study's physical limit: the shared bare-loop probe (typed arrays, no records, no
// checks, no API; ../shared/probes/bench250-bare-loop.mjs) timed in its own child process, like
// every case. The fast engine's seed-study rows are reported as ratios to its median.
import { fileURLToPath } from "node:url";
import { SEED_STUDY_CSV } from "./cases.ts";
import { runJsonChild } from "./child.ts";
import type { Outcome } from "./report.ts";

/** The probe's row in the results: case seed-study, this engine. */
export const BARE_LOOP = "bare-loop";
export const BARE_LOOP_PROBE = new URL("../../shared/probes/bench250-bare-loop.mjs", import.meta.url);
/** Backtrader's fills on bench250 (every order fills whole): a probe that differs is not the study. */
export const SEED_STUDY_FILLS = 17_217;

/** What the probe prints with --json. */
interface ProbeResult {
  readonly fills: number;
  readonly finalValue: number;
  readonly commission: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/** Runs the probe on bench250 (its own warm-up and 300 timed runs); a failed outcome says why not. */
export function measureBareLoop(probeUrl: URL = BARE_LOOP_PROBE): Outcome {
  const failed = (note: string): Outcome => ({ kind: "failed", name: "seed-study", engine: BARE_LOOP, note });
  const probe = fileURLToPath(probeUrl);
  const child = runJsonChild([probe, fileURLToPath(SEED_STUDY_CSV), "--json"]);
  if ("failure" in child) return failed(`${probe}: ${child.failure}`);
  const result = child.json as ProbeResult;
  if (result.fills !== SEED_STUDY_FILLS)
    return failed(`${probe}: ${result.fills} fills, the seed study makes ${SEED_STUDY_FILLS}`);
  return {
    kind: "measured",
    measurement: {
      name: "seed-study",
      engine: BARE_LOOP,
      // The probe's own fixed shape: bench250's 250 assets x 252 days.
      assets: 250,
      bars: 252,
      orders: result.fills,
      medianMs: result.medianMs,
      minMs: result.minMs,
      runs: result.runs,
      peakRssMB: null,
      gcShare: null,
    },
  };
}
