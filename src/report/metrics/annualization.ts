// Periods per year, from the data's spacing (or given): what annualizes volatility, Sharpe,
// Sortino and CAGR. The rule is quantstats' 252 for daily bars, extended; docs/metrics.md.
import { median } from "simple-statistics";

const DAY_MS = 86_400_000;

/** Trading days a year on a weekday calendar (quantstats' default), and on one that trades every day. */
export const WEEKDAY_YEAR = 252;
export const CALENDAR_YEAR = 365;

/**
 * Median bar spacing under 12 hours: intraday, days a year x median bars per UTC day; 12 hours
 * to 1.5 days: daily, 252 (365 when some bar falls on a Saturday or Sunday, a market that never
 * closes); longer: round(365.25 days / median spacing), so weekly 52, monthly 12, quarterly 4.
 */
export function inferPeriodsPerYear(times: Float64Array): number {
  if (times.length < 2)
    throw new Error(
      `metrics: periodsPerYear cannot be inferred from ${times.length} bar(s); give options.periodsPerYear`,
    );
  const spacings: number[] = [];
  for (let t = 1; t < times.length; t++) spacings.push(times[t] - times[t - 1]);
  const spacingDays = median(spacings) / DAY_MS;
  if (spacingDays >= 1.5) return Math.max(1, Math.round(365.25 / spacingDays));
  const daysPerYear = tradesWeekends(times) ? CALENDAR_YEAR : WEEKDAY_YEAR;
  return spacingDays >= 0.5 ? daysPerYear : daysPerYear * median(barsPerDay(times));
}

/** The option as given (checkedPeriodsPerYear) or inferred from the bar times. */
export function periodsPerYearOf(times: Float64Array, given: number | undefined): number {
  return given === undefined ? inferPeriodsPerYear(times) : checkedPeriodsPerYear(given);
}

/** A given periodsPerYear, finite and > 0, or a clear error. */
export function checkedPeriodsPerYear(periodsPerYear: number): number {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0)
    throw new Error(`metrics option periodsPerYear: must be finite and > 0, got ${periodsPerYear}`);
  return periodsPerYear;
}

function tradesWeekends(times: Float64Array): boolean {
  for (const tsMs of times) {
    const weekday = new Date(tsMs).getUTCDay();
    if (weekday === 0 || weekday === 6) return true;
  }
  return false;
}

function barsPerDay(times: Float64Array): number[] {
  const counts = new Map<number, number>();
  for (const tsMs of times) {
    const day = Math.floor(tsMs / DAY_MS);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts.values()];
}
