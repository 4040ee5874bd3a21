/**
 * A seeded pseudo-random source for the demo data. The demo must be reproducible (the
 * same seed gives the same records, so tests and screenshots are stable), which rules
 * out Math.random and crypto.randomUUID.
 */

/** mulberry32: 32 bits of state, fast, and plenty for picking names and dates. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  private readonly source: () => number;

  constructor(seed: number) {
    this.source = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.source();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.source() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.source() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks by relative weight: `[['smk', 40], ['sma', 32], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.source() * total;
    for (const [item, weight] of entries) {
      left -= weight;
      if (left < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.source() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /**
   * `count` items drawn without replacement, each with a chance proportional to its
   * weight (Efraimidis–Spirakis keys), so e.g. welders are likelier to be employed.
   */
  sampleWeighted<T>(items: readonly T[], count: number, weightOf: (item: T) => number): T[] {
    return items
      .map((item) => ({ item, key: Math.pow(this.source(), 1 / Math.max(weightOf(item), 1e-6)) }))
      .sort((a, b) => b.key - a.key)
      .slice(0, count)
      .map(({ item }) => item);
  }

  /** `length` decimal digits, leading zeros allowed. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += String(Math.floor(this.source() * 10));
    return out;
  }

  /** A UUID v4-shaped id made from the stream, so ids are as reproducible as the rest. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i += 1) {
      hex += (Math.floor(this.source() * 4_294_967_296) >>> 0).toString(16).padStart(8, '0');
    }
    const variant = '89ab'[Math.floor(this.source() * 4)] ?? '8';
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      `4${hex.slice(13, 16)}`,
      `${variant}${hex.slice(17, 20)}`,
      hex.slice(20, 32),
    ].join('-');
  }
}
