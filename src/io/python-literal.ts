/** Literals for the Python-side exports (pycls YAML read by PyYAML + yacs, timm/torchvision Python code). */

/** A Python float literal: 1 -> "1.0", 0.25 -> "0.25", 1e-7 -> "1e-07" style exponents are valid as is. */
export function pyFloat(x: number): string {
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/**
 * A float that PyYAML (YAML 1.1) reads as float, not int or string: it needs a dot, and an exponent needs
 * a sign ("1.0e-7"). yacs refuses an int where the default is a float, so "1" would not do for BOT_MUL.
 */
export function yamlFloat(x: number): string {
  const [mantissa, exponent] = String(x).split('e');
  const withDot = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return exponent === undefined
    ? withDot
    : `${withDot}e${/^[+-]/.test(exponent) ? exponent : `+${exponent}`}`;
}

export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

export const pyList = (items: readonly string[]): string => `[${items.join(', ')}]`;

const isControl = (code: number) =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;

/** Text safe inside a one-line # comment: no line breaks or control characters, bounded length. */
export function commentText(s: string, max = 120): string {
  const oneLine = Array.from(s, (ch) => (isControl(ch.charCodeAt(0)) ? ' ' : ch))
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
