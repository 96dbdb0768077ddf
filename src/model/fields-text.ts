// A record's fields in one line, `key=value`: how the CSV writers and the tearsheet show a
// reason's or an event's numbers.

/** `fieldsText({ kind: "insufficientCash", required: 15230.5, available: 12000 }, ["kind"])` is `required=15230.5 available=12000`. */
export function fieldsText(record: object, omit: readonly string[]): string {
  return Object.entries(record)
    .filter(([key]) => !omit.includes(key))
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
}
