// Lookup tables for the per-order path: plain objects (cheaper than a Map or a Set there) with no
// prototype, so a name an object inherits ("constructor", "toString") finds nothing.

export function lookupTable<V>(entries: Iterable<readonly [string, V]>): Readonly<Record<string, V>> {
  return Object.assign(Object.create(null), Object.fromEntries(entries));
}
