/** `?limit=` as a whole number in 1…max; anything else means the default. */
export function queryLimit(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}
