/** Input checks shared by the analysis functions, so every bad input fails with the same clear wording. */

/** Throws unless `values` is an array of finite numbers; `where` names the calling function. */
export function checkFinite(where: string, name: string, values: readonly number[]): void {
  if (!Array.isArray(values)) throw new Error(`${where}: ${name} must be an array of numbers.`);
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(
        `${where}: ${name}[${i}] is ${String(v)}; every value must be a finite number (drop failed or unfinished runs first).`,
      );
    }
  });
}

/** Throws unless `values` has at least `min` entries. */
export function checkLength(where: string, name: string, values: readonly number[], min: number): void {
  if (values.length < min) {
    throw new Error(
      `${where}: ${name} has ${values.length} value(s) but at least ${min} are needed; add more trained models.`,
    );
  }
}

/** Throws unless two parallel arrays (one entry per model) have the same length. */
export function checkSameLength(
  where: string,
  [nameA, a]: [string, readonly unknown[]],
  [nameB, b]: [string, readonly unknown[]],
): void {
  if (a.length !== b.length) {
    throw new Error(
      `${where}: ${nameA} has ${a.length} entries but ${nameB} has ${b.length}; give one of each per model.`,
    );
  }
}
