// A seeded pseudo-random generator (SplitMix32 over a 32-bit state): the same seed gives the same
// marketplace, byte for byte. Streams are derived by key (seller 7, dispute 42) so what one
// dispute draws never shifts another's: a policy compare keeps every dispute's behaviour.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A stream named by the seed and a path of keys: independent of every other path. */
export function stream(seed: number, ...keys: readonly (number | string)[]): Random {
  let state = mix(seed >>> 0);
  for (const key of keys) {
    const n = typeof key === 'number' ? key : hashText(key);
    state = mix(state ^ mix(n >>> 0));
  }
  return {
    next() {
      state = (state + 0x9e3779b9) | 0;
      return mix(state) / 4_294_967_296;
    },
  };
}

function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const chance = (r: Random, p: number): boolean => r.next() < p;

/** An integer in [min, max]. */
export const between = (r: Random, min: number, max: number): number =>
  min + Math.floor(r.next() * (max - min + 1));

/** One of the weighted choices; weights need not sum to 1. */
export function pick<T extends string>(r: Random, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = r.next() * total;
  for (const [key, w] of entries) {
    u -= w;
    if (u < 0) return key;
  }
  return (entries.at(-1) as [T, number])[0];
}

/** A duration drawn log-uniformly between two bounds: most quick, a long tail. */
export function logUniform(r: Random, minMs: number, maxMs: number): number {
  return Math.round(Math.exp(Math.log(minMs) + r.next() * (Math.log(maxMs) - Math.log(minMs))));
}
