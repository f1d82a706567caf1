/** Runs a space-layer computation on untrusted parameters; a thrown Error becomes a problem text. */
export function resolveSafely<T>(compute: () => T): { value: T } | { error: string } {
  try {
    return { value: compute() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
