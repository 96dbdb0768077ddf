// Selecting the k best of n scores without sorting them all: the k-th largest by a min-heap of
// the k largest seen so far, then the ties at the threshold in a given order (the callers).
// O(n log k) per call, no allocation. A heap, not a quickselect: for a ranking's k of about n / 5
// most values are turned away by one comparison with the heap's root, where a quickselect's
// partition loops mispredict a branch on about every other value (twice as slow at n = 50).

/**
 * The k-th largest of the first `count` values (1 <= k <= count). `scratch` (length >= k) is
 * overwritten. Equal inputs give equal results: the value depends on the multiset alone.
 */
export function kthLargest(values: Float64Array, count: number, k: number, scratch: Float64Array): number {
  if (!(Number.isInteger(k) && k >= 1 && k <= count))
    throw new RangeError(`kthLargest: k must be a whole number in 1..${count}, got ${k}`);
  // scratch[0, k) is a min-heap: each parent at most its children, the root the least of them.
  for (let i = 0; i < k; i++) {
    let child = i;
    const value = values[i];
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (scratch[parent] <= value) break;
      scratch[child] = scratch[parent];
      child = parent;
    }
    scratch[child] = value;
  }
  for (let i = k; i < count; i++) {
    const value = values[i];
    if (!(value > scratch[0])) continue;
    // The root leaves for a larger value: sift it down to where it is at most its children.
    let parent = 0;
    for (;;) {
      let child = 2 * parent + 1;
      if (child >= k) break;
      if (child + 1 < k && scratch[child + 1] < scratch[child]) child++;
      if (scratch[child] >= value) break;
      scratch[parent] = scratch[child];
      parent = child;
    }
    scratch[parent] = value;
  }
  return scratch[0];
}
