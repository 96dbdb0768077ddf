// `assay run` on synthetic data: the memory a run needs, estimated before the panel is drawn, so
// that --assets 100000000 is refused at once instead of dying out of memory minutes later.
import { totalmem } from "node:os";

/**
 * Bytes per bar x asset of a run: the panel's five float64 fields (40), its validation and the
 * engine's per-asset state and series. Measured at about 160 (2,000 assets x 504 bars, 318 MB
 * peak RSS vs 199 MB at 500 assets); rounded up for strategies that keep more.
 */
export const BYTES_PER_CELL = 200;

/** A run may use at most this share of the machine's memory: other processes need the rest. */
export const MEMORY_SHARE = 0.5;

/** Throws when `assets` x `bars` would need more than MEMORY_SHARE of the machine's memory. */
export function refuseOversizedRun(assets: number, bars: number, machineBytes = totalmem()): void {
  const needed = assets * bars * BYTES_PER_CELL;
  const limit = machineBytes * MEMORY_SHARE;
  if (needed > limit)
    throw new Error(
      `--assets ${assets} x --bars ${bars}: the run would need about ${gigabytes(needed)} (${BYTES_PER_CELL} bytes per bar x asset), over the limit of ${gigabytes(limit)} (${MEMORY_SHARE * 100}% of this machine's ${gigabytes(machineBytes)})`,
    );
}

function gigabytes(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GB`;
}
