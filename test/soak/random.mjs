/**
 * mulberry32: a seeded generator of numbers in [0, 1), enough for choosing faults (not for secrets).
 * The same seed gives the same sequence, so a soak's plan of faults can be replayed.
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
