// Growing typed arrays: the fast engine's buffers double when full instead of being lists of numbers.

/** A copy of a typed array in one of `size` of the same kind (the rest zero; cut to size if shorter). */
export function grown<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  // subarray's end is clamped to the length: a shorter `a` is copied whole.
  next.set(a.subarray(0, size));
  return next;
}
