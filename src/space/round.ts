/** Python's round() / numpy's np.round for scalars: ties go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends ties up; at an exact .5 pick the even one instead.
  if (Math.abs(x - Math.trunc(x)) === 0.5) return r % 2 === 0 ? r : r - 1;
  return r;
}

/** Python's int(x): truncation toward zero. */
export const truncInt = (x: number): number => Math.trunc(x);

/** Python's a // b for non-negative integers (exact for values below 2^53). */
export const floorDiv = (a: number, b: number): number => Math.floor(a / b);

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}

export const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
