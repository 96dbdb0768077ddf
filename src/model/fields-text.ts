// A record's fields in one line, `key=value`: how the CSV writers and the tearsheet show a
// reason's or an event's numbers.

/**
 * `fieldsText({ kind: "insufficientCash", required: 15230.5, available: 12000 }, ["kind"])` is
 * `required=15230.5 available=12000`; `number` formats the numbers (default: as they are).
 */
export function fieldsText(
  record: object,
  omit: readonly string[],
  number: (value: number) => string = String,
): string {
  return Object.entries(record)
    .filter(([key]) => !omit.includes(key))
    .map(([key, value]) => `${key}=${typeof value === "number" ? number(value) : value}`)
    .join(" ");
}
