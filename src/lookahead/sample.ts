// Look-ahead detection: which bars t to test. Half the samples spread evenly over the run, the
// rest drawn at random (seeded) from the bars left, so both the whole run and odd bars get seen.
import { mulberry32 } from "../data/random.ts";

/**
 * `samples` distinct bars of a run of `bars` bars, ascending. A bar t is testable when a later
 * bar exists to perturb: t = 0..bars-2. The same arguments give the same bars.
 */
export function sampleBars(bars: number, samples: number, seed: number): number[] {
  if (!Number.isInteger(samples) || samples < 1)
    throw new Error(`expected a whole number of samples >= 1, got ${samples}`);
  const testable = bars - 1;
  if (testable < 1)
    throw new Error(
      `the data has ${bars} bar${bars === 1 ? "" : "s"}; a look-ahead test needs at least 2 (a bar t and a later bar to perturb)`,
    );
  if (samples > testable)
    throw new Error(
      `the data has ${bars} bars, so at most ${testable} can be sampled (t = 0..${bars - 2}: the last bar has no later bar to perturb), not ${samples}`,
    );
  const spread = Math.ceil(samples / 2);
  // The middle of each of `spread` equal stretches of the testable bars: distinct, as spread <= testable.
  const chosen = new Set(
    Array.from({ length: spread }, (_, j) => Math.floor(((j + 0.5) * testable) / spread)),
  );
  // A partial Fisher-Yates shuffle of the bars not chosen yet draws the rest without repeats.
  const rest = Array.from({ length: testable }, (_, t) => t).filter((t) => !chosen.has(t));
  const random = mulberry32(seed);
  for (let k = 0; k < samples - spread; k++) {
    const pick = k + Math.floor(random() * (rest.length - k));
    [rest[k], rest[pick]] = [rest[pick], rest[k]];
    chosen.add(rest[k]);
  }
  return [...chosen].sort((a, b) => a - b);
}
