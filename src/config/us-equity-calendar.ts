// SPEC 1 (calendar), `holidays: "us-equity"`: the US equity calendar as input data, generated from
// the rules. NYSE full-day closures (its holiday rule, Good Friday by the Easter computus, and the
// one-off closures), and the Federal Reserve's holidays on which the NYSE trades: no settlement
// then (Columbus Day, Veterans Day; Martin Luther King Jr. Day before the NYSE closed for it).

/** First and last year the calendar covers. */
export const US_EQUITY_YEARS = { from: 1990, to: 2099 } as const;

export interface UsEquityCalendar {
  /** NYSE full-day closures: no trading, no settlement. ISO dates, ascending. */
  readonly closures: readonly string[];
  /** Federal Reserve holidays on NYSE trading days: trading, no settlement. ISO dates, ascending. */
  readonly settlementHolidays: readonly string[];
}

/** The calendar of US_EQUITY_YEARS, built once. */
export function usEquityCalendar(): UsEquityCalendar {
  if (built === null) built = build();
  return built;
}

let built: UsEquityCalendar | null = null;

/** Closures outside the holiday rule: national days of mourning, 9/11, Hurricane Sandy. */
const ONE_OFF_CLOSURES = [
  "1994-04-27", // Richard Nixon
  "2001-09-11",
  "2001-09-12",
  "2001-09-13",
  "2001-09-14",
  "2004-06-11", // Ronald Reagan
  "2007-01-02", // Gerald Ford
  "2012-10-29",
  "2012-10-30",
  "2018-12-05", // George H. W. Bush
  "2025-01-09", // Jimmy Carter
];

const JANUARY = 0;
const FEBRUARY = 1;
const MAY = 4;
const JUNE = 5;
const JULY = 6;
const SEPTEMBER = 8;
const OCTOBER = 9;
const NOVEMBER = 10;
const DECEMBER = 11;
const MONDAY = 1;
const THURSDAY = 4;
const DAY_MS = 86_400_000;

function build(): UsEquityCalendar {
  const closures = new Set(ONE_OFF_CLOSURES);
  const fed = new Set<string>();
  for (let year = US_EQUITY_YEARS.from; year <= US_EQUITY_YEARS.to; year++) {
    for (const date of nyseHolidays(year)) closures.add(date);
    for (const date of fedHolidays(year)) fed.add(date);
  }
  return Object.freeze({
    closures: Object.freeze([...closures].sort()),
    settlementHolidays: Object.freeze([...fed].filter((date) => !closures.has(date)).sort()),
  });
}

/** NYSE Rule 7.2: a Saturday holiday closes the Friday before, unless that ends the year; a Sunday one the Monday after. */
function nyseHolidays(year: number): string[] {
  const fixed = [
    sundayToMonday(year, JANUARY, 1),
    ...(year >= 2022 ? [nyseObserved(year, JUNE, 19)] : []), // Juneteenth
    nyseObserved(year, JULY, 4),
    nyseObserved(year, DECEMBER, 25),
  ];
  const byWeekday = [
    ...(year >= 1998 ? [nthWeekday(year, JANUARY, MONDAY, 3)] : []), // Martin Luther King Jr. Day
    nthWeekday(year, FEBRUARY, MONDAY, 3), // Washington's Birthday
    goodFriday(year),
    lastWeekday(year, MAY, MONDAY), // Memorial Day
    nthWeekday(year, SEPTEMBER, MONDAY, 1), // Labor Day
    nthWeekday(year, NOVEMBER, THURSDAY, 4), // Thanksgiving
  ];
  return [...fixed, ...byWeekday].filter((ms): ms is number => ms !== null).map(iso);
}

/** The Fed's holidays: a Sunday one closes the Monday after; on a Saturday the Reserve Banks open the Friday before. */
function fedHolidays(year: number): string[] {
  return [
    sundayToMonday(year, JANUARY, 1),
    nthWeekday(year, JANUARY, MONDAY, 3),
    nthWeekday(year, FEBRUARY, MONDAY, 3),
    lastWeekday(year, MAY, MONDAY),
    ...(year >= 2022 ? [sundayToMonday(year, JUNE, 19)] : []),
    sundayToMonday(year, JULY, 4),
    nthWeekday(year, SEPTEMBER, MONDAY, 1),
    nthWeekday(year, OCTOBER, MONDAY, 2), // Columbus Day
    sundayToMonday(year, NOVEMBER, 11), // Veterans Day
    nthWeekday(year, NOVEMBER, THURSDAY, 4),
    sundayToMonday(year, DECEMBER, 25),
  ]
    .filter((ms): ms is number => ms !== null)
    .map(iso);
}

/** The closing day of a fixed-date holiday: Monday for a Sunday, none for a Saturday. */
function sundayToMonday(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month, day);
  const weekday = new Date(ms).getUTCDay();
  return weekday === 6 ? null : weekday === 0 ? ms + DAY_MS : ms;
}

/** NYSE: Friday for a Saturday, Monday for a Sunday. */
function nyseObserved(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month, day);
  const weekday = new Date(ms).getUTCDay();
  return weekday === 6 ? ms - DAY_MS : weekday === 0 ? ms + DAY_MS : ms;
}

/** The n-th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const offset = (weekday - new Date(first).getUTCDay() + 7) % 7;
  return first + (offset + 7 * (n - 1)) * DAY_MS;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = Date.UTC(year, month + 1, 0);
  const back = (new Date(last).getUTCDay() - weekday + 7) % 7;
  return last - back * DAY_MS;
}

/** Two days before Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
function goodFriday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) - 2 * DAY_MS;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
