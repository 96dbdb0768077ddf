// Selecting the k best of n scores without sorting them all: a quickselect for the threshold,
// then the ties at the threshold in a given order. O(n) per call, no allocation.

/**
 * The k-th largest of the first `count` values (1-based k). `scratch` is overwritten.
 * Deterministic (median-of-three pivots), so equal inputs give equal results.
 */
export function kthLargest(values: Float64Array, count: number, k: number, scratch: Float64Array): number {
  scratch.set(values.subarray(0, count));
  let lo = 0;
  let hi = count - 1;
  const target = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pivot = median(scratch[lo], scratch[mid], scratch[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i] > pivot) i++;
      while (scratch[j] < pivot) j--;
      if (i <= j) {
        const swap = scratch[i];
        scratch[i++] = scratch[j];
        scratch[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return scratch[target];
  }
  return scratch[target];
}

function median(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
