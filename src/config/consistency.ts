// SPEC 3.2: margin rates that are each in range but contradict each other. No broker sets a
// maintenance rate above the initial one, so the pair is a ConfigError, not a silent margin call.
import { type ConfigPlace, invalid } from "./errors.ts";

/** A maintenance rate above the initial rate puts a position opened at initial margin in call at once. */
export function maintenanceUpToInitial(at: ConfigPlace, maintRate: number, initialRate: number): number {
  if (maintRate > initialRate)
    throw invalid(
      at,
      `must be <= initialRate ${initialRate} (a position opened at initial margin would be in call at once)`,
      maintRate,
    );
  return maintRate;
}
