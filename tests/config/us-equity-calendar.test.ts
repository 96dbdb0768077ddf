// The generated US equity calendar against published lists written out by hand: the NYSE's
// holidays and closures 2015-2025 (nyse.com "Holidays & Trading Hours", its past schedules), and
// the Federal Reserve's holidays on which the NYSE trades (federalreserve.gov holiday schedules).
import { describe, expect, it } from "vitest";
import { US_EQUITY_YEARS, usEquityCalendar } from "../../src/config/us-equity-calendar.ts";

const NYSE: Record<number, string[]> = {
  2015: ["01-01", "01-19", "02-16", "04-03", "05-25", "07-03", "09-07", "11-26", "12-25"],
  2016: ["01-01", "01-18", "02-15", "03-25", "05-30", "07-04", "09-05", "11-24", "12-26"],
  2017: ["01-02", "01-16", "02-20", "04-14", "05-29", "07-04", "09-04", "11-23", "12-25"],
  2018: ["01-01", "01-15", "02-19", "03-30", "05-28", "07-04", "09-03", "11-22", "12-05", "12-25"],
  2019: ["01-01", "01-21", "02-18", "04-19", "05-27", "07-04", "09-02", "11-28", "12-25"],
  2020: ["01-01", "01-20", "02-17", "04-10", "05-25", "07-03", "09-07", "11-26", "12-25"],
  2021: ["01-01", "01-18", "02-15", "04-02", "05-31", "07-05", "09-06", "11-25", "12-24"],
  // 2022-01-01 is a Saturday that ends the year before: no closure on 2021-12-31.
  2022: ["01-17", "02-21", "04-15", "05-30", "06-20", "07-04", "09-05", "11-24", "12-26"],
  2023: ["01-02", "01-16", "02-20", "04-07", "05-29", "06-19", "07-04", "09-04", "11-23", "12-25"],
  2024: ["01-01", "01-15", "02-19", "03-29", "05-27", "06-19", "07-04", "09-02", "11-28", "12-25"],
  2025: ["01-01", "01-09", "01-20", "02-17", "04-18", "05-26", "06-19", "07-04", "09-01", "11-27", "12-25"],
};

/** Columbus Day and Veterans Day (a Sunday one on the Monday; a Saturday one not at all). */
const FED_ONLY: Record<number, string[]> = {
  2015: ["10-12", "11-11"],
  2016: ["10-10", "11-11"],
  2017: ["10-09"],
  2018: ["10-08", "11-12"],
  2019: ["10-14", "11-11"],
  2020: ["10-12", "11-11"],
  2021: ["10-11", "11-11"],
  2022: ["10-10", "11-11"],
  2023: ["10-09"],
  2024: ["10-14", "11-11"],
  2025: ["10-13", "11-11"],
};

const inYear = (dates: readonly string[], year: number) =>
  dates.filter((date) => date.startsWith(`${year}-`));
const dated = (year: number, days: string[]) => days.map((day) => `${year}-${day}`);

describe("usEquityCalendar()", () => {
  const calendar = usEquityCalendar();

  for (const year of Object.keys(NYSE).map(Number)) {
    it(`${year}: the NYSE's closures and the Fed's non-settlement trading days, as published`, () => {
      expect(inYear(calendar.closures, year)).toEqual(dated(year, NYSE[year]));
      expect(inYear(calendar.settlementHolidays, year)).toEqual(dated(year, FED_ONLY[year]));
    });
  }

  it("the 1990s: no NYSE closure on Martin Luther King Jr. Day before 1998 (a Fed day then), the Nixon day of mourning", () => {
    expect(inYear(calendar.closures, 1994)).toEqual(
      dated(1994, ["02-21", "04-01", "04-27", "05-30", "07-04", "09-05", "11-24", "12-26"]),
    );
    expect(inYear(calendar.settlementHolidays, 1994)).toEqual(dated(1994, ["01-17", "10-10", "11-11"]));
    expect(inYear(calendar.closures, 1998)).toContain("1998-01-19");
    expect(inYear(calendar.settlementHolidays, 1998)).toEqual(dated(1998, ["10-12", "11-11"]));
  });

  it("the one-off closures: 9/11, Hurricane Sandy, the days of mourning", () => {
    for (const date of [
      "2001-09-11",
      "2001-09-12",
      "2001-09-13",
      "2001-09-14",
      "2004-06-11",
      "2007-01-02",
      "2012-10-29",
      "2012-10-30",
    ])
      expect(calendar.closures).toContain(date);
  });

  it(`covers ${US_EQUITY_YEARS.from}-${US_EQUITY_YEARS.to}, weekdays only, ascending, the two lists disjoint`, () => {
    const all = [...calendar.closures, ...calendar.settlementHolidays];
    expect(calendar.closures[0].slice(0, 4)).toBe(String(US_EQUITY_YEARS.from));
    expect((calendar.closures.at(-1) as string).slice(0, 4)).toBe(String(US_EQUITY_YEARS.to));
    for (const date of all) expect([1, 2, 3, 4, 5]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    expect([...calendar.closures].sort()).toEqual(calendar.closures);
    expect([...calendar.settlementHolidays].sort()).toEqual(calendar.settlementHolidays);
    expect(new Set(all).size).toBe(all.length);
  });
});
