// The garbage collector's pauses inside timed windows, from node:perf_hooks "gc" entries: the
// GC share of a measurement is their summed duration over the summed window time.
import { type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";

/** A timed region, in performance.now() milliseconds. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

export interface GcPauses {
  /** Stops observing and sums the pauses that started inside a window, in ms. */
  pausedMs(windows: readonly Window[]): Promise<number>;
}

/** Starts observing GC pauses; call pausedMs once, after the timed code. */
export function observeGcPauses(): GcPauses {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  return {
    async pausedMs(windows) {
      // Node makes a gc entry in an immediate after the pause and hands it to observers in the
      // next: synchronous timed runs see none until the event loop turns twice.
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const inWindow = (e: PerformanceEntry) =>
        windows.some((w) => e.startTime >= w.start && e.startTime < w.end);
      return entries.filter(inWindow).reduce((sum, e) => sum + e.duration, 0);
    },
  };
}
