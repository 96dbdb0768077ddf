// FIFO lots per asset in flat growable arrays, no object per lot: the trade book's entry prices
// (SPEC 8), the futures' variation-margin references (SPEC 3.3) and the cash account's settlement
// dates of the funds a lot used (SPEC 3.1) all keep their lots this way.

/** The shared empty buffer of an asset that has had no lot yet. */
const NO_LOTS = new Float64Array(0);

export class LotQueues {
  /** Signed lot counts and a value per lot (a price or a date), per asset, consumed from `head`. */
  private lots: Float64Array[];
  private values: Float64Array[];
  private readonly head: Int32Array;
  private readonly tail: Int32Array;

  constructor(assets: number) {
    // Buffers are made at an asset's first lot: most runs trade few of their assets.
    this.lots = new Array(assets).fill(NO_LOTS);
    this.values = new Array(assets).fill(NO_LOTS);
    this.head = new Int32Array(assets);
    this.tail = new Int32Array(assets);
  }

  count(asset: number): number {
    return this.tail[asset] - this.head[asset];
  }

  push(asset: number, lots: number, value: number): void {
    if (this.tail[asset] === this.lots[asset].length) this.grow(asset);
    this.lots[asset][this.tail[asset]] = lots;
    this.values[asset][this.tail[asset]] = value;
    this.tail[asset]++;
  }

  /** The i-th open lot (0 = oldest). */
  lotsAt(asset: number, i: number): number {
    return this.lots[asset][this.head[asset] + i];
  }

  valueAt(asset: number, i: number): number {
    return this.values[asset][this.head[asset] + i];
  }

  setValueAt(asset: number, i: number, value: number): void {
    this.values[asset][this.head[asset] + i] = value;
  }

  /** Takes up to |lots| from the oldest lot; returns the signed lots taken (the lot's sign). */
  takeOldest(asset: number, absLots: number): number {
    const at = this.head[asset];
    const lot = this.lots[asset][at];
    const take = Math.min(absLots, Math.abs(lot));
    const signed = lot > 0 ? take : -take;
    const left = lot - signed;
    if (left !== 0) this.lots[asset][at] = left;
    else if (at + 1 === this.tail[asset]) {
      // Emptied: start again at the front, so a position closed and reopened every bar never slides.
      this.head[asset] = 0;
      this.tail[asset] = 0;
    } else this.head[asset]++;
    return signed;
  }

  /** Makes room at the tail: slides live lots to the front, or doubles the capacity when full. */
  private grow(asset: number): void {
    const head = this.head[asset];
    const live = this.tail[asset] - head;
    if (head > 0 && live < this.lots[asset].length / 2) {
      this.lots[asset].copyWithin(0, head, this.tail[asset]);
      this.values[asset].copyWithin(0, head, this.tail[asset]);
    } else {
      const capacity = Math.max(4, this.lots[asset].length * 2);
      const lots = new Float64Array(capacity);
      const values = new Float64Array(capacity);
      lots.set(this.lots[asset].subarray(head, this.tail[asset]));
      values.set(this.values[asset].subarray(head, this.tail[asset]));
      this.lots[asset] = lots;
      this.values[asset] = values;
    }
    this.head[asset] = 0;
    this.tail[asset] = live;
  }
}
