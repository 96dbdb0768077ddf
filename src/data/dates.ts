// SPEC 1 (data): timestamps are UTC ms; dates in files are ISO-8601; business days are weekdays.

/** UTC ms of YYYY-MM-DD or an ISO-8601 date-time (a time without zone is UTC); NaN when invalid. */
export function parseDateMs(text: string): number {
  const day = DAY.exec(text);
  if (day !== null) return utcMs(+day[1], +day[2], +day[3], 0, 0, 0, 0, 0);
  const dt = DATE_TIME.exec(text);
  if (dt === null) return Number.NaN;
  const ms = dt[7] === undefined ? 0 : Math.round(Number(dt[7]) * 1000);
  return utcMs(+dt[1], +dt[2], +dt[3], +dt[4], +dt[5], +(dt[6] ?? 0), ms, zoneMinutes(dt[8]));
}

/** `count` weekdays (UTC midnight) from startMs on, startMs included when it is a weekday. */
export function businessDays(startMs: number, count: number): Float64Array {
  const times = new Float64Array(count);
  let tsMs = startMs;
  for (let t = 0; t < count; tsMs += DAY_MS) {
    const weekday = new Date(tsMs).getUTCDay();
    if (weekday !== 0 && weekday !== 6) times[t++] = tsMs;
  }
  return times;
}

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: number) {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1];
  if (monthDays === undefined || d < 1 || d > monthDays || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0..99 as 1900..1999
  date.setUTCHours(h, mi, s, ms);
  return date.getTime() - zone * 60_000;
}

/** Offset east of UTC in minutes: "Z" or none -> 0, "+05:30" -> 330. */
function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const digits = zone.replace(":", "");
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone[0] === "-" ? -minutes : minutes;
}
